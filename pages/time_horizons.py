"""Time horizons: METR's task-length trend, extrapolated to a work-month and to AI 2027's superhuman coder."""

import pandas as pd
import streamlit as st

from lib import ui
from lib.chains import time_horizons
from lib.chains.time_horizons.charts import hours, since_figure, trend_figure
from lib.chains.time_horizons.model import METR_WORK_MONTH_2025, TimeHorizonsResult, headlines_and_curves
from lib.core import units
from lib.core.ranges import quantile_bands
from lib.data import files
from lib.tools.uncertainty.model import run_draws

ui.ensure_app_navigation()
chain = time_horizons.CHAIN

st.title(chain.title, anchor=False)
st.markdown(
    "METR measures how long a task, in an expert human's time, AI agents complete half the time (or 80%). That "
    "length has doubled every 4 to 7 months since 2019. Extend the line and you get a date for a work-week, a "
    "work-month, a work-year, and for the horizon AI 2027 says a superhuman coder needs; whether each doubling "
    "gets shorter (superexponential) or longer is the argument."
)


def draw(values: dict) -> None:
    result = chain.run(values)
    link = ui.view_link(chain.params, values)
    heads = result.headlines.row(0)
    draws = run_draws(chain, values, evaluate=headlines_and_curves) if values["samples"] else None
    bands = quantile_bands(draws.curves) if draws and draws.varies else None
    cols = st.columns(3)
    for col, key in zip([*cols, *st.columns(3)], [h.key for h in chain.headlines]):
        h = chain.headline(key)
        label = _at_label(result.at_year) if key == "horizon_at" else h.label
        col.metric(label, heads[key].brief(h), help=h.help or None)
    st.caption(f"{'50%' if result.metric == 'p50' else '80%'} success. " + _fit_sentence(result) + " "
               + _start_sentence(result) + " A time horizon is the length of task an agent completes, not how long "
               "it can work alone (METR).")
    fitted = heads["doubling_fit"].value
    if fitted is not None:
        months = chain.params["h_doubling"].snap(units.round_sig(fitted, 2))
        # Only where it would change something: the slider does not hold the fitted value yet.
        if chain.params["h_doubling"].snap(float(values["h_doubling"])) != months:
            ui.values_button(f"Use the fitted doubling time ({units.format_number(months)} months)", chain.params,
                             {"h_doubling": months}, key="_th_use_fit")
    views = {"Trend and extrapolation": lambda: _trend(result, link, bands),
             "What happened since": lambda: _since(result, link)}
    ui.chain_views("th_view", chain, values, draws, views)


def _at_label(year: float) -> str:
    # A whole year is the instant the one before ends: 2027.0 is "the end of 2026", not "Jan 2027".
    return f"Horizon at the end of {round(year) - 1}" if year == round(year) else f"Horizon at {units.month(year)}"


def _fit_sentence(r: TimeHorizonsResult) -> str:
    if not r.fit.count or r.fit.count < 2:
        return "Fewer than two state-of-the-art points in the window: no trend."
    lo, hi = r.doubling_ci_days
    return (f"Fit over {int(r.fit.count)} state-of-the-art points from {r.fit_window[0]:.4g} on (central estimates "
            f"above 16 h left out, as METR does): doubling every {r.fit.doubling_days:.1f} days (95% bootstrap over "
            f"models {lo:.0f} to {hi:.0f}; METR's own: 187.8 days all-time, 128.7 from 2023 on).")


def _start_sentence(r: TimeHorizonsResult) -> str:
    text = f"Start: {hours(r.start_minutes / 60)} in {units.month(r.start_year)}, {r.start_label}."
    if r.start_minutes > 16 * 60:
        text += " That is above 16 hours, where METR calls its measurements unreliable."
    if r.limit_year is not None:
        text += (f" Superexponential: every horizon, however long, is reached by {units.month(r.limit_year)} (first "
                 "doubling / fraction): the finite-time limit at the heart of the critique of AI 2027.")
    return text


def _trend(r: TimeHorizonsResult, link: str, bands: dict | None) -> None:
    ui.chart(trend_figure(r, bands), "time_horizon_trend", "th_trend", link)
    if bands is not None:
        st.caption("Shaded: where 50% and 80% of the draws put the extrapolated horizon (without AI 2027's "
                   "speed-ups, which move the dates in the headlines).")
    # The source without its address: a link inside a caption takes the caption's faded colour (2.96:1).
    st.caption(f"Points: METR's measurements with their 95% intervals (filled: in the fit; open: not state of the "
               f"art, before the fit window, or above 16 h). Dashed: the extrapolation; dotted: work-day, work-week, "
               f"work-month, work-year and the target. {files.dated('metr_time_horizons')} (metr.org/time-horizons); "
               "every source is on the Sources page.")


def _since(r: TimeHorizonsResult, link: str) -> None:
    s = r.since
    st.markdown(f"The trend fitted to the models released before {units.month(s.cutoff)}, carried forward, against "
                "every model released after: above the line, faster than forecast.")
    ui.chart(since_figure(r), "time_horizon_since", "th_since", link, download=False)
    rows = pd.DataFrame({"model": s.later["model"], "released": [units.month(y) for y in s.later["year"]],
                         "measured": [hours(m / 60) for m in s.later["minutes"]],
                         "forecast": [hours(m / 60) for m in s.later["forecast"]],
                         "measured / forecast": [f"{x:.2g}×" for x in s.later["ratio"]]})
    if len(rows):
        st.table(rows.set_index("model"))
    else:
        st.caption("No model was released after the cut-off.")
    metr = METR_WORK_MONTH_2025
    ours = (f"On the trend fitted before {units.month(s.cutoff)}, a work-month (167 h) horizon comes in "
            f"{units.month(s.work_month_year)}." if s.work_month_year is not None else
            "The trend fitted before the cut-off does not grow: it reaches no work-month.")
    st.markdown(f"{ours} METR's paper (Kwa et al., March 2025), on its own 2019-2025 trend and task suite, put it in "
                f"{units.month(metr['median'])} (10-90%: {units.month(metr['low'])} to {units.month(metr['high'])}), "
                f"and in {units.month(metr['recent_trend'])} on the 2024-2025 trend alone (METR/eval-analysis-public, "
                "metrics/multiverse_boxplot.yaml). Our fit uses Time Horizon 1.1's re-measured points, state of the "
                "art only.")


ui.chain_page(chain, draw)
