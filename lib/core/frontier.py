"""Each scaling law's loss along its compute-optimal frontier, from parameter values, and its inverse.

The Loss page draws all four laws; the GPT-human chain follows one of them (its ``law``) down to
a human-level target. Both read the same shared constants (:mod:`lib.core.shared_params`), so a
constant moved on one page moves the curve on the other. Values may be numpy arrays (a batch).

Pure: numpy only.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from lib.core import scaling_laws as sl
from lib.core.shared_params import LAW_CONSTANTS

Values = Mapping[str, object]

LAW_KEYS = ("gpt3", "kaplan", "hoffmann", "besiroglu")
# Which dataset (and tokenizer) a law's losses are on: a loss on one is not a loss on another.
SCALE = {"gpt3": "WebText2", "kaplan": "WebText2", "hoffmann": "MassiveText", "besiroglu": "MassiveText"}
# Laws on the GPT-3 fit's scale, where the human-level loss (a WebText2 loss) means something.
ON_GPT3_SCALE = tuple(k for k in LAW_KEYS if SCALE[k] == SCALE["gpt3"])


def _constants(key: str, v: Values) -> list[object]:
    """Law ``key``'s constants from ``v``, in the order its formula takes them (lib.core.shared_params.LAW_CONSTANTS)."""
    return [v[p.key] for p in LAW_CONSTANTS[key]]


def chinchilla(v: Values, key: str) -> sl.ChinchillaLaw:
    """The Chinchilla-form law ``key`` (hoffmann, besiroglu) with its constants E, A, B, alpha, beta from ``v``."""
    return sl.ChinchillaLaw(*_constants(key, v))  # type: ignore[arg-type]


# Per power law in compute: its loss and its inverse, each taking (C or target, *constants).
_POWER_LAWS = {"gpt3": (sl.power_law_compute, sl.compute_for_loss),
               "kaplan": (sl.kaplan_loss_compute, sl.kaplan_compute_for_loss)}


def loss(key: str, v: Values, c_flop: object) -> np.ndarray:
    """Loss of law ``key`` at ``c_flop`` along its compute-optimal frontier."""
    if key in _POWER_LAWS:
        return _POWER_LAWS[key][0](c_flop, *_constants(key, v))  # type: ignore[arg-type]
    return sl.chinchilla_frontier_loss(c_flop, chinchilla(v, key))  # type: ignore[arg-type]


def compute_for(key: str, v: Values, target: object) -> np.ndarray:
    """The compute (FLOP) at which law ``key`` reaches ``target``; NaN where it never does."""
    if key in _POWER_LAWS:
        return _POWER_LAWS[key][1](target, *_constants(key, v))  # type: ignore[arg-type]
    return sl.chinchilla_frontier_compute(target, chinchilla(v, key))  # type: ignore[arg-type]


def irreducible(key: str, v: Values) -> np.ndarray:
    """The loss law ``key`` approaches with unlimited compute (0 for the pure power laws)."""
    if key in _POWER_LAWS:
        return np.zeros(np.shape(v["fit_k"]))
    return np.asarray(chinchilla(v, key).e, dtype=float)


def select(keys: np.ndarray, per_law: Mapping[str, np.ndarray]) -> np.ndarray:
    """For a batch whose law differs per row: each row's value from its own law's array."""
    keys = np.asarray(keys, dtype=object)
    return np.select([keys == k for k in per_law], [np.broadcast_to(a, keys.shape) for a in per_law.values()],
                     default=np.nan)
