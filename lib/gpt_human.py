"""The "GPT-human" cost timeline: Gwern's footnote 20, as a pure, adjustable model.

The chain (Gwern, "The Scaling Hypothesis", 2020, footnote 20):

1. Fit the GPT-3 compute frontier, L(C) = 2.57 * C^-0.048 with C in PF-days
   (Brown et al. 2020, fig. 3.1, as quoted by Gwern). GPT-3 (3,640 PF-days) sits at ~1.73.
2. Guess GPT-3 has about twice a human's error, so a "GPT-human" needs loss ~0.86.
3. Solve for compute: ~2.2e6 times GPT-3.
4. If the largest training runs double every 3.4 months (Amodei & Hernandez 2018),
   that is ~22 doublings, ~6.3 years: ~2027.
5. GPT-3 cost ~$5M; at start-year prices a GPT-human costs ~$10T. The cost of fixed
   performance halves every 16 months (Hernandez & Brown 2020), so after ~14 halvings
   (~18 years) it costs ~$1B: ~2038.

Two wrinkles the page should state:

* **Target 0.86 versus 1.7338/2.** The essay's 2.2e6x solves the equation for the
  rounded target 0.86 (x ~ 2.21e6). Halving the fit's GPT-3 loss exactly gives
  1.7338/2 = 0.867 and x ~ 1.87e6. At exponent 0.048 compute scales as L^-20.8, so
  a 0.8% change in target loss moves the compute by ~18%. The default target mode
  is therefore "loss" with 0.86 (reproducing the essay); "ratio" mode with ratio 2
  is the exact-halving reading.
* **Fractional versus whole doublings.** This module counts doublings and halvings
  fractionally (log2 of the ratio): 21.07 doublings -> 2026.0, 13.43 halvings ->
  2037.9. The essay rounds up to whole steps (22 doublings x 3.4 months = 6.23 years;
  14 halvings x 16 months = 18.7 years); the ``*_whole`` fields reproduce that.

Pure: numpy only, no Streamlit, no I/O, no clock.

References
----------
Brown et al. 2020, "Language Models are Few-Shot Learners", arXiv:2005.14165.
Gwern Branwen 2020, "The Scaling Hypothesis", https://gwern.net/scaling-hypothesis.
Amodei & Hernandez 2018, "AI and Compute", https://openai.com/research/ai-and-compute.
Sevilla et al. 2022, "Compute Trends Across Three Eras of Machine Learning", arXiv:2202.05924.
Hernandez & Brown 2020, "Measuring the Algorithmic Efficiency of Neural Networks", arXiv:2005.04305.
Epoch AI, "Notable AI Models", https://epoch.ai/data/notable-ai-models.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from lib.registry import Param, ParamSet, Preset, Source
from lib.scaling_laws import compute_for_loss, power_law_compute, strong_scenario
from lib.units import PF_DAY_FLOP, sci, short, usd

Array = NDArray[np.float64]
Values = Mapping[str, float | str | bool | tuple[str, ...]]
Status = Literal["reachable", "already_reached", "never"]

HORIZON_YEAR = 2200.0
"""Crossings later than this are reported as "after 2200" rather than as a date."""

GPT2_FLOP = 1.92e21
"""GPT-2 (1.5B) training compute: Epoch AI's speculative estimate (data/notable_models.csv)."""

GPT4_MULTIPLIER = 1e3
"""Gwern's hypothetical "GPT-4": 1000x GPT-3's compute, loss ~1.24 on the fit."""

# Series grids stop after this many doublings/halvings from the start: 2^900 ~ 1e271,
# which keeps every point finite even at the extreme bounds of the inputs.
_MAX_SERIES_STEPS = 900.0

_GWERN = Source("Gwern 2020, 'The Scaling Hypothesis', footnote 20", "https://gwern.net/scaling-hypothesis")
_BROWN = Source(
    "Brown et al. 2020, fig. 3.1, fit as quoted in Gwern 2020", "https://arxiv.org/abs/2005.14165"
)
_AMODEI = Source("Amodei & Hernandez 2018, 'AI and Compute'", "https://openai.com/research/ai-and-compute")
_SEVILLA = Source(
    "Sevilla et al. 2022, 'Compute Trends Across Three Eras of Machine Learning'",
    "https://arxiv.org/abs/2202.05924",
)
_HERNANDEZ = Source(
    "Hernandez & Brown 2020, 'Measuring the Algorithmic Efficiency of Neural Networks'",
    "https://arxiv.org/abs/2005.04305",
)

