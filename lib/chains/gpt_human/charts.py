"""Chart builders for the GPT-human page: model results in, Plotly figures out."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from lib.chains.gpt_human.derivation import Money
from lib.chains.gpt_human.model import HORIZON_YEAR, GptHumanResult, GptHumanSeries, series
from lib.core import units
from lib.core.charts.labels import Box, frames, place_labels, text_size
from lib.core.charts.look import COLORS, Chart, Figure, axis, log_axis, loss_axis, year_axis
from lib.core.charts.overlay import Line, Overlay
from lib.core.frontier import SCALE

# Reference budgets: hues and dashes far apart (not three greys), none of them the cost line's
# orange or "your budget"'s black.
BUDGET_STYLES = [("#0072B2", "dash"), ("#009E73", "dot"), ("#CC79A7", "dashdot"), ("#56B4E9", "longdash"),
                 ("#8c564b", "dash"), ("#7f7f7f", "dot"), ("#bcbd22", "longdashdot")]
HEIGHT = 480
COST_HEIGHT = 540  # its legend lists the reference budgets: more rows on a phone
# How far the time charts run past the crossing: this many orders of magnitude of compute (or of
# cost) beyond it, and no further, so the crossing is not squeezed into a corner by decades of
# doublings nobody asked about.
OOM_PAST = 3.0


def _months(years: np.ndarray) -> list[str]:
    return [units.month(float(y)) for y in years]


def _window(years: np.ndarray, log_values: np.ndarray, limit: float, crossing: float | None) -> list[float]:
    """The x range: from the first year to where the (monotone) series passes ``limit``, past the crossing."""
    start, end = float(years[0]), float(years[-1])
    rising = log_values[-1] >= log_values[0]
    beyond = np.flatnonzero(log_values >= limit) if rising else np.flatnonzero(log_values <= limit)
    if len(beyond):
        end = float(years[beyond[0]])
    if crossing is not None:
        end = max(end, min(crossing + 1.0, float(years[-1])))
    return [start, max(end, start + 1.0)]


def _line_label(chart: Chart, text: str, ends: list[tuple[float, float]], screens: list, lines: list,
                avoid: list[Box], color: str) -> None:
    """A horizontal line's label near one of its ``ends`` (axis units), clear of the other lines if possible."""
    spots = [(end, place_labels([end], [text], screens, marker=0, lines=lines, avoid=avoid, lines_hard=True)[0])
             for end in ends]
    (end, off), *_ = [s for s in spots if s[1] is not None] or [(ends[0], place_labels(
        [ends[0]], [text], screens, marker=0, lines=lines, avoid=avoid)[0] or (0.0, 14.0))]
    chart.callout(*end, f"<b>{text}</b>", off, marker=0, color=color, background=True)
    avoid.append(Box.around(*end, *text_size(text), *off))


def _crossing(chart: Chart, year: float | None, y: float, text: str, screens: list, log_y: float,
              lines: list, avoid: list[Box]) -> None:
    """The star where a curve meets its line, labelled with the month, placed clear of the lines."""
    if year is None or year > HORIZON_YEAR:
        return
    label = f"{text}: {units.month(year)}"
    # Labelled where it is drawn, so it needs no legend entry (the legend must stay short on a phone).
    chart.add(x=[year], y=[y], mode="markers", name=text, text=[label], showlegend=False,
              hovertemplate=f"{label}<extra></extra>",
              marker={"size": 14, "color": "#D55E00", "symbol": "star", "line": {"color": "black", "width": 1}})
    over: list[bool] = []
    (off,) = place_labels([(year, log_y)], [label], screens, marker=16, lines=lines, avoid=avoid, on_lines=over)
    chart.callout(year, log_y, f"<b>{label}</b>", off or (0.0, 18.0), marker=16, color="#222", background=over[0])


