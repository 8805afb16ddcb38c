"""Fitting a scaling law to your own points, the way Hoffmann et al. 2022 and Besiroglu et al. 2024 did.

Two forms: ``compute``, L = E + A·C^(-α), from (compute, loss) points; ``chinchilla``,
L = E + A/N^α + B/D^β, from (params, tokens, loss) points. As in Hoffmann et al. 2022 (Approach 3,
appendix D.2) and its replication: the Huber loss (δ = 1e-3) between the predicted and observed
log-loss, minimised with L-BFGS over E, A, B in log space (log L = LSE(e, a - α log N, b - β log D))
from the best points of a grid of starts; intervals on every constant from a bootstrap over points
(resampled with replacement, each refit from the full fit's optimum), 10th and 90th percentiles.
The grid, the bootstrap size and its seed are our choices. Pure: arrays in, constants out.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize

from lib.core.registry import Param, ParamSet
from lib.core.shared_params import GWERN, HUMAN
from lib.core.units import PF_DAY_FLOP

Array = NDArray[np.float64]

HUBER_DELTA = 1e-3  # Hoffmann et al. 2022, appendix D.2
MIN_POINTS = 4
BOOTSTRAP = 100
SEED = 0
STARTS_KEPT = 4  # L-BFGS runs from this many of the grid's best starts
FORMS = {"compute": ("E", "A", "alpha"), "chinchilla": ("E", "A", "B", "alpha", "beta")}
# Starts, our choice after Hoffmann's grid (appendix D.2): the fit runs on C, N and D divided by their
# geometric means, so a and b start near the log of the reducible loss instead of Hoffmann's 0-25 for raw N.
_GRID = {"e": (-1.0, 0.0, 1.0), "a": (-4.0, -2.0, -1.0, 0.0, 1.0, 2.0),
         "alpha": (0.03, 0.08, 0.15, 0.3, 0.5, 1.0, 2.0)}


# GPT-3's training compute, the reference the GPT-human page's error ratio is measured at (Brown et al. 2020).
REFERENCE_FLOP = 3640.0 * PF_DAY_FLOP
# Where the fit should carry the loss: the page's own numbers, in its link like a chain's.
PARAMS = ParamSet(
    model="fit",
    params=(
        Param("fit_target", "Human-level loss set by", "", "ratio",
              "'ratio': your fit's reducible loss (above its E) at GPT-3's training compute, divided by an error "
              "ratio, as the GPT-human page does with Chinchilla's laws; it works on any data's scale. 'loss': a "
              "loss you give, on your data's scale.", GWERN, kind="choice", choices=("ratio", "loss"),
              choice_labels=("Error ratio at GPT-3's compute", "A loss you give")),
        Param("fit_ratio", "Error ratio at GPT-3's compute", "x", 2.0,
              "How many times a human's reducible loss a model of GPT-3's training compute (3.14e23 FLOP) has on "
              "your fit: the essay's guess that GPT-3 has about twice a human's error.", GWERN,
              min=1.0, max=10.0, step=0.1, active_when=("fit_target", "ratio")),
        Param("goal", "Human-level loss", "nats/token", HUMAN.default,
              "The loss to reach, on your data's scale. The default is the essay's 0.86, which is on GPT-3's "
              "WebText2 scale: on other data it means little, so give your own.", GWERN,
              min=0.01, max=20.0, step=0.01, active_when=("fit_target", "loss")),
    ),
    groups=(("Where it leads", ("fit_target", "fit_ratio", "goal")),),
)


def human_loss(fit: "Fit", values: dict) -> float:
    """The target loss :data:`PARAMS` ask for on this fit."""
    if values["fit_target"] == "loss":
        return float(values["goal"])
    e = fit.constants["E"]
    return e + (float(fit.curve(np.array([REFERENCE_FLOP]))[0]) - e) / float(values["fit_ratio"])


class FitError(ValueError):
    """Data that cannot be fitted, in words for the page and the CLI."""


@dataclass(frozen=True)
class Fit:
    form: str  # "compute" or "chinchilla"
    constants: dict[str, float]  # E, A, (B,) alpha, (beta)
    ci80: dict[str, tuple[float, float]]
    n: int
    converged: bool
    objective: float
    draws: dict[str, Array] | None = None  # each constant over the bootstrap refits

    def curve(self, compute: Array) -> Array:
        """Loss against compute: the fitted C-law, or the Chinchilla law along its compute-optimal frontier."""
        return curve(self.form, self.constants, compute)

    def compute_for(self, target: float) -> Array:
        """Training compute at which the fitted curve reaches ``target`` (NaN where it never does)."""
        return compute_for_loss(self.form, self.constants, target)

    def reach(self, target: float) -> "Reach":
        """Where the fit and its bootstrap refits reach ``target``: :func:`reach`."""
        return reach(self, target)

    def predict(self, *x: Array) -> Array:
        return predict(self.form, _theta(self.form, self.constants), *x)

    def json(self) -> dict[str, object]:
        return {"form": self.form, "constants": self.constants, "ci80": {k: list(v) for k, v in self.ci80.items()},
                "n": self.n, "converged": self.converged}


def _theta(form: str, c: dict[str, float]) -> Array:
    if form == "compute":
        return np.array([np.log(c["E"]), np.log(c["A"]), c["alpha"]])
    return np.array([np.log(c["E"]), np.log(c["A"]), np.log(c["B"]), c["alpha"], c["beta"]])


def _constants(form: str, theta: Array) -> dict[str, float]:
    if form == "compute":
        return {"E": float(np.exp(theta[0])), "A": float(np.exp(theta[1])), "alpha": float(theta[2])}
    return {"E": float(np.exp(theta[0])), "A": float(np.exp(theta[1])), "B": float(np.exp(theta[2])),
            "alpha": float(theta[3]), "beta": float(theta[4])}


def _logsumexp(terms: Array) -> Array:
    """log(sum(exp(terms))) over the first axis, shifted by its maximum so nothing overflows.

    scipy.special.logsumexp gives the same numbers but took 0.7 s on the 5,292 starts x 240 points of
    the grid search here (its checks for weights and infinities), against 0.08 s for this.
    """
    top = terms.max(axis=0)
    return top + np.log(np.exp(terms - top).sum(axis=0))


def _bootstrap(theta: Array, form: str, log_loss: Array, x: tuple[Array, ...], weights: Array,
               iterations: int = 100) -> Array:
    """The fit to every bootstrap resample at once, warm-started from the full fit ``theta``: (draws, k).

    A resample is the points with integer ``weights`` (how often each was drawn). All of them take
    damped Gauss-Newton (Levenberg-Marquardt) steps on the weighted Huber objective together, as one
    array computation: 100 resamples of 250 points take tens of milliseconds, where one L-BFGS run
    per resample took seconds. A step is kept only where it lowers that resample's objective.
    """
    logs = [np.log(a) for a in x]
    draws = len(weights)

    def parts(th: Array) -> tuple[Array, Array, Array]:
        """Residuals (draws, n), the Jacobian of the prediction (draws, n, k), and each objective (draws,)."""
        if form == "compute":
            terms = np.stack([np.broadcast_to(th[:, :1], (draws, len(logs[0]))),
                              th[:, 1:2] - th[:, 2:3] * logs[0]])
        else:
            terms = np.stack([np.broadcast_to(th[:, :1], (draws, len(logs[0]))),
                              th[:, 1:2] - th[:, 3:4] * logs[0], th[:, 2:3] - th[:, 4:5] * logs[1]])
        pred = _logsumexp(terms)
        share = np.exp(terms - pred)  # d pred / d term
        if form == "compute":
            jac = np.stack([share[0], share[1], -share[1] * logs[0]], axis=-1)
        else:
            jac = np.stack([share[0], share[1], share[2], -share[1] * logs[0], -share[2] * logs[1]], axis=-1)
        r = pred - log_loss
        return r, jac, (weights * _huber(r)).sum(axis=1)

    th = np.repeat(np.atleast_2d(theta), draws, axis=0)
    damping = np.full(draws, 1e-3)
    r, jac, obj = parts(th)
    k = th.shape[1]
    for _ in range(iterations):
        inside = (np.abs(r) <= HUBER_DELTA) * weights  # Huber's curvature: 1 inside delta, 0 beyond
        psi = np.clip(r, -HUBER_DELTA, HUBER_DELTA) * weights
        grad = np.einsum("bn,bnk->bk", psi, jac)
        hess = np.einsum("bn,bnk,bnl->bkl", inside, jac, jac)
        diag = np.diagonal(hess, axis1=1, axis2=2)
        lhs = hess + (damping[:, None] * diag + 1e-12)[:, :, None] * np.eye(k)
        step = np.linalg.solve(lhs, -grad[:, :, None])[:, :, 0]
        new_r, new_jac, new_obj = parts(th + step)
        better = new_obj <= obj
        th = np.where(better[:, None], th + step, th)
        r = np.where(better[:, None], new_r, r)
        jac = np.where(better[:, None, None], new_jac, jac)
        obj = np.where(better, new_obj, obj)
        damping = np.where(better, damping / 3, damping * 4)
        if np.all(np.abs(step).max(axis=1) < 1e-9):
            break
    return th


def log_predict(form: str, theta: Array, *x: Array) -> Array:
    """Predicted log-loss; ``theta`` may be (k,) or (starts, k) for many parameter sets at once."""
    t = np.atleast_2d(theta)
    if form == "compute":
        (c,) = x
        terms = [np.broadcast_to(t[:, :1], (len(t), len(c))), t[:, 1:2] - t[:, 2:3] * np.log(c)[None, :]]
    else:
        n, d = x
        terms = [np.broadcast_to(t[:, :1], (len(t), len(n))), t[:, 1:2] - t[:, 3:4] * np.log(n)[None, :],
                 t[:, 2:3] - t[:, 4:5] * np.log(d)[None, :]]
    out = _logsumexp(np.stack(terms))
    return out[0] if np.ndim(theta) == 1 else out


def predict(form: str, theta: Array, *x: Array) -> Array:
    return np.exp(log_predict(form, theta, *x))


def _huber(r: Array, delta: float = HUBER_DELTA) -> Array:
    a = np.abs(r)
    return np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta))


def _objective(theta: Array, form: str, log_loss: Array, *x: Array) -> tuple[float, Array]:
    """The Huber objective and its gradient (analytic: L-BFGS then needs one evaluation per step, not k + 1)."""
    logs = [np.log(a) for a in x]
    if form == "compute":
        terms = np.stack([np.full_like(logs[0], theta[0]), theta[1] - theta[2] * logs[0]])
    else:
        terms = np.stack([np.full_like(logs[0], theta[0]), theta[1] - theta[3] * logs[0], theta[2] - theta[4] * logs[1]])
    pred = _logsumexp(terms)
    r = pred - log_loss
    w = np.exp(terms - pred)  # each term's share of the predicted loss: d pred / d term
    g = np.clip(r, -HUBER_DELTA, HUBER_DELTA)  # d Huber / d r
    if form == "compute":
        grad = np.array([g @ w[0], g @ w[1], -(g * w[1]) @ logs[0]])
    else:
        grad = np.array([g @ w[0], g @ w[1], g @ w[2], -(g * w[1]) @ logs[0], -(g * w[2]) @ logs[1]])
    return float(_huber(r).sum()), grad


def _grid(form: str) -> Array:
    g = _GRID
    axes = ((g["e"], g["a"], g["alpha"]) if form == "compute"
            else (g["e"], g["a"], g["a"], g["alpha"], g["alpha"]))
    return np.array(list(itertools.product(*axes)), dtype=float)


def _check(form: str, loss: Array, *x: Array) -> None:
    n = len(loss)
    if n < MIN_POINTS:
        raise FitError(f"{n} point{'s' if n != 1 else ''}: a fit needs at least {MIN_POINTS}")
    for name, a in zip(("loss", *(("compute",) if form == "compute" else ("params", "tokens"))), (loss, *x)):
        if not np.all(np.isfinite(a)) or np.any(a <= 0):
            raise FitError(f"every {name} must be a positive number")
    rows = np.column_stack([loss, *x])
    if len(np.unique(rows, axis=0)) < len(rows):
        raise FitError("some points are repeated exactly; remove the duplicates")


def _unscaled(form: str, theta: Array, refs: tuple[float, ...]) -> Array:
    """Theta fitted on inputs divided by ``refs`` -> theta on the inputs as given."""
    t = np.array(theta, dtype=float)
    if form == "compute":
        t[1] += t[2] * np.log(refs[0])
    else:
        t[1] += t[3] * np.log(refs[0])
        t[2] += t[4] * np.log(refs[1])
    return t


def _minimize(theta0: Array, form: str, log_loss: Array, *x: Array):
    return minimize(_objective, theta0, args=(form, log_loss, *x), method="L-BFGS-B", jac=True,
                    options={"maxiter": 2000, "ftol": 1e-14, "gtol": 1e-10})


def fit(form: str, loss: Array, *x: Array, bootstrap: int = BOOTSTRAP, seed: int = SEED) -> Fit:
    """Fit ``form`` to points: ``fit("compute", loss, compute)`` or ``fit("chinchilla", loss, params, tokens)``."""
    if form not in FORMS:
        raise FitError(f"unknown form '{form}' (choose compute or chinchilla)")
    loss = np.asarray(loss, dtype=float)
    x = tuple(np.asarray(a, dtype=float) for a in x)
    _check(form, loss, *x)
    log_loss = np.log(loss)
    # On inputs divided by their geometric means: A/N^alpha = (A / ref^alpha) / (N / ref)^alpha.
    refs = tuple(float(np.exp(np.log(a).mean())) for a in x)
    x = tuple(a / r for a, r in zip(x, refs))
    grid = _grid(form)
    # Every start's objective in one vectorised evaluation; L-BFGS from the best few.
    scores = _huber(log_predict(form, grid, *x) - log_loss[None, :]).sum(axis=1)
    best = None
    for theta0 in grid[np.argsort(scores)[:STARTS_KEPT]]:
        res = _minimize(theta0, form, log_loss, *x)
        if best is None or res.fun < best.fun:
            best = res
    assert best is not None
    rng = np.random.default_rng(seed)
    # Each resample as how often it drew each point; all of them fitted at once from the full fit.
    counts = np.array([np.bincount(rng.integers(0, len(loss), len(loss)), minlength=len(loss))
                       for _ in range(bootstrap)], dtype=float).reshape(bootstrap, len(loss))
    draws = list(_bootstrap(best.x, form, log_loss, x, counts)) if bootstrap else []
    constants = _constants(form, _unscaled(form, best.x, refs))
    ci80: dict[str, tuple[float, float]] = {}
    kept: dict[str, Array] | None = None
    if draws:
        boot = [_constants(form, _unscaled(form, t, refs)) for t in draws]
        kept = {k: np.array([b[k] for b in boot]) for k in constants}
        for k in constants:
            lo, hi = np.percentile(kept[k], [10, 90])
            ci80[k] = (float(lo), float(hi))
    return Fit(form, constants, ci80, len(loss), bool(best.success), float(best.fun), kept)


def curve(form: str, constants: dict[str, float] | dict[str, Array], compute: Array) -> Array:
    """Loss over ``compute`` for one set of constants, or (draws x compute) for arrays of them."""
    from lib.core.scaling_laws import ChinchillaLaw, chinchilla_frontier_loss

    c = np.asarray(compute, dtype=float)
    k = {name: np.asarray(v, dtype=float)[..., None] for name, v in constants.items()}
    if form == "compute":
        return k["E"] + k["A"] * c ** -k["alpha"]
    law = ChinchillaLaw(e=k["E"], a=k["A"], b=k["B"], alpha=k["alpha"], beta=k["beta"])
    return chinchilla_frontier_loss(c, law)


def compute_for_loss(form: str, constants: dict[str, float] | dict[str, Array], target: float) -> Array:
    """The compute at which :func:`curve` reaches ``target``; NaN where the target is at or below E.

    The compute form inverts L = E + A·C^(-α) as C = (A / (L - E))^(1/α); the Chinchilla form uses
    :func:`lib.core.scaling_laws.chinchilla_frontier_compute` (its compute-optimal frontier). Constants may be
    arrays (the bootstrap refits): one compute per set.
    """
    from lib.core.scaling_laws import ChinchillaLaw, chinchilla_frontier_compute

    k = {name: np.asarray(v, dtype=float) for name, v in constants.items()}
    if form == "compute":
        reducible = target - k["E"]
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            out = np.where(reducible > 0, (k["A"] / np.where(reducible > 0, reducible, 1.0)) ** (1.0 / k["alpha"]),
                           np.nan)
    else:
        law = ChinchillaLaw(e=k["E"], a=k["A"], b=k["B"], alpha=k["alpha"], beta=k["beta"])
        with np.errstate(over="ignore"):
            out = chinchilla_frontier_compute(target, law)
    return np.where(np.isfinite(out), out, np.nan)


@dataclass(frozen=True)
class Reach:
    """Where a fit reaches a target loss: the fit's own compute and the spread of its bootstrap refits."""
    target: float
    compute: float | None  # None: the fitted E is at or above the target, so no compute reaches it
    ci80: tuple[float, float] | None  # 10th-90th percentile over the refits that reach it
    never: float  # share of bootstrap refits that never reach it (0 without refits)


def reach(fit: Fit, target: float) -> Reach:
    central = float(fit.compute_for(target))
    ci80, never = None, 0.0
    if fit.draws is not None:
        each = compute_for_loss(fit.form, fit.draws, target)
        found = each[np.isfinite(each)]
        never = 1.0 - found.size / each.size
        if found.size:
            lo, hi = np.percentile(found, [10, 90])
            ci80 = (float(lo), float(hi))
    return Reach(target, central if np.isfinite(central) else None, ci80, never)