# Bounds are chosen so the worst corner ((10/0.05)^(1/0.01) ~ 1e230 PF-days) stays far
# below float overflow; run() clamps to them, so no input can produce inf or NaN.
PARAMS = ParamSet(
    model="gpt-human",
    params=(
        Param("coef", "Fit coefficient", "nats/token", 2.57,
              "Coefficient a of L(C) = a * C^-b, C in PF-days.", _BROWN,
              min=1.0, max=10.0, step=0.01),
        Param("exp", "Fit exponent", "", 0.048,
              "Exponent b of L(C) = a * C^-b. Compute needed scales as loss^(-1/b): "
              "at 0.048, each 1% of loss costs ~23% more compute.", _BROWN,
              min=0.01, max=0.5, step=0.001),
        Param("ref_pfd", "Reference model compute", "PF-days", 3640.0,
              "Training compute of the reference model (GPT-3 175B: 3,640 PF-days = 3.14e23 FLOP).",
              Source("Brown et al. 2020, Table D.1", "https://arxiv.org/abs/2005.14165"),
              min=1.0, max=1e7, scale="log"),
        Param("ref_cost", "Reference model cost", "USD (start-year)", 5e6,
              "Cost of training the reference model. The essay uses ~$5M (2020 dollars); "
              "Epoch AI estimates ~$2M in 2023 dollars.", _GWERN,
              min=1e4, max=1e10, scale="log"),
        Param("target", "Target set by", "", "loss",
              "'loss': give the human-level loss directly (the essay's 0.86). "
              "'ratio': divide the reference model's fitted loss by an error ratio "
              "(ratio 2 gives 0.867, hence 1.87e6x rather than 2.2e6x).", _GWERN,
              kind="choice", choices=("loss", "ratio"),
              choice_labels=("Target loss", "Error ratio to reference")),
        Param("ratio", "Error ratio to reference", "x", 2.0,
              "How many times a human's loss the reference model has (essay: about 2). "
              "Used when the target is set by ratio.", _GWERN,
              min=1.0, max=10.0, step=0.1),
        Param("loss", "Target loss", "nats/token", 0.86,
              "Human-level WebText loss, used when the target is set directly. "
              "The essay's 0.86 is 1.73/2 rounded.", _GWERN,
              min=0.05, max=5.0, step=0.01),
        Param("floor", "Irreducible loss", "nats/token", 0.0,
              "Loss the curve cannot go below (the entropy of text). 0 means no floor. "
              "A target at or below the floor is never reached.",
              Source("Modelling assumption (cf. Kaplan et al. 2020; Hoffmann et al. 2022)"),
              min=0.0, max=3.0, step=0.01),
        Param("doubling", "Doubling time of largest training runs", "months", 3.4,
              "Amodei & Hernandez 2018 measured 3.4 months (2012-2018); Sevilla et al. 2022 "
              "find ~6 months in the deep-learning era.", _AMODEI,
              min=0.5, max=120.0, step=0.1),
        Param("halving", "Halving time of cost of fixed capability", "months", 16.0,
              "Time for the cost of a fixed level of performance to halve, net of hardware "
              "and algorithmic progress (Hernandez & Brown 2020, as used by the essay).", _HERNANDEZ,
              min=1.0, max=240.0, step=0.5),
        Param("start", "Start year", "year", 2020,
              "Year of the reference model and of its cost; prices are in this year's dollars.",
              _GWERN, min=2000, max=2100, step=1, kind="int"),
        Param("budget", "Budget", "USD (start-year)", 1e9,
              "Spending a GPT-human must fit into (essay: $1B). For scale: the Manhattan "
              "Project cost ~$2B in 1946 dollars, ~$28B today.", _GWERN,
              min=1e6, max=1e15, scale="log"),
        Param("refs", "Reference budgets on the cost chart", "", ("b1", "b10", "b100", "manhattan", "iraq"),
              "Horizontal lines that give the cost curve a scale; historical ones are converted to the "
              "chosen dollars with the US CPI (data/reference_budgets.csv, data/cpi_us.csv).",
              Source("data/reference_budgets.csv (sources per row)"), kind="multi",
              choices=("b1", "b10", "b100", "manhattan", "apollo", "gdp1", "iraq"),
              choice_labels=("$1 billion", "$10 billion", "$100 billion", "Manhattan Project (~$2B, 1946)",
                             "Apollo programme ($25.8B nominal)", "1% of US GDP (2020)",
                             "Iraq war, US appropriations (~$815B)")),
        Param("dollars", "Show dollars in", "", "start",
              "'start': dollars of the start year (the essay's 2020 dollars). 'today': converted with "
              "the US CPI to the latest year in data/cpi_us.csv.",
              Source("US Bureau of Labor Statistics, CPI-U annual averages", "https://www.bls.gov/cpi/"),
              kind="choice", choices=("start", "today"),
              choice_labels=("Start-year dollars", "Today's dollars (CPI)")),
    ),
    groups=(
        ("Scaling fit", ("coef", "exp", "floor")),
        ("Reference model", ("ref_pfd", "ref_cost")),
        ("Human-level target", ("target", "loss", "ratio")),
        ("Trends", ("doubling", "halving", "start", "budget")),
        ("Display", ("refs", "dollars")),
    ),
)

