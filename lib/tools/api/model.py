"""The JSON a link answers with: what ``python -m lib <chain>`` prints, and ``/api/<chain>`` returns.

One function per answer, used by both the command line (lib/__main__.py) and the web API
(lib/web/routes.py), so the two cannot drift apart. A link's query becomes the command line's
arguments by :func:`query_args`: each ``key=value`` as it is, and ``sensitivity`` (a flag, not a
link value) as ``--sensitivity``. Unlike a page, both refuse bad input outright
(:class:`UsageError`, one line in words).

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from lib.core.chain import Chain
from lib.core.problems import quote
from lib.core.ranges import DEFAULT_SEED, MAX_SAMPLES, MAX_SEED
from lib.core.registry import ParamSet, Value
from lib.tools.links.model import MAX_LINK_CHARS, LinkError, link_values, read_link

MAX_FIELDS = 1000  # as many as Streamlit reads from a page's address (lib/ui/address.py)
SENSITIVITY = "sensitivity"  # the one query key that is a flag of the answer, not a value of the view


class UsageError(Exception):
    """Input the answer refuses: the message is one line in words, safe to print and to send."""


def parse_args(params: ParamSet, args: Sequence[str], chain: Chain | None = None) -> dict[str, Value]:
    """key=value pairs -> validated values. Unlike the URL, the CLI refuses bad input outright.

    ``position=NAME`` (with ``chain``) starts from that position's values for the chain; the
    other pairs then override them, as in a link.
    """
    raw: dict[str, list[str]] = {}
    for arg in args:
        key, sep, text = arg.partition("=")
        if not sep:
            raise UsageError(f"expected key=value, got '{quote(arg)}'")
        # Repeated keys are collected, so the registry reports them by the same rule as a link.
        raw.setdefault(key, []).append(text)
    if chain is None:
        check = params.check_query(raw)
        if check.problems:
            raise UsageError(check.problems[0].what)
        return check.values
    values, problems = link_values(chain, raw)
    if problems:
        raise UsageError(problems[0].what)
    return values


@dataclass(frozen=True)
class Flags:
    """``--samples N``, ``--seed S`` (None: the link's own ``samples`` and ``seed``) and ``--sensitivity``."""

    samples: int | None = None
    seed: int | None = None
    sensitivity: bool = False


def split_flags(args: Sequence[str]) -> tuple[Flags, list[str]]:
    """The flags (anywhere among the key=value pairs), and the rest."""
    found: dict[str, Any] = {}
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


def query_args(query: str) -> list[str]:
    """A link's query as the command line's arguments; :class:`UsageError` past a link's limits."""
    if len(query) > MAX_LINK_CHARS:
        raise UsageError(f"the query is {len(query):,} characters long, more than the {MAX_LINK_CHARS:,} a link "
                         "here can be")
    if query.count("&") >= MAX_FIELDS:
        raise UsageError(f"the query has {query.count('&') + 1:,} fields, more than the {MAX_FIELDS:,} a link "
                         "here can have")
    args: list[str] = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key == SENSITIVITY:
            if value.lower() not in ("", "1", "true", "yes"):
                raise UsageError(f"sensitivity is a switch: give it alone or as sensitivity=true, not "
                                 f"'{quote(value)}'")
            args.append("--sensitivity")
        else:
            args.append(f"{key}={value}")
    return args


def json_safe(x: Any) -> Any:
    """Plain JSON: numpy scalars as numbers, NaN and infinities as null."""
    if isinstance(x, dict):
        return {str(k): json_safe(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [json_safe(v) for v in x]
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if hasattr(x, "item"):  # numpy scalars
        return json_safe(x.item())
    return x


def chain_answer(chain: Chain, args: Sequence[str]) -> dict[str, Any]:
    """``python -m lib <chain> ARGS``: the validated ``params``, ``results``, ``headlines``, and on request
    ``uncertainty`` (when the link or ``--samples`` asks for draws) and ``sensitivity``."""
    from lib.tools.uncertainty.model import cli_sensitivity, run_draws, sensitivity

    flags, rest = split_flags(args)
    values = parse_args(chain.params, rest, chain)
    results = chain.cli_results(chain.run(values))
    if chain.key == "gpt-human":
        from lib.chains.gpt_human.origin import reference_json

        results = {"reference": reference_json(values, chain.params.defaults()), **results}
    out: dict[str, Any] = {"model": chain.key, "params": values, "results": results,
                           "headlines": {k: h.json() for k, h in chain.headline_values(values).items()}}
    samples = flags.samples if flags.samples is not None else int(values.get("samples", 0) or 0)  # type: ignore[arg-type]
    if samples:
        seed = flags.seed if flags.seed is not None else int(values.get("seed", DEFAULT_SEED))  # type: ignore[arg-type]
        draws = run_draws(chain, values, samples, seed)
        out["uncertainty"] = {k: s.json() for k, s in draws.summaries.items()}
        out["uncertainty_ranges"] = {r.param.key: list(r.clipped) for r in draws.ranges}
        if draws.choices:
            out["uncertainty_choices"] = {p.key: dict(zip(p.choices, p.spread.weights))  # type: ignore[union-attr]
                                          for p in draws.choices}
    if flags.sensitivity:
        out["sensitivity"] = cli_sensitivity(sensitivity(chain, values))
    return json_safe(out)


def compare_answer(a: str, b: str) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """``python -m lib compare A B``: the comparison, and each link's warnings (values clamped as on the page)."""
    from lib.tools.compare.model import cli_json, compare_links

    links = []
    for name, text in zip("AB", (a, b)):
        try:
            links.append(read_link(text))
        except LinkError as err:
            raise UsageError(f"link {name} {err.problem.what}") from None
    try:
        comparison = compare_links(*links)
    except ValueError as err:
        raise UsageError(str(err)) from None
    warnings = {name.lower(): [str(p) for p in link.problems] for name, link in zip("AB", links)}
    return json_safe(cli_json(comparison, warnings)), warnings


def compare_query(query: Mapping[str, list[str]]) -> tuple[str, str]:
    """The two links of ``/api/compare?a=...&b=...``; :class:`UsageError` unless each is given once."""
    extra = sorted(set(query) - {"a", "b"})
    if extra:
        raise UsageError(f"compare takes the links a and b, not {', '.join(quote(k) for k in extra)}")
    missing = [k for k in "ab" if len(query.get(k, [])) != 1]
    if missing:
        raise UsageError("compare takes one link a and one link b, e.g. "
                         "/api/compare?a=/bio_anchors&b=/bio_anchors%3Fhw_halving%3D1.5")
    return query["a"][0], query["b"][0]
