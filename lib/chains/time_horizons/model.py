"""Time horizons: METR's measured trend, extrapolated to a work-week, a work-month, a work-year and a target.

The chain (../shared/MODELS.md section 4):

1. METR measures the length of task (minutes of expert-human time) that frontier agents complete with
   50% or 80% success. Its trend: log2(horizon) is linear in release date (:mod:`.trend`), doubling
   every 187.8 days over all state-of-the-art points, every 128.7 days from 2023 on.
2. From a start (the latest state-of-the-art measurement, the fitted line at a date, or a horizon you
   give) the horizon keeps doubling: exponentially, superexponentially or subexponentially
   (:mod:`.growth`), until it reaches the thresholds people quote (a work-day of 8 h, a work-week of
   40 h, a work-month of 167 h, a work-year of 2,000 h) and a target (AI 2027's superhuman coder needs
   a median 120 work-months).
3. Or AI 2027's model (:mod:`.ai2027`): the same growth, sped up by AI R&D, from the internal frontier,
   with a cost-and-speed delay before the coder.

A time horizon is not how long an AI can work alone (METR says so); the page says it beside the
numbers. :func:`run_batch` evaluates arrays of values at once; :func:`run` is one view. Pure: no
Streamlit; the points come from data/metr_time_horizons.csv through lib.data.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from lib.chains.time_horizons import ai2027
from lib.chains.time_horizons.growth import doublings_after, limit_months, months_for
from lib.chains.time_horizons.params import PARAMS, WORK_HOURS
from lib.chains.time_horizons.trend import Fit, Points, bootstrap_doubling_days, fit
from lib.core.chain import HeadlineBatch, headline_batch
from lib.data import files

Array = NDArray[np.float64]
Values = Mapping[str, object]

HORIZON_YEAR = 2200.0  # dates past this are "after 2200"
METRICS = ("p50", "p80")
THRESHOLDS = {"year_week": "work-week", "year_month": "work-month", "year_year": "work-year"}


def decimal_year(dates: pd.Series) -> Array:
    """Release dates as years, linear in days (2000 + days since 2000-01-01 / 365.25), as METR fits in days."""
    days = (pd.to_datetime(dates) - pd.Timestamp("2000-01-01")).dt.days.to_numpy(dtype=float)
    return 2000.0 + days / 365.25


@functools.cache
def table() -> pd.DataFrame:
    """METR's per-model results, with release dates as decimal years (``year``)."""
    t = files.load("metr_time_horizons").table.copy()
    t["year"] = decimal_year(t["release_date"])
    return t.sort_values("year", kind="stable").reset_index(drop=True)


@functools.lru_cache(maxsize=len(METRICS))
def points(metric: str) -> Points:
    t = table()
    return Points(t["year"].to_numpy(), t[f"{metric}_min"].to_numpy(dtype=float), t["is_sota"].to_numpy(dtype=bool))


@functools.lru_cache(maxsize=len(METRICS))
def latest(metric: str) -> tuple[float, float, str]:
    """(year, minutes, model) of the latest state-of-the-art measurement."""
    t = table()
    row = t[t["is_sota"]].iloc[-1]
    return float(row["year"]), float(row[f"{metric}_min"]), str(row["model"])


def _by_metric(metric: NDArray[np.str_], per: Mapping[str, Array]) -> Array:
    return np.select([metric == m for m in METRICS], [per[m] for m in METRICS], np.nan)


def _fits(metric: NDArray[np.str_], since: Array, until: Array | float = np.inf) -> dict[str, Array]:
    out: dict[str, Array] = {}
    fits = {m: fit(points(m), since, until) for m in METRICS}
    for name in ("slope", "intercept", "count"):
        out[name] = _by_metric(metric, {m: getattr(f, name) for m, f in fits.items()})
    out["doubling_months"] = _by_metric(metric, {m: f.doubling_months for m, f in fits.items()})
    return out


