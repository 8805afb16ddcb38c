"""Chart builders for the Loss-extrapolation page: result in, Plotly figure out."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import numpy as np

from lib.chains.loss.model import COMPUTE_RANGE, LossResult
from lib.core import units
from lib.core.charts.labels import Box, frames, nested_sizes, place_labels, text_size
from lib.core.charts.look import COLORS, LABEL_BG, Chart, Figure, axis, log_axis, loss_axis
from lib.core.charts.overlay import Line, Overlay
from lib.core.units import format_number

X_RANGE = COMPUTE_RANGE
Y_RANGE = (0.4, 6.0)
ALLOC_RANGE = (1e6, 1e19)
LOSS_HEIGHT = 620
# Draw order and line style per curve. Kaplan's L(C_min), the GPT-3 fit and the strong scenario
# (the GPT-3 fit down to its floor) nearly coincide: the fit is drawn wide underneath, Kaplan thin
# on top of it, the strong scenario as dots over both, so all three stay visible where they meet.
STYLE = {"gpt3": (7.0, "solid"), "hoffmann": (3.0, "solid"), "besiroglu": (3.0, "solid"),
         "kaplan": (2.5, "solid"), "weak": (3.0, "dash"), "strong": (3.5, "dot")}
DRAW_ORDER = ("gpt3", "hoffmann", "besiroglu", "kaplan", "weak", "strong")
LABEL_SIZE_SMALL = 12
PF_DAY_ROW = -27  # px from the plot's bottom edge to the PF-day labels, under the FLOP tick labels
LOSS_MARGIN_B = 84  # room under the plot for two rows of tick labels and the axis title


@lru_cache(maxsize=8)
def _flop_text(grid: tuple[float, ...]) -> np.ndarray:
    # A fixed-width string array: Plotly deep-copies a figure's data, and a list of strings one by one.
    return np.array([f"{units.sci(c, 3)} FLOP" for c in grid])


def _pf_days(chart: Chart) -> dict[str, object]:
    """The FLOP axis, and under its tick labels a grey row of PF-day decades at their FLOP positions.

    PF-day decades (1 PF-day = 8.64e19 FLOP) sit 0.06 decades left of the FLOP decades, so they
    get their own short tick marks and labels. Every second decade: the row is drawn the same on
    a phone and a desktop, and every decade would not fit a phone. Annotations, not a second
    axis: the browser redraws this chart on every budget move and a second axis cost ~20 ms.
    """
    lo, hi = (np.log10(v / units.PF_DAY_FLOP) for v in X_RANGE)
    # Not within a label's half-width of the right edge, where a phone would cut it (10^12 sits 0.06 decades in).
    decades = [k for k in range(int(np.ceil(lo)), int(np.floor(hi)) + 1) if k % 2 == 0 and hi - k > 0.3]
    for k in decades:
        text = {0: "1", 1: "10", 2: "100"}.get(k, f"10<sup>{k}</sup>")
        chart.annotations.append({"x": float(np.log10(units.PF_DAY_FLOP) + k), "y": 0, "yref": "paper",
                                  "yanchor": "top", "yshift": PF_DAY_ROW, "text": text, "showarrow": False,
                                  "font": {"size": 11, "color": "#777"}, "name": "pf-days"})
    chart.annotations.append({"x": 0, "xref": "paper", "xanchor": "right", "xshift": -6, "y": 0, "yref": "paper",
                              "yanchor": "top", "yshift": PF_DAY_ROW, "text": "PF-days", "showarrow": False,
                              "font": {"size": 11, "color": "#777"}, "name": "pf-days"})
    # Short tick marks across the axis line at the PF-day decades (a marker trace, drawn unclipped).
    chart.add(x=[units.PF_DAY_FLOP * 10.0**k for k in decades], y=[Y_RANGE[0]] * len(decades), mode="markers",
              marker={"symbol": "line-ns-open", "size": 9, "color": "#888", "line": {"width": 1.5}},
              cliponaxis=False, hoverinfo="skip", showlegend=False)
    return log_axis("training FLOP (grey: PF-days)", *X_RANGE) | {
        "ticklabelstandoff": 2, "title": {"text": "training FLOP (grey: PF-days)", "standoff": 22}}


def loss_figure(result: LossResult,
                bands: Mapping[str, tuple[np.ndarray, Mapping[float, np.ndarray]]] | None = None) -> Figure:
    """Loss versus training compute: each law, the two scenarios, human line, budget, notable models.

    ``bands`` (law key -> (compute, quantiles over draws)) shade the uncertainty view's spread around each law.
    """
    chart = Chart()
    for key, (x, q) in (bands or {}).items():
        if key in result.curves:
            chart.quantile_bands(x, q, COLORS[key], result.end_names[key])
    lx = np.log10(result.grid)
    curves: dict[str, tuple[str, np.ndarray, str]] = {
        key: (result.law_labels[key], y, COLORS[key]) for key, y in result.curves.items()}
    if result.strong is not None:
        curves["strong"] = ("Strong-capabilities scenario", result.strong, COLORS["strong"])
    if result.weak is not None:
        curves["weak"] = ("Weak-capabilities scenario", result.weak, COLORS["weak"])
    flop_text = _flop_text(tuple(float(c) for c in result.grid))

    p = result.points
    for label, flop in p.compute_only:
        # No N or D: only the compute is known, so mark it on the axis and nowhere else.
        chart.vline(flop, Y_RANGE, "#999", dash="dot", width=1)
    # Directly labelled on the chart, so kept out of the legend (which must stay short on a phone).
    chart.line(list(X_RANGE), [result.human_loss] * 2, f"Human level ({result.human_loss:.2f}, GPT-3 fit's scale)",
               COLORS["human"], width=2, dash="dot", hover="human-level loss %{y:.2f}<extra></extra>",
               showlegend=False)
    for key in DRAW_ORDER:
        if key in curves:
            name, y, color = curves[key]
            width, dash = STYLE[key]
            chart.line(result.grid, y, name, color, width=width, dash=dash, hovertext=flop_text,
                       hover=f"{name}<br>%{{hovertext}}<br>loss %{{y:.3f}}<extra></extra>")
    chart.vline(result.compute_flop, Y_RANGE, COLORS["budget"])

    # No legend: every curve is named at its right-hand end, and the caption gives the line styles.
    screens = frames(tuple(np.log10(X_RANGE)), tuple(np.log10(Y_RANGE)), LOSS_HEIGHT, margin={"b": LOSS_MARGIN_B})
    avoid = _budget(chart, result, screens)
    # Every 7th point: these curves are smooth, and the placer fills in between.
    lines = [(lx[::7], np.log10(np.clip(y, *Y_RANGE))[::7]) for _, y, _ in curves.values()]
    lines.append((np.array(np.log10(X_RANGE)), np.log10([result.human_loss] * 2)))
    _labels(chart, result, curves, screens, avoid, lines)
    return chart.figure(height=LOSS_HEIGHT, xaxis=_pf_days(chart) | {"mirror": True}, margin={"b": LOSS_MARGIN_B}, showlegend=False,
                        yaxis=loss_axis("loss (nats/token, per law's dataset)", *Y_RANGE) | {"mirror": True},
                        csv={"x": "compute (FLOP)", "y": "loss (nats/token)"})


def _budget(chart: Chart, result: LossResult, screens: list) -> list[Box]:
    """The budget line's label, and one marker per law where the budget meets it; returns their boxes."""
    c, lc = result.compute_flop, float(np.log10(result.compute_flop))
    text = f"budget {units.sci(c, 3)}"
    w, h = text_size(text)
    # Right of the line, unless that runs off the narrowest plot: then left of it.
    narrow = min(screens, key=lambda f: f.width)
    right = float(narrow.px(lc, 0)[0]) + 4 + w <= narrow.width
    chart.annotations.append({"x": lc, "y": 1, "yref": "paper", "xanchor": "left" if right else "right",
                              "yanchor": "top", "xshift": 4 if right else -4, "yshift": -2, "text": text,
                              "showarrow": False, "bgcolor": LABEL_BG, "font": {"size": 13, "color": "#222"},
                              "name": "placed"})
    top = float(np.log10(Y_RANGE[1]))
    boxes = [Box(lc, top, 4, -2 - h, 4 + w, -2) if right else Box(lc, top, -4 - w, -2 - h, -4, -2)]
    keys = list(result.curves)
    losses = [result.loss_at_budget[k] for k in keys]
    phone = min(screens, key=lambda f: f.height)
    sizes = nested_sizes([float(phone.px(lc, np.log10(v))[1]) for v in losses])
    order = sorted(range(len(keys)), key=lambda i: -sizes[i])  # biggest first, so the smaller ones show on top
    chart.add(x=[c] * len(keys), y=[losses[i] for i in order], mode="markers", name="At your budget",
              text=[result.law_labels[keys[i]] for i in order], customdata=[units.sci(c, 3)] * len(keys),
              marker={"size": [sizes[i] for i in order], "color": [COLORS[keys[i]] for i in order],
                      "line": {"color": "white", "width": 1.5}, "opacity": 1}, showlegend=False,
              hovertemplate="%{text}<br>%{customdata} FLOP<br>loss %{y:.3f}<extra></extra>")
    boxes += [Box.around(lc, float(np.log10(v)), s + 2, s + 2) for v, s in zip(losses, sizes)]
    return boxes


