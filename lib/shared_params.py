"""Parameters that more than one chain uses: declared once, one key, one value in a session.

The Loss page and the GPT-human page both rest on the GPT-3 fit L = k·C^-b (C in PF-days) and
on a human-level loss on that fit's scale. Each chain's :class:`lib.registry.ParamSet` includes
these very declarations, so the key, bounds, default and source cannot drift apart; pages keep a
value set on one page for every other page in the same session (lib/ui.py), and links carry it.

The GPT-human page's old names for them (``coef``, ``exp``, ``loss``) still open: the one map of
renamed keys is :data:`lib.registry.RENAMED_KEYS`.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

from lib import scaling_laws as sl
from lib.registry import Param, ParamSet, Source

GPT3_FIT = Source("Brown et al. 2020, fig. 3.1 (fit quoted by Gwern 2020, The Scaling Hypothesis, fn. 20)",
                  "https://gwern.net/scaling-hypothesis")
GWERN = Source("Gwern 2020, The Scaling Hypothesis, fn. 20 (GPT-3 at ~twice a human's error)",
               "https://gwern.net/scaling-hypothesis")

# Bounds hold every value either page accepted before the two were merged; with them the GPT-human
# chain's worst corner ((10/0.05)^(1/0.01) ~ 1e230 PF-days) stays far below float overflow.
FIT_K = Param("fit_k", "GPT-3 fit coefficient", "", sl.GPT3_FIT.coef,
              "k in L = k·C^-b, C in PF-days: the line through GPT-3's model sizes (WebText2 loss).",
              GPT3_FIT, min=1.0, max=10.0, step=0.01)
FIT_B = Param("fit_b", "GPT-3 fit exponent b", "", sl.GPT3_FIT.exponent,
              "b in L = k·C^-b. The compute needed scales as loss^(-1/b): at 0.048, each 1% of loss costs "
              "~23% more compute.", GPT3_FIT, min=0.01, max=0.5, step=0.001)
HUMAN = Param("human", "Human-level loss", "nats/token", 0.86,
              "Loss of a 'GPT-human', on the GPT-3 fit's scale: GPT-3's 1.73 halved and rounded, on the essay's "
              "guess that GPT-3 has about twice a human's error.", GWERN, min=0.05, max=5.0, step=0.01)

SHARED: tuple[Param, ...] = (FIT_K, FIT_B, HUMAN)
SHARED_KEYS: tuple[str, ...] = tuple(p.key for p in SHARED)


def shared_in(params: ParamSet) -> tuple[str, ...]:
    """The shared keys a chain uses."""
    return tuple(k for k in SHARED_KEYS if k in params)
