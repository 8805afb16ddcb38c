"""Uncertainty and sensitivity: draws from each parameter's range, and one-at-a-time swings.

Ranges are declared once, in the registry (``Param.spread``: an 80% interval at the default,
with its source). This module adds to each chain's parameters the controls of the uncertainty
view, all of them link keys: ``samples`` (draws, 0 = off), ``seed``, and ``u_<key>``, the width
of each number's range in units of its declared interval (0 = held fixed, 1 = as declared). A
sourced range starts at 1, this project's own at 0; a number with no declared range can be given
one too (:data:`FALLBACK_NOTE`).

The interval moves with the slider: at value x it keeps the declared interval's offsets from the
default (ratios for a log-scale number), times the width. Draws are log-normal for log-scale
numbers and normal for linear ones, with that interval as their 10th and 90th percentiles,
truncated to the parameter's bounds (drawn by inverse CDF inside them, not clipped onto them).
All draws of a chain are one batch through its ``run_batch``.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.stats import norm

from lib.core.chain import Chain, HeadlineBatch, HeadlineValue
from lib.core.memo import BoundedMemo
from lib.core.registry import Z80, Param, ParamSet, Source, Spread, Value

SAMPLE_OPTIONS = (0, 500, 1000, 2000, 5000, 10000, 20000)  # the page's choice of draws (0 = off)
DEFAULT_SAMPLES = 2000
MAX_SAMPLES = 100_000  # the CLI's ceiling: one batch of this size stays within a few seconds on 2 cores
DEFAULT_SEED = 1
MAX_SEED = 2**31 - 1
WIDTH_OPTIONS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)

OUR_CHOICE = Source("This project's choice: a range for a number its source gives no range for")
VIEW_SETTING = Source("A setting of this dashboard's uncertainty view, not a figure from a source")
# A number without a declared range that a user gives one: halved and doubled for a log-scale number,
# a tenth of its slider's span either side for a linear one. Broad on purpose, and said so.
FALLBACK_NOTE = ("no source gives a range for it; at width 1 its 80% interval is half to twice the value "
                 "(log-scale numbers) or a tenth of the slider's span either side (linear ones)")
UNCERTAINTY_GROUP = "Uncertainty"


def width_key(key: str) -> str:
    return f"u_{key}"


def rangeable(p: Param) -> bool:
    """Numbers a user can give a range: real-valued model inputs (not counts or years, not switches)."""
    return p.kind == "float" and p.role == "model"


def spread_of(p: Param) -> Spread:
    """The parameter's declared range, or the broad fallback of :data:`FALLBACK_NOTE`."""
    if p.spread is not None:
        return p.spread
    d = float(p.default)  # type: ignore[arg-type]
    if p.scale == "log":
        return Spread(d / 2, d * 2, OUR_CHOICE, sourced=False, note=FALLBACK_NOTE)
    half = (p.max - p.min) / 10
    return Spread(d - half, d + half, OUR_CHOICE, sourced=False, note=FALLBACK_NOTE)


def _width_param(p: Param) -> Param:
    s = spread_of(p)
    unit = f" {p.unit}" if p.unit else ""
    where = f"Source: {s.source.citation}" + (f" ({s.note})" if s.note else "")
    return Param(width_key(p.key), f"Range of {p.label} (× its 80% interval; 0 = fixed)", "", 1.0 if s.sourced else 0.0,
                 f"How uncertain {p.label} is, as a multiple of its 80% interval ({p.format_value(s.low)} to "
                 f"{p.format_value(s.high)}{unit} at the default {p.format_value(p.default)}); 0 holds it fixed. "
                 f"{where}.", s.source, min=0.0, max=max(WIDTH_OPTIONS), step=0.25, role="view",
                 options=WIDTH_OPTIONS)


def with_uncertainty(params: ParamSet) -> ParamSet:
    """``params`` with the uncertainty view's controls: draws and seed in their own group, each range after its number."""
    view = (
        Param("samples", "Uncertainty: draws (0 = off)", "", 0,
              "Draw every parameter that has a range this many times and show the spread of every answer "
              "(0 = off). Each draw is one row of one vectorised batch.", VIEW_SETTING, min=0, max=max(SAMPLE_OPTIONS),
              step=1, kind="int", role="view", options=tuple(float(o) for o in SAMPLE_OPTIONS)),
        Param("seed", "Random seed", "", DEFAULT_SEED,
              "The same seed gives the same draws, so a shared link shows the same bands.", VIEW_SETTING,
              min=0, max=MAX_SEED, step=1, kind="int", role="view", widget="number"),
    )
    widths = {p.key: _width_param(p) for p in params.params if rangeable(p)}
    groups = params.groups or (("Parameters", params.keys),)
    new_groups = [(UNCERTAINTY_GROUP, tuple(p.key for p in view))]
    for title, keys in groups:
        new_groups.append((title, tuple(k2 for k in keys for k2 in ((k, width_key(k)) if k in widths else (k,)))))
    ordered = [*view]
    for p in params.params:
        ordered.append(p)
        if p.key in widths:
            ordered.append(widths[p.key])
    return replace(params, params=tuple(ordered), groups=tuple(new_groups))


