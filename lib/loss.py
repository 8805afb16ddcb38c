"""The loss-extrapolation model: parameters, presets and one pure ``run``.

The page, the CLI and the tests all go through :func:`run`, which turns a dict
of registry values into a :class:`LossResult` of plain numbers and arrays.
Formulas live in :mod:`lib.scaling_laws`; this module wires them to the
parameters a user can move.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from lib import scaling_laws as sl
from lib.registry import Param, ParamSet, Preset, Source
from lib.units import PF_DAY_FLOP

KAPLAN = Source("Kaplan et al. 2020, Scaling Laws for Neural Language Models, eq. 1.3 and fig. 14",
                "https://arxiv.org/abs/2001.08361")
GPT3_FIT = Source("Brown et al. 2020, fig. 3.1 (fit quoted by Gwern 2020, The Scaling Hypothesis, fn. 20)",
                  "https://gwern.net/scaling-hypothesis")
HOFFMANN = Source("Hoffmann et al. 2022, Training Compute-Optimal LLMs, Approach 3",
                  "https://arxiv.org/abs/2203.15556")
BESIROGLU = Source("Besiroglu et al. 2024, Chinchilla Scaling: A replication attempt",
                   "https://arxiv.org/abs/2404.10102")
GAO = Source("Gao 2021, Thoughts on the Alignment Implications of Scaling Language Models "
             "(strong vs weak capabilities scenarios); values are assumptions to argue over",
             "https://bmk.sh/2021/06/02/Thoughts-on-the-Alignment-Implications-of-Scaling-Language-Models/")
GWERN = Source("Gwern 2020, The Scaling Hypothesis, fn. 20 (GPT-3 at ~twice a human's error)",
               "https://gwern.net/scaling-hypothesis")
DATA = Source("Epoch AI, Notable AI Models (CC BY 4.0), via data/notable_models.csv",
              "https://epoch.ai/data/notable-ai-models")

# GPT-3's training compute as Epoch records it (3.14e23 FLOP, ~3,640 PF-days).
GPT3_FLOP = 3.14e23

# Laws drawn on the page, in legend order. The key doubles as the toggle's URL key.
LAWS: dict[str, str] = {
    "kaplan": "Kaplan 2020 L(C_min)",
    "gpt3": "GPT-3 fit 2.57·C^-0.048",
    "hoffmann": "Chinchilla (Hoffmann 2022)",
    "besiroglu": "Replication (Besiroglu 2024)",
}


def _toggle(key: str, label: str, source: Source) -> Param:
    return Param(key, f"Show {label}", "", True, f"Draw the {label} curve.", source, kind="bool")


PARAMS = ParamSet(
    "loss",
    (
        Param("compute", "Compute budget", "FLOP", GPT3_FLOP, "Training compute of the run you are asking "
              "about. The default is GPT-3 (3.14e23 FLOP, ~3,640 PF-days); Chinchilla used 5.76e23.", GPT3_FIT,
              min=1e18, max=1e32, scale="log"),
        _toggle("kaplan", LAWS["kaplan"], KAPLAN),
        _toggle("gpt3", LAWS["gpt3"], GPT3_FIT),
        _toggle("hoffmann", LAWS["hoffmann"], HOFFMANN),
        _toggle("besiroglu", LAWS["besiroglu"], BESIROGLU),
        Param("k_alpha", "Kaplan exponent α_C", "", 0.050, "Slope of L(C_min) = (C_c/C)^α_C.", KAPLAN,
              min=0.01, max=0.2, step=0.001),
        Param("k_cc", "Kaplan scale C_c", "PF-days", 3.1e8, "Compute scale of L(C_min).", KAPLAN,
              min=1e6, max=1e11, scale="log"),
        Param("k_a", "Kaplan allocation exponent a", "", 0.73, "N_opt grows as C^a (Kaplan: 0.73; "
              "10x compute buys ~5.4x parameters and ~1.9x data).", KAPLAN, min=0.3, max=0.9, step=0.01),
        Param("fit_k", "GPT-3 fit coefficient", "", 2.57, "L = k·C^-b with C in PF-days.", GPT3_FIT,
              min=1.0, max=5.0, step=0.01),
        Param("fit_b", "GPT-3 fit exponent b", "", 0.048, "L = k·C^-b with C in PF-days.", GPT3_FIT,
              min=0.01, max=0.2, step=0.001),
        Param("h_e", "Hoffmann E (irreducible)", "nats", 1.69, "Irreducible loss term.", HOFFMANN,
              min=0.0, max=3.0, step=0.01),
        Param("h_a", "Hoffmann A", "", 406.4, "Parameter-term coefficient.", HOFFMANN,
              min=10.0, max=5000.0, step=0.1),
        Param("h_b", "Hoffmann B", "", 410.7, "Data-term coefficient.", HOFFMANN,
              min=10.0, max=5000.0, step=0.1),
        Param("h_alpha", "Hoffmann α", "", 0.34, "Parameter exponent.", HOFFMANN,
              min=0.05, max=1.0, step=0.01),
        Param("h_beta", "Hoffmann β", "", 0.28, "Data exponent.", HOFFMANN,
              min=0.05, max=1.0, step=0.01),
        Param("b_e", "Replication E (irreducible)", "nats", 1.82, "Irreducible loss term "
              "(bootstrap SE 0.026).", BESIROGLU, min=0.0, max=3.0, step=0.01),
        Param("b_a", "Replication A", "", 482.01, "Parameter-term coefficient (SE 124.6).", BESIROGLU,
              min=10.0, max=5000.0, step=0.01),
        Param("b_b", "Replication B", "", 2085.43, "Data-term coefficient (SE 1293).", BESIROGLU,
              min=10.0, max=10000.0, step=0.01),
        Param("b_alpha", "Replication α", "", 0.3478, "Parameter exponent (SE 0.0154).", BESIROGLU,
              min=0.05, max=1.0, step=0.0001),
        Param("b_beta", "Replication β", "", 0.3658, "Data exponent (SE 0.0206).", BESIROGLU,
              min=0.05, max=1.0, step=0.0001),
        Param("strong", "Show strong-capabilities scenario", "", True, "The GPT-3 fit followed "
              "exactly down to an irreducible floor, then flat.", GAO, kind="bool"),
        Param("strong_e", "Strong scenario: irreducible loss", "nats", 0.7, "Where the straight line "
              "stops. An assumption: nobody knows the entropy of text on this scale.", GAO,
              min=0.0, max=2.0, step=0.01),
        Param("weak", "Show weak-capabilities scenario", "", True, "The GPT-3 fit peels away: its "
              "exponent decays past the bend and it never goes below a higher floor.", GAO, kind="bool"),
        Param("weak_floor", "Weak scenario: floor", "nats", 1.0, "Loss the weak scenario never "
              "goes below (an assumption).", GAO, min=0.0, max=2.0, step=0.01),
        Param("bend", "Weak scenario: bend at", "FLOP", 1e26, "Compute past which the exponent "
              "starts to decay (an assumption).", GAO, min=1e20, max=1e32, scale="log"),
        Param("bend_ooms", "Weak scenario: exponent halves every", "OOM", 2.0, "Orders of magnitude of "
              "compute over which the local exponent halves past the bend.", GAO,
              min=0.2, max=20.0, step=0.1),
        Param("human", "Human-level loss", "nats", 0.86, "Reference line on the GPT-3 fit's scale: "
              "GPT-3's 1.73 halved, on the guess that it has about twice a human's error.", GWERN,
              min=0.1, max=3.0, step=0.01),
        Param("iso_law", "Law for model points and IsoFLOP view", "", "hoffmann",
              "Which L(N, D) scores notable models and draws IsoFLOP curves.", HOFFMANN,
              kind="choice", choices=("hoffmann", "besiroglu", "kaplan_nd"),
              choice_labels=("Chinchilla (Hoffmann 2022)", "Replication (Besiroglu 2024)",
                             "Kaplan 2020 L(N, D)")),
    ),
    groups=(
        ("Compute budget", ("compute",)),
        ("Laws shown", ("kaplan", "gpt3", "hoffmann", "besiroglu")),
        ("Law constants", ("k_alpha", "k_cc", "k_a", "fit_k", "fit_b", "h_e", "h_a", "h_b", "h_alpha",
                           "h_beta", "b_e", "b_a", "b_b", "b_alpha", "b_beta")),
        ("Where the line ends", ("strong", "strong_e", "weak", "weak_floor", "bend", "bend_ooms", "human")),
        ("Model points and IsoFLOP", ("iso_law",)),
    ),
)

PRESETS: tuple[Preset, ...] = (
    Preset("Published constants", "Every law with its paper's constants; budget at GPT-3.", {}, GPT3_FIT),
    Preset("Chinchilla vs Gopher", "Budget at Chinchilla's 5.76e23 FLOP, where Gopher (280B) and "
           "Chinchilla (70B) spent about the same compute.", {"compute": 5.76e23}, HOFFMANN),
    Preset("Strong capabilities only", "The line runs straight to a low floor: scaling is all you need.",
           {"weak": False, "strong_e": 0.5, "compute": 1e30}, GAO),
    Preset("Weak capabilities only", "The line bends early and stalls above human level.",
           {"strong": False, "bend": 1e24, "bend_ooms": 1.0, "weak_floor": 1.2, "compute": 1e30}, GAO),
)

# The x range of every loss chart, 1e18 to 1e32 FLOP: 141 log-spaced points (ten a
# decade) draw these nearly straight log-log curves smoothly, and every point is
# redrawn in the browser on each slider move.
COMPUTE_GRID = np.logspace(18, 32, 141)
# Chinchilla's own budget sits among round ones so Gopher and Chinchilla can be
# placed on the curve where they competed.
ISOFLOP_BUDGETS = (1e21, 1e22, 1e23, sl.CHINCHILLA_FLOP, 1e25)
ALLOCATION_RULES = ("kaplan", "hoffmann_1", "hoffmann_2", "hoffmann", "besiroglu")
ALLOCATION_LABELS = {
    "kaplan": "Kaplan 2020 (a = 0.73)",
    "hoffmann_1": "Hoffmann approach 1 (a = 0.50)",
    "hoffmann_2": "Hoffmann approach 2 (a = 0.49)",
    "hoffmann": "Hoffmann approach 3 (parametric)",
    "besiroglu": "Replication (parametric)",
}


@dataclass(frozen=True)
class Allocation:
    params: float
    tokens: float

    @property
    def tokens_per_param(self) -> float:
        return self.tokens / self.params


@dataclass(frozen=True)
class LossResult:
    """Everything the Loss page draws, for one set of parameter values."""

    compute_flop: float
    grid: np.ndarray
    curves: dict[str, np.ndarray]  # law key -> loss on grid (only laws switched on)
    loss_at_budget: dict[str, float]  # every law, switched on or not
    allocation: dict[str, Allocation]  # allocation rule key -> N, D at the budget
    allocation_curves: dict[str, tuple[np.ndarray, np.ndarray]]  # rule -> (N, D) on grid
    growth_per_10x: dict[str, tuple[float, float]]  # rule -> (N factor, D factor)
    strong: np.ndarray | None
    weak: np.ndarray | None
    human_loss: float
    human_crossing: dict[str, float | None]  # curve -> FLOP where it reaches human loss
    iso_curves: dict[float, tuple[np.ndarray, np.ndarray]]  # budget -> (N, loss)
    iso_minimum: dict[float, tuple[float, float]]  # budget -> (N at min, loss at min)


def laws_from(values: Mapping[str, float | bool | str]) -> tuple[sl.ChinchillaLaw, sl.ChinchillaLaw]:
    """The two Chinchilla-form laws with the user's constants."""
    v = values
    hoff = sl.ChinchillaLaw(float(v["h_e"]), float(v["h_a"]), float(v["h_b"]),
                            float(v["h_alpha"]), float(v["h_beta"]))
    besi = sl.ChinchillaLaw(float(v["b_e"]), float(v["b_a"]), float(v["b_b"]),
                            float(v["b_alpha"]), float(v["b_beta"]))
    return hoff, besi


