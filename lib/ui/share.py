"""The share box: the link that reproduces a view (or a comparison), with a copy button.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

import streamlit as st

from lib.chains import CHAINS
from lib.core.registry import ParamSet, Value
from lib.tools.links.model import link_to


def view_link(params: ParamSet, values: Mapping[str, Value]) -> str:
    """The link that reproduces this view: the page's address with only the non-default values."""
    query = urlencode(params.non_defaults(values), safe=".,", doseq=True)
    base = st.context.url or ""
    return f"{base}?{query}" if query else base


def share_link(params: ParamSet, values: Mapping[str, Value]) -> None:
    """Show the link that reproduces this view, with a copy button."""
    link = view_link(params, values)
    with st.popover("Share this view", icon=":material/link:", width="content"):
        st.caption("This link restores every value on this page. The address bar holds it too.")
        st.code(link or "(the link appears when the page is open in a browser)", language=None, wrap_lines=True)
        chain = next((c for c in CHAINS if c.key == params.model), None)
        if chain is not None:
            st.page_link("pages/compare.py", label="Compare this view with another", icon=":material/compare_arrows:",
                         query_params={"a": link_to(chain, values)})


def compare_share(a: str, b: str) -> None:
    """The link that restores this comparison (the address bar holds it too)."""
    query = urlencode({k: v for k, v in (("a", a), ("b", b)) if v})
    base = st.context.url or ""
    with st.popover("Share this comparison", icon=":material/link:", width="content"):
        st.caption("This link restores both views and the comparison. The address bar holds it too.")
        st.code(f"{base}?{query}" if base else "(the link appears when the page is open in a browser)",
                language=None, wrap_lines=True)
