"""Charts with their CSV downloads, and tabs that draw only the open view.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from lib.core.charts.look import Figure
from lib.core.charts.describe import describe
from lib.core.charts.tables import figure_tables, figure_to_csv, readable_table
from lib.core.problems import code_span, escape_markdown, quote
from lib.core.views import VIEW_KEY, find_view, view_id
from lib.ui.look import SCREEN_READER_ONLY

MAX_ROWS = 60  # rows of a chart's table shown on the page: enough to read the curve, short enough to scroll past


def tabbed(key: str, views: Mapping[str, Callable[[], None]]) -> None:
    """Tabs labelled by ``views``' keys, of which only the open one is drawn (by its function).

    Streamlit draws anew in the browser every chart whose figure changed, hidden or not; with
    one chart per tab, a slider move redraws one chart. Switching tabs reruns the enclosing
    fragment. The open tab is in the address (``view=<id>``, lib/core/views.py) unless it is the
    first, so the address and the share link open the same chart.
    """
    labels = list(views)
    _open_the_linked_view(key, labels)
    if len(views) == 1:  # one view needs no tab row
        next(iter(views.values()))()
        return
    for tab, draw in zip(st.tabs(labels, key=key, on_change=_address_the_open_view, args=(key, labels[0])),
                         views.values()):
        if tab.open:
            with tab:
                draw()


def _open_the_linked_view(key: str, labels: list[str]) -> None:
    """Open the tab the address names; say so when a link names one this page does not show."""
    asked = st.query_params.get(VIEW_KEY)
    if not asked:
        return
    label = find_view(asked, labels)
    if label is not None:
        st.session_state[key] = label
        return
    del st.query_params[VIEW_KEY]
    if key in st.session_state:
        return  # the tab we had put in the address went away (the uncertainty view switched off): nothing to say
    st.warning(f"This link asks for the chart {code_span(quote(asked))}, which this page does not show now, so it "
               f"opens on the first one. Its charts: {', '.join(labels)}.", icon=":material/warning:")


def _address_the_open_view(key: str, first: str) -> None:
    label = st.session_state.get(key)
    if label and label != first:
        st.query_params[VIEW_KEY] = view_id(label)
    elif VIEW_KEY in st.query_params:
        del st.query_params[VIEW_KEY]


def chart(fig: Figure, name: str, key: str, link: str = "", download: bool = True) -> None:
    """A Plotly chart with a CSV download of every series it plots, headed by the view's ``link``.

    Before it, for screen readers, the chart in a sentence (lib/core/charts/describe.py; hidden on
    screen, where the chart and its caption say it); after it, its numbers as tables one click
    away. ``download=False`` for a chart whose data the page offers in another table.
    """
    with st.container(key=f"{SCREEN_READER_ONLY}{key}"):
        st.markdown(escape_markdown(describe(fig.spec)))
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
    # Drawn only while open: the tables are built on the click, not on every slider move.
    numbers = st.expander("The numbers in this chart", key=f"numbers_{key}", on_change="rerun")
    if numbers.open:
        with numbers:
            for table in figure_tables(fig):
                st.table(readable_table(table.head(MAX_ROWS)).set_index(table.columns[0]))
                if len(table) > MAX_ROWS:
                    st.caption(f"The first {MAX_ROWS} of {len(table)} rows; the CSV download has them all.")
