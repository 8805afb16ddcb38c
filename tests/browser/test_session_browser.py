"""One session across pages, as a person sees it: shared values follow, old links open, positions apply."""

from __future__ import annotations

import re

import pytest
from live import wait_for_app
from playwright.sync_api import expect
from test_links_browser import alerts, query, share_link_text

pytestmark = pytest.mark.browser


def _nav(pg, title: str) -> None:
    pg.get_by_role("navigation", name="App pages").get_by_text(title, exact=True).click()
    wait_for_app(pg)


def test_a_shared_value_moved_on_one_page_is_on_the_other_and_in_its_link(server, page):
    page.goto(f"{server}/loss?human=0.9")
    wait_for_app(page)
    page.get_by_test_id("stExpander").filter(has_text="Where the line ends").locator("summary").click()
    slider = page.locator(".st-key-human").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")  # 0.9 -> 0.91
    expect(page).to_have_url(f"{server}/loss?human=0.91")
    _nav(page, "GPT-human cost timeline")
    expect(page).to_have_url(f"{server}/gpt_human?human=0.91")
    page.get_by_text("Human-level target", exact=True).click()
    expect(page.locator(".st-key-human").get_by_role("slider")).to_have_attribute("aria-valuetext", "0.91")
    assert share_link_text(page) == page.url
    assert page.console_errors == []


def test_an_old_gpt_human_link_opens_and_the_address_shows_the_new_keys(server, page):
    page.goto(f"{server}/gpt_human?coef=2.6&exp=0.05&loss=0.9")
    wait_for_app(page)
    expect(page).to_have_url(f"{server}/gpt_human?fit_k=2.6&fit_b=0.05&human=0.9")
    expect(alerts(page)).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_position_link_sets_every_page_then_leaves_the_address(server, page):
    page.goto(f"{server}/gpt_human?position=bear2021")
    wait_for_app(page)
    assert query(page) == {"doubling": ["6"], "floor": ["1.2"]}
    box = page.locator(".st-key-_gpt-human_position_pick").get_by_role("combobox")
    expect(box).to_have_attribute("placeholder", "Transformer bear case: scaling stalls")
    _nav(page, "Loss extrapolation")
    # The page puts its values in the address a moment after it draws (a rerun): wait for them.
    expect(page).to_have_url(re.compile(r"/loss\?"))
    assert query(page) == {"strong": ["false"], "weak_floor": ["1.2"], "bend": ["1e24"], "bend_ooms": ["1"]}
    _nav(page, "Home")
    expect(page.get_by_test_id("stMetricValue").filter(has_text="never")).not_to_have_count(0)
    assert page.console_errors == []


def test_a_home_card_opens_its_page_with_the_sessions_values(server, page):
    page.goto(f"{server}/gpt_human?doubling=6&human=0.9")
    wait_for_app(page)
    _nav(page, "Home")
    page.get_by_test_id("stPageLink").filter(has_text="Open it with these values").nth(1).click()
    wait_for_app(page)
    expect(page).to_have_url(f"{server}/gpt_human?human=0.9&doubling=6")
    expect(alerts(page)).to_have_count(0)
    assert page.console_errors == []
