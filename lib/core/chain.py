"""What a chain of reasoning is, declared once: its page, parameters, presets, model and headlines.

A :class:`Chain` is everything the app, the CLI, the tests and the benchmark need to know about
one argument (loss extrapolation, the GPT-human cost timeline, biological anchors). Each chain
package in ``lib/chains/`` exports one ``CHAIN``; :mod:`lib.chains` collects them.

Headlines are the few scalars a discussion quotes. :func:`Chain.run_batch` evaluates them for a
whole batch of parameter sets in one vectorised call (the discussion tools evaluate 2^k parameter
subsets or 100,000 draws at once); the single view is a batch of one. A headline that has no
value for some inputs (never affordable, median after 2100) is NaN in the batch arrays and comes
with a reason, never with a made-up number.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from lib.core.charts.overlay import Overlay
from lib.core.presets import Preset
from lib.core.registry import ParamSet

Batch = dict[str, np.ndarray]


@dataclass(frozen=True)
class Headline:
    """One quoted result: key (JSON and CSV name), label, unit and how to print a value.

    For comparing two views (lib.tools.compare.model): ``scale`` says whether differences are read on a log
    scale (a compute or a multiplier: '2.1 orders of magnitude', not '6.9e29 FLOP'), and
    ``horizon`` is the value that stands in for "does not exist" (never affordable, after 2100),
    the chart's horizon; without one, a difference involving a missing value is not decomposed.
    """

    key: str
    label: str
    unit: str
    format: Callable[[float], str]
    help: str = ""
    scale: Literal["linear", "log"] = "linear"
    horizon: float | None = None


@dataclass(frozen=True)
class HeadlineBatch:
    """Headline values for a batch of parameter sets.

    ``values[key]`` is a float array, NaN where the headline does not exist; ``reasons[key]``
    holds, for those entries, a short reason in words ("" where the value exists).
    """

    values: dict[str, NDArray[np.float64]]
    reasons: dict[str, NDArray[np.object_]]

    def __len__(self) -> int:
        return len(next(iter(self.values.values())))

    def row(self, i: int = 0) -> dict[str, HeadlineValue]:
        return {k: HeadlineValue(float(v[i]) if math.isfinite(v[i]) else None, str(self.reasons[k][i]) or None)
                for k, v in self.values.items()}


@dataclass(frozen=True)
class HeadlineValue:
    """One headline of one view: a number, or ``None`` with the reason it has none."""

    value: float | None
    reason: str | None = None

    def text(self, headline: Headline) -> str:
        """The number as the headline formats it, or the whole reason it has none."""
        return headline.format(self.value) if self.value is not None else (self.reason or "n/a")

    def brief(self, headline: Headline) -> str:
        """What fits in a metric: the number, or the reason's first words ('never', 'after 2100')."""
        return self.text(headline).split(":")[0]

    @property
    def why(self) -> str:
        """The rest of the reason ('it levels off above human level'), or ''."""
        return (self.reason or "").partition(":")[2].strip()

    def json(self) -> float | dict[str, Any]:
        """A number, or ``{"value": null, "reason": ...}`` so a reader knows why it is missing."""
        if self.value is not None:
            return self.value
        return {"value": None, "reason": self.reason}


def headline_batch(values: Mapping[str, np.ndarray],
                   reasons: Mapping[str, list[tuple[np.ndarray, str]]] | None = None) -> HeadlineBatch:
    """Build a :class:`HeadlineBatch`; ``reasons[key] = [(mask, text), ...]`` marks entries without a value.

    Entries under a mask become NaN with that reason; later masks of the same key win.
    """
    out_values: dict[str, NDArray[np.float64]] = {}
    out_reasons: dict[str, NDArray[np.object_]] = {}
    for key, v in values.items():
        arr = np.array(v, dtype=np.float64, ndmin=1)
        why = np.full(arr.shape, "", dtype=object)
        out_values[key], out_reasons[key] = arr, why
    for key, pairs in (reasons or {}).items():
        for mask, text in pairs:
            m = np.broadcast_to(np.asarray(mask, dtype=bool), out_values[key].shape)
            out_values[key] = np.where(m, np.nan, out_values[key])
            out_reasons[key] = np.where(m, text, out_reasons[key])
    return HeadlineBatch(out_values, out_reasons)


@dataclass(frozen=True)
class Chain:
    """One chain of reasoning, declared once.

    ``key`` is the one spelling used by the CLI, JSON and tests (``gpt-human``); the page's URL
    path is the same word with underscores (``gpt_human``), derived, never typed. ``order`` sorts
    the chains in navigation and on the home page. ``run`` gives a page's full result (curves,
    tables, messages) for one set of values; ``run_batch`` gives only the headlines, for arrays
    of values; ``run`` takes its headlines from ``run_batch`` so the two cannot disagree.
    ``cli_results`` is the JSON ``python -m lib <key>`` prints under ``"results"``.
    """

    key: str
    order: int
    title: str
    icon: str
    summary: str
    params: ParamSet
    presets: tuple[Preset, ...]
    headlines: tuple[Headline, ...]
    run: Callable[[Mapping[str, Any]], Any]
    run_batch: Callable[[Mapping[str, Any]], HeadlineBatch]
    cli_results: Callable[[Any], dict[str, Any]]
    key_slider: str  # the slider above the page's charts: the one a debate moves most, and the benchmark presses
    # The lines of the page's main chart for one view (values, run's result): two views drawn together compare.
    overlay: Callable[[Mapping[str, Any], Any], Overlay]
    # The headlines the home page's summary quotes for these values (all of them unless a chain says).
    summary_keys: Callable[[Mapping[str, Any]], tuple[str, ...]] | None = None

    @property
    def url_path(self) -> str:
        return self.key.replace("-", "_")

    @property
    def page(self) -> str:
        return f"pages/{self.url_path}.py"

    def headline(self, key: str) -> Headline:
        return next(h for h in self.headlines if h.key == key)

    def headline_values(self, values: Mapping[str, Any]) -> dict[str, HeadlineValue]:
        """The headlines of one view (a batch of one)."""
        return self.run_batch(values).row(0)

    def summary_headlines(self, values: Mapping[str, Any]) -> tuple[Headline, ...]:
        """The headlines a summary of this view quotes."""
        keys = self.summary_keys(values) if self.summary_keys else tuple(h.key for h in self.headlines)
        return tuple(self.headline(k) for k in keys)
