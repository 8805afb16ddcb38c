"""Chart builders for the biological-anchors page: model result in, Plotly figures out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lib import units
from lib.chains.bio_anchors.model import BioAnchorsResult
from lib.chains.bio_anchors.published import ANCHORS
from lib.charts import ANCHOR_COLORS, Chart, axis


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def cdf_figure(result: BioAnchorsResult, show_anchors: bool) -> go.Figure:
    """P(TAI by year): the weighted total in bold, each anchor's own curve faint."""
    chart = Chart()
    years = result.years
    if show_anchors:
        for a in ANCHORS:
            chart.line(years, result.p_by_anchor[a.key], f"{a.label} (alone)", _rgba(ANCHOR_COLORS[a.key], 0.55),
                       width=2, hover=f"{a.label}<br>%{{x}}: %{{y:.0%}}<extra></extra>")
    chart.line(years, result.p_tai, "P(TAI by year), all anchors", "black", width=5,
               hover="%{x}: %{y:.1%}<extra>all anchors</extra>")
    if result.median_year is not None:
        chart.add(x=[result.median_year], y=[0.5], mode="markers+text", name="Median year",
                  text=[f"median {units.year(result.median_year)}"], textposition="middle right",
                  marker={"size": 13, "color": "#D55E00", "symbol": "star", "line": {"color": "black", "width": 1}},
                  hovertemplate="median %{x:.1f}<extra></extra>")
    return chart.figure(height=500, xaxis=axis("year", range=[int(years[0]), int(years[-1])]),
                        yaxis=axis("probability of TAI by this year", range=[0, 1], tickformat=".0%"))


def compute_figure(result: BioAnchorsResult) -> go.Figure:
    """Affordable compute rising against each anchor's requirement band (10-90%), which falls with algorithms."""
    chart = Chart()
    years = result.series_years
    for a in ANCHORS:
        p10, p50, p90 = (10.0 ** result.requirement_bands[a.key][i] for i in range(3))
        color = ANCHOR_COLORS[a.key]
        # The band is decoration (unnamed): its numbers are in the median's hover and the CSV of the model.
        chart.add(x=np.concatenate([years, years[::-1]]), y=np.concatenate([p10, p90[::-1]]), fill="toself",
                  fillcolor=_rgba(color, 0.12), line={"width": 0}, hoverinfo="skip", showlegend=False,
                  legendgroup=a.key, mode="lines")
        chart.line(years, p50, f"{a.label}: median requirement", color, width=2, dash="dash", legendgroup=a.key,
                   hover=f"{a.label}<br>%{{x}}: median %{{y:.2e}} FLOP<extra></extra>")
    chart.line(years, 10.0 ** result.log10_compute, "Affordable compute (largest run)", "black", width=5,
               hover="%{x}: %{y:.2e} FLOP affordable<extra></extra>")
    return chart.figure(height=560, xaxis=axis("year"),
                        yaxis=axis("training compute (FLOP; requirements with that year's algorithms)", type="log",
                                   exponentformat="power", range=[22, 48], dtick=2))