def chain_arrays(values: Values) -> dict[str, Array]:
    """Every number of the chain for a batch of parameter sets (arrays of equal length)."""
    v = PARAMS.coerce_batch(values)
    metric = v["metric"]
    f = _fits(metric, v["fit_since"])
    line = Fit(f["slope"], f["intercept"], f["count"])
    last = {m: latest(m) for m in METRICS}
    t0 = np.where(v["start_from"] == "latest", _by_metric(metric, {m: np.full(metric.shape, last[m][0]) for m in METRICS}),
                  v["from_year"])
    h0 = np.select([v["start_from"] == "latest", v["start_from"] == "trend"],
                   [_by_metric(metric, {m: np.full(metric.shape, last[m][1]) for m in METRICS}), line.minutes_at(t0)],
                   v["from_min"])
    first, growth, d, g = v["h_doubling"], v["growth"], v["shrink"], v["stretch"]
    ai = v["method"] == "ai2027"
    out: dict[str, Array] = {"t0": t0, "h0": h0, "doubling_fit": f["doubling_months"], "fit_count": f["count"],
                             "ai2027": ai.astype(float)}

    def reached(minutes: Array | None) -> Array:
        """The year the horizon reaches ``minutes`` (None: the target, and with AI 2027's model the coder)."""
        goal = v["target_h"] * 60 if minutes is None else minutes
        with np.errstate(divide="ignore", invalid="ignore"):
            n = np.log2(goal / h0)
        # Already passed at the start: back along the first doubling time.
        trend_year = t0 + np.where(n > 0, months_for(n, first, growth, d, g), n * first) / 12
        if not ai.any():
            return trend_year
        # Thresholds on the way: the same speed-ups, which ramp with the share of the way to the coder.
        model_year = ai2027.coder_year(t0, h0, v["target_h"] * 60, first, growth, v["lead"], v["sc_delay"],
                                       v["rnd_now"], v["rnd_sc"], d, g, on_the_way=minutes)
        return np.where(ai, np.where(n > 0, model_year, trend_year), trend_year)

    for key, name in THRESHOLDS.items():
        out[key] = reached(np.full(t0.shape, WORK_HOURS[name] * 60))
    out["year_day"] = reached(np.full(t0.shape, WORK_HOURS["work-day"] * 60))
    out["year_target"] = reached(None)
    out["limit_year"] = t0 + limit_months(first, growth, d) / 12
    months = (v["at_year"] - t0) * 12
    n_at = np.where(months >= 0, doublings_after(months, first, growth, d, g), months / first)
    if ai.any():
        # AI 2027's model: the progress made by the date, sped up as the coder's dates are; the horizon
        # stops growing at the target (the delay is progress after it).
        done = ai2027.progress_by(t0, h0, v["target_h"] * 60, first, growth, v["lead"], v["sc_delay"],
                                  v["rnd_now"], v["rnd_sc"], v["at_year"], d, g)
        with np.errstate(divide="ignore", invalid="ignore"):
            to_target = np.log2(v["target_h"] * 60 / h0)
        grown = np.minimum(done, months_for(to_target, first, growth, d, g))
        n_model = np.where(grown > 0, doublings_after(grown, first, growth, d, g), 0.0)
        n_at = np.where(ai & (v["at_year"] >= t0 - v["lead"] / 12), n_model, n_at)
    with np.errstate(over="ignore"):
        out["horizon_at"] = h0 * np.exp2(n_at) / 60  # hours
    return out


def run_batch(values: Values) -> HeadlineBatch:
    """Headlines for arrays of values: the fitted doubling time, the years of three thresholds and the target,
    and the horizon at a date."""
    return _headlines(chain_arrays(values))


def _headlines(a: Mapping[str, Array]) -> HeadlineBatch:
    ai = a["ai2027"] > 0
    no_start = ~np.isfinite(a["h0"])

    def dates(key: str) -> list[tuple[Array, str]]:
        y = a[key]
        return [(~np.isfinite(y) & ai, "after 2050, where AI 2027's model stops"),
                (np.isfinite(y) & (y > HORIZON_YEAR), f"after {HORIZON_YEAR:.0f}"),
                (no_start, "no trend to start from: fewer than two points in the fit window")]

    limit = a["limit_year"]
    past_limit = ~np.isfinite(a["horizon_at"])
    return headline_batch(
        {"doubling_fit": a["doubling_fit"], **{k: a[k] for k in (*THRESHOLDS, "year_target")},
         "horizon_at": a["horizon_at"]},
        {"doubling_fit": [(a["fit_count"] < 2, "fewer than two points in the fit window"),
                          (np.isnan(a["doubling_fit"]) & (a["fit_count"] >= 2), "the horizons did not grow in this window")],
         **{k: dates(k) for k in (*THRESHOLDS, "year_target")},
         "horizon_at": [(past_limit & np.isfinite(limit), "unbounded: past the superexponential limit, by which "
                                                          "every horizon is reached"),
                        (no_start, "no trend to start from: fewer than two points in the fit window")]},
    )


