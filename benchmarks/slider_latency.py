"""Slider-keypress-to-redrawn-chart latency of each page, as a ratio to the stack's own floor.

One run, one headless Chromium, two `streamlit run` servers on free loopback ports: the floor
(benchmarks/baseline_app.py: one select-slider, one Plotly chart) and the real app (app.py). For each
target the slider is focused once, then arrow keys bounce its value up and down one step at a time;
each press is timed inside the page, from just before the key until the first chart shows a new
value and Streamlit reports the rerun finished (data-test-script-state=notRunning). Targets take turns
in small blocks so machine noise hits them alike. The models' own compute time is timed in-process.

    .venv/bin/python benchmarks/slider_latency.py [--presses 40] [--pages loss]

Prints a table and writes benchmarks/results/latest.json. Exits non-zero only when it cannot run;
a slow result is a number to read, never a failure (shared/DESIGN.md, "Performance").
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser")]
from live import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402  (the browser tests' settings)

RESULTS = ROOT / "benchmarks" / "results"

# Reads the x of the baseline chart's "At your budget" marker.
BUDGET_X = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const trace = plot && plot.data && plot.data.find(t => t.name === 'At your budget');
  return trace ? trace.x[0] : null;
}"""

# Any page: a cheap signature of every chart's drawn data (ends and middle of each trace, as Plotly
# decoded them) and its labels, which changes whenever a slider step changes what is drawn.
CHART_SIGNATURE = """() => {
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
  if (!plots.length || !plots[0]._fullData) return null;
  return plots.map(p => (p._fullData || []).map(t => {
    const x = t.x || [], y = t.y || [];
    return [x.length, x[0], x[x.length - 1], y[y.length >> 1], y[y.length - 1]].join(',');
  }).join(';') + '|' + ((p.layout && p.layout.annotations) || []).map(a => a.text).join(',')).join('#');
}"""

Timer = Callable[[], Callable[[], object]]  # set-up (untimed) returning the call to time


@dataclass(frozen=True)
class Target:
    """One thing to press on. ``chart_js`` returns a value of the page's first chart that changes
    whenever the slider moves one step; ``timers`` name in-process work to time (set-up untimed)."""

    name: str
    app: str  # "baseline" or "app"
    path: str
    slider_key: str
    chart_js: str
    timers: dict[str, Timer] = field(default_factory=dict)


# ---- in-process timers -------------------------------------------------------------------------

def _baseline_model() -> Callable[[], object]:
    x = np.logspace(18, 32, 300)
    return lambda: 2.57 * (x / 8.64e19) ** -0.048 + 0.1 * np.sin(np.log10(x) - 23.5)


def _baseline_figures() -> Callable[[], object]:
    import plotly.graph_objects as go
    import plotly.io as pio

    x = np.logspace(18, 32, 300)
    y = 2.57 * (x / 8.64e19) ** -0.048

    def build() -> str:
        fig = go.Figure(go.Scatter(x=x, y=y, mode="lines", name="curve"))
        fig.add_trace(go.Scatter(x=[3.16e23], y=[1.7], mode="markers", name="At your budget"))
        fig.update_xaxes(type="log")
        return pio.to_json(fig, validate=False)  # what st.plotly_chart sends
    return build


def _chain_model(key: str) -> Timer:
    """One rerun's model work for a chain: its full single-view result at the defaults."""
    def setup() -> Callable[[], object]:
        from lib.chains import get

        chain = get(key)
        values = chain.params.defaults()
        return lambda: chain.run(values)
    return setup


def _chain_batch(key: str, n: int = 1000) -> Timer:
    """The headlines of ``n`` parameter sets in one vectorised call (what the discussion tools do)."""
    def setup() -> Callable[[], object]:
        from lib.chains import get

        chain = get(key)
        p = chain.params[chain.key_slider]
        values = {p.key: np.linspace(p.min, p.max, n)}
        return lambda: chain.run_batch(values)
    return setup


BASELINE = Target("baseline", "baseline", "/", "x", BUDGET_X,
                  {"model": _baseline_model, "figures+json": _baseline_figures})

# Every chain's page, from the one tuple of chains: its URL path, the slider it declares for this
# benchmark, and the generic chart signature.
def _pages() -> dict[str, Target]:
    from lib.chains import CHAINS

    return {c.key: Target(c.key, "app", f"/{c.url_path}", c.key_slider, CHART_SIGNATURE,
                          {"model": _chain_model(c.key), "headlines x1000": _chain_batch(c.key)}) for c in CHAINS}


