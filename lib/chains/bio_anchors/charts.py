"""Chart builders for the biological-anchors page: model result in, Plotly figures out."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from lib.chains.bio_anchors.model import BioAnchorsResult
from lib.chains.bio_anchors.published import ANCHORS
from lib.core import units
from lib.core.charts.labels import dodge, frames, text_size
from lib.core.charts.look import ANCHOR_COLORS, LABEL_BG, Chart, Figure, axis, rgba, year_axis
from lib.core.charts.overlay import Line, Overlay

# Short anchor names for the labels at the right-hand end of each requirement line.
SHORT = {"life": "Lifetime", "short": "NN short", "med": "NN medium", "long": "NN long", "genome": "Genome",
         "evo": "Evolution"}
COMPUTE_RANGE = (22, 48)  # log10 FLOP
COMPUTE_HEIGHT = 600
CDF_HEIGHT = 500


def cdf_figure(result: BioAnchorsResult, show_anchors: bool, bands: Mapping[float, np.ndarray] | None = None) -> Figure:
    """P(TAI by year): the weighted total in bold, each anchor's own curve faint; ``bands`` over draws around it."""
    chart = Chart()
    years = result.years
    if bands is not None:
        chart.quantile_bands(years, bands, "#555555", "P(TAI by year)")
    if show_anchors:
        for a in ANCHORS:
            chart.line(years, result.p_by_anchor[a.key], f"{a.label} (alone)", rgba(ANCHOR_COLORS[a.key], 0.7),
                       width=2, hover=f"{a.label}<br>%{{x}}: %{{y:.0%}}<extra></extra>")
    chart.line(years, result.p_tai, "P(TAI by year), all anchors", "black", width=5,
               hover="%{x}: %{y:.1%}<extra>all anchors</extra>")
    if result.median_year is not None:
        text = f"median {units.year(result.median_year)}"
        chart.add(x=[result.median_year], y=[0.5], mode="markers", name="Median year", text=[text],
                  marker={"size": 13, "color": "#D55E00", "symbol": "star", "line": {"color": "black", "width": 1}},
                  hovertemplate=f"{text}<extra></extra>")
        chart.annotations.append({"x": result.median_year, "y": 0.5, "xanchor": "left", "yanchor": "top",
                                  "xshift": 6, "yshift": -6, "text": f"<b>{text}</b>", "showarrow": False,
                                  "bgcolor": LABEL_BG, "font": {"size": 13, "color": "#222"}, "name": "placed"})
    # No legend: every curve is named at its right-hand end, nudged apart where they end close together.
    ends = [(float(result.p_tai[-1]), "all anchors", "black")]
    if show_anchors:
        ends += [(float(result.p_by_anchor[a.key][-1]), SHORT[a.key], ANCHOR_COLORS[a.key]) for a in ANCHORS]
    chart.end_labels(int(years[-1]), ends, min(frames((0, 1), (0, 1), CDF_HEIGHT), key=lambda f: f.height))
    return chart.figure(height=CDF_HEIGHT, xaxis=year_axis(int(years[0]), int(years[-1])),
                        yaxis=axis("P(TAI by this year)", range=[0, 1], tickformat=".0%"), showlegend=False,
                        csv={"x": "year", "y": "probability (0-1)"})


