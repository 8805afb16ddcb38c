"""Each page has its own browser title, so a shared link's tab and bookmark say what it is."""

import re

import pytest
from live import wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path, title", [("/", "AI forecasting arguments"),
                                         ("/loss?compute=1e25", "Loss extrapolation · AI forecasting arguments"),
                                         ("/bio_anchors", "Biological anchors · AI forecasting arguments"),
                                         ("/compare", "Compare · AI forecasting arguments")])
def test_every_page_has_its_own_title_and_an_h1_without_an_icon_word(server, page, path, title):
    page.goto(server + path)
    wait_for_app(page)
    expect(page).to_have_title(title)
    heading = page.locator("h1").first
    expect(heading).to_be_visible()
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", heading.inner_text()), heading.inner_text()  # no 'trending_down'


def test_an_unknown_page_says_it_does_not_exist_and_home_does_not(server, page):
    page.goto(server + "/nonexistent?doubling=6")
    wait_for_app(page)
    expect(page.get_by_text("There is no page")).to_be_visible()
    expect(page.get_by_test_id("stAlertContentWarning").filter(has_text="nonexistent")).to_have_count(1)
    page.goto(server + "/")
    wait_for_app(page)
    expect(page.locator("h1").first).to_be_visible()
    expect(page.get_by_text("There is no page")).to_have_count(0)
