"""Biological anchors: Cotra-style probability of transformative AI by year."""

from __future__ import annotations

from lib.chains.bio_anchors.charts import overlay
from lib.chains.bio_anchors.model import BioAnchorsResult, cli_results, run, run_batch
from lib.chains.bio_anchors.params import PARAMS, PRESETS
from lib.chains.bio_anchors.published import LAST_YEAR
from lib.core import units
from lib.core.chain import Chain, Headline

CHAIN = Chain(
    key="bio-anchors",
    order=3,
    title="Biological anchors",
    icon=":material/psychology:",
    summary="Cotra's 2020 model: the probability of transformative AI by year, from how much compute brain-based "
            "anchors say it needs against how much compute will be affordable.",
    params=PARAMS,
    presets=PRESETS,
    headlines=(
        # "After 2100" stands at 2100, the chart's horizon, when two views are compared.
        Headline("median_year", "Median year", "year", units.year, "The year P(TAI) reaches 50%.",
                 horizon=float(LAST_YEAR)),
        Headline("p_2030", "P(TAI by 2030)", "probability", units.percent),
        Headline("p_2050", "P(TAI by 2050)", "probability", units.percent),
        Headline("p_2100", "P(TAI by 2100)", "probability", units.percent),
    ),
    run=run,
    run_batch=run_batch,
    cli_results=cli_results,
    overlay=overlay,
    key_slider="hw_halving",
    summary_keys=lambda values: ("median_year", "p_2030", "p_2050"),
)

__all__ = ["CHAIN", "BioAnchorsResult"]