def _labels(chart: Chart, result: LossResult, curves: dict, screens: list, avoid: list[Box], lines: list) -> None:
    """Direct labels: curve names at their right-hand ends, the human line, compute-only and notable models.

    Placed by :func:`lib.core.charts.labels.place_labels`, so none overlaps another on a phone or a desktop;
    a notable model without room keeps its name in the hover.
    """
    right = float(np.log10(X_RANGE[1]))
    # Curve ends first: stacked up the right-hand edge, nudged apart where curves end close together.
    phone = min(screens, key=lambda f: f.height)
    avoid += chart.end_labels(right, [(float(np.log10(np.clip(y[-1], *Y_RANGE))), result.end_names[key], color)
                                      for key, (_, y, color) in curves.items()], phone)
    # Kept on the chart when the human line is off it (the shared range runs to 0.05 and 5 nats).
    human = float(np.log10(np.clip(result.human_loss, Y_RANGE[0] * 1.02, Y_RANGE[1] / 1.1)))
    off = not Y_RANGE[0] <= result.human_loss <= Y_RANGE[1]
    text = f"human level {result.human_loss:.2f}" + (" (off the chart)" if off else "")
    w, hh = text_size(text)
    chart.annotations.append({"x": float(np.log10(X_RANGE[0])), "y": human, "xanchor": "left", "yanchor": "bottom",
                              "xshift": 3, "yshift": 2, "text": text, "showarrow": False, "bgcolor": LABEL_BG,
                              "font": {"size": LABEL_SIZE_SMALL, "color": COLORS["human"]}, "name": "placed"})
    avoid.append(Box(float(np.log10(X_RANGE[0])), human, 3, 2, 3 + w, 2 + hh))

    p = result.points
    bottom = float(np.log10(Y_RANGE[0])) + 0.04 * np.log10(Y_RANGE[1] / Y_RANGE[0])
    # Compute-only models first (their dotted lines mean nothing unlabelled), then the diamonds.
    pts = [(float(np.log10(flop)), bottom) for _, flop in p.compute_only]
    texts = [f"{label}<br>(compute only)" for label, _ in p.compute_only]
    markers = [0.0] * len(pts)
    if p.others_label:
        # Epoch AI's other language models: small, unlabelled, named on hover, under the labelled diamonds.
        chart.add(x=p.others_compute, y=p.others_loss, mode="markers", name="Other language models (Epoch AI)",
                  text=list(p.others_label), showlegend=False, meta={"csv": False},
                  marker={"size": 5, "color": "rgba(120,120,120,0.45)", "line": {"width": 0}},
                  hovertemplate="%{text}<br>%{x:.2e} FLOP<br>predicted loss %{y:.3f}<extra></extra>")
    if p.label:
        hover = [f"{label}<br>{units.sci(c, 3)} FLOP ({conf})<br>{units.short(n)} params, "
                 f"{units.short(d)} tokens<br>predicted loss {loss:.3f}"
                 for label, c, conf, n, d, loss in zip(p.label, p.compute_flop, p.confidence, p.params, p.tokens, p.loss)]
        chart.add(x=p.compute_flop, y=p.loss, mode="markers", name="Notable models (loss predicted from N, D)",
                  text=list(p.label), marker={"symbol": "diamond", "size": 10, "color": COLORS["models"]}, showlegend=False,
                  hovertext=hover, hovertemplate="%{hovertext}<extra></extra>")
        pts += [(float(np.log10(c)), float(np.log10(v))) for c, v in zip(p.compute_flop, p.loss)]
        texts += list(p.label)
        markers += [11.0] * len(p.label)
    over: list[bool] = []
    offsets = place_labels(pts, texts, screens, marker=markers, avoid=avoid, lines=lines, on_lines=over)
    for (x, y), text, size, off, boxed in zip(pts, texts, markers, offsets, over):
        if off is not None:
            chart.callout(x, y, text, off, color="#666" if size == 0 else "#333", marker=size, background=boxed)


