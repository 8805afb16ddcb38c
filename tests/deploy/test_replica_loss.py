"""A replica lost, nothing lost: two replicas behind Debian's nginx, one killed while sessions run.

Runs benchmarks/replica_loss.py's scenario at a small size (its checks are the issue's: the survivor's
sessions see no error, the lost replica's sessions reconnect to the survivor and draw exactly their
link's headlines, the same link gives the same view after the loss, new sessions load).
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "deploy"), str(ROOT / "tests" / "browser")]

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.skipif(shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
                       reason="needs Debian's nginx (make test installs nginx-light when run as root)"),
]


def test_losing_a_replica_loses_no_view() -> None:
    from replica_loss import run

    report = run(sessions=6, seconds=14, kill_after=5, page="gpt_human")
    assert report["on_lost_replica"] == 3 and report["on_survivor"] == 3
    assert report["survivor"]["errors"] == 0, report["survivor"]
    lost = report["lost_replica"]
    assert lost["saw"], "the lost replica's sessions should have seen their connection end"
    assert lost["reconnected_with_the_same_view"] == 3, lost
    assert report["same_link_same_view"]
    # Only the survivor is alive, so a new session that loads was served by it, whatever its cookie says.
    assert report["new_sessions"]["loaded"] == report["new_sessions"]["opened"] == 6
    assert report["passed"]


@pytest.mark.browser
def test_a_browser_on_the_lost_replica_reconnects_to_the_same_view() -> None:
    """What a person on the lost replica sees: Chromium through the proxy, its replica killed."""
    from live import CHROMIUM, CHROMIUM_ARGS, free_port, wait_for_app
    from replicas import Replicas

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    group = Replicas(2, free_port(), extra=("--server.disconnectedSessionTTL", "5")).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pg = browser.new_page(viewport={"width": 1440, "height": 900})
            sockets = []
            pg.on("websocket", lambda ws: sockets.append(ws))
            pg.goto(f"{group.url}/gpt_human?law=hoffmann&doubling=5")
            wait_for_app(pg, 60_000)
            metrics = pg.locator("[data-testid=stMetric]")
            metrics.first.wait_for()
            slider = pg.locator(".st-key-doubling").get_by_role("slider")
            before, address, value = metrics.all_inner_texts(), pg.url, slider.get_attribute("aria-valuetext")
            assert value == "5"
            route = next(c["value"] for c in pg.context.cookies() if c["name"] == "st_route")
            group.stop_replica(int(route.removeprefix("r")))
            # The frontend sees its websocket close, opens a new one through the proxy (to the
            # survivor, the only one left) and reruns the page from its address.
            deadline = time.monotonic() + 30
            while not (sockets[0].is_closed() and len(sockets) > 1) and time.monotonic() < deadline:
                pg.wait_for_timeout(100)
            assert len(sockets) > 1, "the page never opened a new connection after its replica was lost"
            wait_for_app(pg, 60_000)
            pg.wait_for_timeout(1000)
            assert pg.url == address
            assert slider.get_attribute("aria-valuetext") == value
            assert metrics.all_inner_texts() == before
            assert pg.locator("[data-testid=stException]").count() == 0
            browser.close()
    finally:
        group.stop()
