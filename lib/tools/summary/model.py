"""What the current assumptions say, every chain together: the home page's timeline.

Two independent routes to a date: the GPT-human chain's "the largest run reaches the compute
a human-level loss needs" and "a run that size costs the budget", and the biological anchors'
probability of transformative AI by year. The chart puts the first two as dated lines over
the anchors' CDF, so a reader sees at once whether the routes agree.

Here the dates; lib/tools/summary/charts.py draws them. Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.chains.bio_anchors.model import BioAnchorsResult
from lib.core import units
from lib.core.chain import HeadlineValue

GPT_NAMES = {"year_compute_reached": "largest run reaches the compute", "year_affordable": "a run that size costs the budget"}


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