# METR's own forecast of a work-month (167 h) horizon, made in March 2025 (Kwa et al. 2025,
# arXiv:2503.14499) from its 2019-2025 trend: median 2029-10-31, 10-90% 2028-10-02 to 2031-02-15
# ("Overall (2019-2025 trend)" in METR/eval-analysis-public, metrics/multiverse_boxplot.yaml, commit
# 7707307); 2027-06-15 on its 2024-2025 trend. Decimal years, for the page to print beside ours.
METR_WORK_MONTH_2025 = {"median": 2029.83, "low": 2028.75, "high": 2031.12, "recent_trend": 2027.45}


@dataclass(frozen=True)
class Since:
    """'What happened since': the trend fitted before a cut-off, and the models released after it."""

    cutoff: float
    fit: Fit
    later: pd.DataFrame  # model, year, minutes, forecast minutes, ratio (measured / forecast)
    work_month_year: float | None  # when the trend before the cut-off reaches a work-month (167 h)


@dataclass(frozen=True)
class TimeHorizonsResult:
    metric: str
    points: pd.DataFrame  # every model: name, year, minutes, interval, sota, used in the fit
    fit: Fit
    fit_window: tuple[float, float]
    doubling_ci_days: tuple[float, float]
    start_year: float
    start_minutes: float
    start_label: str
    grid: Array  # years
    curve_hours: Array  # the extrapolated horizon (hours) on ``grid``; NaN past the superexponential limit
    thresholds: dict[str, float]  # name -> year reached
    target_hours: float
    target_year: float | None
    limit_year: float | None
    at_year: float
    horizon_at_hours: float | None
    since: Since
    headlines: HeadlineBatch
    ai2027: bool


def run(values: Values) -> TimeHorizonsResult:
    """The chain for one set of ``values`` (missing keys take defaults): a batch of one, plus the series drawn."""
    v, _ = PARAMS.coerce(values)
    a = {k: float(x[0]) for k, x in chain_arrays(v).items()}
    metric = str(v["metric"])
    since = float(v["fit_since"])  # type: ignore[arg-type]
    line = fit(points(metric), since)
    shown = _shown(metric, since)
    t0, h0 = a["t0"], a["h0"]
    start = str(v["start_from"])
    label = {"latest": f"latest measurement ({latest(metric)[2]})", "trend": "the fitted line",
             "given": "your horizon"}[start]
    grid = np.linspace(t0, max(t0 + 0.5, min(t0 + 20.0, HORIZON_YEAR)), 241)
    growth, first = str(v["growth"]), float(v["h_doubling"])  # type: ignore[arg-type]
    d, g = float(v["shrink"]), float(v["stretch"])  # type: ignore[arg-type]
    n = doublings_after((grid - t0) * 12, first, growth, d, g)
    if a["ai2027"]:
        # AI 2027's model: the progress made by each date, with its speed-ups, up to the target.
        target = float(v["target_h"]) * 60  # type: ignore[arg-type]
        done = ai2027.progress_by(t0, h0, target, first, growth, v["lead"], v["sc_delay"], v["rnd_now"],  # type: ignore[arg-type]
                                  v["rnd_sc"], grid, d, g)  # type: ignore[arg-type]
        grown = np.minimum(done, months_for(np.log2(target / h0), first, growth, d, g))
        n = doublings_after(grown, first, growth, d, g)
    with np.errstate(over="ignore"):
        curve = np.where(np.isfinite(n), h0 * np.exp2(n) / 60, np.nan)
    heads = _headlines({k: np.array([x]) for k, x in a.items()})
    row = heads.row(0)
    cutoff = float(v["cutoff"])  # type: ignore[arg-type]
    return TimeHorizonsResult(
        metric=metric, points=shown, fit=line, fit_window=(since, float(shown.loc[shown["used"], "year"].max())
                                                           if shown["used"].any() else since),
        doubling_ci_days=_ci(metric, since), start_year=t0, start_minutes=h0, start_label=label, grid=grid,
        curve_hours=curve, thresholds={name: a[key] for key, name in (("year_day", "work-day"), *THRESHOLDS.items())},
        target_hours=float(v["target_h"]), target_year=row["year_target"].value,  # type: ignore[arg-type]
        limit_year=a["limit_year"] if np.isfinite(a["limit_year"]) else None, at_year=float(v["at_year"]),  # type: ignore[arg-type]
        horizon_at_hours=row["horizon_at"].value, since=what_happened_since(metric, cutoff, since),
        headlines=heads, ai2027=bool(a["ai2027"]))


