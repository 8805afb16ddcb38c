"""Chart rules (lib/core/charts/look.py and the chart builders): what a person on a phone or a projector sees.

Geometry is estimated, not rendered: a label's box from its text length and font size
(lib.core.charts.labels.text_size), placed in the plot area a figure gets at each screen width
(lib.core.charts.labels.frames: the figure's height minus margins and its legend). The estimates were
checked against Plotly's own layout in Chromium: they never make the plot larger than it is.
"""

from __future__ import annotations

import io
import itertools
import math
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.chains import bio_anchors, gpt_human, loss
from lib.chains.bio_anchors.charts import cdf_figure
from lib.chains.bio_anchors.charts import compute_figure as requirements_figure
from lib.chains.gpt_human.charts import compute_figure, cost_figure, loss_curve_figure
from lib.chains.gpt_human.derivation import money
from lib.chains.gpt_human.model import series
from lib.chains.loss.charts import Y_RANGE as Y_LOSS
from lib.chains.loss.charts import allocation_figure, isoflop_figure, loss_figure
from lib.core import units
from lib.core.charts.contrast import contrast, readable, rgb, text_on
from lib.core.charts.describe import describe
from lib.core.charts.labels import LABEL_SIZE, LEGEND_SIZE, SCREENS, Frame, dodge, frames, legend_height, nested_sizes, text_size
from lib.core.charts.look import ANCHOR_COLORS, FONT_SIZE, Chart
from lib.core.charts.tables import figure_tables, figure_to_csv
from lib.data import files as data

LINK = "https://example.org/loss?compute=5.76e23"
MAX_OOM_PAST = 4.0  # the frontier view may end at most this many orders of magnitude past the compute needed


# ---- building the figures ------------------------------------------------------------------------

def _loss_views() -> list[dict]:
    """Defaults, every preset, and the budget at both ends and on the notable models."""
    views = [{}, *(dict(p.values) for p in loss.CHAIN.presets)]
    views += [{"compute": c} for c in (1e18, 5.76e23, 3.3e24, 1e32)]
    views += [{"human": 1.5, "strong_e": 1.6}, {"kaplan": False, "weak": False}, {"iso_law": "besiroglu"}]
    return views


def _gpt(values: dict) -> tuple:
    result = gpt_human.CHAIN.run(values)
    curves = series(values, result)
    cash = money(values, data.load("cpi_us").table, data.load("reference_budgets").table)
    budget = float(values.get("budget", gpt_human.CHAIN.params["budget"].default))
    return result, curves, cash, budget


GPT_VIEWS = [{}, {"doubling": 6.0}, {"doubling": 12.0}, {"doubling": 24.0, "halving": 30.0}, {"budget": 1e12},
             {"budget": 1e15}, {"human": 2.0}, {"ratio": 3.0}, {"refs": ["apollo", "iraq"], "dollars": "today"},
             *(dict(p.values) for p in gpt_human.CHAIN.presets)]


def _gpt_figures(values: dict) -> list[go.Figure]:
    result, curves, cash, budget = _gpt(values)
    return [cost_figure(curves, result, cash, budget), compute_figure(curves, result),
            loss_curve_figure(curves, result)]


def _every_figure() -> list[tuple[str, go.Figure]]:
    r = loss.CHAIN.run({})
    b = bio_anchors.CHAIN.run({})
    out = [("loss", loss_figure(r)), ("allocation", allocation_figure(r)), ("isoflop", isoflop_figure(r)),
           ("tai_cdf", cdf_figure(b, True)), ("requirements", requirements_figure(b))]
    return out + list(zip(("cost", "frontier", "gpt_loss"), _gpt_figures({})))


# ---- reading a figure's geometry -------------------------------------------------------------------

def _legend(fig: go.Figure) -> list[str]:
    """The names a figure's traces put in its legend."""
    return [t.name for t in fig.data if t.name and t.showlegend is not False]


def _screens(fig: go.Figure) -> list[Frame]:
    """The plot area at each screen, from the figure's own (fixed) margins, which hold its legend."""
    x, y = fig.layout.xaxis, fig.layout.yaxis
    return frames(tuple(x.range), tuple(y.range), fig.layout.height, margin=fig.layout.margin.to_plotly_json())


