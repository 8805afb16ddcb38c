"""Biological anchors: Cotra's 2020 probability of transformative AI by year, made adjustable."""

import pandas as pd
import streamlit as st

from lib import ui
from lib.chains import bio_anchors
from lib.chains.bio_anchors.charts import cdf_figure, compute_figure
from lib.chains.bio_anchors.model import HEADLINE_YEARS, BioAnchorsResult, headlines_and_curves
from lib.chains.bio_anchors.params import NONE_FROM, NONE_TO
from lib.chains.bio_anchors.published import ANCHORS, COTRA_2020_FORECAST, SERIES_FIRST_YEAR, T0
from lib.core import units
from lib.core.ranges import quantile_bands
from lib.data import files
from lib.data.trends import model as trends
from lib.tools.uncertainty.model import run_draws

SPEND_YEAR = T0  # the year the Spend slider is for ("Spend on the largest run in 2025")

ui.ensure_app_navigation()
chain = bio_anchors.CHAIN

st.title(chain.title, anchor=False)
st.markdown(
    "Cotra (2020) asks, year by year: can the largest training run a developer can afford buy as much "
    "compute as a transformative model needs? The requirement comes from six biological anchors, each "
    "an uncertain number of FLOP that shrinks as algorithms improve; affordable compute grows with "
    "cheaper hardware and bigger budgets. Weights, requirements and trends are all sliders."
)

def published_against_model() -> str:
    """Cotra's published figures, labelled as hers, beside this model's at her inputs (the defaults), computed."""
    heads = chain.headline_values(chain.params.defaults())
    years = tuple(y for y, _ in COTRA_2020_FORECAST.p_by_year)
    return COTRA_2020_FORECAST.against({y: float(heads[f"p_{y}"].value) for y in years}, heads["median_year"].value)


def shift_text(oom: float) -> str:
    """A requirement shift as words: 'no shift' rather than '+0.0 OOM'."""
    return "no shift" if abs(oom) < 0.05 else f"shift {oom:+.1f} OOM"


def draw(values: dict) -> None:
    result = chain.run(values)
    link = ui.view_link(chain.params, values)
    draws = run_draws(chain, values, evaluate=headlines_and_curves) if values["samples"] else None
    bands = quantile_bands(draws.curves) if draws and draws.ranges else None

    for warning in result.warnings:
        st.warning(warning, icon=":material/warning:")

    median = chain.headline("median_year")
    cols = st.columns(1 + len(HEADLINE_YEARS))
    # The headline's help in the tooltip: as a metric's delta it was cut short in a quarter-width column.
    cols[0].metric(median.label, result.headlines.row(0)["median_year"].brief(median), help=median.help)
    for col, year in zip(cols[1:], HEADLINE_YEARS):
        col.metric(f"P(TAI by {year})", units.percent(result.headline[year]))
    st.caption(published_against_model() + " The metrics above are for the current settings.")

    # One chart at a time (ui.chain_views): a hardware move redraws one chart.
    views = {"Probability of TAI by year": lambda: ui.chart(cdf_figure(result, bool(values["anchors"]), bands),
                                                           "tai_probability_by_year", "cdf", link),
             "Compute against requirements": lambda: compute_view(result, link, float(values["spend"]))}
    ui.chain_views("bio_view", chain, values, draws, views)

    st.header("Per anchor", anchor=False)
    shift = result.data_shift_oom
    rows = []
    for a in ANCHORS:
        bands = result.requirement_bands[a.key]
        am = result.anchor_median_year[a.key]
        rows.append({
            "anchor": a.label,
            "share": f"{result.weights[a.key]:.0%}",
            "median need": units.flop(10.0 ** result.shifted_p50[a.key]),
            "in 2100": units.flop(10.0 ** bands[1][-1]),
            "median year": "after 2100" if am is None else f"{am:.0f}",
            "P by 2100": f"{result.anchor_p_2100[a.key]:.0%}",
        })
    # A static table wraps to the column's width: a data grid hid its last columns on a phone.
    st.table(pd.DataFrame(rows).set_index("anchor"))
    st.caption("Median need: the anchor's median training compute (FLOP) with 2020 algorithms; in 2100: with "
               "2100's algorithms. Median year and P by 2100: the anchor alone, without the 'none' weight.")
    st.caption(f"Weights are relative: each anchor's share of the mix is its weight divided by the total of all six "
               f"(now {result.weight_total:g}). On top, the 'none of these works' weight ({float(values['none_2020']):g}% "
               f"in {NONE_FROM}, tapering to {min(float(values['none_2100']), float(values['none_2020'])):g}% in {NONE_TO}) "
               "keeps the total below 100%.")

    other = "1.0" if values["data_exp"] == "0.8" else "0.8"
    chinchilla_shift = max(shift, result.other_data_shift_oom)
    st.markdown(
        f"**Chinchilla and the neural-net anchors.** The report sizes training data as D ∝ P^0.8; Chinchilla's "
        f"scaling says D ∝ P^1.0 (about 20 tokens per parameter). At brain scale (P ≈ 3e14 parameters) the "
        f"switch moves the three neural-net anchors by **{chinchilla_shift:+.1f} orders of magnitude**. Now: exponent "
        f"{values['data_exp']} ({shift_text(shift)}); set it to {other} in *Requirements* to see the other case "
        f"({shift_text(result.other_data_shift_oom)}). Rohin Shah's opinion in the Alignment Newsletter says that "
        "updating this parameter alone \"will lengthen the timelines output by the model\"; it gives no size, so the "
        "shift above is this page's arithmetic, not his figure."
    )


