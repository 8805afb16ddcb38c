"""Every button and page link the app draws changes what it says it changes: the address or the numbers.

A control inside a fragment reruns only that fragment, so a callback that sets controls outside it
changed nothing on screen (the GPT-human page's origin button, "Switch on our ranges"): AppTest
reruns whole scripts and cannot see that, so this runs in Chromium. Each page opens at a link
where every control it draws has something to do (a moved value for "Reset", the uncertainty
view on, two views other than the example on Compare), then each visible button and page link is
clicked on a fresh load, and the address or the headline numbers must change.
"""

from __future__ import annotations

import time
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from live import wait_for_app

from lib.chains import CHAINS
from lib.core.ranges import width_key

pytestmark = pytest.mark.browser

_A = quote("/bio_anchors?hw_halving=1.5", safe="")
_B = quote("/bio_anchors?spend_doubling=1.5", safe="")
START = (
    "/?",
    "/loss?compute=1e25",
    "/gpt_human?doubling=5&samples=2000",
    "/gpt_human?origin=latest",
    "/bio_anchors?hw_halving=2&samples=2000",
    "/trends?until=2022",
    "/fit",
    f"/compare?a={_A}&b={_B}",
    "/sources",
)
# Each chain with the uncertainty view on and every sourced range off: where the chain has ranges of
# this project's own, the page offers to switch them on.
START += tuple(f"/{c.url_path}?samples=2000&" + "&".join(f"{width_key(p.key)}=0" for p in c.params.params
                                                        if p.spread is not None and p.spread.sourced)
               for c in CHAINS)
CONTROLS = "[data-testid=stButton] button, [data-testid=stPageLink] a"


def _state(pg) -> tuple[tuple[tuple[str, str], ...], str, tuple[str, ...]]:
    """What a control may change: the address (its page and its values, in any order), every number."""
    url = urlsplit(pg.url)
    texts = pg.locator("[data-testid=stMetric], [data-testid=stMarkdownContainer] table").all_inner_texts()
    return tuple(sorted(parse_qsl(url.query))), url.path, tuple(texts)


def _open(pg, url: str) -> None:
    """Open ``url`` and wait until it is drawn: no script running and its controls all there for 3 s."""
    pg.goto(url)
    wait_for_app(pg)
    pg.locator("h1").first.wait_for()
    counts: list[int] = []
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline and not (len(counts) >= 3 and len(set(counts[-3:])) == 1):
        wait_for_app(pg)
        counts.append(pg.locator(CONTROLS).count())
        time.sleep(1.0)


def _controls(pg) -> list:
    return [c for c in pg.locator(CONTROLS).all() if c.is_visible()]


@pytest.mark.parametrize("start", START)
def test_every_button_and_link_changes_the_view(server, page, start):
    _open(page, server + start)
    labels = [c.inner_text().strip() for c in _controls(page)]
    assert labels or start == "/sources", f"no control on {start}"
    dead = []
    for i, label in enumerate(labels):
        _open(page, server + start)
        control = _controls(page)[i]
        assert control.inner_text().strip() == label
        before = _state(page)
        control.click()
        deadline = time.monotonic() + 20
        while _state(page) == before and time.monotonic() < deadline:
            time.sleep(0.25)
        if _state(page) == before:
            dead.append(label)
    assert not dead, f"on {start}, these changed neither the address nor any number: {dead}"
    assert not page.console_errors, page.console_errors
