"""What a person on a lost replica sees: Chromium through nginx, its replica killed (deploy/)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from live import ROOT, wait_for_app

sys.path.insert(0, str(ROOT / "deploy"))
from replicas import NGINX, Replicas  # noqa: E402

pytestmark = [
    pytest.mark.browser, pytest.mark.deploy,
    pytest.mark.skipif(not Path(NGINX).exists(),
                       reason="needs Debian's nginx (make test installs nginx-light when run as root)"),
]


def test_a_browser_on_the_lost_replica_reconnects_to_the_same_view(page) -> None:
    group = Replicas.on_free_ports(2, extra=("--server.disconnectedSessionTTL", "5")).start()
    try:
        sockets = []
        page.on("websocket", lambda ws: sockets.append(ws))
        page.goto(f"{group.url}/gpt_human?law=hoffmann&doubling=5")
        wait_for_app(page, 60_000)
        metrics = page.locator("[data-testid=stMetric]")
        metrics.first.wait_for()
        slider = page.locator(".st-key-doubling").get_by_role("slider")
        before, address, value = metrics.all_inner_texts(), page.url, slider.get_attribute("aria-valuetext")
        assert value == "5"
        charts = page.locator(".js-plotly-plot")
        charts.first.wait_for()  # the page's Plotly module came through the proxy whole
        route = next(c["value"] for c in page.context.cookies() if c["name"] == "st_route")
        group.stop_replica(int(route.removeprefix("r")))
        # The frontend sees its websocket close, opens a new one through the proxy (to the
        # survivor, the only one left) and reruns the page from its address.
        deadline = time.monotonic() + 30
        while not (sockets[0].is_closed() and len(sockets) > 1) and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        assert len(sockets) > 1, "the page never opened a new connection after its replica was lost"
        wait_for_app(page, 60_000)
        page.wait_for_timeout(1000)
        assert page.url == address
        assert slider.get_attribute("aria-valuetext") == value
        assert metrics.all_inner_texts() == before
        assert charts.count() > 0
        assert page.locator("[data-testid=stException]").count() == 0
        assert page.console_errors == []
    finally:
        group.stop()
