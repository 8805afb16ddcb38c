"""A replica lost, nothing lost: two replicas behind nginx, load through the proxy, one replica killed mid-run.

Steps: start deploy/replicas.py's two replicas and nginx; N websocket sessions (benchmarks/load.py's
client) open shared links through the proxy and move sliders; after ``--kill-after`` seconds replica 0
is killed (SIGKILL, as a crashed host). Then:

- sessions on the surviving replica must see no error at all;
- each session of the lost replica sees its connection close, then reconnects as the browser does
  (same cookie, same address): the proxy sends it to the survivor, and its page must draw exactly the
  headlines the same link drew before the loss (the address carries the whole view);
- new sessions opened after the loss must all load, on the survivor.

    .venv/bin/python benchmarks/replica_loss.py [--sessions 12] [--seconds 30] [--kill-after 10]

Prints one JSON line with what each group saw; exits 1 if any of the three checks fails.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "deploy"), str(ROOT / "tests" / "browser")]
from load import SHORT_TTL, Session, Stats, percentile, run_sessions, shared_links  # noqa: E402
from replicas import Replicas  # noqa: E402

from lib.chains import CHAINS  # noqa: E402


async def view(base: str, page: str, query: str, key: str, cookie: str | None = None) -> Session:
    """One fresh load of a link: the session after its first run (its headlines in ``metrics``)."""
    s = Session(base, page, query, key, Stats(), random.Random(0), cookie=cookie)
    await s.run(time.monotonic())
    return s


async def scenario(group: Replicas, page: str, sessions: int, seconds: float, kill_after: float) -> dict:
    key = next(c.key_slider for c in CHAINS if c.url_path == page)
    links = shared_links(page, sessions, random.Random(3))
    base = group.url
    stats = [Stats() for _ in range(sessions)]
    # Viewers the proxy has already placed, half on each replica (their cookies say where), so every
    # run has sessions on both sides of the loss; the new sessions below arrive without a cookie.
    clients = [Session(base, page, links[i], key, stats[i], random.Random(i), cookie=f"r{i % 2}")
               for i in range(sessions)]
    reference = await view(base, page, links[0], key)  # a shared link's view before the loss
    until = time.monotonic() + seconds
    kill_at = time.monotonic() + kill_after

    async def killer() -> float:
        await asyncio.sleep(max(0.0, kill_at - time.monotonic()))
        group.stop_replica(0)
        return time.monotonic()

    *_, killed = await asyncio.gather(*(c.run(until) for c in clients), killer())
    lost_route = "r0"
    lost = [c for c in clients if c.route == lost_route]
    kept = [c for c in clients if c.route != lost_route]
    report: dict = {"page": page, "sessions": sessions, "on_lost_replica": len(lost), "on_survivor": len(kept)}

    # The survivor's sessions: untouched.
    kept_errors = [e for c in kept for e in c.stats.errors]
    kept_times = [t for c in kept for t in c.stats.times_ms]
    report["survivor"] = {"errors": len(kept_errors), "reruns": len(kept_times),
                          "p95_ms": percentile(kept_times, 0.95), "error_kinds": sorted(set(kept_errors))[:3]}

    # The lost replica's sessions: what they saw, then a reconnect with the same cookie and address.
    saw = sorted({e.split(":")[0] for c in lost for e in c.stats.errors})
    restored, differ = 0, []
    for c in lost:
        before = await view(base, page, c.query, key)  # the same link, opened by someone else now
        again = await view(base, page, c.query, key, cookie=c.cookie)
        if again.stats.errors or not again.metrics:
            differ.append({"query": c.query[:80], "errors": again.stats.errors[:2]})
        elif again.metrics != before.metrics:
            differ.append({"query": c.query[:80], "metrics": "differ"})
        else:
            restored += 1
    report["lost_replica"] = {"saw": saw, "closed_after_kill_s": [round(c.closed_at - killed, 2) for c in lost
                                                                   if c.closed_at is not None][:5],
                              "reconnected_with_the_same_view": restored, "not_restored": differ[:3]}

    # A link opened before the loss gives the same headlines after it.
    link = links[0]
    after = await view(base, page, link, key)
    report["same_link_same_view"] = bool(reference.metrics) and after.metrics == reference.metrics

    # New viewers after the loss: every one loads, whichever route the proxy gives them.
    fresh = [await view(base, page, links[i % len(links)], key) for i in range(6)]
    report["new_sessions"] = {"opened": len(fresh), "loaded": sum(1 for s in fresh if s.metrics and not s.stats.errors),
                              "routes": sorted({s.route or "?" for s in fresh})}
    return report


def run(sessions: int = 12, seconds: float = 30, kill_after: float = 10, page: str = "loss") -> dict:
    """The whole scenario on a fresh pair of replicas; the report with ``passed`` set."""
    group = Replicas.on_free_ports(2, extra=SHORT_TTL).start()
    try:
        report = run_sessions(scenario(group, page, sessions, seconds, kill_after))
    finally:
        group.stop()
    lost = report["lost_replica"]
    report["passed"] = (report["on_lost_replica"] > 0 and report["on_survivor"] > 0
                        and report["survivor"]["errors"] == 0 and lost["not_restored"] == []
                        and report["same_link_same_view"]
                        and report["new_sessions"]["loaded"] == report["new_sessions"]["opened"])
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=12)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--kill-after", type=float, default=10)
    parser.add_argument("--page", default="loss")
    args = parser.parse_args()
    report = run(args.sessions, args.seconds, args.kill_after, args.page)
    print(json.dumps(report))
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
