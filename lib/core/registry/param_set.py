"""The parameters of one model (one page): :class:`ParamSet`, in the order of its argument's chain.

Lookup by key, defaults, when a parameter matters (``active_when``), values from code and whole
batches of them, and which values differ from a reference. Reading a link's text into values is
:mod:`lib.core.registry.query`, reached through :meth:`ParamSet.check_query`.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from lib.core.problems import quote
from lib.core.registry import query
from lib.core.registry.param import Param, Value, same_value
from lib.core.registry.query import QueryCheck


@dataclass(frozen=True)
class ParamSet:
    """The parameters of one model (one page), in the order of its argument's chain."""

    model: str
    params: tuple[Param, ...]
    groups: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    # Lookup by key is on every rerun's path (thousands a run with batches): a dict, not a scan.
    _by_key: dict[str, Param] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        keys = [p.key for p in self.params]
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate keys in {self.model}")
        object.__setattr__(self, "_by_key", {p.key: p for p in self.params})
        for p in self.params:
            for key, allowed in p.conditions() + p.conditions("inactive_when"):
                self._check_condition(p, key, allowed)

    def _check_condition(self, p: Param, key: str, allowed: tuple[Value, ...]) -> None:
        if key == p.key or key not in self:
            raise ValueError(f"{p.key}: active_when names {key!r}, not another parameter of {self.model}")
        switch = self[key]
        for wanted in allowed:
            valid = (wanted in switch.choices if switch.kind == "choice"
                     else switch.kind == "bool" and isinstance(wanted, bool))
            if not valid:
                raise ValueError(f"{p.key}: active_when needs a value {key!r} can take, not {wanted!r}")

    def __getitem__(self, key: str) -> Param:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.params)

    def defaults(self) -> dict[str, Value]:
        return {p.key: p.default for p in self.params}

    def check_query(self, raw: Mapping[str, str | list[str]], ignore: Iterable[str] = ()) -> QueryCheck:
        """Check a URL query or CLI arguments against this set: :func:`lib.core.registry.query.check_query`."""
        return query.check_query(self, raw, ignore)

    def current_keys(self, raw: Mapping[str, str | list[str]]) -> dict[str, str | list[str]]:
        """``raw`` with renamed keys under their current names: :func:`lib.core.registry.query.current_keys`."""
        return query.current_keys(self, raw)

    def validate(
        self, raw: Mapping[str, str | list[str]], ignore: Iterable[str] = ()
    ) -> tuple[dict[str, Value], list[str]]:
        """Values and problems as sentences: :func:`lib.core.registry.query.validate`."""
        return query.validate(self, raw, ignore)

    def coerce(self, values: Mapping[str, object]) -> tuple[dict[str, Value], list[str]]:
        """Native values (from code, tests or a model's caller) -> a full set of valid values.

        The same rules as :meth:`validate`: missing keys take defaults, bad values
        fall back, numbers are clamped, and each problem is one warning.
        """
        out = self.defaults()
        warnings: list[str] = []
        for key, value in values.items():
            if key not in self:
                warnings.append(f"'{quote(key)}' is not a parameter of this page; it was ignored.")
                continue
            out[key], warning = self[key].coerce(value)
            if warning:
                warnings.append(warning)
        return out, warnings

    def coerce_batch(self, values: Mapping[str, object]) -> dict[str, np.ndarray]:
        """Arrays of values (a batch of parameter sets) -> a full, valid batch, one array per key.

        Every key gets an array of the batch's length (missing keys take their default); numbers
        are clamped to their bounds and non-finite ones replaced by the default, unknown choices
        too, exactly as :meth:`coerce` does for one value but silently: a batch comes from code
        (draws, Shapley subsets), whose inputs were validated where they entered. Multi-choice
        values are display settings, not model inputs, and stay as they are.
        """
        sizes = {np.size(v) for k, v in values.items() if k in self and self[k].kind != "multi"}
        if len(sizes - {1}) > 1:
            raise ValueError(f"batch arrays of different lengths: {sorted(sizes)}")
        n = max(sizes, default=1)
        out: dict[str, np.ndarray] = {}
        for p in self.params:
            raw = values.get(p.key, p.default)
            if p.kind == "multi":
                out[p.key] = raw  # type: ignore[assignment]
                continue
            if p.kind in ("float", "int"):
                arr = np.asarray(raw, dtype=np.float64).reshape(-1)
                arr = np.where(np.isfinite(arr), np.clip(arr, p.min, p.max), float(p.default))  # type: ignore[arg-type]
                if p.kind == "int":
                    arr = np.round(arr)
            elif p.kind == "bool":
                arr = np.asarray(raw, dtype=bool).reshape(-1)
            else:
                arr = np.asarray(raw, dtype=object).reshape(-1)
                arr = np.where(np.isin(arr, p.choices), arr, p.default)
            out[p.key] = np.broadcast_to(arr, (n,)) if arr.size == 1 else arr
        return out

    def non_defaults(self, values: Mapping[str, Value]) -> dict[str, str | list[str]]:
        """URL query for ``values``: only what differs from the defaults, as text.

        Numbers are written as the receiving control holds them (within its bounds, on its step), so a
        link the app writes (a fit carried to the Loss page, a trend to the GPT-human page) opens with
        no warning. Multi-choice values become lists (repeated keys: urlencode with doseq=True); an empty
        selection is the empty text, as Streamlit writes a cleared multiselect (``?refs=``).
        """
        out: dict[str, str | list[str]] = {}
        for p in self.params:
            if p.key not in values:
                continue
            value = values[p.key]
            if p.kind in ("float", "int") and isinstance(value, (int, float)) and math.isfinite(value):
                value = p.snap(min(max(float(value), p.min), p.max))
            if not same_value(value, p.default):
                if p.kind == "multi":
                    out[p.key] = list(value) or ""  # type: ignore[arg-type]
                else:
                    out[p.key] = p.format_value(value)
        return out

    def differences(self, values: Mapping[str, Value], reference: Mapping[str, Value]) -> tuple[str, ...]:
        """Model inputs whose value differs from ``reference`` (a preset: the defaults overlaid with its values).

        How results are shown (``role="view"``: the uncertainty view's draws and ranges) is no assumption
        of a view, so it never makes two views differ.
        """
        return tuple(p.key for p in self.params if p.role == "model"
                     and not same_value(values.get(p.key, p.default), reference.get(p.key, p.default)))

    def inactive_reason(self, key: str, values: Mapping[str, Value]) -> str | None:
        """Why parameter ``key`` has no effect with these values (see ``Param.active_when``); None if it has."""
        for switch_key, allowed in self[key].conditions():
            switch = self[switch_key]
            current = values.get(switch_key, switch.default)
            if any(same_value(current, wanted) for wanted in allowed):
                continue
            wanted_text = " or ".join(f"'{switch.display(w)}'" for w in allowed)
            return (f"Not used while '{switch.label}' is '{switch.display(current)}'; "
                    f"set it to {wanted_text} to use this.")
        unless = self[key].conditions("inactive_when")
        if unless and all(any(same_value(values.get(k, self[k].default), w) for w in allowed) for k, allowed in unless):
            held = " and ".join(f"'{self[k].label}' is '{self[k].display(values.get(k, self[k].default))}'"
                                for k, _ in unless)
            return f"Not used while {held}; change either to use this." if len(unless) > 1 else f"Not used while {held}."
        return None
