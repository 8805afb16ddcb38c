"""The "GPT-human" cost timeline: Gwern's footnote 20 as a pure, vectorised model.

The chain (Gwern, "The Scaling Hypothesis", 2020, footnote 20):

1. Fit the GPT-3 compute frontier, L(C) = 2.57 * C^-0.048 with C in PF-days
   (Brown et al. 2020, fig. 3.1, as quoted by Gwern). GPT-3 (3,640 PF-days) sits at ~1.73.
2. Guess GPT-3 has about twice a human's error, so a "GPT-human" needs loss ~0.86.
3. Solve for compute: ~2.2e6 times GPT-3.
4. If the largest training runs double every 3.4 months (Amodei & Hernandez 2018),
   that is ~22 doublings, ~6.3 years: ~2027.
5. GPT-3 cost ~$5M; at start-year prices a GPT-human costs ~$10T. The cost of fixed
   performance halves every 16 months (the essay's reading of Hernandez & Brown 2020), so
   after ~14 halvings (~18 years) it costs ~$1B: ~2038.

Two wrinkles the page states:

* **Target 0.86 versus 1.7338/2.** The essay's 2.2e6x solves the equation for the rounded
  target 0.86 (x ~ 2.21e6). Halving the fit's GPT-3 loss exactly gives 0.867 and x ~ 1.87e6:
  at exponent 0.048 compute scales as L^-20.8, so 0.8% of loss moves the compute by ~18%.
* **Fractional versus whole doublings, and the start date.** This model counts doublings and
  halvings fractionally from the start of the start year: 21.07 doublings -> 2026.0, 13.43
  halvings -> 2037.9. The essay rounds up to whole steps (22 x 3.4 months = 6.2 years) and says
  "in 2027", which matches counting from GPT-3's release in mid-2020; the ``*_whole`` fields
  give the whole-step years.

:func:`run_batch` evaluates arrays of parameter values at once (the headlines); :func:`run`
is the single view, a batch of one, with the step counts, messages and series the page draws.
Pure: numpy only, no Streamlit, no I/O, no clock.

References: Brown et al. 2020, arXiv:2005.14165; Gwern 2020, https://gwern.net/scaling-hypothesis;
Amodei & Hernandez 2018, "AI and Compute"; Sevilla et al. 2022, arXiv:2202.05924; Hernandez &
Brown 2020, arXiv:2005.04305; Epoch AI, "Notable AI Models".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from lib.chains.gpt_human.params import PARAMS
from lib.core import frontier
from lib.core.chain import HeadlineBatch, headline_batch
from lib.core.scaling_laws import strong_scenario
from lib.core.units import PF_DAY_FLOP, format_number, month, usd

Array = NDArray[np.float64]
Values = Mapping[str, object]
Status = Literal["reachable", "already_reached", "never"]

HORIZON_YEAR = 2200.0
"""Crossings later than this are reported as "after 2200" rather than as a date."""

GPT2_FLOP = 1.92e21
"""GPT-2 (1.5B) training compute: Epoch AI's estimate (data/notable_models.csv)."""

GPT4_MULTIPLIER = 1e3
"""Gwern's hypothetical "GPT-4": 1000x GPT-3's compute, loss ~1.24 on the fit."""

# Series grids stop after this many doublings/halvings from the start: 2^900 ~ 1e271,
# which keeps every point finite even at the extreme bounds of the inputs.
_MAX_SERIES_STEPS = 900.0
# A tolerance, so ratio 1 (target == reference loss up to rounding) counts as reached.
_EPS = 1e-9


