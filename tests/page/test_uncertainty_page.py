"""Every chain page with the uncertainty view on: at defaults, at its bounds, with every range off."""

from __future__ import annotations

import json

import pytest
from pagetest import assert_clean, open_view, text_of

from lib.chains import CHAINS
from lib.core.problems import escape_markdown
from lib.core.ranges import width_key

IDS = [c.key for c in CHAINS]
# Each page's sourced ranges, on at its defaults (the anchors': the port's hardware, spending and GDP trends).
ON = {"loss": {}, "gpt-human": {}, "bio-anchors": {}, "time-horizons": {}}
# The tabs the uncertainty views open in: a page with chart tabs holds them there, the others in their own.
TABS = {"loss": "loss_view", "gpt-human": "gpt_view", "bio-anchors": "bio_view", "time-horizons": "th_view"}


def _bands(at) -> list[str]:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return [t.get("name", "") for t in spec["data"] if "of draws" in (t.get("name") or "")]


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_the_view_on_at_defaults_shows_bands_quantiles_and_a_tornado(open_page, chain):
    at = open_page(chain.page, {"samples": "2000", **ON[chain.key]})
    assert_clean(at)
    assert not at.warning, [w.value for w in at.warning]
    assert _bands(at), "the main chart shades the spread of the draws"
    table = next(m.value for m in at.markdown if "| headline | median | 80% interval" in m.value)
    assert table.startswith("## How wide the answer is")
    assert all(f"| {escape_markdown(h.label)} |" in table for h in chain.headlines)
    at = open_view(at, TABS[chain.key], "How its draws fall")
    firsts = [json.loads(c.proto.spec)["data"][0] for c in at.get("plotly_chart")]
    assert any(t.get("name") == "draws" for t in firsts), "a histogram of the draws"
    at = open_view(at, TABS[chain.key], "Which slider matters most")
    assert_clean(at)
    firsts = [json.loads(c.proto.spec)["data"][0] for c in at.get("plotly_chart")]
    assert any(t.get("type") == "bar" and t.get("orientation") == "h" for t in firsts), "a tornado"
    assert "moves" in text_of(at, "markdown")  # the top drivers, in words


@pytest.mark.parametrize("edge", ["min", "max"])
@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_the_view_on_at_every_bound(open_page, chain, edge):
    query = {p.key: p.format_value(getattr(p, edge)) for p in chain.params.params
             if p.kind in ("float", "int") and p.role == "model"}
    query |= {width_key(p.key): "1" for p in chain.params.params if width_key(p.key) in chain.params}
    query |= {"samples": "500"}
    at = open_page(chain.page, query)
    assert_clean(at)
    assert not [w for w in at.warning if w.value.startswith("Link problem")]


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_the_view_on_with_every_range_off_says_so_and_a_range_switched_on_draws_again(open_page, chain):
    query = {width_key(p.key): "0" for p in chain.params.params if width_key(p.key) in chain.params}
    at = open_page(chain.page, {"samples": "1000", **query})
    assert_clean(at)
    assert "No number here has a range that counts" in text_of(at, "info")
    assert not _bands(at)
    # Every range the chains declare is sourced and on by default: none of this project's to offer in a button.
    assert not [b for b in at.button if b.label == "Switch on our ranges"]
    if chain.key == "bio-anchors":
        at.select_slider(key="u_hw_halving").set_value(1.0).run()
        assert_clean(at)
        assert _bands(at)


def test_a_seed_in_the_link_gives_the_same_quantiles(open_page):
    a, b, c = (open_view(open_page("pages/gpt_human.py", {"samples": "1000", "seed": seed}), TABS["gpt-human"],
                         "How its draws fall") for seed in ("42", "42", "43"))

    def drawn(at):  # the histogram's draws, as sent to the browser
        specs = [json.loads(c.proto.spec)["data"][0] for c in at.get("plotly_chart")]
        return next((s["x"], s["y"]) for s in specs if s.get("name") == "draws")

    assert drawn(a) == drawn(b) and drawn(a) != drawn(c)


@pytest.mark.parametrize("page", ["pages/loss.py", "pages/bio_anchors.py"])
def test_switching_the_view_off_from_its_own_tab_falls_back_to_the_first_chart(open_page, page):
    key = TABS["loss" if "loss" in page else "bio-anchors"]
    at = open_view(open_page(page, {"samples": "1000", "u_hw_halving": "1"}), key, "How its draws fall")
    assert any(json.loads(c.proto.spec)["data"][0].get("name") == "draws" for c in at.get("plotly_chart"))
    at.session_state["samples"] = 0
    at.run()
    assert_clean(at)
    assert at.get("plotly_chart"), "the page's first chart, not an empty tab"


def test_the_view_off_draws_none_of_its_controls(open_page):
    at = open_page("pages/gpt_human.py")
    keys = {w.key for w in at.select_slider} | {w.key for w in at.number_input}
    assert "samples" in keys and "seed" not in keys and "u_doubling" not in keys


def test_the_one_switch_turns_the_view_on_and_off(open_page):
    at = open_page("pages/bio_anchors.py")
    switch = at.toggle(key="_bio-anchors_uncertainty_on")
    assert switch.value is False
    switch.set_value(True).run()
    assert at.session_state["samples"] == 2000
    assert any("How wide" in m.value for m in [*at.markdown, *at.header, *at.subheader])
    at.toggle(key="_bio-anchors_uncertainty_on").set_value(False).run()
    assert at.session_state["samples"] == 0
    assert not any("How wide" in m.value for m in [*at.markdown, *at.header, *at.subheader])
    assert_clean(at)


def test_picking_a_parameter_under_the_tornado_opens_its_section(open_page):
    at = open_page("pages/bio_anchors.py", {"samples": "1000", "u_hw_halving": "1"})
    at = open_view(at, TABS["bio-anchors"], "Which slider matters most")
    at.selectbox(key="_bio-anchors_open_param").set_value("Hardware price halving time").run()
    assert at.session_state["_group_bio-anchors_Hardware"] is True
    assert_clean(at)


def test_the_summary_reads_as_words_not_repeated_numbers(open_page):
    """No 'X to X' for a headline without spread, ranges at three figures, and a headline outside its own
    interval is explained where it shows (GPT-human at defaults: the point 'Dec 2025' against draws of
    truncated ranges)."""
    at = open_page("pages/gpt_human.py", {"samples": "2000"})
    assert_clean(at)
    table = next(m.value for m in at.markdown if "| headline | median | 80% interval" in m.value)
    for row in [r for r in table.splitlines()[2:] if r.startswith("|")][1:]:  # past the header's rule
        cells = [c.strip() for c in row.strip("|").split("|")]
        if " to " in cells[2]:
            low, high = cells[2].split(" to ")
            assert low != high, row
    assert "no value to no value" not in table
    caption = table.split("\n\n")[-1]
    assert not any(len(part.split(".")[1]) > 3 for part in caption.replace("(", " ").replace(")", " ").split()
                   if part.count(".") == 1 and part.replace(".", "").isdigit()), caption
    if "Outside its own interval" in caption:
        assert "answer at the sliders" in caption


def test_a_headline_without_spread_says_so():
    from lib.chains import get
    from lib.ui.chain_views import _interval

    h = get("gpt-human").headlines[0]
    assert _interval(h, 2.0e29, 2.0e29).startswith("no spread: ")
    assert _interval(h, None, None) == "no value in most draws"
