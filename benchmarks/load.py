"""Many viewers at once: N sessions open shared links and move sliders at a human pace for S seconds.

Each session speaks Streamlit's own websocket protocol (``/_stcore/stream``, BackMsg/ForwardMsg
protobufs), as the browser does: it opens a random shared link of the page (a named position or a
preset, and a random stop of the key slider), then, every 2-6 s, moves the page's key slider one stop
and sends the rerun the browser would send (the slider's new value, inside the page's fragment).
A rerun's time runs from sending it to the server's ``script_finished``. So the load measures the
server, not thirty browsers on two cores; ``--browsers K`` drives K real Chromium pages alongside,
each in its own browser process (see benchmarks/README.md: Chromium throttles timers in pages it
thinks hidden, which once looked like a server that lost slider presses).

    .venv/bin/python benchmarks/load.py --sessions 30 --seconds 60 [--page loss] [--url URL] [--browsers 3]
                                        [--replicas 2] [--cold]

``--cold`` skips the warm-up session, so the sessions are the first visitors after a (re)start; each
session's time from asking for its page to receiving its first chart is ``first_chart_*``.

Starts its own server (``streamlit run app.py``, disconnected sessions kept 5 s instead of 120 s, so
memory can be read after they close) unless ``--url`` is given; ``--replicas N`` starts N of them
behind nginx (deploy/replicas.py) and drives the proxy, summing the replicas' memory. The last line printed is JSON:
``{"sessions", "reruns", "p50_ms", "p95_ms", "max_ms", "errors", "rss_mb_before", "rss_mb_peak",
"rss_mb_after", ...}``; RSS is read from /proc for a server it started (or ``--pid``), else null.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import time
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlencode, urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser"), str(ROOT / "deploy")]
from live import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402
from live import start_server as start_live_server  # noqa: E402
from replicas import Replicas  # noqa: E402

from lib.chains import CHAINS  # noqa: E402
from lib.tools.links.model import link_to  # noqa: E402
from lib.tools.positions.model import POSITIONS  # noqa: E402

TIMEOUT_S = 30.0  # a rerun not finished by then counts as an error
PACE_S = (2.0, 6.0)  # seconds between one session's slider moves: a person reading the chart in between
FINISHED = ("FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY")


def shared_links(page: str, n: int, rng: random.Random) -> list[str]:
    """``n`` query strings a discussion would share for ``page``: positions, presets, key-slider stops."""
    chain = next((c for c in CHAINS if c.url_path == page), None)
    if chain is None:
        return [""] * n
    slider = chain.params[chain.key_slider]
    stops = slider.options or (slider.log_grid() if slider.scale == "log" else ())
    out = []
    for _ in range(n):
        kind = rng.choice(("position", "preset", "slider"))
        if kind == "position":
            out.append(urlencode({"position": rng.choice(POSITIONS).key}))
        elif kind == "preset" and chain.presets:
            out.append(link_to(chain, {**chain.params.defaults(), **rng.choice(chain.presets).values}).partition("?")[2])
        elif stops:
            out.append(urlencode({slider.key: slider.format_value(rng.choice(stops))}))
        else:
            out.append("")
    return out


@dataclass
class Stats:
    times_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    loads_ms: list[float] = field(default_factory=list)
    first_charts_ms: list[float] = field(default_factory=list)  # a link opened -> its first chart arrives


class Session:
    """One viewer: a websocket, the page's widgets as the server last drew them, the current query."""

    def __init__(self, base: str, page: str, query: str, key: str, stats: Stats, rng: random.Random,
                 cookie: str | None = None) -> None:
        self.base, self.page, self.query, self.key, self.stats, self.rng = base, page, query, key, stats, rng
        self.cookie = cookie  # behind a proxy: the sticky-session cookie, as the browser keeps it
        self.route: str | None = None  # the replica the proxy placed this session on (its cookie's value)
        self.metrics: dict[str, str] = {}  # each headline's label -> value, as last drawn
        self.closed_at: float | None = None  # when the server side went away
        self.slider: tuple[str, list[str], str] | None = None  # (widget id, options, fragment id)
        # A bound widget's first value comes from the address, as the browser reads it.
        self.value: str | None = (parse_qs(query).get(key) or [None])[-1]
        self.page_hash = ""  # the page's script hash, from the server's navigation message: reruns name it
        self.opened: float | None = None  # when this session asked for its page, until its first chart came

    async def _until_finished(self, ws) -> None:
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                which = element.WhichOneof("type")
                if which == "plotly_chart" and self.opened is not None:
                    self.stats.first_charts_ms.append((time.perf_counter() - self.opened) * 1000)
                    self.opened = None
                if which == "metric":
                    self.metrics[element.metric.label] = element.metric.body
                elif which == "exception":
                    self.stats.errors.append(f"exception: {element.exception.message[:120]}")
                elif which == "slider" and element.slider.id.endswith(f"-{self.key}"):
                    s = element.slider
                    self.slider = (s.id, list(s.options), msg.delta.fragment_id)
                    # The slider says its value when the server set it (a link, a preset); else the
                    # value is the one this session last sent, or the default the first time.
                    if s.options and (s.set_value or self.value not in s.options):
                        self.value = s.options[int(s.value[0] if s.set_value and s.value else s.default[0])]
            elif kind == "navigation" and msg.navigation.page_script_hash:
                self.page_hash = msg.navigation.page_script_hash  # the page st.navigation ran, as the browser keeps it
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                if status in FINISHED:
                    return
                if status != "FINISHED_EARLY_FOR_RERUN":
                    self.stats.errors.append(f"script finished: {status}")
                    return

    def _rerun(self, widget: WidgetState | None = None, fragment: str = "") -> bytes:
        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query
        state.page_name = "" if self.page_hash else self.page
        state.page_script_hash = self.page_hash
        state.fragment_id = fragment
        if widget is not None:
            state.widget_states.widgets.append(widget)
        return back.SerializeToString()

    async def run(self, until: float) -> None:
        url = self.base.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.base))
        try:
            headers = {"Cookie": f"st_route={self.cookie}"} if self.cookie else None
            async with websockets.connect(url, subprotocols=["streamlit"], origin=origin, max_size=2 ** 26,
                                          open_timeout=TIMEOUT_S, ping_interval=None,
                                          additional_headers=headers) as ws:
                given = ws.response.headers.get("Set-Cookie", "") if ws.response else ""
                if given.startswith("st_route="):
                    self.route = self.cookie = given.split(";")[0].partition("=")[2]
                start = self.opened = time.perf_counter()
                await ws.send(self._rerun())
                await asyncio.wait_for(self._until_finished(ws), TIMEOUT_S)
                self.stats.loads_ms.append((time.perf_counter() - start) * 1000)
                while time.monotonic() < until:
                    await asyncio.sleep(self.rng.uniform(*PACE_S))
                    if time.monotonic() >= until:
                        break
                    if self.slider is None or self.value not in self.slider[1]:
                        self.stats.errors.append(f"no '{self.key}' slider on the page")
                        return
                    wid, options, fragment = self.slider
                    i = options.index(self.value)
                    j = i + 1 if i == 0 or (i + 1 < len(options) and self.rng.random() < 0.5) else i - 1
                    self.value = options[j]
                    # The browser writes a bound widget's value into its address, and sends that address.
                    query = {k: v for k, v in parse_qs(self.query, keep_blank_values=True).items() if k != self.key}
                    self.query = urlencode({**query, self.key: [self.value]}, doseq=True)
                    widget = WidgetState(id=wid)
                    widget.string_array_value.data.append(self.value)
                    sent = time.perf_counter()
                    await ws.send(self._rerun(widget, fragment))
                    await asyncio.wait_for(self._until_finished(ws), TIMEOUT_S)
                    self.stats.times_ms.append((time.perf_counter() - sent) * 1000)
        except (asyncio.TimeoutError, TimeoutError):
            self.stats.errors.append(f"no script_finished within {TIMEOUT_S:.0f} s")
        except (websockets.WebSocketException, OSError) as err:
            self.closed_at = time.monotonic()
            self.stats.errors.append(f"connection: {type(err).__name__}: {str(err)[:100]}")


