"""Home: the chains of reasoning this dashboard makes interactive, and where to find them."""

import streamlit as st

from lib import ui
from lib.chains import CHAINS

ui.ensure_app_navigation()

st.title(":material/query_stats: AI forecasting arguments, with the numbers live")
ui.no_parameters("home")
st.markdown(
    f"Debates about when AI reaches human level keep returning to {len(CHAINS)} chains of reasoning. Each "
    "page below turns one chain into sliders and charts, so a disagreement becomes a question of "
    "*which slider we set differently*. Every number has a formula and a source; every view has a "
    "link that reproduces it exactly."
)

for column, (number, chain) in zip(st.columns(len(CHAINS)), enumerate(CHAINS, start=1)):
    with column:
        st.subheader(f"{number} · {chain.title}")
        st.markdown(chain.summary)
        st.page_link(chain.page, label=f"Open {chain.title.lower()}", icon=chain.icon)

st.divider()
st.markdown(
    "**How to use it in a discussion.** Open a page and move its sliders: they sit in the column on the "
    "left of the charts (on a phone, above them, grouped in sections you open). Use "
    "*Share this view* (or copy the address bar) to send the exact view. Presets load published "
    "scenarios. Every chart's data downloads as CSV; the camera icon on a chart saves a PNG."
)
st.page_link("pages/sources.py", label="Sources: every parameter, default and dataset", icon=":material/menu_book:")
