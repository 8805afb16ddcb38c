"""The home page's timeline: GPT-human dates against the anchors' CDF."""

from __future__ import annotations

import numpy as np
import pytest

from lib.chains import get
from lib.core.chain import HeadlineValue
from lib.tools.summary.charts import timeline_figure
from lib.tools.summary.model import milestones

BIO = get("bio-anchors").run({})


def _gpt(reached, affordable, reason=None):
    return {"year_compute_reached": HeadlineValue(reached, reason if reached is None else None),
            "year_affordable": HeadlineValue(affordable, reason if affordable is None else None)}


def test_each_gpt_human_date_gets_the_anchors_probability_at_that_date():
    reached, affordable = milestones(BIO, _gpt(2030.5, 2040.0))
    i = list(BIO.years).index(2040)
    assert affordable.p_tai == pytest.approx(BIO.p_tai[i])
    j = list(BIO.years).index(2030)
    assert BIO.p_tai[j] <= reached.p_tai <= BIO.p_tai[j + 1]
    assert "Jul 2030" in reached.sentence() and "P(TAI by then)" in reached.sentence()


def test_dates_without_a_value_or_past_the_horizon_say_so_in_words():
    never, late = milestones(BIO, {"year_compute_reached": HeadlineValue(None, "never: the target is below the floor"),
                                   "year_affordable": HeadlineValue(2150.0)})
    assert never.year is None and "never" in never.sentence()
    assert late.year is None and "after 2100" in late.sentence()
    fig = timeline_figure(BIO, (never, late))
    assert [t.name for t in fig.data][0].startswith("Biological anchors")
    assert not any("GPT-human" in (t.name or "") for t in fig.data)


def test_an_early_date_widens_the_axis_instead_of_falling_off_it():
    early = milestones(BIO, _gpt(2012.3, 2019.0))
    fig = timeline_figure(BIO, early)
    assert fig.layout.xaxis.range[0] <= 2012 and all(m.p_tai is None for m in early)
    assert "before the anchors' first year" in early[0].sentence()
    assert np.all(np.diff(BIO.p_tai) >= -1e-12)


def test_a_date_that_does_not_exist_reads_as_one_sentence():
    (never, _) = milestones(BIO, _gpt(None, None, "never: the target is at or below the irreducible loss"))
    assert never.sentence() == ("GPT-human, largest run reaches the compute: never "
                                "(the target is at or below the irreducible loss).")


def test_a_date_at_the_start_year_is_drawn_inside_the_axis():
    fig = timeline_figure(BIO, milestones(BIO, _gpt(2021.9, 2020.0)))
    assert fig.layout.xaxis.range[0] < 2020
