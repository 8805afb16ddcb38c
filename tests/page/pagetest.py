"""Helpers every AppTest page test shares."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

# What a formatter prints when a number is missing or broken; a clean page says it in words instead.
_BROKEN = ("nan", "inf", "n/a", "none")


def assert_clean(at: AppTest) -> None:
    """No exception element, and no broken number in any metric."""
    assert not at.exception, [e.value for e in at.exception]
    for m in at.metric:
        for text in (m.value, m.label):
            words = text.lower().replace("(", " ").replace(")", " ").split()
            assert not set(words) & set(_BROKEN), text


def assert_preset_applied(at: AppTest, params, preset) -> None:
    """Every widget holds the preset's value, or its default where the preset is silent."""
    for param in params.params:
        if param.role == "view":
            continue  # the uncertainty view's controls: not drawn while it is off, and no preset sets them
        got = at.session_state[param.key]
        got = tuple(got) if isinstance(got, list) else got
        assert got == preset.values.get(param.key, param.default), param.key


def metric(at: AppTest, label: str):
    """The metric whose label starts with ``label``."""
    return next(m for m in at.metric if m.label.startswith(label))


def trace_names(at: AppTest, chart: int = 0) -> list[str]:
    """The names of a chart's traces (its legend entries)."""
    return [t.get("name") or "" for t in json.loads(at.get("plotly_chart")[chart].proto.spec)["data"]]


def open_view(at: AppTest, tabs: str, view: str) -> AppTest:
    """Switch the chart tabs with key ``tabs`` to ``view``, as a click on that tab does."""
    at.session_state[tabs] = view
    return at.run()


def text_of(at: AppTest, *kinds: str) -> str:
    """Everything written in the given element kinds (markdown, info, warning, caption), joined."""
    return " ".join(e.value for kind in kinds for e in getattr(at, kind))
