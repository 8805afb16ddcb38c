"""Converting dollar amounts between years with a consumer price index.

Pure functions over a CPI table (year -> index) that the caller loads from
data/cpi_us.csv (US BLS CPI-U annual averages). Years between listed ones are
interpolated geometrically; years after the last listed one take its level,
and the caller is told so in words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

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


def reference_budgets(table: pd.DataFrame, keys: tuple[str, ...], year: float, cpi: Cpi) -> tuple[list[Budget], list[str]]:
    """The chosen reference budgets in ``year`` dollars.

    Rows without a dollar year (round numbers) are taken to be in ``year``
    dollars already; historical ones are converted with the CPI.
    """
    budgets: list[Budget] = []
    notes: set[str] = set()
    for row in table.itertuples():
        if row.key not in keys:
            continue
        amount = float(row.usd)
        if not pd.isna(row.dollar_year):
            amount, row_notes = convert(amount, float(row.dollar_year), year, cpi)
            notes.update(row_notes)
        budgets.append(Budget(row.key, row.label, amount, row.source))
    return budgets, sorted(notes)
