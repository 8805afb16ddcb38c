"""Biological anchors: when can a frontier developer afford to train transformative AI?

A pure, vectorised re-implementation of the structure of Cotra's model, as
described in ``MODELS.md`` section 3:

    P(TAI by Y) = (1 - q(Y)) * sum_i  w_i * P(R_i <= A(Y) + rho_i(Y))

- ``R_i``: the training compute (log10 FLOP, 2020 algorithms) needed under
  anchor *i* (Lifetime, three neural-net horizons, Genome, Evolution), a
  two-piece normal matching the anchor's 10/50/90th percentiles;
- ``w_i``: anchor weights, *relative*: the user's weights are divided by their
  sum, so only their ratios matter (see :func:`normalise_weights`);
- ``q(Y)``: the weight of "none of these anchors works", tapering linearly
  from ``q_2020`` to ``q_2100``; the weight it frees goes to the anchors pro
  rata. With the default weights (summing to 90%) this is exactly MODELS.md's
  ``(1 - q(Y)) / 0.9 * sum_i w_i P(...)``;
- ``A(Y)``: affordable compute, log10(FLOP per dollar x spend on the largest
  run), both logistic curves (:func:`log10_flop_per_dollar`,
  :func:`log10_spend`);
- ``rho_i(Y)``: algorithmic progress, in orders of magnitude by which the
  requirement shrinks (:func:`algorithmic_progress_oom`).

Modelling choices (each documented where it is made):

1. Requirement shape: a two-piece ("split") normal in log10 FLOP whose median
   is the anchor's p50, with ``sigma_low = (p50 - p10) / 1.2816`` below and
   ``sigma_high = (p90 - p50) / 1.2816`` above. Each half holds half the
   probability, so the CDF is continuous and reproduces p10/p50/p90 exactly.
2. Time origin: 2025 is t = 0 for hardware, spending and algorithms (the
   public port's convention); GDP grows from its 2020 value. Algorithmic
   progress is zero before 2025 (requirements stay at their 2020-algorithm
   level), and is floored at zero (the logistic formula is -0.004 OOM at t=0).
3. Probability years run 2025-2100; compute and requirement series run
   2020-2100 so charts can show the backcast to 2020.
4. Chinchilla switch (:func:`data_exponent_shift_oom`): the report's
   Kaplan-style data rule and Chinchilla's 20 tokens per parameter are each
   used with their own published constant; at the brain-scale model size
   (~3e14 parameters) the Chinchilla rule needs ~1.2 OOM more data, hence
   ~1.2 OOM more training FLOP for all three neural-net anchors. The
   per-anchor algorithmic-progress rule stays keyed on the unshifted median.
5. Requirement floor (update against the low end, as in the public ports):
   each anchor's distribution is cut at 1e24 FLOP and renormalised. The
   report's percentiles already reflect this cut, so it only removes the
   split normal's extrapolated lower tail (it lowers 2030 by ~0.6 points).
6. Weights are relative (see :func:`normalise_weights`); the "none" weight
   cannot rise over time (a 2100 value above the 2020 one is held at the
   2020 value, with a warning), so P(TAI by Y) is always a CDF.

With these choices and MODELS.md's defaults the model gives 8.5% by 2030,
45.4% by 2050, 75.6% by 2100 and a median of 2053.7, against Cotra's
published ~8% / ~47% / ~78% / "actually 2053" (tests/unit/test_bio_anchors.py
checks 3 points and 2 years). Nothing is fitted for the 2020 preset: these
are MODELS.md's formulas and defaults. The "Cotra 2022 update" preset is a
calibration; its description lists each choice.

Sources:
- Cotra 2020, "Forecasting TAI with biological anchors" (draft report).
- Rethink Priorities, ``future-assessment-model`` (public port of the report's
  spreadsheet; anchor percentiles and the algorithmic-progress rule).
- Epoch AI, "Grokking 'Forecasting TAI with biological anchors'" (summary).
- AXRP episode 7.5, interview with Ajeya Cotra (2021): the model "actually says
  2053".
- Cotra 2022, "Two-year update on my personal AI timelines".
- Kaplan et al. 2020 (arXiv:2001.08361); Hoffmann et al. 2022 (arXiv:2203.15556).

This module is pure: no Streamlit, no I/O, no clock.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import log_ndtr, ndtri

from lib.registry import Param, ParamSet, Preset, Source

Array = NDArray[np.float64]

# --- sources ----------------------------------------------------------------------

COTRA_2020 = Source(
    "Cotra 2020, 'Forecasting TAI with biological anchors' (draft report)",
    "https://www.lesswrong.com/posts/KrJfoZzpSDpnrv9va/draft-report-on-ai-timelines",
)
RP_PORT = Source(
    "Rethink Priorities, future-assessment-model (public port of the report's spreadsheet, Cotra2020 set)",
    "https://github.com/rethinkpriorities/future-assessment-model",
)
EPOCH_SUMMARY = Source(
    "Epoch AI, 'Grokking Forecasting TAI with biological anchors'",
    "https://epoch.ai/blog/grokking-bioanchors",
)
AXRP = Source(
    "AXRP episode 7.5: Forecasting transformative AI from biological anchors, with Ajeya Cotra (2021)",
    "https://axrp.net/episode/2021/05/28/episode-7_5-forecasting-transformative-ai-ajeya-cotra.html",
)
COTRA_2022 = Source(
    "Cotra 2022, 'Two-year update on my personal AI timelines'",
    "https://www.alignmentforum.org/posts/AfH2oPHCApdKicM4m/two-year-update-on-my-personal-ai-timelines",
)
KAPLAN = Source(
    "Kaplan et al. 2020, 'Scaling Laws for Neural Language Models' (data needed ~ 5e3 N^0.74)",
    "https://arxiv.org/abs/2001.08361",
)
CHINCHILLA = Source(
    "Hoffmann et al. 2022, 'Training Compute-Optimal Large Language Models' (~20 tokens per parameter)",
    "https://arxiv.org/abs/2203.15556",
)

SOURCES: tuple[Source, ...] = (COTRA_2020, RP_PORT, EPOCH_SUMMARY, AXRP, COTRA_2022, KAPLAN, CHINCHILLA)

# --- constants --------------------------------------------------------------------

Z90 = 1.2815515655446004  # standard-normal 90th percentile: p90 - p50 = Z90 * sigma
T0 = 2025  # t = 0 for hardware, spending and algorithmic progress (the public port's convention)
GDP_2020_USD = 2.13e13  # largest economy's GDP in 2020 (the report; public ports)
GDP_BASE_YEAR = 2020
NONE_START_YEAR, NONE_END_YEAR = 2020, 2100  # q(Y) tapers linearly between these years
FIRST_YEAR, LAST_YEAR = 2025, 2100  # probability years
SERIES_FIRST_YEAR = 2020  # compute / requirement series start (for charts)
HEADLINE_YEARS = (2030, 2036, 2040, 2050, 2100)

_LN10 = math.log(10.0)
_LN2 = math.log(2.0)


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


# 10/50/90th percentiles from the Rethink Priorities port (Cotra2020 set); weights from the report.
ANCHORS: tuple[Anchor, ...] = (
    Anchor("life", "Lifetime", 26.6, 28.9, 33.6, 5.0, False),
    Anchor("short", "Neural net, short horizon", 27.2, 31.8, 38.6, 20.0, True),
    Anchor("med", "Neural net, medium horizon", 28.8, 34.7, 41.3, 30.0, True),
    Anchor("long", "Neural net, long horizon", 31.6, 37.6, 44.3, 15.0, True),
    Anchor("genome", "Genome", 28.9, 33.8, 39.0, 10.0, False),
    Anchor("evo", "Evolution", 36.1, 40.9, 45.6, 10.0, False),
)
ANCHOR_KEYS: tuple[str, ...] = tuple(a.key for a in ANCHORS)
NN_KEYS: tuple[str, ...] = tuple(a.key for a in ANCHORS if a.neural_net)

# Neural-net data scaling (see data_exponent_shift_oom).
LOG10_BRAIN_FLOP_PER_SUBJ_S = 16.0  # median FLOP per subjective second of a brain-sized model
LOG10_FLOP_PER_PARAM_PER_SUBJ_S = 1.5  # FLOP per parameter per subjective second (10^1 to 10^2)
LOG10_BRAIN_PARAMS = LOG10_BRAIN_FLOP_PER_SUBJ_S - LOG10_FLOP_PER_PARAM_PER_SUBJ_S  # P ~ 3.2e14
LOG10_REF_PARAMS = 11.2  # report's reference model (~1.6e11 params, GPT-3 scale) ...
LOG10_REF_SAMPLES = 12.0  # ... trained on ~1e12 data points (Kaplan: D ~ 5e3 * N^0.74)
CHINCHILLA_TOKENS_PER_PARAM = 20.0


# --- building blocks (vectorised) ---------------------------------------------------


def _arr(x: ArrayLike) -> Array:
    return np.asarray(x, dtype=np.float64)


def log10_logistic(log10_x0: ArrayLike, rate: ArrayLike, t: ArrayLike, log10_cap: ArrayLike) -> Array:
    """log10 of x(t) = x0 e^(r t) / (1 + (x0/cap) e^(r t)), computed in logs (no overflow).

    This is the logistic form MODELS.md uses for FLOP per dollar and for spend.
    ``np.logaddexp`` keeps it finite for any t.
    """
    ln_x0 = _arr(log10_x0) * _LN10
    rt = _arr(rate) * _arr(t)
    ln_x = ln_x0 + rt - np.logaddexp(0.0, ln_x0 - _arr(log10_cap) * _LN10 + rt)
    return ln_x / _LN10


def log10_flop_per_dollar(
    years: ArrayLike, flop_per_usd_2025: float = 4e17, halving_years: float = 2.5, max_flop_per_usd: float = 1e24
) -> Array:
    """Hardware price-performance, log10 FLOP per 2020 dollar.

    Logistic: 4e17 FLOP/$ in 2025 (~1e17 in 2020), price halving every 2.5
    years, levelling off at 1e24 FLOP/$ (Cotra 2020; the public ports' values).
    """
    t = _arr(years) - T0
    return log10_logistic(math.log10(flop_per_usd_2025), _LN2 / halving_years, t, math.log10(max_flop_per_usd))


def log10_gdp(years: ArrayLike, gdp_2020: float = GDP_2020_USD, growth: float = 0.03) -> Array:
    """Largest economy's GDP, log10 2020 dollars: $2.13e13 in 2020 growing 3%/yr (Cotra 2020)."""
    return math.log10(gdp_2020) + (_arr(years) - GDP_BASE_YEAR) * math.log10(1.0 + growth)


def log10_spend(
    years: ArrayLike,
    spend_2025: float = 1e9,
    doubling_years: float = 2.5,
    max_gdp_share: float = 0.01,
    gdp_growth: float = 0.03,
    gdp_2020: float = GDP_2020_USD,
) -> Array:
    """Spend on the largest training run, log10 2020 dollars.

    Logistic: $1e9 in 2025 doubling every 2.5 years (the report's
    spreadsheet), with a cap of 1% of the largest economy's GDP that itself
    grows with GDP (Cotra 2020; Rethink Priorities port).
    """
    t = _arr(years) - T0
    cap = math.log10(max_gdp_share) + log10_gdp(years, gdp_2020, gdp_growth)
    return log10_logistic(math.log10(spend_2025), _LN2 / doubling_years, t, cap)


def algorithmic_progress_oom(years: ArrayLike, halving_years: ArrayLike, cap_oom: ArrayLike,
                             start_year: float = T0) -> Array:
    """Orders of magnitude by which a requirement has shrunk by year Y.

    rho(t) = log10(e^(a t) / (1 + e^(a t) / 10^M)), a = ln2 / H, t = Y - start
    (MODELS.md; Rethink Priorities port, which starts in 2025). It grows by
    log10(2) OOM per halving time at first and levels off at the cap M.
    Broadcasts: pass ``years`` as a row and ``halving_years`` / ``cap_oom`` as
    columns to get one row per anchor. Zero before the start year and floored at
    zero (documented choice 2).
    """
    t = np.maximum(_arr(years) - start_year, 0.0)
    at = (_LN2 / _arr(halving_years)) * t
    rho = (at - np.logaddexp(0.0, at - _arr(cap_oom) * _LN10)) / _LN10
    return np.maximum(rho, 0.0)


def port_algorithm_rule(p50: ArrayLike) -> tuple[Array, Array]:
    """The public port's per-anchor algorithmic-progress rule, keyed on the requirement median.

    Halving time H = clip(3.5 - (p50 - 29)/4, 2, 3.5) years and cap
    M = clip(2 + (p50 - 32)/4, 2, 5) OOM: bigger requirements leave more room
    for, and get faster, algorithmic progress (Rethink Priorities port of
    Cotra 2020). Returns ``(H, M)``.
    """
    p = _arr(p50)
    return np.clip(3.5 - (p - 29.0) / 4.0, 2.0, 3.5), np.clip(2.0 + (p - 32.0) / 4.0, 2.0, 5.0)


def _split_z(x: Array, p50: Array, lo_gap: Array, hi_gap: Array) -> Array:
    """Standardised distance from the median, using the lower or upper half's sigma."""
    d = x - p50
    return d / (np.where(d < 0.0, lo_gap, hi_gap) / Z90)


def split_normal_cdf(
    x: ArrayLike, p10: ArrayLike, p50: ArrayLike, p90: ArrayLike, floor: ArrayLike = -np.inf
) -> Array:
    """CDF of an anchor's requirement: a two-piece normal in log10 FLOP, cut at ``floor``.

    Modelling choice 1: below the median the CDF is Phi((x - p50)/sigma_low),
    above it Phi((x - p50)/sigma_high), with sigma_low = (p50 - p10)/1.2816 and
    sigma_high = (p90 - p50)/1.2816; each half holds probability 1/2, so
    p10/p50/p90 are reproduced exactly.

    Modelling choice 5 (update against the low end, as in the public ports:
    Rethink Priorities truncates at 1e24 FLOP for 2020, 1e26 for 2022): mass
    below ``floor`` is removed and the rest renormalised,
    F_cut(x) = 1 - S(x)/S(floor) for x >= floor, else 0, with S = 1 - F taken
    from ``log_ndtr`` so that a floor far in the upper tail stays finite.
    All arguments broadcast.
    """
    x, p10, p50, p90 = _arr(x), _arr(p10), _arr(p50), _arr(p90)
    lo_gap, hi_gap = p50 - p10, p90 - p50
    log_sf_x = log_ndtr(-_split_z(x, p50, lo_gap, hi_gap))
    floor_arr = _arr(floor)
    if np.all(np.isneginf(floor_arr)):
        return -np.expm1(log_sf_x)
    log_sf_floor = log_ndtr(-_split_z(floor_arr, p50, lo_gap, hi_gap))
    return np.where(x >= floor_arr, -np.expm1(np.minimum(log_sf_x - log_sf_floor, 0.0)), 0.0)


def split_normal_ppf(
    u: ArrayLike, p10: ArrayLike, p50: ArrayLike, p90: ArrayLike, floor: ArrayLike = -np.inf
) -> Array:
    """Quantiles of :func:`split_normal_cdf` (same shape and floor), for requirement bands."""
    u, p10, p50, p90 = _arr(u), _arr(p10), _arr(p50), _arr(p90)
    floor_arr = _arr(floor)
    below = np.where(np.isneginf(floor_arr), 0.0, split_normal_cdf(floor_arr, p10, p50, p90))
    prob = below + u * (1.0 - below)
    z = ndtri(np.clip(prob, 1e-300, 1.0 - 1e-16))
    q = p50 + z * np.where(z < 0.0, p50 - p10, p90 - p50) / Z90
    return np.maximum(q, floor_arr)


def data_exponent_shift_oom(exponent: str | float, log10_params: float = LOG10_BRAIN_PARAMS) -> float:
    """How many OOM the neural-net anchors move when data scales as P^exponent instead of P^0.8.

    Training FLOP = F * H * D with D the number of data points. The report
    (Cotra 2020) uses a Kaplan-style rule anchored at its reference model:
    D = 1e12 * (P / 10^11.2)^0.8 (~1e12 data points for a GPT-3-sized,
    ~1.6e11-parameter model, as in Kaplan et al. 2020's D ~ 5e3 N^0.74).
    Chinchilla (Hoffmann et al. 2022) gives D = 20 * P. Each rule keeps its own
    published constant (they coincide at P ~ 5e8), so the shift is

        log10(20 P) - [12 + 0.8 (log10 P - 11.2)] = 0.2 log10 P - 1.74,

    i.e. +1.16 OOM at brain scale, P ~ 1e16 FLOP/subj-s / 10^1.5 ~ 3e14 (MODELS.md:
    "about one order of magnitude"). With F and H fixed, training FLOP moves by
    the same amount. (The alternative, forcing both rules through the report's
    reference point, gives only 0.2 * (14.5 - 11.2) = 0.66 OOM; it would
    discard Chinchilla's measured 20 tokens per parameter, which is the point
    of the switch.) Only the two published rules are offered: "0.8" -> 0,
    "1.0" -> the shift above (a function of ``log10_params`` so the page can
    show how it depends on the assumed model size).
    """
    e = float(exponent)
    if abs(e - 0.8) < 1e-9:
        return 0.0
    if abs(e - 1.0) < 1e-9:
        log10_d_report = LOG10_REF_SAMPLES + 0.8 * (log10_params - LOG10_REF_PARAMS)
        log10_d_chinchilla = math.log10(CHINCHILLA_TOKENS_PER_PARAM) + log10_params
        return log10_d_chinchilla - log10_d_report
    raise ValueError(f"data exponent must be 0.8 or 1.0, not {exponent!r}")


def none_weight(years: ArrayLike, q_start: float = 0.10, q_end: float = 0.03) -> Array:
    """Weight of "none of these anchors works": linear from q_start (2020) to q_end (2100)."""
    frac = np.clip((_arr(years) - NONE_START_YEAR) / (NONE_END_YEAR - NONE_START_YEAR), 0.0, 1.0)
    return q_start + (q_end - q_start) * frac


def normalise_weights(
    weights: Mapping[str, float], fallback: Mapping[str, float] | None = None
) -> tuple[dict[str, float], list[str]]:
    """Turn relative anchor weights into fractions summing to 1.

    Convention: the weights a user sets are *relative*; only their ratios
    matter. They are divided by their sum to form the anchor mix, and the
    "none of these works" weight q(Y) is applied on top: P = (1 - q) * mix.
    At the defaults (5/20/30/15/10/10, summing to 90) this equals MODELS.md's
    (1 - q)/0.9 * sum w_i P_i. Negative or non-finite weights count as 0; if
    every weight is 0 the defaults are used. Returns ``(fractions, warnings)``.
    """
    fallback = fallback or {a.key: a.weight for a in ANCHORS}
    warnings: list[str] = []
    clean: dict[str, float] = {}
    for key in ANCHOR_KEYS:
        w = float(weights.get(key, 0.0))
        if not math.isfinite(w) or w < 0:
            warnings.append(
                f"The weight of the {_label(key)} anchor ({w:g}) is not a non-negative number; it counts as 0."
            )
            w = 0.0
        clean[key] = w
    total = sum(clean.values())
    # Weights are percentages; a total this small is a typo or a denormal from a
    # crafted link, and dividing by it would turn rounding noise into the mix.
    if total < 1e-9:
        warnings.append("All anchor weights are zero, so there is no anchor mix; the default weights are used instead.")
        clean = {k: float(fallback[k]) for k in ANCHOR_KEYS}
        total = sum(clean.values())
    return {k: v / total for k, v in clean.items()}, warnings


def _label(key: str) -> str:
    return next(a.label for a in ANCHORS if a.key == key)


def crossing_year(years: Array, p: Array, level: float = 0.5) -> float | None:
    """First year the (non-decreasing) curve reaches ``level``, linearly interpolated.

    ``None`` means not reached by the last year (read: "after 2100"). If the
    curve already starts at or above ``level``, the first year is returned.
    """
    above = np.nonzero(p >= level)[0]
    if above.size == 0:
        return None
    i = int(above[0])
    if i == 0:
        return float(years[0])
    p0, p1 = float(p[i - 1]), float(p[i])
    return float(years[i - 1] + (years[i] - years[i - 1]) * (level - p0) / (p1 - p0))


# --- the parameter registry -----------------------------------------------------------


def _weight_param(a: Anchor) -> Param:
    return Param(
        key=f"w_{a.key}",
        label=f"Weight: {a.label}",
        unit="%",
        default=a.weight,
        min=0.0,
        max=100.0,
        step=1.0,
        help=(
            f"Relative weight of the {a.label.lower()} anchor. Weights are relative: the page divides them by "
            "their sum, then gives the anchors (1 - the 'none' weight) of the probability."
        ),
        source=COTRA_2020,
    )


def _median_param(a: Anchor) -> Param:
    return Param(
        key=f"p50_{a.key}",
        label=f"Median requirement: {a.label}",
        unit="log10 FLOP",
        default=a.p50,
        min=20.0,
        max=60.0,
        step=0.1,
        help=(
            f"Median training compute with 2020 algorithms under the {a.label.lower()} anchor "
            f"(report: 1e{a.p50:g} FLOP; 10-90% range 1e{a.p10:g} to 1e{a.p90:g}). Moving it moves the "
            "whole distribution and, with the per-anchor rule, its pace of algorithmic progress."
        ),
        source=RP_PORT,
    )


_ALGO_RULE_CHOICES = ("rule", "global")

PARAMS = ParamSet(
    model="bio-anchors",
    params=(
        *(_weight_param(a) for a in ANCHORS),
        *(_median_param(a) for a in ANCHORS),
        Param(
            key="spread",
            label="Requirement spread",
            unit="x",
            default=1.0,
            min=0.25,
            max=3.0,
            step=0.05,
            help="Multiplies the width of every anchor's requirement distribution (1 = the report's 10-90% ranges).",
            source=RP_PORT,
        ),
        Param(
            key="floor",
            label="Requirement floor",
            unit="log10 FLOP",
            default=24.0,
            min=20.0,
            max=30.0,
            step=0.1,
            help=(
                "Update against the low end: TAI is assumed to need more than this much compute (2020 algorithms), "
                "since runs of that size have not produced it. Each anchor's distribution is cut here and renormalised "
                "(public ports: 1e24 for the 2020 report, 1e26 for the 2022 update)."
            ),
            source=RP_PORT,
        ),
        Param(
            key="data_exp",
            label="Neural-net data scaling exponent",
            unit="",
            default="0.8",
            kind="choice",
            choices=("0.8", "1.0"),
            choice_labels=("0.8 (report, Kaplan-like)", "1.0 (Chinchilla, ~20 tokens/param)"),
            help=(
                "Training data D grows as parameters^exponent. Chinchilla's linear rule needs ~1.2 orders of "
                "magnitude more data, hence compute, for a brain-sized (~3e14-parameter) model, raising all three "
                "neural-net anchors."
            ),
            source=CHINCHILLA,
        ),
        Param(
            key="none_2020",
            label="'None of these works' weight in 2020",
            unit="%",
            default=10.0,
            min=0.0,
            max=50.0,
            step=0.5,
            help="Probability that no anchor's compute is enough, as of 2020; tapers linearly to the 2100 value.",
            source=COTRA_2020,
        ),
        Param(
            key="none_2100",
            label="'None of these works' weight in 2100",
            unit="%",
            default=3.0,
            min=0.0,
            max=50.0,
            step=0.5,
            help="The 'none' weight reached by 2100; the weight it frees goes to the anchors pro rata. "
            "Cannot exceed the 2020 value (it is held at the 2020 value if set higher).",
            source=COTRA_2020,
        ),
        Param(
            key="flop_usd",
            label="FLOP per dollar in 2025",
            unit="FLOP/$",
            default=4e17,
            min=1e15,
            max=1e21,
            scale="log",
            help="Price-performance of training hardware in 2025, in 2020 dollars (~1e17 in 2020, 4e17 in 2025).",
            source=COTRA_2020,
        ),
        Param(
            key="hw_halving",
            label="Hardware price halving time",
            unit="years",
            default=2.5,
            min=0.5,
            max=10.0,
            step=0.1,
            help="Years for the price of a FLOP to halve (report: 2.5; scenarios 1.5 to 3.5).",
            source=COTRA_2020,
        ),
        Param(
            key="flop_usd_max",
            label="Maximum FLOP per dollar",
            unit="FLOP/$",
            default=1e24,
            min=1e19,
            max=1e30,
            scale="log",
            help="Level where hardware price-performance levels off (report: ~6 more OOM, 1e24; "
            "scenarios 1e22 to 1e26).",
            source=RP_PORT,
        ),
        Param(
            key="spend",
            label="Spend on the largest run in 2025",
            unit="$",
            default=1e9,
            min=1e6,
            max=1e13,
            scale="log",
            help="Dollars (2020) spent on the largest training run in 2025 (report: $1e9; scenarios $1e8 to $1e10).",
            source=COTRA_2020,
        ),
        Param(
            key="spend_doubling",
            label="Spend doubling time",
            unit="years",
            default=2.5,
            min=0.5,
            max=10.0,
            step=0.1,
            help="Years for the largest-run budget to double (the report's spreadsheet: 2.5; prose summaries say 2).",
            source=RP_PORT,
        ),
        Param(
            key="gdp_share",
            label="Maximum share of GDP",
            unit="%",
            default=1.0,
            min=0.05,
            max=10.0,
            step=0.05,
            help="Spending levels off at this share of the largest economy's GDP (report: 1%; scenarios 0.5% to 2%).",
            source=COTRA_2020,
        ),
        Param(
            key="gdp_growth",
            label="GDP growth",
            unit="%/yr",
            default=3.0,
            min=0.0,
            max=10.0,
            step=0.1,
            help="Real growth of the largest economy's GDP ($2.13e13 in 2020).",
            source=COTRA_2020,
        ),
        Param(
            key="algo",
            label="Algorithmic progress",
            unit="",
            default="rule",
            kind="choice",
            choices=_ALGO_RULE_CHOICES,
            choice_labels=("Per-anchor rule (public port)", "Same halving time and cap for every anchor"),
            help=(
                "Per-anchor rule: halving time clip(3.5 - (p50-29)/4, 2, 3.5) years and cap clip(2 + (p50-32)/4, 2, 5) "
                "OOM, so bigger requirements improve faster and further. Otherwise the two sliders below apply to all."
            ),
            source=RP_PORT,
        ),
        Param(
            key="algo_halving",
            label="Algorithmic halving time",
            unit="years",
            default=2.5,
            min=0.5,
            max=10.0,
            step=0.1,
            help="Years for the compute needed (at fixed capability) to halve, used when progress is the same for "
            "every anchor (report scenarios: 2 to 3.5).",
            source=COTRA_2020,
        ),
        Param(
            key="algo_cap",
            label="Maximum algorithmic progress",
            unit="OOM",
            default=3.5,
            min=0.0,
            max=8.0,
            step=0.1,
            help="Orders of magnitude by which algorithms can at most cut the requirement, used when progress is the "
            "same for every anchor (report scenarios: 2 to 5).",
            source=COTRA_2020,
        ),
        Param("algo_start", "Algorithmic progress counted from", "year", 2025,
              "Year from which requirements start to shrink with better algorithms (the public port: 2025; "
              "the requirements themselves are stated with 2020 algorithms).", RP_PORT,
              min=2020, max=2040, step=1, kind="int"),
        Param("anchors", "Show each anchor's curve", "", True,
              "Draw every anchor's own probability curve faintly behind the overall one.", COTRA_2020, kind="bool"),
    ),
    groups=(
        ("Anchor weights", tuple(f"w_{k}" for k in ANCHOR_KEYS) + ("none_2020", "none_2100")),
        ("Requirements (2020 algorithms)", tuple(f"p50_{k}" for k in ANCHOR_KEYS) + ("spread", "floor", "data_exp")),
        ("Hardware", ("flop_usd", "hw_halving", "flop_usd_max")),
        ("Spending", ("spend", "spend_doubling", "gdp_share", "gdp_growth")),
        ("Algorithms", ("algo", "algo_halving", "algo_cap", "algo_start")),
        ("Display", ("anchors",)),
    ),
)


# --- presets --------------------------------------------------------------------------

PRESETS: tuple[Preset, ...] = (
    Preset(
        name="Cotra 2020 best guess",
        description="The report's best-guess inputs (MODELS.md defaults): ~8% by 2030, ~47% by 2050, median ~2053.",
        values=PARAMS.defaults(),
        source=COTRA_2020,
    ),
    Preset(
        name="Cotra 2020 aggressive",
        description=(
            "The aggressive end of the report's scenario spreads: FLOP/$ halving 1.5 yr, max 1e26 FLOP/$, "
            "$1e10 in 2025, up to 2% of GDP, algorithms halving every 2 years up to 5 OOM for every anchor."
        ),
        values={
            **PARAMS.defaults(),
            "hw_halving": 1.5,
            "flop_usd_max": 1e26,
            "spend": 1e10,
            "gdp_share": 2.0,
            "algo": "global",
            "algo_halving": 2.0,
            "algo_cap": 5.0,
        },
        source=RP_PORT,
    ),
    Preset(
        name="Cotra 2020 conservative",
        description=(
            "The conservative end of the report's scenario spreads: FLOP/$ halving 3.5 yr, max 1e22 FLOP/$, "
            "$1e8 in 2025, up to 0.5% of GDP, algorithms halving every 3.5 years up to 2 OOM for every anchor."
        ),
        values={
            **PARAMS.defaults(),
            "hw_halving": 3.5,
            "flop_usd_max": 1e22,
            "spend": 1e8,
            "gdp_share": 0.5,
            "algo": "global",
            "algo_halving": 3.5,
            "algo_cap": 2.0,
        },
        source=RP_PORT,
    ),
    Preset(
        name="Cotra 2022 update",
        description=(
            "Calibrated to Cotra's 2022 personal numbers (~15% by 2030, ~35% by 2036, median ~2040, ~60% by 2050); "
            "the inputs are this dashboard's reading, not hers. FLOP/$ one-time ~10x upgrade (4e18 in 2025); "
            "weights from the Rethink Priorities port's 2022 set, its GPT-N anchor (17%) folded into short horizon "
            "(30%): lifetime 10, short 47, medium 10, long 10, genome 10, evolution 10; requirement floor raised "
            "to 1e26 FLOP as in that port; spend doubling every 1.5 years (the 2020-22 scale-up of the largest "
            "runs); requirement spread 0.8x (more confidence in where the short-horizon mass sits). The model's "
            "curve is smoother than her stated numbers: it gives a median ~1.5 years later and ~62% by 2050."
        ),
        values={
            **PARAMS.defaults(),
            "w_life": 10.0,
            "w_short": 47.0,
            "w_med": 10.0,
            "w_long": 10.0,
            "w_genome": 10.0,
            "w_evo": 10.0,
            "flop_usd": 4e18,
            "floor": 26.0,
            "spend_doubling": 1.5,
            "spread": 0.8,
        },
        source=COTRA_2022,
    ),
)


# --- the model --------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class BioAnchorsResult:
    """Everything the page, the charts and the CLI need. Probabilities are 0-1; compute is log10 FLOP.

    ``years`` (2025-2100) index the probability arrays; ``series_years``
    (2020-2100) index the compute, algorithmic-progress and requirement series.
    ``p_by_anchor[k]`` is P(R_k <= A(Y) + rho_k(Y)), the anchor's own CDF
    without the "none" weight. ``requirement_bands[k]`` has rows p10/p50/p90
    of the requirement with year-Y algorithms (after the data-exponent shift).
    ``median_year`` is None when P(TAI by 2100) < 50% ("after 2100").
    """

    years: NDArray[np.int64]
    p_tai: Array
    p_by_anchor: dict[str, Array]
    none_weight: Array
    median_year: float | None
    headline: dict[int, float]
    anchor_median_year: dict[str, float | None]
    anchor_p_2100: dict[str, float]
    series_years: NDArray[np.int64]
    log10_flop_per_usd: Array
    log10_spend: Array
    log10_compute: Array
    algo_progress: dict[str, Array]
    requirement_bands: dict[str, Array]
    weights: dict[str, float]
    data_shift_oom: float
    warnings: tuple[str, ...]

    def p_by(self, year: int) -> float:
        """P(TAI by ``year``), for a year in 2025-2100."""
        return float(self.p_tai[int(year) - FIRST_YEAR])


def _resolve(values: Mapping[str, float | str | bool]) -> tuple[dict[str, float | str | bool], list[str]]:
    """Defaults overlaid with ``values``, validated by the registry (clamped or reset, with warnings)."""
    return PARAMS.coerce(values)  # type: ignore[return-value]


_SERIES_YEARS = np.arange(SERIES_FIRST_YEAR, LAST_YEAR + 1)
_P_OFFSET = FIRST_YEAR - SERIES_FIRST_YEAR
_P10_GAP = np.array([a.p50 - a.p10 for a in ANCHORS])
_P90_GAP = np.array([a.p90 - a.p50 for a in ANCHORS])
_IS_NN = np.array([a.neural_net for a in ANCHORS])


def run(values: Mapping[str, float | str | bool]) -> BioAnchorsResult:
    """Run the biological-anchors model for one set of parameter values (keys of :data:`PARAMS`).

    Missing keys take their defaults. Formulas: see the module docstring and
    MODELS.md section 3 (Cotra 2020; Rethink Priorities port).
    """
    v, warnings = _resolve(values)
    years_all = _SERIES_YEARS.astype(np.float64)

    # Affordable compute A(Y) = log10(FLOP/$ x spend).
    lf = log10_flop_per_dollar(years_all, float(v["flop_usd"]), float(v["hw_halving"]), float(v["flop_usd_max"]))
    ls = log10_spend(
        years_all,
        float(v["spend"]),
        float(v["spend_doubling"]),
        float(v["gdp_share"]) / 100.0,
        float(v["gdp_growth"]) / 100.0,
    )
    compute = lf + ls

    # Requirements: user medians, the report's gaps to p10/p90, the Chinchilla shift on NN anchors.
    p50_user = np.array([float(v[f"p50_{k}"]) for k in ANCHOR_KEYS])
    shift = data_exponent_shift_oom(str(v["data_exp"]))
    p50 = p50_user + np.where(_IS_NN, shift, 0.0)
    spread = float(v["spread"])
    lo_gap, hi_gap = _P10_GAP * spread, _P90_GAP * spread

    # Algorithmic progress, one row per anchor. The rule is keyed on the user's median before
    # the data-exponent shift: the Chinchilla switch moves requirements, not the pace of progress.
    if v["algo"] == "rule":
        halving, cap = port_algorithm_rule(p50_user)
    else:
        halving = np.full(len(ANCHORS), float(v["algo_halving"]))
        cap = np.full(len(ANCHORS), float(v["algo_cap"]))
    rho = algorithmic_progress_oom(years_all[None, :], halving[:, None], cap[:, None], float(v["algo_start"]))

    # Per-anchor CDFs: P(R_i <= A + rho_i), two-piece normal cut at the floor (choices 1 and 5).
    floor = float(v["floor"])
    p10_col, p50_col, p90_col = (p50 - lo_gap)[:, None], p50[:, None], (p50 + hi_gap)[:, None]
    cdf_all = split_normal_cdf(compute[None, :] + rho, p10_col, p50_col, p90_col, floor)
    cdf = cdf_all[:, _P_OFFSET:]

    # Mix: relative weights normalised to 1, then (1 - q(Y)).
    weights, w_warnings = normalise_weights({k: float(v[f"w_{k}"]) for k in ANCHOR_KEYS})
    warnings.extend(w_warnings)
    w = np.array([weights[k] for k in ANCHOR_KEYS])
    q0, q1 = float(v["none_2020"]) / 100.0, float(v["none_2100"]) / 100.0
    if q1 > q0:
        warnings.append(
            f"The 'none of these works' weight for 2100 ({q1:.1%}) is above the 2020 one ({q0:.1%}); "
            "it is held at the 2020 value so that the probability cannot fall over time."
        )
        q1 = q0
    years = _SERIES_YEARS[_P_OFFSET:]
    q = none_weight(years.astype(np.float64), q0, q1)
    p_tai = (1.0 - q) * (w @ cdf)

    years_f = years.astype(np.float64)
    median = crossing_year(years_f, p_tai)
    if median is not None and median <= FIRST_YEAR:
        warnings.append(f"P(TAI) is already 50% or more in {FIRST_YEAR}; the median is shown as {FIRST_YEAR}.")

    # Requirement bands with year-Y algorithms: 10/50/90th percentiles (after the floor) minus rho.
    pct = split_normal_ppf(np.array([0.1, 0.5, 0.9])[None, :], p10_col, p50_col, p90_col, floor)
    bands = {k: pct[i][:, None] - rho[i][None, :] for i, k in enumerate(ANCHOR_KEYS)}
    return BioAnchorsResult(
        years=years,
        p_tai=p_tai,
        p_by_anchor={k: cdf[i] for i, k in enumerate(ANCHOR_KEYS)},
        none_weight=q,
        median_year=median,
        headline={y: float(p_tai[y - FIRST_YEAR]) for y in HEADLINE_YEARS},
        anchor_median_year={k: crossing_year(years_f, cdf[i]) for i, k in enumerate(ANCHOR_KEYS)},
        anchor_p_2100={k: float(cdf[i, -1]) for i, k in enumerate(ANCHOR_KEYS)},
        series_years=_SERIES_YEARS,
        log10_flop_per_usd=lf,
        log10_spend=ls,
        log10_compute=compute,
        algo_progress={k: rho[i] for i, k in enumerate(ANCHOR_KEYS)},
        requirement_bands=bands,
        weights=weights,
        data_shift_oom=shift,
        warnings=tuple(warnings),
    )


def cli_results(result: BioAnchorsResult) -> dict:
    """The JSON the CLI prints: P(TAI by year) for every year 2025-2100; medians; per anchor."""

    def _year(y: float | None) -> float | None:
        return None if y is None else round(y, 1)

    return {
        "p_by_year": {str(int(y)): round(float(p), 4) for y, p in zip(result.years, result.p_tai)},
        "median_year": _year(result.median_year),
        "per_anchor": {
            k: {"median_year": _year(result.anchor_median_year[k]), "p_by_2100": round(result.anchor_p_2100[k], 4)}
            for k in ANCHOR_KEYS
        },
    }
