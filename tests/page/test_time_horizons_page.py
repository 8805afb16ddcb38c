"""AppTest: the time-horizons page at defaults, presets, its two views, the key slider and bad links."""

from pagetest import assert_clean, metric, open_view, text_of, trace_names

from lib.chains import time_horizons
from lib.chains.time_horizons.model import METR_WORK_MONTH_2025
from lib.core import units

CHAIN = time_horizons.CHAIN
PAGE = CHAIN.page


def test_defaults_show_metrs_trend_and_its_dates(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    heads = CHAIN.headline_values(CHAIN.params.defaults())
    assert metric(at, "Fitted doubling time").value == "6.2 months"
    for label, key in (("Work-week", "year_week"), ("Work-month", "year_month"), ("Work-year", "year_year")):
        assert metric(at, label).value == units.month(heads[key].value)
    assert metric(at, "Horizon at the end of 2026").value == "1.2 work-weeks"  # the seed's 2026 question
    caption = text_of(at, "caption")
    assert "doubling every 187.8 days" in caption  # METR's all-time figure, from the shipped points
    assert "not how long it can work alone" in caption
    assert len(at.get("plotly_chart")) == 1
    assert "Extrapolation" in trace_names(at)


def test_the_page_states_the_datas_date(open_page):
    at = open_page(PAGE)
    assert "METR, Time Horizon 1.1, snapshot of 2026-05-08" in text_of(at, "caption")


def test_moving_the_key_slider_moves_the_dates(open_page):
    at = open_page(PAGE)
    before = metric(at, "Work-month").value
    at.select_slider(key="h_doubling").set_value(4.0).run()
    assert_clean(at)
    after = metric(at, "Work-month").value
    assert after != before
    faster = CHAIN.headline_values({**CHAIN.params.defaults(), "h_doubling": 4.0})["year_month"].value
    assert after == units.month(faster)


def test_superexponential_growth_states_its_finite_time_limit(open_page):
    at = open_page(PAGE, {"growth": "superexponential", "shrink": "0.1"})
    assert_clean(at)
    caption = text_of(at, "caption")
    assert "every horizon, however long, is reached by" in caption
    assert "critique of AI 2027" in caption


def test_ai_2027_preset_runs_its_model(open_page):
    at = open_page(PAGE)
    preset = next(p for p in CHAIN.presets if p.name.startswith("AI 2027"))
    at = open_page(PAGE, CHAIN.params.non_defaults(dict(preset.values)))
    assert_clean(at)
    heads = CHAIN.headline_values(dict(preset.values))
    assert metric(at, "Target reached").value == units.month(heads["year_target"].value)
    assert "AI 2027's model" in trace_names(at)


def test_what_happened_since_quotes_metrs_forecast_beside_ours(open_page):
    at = open_view(open_page(PAGE), "th_view", "What happened since")
    assert_clean(at)
    text = text_of(at, "markdown")
    assert f"put it in {units.month(METR_WORK_MONTH_2025['median'])}" in text
    assert "a work-month (167 h) horizon comes in" in text
    assert len(at.table) == 1  # the models released after the cut-off, against the forecast


def test_a_later_cutoff_changes_the_forecast(open_page):
    early = open_view(open_page(PAGE), "th_view", "What happened since")
    late = open_view(open_page(PAGE, {"cutoff": "2026.0"}), "th_view", "What happened since")
    assert_clean(late)
    assert text_of(early, "markdown") != text_of(late, "markdown")


def test_a_given_start_above_16_hours_is_flagged(open_page):
    at = open_page(PAGE, {"start_from": "given", "from_min": "2000", "from_year": "2026.5"})
    assert_clean(at)
    assert "above 16 hours, where METR calls its measurements unreliable" in text_of(at, "caption")


def test_bad_link(open_page):
    at = open_page(PAGE, {"h_doubling": "fast", "metric": "p99", "target_h": "-5"})
    assert_clean(at)
    text = text_of(at, "warning")
    for key in ("h_doubling", "metric", "target_h"):
        assert key in text
    assert metric(at, "Fitted doubling time").value == "6.2 months"
