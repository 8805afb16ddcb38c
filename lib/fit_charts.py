"""The fit-your-own page's chart: the points, the fitted curve and its bootstrap band, out to a budget.

Pure: a :class:`lib.fitting.Fit` and the points in, a figure out.
"""

from __future__ import annotations

import numpy as np

from lib import units
from lib.charts import Chart, Figure, axis, log_axis
from lib.fitting import Fit, curve

FIT_COLOR = "#CC79A7"


def fit_figure(fit: Fit | None, compute: np.ndarray, loss: np.ndarray, budget: float) -> Figure:
    """Loss against training compute (6ND for params-tokens points): the points, the fit to ``budget`` and past it."""
    chart = Chart()
    lo = float(min(compute.min(), budget)) / 3 if compute.size else budget / 1e4
    hi = float(max(compute.max(), budget)) * 10 if compute.size else budget * 10
    grid = np.geomspace(lo, hi, 120)
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
    chart.vline(budget, (float(np.nanmin(loss)) * 0.9, float(np.nanmax(loss)) * 1.05) if loss.size else (1, 5),
                "#222", dash="dot")
    chart.label(budget, float(np.nanmax(loss)) if loss.size else 5, f"budget {units.flop(budget)}", log_x=True,
                position="top left")
    return chart.figure(height=460, xaxis=log_axis("training compute (FLOP)"), yaxis=axis("loss"),
                        csv={"x": "training compute (FLOP)", "y": "loss"})
