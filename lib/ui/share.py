"""The share box: the link that reproduces a view (or a comparison), with a copy button.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit

import streamlit as st

from lib.chains import CHAINS
from lib.core.registry import ParamSet, Value
from lib.core.views import VIEW_KEY
from lib.tools.links.model import link_to
from lib.tools.positions.model import POSITION_KEY
from lib.tools.previews.model import SITE
from lib.ui.session import current_position


def view_link(params: ParamSet, values: Mapping[str, Value]) -> str:
    """The link that reproduces this view: the page's address with only the non-default values.

    Then the chart tab that is open (``view``, when not the first), and the position applied last,
    while this page's values are still the position's (``position``: its name shows in the box).
    """
    context: dict[str, str] = {}
    if st.query_params.get(VIEW_KEY):
        context[VIEW_KEY] = st.query_params[VIEW_KEY]
    position = current_position()
    chain = next((c for c in CHAINS if c.key == params.model), None)
    if position is not None and chain is not None and not params.differences(values, position.chain_values(chain.key)):
        context[POSITION_KEY] = position.key
    query = urlencode({**params.non_defaults(values), **context}, safe=".,", doseq=True)
    base = st.context.url or ""
    return f"{base}?{query}" if query else base


def share_link(params: ParamSet, values: Mapping[str, Value]) -> None:
    """Show the link that reproduces this view, with a copy button, its JSON and an embed snippet."""
    # An expander, not a popover: its content follows it in the page, so Tab goes from the box's
    # title into the link and its copy button, and Enter on the title closes it again. A popover's
    # content sits at the end of the page, where the keyboard reaches it last or never.
    # Drawn only while open: every element a slider move sends is drawn again in the browser, and
    # the box's seven are not worth that while nobody looks at them.
    box = st.expander("Share this view", icon=":material/link:", key=f"_share_{params.model}", on_change="rerun")
    if not box.open:
        return
    link = view_link(params, values)
    with box:
        st.caption("This link restores every value on this page and the chart that is open. The address bar "
                   "holds the same values.")
        st.code(link or "(the link appears when the page is open in a browser)", language=None, wrap_lines=True)
        chain = next((c for c in CHAINS if c.key == params.model), None)
        if chain is not None:
            st.page_link("pages/compare.py", label="Compare this view with another", icon=":material/compare_arrows:",
                         query_params={"a": link_to(chain, values)})
        if link:
            _for_scripts_and_posts(link, f"/api/{chain.url_path}" if chain is not None else "", "this view",
                                   chain.title if chain is not None else SITE)


def _for_scripts_and_posts(link: str, api_path: str, what: str, title: str) -> None:
    """The view's numbers as JSON (``/api/...``, lib/web/server.py) and an ``<iframe>`` that shows it in a post."""
    parts = urlsplit(link)
    if api_path:
        # The API reads the link's own values; the open chart tab is the page's business.
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != VIEW_KEY])
        st.markdown(f"[The numbers of {what} as JSON]({parts.scheme}://{parts.netloc}{api_path}"
                    f"{'?' + query if query else ''}): what `python -m lib` prints, for scripts and notebooks.")
    # The link is URL-encoded already; these three could only come from a hand-typed address.
    embed = f"{link}{'&' if parts.query else '?'}embed=true".replace('"', "%22").replace("<", "%3C").replace(">", "%3E")
    st.caption("Embed it in a post or a page: this view alone, the numbers and the chart first.")
    # Plain, not highlighted as HTML: Streamlit's highlighting colours fall under 4.5:1 on its grey box.
    st.code(f'<iframe src="{embed}" title="{html.escape(title, quote=True)}" width="100%" height="900" '
            'style="border:0"></iframe>', language=None, wrap_lines=True)


def compare_share(a: str, b: str) -> None:
    """The link that restores this comparison (the address bar holds it too)."""
    query = urlencode({k: v for k, v in (("a", a), ("b", b), (VIEW_KEY, st.query_params.get(VIEW_KEY))) if v})
    base = st.context.url or ""
    with st.expander("Share this comparison", icon=":material/link:"):
        st.caption("This link restores both views and the comparison. The address bar holds it too.")
        st.code(f"{base}?{query}" if base else "(the link appears when the page is open in a browser)",
                language=None, wrap_lines=True)
        if base:
            compare_query = urlencode({k: v for k, v in (("a", a), ("b", b)) if v})
            api = urlsplit(base)._replace(path="/api/compare", query=compare_query).geturl()
            st.markdown(f"[This comparison as JSON]({api}): what `python -m lib compare` prints.")
            _for_scripts_and_posts(f"{base}?{query}", "", "this comparison", f"Compare · {SITE}")
