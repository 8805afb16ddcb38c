"""The loss-extrapolation model: one pure evaluation of every law, scenario and allocation rule.

:func:`run_batch` gives the headlines for arrays of parameter values; :func:`evaluate` gives the
single view's full :class:`LossResult` (curves, allocations, IsoFLOP valleys, scored notable
models, the labels the legend prints) and takes its headlines from :func:`run_batch`. Formulas
live in :mod:`lib.core.scaling_laws`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lib.chains.loss.params import GPT3_FLOP, LAW_KEYS, LAW_NAMES, ND_LAW_NAMES, ND_LAWS, PARAMS
from lib.core import frontier
from lib.core import scaling_laws as sl
from lib.core.chain import HeadlineBatch, headline_batch
from lib.core.memo import BoundedMemo
from lib.core.ranges import quantile_bands
from lib.core.registry import same_value
from lib.core.shared_params import BESIROGLU_PARAMS, LAW_CONSTANTS
from lib.core.units import PF_DAY_FLOP, format_number

# Every loss chart spans the budget slider's range, ten points a decade: these nearly straight
# log-log curves need no more, and every point is redrawn in the browser on each slider move.
COMPUTE_RANGE = (PARAMS["compute"].min, PARAMS["compute"].max)
COMPUTE_GRID = np.logspace(np.log10(COMPUTE_RANGE[0]), np.log10(COMPUTE_RANGE[1]),
                           int(round(np.log10(COMPUTE_RANGE[1] / COMPUTE_RANGE[0]))) * 10 + 1)
# The uncertainty view's bands: every other point of the grid, enough for a shaded area, and half
# the quantiles to compute.
BAND_GRID = COMPUTE_GRID[::2]
# Bands remembered by the draws of their law's constants: a budget move (the page's key slider)
# leaves them as they were. A few views' worth; the entries are small (4 quantiles × the grid).
_BANDS_KEPT = 32
# Chinchilla's own budget sits among round ones so Gopher and Chinchilla can be placed on the
# curve where they competed.
ISOFLOP_BUDGETS = (1e21, 1e22, 1e23, sl.CHINCHILLA_FLOP, 1e25)
ALLOCATION_RULES = ("kaplan", "hoffmann_1", "hoffmann_2", "hoffmann", "besiroglu")
# Gopher and Chinchilla, the pair the Chinchilla paper compares at about equal compute (Table 1).
GOPHER = ("Gopher", 2.8e11, 3.0e11)
CHINCHILLA = ("Chinchilla", 7.0e10, 1.4e12)

Values = Mapping[str, object]


@dataclass(frozen=True)
class Allocation:
    params: float
    tokens: float

    @property
    def tokens_per_param(self) -> float:
        return self.tokens / self.params


@dataclass(frozen=True)
class ModelPoints:
    """Notable models scored by the chosen L(N, D) law (``loss``), and those with compute only."""

    label: tuple[str, ...]
    compute_flop: np.ndarray
    params: np.ndarray
    tokens: np.ndarray
    confidence: tuple[str, ...]
    loss: np.ndarray
    compute_only: tuple[tuple[str, float], ...]  # (label, FLOP): no N or D disclosed
    # Every other language model of Epoch AI's export with compute, N and D: drawn small, on hover.
    others_label: tuple[str, ...] = ()
    others_compute: np.ndarray = field(default_factory=lambda: np.zeros(0))
    others_loss: np.ndarray = field(default_factory=lambda: np.zeros(0))


@dataclass(frozen=True)
class LossResult:
    """Everything the Loss page draws, for one set of parameter values."""

    compute_flop: float
    grid: np.ndarray
    curves: dict[str, np.ndarray]  # law key -> loss on grid (only laws switched on)
    law_labels: dict[str, str]  # law key -> legend text with the current constants
    end_names: dict[str, str]  # curve key -> the short name at its right-hand end
    loss_at_budget: dict[str, float]  # every law, switched on or not
    allocation: dict[str, Allocation]  # allocation rule key -> N, D at the budget
    allocation_curves: dict[str, tuple[np.ndarray, np.ndarray]]  # rule -> (N, D) on grid
    allocation_labels: dict[str, str]
    growth_per_10x: dict[str, tuple[float, float]]  # rule -> (N factor, D factor)
    strong: np.ndarray | None
    weak: np.ndarray | None
    human_loss: float
    human_crossing: dict[str, float | None]  # curve -> FLOP where it reaches human loss on the grid
    iso_law: str
    iso_law_label: str
    iso_curves: dict[float, tuple[np.ndarray, np.ndarray]]  # budget -> (N, loss), the user's budget included
    iso_minimum: dict[float, tuple[float, float]]  # budget -> (N at min, loss at min)
    gopher_chinchilla: dict[str, float]  # "Gopher"/"Chinchilla" -> loss by the chosen L(N, D)
    points: ModelPoints
    headlines: HeadlineBatch  # a batch of one


def _laws(v: Mapping[str, np.ndarray]) -> tuple[sl.ChinchillaLaw, sl.ChinchillaLaw]:
    """The two Chinchilla-form laws with the user's constants (fields may be arrays)."""
    return frontier.chinchilla(v, "hoffmann"), frontier.chinchilla(v, "besiroglu")


