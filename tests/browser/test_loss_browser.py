"""Browser: shared links restore the Loss page; a slider redraws the chart and rewrites the URL.

Checks read what a person sees: metric values, legend entries and chart labels as rendered text
(the loss chart has no legend: its curves are named at their right-hand ends).
"""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from live import ROOT, chart, free_port, legend, start_server, wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def query(pg) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlparse(pg.url).query).items()}


def test_shared_link_restores_the_view(server, page):
    page.goto(f"{server}/loss?compute=5.76e23&kaplan=false&human=0.9")
    wait_for_app(page)
    expect(page.locator(".st-key-compute")).to_contain_text("5.76e23")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("5.76e23 FLOP")
    expect(chart(page)).to_contain_text("budget 5.76e23")
    expect(chart(page)).to_contain_text("Chinchilla")
    expect(chart(page)).not_to_contain_text("Kaplan")
    assert query(page) == {"compute": "5.76e23", "kaplan": "false", "human": "0.9"}
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []


def test_changed_constants_show_in_the_hover_names_and_legends(server, page):
    page.goto(f"{server}/loss?fit_b=0.05&k_a=0.6")
    wait_for_app(page)
    # The loss chart's curves carry the law with its constants in their hover text.
    names = chart(page).evaluate("gd => gd._fullData.map(t => t.hovertemplate || '').join('|')")
    assert "GPT-3 fit 2.57·C^-0.05" in names
    page.get_by_role("tab", name="Allocation").click()
    expect(legend(page)).to_contain_text("Kaplan 2020 (a = 0.60)")
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_slider_redraws_chart_and_rewrites_url(server, page):
    page.goto(f"{server}/loss?compute=5.76e23")
    wait_for_app(page)
    slider = page.locator(".st-key-compute").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")
    # One step on the 20-per-decade grid above 5.76e23 is 6.31e23.
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("6.31e23 FLOP")
    expect(chart(page)).to_contain_text("budget 6.31e23")
    expect(page).to_have_url(re.compile(r"compute=6\.31e23"))
    slider.press("Home")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("1.00e18 FLOP")
    expect(page).to_have_url(re.compile(r"compute=1e18"))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []


def test_default_view_has_a_clean_url_and_a_toggle_writes_it(server, page):
    page.goto(f"{server}/loss")
    wait_for_app(page)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("3.14e23 FLOP")
    assert query(page) == {}
    page.get_by_text("Laws shown").click()
    page.locator(".st-key-kaplan").get_by_text("Show Kaplan").click()
    expect(page).to_have_url(re.compile(r"kaplan=false"))
    expect(chart(page)).not_to_contain_text("Kaplan")
    assert page.console_errors == []


def test_garbled_link_warns_and_still_renders(server, page):
    page.goto(f"{server}/loss?compute=banana&fit_b=9&zzz=1")
    wait_for_app(page)
    alerts = page.get_by_test_id("stAlertContentWarning")
    expect(alerts.filter(has_text="compute")).to_have_count(1)
    expect(alerts.filter(has_text="fit_b")).to_have_count(1)
    expect(alerts.filter(has_text="zzz")).to_have_count(1)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("3.14e23 FLOP")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert "zzz" not in page.url
    assert page.console_errors == []


def test_cold_server_opened_by_shared_links_uses_app_navigation(browser):
    # A fresh server whose first visitors arrive by page links, several at once, must run app.py for
    # each of them (its navigation and page config), not the legacy pages/ mode.
    port = free_port()
    proc = start_server(ROOT / "app.py", port)
    try:
        pages = [browser.new_page() for _ in range(3)]
        for pg in pages:  # requested together, before any has drawn
            pg.goto(f"http://127.0.0.1:{port}/loss?compute=5.76e23", wait_until="commit")
        for pg in pages:
            wait_for_app(pg)
            nav = pg.get_by_role("navigation", name="App pages")
            expect(nav).to_contain_text("Loss extrapolation")
            expect(nav).not_to_contain_text("app")
            expect(pg.get_by_test_id("stMetricValue").first).to_have_text("5.76e23 FLOP")
            pg.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