def _box(a, frame: Frame) -> tuple[float, float, float, float]:
    """The (left, bottom, right, top) px box of an annotation as Plotly lays it out."""
    w, h = text_size(a.text, a.font.size or LABEL_SIZE)
    px = a.x * frame.width if a.xref == "paper" else float(frame.px(a.x, frame.y_range[0])[0])
    py = a.y * frame.height if a.yref == "paper" else float(frame.px(frame.x_range[0], a.y)[1])
    px, py = px + (a.xshift or 0), py + (a.yshift or 0)
    if a.showarrow:  # text centred on the arrow's tail
        return px + a.ax - w / 2, py - a.ay - h / 2, px + a.ax + w / 2, py - a.ay + h / 2
    left = {"left": px, "right": px - w}.get(a.xanchor, px - w / 2)
    bottom = {"bottom": py, "top": py - h}.get(a.yanchor, py - h / 2)
    return left, bottom, left + w, bottom + h


def _collisions(fig: go.Figure, annotations=None) -> list[str]:
    """Every pair of placed labels whose boxes overlap, and every label outside the plot, per screen."""
    labels = [a for a in (annotations or fig.layout.annotations) if a.name == "placed"]
    found = []
    for frame in _screens(fig):
        boxes = [(a.text, _box(a, frame)) for a in labels]
        for (ta, a), (tb, b) in itertools.combinations(boxes, 2):
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                found.append(f"{ta!r} overlaps {tb!r} at {frame.width:.0f} px")
        for text, (left, bottom, right, top) in boxes:
            if left < -1 or bottom < -1 or right > frame.width + 1 or top > frame.height + 1:
                found.append(f"{text!r} leaves the {frame.width:.0f} px plot")
    return found


# ---- 1. labels never collide -------------------------------------------------------------------------

@pytest.mark.parametrize("values", _loss_views(), ids=str)
def test_loss_chart_labels_never_collide_on_phone_or_desktop(values):
    result = loss.CHAIN.run(values)
    for fig in (loss_figure(result), isoflop_figure(result)):
        assert not _collisions(fig)


@pytest.mark.parametrize("values", GPT_VIEWS, ids=str)
def test_gpt_human_labels_never_collide(values):
    for fig in _gpt_figures(values):
        assert not _collisions(fig)


def test_anchor_labels_never_collide():
    for values in ({}, *(dict(p.values) for p in bio_anchors.CHAIN.presets), {"spread": 0.5}, {"data_exp": "1.0"}):
        assert not _collisions(requirements_figure(bio_anchors.CHAIN.run(values)))


def test_the_collision_check_catches_labels_placed_plotly_style():
    # The old rule (each name centred 10 px above its diamond) on the same chart: the check must fail it.
    result = loss.CHAIN.run({})
    fig = loss_figure(result)
    p = result.points
    naive = [go.layout.Annotation(x=math.log10(c), y=math.log10(v), text=t, yshift=10, xanchor="center",
                                  showarrow=False, name="placed", font={"size": 12})
             for t, c, v in zip(p.label, p.compute_flop, p.loss)]
    assert any("overlaps" in c for c in _collisions(fig, naive))


def test_notable_models_are_all_labelled_at_defaults():
    fig = loss_figure(loss.CHAIN.run({}))
    texts = {a.text for a in fig.layout.annotations if a.name == "placed"}
    assert set(loss.CHAIN.run({}).points.label) <= texts


def test_dodge_spaces_labels_and_keeps_them_in_bounds():
    out = dodge([50, 51, 52, 200, 299], 20, 0, 300)
    assert all(b - a >= 20 - 1e-9 for a, b in itertools.pairwise(sorted(out)))
    assert min(out) >= 10 and max(out) <= 290
    assert np.argsort(out).tolist() == [0, 1, 2, 3, 4]  # order kept


# ---- 1. coinciding lines and markers stay distinguishable ---------------------------------------------

def test_coinciding_loss_curves_differ_in_width_dash_or_order():
    fig = loss_figure(loss.CHAIN.run({}))
    lines = {t.name: (i, t.line.width, t.line.dash) for i, t in enumerate(fig.data) if t.name and t.mode == "lines"}
    labels = loss.CHAIN.run({}).law_labels
    kaplan, gpt3, strong = lines[labels["kaplan"]], lines[labels["gpt3"]], lines["Strong-capabilities scenario"]
    assert gpt3[1] >= kaplan[1] + 3 and gpt3[0] < kaplan[0]  # the wide one underneath, the thin one on top
    assert strong[2] != "solid" and strong[0] > gpt3[0]  # the scenario, dotted, over the fit it follows
    ends = {a.text for a in fig.layout.annotations if a.xanchor == "right" and a.name == "placed"}
    assert {"<b>Kaplan</b>", "<b>GPT-3 fit</b>", "<b>strong</b>"} <= ends


