"""How a time horizon grows from a start: closed forms, vectorised over a batch.

A horizon h0 at date t0 (decimal years) grows by doublings; the first takes T months. Growth is
exponential (every doubling T), superexponential (each doubling a fraction d shorter than the one
before) or subexponential (each a fraction g longer). For n doublings (n = log2(H / h0), real):

- exponential: months = n·T
- superexponential: months = T·(1 − (1−d)^n)/d, never more than T/d: every horizon, however long,
  is reached before t0 + T/d. This finite-time limit is the heart of titotal's critique of AI 2027
  (with d = 10%, ten first doublings);
- subexponential: months = T·((1+g)^n − 1)/g.

Formulas: ../shared/MODELS.md section 4 (from AI 2027's timelines forecast, April 2025, and the
critique). Pure: numpy only; every numeric argument may be an array (broadcast together).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]

GROWTHS = ("exponential", "superexponential", "subexponential")


def months_for(doublings: ArrayLike, first: ArrayLike, growth: ArrayLike, shrink: ArrayLike = 0.1,
               stretch: ArrayLike = 0.1) -> Array:
    """Months to grow by ``doublings`` (may be fractional; 0 or less takes no time) from a first doubling of ``first``.

    ``growth`` names the kind per element (GROWTHS); ``shrink`` is d, ``stretch`` is g.
    """
    n = np.maximum(np.asarray(doublings, dtype=float), 0.0)
    t, d, g = (np.asarray(a, dtype=float) for a in (first, shrink, stretch))
    kind = np.asarray(growth)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        exp = n * t
        sup = np.where(d > 0, t * (1 - (1 - d) ** n) / np.where(d > 0, d, 1), exp)
        sub = np.where(g > 0, t * ((1 + g) ** n - 1) / np.where(g > 0, g, 1), exp)
    return np.where(kind == "superexponential", sup, np.where(kind == "subexponential", sub, exp))


def limit_months(first: ArrayLike, growth: ArrayLike, shrink: ArrayLike = 0.1) -> Array:
    """The months by which superexponential growth reaches every horizon (T/d); infinite for the other kinds."""
    t, d = np.asarray(first, dtype=float), np.asarray(shrink, dtype=float)
    with np.errstate(divide="ignore"):
        return np.where((np.asarray(growth) == "superexponential") & (d > 0), t / np.where(d > 0, d, 1), np.inf)


def doublings_after(months: ArrayLike, first: ArrayLike, growth: ArrayLike, shrink: ArrayLike = 0.1,
                    stretch: ArrayLike = 0.1) -> Array:
    """The doublings done ``months`` after the start (the inverse of :func:`months_for`; negative before it).

    Superexponential growth has done infinitely many at or past its limit T/d.
    """
    m = np.asarray(months, dtype=float)
    t, d, g = (np.asarray(a, dtype=float) for a in (first, shrink, stretch))
    kind = np.asarray(growth)
    with np.errstate(divide="ignore", invalid="ignore"):
        exp = m / t
        inside = 1 - m * d / t
        sup = np.where(d > 0, np.where(inside > 0, np.log(np.where(inside > 0, inside, 1)) / np.log1p(-np.where(d > 0, d, 0.5)),
                                       np.inf), exp)
        grown = 1 + m * g / t
        sub = np.where(g > 0, np.where(grown > 0, np.log(np.where(grown > 0, grown, 1)) / np.log1p(np.where(g > 0, g, 1)),
                                       -np.inf), exp)
    return np.where(kind == "superexponential", sup, np.where(kind == "subexponential", sub, exp))
