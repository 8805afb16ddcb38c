"""Browser: every chart as drawn at a desktop and a phone width; boxes measured from the DOM.

Labels (annotations) never overlap one another, x tick labels never collide, the legend stays clear
of the x-axis title, axis titles stay inside the figure, and the page prints no float years or
exponent-style multipliers. The unit tests check the same rules on estimated text sizes; these
check what Chromium actually drew.
"""

from __future__ import annotations

import re

import pytest
from live import wait_for_app

from lib.chains import CHAINS

pytestmark = pytest.mark.browser

# Boxes of what a person reads in each chart, relative to the chart's own SVG.
READ_BOXES = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
  const svg = gd.querySelector('.main-svg').getBoundingClientRect();
  const box = el => { const r = el.getBoundingClientRect();
    return r.width && r.height ? [r.left - svg.left, r.top - svg.top, r.right - svg.left, r.bottom - svg.top] : null; };
  const all = sel => Array.from(gd.querySelectorAll(sel)).map(el => [el.textContent, box(el)]).filter(b => b[1]);
  return {width: svg.width, height: svg.height,
          labels: all('.annotation-text-g text'), xticks: all('.xtick text'),
          legend: all('.legend .bg'), titles: all('.g-xtitle text, .g-ytitle text'),
          xtitle: all('.g-xtitle text')};
})"""

# All charts drawn: each has its SVG and Plotly's finished layout.
ALL_DRAWN = """() => { const g = Array.from(document.querySelectorAll('.js-plotly-plot'));
  return g.length > 0 && g.every(gd => gd._fullLayout && gd.querySelector('.main-svg')); }"""


def open_drawn(pg, url: str) -> None:
    """Open ``url`` and wait until its script has finished and every chart is drawn."""
    pg.goto(url)
    wait_for_app(pg)
    pg.wait_for_function(ALL_DRAWN, timeout=30_000)


def overlap(a, b, pad: float = 1.0) -> bool:
    return a[0] < b[2] - pad and b[0] < a[2] - pad and a[1] < b[3] - pad and b[1] < a[3] - pad


def open_tab(pg, name: str) -> None:
    """Switch a page's chart tabs to ``name`` and wait for that tab's chart to be drawn."""
    pg.get_by_role("tab", name=name).click()
    wait_for_app(pg)
    pg.wait_for_function(ALL_DRAWN, timeout=30_000)


# Each chart a page can show: pages with chart tabs draw only the open one.
TABS = {"loss": ("Loss vs compute", "Allocation", "IsoFLOP view"),
        "bio_anchors": ("Probability of TAI by year", "Compute against requirements"),
        "time_horizons": ("Trend and extrapolation", "What happened since")}
VIEWS = [(c.url_path, tab) for c in CHAINS for tab in TABS.get(c.url_path, (None,))]


@pytest.mark.parametrize(("path", "tab"), VIEWS)
def test_charts_as_drawn_have_no_collisions(server, sized_page, path, tab):
    pg = sized_page
    open_drawn(pg, f"{server}/{path}")
    if tab:
        open_tab(pg, tab)
    pg.wait_for_timeout(500)  # the second, unchanged draw Streamlit asks for
    problems = []
    charts = pg.evaluate(READ_BOXES)
    # The selectors found what they measure (so an empty list below means clear, not missed).
    assert all(len(c["xticks"]) >= 2 and c["titles"] for c in charts)
    # (The allocation and time-horizon charts name their lines in a legend, their thresholds on the axis,
    # and have no direct labels to measure at the defaults.)
    unlabelled = ("Allocation", "Trend and extrapolation", "What happened since")
    assert sum(len(c["labels"]) for c in charts) >= (0 if tab in unlabelled else 5)
    for i, chart in enumerate(charts):
        labels = chart["labels"]
        for j, (ta, a) in enumerate(labels):
            for tb, b in labels[j + 1:]:
                if overlap(a, b):
                    problems.append(f"chart {i}: label {ta!r} overlaps {tb!r}")
        ticks = chart["xticks"]
        for (ta, a), (tb, b) in zip(ticks, ticks[1:]):
            if overlap(a, b, pad=0):
                problems.append(f"chart {i}: x ticks {ta!r} and {tb!r} collide")
        for _, legend in chart["legend"]:
            for title, t in chart["xtitle"]:
                if overlap(legend, t, pad=0):
                    problems.append(f"chart {i}: legend covers the x title {title!r}")
        for title, t in chart["titles"]:
            if t[0] < -1 or t[1] < -1 or t[2] > chart["width"] + 1 or t[3] > chart["height"] + 1:
                problems.append(f"chart {i}: axis title {title!r} is cut off at {t}")
    assert problems == []


@pytest.mark.parametrize("path", [c.url_path for c in CHAINS])
def test_numbers_read_as_people_write_them(server, sized_page, path):
    pg = sized_page
    open_drawn(pg, f"{server}/{path}")
    text = pg.locator("[data-testid=stMain]").inner_text()
    assert not re.search(r"\b(19|20|21)\d\d\.0\b", text), "a year printed as a float"
    assert not re.search(r"\de[+-]?0\d×|\de-\d+×", text), "a multiplier printed in exponent form"
    assert not re.search(r"[+-]0\.0 OOM", text)
    assert not re.search(r"\b(nan|NaN|inf)\b", text)
    assert pg.console_errors == []
