"""Ranges: how uncertain each number is, as the link keys every chain declares, and where they lie now.

Ranges are declared once, in the registry (``Param.spread``: an 80% interval at the default,
with its source). :func:`with_uncertainty` adds to a chain's parameters the controls of the
uncertainty view, all of them link keys: ``samples`` (draws, 0 = off), ``seed``, and ``u_<key>``,
the width of each number's range in units of its declared interval (0 = held fixed, 1 = as
declared). A sourced range starts at 1, this project's own at 0; a number with no declared range
can be given one too (:data:`FALLBACK_NOTE`). The interval moves with the slider: at value x it
keeps the declared interval's offsets from the default (ratios for a log-scale number), times
the width (:func:`ranges`).

Here, not with the uncertainty tool (lib/tools/uncertainty/), because every chain declares these
keys with its parameters and draws its bands with :func:`quantile_bands`.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

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
    """Numbers a user can give a range (real-valued model inputs, not counts or switches), and choices with weights."""
    return (p.kind == "float" and p.role == "model") or weighted(p)


def weighted(p: Param) -> bool:
    """A choice declared with a probability per choice: the uncertainty view can draw it."""
    return p.kind == "choice" and p.spread is not None and bool(p.spread.weights)


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
    if weighted(p):
        odds = ", ".join(f"{label or c} {w:.0%}" for c, label, w in
                         zip(p.choices, p.choice_labels or p.choices, s.weights))
        return Param(width_key(p.key), f"Draw {p.label} by its weights (1 = drawn, 0 = fixed)", "",
                     1.0 if s.sourced else 0.0,
                     f"With the uncertainty view on, draw {p.label} for each draw: {odds}. 0 keeps it as set. "
                     f"Source: {s.source.citation}" + (f" ({s.note})" if s.note else "") + ".", s.source,
                     min=0.0, max=1.0, step=1.0, role="view", options=(0.0, 1.0))
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
    """Every number with a range switched on (width > 0) that matters with these values (choices: :func:`drawn_choices`)."""
    out = []
    for p in params.params:
        if not rangeable(p) or weighted(p) or width_key(p.key) not in params:
            continue
        width = float(values.get(width_key(p.key), params[width_key(p.key)].default))  # type: ignore[arg-type]
        if width <= 0 or params.inactive_reason(p.key, values) is not None:
            continue
        low, high = interval(p, float(values.get(p.key, p.default)), width)  # type: ignore[arg-type]
        if high > low:
            out.append(Range(p, low, high, width))
    return tuple(out)


def drawn_choices(params: ParamSet, values: Mapping[str, Value]) -> tuple[Param, ...]:
    """Every weighted choice switched on (its ``u_`` key 1) that matters with these values."""
    return tuple(p for p in params.params if weighted(p) and width_key(p.key) in params
                 and float(values.get(width_key(p.key), params[width_key(p.key)].default)) > 0  # type: ignore[arg-type]
                 and params.inactive_reason(p.key, values) is None)


def ranges_left_out(params: ParamSet, values: Mapping[str, Value]) -> list[tuple[Param, str]]:
    """Numbers whose range slider is above 0 but that :func:`ranges` leaves out, each with why in words."""
    out = []
    for p in params.params:
        if not rangeable(p) or width_key(p.key) not in params:
            continue
        width = float(values.get(width_key(p.key), params[width_key(p.key)].default))  # type: ignore[arg-type]
        if width <= 0:
            continue
        reason = params.inactive_reason(p.key, values)
        if reason is None and not weighted(p):
            low, high = interval(p, float(values.get(p.key, p.default)), width)  # type: ignore[arg-type]
            reason = None if high > low else "its range is empty at this value"
        if reason is not None:
            out.append((p, reason))
    return out


def quantile_bands(y: NDArray[np.float64]) -> dict[float, NDArray[np.float64]]:
    """The 10th, 25th, 75th and 90th percentiles across draws (axis 0) at every point of a curve."""
    qs = (0.1, 0.25, 0.75, 0.9)
    if np.isfinite(y).all():  # nanquantile is several times slower; most bands have no gaps
        return dict(zip(qs, np.quantile(y, qs, axis=0)))
    with np.errstate(all="ignore"):
        return dict(zip(qs, np.nanquantile(np.where(np.isfinite(y), y, np.nan), qs, axis=0)))
