"""The "GPT-human" cost timeline: compute to human-level loss, when growth gets there, when affordable."""

from __future__ import annotations

from lib import units
from lib.chain import Chain, Headline
from lib.chains.gpt_human.model import GptHumanResult, cli_results, run, run_batch
from lib.chains.gpt_human.params import PARAMS, PRESETS

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
        Headline("compute_multiplier", "Compute needed, × the reference model", "×", units.times),
        Headline("year_compute_reached", "Largest run reaches that compute", "year", units.month,
                 "When the largest training run, growing at the doubling time, reaches the compute needed."),
        Headline("year_affordable", "A run that size costs the budget", "year", units.month,
                 "When the falling cost of that compute fits the budget."),
    ),
    run=run,
    run_batch=run_batch,
    cli_results=cli_results,
    key_slider="doubling",
)

__all__ = ["CHAIN", "GptHumanResult"]
