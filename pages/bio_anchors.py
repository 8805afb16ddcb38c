"""Biological anchors: Cotra's 2020 probability of transformative AI by year, made adjustable."""

import pandas as pd
import streamlit as st

from lib import bio_anchors, ui
from lib.bio_anchors_charts import cdf_figure, compute_figure

ui.ensure_app_navigation()

st.title("🧠 Biological anchors")
st.markdown(
    "Cotra (2020) asks, year by year: can the largest training run a developer can afford buy as much "
    "compute as a transformative model needs? The requirement comes from six biological anchors, each "
    "an uncertain number of FLOP that shrinks as algorithms improve; affordable compute grows with "
    "cheaper hardware and bigger budgets. Weights, requirements and trends are all sliders."
)

values = ui.controls(bio_anchors.PARAMS, bio_anchors.PRESETS, expanded=("Anchor weights",))
result = bio_anchors.run(values)
ui.share_link(bio_anchors.PARAMS, values)

for warning in result.warnings:
    st.warning(warning, icon="⚠️")
weight_total = sum(float(values[f"w_{a.key}"]) for a in bio_anchors.ANCHORS)
none_start = float(values["none_2020"])
if weight_total > 0 and abs(weight_total + none_start - 100) > 0.5:
    st.info(f"The anchor weights add up to {weight_total:.0f}%, and 'none of these works' takes {none_start:.0f}% "
            f"at the start: {weight_total + none_start:.0f}% in all. Weights are relative, so they were rescaled to "
            f"share the remaining {100 - none_start:.0f}% in the same proportions (table below).", icon="⚖️")

cols = st.columns(6)
median = result.median_year
cols[0].metric("Median year", "after 2100" if median is None else f"{median:.0f}",
               "P(TAI) reaches 50%", delta_color="off", delta_arrow="off")
for col, year in zip(cols[1:], bio_anchors.HEADLINE_YEARS):
    col.metric(f"P(TAI by {year})", f"{result.headline[year]:.0%}")
st.caption("Cotra's published best guess (2020): ~8% by 2030, ~47% by 2050, ~78% by 2100, median ~2052-2053; "
           "the default settings reproduce it within 3 points and 2 years.")

st.subheader("Probability of transformative AI by year")
ui.chart(cdf_figure(result, bool(values["anchors"])), "tai_probability_by_year", "cdf")

st.subheader("Affordable compute against each anchor's requirement")
ui.chart(compute_figure(result), "compute_vs_requirements", "compute")
st.caption("Dashed: each anchor's median requirement with that year's algorithms; shading: its 10-90% range. "
           "The black line is the compute the largest affordable run buys (FLOP per dollar × spend). Where it "
           "enters a band, that anchor starts to add probability.")

st.subheader("Per anchor")
shift = result.data_shift_oom
rows = []
for a in bio_anchors.ANCHORS:
    bands = result.requirement_bands[a.key]
    am = result.anchor_median_year[a.key]
    rows.append({
        "anchor": a.label,
        "weight": f"{result.weights[a.key]:.0%}",
        "median need, 2020 algorithms (log10 FLOP)": f"{float(values[f'p50_{a.key}']) + (shift if a.neural_net else 0):.1f}",
        "with 2100 algorithms": f"{bands[1][-1]:.1f}",
        "median year, alone": "after 2100" if am is None else f"{am:.0f}",
        "P by 2100, alone": f"{result.anchor_p_2100[a.key]:.0%}",
    })
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
q0, q1 = float(result.none_weight[0]), float(result.none_weight[-1])
st.caption(f"Weights are relative: the mix divides them by their sum. On top, a 'none of these works' weight of "
           f"{q0:.0%} in {int(result.years[0])} tapering to {q1:.0%} in 2100 caps the total below 100%.")

other = "1.0" if values["data_exp"] == "0.8" else "0.8"
other_shift = bio_anchors.data_exponent_shift_oom(other)
st.markdown(
    f"**Chinchilla and the neural-net anchors.** The report sizes training data as D ∝ P^0.8; Chinchilla's "
    f"scaling says D ∝ P^1.0 (about 20 tokens per parameter). At brain scale (P ≈ 3e14 parameters) the "
    f"switch moves the three neural-net anchors by **{bio_anchors.data_exponent_shift_oom('1.0'):+.1f} "
    f"orders of magnitude**. Now: exponent {values['data_exp']} (shift {shift:+.1f} OOM); set it to {other} in "
    f"*Requirements* to see the other case (shift {other_shift:+.1f} OOM)."
)

with st.expander("How the model works, and its sources"):
    st.markdown(
        r"""
- **Requirement** of anchor *i* (log10 FLOP with 2020 algorithms): a two-piece normal through its 10th, 50th
  and 90th percentiles (Cotra 2020, via Rethink Priorities' `future-assessment-model`), cut at a floor.
- **Affordable compute** $A(Y) = \log_{10}(\text{FLOP per \$}(Y) \cdot \text{spend}(Y))$; both grow as logistic
  curves: FLOP/$ from 4e17 in 2025, price halving every 2.5 years, levelling at 1e24; spend from \$1e9 in 2025,
  doubling every 2.5 years, capped at 1% of a GDP growing 3% a year.
- **Algorithmic progress** lowers anchor *i*'s requirement by $\rho_i(Y)$ OOM, a logistic with halving time
  $H = \mathrm{clip}(3.5 - (p_{50}-29)/4, 2, 3.5)$ years and cap $M = \mathrm{clip}(2 + (p_{50}-32)/4, 2, 5)$ OOM
  from 2025 (the public port's rule), or one global halving time and cap.
- $P(\text{TAI by } Y) = (1 - q(Y)) \sum_i \tilde w_i\, P(R_i \le A(Y) + \rho_i(Y))$, with $\tilde w$ the
  normalised weights and $q$ the 'none of these works' weight.
- Presets: Cotra 2020 best guess, aggressive and conservative (the report's scenario spreads), and a
  2022 update fitted to her 2022 post (~15% by 2030, ~35% by 2036, median ~2040); the choices are listed
  on the Sources page.

Sources: Cotra 2020, *Forecasting TAI with biological anchors*; Cotra 2022, *Two-year update on my personal
AI timelines*; Rethink Priorities, `future-assessment-model`; Epoch AI's summary; the AXRP interview.
"""
    )
