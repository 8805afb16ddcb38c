"""Fit your own scaling law: paste, type, edit or upload points; see the fit, its interval and where it leads."""

import numpy as np
import pandas as pd
import streamlit as st

from lib import ui
from lib.chains import get
from lib.core import units
from lib.core.problems import code_span
from lib.data.fit import examples as fit_examples
from lib.data.fit import model as fitting
from lib.data.fit import points
from lib.data.fit.charts import fit_figure

ui.ensure_app_navigation()
LOSS = get("loss")
params = fitting.PARAMS
LINK_ROWS = 30  # up to this many points travel in the link (?points=); more are shared as a CSV
KEY = "points"
EXAMPLE = "example"  # link key of an example too large to travel as points
LARGE = "_fit_large"  # (text, what it is) of an upload or example too large for the box and the link
TABLE = "_fit_table_version"  # bumped to give the table a fresh editor after each edit lands in the box
EXAMPLES = {e.label: e for e in fit_examples.examples()}

st.title("Fit your own scaling law", anchor=False)
ui.page_parameters(params, keep=(KEY, EXAMPLE))
st.markdown(
    "Bring your own loss curve: points of **compute, loss** fit L = E + A·C^(−α); points of **params, tokens, "
    "loss** fit Chinchilla's L = E + A/N^α + B/D^β. The fit is Hoffmann et al. 2022's, as the 2024 replication's "
    "notebook repeats it (the paper's own table comes from another fit, a likelihood): Huber loss on log-loss, "
    "L-BFGS from a grid of starts, and a bootstrap over your points for the 80% intervals."
)


@st.cache_data(max_entries=32, show_spinner="Fitting…")
def fitted(text: str) -> tuple[str, np.ndarray, tuple[np.ndarray, ...], fitting.Fit | None, str, list[int]]:
    """Points read from ``text``, their fit (or a problem in words instead) and the rows with an empty cell.

    Cached with the fit, so a rerun does not parse the text again (an upload may be megabytes).
    """
    form, loss, inputs = points.read_points(text)
    short = points.incomplete_rows(text)
    try:
        return form, loss, inputs, fitting.fit(form, loss, *inputs), "", short
    except fitting.FitError as err:
        return form, loss, inputs, None, str(err), short


