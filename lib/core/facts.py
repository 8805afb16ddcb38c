"""Public facts that more than one part of the app uses, each with its source.

A figure such as US GDP in 2020 appears in several models; if each module kept
its own copy, a correction would reach some of them and not others. Each fact
lives here once, as a typed constant carrying its unit and citation, and
everything else imports it. Pure data: no I/O.

Facts used by a single data table stay in that table (data/*.csv).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    value: float
    unit: str
    citation: str
    url: str


US_GDP_2020_USD = Fact(
    value=2.13541e13,
    unit="US dollars, nominal (current 2020 dollars)",
    citation=(
        "US GDP in 2020, $21,354.1 billion in current dollars (US Bureau of Economic Analysis, "
        "NIPA Table 1.1.5, annual, as published after BEA's September 2024 annual update)"
    ),
    url="https://www.bea.gov/data/gdp/gross-domestic-product",
)
