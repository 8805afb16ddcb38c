"""The compute-trends chart: notable models' training compute by date, the fit, and doubling times to compare.

Pure: a :class:`lib.data.trends.model.Trend` (or the points alone, when no fit exists) in, a figure out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.core import units
from lib.core.charts.look import Chart, Figure, log_axis, year_axis
from lib.data.trends.model import LOG10_2, Trend

HEIGHT = 520
FORWARD_YEARS = 5  # how far past the window the fit is extended
FIT_COLOR = "#E69F00"
COMPARE_STYLES = ("#D55E00", "#0072B2", "#009E73")


def _hover(points: pd.DataFrame) -> list[str]:
    return [f"<b>{m}</b><br>{o}<br>{d}<br>{units.flop(c)} · {conf}"
            for m, o, d, c, conf in zip(points["model"], points["organization"].fillna("organisation not given"),
                                         points["publication_date"], points["compute"],
                                         points["confidence"].fillna("confidence not rated"))]


def trend_figure(points: pd.DataFrame, trend: Trend | None, end_year: int,
                 compare: dict[str, float] | None = None) -> Figure:
    """Every picked model as a point, the fit over the window and extended forward, and ``compare``.

    ``compare`` maps a label to a doubling time in months, drawn from the fit's value at the end of
    the window forward, so slopes can be compared from one starting point.
    """
    chart = Chart()
    chart.add(x=points["year"].to_numpy(), y=points["compute"].to_numpy(), mode="markers", name="Notable models",
              marker={"color": "#777777", "size": 7, "opacity": 0.75, "line": {"width": 0}},
              text=_hover(points), hovertemplate="%{text}<extra></extra>", meta={"csv": False})
    x_lo = float(points["year"].min()) if len(points) else end_year - 10.0
    # Without a fit there is nothing to extend: the axis ends with the window.
    x_hi = end_year + 1.0 + (FORWARD_YEARS if trend is not None else 0.0)
    if trend is not None:
        inside = np.linspace(x_lo, end_year + 1.0, 60)
        ahead = np.linspace(end_year + 1.0, x_hi, 30)
        chart.line(inside, 10 ** trend.log10_at(inside), f"Fit: doubling every {f'{trend.doubling_months:.1f}'} months",
                   FIT_COLOR, hover="fit<br>%{x:.1f}<br>%{y:.2e} FLOP<extra></extra>")
        chart.line(ahead, 10 ** trend.log10_at(ahead), "Fit, extended", FIT_COLOR, dash="dot", width=2,
                   hover="fit, extended<br>%{x:.1f}<br>%{y:.2e} FLOP<extra></extra>")
        start = float(trend.log10_at(np.array([end_year + 1.0]))[0])
        for (label, months), color in zip((compare or {}).items(), COMPARE_STYLES):
            slope = 12.0 * LOG10_2 / months
            chart.line(ahead, 10 ** (start + slope * (ahead - ahead[0])), f"{label}: {f'{months:g}'} months",
                       color, dash="dash", width=1.5, hover=f"{label}<br>%{{x:.1f}}<br>%{{y:.2e}} FLOP<extra></extra>")
    ys = points["compute"].to_numpy(dtype=float)
    lo = float(ys.min()) / 10 if ys.size else 1e15
    hi = float(ys.max()) * (1e3 if trend is not None else 10.0) if ys.size else 1e30
    return chart.figure(height=HEIGHT, xaxis=year_axis(x_lo - 0.5, x_hi), yaxis=log_axis("training compute (FLOP)", lo, hi),
                        csv={"x": "year", "y": "training compute (FLOP)"})
