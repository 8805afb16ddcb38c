"""Links a person or a bot could paste, for every page, and what a page must do with each.

One generator (:func:`query_strings`) feeds the property tests (tests/property/test_any_link.py,
tests/page/test_any_link_page.py) and ``make fuzz`` (tests/fuzz/run.py): raw query strings with
unknown, repeated and empty keys, unicode, broken percent-encoding, ``nan``/``inf``/``1e999``,
10 kB values, hundreds of keys, every registry key with a random string. They are decoded as
Streamlit decodes a browser's query (``urllib.parse.parse_qs``, blanks kept).

:func:`pure_path` runs what a page computes from its link without Streamlit (parse, validate, run,
headlines, chart builders) and :func:`cli_path` the same through ``python -m lib``; each returns the
problems a page must show. :func:`check_page` holds an AppTest render to the page's promises.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs, quote

from hypothesis import strategies as st

from lib.chains import CHAINS, get
from lib.core.problems import PROBLEMS_SHOWN, Problem
from lib.core.registry import RENAMED_KEYS, Param, ParamSet
from lib.data.fit import model as fitting
from lib.data.fit import points
from lib.data.trends import model as trends
from lib.tools.links.model import LinkError, link_values, position_in, read_link
from lib.tools.positions.model import POSITION_KEY

Raw = dict[str, list[str]]


@dataclass(frozen=True)
class Page:
    path: str  # the page's script, for AppTest
    params: ParamSet | None  # its registry parameters
    keep: tuple[str, ...] = ()  # keys the page reads itself
    chain: str | None = None


PAGES = {
    **{c.url_path: Page(c.page, c.params, chain=c.key) for c in CHAINS},
    "trends": Page("pages/trends.py", trends.PARAMS),
    "fit": Page("pages/fit.py", fitting.PARAMS, keep=("points", "example")),
    "compare": Page("pages/compare.py", None, keep=("a", "b")),
    "home": Page("pages/home.py", None),
    "sources": Page("pages/sources.py", None),
}

# What people and bots paste: numbers that are not, markup that must stay text, sizes that must not hang.
NASTY = ("nan", "NaN", "inf", "-inf", "Infinity", "1e999", "-1e999", "1e-400", "", " ", "0", "-0", "1e308",
         "0x10", "1_000", "٣", "１２", "9" * 400, "1" * 10_000, "true", "[]", "{}", "null", "%", "%zz", "%E2%82",
         "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))", "<script>alert(1)</script>",
         ":material/home:", "$x^2$", "**bold**", "`code`", "www.example.org", "a@b.org", "\u202e", "\x00",
         "\ud83d\ude00".encode("utf-16", "surrogatepass").decode("utf-16"))
ALL_KEYS = sorted({p.key for c in CHAINS for p in c.params.params} | set(trends.PARAMS.keys)
                  | set(fitting.PARAMS.keys) | set(RENAMED_KEYS) | {"position", "origin", "a", "b", "points",
                                                                      "example", "samples", "seed"})


def _valid_text(p: Param) -> st.SearchStrategy[str]:
    if p.kind == "bool":
        return st.sampled_from(("true", "false"))
    if p.kind in ("choice", "multi"):
        return st.sampled_from(p.choices)
    if p.options:
        return st.sampled_from(p.options).map(p.format_value)
    return st.floats(min_value=p.min, max_value=p.max).map(p.format_value)


def _values(page: Page) -> st.SearchStrategy[str]:
    """One value's text: a valid one of some parameter, a nasty one, or any text at all."""
    valid = [_valid_text(p) for p in page.params.params] if page.params else []
    links = st.sampled_from([f"/{c.url_path}" for c in CHAINS]).flatmap(
        lambda path: st.lists(st.tuples(st.sampled_from(ALL_KEYS), st.sampled_from(NASTY) | st.text(max_size=8)),
                              max_size=4).map(lambda kv: path + "?" + "&".join(f"{k}={quote(v)}" for k, v in kv)))
    return st.one_of(st.sampled_from(NASTY), st.text(max_size=20), *valid, links)


def _keys(page: Page) -> st.SearchStrategy[str]:
    own = list(page.params.keys) if page.params else []
    return st.one_of(st.sampled_from(own + list(page.keep)) if own or page.keep else st.nothing(),
                     st.sampled_from(ALL_KEYS), st.text(max_size=10), st.sampled_from(NASTY))


def _piece(key: str, value: str, encode: bool) -> str:
    return f"{quote(key) if encode else key}={quote(value) if encode else value}"


@st.composite
def query_strings(draw, page: str) -> str:
    """A raw query string (no leading '?') for ``page``."""
    p = PAGES[page]
    shape = draw(st.sampled_from(("few", "few", "few", "every", "hundreds", "garbage")))
    if shape == "every" and p.params:  # every registry key, each with a random string
        pairs = [(k, draw(st.sampled_from(NASTY) | st.text(max_size=12))) for k in p.params.keys]
    elif shape == "hundreds":
        n = draw(st.integers(100, 400))
        pairs = [(f"{draw(_keys(p))}{i if draw(st.booleans()) else ''}", draw(_values(p))) for i in range(n)]
    else:
        pairs = draw(st.lists(st.tuples(_keys(p), _values(p)), max_size=8))
        if pairs and draw(st.booleans()):  # a repeated key
            pairs.append((pairs[0][0], draw(_values(p))))
    text = "&".join(_piece(k, v, draw(st.booleans())) for k, v in pairs)
    if shape == "garbage":  # percent-encoding that does not decode, stray separators
        junk = draw(st.lists(st.sampled_from(("%", "%z", "%E2%82", "%ff", "&&", "==", "+", "=", "&=", "%00", "#")),
                             max_size=6))
        text = text + "".join(junk)
    return text


