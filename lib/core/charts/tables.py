"""A chart's data as the tables a spreadsheet user expects: one column per series, units in headers.

Pure: a Plotly figure in, tables or CSV text out.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.core import units
from lib.core.charts.look import Figure

# ---- CSV downloads ---------------------------------------------------------------------------------

def figure_to_frame(fig: Figure | go.Figure) -> pd.DataFrame:
    """Every plotted series of a figure as one long table (series, x, y); see :func:`figure_to_csv`."""
    frames_ = []
    for trace in fig.data:
        x, y, name = trace["x"], trace["y"], trace["name"]
        # Unnamed traces are decoration (bands, vertical markers), not data.
        if x is None or y is None or not name:
            continue
        frames_.append(pd.DataFrame({"series": name, "x": np.asarray(x), "y": np.asarray(y)}))
    if not frames_:
        return pd.DataFrame(columns=["series", "x", "y"])
    return pd.concat(frames_, ignore_index=True)


def _meta(obj: object) -> dict[str, object]:
    meta = obj["meta"] if obj is not None else None  # type: ignore[index]
    return meta if isinstance(meta, dict) else {}


def figure_tables(fig: Figure | go.Figure) -> list[pd.DataFrame]:
    """A figure's data as tidy tables: one column per series with its unit, rows on a shared x.

    Lines drawn on the same x grid share a table; a two-point horizontal line (a budget, a
    target) joins the table whose x it spans, its constant value on every row. Lines on other
    grids get a table each. Marker traces (notable models, crossings) get a table each, with
    their labels in the first column. Unnamed traces are decoration and left out; a shaded band
    whose trace ``meta`` names its edges ({"band": [lower, upper]}) gives those two columns.
    Column names come from the layout's ``meta.csv`` ({"x": ..., "y": ...}, with units) and each
    trace's name, or a trace's ``meta.column``.
    """
    spec = _meta(fig.layout).get("csv") or {}
    x_head, y_head = str(spec.get("x", "x")), str(spec.get("y", "y"))  # type: ignore[union-attr]
    grids: list[tuple[np.ndarray, dict[str, np.ndarray]]] = []
    flat: list[tuple[str, float, float, float]] = []
    points: list[pd.DataFrame] = []

    def column(trace: object, name: str) -> str:
        return str(_meta(trace).get("column") or f"{name}: {_meta(trace).get('y', y_head)}")

    def add_to_grid(x: np.ndarray, head: str, y: np.ndarray) -> None:
        for gx, cols in grids:
            if len(gx) == len(x) and np.array_equal(gx, x):
                cols[head] = y
                return
        grids.append((x, {head: y}))

    for trace in fig.data:
        name, meta = trace["name"], _meta(trace)
        if trace["x"] is None or trace["y"] is None or meta.get("csv") is False:
            continue
        x, y = np.asarray(trace["x"]), np.asarray(trace["y"])
        band = meta.get("band")
        if band and len(x) % 2 == 0:  # lower edge forwards, upper edge back
            n = len(x) // 2
            add_to_grid(x[:n].astype(float), str(band[0]), y[:n].astype(float))  # type: ignore[index]
            add_to_grid(x[:n].astype(float), str(band[1]), y[n:][::-1].astype(float))  # type: ignore[index]
            continue
        if not name:
            continue
        mode = str(trace["mode"] or "")
        if "markers" in mode:
            labels = trace["text"]
            table = {x_head: x.astype(float), column(trace, name): y.astype(float)}
            if labels is not None and not isinstance(labels, str) and len(labels) == len(x):
                table = {name: list(labels), **table}
            points.append(pd.DataFrame(table))
        elif len(x) == 2 and y[0] == y[1]:
            flat.append((column(trace, name), float(min(x)), float(max(x)), float(y[0])))
        else:
            add_to_grid(x.astype(float), column(trace, name), y.astype(float))

    tables = []
    for gx, cols in grids:
        table = pd.DataFrame({x_head: gx, **cols})
        for head, lo, hi, value in list(flat):
            if gx.min() >= lo - 1e-9 * abs(lo) and gx.max() <= hi + 1e-9 * abs(hi):
                table[head] = value
                flat.remove((head, lo, hi, value))
        tables.append(table)
    for head, lo, hi, value in flat:
        tables.append(pd.DataFrame({x_head: [lo, hi], head: [value, value]}))
    return tables + points


def figure_to_csv(fig: Figure | go.Figure, link: str) -> str:
    """The CSV a download gives: the link of the view, then each table of :func:`figure_tables`.

    Tables are separated by a blank line, each with its own header row; numbers to six
    significant figures.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f"Data from {link}" if link else "Data from this dashboard (no link available)"])
    for table in figure_tables(fig):
        out.write("\n")
        table.to_csv(out, index=False, float_format="%.6g", lineterminator="\n")
    return out.getvalue()


def readable_table(table: pd.DataFrame) -> pd.DataFrame:
    """A table of :func:`figure_tables` as text a person reads on the page: '3.14496e23', '2020.13', blank for no value.

    Six significant figures, as links print numbers (lib.core.units.format_number); pandas would
    print '314,496,000,000,000,000,000,000.0000'.
    """
    def cell(v: object) -> object:
        if isinstance(v, (float, np.floating)):
            return units.format_number(float(v)) if np.isfinite(v) else ""
        return v
    return table.map(cell)