# -- ranges at the current values ---------------------------------------------------------------------

@dataclass(frozen=True)
class Range:
    """A parameter's 80% interval at the current values (natural units, before truncation to its bounds)."""

    param: Param
    low: float
    high: float
    width: float

    @property
    def center_sd(self) -> tuple[float, float]:
        """Mean and standard deviation of the normal it is drawn from (in log10 units on a log scale)."""
        lo, hi = (math.log10(self.low), math.log10(self.high)) if self.param.scale == "log" else (self.low, self.high)
        return (lo + hi) / 2, (hi - lo) / (2 * Z80)

    @property
    def clipped(self) -> tuple[float, float]:
        return max(self.low, self.param.min), min(self.high, self.param.max)


def interval(p: Param, value: float, width: float) -> tuple[float, float]:
    """The 80% interval at ``value``: the declared interval's offsets from the default (ratios on a log scale) × ``width``."""
    s, d = spread_of(p), float(p.default)  # type: ignore[arg-type]
    if p.scale == "log":
        return value * (s.low / d) ** width, value * (s.high / d) ** width
    return value - width * (d - s.low), value + width * (s.high - d)


def ranges(params: ParamSet, values: Mapping[str, Value]) -> tuple[Range, ...]:
    """Every number with a range switched on (width > 0) that matters with these values."""
    out = []
    for p in params.params:
        if not rangeable(p) or width_key(p.key) not in params:
            continue
        width = float(values.get(width_key(p.key), params[width_key(p.key)].default))  # type: ignore[arg-type]
        if width <= 0 or params.inactive_reason(p.key, values) is not None:
            continue
        low, high = interval(p, float(values.get(p.key, p.default)), width)  # type: ignore[arg-type]
        if high > low:
            out.append(Range(p, low, high, width))
    return tuple(out)


def draw(params: ParamSet, values: Mapping[str, Value], n: int, seed: int) -> dict[str, Any]:
    """A batch of ``n`` draws: ranged numbers as arrays (truncated normal or log-normal), the rest as they are."""
    if not 1 <= n <= MAX_SAMPLES:
        raise ValueError(f"draws must be 1 to {MAX_SAMPLES:,}, not {n}")
    rng = np.random.default_rng(seed)
    batch: dict[str, Any] = {k: values.get(k, params[k].default) for k in params.keys}
    for r in ranges(params, values):
        mu, sd = r.center_sd
        log = r.param.scale == "log"
        lo, hi = (math.log10(r.param.min), math.log10(r.param.max)) if log else (r.param.min, r.param.max)
        a, b = norm.cdf((lo - mu) / sd), norm.cdf((hi - mu) / sd)
        u = rng.random(n)
        x = mu + sd * norm.ppf(np.clip(a + u * (b - a), 1e-15, 1 - 1e-15))
        x = np.clip(x, lo, hi)  # float rounding at the very edge
        batch[r.param.key] = 10.0 ** x if log else x
    return batch


# -- what the draws say -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Summary:
    """One headline over the draws: quantiles (None where they fall where it has no value), draws, share without one."""

    p10: float | None
    p50: float | None
    p90: float | None
    n: int
    undefined: float

    def json(self) -> dict[str, Any]:
        return {"p10": self.p10, "p50": self.p50, "p90": self.p90, "n": self.n, "undefined": self.undefined}


def summarize(heads: HeadlineBatch) -> dict[str, Summary]:
    """Median and 80% interval of every headline over a batch of draws.

    A missing value (never affordable, after 2100, never reaches human level) ranks above every
    number: each is "later" or "more" than any value the headline has. A quantile that falls
    among them is None.
    """
    out = {}
    for key, v in heads.values.items():
        missing = ~np.isfinite(v)
        ranked = np.where(missing, np.inf, v)
        q = np.quantile(ranked, [0.1, 0.5, 0.9], method="inverted_cdf")
        out[key] = Summary(*(float(x) if math.isfinite(x) else None for x in q), n=len(v),
                           undefined=float(missing.mean()))
    return out


def quantile_bands(y: NDArray[np.float64]) -> dict[float, NDArray[np.float64]]:
    """The 10th, 25th, 75th and 90th percentiles across draws (axis 0) at every point of a curve."""
    qs = (0.1, 0.25, 0.75, 0.9)
    if np.isfinite(y).all():  # nanquantile is several times slower; most bands have no gaps
        return dict(zip(qs, np.quantile(y, qs, axis=0)))
    with np.errstate(all="ignore"):
        return dict(zip(qs, np.nanquantile(np.where(np.isfinite(y), y, np.nan), qs, axis=0)))


