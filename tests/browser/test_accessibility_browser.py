"""Every page passes axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) at a desktop and a phone size, in the states
people use: sections open, the share box open, the uncertainty view on with its tornado, a comparison drawn.

axe does not read text drawn in a chart's SVG, so the same test measures it: every label in every chart
reads at 4.5:1 or more on what is behind it (white, or the bar it sits in). The axe-core engine comes
bundled in PyPI's axe-playwright-python (requirements-dev.txt): no download at test time.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from live import KNOWN_404, wait_for_app

from lib.core.charts.contrast import AA, contrast

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
TORNADO = "which-slider-matters-most"  # lib/core/views.py: the tab "Which slider matters most"
COMPARE = "/compare?" + urlencode({"a": "/gpt_human?budget=1e10&doubling=12", "b": "/gpt_human"})
STATES = {
    "home": "/", "sources": "/sources", "trends": "/trends", "fit": "/fit", "compare": "/compare",
    "compare-drawn": COMPARE,
    **{f"{page}-open": f"/{page}" for page in ("loss", "gpt_human", "bio_anchors", "time_horizons")},
    **{f"{page}-tornado": f"/{page}?samples=500&view={TORNADO}" for page in ("loss", "gpt_human", "bio_anchors",
                                                                              "time_horizons")},
    "time_horizons-since": "/time_horizons?view=what-happened-since&method=ai2027&growth=superexponential",
}
SIZES = {"desktop": (1440, 900), "phone": (390, 844)}

# Every text element of every chart, with its fill and the fill behind it: the bar it sits in, else white.
_CHART_TEXT = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('.js-plotly-plot .main-svg')) {
    const bars = [...svg.querySelectorAll('g.point path')].map(p => [p.getBoundingClientRect(), getComputedStyle(p).fill]);
    for (const t of svg.querySelectorAll('text')) {
      const text = t.textContent.trim();
      if (!text || t.closest('.legendtoggle')) continue;
      const r = t.getBoundingClientRect();
      if (!r.width) continue;
      const inside = t.classList.contains('bartext') && bars.find(([b]) => r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1
                                        && r.bottom <= b.bottom + 1);
      out.push([text.slice(0, 40), getComputedStyle(t).fill, inside ? inside[1] : 'rgb(255, 255, 255)']);
    }
  }
  return out;
}"""


def _open(pg, state: str) -> None:
    """The opened states: every section of the controls, the share box and each chart's numbers."""
    if not state.endswith(("-open", "-tornado")) and state != "compare-drawn":
        return
    for summary in pg.locator("[data-testid=stExpander] details:not([open]) > summary").all():
        if summary.is_visible():
            summary.click()
            pg.wait_for_timeout(150)
    wait_for_app(pg)
    pg.wait_for_timeout(1500)


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("state", STATES)
def test_axe_finds_nothing_and_chart_text_reads(server, browser, axe, state, size):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda err: errors.append(str(err)))
    pg.on("console", lambda msg: msg.type == "error" and not any(k in (msg.location.get("url") or "") for k in KNOWN_404)
          and errors.append(msg.text))
    try:
        pg.goto(server + STATES[state])
        wait_for_app(pg)
        pg.wait_for_timeout(2500)  # controls and charts draw a moment after the run ends
        _open(pg, state)
        result = axe.run(pg, options={"runOnly": {"type": "tag", "values": WCAG}})
        found = [f"{v['id']} ({v['impact']}): {n['target']} {n['failureSummary'][:200]}"
                 for v in result.response["violations"] for n in v["nodes"]]
        assert found == [], "\n".join(found)
        unreadable = [(text, fill, behind, round(contrast(_hex(fill), _hex(behind)), 2))
                      for text, fill, behind in pg.evaluate(_CHART_TEXT)
                      if contrast(_hex(fill), _hex(behind)) < AA]
        assert unreadable == [], unreadable
        assert errors == []
    finally:
        context.close()


def _hex(css: str) -> str:
    """'rgb(230, 159, 0)' -> '#e69f00' (opacity ignored: chart text is drawn opaque)."""
    parts = css[css.index("(") + 1:css.index(")")].split(",")
    return "#" + "".join(f"{int(float(p)):02x}" for p in parts[:3])
