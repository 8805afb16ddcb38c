"""``make fuzz``: 10,000 links through every page's pure path and the CLI, 1,000 rendered by AppTest.

Prints each failure (page, where, the error, the link cut to 160 characters), then one line:
cases, pages, exceptions, and the slowest case. Exits 1 if any case failed. The generator and the
checks are tests/fuzz/links.py, the same ones the property tests run a few hundred times per page.

    .venv/bin/python tests/fuzz/run.py [--pure 10000] [--render 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from links import PAGES, check_page, cli_path, decode, pure_path, query_strings  # noqa: E402


def run(pure: int, render: int) -> int:
    import logging

    from streamlit.testing.v1 import AppTest

    # AppTest.__init__ (Streamlit 1.67) writes session state outside a script run and logs "missing
    # ScriptRunContext ... can be ignored" once per case: 1,000 lines that would bury the report.
    # A filter, not a level: Streamlit sets its loggers' levels again when it configures them.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage())

    failures: list[tuple[str, str, str, str]] = []
    counts = {"pure": 0, "render": 0}
    slowest = (0.0, "", "", "")

    def case(page: str, kind: str, query: str) -> None:
        nonlocal slowest
        raw = decode(query)
        start = time.perf_counter()
        try:
            problems = pure_path(page, raw)
            if kind == "pure":
                cli_path(page, raw)
            else:
                at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
                for key, values in raw.items():
                    at.query_params[key] = values
                at.switch_page(PAGES[page].path)
                check_page(at.run(), page, problems)
        except Exception as err:  # every failure is counted and shown, none stops the run
            where = traceback.extract_tb(err.__traceback__)[-1]
            failures.append((page, kind, f"{type(err).__name__}: {str(err)[:200]} ({Path(where.filename).name}:"
                             f"{where.lineno})", query[:160]))
        took = time.perf_counter() - start
        counts[kind] += 1
        if took > slowest[0]:
            slowest = (took, page, kind, query[:80])

    for kind, total in (("pure", pure), ("render", render)):
        per_page = -(-total // len(PAGES))
        for page in sorted(PAGES):
            @settings(max_examples=per_page, deadline=None, database=None, phases=[Phase.generate],
                      suppress_health_check=list(HealthCheck))
            @given(query=query_strings(page))
            def one(query: str) -> None:
                case(page, kind, query)

            one()
    for page, kind, error, query in failures[:50]:
        print(f"FAIL {page} ({kind}): {error}\n     link: ?{query!r}")
    took, page, kind, query = slowest
    shown = f"?{query!r}" if query else "no query"
    print(f"fuzz: {counts['pure']:,} links through the pure path and the CLI, {counts['render']:,} rendered, "
          f"{len(PAGES)} pages, {len(failures)} exceptions; slowest {took:.2f} s ({page}, {kind}, {shown})")
    return 1 if failures else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pure", type=int, default=10_000)
    parser.add_argument("--render", type=int, default=1_000)
    args = parser.parse_args()
    sys.exit(run(args.pure, args.render))
