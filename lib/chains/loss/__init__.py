"""Loss extrapolation: scaling laws extended to larger compute, and where the straight line ends."""

from __future__ import annotations

from collections.abc import Mapping

from lib import data, units
from lib.chain import Chain, Headline
from lib.chains.loss.model import LossResult, cli_results, evaluate, run_batch
from lib.chains.loss.params import LAW_KEYS, LAW_NAMES, PARAMS, PRESETS


def run(values: Mapping[str, object]) -> LossResult:
    """The page's full result, with notable models from data/notable_models.csv."""
    return evaluate(values, data.load("notable_models").table)


CHAIN = Chain(
    key="loss",
    order=1,
    title="Loss extrapolation",
    icon="📉",
    summary="Scaling laws (Kaplan 2020, Chinchilla 2022 and its 2024 replication) predict loss from training "
            "compute. Extend the straight line to larger budgets, compare compute-optimal allocations, and decide "
            "where the line ends: at an irreducible floor, or earlier.",
    params=PARAMS,
    presets=PRESETS,
    headlines=(
        *(Headline(f"loss_{key}", f"{LAW_NAMES[key]} loss at the budget", "nats/token", units.loss)
          for key in LAW_KEYS),
        Headline("human_compute", "GPT-3 fit reaches human-level loss at", "FLOP", units.flop,
                 "Compute at which the straight GPT-3 fit falls to the human-level loss."),
    ),
    run=run,
    run_batch=run_batch,
    cli_results=cli_results,
    bench_slider="compute",
)
