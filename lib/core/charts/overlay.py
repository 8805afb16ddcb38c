"""A chain's main chart as plain lines, so two views of it can be drawn over each other (lib.tools.compare.charts).

Each chain declares ``Chain.overlay(values, result) -> Overlay``. Pure: no Streamlit, no Plotly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Line:
    """One line of a chain's main chart: a stable key (to pair A's with B's), its name, data and colour."""

    key: str
    name: str
    x: np.ndarray
    y: np.ndarray
    color: str
    width: float = 3.0


@dataclass(frozen=True)
class Overlay:
    """A chain's main chart for one view: its lines and its axes (a year axis is linear in years)."""

    title: str
    lines: tuple[Line, ...]
    x_title: str
    y_title: str
    x_scale: str = "linear"  # "linear", "log" or "year"
    y_scale: str = "linear"  # "linear", "log" or "percent"
    x_range: tuple[float, float] | None = None
    y_range: tuple[float, float] | None = None
