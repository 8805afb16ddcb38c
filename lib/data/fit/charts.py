"""The fit-your-own page's chart: the points, the fitted curve and its bootstrap band, out to a budget and a target.

Pure: a :class:`lib.data.fit.model.Fit` and the points in, a figure out.
"""

from __future__ import annotations

import numpy as np

from lib.core import units
from lib.core.charts.look import Chart, Figure, axis, log_axis
from lib.data.fit.model import Fit, Reach, curve

FIT_COLOR = "#CC79A7"
TARGET_COLOR = "#D55E00"
MAX_DECADES = 30  # the x-axis shows at most this many orders of magnitude past the data (our choice, for legibility)


def _x_range(compute: np.ndarray, budget: float, reach: Reach | None) -> tuple[float, float]:
    lo = float(min(compute.min(), budget)) / 3 if compute.size else budget / 1e4
    hi = float(max(compute.max(), budget)) * 10 if compute.size else budget * 10
    if reach is not None and reach.compute is not None:
        hi = max(hi, reach.compute * 10)
    return lo, min(hi, lo * 10.0 ** MAX_DECADES)


def fit_figure(fit: Fit | None, compute: np.ndarray, loss: np.ndarray, budget: float,
               reach: Reach | None = None) -> Figure:
    """Loss against training compute (6ND for params-tokens points): the points, the fit to ``budget`` and on to
    where it reaches the human-level loss of ``reach``."""
    chart = Chart()
    grid = np.geomspace(*_x_range(compute, budget, reach), 160)
    if fit is not None:
        if fit.draws is not None:
            band = curve(fit.form, fit.draws, grid)
            p10, p90 = np.nanpercentile(band, [10, 90], axis=0)
            chart.add(x=np.concatenate([grid, grid[::-1]]), y=np.concatenate([p10, p90[::-1]]), fill="toself",
                      fillcolor="rgba(204,121,167,0.18)", line={"width": 0}, hoverinfo="skip",
                      name="10-90% of bootstrap fits", mode="lines", meta={"csv": False})
        label = "Fit" if fit.form == "compute" else "Fit, compute-optimal"  # short: a phone's legend is one column
        chart.line(grid, fit.curve(grid), label, FIT_COLOR, width=3, hover="%{x:.2e} FLOP<br>loss %{y:.3f}<extra></extra>")
    chart.add(x=compute, y=loss, mode="markers", name="Your points", marker={"size": 8, "color": "#333"},
              hovertemplate="%{x:.3g} FLOP<br>loss %{y:.4g}<extra></extra>")
    top = float(np.nanmax(loss)) if loss.size else 5.0
    bottom = float(np.nanmin(loss)) if loss.size else 1.0
    if reach is not None:
        bottom = min(bottom, reach.target)
        chart.line([grid[0], grid[-1]], [reach.target, reach.target], f"Human level, loss {reach.target:.3g}",
                   TARGET_COLOR, width=1.5, dash="dash", hover=f"human level: loss {reach.target:.3g}<extra></extra>")
        if reach.compute is not None and reach.compute <= grid[-1]:
            chart.add(x=[reach.compute], y=[reach.target], mode="markers", name="Fit reaches it",
                      marker={"size": 11, "color": TARGET_COLOR, "symbol": "diamond"},
                      hovertemplate=f"reached at {units.flop(reach.compute)}<extra></extra>")
    chart.vline(budget, (bottom * 0.9, top * 1.05), "#222", dash="dot")
    chart.label(budget, top, f"budget {units.flop(budget)}", log_x=True, position="top left")
    return chart.figure(height=460, xaxis=log_axis("training compute (FLOP)"), yaxis=axis("loss"),
                        csv={"x": "training compute (FLOP)", "y": "loss"})
