"""Neural scaling laws for language-model loss, as pure vectorised functions.

Every function takes FLOP, parameters (N) and tokens (D) in natural units and
works on floats or numpy arrays alike. Training compute is C ~ 6*N*D.

Sources (see also the Sources page):
- Kaplan et al. 2020, "Scaling Laws for Neural Language Models", arXiv:2001.08361.
- Brown et al. 2020, "Language Models are Few-Shot Learners", fig. 3.1, arXiv:2005.14165;
  the fit 2.57*C^-0.048 is as quoted in Gwern, "The Scaling Hypothesis" (2020).
- Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", arXiv:2203.15556.
- Besiroglu et al. 2024, "Chinchilla Scaling: A replication attempt", arXiv:2404.10102.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lib.core.units import PF_DAY_FLOP

Array = NDArray[np.float64]


def _arr(x: ArrayLike) -> Array:
    return np.asarray(x, dtype=np.float64)


# --- Published constant sets ------------------------------------------------------
# Functions below take their coefficients as arguments; these named tables are the published
# values, and every parameter default in lib/chains/ points at one of them.


@dataclass(frozen=True)
class PowerLaw:
    """L(C) = coef * C^-exponent with C in PF-days."""

    coef: float
    exponent: float


@dataclass(frozen=True)
class KaplanCompute:
    """Kaplan's L(C_min) = (C_c / C)^alpha_C, C in PF-days."""

    alpha_c: float
    c_c_pfdays: float


@dataclass(frozen=True)
class KaplanND:
    """Kaplan's joint law L(N, D) = [(N_c/N)^(alpha_N/alpha_D) + D_c/D]^alpha_D."""

    alpha_n: float
    alpha_d: float
    n_c: float
    d_c: float


@dataclass(frozen=True)
class ChinchillaLaw:
    """Constants of a parametric loss L(N, D) = E + A/N^alpha + B/D^beta.

    Fields may be numpy arrays (one law per batch row); the functions below broadcast them.
    """

    e: float | Array
    a: float | Array
    b: float | Array
    alpha: float | Array
    beta: float | Array


@dataclass(frozen=True)
class KaplanAllocation:
    """Kaplan's compute-efficient model size N_opt = coef * C^exponent, C in PF-days."""

    coef: float
    exponent: float


KAPLAN_2020_COMPUTE = KaplanCompute(alpha_c=0.050, c_c_pfdays=3.1e8)
"""Kaplan et al. 2020, eq. 1.3: L(C_min) = (C_c/C_min)^alpha_C, C_c = 3.1e8 PF-days, alpha_C = 0.050."""

KAPLAN_2020_ND = KaplanND(alpha_n=0.076, alpha_d=0.103, n_c=6.4e13, d_c=1.8e13)
"""Kaplan et al. 2020, eq. 1.5 with the Table 2 fit (not the single-variable constants)."""

KAPLAN_2020_ALLOCATION = KaplanAllocation(coef=1.3e9, exponent=0.73)
"""Kaplan et al. 2020, fig. 14 / eq. 1.7: N_opt ~ 1.3e9 * C_min^0.73, C_min in PF-days."""

GPT3_FIT = PowerLaw(coef=2.57, exponent=0.048)
"""Brown et al. 2020, fig. 3.1, as quoted in Gwern 2020 (fn. 20): GPT-3's 3,640 PF-days give ~1.73."""

HOFFMANN_2022 = ChinchillaLaw(e=1.69, a=406.4, b=410.7, alpha=0.34, beta=0.28)
"""Hoffmann et al. 2022, Approach 3 (eq. 10), rounded as published."""

BESIROGLU_2024 = ChinchillaLaw(e=1.82, a=482.01, b=2085.43, alpha=0.3478, beta=0.3658)
"""Besiroglu et al. 2024, re-fit of Hoffmann's Approach 3 data (their Table 1)."""