def compute_figure(result: BioAnchorsResult, runs: pd.DataFrame | None = None) -> Figure:
    """Affordable compute rising against each anchor's requirement band (10-90%), which falls with algorithms.

    Each band has its own colour, a faint fill and a thin edge, so six overlapping bands can be
    told apart; the dashed medians are labelled at their left-hand ends, where the black
    affordable-compute line is far below them.
    """
    chart = Chart()
    years = result.series_years
    ends = {}
    for a in ANCHORS:
        p10, p50, p90 = (10.0 ** result.requirement_bands[a.key][i] for i in range(3))
        color = ANCHOR_COLORS[a.key]
        # The band is unnamed (no legend entry of its own; its legend group toggles it with the
        # median); its edges are in the CSV through ``meta``.
        chart.add(x=np.concatenate([years, years[::-1]]), y=np.concatenate([p10, p90[::-1]]), fill="toself",
                  fillcolor=rgba(color, 0.07), line={"width": 1.2, "color": rgba(color, 0.7)}, hoverinfo="skip",
                  showlegend=False, legendgroup=a.key, mode="lines",
                  meta={"band": [f"{a.label}: 10th percentile requirement (FLOP)",
                                 f"{a.label}: 90th percentile requirement (FLOP)"]})
        chart.line(years, p50, a.label, color, width=3, dash="dash", legendgroup=a.key,
                   meta={"column": f"{a.label}: median requirement (FLOP)"},
                   hover=f"{a.label}<br>%{{x}}: median need %{{y:.2e}} FLOP<extra></extra>")
        ends[a.key] = float(result.requirement_bands[a.key][1][0])
    chart.line(years, 10.0 ** result.log10_compute, "Affordable compute (largest run)", "black", width=5,
               meta={"column": "Affordable compute, largest run (FLOP)"},
               hover="%{x}: %{y:.2e} FLOP affordable<extra></extra>")
    if runs is not None and len(runs):
        # The real largest run of each year (lib/data/trends/model.py, largest_per_year) against the affordable line.
        chart.add(x=runs["year"].to_numpy(), y=runs["compute"].to_numpy(), mode="markers", showlegend=False,
                  name="Largest real run of the year (Epoch AI)", meta={"csv": False},
                  marker={"size": 9, "color": "black", "symbol": "diamond-open", "line": {"width": 2}},
                  text=[f"<b>{m}</b><br>{d}<br>{c:.2e} FLOP" for m, d, c in
                        zip(runs["model"], runs["publication_date"], runs["compute"])],
                  hovertemplate="%{text}<extra></extra>")

    # No legend: each median is labelled above its left-hand end (nudged apart where they start close
    # together), the affordable line at its right-hand end, and the caption gives the line styles.
    phone = min(frames((0, 1), COMPUTE_RANGE, COMPUTE_HEIGHT), key=lambda f: f.height)
    h = text_size("Xg", 12)[1]
    natural = [float(phone.px(0, np.clip(v, *COMPUTE_RANGE))[1]) for v in ends.values()]
    raised = [y + h / 2 + 1 for y in natural]  # just above the line, not on it
    for (key, end), y0, y1 in zip(ends.items(), raised, dodge(raised, h + 1, 0, phone.height)):
        chart.annotations.append({"x": int(years[0]), "y": float(np.clip(end, *COMPUTE_RANGE)), "xanchor": "left",
                                  "yanchor": "middle", "xshift": 3, "yshift": y1 - y0 + h / 2 + 1, "showarrow": False,
                                  "text": f"<b>{SHORT[key]}</b>", "bgcolor": LABEL_BG, "name": "placed",
                                  "font": {"size": 12, "color": ANCHOR_COLORS[key]}})
    end = float(np.clip(result.log10_compute[-1], *COMPUTE_RANGE))
    chart.annotations.append({"x": int(years[-1]), "y": end, "xanchor": "right", "yanchor": "bottom", "xshift": -3,
                              "yshift": 4, "showarrow": False, "text": "<b>affordable compute</b>", "bgcolor": LABEL_BG,
                              "name": "placed", "font": {"size": 12, "color": "black"}})
    return chart.figure(height=COMPUTE_HEIGHT, xaxis=year_axis(int(years[0]), int(years[-1])),
                        yaxis=axis("training compute (FLOP)", type="log", exponentformat="power",
                                   range=list(COMPUTE_RANGE)), showlegend=False,
                        csv={"x": "year", "y": "FLOP"})


def overlay(values: object, result: BioAnchorsResult) -> Overlay:
    """The probability of TAI by year, all anchors together, for a comparison."""
    del values
    years = result.years.astype(float)
    return Overlay("P(TAI by year)", (Line("p_tai", "P(TAI)", years, result.p_tai, "#222222"),), "year",
                   "P(TAI by this year)", x_scale="year", y_scale="percent", x_range=(years[0], years[-1]),
                   y_range=(0.0, 1.0))
