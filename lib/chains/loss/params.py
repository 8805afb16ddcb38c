"""The Loss page's parameters and presets: every default points at a published table.

Constants come from :mod:`lib.core.scaling_laws` (Kaplan 2020, the GPT-3 fit, Hoffmann 2022,
Besiroglu 2024); scenario values (floors, bend) are this project's assumptions to argue over, and
their help text says so.
"""

from __future__ import annotations

from lib.core import scaling_laws as sl
from lib.core.presets import Preset
from lib.core.ranges import with_uncertainty
from lib.core.registry import Param, ParamSet, Source
from lib.core.shared_params import (
    BESIROGLU,
    BESIROGLU_PARAMS,
    FIT_B,
    FIT_K,
    GPT3_FIT,
    HOFFMANN,
    HOFFMANN_PARAMS,
    HUMAN,
    K_ALPHA,
    K_CC,
    KAPLAN,
)
from lib.core.units import PF_DAY_FLOP, format_number

GAO = Source("Gao 2021, Thoughts on the Alignment Implications of Scaling Language Models "
             "(strong vs weak capabilities scenarios); the values are our assumptions to argue over",
             "https://bmk.sh/2021/06/02/Thoughts-on-the-Alignment-Implications-of-Scaling-Language-Models/")
GPT3_FLOP = 3.14e23
"""GPT-3's training compute as Epoch AI records it (~3,640 PF-days), the default budget."""

# Law keys double as their toggles' URL keys; the order is the legend's.
LAW_KEYS = ("kaplan", "gpt3", "hoffmann", "besiroglu")
LAW_NAMES = {"kaplan": "Kaplan 2020 L(C_min)", "gpt3": "GPT-3 fit", "hoffmann": "Chinchilla (Hoffmann 2022)",
             "besiroglu": "Replication (Besiroglu 2024)"}
LAW_SOURCES = {"kaplan": KAPLAN, "gpt3": GPT3_FIT, "hoffmann": HOFFMANN, "besiroglu": BESIROGLU}
ND_LAWS = ("hoffmann", "besiroglu", "kaplan_nd")
ND_LAW_NAMES = ("Chinchilla (Hoffmann 2022)", "Replication (Besiroglu 2024)", "Kaplan 2020 L(N, D)")

def _toggle(key: str) -> Param:
    name = LAW_NAMES[key]
    return Param(key, f"Show {name}", "", True, f"Draw the {name} curve.", LAW_SOURCES[key], kind="bool")


# With the uncertainty view's controls (draws, seed, a range per number): lib/core/ranges.py.
PARAMS = with_uncertainty(ParamSet(
    "loss",
    (
        Param("compute", "Compute budget", "FLOP", GPT3_FLOP, "Training compute of the run you are asking "
              f"about. The default is GPT-3 ({format_number(GPT3_FLOP)} FLOP, ~{GPT3_FLOP / PF_DAY_FLOP:,.0f} PF-days); "
              f"Chinchilla used {format_number(sl.CHINCHILLA_FLOP)}.", GPT3_FIT, min=1e18, max=1e32, scale="log"),
        *(_toggle(key) for key in LAW_KEYS),
        K_ALPHA,
        K_CC,
        Param("k_a", "Kaplan allocation exponent a", "", sl.KAPLAN_2020_ALLOCATION.exponent,
              "N_opt grows as C^a (Kaplan: 0.73, so 10× compute buys ~5.4× parameters and ~1.9× data). "
              "Our simplification: this page feeds the training compute C into a rule Kaplan fitted to "
              "C_min, the compute of early-stopped compute-efficient runs.", KAPLAN, min=0.3, max=0.9, step=0.01),
        FIT_K,
        FIT_B,
        *HOFFMANN_PARAMS,
        *BESIROGLU_PARAMS,
        Param("strong", "Show strong-capabilities scenario", "", True, "The GPT-3 fit followed "
              "exactly down to an irreducible floor, then flat.", GAO, kind="bool"),
        Param("strong_e", "Strong scenario: irreducible loss", "nats", 0.7, "Where the straight line "
              "stops. Our assumption: nobody knows the entropy of text on this scale.", GAO,
              min=0.0, max=2.0, step=0.01, active_when=("strong", True)),
        Param("weak", "Show weak-capabilities scenario", "", True, "The GPT-3 fit peels away: its "
              "exponent decays past the bend and it never goes below a higher floor.", GAO, kind="bool"),
        Param("weak_floor", "Weak scenario: floor", "nats", 1.0, "Loss the weak scenario never "
              "goes below (our assumption).", GAO, min=0.0, max=2.0, step=0.01, active_when=("weak", True)),
        Param("bend", "Weak scenario: bend at", "FLOP", 1e26, "Compute past which the exponent "
              "starts to decay (our assumption).", GAO, min=1e20, max=1e32, scale="log", active_when=("weak", True)),
        Param("bend_ooms", "Weak scenario: exponent halves every", "OOM", 2.0, "Orders of magnitude of "
              "compute over which the local exponent halves past the bend (our assumption).", GAO,
              min=0.2, max=20.0, step=0.1, active_when=("weak", True)),
        HUMAN,
        Param("iso_law", "Law for model points and IsoFLOP view", "", "hoffmann",
              "Which L(N, D) scores notable models and draws IsoFLOP curves.", HOFFMANN,
              kind="choice", choices=ND_LAWS, choice_labels=ND_LAW_NAMES),
        # On by default (issue 13): with it, a budget move measured 1.24x the floor against 1.21x without
        # (shared probe, 4 interleaved rounds, 2026-12-03), within the rounds' noise.
        Param("all_models", "Every language model in Epoch AI's export", "", True,
              "Besides the labelled models, every language model of Epoch AI's Notable AI Models export with its "
              "compute, parameters and tokens, scored by the same law (grey dots, named on hover).",
              Source("Epoch AI, 'Notable AI Models' (CC BY 4.0), export of 2026-01-26",
                     "https://epoch.ai/data/notable-ai-models"), kind="bool"),
    ),
    groups=(
        ("Compute budget", ("compute",)),
        ("Laws shown", LAW_KEYS),
        ("Law constants", ("k_alpha", "k_cc", "k_a", "fit_k", "fit_b", "h_e", "h_a", "h_b", "h_alpha",
                           "h_beta", "b_e", "b_a", "b_b", "b_alpha", "b_beta")),
        ("Where the line ends", ("strong", "strong_e", "weak", "weak_floor", "bend", "bend_ooms", "human")),
        ("Model points and IsoFLOP", ("iso_law", "all_models")),
    ),
))

PRESETS: tuple[Preset, ...] = (
    Preset("Published constants", "Every law with its paper's constants; budget at GPT-3.", {}, GPT3_FIT),
    Preset("Chinchilla vs Gopher", f"Budget at Chinchilla's {format_number(sl.CHINCHILLA_FLOP)} FLOP, where Gopher (280B) and "
           "Chinchilla (70B) spent about the same compute.", {"compute": sl.CHINCHILLA_FLOP}, HOFFMANN),
    Preset("Strong capabilities only", "The line runs straight to a low floor: scaling is all you need.",
           {"weak": False, "strong_e": 0.5, "compute": 1e30}, GAO),
    Preset("Weak capabilities only", "The line bends early and stalls above human level.",
           {"strong": False, "bend": 1e24, "bend_ooms": 1.0, "weak_floor": 1.2, "compute": 1e30}, GAO),
)
