"""The share box: the link that reproduces a view (or a comparison), with a copy button.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

import streamlit as st

from lib.chains import CHAINS
from lib.core.registry import ParamSet, Value
from lib.core.views import VIEW_KEY
from lib.tools.links.model import link_to
from lib.tools.positions.model import POSITION_KEY
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
    """Show the link that reproduces this view, with a copy button."""
    link = view_link(params, values)
    # An expander, not a popover: its content follows it in the page, so Tab goes from the box's
    # title into the link and its copy button, and Enter on the title closes it again. A popover's
    # content sits at the end of the page, where the keyboard reaches it last or never.
    with st.expander("Share this view", icon=":material/link:"):
        st.caption("This link restores every value on this page and the chart that is open. The address bar "
                   "holds the same values.")
        st.code(link or "(the link appears when the page is open in a browser)", language=None, wrap_lines=True)
        chain = next((c for c in CHAINS if c.key == params.model), None)
        if chain is not None:
            st.page_link("pages/compare.py", label="Compare this view with another", icon=":material/compare_arrows:",
                         query_params={"a": link_to(chain, values)})


def compare_share(a: str, b: str) -> None:
    """The link that restores this comparison (the address bar holds it too)."""
    query = urlencode({k: v for k, v in (("a", a), ("b", b), (VIEW_KEY, st.query_params.get(VIEW_KEY))) if v})
    base = st.context.url or ""
    with st.expander("Share this comparison", icon=":material/link:"):
        st.caption("This link restores both views and the comparison. The address bar holds it too.")
        st.code(f"{base}?{query}" if base else "(the link appears when the page is open in a browser)",
                language=None, wrap_lines=True)
