"""The link and the address bar: a page's link checked once per arrival, its problems shown, the address corrected.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import parse_qs

import streamlit as st
from streamlit.errors import StreamlitAPIException

from lib.chains.gpt_human.origin import ORIGIN_KEY, origin_in, origin_values
from lib.core.presets import Preset
from lib.core.problems import Problem, oversized_problem, summarize
from lib.core.registry import ParamSet, QueryCheck, Value, check_carried
from lib.core.views import VIEW_KEY
from lib.tools.links.model import position_in
from lib.tools.positions.model import POSITION_KEY
from lib.ui.session import add_stops, apply_position, seed, session_values, state_key

# Streamlit 1.67 drops a whole query past these limits before any script sees it
# (streamlit/runtime/state/query_params.py: sanitize_query_string); only the browser keeps it.
STREAMLIT_MAX_FIELDS = 1000
STREAMLIT_MAX_CHARS = 512 * 1024

# URL keys that belong to the app frame rather than to a page's parameters: every page keeps them in
# the address as they are and does not report them.
# The open chart tab (lib/core/views.py) is read by the tabs themselves, on every page that has them.
FRAME_KEYS: tuple[str, ...] = (VIEW_KEY,)

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


def check_link(params: ParamSet, presets: Sequence[Preset] = (), keep: Sequence[str] = ()) -> None:
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
    carried, carried_problems = _check_carried(params)
    raw = {key: st.query_params.get_all(key) for key in st.query_params}
    # An empty query may be one Streamlit threw away for its size: only the browser can tell.
    st.session_state[state_key(params, "probe")] = not raw
    request, problems = _link_request(params, raw)
    check = params.check_query(request, ignore=(*FRAME_KEYS, *keep))
    _store(params, presets, check, (*carried_problems, *problems, *check.problems), carried)
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


def _check_carried(params: ParamSet) -> tuple[dict[str, Value], list[Problem]]:
    """Widget values this session holds for the page's keys, checked like a link's before any widget draws.

    Pages share one session: a value set on another page must never reach a control that cannot
    hold it (a slider raises on a value outside its range, and keeps raising until a new tab).
    """
    fixed: dict[str, Value] = {}
    problems: list[Problem] = []
    for param in params.params:
        if param.key not in st.session_state:
            continue
        value = st.session_state[param.key]
        checked, problem = check_carried(param, value)
        fixed[param.key] = checked
        if problem is not None:
            problems.append(problem)
        if checked != (tuple(value) if isinstance(value, list) else value):
            seed(param, checked)
    return fixed, problems


def _store(params: ParamSet, presets: Sequence[Preset], check: QueryCheck, problems: Sequence[Problem],
           carried: Mapping[str, Value] | None = None) -> None:
    extras: dict[str, list[float]] = {}
    # Off-grid log values (from the link, a preset or the session) become extra slider stops, kept exactly.
    for values in (check.values, *(p.values for p in presets), carried or {}):
        add_stops(params, values, extras)
    st.session_state[state_key(params, "extras")] = extras
    st.session_state[state_key(params, "link_values")] = check.values
    st.session_state[state_key(params, "problems")] = summarize(problems)


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
            seed(params[key], check.values[key])


def mount_probe(params: ParamSet) -> None:
    """Ask the browser whether its address holds a query Streamlit dropped (an invisible element)."""
    if not st.session_state.pop(state_key(params, "probe"), False):
        return

    def on_report() -> None:
        st.session_state[_OVERSIZED] = (params.model, st.session_state[_PROBE_KEY]["query"])

    _probe()(key=_PROBE_KEY, data={"fields": STREAMLIT_MAX_FIELDS, "chars": STREAMLIT_MAX_CHARS},
             on_query_change=on_report)


@functools.cache
def _probe() -> Callable[..., object]:
    # Registered once per process: registering a name again replaces it, with a logged warning.
    return st.components.v2.component("link_probe", js=_PROBE_JS)


def show_problems(params: ParamSet) -> None:
    for problem in st.session_state.get(state_key(params, "problems"), ()):
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
    check_link(params, keep=keep)
    show_problems(params)
    mount_probe(params)
