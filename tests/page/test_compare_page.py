"""The compare page in AppTest: its example, a shared comparison link, and links that cannot be compared."""

from __future__ import annotations

import json

from pagetest import assert_clean, text_of

from lib.chains import get
from lib.tools.compare.model import compare
from lib.tools.links.model import link_to

PAGE = "pages/compare.py"


def _charts(at):
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_a_bare_compare_page_opens_on_cotra_2020_against_2022(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert not at.error and not at.warning
    bio = get("bio-anchors")
    assert at.text_input(key="a").value == "/bio_anchors"
    assert at.text_input(key="b").value.startswith("/bio_anchors?")
    heads = at.table[0].value
    assert list(heads.index) == [h.label for h in bio.headlines]
    assert heads["A"].iloc[0] == "2053"
    charts = _charts(at)
    assert len(charts) == 2  # the overlay, and the open tab's waterfall
    waterfall = charts[1]["data"][0]
    assert waterfall["type"] == "waterfall" and waterfall["y"][0].startswith("<b>A</b>") and waterfall["y"][-1].startswith("<b>B</b>")
    assert "years between A and B (B is earlier)" in text_of(at, "markdown")


def test_a_shared_comparison_link_restores_both_views(open_page):
    a, b = "/gpt_human?budget=1e10", "/gpt_human?budget=1e11&halving=12"
    at = open_page(PAGE, {"a": a, "b": b})
    assert_clean(at)
    assert at.text_input(key="a").value == a and at.text_input(key="b").value == b
    chain = get("gpt-human")
    expected = compare(chain, {"budget": 1e10}, {"budget": 1e11, "halving": 12.0})
    params = at.table[1].value
    assert list(params.index) == [chain.params[k].label for k in expected.differences]
    h = expected.headline("year_affordable")
    top = expected.player(next(iter(h.contributions))).label
    at.session_state["compare_tabs"] = h.headline.label
    at.run()
    assert f"{top} accounts for" in text_of(at, "markdown")


def test_a_link_of_each_chain_compares(open_page):
    for chain in (get("loss"), get("gpt-human")):
        preset = chain.presets[-1]
        at = open_page(PAGE, {"a": link_to(chain, chain.params.defaults()),
                              "b": link_to(chain, {**chain.params.defaults(), **preset.values})})
        assert_clean(at)
        assert not at.error
        assert at.get("plotly_chart")


def test_links_that_are_not_chain_links_are_named_in_words_and_the_page_stays_usable(open_page):
    at = open_page(PAGE, {"a": "/nowhere?x=1", "b": "![x](http://host/pixel.png)"})
    assert_clean(at)
    errors = [e.value for e in at.error]
    assert len(errors) == 2
    assert errors[0].startswith("Link A opens the page") and "/nowhere" in errors[0]
    assert errors[1].startswith("Link B") and "`" in errors[1]  # the pasted text shown literally, in code
    assert at.text_input(key="a").value == "/nowhere?x=1"  # still there to correct
    assert not at.get("plotly_chart")


def test_two_chains_cannot_be_compared(open_page):
    at = open_page(PAGE, {"a": "/loss", "b": "/bio_anchors"})
    assert_clean(at)
    assert "same chain" in at.error[0].value


def test_an_out_of_range_value_is_clamped_with_the_pages_warning(open_page):
    at = open_page(PAGE, {"a": "/gpt_human?doubling=-5", "b": "/gpt_human"})
    assert_clean(at)
    warnings = [w.value.replace("\\", "") for w in at.warning]  # as read, without Markdown's escapes
    assert len(warnings) == 1 and warnings[0].startswith("Link A: ") and "clamped to 0.5" in warnings[0]
    assert list(at.table[1].value["A"]) == ["0.5 months"]


def test_a_compare_link_with_only_a_compares_it_with_the_chains_defaults(open_page):
    at = open_page(PAGE, {"a": "/loss?compute=1e25"})
    assert_clean(at)
    assert at.text_input(key="b").value == "/loss"
    assert list(at.table[1].value.index) == ["Compute budget"]


def test_a_key_the_page_does_not_have_is_reported(open_page):
    at = open_page(PAGE, {"zz": "1"})
    assert_clean(at)
    assert any("zz" in w.value for w in at.warning)


def test_a_preset_as_b_and_a_swap(open_page):
    at = open_page(PAGE)
    chain = get("bio-anchors")
    preset = chain.presets[1]
    at.selectbox(key="_compare_b_pick").set_value(f"Preset: {preset.name}").run()
    assert at.text_input(key="b").value == link_to(chain, {**chain.params.defaults(), **preset.values})
    before = (at.text_input(key="a").value, at.text_input(key="b").value)
    at.button[[b.label for b in at.button].index("Swap A and B")].click().run()
    assert (at.text_input(key="b").value, at.text_input(key="a").value) == before
    assert_clean(at)
