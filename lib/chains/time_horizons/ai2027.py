"""AI 2027's time-horizon-extension model (April 2025), solved exactly and vectorised over a batch.

The forecast (AI 2027, "Timelines forecast", method 1; as ../shared/MODELS.md section 4 describes it):
progress is counted in months of work at today's pace. Reaching the superhuman coder's horizon needs
R months of it (the closed forms of :mod:`.growth`, from the first doubling time and the growth
kind). Progress runs faster than the calendar because AI speeds up algorithmic research:

    dP/dt = (v_alg + c(t)) / 2,   v_alg = (1+p)·((1+s)/(1+p))^(P/R)

with p the R&D speed-up today, s the speed-up at the superhuman coder (interpolated geometrically
in the share of progress done, P/R) and c the pace of compute growth: 1 until 2029, 0.5 after. The
model starts at the internal frontier (``now − lead``), and the coder arrives ``delay`` months after
the horizon is reached (cost and speed).

The published code integrates in steps of a day. With v_alg exponential in P, the equation has a
closed form on each stretch where c is constant (dP/dt = a·e^(κP) + b): with u = e^(−κP),
u(t) = (u0 + a/b)·e^(−κbt) − a/b. So the date is exact, and a batch of 100,000 draws costs a few
array operations; tests/unit/test_time_horizons.py checks it against a day-by-day summation.
Pure: numpy only.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lib.chains.time_horizons.growth import months_for

Array = NDArray[np.float64]

COMPUTE_SLOWDOWN_YEAR = 2029.0  # AI 2027: compute growth halves after 2029
PACE_BEFORE, PACE_AFTER = 1.0, 0.5


def _months_to(p0: Array, p1: Array, a: Array, b: float, kappa: Array) -> Array:
    """Months for progress to go from p0 to p1 under dP/dt = a·e^(κP) + b (b > 0)."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        flat = np.abs(kappa) < 1e-12
        ratio = a / b
        u0, u1 = np.exp(-kappa * p0), np.exp(-kappa * p1)
        curved = np.log((u0 + ratio) / (u1 + ratio)) / (kappa * b)
        straight = (p1 - p0) / (a + b)
    return np.where(flat, straight, curved)


def _progress_after(p0: Array, months: Array, a: Array, b: float, kappa: Array) -> Array:
    """Progress after ``months`` under dP/dt = a·e^(κP) + b, from p0."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        flat = np.abs(kappa) < 1e-12
        ratio = a / b
        u = (np.exp(-kappa * p0) + ratio) * np.exp(-kappa * b * months) - ratio
        curved = np.where(u > 0, -np.log(np.where(u > 0, u, 1)) / kappa, np.inf)
        straight = p0 + (a + b) * months
    return np.where(flat, straight, curved)


def _setup(now: ArrayLike, start_min: ArrayLike, target_min: ArrayLike, first: ArrayLike, growth: ArrayLike,
           lead: ArrayLike, delay: ArrayLike, speedup_now: ArrayLike, speedup_sc: ArrayLike, shrink: ArrayLike,
           stretch: ArrayLike) -> tuple[Array, Array, Array, Array]:
    """(need, kappa, a, start): the progress to the coder in months at today's pace (the delay included),
    the speed-up's growth per month of progress, the closed form's ``a`` and the internal frontier's start."""
    n = np.log2(np.asarray(target_min, dtype=float) / np.asarray(start_min, dtype=float))
    need = months_for(n, first, growth, shrink, stretch) + np.asarray(delay, dtype=float)  # R, in months at today's pace
    p, s = np.asarray(speedup_now, dtype=float), np.asarray(speedup_sc, dtype=float)
    start = np.asarray(now, dtype=float) - np.asarray(lead, dtype=float) / 12
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = np.where(need > 0, np.log((1 + s) / (1 + p)) / np.where(need > 0, need, 1), 0.0)
    return need, kappa, (1 + p) / 2, start


def _rate_after(progress: Array, a: Array, kappa: Array, need: Array) -> Array:
    """Progress per month after 2029: the speed-up at this progress, with the human part slowed (see below)."""
    v = 2 * a * np.exp(kappa * np.minimum(progress, need))
    return (np.sqrt(np.maximum(0.5 * v * (v - 0.5), 0.0)) + PACE_AFTER) / 2


def _rk4_step(p: Array, step: ArrayLike, rate: Callable[[Array, float], Array]) -> Array:
    """One classical Runge-Kutta step of ``step`` months; ``rate(progress, share of the step elapsed)``."""
    k1 = rate(p, 0.0)
    k2 = rate(p + step / 2 * k1, 0.5)
    k3 = rate(p + step / 2 * k2, 0.5)
    k4 = rate(p + step * k3, 1.0)
    return p + step / 6 * (k1 + 2 * k2 + 2 * k3 + k4)


def _after_slowdown(p0: Array, t0: Array, need: Array, a: Array, kappa: Array, start: Array,
                    until: float, reach: Array | None = None) -> Array:
    """Months past ``t0`` (2029 or the start, if later) until progress reaches ``need``, integrated month by month.

    After 2029 the published model also slows the human part of algorithmic progress: v_alg becomes the
    geometric mean of v/2 and v − 1/2 (AI 2027's code, ``human_alg_progress_decrease_date``), which has no
    closed form. Classical Runge-Kutta in steps of a month on a grid common to the batch (the rate is
    smooth between steps); the step in which a draw ends is interpolated. NaN where ``until`` comes first.
    """
    step = 1.0
    # The grid starts at 2029 for every draw, not at the batch's earliest start: a draw's date must not
    # depend on the others in its batch (a batch equals its rows run one by one).
    steps = int(np.ceil((until - COMPUTE_SLOWDOWN_YEAR) * 12 / step)) + 1
    goal = need if reach is None else reach  # the progress to reach (the coder's, or a threshold's on the way)
    p = p0.copy()
    t = np.full_like(p0, COMPUTE_SLOWDOWN_YEAR)
    end = np.full_like(p0, np.nan)
    end[p >= goal] = 0.0

    h = step / 12
    for _ in range(steps):
        open_ = np.isnan(end)
        if not open_.any():
            break
        # A draw that starts after 2029 makes no progress until its start.
        nxt = _rk4_step(p, step, lambda x, f: np.where(t + f * h >= t0, _rate_after(x, a, kappa, need), 0.0))
        crossed = open_ & (nxt >= goal)
        with np.errstate(divide="ignore", invalid="ignore"):
            frac = np.clip((goal - p) / (nxt - p), 0.0, 1.0)
        end = np.where(crossed, (t - t0) * 12 + frac * step, end)
        p, t = np.where(open_, nxt, p), t + h
    return np.where(np.isnan(end) | (t0 + end / 12 > until), np.nan, np.maximum(end, 0.0))


def coder_year(now: ArrayLike, start_min: ArrayLike, target_min: ArrayLike, first: ArrayLike, growth: ArrayLike,
               lead: ArrayLike, delay: ArrayLike, speedup_now: ArrayLike, speedup_sc: ArrayLike,
               shrink: ArrayLike = 0.1, stretch: ArrayLike = 0.1, until: float = 2050.0,
               on_the_way: ArrayLike | None = None) -> Array:
    """The superhuman coder's arrival (decimal year) for a batch of parameter sets; NaN if after ``until``.

    ``on_the_way`` (minutes): instead, the date the horizon reaches this shorter length on the way to
    the coder, under the same speed-ups (which ramp with the share of the way to the coder done).

    ``now``: the date of the start horizon ``start_min`` (minutes); ``target_min``: the horizon the
    coder needs; ``first``: first doubling (months); ``lead``/``delay`` in months; ``speedup_now`` and
    ``speedup_sc`` are p and s above (0.1 = 10% faster); ``growth`` per element as in :mod:`.growth`.
    As in AI 2027's code, the cost-and-speed delay is progress too (sped up like the rest), and the
    simulation stops at 2050.
    """
    need, kappa, a, start = _setup(now, start_min, target_min, first, growth, lead, delay, speedup_now, speedup_sc,
                                   shrink, stretch)
    if on_the_way is None:
        reach = need
    else:
        reach = np.minimum(months_for(np.log2(np.asarray(on_the_way, dtype=float) / np.asarray(start_min, dtype=float)),
                                      first, growth, shrink, stretch), need)
    need, kappa, a, start, reach = (np.array(x, dtype=float)
                                    for x in np.broadcast_arrays(need, kappa, a, start, reach))
    zero = np.zeros_like(need)
    # Until 2029 (or the end, if sooner): the closed form, at the full pace of compute.
    to_slowdown = np.maximum((COMPUTE_SLOWDOWN_YEAR - start) * 12, 0.0)
    whole = _months_to(zero, reach, a, PACE_BEFORE / 2, kappa)
    done = whole <= to_slowdown
    at_slowdown = np.minimum(_progress_after(zero, to_slowdown, a, PACE_BEFORE / 2, kappa), reach)
    t0 = np.maximum(start, COMPUTE_SLOWDOWN_YEAR)
    rest = np.full_like(need, np.nan)
    late = ~done
    if late.any():
        rest[late] = _after_slowdown(at_slowdown[late], t0[late], need[late], a[late], kappa[late], start[late], until,
                                     reach[late])
    year = np.where(done, start + whole / 12, t0 + rest / 12)
    year = np.where(reach <= 0, start, year)
    return np.where(year > until, np.nan, year)


def progress_by(now: ArrayLike, start_min: ArrayLike, target_min: ArrayLike, first: ArrayLike, growth: ArrayLike,
                lead: ArrayLike, delay: ArrayLike, speedup_now: ArrayLike, speedup_sc: ArrayLike, at: ArrayLike,
                shrink: ArrayLike = 0.1, stretch: ArrayLike = 0.1) -> Array:
    """Months of progress (at today's pace) done by the date ``at``, under the same dynamics as :func:`coder_year`.

    The speed-up depends on the share of the way to the coder done, so the target enters too. Before
    the start: 0 (the page's horizon at a date before the start comes from the trend, not from here).
    """
    need, kappa, a, start = _setup(now, start_min, target_min, first, growth, lead, delay, speedup_now, speedup_sc,
                                   shrink, stretch)
    need, kappa, a, start, when = (np.array(x, dtype=float)
                                   for x in np.broadcast_arrays(need, kappa, a, start, np.asarray(at, dtype=float)))
    zero = np.zeros_like(need)
    before = np.clip((np.minimum(when, COMPUTE_SLOWDOWN_YEAR) - start) * 12, 0.0, None)
    progress = np.minimum(_progress_after(zero, before, a, PACE_BEFORE / 2, kappa), need)
    # After 2029, month by month (as _after_slowdown), each row until its own date.
    t = np.maximum(start, COMPUTE_SLOWDOWN_YEAR)
    for _ in range(int(np.ceil(max(float(np.max(when)) - COMPUTE_SLOWDOWN_YEAR, 0.0) * 12)) + 1):
        left = np.clip((when - t) * 12, 0.0, 1.0)  # months of this step before the row's date
        if not (left > 0).any():
            break
        progress = np.minimum(_rk4_step(progress, left, lambda x, _: _rate_after(x, a, kappa, need)), need)
        t = t + left / 12
    return progress


def coder_year_by_day(now: float, start_min: float, target_min: float, first: float, growth: str, lead: float,
                      delay: float, speedup_now: float, speedup_sc: float, shrink: float = 0.1,
                      stretch: float = 0.1, step_days: float = 1.0, until: float = 2050.0) -> float:
    """The same date by summing the rate day by day, as the published code does: the check of :func:`coder_year`."""
    need = float(months_for(np.log2(target_min / start_min), first, growth, shrink, stretch)) + delay
    t = now - lead / 12
    dt = step_days / 30.4375  # months
    progress = 0.0
    while progress < need and t < until:
        share = progress / need
        v_alg = (1 + speedup_now) * ((1 + speedup_sc) / (1 + speedup_now)) ** share
        if t >= COMPUTE_SLOWDOWN_YEAR:
            v_alg = math.sqrt(max(0.5 * v_alg * (v_alg - 0.5), 0.0))
        pace = PACE_BEFORE if t < COMPUTE_SLOWDOWN_YEAR else PACE_AFTER
        progress += (v_alg + pace) / 2 * dt
        t += dt / 12
    return t if progress >= need else math.nan
