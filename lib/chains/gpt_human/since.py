"""What happened since the essay: the real largest training runs against its doubling trend and the user's.

Pure: the chain's values and Epoch AI's export (data/epoch_compute.csv) in, runs, a trend line and a
sentence out. The arithmetic is lib/data/trends/model.py's (``since_essay``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.chains.gpt_human.params import DOUBLING_AMODEI_MONTHS as ESSAY_MONTHS
from lib.core import units
from lib.core.registry import Value
from lib.data.trends import model as trends


@dataclass(frozen=True)
class Since:
    runs: pd.DataFrame  # the record-setting runs from the reference run on
    text: str  # the page's headline sentence, Markdown
    ref_flop: float
    start: float
    doubling: float
    summary: trends.SinceEssay

    def essay_flop(self, years: np.ndarray) -> np.ndarray | None:
        """The essay's trend on ``years``, when the user's doubling time is another."""
        return None if self.doubling == ESSAY_MONTHS else trends.trend_flop(years, self.ref_flop, self.start,
                                                                             ESSAY_MONTHS)


def what_happened(values: Mapping[str, Value], table: pd.DataFrame) -> Since:
    """The essay's and the user's trend at the export's last date against its largest run, in one paragraph.

    ``table``: the export as :func:`lib.data.trends.model.prepared` gives it (the page: :func:`lib.data.trends.model.packaged`).
    """
    ref_flop = float(values["ref_pfd"]) * units.PF_DAY_FLOP  # type: ignore[arg-type]
    start, doubling = float(values["start"]), float(values["doubling"])  # type: ignore[arg-type]
    ref_year = max(trends.reference_year(table), start)
    s = trends.since_essay(table, ref_flop, ref_year, start, np.array([ESSAY_MONTHS, doubling]))
    big = s.largest
    if start >= s.data_end:
        return Since(s.records.iloc[:0], f"**What happened since.** The chain starts in {start:.0f}, after the data "
                     f"end ({units.month(s.data_end)}): there are no real runs to hold its trend against yet.",
                     ref_flop, start, doubling, s)
    essay_x, yours_x = (float(x) for x in s.times_above)
    lines = [f"**What happened since.** The essay's {ESSAY_MONTHS:g}-month trend from the reference run put the "
             f"largest run at {units.flop(float(s.trend_flop[0]))} by the end of the data "
             f"({units.month(s.data_end)}); the largest run in the data is {units.flop(float(big['compute']))} "
             f"({big['model']}, {units.month(float(big['year']))}): {_apart(essay_x)}."]
    if doubling != ESSAY_MONTHS:
        lines.append(f"Your {doubling:g}-month trend puts it at {units.flop(float(s.trend_flop[1]))}: "
                     f"{_apart(yours_x)}.")
    if math.isfinite(s.doubling_since):
        lines.append(f"From the reference run to {big['model']}, compute doubled every {s.doubling_since:.1f} months.")
    lines.append("Data: Epoch AI, Notable AI Models (CC BY 4.0).")
    return Since(s.records, " ".join(lines), ref_flop, start, doubling, s)


def _apart(trend_over_real: float) -> str:
    if trend_over_real >= 1:
        return f"the real run is {units.times(trend_over_real)} below it"
    return f"the real run is {units.times(1 / trend_over_real)} above it"
