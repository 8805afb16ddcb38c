"""What the current assumptions say, every chain together: the home page's timeline.

Two independent routes to a date: the GPT-human chain's "the largest run reaches the compute
a human-level loss needs" and "a run that size costs the budget", and the biological anchors'
probability of transformative AI by year. The chart puts the first two as dated lines over
the anchors' CDF, so a reader sees at once whether the routes agree.

Pure: results in, :class:`lib.charts.Figure` out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from lib.chains.bio_anchors.model import BioAnchorsResult
from lib.core import units
from lib.core.chain import HeadlineValue
from lib.core.charts.look import COLORS, LABEL_BG, Chart, Figure, axis, year_axis

TIMELINE_HEIGHT = 440
FIRST_YEAR = 2020
GPT_COLORS = {"year_compute_reached": COLORS["kaplan"], "year_affordable": COLORS["strong"]}
GPT_NAMES = {"year_compute_reached": "largest run reaches the compute", "year_affordable": "a run that size costs the budget"}
# On the chart, where a phone has ~280 px for a label; the caption gives the full names.
GPT_SHORT = {"year_compute_reached": "compute reached", "year_affordable": "affordable"}


@dataclass(frozen=True)
class Milestone:
    """A GPT-human date on the timeline, and what the anchors say of it."""

    key: str
    name: str
    year: float | None  # None: no such date (never, or after the horizon)
    reason: str  # why there is no date, in words ("" when there is one)
    p_tai: float | None  # P(TAI by then) from the anchors, where the date is in the anchors' years

    def sentence(self) -> str:
        if self.year is None:
            head, _, why = (self.reason or "no date").partition(": ")
            return f"GPT-human, {self.name}: {head}" + (f" ({why})." if why else ".")
        when = units.month(self.year)
        if self.p_tai is None:
            return f"GPT-human, {self.name}: {when}, before the anchors' first year."
        return f"GPT-human, {self.name}: {when}; the anchors give P(TAI by then) = {units.percent(self.p_tai)}."


def milestones(bio: BioAnchorsResult, gpt: dict[str, HeadlineValue]) -> tuple[Milestone, ...]:
    """The GPT-human dates, each with the anchors' P(TAI) at that date (interpolated between years)."""
    out = []
    years = bio.years.astype(float)
    for key, name in GPT_NAMES.items():
        head = gpt[key]
        year = head.value if head.value is not None and head.value <= years[-1] else None
        reason = head.reason or ("" if year is not None else f"after {int(years[-1])}")
        p = float(np.interp(year, years, bio.p_tai)) if year is not None and year >= years[0] else None
        out.append(Milestone(key, name, year, reason, p))
    return tuple(out)


def timeline_figure(bio: BioAnchorsResult, marks: tuple[Milestone, ...]) -> Figure:
    """P(TAI by year) from the anchors, with the GPT-human dates as labelled vertical lines."""
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
        chart.line([m.year, m.year], [0, 1], f"GPT-human: {m.name}", color, width=3, dash="dash",
                   hover=f"GPT-human: {m.name}<br>{units.month(m.year)}<extra></extra>")
        # Labels at the top, one under the other, so two dates close together stay readable.
        chart.annotations.append({"x": m.year, "y": 1, "yref": "paper", "yanchor": "top", "yshift": -4 - 22 * i,
                                  "xanchor": "left" if m.year < middle else "right",
                                  "xshift": 4 if m.year < middle else -4,
                                  "text": f"<b>{units.month(m.year)}</b> {GPT_SHORT[m.key]}", "showarrow": False,
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