def rows(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")) - 1


def to_box(text: str) -> None:
    st.session_state[KEY] = text
    typed()


def typed() -> None:
    """The box is what is fitted again: a large upload or example gives way to it."""
    st.session_state.pop(LARGE, None)
    st.session_state.pop("_fit_bad_example", None)
    st.query_params.pop(EXAMPLE, None)


def use_example() -> None:
    example = EXAMPLES[st.session_state["_fit_example"]]
    if rows(example.text) <= LINK_ROWS:
        to_box(example.text)
    else:
        st.session_state[LARGE] = (example.text, example.label)
        st.query_params[EXAMPLE] = example.key


def use_upload() -> None:
    file = st.session_state.get("_fit_file")
    if file is None:
        return
    if file.size > points.MAX_BYTES:
        st.session_state["_fit_too_big"] = True
        return
    text = file.getvalue().decode("utf-8", "replace")
    if rows(text) <= LINK_ROWS:
        to_box(text)  # small: into the box, and so into the link
    else:
        typed()
        st.session_state[LARGE] = (text, f"the uploaded file ({rows(text)} points)")


def edited(frame: pd.DataFrame, version: int) -> None:
    """The table's edits written back into the box as CSV; the box stays the one thing fitted and linked."""
    st.session_state[TABLE] = version + 1
    to_box(points.with_edits(frame, st.session_state[f"_fit_table_{version}"]).to_csv(index=False))


def table(text: str) -> None:
    try:
        frame = points.read_table(text)
    except fitting.FitError:
        st.caption("The table opens once the box's text reads as a CSV.")
        return
    version = st.session_state.get(TABLE, 0)
    st.data_editor(frame, key=f"_fit_table_{version}", num_rows="dynamic", hide_index=True, width="stretch",
                   height=260, on_change=edited, args=(frame, version))
    st.caption("Edits here go into the box, and from there into the link.")


# Arriving: the box starts from the first example; a link may name a large one.
linked = st.query_params.get(EXAMPLE)
if linked is not None and LARGE not in st.session_state:
    example = fit_examples.find(linked)
    if example is None:
        st.query_params.pop(EXAMPLE)
        st.session_state["_fit_bad_example"] = linked
    else:
        st.session_state[LARGE] = (example.text, example.label)
if KEY not in st.session_state and KEY not in st.query_params:
    st.session_state[KEY] = fit_examples.examples()[0].text
if "_fit_bad_example" in st.session_state:
    known = ", ".join(code_span(e.key) for e in fit_examples.examples())
    st.warning(f"Link problem: {code_span(st.session_state['_fit_bad_example'][:40])} is not an example "
               f"here (known: {known}); fitting the box's points instead.", icon=":material/warning:")

left, right = st.columns([1, 2], gap="medium")
with left:
    st.selectbox("Start from an example", list(EXAMPLES), index=None, key="_fit_example", on_change=use_example,
                 placeholder="Pick one: published points or synthetic ones")
    typing, editing = st.tabs(["Type or paste", "Edit as a table"])
    with typing:
        text = st.text_area("Points (CSV with a header row)", key=KEY, bind="query-params", height=260,
                            on_change=typed,
                            help=f"compute,loss or params,tokens,loss, one point per line. Up to {LINK_ROWS} points "
                                 "travel in the page's link.") or ""
    with editing:
        table(text)
    st.file_uploader("…or upload a CSV (up to 5 MB)", type=["csv", "txt"], key="_fit_file", on_change=use_upload)
    values: dict = {}
    with st.expander("Where it leads", expanded=True):
        for k in params.keys:
            values[k] = ui.control(params, k, values)

large = st.session_state.get(LARGE)
with right:
    if st.session_state.pop("_fit_too_big", False):
        st.warning("That file is over 5 MB: a scaling-law fit needs a few dozen points. The box keeps what it had.",
                   icon=":material/warning:")
    source = large[0] if large else text
    if large:
        shared = ("its name is in the page's link" if st.query_params.get(EXAMPLE)
                  else "too many points for a link, so share it as the CSV below")
        st.info(f"Fitting {large[1]}: {shared}. Type in the box to fit its points instead.", icon=":material/info:")
    try:
        form, loss, inputs, fit, problem, short = fitted(source)
    except fitting.FitError as err:
        st.warning(f"These points cannot be read: {err}. Nothing you typed is lost; correct it in the box.",
                   icon=":material/warning:")
        st.stop()
    if short:
        which = ", ".join(str(r) for r in short[:5]) + (" …" if len(short) > 5 else "")
        st.warning(f"Row{'s' if len(short) > 1 else ''} {which} ha{'ve' if len(short) > 1 else 's'} an empty cell and "
                   f"{'are' if len(short) > 1 else 'is'} left out of the fit. A link cut short, as chat apps cut long "
                   "ones, ends like this: ask for the whole link, or the CSV.", icon=":material/warning:")
    compute = inputs[0] if form == "compute" else 6.0 * inputs[0] * inputs[1]
    budget = float(ui.session_values(LOSS.params).get("compute", LOSS.params["compute"].default))
    if problem:
        st.warning(f"No fit: {problem}. The points are drawn without one.", icon=":material/warning:")
    elif fit is not None and not fit.converged:
        st.warning("The optimiser stopped before it converged: treat these constants as rough.",
                   icon=":material/warning:")
    reach = fit.reach(fitting.human_loss(fit, values)) if fit is not None else None
    if fit is not None and reach is not None:
        out = ["| constant | fit | 80% interval |", "|---|---|---|"]
        for k, v in fit.constants.items():
            lo, hi = fit.ci80.get(k, (float("nan"), float("nan")))
            out.append(f"| {k} | {units.format_number(units.round_sig(v, 4))} | "
                       f"{units.format_number(units.round_sig(lo, 3))} to {units.format_number(units.round_sig(hi, 3))} |")
        st.markdown("\n".join(out))
        # An example's published fit, beside this one (the Chinchilla runs: which fit of the replication it matches).
        note = next((e.note for e in fit_examples.examples() if e.note and e.text == source), "")
        if note:
            st.caption(note)
        at_budget = float(fit.curve(np.array([budget]))[0])
        cols = st.columns(2)
        cols[0].metric(f"Loss at the Loss page's budget ({units.flop(budget)})", f"{at_budget:.3f}",
                       f"{len(loss)} points · {'L(C)' if form == 'compute' else 'L(N, D), compute-optimal'}",
                       delta_color="off", delta_arrow="off")
        if reach.compute is None:
            cols[1].metric(f"Compute to reach loss {reach.target:.3g}", "never",
                           f"the fitted E = {fit.constants['E']:.3g} is above it", delta_color="off", delta_arrow="off")
        else:
            spread = (f"80%: {units.sci(reach.ci80[0], 2)} to {units.sci(reach.ci80[1], 2)}" if reach.ci80 else
                      "no refit reaches it")
            if reach.never > 0:
                spread += f" · {reach.never:.0%} of refits never"
            cols[1].metric(f"Compute to reach loss {reach.target:.3g}", units.flop(reach.compute), spread,
                           delta_color="off", delta_arrow="off")
        if values["fit_target"] == "ratio":
            st.caption(f"Human level here: the fit's reducible loss at GPT-3's training compute "
                       f"({units.flop(fitting.REFERENCE_FLOP)}) divided by {values['fit_ratio']:g}, the essay's guess "
                       "that GPT-3 has about twice a human's error. On the GPT-3 fit's own scale that gives 0.867, the "
                       "essay's 0.86; each data set has its own scale.")
    ui.chart(fit_figure(fit, compute, loss, budget, reach), "your_scaling_law", "fit", download=False)
    st.caption("Points at their training compute (6·N·D for params-tokens points). Shaded: 10-90% of the fits to "
               f"{fitting.BOOTSTRAP} bootstrap resamples of the points. The dotted line is the Loss page's budget; "
               "the dashed one the human-level loss.")
    st.download_button("Download the points (CSV)", source, file_name="scaling_points.csv", mime="text/csv",
                       icon=":material/download:", on_click="ignore")
    if fit is not None and form == "chinchilla":
        keys = {"b_e": "E", "b_a": "A", "b_b": "B", "b_alpha": "alpha", "b_beta": "beta"}
        # Written as the Loss page's sliders hold them (clamped, on their steps): the link opens without a warning.
        query = LOSS.params.non_defaults({k: fit.constants[c] for k, c in keys.items()})
        st.page_link(LOSS.page, label="Open the Loss page with this fit", icon=LOSS.icon,
                     query_params=query)
        st.caption("It goes in the replication's place, the Loss page's one slot for a fitted L(N, D), where it is "
                   "named *Your fit*; the curve here is that law along its compute-optimal frontier. Constants are "
                   "rounded to the Loss page's slider steps, and those outside its ranges are clamped to them.")
    elif fit is not None:
        st.caption("A compute law with its own E has no slot on the Loss page (its compute laws are pure power "
                   "laws); fit params, tokens and loss to send a law there.")
