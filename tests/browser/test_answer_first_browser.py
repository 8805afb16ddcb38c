"""On a phone a chain page opened from a link shows its answer first; on a desktop the controls sit on the left."""

import pytest
from live import wait_for_app
from playwright.sync_api import expect

from lib.chains import CHAINS

pytestmark = pytest.mark.browser
LINKS = {"loss": "/loss?compute=1e25", "gpt-human": "/gpt_human?doubling=5", "bio-anchors": "/bio_anchors?hw_halving=2",
         "time-horizons": "/time_horizons?h_doubling=4.2"}


@pytest.mark.parametrize("chain", CHAINS, ids=lambda c: c.key)
def test_the_answer_comes_first_on_a_phone_and_the_controls_on_the_left_on_a_desktop(server, browser, chain):
    for width, height in ((390, 844), (1440, 900)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(server + LINKS[chain.key])
        wait_for_app(page)
        metric = page.get_by_test_id("stMetricValue").first  # the number itself, on the first screen
        expect(metric).to_be_visible()
        reset = page.get_by_role("button", name="Reset all to defaults")
        expect(reset).to_be_attached()
        chart = page.locator(".js-plotly-plot").first
        expect(chart).to_be_visible()
        m, r, c = metric.bounding_box(), reset.bounding_box(), chart.bounding_box()
        if width < 640:
            assert m["y"] + m["height"] <= height, f"first headline at {m['y']:.0f} px, below the first screen"
            assert c["y"] < r["y"], "the main chart comes before the controls"
        else:
            assert r["x"] < m["x"], "the controls are on the left"
        context.close()