# Bounded like what_happened_since; the frame is shared by sessions (read-only).
@functools.lru_cache(maxsize=64)
def _shown(metric: str, since: float) -> pd.DataFrame:
    """Every model's point as the chart draws it, and whether the fit from ``since`` uses it."""
    pts, t = points(metric), table()
    return pd.DataFrame({"model": t["model"], "year": t["year"], "release_date": t["release_date"],
                         "minutes": t[f"{metric}_min"], "low": t[f"{metric}_ci_low"], "high": t[f"{metric}_ci_high"],
                         "sota": t["is_sota"], "used": pts.usable() & (pts.year >= since)})


@functools.lru_cache(maxsize=64)
def _ci(metric: str, since: float) -> tuple[float, float]:
    return bootstrap_doubling_days(points(metric), since)


# Bounded: the cut-off and the window are slider values (a few hundred steps each), shared by sessions.
@functools.lru_cache(maxsize=64)
def what_happened_since(metric: str, cutoff: float, since: float = -np.inf) -> Since:
    """The trend over the points released before ``cutoff``, and every model released after it against it.

    Cached, so the table it holds is shared: read it, never change it.
    """
    pts = points(metric)
    before = fit(pts, since, cutoff)
    t = table()
    after = t[t["year"] >= cutoff]
    forecast = before.minutes_at(after["year"].to_numpy())
    measured = after[f"{metric}_min"].to_numpy(dtype=float)
    later = pd.DataFrame({"model": after["model"].to_numpy(), "year": after["year"].to_numpy(), "minutes": measured,
                          "forecast": np.broadcast_to(forecast, measured.shape),
                          "ratio": measured / np.broadcast_to(forecast, measured.shape),
                          "sota": after["is_sota"].to_numpy()})
    month = float(before.year_at(WORK_HOURS["work-month"] * 60))
    return Since(cutoff, before, later, month if np.isfinite(month) else None)


def cli_results(result: TimeHorizonsResult) -> dict[str, object]:
    """JSON-ready numbers (years as decimals, None where there is no value)."""
    r = result
    return {
        "metric": r.metric,
        "doubling_days": float(r.fit.doubling_days) if np.isfinite(r.fit.doubling_days) else None,
        "doubling_days_95ci": list(r.doubling_ci_days),
        "fit_points": int(r.fit.count),
        "start_year": r.start_year,
        "start_minutes": r.start_minutes,
        "thresholds_year": {k: (v if np.isfinite(v) else None) for k, v in r.thresholds.items()},
        "target_hours": r.target_hours,
        "target_year": r.target_year,
        "superexponential_limit_year": r.limit_year,
        "horizon_at_year": r.at_year,
        "horizon_at_hours": r.horizon_at_hours,
    }


def curve_batch(values: Values, grid: Array) -> Array:
    """The extrapolated horizon (hours) on ``grid`` (years) for every row of a batch: rows × grid, NaN past a limit.

    For the uncertainty view's bands. The trend's growth from each row's start, without AI 2027's
    speed-ups (the page says so), as the main chart draws it.
    """
    a = chain_arrays(values)
    v = PARAMS.coerce_batch(values)
    months = (np.asarray(grid, dtype=float)[None, :] - a["t0"][:, None]) * 12
    n = doublings_after(months, v["h_doubling"][:, None], v["growth"][:, None], v["shrink"][:, None],
                        v["stretch"][:, None])
    with np.errstate(over="ignore", invalid="ignore"):
        h = a["h0"][:, None] * np.exp2(n) / 60
    # Past a superexponential limit the horizon is unbounded: it counts as above any chart, not as missing.
    return np.where(months < 0, np.nan, np.where(np.isnan(h), np.nan, np.minimum(h, UNBOUNDED_HOURS)))


UNBOUNDED_HOURS = 1e12  # far above every chart: a draw past its superexponential limit
BAND_GRID = np.round(np.arange(2019.0, 2060.001, 0.1), 2)  # years; the bands' grid, the same for every view


def headlines_and_curves(values: Values) -> tuple[HeadlineBatch, Array]:
    """A batch's headlines and its curves on :data:`BAND_GRID`, for :func:`lib.tools.uncertainty.model.run_draws`."""
    return run_batch(values), curve_batch(values, BAND_GRID)
