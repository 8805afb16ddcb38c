"""Chart builders for the Loss-extrapolation page: result in, Plotly figure out."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib import units
from lib.charts import COLORS, Chart, axis, log_axis, loss_axis
from lib.loss import ALLOCATION_LABELS, LAWS, LossResult, nd_loss
from lib.registry import Value, format_number

X_RANGE = (1e18, 1e32)
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
    decades = range(18, 33)
    text = [f"10<sup>{d}</sup>" + (f"<br><span style='font-size:11px;color:#777'>{units.sci(10**d / units.PF_DAY_FLOP, 2)}"
                                    "</span>" if d % 2 == 0 else "") for d in decades]
    return log_axis("training compute (FLOP; grey: the same in PF-days, 1 PF-day = 8.64e19 FLOP)", *X_RANGE) | {
        "tickvals": [10.0**d for d in decades], "ticktext": text}


def loss_figure(result: LossResult, models: pd.DataFrame, values: Mapping[str, Value]) -> go.Figure:
    """Loss versus training compute: each law, the two scenarios, human line, budget, notable models."""
    chart = Chart()
    for key, y in result.curves.items():
        chart.line(result.grid, y, LAWS[key], COLORS[key], hover=FLOP_HOVER.format(name=LAWS[key], what="loss", fmt=".3f"))
    for name, y, color in (("Strong-capabilities scenario", result.strong, COLORS["strong"]),
                           ("Weak-capabilities scenario", result.weak, COLORS["weak"])):
        if y is not None:
            chart.line(result.grid, y, name, color, width=2.5, dash="dash",
                       hover=FLOP_HOVER.format(name=name, what="loss", fmt=".3f"))
    chart.line(list(X_RANGE), [result.human_loss] * 2, f"Human level ({result.human_loss:.2f}, GPT-3 fit's scale)",
               COLORS["human"], width=2, dash="dot", hover="human-level loss %{y:.2f}<extra></extra>")
    chart.vline(result.compute_flop, Y_RANGE, COLORS["budget"])
    chart.add(x=[result.compute_flop] * len(result.curves), y=[result.loss_at_budget[k] for k in result.curves],
              mode="markers", name="At your budget", text=[LAWS[k] for k in result.curves],
              marker={"size": 12, "color": [COLORS[k] for k in result.curves], "line": {"color": "black", "width": 1.5}},
              hovertemplate="%{text}<br>%{x:.3e} FLOP<br>loss %{y:.3f}<extra></extra>")
    _model_points(chart, models, values)
    return chart.figure(height=600, xaxis=_flop_axis_with_pfdays(), margin={"l": 70, "r": 20, "t": 20, "b": 80},
                        yaxis=loss_axis("loss (nats/token; each law on its own dataset)", *Y_RANGE))


def _model_points(chart: Chart, models: pd.DataFrame, values: Mapping[str, Value]) -> None:
    """Notable models at their training compute, scored by the chosen L(N, D) law."""
    known = models.dropna(subset=["parameters", "training_tokens", "training_compute_flop"])
    if not known.empty:
        loss = nd_loss(values, known["parameters"].to_numpy(float), known["training_tokens"].to_numpy(float))
        hover = [f"{row.model}<br>{units.sci(row.training_compute_flop, 3)} FLOP "
                 f"({row.compute_confidence})<br>{units.short(row.parameters)} params, "
                 f"{units.short(row.training_tokens)} tokens<br>predicted loss {l:.3f}"
                 for row, l in zip(known.itertuples(), loss)]
        flops = known["training_compute_flop"].to_numpy(float)
        chart.add(x=flops, y=loss, mode="markers", name="Notable models (loss predicted from N, D)",
                  marker={"symbol": "diamond", "size": 10, "color": COLORS["models"]},
                  hovertext=hover, hovertemplate="%{hovertext}<extra></extra>")
        for label, x, y in zip(known["label"], flops, loss):
            chart.label(x, y, label, log_x=True, log_y=True, position=LABEL_POSITION.get(label, "top center"))
    for row in models[models["parameters"].isna() | models["training_tokens"].isna()].itertuples():
        # No N or D: only the compute is known, so mark it on the axis and nowhere else.
        chart.vline(row.training_compute_flop, Y_RANGE, "#999", dash="dot", width=1)
        chart.label(row.training_compute_flop, 0.02, f"{row.label} (compute only)", log_x=True, yref="paper",
                    position="middle right")


def allocation_figure(result: LossResult) -> go.Figure:
    """Compute-optimal parameters (solid) and tokens (dashed) versus compute, per allocation rule."""
    chart = Chart()
    for key, (n, d) in result.allocation_curves.items():
        label = ALLOCATION_LABELS[key]
        chart.line(result.grid, n, f"{label}: parameters", COLORS[key], legendgroup=key,
                   hover=FLOP_HOVER.format(name=label, what="N", fmt=".3s"))
        chart.line(result.grid, d, f"{label}: tokens", COLORS[key], width=2, dash="dash", legendgroup=key,
                   hover=FLOP_HOVER.format(name=label, what="D", fmt=".3s"))
    return chart.figure(height=520, xaxis=log_axis("training compute (FLOP)", *X_RANGE),
                        yaxis=log_axis("parameters N (solid) / tokens D (dashed)", *ALLOC_RANGE))


def isoflop_figure(result: LossResult, law_label: str, models: pd.DataFrame, values: Mapping[str, Value]) -> go.Figure:
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
    near = models.dropna(subset=["parameters", "training_tokens"])
    budgets = np.array(list(result.iso_curves))
    near = near[[bool(np.any(np.abs(c / budgets - 1) < 0.2)) for c in near["training_compute_flop"]]]
    if not near.empty:
        n = near["parameters"].to_numpy(float)
        chart.add(x=n, y=nd_loss(values, n, near["training_tokens"].to_numpy(float)), mode="markers+text",
                  name="Models near a budget (own N, D)", text=near["label"].tolist(),
                  textposition=[LABEL_POSITION.get(label, "top center") for label in near["label"]],
                  marker={"symbol": "diamond", "size": 11, "color": COLORS["models"]},
                  customdata=near["training_compute_flop"].to_numpy(float),
                  hovertemplate="%{text}<br>N %{x:.3s}, %{customdata:.2e} FLOP<br>loss %{y:.3f}<extra></extra>")
    lows = [m[1] for m in mins]
    return chart.figure(height=480, xaxis=log_axis("parameters N (D = C / 6N)"),
                        yaxis=axis(f"loss, {law_label} (nats/token)", range=[min(lows) - 0.1, max(lows) + 0.6]))