PAGES: dict[str, Target] = _pages()


def time_calls(fn: Callable[[], object], calls: int, warmup: int = 10) -> dict[str, float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(calls):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1e3)
    return {"median_ms": statistics.median(samples), "p95_ms": float(np.percentile(samples, 95)), "calls": calls}


# ---- servers -----------------------------------------------------------------------------------

class Server:
    """`streamlit run` on a free loopback port, from the repo root (so .streamlit/config.toml,
    the app's config, applies to the baseline too)."""

    def __init__(self, app: Path, extra_args: list[str]):
        self.port = free_port()
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", *extra_args],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self.log, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_healthy(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"streamlit on port {self.port} did not become healthy:\n{self.tail()}")

    def tail(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-2000:]

    def rss_mb(self) -> float | None:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log.close()


# ---- in-page timing ----------------------------------------------------------------------------

# Before the app's scripts run: note when the browser sends on Streamlit's websocket (the rerun
# request) and when messages come back, relative to the armed press.
WS_HOOK = """(() => {
  const w = window.__benchWs = {armed: false, sendT: null, firstMsgT: null, lastMsgT: null};
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (w.armed && w.sendT === null) w.sendT = performance.now();
    if (!this.__benchHooked) {
      this.__benchHooked = true;
      this.addEventListener('message', () => {
        if (w.sendT === null) return;
        const t = performance.now();
        if (w.firstMsgT === null) w.firstMsgT = t;
        w.lastMsgT = t;
      });
    }
    return send.call(this, data);
  };
})();"""

# Arm one press: t0 now, the chart's current value, then watch (MutationObserver on stApp's
# attributes for the script state, plus a 2 ms poll for the chart) until the chart value has
# changed and the script state is notRunning. Returns whether the slider still has focus.
ARM = """(sliderSel) => {
  const read = window.__benchRead;
  const app = document.querySelector('[data-testid=stApp]');
  const w = window.__benchWs;
  Object.assign(w, {armed: true, sendT: null, firstMsgT: null, lastMsgT: null});
  const b = window.__bench = {t0: 0, before: read(), after: null,
                              running: null, chart: null, done: null, send: null, firstMsg: null, lastMsg: null};
  let obs, iv;
  const check = () => {
    if (b.done !== null) return;
    const now = performance.now();
    const state = app.getAttribute('data-test-script-state');
    if (b.running === null && state === 'running') b.running = now;
    if (b.chart === null) {
      const v = read();
      if (v !== null && v !== b.before) { b.chart = now; b.after = v; }
    }
    if (b.chart !== null && state === 'notRunning') {
      b.done = now;
      b.send = w.sendT; b.firstMsg = w.firstMsgT; b.lastMsg = w.lastMsgT; w.armed = false;
      obs.disconnect(); clearInterval(iv);
    }
  };
  obs = new MutationObserver(check);
  obs.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  iv = setInterval(check, 2);
  const focused = document.activeElement && document.activeElement.matches(sliderSel);
  b.t0 = performance.now();
  return focused;
}"""

RESULT = """() => {
  const b = window.__bench, rel = t => (t === null ? null : t - b.t0);
  return {before: b.before, after: b.after, send: rel(b.send), first_msg: rel(b.firstMsg),
          running: rel(b.running), chart: rel(b.chart), last_msg: rel(b.lastMsg), done: rel(b.done)};
}"""

PHASES = ("send", "running", "first_msg", "chart", "last_msg", "done")


