"""Browser: a shared biological-anchors link restores its view; a slider redraws the CDF and rewrites the URL."""

import re

import pytest
from live import chart, wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_shared_link_restores_and_slider_updates(server, page):
    page.goto(f"{server}/bio_anchors?hw_halving=1.5&anchors=false")
    wait_for_app(page)
    metrics = page.get_by_test_id("stMetric")
    median = metrics.filter(has_text="Median year").get_by_test_id("stMetricValue")
    p2050 = metrics.filter(has_text="P(TAI by 2050)").get_by_test_id("stMetricValue")
    expect(median).not_to_have_text("2054")
    expect(p2050).to_have_text("59%")  # faster hardware: 45% -> 58.5%
    # Curves are named at their right-hand ends: only the total, with the anchors switched off.
    expect(chart(page)).to_contain_text("all anchors")
    expect(chart(page)).not_to_contain_text("Evolution")

    page.get_by_text("Hardware", exact=True).click()
    slider = page.locator(".st-key-hw_halving").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")  # 1.5 -> 1.58 years (the next log-grid step): slower hardware
    expect(page).to_have_url(re.compile(r"hw_halving=1\.58"))
    expect(p2050).to_have_text("57%")  # 56.9%
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []
