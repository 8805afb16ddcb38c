"""The "GPT-human" cost timeline: compute to human-level loss, when growth gets there, when it is affordable."""

import streamlit as st

from lib import dollars, gpt_human, ui, units
from lib.gpt_human_charts import compute_figure, cost_figure, loss_curve_figure

ui.ensure_app_navigation()

st.title("💸 The “GPT-human” cost timeline")
st.markdown(
    "Gwern's 2020 back-of-the-envelope (The Scaling Hypothesis, footnote 20): extend GPT-3's scaling "
    "curve to a human's loss, count how many doublings of the largest training runs that takes, and how "
    "many halvings of cost until it fits a budget. Every step below is a slider."
)

values = ui.controls(gpt_human.PARAMS, gpt_human.PRESETS, expanded=("Human-level target", "Trends"))
result = gpt_human.run(values)
series = gpt_human.series(values, result)
ui.share_link(gpt_human.PARAMS, values)

start = int(values["start"])
cpi = dollars.cpi_from_table(ui.dataset("cpi_us").table)
budgets, notes = dollars.reference_budgets(ui.dataset("reference_budgets").table, tuple(values["refs"]), start, cpi)
if values["dollars"] == "today":
    latest = max(cpi)
    factor, more = dollars.convert(1.0, start, latest, cpi)
    notes = sorted(set(notes) | set(more))
    dollar_label = f"{latest} dollars"
else:
    factor, dollar_label = 1.0, f"{start} dollars"

for message in result.messages:
    st.info(message, icon="ℹ️")
for note in notes:
    st.caption(f"Prices: {note}.")

fy = gpt_human.format_year
row1 = st.columns(3)
row1[0].metric("Human-level target loss", f"{result.target_loss:.3f}",
               f"reference model at {result.reference_loss:.3f}", delta_color="off", delta_arrow="off")
if result.compute_flop is None:
    row1[1].metric("Compute needed", "unreachable", "target at or below the floor", delta_color="off", delta_arrow="off")
else:
    row1[1].metric("Compute needed", units.flop(result.compute_flop),
                   f"{units.sci(result.compute_pfdays, 3)} PF-days · {units.sci(result.compute_multiplier, 2)}× reference",
                   delta_color="off", delta_arrow="off")
row1[2].metric("Frontier compute gets there", fy(result.year_compute_reached),
               "" if result.doublings is None else f"{result.doublings:.1f} doublings ({result.doublings_whole} whole)",
               delta_color="off", delta_arrow="off")
row2 = st.columns(3)
row2[0].metric(f"Cost in {start} ({dollar_label})",
               "n/a" if result.cost_start_usd is None else units.usd(result.cost_start_usd * factor),
               f"reference model {units.usd(float(values['ref_cost']) * factor)}", delta_color="off", delta_arrow="off")
row2[1].metric("Halvings to the budget", "n/a" if result.halvings_to_budget is None else f"{result.halvings_to_budget:.1f}",
               "" if result.halvings_whole is None else f"{result.halvings_whole} whole · budget "
               f"{units.usd(float(values['budget']) * factor)}", delta_color="off", delta_arrow="off")
row2[2].metric("Affordable within the budget", fy(result.year_affordable),
               f"cost halves every {float(values['halving']):g} months", delta_color="off", delta_arrow="off")
st.caption("Doublings and halvings are counted fractionally (log2 of the ratio); the essay rounds up to whole "
           "steps, shown beside each count. Years are decimal years.")

st.subheader("When does it become affordable?")
ui.chart(cost_figure(series, result, budgets, float(values["budget"]), factor, dollar_label), "gpt_human_cost", "cost")
st.subheader("When does the largest training run get there?")
FAST, SLOW = 3.4, 6.0  # months: Amodei & Hernandez 2018; Sevilla et al. 2022


def set_doubling(months: float) -> None:
    st.session_state["doubling"] = months


if float(values["doubling"]) != SLOW:
    st.button(f"Try the later ~{SLOW:g}-month doubling (Sevilla et al. 2022)", on_click=set_doubling, args=(SLOW,))
else:
    st.button(f"Back to {FAST:g} months (Amodei & Hernandez 2018)", on_click=set_doubling, args=(FAST,))
ui.chart(compute_figure(series, result), "frontier_compute", "compute")
st.subheader("The loss curve down to the human line")
ui.chart(loss_curve_figure(series, result), "loss_curve", "loss")
st.caption("GPT-2's compute is Epoch AI's speculative estimate; the 'GPT-4' point is the essay's hypothetical "
           "1000× GPT-3 (loss ≈ 1.24), not the real GPT-4. The essay's fit is on WebText; other datasets have "
           "other losses.")

st.subheader("The derivation, step by step")
for i, (step, text) in enumerate(gpt_human.derivation(values, result), start=1):
    st.markdown(f"**{i}. {step}.** {text}")
st.caption("Sources: Gwern 2020, The Scaling Hypothesis (fn. 20); Brown et al. 2020 (fig. 3.1); Amodei & Hernandez "
           "2018, AI and Compute; Sevilla et al. 2022; Hernandez & Brown 2020; US BLS CPI-U. See the Sources page.")
