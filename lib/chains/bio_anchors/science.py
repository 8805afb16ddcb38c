"""The biological-anchors model's building blocks, as pure vectorised functions.

Every function takes its coefficients as arguments (defaults live in :mod:`.published` and the
parameters) and broadcasts numpy arrays, so a batch of parameter sets is one call: pass years as
the last axis and parameters with trailing singleton axes.

Sources: Cotra 2020, "Forecasting TAI with biological anchors"; Rethink Priorities'
``future-assessment-model`` (the public port: anchor percentiles, the algorithmic-progress rule);
Kaplan et al. 2020; Hoffmann et al. 2022. Where this project departs from the port (the split
normal, the cut at the floor, the per-anchor rule applied to medians), the docstring says so.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import log_ndtr, ndtr, ndtri

from lib.chains.bio_anchors.published import (
    CHINCHILLA_TOKENS_PER_PARAM,
    GDP_BASE_YEAR,
    LOG10_REF_PARAMS,
    LOG10_REF_SAMPLES,
    NONE_END_YEAR,
    NONE_START_YEAR,
    T0,
)

Array = NDArray[np.float64]
Z90 = 1.2815515655446004  # standard-normal 90th percentile: p90 - p50 = Z90 * sigma
_LN10 = math.log(10.0)
_LN2 = math.log(2.0)


def _arr(x: ArrayLike) -> Array:
    return np.asarray(x, dtype=np.float64)


def log10_logistic(log10_x0: ArrayLike, rate: ArrayLike, t: ArrayLike, log10_cap: ArrayLike) -> Array:
    """log10 of x(t) = x0 e^(r t) / (1 + (x0/cap) e^(r t)), computed in logs (no overflow).

    The logistic form this model uses for FLOP per dollar and for spend.
    ``np.logaddexp`` keeps it finite for any t.
    """
    ln_x0 = _arr(log10_x0) * _LN10
    rt = _arr(rate) * _arr(t)
    ln_x = ln_x0 + rt - np.logaddexp(0.0, ln_x0 - _arr(log10_cap) * _LN10 + rt)
    return ln_x / _LN10


def log10_flop_per_dollar(years: ArrayLike, flop_per_usd_2025: ArrayLike, halving_years: ArrayLike,
                          max_flop_per_usd: ArrayLike) -> Array:
    """Hardware price-performance, log10 FLOP per 2020 dollar.

    Logistic from ``flop_per_usd_2025`` (Cotra 2020 defaults: 4e17 in 2025, ~1e17 in 2020), price
    halving every ``halving_years`` (2.5), levelling off at ``max_flop_per_usd`` (1e24).
    """
    t = _arr(years) - T0
    return log10_logistic(np.log10(_arr(flop_per_usd_2025)), _LN2 / _arr(halving_years), t,
                          np.log10(_arr(max_flop_per_usd)))


def log10_gdp(years: ArrayLike, gdp_2020: ArrayLike, growth: ArrayLike) -> Array:
    """Largest economy's GDP, log10 2020 dollars, from ``gdp_2020`` growing by ``growth`` a year."""
    return np.log10(_arr(gdp_2020)) + (_arr(years) - GDP_BASE_YEAR) * np.log10(1.0 + _arr(growth))


def log10_spend(years: ArrayLike, spend_2025: ArrayLike, doubling_years: ArrayLike, max_gdp_share: ArrayLike,
                gdp_growth: ArrayLike, gdp_2020: ArrayLike) -> Array:
    """Spend on the largest training run, log10 2020 dollars.

    Logistic from ``spend_2025`` (default $1e9) doubling every ``doubling_years`` (2.5), with a
    cap of ``max_gdp_share`` (1%) of the largest economy's GDP, which itself grows.
    """
    t = _arr(years) - T0
    cap = np.log10(_arr(max_gdp_share)) + log10_gdp(years, gdp_2020, gdp_growth)
    return log10_logistic(np.log10(_arr(spend_2025)), _LN2 / _arr(doubling_years), t, cap)


def algorithmic_progress_oom(years: ArrayLike, halving_years: ArrayLike, cap_oom: ArrayLike,
                             start_year: ArrayLike) -> Array:
    """Orders of magnitude by which a requirement has shrunk by year Y.

    rho(t) = log10(e^(a t) / (1 + e^(a t) / 10^M)), a = ln2 / H, t = Y - start
    (the Rethink Priorities port's form, which starts in 2025). It grows by
    log10(2) OOM per halving time at first and levels off at the cap M.
    Zero before the start year and floored at zero (the formula gives -0.004 OOM at t = 0).
    """
    t = np.maximum(_arr(years) - _arr(start_year), 0.0)
    at = (_LN2 / _arr(halving_years)) * t
    rho = (at - np.logaddexp(0.0, at - _arr(cap_oom) * _LN10)) / _LN10
    return np.maximum(rho, 0.0)


def port_algorithm_rule(p50: ArrayLike) -> tuple[Array, Array]:
    """The public port's per-anchor algorithmic-progress rule, keyed on the requirement median.

    Halving time H = clip(3.5 - (p50 - 29)/4, 2, 3.5) years and cap
    M = clip(2 + (p50 - 32)/4, 2, 5) OOM: bigger requirements leave more room
    for, and get faster, algorithmic progress (Rethink Priorities port of
    Cotra 2020). Returns ``(H, M)``. The port rounds both terms and applies the rule to each
    sampled requirement; this project applies it to each anchor's median, an approximation.
    """
    p = _arr(p50)
    return np.clip(3.5 - (p - 29.0) / 4.0, 2.0, 3.5), np.clip(2.0 + (p - 32.0) / 4.0, 2.0, 5.0)


def _split_z(x: Array, p50: Array, lo_gap: Array, hi_gap: Array) -> Array:
    """Standardised distance from the median, using the lower or upper half's sigma."""
    # Per element z = d/sigma_low below the median, d/sigma_high above, written as
    # d * (1/sigma_high + [d < 0](1/sigma_low - 1/sigma_high)): the divisions stay on the (small)
    # parameter arrays, the (draws x anchors x years) array takes in-place passes, and d = -inf
    # still gives -inf.
    inv_lo, inv_hi = Z90 / lo_gap, Z90 / hi_gap
    d = np.array(np.subtract(x, p50), ndmin=1)  # ndmin: in-place passes need an array, not a scalar
    z = np.less(d, 0.0) * (inv_lo - inv_hi)
    z += inv_hi
    z *= d
    return z.reshape(np.broadcast_shapes(np.shape(x), np.shape(p50), np.shape(lo_gap), np.shape(hi_gap)))


def split_normal_cdf(
    x: ArrayLike, p10: ArrayLike, p50: ArrayLike, p90: ArrayLike, floor: ArrayLike = -np.inf
) -> Array:
    """CDF of an anchor's requirement: a two-piece normal in log10 FLOP, cut at ``floor``.

    Our modelling choice: below the median the CDF is Phi((x - p50)/sigma_low),
    above it Phi((x - p50)/sigma_high), with sigma_low = (p50 - p10)/1.2816 and
    sigma_high = (p90 - p50)/1.2816; each half holds probability 1/2, so
    p10/p50/p90 are reproduced exactly.

    Update against the low end, our choice: mass below ``floor`` is removed and the rest
    renormalised (the port instead shifts samples below 1e27 up and clips at 1e24),
    F_cut(x) = 1 - S(x)/S(floor) for x >= floor, else 0, with S = 1 - F taken
    from ``log_ndtr`` so that a floor far in the upper tail stays finite.
    All arguments broadcast.
    """
    x, p10, p50, p90 = _arr(x), _arr(p10), _arr(p50), _arr(p90)
    lo_gap, hi_gap = p50 - p10, p90 - p50
    floor_arr = _arr(floor)
    if np.all(np.isneginf(floor_arr)):
        return -np.expm1(log_ndtr(-_split_z(x, p50, lo_gap, hi_gap)))
    # The floor is one value per distribution, so its log survival is cheap and exact far in the
    # tail; for the (many) x values, ndtr is enough unless the floor's own survival underflows.
    log_sf_floor = log_ndtr(-_split_z(floor_arr, p50, lo_gap, hi_gap))
    if np.all(log_sf_floor > -600.0):
        with np.errstate(under="ignore"):
            z = _split_z(x, p50, lo_gap, hi_gap)
            ratio = np.array(np.negative(z), ndmin=1)
            ndtr(ratio, out=ratio)
            ratio *= np.exp(-log_sf_floor)
        np.subtract(1.0, ratio, out=ratio)
        np.clip(ratio, 0.0, 1.0, out=ratio)
        np.copyto(ratio, 0.0, where=np.array(x < floor_arr, ndmin=1))
        return ratio.reshape(np.broadcast_shapes(np.shape(z), np.shape(floor_arr)))
    log_sf_x = log_ndtr(-_split_z(x, p50, lo_gap, hi_gap))
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


def data_exponent_shift_oom(exponent: str | float, log10_params: float) -> float:
    """How many OOM the neural-net anchors move when data scales as P^exponent instead of P^0.8.

    Training FLOP = F * H * D with D the number of data points. The report
    (Cotra 2020) uses a Kaplan-style rule anchored at its reference model:
    D = 1e12 * (P / 10^11.2)^0.8 (~1e12 data points for a GPT-3-sized,
    ~1.6e11-parameter model, as in Kaplan et al. 2020's D ~ 5e3 N^0.74).
    Chinchilla (Hoffmann et al. 2022) gives D = 20 * P. Each rule keeps its own
    published constant (they coincide at P ~ 5e8), so the shift is

        log10(20 P) - [12 + 0.8 (log10 P - 11.2)] = 0.2 log10 P - 1.74,

    i.e. +1.16 OOM at brain scale, P ~ 1e16 FLOP/subj-s / 10^1.5 ~ 3e14. With F and H
    fixed, training FLOP moves by the same amount. Rohin Shah's opinion in the Alignment
    Newsletter's summary of Hoffmann et al. 2022 gives the direction, not a size: the bio
    anchors framework has "a specific parameter for this", and updating it alone "will
    lengthen the timelines output by the model". The size is this formula's (this project's
    model notes put it at about one order of magnitude; that is their summary, not his).
    (The alternative, forcing both rules through the report's reference point, gives only
    0.2 * (14.5 - 11.2) = 0.66 OOM; it would discard Chinchilla's measured 20 tokens per
    parameter, which is the point of the switch.) Only the two published rules are offered: "0.8" -> 0,
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


def none_weight(years: ArrayLike, q_start: ArrayLike, q_end: ArrayLike) -> Array:
    """Weight of "none of these anchors works": linear from q_start (2020) to q_end (2100)."""
    frac = np.clip((_arr(years) - NONE_START_YEAR) / (NONE_END_YEAR - NONE_START_YEAR), 0.0, 1.0)
    return _arr(q_start) + (_arr(q_end) - _arr(q_start)) * frac


def normalise_weights(weights: ArrayLike, fallback: ArrayLike) -> tuple[Array, NDArray[np.bool_], NDArray[np.bool_]]:
    """Relative anchor weights (last axis: anchors) -> fractions summing to 1.

    Only ratios matter: the weights are divided by their sum, and the "none of these works"
    weight is applied on top, P = (1 - q) * mix. At the report's weights (5/20/30/15/10/10,
    summing to 90) this equals the report's (1 - q)/0.9 * sum w_i P_i. Negative or non-finite
    weights count as 0; a row whose weights are all (nearly) 0 takes ``fallback``. Returns
    ``(fractions, bad, fell_back)``: which weights were invalid, which rows fell back.
    """
    w = _arr(weights)
    bad = ~np.isfinite(w) | (w < 0)
    w = np.where(bad, 0.0, w)
    # Weights are percentages; a total this small is a typo or a denormal from a crafted link,
    # and dividing by it would turn rounding noise into the mix.
    total = w.sum(axis=-1, keepdims=True)
    fell_back = total[..., 0] < 1e-9
    w = np.where(fell_back[..., None], _arr(fallback), w)
    return w / w.sum(axis=-1, keepdims=True), bad, fell_back


def crossing_year(years: Array, p: ArrayLike, level: float = 0.5) -> Array:
    """First year each (non-decreasing) curve on the last axis reaches ``level``, interpolated.

    NaN where a curve never reaches it by the last year (read: "after 2100"). A curve that
    starts at or above ``level`` gives the first year.
    """
    p = _arr(p)
    above = p >= level
    i = np.argmax(above, axis=-1)
    hit = above.any(axis=-1)
    prev = np.maximum(i - 1, 0)
    p0 = np.take_along_axis(p, prev[..., None], axis=-1)[..., 0]
    p1 = np.take_along_axis(p, i[..., None], axis=-1)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = np.where(i == 0, 1.0, (level - p0) / (p1 - p0))
    year = years[prev] + (years[i] - years[prev]) * frac
    return np.where(hit, year, np.nan)
