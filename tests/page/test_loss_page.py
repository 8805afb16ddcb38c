"""AppTest: the Loss page renders at defaults, presets and bounds, and reacts to its widgets."""

import json

import pytest
from pagetest import assert_clean, metric, open_view, text_of, trace_names

from lib.chains import loss
from lib.chains.loss.params import LAW_NAMES

PAGE = loss.CHAIN.page
VIEWS = ("Loss vs compute", "Allocation", "IsoFLOP view")


def test_defaults_render(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert len(at.get("plotly_chart")) == 1  # only the open tab's chart is built
    assert at.metric[0].value == "3.14e23 FLOP"
    assert at.metric[1].value == "1.734"
    assert not at.warning
    names = trace_names(at)
    for label in loss.run({}).law_labels.values():
        assert label in names


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_draws_its_one_chart(open_page, view):
    at = open_view(open_page(PAGE, {"compute": "1e25"}), "loss_view", view)
    assert_clean(at)
    assert [t.label for t in at.tabs] == list(VIEWS)
    assert len(at.get("plotly_chart")) == 1
    # The budget in the link reaches whichever view is open.
    assert "1.00e25" in at.get("plotly_chart")[0].proto.spec or "1e25" in at.get("plotly_chart")[0].proto.spec


def test_shared_link_restores_values(open_page):
    at = open_page(PAGE, {"compute": "5.76e23", "kaplan": "false", "human": "0.9", "iso_law": "besiroglu"})
    assert_clean(at)
    assert at.select_slider(key="compute").value == 5.76e23
    assert at.toggle(key="kaplan").value is False
    assert at.slider(key="human").value == 0.9
    assert at.metric[0].value == "5.76e23 FLOP"
    assert not any(n.startswith(LAW_NAMES["kaplan"]) for n in trace_names(at))
    assert not at.warning


def test_off_grid_compute_in_link_is_kept_exactly(open_page):
    at = open_page(PAGE, {"compute": "3.3e24"})
    assert at.select_slider(key="compute").value == 3.3e24
    assert not at.warning


def test_bad_link_warns_by_name_and_still_renders(open_page):
    at = open_page(PAGE, {"compute": "1e40", "fit_b": "abc", "bogus": "1", "kaplan": "maybe"})
    assert_clean(at)
    text = " ".join(w.value for w in at.warning)
    for name in ("compute", "fit_b", "bogus", "kaplan"):
        assert name in text
    assert at.select_slider(key="compute").value == 1e32  # clamped, not dropped
    assert at.slider(key="fit_b").value == 0.048


def test_moving_the_budget_changes_the_result(open_page):
    at = open_page(PAGE)
    before = at.metric[1].value
    at.select_slider(key="compute").set_value(1e27).run()
    assert_clean(at)
    assert at.metric[1].value != before
    assert at.metric[0].value == "1.00e27 FLOP"


def test_toggling_a_law_removes_its_curve(open_page):
    at = open_page(PAGE)
    at.toggle(key="hoffmann").set_value(False).run()
    assert not any(n.startswith(LAW_NAMES["hoffmann"]) for n in trace_names(at))


def test_legends_follow_the_constants_in_a_link(open_page):
    at = open_page(PAGE, {"fit_b": "0.05", "k_a": "0.6"})
    assert_clean(at)
    assert "GPT-3 fit 2.57·C^-0.05" in trace_names(at)
    assert "0.05" in text_of(at, "markdown")  # the formula text shows the value in use
    open_view(at, "loss_view", "Allocation")
    assert any(n.startswith("Kaplan 2020 (a = 0.60)") for n in trace_names(at))


def test_kaplan_allocation_note_says_the_choice(open_page):
    at = open_view(open_page(PAGE), "loss_view", "Allocation")
    assert "simplification is ours" in text_of(at, "caption")


def test_a_value_finer_than_its_slider_is_rounded_with_a_warning(open_page):
    at = open_page(PAGE, {"human": "0.855"})
    assert_clean(at)
    assert "is finer than this slider" in text_of(at, "warning").replace("\\", "")
    assert at.slider(key="human").value == 0.86
    assert metric(at, "Human-level loss").value == "0.86"


def test_where_the_line_ends_says_each_scenario_in_words(open_page):
    text = text_of(open_page(PAGE), "markdown")
    assert "**The straight GPT-3 fit** reaches 0.86 at 6.94e29 FLOP, 2.2 million× GPT-3." in text
    assert "**The strong scenario** reaches 0.86 at 6.94e29 FLOP" in text
    assert "**The weak scenario** never reaches 0.86: it levels off above human level." in text


def test_every_other_language_model_of_the_export_is_drawn_on_hover(open_page):
    import base64

    from lib.chains.loss.model import language_models
    from lib.data import files as data

    plain = json.loads(open_page("pages/loss.py", {"all_models": "false"}).get("plotly_chart")[0].proto.spec)
    assert not any(t.get("name") == "Other language models (Epoch AI)" for t in plain["data"])
    at = open_page("pages/loss.py")  # on by default
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    others = next(t for t in spec["data"] if t.get("name") == "Other language models (Epoch AI)")
    expected = language_models(data.load("epoch_compute").table, data.load("notable_models").table)
    x = others["x"]
    count = len(base64.b64decode(x["bdata"])) // 8 if isinstance(x, dict) else len(x)
    assert count == len(expected) > 200 and len(others["text"]) == count
    assert "GPT-3 175B (davinci)" not in others["text"]  # labelled as a diamond instead
