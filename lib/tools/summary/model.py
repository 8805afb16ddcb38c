"""What the current assumptions say, every chain together: the home page's timeline.

Independent routes to a date: the GPT-human chain's "the largest run reaches the compute
a human-level loss needs" and "a run that size costs the budget", the time-horizons chain's
work-month and target horizons, and the biological anchors' probability of transformative AI by year. The chart puts the first two as dated lines over
the anchors' CDF, so a reader sees at once whether the routes agree.

A date the chain computes may already be past. The page passes today's date in (as a decimal
year; this module never reads the clock) and the largest real run, so such a date says so and
says what the data show: the GPT-human chain's trend is an extrapolation, and the largest run on
record can sit far below the compute the date assumes has been reached.

Here the dates; lib/tools/summary/charts.py draws them. Pure: no Streamlit, no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.chains.bio_anchors.model import BioAnchorsResult
from lib.core import units
from lib.core.chain import HeadlineValue

GPT_NAMES = {"year_compute_reached": "largest run reaches the compute", "year_affordable": "a run that size costs the budget"}
# The time-horizons chain's dates on the same timeline: a third route (METR's task-length trend).
HORIZON_NAMES = {"year_month": "a work-month horizon", "year_target": "the target horizon"}


@dataclass(frozen=True)
class LargestRun:
    """The largest training run in a dataset, to hold a date already past against.

    ``rating`` is the dataset's confidence in the compute, in words ("an estimate Epoch rates
    Speculative"), or "".
    """

    model: str
    when: str  # its publication month: 'Jul 2025'
    compute_flop: float
    rating: str = ""
    dataset: str = "Epoch AI's data"

    def against(self, needed_flop: float) -> str:
        """The run set against the compute a date needs: 'the largest run in ..., X (...), is 1,400× below ...'."""
        about = f"{self.when}, {units.flop(self.compute_flop)}" + (f", {self.rating}" if self.rating else "")
        run = f"the largest run in {self.dataset}, {self.model} ({about}),"
        need = units.flop(needed_flop)
        if needed_flop > self.compute_flop:
            return f"{run} is {units.times(needed_flop / self.compute_flop)} below the {need} this needs"
        return f"{run} is {units.times(self.compute_flop / needed_flop)} the {need} this needs"


@dataclass(frozen=True)
class Milestone:
    """A GPT-human date on the timeline, and what the anchors say of it."""

    key: str
    name: str
    year: float | None  # None: no such date (never, or after the horizon)
    reason: str  # why there is no date, in words ("" when there is one)
    p_tai: float | None  # P(TAI by then) from the anchors, where the date is in the anchors' years
    past: bool = False  # the date is before the 'today' the page gave
    check: str = ""  # for a past date: what the data say about it, in words ("" when none was given)
    chain: str = "GPT-human"  # the chain that gives the date, as the sentence names it

    def sentence(self) -> str:
        if self.year is None:
            head, _, why = (self.reason or "no date").partition(": ")
            return f"{self.chain}, {self.name}: {head}" + (f" ({why})." if why else ".")
        when = units.month(self.year)
        if self.past:
            when += ", already past" + (f": {self.check}" if self.check else "")
        if self.p_tai is None:
            return f"{self.chain}, {self.name}: {when}, before the anchors' first year."
        return f"{self.chain}, {self.name}: {when}; the anchors give P(TAI by then) = {units.percent(self.p_tai)}."


def milestones(bio: BioAnchorsResult, gpt: dict[str, HeadlineValue], today: float | None = None,
               largest: LargestRun | None = None, needed_flop: float | None = None,
               horizons: dict[str, HeadlineValue] | None = None) -> tuple[Milestone, ...]:
    """The GPT-human dates, each with the anchors' P(TAI) at that date (interpolated between years).

    ``today`` (a decimal year, from the page) marks the dates before it as past; with ``largest``
    (the largest real run) and ``needed_flop`` (the compute the GPT-human chain needs) a past date
    also says how far the real run is from that compute. Both dates are about a run of that size:
    the first when the trend reaches it, the second when it costs the budget.
    """
    check = largest.against(needed_flop) if largest is not None and needed_flop is not None else ""
    out = []
    years = bio.years.astype(float)
    routes = [("GPT-human", gpt, GPT_NAMES, check)]
    if horizons is not None:  # the largest run says nothing about a task-length date
        routes.append(("Time horizons", horizons, HORIZON_NAMES, ""))
    for chain, heads, names, note in routes:
        for key, name in names.items():
            head = heads[key]
            year = head.value if head.value is not None and head.value <= years[-1] else None
            reason = head.reason or ("" if year is not None else f"after {int(years[-1])}")
            p = float(np.interp(year, years, bio.p_tai)) if year is not None and year >= years[0] else None
            past = year is not None and today is not None and year < today
            out.append(Milestone(key, name, year, reason, p, past, note if past else "", chain))
    return tuple(out)
