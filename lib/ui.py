"""The one module that talks to Streamlit: registry parameters become widgets.

Pages call :func:`controls` to get validated values (URL -> registry ->
widgets), then draw results with the small helpers below; a page without
parameters calls :func:`no_parameters`. Everything else in lib/ stays
Streamlit-free.

URL syncing is Streamlit's own ``bind="query-params"``: a widget's key is its
URL parameter, values equal to the default are left out of the URL. Streamlit
drops bad URL values silently, so on arriving at a page :func:`_check_link`
reads the raw query, says what was wrong, and puts the corrected query in the
address bar, so that the address bar is always the share link.

A query of more than 1,000 fields (or 512Ki characters) never reaches the
server: Streamlit drops it whole. A few lines of JavaScript (a components-v2
probe, mounted only when a page arrives with an empty query) read the browser's
address and send such a query back; the page then warns, takes its own
parameters from it and clears the rest. Where that script cannot run (AppTest,
a client without JavaScript), such a link still opens at the defaults, unannounced.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import parse_qs, urlencode

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.errors import StreamlitAPIException

from lib.chains import CHAINS
from lib.chains.gpt_human.origin import ORIGIN_KEY, origin_in, origin_values
from lib.core.chain import Chain, Headline
from lib.core.charts.look import Figure
from lib.core.charts.tables import figure_to_csv
from lib.core.presets import Preset, match_preset
from lib.core.problems import Problem, escape_markdown, oversized_problem, summarize
from lib.core.ranges import DEFAULT_SAMPLES, width_key
from lib.core.registry import Param, ParamSet, QueryCheck, Value
from lib.core.shared_params import SHARED, shared_in
from lib.tools.links.model import Link, LinkError, link_to, position_in, read_link
from lib.tools.positions.model import POSITION_KEY, POSITIONS, Position, find
from lib.tools.uncertainty.charts import drivers_sentence, histogram_figure, tornado_figure
from lib.tools.uncertainty.model import Draws, sensitivity

# Streamlit 1.67 drops a whole query past these limits before any script sees it
# (streamlit/runtime/state/query_params.py: sanitize_query_string); only the browser keeps it.
STREAMLIT_MAX_FIELDS = 1000
STREAMLIT_MAX_CHARS = 512 * 1024

# URL keys that belong to the app frame (widgets in app.py, before pg.run()) rather than to a page:
# every page keeps them in the address as they are and does not report them.
FRAME_KEYS: tuple[str, ...] = ()

_ARRIVED = "_link_page"  # the page whose link was checked last: a different one means we just arrived
_OVERSIZED = "_link_oversized"  # (page, raw query) that the browser probe sent back
_PROBE_KEY = "_link_probe"

# Runs in the app page (components v2 are not sandboxed) and reports the address's query only when
# Streamlit will have ignored it, so an ordinary page load sends nothing back.
_PROBE_JS = """
export default function ({ data, parentElement, setTriggerValue }) {
  // Nothing to see: take the element's slot out of the layout, so it leaves no gap.
  const host = parentElement.host ?? parentElement;
  host.closest?.('[data-testid="stElementContainer"]')?.style.setProperty("display", "none");
  const query = window.location.search.slice(1);
  const fields = query ? query.split("&").length : 0;
  if (fields > data.fields || query.length > data.chars) setTriggerValue("query", query);
}
"""


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


def _state_key(params: ParamSet, name: str) -> str:
    return f"_{params.model}_{name}"


# -- the link: check it once per arrival, show its problems, correct the address bar -----------------

def _check_link(params: ParamSet, presets: Sequence[Preset] = (), keep: Sequence[str] = ()) -> None:
    """On arriving at a page: validate its link, store the problems, make the address bar the corrected link.

    ``keep`` names keys the page reads itself (the compare page's two links): left as they are.
    """
    oversized = st.session_state.pop(_OVERSIZED, None)
    if oversized is not None and oversized[0] == params.model:
        _check_oversized(params, presets, oversized[1], keep)
        return
    if st.session_state.get(_ARRIVED) == params.model:
        return
    st.session_state[_ARRIVED] = params.model
    raw = {key: st.query_params.get_all(key) for key in st.query_params}
    # An empty query may be one Streamlit threw away for its size: only the browser can tell.
    st.session_state[_state_key(params, "probe")] = not raw
    request, problems = _link_request(params, raw)
    check = params.check_query(request, ignore=(*FRAME_KEYS, *keep))
    _store(params, presets, check, (*problems, *check.problems))
    _correct_address(params, raw, check, keep)


def _link_request(params: ParamSet, raw: Mapping[str, list[str]]) -> tuple[dict[str, str | list[str]], list[Problem]]:
    """What arriving at a page asks for: a position (applied to every chain), then the link's own values.

    A link without any of this page's values (in-app navigation, a bare address) gets the values
    this session last had here, with shared values set on other pages: they are then put in the
    address, so it stays the share link. ``position`` is an instruction: once applied, its values
    are ordinary values and the key leaves the address.
    """
    request: dict[str, str | list[str]] = {k: v for k, v in raw.items() if k != POSITION_KEY}
    position, found = position_in(raw)
    problems = list(found)
    base: Mapping[str, Value] | None = None
    if position is not None:
        apply_position(position)
        base = session_values(params) if params.keys else None
    if params.model == "gpt-human" and ORIGIN_KEY in request:
        # An instruction like position: its values go in the address, and the key leaves it.
        origin, found = origin_in(request)
        request.pop(ORIGIN_KEY)
        problems += found
        if origin is not None:
            base = {**(base or session_values(params)), **origin_values(origin, params.defaults())}
    given = params.current_keys(request)
    if base is None and params.keys and not any(k in params for k in given):
        base = session_values(params)
    if base:
        request = {**{k: v for k, v in params.non_defaults(base).items() if k not in given}, **given}
    return request, problems


# -- one session, every page: shared values and positions --------------------------------------------

_CHAIN_VALUES = "_session_chain_values"  # {chain key: every value its page last had}
_SHARED_VALUES = "_session_shared_values"  # {shared key: value}, from whichever page set it last
_POSITION = "_session_position"  # the key of the position applied last
_LAST_CHAIN = "_session_last_chain"  # the chain whose page ran last


def session_values(params: ParamSet) -> dict[str, Value]:
    """A chain's values as this session left them: its page's last values, with shared values set anywhere."""
    stored = st.session_state.get(_CHAIN_VALUES, {}).get(params.model, {})
    shared = {k: v for k, v in st.session_state.get(_SHARED_VALUES, {}).items() if k in params}
    return {**params.defaults(), **stored, **shared}


def _remember(params: ParamSet, values: Mapping[str, Value]) -> None:
    st.session_state.setdefault(_CHAIN_VALUES, {})[params.model] = dict(values)
    st.session_state[_LAST_CHAIN] = params.model
    st.session_state.setdefault(_SHARED_VALUES, {}).update({k: values[k] for k in shared_in(params)})


def apply_position(position: Position) -> None:
    """Every chain to its values under ``position``, for the rest of this session (pages seed from them)."""
    st.session_state[_CHAIN_VALUES] = {c.key: position.chain_values(c.key) for c in CHAINS}
    st.session_state[_SHARED_VALUES] = {p.key: position.values.get("shared", {}).get(p.key, p.default) for p in SHARED}
    st.session_state[_POSITION] = position.key


def current_position() -> Position | None:
    """The position applied last in this session."""
    return find(st.session_state.get(_POSITION) or "")


def _store(params: ParamSet, presets: Sequence[Preset], check: QueryCheck, problems: Sequence[Problem]) -> None:
    extras: dict[str, list[float]] = {}
    # Off-grid log values (from the link or a preset) become extra slider stops, kept exactly.
    for values in (check.values, *(p.values for p in presets)):
        _add_stops(params, values, extras)
    st.session_state[_state_key(params, "extras")] = extras
    st.session_state[_state_key(params, "link_values")] = check.values
    st.session_state[_state_key(params, "problems")] = summarize(problems)


def _correct_address(params: ParamSet, raw: Mapping[str, list[str]], check: QueryCheck, keep: Sequence[str] = ()) -> None:
    """Write the corrected query over the raw one; rerun if a widget must seed from it.

    Bound widgets seed from the query the run started with, and a value they reject (out of range,
    off the options) is dropped from the URL, not corrected. So the corrected query goes in
    before any widget binds, and a rerun lets the widgets seed from it (this is a page's first run,
    when nothing is bound yet). Dropping unknown keys alone needs no rerun.
    """
    target = {key: raw[key] for key in (*FRAME_KEYS, *keep) if key in raw}
    target |= {key: value if isinstance(value, list) else [value] for key, value in check.query.items()}
    if list(target.items()) == list(raw.items()):
        return
    try:
        st.query_params.from_dict(target)
    except StreamlitAPIException:
        return  # a key still bound to a widget of the page just left; that widget cleans its own value up
    if any(target.get(key) != raw.get(key) for key in params.keys):
        st.rerun()


def _check_oversized(params: ParamSet, presets: Sequence[Preset], query: str, keep: Sequence[str] = ()) -> None:
    """Salvage a query Streamlit ignored: warn, seed this page's values, and clear the junk from the address.

    This happens a run after the page first drew its defaults, when widgets are bound and no longer
    seed from the URL; setting their session state instead makes Streamlit write them to the URL.
    """
    raw = parse_qs(query, keep_blank_values=True)
    check = params.check_query(raw, ignore=(*FRAME_KEYS, *keep))
    fields = query.count("&") + 1 if query else 0
    first = oversized_problem(fields, len(query), STREAMLIT_MAX_FIELDS, STREAMLIT_MAX_CHARS)
    _store(params, presets, check, (first, *check.problems))
    try:
        # The server holds no parameters (Streamlit dropped them all): this empties the address bar.
        # FRAME_KEYS are not salvaged here: the frame's widgets drew before any page could read them.
        st.query_params.clear()
    except StreamlitAPIException:
        pass  # a widget already wrote its own value: the junk is gone from the address bar anyway
    for key in raw:
        if key in params:
            _seed(params[key], check.values[key])


def _seed(param: Param, value: Value) -> None:
    st.session_state[param.key] = list(value) if param.kind == "multi" else value  # type: ignore[arg-type]


def _mount_probe(params: ParamSet) -> None:
    """Ask the browser whether its address holds a query Streamlit dropped (an invisible element)."""
    if not st.session_state.pop(_state_key(params, "probe"), False):
        return

    def on_report() -> None:
        st.session_state[_OVERSIZED] = (params.model, st.session_state[_PROBE_KEY]["query"])

    _probe()(key=_PROBE_KEY, data={"fields": STREAMLIT_MAX_FIELDS, "chars": STREAMLIT_MAX_CHARS},
             on_query_change=on_report)


@functools.cache
def _probe() -> Callable[..., object]:
    # Registered once per process: registering a name again replaces it, with a logged warning.
    return st.components.v2.component("link_probe", js=_PROBE_JS)


def _show_problems(params: ParamSet) -> None:
    for problem in st.session_state.get(_state_key(params, "problems"), ()):
        title = "Link problems" if problem.kind == "summary" else "Link problem"
        # Markdown built by the registry: our words escaped, the link's text in code spans.
        st.warning(f"{title}: {problem.markdown()}", icon=":material/warning:")


def no_parameters(page: str, keep: Sequence[str] = ()) -> None:
    """For a page without parameters: any in its link are reported and dropped, as on the model pages.

    ``keep`` names the keys the page reads itself (bound to its own widgets).
    """
    page_parameters(ParamSet(page, ()), keep)


def page_parameters(params: ParamSet, keep: Sequence[str] = ()) -> None:
    """For a page that lays out its own inputs: the link checked and its problems shown, as :func:`controls` does.

    Draw each parameter's widget with :func:`control`, where the page wants it.
    """
    _check_link(params, keep=keep)
    _show_problems(params)
    _mount_probe(params)


def control(params: ParamSet, key: str, drawn: Mapping[str, Value]) -> Value:
    """One parameter's widget, after :func:`page_parameters`; ``drawn`` holds the values drawn before it."""
    return _control(params, key, drawn)


# -- widgets ------------------------------------------------------------------------------------------

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


def _uncertainty_switch(params: ParamSet, showing: bool) -> None:
    """The view's one switch, above the sections: it sets the number of draws (in the Uncertainty section).

    A switch, not a slider, so the page's first visible slider stays its key slider, the one a
    discussion moves (and the latency probe presses).
    """
    switch = _state_key(params, "uncertainty_on")

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
    link: Mapping[str, Value] = st.session_state.get(_state_key(params, "link_values"), {})
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


def controls(params: ParamSet, presets: Sequence[Preset] = (), expanded: Sequence[str] = (),
             key: str | None = None) -> tuple[dict[str, Value], DeltaGenerator]:
    """The link's warnings, then the page's inputs in a left column; returns every value and the main column.

    Call it first inside the page's one ``st.fragment``: a slider then reruns only the page, not
    app.py's navigation, which cost more than everything a page draws (benchmarks/README.md).
    On a phone the columns stack, so the controls come first, in collapsed groups, above the charts.
    The ``key`` parameter (the chain's key slider) is left out of the column: :func:`key_view`
    draws it at the top of the main column. Its value here is its current one.
    """
    _check_link(params, presets)
    _show_problems(params)
    side, main = st.columns([1, 3], gap="medium")
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
        st.button("Reset all to defaults", on_click=_apply, args=(params, {}), key=f"_reset_{params.model}",
                  width="stretch")
    values = _current_values(params, values)
    _remember(params, values)
    with picker:
        _position_picker(params, values)
        if presets:
            _preset_picker(params, presets, values)
    _mount_probe(params)
    return values, main


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
    # Run again by this fragment alone, ``values`` are those of the last full run: only ``key`` moved.
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    with left:
        values = {**values, key: _control(params, key, values)}
    _remember(params, values)
    with right:
        share_link(params, values)
    if presets and _preset_status(params, presets, values) != st.session_state.get(_state_key(params, "preset_shown")):
        # The preset box, outside this fragment, would no longer say what the values are.
        st.rerun(scope="app")
    draw(values)


def _control(params: ParamSet, key: str, drawn: Mapping[str, Value]) -> Value:
    extras: Mapping[str, list[float]] = st.session_state[_state_key(params, "extras")]
    inactive = params.inactive_reason(key, _current_values(params, drawn)) if params[key].switchable else None
    return _widget(params[key], extras.get(key, ()), inactive)


def set_values(params: ParamSet, values: Mapping[str, Value]) -> None:
    """Set the widgets of ``values`` only (a button's callback: the others keep theirs).

    An off-grid log value becomes an extra stop of its select-slider, as a link's does.
    """
    _add_stops(params, values, st.session_state.setdefault(_state_key(params, "extras"), {}))
    for key, value in values.items():
        _seed(params[key], value)


def _add_stops(params: ParamSet, values: Mapping[str, Value], extras: dict[str, list[float]]) -> None:
    """Each log value of ``values`` as an extra stop of its select-slider (off the grid, kept exactly)."""
    for key, value in values.items():
        if params[key].scale == "log":
            extras.setdefault(key, []).append(float(value))  # type: ignore[arg-type]


def _apply(params: ParamSet, overrides: Mapping[str, Value]) -> None:
    """Set every widget to the defaults overlaid with ``overrides`` (a preset)."""
    for param in params.params:
        _seed(param, overrides.get(param.key, param.default))
    # The link's problems were about values that are now gone.
    st.session_state[_state_key(params, "problems")] = ()


# -- positions and presets ----------------------------------------------------------------------------

def position_status(params: ParamSet | None = None, values: Mapping[str, Value] | None = None) -> str:
    """The position box's label: the position applied last, and whether this page (or any) has moved off it."""
    position = current_position()
    if position is None:
        return "None chosen"
    if params is not None and values is not None:
        changed = params.differences(values, position.chain_values(params.model))
        if changed:
            return f"{position.name} · {len(changed)} value{'s' if len(changed) != 1 else ''} changed here"
        return position.name
    # The home page: every chain whose values have moved off the position since.
    moved = [c for c in CHAINS if c.params.differences(session_values(c.params), position.chain_values(c.key))]
    return f"{position.name} · changed on {len(moved)} page{'s' if len(moved) != 1 else ''}" if moved else position.name


def position_picker(params: ParamSet | None = None, values: Mapping[str, Value] | None = None,
                    key: str = "_position_pick") -> None:
    """A box that applies one of the essays' positions to every page at once; it says which one holds."""
    def on_pick() -> None:
        position = next((p for p in POSITIONS if p.name == st.session_state[key]), None)
        if position is None:
            return
        apply_position(position)
        if params is not None and params.keys:
            _apply(params, position.chain_values(params.model))

    st.session_state[key] = None  # the box shows the status as its placeholder, never a stale pick
    st.selectbox("Position (sets every page)", [p.name for p in POSITIONS], index=None, key=key, on_change=on_pick,
                 placeholder=position_status(params, values),
                 help="A view from the essays, applied to every page at once; sliders then move from there.\n\n"
                      + "\n\n".join(f"**{p.name}**: {p.summary}" for p in POSITIONS))


def _position_picker(params: ParamSet, values: Mapping[str, Value]) -> None:
    position_picker(params, values, key=_state_key(params, "position_pick"))


def _preset_status(params: ParamSet, presets: Sequence[Preset], values: Mapping[str, Value]
                   ) -> tuple[str, str, str | None]:
    """The preset box's label, the caption under it, and the preset it holds (only if the values are it)."""
    match = match_preset(params, presets, values)
    if match.preset is None or match.exact:
        return match.label, "", match.preset.name if match.preset else None
    # The box is narrow and may cut its label short; the caption says it all.
    names = ", ".join(params[k].label for k in match.changed)
    return match.label, f"{match.changes.capitalize()} from '{match.preset.name}': {names}.", None


def _preset_picker(params: ParamSet, presets: Sequence[Preset], values: Mapping[str, Value]) -> None:
    """A preset selector that reads what ``values`` (all of them) are: a preset's name, 'name · 2 values changed', or 'Custom'."""
    pick = _state_key(params, "preset_pick")
    status = _preset_status(params, presets, values)
    st.session_state[_state_key(params, "preset_shown")] = status
    label, caption, holds = status
    # Set before the box is drawn, every run: after a slider moves off a preset, the box lets it go.
    st.session_state[pick] = holds

    def on_pick() -> None:
        chosen = st.session_state[pick]
        preset = next((p for p in presets if p.name == chosen), None)
        if preset is not None:
            _apply(params, preset.values)

    st.selectbox("Preset", [p.name for p in presets], index=None, placeholder=label, key=pick, on_change=on_pick,
                 help="\n\n".join(f"**{p.name}**: {p.description}" for p in presets))
    if caption:
        st.caption(caption)


# -- output helpers -----------------------------------------------------------------------------------

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


def tabbed(key: str, views: Mapping[str, Callable[[], None]]) -> None:
    """Tabs labelled by ``views``' keys, of which only the open one is drawn (by its function).

    Streamlit draws anew in the browser every chart whose figure changed, hidden or not; with
    one chart per tab, a slider move redraws one chart. Switching tabs reruns the enclosing
    fragment.
    """
    if len(views) == 1:  # one view needs no tab row
        next(iter(views.values()))()
        return
    for tab, draw in zip(st.tabs(list(views), key=key, on_change="rerun"), views.values()):
        if tab.open:
            with tab:
                draw()


def chart(fig: Figure, name: str, key: str, link: str = "", download: bool = True) -> None:
    """A Plotly chart with a CSV download of every series it plots, headed by the view's ``link``.

    ``download=False`` for a chart whose data the page offers in another table.
    """
    # theme=None: Streamlit's theme would add a template and automargins to every figure, which
    # doubled the browser's time to draw it (lib/charts.py sets the look itself).
    st.plotly_chart(fig.sendable(), width="stretch", key=f"chart_{key}", theme=None,
                    config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": name,
                                                                          "scale": 2}})
    if not download:
        return
    # Deferred: the CSV is built only when someone clicks, not on every slider move.
    st.download_button(f"Download data (CSV): {name}", lambda: figure_to_csv(fig, link),
                       file_name=f"{name}.csv", mime="text/csv", key=f"csv_{key}", icon=":material/download:",
                       on_click="ignore")