def test_budget_markers_nest_instead_of_stacking():
    result = loss.CHAIN.run({})
    (trace,) = [t for t in loss_figure(result).data if t.name == "At your budget"]
    sizes = dict(zip(trace.text, trace.marker.size))
    labels = result.law_labels
    # Kaplan's and the GPT-3 fit's losses at 3.14e23 differ by 2%: a few px apart, so they nest.
    assert abs(sizes[labels["kaplan"]] - sizes[labels["gpt3"]]) >= 5
    assert list(trace.marker.size) == sorted(trace.marker.size, reverse=True)  # biggest drawn first
    assert nested_sizes([0, 100, 200]) == [11, 11, 11]
    assert sorted(nested_sizes([0, 3, 6])) == [11, 18, 25]


def test_pf_day_labels_are_round_decades_at_their_flop_positions():
    fig = loss_figure(loss.CHAIN.run({}))
    pf = [a for a in fig.layout.annotations if a.name == "pf-days" and a.xref != "paper"]
    assert len(pf) >= 5
    for a in pf:
        k = a.x - math.log10(units.PF_DAY_FLOP)
        assert abs(k - round(k)) < 1e-9
        assert a.text == {0: "1", 1: "10", 2: "100"}.get(round(k), f"10<sup>{round(k)}</sup>")
    flop_text = [str(t) for t in (fig.layout.xaxis.ticktext or ())]
    assert not any("e-" in t or "." in t for t in flop_text)  # no 1.16e-2 style values left


# ---- 2. GPT-human: frontier range, budgets, years ---------------------------------------------------

@pytest.mark.parametrize("values", GPT_VIEWS, ids=str)
def test_frontier_view_ends_a_few_orders_past_the_crossing(values):
    result, curves, _, _ = _gpt(values)
    fig = compute_figure(curves, result)
    if result.compute_flop is None:
        return
    hi = fig.layout.yaxis.range[1]
    need = math.log10(result.compute_flop)
    assert 1 <= hi - max(need, math.log10(curves.frontier_flop[0])) <= MAX_OOM_PAST
    x0, x1 = fig.layout.xaxis.range
    if result.year_compute_reached is not None and result.year_compute_reached <= curves.frontier_years[-1]:
        assert x0 <= result.year_compute_reached < x1
    # The frontier leaves through the top of the view, or the series ends: no empty decades.
    at_end = float(np.interp(x1, curves.frontier_years, np.log10(curves.frontier_flop)))
    assert at_end >= hi - 0.2 or x1 >= curves.frontier_years[-1] - 1e-9


def test_default_frontier_no_longer_runs_to_1e65():
    result, curves, _, _ = _gpt({})
    assert compute_figure(curves, result).layout.yaxis.range[1] < 34


def test_a_reference_budget_equal_to_yours_is_left_out_not_hidden_under_it():
    result, curves, cash, budget = _gpt({})  # $1B: also the "$1 billion" reference line
    fig = cost_figure(curves, result, cash, budget)
    names = [t.name for t in fig.data]
    assert "$1 billion" not in names  # it would sit under your budget and still be in the legend
    assert "Your budget ($1B)" in names
    mine = names.index("Your budget ($1B)")
    refs = [i for i, t in enumerate(fig.data) if t.line.dash in ("dot", "dashdot", "longdash")]
    assert refs and all(i < mine for i in refs)  # the other references are drawn first, thinner
    assert fig.data[mine].line.width > max(fig.data[i].line.width for i in refs)
    assert any(a.text == "<b>your budget $1B</b>" for a in fig.layout.annotations)


def test_your_budget_names_the_reference_it_equals():
    manhattan = next(b for b in _gpt({})[2].budgets if b.label.startswith("Manhattan"))
    result, curves, cash, budget = _gpt({"budget": manhattan.usd})
    names = [t.name for t in cost_figure(curves, result, cash, budget).data]
    assert any(n.startswith("Your budget") and n.endswith(f"= {manhattan.label})") for n in names), names
    assert not any(n.startswith("Manhattan") for n in names)


