"""Loss extrapolation: scaling laws extended to larger compute, and where the line might end."""

import pandas as pd
import streamlit as st

from lib import ui
from lib.chains import loss
from lib.chains.loss.charts import allocation_figure, isoflop_figure, loss_figure
from lib.chains.loss.model import BAND_GRID, COMPUTE_GRID, law_bands
from lib.chains.loss.params import GPT3_FLOP
from lib.core import scaling_laws as sl
from lib.core import units
from lib.core.chain import HeadlineValue
from lib.core.shared_params import LAW_CONSTANTS
from lib.core.units import format_number as num
from lib.data import files
from lib.tools.uncertainty.model import run_draws

ui.ensure_app_navigation()
chain = loss.CHAIN

st.title(chain.title, anchor=False)
st.markdown(
    "Scaling laws say loss falls as a power of training compute. Extend the line and you reach "
    "human-level loss at some budget, unless the line bends first. Move the budget, switch laws "
    "on and off, change their constants, and decide where the straight line ends."
)

# Short, so a phone shows the first answer on its first screen; the datasets are named under the chart.
st.info("Each law has its own dataset, so losses from different papers are **not** on one scale: compare "
        "slopes and crossings within a law, not heights across laws.", icon=":material/info:")


def crossing_text(cross: HeadlineValue, human: float, name: str) -> str:
    if cross.value is None:
        return f"**{name}** never reaches {human:.2f}: {cross.why}."
    beyond = " (beyond the chart)" if cross.value > COMPUTE_GRID[-1] else ""
    return (f"**{name}** reaches {human:.2f} at {units.flop(cross.value)}{beyond}, "
            f"{units.times(cross.value / GPT3_FLOP)} GPT-3.")


def draw(values: dict) -> None:
    result = loss.run(values)
    link = ui.view_link(chain.params, values)
    headlines(values, result, result.headlines.row(0))
    draws = run_draws(chain, values) if values["samples"] else None
    # Bands for the laws a ranged number moves; the others would be lines of zero width.
    bands = {key: (BAND_GRID, law_bands(draws.batch, key)) for key in result.curves
             if draws and any(r.param in LAW_CONSTANTS[key] for r in draws.ranges)}
    # One chart at a time (ui.chain_views): a budget move redraws one chart, and a phone scrolls past one.
    views = {"Loss vs compute": lambda: draw_curves(result, link, bands),
             "Allocation": lambda: draw_allocation(result, link),
             "IsoFLOP view": lambda: draw_isoflop(result, link)}
    ui.chain_views("loss_view", chain, values, draws, views)


def headlines(values: dict, result: loss.LossResult, heads: dict) -> None:
    c = result.compute_flop
    cols = st.columns(4)
    cols[0].metric("Compute budget", units.flop(c), f"{units.short(c / units.PF_DAY_FLOP)} PF-days · "
                   f"{units.times(c / GPT3_FLOP)} GPT-3", delta_color="off", delta_arrow="off")
    cols[1].metric("GPT-3 fit loss", heads["loss_gpt3"].text(chain.headline("loss_gpt3")),
                   f"human level {result.human_loss:.2f}", delta_color="off", delta_arrow="off")
    chin = result.allocation["hoffmann"]
    cols[2].metric("Chinchilla loss (compute-optimal)", heads["loss_hoffmann"].text(chain.headline("loss_hoffmann")),
                   f"N {units.short(chin.params)}, D {units.short(chin.tokens)}", delta_color="off", delta_arrow="off")
    cols[3].metric("Human-level loss", f"{result.human_loss:.2f}", "on the GPT-3 fit's scale", delta_color="off",
                   delta_arrow="off")
    shown = loss.crossings_shown(values)
    for col, key in zip(st.columns(len(shown)), shown):
        cross = heads[key]
        col.metric(chain.headline(key).label, cross.brief(chain.headline(key)),
                   f"{units.times(cross.value / GPT3_FLOP)} GPT-3" if cross.value else cross.why,
                   help=chain.headline(key).help, delta_color="off", delta_arrow="off")


def draw_curves(result: loss.LossResult, link: str, bands: dict) -> None:
    ui.chart(loss_figure(result, bands), "loss_vs_compute", "loss", link)
    st.caption(
        "Solid lines: each law along its compute-optimal frontier. Dotted: the strong scenario; dashed: the weak "
        "one. Rings on the budget line: each law's loss at your budget. Diamonds: notable models at their training compute, with the loss the chosen "
        f"L(N, D) law, {result.iso_law_label}, predicts from their parameters and tokens; these are "
        "predictions, not measured losses. With *Every language model in Epoch AI's export* on "
        "(under Model points), grey dots: every other one with its compute, parameters and tokens, scored the same way. Grey labels under the axis: the same compute in PF-days. "
        "Datasets: Kaplan and the GPT-3 fit on WebText2, Hoffmann on MassiveText, the replication on Hoffmann's "
        f"reported points. {files.dated('notable_models', 'epoch_compute')} (CC BY 4.0)."
    )


def draw_allocation(result: loss.LossResult, link: str) -> None:
    st.markdown("**Compute-optimal allocation**: how each rule splits your budget between parameters N and "
                "training tokens D (C ≈ 6ND).")
    rows = []
    for key, label in result.allocation_labels.items():
        alloc = result.allocation[key]
        n_x, d_x = result.growth_per_10x[key]
        rows.append({"rule": label, "N": units.short(alloc.params), "D (tokens)": units.short(alloc.tokens),
                     "D per N": f"{alloc.tokens_per_param:.1f}", "10× compute: N, D": f"{n_x:.1f}×, {d_x:.1f}×"})
    # A static table: an interactive data grid cost more to redraw on every budget move.
    st.table(pd.DataFrame(rows).set_index("rule"))
    hoff_tpp = result.allocation["hoffmann"].tokens_per_param
    st.caption(
        f"At {units.flop(result.compute_flop)}. Kaplan puts most of extra compute into parameters; Hoffmann splits "
        "it evenly. The Kaplan row feeds the training compute C straight into a rule Kaplan fitted to C_min, the "
        "compute of early-stopped, compute-efficient runs. That simplification is ours, and it is why the row gives "
        "so few tokens per parameter at GPT-3 scale. "
        f"Hoffmann's rounded Approach-3 constants put the optimum at {hoff_tpp:.0f} tokens per parameter here, "
        "although the paper trained 70B on 1.4T (20 per parameter); the replication's constants give about 20. "
        "Approaches 1-2 are anchored at 67B parameters for 5.76e23 FLOP (Hoffmann Table 3)."
    )
    ui.chart(allocation_figure(result), "compute_optimal_allocation", "alloc", link)


def draw_isoflop(result: loss.LossResult, link: str) -> None:
    pair = result.gopher_chinchilla
    st.markdown(
        f"At a fixed budget, a model can be too small (under-parameterised) or too big (under-trained). "
        f"By **{result.iso_law_label}**, Gopher (280B params, 300B tokens) scores **{pair['Gopher']:.3f}** and "
        f"Chinchilla (70B, 1.4T) **{pair['Chinchilla']:.3f}** at about the same compute (6.3e23 vs 5.8e23 FLOP)."
    )
    ui.chart(isoflop_figure(result), "isoflop", "iso", link)
    st.caption("Each curve is one compute budget, written at its minimum; ×: the compute-optimal size for that budget; "
               "black: your budget, when it is within 5% of one of these. Diamonds: models trained within 20% of a "
               "budget, at their own N and D.")


def where_the_line_ends(values: dict) -> None:
    """The scenarios in words: where each line reaches human level does not depend on the budget.

    From the headlines alone (``run_batch``), not a second full ``run`` besides the fragment's.
    """
    heads, human = chain.run_batch(values).row(0), float(values["human"])
    st.header("Where the straight line ends", anchor=False)
    left, right = st.columns(2)
    with left:
        st.markdown(
            "The power law cannot run forever: text has some irreducible entropy. In the **strong "
            "capabilities** scenario the line holds until it hits that floor; in the **weak** one it "
            "peels away early and stalls above it (Gao 2021). Set the floor and the bend under *Where the "
            "line ends* in the controls."
        )
    with right:
        lines = [crossing_text(heads["human_compute"], human, "The straight GPT-3 fit")]
        if values["strong"]:
            lines.append(crossing_text(heads["human_compute_strong"], human, "The strong scenario"))
        if values["weak"]:
            lines.append(crossing_text(heads["human_compute_weak"], human, "The weak scenario"))
        st.markdown("\n".join(f"- {line}" for line in lines))


def formulas(v: dict) -> None:
    kc, ka, knd, fit = sl.KAPLAN_2020_COMPUTE, sl.KAPLAN_2020_ALLOCATION, sl.KAPLAN_2020_ND, sl.GPT3_FIT
    with st.expander("Formulas and sources"):
        st.markdown(
            rf"""
- **Kaplan L(C_min)** = $(C_c/C)^{{\alpha_C}}$, now $\alpha_C$ = {num(v['k_alpha'])}, $C_c$ = {num(v['k_cc'])}
  PF-days; compute-optimal $N = {num(ka.coef)}\,C^{{{num(v['k_a'])}}}$ (C in PF-days), $D = C/6N$.
  Kaplan et al. 2020, eq. 1.3 and fig. 14 (published: {num(kc.alpha_c)}, {num(kc.c_c_pfdays)}, exponent {num(ka.exponent)}).
- **GPT-3 fit** $L = {num(v['fit_k'])}\,C^{{-{num(v['fit_b'])}}}$ (C in PF-days). Brown et al. 2020,
  fig. 3.1, as used by Gwern 2020 (published: {num(fit.coef)}·C^-{num(fit.exponent)}).
- **Chinchilla form** $L(N,D) = E + A/N^\alpha + B/D^\beta$ along its optimum
  $N_{{opt}} = G\,(C/6)^{{\beta/(\alpha+\beta)}}$, $D_{{opt}} = (C/6)^{{\alpha/(\alpha+\beta)}}/G$,
  $G = (\alpha A/\beta B)^{{1/(\alpha+\beta)}}$. Hoffmann et al. 2022, now E={num(v['h_e'])}, A={num(v['h_a'])},
  B={num(v['h_b'])}, α={num(v['h_alpha'])}, β={num(v['h_beta'])}; Besiroglu et al. 2024, now E={num(v['b_e'])},
  A={num(v['b_a'])}, B={num(v['b_b'])}, α={num(v['b_alpha'])}, β={num(v['b_beta'])}.
- **Kaplan L(N, D)** $= [(N_c/N)^{{\alpha_N/\alpha_D}} + D_c/D]^{{\alpha_D}}$ with the Table 2 fit
  (α_N={num(knd.alpha_n)}, α_D={num(knd.alpha_d)}, N_c={num(knd.n_c)}, D_c={num(knd.d_c)}), for the IsoFLOP view.
- **Weak scenario**: past the bend ({num(v['bend'])} FLOP) the local slope decays,
  $d\ln L/d\ln C = -b\,(C/C_b)^{{-\delta}}$, $\delta = \ln 2/(h\ln 10)$ for an exponent that halves every
  $h$ = {num(v['bend_ooms'])} orders of magnitude; it never goes below {num(v['weak_floor'])}.
  **Strong scenario**: $\max({num(v['fit_k'])}\,C^{{-{num(v['fit_b'])}}}, {num(v['strong_e'])})$.
- **Human level** ({num(v['human'])}): GPT-3's 1.73 halved, on Gwern's guess that GPT-3 has about twice
  a human's error.

Every parameter's source is on the **Sources** page.
"""
        )


def below(values: dict) -> None:
    where_the_line_ends(values)
    formulas(values)


# The compute slider reruns only `draw`; `below` does not depend on it.
ui.chain_page(chain, draw, below)
