"""CPI conversion and reference budgets (data/cpi_us.csv, data/reference_budgets.csv)."""

import pytest

from lib import data, dollars

CPI = dollars.cpi_from_table(data.read_dataset(data.DATA_DIR / "cpi_us.csv").table)
BUDGETS = data.read_dataset(data.DATA_DIR / "reference_budgets.csv").table


def test_manhattan_project_in_2020_dollars():
    # ~$2B in 1946 is ~$26-28B in 2020 dollars (the essay's inflation adjuster says $28B); +-10%
    amount, notes = dollars.convert(2e9, 1946, 2020, CPI)
    assert amount == pytest.approx(27e9, rel=0.1)
    assert notes == []


def test_years_past_the_table_use_the_last_level_and_say_so():
    amount, notes = dollars.convert(1e9, 2024, 2031, CPI)
    assert amount == pytest.approx(1e9)
    assert notes and "2024" in notes[0]


def test_interpolation_between_listed_years_is_between_them():
    level, note = dollars.cpi_at(CPI, 1950)
    assert CPI[1946] < level < CPI[1960] and note is None


def test_round_budgets_stay_in_start_year_dollars_and_historic_ones_convert():
    budgets, _ = dollars.reference_budgets(BUDGETS, ("b1", "manhattan"), 2020, CPI)
    by_key = {b.key: b.usd for b in budgets}
    assert by_key["b1"] == 1e9
    assert by_key["manhattan"] == pytest.approx(2e9 * CPI[2020] / CPI[1946])


def test_budget_keys_match_the_parameter_choices():
    from lib import gpt_human

    assert set(BUDGETS["key"]) == set(gpt_human.PARAMS["refs"].choices)
