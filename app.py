"""Entry point, in two roles. ``streamlit run app.py`` imports it and finds ``app``, the server: Streamlit's
own, plus link previews, the JSON API and a warm start (lib/web/server.py). The server then runs this
same file for each visitor as the script ``__main__``: page config and navigation, one page per chain.
Pages live in pages/, models in lib/.
"""

import streamlit as st

if __name__ == "__main__":  # a visitor's run
    from lib import ui
    from lib.chains import CHAINS
    from lib.tools.previews.model import SITE

    st.set_page_config(page_title=SITE, page_icon="📈", layout="wide")

    pages = [
        st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
        *(st.Page(chain.page, title=chain.title, icon=chain.icon, url_path=chain.url_path) for chain in CHAINS),
        st.Page("pages/trends.py", title="Compute trends", icon=":material/show_chart:", url_path="trends"),
        st.Page("pages/fit.py", title="Fit your own", icon=":material/query_stats:", url_path="fit"),
        st.Page("pages/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
        st.Page("pages/sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
    ]
    ui.app_navigation_ran()
    # Navigation on top: the page uses the full width, its controls in its own left column. Embedded in
    # a post (?embed=true), a view stands alone: no menu of the other pages.
    page = st.navigation(pages, position="hidden" if st.context.is_embedded else "top")
    # Each page's own browser title, so a shared link's tab and bookmark say what it is.
    st.set_page_config(page_title=SITE if page.title == "Home" else f"{page.title} · {SITE}")
    ui.app_look()
    page.run()
else:  # imported by the server (`streamlit run app.py`, or any ASGI server: `uvicorn app:app`)
    from starlette.middleware import Middleware

    from lib.web.server import PreviewMiddleware, api_routes, warm_start

    app = st.App(__file__, routes=api_routes(), middleware=[Middleware(PreviewMiddleware)], lifespan=warm_start)
