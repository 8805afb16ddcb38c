"""Loss extrapolation: scaling laws extended to larger compute, and where the line might end."""

import pandas as pd
import streamlit as st

from lib import loss, ui, units
from lib.loss_charts import allocation_figure, isoflop_figure, loss_figure

ui.ensure_app_navigation()

st.title("📉 Loss extrapolation")
st.markdown(
    "Scaling laws say loss falls as a power of training compute. Extend the line and you reach "
    "human-level loss at some budget, unless the line bends first. Move the budget, switch laws "
    "on and off, change their constants, and decide where the straight line ends."
)

values = ui.controls(loss.PARAMS, loss.PRESETS, expanded=("Where the line ends",), inline=("compute",))
models = ui.dataset("notable_models").table

st.info(
    "Each law was fitted on its own dataset and tokenizer (Kaplan and the GPT-3 fit on WebText2, "
    "Hoffmann on MassiveText, the replication on Hoffmann's reported points), so absolute losses "
    "from different papers are **not** on one scale. Compare slopes and crossings within a law, "
    "not heights across laws.",
    icon="ℹ️",
)


# The budget slider and everything it alone drives rerun as a fragment: moving it
# redraws two charts instead of the whole page and its sidebar.
@st.fragment
def budget_view() -> None:
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    with left:
        values["compute"] = ui.control(loss.PARAMS, "compute")
    with right:
        ui.share_link(loss.PARAMS, values)
    result = loss.run(values)

    c = result.compute_flop
    gpt3_x = c / loss.GPT3_FLOP
    cols = st.columns(4)
    cols[0].metric("Compute budget", units.flop(c), f"{units.sci(c / units.PF_DAY_FLOP, 3)} PF-days · "
                   f"{units.sci(gpt3_x, 2)}× GPT-3", delta_color="off", delta_arrow="off")
    cols[1].metric("GPT-3 fit loss", f"{result.loss_at_budget['gpt3']:.3f}",
                   f"human level {result.human_loss:.2f}", delta_color="off", delta_arrow="off")
    chin = result.allocation["hoffmann"]
    cols[2].metric("Chinchilla loss (compute-optimal)", f"{result.loss_at_budget['hoffmann']:.3f}",
                   f"N {units.short(chin.params)}, D {units.short(chin.tokens)}", delta_color="off", delta_arrow="off")
    cross = result.human_crossing.get("gpt3")
    cols[3].metric("GPT-3 fit reaches human level at",
                   units.flop(cross) if cross else "beyond 1e32 FLOP",
                   f"{units.sci(cross / loss.GPT3_FLOP, 2)}× GPT-3" if cross else "not within the chart",
                   delta_color="off", delta_arrow="off")

    ui.chart(loss_figure(result, models, values), "loss_vs_compute", "loss")
    st.caption(
        "Solid lines: each law along its compute-optimal frontier. Dashed: the two scenarios for the "
        "GPT-3 fit. Diamonds: notable models at their training compute, with the loss the chosen "
        f"L(N, D) law predicts from their parameters and tokens ({values['iso_law']}); these are "
        "predictions, not measured losses. Grey labels under the axis: the same compute in PF-days. "
        "Source: Epoch AI, Notable AI Models (CC BY 4.0)."
    )

    st.subheader("Compute-optimal allocation")
    rows = []
    for key, label in loss.ALLOCATION_LABELS.items():
        alloc = result.allocation[key]
        n_x, d_x = result.growth_per_10x[key]
        rows.append({"rule": label, "parameters N": units.short(alloc.params), "tokens D": units.short(alloc.tokens),
                     "tokens per parameter": f"{alloc.tokens_per_param:.1f}",
                     "10× compute buys": f"{n_x:.1f}× params, {d_x:.1f}× data"})
    # A static table: an interactive data grid cost more to redraw on every budget move.
    st.table(pd.DataFrame(rows).set_index("rule"))
    st.caption(
        f"At {units.flop(c)}. Kaplan puts most of extra compute into parameters; Hoffmann splits it evenly. "
        "Hoffmann's rounded Approach-3 constants put the optimum near ~90 tokens per parameter at "
        "Chinchilla's compute although the paper trained 70B on 1.4T (20 per parameter); the replication's "
        "constants give ~18-20. Approaches 1-2 are anchored at 67B parameters for 5.76e23 FLOP (Hoffmann Table 3)."
    )


budget_view()
result = loss.run(values)
# Drawn outside the fragment: its curves do not depend on the budget.
ui.chart(allocation_figure(result), "compute_optimal_allocation", "alloc")


def crossing_text(key: str, name: str) -> str:
    flop = result.human_crossing.get(key)
    if flop is None:
        return f"**{name}** never reaches {result.human_loss:.2f} below 1e32 FLOP."
    return f"**{name}** reaches {result.human_loss:.2f} at {units.flop(flop)} ({units.sci(flop / loss.GPT3_FLOP, 2)}× GPT-3)."


st.subheader("Where the straight line ends")
left, right = st.columns(2)
with left:
    st.markdown(
        "The power law cannot run forever: text has some irreducible entropy. In the **strong "
        "capabilities** scenario the line holds until it hits that floor; in the **weak** one it "
        "peels away early and stalls above it (Gao 2021). Set the floor and the bend in the sidebar."
    )
with right:
    lines = [crossing_text("gpt3", "The straight GPT-3 fit")]
    if result.strong is not None:
        lines.append(crossing_text("strong", "Strong scenario"))
    if result.weak is not None:
        lines.append(crossing_text("weak", "Weak scenario"))
    st.markdown("\n".join(f"- {line}" for line in lines))

st.subheader("IsoFLOP view")
law_label = dict(zip(loss.PARAMS["iso_law"].choices, loss.PARAMS["iso_law"].choice_labels))[values["iso_law"]]
gopher = loss.nd_loss(values, 2.8e11, 3.0e11)
chinchilla = loss.nd_loss(values, 7.0e10, 1.4e12)
st.markdown(
    f"At a fixed budget, a model can be too small (under-parameterised) or too big (under-trained). "
    f"By **{law_label}**, Gopher (280B params, 300B tokens) scores **{float(gopher):.3f}** and Chinchilla "
    f"(70B, 1.4T) **{float(chinchilla):.3f}** at about the same compute (6.3e23 vs 5.8e23 FLOP)."
)
ui.chart(isoflop_figure(result, law_label, models, values), "isoflop", "iso")

with st.expander("Formulas and sources"):
    st.markdown(
        r"""
- **Kaplan L(C_min)** = $(C_c/C)^{\alpha_C}$, $\alpha_C$ = 0.050, $C_c$ = 3.1e8 PF-days; compute-optimal
  $N = 1.3\times10^9\,C^{0.73}$ (C in PF-days), $D = C/6N$. Kaplan et al. 2020, eq. 1.3 and fig. 14.
- **GPT-3 fit** $L = 2.57\,C^{-0.048}$ (C in PF-days): GPT-3's 3,640 PF-days gives 1.73.
  Brown et al. 2020, fig. 3.1, as used by Gwern 2020.
- **Chinchilla form** $L(N,D) = E + A/N^\alpha + B/D^\beta$ along its optimum
  $N_{opt} = G\,(C/6)^{\beta/(\alpha+\beta)}$, $D_{opt} = (C/6)^{\alpha/(\alpha+\beta)}/G$,
  $G = (\alpha A/\beta B)^{1/(\alpha+\beta)}$. Hoffmann et al. 2022 (E=1.69, A=406.4, B=410.7,
  α=0.34, β=0.28); Besiroglu et al. 2024 (E=1.82, A=482.01, B=2085.43, α=0.3478, β=0.3658).
- **Kaplan L(N, D)** $= [(N_c/N)^{\alpha_N/\alpha_D} + D_c/D]^{\alpha_D}$ with the Table 2 fit
  (α_N=0.076, α_D=0.103, N_c=6.4e13, D_c=1.8e13), for the IsoFLOP view.
- **Weak scenario**: past the bend the local slope decays, $d\ln L/d\ln C = -b\,(C/C_b)^{-\delta}$,
  $\delta = \ln 2/(h\ln 10)$ for an exponent that halves every $h$ orders of magnitude; it never goes
  below its floor. **Strong scenario**: $\max(2.57\,C^{-0.048}, E)$.
- **Human level**: GPT-3's 1.73 halved, on Gwern's guess that GPT-3 has about twice a human's error.

Every parameter's source is on the **Sources** page.
"""
    )
