"""Chart builders for the biological-anchors page: model result in, Plotly figures out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lib.bio_anchors import ANCHORS, BioAnchorsResult
from lib.charts import ANCHOR_COLORS, base_layout


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def cdf_figure(result: BioAnchorsResult, show_anchors: bool) -> go.Figure:
    """P(TAI by year): the weighted total in bold, each anchor's own curve faint."""
    fig = go.Figure()
    years = result.years
    if show_anchors:
        for a in ANCHORS:
            fig.add_trace(go.Scatter(
                x=years, y=result.p_by_anchor[a.key], mode="lines", name=f"{a.label} (alone)",
                line=dict(color=_rgba(ANCHOR_COLORS[a.key], 0.55), width=2),
                hovertemplate=f"{a.label}<br>%{{x}}: %{{y:.0%}}<extra></extra>"))
    fig.add_trace(go.Scatter(x=years, y=result.p_tai, mode="lines", name="P(TAI by year), all anchors",
                             line=dict(color="black", width=5),
                             hovertemplate="%{x}: %{y:.1%}<extra>all anchors</extra>"))
    if result.median_year is not None:
        fig.add_trace(go.Scatter(x=[result.median_year], y=[0.5], mode="markers+text", name="Median year",
                                 text=[f"median {result.median_year:.0f}"], textposition="middle right",
                                 marker=dict(size=13, color="#D55E00", symbol="star", line=dict(color="black", width=1)),
                                 hovertemplate="median %{x:.1f}<extra></extra>"))
    base_layout(fig, height=500)
    fig.update_layout(xaxis=dict(title="year", range=[int(years[0]), int(years[-1])]),
                      yaxis=dict(title="probability of TAI by this year", range=[0, 1], tickformat=".0%"))
    return fig


def compute_figure(result: BioAnchorsResult) -> go.Figure:
    """Affordable compute rising against each anchor's requirement band (10-90%), which falls with algorithms."""
    fig = go.Figure()
    years = result.series_years
    for a in ANCHORS:
        p10, p50, p90 = (10.0 ** result.requirement_bands[a.key][i] for i in range(3))
        color = ANCHOR_COLORS[a.key]
        fig.add_trace(go.Scatter(x=np.concatenate([years, years[::-1]]), y=np.concatenate([p10, p90[::-1]]),
                                 fill="toself", fillcolor=_rgba(color, 0.12), line=dict(width=0), hoverinfo="skip",
                                 showlegend=False, legendgroup=a.key))
        fig.add_trace(go.Scatter(x=years, y=p50, mode="lines", name=f"{a.label}: median requirement",
                                 line=dict(color=color, width=2, dash="dash"), legendgroup=a.key,
                                 hovertemplate=f"{a.label}<br>%{{x}}: median %{{y:.2e}} FLOP<extra></extra>"))
    fig.add_trace(go.Scatter(x=years, y=10.0 ** result.log10_compute, mode="lines",
                             name="Affordable compute (largest run)", line=dict(color="black", width=5),
                             hovertemplate="%{x}: %{y:.2e} FLOP affordable<extra></extra>"))
    base_layout(fig, height=560)
    fig.update_layout(xaxis=dict(title="year"),
                      yaxis=dict(type="log", title="training compute (FLOP; requirements with that year's algorithms)",
                                 exponentformat="power", range=[22, 48], dtick=2))
    return fig
