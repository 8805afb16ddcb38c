"""The compare page's inputs: its two link boxes and the shortcuts that fill them.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from lib.core.problems import Problem, summarize
from lib.core.registry import ParamSet
from lib.tools.links.model import Link, LinkError, link_to, read_link
from lib.tools.positions.model import POSITIONS
from lib.ui.address import check_link, mount_probe, show_problems
from lib.ui.session import last_view

COMPARE_KEYS = ("a", "b")  # the compare page's link keys: each holds one chain view's link, URL-encoded


def compare_inputs(default_a: str, default_b: str) -> tuple[str, str]:
    """The two link boxes of the compare page (bound to ``?a=`` and ``?b=``); returns their text.

    Arriving with only ``a`` (from a chain page's "Compare" link), B starts as that chain at its
    defaults, or at its first preset where A is the defaults, so the page opens comparing something.
    """
    params = ParamSet("compare", ())
    check_link(params, keep=COMPARE_KEYS)
    show_problems(params)
    if "a" in st.query_params and "b" not in st.query_params and "b" not in st.session_state:
        try:
            link = read_link(st.query_params["a"])
        except LinkError:
            pass
        else:
            chain = link.chain
            b_values = chain.params.defaults()
            if not chain.params.differences(link.values, b_values):
                b_values = next(({**b_values, **p.values} for p in chain.presets
                                 if chain.params.differences({**b_values, **p.values}, link.values)), b_values)
            st.query_params["b"] = link_to(chain, b_values)
            st.rerun()  # a bound widget seeds from the query its run started with
    left, right = st.columns(2)
    help_text = ("The address of a chain's page, as its address bar or *Share this view* gives it: a full URL or a "
                 "path such as /bio_anchors?hw_halving=1.5.")
    with left:
        a = st.text_input("Link A", value=default_a, key="a", bind="query-params", help=help_text,
                          placeholder="/bio_anchors?hw_halving=1.5")
    with right:
        b = st.text_input("Link B", value=default_b, key="b", bind="query-params", help=help_text,
                          placeholder="/bio_anchors?spend_doubling=1.5")
    # After the boxes: mounted before them, the probe (gone on the next run) stopped the browser from
    # writing later edits of the boxes to the address bar.
    mount_probe(params)
    return a or "", b or ""


def compare_helpers(a: Link | None, default_a: str, default_b: str) -> None:
    """Shortcuts that fill the boxes: the view just left as A, a preset or position as B, swap, the example."""
    def set_links(new_a: str | None = None, new_b: str | None = None) -> None:
        if new_a is not None:
            st.session_state["a"] = new_a
        if new_b is not None:
            st.session_state["b"] = new_b

    last = last_view()
    cols = st.columns([2, 2, 1, 1], vertical_alignment="bottom")
    with cols[0]:
        if last is not None:
            st.button(f"A = the view I was just on ({last[0]})", on_click=set_links, args=(last[1],),
                      icon=":material/history:", width="stretch")
        else:
            st.caption("Open a chain's page first to take the view you leave there as A.")
    with cols[1]:
        if a is not None:
            chain = a.chain
            options = {f"Preset: {p.name}": {**chain.params.defaults(), **p.values} for p in chain.presets}
            options |= {f"Position: {p.name}": p.chain_values(chain.key) for p in POSITIONS if p.sets(chain.key)}
            pick = "_compare_b_pick"

            def on_pick() -> None:
                chosen = st.session_state[pick]
                if chosen in options:
                    set_links(new_b=link_to(chain, options[chosen]))
                st.session_state[pick] = None

            st.selectbox(f"B = a preset or position of {chain.title}", list(options), index=None, key=pick,
                         on_change=on_pick, placeholder="Pick one")
    with cols[2]:
        st.button("Swap A and B", on_click=lambda: set_links(st.session_state.get("b", default_b),
                                                             st.session_state.get("a", default_a)),
                  icon=":material/swap_horiz:", width="stretch")
    with cols[3]:
        st.button("The example", on_click=set_links, args=(default_a, default_b), icon=":material/restart_alt:",
                  width="stretch", help="Cotra's 2020 best guess (A) against her 2022 update (B).")


def show_link_problems(name: str, problems: Sequence[Problem]) -> None:
    """A link's problems, as the chain's own page would show them, each saying which link it is about."""
    for problem in summarize(problems):
        st.warning(f"Link {name}: {problem.markdown()}", icon=":material/warning:")