class Driver:
    """One browser context and page per target, kept open and warm for the whole run."""

    def __init__(self, browser, target: Target, base_url: str, span: int, timeout_ms: float):
        self.target, self.span, self.timeout_ms = target, span, timeout_ms
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.add_init_script(WS_HOOK)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.set_default_timeout(timeout_ms)
        self.page.goto(base_url + target.path)
        self.page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=60_000)
        self.page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
        self.page.evaluate(f"window.__benchRead = {target.chart_js}")
        self.page.wait_for_function("() => window.__benchRead() !== null", timeout=60_000)
        self.slider_sel = f".st-key-{target.slider_key} [role=slider]"
        self.slider = self.page.locator(f".st-key-{target.slider_key}").get_by_role("slider")
        self.slider.focus()
        self.presses = 0
        self.samples: list[dict] = []
        self.timeouts = 0
        self.refocused = 0

    def press(self) -> dict | None:
        key = "ArrowRight" if (self.presses // self.span) % 2 == 0 else "ArrowLeft"
        self.presses += 1
        if not self.page.evaluate(ARM, self.slider_sel):
            self.refocused += 1  # lost focus (should not happen): refocus and re-arm, untimed
            self.slider.focus()
            self.page.evaluate(ARM, self.slider_sel)
        self.page.keyboard.press(key)
        try:
            self.page.wait_for_function("() => window.__bench.done !== null", timeout=self.timeout_ms)
        except Exception:  # playwright TimeoutError: count it, let the caller decide
            self.timeouts += 1
            self.page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]")
            return None
        return self.page.evaluate(RESULT)

    def close(self) -> None:
        self.context.close()


def summarize(samples: list[dict]) -> dict:
    total = [s["done"] for s in samples]
    out = {"n": len(total), "median_ms": statistics.median(total), "p95_ms": float(np.percentile(total, 95)),
           "min_ms": min(total), "max_ms": max(total), "phases_median_ms": {}}
    for ph in PHASES:
        vals = [s[ph] for s in samples if s[ph] is not None]
        out["phases_median_ms"][ph] = statistics.median(vals) if vals else None
    return out


def git_state() -> dict[str, object]:
    """The commit measured, and which tracked files differed from it (a run can straddle edits)."""
    def git(*a: str) -> str:
        return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout
    try:
        return {"commit": git("rev-parse", "--short", "HEAD").strip(),
                "modified": [ln[3:] for ln in git("status", "--porcelain", "--untracked-files=no").splitlines()]}
    except (OSError, subprocess.SubprocessError):
        return {}


