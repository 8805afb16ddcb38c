"""Number formats as people write them: years, months, multipliers, money, losses."""

import math

import pytest

from lib.core import units


@pytest.mark.parametrize(("x", "text"), [(2026.0, "2026"), (2053.66, "2053"), (2037.9, "2037"), (2025.9999999999, "2026"),
                                         (1999.5, "1999")])
def test_year_is_the_calendar_year(x, text):
    assert units.year(x) == text


@pytest.mark.parametrize(("x", "text"), [(2025.9708, "Dec 2025"), (2026.0, "Jan 2026"), (2037.906, "Nov 2037"),
                                         (2030.54, "Jul 2030"), (2041.999, "Dec 2041")])
def test_month_names_the_month(x, text):
    assert units.month(x) == text


@pytest.mark.parametrize(("x", "text"), [(1.0, "1×"), (0.96, "0.96×"), (12.34, "12×"), (364.5, "364×"), (2200, "2,200×"),
                                         (2.206925e6, "2.2 million×"), (3.1e9, "3.1 billion×"), (1e16, "1.0e16×")])
def test_times_reads_like_speech(x, text):
    assert units.times(x) == text


@pytest.mark.parametrize(("x", "text"), [(5e6, "$5M"), (1e9, "$1B"), (1.1e12, "$1.1T"), (1.1e13, "$11T"),
                                         (1e15, "$1,000T"), (1.2e16, "$12,000T"), (3e21, "$3.0e21")])
def test_one_money_format(x, text):
    assert units.usd(x) == text


def test_missing_numbers_print_as_words():
    for fmt in (units.year, units.month, units.times, units.usd, units.loss, units.percent):
        assert fmt(math.nan) == "n/a"
        assert fmt(None) == "n/a"


def test_no_format_prints_a_float_artefact():
    samples = [1.0, 0.5, 2026.0, 1e-3, 123456.0, 6.94e29]
    for x in samples:
        for fmt in (units.year, units.times, units.usd, units.flop):
            text = fmt(x)
            assert ".0" != text[-2:] and "e0" not in text and "e+" not in text, (fmt.__name__, x, text)


def test_one_month_is_singular():
    assert units.quantity(1, "month") == "1 month"
    assert units.quantity(16, "month") == "16 months" and units.quantity(2.5, "year") == "2.5 years"
