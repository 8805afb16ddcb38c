"""Presets: named sets of parameter values, and which one the current values are (or are near).

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lib.core.registry import ParamSet, Source, Value

# A preset that differs from the current values in at most this many is named as "near";
# beyond that the values are simply "Custom".
PRESET_NEAR = 3


@dataclass(frozen=True)
class Preset:
    """A named set of parameter values (a published scenario, or a debate position)."""

    name: str
    description: str
    values: Mapping[str, Value]
    source: Source

    def check(self, params: ParamSet) -> None:
        for key, value in self.values.items():
            _, warning = params[key].parse(params[key].format_value(value))
            if warning:
                raise ValueError(f"preset {self.name!r}: {warning}")


@dataclass(frozen=True)
class PresetMatch:
    """How the current values relate to the presets: one exactly, one nearly (these keys differ), or none."""

    preset: Preset | None
    changed: tuple[str, ...] = ()

    @property
    def exact(self) -> bool:
        return self.preset is not None and not self.changed

    @property
    def changes(self) -> str:
        n = len(self.changed)
        return f"{n} value{'s' if n != 1 else ''} changed"

    @property
    def label(self) -> str:
        """'Custom', the preset's name, or 'name · 2 values changed'."""
        if self.preset is None:
            return "Custom"
        return f"{self.preset.name} · {self.changes}" if self.changed else self.preset.name


def match_preset(params: ParamSet, presets: Sequence[Preset], values: Mapping[str, Value],
                 near: int = PRESET_NEAR) -> PresetMatch:
    """The preset these values are, or are nearest to (the first of equals); none beyond ``near`` changes."""
    best: PresetMatch | None = None
    for preset in presets:
        changed = params.differences(values, preset.values)
        if best is None or len(changed) < len(best.changed):
            best = PresetMatch(preset, changed)
    if best is None or len(best.changed) > near:
        return PresetMatch(None)
    return best
