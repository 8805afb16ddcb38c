"""Training-compute trends of notable models: which models, a log-linear fit, and its doubling time.

Data: Epoch AI, "Notable AI Models" (data/epoch_compute.csv, CC BY 4.0). The fit is ordinary least
squares of log10(training compute) on the publication date in decimal years, as Sevilla et al. 2022
("Compute Trends Across Three Eras of Machine Learning", https://arxiv.org/abs/2202.05924) fit
their eras; they report a doubling of about 6 months over 2010-2022. The 80% interval is ours: a
bootstrap over models (resampling rows with replacement), 10th and 90th percentiles of the
resampled doubling times. Pure: tables in, numbers out.
"""

from __future__ import annotations

import functools
import heapq
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from lib.core.registry import Param, ParamSet, Source, Value

Array = NDArray[np.float64]

EPOCH = Source("Epoch AI, 'Notable AI Models' (CC BY 4.0), export of 2026-01-26", "https://epoch.ai/data/notable-ai-models")
SEVILLA = Source("Sevilla et al. 2022, 'Compute Trends Across Three Eras of Machine Learning'",
                 "https://arxiv.org/abs/2202.05924")
LOG10_2 = math.log10(2.0)
BOOTSTRAP_DRAWS = 2000
BOOTSTRAP_SEED = 0  # fixed: the same window gives the same interval on every rerun and in the CLI
TOP_N = 10
MIN_POINTS = 4
FRONTIER_CHOICES = ("all", "flagged", "top10")
FRONTIER_LABELS = ("All notable models", "Epoch's frontier flag", f"Top {TOP_N} at release (Epoch's definition)")
EPOCH_FRONTIER = Source("Epoch AI, 'AI Models' documentation (frontier models: those in the top 10 by training "
                        "compute at the time of their release)", "https://epoch.ai/data/ai-models-documentation")
FRONTIER_NOTES = {
    "flagged": "Epoch's own frontier flag (frontier_model in the export), as Epoch sets it.",
    "top10": (f"Frontier models by Epoch AI's definition: in the top {TOP_N} by training compute when released "
              "(Epoch AI, AI Models documentation). Here the rule ranks the notable models of this export that have "
              "a compute estimate, in the chosen domain, over the whole export rather than the window. Epoch states "
              "it for its whole AI Models database, which holds more models than the notable ones; its own flag "
              "(the other option) marks fewer models, every one of them also in this set."),
}
"""What the page says under the chart for each choice but "all"."""

PARAMS = ParamSet(
    model="trends",
    params=(
        Param("since", "From the start of", "year", 2010,
              "First publication year in the fit. Sevilla et al. 2022 date the deep-learning era from 2010.",
              SEVILLA, min=1950, max=2025, step=1, kind="int"),
        Param("until", "To the end of", "year", 2025,
              "Last publication year in the fit (the export runs to the end of 2025). Sevilla et al.'s data end in "
              "early 2022.", EPOCH, min=1951, max=2025, step=1, kind="int"),
        Param("domain", "Domain", "", "all",
              "Every model with a compute estimate, or only those Epoch files under Language (alone or with "
              "other domains).", EPOCH, kind="choice", choices=("all", "language"),
              choice_labels=("All domains", "Language")),
        Param("frontier", "Models", "", "all",
              "All notable models; Epoch's frontier flag (frontier_model in the export); or Epoch's definition "
              f"of a frontier model, among the {TOP_N} largest by training compute when published, applied to the "
              "notable models (over the whole export in the chosen domain, not just the window).", EPOCH_FRONTIER,
              kind="choice",
              choices=FRONTIER_CHOICES, choice_labels=FRONTIER_LABELS),
    ),
    groups=(("Models and years", ("since", "until", "domain", "frontier")),),
)


class TrendError(ValueError):
    """A window or filter that leaves too few models to fit, in words for the page and the CLI."""


@dataclass(frozen=True)
class Trend:
    """A fit of log10(compute) = intercept + slope * (year - x0), and the models it was fitted to."""

    points: pd.DataFrame  # model, organization, publication_date, year, compute, confidence, ...
    slope: float  # orders of magnitude per year
    intercept: float  # log10 FLOP at x0
    x0: float  # the mean decimal year of the points
    doubling_months: float
    ci80: tuple[float, float | None]  # None: some resamples show no growth at all
    n: int

    def log10_at(self, years: Array) -> Array:
        return self.intercept + self.slope * (np.asarray(years, dtype=float) - self.x0)

    def json(self) -> dict[str, object]:
        return {"doubling_months": self.doubling_months, "ci80": list(self.ci80), "n": self.n,
                "oom_per_year": self.slope}


