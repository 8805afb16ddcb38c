"""The home page's summary: every chain's headlines under the current assumptions, as the CLI gives them."""

from __future__ import annotations

import datetime
import json

import pandas as pd
import pytest
from pagetest import assert_clean

from lib.__main__ import main
from lib.chains import CHAINS, get
from lib.chains.gpt_human import origin
from lib.core import units
from lib.data.trends import model as trends
from lib.tools.positions.model import POSITIONS

HOME = "pages/home.py"


def _cli_headlines(chain_key: str, args: list[str], capsys) -> dict:
    assert main([chain_key, *args]) == 0
    return json.loads(capsys.readouterr().out)["headlines"]


@pytest.mark.parametrize("position", [None, *POSITIONS], ids=lambda p: p.key if p else "defaults")
def test_home_summary_equals_each_chains_cli_headlines(open_page, position, capsys):
    at = open_page(HOME, {"position": position.key} if position else {})
    assert_clean(at)
    assert not at.warning
    shown = {m.label: m.value for m in at.metric}
    for chain in CHAINS:
        cli = _cli_headlines(chain.key, [f"position={position.key}"] if position else [], capsys)
        values = position.chain_values(chain.key) if position else chain.params.defaults()
        for headline in chain.summary_headlines(values):
            got = cli[headline.key]
            want = headline.format(got) if isinstance(got, float) else got["reason"].split(":")[0]
            assert shown[headline.label] == want, (chain.key, headline.key)


def test_home_follows_a_value_moved_on_a_page(open_page):
    at = open_page("pages/gpt_human.py")
    at.select_slider(key="doubling").set_value(6.0).run()
    at.query_params.clear()
    at.switch_page(HOME)
    at.run()
    reached = next(m for m in at.metric if m.label.startswith("Largest run reaches"))
    assert reached.value == "Jul 2030"  # 21.07 doublings of 6 months: 10.5 years from the start of 2020
    (link,) = [link for link in at.get("page_link") if link.proto.page == "gpt_human"]
    assert link.proto.query_string == "doubling=6"  # the card opens the page as it was left


def test_home_timeline_marks_both_gpt_human_dates_over_the_anchors(open_page):
    at = open_page(HOME)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = [t.get("name", "") for t in spec["data"]]
    assert names[0].startswith("Biological anchors")
    assert any("reaches the compute" in n for n in names) and any("costs the budget" in n for n in names)


def test_home_picker_applies_a_position(open_page):
    at = open_page(HOME)
    at.selectbox(key="_position_pick").select(next(p.name for p in POSITIONS if p.key == "cotra2022")).run()
    median = next(m for m in at.metric if m.label == "Median year")
    assert median.value == "2041"


def test_home_says_when_a_gpt_human_date_is_already_past_and_what_the_data_show(open_page):
    at = open_page(HOME)
    assert_clean(at)
    caption = next(c.value for c in at.caption if c.value.startswith("GPT-human, largest run reaches the compute"))
    latest = origin.packaged_latest()
    # The page reads the clock; the default date (Dec 2025) is past from 2026 on.
    today = float(trends.decimal_year(pd.Series([datetime.date.today().isoformat()]))[0])
    reached = get("gpt-human").headline_values(get("gpt-human").params.defaults())["year_compute_reached"].value
    assert (reached < today) == ("Dec 2025, already past" in caption)
    if reached < today:
        needed = get("gpt-human").run(get("gpt-human").params.defaults()).compute_flop
        assert (f"the largest run in Epoch AI's data, {latest.model} ({latest.when}, {units.flop(latest.compute_flop)}, "
                f"{latest.rating}), is {units.times(needed / latest.compute_flop)} below the {units.flop(needed)} "
                "this needs") in caption
