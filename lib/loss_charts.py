"""Chart builders for the Loss-extrapolation page: result in, Plotly figure out."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib import units
from lib.charts import COLORS, base_layout, log_axis, loss_axis
from lib.loss import ALLOCATION_LABELS, LAWS, LossResult, nd_loss
from lib.registry import format_number

X_RANGE = (1e18, 1e32)
Y_RANGE = (0.4, 6.0)
# The 2020-2023 models cluster within a factor of two in compute; spread their labels.
LABEL_POSITION = {"GPT-3": "bottom left", "Gopher": "top right", "Chinchilla": "top left",
                  "LLaMA-65B": "bottom right", "PaLM": "bottom right", "Llama 3.1-405B": "top right"}


def _pfday_axis(fig: go.Figure) -> None:
    """A second x axis on top, in PF-days, aligned with the FLOP axis below."""
    lo, hi = (np.log10(x / units.PF_DAY_FLOP) for x in X_RANGE)
    fig.update_layout(xaxis2=dict(type="log", range=[lo, hi], overlaying="x", side="top",
                                  title=dict(text="training compute (PF-days)", standoff=4),
                                  exponentformat="power", dtick=1, showgrid=False))
    # An invisible trace pins the axis so Plotly draws it.
    fig.add_trace(go.Scatter(x=[10**lo, 10**hi], y=[1, 1], xaxis="x2", mode="markers",
                             marker=dict(opacity=0), hoverinfo="skip", showlegend=False))


def _line(fig: go.Figure, x: np.ndarray, y: np.ndarray, name: str, color: str, dash: str = "solid",
          width: float = 3) -> None:
    fig.add_trace(go.Scatter(x=x, y=y, name=name, mode="lines", line=dict(color=color, dash=dash, width=width),
                             hovertemplate=f"{name}<br>%{{x:.3e}} FLOP<br>loss %{{y:.3f}}<extra></extra>"))


def loss_figure(result: LossResult, models: pd.DataFrame, values: Mapping[str, float | bool | str]) -> go.Figure:
    """Loss versus training compute: each law, the two scenarios, human line, budget, notable models."""
    fig = go.Figure()
    for key, y in result.curves.items():
        _line(fig, result.grid, y, LAWS[key], COLORS[key])
    if result.strong is not None:
        _line(fig, result.grid, result.strong, "Strong-capabilities scenario", COLORS["strong"], "dash", 2.5)
    if result.weak is not None:
        _line(fig, result.grid, result.weak, "Weak-capabilities scenario", COLORS["weak"], "dash", 2.5)

    fig.add_trace(go.Scatter(x=list(X_RANGE), y=[result.human_loss] * 2, mode="lines",
                             name=f"Human level ({result.human_loss:.2f}, GPT-3 fit's scale)",
                             line=dict(color=COLORS["human"], dash="dot", width=2),
                             hovertemplate="human-level loss %{y:.2f}<extra></extra>"))
    fig.add_vline(x=result.compute_flop, line=dict(color=COLORS["budget"], width=1.5))
    budget_y = [result.loss_at_budget[k] for k in result.curves]
    fig.add_trace(go.Scatter(
        x=[result.compute_flop] * len(budget_y), y=budget_y, mode="markers", name="At your budget",
        marker=dict(size=12, color=[COLORS[k] for k in result.curves], line=dict(color="black", width=1.5)),
        text=[LAWS[k] for k in result.curves],
        hovertemplate="%{text}<br>%{x:.3e} FLOP<br>loss %{y:.3f}<extra></extra>"))

    _model_points(fig, models, values)
    _pfday_axis(fig)
    base_layout(fig, height=600)
    fig.update_layout(xaxis=log_axis("training compute (FLOP)", *X_RANGE),
                      yaxis=loss_axis("loss (nats/token; each law on its own dataset)", *Y_RANGE))
    return fig


def _model_points(fig: go.Figure, models: pd.DataFrame, values: Mapping[str, float | bool | str]) -> None:
    """Notable models at their training compute, scored by the chosen L(N, D) law."""
    known = models.dropna(subset=["parameters", "training_tokens", "training_compute_flop"])
    if not known.empty:
        n = known["parameters"].to_numpy(float)
        d = known["training_tokens"].to_numpy(float)
        loss = nd_loss(values, n, d)
        hover = [f"{row.model}<br>{units.sci(row.training_compute_flop, 3)} FLOP "
                 f"({row.compute_confidence})<br>{units.short(row.parameters)} params, "
                 f"{units.short(row.training_tokens)} tokens<br>predicted loss {l:.3f}"
                 for row, l in zip(known.itertuples(), loss)]
        fig.add_trace(go.Scatter(
            x=known["training_compute_flop"].to_numpy(float), y=loss, mode="markers+text",
            name="Notable models (loss predicted from N, D)", text=known["label"].tolist(),
            textposition=[LABEL_POSITION.get(label, "top center") for label in known["label"]],
            textfont=dict(size=12), marker=dict(symbol="diamond", size=10, color=COLORS["models"]),
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>"))
    for row in models[models["parameters"].isna() | models["training_tokens"].isna()].itertuples():
        # No N or D: only the compute is known, so mark it on the axis and nowhere else.
        fig.add_vline(x=row.training_compute_flop, line=dict(color="#999", dash="dot", width=1),
                      annotation_text=f"{row.label} (compute only)", annotation_position="bottom right",
                      annotation_font_size=11)


def allocation_figure(result: LossResult) -> go.Figure:
    """Compute-optimal parameters (solid) and tokens (dashed) versus compute, per allocation rule."""
    fig = go.Figure()
    for key, (n, d) in result.allocation_curves.items():
        label = ALLOCATION_LABELS[key]
        color = COLORS[key]
        fig.add_trace(go.Scatter(x=result.grid, y=n, name=f"{label}: parameters", mode="lines",
                                 line=dict(color=color, width=3), legendgroup=key,
                                 hovertemplate=f"{label}<br>%{{x:.3e}} FLOP<br>N %{{y:.3s}}<extra></extra>"))
        fig.add_trace(go.Scatter(x=result.grid, y=d, name=f"{label}: tokens", mode="lines",
                                 line=dict(color=color, width=2, dash="dash"), legendgroup=key,
                                 hovertemplate=f"{label}<br>%{{x:.3e}} FLOP<br>D %{{y:.3s}}<extra></extra>"))
    fig.add_vline(x=result.compute_flop, line=dict(color=COLORS["budget"], width=1.5))
    base_layout(fig, height=520)
    fig.update_layout(xaxis=log_axis("training compute (FLOP)", *X_RANGE),
                      yaxis=log_axis("parameters N (solid) / tokens D (dashed)"))
    return fig


def isoflop_figure(result: LossResult, law_label: str, models: pd.DataFrame,
                   values: Mapping[str, float | bool | str]) -> go.Figure:
    """Loss versus model size at fixed compute budgets, each valley's minimum marked.

    Notable models trained within 20% of one of the budgets are drawn at their
    own N and D, so Gopher and Chinchilla appear on the 5.76e23 curve.
    """
    fig = go.Figure()
    shades = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
    for (budget, (n, loss)), color in zip(result.iso_curves.items(), shades):
        name = f"{format_number(budget)} FLOP"
        fig.add_trace(go.Scatter(x=n, y=loss, name=name, mode="lines", line=dict(color=color, width=3),
                                 hovertemplate=f"{name}<br>N %{{x:.3s}}<br>loss %{{y:.3f}}<extra></extra>"))
    mins = list(result.iso_minimum.items())
    fig.add_trace(go.Scatter(
        x=[m[1][0] for m in mins], y=[m[1][1] for m in mins], mode="markers", name="Minimum (optimal N)",
        marker=dict(size=11, color="#D55E00", symbol="x"),
        hovertemplate="optimal N %{x:.3s}<br>loss %{y:.3f}<extra></extra>"))
    near = models.dropna(subset=["parameters", "training_tokens"])
    budgets = np.array(list(result.iso_curves))
    near = near[[bool(np.any(np.abs(c / budgets - 1) < 0.2)) for c in near["training_compute_flop"]]]
    if not near.empty:
        n = near["parameters"].to_numpy(float)
        loss = nd_loss(values, n, near["training_tokens"].to_numpy(float))
        fig.add_trace(go.Scatter(
            x=n, y=loss, mode="markers+text", name="Models near a budget (own N, D)", text=near["label"].tolist(),
            textposition=[LABEL_POSITION.get(label, "top center") for label in near["label"]],
            marker=dict(symbol="diamond", size=11, color=COLORS["models"]),
            customdata=near["training_compute_flop"].to_numpy(float),
            hovertemplate="%{text}<br>N %{x:.3s}, %{customdata:.2e} FLOP<br>loss %{y:.3f}<extra></extra>"))
    base_layout(fig, height=480)
    lows = [m[1][1] for m in mins]
    fig.update_layout(xaxis=log_axis("parameters N (D = C / 6N)"),
                      yaxis=dict(title=f"loss, {law_label} (nats/token)", range=[min(lows) - 0.1, max(lows) + 0.6]))
    return fig
