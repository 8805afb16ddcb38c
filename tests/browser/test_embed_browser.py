"""Embedded (``?embed=true``, Streamlit's flag): every page works alone, answer first, and the share box gives
the embed snippet and the view's JSON."""

import json
import re
import urllib.request

import pytest
from live import wait_for_app
from playwright.sync_api import expect

from lib.chains import get

pytestmark = pytest.mark.browser

PAGES = ["/", "/loss", "/gpt_human", "/bio_anchors?position=cotra2022", "/time_horizons", "/trends", "/fit",
         "/compare?a=/loss&b=/loss%3Fcompute%3D1e25", "/sources"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_works_embedded_without_the_menu_of_pages(server, page, path):
    page.goto(server + path + ("&" if "?" in path else "?") + "embed=true")
    wait_for_app(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator("h1").first).to_be_visible()
    expect(page.get_by_test_id("stTopNavLinkContainer")).to_have_count(0)
    if path != "/sources":
        expect(page.locator(".js-plotly-plot").first).to_be_visible()
    assert page.console_errors == []


def test_embedded_a_chain_shows_its_answer_left_of_its_controls(server, page):
    page.goto(server + "/bio_anchors?embed=true")
    wait_for_app(page)
    answer = page.get_by_test_id("stMetric").first.bounding_box()
    controls = page.get_by_text("Reset all to defaults").bounding_box()
    assert answer["x"] < controls["x"]
    page.goto(server + "/bio_anchors")  # not embedded: the controls on the left, as before
    wait_for_app(page)
    assert page.get_by_test_id("stMetric").first.bounding_box()["x"] > page.get_by_text("Reset all to defaults").bounding_box()["x"]


def test_the_share_box_gives_the_views_json_and_an_embed_snippet(server, page):
    page.goto(server + "/bio_anchors?hw_halving=1.5&position=cotra2022")
    wait_for_app(page)
    median = page.get_by_test_id("stMetric").first.get_by_test_id("stMetricValue").inner_text()
    page.get_by_text("Share this view").click()
    link = page.get_by_role("link", name="The numbers of this view as JSON")
    href = link.get_attribute("href")
    assert re.fullmatch(rf"{re.escape(server)}/api/bio_anchors\?.*hw_halving=1.5.*", href), href
    with urllib.request.urlopen(href, timeout=30) as r:
        answer = json.loads(r.read())
    assert get("bio-anchors").headline("median_year").format(answer["headlines"]["median_year"]) == median
    snippet = page.get_by_test_id("stCode").nth(1).inner_text()
    assert snippet.startswith("<iframe src=") and "embed=true" in snippet and "hw_halving=1.5" in snippet
    src = re.search(r'src="([^"]+)"', snippet).group(1)
    page.goto(src)
    wait_for_app(page)
    expect(page.get_by_test_id("stMetric").first.get_by_test_id("stMetricValue")).to_have_text(median)