# -- the compare page's two links ---------------------------------------------------------------------

COMPARE_KEYS = ("a", "b")  # the compare page's link keys: each holds one chain view's link, URL-encoded


def last_view() -> tuple[str, str] | None:
    """(chain title, link) of the chain page this session ran last, as it was left; None before any."""
    key = st.session_state.get(_LAST_CHAIN)
    chain = next((c for c in CHAINS if c.key == key), None)
    if chain is None:
        return None
    return chain.title, link_to(chain, session_values(chain.params))


def compare_inputs(default_a: str, default_b: str) -> tuple[str, str]:
    """The two link boxes of the compare page (bound to ``?a=`` and ``?b=``); returns their text.

    Arriving with only ``a`` (from a chain page's "Compare" link), B starts as that chain at its
    defaults, or at its first preset where A is the defaults, so the page opens comparing something.
    """
    params = ParamSet("compare", ())
    _check_link(params, keep=COMPARE_KEYS)
    _show_problems(params)
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
    _mount_probe(params)
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


def compare_share(a: str, b: str) -> None:
    """The link that restores this comparison (the address bar holds it too)."""
    query = urlencode({k: v for k, v in (("a", a), ("b", b)) if v})
    base = st.context.url or ""
    with st.popover("Share this comparison", icon=":material/link:", width="content"):
        st.caption("This link restores both views and the comparison. The address bar holds it too.")
        st.code(f"{base}?{query}" if base else "(the link appears when the page is open in a browser)",
                language=None, wrap_lines=True)