def cost_figure(series: GptHumanSeries, result: GptHumanResult, money: Money, budget: float,
                bands: tuple[np.ndarray, Mapping[float, np.ndarray]] | None = None) -> Figure:
    """Cost of a GPT-human over time (log dollars) against budget lines, crossing marked.

    The reference budgets are drawn first, thin and dashed; your budget last, thicker, black and
    labelled. A reference equal to your budget ($1B is both by default) would be hidden under it and
    still be listed in the legend, so it is left out, and your budget's name says which one it is
    when the reference has a name of its own (the Manhattan Project).
    """
    dollar_factor, dollar_label, budgets = money.factor, money.label, money.budgets
    chart = Chart()
    years = series.cost_years
    cost = series.cost_usd * dollar_factor
    x = [float(years[0]), float(years[-1])] if years.size else [0.0, 1.0]
    mine = budget * dollar_factor
    same_as_mine: list[str] = []
    for b, (color, dash) in zip(budgets, BUDGET_STYLES):
        amount = units.usd(b.usd * dollar_factor)
        # "$1 billion", not "$1 billion ($1B)"; the amount stays where it says something the label does not.
        plain = b.label.startswith("$") and amount == units.usd(b.usd)
        if abs(np.log10(b.usd * dollar_factor / mine)) < 0.005:  # within 1.2%: one line on the chart
            if not plain:
                same_as_mine.append(b.label)
            continue
        name = b.label if plain else f"{b.label} ({amount})"
        chart.line(x, [b.usd * dollar_factor] * 2, name, color,
                   width=2, dash=dash, hover=f"{b.label}: {units.usd(b.usd * dollar_factor)}<extra></extra>")
    if years.size and bands is not None:  # draws' cost at some of these years, in start-year dollars
        band_years, q = bands
        chart.quantile_bands(band_years, {k: b * dollar_factor for k, b in q.items()}, COLORS["gpt3"],
                             "Cost of a GPT-human")
    if years.size:
        chart.line(years, cost, "Cost of a GPT-human", COLORS["gpt3"], width=4, legendrank=1,
                   hovertext=np.array([f"{m}: {units.usd(v)}" for m, v in zip(_months(years), cost)]),
                   hover=f"%{{hovertext}} ({dollar_label})<extra></extra>")
    also = "".join(f" = {label}" for label in same_as_mine)
    chart.line(x, [mine] * 2, f"Your budget ({units.usd(mine)}{also})", "black", width=3.5, legendrank=2,
               hover=f"your budget {units.usd(mine)}<extra></extra>")

    flat = [mine] + [b.usd * dollar_factor for b in budgets]
    values = flat + ([float(cost[0])] if years.size else [])
    lo = np.log10(min(values)) - OOM_PAST
    hi = np.log10(max(values)) + 0.5
    xr = _window(years, np.log10(cost), lo, result.year_affordable) if years.size else x
    screens = frames((xr[0], xr[1]), (lo, hi), COST_HEIGHT, chart.legend_names())
    lines = [(years, np.log10(cost))] if years.size else []
    lines += [(np.array(xr), np.log10([v, v])) for v in flat]
    avoid: list[Box] = []
    if result.year_affordable is not None and result.year_affordable <= HORIZON_YEAR:
        avoid.append(Box.around(result.year_affordable, float(np.log10(mine)), 18, 18))  # the star
    mine_y = float(np.log10(mine))
    _line_label(chart, f"your budget {units.usd(mine)}", [(xr[0], mine_y), (xr[1], mine_y)], screens, lines, avoid,
                "black")
    _crossing(chart, result.year_affordable, mine, "Affordable", screens, mine_y, lines, avoid)
    return chart.figure(height=COST_HEIGHT, xaxis=year_axis(*xr),
                        yaxis=log_axis(f"cost (US$, {dollar_label})") | {"range": [lo, hi]},
                        csv={"x": "year (decimal)", "y": f"US dollars ({dollar_label})"})