# -- sensitivity: one parameter at a time --------------------------------------------------------------

@dataclass(frozen=True)
class Swing:
    """One ranged parameter moved alone to each end of its interval, the others as they are."""

    param: Param
    low: float
    high: float
    at_low: HeadlineValue
    at_high: HeadlineValue


def _link_exact(p: Param, x: float) -> float:
    """``x`` as a link or the CLI would carry it: on the slider's grid, at the precision its text keeps."""
    x = min(max(x, p.min), p.max)
    value, _ = p.parse(p.format_value(p.snap(x)))
    return float(value)  # type: ignore[arg-type]


def sensitivity(chain: Chain, values: Mapping[str, Value]) -> dict[str, list[Swing]]:
    """Per headline, every ranged parameter's swing, largest first (one batch of two rows per parameter).

    The ends are the interval's, clipped to the bounds and written as a link would write them, so
    a swing's ``at_low`` is exactly what the chain gives with that one value changed.
    """
    rs = ranges(chain.params, values)
    if not rs:
        return {h.key: [] for h in chain.headlines}
    ends = [(_link_exact(r.param, r.clipped[0]), _link_exact(r.param, r.clipped[1])) for r in rs]
    batch: dict[str, Any] = {k: values.get(k, chain.params[k].default) for k in chain.params.keys}
    for i, r in enumerate(rs):
        column = np.full(2 * len(rs), float(values.get(r.param.key, r.param.default)))  # type: ignore[arg-type]
        column[2 * i], column[2 * i + 1] = ends[i]
        batch[r.param.key] = column
    heads = chain.run_batch(batch)
    out: dict[str, list[Swing]] = {}
    for h in chain.headlines:
        swings = [Swing(r.param, lo, hi, heads.row(2 * i)[h.key], heads.row(2 * i + 1)[h.key])
                  for i, (r, (lo, hi)) in enumerate(zip(rs, ends))]
        out[h.key] = sorted(swings, key=lambda s: -swing_size(s, h.horizon))
    return out


def swing_size(s: Swing, horizon: float | None) -> float:
    """|at_high − at_low|; a missing end stands at the headline's horizon, or beyond every number without one."""
    ends = []
    for v in (s.at_low, s.at_high):
        x = v.value if v.value is not None else horizon
        if x is None:
            return math.inf if (s.at_low.value is None) != (s.at_high.value is None) else 0.0
        ends.append(x)
    return abs(ends[1] - ends[0])


def cli_sensitivity(swings: dict[str, list[Swing]]) -> dict[str, list[dict[str, Any]]]:
    return {key: [{"param": s.param.key, "low": s.low, "high": s.high, "at_low": s.at_low.json(),
                   "at_high": s.at_high.json()} for s in rows] for key, rows in swings.items()}


@dataclass(frozen=True)
class Draws:
    """A chain's headlines over ``n`` draws of its ranged parameters (one batch), with their summaries.

    ``curves`` is whatever else the evaluation gave (a page's curves for its bands), or None.
    """

    n: int
    seed: int
    ranges: tuple[Range, ...]
    batch: dict[str, Any]
    heads: HeadlineBatch
    summaries: dict[str, Summary]
    curves: Any = None


def run_draws(chain: Chain, values: Mapping[str, Value], n: int | None = None, seed: int | None = None,
              evaluate: Callable[[Mapping[str, Any]], tuple[HeadlineBatch, Any]] | None = None) -> Draws:
    """Draw ``n`` parameter sets (default: the view's ``samples`` and ``seed``) and evaluate them in one batch.

    ``evaluate`` replaces ``chain.run_batch`` where a page needs more of the same evaluation than
    the headlines (the anchors' curves): one pass through the model, not two.
    """
    n = int(values.get("samples", 0)) if n is None else n  # type: ignore[arg-type]
    seed = int(values.get("seed", DEFAULT_SEED)) if seed is None else seed  # type: ignore[arg-type]

    def compute() -> Draws:
        batch = draw(chain.params, values, n, seed)
        heads, curves = evaluate(batch) if evaluate is not None else (chain.run_batch(batch), None)
        return Draws(n, seed, ranges(chain.params, values), batch, heads, summarize(heads), curves)

    # Seeded draws are a pure function of the values: a slider moved back to where it was gets
    # its draws again instead of a second evaluation of the whole batch.
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items()))
    return _draws.get((chain.key, n, seed, evaluate, frozen), compute)


# A few per process: an anchors entry (2,000 draws with their yearly curves) holds about 2 MB.
_DRAWS_KEPT = 8
_draws: BoundedMemo[Draws] = BoundedMemo(_DRAWS_KEPT)
