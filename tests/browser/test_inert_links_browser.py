"""Browser: markup in a link is shown as text. An image tag, a script tag or a javascript: link pasted into
any value appears literally in a warning; nothing of it becomes an element, a link or a dialog."""

import re
from urllib.parse import quote

import pytest
from live import wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

IMG = "<img src=x onerror=alert(1)>"
LINK = "[click](javascript:alert(1))"
SCRIPT = "<script>alert(2)</script>"
# (page, query): a registry value, an unknown key, a position, a pasted comparison link, a cell of points.
CASES = [
    ("loss", f"compute={quote(IMG)}&{quote(LINK)}=1"),
    ("gpt_human", f"law={quote(LINK)}&origin={quote(IMG)}"),
    ("bio_anchors", f"position={quote(SCRIPT)}&hw_halving={quote(LINK)}"),
    ("trends", f"domain={quote(IMG)}"),
    ("fit", "points=" + quote(f"compute,loss\n{IMG},2\n1e19,2.8\n1e20,2.6\n1e21,2.5\n")),
    ("compare", f"a={quote('/loss?compute=' + IMG)}&b={quote(LINK)}"),
]


@pytest.mark.parametrize("path, query", CASES, ids=[c[0] for c in CASES])
def test_markup_in_a_link_is_inert_text(server, page, path, query):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/{path}?{query}")
    wait_for_app(page)
    alerts = page.locator("[data-testid=stAlert]")
    expect(alerts.first).to_be_visible()
    text = " ".join(alerts.all_inner_texts())
    assert re.search(r"<img src=x onerror=alert\(1\)>|\[click\]\(javascript:alert\(1\)\)|<script>alert\(2\)</script>",
                     text), text
    # Nothing became markup: no image with that source, no javascript: link, no injected script, no dialog.
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.evaluate("() => [...document.scripts].filter(s => s.textContent.includes('alert(2)')).length") == 0
    page.wait_for_timeout(300)
    assert dialogs == []
    expect(page.get_by_test_id("stException")).to_have_count(0)
