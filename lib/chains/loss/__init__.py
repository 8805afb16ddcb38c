"""Loss extrapolation: scaling laws extended to larger compute, and where the straight line ends."""

from __future__ import annotations

import functools
from collections.abc import Mapping

import pandas as pd

from lib.chains.loss.charts import overlay
from lib.chains.loss.model import COMPUTE_RANGE, LossResult, cli_results, evaluate, language_models, run_batch
from lib.chains.loss.params import LAW_KEYS, LAW_NAMES, PARAMS, PRESETS
from lib.core import units
from lib.core.chain import Chain, Headline
from lib.data import files as data


def crossings_shown(values: Mapping[str, object]) -> tuple[str, ...]:
    """Where each line the page shows reaches human level: the straight fit, and each scenario switched on."""
    return ("human_compute", *(f"human_compute_{s}" for s in ("strong", "weak") if values.get(s, True)))


def run(values: Mapping[str, object]) -> LossResult:
    """The page's full result: notable models of data/notable_models.csv labelled, the export's other language models."""
    return evaluate(values, data.load("notable_models").table, _others() if values.get("all_models") else None)


@functools.cache
def _others() -> pd.DataFrame:
    """Read-only packaged data: selected once per process."""
    return language_models(data.load("epoch_compute").table, data.load("notable_models").table)


CHAIN = Chain(
    key="loss",
    order=1,
    title="Loss extrapolation",
    icon=":material/trending_down:",
    summary="Scaling laws (Kaplan 2020, Chinchilla 2022 and its 2024 replication) predict loss from training "
            "compute. Extend the straight line to larger budgets, compare compute-optimal allocations, and decide "
            "where the line ends: at an irreducible floor, or earlier.",
    params=PARAMS,
    presets=PRESETS,
    headlines=(
        *(Headline(f"loss_{key}", f"{LAW_NAMES[key]} loss at the budget", "nats/token", units.loss)
          for key in LAW_KEYS),
        Headline("human_compute", "Straight GPT-3 fit reaches human level at", "FLOP", units.flop,
                 "Compute at which the straight GPT-3 fit falls to the human-level loss.", scale="log"),
        # "Never" stands at the chart's right-hand edge when two views are compared.
        Headline("human_compute_strong", "Strong scenario reaches human level at", "FLOP", units.flop,
                 "The GPT-3 fit followed down to its floor: the same crossing, unless the floor is above human level.",
                 scale="log", horizon=COMPUTE_RANGE[1]),
        Headline("human_compute_weak", "Weak scenario reaches human level at", "FLOP", units.flop,
                 "The GPT-3 fit bending past the bend: later, or never if it levels off above human level.",
                 scale="log", horizon=COMPUTE_RANGE[1]),
    ),
    run=run,
    run_batch=run_batch,
    cli_results=cli_results,
    overlay=overlay,
    key_slider="compute",
    summary_keys=crossings_shown,
)