# -- the uncertainty view ---------------------------------------------------------------------------

def _switch_on_our_ranges(params: ParamSet) -> None:
    for p in params.params:
        if p.spread is not None and not p.spread.sourced and width_key(p.key) in params:
            st.session_state[width_key(p.key)] = 1.0


def chain_views(key: str, chain: Chain, values: Mapping[str, Value], draws: Draws | None,
                views: Mapping[str, Callable[[], None]]) -> None:
    """A chain page's chart ``views`` in tabs, with the uncertainty views among them when the view is
    on (``draws``), then how wide each answer is.

    One tab row for all of them: a slider move redraws the one chart open on the whole page.
    """
    if draws is None:
        tabbed(key, views)
        return
    tabbed(key, {**views, **uncertainty_views(chain, values, draws)})
    _uncertainty_summary(chain, draws)


def _uncertainty_summary(chain: Chain, draws: Draws) -> None:
    """The median and 80% interval of every headline over the draws, or why there is none when nothing varies."""
    params = chain.params
    if not draws.ranges:
        st.subheader("How wide the answer is")
        ours = [p.label for p in params.params if p.spread is not None and not p.spread.sourced]
        st.info("No number here has a range switched on with these settings, so every draw is the same. Give a "
                "number a range in its section of the controls (its *Range* slider, above 0)"
                + (f", or switch on this project's ranges for {', '.join(ours)}." if ours else "."),
                icon=":material/info:")
        if ours:
            st.button("Switch on our ranges", on_click=_switch_on_our_ranges, args=(params,),
                      key=f"_{params.model}_our_ranges")
        return
    names = ", ".join(f"{r.param.label} ({r.param.format_value(r.clipped[0])} to {r.param.format_value(r.clipped[1])}"
                      f"{' ' + r.param.unit if r.param.unit else ''})" for r in draws.ranges)
    said = (f"{draws.n:,} draws (seed {draws.seed}). 80% intervals drawn from: {names}. Log-normal for log-scale "
            "numbers, normal otherwise, truncated to each slider's range; every other number as set.")
    rows = []
    for h in chain.headlines:
        s = draws.summaries[h.key]

        def shown(x: float | None) -> str:
            return h.format(x) if x is not None else "no value"

        rows.append((h.label, shown(s.p50), f"{shown(s.p10)} to {shown(s.p90)}", f"{s.undefined:.0%}"))
    # One Markdown element of our own words for the heading, the table and the note under it: each
    # element is redrawn in the browser on every slider move, and this table costs no DataFrame.
    lines = ["| headline | median | 80% interval | draws without a value |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(escape_markdown(cell) for cell in row) + " |" for row in rows]
    st.markdown("### How wide the answer is\n\n" + "\n".join(lines) + f"\n\n:gray[:small[{escape_markdown(said)}]]")


def uncertainty_views(chain: Chain, values: Mapping[str, Value], draws: Draws) -> dict[str, Callable[[], None]]:
    """One headline's distribution over the draws and the tornado of its drivers, as views for ``tabbed``.

    Empty when no range is on.
    """
    if not draws.ranges:
        return {}
    return {"How its draws fall": lambda: _distribution(chain, draws, _headline_picked(chain, draws)),
            "Which slider matters most": lambda: _tornado(chain, values, _headline_picked(chain, draws))}


def _headline_picked(chain: Chain, draws: Draws) -> Headline:
    """The headline whose spread and drivers the uncertainty views show, picked above the open view."""
    varying = [h for h in chain.headlines if draws.summaries[h.key].p10 != draws.summaries[h.key].p90]
    labels = {h.label: h for h in chain.headlines}
    pick = f"_{chain.params.model}_spread_of"
    if st.session_state.get(pick) not in labels:
        st.session_state[pick] = (varying or list(chain.headlines))[0].label
    return labels[st.selectbox("Headline", list(labels), key=pick,
                               help="The answer whose spread and drivers the two uncertainty views show.")]


def _distribution(chain: Chain, draws: Draws, headline: Headline) -> None:
    summary = draws.summaries[headline.key]
    chart(histogram_figure(headline, draws.heads.values[headline.key], summary), f"{chain.url_path}_draws",
          f"{chain.url_path}_draws", download=False)
    if summary.undefined:
        st.caption(f"{summary.undefined:.0%} of draws give no value ({_reason(draws, headline.key)}); the histogram "
                   "shows the others.")


def _tornado(chain: Chain, values: Mapping[str, Value], headline: Headline) -> None:
    params = chain.params
    swings = sensitivity(chain, values)[headline.key]
    current = chain.headline_values(values)[headline.key].value
    chart(tornado_figure(headline, current, swings), f"{chain.url_path}_tornado", f"{chain.url_path}_tornado",
          download=False)
    st.markdown(drivers_sentence(headline, swings))
    st.caption("Each bar: one ranged number moved alone from the low to the high end of its 80% interval, every "
               "other number as set; orange where its high end raises the headline, blue where it lowers it.")
    opener = f"_{params.model}_open_param"

    def on_open() -> None:
        key = {s.param.label: s.param.key for s in swings}.get(st.session_state[opener])
        if key is not None:
            open_control(params, key)
        st.session_state[opener] = None

    st.selectbox("Open a parameter's controls", [s.param.label for s in swings], index=None, key=opener,
                 on_change=on_open, placeholder="Pick one from the chart")


def _reason(draws: Draws, key: str) -> str:
    reasons = [str(r) for r in draws.heads.reasons[key] if r]
    return max(set(reasons), key=reasons.count) if reasons else "none"
