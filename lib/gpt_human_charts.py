"""Chart builders for the GPT-human page: model results in, Plotly figures out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lib import units
from lib.charts import COLORS, base_layout, log_axis, loss_axis
from lib.dollars import Budget
from lib.gpt_human import HORIZON_YEAR, GptHumanResult, GptHumanSeries

BUDGET_COLORS = ["#999999", "#777777", "#555555", "#8c564b", "#bcbd22", "#17becf", "#9467bd"]


def _crossing(fig: go.Figure, year: float | None, y: float, text: str) -> None:
    if year is None or year > HORIZON_YEAR:
        return
    fig.add_trace(go.Scatter(x=[year], y=[y], mode="markers+text", name=text, text=[f"{text}: {year:.1f}"],
                             textposition="top right", marker=dict(size=14, color="#D55E00", symbol="star",
                                                                   line=dict(color="black", width=1)),
                             hovertemplate=f"{text}<br>%{{x:.1f}}<extra></extra>"))


def cost_figure(series: GptHumanSeries, result: GptHumanResult, budgets: list[Budget], budget: float,
                dollar_factor: float, dollar_label: str) -> go.Figure:
    """Cost of a GPT-human over time (log dollars) against budget lines, crossing marked."""
    fig = go.Figure()
    cost = series.cost_usd * dollar_factor
    fig.add_trace(go.Scatter(x=series.cost_years, y=cost, mode="lines", name="Cost of a GPT-human",
                             line=dict(color=COLORS["gpt3"], width=4),
                             hovertemplate=f"%{{x:.1f}}: $%{{y:.3s}} ({dollar_label})<extra></extra>"))
    x = [series.cost_years[0], series.cost_years[-1]] if series.cost_years.size else [0, 1]
    fig.add_trace(go.Scatter(x=x, y=[budget * dollar_factor] * 2, mode="lines", name=f"Your budget ({units.usd(budget * dollar_factor)})",
                             line=dict(color="black", width=2.5),
                             hovertemplate="your budget $%{y:.3s}<extra></extra>"))
    for b, color in zip(budgets, BUDGET_COLORS):
        fig.add_trace(go.Scatter(x=x, y=[b.usd * dollar_factor] * 2, mode="lines", name=f"{b.label} ({units.usd(b.usd * dollar_factor)})",
                                 line=dict(color=color, width=1.5, dash="dash"),
                                 hovertemplate=f"{b.label}: $%{{y:.3s}}<extra></extra>"))
    _crossing(fig, result.year_affordable, budget * dollar_factor, "Affordable")
    base_layout(fig, height=480)
    fig.update_layout(xaxis=dict(title="year"), yaxis=log_axis(f"training cost (US dollars, {dollar_label})"))
    return fig


def compute_figure(series: GptHumanSeries, result: GptHumanResult) -> go.Figure:
    """Largest training run over time against the compute a GPT-human needs."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=series.frontier_years, y=series.frontier_flop, mode="lines",
                             name="Largest training run (doubling trend)", line=dict(color=COLORS["kaplan"], width=4),
                             hovertemplate="%{x:.1f}: %{y:.3e} FLOP<extra></extra>"))
    if result.compute_flop is not None:
        x = [series.frontier_years[0], series.frontier_years[-1]]
        fig.add_trace(go.Scatter(x=x, y=[result.compute_flop] * 2, mode="lines", name="Compute a GPT-human needs",
                                 line=dict(color=COLORS["human"], width=2.5, dash="dot"),
                                 hovertemplate="needed: %{y:.3e} FLOP<extra></extra>"))
        _crossing(fig, result.year_compute_reached, result.compute_flop, "Compute reached")
    base_layout(fig, height=480)
    fig.update_layout(xaxis=dict(title="year"), yaxis=log_axis("training compute (FLOP)"))
    return fig


def loss_curve_figure(series: GptHumanSeries, result: GptHumanResult) -> go.Figure:
    """The fitted loss from GPT-2 through GPT-3 and a 1000x 'GPT-4' down to the human line."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=series.loss_flop, y=series.loss, mode="lines", name="Fitted loss L(C)",
                             line=dict(color=COLORS["gpt3"], width=4),
                             hovertemplate="%{x:.3e} FLOP<br>loss %{y:.3f}<extra></extra>"))
    xs = [series.loss_flop[0], series.loss_flop[-1]]
    fig.add_trace(go.Scatter(x=xs, y=[result.target_loss] * 2, mode="lines",
                             name=f"Human-level target ({result.target_loss:.3g})",
                             line=dict(color=COLORS["human"], width=2.5, dash="dot"),
                             hovertemplate="target %{y:.3f}<extra></extra>"))
    if result.floor > 0:
        fig.add_trace(go.Scatter(x=xs, y=[result.floor] * 2, mode="lines", name=f"Irreducible loss ({result.floor:.3g})",
                                 line=dict(color="#999", width=2, dash="dash")))
    names, flops, losses = zip(*series.landmarks)
    fig.add_trace(go.Scatter(x=np.array(flops), y=np.array(losses), mode="markers+text", name="Landmarks",
                             text=list(names), textposition="top right",
                             marker=dict(size=11, color=COLORS["models"], symbol="diamond"),
                             hovertemplate="%{text}<br>%{x:.3e} FLOP<br>loss %{y:.3f}<extra></extra>"))
    base_layout(fig, height=480)
    fig.update_layout(xaxis=log_axis("training compute (FLOP)"), yaxis=loss_axis("loss (nats/token, WebText)"))
    return fig