def decimal_year(dates: pd.Series) -> Array:
    """Publication dates as decimal years (2020-07-02 is 2020.5)."""
    d = pd.to_datetime(dates, errors="coerce")
    start = pd.to_datetime(d.dt.year.astype("Int64").astype(str) + "-01-01", errors="coerce")
    days = np.where(d.dt.is_leap_year, 366.0, 365.0)
    return (d.dt.year + (d - start).dt.days / days).to_numpy(dtype=float)


def prepared(table: pd.DataFrame) -> pd.DataFrame:
    """The export's rows with a positive compute and a date, with ``year`` and ``log10_compute``."""
    t = table.copy()
    t["compute"] = pd.to_numeric(t["training_compute_flop"], errors="coerce")
    t["year"] = decimal_year(t["publication_date"])
    t = t[(t["compute"] > 0) & np.isfinite(t["year"])].copy()
    t["log10_compute"] = np.log10(t["compute"].to_numpy(dtype=float))
    t["is_language"] = t["domain"].fillna("").str.contains("Language")
    return t.sort_values("year", kind="stable").reset_index(drop=True)


def top_at_release(t: pd.DataFrame, n: int = TOP_N) -> NDArray[np.bool_]:
    """Whether each model (rows in date order) was among the ``n`` largest by compute published by its date.

    Epoch AI's definition of a frontier model (AI Models documentation,
    https://epoch.ai/data/ai-models-documentation), applied to the rows given.
    """
    kept: list[float] = []  # a min-heap of the n largest computes so far
    out = np.zeros(len(t), dtype=bool)
    for i, c in enumerate(t["compute"].to_numpy(dtype=float)):
        if len(kept) < n:
            heapq.heappush(kept, c)
            out[i] = True
        elif c >= kept[0]:
            heapq.heapreplace(kept, c)
            out[i] = True
    return out


@functools.cache
def packaged() -> pd.DataFrame:
    """:func:`prepared` rows of the packaged export (data/epoch_compute.csv), read and dated once per process.

    Read-only: callers filter it (a new frame), never change it.
    """
    from lib.data import files as data

    return prepared(data.load("epoch_compute").table)


def select(t: pd.DataFrame, values: Mapping[str, Value]) -> pd.DataFrame:
    """The prepared rows the settings pick: domain, then which models, then the window of years."""
    if values["domain"] == "language":
        t = t[t["is_language"]]
    if values["frontier"] == "flagged":
        t = t[t["frontier_model"].astype(str).str.lower() == "true"]
    elif values["frontier"] == "top10":
        t = t[top_at_release(t)]
    start, end = int(values["since"]), int(values["until"])
    return t[(t["year"] >= start) & (t["year"] < end + 1)]


def ols_slopes(x: Array, y: Array) -> tuple[Array, Array]:
    """Least-squares slope and intercept-at-mean of each row of ``x`` and ``y`` (rows: fits)."""
    xm, ym = x.mean(axis=-1, keepdims=True), y.mean(axis=-1, keepdims=True)
    dx = x - xm
    sxx = (dx * dx).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        slope = (dx * (y - ym)).sum(axis=-1) / sxx
    return slope, ym[..., 0]


def doubling_months(slope: Array | float) -> Array:
    """Months per doubling for a slope in orders of magnitude per year; inf where compute does not grow."""
    s = np.asarray(slope, dtype=float)
    with np.errstate(divide="ignore"):
        return np.where(s > 0, 12.0 * LOG10_2 / np.where(s > 0, s, 1.0), np.inf)


def fit(points: pd.DataFrame, draws: int = BOOTSTRAP_DRAWS, seed: int = BOOTSTRAP_SEED) -> Trend:
    """The log-linear fit of ``points`` (prepared rows) and its bootstrap 80% interval on the doubling time."""
    n = len(points)
    x = points["year"].to_numpy(dtype=float)
    y = points["log10_compute"].to_numpy(dtype=float)
    if n < MIN_POINTS:
        raise TrendError(f"only {n} model{'s' if n != 1 else ''} in this window; a trend needs at least {MIN_POINTS}")
    if np.ptp(x) < 0.25:
        raise TrendError("the models in this window were published within three months of each other; "
                         "widen the window to fit a trend")
    slope, _ = ols_slopes(x[None, :], y[None, :])
    if not slope[0] > 0:
        raise TrendError(f"compute falls across this window ({10 ** float(slope[0]):.2g}× per year), so it has no "
                         "doubling time; widen the window")
    x0 = float(x.mean())
    # One (draws x n) index array: every resample's fit in one vectorised call.
    idx = np.random.default_rng(seed).integers(0, n, size=(draws, n))
    boot, _ = ols_slopes(x[idx], y[idx])
    boot = boot[np.isfinite(boot)]  # a resample of one repeated date has no slope
    hi_slope, lo_slope = np.percentile(boot, [90, 10])
    lo, hi = float(doubling_months(hi_slope)), float(doubling_months(lo_slope))
    s = float(slope[0])
    return Trend(points, s, float(y.mean()), x0, float(doubling_months(s)), (lo, hi if math.isfinite(hi) else None), n)


