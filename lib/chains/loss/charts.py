"""Chart builders for the Loss-extrapolation page: result in, Plotly figure out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lib import units
from lib.chains.loss.model import COMPUTE_RANGE, LossResult
from lib.charts import COLORS, Chart, axis, log_axis, loss_axis
from lib.registry import format_number

X_RANGE = COMPUTE_RANGE
Y_RANGE = (0.4, 6.0)
ALLOC_RANGE = (1e6, 1e19)
# The 2020-2023 models cluster within a factor of two in compute; spread their labels.
LABEL_POSITION = {"GPT-3": "bottom left", "Gopher": "top right", "Chinchilla": "top left",
                  "LLaMA-65B": "bottom right", "PaLM": "bottom right", "Llama 3.1-405B": "top right"}
FLOP_HOVER = "{name}<br>%{{x:.3e}} FLOP<br>{what} %{{y:{fmt}}}<extra></extra>"


def _flop_axis_with_pfdays() -> dict[str, object]:
    """The FLOP axis, each even decade also labelled in PF-days underneath.

    One axis with two-line labels rather than a second axis on top: the browser
    redraws this chart on every budget move, and a second axis cost ~20 ms of that.
    """
    decades = range(int(np.log10(X_RANGE[0])), int(np.log10(X_RANGE[1])) + 1)
    text = [f"10<sup>{d}</sup>" + (f"<br><span style='font-size:11px;color:#777'>{units.sci(10**d / units.PF_DAY_FLOP, 2)}"
                                    "</span>" if d % 2 == 0 else "") for d in decades]
    return log_axis("training compute (FLOP; grey: the same in PF-days, 1 PF-day = 8.64e19 FLOP)", *X_RANGE) | {
        "tickvals": [10.0**d for d in decades], "ticktext": text}


def loss_figure(result: LossResult) -> go.Figure:
    """Loss versus training compute: each law, the two scenarios, human line, budget, notable models."""
    chart = Chart()
    for key, y in result.curves.items():
        name = result.law_labels[key]
        chart.line(result.grid, y, name, COLORS[key], hover=FLOP_HOVER.format(name=name, what="loss", fmt=".3f"))
    for name, y, color in (("Strong-capabilities scenario", result.strong, COLORS["strong"]),
                           ("Weak-capabilities scenario", result.weak, COLORS["weak"])):
        if y is not None:
            chart.line(result.grid, y, name, color, width=2.5, dash="dash",
                       hover=FLOP_HOVER.format(name=name, what="loss", fmt=".3f"))
    chart.line(list(X_RANGE), [result.human_loss] * 2, f"Human level ({result.human_loss:.2f}, GPT-3 fit's scale)",
               COLORS["human"], width=2, dash="dot", hover="human-level loss %{y:.2f}<extra></extra>")
    chart.vline(result.compute_flop, Y_RANGE, COLORS["budget"])
    chart.label(result.compute_flop, 0.98, f"budget {units.sci(result.compute_flop, 3)}", log_x=True, yref="paper",
                position="middle right")
    chart.add(x=[result.compute_flop] * len(result.curves), y=[result.loss_at_budget[k] for k in result.curves],
              mode="markers", name="At your budget", text=[result.law_labels[k] for k in result.curves],
              marker={"size": 12, "color": [COLORS[k] for k in result.curves], "line": {"color": "black", "width": 1.5}},
              hovertemplate="%{text}<br>%{x:.3e} FLOP<br>loss %{y:.3f}<extra></extra>")
    _model_points(chart, result)
    return chart.figure(height=600, xaxis=_flop_axis_with_pfdays(), margin={"l": 70, "r": 20, "t": 20, "b": 80},
                        yaxis=loss_axis("loss (nats/token; each law on its own dataset)", *Y_RANGE))


def _model_points(chart: Chart, result: LossResult) -> None:
    """Notable models at their training compute, scored by the chosen L(N, D) law."""
    p = result.points
    if p.label:
        hover = [f"{label}<br>{units.sci(c, 3)} FLOP ({conf})<br>{units.short(n)} params, "
                 f"{units.short(d)} tokens<br>predicted loss {loss:.3f}"
                 for label, c, conf, n, d, loss in zip(p.label, p.compute_flop, p.confidence, p.params, p.tokens, p.loss)]
        chart.add(x=p.compute_flop, y=p.loss, mode="markers", name="Notable models (loss predicted from N, D)",
                  marker={"symbol": "diamond", "size": 10, "color": COLORS["models"]},
                  hovertext=hover, hovertemplate="%{hovertext}<extra></extra>")
        for label, x, y in zip(p.label, p.compute_flop, p.loss):
            chart.label(x, y, label, log_x=True, log_y=True, position=LABEL_POSITION.get(label, "top center"))
    for label, flop in p.compute_only:
        # No N or D: only the compute is known, so mark it on the axis and nowhere else.
        chart.vline(flop, Y_RANGE, "#999", dash="dot", width=1)
        chart.label(flop, 0.02, f"{label} (compute only)", log_x=True, yref="paper", position="middle right")


def allocation_figure(result: LossResult) -> go.Figure:
    """Compute-optimal parameters (solid) and tokens (dashed) versus compute, per allocation rule."""
    chart = Chart()
    for key, (n, d) in result.allocation_curves.items():
        label = result.allocation_labels[key]
        chart.line(result.grid, n, f"{label}: parameters", COLORS[key], legendgroup=key,
                   hover=FLOP_HOVER.format(name=label, what="N", fmt=".3s"))
        chart.line(result.grid, d, f"{label}: tokens", COLORS[key], width=2, dash="dash", legendgroup=key,
                   hover=FLOP_HOVER.format(name=label, what="D", fmt=".3s"))
    return chart.figure(height=520, xaxis=log_axis("training compute (FLOP)", *X_RANGE),
                        yaxis=log_axis("parameters N (solid) / tokens D (dashed)", *ALLOC_RANGE))


def isoflop_figure(result: LossResult) -> go.Figure:
    """Loss versus model size at fixed compute budgets, each valley's minimum marked.

    Notable models trained within 20% of one of the budgets are drawn at their
    own N and D, so Gopher and Chinchilla appear on the 5.76e23 curve.
    """
    chart = Chart()
    shades = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
    for (budget, (n, loss)), color in zip(result.iso_curves.items(), shades):
        name = f"{format_number(budget)} FLOP"
        chart.line(n, loss, name, color, hover=f"{name}<br>N %{{x:.3s}}<br>loss %{{y:.3f}}<extra></extra>")
    mins = list(result.iso_minimum.values())
    chart.add(x=[m[0] for m in mins], y=[m[1] for m in mins], mode="markers", name="Minimum (optimal N)",
              marker={"size": 11, "color": "#D55E00", "symbol": "x"},
              hovertemplate="optimal N %{x:.3s}<br>loss %{y:.3f}<extra></extra>")
    p = result.points
    budgets = np.array(list(result.iso_curves))
    near = [i for i, c in enumerate(p.compute_flop) if np.any(np.abs(c / budgets - 1) < 0.2)]
    if near:
        labels = [p.label[i] for i in near]
        chart.add(x=p.params[near], y=p.loss[near], mode="markers+text",
                  name="Models near a budget (own N, D)", text=labels,
                  textposition=[LABEL_POSITION.get(label, "top center") for label in labels],
                  marker={"symbol": "diamond", "size": 11, "color": COLORS["models"]},
                  customdata=p.compute_flop[near],
                  hovertemplate="%{text}<br>N %{x:.3s}, %{customdata:.2e} FLOP<br>loss %{y:.3f}<extra></extra>")
    lows = [m[1] for m in mins]
    return chart.figure(height=480, xaxis=log_axis("parameters N (D = C / 6N)"),
                        yaxis=axis(f"loss, {result.iso_law_label} (nats/token)", range=[min(lows) - 0.1, max(lows) + 0.6]))
