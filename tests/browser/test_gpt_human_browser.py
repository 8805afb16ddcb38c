"""Browser: a shared GPT-human link restores its view; a slider redraws the charts and rewrites the URL."""

import re

import pytest
from live import chart, wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_shared_link_restores_and_slider_updates(server, page):
    page.goto(f"{server}/gpt_human?doubling=6&refs=apollo&refs=iraq&budget=1e10")
    wait_for_app(page)
    metric = page.get_by_test_id("stMetric").filter(has_text="Largest run reaches that compute")
    expect(metric.get_by_test_id("stMetricValue")).to_have_text("Jul 2030")  # 2030.54
    expect(page.locator(".st-key-refs")).to_contain_text("apollo")
    expect(page.locator(".st-key-refs")).to_contain_text("iraq")
    expect(chart(page, 1)).to_contain_text("Compute reached: Jul 2030")
    expect(chart(page, 0)).to_contain_text("Apollo")

    slider = page.locator(".st-key-doubling").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")  # 6.0 -> 6.16 months, the next step of the log grid: 2030.82
    expect(metric.get_by_test_id("stMetricValue")).to_have_text("Oct 2030")
    expect(chart(page, 1)).to_contain_text("Compute reached: Oct 2030")
    expect(page).to_have_url(re.compile(r"doubling=6\.16"))
    expect(page).to_have_url(re.compile(r"refs=apollo&refs=iraq"))
    page.get_by_text("Share this view").click()
    expect(page.get_by_test_id("stCode").first).to_contain_text("/gpt_human?doubling=6.16&budget=1e10&refs=apollo&refs=iraq")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []
