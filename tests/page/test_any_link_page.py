"""Any link opens every page: rendered by AppTest, no exception element, no NaN or inf in what it says,
every bad value named in a warning (the first few, the rest counted), the values used within bounds.

The generator is tests/fuzz/links.py; ``make fuzz`` renders 1,000 of these, this file ~100 per page.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from links import PAGES, check_page, decode, pure_path, query_strings  # noqa: E402

APP = str(Path(__file__).resolve().parents[2] / "app.py")
CASES = 100


def render(page: str, raw: dict[str, list[str]]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, values in raw.items():
        at.query_params[key] = values
    at.switch_page(PAGES[page].path)
    return at.run()


@pytest.mark.parametrize("page", sorted(PAGES))
def test_any_link_opens_the_page(page):
    @settings(max_examples=CASES, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(query=query_strings(page))
    def run(query: str) -> None:
        raw = decode(query)
        check_page(render(page, raw), page, pure_path(page, raw))

    run()
