"""Unit conversions and human-readable number formatting shared by every page.

Pure functions only. The formats are the ones people use when arguing:
'1.2e24 FLOP', '70B params', '$1.1T'.
"""

from __future__ import annotations

import math

PF_DAY_FLOP = 1e15 * 86_400  # 1 petaFLOP/s sustained for a day = 8.64e19 FLOP


def sci(x: float, digits: int = 2) -> str:
    """'1.2e24' style scientific notation (no '+' in the exponent)."""
    if x is None or not math.isfinite(x):
        return "n/a"
    if x == 0:
        return "0"
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    if 0 <= int(exponent) < 3:
        return _mantissa(x, digits)  # '364', '1.5': an exponent of 0-2 only gets in the way
    return f"{mantissa}e{int(exponent)}"


_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))


def short(x: float, digits: int = 3) -> str:
    """70B, 1.4T, 3.2M; falls back to scientific notation above 1e15."""
    if x is None or not math.isfinite(x):
        return "n/a"
    if abs(x) >= 1e15:
        return sci(x, digits)
    for size, suffix in _SUFFIXES:
        if abs(x) >= size:
            return f"{_mantissa(x / size, digits)}{suffix}"
    return _mantissa(x, digits)


def _mantissa(v: float, digits: int) -> str:
    # 'g' switches to exponent notation for 742.6 at 2 digits; whole numbers read better.
    text = f"{v:.{digits}g}"
    return f"{v:.0f}" if "e" in text else text


def flop(x: float) -> str:
    return f"{sci(x, 3)} FLOP"


def _grouped(v: float, digits: int) -> str:
    """A mantissa with thousands separators once it reaches four digits: '1,000', '12,500', '2.2'."""
    if abs(v) >= 1000:
        return f"{float(f'{v:.{digits}g}'):,.0f}"
    return _mantissa(v, digits)


def usd(x: float) -> str:
    """Money as people say it: '$5M', '$1B', '$1.1T', '$1,000T'; scientific only past $1e21.

    Amounts past a trillion stay in trillions with separators, so a cost curve reads on one scale.
    """
    if x is None or not math.isfinite(x):
        return "n/a"
    if abs(x) >= 1e21:
        return f"${sci(x, 2)}"
    if abs(x) >= 1e12:
        return f"${_grouped(x / 1e12, 2)}T"
    return f"${short(x, 2)}"


_NAMED = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def times(x: float) -> str:
    """A multiplier or ratio as people say it: '1×', '0.96×', '364×', '2,200×', '2.2 million×'."""
    if x is None or not math.isfinite(x):
        return "n/a"
    if x == 0:
        return "0×"
    if abs(x) >= 1e15:
        return f"{sci(x, 2)}×"
    for size, name in _NAMED:
        if abs(x) >= size:
            return f"{_mantissa(x / size, 2)} {name}×"
    if abs(x) >= 1000:
        return f"{_grouped(x, 2)}×"
    if abs(x) < 0.01:
        return f"{sci(x, 2)}×"
    return f"{_mantissa(x, 2)}×"


def loss(x: float) -> str:
    """A loss in nats per token, to three decimals: '1.734'."""
    return "n/a" if x is None or not math.isfinite(x) else f"{x:.3f}"


def year(x: float) -> str:
    """The calendar year a decimal year falls in: 2053.66 is '2053', never '2054' or '2053.7'.

    Decimal years count from the start of the year (2026.0 is 1 January 2026).
    """
    return "n/a" if x is None or not math.isfinite(x) else f"{math.floor(x + 1e-9):d}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month(x: float) -> str:
    """The month a decimal year falls in, for dates a model gives to the month: 2025.97 is 'Dec 2025'."""
    if x is None or not math.isfinite(x):
        return "n/a"
    whole = math.floor(x + 1e-9)
    return f"{_MONTHS[min(11, int((x - whole) * 12 + 1e-9))]} {whole}"


def percent(p: float) -> str:
    """A probability as a whole percentage: '8%'."""
    return "n/a" if p is None or not math.isfinite(p) else f"{p:.0%}"


def round_sig(x: float, sig: int = 3) -> float:
    """Round to ``sig`` significant figures (so grid values read cleanly in URLs)."""
    if x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.{sig}g}")


def format_number(x: float) -> str:
    """Compact, exact-enough text for a number: '5.76e23', '0.048', '2085.43'.

    Six significant figures round-trip every value a widget or preset can hold;
    the exponent loses its '+' and zero padding so links stay readable.
    """
    text = f"{x:.6g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa}e{int(exponent)}"
    return text


def quantity(x: float, unit: str) -> str:
    """A count with its unit, singular for exactly one: '1 month', '2.5 months', '16 months'."""
    return f"{x:g} {unit}" if x == 1 else f"{x:g} {unit}s"