def test_gpt_human_hovers_say_months_not_decimal_years():
    for fig in _gpt_figures({}):
        for t in fig.data:
            assert ":.1f" not in (t.hovertemplate or "")
    result, curves, _, _ = _gpt({})
    frontier = compute_figure(curves, result).data[0]
    assert frontier.hovertext[0].startswith("Jan 2020: ")
    assert all(".9" not in h.split(":")[0] for h in frontier.hovertext)


# ---- 3. IsoFLOP and allocation ------------------------------------------------------------------------

@pytest.mark.parametrize("compute", [3.14e23, 5.76e23, 3.3e24, 1e30])
def test_isoflop_highlights_your_budget(compute):
    result = loss.CHAIN.run({"compute": compute})
    fig = isoflop_figure(result)
    curves = [t for t in fig.data if t.mode == "lines"]
    (yours,) = [t for t in curves if t.name.startswith("Your budget")]
    budget = min(result.iso_curves, key=lambda b: abs(math.log(b / compute)))
    assert abs(budget / compute - 1) < 0.05  # the model carries a curve for the budget
    assert yours is curves[-1] and yours.line.width > max(t.line.width for t in curves[:-1])


def test_allocation_legend_has_one_entry_per_rule_and_fits_under_the_plot():
    result = loss.CHAIN.run({})
    fig = allocation_figure(result)
    names = _legend(fig)
    assert names == list(result.allocation_labels.values())
    for frame in _screens(fig):
        assert legend_height(names, frame.width) < frame.height
    assert "solid" in fig.layout.yaxis.title.text and "dashed" in fig.layout.yaxis.title.text


# ---- 4. anchor colours ---------------------------------------------------------------------------------

# Machado, Oliveira & Fernandes 2009, severity 1.0, applied to linear RGB.
CVD = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
}


