"""A shared link keeps its context (the open chart, the position), the share box works by keyboard, every chart
has words and numbers beside it, and a phone reads the Sources page without scrolling sideways."""

from __future__ import annotations

import re

import pytest
from live import wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _share_link(pg) -> str:
    box = pg.get_by_test_id("stExpander").filter(has_text="Share this view")
    if box.locator("details[open]").count() == 0:
        box.locator("summary").click()
    code = box.get_by_test_id("stCode").first  # the link; the embed snippet follows
    expect(code).to_contain_text("http")
    return code.inner_text().strip()


def _open_tab(pg) -> str:
    return pg.locator("[role=tab][aria-selected=true]").inner_text().strip()


def test_a_link_opens_its_chart_tab_and_the_tab_goes_in_the_address_and_the_share_link(server, page):
    page.goto(f"{server}/loss?compute=1e25&view=isoflop-view")
    wait_for_app(page)
    expect(page.locator("[role=tab][aria-selected=true]")).to_have_text("IsoFLOP view")
    page.get_by_role("tab", name="Allocation").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"view=allocation"))
    assert "view=allocation" in _share_link(page) and "compute=1e25" in _share_link(page)
    page.get_by_role("tab", name="Loss vs compute").click()  # the first tab: no view in the link
    wait_for_app(page)
    expect(page).not_to_have_url(re.compile(r"view="))
    assert "view=" not in _share_link(page)
    # The tornado, an uncertainty view, by its link.
    page.goto(f"{server}/bio_anchors?samples=500&view=which-slider-matters-most")
    wait_for_app(page)
    expect(page.locator("[role=tab][aria-selected=true]")).to_have_text("Which slider matters most")
    assert page.console_errors == []


def test_a_link_to_a_chart_the_page_does_not_have_says_so_and_opens_the_first(server, page):
    page.goto(f"{server}/gpt_human?view=tornado")
    wait_for_app(page)
    expect(page.get_by_test_id("stAlert").filter(has_text="asks for the chart")).to_contain_text("tornado")
    expect(page).not_to_have_url(re.compile(r"view="))
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_the_share_link_names_the_position_while_its_values_hold(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.goto(f"{server}/gpt_human?position=gao2021_weak")
    wait_for_app(pg)
    box = pg.locator(".st-key-_gpt-human_position_pick").get_by_role("combobox")
    expect(box).to_have_attribute("placeholder", "Gao 2021: weak capabilities")
    shared = _share_link(pg)
    assert "position=gao2021_weak" in shared
    # Whoever opens the shared link sees the position named, in a session of their own.
    other = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    other.goto(shared)
    wait_for_app(other)
    expect(other.locator(".st-key-_gpt-human_position_pick").get_by_role("combobox")).to_have_attribute(
        "placeholder", "Gao 2021: weak capabilities")
    other.context.close()
    # A value moved off the position: the link no longer claims it.
    slider = pg.locator(".st-key-doubling").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")
    wait_for_app(pg)
    expect(box).to_have_attribute("placeholder", re.compile("1 value changed here"))
    assert "position=" not in _share_link(pg)
    context.close()


def test_the_share_box_opens_closes_and_is_walked_by_keyboard(server, page):
    page.goto(f"{server}/loss")
    wait_for_app(page)
    summary = page.locator("summary").filter(has_text="Share this view")
    summary.focus()
    page.keyboard.press("Enter")
    code = page.get_by_test_id("stExpander").filter(has_text="Share this view").get_by_test_id("stCode").first
    expect(code).to_be_visible()
    reached = []
    for _ in range(3):
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)  # the copy button shows once the link has focus, as a person tabs
        reached.append(page.evaluate("() => (document.activeElement.getAttribute('aria-label') || "
                                     "document.activeElement.innerText || '').trim()"))
    assert any("/loss" in r for r in reached), reached  # the link itself
    assert "Copy to clipboard" in reached, reached
    assert any("Compare this view" in r for r in reached), reached
    summary.focus()
    page.keyboard.press("Enter")
    expect(code).to_be_hidden()


def test_every_chart_has_a_sentence_and_its_numbers_one_click_away(server, page):
    page.goto(f"{server}/gpt_human")
    wait_for_app(page)
    charts = page.locator(".js-plotly-plot")
    expect(charts.first).to_be_visible()
    sentences = page.locator("[class*=st-key-sr_only_]")
    expect(sentences).to_have_count(charts.count())
    assert sentences.first.inner_text().startswith("Chart of cost (US$, 2020 dollars) (log scale) against year")
    assert sentences.first.bounding_box()["height"] <= 1  # read by a screen reader, not shown
    numbers = page.get_by_test_id("stExpander").filter(has_text="The numbers in this chart").first
    numbers.locator("summary").click()
    wait_for_app(page)
    table = numbers.get_by_test_id("stTable").first
    expect(table).to_contain_text("Cost of a GPT-human")
    expect(table).not_to_contain_text(",000,000")  # numbers as people read them: 6.94069e29, not 694,069,...
    assert page.console_errors == []


def test_a_phone_reads_the_sources_page_without_scrolling_sideways(server, sized_page):
    pg = sized_page
    pg.goto(f"{server}/sources")
    wait_for_app(pg)
    phone = pg.viewport_size["width"] < 640
    wide = pg.locator("[class*=st-key-wide_params_]").first
    narrow = pg.locator("[class*=st-key-narrow_params_]").first
    expect(narrow if phone else wide).to_be_visible()
    expect(wide if phone else narrow).to_be_hidden()
    assert pg.evaluate("() => document.documentElement.scrollWidth") <= pg.viewport_size["width"]
    if phone:
        expect(narrow).to_contain_text("Compute budget")
        expect(narrow).to_contain_text("Source:")
