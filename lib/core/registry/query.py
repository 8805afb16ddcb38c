"""Reading a query string (a link's or the command line's key=value pairs) against a :class:`ParamSet`.

Every parameter gets a valid value; what was wrong becomes a :class:`lib.core.problems.Problem`;
renamed keys (:mod:`lib.core.registry.renamed`) are read under their current names; and the
corrected query, the one the address bar should hold, comes back with the values.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lib.core.problems import Problem, quote
from lib.core.registry.param import Param, Value
from lib.core.registry.renamed import renamed_keys

if TYPE_CHECKING:  # the set calls these functions from its methods: no import back at run time
    from lib.core.registry.param_set import ParamSet


@dataclass(frozen=True)
class QueryCheck:
    """What a raw query says, once checked against a :class:`ParamSet`.

    ``values`` has every parameter; ``problems`` lists what was wrong, the page's own parameters
    first (they change what is shown) and unknown keys last; ``query`` is the corrected query, the
    one the address bar should hold: only this page's non-default values, as canonical text.
    """

    values: dict[str, Value]
    problems: tuple[Problem, ...]
    query: dict[str, str | list[str]]


def check_query(params: ParamSet, raw: Mapping[str, str | list[str]], ignore: Iterable[str] = ()) -> QueryCheck:
    """Check raw key/text pairs (a URL query or CLI arguments): values, problems and the corrected query.

    Every parameter gets a valid value: missing ones take the default, bad ones fall back or are
    clamped. A key given more than once takes its last value (as Streamlit's widgets do), with a
    problem that says so; a multi-choice key is meant to repeat. Keys in ``ignore`` belong to
    someone else (e.g. a position selector) and are neither checked nor reported.
    """
    values = params.defaults()
    problems: list[Problem] = []
    skip = set(ignore)
    for key, text in current_keys(params, raw).items():
        if key in skip:
            continue
        if key not in params:
            problems.append(Problem("unknown", ("", quote(key), " is not a parameter of this page; it was ignored and left out of the link.")))
            continue
        param = params[key]
        if param.kind != "multi" and isinstance(text, list) and len(text) > 1:
            problems.append(Problem("repeated", (
                "", key, f" appears {len(text):,} times in the link; the last one, ", quote(text[-1]), ", was used.")))
        values[key], problem = param.check(text)
        if problem:
            problems.append(problem)
    problems.sort(key=lambda p: p.kind == "unknown")
    return QueryCheck(values, tuple(problems), params.non_defaults(values))

def current_keys(params: ParamSet, raw: Mapping[str, str | list[str]]) -> dict[str, str | list[str]]:
    """``raw`` with renamed keys (:func:`lib.core.registry.renamed.renamed_keys`) under their current names, where this set has them.

    Given under both names, the old one's text comes first, so the current one is "the last"
    (and the repeat is reported as any other).
    """
    out: dict[str, str | list[str]] = {}
    renamed = renamed_keys(params.model)
    for key, text in raw.items():
        new = renamed.get(key)
        if new is None or new not in params or key in params:
            out[key] = _as_list(out[key]) + _as_list(text) if key in out else text
            continue
        out[new] = _as_list(text) + _as_list(out[new]) if new in out else text
    return out

def validate(
    params: ParamSet, raw: Mapping[str, str | list[str]], ignore: Iterable[str] = ()
) -> tuple[dict[str, Value], list[str]]:
    """Turn raw key/text pairs (a URL query or CLI arguments) into values.

    :func:`check_query` with the problems as plain sentences, each
    "<what is wrong>; <what was done>." so the CLI can show just the first part.
    """
    check = check_query(params, raw, ignore)
    return check.values, [str(p) for p in check.problems]


def _as_list(text: str | list[str]) -> list[str]:
    return list(text) if isinstance(text, list) else [text]


def check_carried(param: Param, value: object) -> tuple[Value, Problem | None]:
    """A value the session holds for ``param``'s widget, set on another page, checked as a link's text is.

    Pages share one session, so a widget's state can outlive the page that drew it; a control is never
    handed a value it cannot hold. Out of range: clamped, with a problem; a wrong kind: the default,
    with a problem; finer than the slider's step: the nearest step, silently (the same number as the
    slider shows it).
    """
    if isinstance(value, (list, tuple)):
        text: str | list[str] = [str(v) for v in value]
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = repr(value) if isinstance(value, float) else str(value)
    checked, problem = param.check(text)
    if problem is None or problem.kind == "off_step":
        return checked, None
    return checked, Problem(problem.kind, ("A value set on another page: " + problem.parts[0], *problem.parts[1:]))