def compute_figure(series: GptHumanSeries, result: GptHumanResult, runs: pd.DataFrame | None = None,
                   essay_flop: np.ndarray | None = None) -> Figure:
    """Largest training run over time against the compute a GPT-human needs.

    ``runs``: real record-setting runs (lib/data/trends/model.py, ``records_since``: model, publication_date,
    year, compute), drawn as points; ``essay_flop``: the essay's trend on ``series.frontier_years``,
    drawn when the user's differs. The view ends :data:`OOM_PAST` orders of magnitude above the
    compute needed (the series itself, and the CSV, run on to the model's horizon).
    """
    chart = Chart()
    years, flop = series.frontier_years, series.frontier_flop
    chart.line(years, flop, "Largest training run (doubling trend)", COLORS["kaplan"], width=4,
               hovertext=np.array([f"{m}: {units.sci(v, 3)} FLOP" for m, v in zip(_months(years), flop)]),
               hover="%{hovertext}<extra></extra>")
    if essay_flop is not None:
        chart.line(years, essay_flop, "The essay's 3.4-month trend", "#888888", width=2, dash="dash",
                   hover="essay's trend<br>%{x:.1f}: %{y:.2e} FLOP<extra></extra>")
    if runs is not None and len(runs):
        chart.add(x=runs["year"].to_numpy(), y=runs["compute"].to_numpy(), mode="markers",
                  name="Largest real runs (Epoch AI)", meta={"csv": False},
                  marker={"size": 9, "color": COLORS["models"], "symbol": "diamond"},
                  text=[f"<b>{m}</b><br>{d}<br>{units.sci(c, 3)} FLOP" for m, d, c in
                        zip(runs["model"], runs["publication_date"], runs["compute"])],
                  hovertemplate="%{text}<extra></extra>")
        last = runs.iloc[-1]
        # Below and right of its diamond: the line runs above the real runs, and their own diamonds to the left.
        chart.label(float(last["year"]), float(last["compute"]), str(last["model"]), log_y=True,
                    position="bottom right", xshift=6, yshift=-12, font={"size": 12, "color": COLORS["models"]})
    log_flop = np.log10(flop)
    if result.compute_flop is None:
        return chart.figure(height=HEIGHT, xaxis=axis("year"), yaxis=log_axis("training compute (FLOP)"),
                            csv={"x": "year (decimal)", "y": "training compute (FLOP)"})
    need = float(np.log10(result.compute_flop))
    x = [float(years[0]), float(years[-1])]
    chart.line(x, [result.compute_flop] * 2, "Compute a GPT-human needs", COLORS["human"], width=2.5, dash="dot",
               hover=f"needed: {units.sci(result.compute_flop, 3)} FLOP<extra></extra>")
    lo = min(need, float(log_flop[0])) - 1.0
    hi = max(need, float(log_flop[0])) + OOM_PAST
    xr = _window(years, log_flop, hi, result.year_compute_reached)
    screens = frames((xr[0], xr[1]), (lo, hi), HEIGHT, chart.legend_names())
    lines = [(years, log_flop), (np.array(xr), np.array([need, need]))]
    avoid: list[Box] = []
    if result.year_compute_reached is not None and result.year_compute_reached <= HORIZON_YEAR:
        avoid.append(Box.around(result.year_compute_reached, need, 18, 18))  # the star
    _line_label(chart, f"needed: {units.sci(result.compute_flop, 3)} FLOP", [(xr[0], need), (xr[1], need)], screens,
                lines, avoid, COLORS["human"])
    _crossing(chart, result.year_compute_reached, result.compute_flop, "Compute reached", screens, need, lines, avoid)
    return chart.figure(height=HEIGHT, xaxis=year_axis(*xr),
                        yaxis=log_axis("training compute (FLOP)") | {"range": [lo, hi]},
                        csv={"x": "year (decimal)", "y": "training compute (FLOP)"})


