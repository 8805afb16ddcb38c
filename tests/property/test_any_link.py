"""Any link a person or a bot could paste: every page's pure path and the CLI take it without an exception.

The generator is tests/fuzz/links.py; ``make fuzz`` runs 10,000 of these cases, this file a few
hundred per page. Each case: values within bounds, every headline a finite number or a reason,
and the command line exits 0 or 2 with one line, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from links import PAGES, cli_path, decode, pure_path, query_strings  # noqa: E402

CASES = 200


def _case(page: str):
    @settings(max_examples=CASES, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(query=query_strings(page))
    def run(query: str) -> None:
        raw = decode(query)
        pure_path(page, raw)
        cli_path(page, raw)

    return run


@pytest.mark.parametrize("page", sorted(PAGES))
def test_any_link_runs_the_pure_path_and_the_cli(page):
    _case(page)()
