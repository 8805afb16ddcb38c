"""AppTest: the Loss page renders at defaults, presets and bounds, and reacts to its widgets."""

import json

from pagetest import assert_clean

from lib import loss

PAGE = "pages/loss.py"


def _traces(at, i=0):
    return [t.get("name") for t in json.loads(at.get("plotly_chart")[i].proto.spec)["data"]]


def test_defaults_render(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert len(at.get("plotly_chart")) == 3
    assert at.metric[0].value == "3.14e23 FLOP"
    assert at.metric[1].value == "1.734"
    assert not at.warning
    names = _traces(at)
    for label in loss.LAWS.values():
        assert label in names


def test_shared_link_restores_values(open_page):
    at = open_page(PAGE, {"compute": "5.76e23", "kaplan": "false", "human": "0.9", "iso_law": "besiroglu"})
    assert_clean(at)
    assert at.select_slider(key="compute").value == 5.76e23
    assert at.toggle(key="kaplan").value is False
    assert at.slider(key="human").value == 0.9
    assert at.metric[0].value == "5.76e23 FLOP"
    assert loss.LAWS["kaplan"] not in _traces(at)
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
    assert loss.LAWS["hoffmann"] not in _traces(at)


def test_home_and_sources_render(open_page):
    for page in ("pages/home.py", "pages/sources.py"):
        at = open_page(page)
        assert_clean(at)
    at = open_page("pages/sources.py")
    text = " ".join(m.value for m in at.markdown)
    assert "Epoch AI" in text and "Snapshot" in text