def browser_sessions(base: str, page: str, key: str, links: list[str], until: float, out: Stats) -> None:
    """Real Chromium pages beside the websocket sessions, each in its own browser process (own renderer)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pg = browser.new_page(viewport={"width": 1400, "height": 1000})
            got = [0]
            pg.on("websocket", lambda ws: ws.on("framereceived", lambda _: got.__setitem__(0, got[0] + 1)))
            pg.goto(f"{base}/{page}?{links[0]}")
            pg.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
            slider = pg.locator(f".st-key-{key}").get_by_role("slider")
            slider.focus()
            step = "ArrowRight"
            while time.monotonic() < until:
                time.sleep(random.uniform(*PACE_S))
                before, answers = slider.input_value(), got[0]
                start = time.perf_counter()
                pg.keyboard.press(step)
                try:
                    # The server's answer, not the page's brief "running" state: a starved renderer can
                    # miss a 30 ms rerun entirely (benchmarks/README.md, "Presses that start no rerun").
                    deadline = time.monotonic() + TIMEOUT_S
                    while got[0] == answers and time.monotonic() < deadline:
                        pg.wait_for_timeout(10)
                    if got[0] == answers:
                        raise TimeoutError
                    pg.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]",
                                         timeout=TIMEOUT_S * 1000)
                    out.times_ms.append((time.perf_counter() - start) * 1000)
                except Exception:
                    out.errors.append("browser: no answer from the server within 30 s of a key press")
                if slider.input_value() == before:
                    step = "ArrowLeft" if step == "ArrowRight" else "ArrowRight"
        finally:
            browser.close()


def rss_mb(pids: list[int]) -> float | None:
    """Resident memory of the server processes, summed (several replicas behind a proxy); None if unknown."""
    total = 0.0
    for pid in pids:
        try:
            lines = Path(f"/proc/{pid}/status").read_text().splitlines()
        except OSError:
            return None
        total += next((int(line.split()[1]) / 1024 for line in lines if line.startswith("VmRSS:")), 0.0)
    return round(total, 1) if pids else None


def run_sessions(coro: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coro)``, in a thread of its own: callers such as a pytest run whose Playwright
    sync API keeps an event loop running in the main thread cannot start another one there."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


# Disconnected sessions kept 5 s (not Streamlit's 120), so memory can be read after they close.
SHORT_TTL = ("--server.disconnectedSessionTTL", "5")


def start_server(port: int) -> subprocess.Popen:
    """The app with :data:`SHORT_TTL`."""
    return start_live_server(ROOT / "app.py", port, *SHORT_TTL)


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)


async def drive(base: str, page: str, sessions: int, seconds: float, pids: list[int], browsers: int,
                routes: tuple[str | None, ...] = (None,), cold: bool = False) -> dict:
    chain = next((c for c in CHAINS if c.url_path == page), None)
    key = chain.key_slider if chain else ""
    rng = random.Random(0)
    links = shared_links(page, sessions + browsers, rng)
    # One warm-up session per process (behind the proxy, one per route): imports and data loading
    # happen once per process, not per viewer.
    # ``cold``: none, so the first visitors after a deploy are measured (what the server's warm start is for).
    for route in routes if not cold else ():
        await Session(base, page, "", key, Stats(), random.Random(1), cookie=route).run(time.monotonic())
    if not cold:
        await asyncio.sleep(7)  # past the 5 s TTL, so the warm-up session is gone before the baseline is read
    before = rss_mb(pids)
    stats, seen = Stats(), Stats()
    until = time.monotonic() + seconds
    peak = before or 0.0

    async def sample() -> None:
        nonlocal peak
        while time.monotonic() < until + 5:
            peak = max(peak, rss_mb(pids) or 0.0)
            await asyncio.sleep(0.5)

    loop = asyncio.get_running_loop()
    real = [loop.run_in_executor(None, browser_sessions, base, page, key, links[sessions + i:sessions + i + 1],
                                 until, seen) for i in range(browsers)]
    clients = [Session(base, page, links[i], key, stats, random.Random(i + 2)) for i in range(sessions)]
    # Arrivals spread over the first seconds, as people clicking a link pasted into a chat.
    async def arrive(i: int, s: Session) -> None:
        await asyncio.sleep(rng.uniform(0, min(5.0, seconds / 4)))
        await s.run(until)

    await asyncio.gather(sample(), *(arrive(i, s) for i, s in enumerate(clients)), *real)
    await asyncio.sleep(8)  # sessions closed; past the TTL their state is dropped
    after = rss_mb(pids)
    times = stats.times_ms
    return {
        "sessions": sessions, "page": page, "seconds": seconds, "reruns": len(times),
        "p50_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95), "max_ms": round(max(times), 1) if times else None,
        "errors": len(stats.errors) + len(seen.errors),
        "rss_mb_before": before, "rss_mb_peak": round(peak, 1) if pids else None, "rss_mb_after": after,
        "load_p50_ms": percentile(stats.loads_ms, 0.5), "load_max_ms": round(max(stats.loads_ms), 1) if stats.loads_ms else None,
        "first_chart_p50_ms": percentile(stats.first_charts_ms, 0.5),
        "first_chart_max_ms": round(max(stats.first_charts_ms), 1) if stats.first_charts_ms else None,
        "cold": cold,
        "browsers": browsers, "browser_reruns": len(seen.times_ms), "browser_p95_ms": percentile(seen.times_ms, 0.95),
        "error_kinds": sorted(set(stats.errors + seen.errors))[:5],
        "reruns_per_s": round(len(times) / seconds, 1) if seconds else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--page", default="loss", help="the page's path: loss, gpt_human, bio_anchors, ...")
    parser.add_argument("--url", help="a running server (default: start one)")
    parser.add_argument("--pid", type=int, nargs="+", default=[],
                        help="the running server's process ids (several replicas: all of them), to read their memory")
    parser.add_argument("--browsers", type=int, default=0, help="real Chromium sessions alongside (default 0)")
    parser.add_argument("--replicas", type=int, default=0,
                        help="start this many replicas behind nginx (deploy/) instead of one server")
    parser.add_argument("--cold", action="store_true",
                        help="no warm-up session first: measure the first visitors after a (re)start")
    args = parser.parse_args()
    proc = group = None
    routes: tuple[str | None, ...] = (None,)
    if args.url:
        base, pids = args.url.rstrip("/"), args.pid
    elif args.replicas:
        group = Replicas.on_free_ports(args.replicas, extra=SHORT_TTL).start()
        base, pids = group.url, [s.pid for s in group.servers]
        routes = tuple(f"r{i}" for i in range(args.replicas))
    else:
        port = free_port()
        proc = start_server(port)
        base, pids = f"http://127.0.0.1:{port}", [proc.pid]
    try:
        report = run_sessions(drive(base, args.page, args.sessions, args.seconds, pids, args.browsers, routes,
                                    cold=args.cold))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
        if group is not None:
            group.stop()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
