"""The shared chart look, and helpers every page's chart builders use.

One template for all pages: readable on a projector, log axes with units, and
one colour per law or anchor wherever it appears. Builders are pure
(data in, ``go.Figure`` out) so tests can inspect them without a browser.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
COLORS: dict[str, str] = {
    "kaplan": "#0072B2",
    "gpt3": "#E69F00",
    "hoffmann": "#009E73",
    "besiroglu": "#CC79A7",
    "hoffmann_1": "#7FCBB5",
    "hoffmann_2": "#3FB591",
    "strong": "#D55E00",
    "weak": "#56B4E9",
    "human": "#444444",
    "budget": "#222222",
    "models": "#333333",
}

# One colour per biological anchor, the same on every chart.
ANCHOR_COLORS: dict[str, str] = {
    "life": "#E69F00",
    "short": "#56B4E9",
    "med": "#0072B2",
    "long": "#003f73",
    "genome": "#009E73",
    "evo": "#CC79A7",
}

FONT_SIZE = 15


def base_layout(fig: go.Figure, *, height: int = 520, title: str | None = None) -> go.Figure:
    """Apply the dashboard's common layout (fonts, margins, legend, hover)."""
    fig.update_layout(
        template="plotly_white",
        height=height,
        title=dict(text=title, x=0.01, xanchor="left") if title else None,
        font=dict(size=FONT_SIZE),
        margin=dict(l=70, r=20, t=60 if title else 30, b=60),
        legend=dict(orientation="h", yanchor="top", y=-0.15, x=0, font=dict(size=13)),
        hovermode="closest",
        hoverlabel=dict(font_size=14),
    )
    return fig


def log_axis(title: str, lo: float | None = None, hi: float | None = None) -> dict[str, object]:
    """A log axis with '10^24'-style ticks; a tick every decade when the range is known and short."""
    axis: dict[str, object] = dict(type="log", title=title, exponentformat="power", showgrid=True,
                                   gridcolor="#e5e5e5")
    if lo is not None and hi is not None:
        axis["range"] = [np.log10(lo), np.log10(hi)]
        if np.log10(hi / lo) <= 16:
            axis["dtick"] = 1
    return axis


LOSS_TICKS = [0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 4, 5]


def loss_axis(title: str, lo: float | None = None, hi: float | None = None) -> dict[str, object]:
    """A log axis for losses (0.5 to 5 nats), labelled at readable values rather than decades."""
    axis = log_axis(title, lo, hi)
    axis.pop("dtick", None)
    axis.update(tickvals=LOSS_TICKS, ticktext=[str(t) for t in LOSS_TICKS])
    return axis


def figure_to_frame(fig: go.Figure) -> pd.DataFrame:
    """Every plotted series of a figure as one long table (series, x, y) for CSV download."""
    frames = []
    for trace in fig.data:
        x = getattr(trace, "x", None)
        y = getattr(trace, "y", None)
        if x is None or y is None or not trace.name:
            continue
        frames.append(pd.DataFrame({"series": trace.name, "x": np.asarray(x), "y": np.asarray(y)}))
    if not frames:
        return pd.DataFrame(columns=["series", "x", "y"])
    return pd.concat(frames, ignore_index=True)
