"""Across pages, as a user moves: every ordered pair of pages, after every position and a moved key slider.

Pages share one session (shared values, positions, widget state), so the seams between them are where a
value of one page can reach another's control. One AppTest session per position walks an Eulerian
circuit of the complete graph of pages, so each ordered pair (A, then B) is walked exactly once; on
each chain page it moves the key slider one step first, so the next page arrives with moved state.
"""

from __future__ import annotations

import pytest
from pagetest import assert_clean

from lib.chains import CHAINS
from lib.tools.positions.model import POSITIONS

PAGES = ("pages/home.py", *(c.page for c in CHAINS), "pages/trends.py", "pages/fit.py", "pages/compare.py",
         "pages/sources.py")
KEY_SLIDERS = {c.page: c.key_slider for c in CHAINS}


def every_ordered_pair(pages: tuple[str, ...]) -> list[str]:
    """A walk through ``pages`` that steps from each page to each other page exactly once (Hierholzer)."""
    left = {p: [q for q in pages if q != p] for p in pages}
    stack, walk = [pages[0]], []
    while stack:
        if left[stack[-1]]:
            stack.append(left[stack[-1]].pop())
        else:
            walk.append(stack.pop())
    return walk[::-1]


def test_the_walk_covers_every_ordered_pair_once():
    walk = every_ordered_pair(PAGES)
    steps = list(zip(walk, walk[1:]))
    assert len(steps) == len(set(steps)) == len(PAGES) * (len(PAGES) - 1)


def _nudge(at, key: str) -> None:
    """Move the key slider one step to the right (one step left at its right end), as the arrow key does."""
    found = [w for w in (*at.slider, *at.select_slider) if w.key == key]
    assert found, f"no key slider {key}"
    widget = found[0]
    if widget in at.select_slider:  # a log-scale number: options are the values as the link writes them
        options = list(widget.options)
        now = options.index(widget.format_func(widget.value))
        widget.set_value(float(options[now + 1 if now + 1 < len(options) else now - 1]))
    else:
        up = widget.value + widget.step
        widget.set_value(up if up <= widget.max else widget.value - widget.step)
    at.run()


@pytest.mark.parametrize("position", [None, *POSITIONS], ids=lambda p: "no-position" if p is None else p.key)
def test_every_page_opens_after_every_other_with_moved_sliders(open_page, position):
    walk = every_ordered_pair(PAGES)
    at = open_page(walk[0], {"position": position.key} if position else None)
    assert_clean(at)
    for i, page in enumerate(walk[1:], start=1):
        before = walk[i - 1]
        if before in KEY_SLIDERS:
            _nudge(at, KEY_SLIDERS[before])
            assert_clean(at)
        at.query_params.clear()  # in-app navigation arrives with an empty query
        at.switch_page(page)
        at.run()
        assert not at.exception, (before, page, [e.value for e in at.exception])
        assert_clean(at)