def loss_curve_figure(series: GptHumanSeries, result: GptHumanResult, law: str = "gpt3") -> Figure:
    """The chosen law's loss from GPT-2 through GPT-3 and a 1000x 'GPT-4' down to the human line.

    In the law's colour (as on the Loss page) and on its dataset's scale, which the y axis names;
    a law with its own irreducible loss E draws it, since the target can never go below it.
    """
    chart = Chart()
    chart.line(series.loss_flop, series.loss, series.fit_label, COLORS[law], width=4,
               hovertext=np.array([f"{units.sci(c, 3)} FLOP" for c in series.loss_flop]),
               hover="%{hovertext}<br>loss %{y:.3f}<extra></extra>")
    xs = [float(series.loss_flop[0]), float(series.loss_flop[-1])]
    chart.line(xs, [result.target_loss] * 2, f"Human-level target ({result.target_loss:.3g})", COLORS["human"],
               width=2.5, dash="dot", hover="target %{y:.3f}<extra></extra>")
    flat = [result.target_loss]
    bound = max(result.floor, result.irreducible)
    if bound > 0:
        which = "the law's E" if result.irreducible >= result.floor else "your floor"
        chart.line(xs, [bound] * 2, f"Irreducible loss ({bound:.3g}, {which})", "#999", width=2, dash="dash",
                   hover="floor %{y:.3f}<extra></extra>")
        flat.append(bound)
    names, flops, losses = zip(*series.landmarks)
    chart.add(x=np.array(flops), y=np.array(losses), mode="markers", name="Landmarks", text=list(names),
              marker={"size": 11, "color": COLORS["models"], "symbol": "diamond"},
              customdata=[units.sci(c, 3) for c in flops],
              hovertemplate="%{text}<br>%{customdata} FLOP<br>loss %{y:.3f}<extra></extra>")
    ys = np.concatenate([series.loss, flat])
    xr = (float(np.log10(xs[0])), float(np.log10(xs[1])))
    yr = (float(np.log10(ys.min() * 0.9)), float(np.log10(ys.max() * 1.3)))
    screens = frames(xr, yr, HEIGHT, chart.legend_names())
    pts = [(float(np.log10(c)), float(np.log10(v))) for c, v in zip(flops, losses)]
    lines = [(np.log10(series.loss_flop[::5]), np.log10(series.loss[::5]))]
    lines += [(np.array(xr), np.log10([v, v])) for v in flat]
    over: list[bool] = []
    offsets = place_labels(pts, list(names), screens, marker=11, lines=lines, on_lines=over)
    for (px, py), text, off, boxed in zip(pts, names, offsets, over):
        if off is not None:
            chart.callout(px, py, text, off, background=boxed)
    return chart.figure(height=HEIGHT, xaxis=log_axis("training compute (FLOP)") | {"range": list(xr)},
                        yaxis=loss_axis(f"loss (nats/token, {SCALE[law]})") | {"range": list(yr)},
                        csv={"x": "compute (FLOP)", "y": "loss (nats/token)"})


def overlay(values: Mapping[str, object], result: GptHumanResult) -> Overlay:
    """The cost of a GPT-human over the years against the budget, for a comparison (start-year dollars)."""
    curves = series(values, result)
    start = float(values["start"])  # type: ignore[arg-type]
    lines = []
    if curves.cost_years.size:
        lines.append(Line("cost", "cost", curves.cost_years, curves.cost_usd, COLORS["gpt3"], width=4.0))
        end = float(curves.cost_years[-1])
    else:
        end = start + 1.0
    lines.append(Line("budget", "budget", np.array([start, end]), np.array([float(values["budget"])] * 2),  # type: ignore[arg-type]
                      "black"))
    return Overlay("Cost of a GPT-human by year", tuple(lines), "year", "cost (US$, start-year prices)",
                   x_scale="year", y_scale="log")