BESIROGLU_2024_SE = ChinchillaLaw(e=0.026, a=124.52, b=1293.28, alpha=0.0154, beta=0.0206)
"""Besiroglu et al. 2024, bootstrap standard errors of :data:`BESIROGLU_2024` (epoch-research/analyzing-chinchilla,
data_analysis.ipynb cell 25: A 124.52232, B 1293.28410, E 0.02566 here rounded to 0.026, α 0.01540, β 0.02060)."""

BESIROGLU_2024_LOG_SE = {"a": 0.258, "b": 0.421}
"""Besiroglu et al. 2024, bootstrap standard errors of ln A and ln B (the same notebook, cell 54: "A: 6.178 (0.258)",
"B: 7.643 (0.421)"). A and B are skewed: their 95% bootstrap intervals are 285-744 and 1042-5810 (cell 26),
far from symmetric about 482.01 and 2085.43, so their ranges are drawn log-normal with these."""

BESIROGLU_2024_NOTEBOOK_FIT = ChinchillaLaw(e=1.817236, a=477.8417, b=2143.8638, alpha=0.3473127, beta=0.3671826)
"""The replication notebook's "Replicate exactly" fit (data_analysis.ipynb cell 18): Hoffmann's Huber loss
(δ = 1e-3) on log-loss, L-BFGS from a grid of starts, over the same 240 points. :data:`BESIROGLU_2024` (the
paper's table) is another fit of those points in that notebook (cell 24: the maximum of a Huber likelihood
with a fitted scale, by BFGS from Hoffmann's constants), so the two differ: A by ~0.9%, B by ~2.7%."""


# --- Kaplan et al. 2020 ---------------------------------------------------------


def kaplan_loss_compute(c_flop: ArrayLike, alpha_c: ArrayLike, c_c_pfdays: ArrayLike) -> Array:
    """Kaplan L(C_min) = (C_c / C)^alpha_C, with C in PF-days.

    Kaplan et al. 2020, eq. 1.3: alpha_C = 0.050, C_c = 3.1e8 PF-days
    (loss in nats/token on WebText2, compute-efficient frontier).
    """
    return (_arr(c_c_pfdays) / (_arr(c_flop) / PF_DAY_FLOP)) ** _arr(alpha_c)


def kaplan_loss_nd(n: ArrayLike, d: ArrayLike, law: KaplanND) -> Array:
    """Kaplan L(N, D) = [(N_c/N)^(alpha_N/alpha_D) + D_c/D]^alpha_D (Kaplan et al. 2020, eq. 1.5).

    N counts non-embedding parameters; :data:`KAPLAN_2020_ND` holds the Table 2 fit.
    """
    n, d = _arr(n), _arr(d)
    return ((law.n_c / n) ** (law.alpha_n / law.alpha_d) + law.d_c / d) ** law.alpha_d


def kaplan_optimal(c_flop: ArrayLike, exponent: ArrayLike, coef: ArrayLike) -> tuple[Array, Array]:
    """Kaplan's compute-efficient allocation: N_opt = coef * C^exponent (C in PF-days), D = C/(6N).

    Kaplan et al. 2020, fig. 14 / eq. 1.7 (N proportional to C_min^0.73, coefficient 1.3e9).
    C here is whatever compute the caller passes: see the Loss page's note on C vs C_min.
    """
    c = _arr(c_flop)
    n = _arr(coef) * (c / PF_DAY_FLOP) ** _arr(exponent)
    return n, c / (6.0 * n)


def kaplan_compute_for_loss(target_loss: ArrayLike, alpha_c: ArrayLike, c_c_pfdays: ArrayLike) -> Array:
    """Invert :func:`kaplan_loss_compute`: C = C_c * L^(-1/alpha_C) PF-days, returned in FLOP."""
    return _arr(c_c_pfdays) * _arr(target_loss) ** (-1.0 / _arr(alpha_c)) * PF_DAY_FLOP


# --- Single power law in compute (the essay's extrapolation line) ---------------


def power_law_compute(c_flop: ArrayLike, coef: ArrayLike, exponent: ArrayLike) -> Array:
    """L(C) = coef * C^-exponent with C in PF-days (:data:`GPT3_FIT`: 2.57 * C^-0.048)."""
    return _arr(coef) * (_arr(c_flop) / PF_DAY_FLOP) ** (-_arr(exponent))


