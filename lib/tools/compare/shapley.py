"""Exact Shapley values of a game given on all 2^k coalitions, vectorised.

A comparison of two views asks how much of the difference in a headline each parameter that
differs accounts for. The game: a coalition S of those k parameters takes B's values for the
members of S and A's for the rest; v(S) is the headline then. Each parameter's Shapley value is
its marginal effect v(S ∪ {j}) − v(S) averaged over all orders of switching from A to B, i.e.
weighted by |S|!·(k−|S|−1)!/k!. The values add up to v(all) − v(none) = B − A (efficiency); a
parameter that never changes v gets 0 (dummy); swapping A and B negates them (symmetry of the
game's two ends); and the values of a sum of games are the sums (additivity).

Coalition ``s`` is the integer whose bit j says whether parameter j is in it, so row ``s`` of
:func:`coalitions` (and of ``v``) is that coalition. Pure: numpy only.
"""

from __future__ import annotations

from math import factorial

import numpy as np
from numpy.typing import NDArray

# 2^12 = 4,096 coalitions: one batch every chain evaluates in well under a second. Beyond this a
# comparison groups its parameters (lib.tools.compare.model).
MAX_PLAYERS = 12


def coalitions(k: int) -> NDArray[np.bool_]:
    """(2^k, k) membership table: row s has True at column j when bit j of s is set."""
    if not 0 <= k <= MAX_PLAYERS:
        raise ValueError(f"exact Shapley values need 0 to {MAX_PLAYERS} players, not {k}")
    s = np.arange(2 ** k)[:, None]
    return ((s >> np.arange(k)[None, :]) & 1).astype(bool)


def shapley_values(v: NDArray[np.float64]) -> NDArray[np.float64]:
    """Shapley values of the game ``v`` (length 2^k, indexed as :func:`coalitions`); shape (k,).

    ``v`` may carry more games in further columns, shape (2^k, m): the result is then (k, m).
    """
    v = np.asarray(v, dtype=np.float64)
    n = v.shape[0]
    k = n.bit_length() - 1
    if n != 2 ** k:
        raise ValueError(f"a game on k players has 2^k values, not {n}")
    members = coalitions(k)
    size = members.sum(axis=1)
    # Weight of a coalition S (without j) in j's average: |S|! (k - |S| - 1)! / k!
    weight = np.array([factorial(s) * factorial(k - s - 1) / factorial(k) if s < k else 0.0 for s in range(k + 1)])
    out = np.empty((k, *v.shape[1:]))
    idx = np.arange(n)
    for j in range(k):  # k <= 12 columns; every coalition is handled at once within each
        without = idx[~members[:, j]]
        gain = v[without | (1 << j)] - v[without]
        w = weight[size[without]]
        out[j] = np.tensordot(w, gain, axes=(0, 0))
    return out
