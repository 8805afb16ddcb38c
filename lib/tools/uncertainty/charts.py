"""Charts of the uncertainty view: a headline's distribution over the draws, and the tornado of swings.

Pure: data in, figures out.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np

from lib.core.chain import Headline
from lib.core.charts.contrast import text_on
from lib.core.charts.labels import text_size
from lib.core.charts.look import Chart, Figure, axis
from lib.tools.uncertainty.model import Summary, Swing, swing_size

UP, DOWN = "#D55E00", "#0072B2"  # the parameter's high end raises / lowers the headline (Okabe-Ito)
HIST_HEIGHT = 320


def _scale(headline: Headline, x: np.ndarray) -> np.ndarray:
    return np.log10(x) if headline.scale == "log" else x


def histogram_figure(headline: Headline, values: np.ndarray, summary: Summary) -> Figure:
    """How the draws of one headline fall: a histogram of those with a value, the 10/50/90th percentiles marked."""
    finite = values[np.isfinite(values)]
    chart = Chart()
    log = headline.scale == "log"
    if finite.size:
        # Binned here: 40 bars travel to the browser and redraw faster than thousands of raw draws.
        counts, edges = np.histogram(_scale(headline, finite), bins=40)
        chart.add(type="bar", x=(edges[:-1] + edges[1:]) / 2, y=counts, width=float(edges[1] - edges[0]) or None,
                  marker={"color": "#888888", "line": {"width": 0}}, name="draws", showlegend=False,
                  hovertemplate="%{y} draws<extra></extra>", meta={"csv": False})
    # The percentiles as shapes over the plot's height: no extra traces or second axis to redraw.
    # The three values in one line above the plot: as labels at their marks they collided on a phone.
    marks, said = [], []
    for q, value in (("10th", summary.p10), ("median", summary.p50), ("90th", summary.p90)):
        if value is None or not finite.size:
            continue
        at = math.log10(value) if log else value
        said.append(f"{q} {headline.format(value)}")
        marks.append({"type": "line", "xref": "x", "yref": "paper", "x0": at, "x1": at, "y0": 0, "y1": 1,
                      "line": {"color": "#222", "width": 1.5, "dash": "dot" if q != "median" else "solid"}})
    if said:
        chart.annotations.append({"x": 0, "xref": "paper", "xanchor": "left", "y": 1, "yref": "paper",
                                  "yanchor": "bottom", "showarrow": False, "font": {"size": 12},
                                  "text": " · ".join(said)})
    title = f"log10 {headline.unit}" if log else headline.unit
    xaxis = axis(title)
    if headline.unit == "probability":
        xaxis["tickformat"] = ".0%"
    if headline.unit == "year":
        xaxis["tickformat"] = "d"
    return chart.figure(height=HIST_HEIGHT, showlegend=False, margin={"t": 28, "b": 50, "l": 56},
                        xaxis=xaxis, yaxis=axis("draws"), shapes=marks)


def _wrap(label: str, width: int = 22) -> str:
    return "<br>".join(textwrap.wrap(label, width)) or label


def tornado_figure(headline: Headline, current: float | None, swings: list[Swing]) -> Figure:
    """One bar per ranged parameter, from the headline at its low end to at its high end, around the current value.

    Bars sorted by swing (largest on top); a missing end stands at the headline's horizon. Orange
    where the parameter's high end raises the headline, blue where it lowers it.
    """
    chart = Chart()
    log = headline.scale == "log"
    labels, base, length, colors, hover, texts = [], [], [], [], [], []
    for s in swings:
        lo = s.at_low.value if s.at_low.value is not None else headline.horizon
        hi = s.at_high.value if s.at_high.value is not None else headline.horizon
        if lo is None or hi is None:
            continue
        a, b = (math.log10(v) for v in (lo, hi)) if log else (lo, hi)
        labels.append(_wrap(s.param.label))
        base.append(min(a, b))
        length.append(abs(b - a))
        colors.append(UP if b >= a else DOWN)
        ends = f"{s.param.format_value(s.low)} → {s.at_low.text(headline)}; {s.param.format_value(s.high)} → " \
               f"{s.at_high.text(headline)}"
        hover.append(f"{s.param.label}<br>{ends}")
        texts.append(f"{s.param.format_value(s.low)}–{s.param.format_value(s.high)}")
    chart.add(type="bar", orientation="h", y=labels, x=length, base=base, marker={"color": colors},
              hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", text=texts, textposition="auto",
              insidetextfont={"color": [text_on(c) for c in colors], "size": 12}, outsidetextfont={"color": "#333", "size": 12},
              cliponaxis=False, name="", meta={"csv": False}, customdata=[s.param.key for s in swings])
    if current is not None:
        at = math.log10(current) if log else current
        chart.annotations.append({"x": at, "y": 1, "yref": "paper", "yanchor": "bottom", "showarrow": False,
                                  "text": f"at the sliders: {headline.format(current)}", "font": {"size": 12}})
        chart.add(x=[at, at], y=[0, 1], yaxis="y2", mode="lines", hoverinfo="skip", showlegend=False,
                  line={"color": "#222", "width": 1.5})
    left = max((text_size(line, 13)[0] for label in labels for line in label.split("<br>")), default=60) + 8
    rows = sum(label.count("<br>") + 1 for label in labels) or 1
    title = f"{headline.label} ({'log10 ' + headline.unit if log else headline.unit})"
    xaxis = axis(title)
    if headline.unit == "probability":
        xaxis["tickformat"] = ".0%"
    return chart.figure(height=int(90 + 20 * rows + 12 * len(labels)), showlegend=False,
                        margin={"l": int(min(left, 170)), "r": 16, "t": 28, "b": 50}, xaxis=xaxis,
                        yaxis=axis("", autorange="reversed", type="category", showgrid=False),
                        yaxis2={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True})


def drivers_sentence(headline: Headline, swings: list[Swing]) -> str:
    """The top two drivers in words: 'Hardware price halving time moves the median year most (2041 to 2066), then ...'."""
    moving = [s for s in swings if swing_size(s, headline.horizon) > 0]
    if not moving:
        return f"None of the ranged parameters moves {headline.label.lower()}."

    def ends(s: Swing) -> str:
        return f"{s.at_low.brief(headline)} at {s.param.format_value(s.low)} to {s.at_high.brief(headline)} at " \
               f"{s.param.format_value(s.high)}"

    first = f"{moving[0].param.label} moves {headline.label} most ({ends(moving[0])})"
    if len(moving) == 1:
        return first + "."
    return first + f", then {moving[1].param.label} ({ends(moving[1])})."

