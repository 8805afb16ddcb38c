"""The shared chart look, and helpers every page's chart builders use.

One template for all pages: readable on a projector and on a phone, log axes with units, and
one colour per law or anchor wherever it appears. Builders are pure (data in, ``go.Figure``
out) so tests can inspect them without a browser.

Labels are placed by :mod:`lib.core.charts.labels`, not left to Plotly; CSV downloads are built by
:mod:`lib.core.charts.tables`.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from functools import cached_property
from typing import Any

import numpy as np
import plotly.graph_objects as go
from _plotly_utils.utils import convert_to_base64
from plotly.basedatatypes import BaseFigure

from lib.core.charts.contrast import readable
from lib.core.charts.labels import (LABEL_SIZE, LEGEND_SIZE, Box, Frame, dodge, is_far, margins, phone_legend_columns,
                                    text_size)

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
COLORS: dict[str, str] = {
    "kaplan": "#0072B2",
    "gpt3": "#E69F00",
    "hoffmann": "#009E73",
    "besiroglu": "#CC79A7",
    # Hoffmann's other two approaches (allocation chart only): hues of their own from Paul Tol's
    # muted scheme; lighter and darker greens beside approach 3 could not be told apart.
    "hoffmann_1": "#999933",
    "hoffmann_2": "#332288",
    "strong": "#D55E00",
    "weak": "#56B4E9",
    "human": "#444444",
    "budget": "#222222",
    "models": "#333333",
}

# One colour per biological anchor, the same on every chart: six hues far apart for normal vision
# and under simulated protanopia and deuteranopia (tests/unit/test_charts.py measures CIEDE2000),
# from Okabe-Ito (orange, sky blue, blue) and Paul Tol's muted scheme (wine, green, rose).
ANCHOR_COLORS: dict[str, str] = {
    "life": "#E69F00",
    "short": "#56B4E9",
    "med": "#0072B2",
    "long": "#882255",
    "genome": "#117733",
    "evo": "#CC6677",
}

FONT_SIZE = 15
BASE_LAYOUT: dict[str, object] = {
    # No Plotly template (plotly.py's default one is most of a small figure's JSON, and the browser
    # works through it on every draw): every style a chart uses is set here.
    "template": {"layout": {}},
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "font": {"size": FONT_SIZE, "color": "#2a2a2a", "family": "'Source Sans', 'Source Sans Pro', sans-serif"},
    # Placed in the figure's bottom margin, which holds its rows on a phone; Chart.figure hangs it
    # from just under the axis title (lib.core.charts.labels.margins).
    "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0, "xanchor": "left",
               "font": {"size": LEGEND_SIZE}, "tracegroupgap": 0},
    "hovermode": "closest",
    "hoverlabel": {"font": {"size": 14}},
    # Two buttons (save as PNG, reset axes): a modebar that fits the empty top margin, even on a phone,
    # and two Tab stops per chart for a keyboard, not five. Dragging still zooms; double-click resets.
    "modebar": {"remove": ["select2d", "lasso2d", "autoScale2d", "zoomIn2d", "zoomOut2d", "toggleSpikelines",
                           "hoverClosestCartesian", "hoverCompareCartesian", "zoom2d", "pan2d"],
                "bgcolor": "rgba(255,255,255,0.8)"},
}
# Margins are fixed (lib.core.charts.labels.margins), never grown by Plotly while it draws.
GRID = {"showgrid": True, "gridcolor": "#e5e5e5", "zeroline": False, "linecolor": "#999", "showline": True,
        "automargin": False, "ticks": "outside", "ticklen": 4, "tickcolor": "#999"}
# A translucent white box behind direct labels, so the lines under them do not cut the text.
LABEL_BG = "rgba(255,255,255,0.8)"


def rgba(hex_color: str, alpha: float) -> str:
    """'#0072B2' at ``alpha`` opacity, as Plotly takes it."""
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


class Chart:
    """A figure built as plain dicts, validated by our tests rather than by Plotly.

    Plotly's object API validates every property as it is set; for the dozens of
    traces a page redraws on each slider move that cost ~150 ms per rerun on this
    machine, against ~10 ms for dicts wrapped once without validation.
    """

    def __init__(self) -> None:
        self.data: list[dict[str, object]] = []
        self.annotations: list[dict[str, object]] = []
        # Leader lines: (x, y) in axis units, then px offsets (y up) of their two ends.
        self._leaders: list[tuple[float, float, float, float, float, float]] = []

    def label(self, x: float, y: float, text: str, *, log_x: bool = False, log_y: bool = False,
              position: str = "top center", **extra: object) -> None:
        """A text label as a layout annotation: cheaper for the browser to redraw than trace text.

        Annotations on log axes are placed in log10 units, hence the flags.
        """
        vertical, _, horizontal = position.partition(" ")
        shift = {"top": 10, "bottom": -10, "middle": 0}[vertical]
        anchor = {"left": "right", "right": "left", "center": "center", "": "center"}[horizontal]
        spec = {"x": float(np.log10(x)) if log_x else x, "y": float(np.log10(y)) if log_y else y,
                "text": text, "showarrow": False, "yshift": shift, "xanchor": anchor,
                "font": {"size": LABEL_SIZE, "color": "#444"}}
        spec.update(extra)
        self.annotations.append(spec)

    def callout(self, x: float, y: float, text: str, offset: tuple[float, float], *, color: str = "#333",
                marker: float = 12, background: bool = False, **extra: object) -> None:
        """A label centred ``offset`` px (y up) from a point in axis units, from :func:`place_labels`.

        Labels further than their own size from the point get a thin leader line to it: a line
        shape sized in px, not an annotation arrow, which Plotly measures along its drawn path,
        making the browser lay the whole page out again for every label on every redraw. A white
        box behind the text only with ``background`` (a label that had to go over a line): such a
        box behind every label cost the browser ~20 ms per redraw of the loss chart.
        """
        dx, dy = offset
        w, h = text_size(text)
        spec: dict[str, object] = {"x": x, "y": y, "text": text, "xanchor": "center", "yanchor": "middle",
                                   "font": {"size": LABEL_SIZE, "color": color}, "name": "placed",
                                   "showarrow": False, "xshift": dx, "yshift": dy}
        if background:
            spec["bgcolor"] = LABEL_BG
        spec.update(extra)
        self.annotations.append(spec)
        if is_far(dx, dy, w, h):
            # From just outside the marker to the edge of the label's box.
            dist = math.hypot(dx, dy)
            start = (marker / 2 + 1) / dist
            end = 1 - min(w / 2 / abs(dx) if dx else math.inf, h / 2 / abs(dy) if dy else math.inf)
            self._leaders.append((x, y, dx * start, dy * start, dx * end, dy * end))

    def end_labels(self, x: float, ends: list[tuple[float, str, str]], frame: Frame) -> list[Box]:
        """Bold line names left of ``x`` at each line's end ``(y, text, colour)`` (axis units).

        Stacked apart where lines end close together, on ``frame`` (the shortest plot, where they
        crowd most); returns the labels' boxes, for other labels to keep clear of.
        """
        h = text_size("Xg", 12)[1]
        natural = [float(frame.px(x, y)[1]) for y, _, _ in ends]
        boxes = []
        for (y, text, color), y0, y1 in zip(ends, natural, dodge(natural, h + 1, 0, frame.height)):
            shift = y1 - y0
            self.annotations.append({"x": x, "y": y, "xanchor": "right", "yanchor": "middle", "xshift": -3,
                                     "yshift": shift, "text": f"<b>{text}</b>", "showarrow": False,
                                     "bgcolor": LABEL_BG, "font": {"size": 12, "color": color}, "name": "placed"})
            boxes.append(Box(x, y, -3 - text_size(text, 12)[0], shift - h / 2, -3, shift + h / 2))
        return boxes

    def band(self, x: object, lower: object, upper: object, color: str, alpha: float, *, name: str = "",
             edges: tuple[str, str] | None = None) -> None:
        """A shaded band between two curves (a closed polygon); ``edges`` names its two edges in the CSV."""
        xs, lo, hi = (np.asarray(a, dtype=float) for a in (x, lower, upper))
        keep = np.isfinite(lo) & np.isfinite(hi)
        xs, lo, hi = xs[keep], lo[keep], hi[keep]
        self.add(x=np.concatenate([xs, xs[::-1]]), y=np.concatenate([lo, hi[::-1]]), mode="lines", fill="toself",
                 fillcolor=rgba(color, alpha), line={"width": 0, "color": rgba(color, 0.0)}, hoverinfo="skip",
                 showlegend=False, name=name, **({"meta": {"band": list(edges)}} if edges else {}))

    def quantile_bands(self, x: object, q: Mapping[float, object], color: str, what: str) -> None:
        """The uncertainty view's bands around a line: 10-90% faint, 25-75% darker (``q`` by quantile)."""
        self.band(x, q[0.1], q[0.9], color, 0.14, name=f"{what}: 10-90% of draws",
                  edges=(f"{what}: 10th percentile of draws", f"{what}: 90th percentile of draws"))
        self.band(x, q[0.25], q[0.75], color, 0.28, name=f"{what}: 25-75% of draws",
                  edges=(f"{what}: 25th percentile of draws", f"{what}: 75th percentile of draws"))

    def add(self, **trace: object) -> None:
        trace.setdefault("type", "scatter")
        self.data.append(trace)

    def line(self, x: object, y: object, name: str, color: str, *, width: float = 3, dash: str = "solid",
             hover: str | None = None, **extra: object) -> None:
        self.add(x=x, y=y, name=name, mode="lines", line={"color": color, "width": width, "dash": dash},
                 hovertemplate=hover or f"{name}<br>%{{x}}<br>%{{y}}<extra></extra>", **extra)

    def vline(self, x: float, y_range: tuple[float, float], color: str, *, dash: str = "solid",
              width: float = 1.5) -> None:
        """A vertical line drawn as a trace, so it needs no log-axis shape arithmetic."""
        self.add(x=[x, x], y=list(y_range), mode="lines", line={"color": color, "width": width, "dash": dash},
                 hoverinfo="skip", showlegend=False)

    def _leader_shapes(self, layout: dict[str, object]) -> list[dict[str, object]]:
        """Leader lines as line shapes sized in px around an anchor given as a fraction of the plot.

        Anchored in paper fractions, not data: Plotly drops negative px offsets of a shape
        anchored on a log axis. Needs both axes' ranges, which every chart with callouts sets.
        """
        (x0, x1), (y0, y1) = (layout[a]["range"] for a in ("xaxis", "yaxis"))  # type: ignore[index]
        return [{"type": "line", "xref": "paper", "yref": "paper", "xsizemode": "pixel", "ysizemode": "pixel",
                 "xanchor": (x - x0) / (x1 - x0), "yanchor": (y - y0) / (y1 - y0), "x0": a0, "y0": b0, "x1": a1,
                 "y1": b1, "line": {"color": "#888", "width": 1}, "layer": "above", "name": "leader"}
                for x, y, a0, b0, a1, b1 in self._leaders]

    def legend_names(self) -> list[str]:
        """The names the legend will show, for estimating its height."""
        return [str(t["name"]) for t in self.data if t.get("name") and t.get("showlegend", True)]

    def figure(self, *, height: int = 520, csv: dict[str, str] | None = None, **layout: object) -> Figure:
        """The figure; ``csv`` names the x and y columns of its download ({"x": ..., "y": ...}, with units).

        ``margin`` overrides :data:`lib.core.charts.labels.MARGIN`; the legend's room is added to it, as
        :func:`lib.core.charts.labels.frames` assumes when labels are placed.
        """
        legend = self.legend_names() if layout.get("showlegend", True) else []
        overrides: dict[str, int] = layout.pop("margin", {})  # type: ignore[assignment]
        margin = margins(legend, **overrides)
        if legend:
            # The legend hangs from just under the axis title, in the columns it has on a phone at
            # every width (each a fraction of the plot's width): the rows the margin holds for it.
            room = margin["b"] - margins(**overrides)["b"]
            layout["legend"] = {**layout.get("legend", BASE_LAYOUT["legend"]),  # type: ignore[dict-item]
                                "y": room / height, "yanchor": "top", "entrywidthmode": "fraction",
                                "entrywidth": 1 / phone_legend_columns(legend, **overrides)}
        # Streamlit hands a drawn chart the same figure again as new objects (when its rerun ends);
        # without a revision that says the data is the same, Plotly recomputes and redraws it all.
        revision = _digest(self.data)
        _readable_text(self.data, self.annotations)
        spec = {"data": self.data, "layout": {**BASE_LAYOUT, "height": height, "annotations": self.annotations,
                                              "margin": margin, "datarevision": revision, **layout}}
        if self._leaders:
            spec["layout"]["shapes"] = self._leader_shapes(layout)  # type: ignore[index]
        if csv:
            spec["layout"]["meta"] = {"csv": csv}  # type: ignore[index]
        return Figure(spec)


