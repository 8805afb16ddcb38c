"""Parameters that more than one chain uses: declared once, one key, one value in a session.

The Loss page and the GPT-human page both rest on the GPT-3 fit L = k·C^-b (C in PF-days) and
on a human-level loss on that fit's scale; the GPT-human page can also take its loss curve from
the Loss page's other laws (Kaplan's L(C_min), Hoffmann's and the replication's L(N, D) along
their compute-optimal frontiers), whose constants are then shared as well. Each chain's :class:`lib.core.registry.ParamSet` includes
these very declarations, so the key, bounds, default and source cannot drift apart; pages keep a
value set on one page for every other page in the same session (lib/ui/), and links carry it.

The GPT-human page's old names for them (``coef``, ``exp``, ``loss``) still open: the one map of
renamed keys is :data:`lib.core.registry.RENAMED_KEYS`.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import math

from lib.core import scaling_laws as sl
from lib.core.registry import Z80, Param, ParamSet, Source, Spread

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

KAPLAN = Source("Kaplan et al. 2020, Scaling Laws for Neural Language Models, eq. 1.3 and fig. 14",
                "https://arxiv.org/abs/2001.08361")
HOFFMANN = Source("Hoffmann et al. 2022, Training Compute-Optimal LLMs, Approach 3",
                  "https://arxiv.org/abs/2203.15556")
BESIROGLU = Source("Besiroglu et al. 2024, Chinchilla Scaling: A replication attempt",
                   "https://arxiv.org/abs/2404.10102")
# The replication's analysis notebook: the bootstrap standard errors of ln A and ln B (cell 54), which the paper
# does not print.
BESIROGLU_NOTEBOOK = Source("Besiroglu et al. 2024, analysis notebook (epoch-research/analyzing-chinchilla at 9225883, "
                            "data_analysis.ipynb, cell 54: bootstrap SEs of ln A 0.258 and ln B 0.421)",
                            "https://github.com/epoch-research/analyzing-chinchilla/blob/"
                            "92258837425e1b5f2851d624287f0120583a3d0e/data_analysis.ipynb")

K_ALPHA = Param("k_alpha", "Kaplan exponent α_C", "", sl.KAPLAN_2020_COMPUTE.alpha_c,
                "Slope of L(C_min) = (C_c/C)^α_C.", KAPLAN, min=0.01, max=0.2, step=0.001)
K_CC = Param("k_cc", "Kaplan scale C_c", "PF-days", sl.KAPLAN_2020_COMPUTE.c_c_pfdays,
             "Compute scale of L(C_min).", KAPLAN, min=1e6, max=1e11, scale="log")


def _chinchilla_params(prefix: str, name: str, law: sl.ChinchillaLaw, source: Source,
                       se: sl.ChinchillaLaw | None, step: float,
                       log_se: dict[str, float] | None = None, log_source: Source | None = None) -> tuple[Param, ...]:
    """E, A, B, α, β of one L(N, D) law, each with a range where the law has standard errors (``se``).

    A and B are coefficients spanning orders of magnitude, so they are log-scale numbers: their sliders
    step by ratios, and the uncertainty view draws them log-normal (as it draws every log-scale number),
    here with ``log_se``, the standard errors of ln A and ln B, cited to ``log_source``.
    """
    def note(field: str) -> str:
        if se is None:
            return ""
        logs = f"; of ln {field.upper()}: {log_se[field]:g}" if log_se and field in log_se else ""
        return f" (bootstrap SE {getattr(se, field):g}{logs})"

    def spread(field: str) -> Spread | None:
        # Drawn independently, though the estimates are correlated (A with α, B with β), which makes the
        # bands wider.
        if se is None:
            return None
        x = float(getattr(law, field))
        if log_se and field in log_se:
            # A log-normal with the bootstrap SE of ln A (ln B): 80% interval exp(ln x ± 1.28 σ). A normal with
            # the SE of A itself put B's 10th percentile at 428, far under the bootstrap's 2.5th, 1042.
            s = log_se[field]
            return Spread(x * math.exp(-Z80 * s), x * math.exp(Z80 * s), log_source or source,
                          note=f"exp(ln estimate ± 1.28 × the bootstrap SE of its log, {s:g}): log-normal, as the "
                               "bootstrap is skewed")
        e = float(getattr(se, field))
        # A normal with the bootstrap standard error: its 80% interval is ±1.28 SE.
        return Spread(x - Z80 * e, x + Z80 * e, source, note=f"estimate ± 1.28 × its bootstrap SE {e:g}")

    return (
        Param(f"{prefix}_e", f"{name} E (irreducible)", "nats", float(law.e), "Irreducible loss term" + note("e") + ".",
              source, min=0.0, max=3.0, step=0.01, spread=spread("e")),
        Param(f"{prefix}_a", f"{name} A", "", float(law.a), "Parameter-term coefficient" + note("a") + ".", source,
              min=10.0, max=5000.0, scale="log", spread=spread("a")),
        Param(f"{prefix}_b", f"{name} B", "", float(law.b), "Data-term coefficient" + note("b") + ".", source,
              min=10.0, max=10000.0, scale="log", spread=spread("b")),
        Param(f"{prefix}_alpha", f"{name} α", "", float(law.alpha), "Parameter exponent" + note("alpha") + ".", source,
              min=0.05, max=1.0, step=step / 100, spread=spread("alpha")),
        Param(f"{prefix}_beta", f"{name} β", "", float(law.beta), "Data exponent" + note("beta") + ".", source,
              min=0.05, max=1.0, step=step / 100, spread=spread("beta")),
    )


HOFFMANN_PARAMS = _chinchilla_params("h", "Hoffmann", sl.HOFFMANN_2022, HOFFMANN, None, 0.1)
BESIROGLU_PARAMS = _chinchilla_params("b", "Replication", sl.BESIROGLU_2024, BESIROGLU, sl.BESIROGLU_2024_SE, 0.01,
                                      sl.BESIROGLU_2024_LOG_SE, BESIROGLU_NOTEBOOK)

# The constants of each law, by the law's key (the Loss page's toggles, the GPT-human page's `law`), in the
# order its formula in lib.core.scaling_laws takes them (lib.core.frontier relies on it).
LAW_CONSTANTS: dict[str, tuple[Param, ...]] = {
    "gpt3": (FIT_K, FIT_B), "kaplan": (K_ALPHA, K_CC), "hoffmann": HOFFMANN_PARAMS, "besiroglu": BESIROGLU_PARAMS}

SHARED: tuple[Param, ...] = (FIT_K, FIT_B, HUMAN, K_ALPHA, K_CC, *HOFFMANN_PARAMS, *BESIROGLU_PARAMS)
SHARED_KEYS: tuple[str, ...] = tuple(p.key for p in SHARED)


def shared_in(params: ParamSet) -> tuple[str, ...]:
    """The shared keys a chain uses."""
    return tuple(k for k in SHARED_KEYS if k in params)