def fmt(x: float | None, spec: str = ".0f") -> str:
    return "-" if x is None else format(x, spec)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--presses", type=int, default=40, help="measured presses per target (default 40)")
    ap.add_argument("--warmup", type=int, default=5, help="discarded presses per target (default 5)")
    ap.add_argument("--block", type=int, default=5, help="presses per target per round-robin turn")
    ap.add_argument("--span", type=int, default=10, help="presses before the slider changes direction")
    ap.add_argument("--gap-ms", type=float, default=150, help="idle time after each press")
    ap.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, from: {', '.join(PAGES)}")
    ap.add_argument("--model-calls", type=int, default=200, help="calls per in-process timer")
    ap.add_argument("--timeout-ms", type=float, default=15_000, help="per press")
    ap.add_argument("--max-seconds", type=float, default=900, help="stop measuring after this long")
    ap.add_argument("--server-arg", action="append", default=[],
                    help="extra `streamlit run` flag for both servers, e.g. --server-arg=--runner.postScriptGC=true")
    ap.add_argument("--query", default="",
                    help="query for every app page, e.g. --query samples=2000 (the uncertainty view on)")
    ap.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    args = ap.parse_args()

    names = [n.strip() for n in args.pages.split(",") if n.strip()]
    unknown = [n for n in names if n not in PAGES]
    if unknown:
        ap.error(f"unknown page(s) {', '.join(unknown)}; known: {', '.join(PAGES)}")
    targets = [BASELINE, *(replace(PAGES[n], path=f"{PAGES[n].path}?{args.query}") if args.query else PAGES[n]
                           for n in names)]
    if not os.path.exists(CHROMIUM):
        print(f"error: {CHROMIUM} not found (make chromium installs it as root)", file=sys.stderr)
        return 2

    print(f"in-process timers ({args.model_calls} calls each) ...", flush=True)
    compute = {t.name: {k: time_calls(factory(), args.model_calls) for k, factory in t.timers.items()}
               for t in targets}

    from playwright.sync_api import sync_playwright

    servers: dict[str, Server] = {}
    drivers: list[Driver] = []
    truncated = False
    started = time.monotonic()
    try:
        servers["baseline"] = Server(ROOT / "benchmarks" / "baseline_app.py", args.server_arg)
        if any(t.app == "app" for t in targets):
            servers["app"] = Server(ROOT / "app.py", args.server_arg)
        for s in servers.values():
            s.wait_healthy()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                chromium_version = browser.version
                for t in targets:
                    drivers.append(Driver(browser, t, servers[t.app].url, args.span, args.timeout_ms))
                print(f"warm-up: {args.warmup} presses per target ...", flush=True)
                for d in drivers:
                    d.page.bring_to_front()
                    for _ in range(args.warmup):
                        d.press()
                        time.sleep(args.gap_ms / 1e3)
                    d.timeouts = d.refocused = 0
                print(f"measuring: {args.presses} presses per target, blocks of {args.block} ...", flush=True)
                rounds = -(-args.presses // args.block)
                for r in range(rounds):
                    if time.monotonic() - started > args.max_seconds:
                        truncated = True
                        print(f"note: stopped after {args.max_seconds:.0f} s (--max-seconds)", file=sys.stderr)
                        break
                    for d in drivers:
                        d.page.bring_to_front()
                        for _ in range(min(args.block, args.presses - len(d.samples))):
                            sample = d.press()
                            if sample is not None:
                                d.samples.append(sample)
                            elif d.timeouts > 3:
                                raise RuntimeError(f"{d.target.name}: chart did not redraw after "
                                                   f"{d.timeouts} presses (timeout {args.timeout_ms:.0f} ms)")
                            time.sleep(args.gap_ms / 1e3)
                rss = {name: s.rss_mb() for name, s in servers.items()}
                errors = {d.target.name: d.errors for d in drivers if d.errors}
                samples = {d.target.name: d.samples for d in drivers}
                timeouts = {d.target.name: d.timeouts for d in drivers}
                refocused = {d.target.name: d.refocused for d in drivers}
                for d in drivers:
                    d.close()
            finally:
                browser.close()
    finally:
        for s in servers.values():
            s.stop()

    for name, ss in samples.items():
        if not ss:
            raise RuntimeError(f"{name}: no successful presses")
    stats = {name: summarize(ss) for name, ss in samples.items()}
    base = stats["baseline"]
    for name, st_ in stats.items():
        st_["ratio_median"] = st_["median_ms"] / base["median_ms"]
        st_["ratio_p95"] = st_["p95_ms"] / base["p95_ms"]

    import streamlit
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "git": git_state(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "streamlit": streamlit.__version__,
                    "chromium": chromium_version},
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "truncated": truncated,
        "targets": {t.name: {"path": t.path, "slider_key": t.slider_key, **stats[t.name],
                             "timeouts": timeouts[t.name], "refocused": refocused[t.name],
                             "compute": compute[t.name], "samples": samples[t.name]} for t in targets},
        "server_rss_mb": rss,
        "page_errors": errors,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))

    g = report["git"]
    code = f"{g.get('commit', '?')}{' + uncommitted edits' if g.get('modified') else ''}"
    print(f"\nSlider keypress -> chart redrawn and rerun finished (ms; code {code}; {os.cpu_count()} CPUs, "
          f"Streamlit {streamlit.__version__}, Chromium {chromium_version})")
    print(f"{'target':<12}{'n':>4}{'median':>9}{'p95':>8}{'x median':>10}{'x p95':>8}")
    for t in targets:
        s = stats[t.name]
        print(f"{t.name:<12}{s['n']:>4}{s['median_ms']:>9.0f}{s['p95_ms']:>8.0f}"
              f"{s['ratio_median']:>10.2f}{s['ratio_p95']:>8.2f}")
    print("\nMedian time from the key to each phase (ms): ws send = rerun requested; running = script "
          "state; first/last msg = server deltas arrive; chart = new value in the chart; done = notRunning")
    print(f"{'target':<12}" + "".join(f"{ph:>10}" for ph in PHASES))
    for t in targets:
        ph = stats[t.name]["phases_median_ms"]
        print(f"{t.name:<12}" + "".join(f"{fmt(ph[k]):>10}" for k in PHASES))
    print(f"\nIn-process compute (ms, median / p95 of {args.model_calls} calls)")
    for t in targets:
        for k, v in compute[t.name].items():
            print(f"{t.name:<12}{k:<14}{v['median_ms']:>8.2f} /{v['p95_ms']:>7.2f}")
    print("\nserver RSS (MB): " + ", ".join(f"{k} {fmt(v)}" for k, v in rss.items()))
    if errors:
        print(f"page errors: {errors}")
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
