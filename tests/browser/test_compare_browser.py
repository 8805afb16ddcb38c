"""The compare page as a person uses it: paste two links, read the split, share the comparison, reopen it."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from live import chart, wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _paste(pg, key: str, text: str) -> None:
    box = pg.locator(f".st-key-{key}").get_by_role("textbox")
    box.fill(text)
    box.press("Enter")
    wait_for_app(pg)


def test_paste_two_links_see_the_waterfall_share_and_restore(server, sized_page):
    page = sized_page
    page.goto(f"{server}/compare")
    wait_for_app(page)
    a = f"{server}/bio_anchors?hw_halving=2"
    b = "/bio_anchors?hw_halving=1.5&spend_doubling=1.5"
    _paste(page, "a", a)
    _paste(page, "b", b)
    # The waterfall of the open tab (median year): A, the two parameters, B, read as drawn.
    waterfall = chart(page, 1)
    expect(waterfall).to_contain_text("Hardware price")  # the name wraps onto two lines beside its bar
    expect(waterfall).to_contain_text("Spend doubling time")
    expect(page.get_by_text("years between A and B (B is earlier)")).to_be_visible()
    expect(page).to_have_url(f"{server}/compare?{urlencode({'a': a, 'b': b})}")  # the comparison is its link

    page.get_by_text("Share this comparison").click()
    shared = page.get_by_test_id("stCode").first.inner_text().strip()
    assert shared == page.url
    page.goto("about:blank")
    page.goto(shared)
    wait_for_app(page)
    expect(page.locator(".st-key-a").get_by_role("textbox")).to_have_value(a)
    expect(page.locator(".st-key-b").get_by_role("textbox")).to_have_value(b)
    expect(chart(page, 1)).to_contain_text("Spend doubling time")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []


def test_a_chain_pages_share_box_opens_the_comparison_with_that_view_as_a(server, page):
    page.goto(f"{server}/gpt_human?budget=1e10")
    wait_for_app(page)
    page.get_by_text("Share this view").click()
    page.get_by_test_id("stPageLink").filter(has_text="Compare this view with another").click()
    wait_for_app(page)
    expect(page.locator(".st-key-a").get_by_role("textbox")).to_have_value("/gpt_human?budget=1e10")
    expect(page.locator(".st-key-b").get_by_role("textbox")).to_have_value("/gpt_human")
    # The split opens on the headline that moved: the budget moves the date affordable, not the compute needed.
    expect(chart(page, 1)).to_contain_text("Budget")
    page.get_by_role("tab", name="Compute needed").click()
    wait_for_app(page)
    expect(page.get_by_text("the same for A and B; none of the differing values moves it")).to_be_visible()
    assert page.console_errors == []


def test_a_hostile_paste_is_inert_text(server, page):
    page.goto(f"{server}/compare")
    wait_for_app(page)
    _paste(page, "b", "[Session expired - log in](http://host/phish) <img src=x onerror=alert(1)>")
    error = page.get_by_test_id("stAlertContentError")
    expect(error).to_contain_text("Link B")
    expect(error.locator("a")).to_have_count(0)
    expect(error.locator("img")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