def compute_for_loss(target_loss: ArrayLike, coef: ArrayLike, exponent: ArrayLike) -> Array:
    """Invert :func:`power_law_compute`: FLOP at which coef*C^-exponent equals ``target_loss``."""
    return (_arr(coef) / _arr(target_loss)) ** (1.0 / _arr(exponent)) * PF_DAY_FLOP


# --- Chinchilla-form laws: L(N, D) = E + A/N^alpha + B/D^beta --------------------


def chinchilla_loss(n: ArrayLike, d: ArrayLike, law: ChinchillaLaw) -> Array:
    """L(N, D) = E + A/N^alpha + B/D^beta (Hoffmann et al. 2022, eq. 2). Fields may be arrays."""
    return _arr(law.e) + _arr(law.a) / _arr(n) ** _arr(law.alpha) + _arr(law.b) / _arr(d) ** _arr(law.beta)


def chinchilla_optimal(c_flop: ArrayLike, law: ChinchillaLaw) -> tuple[Array, Array]:
    """Loss-minimising N and D for compute C = 6*N*D (Hoffmann et al. 2022, eq. 4).

    G = (alpha*A / (beta*B))^(1/(alpha+beta)),
    N_opt = G * (C/6)^(beta/(alpha+beta)),  D_opt = (C/6)^(alpha/(alpha+beta)) / G.
    """
    c6 = _arr(c_flop) / 6.0
    alpha, beta = _arr(law.alpha), _arr(law.beta)
    s = alpha + beta
    g = ((alpha * _arr(law.a)) / (beta * _arr(law.b))) ** (1.0 / s)
    return g * c6 ** (beta / s), c6 ** (alpha / s) / g


def chinchilla_frontier_loss(c_flop: ArrayLike, law: ChinchillaLaw) -> Array:
    """Loss along the compute-optimal frontier of a Chinchilla-form law."""
    n, d = chinchilla_optimal(c_flop, law)
    return chinchilla_loss(n, d, law)


def chinchilla_frontier_compute(target_loss: ArrayLike, law: ChinchillaLaw) -> Array:
    """Invert :func:`chinchilla_frontier_loss`: the compute whose optimal model has ``target_loss``.

    Along the optimum both terms fall as (C/6)^-g with g = alpha*beta/(alpha+beta): with N_opt
    and D_opt from :func:`chinchilla_optimal`, L = E + (A*G^-alpha + B*G^beta) * (C/6)^-g. NaN
    at or below E, which no compute reaches.
    """
    alpha, beta, a, b, e = (_arr(x) for x in (law.alpha, law.beta, law.a, law.b, law.e))
    s = alpha + beta
    g = ((alpha * a) / (beta * b)) ** (1.0 / s)
    k = a * g ** (-alpha) + b * g ** beta
    reducible = _arr(target_loss) - e
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(reducible > 0, 6.0 * (np.where(reducible > 0, reducible, 1.0) / k) ** (-s / (alpha * beta)),
                        np.nan)


# --- Power-law allocation rules ---------------------------------------------------


@dataclass(frozen=True)
class AllocationRule:
    """N_opt = n_anchor * (C / c_anchor)^a and D_opt = C / (6 N_opt)."""

    name: str
    a: float
    n_anchor: float
    c_anchor: float

    def optimal(self, c_flop: ArrayLike) -> tuple[Array, Array]:
        c = _arr(c_flop)
        n = self.n_anchor * (c / self.c_anchor) ** self.a
        return n, c / (6.0 * n)


CHINCHILLA_FLOP = 5.76e23
# Hoffmann et al. 2022, Table 2 exponents a for N_opt ~ C^a; Approaches 1 and 2
# anchored at Table 3's projection of 67B parameters for 5.76e23 FLOP (Approach 1).
HOFFMANN_APPROACH_1 = AllocationRule("Hoffmann approach 1", 0.50, 67e9, CHINCHILLA_FLOP)
HOFFMANN_APPROACH_2 = AllocationRule("Hoffmann approach 2", 0.49, 67e9, CHINCHILLA_FLOP)


