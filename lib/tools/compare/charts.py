"""Charts of a comparison: a chain's main lines for A and B overlaid, and each headline's waterfall.

Each chain says which lines its main chart has (``Chain.overlay``: an :class:`Overlay` of one
view); :func:`overlay_figure` draws two of them, A solid and B dashed in the same colour, each
line named once at its end. :func:`waterfall_figure` goes from A's headline through every
player's contribution to B's, largest first. Pure: data in, figures out.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np

from lib.core.charts.contrast import text_on
from lib.core.charts.labels import frames, text_size
from lib.core.charts.look import Chart, Figure, axis, log_axis, year_axis
from lib.core.charts.overlay import Overlay
from lib.tools.compare.model import Comparison, HeadlineDiff

OVERLAY_HEIGHT = 480
# Waterfall bars in the colours the rest of the app uses for "more" and "less" (Okabe-Ito).
UP, DOWN, TOTAL = "#D55E00", "#0072B2", "#666666"
LABEL_WRAP = 20  # characters per line of a parameter's name beside its bar, which a phone can hold


def _axis(scale: str, title: str, lo: float, hi: float) -> dict[str, object]:
    if scale == "year":
        return year_axis(math.floor(lo), math.ceil(hi))
    if scale == "log":
        return log_axis(title, lo, hi)
    if scale == "percent":
        return axis(title, range=[lo, hi], tickformat=".0%")
    return axis(title, range=[lo, hi])


def _span(values: list[np.ndarray], scale: str, fixed: tuple[float, float] | None) -> tuple[float, float]:
    if fixed is not None:
        return fixed
    finite = np.concatenate([v[np.isfinite(v) & ((v > 0) if scale == "log" else True)] for v in values])
    if not finite.size:
        return (1.0, 10.0) if scale == "log" else (0.0, 1.0)
    lo, hi = float(finite.min()), float(finite.max())
    if scale == "log":
        return lo / 2, hi * 2
    pad = (hi - lo) * 0.03 or 1.0
    return lo - pad, hi + pad


def overlay_figure(a: Overlay, b: Overlay) -> Figure:
    """A's lines solid, B's dashed; each line named at its right-hand end; a legend for the two styles."""
    chart = Chart()
    b_lines = {line.key: line for line in b.lines}
    a_lines = {line.key: line for line in a.lines}
    for view, dash, lines in (("A", "solid", a.lines), ("B", "dash", b.lines)):
        for line in lines:
            chart.line(line.x, line.y, f"{view}: {line.name}", line.color, width=line.width, dash=dash,
                       showlegend=False, hover=f"{view}: {line.name}<br>%{{x:.4g}}<br>%{{y:.4g}}<extra></extra>")
    for view, dash in (("A", "solid"), ("B", "dash")):
        # Legend entries only: which style is which view.
        chart.add(x=[None], y=[None], mode="lines", name=f"{view} ({'solid' if dash == 'solid' else 'dashed'})",
                  line={"color": "#333", "width": 3, "dash": dash}, hoverinfo="skip", meta={"csv": False})
    xr = _span([line.x for line in (*a.lines, *b.lines)], a.x_scale, a.x_range)
    yr = _span([line.y for line in (*a.lines, *b.lines)], a.y_scale, a.y_range)
    to_axis = (lambda v: math.log10(v)) if a.y_scale == "log" else (lambda v: v)
    x_axis_range = (math.log10(xr[0]), math.log10(xr[1])) if a.x_scale == "log" else xr
    y_axis_range = (to_axis(yr[0]), to_axis(yr[1]))
    ends = []
    for key in dict.fromkeys([*a_lines, *b_lines]):
        line = a_lines.get(key) or b_lines[key]
        inside = np.isfinite(line.y) & (line.x <= xr[1])
        if inside.any():
            y_end = float(line.y[inside][-1])
            if yr[0] <= y_end <= yr[1] and (a.y_scale != "log" or y_end > 0):
                ends.append((to_axis(y_end), line.name, line.color))
    legend = chart.legend_names()
    if ends:
        frame = min(frames(x_axis_range, y_axis_range, OVERLAY_HEIGHT, legend), key=lambda f: f.height)
        chart.end_labels(x_axis_range[1], ends, frame)
    return chart.figure(height=OVERLAY_HEIGHT, xaxis=_axis(a.x_scale, a.x_title, *xr),
                        yaxis=_axis(a.y_scale, a.y_title, *yr), csv={"x": a.x_title, "y": a.y_title})


def _wrap(label: str) -> str:
    return "<br>".join(textwrap.wrap(label, LABEL_WRAP)) or label


def waterfall_figure(comparison: Comparison, h: HeadlineDiff) -> Figure:
    """From A's value through each player's contribution (largest first) to B's, as horizontal bars."""
    m = h.measure
    assert h.start is not None and h.end is not None
    names = [comparison.player(k).label for k in h.contributions]
    contributions = list(h.contributions.values())
    log = h.headline.scale == "log"

    def value_text(x: float) -> str:
        return h.headline.format(10 ** x if log else x)

    a_text = value_text(h.start) if h.a.value is not None else f"{h.a.brief(h.headline)} (at {value_text(h.start)})"
    b_text = value_text(h.end) if h.b.value is not None else f"{h.b.brief(h.headline)} (at {value_text(h.end)})"
    # A's and B's values go in their row names: text on a bar that ends near the plot's edge gets cut.
    labels = [f"<b>A</b><br>{a_text}", *(_wrap(n) for n in names), f"<b>B</b><br>{b_text}"]
    texts = ["", *(m.amount(c, signed=True) for c in contributions), ""]
    chart = Chart()
    chart.add(type="waterfall", orientation="h", y=labels, x=[h.start, *contributions, h.end],
              measure=["absolute", *(["relative"] * len(contributions)), "total"], text=texts,
              # Inside a bar where it fits, else beside it.
              textposition="auto", textangle=0, outsidetextfont={"color": "#333"},
              insidetextfont={"color": ["#000000", *(text_on(UP if c >= 0 else DOWN) for c in contributions),
                                        "#000000"]},
              cliponaxis=False, name="", meta={"csv": False},
              hovertext=[f"A: {a_text}", *(f"{n}: {m.text(c, signed=True)}" for n, c in zip(names, contributions)),
                         f"B: {b_text}"],
              hovertemplate="%{hovertext}<extra></extra>", textfont={"size": 13},
              increasing={"marker": {"color": UP}}, decreasing={"marker": {"color": DOWN}},
              totals={"marker": {"color": TOTAL}}, connector={"line": {"color": "#999", "width": 1}})
    path = np.cumsum([h.start, *contributions])
    lo, hi = float(min(path.min(), h.end)), float(max(path.max(), h.end))
    pad = (hi - lo) * 0.35 or (abs(hi) * 0.05 or 1.0)
    left = max(text_size(line, 13)[0] for label in labels for line in label.split("<br>")) + 8
    rows = sum(label.count("<br>") + 1 for label in labels)
    title = f"log10 {'multiplier' if h.headline.unit == '×' else h.headline.unit}" if log else h.headline.unit
    xaxis = axis(title, range=[lo - pad, hi + pad])
    if h.headline.unit == "probability":
        xaxis["tickformat"] = ".0%"
    return chart.figure(height=int(70 + 20 * rows + 14 * len(labels)), showlegend=False,
                        margin={"l": int(min(left, 170)), "r": 16, "t": 36, "b": 50},
                        xaxis=xaxis, yaxis=axis("", autorange="reversed", type="category", showgrid=False))
