"""AppTest: the biological-anchors page at defaults, presets, bounds and bad links."""

import json

from pagetest import assert_clean, metric, open_view, text_of, trace_names

from lib.chains import bio_anchors
from lib.chains.bio_anchors.published import ANCHOR_KEYS

PAGE = bio_anchors.CHAIN.page


def test_defaults_match_cotra_2020(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert metric(at, "Median year").value == "2053"
    assert metric(at, "P(TAI by 2030)").value == "8%"
    assert metric(at, "P(TAI by 2050)").value == "45%"
    assert len(at.get("plotly_chart")) == 1  # only the open tab's chart is built
    assert "Evolution (alone)" in trace_names(at)


def test_cotras_figures_are_labelled_hers_and_the_models_own_are_computed_beside_them(open_page):
    at = open_page(PAGE, {"hw_halving": "1.5"})  # away from the defaults: the comparison stays at her inputs
    assert_clean(at)
    caption = text_of(at, "caption")
    assert "Cotra's published best guess (2020): ~8% by 2030, ~47% by 2050, ~78% by 2100, median ~2052-2053." in caption
    heads = bio_anchors.CHAIN.headline_values(bio_anchors.CHAIN.params.defaults())
    ours = ", ".join(f"{heads[f'p_{y}'].value:.1%} by {y}" for y in (2030, 2050, 2100))
    assert f"This model at the same inputs (the defaults): {ours}, median 2053." in caption
    assert "reproduce it within" not in caption  # the old claim that the defaults give her figures


def test_the_chinchilla_note_quotes_rohin_shah_and_owns_the_size_of_the_shift(open_page):
    at = open_page(PAGE)
    note = next(m.value for m in at.markdown if m.value.startswith("**Chinchilla and the neural-net anchors.**"))
    assert '"will lengthen the timelines output by the model"' in note
    assert "this page's arithmetic, not his figure" in note


def test_the_requirements_tab_draws_the_affordable_compute(open_page):
    at = open_view(open_page(PAGE, {"hw_halving": "1.5"}), "bio_view", "Compute against requirements")
    assert_clean(at)
    assert [t.label for t in at.tabs] == ["Probability of TAI by year", "Compute against requirements"]
    assert len(at.get("plotly_chart")) == 1
    assert "Affordable compute (largest run)" in trace_names(at)


def test_shared_link_restores_and_hides_anchor_curves(open_page):
    at = open_page(PAGE, {"anchors": "false", "hw_halving": "1.5", "data_exp": "1.0"})
    assert_clean(at)
    assert not at.warning
    assert at.toggle(key="anchors").value is False
    assert at.radio(key="data_exp").value == "1.0"
    assert "Evolution (alone)" not in trace_names(at)


def test_faster_hardware_moves_the_median_earlier(open_page):
    at = open_page(PAGE)
    at.select_slider(key="hw_halving").set_value(1.5).run()
    assert_clean(at)
    assert int(metric(at, "Median year").value) < 2053


def test_all_zero_weights_say_so_and_fall_back(open_page):
    query = {f"w_{k}": "0" for k in ANCHOR_KEYS}
    at = open_page(PAGE, query)
    assert_clean(at)
    assert "All anchor weights are zero" in text_of(at, "warning")
    assert metric(at, "Median year").value == "2053"


def test_bad_link(open_page):
    at = open_page(PAGE, {"hw_halving": "fast", "data_exp": "0.9", "w_med": "-5"})
    assert_clean(at)
    text = text_of(at, "warning")
    for key in ("hw_halving", "data_exp", "w_med"):
        assert key in text


def test_weights_are_shown_as_relative_with_their_share(open_page):
    at = open_page(PAGE, {"w_med": "45"})
    assert_clean(at)
    assert not at.info and not at.warning  # relative weights are normal, not a problem
    table = at.table[0].value
    assert table.loc["Neural net, medium horizon", "share"] == "43%"  # 45 / 105
    assert "divided by the total of all six (now 105)" in text_of(at, "caption")
    assert "10% in 2020" in text_of(at, "caption")  # one spelling of when the 'none' weight applies


def test_model_text_states_its_own_choices(open_page):
    at = open_page(PAGE, {"algo": "rule"})
    text = text_of(at, "markdown")
    assert "approximation" in text  # the per-anchor rule is the port's, applied to medians
    assert "our choices" in text  # the split normal and the cut at the floor


def test_the_real_largest_runs_and_their_costs_stand_beside_the_affordable_line(open_page):
    at = open_page("pages/bio_anchors.py")
    at.session_state["bio_view"] = "Compute against requirements"
    at.run()
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    runs = next(t for t in spec["data"] if t.get("name") == "Largest real run of the year (Epoch AI)")
    assert any("Grok 4" in text for text in runs["text"])  # 2025's largest in the export
    caption = " ".join(c.value for c in at.caption)
    assert "Grok 4 $388M" in caption and "set at $1B" in caption
