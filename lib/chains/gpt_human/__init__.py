"""The "GPT-human" cost timeline: compute to human-level loss, when growth gets there, when affordable."""

from __future__ import annotations

from lib.chains.gpt_human.charts import overlay
from lib.chains.gpt_human.model import HORIZON_YEAR, GptHumanResult, cli_results, run, run_batch
from lib.chains.gpt_human.params import PARAMS, PRESETS
from lib.core import units
from lib.core.chain import Chain, Headline

CHAIN = Chain(
    key="gpt-human",
    order=2,
    title="GPT-human cost timeline",
    icon=":material/payments:",
    summary="How much compute would reach human-level loss on the GPT-3 scaling curve, when growing training "
            "budgets get there, and when falling costs make it affordable (Gwern 2020).",
    params=PARAMS,
    presets=PRESETS,
    headlines=(
        # An unreachable target has no multiplier to stand in for it: such a difference is not decomposed.
        Headline("compute_multiplier", "Compute needed, × the reference model", "×", units.times, scale="log"),
        # Dates after the horizon (and "never") stand at the horizon when two views are compared.
        Headline("year_compute_reached", "Largest run reaches that compute", "year", units.month,
                 "When the largest training run, growing at the doubling time, reaches the compute needed.",
                 horizon=HORIZON_YEAR),
        Headline("year_affordable", "A run that size costs the budget", "year", units.month,
                 "When the falling cost of that compute fits the budget.", horizon=HORIZON_YEAR),
    ),
    run=run,
    run_batch=run_batch,
    cli_results=cli_results,
    overlay=overlay,
    key_slider="doubling",
)

__all__ = ["CHAIN", "GptHumanResult"]