def compute_view(result: BioAnchorsResult, link: str, spend: float) -> None:
    runs = trends.packaged()
    ui.chart(compute_figure(result, trends.largest_per_year(runs, SERIES_FIRST_YEAR)), "compute_vs_requirements",
             "compute", link)
    costs = trends.largest_with_costs(runs, SPEND_YEAR)
    priced = ", ".join(f"{m} {units.usd(float(c))}" for m, c in zip(costs["model"], costs["training_cost_2023_usd"]))
    st.caption("Dashed: each anchor's median requirement with that year's algorithms; shading: its 10-90% "
               "range. The black line is the compute the largest affordable run buys (FLOP per dollar × "
               "spend). Where it enters a band, that anchor starts to add probability. Open diamonds: the "
               f"largest real run of each year since {SERIES_FIRST_YEAR} ({files.dated('epoch_compute')}, CC BY 4.0)."
               + (f" The spend on the largest {SPEND_YEAR} run is set at {units.usd(spend)}; Epoch's estimates for "
                  f"{SPEND_YEAR}'s largest runs (2023 dollars): {priced}. The report's dollars are 2020's." if priced else ""))


def how_it_works(v: dict) -> None:
    """The model in formulas, with the current values of every slider but the hardware one."""
    rule = (r"a logistic with halving time $H = \mathrm{clip}(3.5 - (p_{50}-29)/4, 2, 3.5)$ years and cap "
            r"$M = \mathrm{clip}(2 + (p_{50}-32)/4, 2, 5)$ OOM, the port's rule applied to each anchor's median (the port "
            r"rounds both terms and applies it to each sampled requirement; this is an approximation of it)"
            if v["algo"] == "rule" else
            f"a logistic with one halving time ({v['algo_halving']:g} years) and cap ({v['algo_cap']:g} OOM) for every anchor")
    with st.expander("How the model works, and its sources"):
        st.markdown(
            rf"""
- **Requirement** of anchor *i* (log10 FLOP with 2020 algorithms): a two-piece normal through its 10th, 50th
  and 90th percentiles (the port's Cotra2020 set, widths × {v['spread']:g}), cut at 1e{v['req_floor']:g} FLOP and
  renormalised: both our choices (the port samples and clips instead).
- **Affordable compute** $A(Y) = \log_{{10}}(\text{{FLOP per \$}}(Y) \cdot \text{{spend}}(Y))$; both grow as logistic
  curves: FLOP/$ from {v['flop_usd']:.3g} in 2025, price halving every $H_{{hw}}$ years (the hardware slider at the top), levelling at
  {v['flop_usd_max']:.3g}; spend from \${v['spend']:.3g} in 2025, doubling every {v['spend_doubling']:g} years,
  capped at {v['gdp_share']:g}% of a GDP growing {v['gdp_growth']:g}% a year.
- **Algorithmic progress** lowers anchor *i*'s requirement by $\rho_i(Y)$ OOM from {v['algo_start']}: {rule}.
- $P(\text{{TAI by }} Y) = (1 - q(Y)) \sum_i \tilde w_i\, P(R_i \le A(Y) + \rho_i(Y))$, with $\tilde w$ the
  normalised weights and $q$ the 'none of these works' weight ({v['none_2020']:g}% in 2020 to {v['none_2100']:g}%
  in 2100).
- Presets: Cotra 2020 best guess; faster and slower trends (hardware and spending at the ends of the ranges
  the port writes beside its values, all at once: our combination, not a scenario of the port's); and our
  fit to her 2022 post (~15% by 2030, ~35% by 2036, median ~2040), whose choices are listed on the Sources page.

Sources: Cotra 2020, *Forecasting TAI with biological anchors*; Cotra 2022, *Two-year update on my personal
AI timelines*; Rethink Priorities, `future-assessment-model` (its `ajeya2020.squiggle` for the uncertainty
view's ranges); Epoch AI's summary; the AXRP interview; US GDP:
BEA.
"""
        )


# `how_it_works` is outside the hardware slider's fragment: it does not depend on that slider, and its
# formulas are typeset again whenever its text is redrawn.
ui.chain_page(chain, draw, how_it_works)