class Figure:
    """A finished chart: its Plotly spec as plain dicts, and a ``go.Figure`` only when one is read.

    Reading it as a figure (``fig.data``, ``fig.layout`` in tests and the CSV download) builds
    Plotly's object once. Streamlit gets :meth:`sendable`, which skips that object: building it
    and turning it back into a dict cost ~7 ms of the Loss page's ~20 ms rerun.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    @cached_property
    def plotly(self) -> go.Figure:
        return go.Figure(self.spec, _validate=False)

    def __getattr__(self, name: str) -> Any:
        if name in ("spec", "plotly", "__setstate__"):  # not yet set (copy, pickle): no recursion
            raise AttributeError(name)
        return getattr(self.plotly, name)

    def wire_dict(self) -> dict[str, Any]:
        """The spec as Plotly's ``to_dict`` gives it: numeric arrays as base64 typed arrays."""
        out = _copy_containers(self.spec)
        convert_to_base64(out)
        return out

    def sendable(self) -> BaseFigure:
        return _Sendable(self)


class _Sendable(BaseFigure):
    """What ``st.plotly_chart`` is given: it turns a BaseFigure into its spec with ``to_dict()``.

    A plain dict would be validated property by property (a go.Figure built from it), so the
    spec travels in this shell, which has nothing but ``to_dict``. tests/unit/test_charts.py
    checks that the result equals Plotly's own ``to_dict`` of the same figure.
    """

    def __init__(self, figure: Figure) -> None:  # no BaseFigure.__init__: that is the cost avoided
        object.__setattr__(self, "_figure", figure)

    def to_dict(self) -> dict[str, Any]:
        return object.__getattribute__(self, "_figure").wire_dict()


