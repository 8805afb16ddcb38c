"""The home page's timeline: the anchors' P(TAI by year) with the GPT-human dates over it.

Pure: results in (:mod:`lib.tools.summary.model`), :class:`lib.core.charts.look.Figure` out.
"""

from __future__ import annotations

import math

from lib.chains.bio_anchors.model import BioAnchorsResult
from lib.core import units
from lib.core.charts.look import COLORS, LABEL_BG, Chart, Figure, axis, year_axis
from lib.tools.summary.model import Milestone

TIMELINE_HEIGHT = 440
FIRST_YEAR = 2020
GPT_COLORS = {"year_compute_reached": COLORS["kaplan"], "year_affordable": COLORS["strong"],
              "year_month": COLORS["hoffmann"], "year_target": COLORS["besiroglu"]}
# On the chart, where a phone has ~280 px for a label; the caption gives the full names.
GPT_SHORT = {"year_compute_reached": "compute reached", "year_affordable": "affordable",
             "year_month": "work-month horizon", "year_target": "target horizon"}


def timeline_figure(bio: BioAnchorsResult, marks: tuple[Milestone, ...]) -> Figure:
    """P(TAI by year) from the anchors, with the GPT-human and time-horizon dates as labelled vertical lines."""
    chart = Chart()
    last = int(bio.years[-1])
    chart.line(bio.years, bio.p_tai, "Biological anchors: P(TAI by year)", "black", width=4,
               hover="%{x}: %{y:.0%}<extra>biological anchors</extra>")
    shown = [m for m in marks if m.year is not None]
    # Half a year of room before the earliest date, so its line is not drawn on the axis itself.
    first = min([FIRST_YEAR, *(math.floor(m.year - 0.5) for m in shown)])  # type: ignore[arg-type]
    middle = (first + last) / 2
    for i, m in enumerate(shown):
        color = GPT_COLORS[m.key]
        past = ", already past" if m.past else ""  # the caption says what the data show
        chart.line([m.year, m.year], [0, 1], f"{m.chain}: {m.name}", color, width=3,
                   dash="dash" if m.chain == "GPT-human" else "dot",
                   hover=f"{m.chain}: {m.name}<br>{units.month(m.year)}{past}<extra></extra>")
        # Labels at the top, one under the other, so two dates close together stay readable.
        chart.annotations.append({"x": m.year, "y": 1, "yref": "paper", "yanchor": "top", "yshift": -4 - 22 * i,
                                  "xanchor": "left" if m.year < middle else "right",
                                  "xshift": 4 if m.year < middle else -4,
                                  "text": f"<b>{units.month(m.year)}</b> {GPT_SHORT[m.key]}"
                                          + (" (past)" if m.past else ""), "showarrow": False,
                                  "bgcolor": LABEL_BG, "font": {"size": 13, "color": color}, "name": "placed"})
        if m.p_tai is not None:
            chart.add(x=[m.year], y=[m.p_tai], mode="markers", name=f"P(TAI) at {units.month(m.year)}",
                      marker={"size": 12, "color": color, "line": {"color": "white", "width": 1.5}},
                      hovertemplate=f"anchors at {units.month(m.year)}: {units.percent(m.p_tai)}<extra></extra>",
                      showlegend=False)
    if bio.median_year is not None:
        chart.add(x=[bio.median_year], y=[0.5], mode="markers", name="Anchors' median year",
                  marker={"size": 13, "color": "#D55E00", "symbol": "star", "line": {"color": "black", "width": 1}},
                  hovertemplate=f"anchors' median {units.year(bio.median_year)}<extra></extra>", showlegend=False)
        right = bio.median_year < middle
        chart.annotations.append({"x": bio.median_year, "y": 0.5, "xanchor": "left" if right else "right",
                                  "yanchor": "top", "xshift": 8 if right else -8,
                                  "yshift": -6, "text": f"<b>anchors' median {units.year(bio.median_year)}</b>",
                                  "showarrow": False, "bgcolor": LABEL_BG, "font": {"size": 13, "color": "#222"},
                                  "name": "placed"})
    return chart.figure(height=TIMELINE_HEIGHT, showlegend=False,
                        xaxis=year_axis(first, last),
                        yaxis=axis("P(TAI by this year)", range=[0, 1], tickformat=".0%"),
                        csv={"x": "year", "y": "probability (0-1)"})
