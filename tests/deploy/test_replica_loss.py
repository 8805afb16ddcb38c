"""A replica lost, nothing lost: two replicas behind Debian's nginx, one killed while sessions run.

Runs benchmarks/replica_loss.py's scenario at a small size (its checks are the issue's: the survivor's
sessions see no error, the lost replica's sessions reconnect to the survivor and draw exactly their
link's headlines, the same link gives the same view after the loss, new sessions load).
"""

from __future__ import annotations

import shutil
import sys
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
