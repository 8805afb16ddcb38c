"""Points to start the fit page from: Chinchilla's published runs, and two synthetic sets from known constants.

Each example is CSV text in the page's own format. The synthetic ones are labelled as such: exact losses
of a law we state, on a grid of our choice, so a fit must give those constants back. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from lib.core import units
from lib.core.scaling_laws import BESIROGLU_2024 as B
from lib.data.fit.model import replication_points


@dataclass(frozen=True)
class Example:
    key: str  # its name in a link (?example=), for the sets too large to travel as points
    label: str
    text: str


def _chinchilla() -> str:
    loss, n, d = replication_points()
    rows = "".join(f"{x:.10g},{y:.10g},{z:.10g}\n" for x, y, z in zip(n, d, loss))
    return ("# Chinchilla's runs as Besiroglu et al. 2024 read them off Hoffmann et al. 2022, Figure 4, "
            "without the 5 of highest loss, as the replication fitted them\nparams,tokens,loss\n" + rows)


def _replication_law() -> str:
    # 4 model sizes x 4 tokens-per-parameter ratios, rounded to 2 significant figures; losses exact to 4 decimals.
    n = np.array([units.round_sig(x) for x in np.repeat(np.geomspace(1e8, 1.6e10, 4), 4)])
    d = np.array([units.round_sig(x) for x in n * np.tile(np.geomspace(5, 80, 4), 4)])
    loss = B.e + B.a / n ** B.alpha + B.b / d ** B.beta
    return "params,tokens,loss\n" + "".join(f"{units.format_number(x)},{units.format_number(y)},{z:.4f}\n"
                                            for x, y, z in zip(n, d, loss))


def _compute_law() -> str:
    c = [units.round_sig(x) for x in np.geomspace(1e18, 1e23, 8)]
    return "compute,loss\n" + "".join(f"{units.format_number(x)},{1.7 + 30 * x ** -0.08:.4f}\n" for x in c)


@cache
def examples() -> tuple[Example, ...]:
    """Every example, the default (the first) a small one that travels in a link."""
    return (
        Example("replication-law", "Synthetic: the replication's law, 16 points (params, tokens, loss)",
                _replication_law()),
        Example("chinchilla", "Chinchilla's runs, 240 points read off Hoffmann 2022 by the replication (published)",
                _chinchilla()),
        Example("compute-law", "Synthetic: a compute law, E=1.7, A=30, α=0.08, 8 points (compute, loss)",
                _compute_law()),
    )


def find(key: str) -> Example | None:
    return next((e for e in examples() if e.key == key), None)