PRESETS: tuple[Preset, ...] = (
    Preset("Gwern 2020 (essay)",
           "Footnote 20 as written: target loss 0.86, 3.4-month doubling, 16-month halving, $1B.",
           PARAMS.defaults(), _GWERN),
    Preset("Slower compute growth (Sevilla 2022, 6-month doubling)",
           "The essay's chain with the ~6-month doubling of training compute measured later.",
           {**PARAMS.defaults(), "doubling": 6.0}, _SEVILLA),
    Preset("Exact halving (1.7338 / 2)",
           "Target set as the fit's GPT-3 loss divided by 2 (0.867): ~1.87e6x instead of 2.2e6x.",
           {**PARAMS.defaults(), "target": "ratio", "ratio": 2.0}, _GWERN),
)


@dataclass(frozen=True)
class GptHumanResult:
    """Every number of the chain. ``None`` means "never" (target at or below the floor).

    Years are decimal years computed from fractional doublings/halvings; the
    ``*_whole`` fields round the counts up, as the essay does.
    """

    status: Status
    target_loss: float
    reference_loss: float
    floor: float
    compute_multiplier: float | None
    compute_flop: float | None
    compute_pfdays: float | None
    doublings: float | None
    doublings_whole: int | None
    year_compute_reached: float | None
    year_compute_reached_whole: float | None
    cost_start_usd: float | None
    halvings_to_budget: float | None
    halvings_whole: int | None
    year_affordable: float | None
    year_affordable_whole: float | None
    messages: tuple[str, ...]


@dataclass(frozen=True)
class GptHumanSeries:
    """Chart data. Empty cost arrays when the target is never reached."""

    frontier_years: Array
    frontier_flop: Array
    cost_years: Array
    cost_usd: Array
    loss_flop: Array
    loss: Array
    landmarks: tuple[tuple[str, float, float], ...]  # (label, FLOP, fitted loss)


def inputs(values: Values) -> dict[str, float | str | tuple[str, ...]]:
    """Defaults overlaid with ``values``, validated by the registry (clamped, bad values -> default)."""
    return PARAMS.coerce(values)[0]  # type: ignore[return-value]


def format_year(year: float | None) -> str:
    """'2026.0', 'after 2200' or 'never': the words the page and the derivation use."""
    if year is None:
        return "never"
    if year > HORIZON_YEAR:
        return f"after {HORIZON_YEAR:.0f}"
    return f"{year:.1f}"


