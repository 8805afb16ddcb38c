"""AppTest: the GPT-human page at defaults, presets, bounds, edge cases and bad links."""

import json

import pytest
from pagetest import assert_clean, metric, text_of, trace_names

from lib.chains import gpt_human

PAGE = gpt_human.CHAIN.page
REACHED = "Largest run reaches that compute"
AFFORDABLE = "A run that size costs the budget"


def test_defaults_reproduce_the_essay(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert metric(at, "Human-level target loss").value == "0.860"
    assert metric(at, "Compute needed").value == "6.94e29 FLOP"
    assert "2.2 million× reference" in metric(at, "Compute needed").delta
    assert metric(at, REACHED).value == "Dec 2025"
    assert metric(at, "Cost at 2020 prices").value == "$11T"
    assert metric(at, AFFORDABLE).value == "Nov 2037"
    assert len(at.get("plotly_chart")) == 3
    steps = text_of(at, "markdown")
    assert "fractionally" in steps
    assert "in 2027" in text_of(at, "caption")  # the essay's own date, and why the page differs


def test_shared_link_restores_values(open_page):
    at = open_page(PAGE, {"doubling": "6", "budget": "1e10", "refs": ["apollo", "iraq"], "dollars": "today"})
    assert_clean(at)
    assert not at.warning
    assert at.select_slider(key="doubling").value == 6.0
    assert at.select_slider(key="budget").value == 1e10
    assert at.multiselect(key="refs").value == ["apollo", "iraq"]
    assert metric(at, REACHED).value == "Jul 2030"
    names = trace_names(at)
    assert any(n.startswith("Apollo") for n in names) and not any(n.startswith("Manhattan") for n in names)
    assert "2025 dollars" in metric(at, "Cost at 2020 prices").label


def test_moving_the_doubling_time_changes_the_year(open_page):
    at = open_page(PAGE)
    at.select_slider(key="doubling").set_value(12.2).run()
    assert_clean(at)
    assert metric(at, REACHED).value == "Jun 2041"


@pytest.mark.parametrize(("query", "says"), [
    ({"floor": "1.0"}, "at or below the irreducible loss"),
    ({"loss": "2"}, "already meets the target"),
    ({"budget": "1e15"}, "affordable from the start"),
    ({"doubling": "120", "halving": "240", "exp": "0.01"}, "only after 2200"),
])
def test_edge_cases_are_said_in_words(open_page, query, says):
    at = open_page(PAGE, query)
    assert_clean(at)
    assert says in text_of(at, "info")


def test_bad_link(open_page):
    at = open_page(PAGE, {"doubling": "-3", "refs": ["nowhere"], "dollars": "yen"})
    assert_clean(at)
    text = text_of(at, "warning")
    for key in ("doubling", "refs", "dollars"):
        assert key in text
    assert at.select_slider(key="doubling").value == 0.5


def test_one_click_to_the_slower_doubling_estimate(open_page):
    at = open_page(PAGE)
    next(b for b in at.button if "Sevilla" in b.label).click().run()
    assert_clean(at)
    assert at.select_slider(key="doubling").value == 6.0
    assert metric(at, REACHED).value == "Jul 2030"


def test_a_precise_doubling_time_is_kept_and_shown_exactly(open_page):
    at = open_page(PAGE, {"doubling": "5.55"})
    assert_clean(at)
    assert not at.warning
    assert at.select_slider(key="doubling").value == 5.55


@pytest.mark.parametrize("law", ["kaplan", "hoffmann", "besiroglu"])
def test_another_law_redraws_the_loss_curve_and_names_its_scale(open_page, law):
    at = open_page(PAGE, {"law": law})
    assert_clean(at)
    spec = json.loads(at.get("plotly_chart")[2].proto.spec)
    assert spec["data"][0]["name"].startswith(("Kaplan", "Chinchilla", "Replication"))
    scale = "MassiveText" if law != "kaplan" else "WebText2"
    assert scale in spec["layout"]["yaxis"]["title"]["text"]
    assert any(scale in c.value for c in at.caption)
    assert at.slider(key="human").disabled == (law != "kaplan")
    default = open_page(PAGE)
    assert at.metric[1].value != default.metric[1].value  # a different law needs a different compute


def test_the_real_largest_runs_stand_against_the_trend(open_page):
    at = open_page(PAGE)
    since = next(m.value for m in at.markdown if m.value.startswith("**What happened since.**"))
    assert "Grok 4" in since and "Epoch AI" in since
    names = [[t.get("name") for t in json.loads(c.proto.spec)["data"]] for c in at.get("plotly_chart")]
    assert any("Largest real runs (Epoch AI)" in n and "The essay's 3.4-month trend" not in n for n in names)
    slower = open_page(PAGE, {"doubling": "6"})
    names = [[t.get("name") for t in json.loads(c.proto.spec)["data"]] for c in slower.get("plotly_chart")]
    assert any("The essay's 3.4-month trend" in n for n in names)
    assert any("Your 6-month trend" in m.value for m in slower.markdown)


def test_origin_latest_starts_from_the_largest_run_and_the_button_goes_back(open_page):
    at = open_page(PAGE, {"origin": "latest"})
    assert_clean(at)
    assert not at.warning
    assert any("starts from **Grok 4**" in c.value for c in at.caption)
    # Epoch's rating of that compute, from the data (origin.Reference.confidence), where the chain starts from it.
    assert any("starts from **Grok 4**" in c.value and "an estimate Epoch rates Speculative" in c.value
               for c in at.caption)
    steps = next(m.value for m in at.markdown if m.value.startswith("**1. Fit.**"))
    assert "(an estimate Epoch rates Speculative)" in steps
    assert at.session_state["start"] == 2025
    at.button(key="_gpt_origin").click().run()
    assert at.session_state["start"] == 2020 and at.session_state["ref_pfd"] == 3640
    assert any("the essay's: GPT-3 in 2020" in c.value for c in at.caption)