def decode(query: str) -> Raw:
    """A query string as Streamlit hands it to a page (repeated keys kept, blanks kept, bad bytes replaced)."""
    return parse_qs(query.split("#", 1)[0], keep_blank_values=True, errors="replace")


# -- the pure path ---------------------------------------------------------------------------------------

def _in_bounds(params: ParamSet, values: Mapping[str, object]) -> None:
    for p in params.params:
        v = values[p.key]
        if p.kind in ("float", "int"):
            assert isinstance(v, (int, float)) and math.isfinite(v) and p.min <= v <= p.max, (p.key, v)
        elif p.kind == "choice":
            assert v in p.choices, (p.key, v)
        elif p.kind == "multi":
            assert set(v) <= set(p.choices), (p.key, v)
        elif p.kind == "bool":
            assert isinstance(v, bool), (p.key, v)


def pure_path(page: str, raw: Raw) -> tuple[Problem, ...]:
    """What ``page`` computes from its link, without Streamlit; returns the link's problems."""
    p = PAGES[page]
    if p.chain is not None:
        from lib.tools.compare.charts import overlay_figure

        chain = get(p.chain)
        values, problems = link_values(chain, raw)
        _in_bounds(chain.params, values)
        result = chain.run(values)
        for key, h in chain.headline_values(values).items():
            assert h.value is None or math.isfinite(h.value), (key, h)
            assert h.value is not None or h.reason, key
            h.text(chain.headline(key))
        json.dumps(chain.cli_results(result), default=float)
        overlay = chain.overlay(values, result)
        overlay_figure(overlay, overlay).to_json()
        return tuple(problems)
    if page == "compare":
        from lib.tools.compare.model import compare_links

        texts = {k: (raw.get(k) or [""])[-1] for k in ("a", "b")}
        try:
            a, b = read_link(texts["a"]), read_link(texts["b"])
            if a.chain.key == b.chain.key:
                compare_links(a, b)
        except LinkError:
            pass
    # As on a chain's page: a position in the link applies to the chains (its problem first), then the page's own.
    _, found = position_in(raw)
    request = {k: v for k, v in raw.items() if k != POSITION_KEY}
    check = (p.params or ParamSet(page, ())).check_query(request, ignore=p.keep)
    if p.params is not None:
        _in_bounds(p.params, check.values)
    if page == "trends":
        try:
            trends.checked_fit(trends.select(trends.packaged(), check.values), check.values)
        except trends.TrendError:
            pass
    if page == "fit" and raw.get("points"):
        try:
            form, loss, inputs = points.read_points(raw["points"][-1])
            fitting.fit(form, loss, *inputs, bootstrap=5).reach(2.0)
        except fitting.FitError:
            pass
    return (*found, *check.problems)


def cli_path(page: str, raw: Raw) -> int:
    """The same link through ``python -m lib`` (in process): its exit code, 0 or 2, never an exception."""
    from lib.__main__ import main

    p = PAGES[page]
    name = p.chain or ("trend" if page == "trends" else None)
    if name is None:
        return 0
    argv = [name, *(f"{k}={v}" for k, vs in raw.items() for v in vs)]
    with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()) as err:
        code = main(argv)
    assert code in (0, 2), (code, err.getvalue()[-300:])
    if code == 2:
        assert err.getvalue().count("\n") <= 1 and "Traceback" not in err.getvalue(), err.getvalue()[-300:]
    else:
        json.loads(out.getvalue())
    return code


# -- an AppTest render ----------------------------------------------------------------------------------

_BROKEN = re.compile(r"(?<![\w.])(nan|inf|-inf|infinity)(?![\w.])", re.IGNORECASE)
_CODE = re.compile(r"`+[^`]*`+")


def check_page(at, page: str, problems: tuple[Problem, ...]) -> None:
    """No exception element, no NaN/inf in what the page says, every bad value named (or counted), values in bounds."""
    assert not at.exception, [e.value[:300] for e in at.exception]
    shown = [m.value for m in at.metric] + [m.label for m in at.metric] + [m.delta or "" for m in at.metric]
    said = [_CODE.sub("", e.value) for kind in ("markdown", "caption", "info", "success") for e in getattr(at, kind)]
    for text in shown + said:
        assert not _BROKEN.search(text), text[:200]
    warnings = " ".join(w.value for w in at.warning) + " " + " ".join(e.value for e in at.error)
    for problem in problems[:PROBLEMS_SHOWN]:
        assert problem.markdown() in warnings, (problem.markdown()[:200], warnings[:500])
    if len(problems) > PROBLEMS_SHOWN:
        assert f"…and {len(problems) - PROBLEMS_SHOWN:,} more" in warnings, warnings[:500]
    p = PAGES[page]
    if p.params is not None:
        state = {k: at.session_state[k] for k in p.params.keys if k in at.session_state}
        values = {**p.params.defaults(), **{k: tuple(v) if isinstance(v, list) else v for k, v in state.items()}}
        _in_bounds(p.params, values)
