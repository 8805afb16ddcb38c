"""Fit your own scaling law: paste, type or upload points; see the fit, its interval and where it leads."""

import numpy as np
import streamlit as st

from lib import fitting, ui, units
from lib.chains import get
from lib.fit_charts import fit_figure

ui.ensure_app_navigation()
LOSS = get("loss")
LINK_ROWS = 30  # up to this many points travel in the link (?points=); more are shared as a CSV
KEY = "points"

# Synthetic points, labelled as such: exact losses of the replication's law (Besiroglu et al. 2024,
# E=1.82, A=482.01, B=2085.43, alpha=0.3478, beta=0.3658) at 4 model sizes x 4 token counts.
_N = np.array([units.round_sig(n) for n in np.repeat(np.geomspace(1e8, 1.6e10, 4), 4)])
_D = np.array([units.round_sig(d) for d in _N * np.tile(np.geomspace(5, 80, 4), 4)])
_L = 1.82 + 482.01 / _N ** 0.3478 + 2085.43 / _D ** 0.3658
EXAMPLES = {
    "Synthetic: the replication's law (params, tokens, loss)":
        "params,tokens,loss\n" + "".join(f"{units.format_number(n)},{units.format_number(d)},{l:.4f}\n"
                                          for n, d, l in zip(_N, _D, _L)),
    "Synthetic: a compute law, E=1.7, A=30, α=0.08 (compute, loss)":
        "compute,loss\n" + "".join(f"{units.format_number(units.round_sig(c))},{1.7 + 30 * c ** -0.08:.4f}\n"
                                    for c in np.geomspace(1e18, 1e23, 8)),
}

st.title(":material/query_stats: Fit your own scaling law")
ui.no_parameters("fit", keep=(KEY,))
st.markdown(
    "Bring your own loss curve: points of **compute, loss** fit L = E + A·C^(−α); points of **params, tokens, "
    "loss** fit Chinchilla's L = E + A/N^α + B/D^β. The fit is the one Hoffmann et al. 2022 and the 2024 "
    "replication used: Huber loss on log-loss, L-BFGS from a grid of starts, and a bootstrap over your points "
    "for the 80% intervals."
)


@st.cache_data(max_entries=32, show_spinner=False)
def fitted(text: str) -> tuple[str, np.ndarray, tuple[np.ndarray, ...], fitting.Fit | None, str]:
    """Points read from ``text`` and their fit; a problem in words instead of the fit when there is one."""
    form, loss, inputs = fitting.read_points(text)
    try:
        return form, loss, inputs, fitting.fit(form, loss, *inputs), ""
    except fitting.FitError as err:
        return form, loss, inputs, None, str(err)


def use_example() -> None:
    st.session_state[KEY] = EXAMPLES[st.session_state["_fit_example"]]
    st.session_state.pop("_fit_upload_text", None)


def use_upload() -> None:
    file = st.session_state.get("_fit_file")
    if file is None:
        st.session_state.pop("_fit_upload_text", None)
        return
    if file.size > fitting.MAX_BYTES:
        st.session_state["_fit_upload_text"] = "\0too big"
        return
    text = file.getvalue().decode("utf-8", "replace")
    if text.count("\n") <= LINK_ROWS + 1:
        st.session_state[KEY] = text  # small: into the box, and so into the link
        st.session_state.pop("_fit_upload_text", None)
    else:
        st.session_state["_fit_upload_text"] = text


if KEY not in st.session_state and KEY not in st.query_params:
    st.session_state[KEY] = next(iter(EXAMPLES.values()))

left, right = st.columns([1, 2], gap="medium")
with left:
    st.selectbox("Start from an example", list(EXAMPLES), index=None, key="_fit_example", on_change=use_example,
                 placeholder="Pick one (both synthetic, from known constants)")
    text = st.text_area("Points (CSV with a header row)", key=KEY, bind="query-params", height=260,
                        help=f"compute,loss or params,tokens,loss, one point per line. Up to {LINK_ROWS} points travel "
                             "in the page's link.") or ""
    st.file_uploader("…or upload a CSV (up to 5 MB)", type=["csv", "txt"], key="_fit_file", on_change=use_upload)

upload = st.session_state.get("_fit_upload_text")
with right:
    if upload == "\0too big":
        st.warning("That file is over 5 MB: a scaling-law fit needs a few dozen points. The box keeps what it had.",
                   icon=":material/warning:")
        upload = None
    source = upload if upload is not None else text
    if upload is not None:
        st.info(f"Fitting the uploaded file ({upload.count(chr(10))} lines): too many points for a link, so share "
                "it as the CSV below.", icon=":material/info:")
    try:
        form, loss, inputs, fit, problem = fitted(source)
    except fitting.FitError as err:
        st.warning(f"These points cannot be read: {err}. Nothing you typed is lost; correct it in the box.",
                   icon=":material/warning:")
        st.stop()
    compute = inputs[0] if form == "compute" else 6.0 * inputs[0] * inputs[1]
    budget = float(ui.session_values(LOSS.params).get("compute", LOSS.params["compute"].default))
    if problem:
        st.warning(f"No fit: {problem}. The points are drawn without one.", icon=":material/warning:")
    elif fit is not None and not fit.converged:
        st.warning("The optimiser stopped before it converged: treat these constants as rough.",
                   icon=":material/warning:")
    if fit is not None:
        rows = ["| constant | fit | 80% interval |", "|---|---|---|"]
        for k, v in fit.constants.items():
            lo, hi = fit.ci80.get(k, (float("nan"), float("nan")))
            rows.append(f"| {k} | {units.format_number(units.round_sig(v, 4))} | "
                        f"{units.format_number(units.round_sig(lo, 3))} to {units.format_number(units.round_sig(hi, 3))} |")
        st.markdown("\n".join(rows))
        at_budget = float(fit.curve(np.array([budget]))[0])
        st.metric(f"Loss at the Loss page's budget ({units.flop(budget)})", f"{at_budget:.3f}",
                  f"{len(loss)} points · {'L(C)' if form == 'compute' else 'L(N, D), compute-optimal'}",
                  delta_color="off", delta_arrow="off")
    ui.chart(fit_figure(fit, compute, loss, budget), "your_scaling_law", "fit", download=False)
    st.caption("Points at their training compute (6·N·D for params-tokens points). Shaded: 10-90% of the fits to "
               f"{fitting.BOOTSTRAP} bootstrap resamples of the points. The dotted line is the Loss page's budget.")
    st.download_button("Download the points (CSV)", source, file_name="scaling_points.csv", mime="text/csv",
                       icon=":material/download:", on_click="ignore")
    if fit is not None and form == "chinchilla":
        keys = {"b_e": "E", "b_a": "A", "b_b": "B", "b_alpha": "alpha", "b_beta": "beta"}
        query = {k: LOSS.params[k].format_value(min(max(fit.constants[c], LOSS.params[k].min), LOSS.params[k].max))
                 for k, c in keys.items()}
        st.page_link(LOSS.page, label="Open the Loss page with this fit", icon=LOSS.icon,
                     query_params=query)
        st.caption("It goes in the replication's place, the Loss page's one slot for a fitted L(N, D); the curve here "
                   "is that law along its compute-optimal frontier. Constants outside the Loss page's slider ranges "
                   "are clamped to them.")
    elif fit is not None:
        st.caption("A compute law with its own E has no slot on the Loss page (its compute laws are pure power "
                   "laws); fit params, tokens and loss to send a law there.")
