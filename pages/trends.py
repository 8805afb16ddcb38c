"""Compute trends: training compute of notable models over time, a fitted doubling time, and the pages' own."""

import streamlit as st

from lib import ui
from lib.chains import get
from lib.chains.gpt_human.params import DOUBLING_AMODEI_MONTHS, DOUBLING_SEVILLA_MONTHS
from lib.core import units
from lib.core.problems import escape_markdown
from lib.data import files
from lib.data.trends import model as trends
from lib.data.trends.charts import trend_figure

ui.ensure_app_navigation()
params = trends.PARAMS
GPT = get("gpt-human")
ANCHORS = get("bio-anchors")

st.title("Compute trends", anchor=False)
st.markdown(
    "How fast does training compute grow? Every page here assumes an answer: the GPT-human essay 3.4 months "
    "per doubling, later work about 6, the bio-anchors report a slower mix of spending and hardware. Pick the "
    "models and the years, and fit it to the notable models Epoch AI tracks."
)


def anchors_doubling_months() -> float:
    """The bio-anchors defaults' compute growth before any cap: spend doubling and price halving combined."""
    d = ANCHORS.params.defaults()
    return 12.0 / (1.0 / float(d["spend_doubling"]) + 1.0 / float(d["hw_halving"]))


def compare_rows() -> dict[str, float]:
    """The doubling times the other pages assume, by whose they are."""
    return {"Amodei & Hernandez 2018 (the essay's)": DOUBLING_AMODEI_MONTHS,
            "Sevilla et al. 2022": DOUBLING_SEVILLA_MONTHS,
            "Bio-anchors spending × hardware": anchors_doubling_months()}


@st.fragment
def view() -> None:
    values, main = ui.controls(params, expanded=("Models and years",))
    with main:
        draw(values)


def draw(values: dict) -> None:
    points = trends.select(trends.packaged(), values)
    try:
        trend = trends.checked_fit(points, values)
    except trends.TrendError as err:
        trend = None
        st.warning(f"No trend to fit: {err}. The models in the window are drawn without one.",
                   icon=":material/warning:")
    cols = st.columns(3)
    if trend is not None:
        lo, hi = trend.ci80
        cols[0].metric("Doubling time", f"{trend.doubling_months:.1f} months",
                       f"80%: {lo:.1f} to {f'{hi:.1f}' if hi is not None else 'no growth'} months",
                       delta_color="off", delta_arrow="off",
                       help="Least squares of log10 compute on the date; the interval is a bootstrap over models "
                            f"({trends.BOOTSTRAP_DRAWS:,} resamples, our choice).")
        cols[1].metric("Growth", f"{units.times(10 ** trend.slope)} per year", f"{trend.slope:.2f} orders of magnitude",
                       delta_color="off", delta_arrow="off")
    cols[2 if trend is not None else 0].metric("Models", f"{len(points)}", f"{int(values['since'])} to {int(values['until'])}",
                   delta_color="off", delta_arrow="off")
    ui.chart(trend_figure(points, trend, int(values["until"]), compare_rows()),
             "compute_trend", "trend", ui.view_link(params, values))
    st.caption("Each point is one notable model (hover for its name, organisation, date, compute and Epoch's "
               "confidence). Solid: the fit over the window; dotted: extended five years; dashed: the doubling "
               "times the other pages assume, from the fit's value at the end of the window. "
               f"{files.dated('epoch_compute')} (CC BY 4.0).")
    if values["frontier"] in trends.FRONTIER_NOTES:
        st.caption(trends.FRONTIER_NOTES[values["frontier"]])
    if trend is not None:
        # Written as the GPT-human slider holds it (one place writes every link: the registry).
        query = GPT.params.non_defaults({"doubling": round(trend.doubling_months, 2)})  # a link people read
        months = float(query.get("doubling", GPT.params["doubling"].default))  # type: ignore[arg-type]
        # Short enough for a phone's width; the help says the rest.
        st.page_link(GPT.page, label=f"GPT-human at a {months:g}-month doubling", icon=GPT.icon, query_params=query,
                     help="Open the GPT-human timeline with this fit's doubling time for the largest training runs.")
    rows = ["| doubling time | months | against this fit |", "|---|---|---|"]
    for label, months in compare_rows().items():
        ratio = f"{months / trend.doubling_months:.2f}× the fit's" if trend is not None else "no fit"
        rows.append(f"| {escape_markdown(label)} | {months:.1f} | {ratio} |")
    st.markdown("\n".join(rows))
    st.caption("Amodei & Hernandez measured 3.4 months over 2012-2018, the figure the GPT-human essay uses. "
               "Sevilla et al. 2022 found about 6 months for 2010-2022 and about 20 months before 2010. The "
               "bio-anchors row is Cotra's 2020 defaults (spending doubling every "
               f"{float(ANCHORS.params.defaults()['spend_doubling']):g} years, the price of compute halving every "
               f"{float(ANCHORS.params.defaults()['hw_halving']):g}) combined, before spending reaches its cap.")


view()
