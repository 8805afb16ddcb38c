"""Chart builders for the GPT-human page: model results in, Plotly figures out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lib import units
from lib.chains.gpt_human.derivation import Money
from lib.chains.gpt_human.model import HORIZON_YEAR, GptHumanResult, GptHumanSeries
from lib.charts import COLORS, Chart, axis, log_axis, loss_axis

BUDGET_COLORS = ["#999999", "#777777", "#555555", "#8c564b", "#bcbd22", "#17becf", "#9467bd"]


def _crossing(chart: Chart, year: float | None, y: float, text: str) -> None:
    if year is None or year > HORIZON_YEAR:
        return
    chart.add(x=[year], y=[y], mode="markers+text", name=text, text=[f"{text}: {units.month(year)}"],
              textposition="top right", hovertemplate=f"{text}<br>{units.month(year)}<extra></extra>",
              marker={"size": 14, "color": "#D55E00", "symbol": "star", "line": {"color": "black", "width": 1}})


def cost_figure(series: GptHumanSeries, result: GptHumanResult, money: Money, budget: float) -> go.Figure:
    """Cost of a GPT-human over time (log dollars) against budget lines, crossing marked."""
    dollar_factor, dollar_label, budgets = money.factor, money.label, money.budgets
    chart = Chart()
    chart.line(series.cost_years, series.cost_usd * dollar_factor, "Cost of a GPT-human", COLORS["gpt3"], width=4,
               hover=f"%{{x:.1f}}: $%{{y:.3s}} ({dollar_label})<extra></extra>")
    x = [float(series.cost_years[0]), float(series.cost_years[-1])] if series.cost_years.size else [0.0, 1.0]
    chart.line(x, [budget * dollar_factor] * 2, f"Your budget ({units.usd(budget * dollar_factor)})", "black",
               width=2.5, hover="your budget $%{y:.3s}<extra></extra>")
    for b, color in zip(budgets, BUDGET_COLORS):
        chart.line(x, [b.usd * dollar_factor] * 2, f"{b.label} ({units.usd(b.usd * dollar_factor)})", color,
                   width=1.5, dash="dash", hover=f"{b.label}: $%{{y:.3s}}<extra></extra>")
    _crossing(chart, result.year_affordable, budget * dollar_factor, "Affordable")
    return chart.figure(height=480, xaxis=axis("year"), yaxis=log_axis(f"training cost (US dollars, {dollar_label})"))


def compute_figure(series: GptHumanSeries, result: GptHumanResult) -> go.Figure:
    """Largest training run over time against the compute a GPT-human needs."""
    chart = Chart()
    chart.line(series.frontier_years, series.frontier_flop, "Largest training run (doubling trend)", COLORS["kaplan"],
               width=4, hover="%{x:.1f}: %{y:.3e} FLOP<extra></extra>")
    if result.compute_flop is not None:
        x = [float(series.frontier_years[0]), float(series.frontier_years[-1])]
        chart.line(x, [result.compute_flop] * 2, "Compute a GPT-human needs", COLORS["human"], width=2.5, dash="dot",
                   hover="needed: %{y:.3e} FLOP<extra></extra>")
        _crossing(chart, result.year_compute_reached, result.compute_flop, "Compute reached")
    return chart.figure(height=480, xaxis=axis("year"), yaxis=log_axis("training compute (FLOP)"))


def loss_curve_figure(series: GptHumanSeries, result: GptHumanResult) -> go.Figure:
    """The fitted loss from GPT-2 through GPT-3 and a 1000x 'GPT-4' down to the human line."""
    chart = Chart()
    chart.line(series.loss_flop, series.loss, series.fit_label, COLORS["gpt3"], width=4,
               hover="%{x:.3e} FLOP<br>loss %{y:.3f}<extra></extra>")
    xs = [float(series.loss_flop[0]), float(series.loss_flop[-1])]
    chart.line(xs, [result.target_loss] * 2, f"Human-level target ({result.target_loss:.3g})", COLORS["human"],
               width=2.5, dash="dot", hover="target %{y:.3f}<extra></extra>")
    if result.floor > 0:
        chart.line(xs, [result.floor] * 2, f"Irreducible loss ({result.floor:.3g})", "#999", width=2, dash="dash",
                   hover="floor %{y:.3f}<extra></extra>")
    names, flops, losses = zip(*series.landmarks)
    chart.add(x=np.array(flops), y=np.array(losses), mode="markers+text", name="Landmarks", text=list(names),
              textposition="top right", marker={"size": 11, "color": COLORS["models"], "symbol": "diamond"},
              hovertemplate="%{text}<br>%{x:.3e} FLOP<br>loss %{y:.3f}<extra></extra>")
    return chart.figure(height=480, xaxis=log_axis("training compute (FLOP)"),
                        yaxis=loss_axis("loss (nats/token, WebText)"))
