"""Charts with their CSV downloads, and tabs that draw only the open view.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from lib.core.charts.look import Figure
from lib.core.charts.tables import figure_to_csv


def tabbed(key: str, views: Mapping[str, Callable[[], None]]) -> None:
    """Tabs labelled by ``views``' keys, of which only the open one is drawn (by its function).

    Streamlit draws anew in the browser every chart whose figure changed, hidden or not; with
    one chart per tab, a slider move redraws one chart. Switching tabs reruns the enclosing
    fragment.
    """
    if len(views) == 1:  # one view needs no tab row
        next(iter(views.values()))()
        return
    for tab, draw in zip(st.tabs(list(views), key=key, on_change="rerun"), views.values()):
        if tab.open:
            with tab:
                draw()


def chart(fig: Figure, name: str, key: str, link: str = "", download: bool = True) -> None:
    """A Plotly chart with a CSV download of every series it plots, headed by the view's ``link``.

    ``download=False`` for a chart whose data the page offers in another table.
    """
    # theme=None: Streamlit's theme would add a template and automargins to every figure, which
    # doubled the browser's time to draw it (lib/core/charts/look.py sets the look itself).
    st.plotly_chart(fig.sendable(), width="stretch", key=f"chart_{key}", theme=None,
                    config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": name,
                                                                          "scale": 2}})
    if not download:
        return
    # Deferred: the CSV is built only when someone clicks, not on every slider move.
    st.download_button(f"Download data (CSV): {name}", lambda: figure_to_csv(fig, link),
                       file_name=f"{name}.csv", mime="text/csv", key=f"csv_{key}", icon=":material/download:",
                       on_click="ignore")
