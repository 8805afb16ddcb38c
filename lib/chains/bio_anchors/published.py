"""The published inputs of Cotra's biological-anchors model, as named tables.

Anchor percentiles are the Rethink Priorities port's Cotra2020 set; weights are the report's.
Trend defaults (hardware, spending, algorithms) are named here once and the parameters point at
them. Values that are this project's own choice say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lib.core import units
from lib.core.facts import US_GDP_2020_USD
from lib.core.registry import Source

COTRA_2020 = Source(
    "Cotra 2020, 'Forecasting TAI with biological anchors' (draft report)",
    "https://www.lesswrong.com/posts/KrJfoZzpSDpnrv9va/draft-report-on-ai-timelines",
)
RP_PORT = Source(
    "Rethink Priorities, future-assessment-model (public port of the report's spreadsheet, Cotra2020 set)",
    "https://github.com/rethinkpriorities/future-assessment-model",
)
# The port's Squiggle version of the report's model, one file at one commit: it writes a range as a comment
# beside each hardware, spending and GDP point value (lines 104-122), and bounds its per-anchor algorithmic
# progress with bound(...) (lines 135-136). The lines are counted in the file at this commit.
RP_SQUIGGLE_COMMIT = "f3416a39863334c1c1c43a52ce6baedd18d5d792"


def _rp_squiggle(first: int, last: int, what: str) -> Source:
    return Source(f"Rethink Priorities, future-assessment-model, ajeya2020.squiggle at {RP_SQUIGGLE_COMMIT[:7]}, "
                  f"lines {first}-{last}: {what}",
                  "https://github.com/rethinkpriorities/future-assessment-model/blob/"
                  f"{RP_SQUIGGLE_COMMIT}/ajeya2020.squiggle#L{first}-L{last}")


RP_PORT_TREND_RANGES = _rp_squiggle(104, 122, "ranges written as comments beside the hardware, GDP and spending values")
RP_PORT_ALGO_BOUNDS = _rp_squiggle(135, 136, "the bounds of the per-anchor algorithmic-progress rule")
COTRA_2022 = Source(
    "Cotra 2022, 'Two-year update on my personal AI timelines'",
    "https://www.alignmentforum.org/posts/AfH2oPHCApdKicM4m/two-year-update-on-my-personal-ai-timelines",
)
CHINCHILLA = Source(
    "Hoffmann et al. 2022, 'Training Compute-Optimal Large Language Models' (~20 tokens per parameter)",
    "https://arxiv.org/abs/2203.15556",
)
BEA_GDP = Source(US_GDP_2020_USD.citation, US_GDP_2020_USD.url)
OUR_CHOICE = Source("This project's choice (see the help text for why)")


@dataclass(frozen=True)
class Anchor:
    """One biological anchor: requirement percentiles (log10 FLOP, 2020 algorithms) and weight (%)."""

    key: str
    label: str
    p10: float
    p50: float
    p90: float
    weight: float
    neural_net: bool


ANCHORS: tuple[Anchor, ...] = (
    Anchor("life", "Lifetime", 26.6, 28.9, 33.6, 5.0, False),
    Anchor("short", "Neural net, short horizon", 27.2, 31.8, 38.6, 20.0, True),
    Anchor("med", "Neural net, medium horizon", 28.8, 34.7, 41.3, 30.0, True),
    Anchor("long", "Neural net, long horizon", 31.6, 37.6, 44.3, 15.0, True),
    Anchor("genome", "Genome", 28.9, 33.8, 39.0, 10.0, False),
    Anchor("evo", "Evolution", 36.1, 40.9, 45.6, 10.0, False),
)
ANCHOR_KEYS: tuple[str, ...] = tuple(a.key for a in ANCHORS)


@dataclass(frozen=True)
class Trends:
    """Hardware, spending and algorithmic-progress inputs (2020 dollars; t = 0 in 2025)."""

    flop_per_usd_2025: float
    hw_halving_years: float
    max_flop_per_usd: float
    spend_2025_usd: float
    spend_doubling_years: float
    max_gdp_share: float  # fraction of GDP
    gdp_growth: float  # fraction per year
    algo_halving_years: float  # used when progress is the same for every anchor
    algo_cap_oom: float
    algo_start_year: int
    none_2020: float  # "none of these works" weight, fraction
    none_2100: float


COTRA_2020_TRENDS = Trends(
    flop_per_usd_2025=4e17, hw_halving_years=2.5, max_flop_per_usd=1e24,
    spend_2025_usd=1e9, spend_doubling_years=2.5, max_gdp_share=0.01, gdp_growth=0.03,
    algo_halving_years=2.5, algo_cap_oom=3.5, algo_start_year=2025, none_2020=0.10, none_2100=0.03,
)
"""The best-guess trend inputs (Cotra 2020 and the port); each parameter's help names its source."""

GDP_2020_USD = US_GDP_2020_USD.value
T0 = 2025  # t = 0 for hardware, spending and algorithmic progress (the port's convention)
GDP_BASE_YEAR = 2020
NONE_START_YEAR, NONE_END_YEAR = 2020, 2100  # the "none" weight tapers linearly between these years
FIRST_YEAR, LAST_YEAR = 2025, 2100  # probability years
SERIES_FIRST_YEAR = 2020  # compute / requirement series start (for charts)
REQUIREMENT_FLOOR_LOG10 = 24.0  # our cut: see the floor parameter's help

# Neural-net data scaling (see science.data_exponent_shift_oom).
LOG10_BRAIN_FLOP_PER_SUBJ_S = 16.0  # median FLOP per subjective second of a brain-sized model
LOG10_FLOP_PER_PARAM_PER_SUBJ_S = 1.5  # FLOP per parameter per subjective second (10^1 to 10^2)
LOG10_BRAIN_PARAMS = LOG10_BRAIN_FLOP_PER_SUBJ_S - LOG10_FLOP_PER_PARAM_PER_SUBJ_S  # P ~ 3.2e14
LOG10_REF_PARAMS = 11.2  # the report's reference model (~1.6e11 params, GPT-3 scale) ...
LOG10_REF_SAMPLES = 12.0  # ... trained on ~1e12 data points (Kaplan: D ~ 5e3 * N^0.74)
CHINCHILLA_TOKENS_PER_PARAM = 20.0


@dataclass(frozen=True)
class PublishedForecast:
    """What an author published as her model's output, to set beside what this re-implementation gives.

    ``p_by_year``: (year, probability) pairs as published (rounded, hence the "~" shown with them);
    ``median``: the published median in words.
    """

    who: str
    p_by_year: tuple[tuple[int, float], ...]
    median: str

    def against(self, ours: Mapping[int, float], our_median: float | None,
                years: tuple[int, ...] | None = None) -> str:
        """Her figures, labelled as hers, then this model's for the same years, in one or two sentences.

        ``ours`` maps a year to this model's P(TAI by then) (the page and positions pass the chain's
        headlines at the report's inputs, so the second half is computed, never typed).
        """
        pairs = [(y, p) for y, p in self.p_by_year if years is None or y in years]
        theirs = ", ".join(f"~{p:.0%} by {y}" for y, p in pairs)
        mine = ", ".join(f"{ours[y]:.1%} by {y}" for y, _ in pairs)
        median = units.year(our_median) if our_median is not None else f"after {LAST_YEAR}"
        return (f"{self.who}: {theirs}, median {self.median}. This model at the same inputs (the defaults): "
                f"{mine}, median {median}.")


COTRA_2020_FORECAST = PublishedForecast(
    "Cotra's published best guess (2020)", ((2030, 0.08), (2050, 0.47), (2100, 0.78)), "~2052-2053")
"""The report's output at its best-guess inputs, as Cotra 2020 published it and as summarised by Epoch AI
and in the AXRP interview (episode 7.5: the model "actually says 2053", rounded to 2050). This project's
re-implementation gives slightly different numbers for the same inputs (``against`` says which)."""