def allocation_figure(result: LossResult) -> Figure:
    """Compute-optimal parameters (solid) and tokens (dashed) versus compute, per allocation rule.

    One legend entry per rule (clicking it hides both of its lines); the axis title says which
    line is which, so the legend stays shorter than the plot on a phone.
    """
    chart = Chart()
    flop_text = _flop_text(tuple(float(c) for c in result.grid))
    for key, (n, d) in result.allocation_curves.items():
        label = result.allocation_labels[key]
        chart.line(result.grid, n, label, COLORS[key], legendgroup=key, hovertext=flop_text,
                   meta={"column": f"{label}: parameters N (count)"},
                   hover=f"{label}<br>%{{hovertext}}<br>N %{{y:.3s}} parameters<extra></extra>")
        chart.line(result.grid, d, f"{label}: tokens", COLORS[key], width=2, dash="dash", legendgroup=key,
                   showlegend=False, hovertext=flop_text, meta={"column": f"{label}: tokens D (count)"},
                   hover=f"{label}<br>%{{hovertext}}<br>D %{{y:.3s}} tokens<extra></extra>")
    return chart.figure(height=560, xaxis=log_axis("training compute (FLOP)", *X_RANGE),
                        yaxis=log_axis("parameters (solid), tokens (dashed)", *ALLOC_RANGE, dtick=1),
                        csv={"x": "compute (FLOP)", "y": "count"})


