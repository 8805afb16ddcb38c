"""AppTest: the GPT-human page at defaults, presets, bounds, edge cases and bad links."""

import json

import pytest
from pagetest import assert_clean


PAGE = "pages/gpt_human.py"


def metric(at, label):
    return next(m for m in at.metric if m.label.startswith(label))


def test_defaults_reproduce_the_essay(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert metric(at, "Human-level target loss").value == "0.860"
    assert metric(at, "Compute needed").value == "6.94e29 FLOP"
    assert "2.2e6× reference" in metric(at, "Compute needed").delta
    assert metric(at, "Frontier compute gets there").value == "2026.0"
    assert metric(at, "Cost in 2020").value == "$11T"
    assert metric(at, "Affordable within the budget").value == "2037.9"
    assert len(at.get("plotly_chart")) == 3
    steps = " ".join(m.value for m in at.markdown)
    assert "fractionally" in steps


def test_shared_link_restores_values(open_page):
    at = open_page(PAGE, {"doubling": "6", "budget": "1e10", "refs": ["apollo", "iraq"], "dollars": "today"})
    assert_clean(at)
    assert not at.warning
    assert at.slider(key="doubling").value == 6.0
    assert at.select_slider(key="budget").value == 1e10
    assert at.multiselect(key="refs").value == ["apollo", "iraq"]
    assert metric(at, "Frontier compute gets there").value == "2030.5"
    names = [t["name"] for t in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]]
    assert any(n.startswith("Apollo") for n in names) and not any(n.startswith("Manhattan") for n in names)
    assert "2024 dollars" in metric(at, "Cost in 2020").label


def test_moving_the_doubling_time_changes_the_year(open_page):
    at = open_page(PAGE)
    at.slider(key="doubling").set_value(12.0).run()
    assert_clean(at)
    assert metric(at, "Frontier compute gets there").value == "2041.1"


@pytest.mark.parametrize(("query", "says"), [
    ({"floor": "1.0"}, "at or below the irreducible loss"),
    ({"loss": "2"}, "already meets the target"),
    ({"budget": "1e15"}, "affordable from the start"),
    ({"doubling": "120", "halving": "240", "exp": "0.01"}, "only after 2200"),
])
def test_edge_cases_are_said_in_words(open_page, query, says):
    at = open_page(PAGE, query)
    assert_clean(at)
    assert says in " ".join(i.value for i in at.info)


def test_bad_link(open_page):
    at = open_page(PAGE, {"doubling": "-3", "refs": ["nowhere"], "dollars": "yen"})
    assert_clean(at)
    text = " ".join(w.value for w in at.warning)
    for key in ("doubling", "refs", "dollars"):
        assert key in text
    assert at.slider(key="doubling").value == 0.5


def test_one_click_to_the_slower_doubling_estimate(open_page):
    at = open_page(PAGE)
    next(b for b in at.button if "Sevilla" in b.label).click().run()
    assert_clean(at)
    assert at.slider(key="doubling").value == 6.0
    assert metric(at, "Frontier compute gets there").value == "2030.5"