def run(values: Values) -> GptHumanResult:
    """Compute the GPT-human timeline for parameter ``values`` (missing keys take defaults)."""
    v = inputs(values)
    coef, exp_, floor = float(v["coef"]), float(v["exp"]), float(v["floor"])
    start, dm, hm = float(v["start"]), float(v["doubling"]), float(v["halving"])
    ref_flop = float(v["ref_pfd"]) * PF_DAY_FLOP
    ref_loss = float(power_law_compute(ref_flop, coef, exp_))
    target = ref_loss / float(v["ratio"]) if v["target"] == "ratio" else float(v["loss"])

    if target <= floor:
        return GptHumanResult(
            "never", target, ref_loss, floor, None, None, None, None, None, None, None,
            None, None, None, None, None,
            (f"The target loss {target:.3g} is at or below the irreducible loss {floor:.3g}: "
             "no amount of compute reaches it, so it is never reached or affordable.",),
        )

    flop = compute_for_loss(target, coef, exp_)
    multiplier = flop / ref_flop
    messages: list[str] = []
    # A tolerance, so ratio 1 (target == reference loss up to rounding) counts as reached.
    if math.log2(multiplier) <= 1e-9:
        status: Status = "already_reached"
        doublings = 0.0
        messages.append(f"The reference model's fitted loss {ref_loss:.3g} already meets the "
                        f"target {target:.3g}: no extra compute is needed.")
    else:
        status = "reachable"
        doublings = math.log2(multiplier)
    whole_d = math.ceil(doublings - 1e-9)
    year_c = start + doublings * dm / 12.0

    cost = float(v["ref_cost"]) * multiplier
    budget = float(v["budget"])
    halvings = max(0.0, math.log2(cost / budget))
    if halvings == 0.0:
        messages.append(f"A GPT-human already costs {usd(cost)} at {start:.0f} prices, "
                        f"within the {usd(budget)} budget: affordable from the start.")
    whole_h = math.ceil(halvings - 1e-9)
    year_a = start + halvings * hm / 12.0
    for what, year in (("Frontier compute reaches the target", year_c), ("It becomes affordable", year_a)):
        if year > HORIZON_YEAR:
            messages.append(f"{what} only after {HORIZON_YEAR:.0f} (in {year:.0f} on these trends).")

    return GptHumanResult(
        status, target, ref_loss, floor, multiplier, flop, flop / PF_DAY_FLOP,
        doublings, whole_d, year_c, start + whole_d * dm / 12.0,
        cost, halvings, whole_h, year_a, start + whole_h * hm / 12.0, tuple(messages),
    )


def _year_grid(start: float, crossing: float | None, step_months: float, n: int) -> Array:
    # 40 years, or past the crossing with a margin, but never past the horizon or so
    # many doubling/halving steps that values overflow.
    end = start + 40.0 if crossing is None else max(start + 40.0, crossing + 5.0)
    end = min(end, HORIZON_YEAR, start + _MAX_SERIES_STEPS * step_months / 12.0)
    return np.linspace(start, max(end, start + 1.0), n)


def series(values: Values, result: GptHumanResult, n: int = 300) -> GptHumanSeries:
    """Frontier compute and GPT-human cost over years, and the loss curve over compute."""
    v = inputs(values)
    coef, exp_, start = float(v["coef"]), float(v["exp"]), float(v["start"])
    dm, hm = float(v["doubling"]), float(v["halving"])
    ref_flop = float(v["ref_pfd"]) * PF_DAY_FLOP

    fy = _year_grid(start, result.year_compute_reached, dm, n)
    frontier = ref_flop * np.exp2((fy - start) * 12.0 / dm)

    if result.cost_start_usd is None:
        cy, cost = np.empty(0), np.empty(0)
    else:
        cy = _year_grid(start, result.year_affordable, hm, n)
        cost = result.cost_start_usd * np.exp2(-(cy - start) * 12.0 / hm)

    gpt4 = ref_flop * GPT4_MULTIPLIER
    hi = max(gpt4, result.compute_flop or gpt4) * 10.0
    lo = min(GPT2_FLOP, ref_flop, result.compute_flop or ref_flop) / 10.0
    grid = np.logspace(math.log10(lo), math.log10(hi), n)
    loss = strong_scenario(power_law_compute(grid, coef, exp_), result.floor)

    marks = [("GPT-2 (1.5B)", GPT2_FLOP), ("Reference (GPT-3)", ref_flop),
             ("Hypothetical GPT-4 (1000x)", gpt4)]
    if result.compute_flop is not None:
        marks.append(("GPT-human target", result.compute_flop))
    landmarks = tuple((name, c, float(max(power_law_compute(c, coef, exp_), result.floor)))
                      for name, c in marks)
    return GptHumanSeries(fy, frontier, cy, cost, grid, loss, landmarks)


