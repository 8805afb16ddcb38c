"""The one module that talks to Streamlit: registry parameters become widgets.

Pages call :func:`controls` to get validated values (URL -> registry ->
widgets), then draw results with the small helpers below. Everything else in
lib/ stays Streamlit-free.

URL syncing is Streamlit's own ``bind="query-params"``: a widget's key is its
URL parameter, values equal to the default are left out of the URL. Streamlit
drops bad URL values silently, so :func:`_check_url` reads the raw query once
per session and page, says what was wrong, and seeds clamped values.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

import plotly.graph_objects as go
import streamlit as st

from lib.charts import figure_to_frame
from lib.registry import Param, ParamSet, Preset, Value


def ensure_app_navigation() -> None:
    """Make a cold-started server honour app.py's navigation; call first on every page.

    With a pages/ folder beside app.py, Streamlit's legacy multipage mode runs the
    first script of a fresh server directly when it is opened by a page's path
    (a shared link), skipping app.py's page config and navigation until someone
    opens the home page. Turning that mode off and rerunning sends this session,
    and every later one, through app.py. Page url_paths equal the file stems, so
    the rerun lands on the same page.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def _state_key(params: ParamSet, name: str) -> str:
    return f"_{params.model}_{name}"


def _check_url(params: ParamSet, presets: Sequence[Preset]) -> None:
    """Validate the raw query string once per session and page; store warnings and seeds."""
    checked = _state_key(params, "url_checked")
    if st.session_state.get(checked):
        return
    st.session_state[checked] = True
    raw = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    values, warnings = params.validate(raw)
    extras: dict[str, list[float]] = {}
    for key, text in raw.items():
        if key not in params:
            # Unknown keys would otherwise ride along in every shared link.
            del st.query_params[key]
            continue
        param = params[key]
        value, problem = param.parse(text)
        if param.scale == "log":
            extras.setdefault(key, []).append(float(value))  # type: ignore[arg-type]
        if problem:
            # Clamped or replaced: Streamlit would drop the raw text and fall back to the
            # default, so seed the widget with the corrected value ourselves. (The
            # "default value but also set via Session State" log line is expected here
            # and silenced in .streamlit/config.toml.)
            st.session_state[key] = list(value) if param.kind == "multi" else value  # type: ignore[arg-type]
    for preset in presets:
        for key, value in preset.values.items():
            if params[key].scale == "log":
                extras.setdefault(key, []).append(float(value))
    st.session_state[_state_key(params, "extras")] = extras
    st.session_state[_state_key(params, "warnings")] = warnings


def _widget(param: Param, extras: Sequence[float]) -> Value:
    common = dict(key=param.key, help=f"{param.help}\n\nSource: {param.source.citation}", bind="query-params")
    label = f"{param.label} ({param.unit})" if param.unit else param.label
    if param.kind == "bool":
        return st.toggle(label, value=bool(param.default), **common)
    if param.kind == "multi":
        labels = dict(zip(param.choices, param.choice_labels or param.choices))
        common["help"] += "\n\n" + "; ".join(f"**{k}**: {v}" for k, v in labels.items())
        return tuple(st.multiselect(label, options=list(param.choices), default=list(param.default), **common))
    if param.kind == "choice":
        return st.radio(label, options=list(param.choices), index=param.choices.index(param.default),
                        captions=list(param.choice_labels) or None, **common)
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


def controls(params: ParamSet, presets: Sequence[Preset] = (), expanded: Sequence[str] = (),
             inline: Sequence[str] = ()) -> dict[str, Value]:
    """Draw the page's inputs in the sidebar, grouped in the argument's order; return their values.

    Keys in ``inline`` are left out of the sidebar: the page draws them itself with
    :func:`control`, typically inside an ``st.fragment`` with the charts they alone
    drive, so moving them reruns only that part of the page.
    """
    _check_url(params, presets)
    for warning in st.session_state[_state_key(params, "warnings")]:
        st.warning(f"Link problem: {warning}", icon="⚠️")
    values: dict[str, Value] = {}
    with st.sidebar:
        if presets:
            _preset_picker(params, presets)
        groups = params.groups or (("Parameters", params.keys),)
        for title, keys in groups:
            keys = tuple(k for k in keys if k not in inline)
            if not keys:
                continue
            with st.expander(title, expanded=title in expanded):
                for key in keys:
                    values[key] = control(params, key)
        st.button("Reset all to defaults", on_click=_apply, args=(params, {}), key=f"_reset_{params.model}",
                  width="stretch")
    return values


def control(params: ParamSet, key: str) -> Value:
    """The widget of one registry parameter, bound to the URL; returns its value."""
    extras: Mapping[str, list[float]] = st.session_state[_state_key(params, "extras")]
    return _widget(params[key], extras.get(key, ()))


def _apply(params: ParamSet, overrides: Mapping[str, Value]) -> None:
    """Set every widget to the defaults overlaid with ``overrides`` (a preset)."""
    for param in params.params:
        value = overrides.get(param.key, param.default)
        st.session_state[param.key] = list(value) if param.kind == "multi" else value  # type: ignore[arg-type]


def _preset_picker(params: ParamSet, presets: Sequence[Preset]) -> None:
    names = [p.name for p in presets]

    def on_pick() -> None:
        chosen = st.session_state[_state_key(params, "preset_pick")]
        preset = next(p for p in presets if p.name == chosen)
        _apply(params, preset.values)

    st.selectbox("Preset", names, index=None, placeholder="Load a preset…", key=_state_key(params, "preset_pick"),
                 on_change=on_pick, help="\n\n".join(f"**{p.name}**: {p.description}" for p in presets))


def share_link(params: ParamSet, values: Mapping[str, Value]) -> None:
    """Show the link that reproduces this view (only non-default values), with a copy button."""
    query = urlencode(params.non_defaults(values), safe=".,", doseq=True)
    base = st.context.url or ""
    link = f"{base}?{query}" if query else base
    with st.popover("🔗 Share this view", width="content"):
        st.caption("This link restores every value on this page. The address bar holds it too.")
        st.code(link or "(the link appears when the page is open in a browser)", language=None, wrap_lines=True)


def chart(fig: go.Figure, name: str, key: str) -> None:
    """A Plotly chart with a CSV download of every series it plots."""
    st.plotly_chart(fig, width="stretch", key=f"chart_{key}",
                    config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": name,
                                                                          "scale": 2}})
    # Deferred: the CSV is built only when someone clicks, not on every slider move.
    st.download_button(f"Download data (CSV): {name}", lambda: figure_to_frame(fig).to_csv(index=False),
                       file_name=f"{name}.csv", mime="text/csv", key=f"csv_{key}", icon="⬇️", on_click="ignore")
