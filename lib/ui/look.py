"""The app's own CSS, for what Streamlit's theme (.streamlit/config.toml) cannot reach.

Part of lib/ui/, the only place that imports Streamlit.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

# A disabled control's label is the theme's text colour at 40% (#999999 on white, 2.8:1): axe
# flags it under WCAG AA. At 60%, as captions are (#666666, 5.7:1), it still reads as faded
# beside the black labels of the controls that can move.
# Tables wrap long cells (a chart's column names, a citation) to the screen's width: a table that
# scrolls sideways is a region the keyboard cannot reach (axe: scrollable-region-focusable).
# Section headings are h2 (after the page's h1: no level skipped for a screen reader), drawn at the
# size Streamlit gives h3, which these sections had before: a page's sections, not its title.
_READABLE = """<style>
[data-testid="stMain"] h2 { font-size: 1.75rem; }
[data-testid="stTable"] th, [data-testid="stTable"] td { overflow-wrap: anywhere; }
label[data-testid="stWidgetLabel"][disabled] p, [data-testid="stSliderThumbValue"][disabled] p,
[data-testid="stSliderTickBar"] p { color: #666666; }
</style>"""


# Below this width Streamlit stacks columns: a phone, or a narrow window.
NARROW_PX = 640
_BY_WIDTH = f"""<style>
@media (max-width: {NARROW_PX - 0.02}px) {{ [class*="st-key-wide_"] {{ display: none; }} }}
@media (min-width: {NARROW_PX}px) {{ [class*="st-key-narrow_"] {{ display: none; }} }}
</style>"""


# A container whose key starts with this is read by screen readers and not shown (the usual
# visually-hidden pattern); out of the page's flow, so it leaves no gap either.
SCREEN_READER_ONLY = "sr_only_"
_SR_ONLY = f"""<style>
[class*="st-key-{SCREEN_READER_ONLY}"] {{ position: absolute !important; width: 1px; height: 1px; padding: 0;
  margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }}
</style>"""


def app_look() -> None:
    """Called by app.py on every run: the CSS every page needs."""
    st.html(_READABLE + _BY_WIDTH + _SR_ONLY)


def by_width(key: str) -> tuple[DeltaGenerator, DeltaGenerator]:
    """Two containers, the first shown on a wide screen and the second on a narrow one (a phone).

    For content whose best form differs, like a wide table that a phone would have to scroll
    sideways: both are in the page, one is hidden (also from screen readers) by the screen's width.
    """
    return st.container(key=f"wide_{key}"), st.container(key=f"narrow_{key}")
