"""CPI conversion and reference budgets (data/cpi_us.csv, data/reference_budgets.csv, lib/core/facts.py)."""

import pytest

from lib.core import dollars, facts
from lib.data import files as data

CPI_TABLE = data.read_dataset(data.DATA_DIR / "cpi_us.csv").table
CPI = dollars.cpi_from_table(CPI_TABLE)
BUDGETS = data.read_dataset(data.DATA_DIR / "reference_budgets.csv").table
USD = BUDGETS.set_index("key")


def test_cpi_2025_is_the_bls_annual_average_and_the_latest_year():
    # BLS CPI-U (CUUR0000SA0) 2025 annual average
    assert CPI[2025] == 321.943
    assert max(CPI) == 2025
    assert CPI_TABLE["year"].dtype.kind == "i"  # a float year would break the int-keyed lookups


def test_manhattan_project_in_2020_dollars():
    # ~$2B in 1946 is ~$26-28B in 2020 dollars (the essay's inflation adjuster says $28B); +-10%
    amount, notes = dollars.convert(2e9, 1946, 2020, CPI)
    assert amount == pytest.approx(27e9, rel=0.1)
    assert notes == []


def test_manhattan_project_in_2024_dollars_comes_from_the_cpi_table():
    # 2e9 x 313.689 / 19.5 (BLS annual averages 2024 and 1946) = $32.17B
    budgets, notes = dollars.reference_budgets(BUDGETS, ("manhattan",), 2024, CPI)
    assert USD.loc["manhattan", "usd"] == 2e9 and USD.loc["manhattan", "dollar_year"] == 1946
    assert budgets[0].usd == pytest.approx(2e9 * 313.689 / 19.5, rel=1e-9)
    assert budgets[0].usd == pytest.approx(32.17e9, rel=1e-3)
    assert notes == []


def test_years_past_the_table_use_the_last_level_and_say_so():
    amount, notes = dollars.convert(1e9, 2025, 2031, CPI)
    assert amount == pytest.approx(1e9)
    assert notes and "2025" in notes[0]


def test_interpolation_between_listed_years_is_between_them():
    level, note = dollars.cpi_at(CPI, 1950)
    assert CPI[1946] < level < CPI[1960] and note is None


def test_round_budgets_stay_in_start_year_dollars_and_historic_ones_convert():
    budgets, _ = dollars.reference_budgets(BUDGETS, ("b1", "manhattan"), 2020, CPI)
    by_key = {b.key: b.usd for b in budgets}
    assert by_key["b1"] == 1e9
    assert by_key["manhattan"] == pytest.approx(2e9 * CPI[2020] / CPI[1946])


def test_apollo_is_nasas_1973_total_to_congress():
    assert USD.loc["apollo", "usd"] == 25.4e9
    assert "$25.4B" in USD.loc["apollo", "source"] and "1973" in USD.loc["apollo", "source"]


def test_iraq_row_covers_fy2003_through_fy2014():
    source = USD.loc["iraq", "source"]
    assert USD.loc["iraq", "usd"] == 815e9
    assert "FY2014" in source and "FY2015" not in source and "RL33110" in source


def test_gdp_2020_is_beas_figure():
    assert facts.US_GDP_2020_USD.value == 2.13541e13  # BEA NIPA Table 1.1.5: $21,354.1 billion


def test_gdp1_is_one_percent_of_the_gdp_fact_in_2020_dollars():
    budgets, notes = dollars.reference_budgets(BUDGETS, ("gdp1",), 2020, CPI)
    (gdp1,) = budgets
    assert gdp1.key == "gdp1" and gdp1.label == "1% of US GDP (2020)"
    assert gdp1.usd == pytest.approx(0.01 * facts.US_GDP_2020_USD.value, rel=1e-12)
    assert gdp1.usd == pytest.approx(2.1354e11, rel=1e-4)
    assert "BEA" in gdp1.source or "Bureau of Economic Analysis" in gdp1.source
    assert notes == []


def test_gdp1_converts_with_the_cpi_like_other_historical_rows():
    (gdp1,), _ = dollars.reference_budgets(BUDGETS, ("gdp1",), 2024, CPI)
    assert gdp1.usd == pytest.approx(0.01 * facts.US_GDP_2020_USD.value * CPI[2024] / CPI[2020])


def test_gdp_is_not_duplicated_in_the_csv():
    assert "gdp1" not in set(BUDGETS["key"])


def test_budget_order_is_the_table_order_with_gdp1_after_apollo():
    every = ("iraq", "gdp1", "apollo", "manhattan", "b100", "b10", "b1")
    budgets, _ = dollars.reference_budgets(BUDGETS, every, 2020, CPI)
    assert [b.key for b in budgets] == ["b1", "b10", "b100", "manhattan", "apollo", "gdp1", "iraq"]


def test_budget_keys_match_the_parameter_choices():
    from lib.chains.gpt_human.params import PARAMS

    assert set(dollars.budget_table(BUDGETS)["key"]) == set(PARAMS["refs"].choices)
