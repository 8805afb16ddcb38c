"""Time-horizon charts: METR's measurements with the fit and its extrapolation, and what happened since a forecast.

Pure figure builders (a result in, a figure out), on the shared look (lib/core/charts/look.py).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from lib.chains.time_horizons.model import BAND_GRID, TimeHorizonsResult
from lib.chains.time_horizons.params import WORK_HOURS
from lib.core import units
from lib.core.charts.look import COLORS, LABEL_BG, Chart, Figure, log_axis, year_axis
from lib.core.charts.overlay import Line, Overlay

MEASURED, FIT, FORECAST, LATER = "#333333", "#0072B2", "#D55E00", "#009E73"
LIMIT = "#CC79A7"
HOUR_TICKS = {1 / 60: "1 min", 1 / 6: "10 min", 1: "1 h", 8: "work-day", 40: "work-week", 167: "work-month",
              2000: "work-year", 20_000: "10 work-years"}


def hours(h: float) -> str:
    """A horizon as people say it: '45 min', '7.8 h', '3.1 work-weeks' (40 h), '2.4 work-years' (2,000 h)."""
    if h is None or not np.isfinite(h):
        return "n/a"
    if h < 1:
        return f"{units.format_number(units.round_sig(h * 60, 2))} min"
    if h < 40:
        return f"{units.format_number(units.round_sig(h, 2))} h"
    for name, size in (("work-year", 2000.0), ("work-month", 167.0), ("work-week", 40.0)):
        if h >= size:
            n = units.round_sig(h / size, 2)
            return f"{units.format_number(n)} {name}{'' if n == 1 else 's'}"
    return f"{h:.0f} h"


def _hours_axis(lo: float, hi: float) -> dict[str, object]:
    spec = log_axis("time horizon (log scale)", lo, hi)
    ticks = {k: v for k, v in HOUR_TICKS.items() if lo <= k <= hi}
    spec.update(tickvals=list(ticks), ticktext=list(ticks.values()))
    return spec


def trend_figure(r: TimeHorizonsResult, bands: Mapping[float, np.ndarray] | None = None) -> Figure:
    """The measurements (95% intervals), the fit over its window, and the extrapolation with its thresholds.

    ``bands`` (quantile -> hours on :data:`BAND_GRID`) shade the uncertainty view's spread of the extrapolation.
    """
    chart = Chart()
    if bands is not None:
        chart.quantile_bands(BAND_GRID, bands, FORECAST, "Extrapolation")
    p = r.points
    h, lo, hi = p["minutes"] / 60, p["low"] / 60, p["high"] / 60
    for used, name, symbol in ((True, "METR measurement (in the fit)", "circle"),
                               (False, "Not in the fit", "circle-open")):
        m = (p["used"] == used).to_numpy()
        chart.add(x=p["year"][m].to_numpy(), y=h[m].to_numpy(), mode="markers", name=name,
                  marker={"color": MEASURED, "size": 9, "symbol": symbol},
                  error_y={"type": "data", "symmetric": False, "array": (hi - h)[m].to_numpy(),
                           "arrayminus": (h - lo)[m].to_numpy(), "color": "#999", "thickness": 1},
                  customdata=np.stack([p["model"][m], p["release_date"][m],
                                       [hours(x) for x in h[m]], [f"{hours(a)} to {hours(b)}" for a, b in
                                                                 zip(lo[m], hi[m])]], axis=-1),
                  hovertemplate="%{customdata[0]} (%{customdata[1]})<br>horizon %{customdata[2]}<br>95%: "
                                "%{customdata[3]}<extra></extra>", meta={"column": "horizon (hours)"})
    x0 = r.fit_window[0]
    xs = np.linspace(max(x0, float(p["year"].min())), r.start_year, 50)
    if np.isfinite(r.fit.slope):
        chart.line(xs, r.fit.minutes_at(xs) / 60, f"Fit: doubling every {r.fit.doubling_days:.0f} days", FIT,
                   width=2.5, hover="fit %{y:.3g} h<extra></extra>")
    chart.line(r.grid, r.curve_hours, "AI 2027's model" if r.ai2027 else "Extrapolation",
               FORECAST, width=3, dash="dash", hover="%{x:.2f}: %{y:.3g} h<extra></extra>")
    # To a year past the target (or the last threshold), not the grid's 20 years: the data stays readable.
    reached = [y for y in (r.target_year, *r.thresholds.values(), r.limit_year) if y is not None and np.isfinite(y)]
    end = float(min(r.grid[-1], max([r.start_year + 2.0, r.at_year + 0.5, *(y + 1.0 for y in reached)])))
    for name in ("work-day", "work-week", "work-month", "work-year"):
        chart.line([2019.0, end], [WORK_HOURS[name]] * 2, name, "#BBBBBB", width=1, dash="dot", showlegend=False,
                   hover=f"{name}: {WORK_HOURS[name]:g} h<extra></extra>")
    chart.line([2019.0, end], [r.target_hours] * 2, f"Target: {hours(r.target_hours)}", COLORS["budget"], width=1.5,
               dash="dot")
    top = max(3 * WORK_HOURS["work-year"], r.target_hours * 3)
    if r.limit_year is not None and r.limit_year <= end:
        chart.vline(r.limit_year, (1e-3, 1e7), LIMIT, dash="dash", width=2)
        chart.label(r.limit_year, top / 10, f"every horizon by {units.month(r.limit_year)}", log_y=True,
                    position="middle left", font={"size": 12, "color": LIMIT}, bgcolor=LABEL_BG)
    return chart.figure(height=560, xaxis=year_axis(2019.0, end), yaxis=_hours_axis(5e-4, top),
                        margin={"l": 112}, csv={"x": "year", "y": "horizon (hours)"})


def since_figure(r: TimeHorizonsResult) -> Figure:
    """The trend fitted before the cut-off, carried forward, and every model released after it."""
    chart = Chart()
    s = r.since
    p = r.points
    before = (p["year"] < s.cutoff).to_numpy()
    chart.add(x=p["year"][before].to_numpy(), y=(p["minutes"][before] / 60).to_numpy(), mode="markers",
              name="Known at the cut-off", marker={"color": MEASURED, "size": 8},
              customdata=p["model"][before].to_numpy(), hovertemplate="%{customdata}<extra></extra>")
    end = max(float(p["year"].max()) + 0.5, s.cutoff + 1)
    xs = np.linspace(float(p["year"].min()), end, 80)
    if np.isfinite(s.fit.slope):
        chart.line(xs, s.fit.minutes_at(xs) / 60, f"Forecast from the cut-off: doubling every "
                   f"{s.fit.doubling_days:.0f} days", FIT, width=2.5, hover="forecast %{y:.3g} h<extra></extra>")
    later = s.later
    chart.add(x=later["year"].to_numpy(), y=(later["minutes"] / 60).to_numpy(), mode="markers",
              name="Released after", marker={"color": LATER, "size": 10, "symbol": "diamond"},
              customdata=np.stack([later["model"], [f"{x:.2g}" for x in later["ratio"]]], axis=-1),
              hovertemplate="%{customdata[0]}: %{customdata[1]}× the forecast<extra></extra>")
    chart.vline(s.cutoff, (1e-3, 1e4), "#666", dash="dot")
    return chart.figure(height=480, xaxis=year_axis(2019.0, end), yaxis=_hours_axis(5e-4, 1e3),
                        margin={"l": 112}, csv={"x": "year", "y": "horizon (hours)"})


def overlay(values: Mapping[str, object], result: TimeHorizonsResult) -> Overlay:
    """The extrapolated horizon from the start, for a comparison."""
    del values
    lines = (Line("curve", "extrapolated horizon", result.grid, result.curve_hours, FORECAST),
             Line("target", "target", np.array([result.grid[0], result.grid[-1]]),
                  np.array([result.target_hours] * 2), "#222222", width=1.5))
    return Overlay("Time horizon by year", lines, "year", "time horizon (hours)", x_scale="year", y_scale="log")