def nd_loss(values: Mapping[str, float | bool | str], n: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Loss of models with N parameters trained on D tokens, by the chosen L(N, D) law."""
    hoff, besi = laws_from(values)
    law = values["iso_law"]
    if law == "kaplan_nd":
        return sl.kaplan_loss_nd(n, d)
    return sl.chinchilla_loss(n, d, hoff if law == "hoffmann" else besi)


def run(values: Mapping[str, float | bool | str]) -> LossResult:
    """Evaluate every law, scenario and allocation rule for validated ``values``."""
    v, _ = PARAMS.coerce(values)
    c = float(v["compute"])
    grid = COMPUTE_GRID
    hoff, besi = laws_from(v)
    fit_k, fit_b = float(v["fit_k"]), float(v["fit_b"])

    def law_loss(key: str, x: np.ndarray) -> np.ndarray:
        if key == "kaplan":
            return sl.kaplan_loss_compute(x, float(v["k_alpha"]), float(v["k_cc"]))
        if key == "gpt3":
            return sl.power_law_compute(x, fit_k, fit_b)
        return sl.chinchilla_frontier_loss(x, hoff if key == "hoffmann" else besi)

    all_curves = {key: law_loss(key, grid) for key in LAWS}
    curves = {key: all_curves[key] for key in LAWS if v[key]}
    at_budget = {key: float(law_loss(key, np.array([c]))[0]) for key in LAWS}

    rules = {
        "kaplan": lambda x: sl.kaplan_optimal(x, float(v["k_a"])),
        "hoffmann_1": sl.HOFFMANN_APPROACH_1.optimal,
        "hoffmann_2": sl.HOFFMANN_APPROACH_2.optimal,
        "hoffmann": lambda x: sl.chinchilla_optimal(x, hoff),
        "besiroglu": lambda x: sl.chinchilla_optimal(x, besi),
    }
    allocation = {}
    allocation_curves = {}
    for key, rule in rules.items():
        n, d = rule(np.array([c]))
        allocation[key] = Allocation(float(n[0]), float(d[0]))
        allocation_curves[key] = rule(grid)
    exponents = {
        "kaplan": float(v["k_a"]),
        "hoffmann_1": sl.HOFFMANN_APPROACH_1.a,
        "hoffmann_2": sl.HOFFMANN_APPROACH_2.a,
        "hoffmann": hoff.beta / (hoff.alpha + hoff.beta),
        "besiroglu": besi.beta / (besi.alpha + besi.beta),
    }
    growth = {key: sl.growth_per_10x(a) for key, a in exponents.items()}

    strong = sl.strong_scenario(all_curves["gpt3"], float(v["strong_e"])) if v["strong"] else None
    weak = (sl.weak_scenario(grid, fit_k, fit_b, float(v["bend"]), float(v["bend_ooms"]),
                             float(v["weak_floor"])) if v["weak"] else None)
    human = float(v["human"])
    crossing_curves = {**curves}
    if strong is not None:
        crossing_curves["strong"] = strong
    if weak is not None:
        crossing_curves["weak"] = weak
    crossing = {key: sl.first_crossing(grid, y, human) for key, y in crossing_curves.items()}

    iso_curves: dict[float, tuple[np.ndarray, np.ndarray]] = {}
    iso_min: dict[float, tuple[float, float]] = {}
    for budget in ISOFLOP_BUDGETS:
        # Two decades either side of the parametric optimum frames the valley.
        centre = float(sl.chinchilla_optimal(budget, hoff)[0])
        n = np.logspace(np.log10(centre) - 2, np.log10(centre) + 2, 200)
        loss = nd_loss(v, n, budget / (6.0 * n))
        i = int(np.argmin(loss))
        iso_curves[budget] = (n, loss)
        iso_min[budget] = (float(n[i]), float(loss[i]))

    return LossResult(c, grid, curves, at_budget, allocation, allocation_curves, growth, strong, weak,
                      human, crossing, iso_curves, iso_min)


def cli_results(result: LossResult) -> dict[str, object]:
    """The JSON the CLI prints: loss and compute-optimal N, D per law at the budget."""
    allocation_of = {"kaplan": "kaplan", "chinchilla": "hoffmann", "besiroglu": "besiroglu"}
    loss_of = {"kaplan": "kaplan", "gpt3_fit": "gpt3", "chinchilla": "hoffmann", "besiroglu": "besiroglu"}
    return {
        "compute_flop": result.compute_flop,
        "compute_pfdays": result.compute_flop / PF_DAY_FLOP,
        "loss": {name: result.loss_at_budget[key] for name, key in loss_of.items()},
        "compute_optimal": {
            name: {"params": result.allocation[key].params, "tokens": result.allocation[key].tokens}
            for name, key in allocation_of.items()
        },
        "human_loss": result.human_loss,
        "human_crossing_flop": result.human_crossing,
    }
