"""Entry point: page config and navigation. Pages live in pages/, models in lib/."""

import streamlit as st

st.set_page_config(page_title="AI forecasting arguments", page_icon="📈", layout="wide")

pages = [
    st.Page("pages/home.py", title="Home", icon="🏠", default=True),
    st.Page("pages/loss.py", title="Loss extrapolation", icon="📉", url_path="loss"),
    st.Page("pages/gpt_human.py", title="GPT-human cost timeline", icon="💸", url_path="gpt_human"),
    st.Page("pages/bio_anchors.py", title="Biological anchors", icon="🧠", url_path="bio_anchors"),
    st.Page("pages/sources.py", title="Sources", icon="📚", url_path="sources"),
]
st.navigation(pages).run()
