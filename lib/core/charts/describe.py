"""A chart in one sentence: the text alternative a screen reader hears before it.

Read from the figure itself (axis titles, the series in its legend, the bars' names), so it says
what is drawn, not what was meant to be. Pure: a figure spec in, a sentence out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_TAGS = re.compile(r"<[^>]+>")
LISTED = 6  # series named before "and N more"


def _plain(text: object) -> str:
    return " ".join(_TAGS.sub(" ", str(text or "")).split())


def _title(axis: object) -> str:
    if not isinstance(axis, Mapping):
        return ""
    title = axis.get("title")
    text = title.get("text") if isinstance(title, Mapping) else title
    log = " (log scale)" if axis.get("type") == "log" else ""
    return f"{_plain(text)}{log}" if text else ""


def _listed(names: Sequence[str]) -> str:
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) > LISTED:
        names = [*names[:LISTED], f"{len(names) - LISTED} more"]
    # Semicolons: series names hold commas of their own ("Chinchilla (Hoffmann 2022), E = 1.69").
    return names[0] if len(names) == 1 else "; ".join(names[:-1]) + " and " + names[-1]


def describe(spec: Mapping[str, Any]) -> str:
    """'Chart of loss (nats) against compute (FLOP, log scale): Kaplan, Chinchilla and 2 more.'"""
    layout = spec.get("layout", {})
    data = spec.get("data", [])
    x, y = _title(layout.get("xaxis")), _title(layout.get("yaxis"))
    bars = [t for t in data if t.get("type") in ("bar", "waterfall") and t.get("orientation") == "h"]
    if bars:
        rows = [_plain(r) for t in bars for r in (t.get("y") or [])]
        return f"Bar chart of {x or 'values'}, one bar each for {_listed(rows)}." if rows else f"Bar chart of {x}."
    shown = [_plain(t.get("name")) for t in data if t.get("name") and t.get("showlegend", True) is not False]
    what = f"Chart of {y} against {x}" if x and y else f"Chart of {y or x or 'values'}"
    return f"{what}: {_listed(shown)}." if shown else f"{what}."
