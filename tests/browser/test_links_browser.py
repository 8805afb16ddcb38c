"""Browser: a link's corrected values reach the address bar; link text in warnings stays text; oversized,
repeated and misplaced keys; the preset box and disabled controls as a person sees them.

Playwright reads the address bar (``page.url``), which AppTest cannot see.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from live import wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

def query(pg) -> dict[str, list[str]]:
    return parse_qs(urlparse(pg.url).query, keep_blank_values=True)


def alerts(pg):
    return pg.get_by_test_id("stAlertContentWarning")


def expect_preset_box(pg, model: str, text: str) -> None:
    """The preset box reads ``text``: a preset's name as its value, or what the values are as its placeholder."""
    box = pg.locator(f".st-key-_{model}_preset_pick").get_by_role("combobox")
    if "·" in text or text == "Custom":
        expect(box).to_have_value("")
        expect(box).to_have_attribute("placeholder", text)
    else:
        expect(box).to_have_value(text)


def share_link_text(pg) -> str:
    pg.get_by_text("Share this view").click()
    code = pg.get_by_test_id("stCode").first
    expect(code).to_contain_text("http")
    return code.inner_text().strip()


def test_a_clamped_link_is_corrected_in_the_address_bar(server, sized_page):
    page = sized_page
    page.goto(f"{server}/gpt_human?doubling=-5")
    wait_for_app(page)
    expect(page).to_have_url(f"{server}/gpt_human?doubling=0.5")
    expect(alerts(page)).to_have_count(1)
    expect(alerts(page).first).to_contain_text("doubling=-5 is outside 0.5 to 120 months; clamped to 0.5.")
    assert share_link_text(page) == page.url  # the address bar is the share link
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []


def test_reopening_the_corrected_address_shows_the_same_view_without_warnings(server, page):
    page.goto(f"{server}/gpt_human?doubling=-5&budget=1e99")
    wait_for_app(page)
    expect(page).to_have_url(f"{server}/gpt_human?doubling=0.5&budget=1e15")
    corrected = page.url
    page.goto(corrected)
    wait_for_app(page)
    expect(page.locator(".st-key-doubling")).to_contain_text("0.5")
    expect(alerts(page)).to_have_count(0)
    assert page.url == corrected


def test_a_repeated_key_keeps_the_value_used(server, page):
    page.goto(f"{server}/loss?compute=1e23&compute=1e25")
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/loss\?compute=1e25$"))
    expect(alerts(page).first).to_contain_text("compute appears 2 times in the link; the last one, 1e25, was used.")
    expect(page.locator(".st-key-compute")).to_contain_text("1e25")


HOSTILE = {
    "compute": "![x](http://127.0.0.1:9/pixel.png)",
    "[Session expired](http://h.example/x)": "1",
    "<img src=http://127.0.0.1:9/tag.png>": "1",
    "www.example.com": "1",
    ":material/home:": "1",
}


def test_link_text_in_a_warning_is_plain_text(server, sized_page):
    page = sized_page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}/loss?{urlencode(HOSTILE)}")
    wait_for_app(page)
    expect(alerts(page)).to_have_count(len(HOSTILE))
    for i in range(len(HOSTILE)):
        alert = alerts(page).nth(i)
        expect(alert.locator("img, a, [role=img]")).to_have_count(0)
    text = " ".join(alerts(page).all_inner_texts()).replace("\u2060", "")
    assert "compute=![x](http://127.0.0.1:9/pixel.png) is not a number" in text
    assert "[Session expired](http://h.example/x) is not a parameter" in text
    assert "<img src=http://127.0.0.1:9/tag.png>" in text
    assert "www.example.com" in text and ":material/home:" in text
    assert not [u for u in requests if "127.0.0.1:9/" in u], "a link made the browser fetch something"
    assert query(page) == {}
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []


def test_pages_without_parameters_drop_them_from_the_address(server, page):
    page.goto(f"{server}/?compute=1e25")
    wait_for_app(page)
    expect(alerts(page)).to_have_count(1)
    expect(alerts(page).first).to_contain_text("compute is not a parameter of this page")
    expect(page).to_have_url(f"{server}/")
    page.goto(f"{server}/sources?compute=1e25")
    wait_for_app(page)
    expect(alerts(page)).to_have_count(1)
    expect(page).to_have_url(f"{server}/sources")


def test_a_query_streamlit_ignores_for_its_size_is_said_and_salvaged(server, page):
    # Streamlit drops a query of more than 1,000 fields before the app sees it; the page reads the address.
    junk = "&".join(f"junk{i}=1" for i in range(1001))
    page.goto(f"{server}/loss?compute=1e25&{junk}")
    wait_for_app(page)
    expect(alerts(page).first).to_contain_text("This link has 1,002 fields, more than the 1,000 Streamlit reads")
    expect(alerts(page)).to_have_count(6)
    expect(alerts(page).last).to_contain_text("…and 997 more: 997 unknown keys.")
    expect(page).to_have_url(f"{server}/loss?compute=1e25")
    expect(page.locator(".st-key-compute")).to_contain_text("1e25")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []


def test_the_preset_box_follows_the_sliders(server, page):
    page.goto(f"{server}/gpt_human")
    wait_for_app(page)
    expect_preset_box(page, "gpt-human", "Gwern 2020 (essay)")
    slider = page.locator(".st-key-doubling").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")
    expect_preset_box(page, "gpt-human", "Gwern 2020 (essay) · 1 value changed")
    expect(page.get_by_test_id("stMain")).to_contain_text(
        "1 value changed from 'Gwern 2020 (essay)': Doubling time of largest training runs.")
    slider.press("ArrowLeft")
    expect_preset_box(page, "gpt-human", "Gwern 2020 (essay)")
    assert page.console_errors == []


def test_the_budget_fragment_updates_the_preset_box(server, page):
    # The budget slider reruns only its fragment; the box outside it must still follow.
    page.goto(f"{server}/loss")
    wait_for_app(page)
    expect_preset_box(page, "loss", "Published constants")
    slider = page.locator(".st-key-compute").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")
    expect_preset_box(page, "loss", "Published constants · 1 value changed")
    expect(page).to_have_url(re.compile(r"compute="))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.console_errors == []


def test_controls_without_effect_are_disabled(server, page):
    page.goto(f"{server}/gpt_human")
    wait_for_app(page)
    page.get_by_text("Human-level target", exact=True).click()
    ratio = page.locator(".st-key-ratio").get_by_role("slider")
    target_loss = page.locator(".st-key-human").get_by_role("slider")
    expect(ratio).to_be_disabled()
    expect(target_loss).to_be_enabled()
    page.locator(".st-key-target").get_by_text("ratio", exact=True).click()
    expect(target_loss).to_be_disabled()
    expect(ratio).to_be_enabled()
    expect(page).to_have_url(re.compile(r"target=ratio"))
    assert page.console_errors == []
