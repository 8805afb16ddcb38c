"""The uncertainty view in a browser: switch it on, see the bands, share the link, get the same bands back."""

from __future__ import annotations

import pytest
from live import chart, wait_for_app
from playwright.sync_api import expect
from test_links_browser import share_link_text

pytestmark = pytest.mark.browser


def _band_paths(pg) -> list[str]:
    """The filled areas of the main chart, as drawn: the bands around its line."""
    fills = chart(pg, 0).locator("path.js-fill")
    expect(fills.first).to_be_attached()
    return [fills.nth(i).get_attribute("d") for i in range(fills.count())]


def test_switch_on_see_bands_share_and_restore_the_same_bands(server, sized_page):
    page = sized_page
    page.goto(f"{server}/gpt_human")
    wait_for_app(page)
    expect(chart(page, 0).locator("path.js-fill")).to_have_count(0)
    page.get_by_text("Show uncertainty").click()  # the one switch: 2,000 draws
    wait_for_app(page)
    expect(page).to_have_url(f"{server}/gpt_human?samples=2000")
    expect(page.get_by_role("heading", name="How wide the answer is")).to_be_visible()
    expect(page.get_by_role("tab", name="Which slider matters most")).to_be_visible()
    bands = _band_paths(page)
    assert len(bands) == 2  # 10-90% and 25-75%

    shared = share_link_text(page)
    assert shared == page.url
    page.goto("about:blank")
    page.goto(shared)
    wait_for_app(page)
    assert _band_paths(page) == bands  # the same seed draws the same bands
    expect(page.locator(".st-key-_gpt-human_uncertainty_on input")).to_be_checked()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []
