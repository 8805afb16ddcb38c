"""The "GPT-human" cost timeline: compute to human-level loss, when growth gets there, when it is affordable."""

import streamlit as st

from lib import ui
from lib.chains import gpt_human
from lib.chains.gpt_human import origin
from lib.chains.gpt_human.charts import compute_figure, cost_figure, loss_curve_figure
from lib.chains.gpt_human.derivation import ESSAY_DATES, derivation, money
from lib.chains.gpt_human.model import format_year, headlines_and_costs, series
from lib.chains.gpt_human.params import DOUBLING_AMODEI_MONTHS as FAST
from lib.chains.gpt_human.params import DOUBLING_SEVILLA_MONTHS as SLOW
from lib.chains.gpt_human.since import what_happened
from lib.core import units
from lib.core.frontier import ON_GPT3_SCALE, SCALE
from lib.core.ranges import quantile_bands
from lib.data import files as data
from lib.data.trends import model as trends
from lib.tools.uncertainty.model import run_draws

ESSAY_KEYS = ("law", "fit_k", "fit_b", "ref_pfd", "ref_cost", "target", "human", "ratio", "floor", "doubling", "halving",
              "start", "budget")

ui.ensure_app_navigation()
chain = gpt_human.CHAIN

st.title("The “GPT-human” cost timeline", anchor=False)
st.markdown(
    "Gwern's 2020 back-of-the-envelope (The Scaling Hypothesis, footnote 20): extend GPT-3's scaling "
    "curve to a human's loss, count how many doublings of the largest training runs that takes, and how "
    "many halvings of cost until it fits a budget. Every step below is a slider."
)


def scale_note(values: dict, result) -> str:
    """Which dataset's losses the chain is on, and so how its target is set."""
    law = str(values["law"])
    if law in ON_GPT3_SCALE:
        how = ("set directly" if values["target"] == "loss" else "set as a ratio of the reference model's loss")
        return (f"Losses on the {SCALE[law]} scale (the GPT-3 fit's and Kaplan's dataset), where the essay's 0.86 "
                f"human level is stated; the target is {how}.")
    return (f"Losses on the {SCALE[law]} scale (Hoffmann et al.'s dataset): the essay's 0.86 is a WebText2 loss and "
            f"means nothing here, so the target is the reference model's reducible loss (above E = "
            f"{result.irreducible:.3g}) divided by the error ratio {float(values['ratio']):g}.")


def draw(values: dict) -> None:
    result = chain.run(values)
    curves = series(values, result)
    cash = money(values, data.load("cpi_us").table, data.load("reference_budgets").table)
    link = ui.view_link(chain.params, values)
    draws = run_draws(chain, values, evaluate=headlines_and_costs) if values["samples"] else None
    # Bands on every 4th year of the cost line: enough for a shaded area, a quarter of the quantiles.
    band_years = curves.cost_years[::4]
    bands = ((band_years, quantile_bands(draws.curves(band_years)))
             if draws and draws.ranges and band_years.size else None)

    start = int(values["start"])
    # The note on the essay's own dates holds for its numbers only (the doubling and halving counts it quotes).
    essay = {**values, **{k: chain.params[k].default for k in ESSAY_KEYS}}
    for message in result.messages:
        st.info(message, icon=":material/info:")
    for note in cash.notes:
        st.caption(f"Prices: {note}.")

    row1 = st.columns(3)
    row1[0].metric("Human-level target loss", f"{result.target_loss:.3f}",
                   f"reference {result.reference_loss:.3f} · {SCALE[str(values['law'])]} scale", delta_color="off",
                   delta_arrow="off", help=scale_note(values, result))
    if result.compute_flop is None:
        row1[1].metric("Compute needed", "unreachable", "target at or below the floor", delta_color="off", delta_arrow="off")
    else:
        row1[1].metric("Compute needed", units.flop(result.compute_flop),
                       f"{units.sci(result.compute_pfdays, 3)} PF-days · {units.times(result.compute_multiplier)} reference",
                       delta_color="off", delta_arrow="off")
    row1[2].metric(chain.headline("year_compute_reached").label, format_year(result.year_compute_reached),
                   "" if result.doublings is None else f"{result.doublings:.1f} doublings ({result.doublings_whole} whole)",
                   help=chain.headline("year_compute_reached").help, delta_color="off", delta_arrow="off")
    row2 = st.columns(3)
    row2[0].metric(f"Cost at {start} prices" + (f", in {cash.label}" if cash.factor != 1.0 else ""),
                   cash.usd(result.cost_start_usd), f"reference model {cash.usd(float(values['ref_cost']))}", delta_color="off",
                   delta_arrow="off")
    row2[1].metric("Halvings to the budget",
                   "unreachable" if result.halvings_to_budget is None else f"{result.halvings_to_budget:.1f}",
                   "" if result.halvings_whole is None else f"{result.halvings_whole} whole · budget "
                   f"{cash.usd(float(values['budget']))}", delta_color="off", delta_arrow="off")
    row2[2].metric(chain.headline("year_affordable").label, format_year(result.year_affordable),
                   f"cost halves every {units.quantity(float(values['halving']), 'month')}", help=chain.headline("year_affordable").help,
                   delta_color="off", delta_arrow="off")
    st.caption("Doublings and halvings are counted fractionally (log2 of the ratio) from the start of the start year; "
               "the essay rounds up to whole steps, shown beside each count."
               + (" " + ESSAY_DATES if not chain.params.differences(values, essay) else ""))

    starts_at = origin.starts_from(values)
    other = "essay" if starts_at is not None else "latest"
    latest = origin.packaged_latest()
    here, there = st.columns([3, 2], vertical_alignment="center")
    here.caption(
        (f"The chain starts from **{latest.model}**, the largest run in Epoch AI's data ({latest.when}, "
         f"{units.flop(latest.compute_flop)}" + (f", {latest.rating}" if latest.rating else "")
         + f"; Epoch's cost estimate moved to {latest.start} dollars), at the start of "
         f"{latest.start}, as the essay starts GPT-3 (May 2020) at the start of 2020.")
        if starts_at is not None else
        "The chain starts from the reference model above at the start of the start year (the essay's: GPT-3 in 2020).")
    with there:
        ui.values_button(f"Start from today's frontier: {latest.model} ({latest.start})" if other == "latest"
                         else "Back to the essay's GPT-3 (2020)", chain.params,
                         origin.origin_values(other, chain.params.defaults()), key="_gpt_origin")

    st.header("When does it become affordable?", anchor=False)
    # The uncertainty views join the cost chart's tabs (ui.chain_views), as on the other chain pages.
    views = {"Cost over time": lambda: ui.chart(cost_figure(curves, result, cash, float(values["budget"]), bands),
                                                "gpt_human_cost", "cost", link)}
    ui.chain_views("gpt_view", chain, values, draws, views)
    st.header("When does the largest training run get there?", anchor=False)
    if float(values["doubling"]) != SLOW:
        ui.values_button(f"Try the later ~{SLOW:g}-month doubling (Sevilla et al. 2022)", chain.params,
                         {"doubling": SLOW}, key="_gpt_doubling")
    else:
        ui.values_button(f"Back to {FAST:g} months (Amodei & Hernandez 2018)", chain.params, {"doubling": FAST},
                         key="_gpt_doubling")
    since = what_happened(values, trends.packaged())
    st.markdown(since.text)
    ui.chart(compute_figure(curves, result, since.runs, since.essay_flop(curves.frontier_years)), "frontier_compute",
             "compute", link)
    st.header("The loss curve down to the human line", anchor=False)
    law = str(values["law"])
    ui.chart(loss_curve_figure(curves, result, law), "loss_curve", "loss", link)
    st.caption(f"{scale_note(values, result)} GPT-2's compute is Epoch AI's estimate; the 'GPT-4' point is the "
               "essay's hypothetical 1000× GPT-3, not the real GPT-4. "
               f"{data.dated('notable_models', 'epoch_compute', 'cpi_us')}.")

    st.header("The derivation, step by step", anchor=False)
    # One element, not one per step: each element is a message to the browser on every slider move.
    st.markdown("\n\n".join(f"**{i}. {step}.** {text}" for i, (step, text) in enumerate(derivation(values, result),
                                                                                      start=1)))
    st.caption("Sources: Gwern 2020, The Scaling Hypothesis (fn. 20); Brown et al. 2020 (fig. 3.1); Amodei & Hernandez "
               "2018, AI and Compute; Sevilla et al. 2022; Hernandez & Brown 2020 (who measured algorithmic efficiency "
               "alone; the essay reads it as the cost net of hardware and algorithms); US BLS CPI-U. See the Sources page.")


ui.chain_page(chain, draw)