def growth_per_10x(a: float) -> tuple[float, float]:
    """How much N and D grow for 10x compute when N ~ C^a and D ~ C^(1-a)."""
    return 10.0**a, 10.0 ** (1.0 - a)


# --- Where the straight line ends (Gao 2021, seed 000) -------------------------


def strong_scenario(line: ArrayLike, floor: float) -> Array:
    """'Strong capabilities': follow the power law exactly down to the floor, then stop."""
    return np.maximum(_arr(line), floor)


def weak_scenario(
    c_flop: ArrayLike,
    coef: float,
    exponent: float,
    bend_flop: float,
    halving_ooms: float,
    floor: float,
) -> Array:
    """'Weak capabilities': the power law peels away above the floor.

    Past ``bend_flop`` the local exponent decays, halving every ``halving_ooms``
    orders of magnitude of compute: d lnL/d lnC = -b (C/C_b)^-delta with
    delta = ln2 / (halving_ooms * ln10). Integrating gives
    L(C) = L(C_b) * exp(-(b/delta) * (1 - (C/C_b)^-delta)), which levels off at
    L(C_b)*exp(-b/delta). The result never goes below ``floor``.
    """
    c = _arr(c_flop)
    line = power_law_compute(c, coef, exponent)
    delta = np.log(2.0) / (halving_ooms * np.log(10.0))
    at_bend = power_law_compute(bend_flop, coef, exponent)
    ratio = np.maximum(c / bend_flop, 1.0)
    bent = at_bend * np.exp(-(exponent / delta) * (1.0 - ratio ** (-delta)))
    return np.maximum(np.where(c <= bend_flop, line, bent), floor)


def strong_crossing(target: ArrayLike, coef: ArrayLike, exponent: ArrayLike, floor: ArrayLike) -> Array:
    """FLOP at which the strong scenario reaches ``target``; NaN where the floor lies above it."""
    target = _arr(target)
    with np.errstate(divide="ignore", invalid="ignore"):
        c = compute_for_loss(np.where(target > 0, target, np.nan), coef, exponent)
    return np.where(target >= _arr(floor), c, np.nan)


def weak_crossing(target: ArrayLike, coef: ArrayLike, exponent: ArrayLike, bend_flop: ArrayLike,
                  halving_ooms: ArrayLike, floor: ArrayLike) -> Array:
    """FLOP at which :func:`weak_scenario` reaches ``target``, solved exactly; NaN where it never does.

    Before the bend the curve is the power law. Past it, L = L_b exp(-(b/delta)(1 - r^-delta)) with
    r = C/C_b, so reaching L means r = (1 - u)^(-1/delta), u = (delta/b) ln(L_b/L); u >= 1 means the
    curve levels off above the target. A target below the floor is never reached either.
    """
    target, b, bend = _arr(target), _arr(exponent), _arr(bend_flop)
    delta = np.log(2.0) / (_arr(halving_ooms) * np.log(10.0))
    at_bend = power_law_compute(bend, coef, b)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        straight = compute_for_loss(np.where(target > 0, target, np.nan), coef, b)
        u = (delta / b) * np.log(at_bend / target)
        bent = bend * (1.0 - u) ** (-1.0 / delta)
    c = np.where(target >= at_bend, straight, np.where(u < 1.0, bent, np.nan))
    return np.where((target >= _arr(floor)) & np.isfinite(c), c, np.nan)


def first_crossing(c_flop: Array, loss: Array, target: float) -> float | None:
    """Smallest compute on the grid where ``loss`` falls to ``target`` (log-interpolated).

    Returns None when the curve never reaches the target on the grid.
    """
    below = np.nonzero(loss <= target)[0]
    if below.size == 0:
        return None
    i = int(below[0])
    if i == 0:
        return float(c_flop[0])
    x0, x1 = np.log10(c_flop[i - 1]), np.log10(c_flop[i])
    y0, y1 = loss[i - 1], loss[i]
    frac = (y0 - target) / (y0 - y1) if y0 != y1 else 1.0
    return float(10 ** (x0 + frac * (x1 - x0)))
