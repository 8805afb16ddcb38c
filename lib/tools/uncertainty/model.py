"""The uncertainty tool: draws from each number's range, what they say, and one-at-a-time swings.

Each number's range and the view's link keys (``samples``, ``seed``, ``u_<key>``) are declared
with the chain's parameters (:mod:`lib.core.ranges`). Draws are log-normal for log-scale numbers
and normal for linear ones, with the range as their 10th and 90th percentiles, truncated to the
parameter's bounds (drawn by inverse CDF inside them, not clipped onto them). All draws of a
chain are one batch through its ``run_batch``.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.stats import norm

from lib.core.chain import Chain, HeadlineBatch, HeadlineValue
from lib.core.memo import BoundedMemo
from lib.core.ranges import DEFAULT_SEED, MAX_SAMPLES, Range, drawn_choices, ranges
from lib.core.registry import Param, ParamSet, Value


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
    for p in drawn_choices(params, values):  # a discrete distribution: each choice at its weight
        batch[p.key] = rng.choice(np.array(p.choices), size=n, p=np.array(p.spread.weights))  # type: ignore[union-attr]
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
    choices: tuple[Param, ...] = ()  # the weighted choices drawn too

    @property
    def varies(self) -> bool:
        """Whether anything is drawn: a number's range or a choice's weights."""
        return bool(self.ranges or self.choices)


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
        return Draws(n, seed, ranges(chain.params, values), batch, heads, summarize(heads), curves,
                     drawn_choices(chain.params, values))

    # Seeded draws are a pure function of the values: a slider moved back to where it was gets
    # its draws again instead of a second evaluation of the whole batch.
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items()))
    return _draws.get((chain.key, n, seed, evaluate, frozen), compute)


# A few per process: an anchors entry (2,000 draws with their yearly curves) holds about 2 MB.
_DRAWS_KEPT = 8
_draws: BoundedMemo[Draws] = BoundedMemo(_DRAWS_KEPT)