@dataclass(frozen=True)
class GptHumanResult:
    """Every number of the chain. ``None`` means "never" (target at or below the floor).

    Years are decimal years from fractional doublings/halvings counted from the start of the
    start year; the ``*_whole`` fields round the counts up, as the essay does.
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
    headlines: HeadlineBatch
    irreducible: float = 0.0  # the law's own E (0 for the pure power laws), on the law's scale


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
    fit_label: str  # the legend's name for the fitted curve, with the constants in use


def chain_arrays(values: Values) -> dict[str, Array]:
    """Every number of the chain for a batch of parameter sets (arrays of equal length).

    NaN marks "does not exist": everything past the target loss when the target is at or below
    the floor. ``status`` is 0 reachable, 1 already reached, 2 never.
    """
    v = PARAMS.coerce_batch(values)
    floor, law = v["floor"], v["law"]
    start, dm, hm = v["start"], v["doubling"], v["halving"]
    ref_flop = v["ref_pfd"] * PF_DAY_FLOP
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        laws = [k for k in frontier.LAW_KEYS if np.any(law == k)]  # only the laws this batch uses
        ref_loss = frontier.select(law, {k: frontier.loss(k, v, ref_flop) for k in laws})
        e = frontier.select(law, {k: frontier.irreducible(k, v) for k in laws})
        # A human-level loss on the GPT-3 fit's scale (WebText2) means nothing on another dataset's: there, and
        # whenever asked, the target is the reference model's reducible loss divided by the error ratio.
        by_loss = (v["target"] == "loss") & np.isin(law, frontier.ON_GPT3_SCALE)
        target = np.where(by_loss, v["human"], e + (ref_loss - e) / v["ratio"])
        never = target <= np.maximum(floor, e)
        safe = np.where(never, ref_loss, target)
        flop = np.where(never, np.nan, frontier.select(law, {k: frontier.compute_for(k, v, safe) for k in laws}))
    multiplier = flop / ref_flop
    log2_x = np.log2(multiplier)
    reached = log2_x <= _EPS
    doublings = np.where(reached, 0.0, log2_x)
    cost = v["ref_cost"] * multiplier
    halvings = np.maximum(0.0, np.log2(cost / v["budget"]))
    whole_d = np.ceil(doublings - _EPS)
    whole_h = np.ceil(halvings - _EPS)
    return {
        "status": np.where(never, 2, np.where(reached, 1, 0)).astype(float),
        "target_loss": target, "reference_loss": ref_loss, "floor": floor, "irreducible": e,
        "compute_multiplier": multiplier, "compute_flop": flop, "doublings": doublings,
        "doublings_whole": whole_d, "year_compute_reached": start + doublings * dm / 12.0,
        "year_compute_reached_whole": start + whole_d * dm / 12.0, "cost_start_usd": cost,
        "halvings_to_budget": halvings, "halvings_whole": whole_h,
        "year_affordable": start + halvings * hm / 12.0, "year_affordable_whole": start + whole_h * hm / 12.0,
    }


def run_batch(values: Values) -> HeadlineBatch:
    """Headlines for arrays of values: compute multiplier, year reached, year affordable."""
    return _headlines(chain_arrays(values))


def _headlines(a: Mapping[str, Array]) -> HeadlineBatch:
    never = a["status"] == 2
    floor_text = "never: the target is at or below the irreducible loss"
    after = f"after {HORIZON_YEAR:.0f}"
    return headline_batch(
        {k: a[k] for k in ("compute_multiplier", "year_compute_reached", "year_affordable")},
        {"compute_multiplier": [(never, floor_text.replace("never", "unreachable", 1))],
         "year_compute_reached": [(a["year_compute_reached"] > HORIZON_YEAR, after), (never, floor_text)],
         "year_affordable": [(a["year_affordable"] > HORIZON_YEAR, after), (never, floor_text)]},
    )


def format_year(year: float | None) -> str:
    """'Dec 2025', 'after 2200' or 'never': the words the page and the derivation use.

    The chain gives dates to the month (fractional doublings from the start of the start year).
    """
    if year is None:
        return "never"
    if year > HORIZON_YEAR:
        return f"after {HORIZON_YEAR:.0f}"
    return month(year)


def run(values: Values) -> GptHumanResult:
    """The GPT-human timeline for one set of ``values`` (missing keys take defaults): a batch of one."""
    v, _ = PARAMS.coerce(values)
    row = {k: float(a[0]) for k, a in chain_arrays(v).items()}
    status: Status = ("reachable", "already_reached", "never")[int(row["status"])]  # type: ignore[assignment]
    start = float(v["start"])  # type: ignore[arg-type]
    target, ref_loss, floor = row["target_loss"], row["reference_loss"], row["floor"]
    heads = run_batch(v)
    if status == "never":
        bound = max(floor, row["irreducible"])
        message = (f"The target loss {target:.3g} is at or below the irreducible loss {bound:.3g}: "
                   "no amount of compute reaches it, so it is never reached or affordable.")
        return GptHumanResult("never", target, ref_loss, floor, *([None] * 12), (message,), heads,  # type: ignore[arg-type]
                              irreducible=row["irreducible"])

    messages: list[str] = []
    if status == "already_reached":
        messages.append(f"The reference model's fitted loss {ref_loss:.3g} already meets the "
                        f"target {target:.3g}: no extra compute is needed.")
    if row["halvings_to_budget"] == 0.0:
        messages.append(f"A GPT-human already costs {usd(row['cost_start_usd'])} at {start:.0f} prices, "
                        f"within the {usd(float(v['budget']))} budget: affordable from the start.")  # type: ignore[arg-type]
    for what, key in (("Frontier compute reaches the target", "year_compute_reached"),
                      ("It becomes affordable", "year_affordable")):
        if row[key] > HORIZON_YEAR:
            messages.append(f"{what} only after {HORIZON_YEAR:.0f} (in {row[key]:.0f} on these trends).")
    return GptHumanResult(
        status, target, ref_loss, floor, row["compute_multiplier"], row["compute_flop"],
        row["compute_flop"] / PF_DAY_FLOP, row["doublings"], int(row["doublings_whole"]),
        row["year_compute_reached"], row["year_compute_reached_whole"], row["cost_start_usd"],
        row["halvings_to_budget"], int(row["halvings_whole"]), row["year_affordable"],
        row["year_affordable_whole"], tuple(messages), heads, irreducible=row["irreducible"],
    )


def _year_grid(start: float, crossing: float | None, step_months: float, n: int) -> Array:
    # 40 years, or past the crossing with a margin, but never past the horizon or so
    # many doubling/halving steps that values overflow.
    end = start + 40.0 if crossing is None else max(start + 40.0, crossing + 5.0)
    end = min(end, HORIZON_YEAR, start + _MAX_SERIES_STEPS * step_months / 12.0)
    return np.linspace(start, max(end, start + 1.0), n)


def series(values: Values, result: GptHumanResult, n: int = 300) -> GptHumanSeries:
    """Frontier compute and GPT-human cost over years, and the loss curve over compute."""
    v, _ = PARAMS.coerce(values)
    law, start = str(v["law"]), float(v["start"])  # type: ignore[arg-type]
    dm, hm = float(v["doubling"]), float(v["halving"])  # type: ignore[arg-type]
    ref_flop = float(v["ref_pfd"]) * PF_DAY_FLOP  # type: ignore[arg-type]

    fy = _year_grid(start, result.year_compute_reached, dm, n)
    frontier_flop = ref_flop * np.exp2((fy - start) * 12.0 / dm)

    if result.cost_start_usd is None:
        cy, cost = np.empty(0), np.empty(0)
    else:
        cy = _year_grid(start, result.year_affordable, hm, n)
        cost = result.cost_start_usd * np.exp2(-(cy - start) * 12.0 / hm)

    gpt4 = ref_flop * GPT4_MULTIPLIER
    hi = max(gpt4, result.compute_flop or gpt4) * 10.0
    lo = min(GPT2_FLOP, ref_flop, result.compute_flop or ref_flop) / 10.0
    grid = np.logspace(math.log10(lo), math.log10(hi), n)
    loss = strong_scenario(frontier.loss(law, v, grid), result.floor)

    marks = [("GPT-2 (1.5B)", GPT2_FLOP), ("Reference (GPT-3)", ref_flop), ("Hypothetical GPT-4 (1000x)", gpt4)]
    if result.compute_flop is not None:
        marks.append(("GPT-human target", result.compute_flop))
    landmarks = tuple((name, c, float(max(frontier.loss(law, v, c), result.floor))) for name, c in marks)
    fit = law_label(v)
    return GptHumanSeries(fy, frontier_flop, cy, cost, grid, loss, landmarks, fit)


def law_label(v: Values) -> str:
    """The loss curve's name with the constants in use."""
    law = str(v["law"])
    n = format_number
    if law == "gpt3":
        text = f"GPT-3 fit {n(float(v['fit_k']))}·C^-{n(float(v['fit_b']))}"  # type: ignore[arg-type]
    elif law == "kaplan":
        text = f"Kaplan L(C_min) = ({n(float(v['k_cc']))}/C)^{n(float(v['k_alpha']))}"  # type: ignore[arg-type]
    else:
        name = {"hoffmann": "Chinchilla 2022", "besiroglu": "Replication 2024"}[law]
        text = f"{name}, compute-optimal, E = {float(frontier.chinchilla(v, law).e):.3g}"  # type: ignore[arg-type]
    # Short enough for a phone's legend; the y axis names the dataset the losses are on.
    return text


def cli_results(result: GptHumanResult) -> dict[str, float | None]:
    """JSON-ready numbers (years as decimals, None when never)."""
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


def headlines_and_costs(values: Values) -> tuple[HeadlineBatch, Callable[[np.ndarray], np.ndarray]]:
    """A batch's headlines, and its cost of a GPT-human at any years, from one evaluation of the chain.

    For the uncertainty view: its bands need each draw's cost curve as well as the headlines.
    The costs are rows × years, in start-year dollars, NaN where no compute reaches the target.
    """
    v, a = PARAMS.coerce_batch(values), chain_arrays(values)

    def costs(years: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore", invalid="ignore"):
            return a["cost_start_usd"][:, None] * np.exp2(
                -(years[None, :] - v["start"][:, None]) * 12.0 / v["halving"][:, None])

    return _headlines(a), costs
