"""How a page runs through app.py's navigation, also on a cold server opened by a shared link.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

import streamlit as st

from lib.core.problems import code_span, quote

_VIA_APP = "_ran_through_app"  # set by app.py's every run: this session has its navigation
_NAV_RERUNS = "_navigation_reruns"


def app_navigation_ran() -> None:
    """Called by app.py before it runs the page: this session's runs go through its navigation."""
    st.session_state[_VIA_APP] = True


def ensure_app_navigation() -> None:
    """Make a cold-started server honour app.py's navigation; call first on every page.

    With a pages/ folder beside app.py, Streamlit's legacy multipage mode runs the
    first script of a fresh server directly when it is opened by a page's path
    (a shared link), skipping app.py's page config and navigation. Turning that mode
    off and rerunning sends this session, and every later one, through app.py. Page
    url_paths equal the file stems, so the rerun lands on the same page. Decided per
    session, by whether app.py ran for it: two visitors who arrive together on a cold
    server each start in legacy mode, and the second must rerun too, although the
    first has already turned the mode off. At most twice, so nothing can loop.
    """
    if st.session_state.get(_VIA_APP):
        return
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    reruns = st.session_state.get(_NAV_RERUNS, 0)
    if reruns < 2:
        st.session_state[_NAV_RERUNS] = reruns + 1
        st.rerun()


def say_if_no_such_page() -> None:
    """On the home page: say so when the address named a page that does not exist (Streamlit shows home instead)."""
    from urllib.parse import unquote, urlsplit

    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    path = unquote(urlsplit(st.context.url or "").path).strip("/")
    path = path[len(base):].strip("/") if base and path.startswith(base) else path
    if path:
        st.warning(f"There is no page {code_span(quote(path))} here, so this is the home page. The pages are in "
                   "the bar at the top.", icon=":material/warning:")
