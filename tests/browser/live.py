"""Browser-tier helpers: a live `streamlit run` on a free local port, and Chromium settings."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Streamlit probes <page>/_stcore/health and host-config before the root ones when a
# page is opened by its own path (streamlit/streamlit#7074); those 404s are harmless.
KNOWN_404 = ("/_stcore/health", "/_stcore/host-config")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(app: Path, port: int, *extra: str) -> subprocess.Popen:
    """``streamlit run app`` on a loopback port (``extra``: more server flags), once it answers its health check."""
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false", *extra],
        # A file, not a pipe: an unread pipe would stall a chatty server.
        cwd=app.parent, stdout=subprocess.DEVNULL, stderr=log, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    log.seek(0)
    raise RuntimeError(f"streamlit did not become healthy: {log.read().decode()[-2000:]}")


@contextlib.contextmanager
def running_app(app: Path = ROOT / "app.py", *extra: str):
    """The app on a free loopback port for the ``with`` block; yields its base URL, then stops it."""
    proc = start_server(app, port := free_port(), *extra)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_for_app(pg, timeout: float = 30_000) -> None:
    """Connected and no script running: the rerun has finished and the page is drawn."""
    pg.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=timeout)
    pg.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=timeout)


def chart(pg, index: int = 0):
    """The index-th Plotly chart on the page, as drawn: its text is every label a person can read."""
    return pg.locator(".js-plotly-plot").nth(index)


def legend(pg, index: int = 0):
    """The legend entries of a chart, as the rendered text a person reads."""
    return chart(pg, index).locator(".legend")

