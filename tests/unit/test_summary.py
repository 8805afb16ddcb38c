"""The home page's timeline: GPT-human dates against the anchors' CDF."""

from __future__ import annotations

import numpy as np
import pytest

from lib.chains import get
from lib.core.chain import HeadlineValue
from lib.tools.summary.charts import timeline_figure
from lib.tools.summary.model import LargestRun, milestones

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


GROK = LargestRun("Grok 4", "Jul 2025", 5e26, "an estimate Epoch rates Speculative")


def test_a_date_before_today_says_it_is_past_and_how_far_the_largest_real_run_is_from_it():
    # A fixed 'today' (the page passes the clock's; the model never reads it): 1 March 2026.
    reached, affordable = milestones(BIO, _gpt(2025.97, 2037.9), today=2026 + 59 / 365, largest=GROK,
                                     needed_flop=6.94e29)
    assert reached.past and not affordable.past
    assert reached.sentence().startswith(
        "GPT-human, largest run reaches the compute: Dec 2025, already past: the largest run in Epoch AI's data, "
        "Grok 4 (Jul 2025, 5.00e26 FLOP, an estimate Epoch rates Speculative), is 1,400× below the 6.94e29 FLOP "
        "this needs; the anchors give P(TAI by then) = ")
    assert "past" not in affordable.sentence()
    fig = timeline_figure(BIO, (reached, affordable))
    labels = [a.text for a in fig.layout.annotations]
    assert "<b>Dec 2025</b> compute reached (past)" in labels and "<b>Nov 2037</b> affordable" in labels


def test_a_date_after_today_or_without_a_today_is_not_called_past():
    ahead = milestones(BIO, _gpt(2025.97, 2037.9), today=2025.5, largest=GROK, needed_flop=6.94e29)
    unjudged = milestones(BIO, _gpt(2025.97, 2037.9))
    for m in (*ahead, *unjudged):
        assert not m.past and "already past" not in m.sentence()


def test_a_past_date_the_largest_run_has_already_passed_says_so():
    (reached, _) = milestones(BIO, _gpt(2024.5, 2030.0), today=2026.0, largest=GROK, needed_flop=1e26)
    assert "already past: the largest run in Epoch AI's data, Grok 4" in reached.sentence()
    assert "is 5× the 1.00e26 FLOP this needs" in reached.sentence()
    (bare, _) = milestones(BIO, _gpt(2024.5, 2030.0), today=2026.0)
    # No run given: the date is still marked past, with no claim about the data.
    assert bare.sentence() == ("GPT-human, largest run reaches the compute: Jul 2024, already past, before the "
                               "anchors' first year.")


def test_the_time_horizon_dates_join_the_timeline_as_a_third_route():
    horizons = {"year_month": HeadlineValue(2027.95), "year_target": HeadlineValue(None, "after 2200")}
    marks = milestones(BIO, _gpt(2030.5, 2040.0), today=2026.9, horizons=horizons)
    month, target = marks[2:]
    assert month.chain == "Time horizons" and month.sentence().startswith("Time horizons, a work-month horizon: Dec 2027")
    assert month.check == ""  # the largest training run says nothing about a task-length date
    assert target.year is None and target.sentence() == "Time horizons, the target horizon: after 2200."
    fig = timeline_figure(BIO, marks)
    assert any("Time horizons: a work-month horizon" == t.name for t in fig.data)
