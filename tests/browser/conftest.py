"""Browser tier fixtures: one live server per session, Debian's Chromium, a fresh page per test."""

import os

import pytest
from live import CHROMIUM, CHROMIUM_ARGS, KNOWN_404, running_app
from playwright.sync_api import expect

# Two cores run the server, Chromium and pytest at once; a rerun under that load can
# take several seconds, so give assertions room before calling them failures.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="session")
def server():
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.console_errors = []  # type: ignore[attr-defined]

    def on_console(msg):
        if msg.type == "error" and not any(k in (msg.location.get("url") or "") for k in KNOWN_404):
            pg.console_errors.append(msg.text)

    pg.on("console", on_console)
    pg.on("pageerror", lambda err: pg.console_errors.append(str(err)))
    yield pg
    context.close()


VIEWPORTS = {"desktop": (1440, 900), "phone": (390, 844)}


@pytest.fixture(params=list(VIEWPORTS))
def sized_page(request, browser):
    """A fresh page at each viewport, collecting console errors as the shared ``page`` fixture does."""
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.on("console", lambda msg: msg.type == "error" and not any(k in (msg.location.get("url") or "")
                                                                  for k in KNOWN_404)
          and pg.console_errors.append(msg.text))
    pg.on("pageerror", lambda err: pg.console_errors.append(str(err)))
    yield pg
    context.close()
