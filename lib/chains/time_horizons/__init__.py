"""Time horizons: METR's task-length trend, extrapolated to a work-month and to AI 2027's superhuman coder."""

from __future__ import annotations

from lib.chains.time_horizons.charts import hours, overlay
from lib.chains.time_horizons.model import HORIZON_YEAR, TimeHorizonsResult, cli_results, run, run_batch
from lib.chains.time_horizons.params import PARAMS, PRESETS
from lib.core import units
from lib.core.chain import Chain, Headline


def _months(x: float) -> str:
    return units.quantity(units.round_sig(x, 2), "month")


CHAIN = Chain(
    key="time-horizons",
    order=4,
    title="Time horizons",
    icon=":material/timer:",
    summary="METR's measure of how long a task AI agents can do, doubling every 4 to 7 months: when that reaches a "
            "work-week, a work-month, a work-year, and AI 2027's superhuman coder.",
    params=PARAMS,
    presets=PRESETS,
    headlines=(
        Headline("doubling_fit", "Fitted doubling time", "months", _months,
                 "METR's trend over the state-of-the-art points in the fit window (central estimates above 16 h "
                 "left out, as METR does)."),
        Headline("year_week", "Work-week horizon (40 h)", "year", units.month, horizon=HORIZON_YEAR),
        Headline("year_month", "Work-month horizon (167 h)", "year", units.month, horizon=HORIZON_YEAR),
        Headline("year_year", "Work-year horizon (2,000 h)", "year", units.month, horizon=HORIZON_YEAR),
        Headline("year_target", "Target reached", "year", units.month,
                 "The year the horizon reaches the target; with AI 2027's model, the superhuman coder (after the "
                 "cost-and-speed delay).", horizon=HORIZON_YEAR),
        Headline("horizon_at", "Horizon at the date", "hours", hours,
                 "The extrapolated horizon at the chosen date. A time horizon is the length of task an agent "
                 "completes at the chosen success rate, not how long it can work alone (METR).", scale="log"),
    ),
    run=run,
    run_batch=run_batch,
    cli_results=cli_results,
    overlay=overlay,
    key_slider="h_doubling",
    summary_keys=lambda values: ("year_month", "year_target"),
)

__all__ = ["CHAIN", "TimeHorizonsResult"]
