"""Home: the three arguments this dashboard makes interactive, and where to find them."""

import streamlit as st

from lib import ui

ui.ensure_app_navigation()

st.title("📈 AI forecasting arguments, with the numbers live")
st.markdown(
    "Debates about when AI reaches human level keep returning to three chains of reasoning. Each "
    "page below turns one chain into sliders and charts, so a disagreement becomes a question of "
    "*which slider we set differently*. Every number has a formula and a source; every view has a "
    "link that reproduces it exactly."
)

left, middle, right = st.columns(3)
with left:
    st.subheader("1 · Loss extrapolation")
    st.markdown(
        "Scaling laws (Kaplan 2020, Chinchilla 2022 and its 2024 replication) predict loss from "
        "training compute. Extend the straight line to larger budgets, compare compute-optimal "
        "allocations, and decide where the line ends: at an irreducible floor, or earlier."
    )
    st.page_link("pages/loss.py", label="Open the loss page", icon="📉")
with middle:
    st.subheader("2 · The “GPT-human” cost timeline")
    st.markdown(
        "How much compute would reach human-level loss on the GPT-3 scaling curve, when growing "
        "training budgets get there, and when falling costs make it affordable (Gwern 2020)."
    )
    st.page_link("pages/gpt_human.py", label="Open the cost timeline", icon="💸")
with right:
    st.subheader("3 · Biological anchors")
    st.markdown(
        "Cotra's 2020 model: the probability of transformative AI by year, from how much compute "
        "brain-based anchors say it needs against how much compute will be affordable."
    )
    st.page_link("pages/bio_anchors.py", label="Open the anchors page", icon="🧠")

st.divider()
st.markdown(
    "**How to use it in a discussion.** Open a page, move the sliders in the sidebar, and use "
    "*Share this view* (or copy the address bar) to send the exact view. Presets load published "
    "scenarios. Every chart's data downloads as CSV; the camera icon on a chart saves a PNG."
)
st.page_link("pages/sources.py", label="Sources: every parameter, default and dataset", icon="📚")
