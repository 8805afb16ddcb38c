"""A replica lost, nothing lost: two replicas behind Debian's nginx, one killed while sessions run.

Runs benchmarks/replica_loss.py's scenario at a small size (its checks are the issue's: the survivor's
sessions see no error, the lost replica's sessions reconnect to the survivor and draw exactly their
link's headlines, the same link gives the same view after the loss, new sessions load).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "deploy"), str(ROOT / "tests" / "browser")]
from replicas import NGINX, Replicas, static_files  # noqa: E402

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.skipif(not Path(NGINX).exists(),
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


def test_the_proxy_serves_streamlits_frontend_files_whole_and_typed() -> None:
    """Two faults a websocket-only check cannot see, both of which left pages without charts: nginx
    workers that could not write their temp files cut large responses short, and files served
    as text/plain are refused as module scripts."""
    import urllib.request

    biggest = max(static_files().glob("js/*.js"), key=lambda p: p.stat().st_size)
    group = Replicas.on_free_ports(2).start()
    try:
        for name in (f"js/{biggest.name}", next(static_files().glob("css/*.css")).relative_to(static_files())):
            with urllib.request.urlopen(f"{group.url}/static/{name}", timeout=20) as r:
                body = r.read()
                kind = r.headers["Content-Type"]
            assert body == (static_files() / name).read_bytes(), name
            assert kind.startswith("application/javascript" if str(name).endswith(".js") else "text/css"), kind
        group.stop_replica(0)
        group.stop_replica(1)
        # With every replica gone the frontend files still come whole: a page mid-load keeps loading.
        with urllib.request.urlopen(f"{group.url}/static/js/{biggest.name}", timeout=20) as r:
            assert len(r.read()) == biggest.stat().st_size
    finally:
        group.stop()
