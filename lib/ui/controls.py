"""Registry parameters become widgets: a chain page's column of controls and its key slider.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from lib.core.chain import Chain
from lib.core.presets import Preset
from lib.core.ranges import DEFAULT_SAMPLES
from lib.core.registry import Param, ParamSet, Value
from lib.ui.address import check_link, mount_probe, show_problems
from lib.ui.pickers import page_position_picker, preset_picker, preset_status
from lib.ui.session import apply_values, remember, rerun_whole_page_if_asked, set_values, state_key, then_whole_page
from lib.ui.share import share_link


def _widget(param: Param, extras: Sequence[float], inactive: str | None) -> Value:
    why = f"**{inactive}**\n\n" if inactive else ""
    common = {"key": param.key, "help": f"{why}{param.help}\n\nSource: {param.source.citation}",
              "bind": "query-params", "disabled": inactive is not None}
    label = f"{param.label} ({param.unit})" if param.unit else param.label
    if param.kind == "bool":
        return st.toggle(label, value=bool(param.default), **common)
    if param.kind == "multi":
        labels = dict(zip(param.choices, param.choice_labels or param.choices))
        common["help"] += "\n\n" + "; ".join(f"**{k}**: {v}" for k, v in labels.items())
        return tuple(st.multiselect(label, options=list(param.choices), default=list(param.default), **common))
    if param.options:
        # Printed as the link writes them: the URL binding matches an option by its printed text.
        return st.select_slider(label, options=list(param.options), value=float(param.default),
                                format_func=param.format_value, **common)
    if param.widget == "number":
        return st.number_input(label, min_value=int(param.min), max_value=int(param.max), value=int(param.default),
                               step=1, **common)
    if param.kind == "choice":
        # Options stay the link's short keys: a format_func would change what the URL binding matches.
        # A caption that only repeats its option ('language' / 'Language') is left out.
        captions = [c if c.lower() != o.lower() else "" for o, c in zip(param.choices, param.choice_labels)]
        return st.radio(label, options=list(param.choices), index=param.choices.index(param.default),
                        captions=captions if any(captions) else None, **common)
    if param.scale == "log":
        return st.select_slider(label, options=param.widget_options(extras), value=float(param.default),
                                format_func=param.format_value, **common)
    if param.kind == "int":
        return st.slider(label, min_value=int(param.min), max_value=int(param.max), value=int(param.default),
                         step=max(1, int(param.step)), **common)
    # Show as many decimals as the step has (5, 0.86, 0.048), not a fixed two.
    decimals = max(0, -math.floor(math.log10(param.step) + 1e-9))
    return st.slider(label, min_value=float(param.min), max_value=float(param.max),
                     value=float(param.default), step=float(param.step), format=f"%.{decimals}f", **common)


def _uncertainty_switch(params: ParamSet, showing: bool) -> None:
    """The view's one switch, above the sections: it sets the number of draws (in the Uncertainty section).

    A switch, not a slider, so the page's first visible slider stays its key slider, the one a
    discussion moves (and the latency probe presses).
    """
    switch = state_key(params, "uncertainty_on")

    def flip() -> None:
        st.session_state["samples"] = DEFAULT_SAMPLES if st.session_state[switch] else 0

    st.session_state[switch] = showing
    st.toggle("Show uncertainty", key=switch, on_change=flip,
              help="Bands around the main chart, each answer's median and 80% interval, and which slider matters "
                   "most. Ranges come from the sources where they give one; set each number's range in its section.")


def _group_key(params: ParamSet, title: str) -> str:
    return f"_group_{params.model}_{title}"


def open_control(params: ParamSet, key: str) -> None:
    """Open the section of the controls that holds parameter ``key`` (it then shows on the next run)."""
    for title, keys in params.groups:
        if key in keys:
            st.session_state[_group_key(params, title)] = True


def _current_values(params: ParamSet, drawn: Mapping[str, Value]) -> dict[str, Value]:
    """Every parameter's value now: drawn this run, else its widget's state, else what the link said."""
    link: Mapping[str, Value] = st.session_state.get(state_key(params, "link_values"), {})
    out: dict[str, Value] = {}
    for p in params.params:
        if p.key in drawn:
            out[p.key] = drawn[p.key]
            continue
        try:
            value = st.session_state[p.key]
        except KeyError:  # not drawn yet in this session: its widget will seed from the link
            value = link.get(p.key, p.default)
        out[p.key] = tuple(value) if isinstance(value, list) else value
    return out


LAYOUT = "chain_layout"  # the container of a page's two columns: main (answers) then side (controls)
# Streamlit stacks columns below 640 px in page order; wider, this row shows the controls on the left.
# Only the layout's own row: the metric rows inside the main column keep their order.
_SIDE_FIRST = f"""<style>
@media (min-width: 640px) {{
  .st-key-{LAYOUT} > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"] {{ flex-direction: row-reverse; }}
}}
</style>"""


def controls(params: ParamSet, presets: Sequence[Preset] = (), expanded: Sequence[str] = (),
             key: str | None = None) -> tuple[dict[str, Value], DeltaGenerator]:
    """The link's warnings, then the page's inputs in a left column; returns every value and the main column.

    Call it first inside the page's one ``st.fragment``: a slider then reruns only the page, not
    app.py's navigation, which cost more than everything a page draws (benchmarks/README.md).
    The main column comes first in the page, so on a phone, where columns stack, the answer (the key
    slider, the headline numbers, the main chart) comes before the controls; on a wider screen the
    row is drawn reversed (:data:`_SIDE_FIRST`), the controls on the left. The ``key`` parameter
    (the chain's key slider) is left out of the column: :func:`key_view` draws it at the top of the
    main column. Its value here is its current one.
    """
    check_link(params, presets)
    show_problems(params)
    if not st.context.is_embedded:  # embedded in a post (?embed=true): the answer first, the controls beside it
        st.html(_SIDE_FIRST)
    with st.container(key=LAYOUT):
        main, side = st.columns([3, 1], gap="medium")
    values: dict[str, Value] = {}
    with side:
        picker = st.container()  # drawn last, from every value below, but shown first
        showing = bool(_current_values(params, {}).get("samples"))
        if "samples" in params:
            _uncertainty_switch(params, showing)
        groups = params.groups or (("Parameters", params.keys),)
        for title, keys in groups:
            # With the view off, its controls but the number of draws (the seed, each number's range)
            # are not drawn, and keep their values.
            keys = tuple(k for k in keys if k != key and (showing or params[k].role != "view" or k == "samples"))
            if not keys:
                continue
            with st.expander(title, expanded=title in expanded, key=_group_key(params, title)):
                for k in keys:
                    values[k] = _control(params, k, values)
        st.button("Reset all to defaults", on_click=apply_values, args=(params, {}), key=f"_reset_{params.model}",
                  width="stretch")
    values = _current_values(params, values)
    remember(params, values)
    with picker:
        page_position_picker(params, values)
        if presets:
            preset_picker(params, presets, values)
    mount_probe(params)
    return values, main


def chain_page(chain: Chain, draw: Callable[[dict[str, Value]], None],
               below: Callable[[dict[str, Value]], None] | None = None) -> None:
    """A chain page's body: its controls, then in the main column the key slider, the share box and
    ``draw(values)``, which the key slider reruns alone (:func:`key_view`), then ``below(values)``,
    which only the other controls rerun (what does not depend on the key slider: formulas, notes).
    """
    _chain_page(chain, draw, below)


@st.fragment
def _chain_page(chain: Chain, draw: Callable[[dict[str, Value]], None],
                below: Callable[[dict[str, Value]], None] | None) -> None:
    # One fragment for the page: a control reruns the page, not app.py's navigation.
    values, main = controls(chain.params, chain.presets, key=chain.key_slider)
    with main:
        key_view(chain.params, chain.presets, values, chain.key_slider, draw)
        if below is not None:
            below(values)


def key_view(params: ParamSet, presets: Sequence[Preset], values: Mapping[str, Value], key: str,
             draw: Callable[[dict[str, Value]], None]) -> None:
    """The key slider, the share link and ``draw(values)``, in a fragment of their own.

    The key slider is the one people move during a discussion, so it reruns only this fragment:
    not the column of other controls, and nothing the page draws outside ``draw``, which therefore
    must not depend on ``key``. Call it inside the page's fragment, after :func:`controls`.
    """
    _key_view(params, tuple(presets), dict(values), key, draw)


@st.fragment
def _key_view(params: ParamSet, presets: tuple[Preset, ...], values: dict[str, Value], key: str,
              draw: Callable[[dict[str, Value]], None]) -> None:
    rerun_whole_page_if_asked()
    # Run again by this fragment alone, ``values`` are those of the last full run: only ``key`` moved.
    values = {**values, key: _control(params, key, values)}
    remember(params, values)
    share_link(params, values)
    if presets and preset_status(params, presets, values) != st.session_state.get(state_key(params, "preset_shown")):
        # The preset box, outside this fragment, would no longer say what the values are.
        st.rerun(scope="app")
    draw(values)


def control(params: ParamSet, key: str, drawn: Mapping[str, Value]) -> Value:
    """One parameter's widget, after :func:`page_parameters`; ``drawn`` holds the values drawn before it."""
    return _control(params, key, drawn)


def _control(params: ParamSet, key: str, drawn: Mapping[str, Value]) -> Value:
    extras: Mapping[str, list[float]] = st.session_state[state_key(params, "extras")]
    inactive = params.inactive_reason(key, _current_values(params, drawn)) if params[key].switchable else None
    return _widget(params[key], extras.get(key, ()), inactive)


def values_button(label: str, params: ParamSet, values: Mapping[str, Value], key: str, **kwargs: object) -> None:
    """A button that sets some of the page's values; every control and number follows, also from inside a fragment."""
    st.button(label, key=key, on_click=then_whole_page(set_values), args=(params, dict(values)), **kwargs)  # type: ignore[arg-type]