def _lab(hex_color: str, vision: str) -> np.ndarray:
    c = np.array([int(hex_color[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    rgb = np.clip(CVD[vision] @ np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4), 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ rgb
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> float:
    """Colour difference (Sharma, Wu & Dalal 2005's implementation notes of CIEDE2000)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar**7 / (cbar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p, h2p = math.degrees(math.atan2(b1, a1p)) % 360, math.degrees(math.atan2(b2, a2p)) % 360
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    d_hp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lbar, cbarp = (l1 + l2) / 2, (c1p + c2p) / 2
    hbar = h1p + h2p if c1p * c2p == 0 else ((h1p + h2p) / 2 if abs(h1p - h2p) <= 180 else
                                              (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2)
    t = (1 - 0.17 * math.cos(math.radians(hbar - 30)) + 0.24 * math.cos(math.radians(2 * hbar))
         + 0.32 * math.cos(math.radians(3 * hbar + 6)) - 0.20 * math.cos(math.radians(4 * hbar - 63)))
    rt = (-math.sin(math.radians(60 * math.exp(-(((hbar - 275) / 25) ** 2))))
          * 2 * math.sqrt(cbarp**7 / (cbarp**7 + 25**7)))
    sl = 1 + 0.015 * (lbar - 50) ** 2 / math.sqrt(20 + (lbar - 50) ** 2)
    sc, sh = 1 + 0.045 * cbarp, 1 + 0.015 * cbarp * t
    dl, dc, dhh = (l2 - l1) / sl, (c2p - c1p) / sc, d_hp / sh
    return math.sqrt(dl**2 + dc**2 + dhh**2 + rt * dc * dhh)


MIN_DELTA_E = 15.0  # CIEDE2000: well past "clearly different" (~5) for thin lines on white


def _closest_pair(palette: dict[str, str], vision: str) -> tuple[float, str, str]:
    return min((ciede2000(_lab(a, vision), _lab(b, vision)), ka, kb)
               for (ka, a), (kb, b) in itertools.combinations(palette.items(), 2))


def test_ciede2000_matches_the_published_test_pairs():
    # Sharma et al. 2005, table 1, pairs 1 and 17.
    assert ciede2000(np.array([50, 2.6772, -79.7751]), np.array([50, 0, -82.7485])) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000(np.array([50, 2.5, 0]), np.array([73, 25, -18])) == pytest.approx(27.1492, abs=1e-4)


@pytest.mark.parametrize("vision", list(CVD))
def test_anchor_colours_are_far_apart_also_with_colour_blindness(vision):
    assert len(set(ANCHOR_COLORS.values())) == 6
    distance, a, b = _closest_pair(ANCHOR_COLORS, vision)
    assert distance >= MIN_DELTA_E, f"{a} and {b}: {distance:.1f}"


def test_the_colour_check_rejects_the_old_three_blues():
    old = {"life": "#E69F00", "short": "#56B4E9", "med": "#0072B2", "long": "#003f73", "genome": "#009E73",
           "evo": "#CC79A7"}
    assert min(_closest_pair(old, v)[0] for v in CVD) < MIN_DELTA_E


def test_requirements_chart_uses_one_colour_per_anchor():
    fig = requirements_figure(bio_anchors.CHAIN.run({}))
    medians = [t for t in fig.data if t.line.dash == "dash"]
    assert len({t.line.color for t in medians}) == 6
    assert {t.line.color for t in medians} == set(ANCHOR_COLORS.values())


# ---- 5. phone layout: ticks, titles, legend, modebar -----------------------------------------------------

@pytest.mark.parametrize(("name", "fig"), _every_figure(), ids=[n for n, _ in _every_figure()])
def test_axis_titles_fit_and_x_ticks_follow_the_width(name, fig):
    phone = min(_screens(fig) if fig.layout.xaxis.range and fig.layout.yaxis.range else
                frames((0, 1), (0, 1), fig.layout.height, margin=fig.layout.margin.to_plotly_json()),
                key=lambda f: f.width)
    assert text_size(fig.layout.xaxis.title.text, FONT_SIZE)[0] <= phone.width + 40, name
    assert text_size(fig.layout.yaxis.title.text, FONT_SIZE)[0] <= phone.height, name
    # Fixed x ticks would collide on a 390 px phone; Plotly's own spacing adapts to the width. The one
    # exception: a short span of years, ticked at whole years (no 2,020.5), few enough for a phone.
    assert fig.layout.xaxis.dtick is None, name
    ticks = fig.layout.xaxis.tickvals
    if ticks is not None:
        assert fig.layout.xaxis.title.text == "year" and fig.layout.xaxis.tickformat == "d", name
        assert len(ticks) <= 7 and all(float(t).is_integer() for t in ticks), name
    elif fig.layout.xaxis.title.text == "year":
        assert fig.layout.xaxis.tickformat == "d", name
    if fig.layout.yaxis.dtick is not None and fig.layout.yaxis.type == "log":
        decades = fig.layout.yaxis.range[1] - fig.layout.yaxis.range[0]
        assert decades / fig.layout.yaxis.dtick * 1.3 * FONT_SIZE <= phone.height, name
    # The legend hangs from the bottom of the figure, under the axis title; the top margin is the modebar's.
    if _legend(fig) and fig.layout.showlegend is not False:  # its top just under the axis title, in the room the bottom margin keeps for it
        assert fig.layout.legend.yref == "container" and fig.layout.legend.yanchor == "top"
        assert 0 < fig.layout.legend.y * fig.layout.height < fig.layout.margin.b
    assert fig.layout.margin.t >= 30


def test_legend_height_estimate_wraps_in_equal_columns():
    names = ["a" * 10] * 6
    one = 46 + text_size("a" * 10, 13)[0]
    assert legend_height(names, one * 3 + 1) == legend_height(names[:3], one) - 22  # 2 rows of 3, 3 rows of 1
    assert legend_height(names, one) > legend_height(names, 3 * one)


# ---- 6. CSV downloads ---------------------------------------------------------------------------------------

def _read_tables(text: str) -> list[pd.DataFrame]:
    blocks = text.split("\n\n")
    return [pd.read_csv(io.StringIO(b)) for b in blocks[1:]]


def test_csv_starts_with_the_link_and_has_one_column_per_law_with_units():
    result = loss.CHAIN.run({})
    text = figure_to_csv(loss_figure(result), LINK)
    assert text.splitlines()[0] == f"Data from {LINK}"
    curves = _read_tables(text)[0]
    assert curves.columns[0] == "compute (FLOP)"
    assert len(curves) == len(result.grid)
    for label in result.law_labels.values():
        assert f"{label}: loss (nats/token)" in curves.columns
    assert "Strong-capabilities scenario: loss (nats/token)" in curves.columns
    assert curves.filter(like="Human level").iloc[:, 0].eq(result.human_loss).all()  # a line, on every row
    assert len(set(curves.columns)) == len(curves.columns)
    np.testing.assert_allclose(curves["compute (FLOP)"], result.grid, rtol=1e-5)


def test_csv_gives_series_on_other_grids_and_points_their_own_tables():
    chart = Chart()
    chart.line([1, 2, 3], [10, 20, 30], "A", "red")
    chart.line([1, 2, 3], [1, 2, 4], "B", "blue")
    chart.line([5, 6], [7, 8], "C", "green")
    chart.line([1, 3], [9, 9], "Budget", "black")
    chart.add(x=[2], y=[20], mode="markers", name="Crossing", text=["Jan 2030"])
    chart.add(x=[0, 1], y=[0, 1], mode="lines")  # unnamed: decoration
    fig = chart.figure(csv={"x": "year", "y": "cost (US$)"})
    a, c, points = figure_tables(fig)
    assert list(a.columns) == ["year", "A: cost (US$)", "B: cost (US$)", "Budget: cost (US$)"]
    assert a["Budget: cost (US$)"].tolist() == [9, 9, 9]
    assert list(c.columns) == ["year", "C: cost (US$)"] and len(c) == 2
    assert points.to_dict("records") == [{"Crossing": "Jan 2030", "year": 2.0, "Crossing: cost (US$)": 20.0}]
    assert figure_to_csv(fig, "").splitlines()[0].startswith("Data from")


def test_csv_of_every_figure_has_units_in_every_header():
    for name, fig in _every_figure():
        tables = _read_tables(figure_to_csv(fig, LINK))
        assert tables, name
        for table in tables:
            for column in table.columns:
                # Numbers carry their unit (a year is its own); a column of labels (model names, laws) needs none.
                assert ("(" in column or column.startswith("year")
                        or not pd.api.types.is_numeric_dtype(table[column])), (name, column)


def test_csv_of_requirements_has_each_band_edge():
    result = bio_anchors.CHAIN.run({})
    (table,) = _read_tables(figure_to_csv(requirements_figure(result), LINK))
    assert len(table) == len(result.series_years)
    lo, mid, hi = (table[f"Lifetime: {q} requirement (FLOP)"] for q in ("10th percentile", "median", "90th percentile"))
    assert (lo <= mid).all() and (mid <= hi).all()
    np.testing.assert_allclose(np.log10(mid), result.requirement_bands["life"][1], rtol=1e-5)


def test_isoflop_csv_keeps_each_budget_on_its_own_grid():
    result = loss.CHAIN.run({"compute": 3.3e24})
    tables = figure_tables(isoflop_figure(result))
    curves = [t for t in tables if t.columns[0] == "parameters N (count)" and len(t) == 200]
    assert len(curves) == len(result.iso_curves)
    assert any("Your budget (3.3e24 FLOP)" in t.columns[1] for t in curves)


@pytest.mark.parametrize(("name", "fig"), _every_figure(), ids=[n for n, _ in _every_figure()])
def test_what_streamlit_is_sent_is_what_plotly_would_send(name, fig):
    import json

    import plotly.io
    import plotly.tools

    sent = plotly.tools.return_figure_from_figure_or_data(fig.sendable(), validate_figure=True)
    plotly_own = json.loads(plotly.io.to_json(fig.plotly.to_dict()))
    # plotly.py fills an empty template with its default one (most of a small figure's JSON);
    # the browser is sent none, and lib/core/charts/look.py sets every style itself.
    plotly_own["layout"]["template"] = {"layout": {}}
    plotly_own["layout"].setdefault("annotations", [])
    assert json.loads(plotly.io.to_json(sent, validate=False)) == plotly_own
    arrays = [i for i, t in enumerate(fig.spec["data"]) if isinstance(t.get("y"), np.ndarray) and t["y"].dtype.kind == "f"]
    assert arrays  # every chart plots at least one float array: sent binary, and the spec itself left as it was
    assert all("bdata" in sent["data"][i]["y"] and isinstance(fig.spec["data"][i]["y"], np.ndarray) for i in arrays)


@pytest.mark.parametrize(("lo", "hi"), [(2020, 2024.6), (2020, 2031.2), (2020, 2100), (2019.7, 2020.9)])
def test_year_axes_tick_whole_years_only(lo, hi):
    from lib.core.charts.look import year_axis

    spec = year_axis(lo, hi)
    assert spec["tickformat"] == "d" and spec["range"] == [lo, hi]
    ticks = spec.get("tickvals")
    if hi - lo > 13:
        assert ticks is None  # Plotly's own steps over decades are whole years already
    else:
        assert ticks and len(ticks) <= 7 and all(lo <= t <= hi and isinstance(t, int) for t in ticks)


@pytest.mark.parametrize("human", [0.05, 0.3])
def test_a_human_level_off_the_loss_chart_is_labelled_on_it(human):
    fig = loss_figure(loss.CHAIN.run({"human": human}))
    (label,) = [a for a in fig.spec["layout"]["annotations"] if str(a["text"]).startswith("human level")]
    assert label["text"].endswith("(off the chart)")
    assert math.log10(Y_LOSS[0]) <= label["y"] <= math.log10(Y_LOSS[1])


# ---- 8. text a person can read: WCAG contrast --------------------------------------------------------------

def test_contrast_ratios_match_the_ones_axe_reports():
    # axe-core's numbers for the captions and the chart labels it flagged (issue 28), and the fix.
    assert contrast("#828180") == pytest.approx(3.88, abs=0.01)
    assert contrast("#E69F00") == pytest.approx(2.25, abs=0.01)
    assert contrast("#666666") == pytest.approx(5.74, abs=0.01)
    assert contrast("#ffffff", "#D55E00") == pytest.approx(3.87, abs=0.01)


def test_readable_darkens_a_pale_hue_just_enough_and_leaves_dark_ones():
    for pale in ("#E69F00", "#56B4E9", "#CC79A7", "#009E73", "#999933"):
        dark = readable(pale)
        assert 4.5 <= contrast(dark) < 4.9, pale  # just enough, not black
        factors = [d / p for p, d in zip(rgb(pale), rgb(dark)) if p > 40]  # each channel scaled alike: same hue
        assert max(factors) - min(factors) < 0.03, (pale, dark)
    assert readable("#0072B2") == "#0072B2"
    assert readable("#444") == "#444"
    assert text_on("#D55E00") == "#000000" and text_on("#0072B2") == "#ffffff"


@pytest.mark.parametrize(("name", "fig"), _every_figure(), ids=[n for n, _ in _every_figure()])
def test_every_text_in_a_chart_reads_on_white(name, fig):
    colors = [a.font.color for a in fig.layout.annotations if a.font and a.font.color]
    for t in fig.data:
        font = getattr(t, "textfont", None)
        if font is not None and font.color is not None:
            colors += list(font.color) if isinstance(font.color, (list, tuple)) else [font.color]
    assert [c for c in colors if contrast(c) < 4.5] == [], name


@pytest.mark.parametrize(("name", "fig"), _every_figure(), ids=[n for n, _ in _every_figure()])
def test_a_legend_has_the_same_rows_on_every_screen_so_no_blank_strip_under_it(name, fig):
    names = _legend(fig)
    if not names or fig.layout.showlegend is False:
        return
    legend = fig.layout.legend
    assert legend.entrywidthmode == "fraction", name
    columns = round(1 / legend.entrywidth)
    m = fig.layout.margin
    phone = min(SCREENS.values()) - m.l - m.r
    if columns > 1:  # several columns only where the widest entry fits one on a phone
        assert max(text_size(n, LEGEND_SIZE)[0] for n in names) + 46 <= phone / columns, name
    # The rows the bottom margin holds are the rows it has everywhere: the phone's.
    assert legend_height(names, phone) == pytest.approx(math.ceil(len(names) / columns) * 22 + 10), name


@pytest.mark.parametrize(("name", "fig"), _every_figure(), ids=[n for n, _ in _every_figure()])
def test_every_chart_has_a_sentence_naming_its_axes_and_series(name, fig):
    sentence = describe(fig.spec)
    assert sentence.startswith("Chart of ") and sentence.endswith("."), sentence
    assert _plain(fig.layout.xaxis.title.text) in sentence and _plain(fig.layout.yaxis.title.text) in sentence
    shown = _legend(fig)
    for entry in shown[:6]:
        assert _plain(entry) in sentence, (name, entry)
    if len(set(shown)) > 6:
        assert f"{len(set(shown)) - 6} more" in sentence
    assert "<" not in sentence  # no markup read aloud


def test_a_bar_chart_is_described_by_its_bars():
    chart = Chart()
    chart.add(type="bar", orientation="h", y=["<b>A</b><br>Jan 2041", "Budget"], x=[1, 2])
    fig = chart.figure(xaxis={"title": {"text": "year"}})
    assert describe(fig.spec) == "Bar chart of year, one bar each for A Jan 2041 and Budget."


def _plain(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())
