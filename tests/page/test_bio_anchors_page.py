"""AppTest: the biological-anchors page at defaults, presets, bounds and bad links."""

import json

from pagetest import assert_clean

from lib import bio_anchors

PAGE = "pages/bio_anchors.py"


def metric(at, label):
    return next(m for m in at.metric if m.label == label)


def test_defaults_match_cotra_2020(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert metric(at, "Median year").value == "2054"
    assert metric(at, "P(TAI by 2030)").value == "8%"
    assert metric(at, "P(TAI by 2050)").value == "45%"
    assert len(at.get("plotly_chart")) == 2
    names = [t.get("name") for t in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]]
    assert "Evolution (alone)" in names


def test_shared_link_restores_and_hides_anchor_curves(open_page):
    at = open_page(PAGE, {"anchors": "false", "hw_halving": "1.5", "data_exp": "1.0"})
    assert_clean(at)
    assert not at.warning
    assert at.toggle(key="anchors").value is False
    assert at.radio(key="data_exp").value == "1.0"
    names = [t.get("name") for t in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]]
    assert "Evolution (alone)" not in names


def test_faster_hardware_moves_the_median_earlier(open_page):
    at = open_page(PAGE)
    at.slider(key="hw_halving").set_value(1.5).run()
    assert_clean(at)
    assert int(metric(at, "Median year").value) < 2054


def test_all_zero_weights_say_so_and_fall_back(open_page):
    query = {f"w_{k}": "0" for k in bio_anchors.ANCHOR_KEYS}
    at = open_page(PAGE, query)
    assert_clean(at)
    assert "All anchor weights are zero" in " ".join(w.value for w in at.warning)
    assert metric(at, "Median year").value == "2054"


def test_bad_link(open_page):
    at = open_page(PAGE, {"hw_halving": "fast", "data_exp": "0.9", "w_med": "-5"})
    assert_clean(at)
    text = " ".join(w.value for w in at.warning)
    for key in ("hw_halving", "data_exp", "w_med"):
        assert key in text


def test_weights_off_the_total_are_explained(open_page):
    at = open_page(PAGE, {"w_med": "45"})
    assert_clean(at)
    assert "rescaled" in " ".join(i.value for i in at.info)
    assert not open_page(PAGE).info
