"""Browser: a shared trends link restores its fit; its button opens the GPT-human page with that doubling."""

import re

import pytest
from live import chart, wait_for_app
from playwright.sync_api import expect

from lib.data.files import load
from lib.data.trends import model as trends

pytestmark = pytest.mark.browser


def test_shared_trend_link_restores_the_fit_and_opens_the_gpt_human_page_with_it(server, page):
    page.goto(f"{server}/trends?end=2022&domain=language")
    wait_for_app(page)
    expected = trends.run(load("epoch_compute").table, {**trends.PARAMS.defaults(), "until": 2022, "domain": "language"})
    months = f"{expected.doubling_months:.1f} months"
    metric = page.get_by_test_id("stMetric").filter(has_text="Doubling time")
    expect(metric.get_by_test_id("stMetricValue")).to_have_text(months)
    expect(chart(page)).to_contain_text("Sevilla et al. 2022: 6 months")
    # Hover names the model under the pointer: the points carry model, organisation and date.
    texts = chart(page).evaluate("gd => gd.data.find(t => t.name === 'Notable models').text.join('|')")
    assert "Chinchilla" in texts and "DeepMind" in texts

    page.get_by_role("link", name=re.compile("GPT-human at a")).click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(rf"/gpt_human\?doubling={round(expected.doubling_months, 2):g}$"))
    expect(page.get_by_test_id("stMarkdownContainer").filter(has_text="What happened since.").first).to_contain_text(
        f"Your {round(expected.doubling_months, 2):g}-month trend")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []
