"""Slider presses that move the slider but start no rerun, with many real Chromium pages on one server.

The symptom this measures: with 10-20 Chromium sessions on one server, about half of the presses
moved the slider and started no rerun within 30 s. Each page opens the given page, then presses its
key slider at a human pace; a press counts as lost when the app's script state does not go to
"running" within ``--wait`` seconds. Three ways to hold the pages, one per ``--mode``:

- ``tabs``: every page a tab of one Chromium (one renderer per tab, but Chromium treats all but the
  focused one as in the background);
- ``tabs-unthrottled``: the same, with Chromium's background throttling switched off;
- ``processes``: every page in a Chromium of its own (each the focused page of its browser).

    .venv/bin/python benchmarks/lost_presses.py --pages 12 --presses 8 --mode tabs [--url URL]

Prints one JSON line: presses, lost, and the rerun times of the others. Starts its own server unless
``--url`` is given. Results and what they mean: benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests" / "browser")]
from live import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402
from load import PACE_S, percentile, start_server  # noqa: E402

from lib.chains import CHAINS  # noqa: E402

UNTHROTTLED = ["--disable-background-timer-throttling", "--disable-renderer-backgrounding",
               "--disable-backgrounding-occluded-windows"]
RUNNING = ("() => document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') "
           "=== 'running'")


def watched(pg):
    """The page, counting the websocket frames it sends (a rerun request is one)."""
    pg.sent_frames, pg.got_frames = [0], [0]

    def on_socket(ws) -> None:
        ws.on("framesent", lambda _: pg.sent_frames.__setitem__(0, pg.sent_frames[0] + 1))
        ws.on("framereceived", lambda _: pg.got_frames.__setitem__(0, pg.got_frames[0] + 1))

    pg.on("websocket", on_socket)
    return pg


def press_loop(pg, key: str, presses: int, wait_s: float, out: dict, lock: threading.Lock, rng: random.Random,
               pace: tuple[float, float] = PACE_S) -> None:
    slider = pg.locator(f".st-key-{key}").get_by_role("slider")
    slider.focus()
    step = "ArrowRight"
    sent = pg.sent_frames  # type: ignore[attr-defined]
    for _ in range(presses):
        time.sleep(rng.uniform(*pace))
        before = slider.input_value()
        frames, answers = sent[0], pg.got_frames[0]
        start = time.perf_counter()
        pg.keyboard.press(step)
        try:
            pg.wait_for_function(RUNNING, timeout=wait_s * 1000, polling=20)
            pg.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
            took, lost = (time.perf_counter() - start) * 1000, False
        except Exception:
            took, lost = None, True
        moved = slider.input_value() != before
        with lock:
            out["presses"] += 1
            out["lost"] += lost
            if lost:  # did the page send the server anything after the press? did the slider move?
                out["lost_sent"] += sent[0] > frames
                out["lost_moved"] += moved
                out["lost_answered"] += pg.got_frames[0] > answers  # the server did rerun: the page never showed it
            if took is not None:
                out["times"].append(took)
        if not moved:
            step = "ArrowLeft" if step == "ArrowRight" else "ArrowRight"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--presses", type=int, default=8)
    parser.add_argument("--page", default="loss")
    parser.add_argument("--mode", choices=("tabs", "tabs-unthrottled", "processes"), default="tabs")
    parser.add_argument("--wait", type=float, default=10.0, help="seconds a press may take to start its rerun")
    parser.add_argument("--url")
    args = parser.parse_args()
    key = next(c.key_slider for c in CHAINS if c.url_path == args.page)
    proc = None
    if args.url:
        base = args.url.rstrip("/")
    else:
        port = free_port()
        proc = start_server(port)
        base = f"http://127.0.0.1:{port}"
    out = {"presses": 0, "lost": 0, "lost_sent": 0, "lost_moved": 0, "lost_answered": 0, "times": []}
    lock = threading.Lock()
    try:
        from playwright.sync_api import sync_playwright

        def one_process(i: int) -> None:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                pg = watched(browser.new_page(viewport={"width": 1400, "height": 1000}))
                pg.goto(f"{base}/{args.page}")
                pg.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=90_000)
                press_loop(pg, key, args.presses, args.wait, out, lock, random.Random(i))
                browser.close()

        if args.mode == "processes":
            threads = [threading.Thread(target=one_process, args=(i,)) for i in range(args.pages)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        else:
            # One browser, one tab per viewer, driven in turn from one thread (Playwright's sync API is
            # single-threaded): each tab presses, then the next, so every tab but the one pressed is idle.
            with sync_playwright() as p:
                flags = CHROMIUM_ARGS + (UNTHROTTLED if args.mode == "tabs-unthrottled" else [])
                browser = p.chromium.launch(executable_path=CHROMIUM, args=flags)
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                tabs = []
                for _ in range(args.pages):
                    pg = watched(context.new_page())
                    pg.goto(f"{base}/{args.page}")
                    tabs.append(pg)
                for pg in tabs:
                    pg.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=90_000)
                rng = random.Random(0)
                for _ in range(args.presses):
                    for pg in tabs:
                        # Each tab waits its turn, so its own pace is already slower than a person's.
                        press_loop(pg, key, 1, args.wait, out, lock, rng, pace=(0.2, 0.6))
                browser.close()
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
    times = out["times"]
    print(json.dumps({"mode": args.mode, "pages": args.pages, "presses": out["presses"], "lost": out["lost"],
                      "lost_with_a_message_sent": out["lost_sent"], "lost_with_the_slider_moved": out["lost_moved"],
                      "lost_but_answered_by_the_server": out["lost_answered"],
                      "p50_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
