"""Command-line access to the chains: ``python -m lib <chain> key=value ...``.

Same keys and validation as the URL. Prints JSON with the validated ``params``, the chain's
``results`` and its ``headlines`` (a number, or ``{"value": null, "reason": ...}``); on invalid
input exits with code 2 and one line on stderr. Chains come from :data:`lib.chains.CHAINS`.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lib.core.problems import quote
from lib.core.registry import ParamSet


class UsageError(Exception):
    pass


def parse_args(params: ParamSet, args: Sequence[str], chain_key: str | None = None) -> dict[str, Any]:
    """key=value pairs -> validated values. Unlike the URL, the CLI refuses bad input outright.

    ``position=NAME`` (with ``chain_key``) starts from that position's values for the chain; the
    other pairs then override them, as in a link.
    """
    from lib.chains import get
    from lib.tools.links.model import link_values

    raw: dict[str, list[str]] = {}
    for arg in args:
        key, sep, text = arg.partition("=")
        if not sep:
            raise UsageError(f"expected key=value, got '{quote(arg)}'")
        # Repeated keys are collected, so the registry reports them by the same rule as a link.
        raw.setdefault(key, []).append(text)
    if chain_key is None:
        check = params.check_query(raw)
        if check.problems:
            raise UsageError(check.problems[0].what)
        return check.values
    values, problems = link_values(get(chain_key), raw)
    if problems:
        raise UsageError(problems[0].what)
    return values


def _json_safe(x: Any) -> Any:
    if isinstance(x, dict):
        return {str(k): _json_safe(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_json_safe(v) for v in x]
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if hasattr(x, "item"):  # numpy scalars
        return _json_safe(x.item())
    return x


def main(argv: Sequence[str]) -> int:
    from lib.chains import CHAINS, get

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
        print(json.dumps(_json_safe(cli_listing()), indent=2))
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
        flags, rest = _flags(rest)
        values = parse_args(chain.params, rest, chain.key)
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    result = chain.run(values)
    results = chain.cli_results(result)
    if chain.key == "gpt-human":
        from lib.chains.gpt_human.origin import reference_json

        results = {"reference": reference_json(values, chain.params.defaults()), **results}
    out = {"model": chain.key, "params": values, "results": results,
           "headlines": {k: h.json() for k, h in chain.headline_values(values).items()}}
    if flags.samples:
        from lib.tools.uncertainty.model import run_draws

        draws = run_draws(chain, values, flags.samples, flags.seed)
        out["uncertainty"] = {k: s.json() for k, s in draws.summaries.items()}
        out["uncertainty_ranges"] = {r.param.key: list(r.clipped) for r in draws.ranges}
        if draws.choices:
            out["uncertainty_choices"] = {p.key: dict(zip(p.choices, p.spread.weights))  # type: ignore[union-attr]
                                          for p in draws.choices}
    if flags.sensitivity:
        from lib.tools.uncertainty.model import cli_sensitivity, sensitivity

        out["sensitivity"] = cli_sensitivity(sensitivity(chain, values))
    print(json.dumps(_json_safe(out), indent=2))
    return 0


@dataclass(frozen=True)
class Flags:
    samples: int = 0
    seed: int = 1
    sensitivity: bool = False


def _flags(args: Sequence[str]) -> tuple[Flags, list[str]]:
    """``--samples N``, ``--seed S`` and ``--sensitivity`` (anywhere among the key=value pairs), and the rest."""
    from lib.core.ranges import DEFAULT_SEED, MAX_SAMPLES, MAX_SEED

    found: dict[str, Any] = {"seed": DEFAULT_SEED}
    rest: list[str] = []
    items = iter(args)
    for arg in items:
        name, eq, inline = arg.partition("=")
        if name == "--sensitivity" and not eq:
            found["sensitivity"] = True
        elif name in ("--samples", "--seed"):
            text = inline if eq else next(items, None)
            if text is None:
                raise UsageError(f"{name} needs a whole number")
            limit = MAX_SAMPLES if name == "--samples" else MAX_SEED
            try:
                number = int(text, 10)
            except ValueError:
                raise UsageError(f"{name} takes a whole number from 0 to {limit:,}, not '{quote(text)}'") from None
            if not 0 <= number <= limit:
                raise UsageError(f"{name} takes a whole number from 0 to {limit:,}, not {quote(text)}")
            found[name[2:]] = number
        elif arg.startswith("--"):
            raise UsageError(f"unknown option '{quote(arg)}' (options: --samples N, --seed S, --sensitivity)")
        else:
            rest.append(arg)
    return Flags(**found), rest


def _trend(args: Sequence[str]) -> int:
    """``trend key=value ...``: the log-linear fit of training compute over the chosen models (lib/data/trends/model.py)."""
    from lib.data.files import load
    from lib.data.trends import model as trends

    try:
        values = parse_args(trends.PARAMS, args)
        values |= {k: int(values[k]) for k in ("since", "until")}
        trend = trends.run(load("epoch_compute").table, values)
    except (UsageError, trends.TrendError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(json.dumps(_json_safe({"params": values, **trend.json(), "data": "Epoch AI, Notable AI Models (CC BY 4.0)"}),
                     indent=2))
    return 0


def _fit(args: Sequence[str]) -> int:
    """``fit FILE.csv``: Huber/L-BFGS fit with bootstrap intervals (lib/data/fit/model.py)."""
    from lib.data.fit import model as fitting
    from lib.data.fit import points

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
    print(json.dumps(_json_safe(result.json()), indent=2))
    return 0


def _compare(args: Sequence[str]) -> int:
    """``compare LINK_A LINK_B``: values out of range are clamped as on the page, each with a warning on stderr."""
    from lib.tools.compare.model import cli_json, compare_links
    from lib.tools.links.model import LinkError, read_link

    if len(args) != 2:
        print(f"error: 'compare' takes two links (LINK_A LINK_B), not {len(args)} argument{'s' if len(args) != 1 else ''}",
              file=sys.stderr)
        return 2
    links = []
    for name, text in zip("AB", args):
        try:
            links.append(read_link(text))
        except LinkError as err:
            print(f"error: link {name} {err.problem.what}", file=sys.stderr)
            return 2
    try:
        comparison = compare_links(*links)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    warnings = {name.lower(): [str(p) for p in link.problems] for name, link in zip("AB", links)}
    for name, texts in warnings.items():
        for text in texts:
            print(f"warning: link {name.upper()}: {text}", file=sys.stderr)
    print(json.dumps(_json_safe(cli_json(comparison, warnings)), indent=2))
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