def _readable_text(traces: list[dict[str, Any]], annotations: list[dict[str, Any]]) -> None:
    """Text drawn in a line's colour takes the darker shade of it that reads on white (lib.core.charts.contrast).

    Text inside bars is the builders' choice (black or white by the bar, ``contrast.text_on``).
    """
    for spec in annotations:
        font = spec.get("font")
        if isinstance(font, dict) and isinstance(font.get("color"), str):
            spec["font"] = {**font, "color": readable(font["color"])}
    for trace in traces:
        for key in ("textfont", "outsidetextfont"):
            font = trace.get(key)
            if not isinstance(font, dict):
                continue
            color = font.get("color")
            if isinstance(color, str):
                trace[key] = {**font, "color": readable(color)}
            elif isinstance(color, (list, tuple)):
                trace[key] = {**font, "color": [readable(c) if isinstance(c, str) else c for c in color]}


def _copy_containers(obj: Any) -> Any:
    """Dicts and lists copied, leaves (arrays, strings, numbers) shared: what base64 conversion rewrites."""
    if isinstance(obj, dict):
        return {k: _copy_containers(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_copy_containers(v) for v in obj]
    return obj


def _digest(traces: list[dict[str, object]]) -> str:
    """A short fingerprint of traces' contents: arrays by their bytes, everything else by its repr."""
    h = hashlib.blake2b(digest_size=8)
    for trace in traces:
        for key, value in trace.items():
            h.update(key.encode())
            h.update(value.tobytes() if isinstance(value, np.ndarray) else repr(value).encode())
    return h.hexdigest()


def axis(title: str, **extra: object) -> dict[str, object]:
    return {"title": {"text": title}, **GRID, **extra}


def log_axis(title: str, lo: float | None = None, hi: float | None = None, *, dtick: float | None = None
             ) -> dict[str, object]:
    """A log axis with '10^24'-style ticks over [lo, hi].

    Plotly spaces the ticks itself by the width it has (every decade on a wide screen, every few
    on a phone), so no tick labels collide; pass ``dtick`` (decades) only for a y axis, whose
    height does not change with the screen.
    """
    spec = axis(title, type="log", exponentformat="power")
    if lo is not None and hi is not None:
        spec["range"] = [float(np.log10(lo)), float(np.log10(hi))]
    if dtick is not None:
        spec["dtick"] = dtick
    return spec


def year_axis(lo: float, hi: float, title: str = "year") -> dict[str, object]:
    """A calendar-year axis over [lo, hi]: ticks at whole years, printed as 2031 (never 2,031.5).

    Over a long span Plotly's own spacing (by the width it has) already falls on whole years;
    over a short one it would tick half-years, so there the ticks are every whole year, or every
    second one past six years, which a phone still fits.
    """
    spec = axis(title, range=[lo, hi], tickformat="d")
    first, last = math.ceil(lo), math.floor(hi)
    if last - first <= 12:
        step = 1 if last - first <= 6 else 2
        spec["tickvals"] = list(range(first, last + 1, step))
    return spec


# Below 0.2 too: a strong scenario or a low human level can take the axis down to a few hundredths.
LOSS_TICKS = [0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 4, 5, 7, 10]


def loss_axis(title: str, lo: float | None = None, hi: float | None = None) -> dict[str, object]:
    """A log axis for losses (0.5 to 5 nats at the defaults), labelled at readable values rather than decades."""
    spec = log_axis(title, lo, hi)
    spec.update(tickvals=LOSS_TICKS, ticktext=[str(t) for t in LOSS_TICKS])
    return spec


