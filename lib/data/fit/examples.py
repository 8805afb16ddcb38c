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
from lib.core.scaling_laws import BESIROGLU_2024_NOTEBOOK_FIT as NB
from lib.data.fit.points import replication_points


@dataclass(frozen=True)
class Example:
    key: str  # its name in a link (?example=), for the sets too large to travel as points
    label: str
    text: str
    note: str = ""  # what fitting it gives, against what its source published


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


# Checked by tests/unit/test_fitting.py: this fit of the 240 points against the notebook's and against the paper's.
CHINCHILLA_NOTE = (
    "Fitted here as in the \"Replicate exactly\" cell of the replication's notebook (epoch-research/"
    "analyzing-chinchilla, data_analysis.ipynb, cell 18: Huber loss on log-loss, L-BFGS from a grid of starts), "
    f"which gives E {NB.e:.4f}, A {NB.a:.2f}, B {NB.b:.2f}, "
    f"α {NB.alpha:.4f}, β {NB.beta:.4f}: this fit gives those to within 0.1%. The paper's table (E {B.e:g}, "
    f"A {B.a:g}, B {B.b:g}, α {B.alpha:g}, β {B.beta:g}) is another fit of the same points in that notebook (cell "
    "24), the maximum of a Huber likelihood with a fitted scale: against it this fit's A is 0.9% lower and its B 2.8% "
    "higher, and its E, α and β are within 0.003.")


@cache
def examples() -> tuple[Example, ...]:
    """Every example, the default (the first) a small one that travels in a link."""
    return (
        Example("replication-law", "Synthetic: the replication's law, 16 points (params, tokens, loss)",
                _replication_law()),
        Example("chinchilla", "Chinchilla's runs, 240 points read off Hoffmann 2022 by the replication (published)",
                _chinchilla(), CHINCHILLA_NOTE),
        Example("compute-law", "Synthetic: a compute law, E=1.7, A=30, α=0.08, 8 points (compute, loss)",
                _compute_law()),
    )


def find(key: str) -> Example | None:
    return next((e for e in examples() if e.key == key), None)