def run_batch(values: Values) -> HeadlineBatch:
    """Headlines for arrays of values: each law's loss at the budget, compute to human level."""
    v = PARAMS.coerce_batch(values)
    c = v["compute"].astype(float)
    out = {f"loss_{key}": frontier.loss(key, v, c) for key in LAW_KEYS}
    out["human_compute"] = sl.compute_for_loss(v["human"], v["fit_k"], v["fit_b"])
    out["human_compute_strong"] = sl.strong_crossing(v["human"], v["fit_k"], v["fit_b"], v["strong_e"])
    out["human_compute_weak"] = sl.weak_crossing(v["human"], v["fit_k"], v["fit_b"], v["bend"], v["bend_ooms"],
                                                 v["weak_floor"])
    return headline_batch(out, {
        "human_compute_strong": [(np.isnan(out["human_compute_strong"]), "never: its floor is above human level")],
        "human_compute_weak": [(np.isnan(out["human_compute_weak"]), "never: it levels off above human level")],
    })


def nd_loss(values: Values, n: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Loss of models with N parameters trained on D tokens, by the chosen L(N, D) law."""
    if values["iso_law"] == "kaplan_nd":
        return sl.kaplan_loss_nd(n, d, sl.KAPLAN_2020_ND)
    hoff, besi = _laws(values)  # type: ignore[arg-type]
    return sl.chinchilla_loss(n, d, hoff if values["iso_law"] == "hoffmann" else besi)


# The curves' short names at their right-hand ends.
END_NAMES = {"kaplan": "Kaplan", "gpt3": "GPT-3 fit", "hoffmann": "Chinchilla", "besiroglu": "Replication",
             "strong": "strong", "weak": "weak"}
YOURS = "Your fit"  # the replication's slot holding other constants: a fit carried from the fit page, or yours


def replication_is_yours(v: Values) -> bool:
    """Whether the replication's slot holds constants other than the replication's published ones.

    The fit page carries a fitted L(N, D) into this slot; a curve drawn from its constants is then the
    user's, and is named so, not "Replication".
    """
    return any(not same_value(v.get(p.key, p.default), p.default) for p in BESIROGLU_PARAMS)


def end_names(v: Values) -> dict[str, str]:
    return {**END_NAMES, "besiroglu": YOURS} if replication_is_yours(v) else dict(END_NAMES)


def law_labels(v: Values) -> dict[str, str]:
    """Legend text with the constants in use, so a moved slider shows in the legend."""
    def fmt(x: object) -> str:
        return format_number(float(x))  # type: ignore[arg-type]

    besiroglu = f"{YOURS} (in the replication's slot)" if replication_is_yours(v) else LAW_NAMES["besiroglu"]
    return {
        "kaplan": f"{LAW_NAMES['kaplan']} = ({fmt(v['k_cc'])}/C)^{fmt(v['k_alpha'])}",
        "gpt3": f"{LAW_NAMES['gpt3']} {fmt(v['fit_k'])}·C^-{fmt(v['fit_b'])}",
        "hoffmann": f"{LAW_NAMES['hoffmann']}, E = {float(v['h_e']):.3g}",
        "besiroglu": f"{besiroglu}, E = {float(v['b_e']):.3g}",
    }


def _allocation_exponents(v: Values) -> dict[str, float]:
    h_a, h_b = float(v["h_alpha"]), float(v["h_beta"])
    b_a, b_b = float(v["b_alpha"]), float(v["b_beta"])
    return {"kaplan": float(v["k_a"]), "hoffmann_1": sl.HOFFMANN_APPROACH_1.a, "hoffmann_2": sl.HOFFMANN_APPROACH_2.a,
            "hoffmann": h_b / (h_a + h_b), "besiroglu": b_b / (b_a + b_b)}


def language_models(export: pd.DataFrame, labelled: pd.DataFrame) -> pd.DataFrame:
    """The export's language models with compute, parameters and tokens, less those already labelled."""
    t = export[export["domain"].fillna("").str.contains("Language")].copy()
    for col in ("parameters", "training_tokens", "training_compute_flop"):
        t[col] = pd.to_numeric(t[col], errors="coerce")
    t = t[(t["parameters"] > 0) & (t["training_tokens"] > 0) & (t["training_compute_flop"] > 0)]
    return t[~t["model"].isin(set(labelled["model"]))]


def _model_points(v: Values, models: pd.DataFrame, others: pd.DataFrame | None = None) -> ModelPoints:
    known = models.dropna(subset=["parameters", "training_tokens", "training_compute_flop"])
    n, d = known["parameters"].to_numpy(float), known["training_tokens"].to_numpy(float)
    rest = models[models["parameters"].isna() | models["training_tokens"].isna()]
    extra = {}
    if others is not None and len(others):
        extra = {"others_label": tuple(others["model"]), "others_compute": others["training_compute_flop"].to_numpy(float),
                 "others_loss": nd_loss(v, others["parameters"].to_numpy(float), others["training_tokens"].to_numpy(float))}
    return ModelPoints(tuple(known["label"]), known["training_compute_flop"].to_numpy(float), n, d,
                       tuple(str(c) for c in known["compute_confidence"]), nd_loss(v, n, d),
                       tuple((str(r.label), float(r.training_compute_flop)) for r in rest.itertuples()), **extra)


def evaluate(values: Values, models: pd.DataFrame, others: pd.DataFrame | None = None) -> LossResult:
    """The full single view for ``values`` (missing keys take defaults), scoring ``models`` (labelled) and ``others``."""
    v, _ = PARAMS.coerce(values)
    c = float(v["compute"])  # type: ignore[arg-type]
    grid = COMPUTE_GRID
    arrays = PARAMS.coerce_batch(v)  # a batch of one, so the curves share run_batch's broadcasting code
    heads = run_batch(v)
    all_curves = {key: frontier.loss(key, arrays, grid[None, :])[0] for key in LAW_KEYS}
    curves = {key: all_curves[key] for key in LAW_KEYS if v[key]}
    hoff, besi = _laws(v)  # type: ignore[arg-type]

    k_rule = sl.KaplanAllocation(sl.KAPLAN_2020_ALLOCATION.coef, float(v["k_a"]))  # type: ignore[arg-type]
    rules = {
        "kaplan": lambda x: sl.kaplan_optimal(x, k_rule.exponent, k_rule.coef),
        "hoffmann_1": sl.HOFFMANN_APPROACH_1.optimal,
        "hoffmann_2": sl.HOFFMANN_APPROACH_2.optimal,
        "hoffmann": lambda x: sl.chinchilla_optimal(x, hoff),
        "besiroglu": lambda x: sl.chinchilla_optimal(x, besi),
    }
    allocation = {}
    for key, rule in rules.items():
        n, d = rule(np.array([c]))
        allocation[key] = Allocation(float(n[0]), float(d[0]))
    exponents = _allocation_exponents(v)
    alloc_labels = {
        "kaplan": f"Kaplan 2020 (a = {exponents['kaplan']:.2f})",
        "hoffmann_1": f"Hoffmann approach 1 (a = {exponents['hoffmann_1']:.2f})",
        "hoffmann_2": f"Hoffmann approach 2 (a = {exponents['hoffmann_2']:.2f})",
        "hoffmann": f"Hoffmann approach 3 (parametric, a = {exponents['hoffmann']:.2f})",
        "besiroglu": f"{YOURS if replication_is_yours(v) else 'Replication'} (parametric, a = {exponents['besiroglu']:.2f})",
    }

    fit_k, fit_b = float(v["fit_k"]), float(v["fit_b"])  # type: ignore[arg-type]
    strong = sl.strong_scenario(all_curves["gpt3"], float(v["strong_e"])) if v["strong"] else None  # type: ignore[arg-type]
    weak = (sl.weak_scenario(grid, fit_k, fit_b, float(v["bend"]), float(v["bend_ooms"]),  # type: ignore[arg-type]
                             float(v["weak_floor"])) if v["weak"] else None)  # type: ignore[arg-type]
    human = float(v["human"])  # type: ignore[arg-type]
    crossing_curves = {**curves, **({"strong": strong} if strong is not None else {}),
                       **({"weak": weak} if weak is not None else {})}
    crossing = {key: sl.first_crossing(grid, y, human) for key, y in crossing_curves.items()}

    iso_curves: dict[float, tuple[np.ndarray, np.ndarray]] = {}
    iso_min: dict[float, tuple[float, float]] = {}
    # The user's budget joins the fixed ones unless it is already (within 5%) one of them.
    budgets = sorted({*ISOFLOP_BUDGETS, *(() if any(abs(c / b - 1) < 0.05 for b in ISOFLOP_BUDGETS) else (c,))})
    for budget in budgets:
        # Two decades either side of the parametric optimum frame the valley.
        centre = float(sl.chinchilla_optimal(budget, hoff)[0])
        n = np.logspace(np.log10(centre) - 2, np.log10(centre) + 2, 200)
        loss = nd_loss(v, n, budget / (6.0 * n))
        i = int(np.argmin(loss))
        iso_curves[budget] = (n, loss)
        iso_min[budget] = (float(n[i]), float(loss[i]))
    pair = {name: float(nd_loss(v, np.array(n), np.array(d))) for name, n, d in (GOPHER, CHINCHILLA)}

    return LossResult(
        compute_flop=c, grid=grid, curves=curves, law_labels=law_labels(v), end_names=end_names(v),
        loss_at_budget={key: float(heads.values[f"loss_{key}"][0]) for key in LAW_KEYS},
        allocation=allocation, allocation_curves={key: rule(grid) for key, rule in rules.items()},
        allocation_labels=alloc_labels, growth_per_10x={k: sl.growth_per_10x(a) for k, a in exponents.items()},
        strong=strong, weak=weak, human_loss=human, human_crossing=crossing, iso_law=str(v["iso_law"]),
        iso_law_label=(YOURS if v["iso_law"] == "besiroglu" and replication_is_yours(v)
                       else dict(zip(ND_LAWS, ND_LAW_NAMES))[str(v["iso_law"])]), iso_curves=iso_curves,
        iso_minimum=iso_min, gopher_chinchilla=pair, points=_model_points(v, models, others), headlines=heads,
    )


def cli_results(result: LossResult) -> dict[str, object]:
    """The JSON the CLI prints: loss and compute-optimal N, D per law at the budget."""
    allocation_of = {"kaplan": "kaplan", "chinchilla": "hoffmann", "besiroglu": "besiroglu"}
    loss_of = {"kaplan": "kaplan", "gpt3_fit": "gpt3", "chinchilla": "hoffmann", "besiroglu": "besiroglu"}
    return {
        "compute_flop": result.compute_flop,
        "compute_pfdays": result.compute_flop / PF_DAY_FLOP,
        "compute_vs_gpt3": result.compute_flop / GPT3_FLOP,
        "loss": {name: result.loss_at_budget[key] for name, key in loss_of.items()},
        "compute_optimal": {
            name: {"params": result.allocation[key].params, "tokens": result.allocation[key].tokens}
            for name, key in allocation_of.items()
        },
        "human_loss": result.human_loss,
        "human_crossing_flop": result.human_crossing,
    }


def law_draws(values: Values, key: str, grid: np.ndarray = COMPUTE_GRID) -> np.ndarray:
    """One law's loss along its frontier on ``grid`` for each row of a batch (rows × grid), for bands."""
    v = PARAMS.coerce_batch(values)
    columns = {k: a[:, None] if isinstance(a, np.ndarray) and a.ndim == 1 and a.dtype.kind == "f" else a
               for k, a in v.items()}
    return np.broadcast_to(frontier.loss(key, columns, grid[None, :]), (len(v["compute"]), len(grid)))


_bands: BoundedMemo[dict[float, np.ndarray]] = BoundedMemo(_BANDS_KEPT)


def law_bands(values: Values, key: str, grid: np.ndarray = BAND_GRID) -> dict[float, np.ndarray]:
    """The 10/25/75/90th percentiles over a batch of draws of law ``key``'s loss on ``grid``.

    A law's curve depends on its own constants only, so the result is kept by their drawn values
    (bounded: the :data:`_BANDS_KEPT` most recent).
    """
    memo = (key, grid.tobytes(), *(np.asarray(values[p.key], dtype=float).tobytes() for p in LAW_CONSTANTS[key]))
    return _bands.get(memo, lambda: quantile_bands(law_draws(values, key, grid)))
