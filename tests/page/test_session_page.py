"""One session, every page: shared values follow the user, positions set every chain at once."""

from __future__ import annotations

import pytest
from pagetest import assert_clean

from lib.chains import CHAINS, get
from lib.tools.positions.model import POSITIONS, find

LOSS, GPT, BIO, HOME = "pages/loss.py", "pages/gpt_human.py", "pages/bio_anchors.py", "pages/home.py"


def _go(at, page):
    at.query_params.clear()  # in-app navigation arrives with an empty query
    at.switch_page(page)
    return at.run()


def test_a_shared_value_set_on_one_page_is_the_value_on_the_other(open_page):
    at = open_page(LOSS)
    at.slider(key="human").set_value(0.95).run()
    at = _go(at, GPT)
    assert_clean(at)
    assert at.slider(key="human").value == 0.95
    # ...and back: set on the GPT-human page, seen on the Loss page
    at.slider(key="fit_b").set_value(0.05).run()
    at = _go(at, LOSS)
    assert at.slider(key="fit_b").value == 0.05 and at.slider(key="human").value == 0.95


def test_an_old_key_link_restores_under_the_new_key_without_a_warning(open_page):
    at = open_page(GPT, {"coef": "2.6", "exp": "0.05", "loss": "0.9"})
    assert_clean(at)
    assert not at.warning
    assert (at.slider(key="fit_k").value, at.slider(key="fit_b").value, at.slider(key="human").value) == (2.6, 0.05, 0.9)


def test_a_page_comes_back_as_it_was_left(open_page):
    at = open_page(GPT, {"doubling": "6"})
    at = _go(at, LOSS)
    at = _go(at, GPT)
    assert at.session_state["doubling"] == 6.0


@pytest.mark.parametrize("position", POSITIONS, ids=lambda p: p.key)
@pytest.mark.parametrize("chain", CHAINS, ids=lambda c: c.key)
def test_every_position_renders_every_page_without_warnings(open_page, position, chain):
    at = open_page(chain.page, {"position": position.key})
    assert_clean(at)
    assert not at.warning, [w.value for w in at.warning]
    for key, value in position.chain_values(chain.key).items():
        if chain.params[key].role == "view":
            continue  # not drawn while the uncertainty view is off
        got = at.session_state[key]
        assert (tuple(got) if isinstance(got, list) else got) == value, key


def test_a_position_in_a_link_sets_the_other_pages_too(open_page):
    at = open_page(LOSS, {"position": "bear2021"})
    at = _go(at, GPT)
    assert at.session_state["floor"] == 1.2 and at.session_state["doubling"] == 6.0
    at = _go(at, BIO)
    assert at.session_state["data_exp"] == "0.8"  # silent on the anchors: their defaults


def test_picking_a_position_applies_it_and_the_box_says_so(open_page):
    at = open_page(BIO)
    box = at.selectbox(key="_bio-anchors_position_pick")
    box.select(find("cotra2022").name).run()
    assert at.session_state["spend_doubling"] == 1.5
    assert at.selectbox(key="_bio-anchors_position_pick").placeholder == find("cotra2022").name
    at.slider(key="spread").set_value(1.0).run()
    assert at.selectbox(key="_bio-anchors_position_pick").placeholder.endswith("1 value changed here")


def test_an_unknown_position_is_named_in_a_warning(open_page):
    at = open_page(LOSS, {"position": "[x](http://phish)"})
    assert_clean(at)
    assert any("not a position" in w.value and "http" in w.value for w in at.warning)
    assert at.session_state["human"] == get("loss").params["human"].default


def test_a_value_another_page_left_that_a_control_cannot_hold_is_clamped_with_a_warning(open_page):
    """Widget state outlives its page; arriving, a page checks it like a link value before any widget draws."""
    at = open_page(GPT)
    at.session_state["req_floor"] = 1.0  # as a key two pages once shared carried it (nats into log10 FLOP)
    at.session_state["algo"] = "nonsense"
    at = _go(at, BIO)
    assert_clean(at)
    assert at.slider(key="req_floor").value == 20.0 and at.radio(key="algo").value == "rule"
    said = " ".join(w.value for w in at.warning)
    assert "set on another page" in said and "req_floor" in said and "algo" in said
