"""Browser: a shared biological-anchors link restores its view; a slider redraws the CDF and rewrites the URL."""

import re

import pytest
from live import wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

P2050 = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const total = plot && plot._fullData && plot._fullData.find(t => t.name === 'P(TAI by year), all anchors');
  return total && total.y ? total.y[2050 - 2025] : null;
}"""


def test_shared_link_restores_and_slider_updates(server, page):
    page.goto(f"{server}/bio_anchors?hw_halving=1.5&anchors=false")
    wait_for_app(page)
    median = page.get_by_test_id("stMetric").filter(has_text="Median year").get_by_test_id("stMetricValue")
    expect(median).not_to_have_text("2054")
    page.wait_for_function(f"() => ({P2050})() !== null")
    before = page.evaluate(P2050)
    assert before == pytest.approx(0.585, abs=0.002)
    page.wait_for_function("() => { const p = document.querySelector('.js-plotly-plot'); "
                           "return p && p.data && p.data.length > 0 && !p.data.some(t => t.name === 'Evolution (alone)'); }")

    page.get_by_text("Hardware", exact=True).click()
    slider = page.locator(".st-key-hw_halving").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")  # 1.5 -> 1.6 years: slower hardware, lower probability
    expect(page).to_have_url(re.compile(r"hw_halving=1\.6"))
    page.wait_for_function(f"() => ({P2050})() < {before}")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []
