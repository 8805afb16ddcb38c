"""METR's time-horizon trend: a log-linear fit of the measured horizons against release date.

As METR fits it (Time Horizon 1.1, ../shared/MODELS.md section 4): ordinary least squares of log2(horizon)
on release date, over the models METR flags as state of the art (``is_sota``), leaving out central
estimates above 16 hours ("measurements above 16 hrs are unreliable with our current task suite").
On the shipped points this gives METR's own doubling times: all 17 points 187.8 days (METR's file:
187.778, "all_time_stitched"), from 2023 on 128.7 days (METR: 128.744, 95% CI 104.4-158.0).

Vectorised: a batch of windows (``since``, ``until``) is one weighted least-squares over a
points × batch mask. Pure: numpy only; the points come in as arrays (lib.data reads the file).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]

UNRELIABLE_MINUTES = 16 * 60  # METR leaves central estimates above 16 h out of its fit
DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = DAYS_PER_YEAR / 12


@dataclass(frozen=True)
class Points:
    """The measured horizons of one metric (50% or 80% success): release dates as decimal years, minutes."""

    year: Array
    minutes: Array
    sota: NDArray[np.bool_]

    def usable(self) -> NDArray[np.bool_]:
        """The points a fit may use: state of the art, central estimate at most 16 h."""
        return self.sota & (self.minutes <= UNRELIABLE_MINUTES) & (self.minutes > 0)


@dataclass(frozen=True)
class Fit:
    """log2(minutes) = intercept + slope·(year − 2000), for each element of a batch; NaN where fewer than 2 points."""

    slope: Array  # doublings per year
    intercept: Array
    count: Array  # points in the window

    @property
    def doubling_days(self) -> Array:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.slope > 0, DAYS_PER_YEAR / self.slope, np.nan)

    @property
    def doubling_months(self) -> Array:
        return self.doubling_days / DAYS_PER_MONTH

    def minutes_at(self, year: ArrayLike) -> Array:
        return np.exp2(self.intercept + self.slope * (np.asarray(year, dtype=float) - 2000.0))

    def year_at(self, minutes: ArrayLike) -> Array:
        """The year the line reaches ``minutes``; NaN where it does not grow."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.slope > 0, 2000.0 + (np.log2(np.asarray(minutes, dtype=float)) - self.intercept)
                            / self.slope, np.nan)


def fit(points: Points, since: ArrayLike = -np.inf, until: ArrayLike = np.inf) -> Fit:
    """The trend over the usable points released in [since, until) (decimal years), for each element of a batch."""
    keep = points.usable()
    x = points.year[keep] - 2000.0
    y = np.log2(points.minutes[keep])
    lo, hi = np.broadcast_arrays(np.asarray(since, dtype=float), np.asarray(until, dtype=float))
    w = ((x[:, None] + 2000.0 >= lo.reshape(1, -1)) & (x[:, None] + 2000.0 < hi.reshape(1, -1))).astype(float)
    return _weighted(x, y, w, lo.shape)


def _weighted(x: Array, y: Array, w: Array, shape: tuple[int, ...]) -> Fit:
    """Least squares of y on x with weights w (points × batch): counts for a bootstrap, 0/1 for a window."""
    count = w.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mx = (w * x[:, None]).sum(axis=0) / count
        my = (w * y[:, None]).sum(axis=0) / count
        dx = x[:, None] - mx
        sxx = (w * dx ** 2).sum(axis=0)
        slope = np.where((count >= 2) & (sxx > 0), (w * dx * (y[:, None] - my)).sum(axis=0) / sxx, np.nan)
    intercept = my - slope * mx
    return Fit(slope.reshape(shape), intercept.reshape(shape), count.reshape(shape))


def bootstrap_doubling_days(points: Points, since: float, until: float = np.inf, resamples: int = 2000,
                            seed: int = 0) -> tuple[float, float]:
    """A 95% interval for the doubling time (days), resampling the window's models with replacement.

    METR bootstraps over models (and tasks) for its interval; this resamples models only, so it is
    a little narrower than METR's. All resamples are one weighted fit (a points × resamples matrix
    of counts); resamples with fewer than two distinct dates are left out.
    """
    keep = points.usable() & (points.year >= since) & (points.year < until)
    x, y = points.year[keep] - 2000.0, np.log2(points.minutes[keep])
    if len(x) < 3:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(len(x), np.full(len(x), 1 / len(x)), size=resamples).T.astype(float)
    days = _weighted(x, y, counts, (resamples,)).doubling_days
    days = days[np.isfinite(days)]
    lo, hi = np.percentile(days, [2.5, 97.5])
    return float(lo), float(hi)
