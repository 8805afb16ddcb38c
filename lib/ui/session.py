"""Session memory across pages: each chain's last values, shared values, the position applied last; setting widgets.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from lib.chains import CHAINS
from lib.core.registry import Param, ParamSet, Value
from lib.core.shared_params import SHARED, shared_in
from lib.tools.links.model import link_to
from lib.tools.positions.model import Position, find


def state_key(params: ParamSet, name: str) -> str:
    return f"_{params.model}_{name}"


_CHAIN_VALUES = "_session_chain_values"  # {chain key: every value its page last had}
_SHARED_VALUES = "_session_shared_values"  # {shared key: value}, from whichever page set it last
_POSITION = "_session_position"  # the key of the position applied last
LAST_CHAIN = "_session_last_chain"  # the chain whose page ran last


def session_values(params: ParamSet) -> dict[str, Value]:
    """A chain's values as this session left them: its page's last values, with shared values set anywhere."""
    stored = st.session_state.get(_CHAIN_VALUES, {}).get(params.model, {})
    shared = {k: v for k, v in st.session_state.get(_SHARED_VALUES, {}).items() if k in params}
    return {**params.defaults(), **stored, **shared}


def remember(params: ParamSet, values: Mapping[str, Value]) -> None:
    st.session_state.setdefault(_CHAIN_VALUES, {})[params.model] = dict(values)
    st.session_state[LAST_CHAIN] = params.model
    st.session_state.setdefault(_SHARED_VALUES, {}).update({k: values[k] for k in shared_in(params)})


def apply_position(position: Position) -> None:
    """Every chain to its values under ``position``, for the rest of this session (pages seed from them)."""
    st.session_state[_CHAIN_VALUES] = {c.key: position.chain_values(c.key) for c in CHAINS}
    st.session_state[_SHARED_VALUES] = {p.key: position.values.get("shared", {}).get(p.key, p.default) for p in SHARED}
    st.session_state[_POSITION] = position.key


def current_position() -> Position | None:
    """The position applied last in this session."""
    return find(st.session_state.get(_POSITION) or "")


def last_view() -> tuple[str, str] | None:
    """(chain title, link) of the chain page this session ran last, as it was left; None before any."""
    key = st.session_state.get(LAST_CHAIN)
    chain = next((c for c in CHAINS if c.key == key), None)
    if chain is None:
        return None
    return chain.title, link_to(chain, session_values(chain.params))


def seed(param: Param, value: Value) -> None:
    st.session_state[param.key] = list(value) if param.kind == "multi" else value  # type: ignore[arg-type]


def set_values(params: ParamSet, values: Mapping[str, Value]) -> None:
    """Set the widgets of ``values`` only (a button's callback: the others keep theirs).

    An off-grid log value becomes an extra stop of its select-slider, as a link's does.
    """
    add_stops(params, values, st.session_state.setdefault(state_key(params, "extras"), {}))
    for key, value in values.items():
        seed(params[key], value)


_RERUN_PAGE = "_rerun_whole_page"


def then_whole_page(callback: Callable[..., None]) -> Callable[..., None]:
    """``callback`` for a control drawn inside a fragment whose effect reaches controls outside it.

    A control inside the key slider's fragment reruns only that fragment; a callback that sets the
    other controls (an origin, a range, a section to open) would change nothing on screen. This one
    asks the fragment to rerun the whole page first (:func:`rerun_whole_page_if_asked`).
    """
    def run(*args: object, **kwargs: object) -> None:
        callback(*args, **kwargs)
        st.session_state[_RERUN_PAGE] = True

    return run


def rerun_whole_page_if_asked() -> None:
    """Called first in a fragment: rerun the whole page when a callback of :func:`then_whole_page` asked."""
    if st.session_state.pop(_RERUN_PAGE, False):
        st.rerun(scope="app")


def add_stops(params: ParamSet, values: Mapping[str, Value], extras: dict[str, list[float]]) -> None:
    """Each log value of ``values`` as an extra stop of its select-slider (off the grid, kept exactly)."""
    for key, value in values.items():
        if params[key].scale == "log":
            extras.setdefault(key, []).append(float(value))  # type: ignore[arg-type]


def apply_values(params: ParamSet, overrides: Mapping[str, Value]) -> None:
    """Set every widget to the defaults overlaid with ``overrides`` (a preset)."""
    for param in params.params:
        seed(param, overrides.get(param.key, param.default))
    # The link's problems were about values that are now gone.
    st.session_state[state_key(params, "problems")] = ()
