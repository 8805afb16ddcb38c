"""Web tier fixtures: one live server (``streamlit run app.py``, as ``make run`` starts it) for the module."""

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from live import ROOT, free_port, start_server  # noqa: E402


@pytest.fixture(scope="session")
def server():
    port = free_port()
    proc = start_server(ROOT / "app.py", port)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