def derivation(values: Values, result: GptHumanResult) -> list[tuple[str, str]]:
    """The chain as (step, text) pairs with the current numbers, so a debate can cite a step."""
    v = inputs(values)
    coef, exp_, start = float(v["coef"]), float(v["exp"]), float(v["start"])
    r = result
    steps = [
        ("Fit", f"L(C) = {coef:g} * C^-{exp_:g}, C in PF-days (Brown et al. 2020 fig. 3.1, via Gwern)."),
        ("Reference", f"Reference model at {short(float(v['ref_pfd']))} PF-days: "
                      f"L = {coef:g} * {short(float(v['ref_pfd']))}^-{exp_:g} = {r.reference_loss:.4f}."),
    ]
    if v["target"] == "ratio":
        steps.append(("Target", f"Human loss = {r.reference_loss:.4f} / {float(v['ratio']):g} "
                                f"= {r.target_loss:.4f}."))
    else:
        steps.append(("Target", f"Human loss set directly to {r.target_loss:g} (the essay rounds "
                                f"{r.reference_loss:.4f}/2 = {r.reference_loss / 2:.4f} to 0.86)."))
    if r.status == "never":
        steps.append(("Floor", f"The target {r.target_loss:g} is at or below the irreducible loss "
                               f"{r.floor:g}: never reached, never affordable."))
        return steps
    assert r.compute_pfdays is not None and r.compute_multiplier is not None
    assert r.doublings is not None and r.cost_start_usd is not None and r.halvings_to_budget is not None
    if r.floor > 0:
        steps.append(("Floor", f"The curve follows the power law down to the floor {r.floor:g}; "
                               "the target is above it, so the floor does not bind."))
    dm, hm = float(v["doubling"]), float(v["halving"])
    steps += [
        ("Compute", f"C = ({coef:g} / {r.target_loss:g})^(1/{exp_:g}) = {sci(r.compute_pfdays, 3)} PF-days "
                    f"= {sci(r.compute_flop or 0.0, 3)} FLOP = {sci(r.compute_multiplier, 3)}x the reference."),
        ("Doublings", f"log2({sci(r.compute_multiplier, 3)}) = {r.doublings:.2f} doublings, counted "
                      f"fractionally (whole doublings: {r.doublings_whole}). At {dm:g} months each: "
                      f"{r.doublings * dm / 12:.2f} years, so {format_year(r.year_compute_reached)} "
                      f"({format_year(r.year_compute_reached_whole)} with whole doublings)."),
        ("Cost", f"{usd(float(v['ref_cost']))} x {sci(r.compute_multiplier, 3)} = {usd(r.cost_start_usd)} "
                 f"in {start:.0f} dollars (cost assumed proportional to compute at {start:.0f} prices)."),
        ("Halvings", f"log2({usd(r.cost_start_usd)} / {usd(float(v['budget']))}) = "
                     f"{r.halvings_to_budget:.2f} halvings, counted fractionally (whole: {r.halvings_whole}). "
                     f"At {hm:g} months each: {r.halvings_to_budget * hm / 12:.2f} years, so affordable "
                     f"in {format_year(r.year_affordable)} ({format_year(r.year_affordable_whole)} "
                     "with whole halvings)."),
    ]
    return steps


def cli_results(result: GptHumanResult) -> dict[str, float | None]:
    """JSON-ready headline numbers (years as decimals, None when never)."""
    r = result
    return {
        "target_loss": r.target_loss,
        "compute_multiplier": r.compute_multiplier,
        "compute_flop": r.compute_flop,
        "doublings": r.doublings,
        "year_compute_reached": r.year_compute_reached,
        "cost_start_usd": r.cost_start_usd,
        "halvings_to_budget": r.halvings_to_budget,
        "year_affordable": r.year_affordable,
    }
