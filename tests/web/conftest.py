"""Web tier fixtures: one live server (``streamlit run app.py``, as ``make run`` starts it) for the session."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from live import running_app  # noqa: E402


@pytest.fixture(scope="session")
def server():
    with running_app() as url:
        yield url
