"""Each scaling law's loss along its compute-optimal frontier, from parameter values, and its inverse.

The Loss page draws all four laws; the GPT-human chain follows one of them (its ``law``) down to
a human-level target. Both read the same shared constants (:mod:`lib.shared_params`), so a
constant moved on one page moves the curve on the other. Values may be numpy arrays (a batch).

Pure: numpy only.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from lib import scaling_laws as sl

Values = Mapping[str, object]

LAW_KEYS = ("gpt3", "kaplan", "hoffmann", "besiroglu")
# Which dataset (and tokenizer) a law's losses are on: a loss on one is not a loss on another.
SCALE = {"gpt3": "WebText2", "kaplan": "WebText2", "hoffmann": "MassiveText", "besiroglu": "MassiveText"}
# Laws on the GPT-3 fit's scale, where the human-level loss (a WebText2 loss) means something.
ON_GPT3_SCALE = tuple(k for k in LAW_KEYS if SCALE[k] == SCALE["gpt3"])


def chinchilla(v: Values, prefix: str) -> sl.ChinchillaLaw:
    """A Chinchilla-form law with the constants ``{prefix}_e, _a, _b, _alpha, _beta`` of ``v``."""
    return sl.ChinchillaLaw(*(v[f"{prefix}_{f}"] for f in ("e", "a", "b", "alpha", "beta")))  # type: ignore[arg-type]


_PREFIX = {"hoffmann": "h", "besiroglu": "b"}


def loss(key: str, v: Values, c_flop: object) -> np.ndarray:
    """Loss of law ``key`` at ``c_flop`` along its compute-optimal frontier."""
    if key == "kaplan":
        return sl.kaplan_loss_compute(c_flop, v["k_alpha"], v["k_cc"])  # type: ignore[arg-type]
    if key == "gpt3":
        return sl.power_law_compute(c_flop, v["fit_k"], v["fit_b"])  # type: ignore[arg-type]
    return sl.chinchilla_frontier_loss(c_flop, chinchilla(v, _PREFIX[key]))  # type: ignore[arg-type]


def compute_for(key: str, v: Values, target: object) -> np.ndarray:
    """The compute (FLOP) at which law ``key`` reaches ``target``; NaN where it never does."""
    if key == "kaplan":
        return sl.kaplan_compute_for_loss(target, v["k_alpha"], v["k_cc"])  # type: ignore[arg-type]
    if key == "gpt3":
        return sl.compute_for_loss(target, v["fit_k"], v["fit_b"])  # type: ignore[arg-type]
    return sl.chinchilla_frontier_compute(target, chinchilla(v, _PREFIX[key]))  # type: ignore[arg-type]


def irreducible(key: str, v: Values) -> np.ndarray:
    """The loss law ``key`` approaches with unlimited compute (0 for the pure power laws)."""
    if key in _PREFIX:
        return np.asarray(v[f"{_PREFIX[key]}_e"], dtype=float)
    return np.zeros(np.shape(v["fit_k"]))


def select(keys: np.ndarray, per_law: Mapping[str, np.ndarray]) -> np.ndarray:
    """For a batch whose law differs per row: each row's value from its own law's array."""
    keys = np.asarray(keys, dtype=object)
    return np.select([keys == k for k in per_law], [np.broadcast_to(a, keys.shape) for a in per_law.values()],
                     default=np.nan)
