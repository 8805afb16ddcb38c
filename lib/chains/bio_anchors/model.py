"""Biological anchors: when can a frontier developer afford to train transformative AI?

A pure, vectorised re-implementation of the structure of Cotra's 2020 model:

    P(TAI by Y) = (1 - q(Y)) * sum_i  w_i * P(R_i <= A(Y) + rho_i(Y))

- ``R_i``: training compute (log10 FLOP, 2020 algorithms) needed under anchor *i*, a two-piece
  normal through the anchor's 10/50/90th percentiles, cut at a floor (our choices);
- ``w_i``: relative anchor weights, divided by their sum;
- ``q(Y)``: the weight of "none of these anchors works", tapering linearly 2020-2100;
- ``A(Y)``: affordable compute, log10(FLOP per dollar x spend on the largest run);
- ``rho_i(Y)``: algorithmic progress, in orders of magnitude the requirement shrinks.

:func:`evaluate_batch` computes everything for a batch of parameter sets at once, as arrays
with the batch on the first axis; :func:`run_batch` (the headlines) and :func:`run` (the single
view, a batch of one) both go through it. With the report's defaults the model gives 8.5% by
2030, 45.4% by 2050, 75.6% by 2100 and a median of 2053.7, against Cotra's published ~8% / ~47%
/ ~78% / "actually 2053" (tests/unit/test_bio_anchors.py checks 3 points and 2 years).

Sources: Cotra 2020; Rethink Priorities' future-assessment-model; Epoch AI's summary; AXRP 7.5
(the model "actually says 2053"); Cotra 2022; Kaplan et al. 2020; Hoffmann et al. 2022.
Pure: no Streamlit, no I/O, no clock.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from lib.chains.bio_anchors import science as sc
from lib.chains.bio_anchors.params import PARAMS
from lib.chains.bio_anchors.published import (
    ANCHOR_KEYS,
    ANCHORS,
    FIRST_YEAR,
    GDP_2020_USD,
    LAST_YEAR,
    LOG10_BRAIN_PARAMS,
    SERIES_FIRST_YEAR,
)
from lib.core.chain import HeadlineBatch, headline_batch

Array = NDArray[np.float64]
Values = Mapping[str, object]

HEADLINE_YEARS = (2030, 2036, 2040, 2050, 2100)
SERIES_YEARS = np.arange(SERIES_FIRST_YEAR, LAST_YEAR + 1)
YEARS = SERIES_YEARS[FIRST_YEAR - SERIES_FIRST_YEAR:]
_P_OFFSET = FIRST_YEAR - SERIES_FIRST_YEAR
_P10_GAP = np.array([a.p50 - a.p10 for a in ANCHORS])
_P90_GAP = np.array([a.p90 - a.p50 for a in ANCHORS])
_IS_NN = np.array([a.neural_net for a in ANCHORS])
_REPORT_WEIGHTS = np.array([a.weight for a in ANCHORS])
# Batches are evaluated in chunks of this many rows: (rows, 6 anchors, 81 years) arrays stay
# ~4 MB each, so 100,000 draws take no more memory than a few thousand.
_CHUNK = 1024


def data_shift_oom(data_exp: object) -> float:
    """OOM the neural-net anchors move for a data exponent of "0.8" or "1.0", at brain scale."""
    return sc.data_exponent_shift_oom(str(data_exp), LOG10_BRAIN_PARAMS)


@dataclass(frozen=True)
class BatchArrays:
    """Every series of the model for a batch (first axis), anchors on the second where they apply."""

    log10_flop_per_usd: Array  # (B, series years)
    log10_spend: Array
    log10_compute: Array
    p50: Array  # (B, anchors): medians after the data-exponent shift
    p10: Array
    p90: Array
    rho: Array  # (B, anchors, series years)
    cdf: Array  # (B, anchors, probability years)
    weights: Array  # (B, anchors), normalised
    bad_weight: NDArray[np.bool_]  # (B, anchors)
    weights_fell_back: NDArray[np.bool_]  # (B,)
    none_weight: Array  # (B, probability years)
    none_held: NDArray[np.bool_]  # (B,): the 2100 "none" weight was above the 2020 one
    p_tai: Array  # (B, probability years)
    median_year: Array  # (B,), NaN after 2100
    data_shift: Array  # (B,)


def _evaluate_chunk(v: Mapping[str, np.ndarray], floor_arr: np.ndarray) -> BatchArrays:
    years = SERIES_YEARS.astype(np.float64)[None, :]
    col = {k: a[:, None] for k, a in v.items() if isinstance(a, np.ndarray) and a.dtype != object}
    lf = sc.log10_flop_per_dollar(years, col["flop_usd"], col["hw_halving"], col["flop_usd_max"])
    ls = sc.log10_spend(years, col["spend"], col["spend_doubling"], col["gdp_share"] / 100.0,
                        col["gdp_growth"] / 100.0, GDP_2020_USD)
    compute = lf + ls

    # Requirements: user medians, the port's gaps to p10/p90, the Chinchilla shift on NN anchors.
    p50_user = np.stack([v[f"p50_{k}"] for k in ANCHOR_KEYS], axis=-1)
    shift = np.where(v["data_exp"] == "1.0", data_shift_oom("1.0"), 0.0)
    p50 = p50_user + np.where(_IS_NN, shift[:, None], 0.0)
    lo_gap, hi_gap = _P10_GAP * col["spread"], _P90_GAP * col["spread"]

    # Algorithmic progress, per anchor. The rule is keyed on the user's median before the
    # data-exponent shift: the Chinchilla switch moves requirements, not the pace of progress.
    rule_h, rule_m = sc.port_algorithm_rule(p50_user)
    is_rule = (v["algo"] == "rule")[:, None]
    halving = np.where(is_rule, rule_h, col["algo_halving"])
    cap = np.where(is_rule, rule_m, col["algo_cap"])
    start = v["algo_start"]
    if _same_rows(halving, cap, start):
        # Draws seldom range the progress inputs: one row of progress, broadcast, not one per draw.
        rho = np.broadcast_to(sc.algorithmic_progress_oom(years[:1, None, :], halving[:1, :, None],
                                                          cap[:1, :, None], start[:1, None, None]),
                              (len(start), len(ANCHOR_KEYS), years.shape[1]))
    else:
        rho = sc.algorithmic_progress_oom(years[:, None, :], halving[..., None], cap[..., None], start[:, None, None])

    floor = floor_arr[:, None, None]
    p10, p90 = p50 - lo_gap, p50 + hi_gap
    # Probabilities only for the probability years: the years before are charted as compute alone.
    reached = compute[:, None, _P_OFFSET:] + rho[..., _P_OFFSET:]
    cdf = sc.split_normal_cdf(reached, p10[..., None], p50[..., None], p90[..., None], floor)

    raw_w = np.stack([v[f"w_{k}"] for k in ANCHOR_KEYS], axis=-1)
    weights, bad, fell_back = sc.normalise_weights(raw_w, _REPORT_WEIGHTS)
    q0, q1 = v["none_2020"] / 100.0, v["none_2100"] / 100.0
    held = q1 > q0
    q = sc.none_weight(YEARS.astype(np.float64)[None, :], q0[:, None], np.minimum(q1, q0)[:, None])
    p_tai = (1.0 - q) * np.einsum("bk,bky->by", weights, cdf)
    median = sc.crossing_year(YEARS.astype(np.float64), p_tai)
    return BatchArrays(lf, ls, compute, p50, p10, p90, rho, cdf, weights, bad, fell_back, q, held, p_tai,
                       median, shift)


def _same_rows(*arrays: np.ndarray) -> bool:
    """Whether every row of each array equals its first."""
    return all(bool(np.all(a == a[:1])) for a in arrays)


def _chunks(values: Values) -> Iterator[BatchArrays]:
    v = PARAMS.coerce_batch(values)
    n = len(v["spread"])
    for i in range(0, n, _CHUNK):
        yield _evaluate_chunk({k: a[i:i + _CHUNK] for k, a in v.items() if isinstance(a, np.ndarray)},
                              v["req_floor"][i:i + _CHUNK])


def evaluate_batch(values: Values) -> BatchArrays:
    """The whole model for arrays of values (missing keys take defaults, numbers are clamped)."""
    parts = list(_chunks(values))
    if len(parts) == 1:
        return parts[0]
    return BatchArrays(*(np.concatenate([getattr(p, f) for p in parts]) for f in BatchArrays.__dataclass_fields__))


def run_batch(values: Values) -> HeadlineBatch:
    """Headlines for arrays of values: the median year and P(TAI) by 2030, 2050 and 2100.

    Keeps only the headline columns of each chunk: joining the (rows, anchors, years) series of
    100,000 draws would cost more than computing them.
    """
    parts = [(b.p_tai[:, _HEADLINE_COLUMNS], b.median_year) for b in _chunks(values)]
    return _headlines(np.concatenate([q for q, _ in parts]), np.concatenate([m for _, m in parts]))


_HEADLINE_YEARS = (2030, 2050, 2100)
_HEADLINE_COLUMNS = [y - FIRST_YEAR for y in _HEADLINE_YEARS]


def _headlines(p: Array, median: Array) -> HeadlineBatch:
    return headline_batch({"median_year": median, **{f"p_{y}": p[:, i] for i, y in enumerate(_HEADLINE_YEARS)}},
                          {"median_year": [(np.isnan(median), f"after {LAST_YEAR}")]})


def headlines_and_curves(values: Values) -> tuple[HeadlineBatch, Array]:
    """The headlines and the P(TAI by year) curves (rows × :data:`YEARS`) of a batch, from one evaluation.

    For the uncertainty view's draws, whose bands need the curves as well as the headlines.
    """
    # Per chunk, only what is returned: joining every (rows, anchors, years) series costs more than the rest.
    parts = [(b.p_tai, b.median_year) for b in _chunks(values)]
    p_tai = np.concatenate([p for p, _ in parts])
    return _headlines(p_tai[:, _HEADLINE_COLUMNS], np.concatenate([m for _, m in parts])), p_tai


@dataclass(frozen=True, eq=False)
class BioAnchorsResult:
    """Everything the page, the charts and the CLI need. Probabilities are 0-1; compute is log10 FLOP.

    ``years`` (2025-2100) index the probability arrays; ``series_years`` (2020-2100) index the
    compute, algorithmic-progress and requirement series. ``p_by_anchor[k]`` is the anchor's own
    CDF, without the "none" weight. ``requirement_bands[k]`` has rows p10/p50/p90 of the
    requirement with year-Y algorithms (after the data-exponent shift and the floor);
    ``shifted_p50[k]`` is the median with 2020 algorithms after the shift. ``median_year`` is
    None when P(TAI by 2100) < 50% ("after 2100"). ``weights_rescaled`` says the weights and the
    starting "none" weight did not add up to 100, so the mix rescaled them.
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
    shifted_p50: dict[str, float]
    weights: dict[str, float]
    weight_total: float
    weights_rescaled: bool
    data_shift_oom: float
    other_data_shift_oom: float  # the shift the other data exponent would give
    warnings: tuple[str, ...]
    headlines: HeadlineBatch

    def p_by(self, year: int) -> float:
        """P(TAI by ``year``), for a year in 2025-2100."""
        return float(self.p_tai[int(year) - FIRST_YEAR])


def _opt(x: float) -> float | None:
    return None if math.isnan(x) else float(x)


def _label(key: str) -> str:
    return next(a.label for a in ANCHORS if a.key == key)


def run(values: Values) -> BioAnchorsResult:
    """The biological-anchors model for one set of parameter values: a batch of one, unpacked."""
    v, warnings = PARAMS.coerce(values)
    b = evaluate_batch(v)
    for k, bad in zip(ANCHOR_KEYS, b.bad_weight[0]):
        if bad:
            warnings.append(f"The weight of the {_label(k)} anchor is not a non-negative number; it counts as 0.")
    if b.weights_fell_back[0]:
        warnings.append("All anchor weights are zero, so there is no anchor mix; the default weights are used instead.")
    if b.none_held[0]:
        warnings.append(
            f"The 'none of these works' weight for 2100 ({float(v['none_2100']):g}%) is above the 2020 one "  # type: ignore[arg-type]
            f"({float(v['none_2020']):g}%); it is held at the 2020 value so that the probability cannot fall over time."  # type: ignore[arg-type]
        )
    median = _opt(b.median_year[0])
    if median is not None and median <= FIRST_YEAR:
        warnings.append(f"P(TAI) is already 50% or more in {FIRST_YEAR}; the median is shown as {FIRST_YEAR}.")

    pct = sc.split_normal_ppf(np.array([0.1, 0.5, 0.9])[None, :], b.p10[0][:, None], b.p50[0][:, None],
                              b.p90[0][:, None], float(v["req_floor"]))  # type: ignore[arg-type]
    rho = b.rho[0]
    cdf = b.cdf[0]
    years_f = YEARS.astype(np.float64)
    anchor_medians = sc.crossing_year(years_f, cdf)
    total = sum(float(v[f"w_{k}"]) for k in ANCHOR_KEYS)  # type: ignore[arg-type]
    shift = float(b.data_shift[0])
    return BioAnchorsResult(
        years=YEARS, p_tai=b.p_tai[0], p_by_anchor={k: cdf[i] for i, k in enumerate(ANCHOR_KEYS)},
        none_weight=b.none_weight[0], median_year=median,
        headline={y: float(b.p_tai[0, y - FIRST_YEAR]) for y in HEADLINE_YEARS},
        anchor_median_year={k: _opt(anchor_medians[i]) for i, k in enumerate(ANCHOR_KEYS)},
        anchor_p_2100={k: float(cdf[i, -1]) for i, k in enumerate(ANCHOR_KEYS)},
        series_years=SERIES_YEARS, log10_flop_per_usd=b.log10_flop_per_usd[0], log10_spend=b.log10_spend[0],
        log10_compute=b.log10_compute[0], algo_progress={k: rho[i] for i, k in enumerate(ANCHOR_KEYS)},
        requirement_bands={k: pct[i][:, None] - rho[i][None, :] for i, k in enumerate(ANCHOR_KEYS)},
        shifted_p50={k: float(b.p50[0, i]) for i, k in enumerate(ANCHOR_KEYS)},
        weights={k: float(b.weights[0, i]) for i, k in enumerate(ANCHOR_KEYS)},
        weight_total=total,
        weights_rescaled=total > 0 and abs(total + float(v["none_2020"]) - 100) > 0.5,  # type: ignore[arg-type]
        data_shift_oom=shift, other_data_shift_oom=data_shift_oom("1.0" if v["data_exp"] == "0.8" else "0.8"),
        warnings=tuple(warnings), headlines=run_batch(v),
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

