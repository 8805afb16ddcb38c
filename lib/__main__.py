"""Command-line access to the chains: ``python -m lib <chain> key=value ...``.

Same keys and validation as the URL. Prints JSON with the validated ``params``, the chain's
``results`` and its ``headlines`` (a number, or ``{"value": null, "reason": ...}``); on invalid
input exits with code 2 and one line on stderr. Chains come from :data:`lib.chains.CHAINS`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence

# The answers are built in lib/tools/api/model.py, shared with the web API; imported when needed,
# so that `--help` and `data refresh` do not load every chain.


def main(argv: Sequence[str]) -> int:
    from lib.chains import CHAINS, get
    from lib.tools.api import model as api

    names = [c.key for c in CHAINS]
    if not argv or argv[0] in ("-h", "--help"):
        print(f"usage: python -m lib {{{','.join(names)}}} [position=NAME] [origin=essay|latest] [key=value ...] "
              "[--samples N [--seed S]] [--sensitivity]")
        print("       --samples N: draws of every ranged number, 0 to 100,000 (0 = none); --seed S: 0 to 2,147,483,647")
        print("       python -m lib positions   (the essays' positions, with their sources and values, as JSON)")
        print("       python -m lib trend [since=2010 until=2025 domain=all|language frontier=all|flagged|top10]   "
              "(training-compute doubling time of Epoch AI's notable models, with its 80% interval, as JSON)")
        print("       python -m lib fit FILE.csv   (a scaling law fitted to compute,loss or params,tokens,loss points, "
              "with 80% intervals, as JSON)")
        print("       python -m lib compare LINK_A LINK_B   (two links of one chain: headlines, differences and "
              "each parameter's share of every difference, as JSON)")
        print("       python -m lib data refresh [metr] [epoch] [--dry-run]   (fetch METR's and Epoch AI's current "
              "data, check it, replace data/'s snapshots; --help for options)")
        for chain in CHAINS:
            print(f"\n{chain.key}: {chain.title}")
            for p in chain.params.params:
                print(f"  {p.key}={p.format_value(p.default)}  {p.label}{f' ({p.unit})' if p.unit else ''}")
        return 0 if argv else 2
    name, *rest = argv
    if name == "positions":
        from lib.tools.positions.model import cli_listing

        if rest:
            print("error: 'positions' takes no arguments", file=sys.stderr)
            return 2
        print(json.dumps(api.json_safe(cli_listing()), indent=2))
        return 0
    if name == "compare":
        return _compare(rest)
    if name == "trend":
        return _trend(rest)
    if name == "fit":
        return _fit(rest)
    if name == "data":
        from lib.data.refresh import cli

        return cli(rest)
    try:
        chain = get(name)
    except KeyError:
        print(f"error: unknown chain '{name}' (choose from {', '.join(names)})", file=sys.stderr)
        return 2
    try:
        out = api.chain_answer(chain, rest)
    except api.UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(json.dumps(out, indent=2))
    return 0


def _trend(args: Sequence[str]) -> int:
    """``trend key=value ...``: the log-linear fit of training compute over the chosen models (lib/data/trends/model.py)."""
    from lib.data.files import load
    from lib.data.trends import model as trends
    from lib.tools.api import model as api

    try:
        values = api.parse_args(trends.PARAMS, args)
        values |= {k: int(values[k]) for k in ("since", "until")}
        trend = trends.run(load("epoch_compute").table, values)
    except (api.UsageError, trends.TrendError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(json.dumps(api.json_safe({"params": values, **trend.json(), "data": "Epoch AI, Notable AI Models (CC BY 4.0)"}),
                     indent=2))
    return 0


def _fit(args: Sequence[str]) -> int:
    """``fit FILE.csv``: Huber/L-BFGS fit with bootstrap intervals (lib/data/fit/model.py)."""
    from lib.core.problems import quote
    from lib.data.fit import model as fitting
    from lib.data.fit import points
    from lib.tools.api.model import json_safe

    if len(args) != 1:
        print("error: 'fit' takes one CSV file (FILE.csv)", file=sys.stderr)
        return 2
    try:
        with open(args[0], "rb") as handle:
            raw = handle.read(points.MAX_BYTES + 1)
        form, loss, inputs = points.read_points(raw.decode("utf-8", "replace"))
        result = fitting.fit(form, loss, *inputs)
    except OSError as err:
        print(f"error: cannot read '{quote(args[0])}' ({err.strerror})", file=sys.stderr)
        return 2
    except fitting.FitError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(json.dumps(json_safe(result.json()), indent=2))
    return 0


def _compare(args: Sequence[str]) -> int:
    """``compare LINK_A LINK_B``: values out of range are clamped as on the page, each with a warning on stderr."""
    from lib.tools.api import model as api

    if len(args) != 2:
        print(f"error: 'compare' takes two links (LINK_A LINK_B), not {len(args)} argument{'s' if len(args) != 1 else ''}",
              file=sys.stderr)
        return 2
    try:
        out, warnings = api.compare_answer(*args)
    except api.UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for name, texts in warnings.items():
        for text in texts:
            print(f"warning: link {name.upper()}: {text}", file=sys.stderr)
    print(json.dumps(out, indent=2))
    return 0


def run(argv: Sequence[str]) -> int:
    """:func:`main` for a shell: a reader that stops early (``| head``) ends the output, not in a traceback."""
    try:
        code = main(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python's own advice (docs of the signal module): point stdout at devnull so the flush at exit
        # does not raise again, and exit as a tool killed by SIGPIPE would (128 + 13).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return code


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