def checked_fit(points: pd.DataFrame, values: Mapping[str, Value]) -> Trend:
    """:func:`fit` of the rows :func:`select` picked for ``values``; :class:`TrendError` for a reversed window too."""
    if int(values["since"]) > int(values["until"]):
        raise TrendError(f"the window starts ({int(values['since'])}) after it ends ({int(values['until'])})")
    return fit(points)


def run(table: pd.DataFrame, values: Mapping[str, Value]) -> Trend:
    """The trend the settings ask for; :class:`TrendError` when they leave too few models."""
    return checked_fit(select(prepared(table), values), values)


# -- what happened since the essays: the real largest runs against a doubling trend ---------------------


@dataclass(frozen=True)
class SinceEssay:
    """A doubling trend from a reference run against the real largest runs after it.

    ``records``: the runs that were the largest so far when published, from the reference date on.
    ``trend_flop[i]`` is what the trend of ``doubling_months[i]`` puts at the export's last date and
    ``times_above[i]`` how many times the largest real run that is; ``doubling_since`` is the
    doubling time the real runs show from the reference run to the largest one.
    """

    records: pd.DataFrame
    largest: pd.Series
    data_end: float
    data_end_date: str
    trend_flop: Array
    times_above: Array
    doubling_since: float


def records_since(t: pd.DataFrame, year: float, above: float = 0.0) -> pd.DataFrame:
    """Prepared rows from ``year`` on that were the largest by compute (above ``above``) when published."""
    later = t[t["year"] >= year]
    compute = later["compute"].to_numpy(dtype=float)
    # Strictly above everything before (a tie, such as two GPT-4 entries, is not a new record); the
    # reference itself, at exactly ``above``, opens the list.
    before = np.maximum.accumulate(np.concatenate([[above * (1 - 1e-9)], compute]))[:-1]
    return later[compute > before]


def trend_flop(years: np.ndarray | float, ref_flop: float, start: float, doubling_months: np.ndarray | float) -> Array:
    """The GPT-human chain's frontier: ``ref_flop`` at the start of ``start``, doubling every ``doubling_months``."""
    return ref_flop * np.exp2((np.asarray(years, dtype=float) - start) * 12.0 / np.asarray(doubling_months, dtype=float))


def reference_year(t: pd.DataFrame, model_prefix: str = "GPT-3 175B") -> float:
    """The decimal publication year of the export's reference model (GPT-3 175B: 2020-05-28)."""
    return float(t.loc[t["model"].str.startswith(model_prefix), "year"].iloc[0])


def since_essay(t: pd.DataFrame, ref_flop: float, ref_year: float, start: float,
                doubling_months: np.ndarray | float) -> SinceEssay:
    """The trend ref_flop * 2^((Y - start) * 12 / doubling) against the runs published since ``ref_year``.

    The GPT-human chain's own frontier formula (lib/chains/gpt_human/model.py, ``series``), at the
    export's last publication date; ``doubling_months`` may be an array (one trend per entry).
    """
    records = records_since(t, ref_year, ref_flop)
    largest = records.iloc[-1] if len(records) else t.loc[t["compute"].idxmax()]
    end = float(t["year"].max())
    months = np.asarray(doubling_months, dtype=float)
    trend = trend_flop(end, ref_flop, start, months)
    growth = math.log2(float(largest["compute"]) / ref_flop)
    since = 12.0 * (float(largest["year"]) - ref_year) / growth if growth > 0 else math.inf
    date = str(t.loc[t["year"].idxmax(), "publication_date"])
    return SinceEssay(records, largest, end, date, trend, trend / float(largest["compute"]), since)


def largest_per_year(t: pd.DataFrame, since: int) -> pd.DataFrame:
    """The largest run (by compute) published in each calendar year from ``since`` on, one row per year."""
    later = t[t["year"] >= since].copy()
    later["calendar_year"] = np.floor(later["year"]).astype(int)
    return later.loc[later.groupby("calendar_year")["compute"].idxmax()].sort_values("year")


def largest_with_costs(t: pd.DataFrame, year: int, n: int = 3) -> pd.DataFrame:
    """The ``n`` largest runs of ``year`` that Epoch gives a training cost for (2023 US dollars), largest first."""
    rows = t[(np.floor(t["year"]) == year) & pd.to_numeric(t["training_cost_2023_usd"], errors="coerce").gt(0)]
    return rows.sort_values("compute", ascending=False).head(n)
