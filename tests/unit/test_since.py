"""What happened since the essay (lib/data/trends/model.py since_essay, lib/chains/gpt_human/since.py) on Epoch AI's export."""

import numpy as np
import pytest

from lib.chains.gpt_human.params import PARAMS
from lib.chains.gpt_human.since import what_happened
from lib.data.files import load
from lib.data.trends import model as trends

EXPORT = load("epoch_compute").table
TABLE = trends.prepared(EXPORT)
GPT3_FLOP = 3640 * 8.64e19


def test_records_rise_strictly_from_gpt3_to_the_largest_run():
    records = trends.records_since(TABLE, trends.reference_year(TABLE), 3.14e23)  # the export's GPT-3
    assert records.iloc[0]["model"].startswith("GPT-3 175B")
    assert np.all(np.diff(records["compute"].to_numpy()) > 0)
    assert records.iloc[-1]["compute"] == TABLE["compute"].max()  # the export's largest: Grok 4, 5e26


def test_the_essay_trend_at_the_end_of_the_data():
    s = trends.since_essay(TABLE, GPT3_FLOP, trends.reference_year(TABLE), 2020.0, np.array([3.4, 6.0]))
    # 3.4-month doubling from the start of 2020 to 31 Dec 2025: 6.0 years, 21.2 doublings.
    years = s.data_end - 2020.0
    assert years == pytest.approx(6.0, abs=0.01)
    assert s.trend_flop[0] == pytest.approx(GPT3_FLOP * 2 ** (years * 12 / 3.4), rel=1e-12)
    assert s.times_above[0] == pytest.approx(s.trend_flop[0] / 5e26)
    assert s.largest["model"] == "Grok 4"
    # GPT-3 (May 2020) to Grok 4 (Jul 2025): 10.6 doublings in 61 months.
    assert s.doubling_since == pytest.approx(5.77, abs=0.05)


def test_the_sentence_names_the_run_and_the_gap_and_the_users_trend():
    at_defaults = what_happened(PARAMS.defaults(), TABLE)
    assert "Grok 4" in at_defaults.text and "below it" in at_defaults.text and "Your" not in at_defaults.text
    assert at_defaults.essay_flop(np.array([2020.0])) is None
    slower = what_happened({**PARAMS.defaults(), "doubling": 6.0}, TABLE)
    assert "Your 6-month trend" in slower.text
    assert slower.essay_flop(np.array([2020.0]))[0] == pytest.approx(GPT3_FLOP)


def test_a_start_after_the_data_says_there_is_nothing_to_compare():
    late = what_happened({**PARAMS.defaults(), "start": 2030.0}, TABLE)
    assert "no real runs" in late.text and late.runs.empty


def test_largest_run_per_year_and_2025_costs():
    per_year = trends.largest_per_year(TABLE, 2020)
    assert per_year["calendar_year"].tolist() == list(range(2020, 2026))
    assert per_year.iloc[-1]["model"] == "Grok 4"
    costs = trends.largest_with_costs(TABLE, 2025)
    assert costs["model"].tolist() == ["Grok 4", "GPT-4.5", "Grok 3"]
    assert float(costs.iloc[0]["training_cost_2023_usd"]) == pytest.approx(3.878e8, rel=1e-3)
