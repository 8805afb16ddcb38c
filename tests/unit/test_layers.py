"""The shape of lib/, read from its imports: layers that point one way, no cycle, Streamlit in lib/ui only.

lib/core (the foundation) < lib/data (datasets, trends, fit) < lib/chains < lib/tools (the discussion
tools) < lib/ui (the Streamlit glue) < lib/__main__ (the command line). A module may import its own
layer and those below it, never one above. Imports under ``if TYPE_CHECKING:`` are for type hints
only and do not run, so they are not arrows here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[2] / "lib"
LAYERS = ("core", "data", "chains", "tools", "ui", "web", "__main__")
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(LIB.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(LIB.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(path: Path, known: set[str]) -> set[str]:
    """The lib modules ``path`` imports at run time (``from lib.x import y`` names lib.x.y when y is a module)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] in ("lib", "streamlit"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] in ("lib", "streamlit"):
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if sub in known else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(), filename=str(path)))
    return found


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


GRAPH = {m: imports(p, set(modules())) for m, p in modules().items()}


def test_every_module_has_a_layer() -> None:
    """A new module goes in one of the layers' folders, so its place in the architecture is seen from its path."""
    homeless = [m for m in GRAPH if m != "lib" and layer(m) is None]
    assert not homeless, f"modules outside {LAYERS}: {homeless}"


def test_imports_point_down() -> None:
    upward = [f"{m} -> {t}" for m, targets in GRAPH.items() for t in targets
              if t.startswith("lib.") and layer(m) is not None and layer(t) is not None and layer(t) > layer(m)]
    assert not upward, "imports that point up a layer:\n" + "\n".join(sorted(upward))


def test_no_cycle() -> None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for t in sorted(GRAPH.get(m, ())):
            if t not in GRAPH:
                continue
            if state.get(t) == 1:
                return path[path.index(t):] + [t]
            if t not in state and (cycle := walk(t)):
                return cycle
        state[m] = 2
        path.pop()
        return None

    for m in sorted(GRAPH):
        if m not in state and (cycle := walk(m)):
            pytest.fail("import cycle: " + " -> ".join(cycle))


def test_streamlit_only_in_ui() -> None:
    outside = [m for m, targets in GRAPH.items() if any(t.split(".")[0] == "streamlit" for t in targets)
               and layer(m) != LAYERS.index("ui")]
    assert not outside, f"Streamlit imported outside lib/ui: {outside}"


def test_no_module_over_400_lines() -> None:
    long = {m: n for m, p in modules().items() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_the_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    """The scanner sees upward, TYPE_CHECKING-only and module imports for what they are."""
    src = tmp_path / "m.py"
    src.write_text("from typing import TYPE_CHECKING\nfrom lib.ui import x\nfrom lib.core import units\n"
                   "if TYPE_CHECKING:\n    from lib.tools.compare.model import Comparison\n"
                   "def f():\n    import streamlit as st\n")
    found = imports(src, {"lib.core.units"})
    assert found == {"lib.ui", "lib.core.units", "streamlit"}
    assert layer("lib.core.units") < layer("lib.ui")  # type: ignore[operator]
