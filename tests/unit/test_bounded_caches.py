"""No cache grows with the number of distinct links: every cache in the app's code has a bound.

A hosted instance sees thousands of different links. Any cache keyed on what a link carries must
evict (``st.cache_data(max_entries=...)``, ``lru_cache(maxsize=N)``, :class:`lib.core.memo.BoundedMemo`);
an unbounded ``functools.cache`` is allowed only on a function with no arguments (one entry per
process). The load benchmark measures the memory; this scan keeps a new cache from slipping in.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from lib.core.memo import BoundedMemo

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([ROOT / "app.py", *(ROOT / "lib").rglob("*.py"), *(ROOT / "pages").rglob("*.py")])


def _name(node: ast.expr) -> str:
    """``st.cache_data`` / ``functools.lru_cache`` / ``cache`` as dotted text."""
    if isinstance(node, ast.Call):
        return _name(node.func)
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def _keyword(call: ast.expr, name: str) -> ast.expr | None:
    if not isinstance(call, ast.Call):
        return None
    return next((k.value for k in call.keywords if k.arg == name), None)


def _has_arguments(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    a = fn.args
    return bool(a.posonlyargs or a.args or a.kwonlyargs or a.vararg or a.kwarg)


def problems(tree: ast.AST, where: str) -> list[str]:
    """Every cache decorator in ``tree`` that could grow without bound, in words."""
    found = []
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for deco in fn.decorator_list:
            name = _name(deco).split(".")[-1]
            at = f"{where}:{fn.lineno} {fn.name}"
            if name in ("cache_data", "cache_resource"):
                bound = _keyword(deco, "max_entries")
                if not (isinstance(bound, ast.Constant) and isinstance(bound.value, int)):
                    found.append(f"{at}: st.{name} without an integer max_entries")
            elif name == "lru_cache":
                bound = _keyword(deco, "maxsize")
                if bound is None and isinstance(deco, ast.Call) and deco.args:
                    bound = deco.args[0]
                unbounded = bound is None or (isinstance(bound, ast.Constant) and bound.value is None)
                if unbounded and _has_arguments(fn):
                    found.append(f"{at}: lru_cache without maxsize on a function with arguments")
            elif name == "cache" and _has_arguments(fn):
                found.append(f"{at}: functools.cache on a function with arguments")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_cache_in_the_app_is_bounded(path: Path) -> None:
    assert problems(ast.parse(path.read_text()), str(path.relative_to(ROOT))) == []


def test_the_scan_catches_each_kind_of_unbounded_cache() -> None:
    code = '''
import functools, streamlit as st
@st.cache_data
def a(x): ...
@st.cache_resource(ttl=60)
def b(x): ...
@functools.lru_cache(maxsize=None)
def c(x): ...
@functools.cache
def d(x): ...
@functools.lru_cache
def e(x): ...
@st.cache_data(max_entries=8)
def ok1(x): ...
@functools.cache
def ok2(): ...
@functools.lru_cache(16)
def ok3(x): ...
'''
    found = problems(ast.parse(code), "t")
    assert [f.split()[1].rstrip(":") for f in found] == ["a", "b", "c", "d", "e"]


def test_bounded_memo_keeps_only_its_size_most_recent() -> None:
    memo: BoundedMemo[int] = BoundedMemo(3)
    for k in range(100):
        memo.get(k, lambda k=k: k * k)
    assert len(memo._kept) == 3
    assert memo.get(99, lambda: -1) == 99 * 99  # kept: not recomputed
    assert memo.get(0, lambda: -1) == -1  # evicted long ago: computed again
