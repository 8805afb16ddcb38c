"""Entry point: page config and navigation, one page per chain. Pages live in pages/, models in lib/."""

import streamlit as st

from lib import ui
from lib.chains import CHAINS

APP = "AI forecasting arguments"
st.set_page_config(page_title=APP, page_icon="📈", layout="wide")

pages = [
    st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
    *(st.Page(chain.page, title=chain.title, icon=chain.icon, url_path=chain.url_path) for chain in CHAINS),
    st.Page("pages/trends.py", title="Compute trends", icon=":material/show_chart:", url_path="trends"),
    st.Page("pages/fit.py", title="Fit your own", icon=":material/query_stats:", url_path="fit"),
    st.Page("pages/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
]
ui.app_navigation_ran()
# Navigation on top: the page uses the full width, its controls in its own left column.
page = st.navigation(pages, position="top")
# Each page's own browser title, so a shared link's tab and bookmark say what it is.
st.set_page_config(page_title=APP if page.title == "Home" else f"{page.title} · {APP}")
ui.app_look()
page.run()
