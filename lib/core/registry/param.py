"""One adjustable number declared: :class:`Param` (and its :class:`Source` and :class:`Spread`).

A :class:`Param` carries everything the rest of the app needs to know about a number: its URL
key, label, unit, default, bounds, step, scale, help text and source, and how one value of it is
written as text and read back (format, parse, clamp, snap to the slider's step).

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from lib.core.problems import Problem, at
from lib.core.registry.renamed import RENAMED_CHOICES
from lib.core.units import format_number, round_sig

Scale = Literal["linear", "log"]
Kind = Literal["float", "int", "bool", "choice", "multi"]
Value = float | bool | str | tuple[str, ...]

# Log-scale parameters are offered on a grid of this many values per decade.
# 20 per decade keeps one arrow-key step at ~12% (a 0.05 OOM nudge), fine
# enough for debate and coarse enough that PageUp/PageDown crosses decades fast.
LOG_STEPS_PER_DECADE = 20


@dataclass(frozen=True)
class Source:
    """A citation: short human-readable reference plus an optional link."""

    citation: str
    url: str = ""


Z80 = 1.2815515655446004  # the 90th percentile of a standard normal: an 80% interval is ±Z80 standard deviations


@dataclass(frozen=True)
class Spread:
    """How uncertain a parameter is: an 80% interval (10th to 90th percentile) at its default value.

    ``sourced`` ranges come from the cited source and are on in the uncertainty view; the others
    are this project's choice (``note`` says why), offered but off until a user turns them on.
    lib/core/ranges.py moves the interval with the slider; lib/tools/uncertainty/ draws from it.
    """

    low: float
    high: float
    source: Source
    sourced: bool = True
    note: str = ""
    # For a choice: the probability of each of its choices, in order (a discrete distribution; low and
    # high unused). The uncertainty view then draws the choice, as AI 2027 draws its growth type.
    weights: tuple[float, ...] = ()


@dataclass(frozen=True)
class Param:
    """One adjustable number (or switch, or choice) of a model.

    ``step`` is in natural units for linear parameters and ignored for log
    parameters, which use a fixed log grid (:data:`LOG_STEPS_PER_DECADE`).
    ``active_when=(key, value)`` says the parameter matters only while another
    (a choice or a switch) has that value; pages grey it out otherwise. The value may be a tuple
    of values (any of them), and several conditions may be given as a tuple of such pairs (all
    of them): see :meth:`conditions`. ``inactive_when``, in the same form, says the opposite: the
    parameter does not matter while all of its conditions hold.
    """

    key: str
    label: str
    unit: str
    default: Value
    help: str
    source: Source
    min: float = 0.0
    max: float = 1.0
    step: float = 0.01
    scale: Scale = "linear"
    kind: Kind = "float"
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()
    active_when: tuple[str, Value] | tuple[tuple[str, Value], ...] | None = None
    inactive_when: tuple[str, Value] | tuple[tuple[str, Value], ...] | None = None
    spread: Spread | None = None
    # "view": how results are shown (the uncertainty view's draws, seed and ranges), not a model input.
    role: Literal["model", "view"] = "model"
    options: tuple[float, ...] = ()  # a number offered at these values only (a select-slider)
    widget: Literal["", "number"] = ""  # "number": a box to type into, for numbers without a useful track

    def conditions(self, which: str = "active_when") -> tuple[tuple[str, tuple[Value, ...]], ...]:
        """``active_when`` (or ``inactive_when``) as (key, allowed values) pairs, all of which must hold."""
        spec = getattr(self, which)
        if spec is None:
            return ()
        pairs = (spec,) if isinstance(spec[0], str) else spec
        return tuple((key, wanted if isinstance(wanted, tuple) else (wanted,)) for key, wanted in pairs)  # type: ignore[misc]

    @property
    def switchable(self) -> bool:
        """Whether another parameter can make this one irrelevant."""
        return self.active_when is not None or self.inactive_when is not None

    def __post_init__(self) -> None:
        if not self.key.replace("_", "").isalnum() or self.key.lower() != self.key:
            raise ValueError(f"URL key must be short lowercase alphanumeric: {self.key!r}")
        if self.kind in ("float", "int"):
            assert isinstance(self.default, (int, float)) and not isinstance(self.default, bool)
            if not self.min <= self.default <= self.max:
                raise ValueError(f"{self.key}: default {self.default} outside [{self.min}, {self.max}]")
            if self.scale == "log" and self.min <= 0:
                raise ValueError(f"{self.key}: log-scale parameter needs a positive minimum")
        elif self.kind == "choice":
            if self.default not in self.choices:
                raise ValueError(f"{self.key}: default {self.default!r} not among {self.choices}")
            if self.spread is not None and (len(self.spread.weights) != len(self.choices)
                                            or abs(sum(self.spread.weights) - 1) > 1e-9):
                raise ValueError(f"{self.key}: a choice's range is one weight per choice, summing to 1")
            if self.choice_labels and len(self.choice_labels) != len(self.choices):
                raise ValueError(f"{self.key}: one label per choice")
        elif self.kind == "multi":
            if not isinstance(self.default, tuple) or not set(self.default) <= set(self.choices):
                raise ValueError(f"{self.key}: default {self.default!r} must be a tuple of {self.choices}")
        elif self.kind == "bool":
            assert isinstance(self.default, bool)

    # -- conversions between values and URL text -------------------------------
    def format_value(self, value: Value) -> str:
        """The text a value has in a URL (and on the CLI): natural units, compact.

        A multi-choice value is comma-separated here; in a URL each choice is its own
        repeated parameter (``?refs=a&refs=b``), as Streamlit's multiselect binds it.
        """
        if self.kind == "multi":
            return ",".join(value)  # type: ignore[arg-type]
        if self.kind == "bool":
            return "true" if value else "false"
        if self.kind == "choice":
            return str(value)
        if self.kind == "int":
            return str(round(float(value)))
        return format_number(float(value))

    def display(self, value: Value) -> str:
        """A value as a reader sees it on the page: a choice by its label, a switch as on/off."""
        if self.kind == "choice" and self.choice_labels and value in self.choices:
            return self.choice_labels[self.choices.index(value)]  # type: ignore[arg-type]
        if self.kind == "bool":
            return "on" if value else "off"
        return self.format_value(value)

    def parse(self, text: str | list[str]) -> tuple[Value, str | None]:
        """Parse URL/CLI text into a valid value.

        Returns ``(value, warning)``. Bad text falls back to the default;
        out-of-range numbers are clamped. ``warning`` is ``None`` when the text
        was accepted as is, else a short sentence naming the parameter.
        A multi-choice parameter takes a list (repeated URL keys) or comma-separated text.
        """
        value, problem = self.check(text)
        return value, None if problem is None else str(problem)

    def check(self, text: str | list[str]) -> tuple[Value, Problem | None]:
        """Like :meth:`parse`, with the problem kept as a :class:`Problem`. A list takes its last item."""
        if self.kind == "multi":
            return self._parse_multi(text)
        if isinstance(text, list):
            text = text[-1] if text else ""
        text = text.strip()
        if self.kind == "bool":
            low = text.lower()
            if low in ("true", "1", "yes", "on"):
                return True, None
            if low in ("false", "0", "no", "off"):
                return False, None
            return self.default, Problem("not_bool", ("", at(self.key, text), " is not true/false; using the default."))
        if self.kind == "choice":
            text = RENAMED_CHOICES.get(self.key, {}).get(text, text)
            if text in self.choices:
                return text, None
            return self.default, Problem("not_choice", (
                "", at(self.key, text), f" is not one of {', '.join(self.choices)}; using the default."))
        try:
            number = float(text)
        except ValueError:
            return self.default, Problem("not_number", (
                "", at(self.key, text), f" is not a number; using the default ({self.format_value(self.default)})."))
        return self._check_number(number, text)

    def _check_number(self, number: float, text: str, snap: bool = True) -> tuple[Value, Problem | None]:
        """Clamp to the bounds; for text from a link or the CLI (``snap``) also round to the slider's step."""
        if math.isnan(number) or (math.isinf(number) and _names_infinity(text)):
            return self.default, Problem("not_finite", ("", at(self.key, text), " is not a finite number; using the default."))
        # Past here an infinity is a literal too long for a float ("9" * 5000): a number out of range like any other.
        clamped = min(max(number, self.min), self.max)
        if clamped != number:
            unit = f" {self.unit}" if self.unit else ""
            bounds = f"{self.format_value(self.min)} to {self.format_value(self.max)}{unit}"
            clamped = self.snap(clamped) if snap else (float(round(clamped)) if self.kind == "int" else clamped)
            return clamped, Problem("out_of_range", (
                "", at(self.key, text), f" is outside {bounds}; clamped to {self.format_value(clamped)}."))
        snapped = self.snap(number) if snap else (float(round(number)) if self.kind == "int" else number)
        if snap and snapped != number:
            # A slider can only show its steps: keeping 0.855 under a slider reading 0.86 would show one
            # number while the model used another.
            if self.options:
                offered = ", ".join(self.format_value(o) for o in self.options)
                return snapped, Problem("off_step", (
                    "", at(self.key, text), f" is not one of this control's values ({offered}); "
                    f"using the nearest, {self.format_value(snapped)}."))
            return snapped, Problem("off_step", (
                "", at(self.key, text), f" is finer than this slider's step of {self.format_value(self.step)}; "
                f"rounded to {self.format_value(snapped)}."))
        return number, None

    def snap(self, number: float) -> float:
        """The nearest value a linear slider can hold (min + a whole number of steps); log values stay."""
        if self.options:
            return min(self.options, key=lambda o: abs(o - number))
        if self.scale == "log" or self.kind not in ("float", "int"):
            return number
        step = max(self.step, 1.0) if self.kind == "int" else self.step
        steps = math.floor((number - self.min) / step + 0.5 + 1e-9)
        # Rounded to the step's decimals, so 0.1 * 3 is 0.3, not 0.30000000000000004.
        decimals = max(0, -math.floor(math.log10(step) + 1e-12)) + 2
        return min(round(self.min + steps * step, decimals), self.max)

    def coerce(self, value: object) -> tuple[Value, str | None]:
        """Like :meth:`parse`, for a native Python value (what models get from code and tests).

        Numbers keep their full precision (no round trip through URL text).
        """
        if self.kind in ("float", "int") and isinstance(value, (int, float)) and not isinstance(value, bool):
            # Values from code (draws, tests) keep their precision: only a slider has steps.
            number, problem = self._check_number(float(value), repr(value), snap=False)
            return number, None if problem is None else str(problem)
        if self.kind == "bool" and isinstance(value, bool):
            return value, None
        if self.kind == "multi" and isinstance(value, (tuple, list)):
            return self.parse([str(v) for v in value])
        return self.parse(str(value))

    def _parse_multi(self, text: str | list[str]) -> tuple[Value, Problem | None]:
        items = text if isinstance(text, list) else [text]
        picked = [part.strip() for item in items for part in item.split(",") if part.strip()]
        unknown = [p for p in picked if p not in self.choices]
        # Keep the declared order so equal selections compare (and link) equal.
        value = tuple(c for c in self.choices if c in picked)
        if unknown:
            return value, Problem("not_choice", ("", at(self.key, ",".join(unknown)),
                                                 " holds unknown choices; they were dropped."))
        return value, None

    def log_grid(self) -> list[float]:
        """Log-spaced, 3-significant-figure values from min to max, with the default."""
        lo, hi = math.log10(self.min), math.log10(self.max)
        n = round((hi - lo) * LOG_STEPS_PER_DECADE)
        values = {round_sig(10 ** e) for e in np.linspace(lo, hi, n + 1)}
        values.add(float(self.default))
        return sorted(v for v in values if self.min <= v <= self.max)

    def widget_options(self, extra: Iterable[float] = ()) -> list[float]:
        """Options for a log parameter's select-slider: the grid plus extra values."""
        return sorted(set(self.log_grid()) | {float(x) for x in extra if self.min <= x <= self.max})


def _names_infinity(text: str) -> bool:
    """True when the text spells infinity out ('inf', '-Infinity'), not when a long literal overflowed."""
    return "inf" in text.lower()


def same_value(a: object, b: object) -> bool:
    """Whether two parameter values are the same setting (floats within rounding, lists as tuples)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return tuple(a) == tuple(b)
    return a == b
