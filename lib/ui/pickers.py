"""The position and preset boxes: apply a named set of values, and say which one the values are.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from lib.chains import CHAINS
from lib.core.presets import Preset, match_preset
from lib.core.registry import ParamSet, Value
from lib.tools.positions.model import POSITIONS
from lib.ui.session import apply_position, apply_values, current_position, session_values, state_key


def position_status(params: ParamSet | None = None, values: Mapping[str, Value] | None = None) -> str:
    """The position box's label: the position applied last, and whether this page (or any) has moved off it."""
    position = current_position()
    if position is None:
        return "None chosen"
    if params is not None and values is not None and _is_chain(params):
        changed = params.differences(values, position.chain_values(params.model))
        if changed:
            return f"{position.name} · {len(changed)} value{'s' if len(changed) != 1 else ''} changed here"
        return position.name
    # The home page and the pages that are not a chain (positions set chains only): every chain whose
    # values have moved off the position since.
    moved = [c for c in CHAINS if c.params.differences(session_values(c.params), position.chain_values(c.key))]
    return f"{position.name} · changed on {len(moved)} page{'s' if len(moved) != 1 else ''}" if moved else position.name


def _is_chain(params: ParamSet) -> bool:
    return any(c.key == params.model for c in CHAINS)


def position_picker(params: ParamSet | None = None, values: Mapping[str, Value] | None = None,
                    key: str = "_position_pick") -> None:
    """A box that applies one of the essays' positions to every page at once; it says which one holds."""
    def on_pick() -> None:
        position = next((p for p in POSITIONS if p.name == st.session_state[key]), None)
        if position is None:
            return
        apply_position(position)
        if params is not None and _is_chain(params):
            apply_values(params, position.chain_values(params.model))

    st.session_state[key] = None  # the box shows the status as its placeholder, never a stale pick
    st.selectbox("Position (sets every page)", [p.name for p in POSITIONS], index=None, key=key, on_change=on_pick,
                 placeholder=position_status(params, values),
                 help="A view from the essays, applied to every page at once; sliders then move from there.\n\n"
                      + "\n\n".join(f"**{p.name}**: {p.summary}" for p in POSITIONS))


def page_position_picker(params: ParamSet, values: Mapping[str, Value]) -> None:
    position_picker(params, values, key=state_key(params, "position_pick"))


def preset_status(params: ParamSet, presets: Sequence[Preset], values: Mapping[str, Value]
                   ) -> tuple[str, str, str | None]:
    """The preset box's label, the caption under it, and the preset it holds (only if the values are it)."""
    match = match_preset(params, presets, values)
    if match.preset is None or match.exact:
        return match.label, "", match.preset.name if match.preset else None
    # The box is narrow and may cut its label short; the caption says it all.
    names = ", ".join(params[k].label for k in match.changed)
    return match.label, f"{match.changes.capitalize()} from '{match.preset.name}': {names}.", None


def preset_picker(params: ParamSet, presets: Sequence[Preset], values: Mapping[str, Value]) -> None:
    """A preset selector that reads what ``values`` (all of them) are: a preset's name, 'name · 2 values changed', or 'Custom'."""
    pick = state_key(params, "preset_pick")
    status = preset_status(params, presets, values)
    st.session_state[state_key(params, "preset_shown")] = status
    label, caption, holds = status
    # Set before the box is drawn, every run: after a slider moves off a preset, the box lets it go.
    st.session_state[pick] = holds

    def on_pick() -> None:
        chosen = st.session_state[pick]
        preset = next((p for p in presets if p.name == chosen), None)
        if preset is not None:
            apply_values(params, preset.values)

    st.selectbox("Preset", [p.name for p in presets], index=None, placeholder=label, key=pick, on_change=on_pick,
                 help="\n\n".join(f"**{p.name}**: {p.description}" for p in presets))
    if caption:
        st.caption(caption)
