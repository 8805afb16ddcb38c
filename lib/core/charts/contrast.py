"""Text colours a person can read: WCAG 2 contrast, and the darker shade of a hue that reaches it.

Lines keep their palette colours (a line needs 3:1 at most, and the Okabe-Ito hues are chosen to
be told apart); text drawn in a line's colour (direct labels, end labels) needs 4.5:1 on the
white plot (WCAG 2.1 AA, 1.4.3), which #E69F00 (2.2:1) or #56B4E9 (2.3:1) do not reach. So text
takes the same hue, darkened just enough. Text on a bar takes black or white, whichever reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

AA = 4.5  # WCAG 2.1 AA for body-size text
_NAMED = {"white": (255, 255, 255), "black": (0, 0, 0)}
_RGBA = re.compile(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)")


def rgb(color: str) -> tuple[int, int, int] | None:
    """'#E69F00', '#444', 'rgb(1,2,3)', 'rgba(1,2,3,0.5)' (opacity ignored) or 'white'; None for anything else."""
    c = color.strip().lower()
    if c in _NAMED:
        return _NAMED[c]
    if c.startswith("#") and len(c) in (4, 7):
        digits = c[1:] if len(c) == 7 else "".join(ch * 2 for ch in c[1:])
        try:
            return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
        except ValueError:
            return None
    m = _RGBA.match(c)
    return (int(m[1]), int(m[2]), int(m[3])) if m else None


def luminance(color: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance."""
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str = "#ffffff") -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = (luminance(rgb(c) or (0, 0, 0)) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


@lru_cache(maxsize=256)
def readable(color: str, background: str = "#ffffff", ratio: float = AA) -> str:
    """``color`` darkened toward black in small steps until its text reaches ``ratio`` on ``background``.

    A colour that already reads, or one this module cannot parse, is returned unchanged.
    """
    base = rgb(color)
    if base is None or contrast(color, background) >= ratio:
        return color
    for step in range(1, 101):
        k = 1 - step / 100
        shade = "#{:02x}{:02x}{:02x}".format(*(round(v * k) for v in base))
        if contrast(shade, background) >= ratio:
            return shade.upper()
    return "#000000"


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on a bar filled with ``fill``."""
    return "#000000" if contrast("#000000", fill) >= contrast("#ffffff", fill) else "#ffffff"
