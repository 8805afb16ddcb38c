"""Converting dollar amounts between years with a consumer price index.

Pure functions over a CPI table (year -> index) that the caller loads from
data/cpi_us.csv (US BLS CPI-U annual averages). Years between listed ones are
interpolated geometrically; years after the last listed one take its level,
and the caller is told so in words.

The "1% of US GDP (2020)" budget is computed from :mod:`lib.core.facts` rather than
stored in data/reference_budgets.csv, so the GDP figure has a single source.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from lib.core.facts import US_GDP_2020_USD

Cpi = Mapping[int, float]


def cpi_from_table(table: pd.DataFrame) -> dict[int, float]:
    return {int(y): float(v) for y, v in zip(table["year"], table["cpi_u"])}


def cpi_at(cpi: Cpi, year: float) -> tuple[float, str | None]:
    """CPI level in ``year``; a note when the year lies outside the table."""
    years = sorted(cpi)
    first, last = years[0], years[-1]
    if year >= last:
        note = None if year == last else f"no price data after {last}; {last} prices are used for later years"
        return cpi[last], note
    if year <= first:
        note = None if year == first else f"no price data before {first}; {first} prices are used"
        return cpi[first], note
    hi = next(y for y in years if y >= year)
    lo = max(y for y in years if y <= year)
    if hi == lo:
        return cpi[lo], None
    frac = (year - lo) / (hi - lo)
    return math.exp((1 - frac) * math.log(cpi[lo]) + frac * math.log(cpi[hi])), None


def convert(amount: float, from_year: float, to_year: float, cpi: Cpi) -> tuple[float, list[str]]:
    """``amount`` in ``from_year`` dollars expressed in ``to_year`` dollars, with any notes."""
    a, note_a = cpi_at(cpi, from_year)
    b, note_b = cpi_at(cpi, to_year)
    return amount * b / a, sorted({n for n in (note_a, note_b) if n})


@dataclass(frozen=True)
class Budget:
    key: str
    label: str
    usd: float  # in the dollars the caller asked for
    source: str


GDP1_KEY = "gdp1"
_GDP1_AFTER = "apollo"  # where the row sat in the CSV, so the chart's legend order is unchanged


def budget_table(table: pd.DataFrame) -> pd.DataFrame:
    """The reference-budget rows of ``table`` plus the computed 1%-of-GDP row.

    It goes after the Apollo row (or last, if the table has none).
    """
    gdp1 = pd.DataFrame([{
        "key": GDP1_KEY,
        "label": "1% of US GDP (2020)",
        "usd": 0.01 * US_GDP_2020_USD.value,
        "dollar_year": 2020,
        "source": f"1% of {US_GDP_2020_USD.citation}",
    }])
    keys = list(table["key"])
    cut = keys.index(_GDP1_AFTER) + 1 if _GDP1_AFTER in keys else len(keys)
    return pd.concat([table.iloc[:cut], gdp1, table.iloc[cut:]], ignore_index=True)


def reference_budgets(table: pd.DataFrame, keys: tuple[str, ...], year: float, cpi: Cpi) -> tuple[list[Budget], list[str]]:
    """The chosen reference budgets in ``year`` dollars, in table order.

    ``table`` is data/reference_budgets.csv; the 1%-of-GDP budget is added to
    it (:func:`budget_table`). Rows without a dollar year (round numbers) are
    taken to be in ``year`` dollars already; historical ones are converted
    with the CPI.
    """
    budgets: list[Budget] = []
    notes: set[str] = set()
    for row in budget_table(table).itertuples():
        if row.key not in keys:
            continue
        amount = float(row.usd)
        if not pd.isna(row.dollar_year):
            amount, row_notes = convert(amount, float(row.dollar_year), year, cpi)
            notes.update(row_notes)
        budgets.append(Budget(row.key, row.label, amount, row.source))
    return budgets, sorted(notes)