ISO_SHADES = ["#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]
ISO_HEIGHT = 500


def isoflop_figure(result: LossResult) -> Figure:
    """Loss versus model size at fixed compute budgets, each valley's minimum marked and labelled.

    The user's budget (the curve within 5% of ``result.compute_flop``) is drawn black and on top.
    Notable models trained within 20% of one of the budgets are drawn at their own N and D, so
    Gopher and Chinchilla appear on the 5.76e23 curve. No legend: each curve's budget is written
    at its minimum, and the page's caption gives the symbols.
    """
    chart = Chart()
    budgets = sorted(result.iso_curves)
    c = result.compute_flop
    yours = min(budgets, key=lambda b: abs(np.log(b / c)))
    yours = yours if abs(yours / c - 1) < 0.05 else None
    others = [b for b in budgets if b != yours]
    colors = dict(zip(others, ISO_SHADES[-len(others):] if others else []))
    for budget in others:
        _iso_line(chart, result, budget, f"{format_number(budget)} FLOP", colors[budget], 2.5)
    if yours is not None:
        colors[yours] = "black"
        _iso_line(chart, result, yours, f"Your budget ({format_number(yours)} FLOP)", "black", 4.5)
    mins = [result.iso_minimum[b] for b in budgets]
    chart.add(x=[m[0] for m in mins], y=[m[1] for m in mins], mode="markers", name="Minimum (optimal N)",
              marker={"size": 11, "color": "#D55E00", "symbol": "x"}, customdata=[units.short(m[0]) for m in mins],
              text=[f"{format_number(b)} FLOP" for b in budgets],
              hovertemplate="%{text}: optimal N %{customdata}<br>loss %{y:.3f}<extra></extra>")
    lows = [m[1] for m in mins]
    y_range = (min(lows) - 0.1, max(lows) + 0.6)
    n_all = np.concatenate([n for n, _ in result.iso_curves.values()])
    x_range = (float(np.log10(n_all.min())), float(np.log10(n_all.max())))
    screens = frames(x_range, y_range, ISO_HEIGHT)
    lines = [(np.log10(n[::10]), loss[::10]) for n, loss in result.iso_curves.values()]
    avoid = [Box.around(float(np.log10(m[0])), m[1], 12, 12) for m in mins]
    # Each budget under its minimum, where its own curve is not; the user's first, so it is never crowded out.
    order = sorted(range(len(budgets)), key=lambda i: budgets[i] != yours)
    pts = [(float(np.log10(mins[i][0])), float(mins[i][1])) for i in order]
    texts = [("your budget " if budgets[i] == yours else "") + format_number(budgets[i]) for i in order]
    offsets = place_labels(pts, texts, screens, marker=12, avoid=avoid, lines=lines, rings=4)
    for (x, y), text, off, i in zip(pts, texts, offsets, order):
        if off is not None:
            chart.callout(x, y, f"<b>{text}</b>", off, color=colors[budgets[i]], background=True)
            avoid.append(Box.around(x, y, *text_size(text), *off))
    p = result.points
    near = [i for i, cf in enumerate(p.compute_flop) if np.any(np.abs(cf / np.array(budgets) - 1) < 0.2)]
    if near:
        labels = [p.label[i] for i in near]
        chart.add(x=p.params[near], y=p.loss[near], mode="markers", name="Models near a budget (own N, D)",
                  text=labels, marker={"symbol": "diamond", "size": 11, "color": COLORS["models"]},
                  customdata=[f"{units.short(p.params[i])} params, {units.sci(p.compute_flop[i], 3)} FLOP" for i in near],
                  hovertemplate="%{text}<br>%{customdata}<br>loss %{y:.3f}<extra></extra>")
        pts = [(float(np.log10(p.params[i])), float(p.loss[i])) for i in near]
        over: list[bool] = []
        offsets = place_labels(pts, labels, screens, marker=12, avoid=avoid, lines=lines, on_lines=over)
        for (x, y), text, off, boxed in zip(pts, labels, offsets, over):
            if off is not None:
                chart.callout(x, y, text, off, background=boxed)
    return chart.figure(height=ISO_HEIGHT, xaxis=log_axis("parameters N (D = C / 6N)") | {"range": list(x_range)},
                        yaxis=axis(f"loss (nats/token), {result.iso_law_label}", range=list(y_range)),
                        showlegend=False, csv={"x": "parameters N (count)", "y": "loss (nats/token)"})


def _iso_line(chart: Chart, result: LossResult, budget: float, name: str, color: str, width: float) -> None:
    n, loss = result.iso_curves[budget]
    chart.line(n, loss, name, color, width=width, hovertext=np.array([units.short(v) for v in n]),
               hover=f"{name}<br>N %{{hovertext}}<br>loss %{{y:.3f}}<extra></extra>",
               meta={"column": f"{name}: loss (nats/token)"})


def overlay(values: object, result: LossResult) -> Overlay:
    """The loss chart's lines (each law shown, each scenario on, the human line) for a comparison."""
    del values  # the result holds everything drawn
    lines = [Line(key, result.end_names[key], result.grid, y, COLORS[key]) for key, y in result.curves.items()]
    for key, y in (("strong", result.strong), ("weak", result.weak)):
        if y is not None:
            lines.append(Line(key, result.end_names[key], result.grid, y, COLORS[key]))
    lines.append(Line("human", "human level", np.array(X_RANGE), np.array([result.human_loss] * 2), COLORS["human"],
                      width=2.0))
    return Overlay("Loss against training compute", tuple(lines), "training compute (FLOP)",
                   "loss (nats/token, per law's dataset)", x_scale="log", y_scale="log", x_range=X_RANGE,
                   y_range=Y_RANGE)
