"""Two views of one chain: their headlines, the parameters that differ, and who accounts for the difference.

For each headline the difference B − A is split among the parameters that differ by exact
Shapley values (:mod:`lib.tools.compare.shapley`): every coalition of parameters switched from A's value to
B's is one row of a single batch through the chain's own ``run_batch``, so no model is written
twice and 2^k coalitions cost one vectorised call. Up to :data:`~lib.tools.compare.shapley.MAX_PLAYERS`
parameters each are a player; beyond that, the registry's groups (the sidebar sections) are
the players, each switching all of its differing parameters together.

A headline read on a log scale (compute, a multiplier) is split in orders of magnitude. A
headline missing for some coalition (never affordable, median after 2100) stands at its
chart's horizon, and the comparison says it did; a headline without a horizon is then not
split at all, with the reason.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from lib.core import units
from lib.core.chain import Chain, Headline, HeadlineBatch, HeadlineValue
from lib.core.registry import Value
from lib.tools.compare.shapley import MAX_PLAYERS, coalitions, shapley_values
from lib.tools.links.model import Link

Method = Literal["exact", "groups"]
MONEY_UNITS = ("USD", "$")  # the registry's spellings of a dollar amount, shown as '$1B'



@dataclass(frozen=True)
class Player:
    """What switches from A to B as one: a parameter, or a group of them."""

    key: str  # a parameter's key, or a group's title
    label: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Measure:
    """How a difference in a headline is said: '13.5 years', '6.2 percentage points', '2.1 orders of magnitude'."""

    unit: str
    factor: float  # decomposition units -> the numbers printed (a probability's 0-1 -> points)
    digits: int

    def amount(self, x: float, signed: bool = False) -> str:
        number = f"{x * self.factor:+.{self.digits}f}" if signed else f"{abs(x) * self.factor:.{self.digits}f}"
        return number.replace("-", "−")

    def text(self, x: float, signed: bool = False) -> str:
        return f"{self.amount(x, signed)} {self.unit}"


def measure(headline: Headline) -> Measure:
    """The unit a headline's difference is counted in."""
    if headline.scale == "log":
        return Measure("orders of magnitude", 1.0, 2)
    if headline.unit == "year":
        return Measure("years", 1.0, 1)
    if headline.unit == "probability":
        return Measure("percentage points", 100.0, 1)
    return Measure(headline.unit, 1.0, 3)


@dataclass(frozen=True)
class HeadlineDiff:
    """One headline of A and of B, and B − A split among the players.

    ``start``/``end`` are A and B in decomposition units (log10 for a log headline), with a
    missing value at the horizon; ``contributions`` are in the same units, ordered by size,
    and add up to ``end − start``. ``capped`` says some coalition (perhaps A or B) had no value
    and stood at the horizon; ``unavailable`` says why there is no split at all.
    """

    headline: Headline
    a: HeadlineValue
    b: HeadlineValue
    start: float | None
    end: float | None
    contributions: dict[str, float]
    capped: bool = False
    unavailable: str | None = None

    @property
    def diff(self) -> float | None:
        return None if self.start is None or self.end is None else self.end - self.start

    @property
    def measure(self) -> Measure:
        return measure(self.headline)


@dataclass(frozen=True)
class Comparison:
    chain: Chain
    a: dict[str, Value]
    b: dict[str, Value]
    differences: tuple[str, ...]  # every parameter that differs, display settings included
    players: tuple[Player, ...]
    method: Method
    headlines: tuple[HeadlineDiff, ...]

    def headline(self, key: str) -> HeadlineDiff:
        return next(h for h in self.headlines if h.headline.key == key)

    @property
    def display_only(self) -> tuple[str, ...]:
        """Differing parameters that are display settings, not model inputs: never players."""
        return tuple(k for k in self.differences if self.chain.params[k].kind == "multi")

    def player(self, key: str) -> Player:
        return next(p for p in self.players if p.key == key)


def players_for(chain: Chain, keys: tuple[str, ...]) -> tuple[tuple[Player, ...], Method]:
    """One player per differing model input, or, past :data:`MAX_PLAYERS`, one per registry group."""
    params = chain.params
    if len(keys) <= MAX_PLAYERS:
        return tuple(Player(k, params[k].label, (k,)) for k in keys), "exact"
    groups = params.groups or (("Parameters", params.keys),)
    players = tuple(Player(title, title, tuple(k for k in members if k in keys))
                    for title, members in groups if any(k in keys for k in members))
    return players, "groups"


def coalition_batch(chain: Chain, a: Mapping[str, Value], b: Mapping[str, Value],
                    players: tuple[Player, ...]) -> dict[str, Any]:
    """One row per coalition (as :func:`lib.tools.compare.shapley.coalitions` orders them): B's values for its players, A's elsewhere."""
    members = coalitions(len(players))
    batch: dict[str, Any] = {k: a[k] for k in chain.params.keys}
    for j, player in enumerate(players):
        for key in player.keys:
            batch[key] = np.where(members[:, j], np.asarray(b[key], dtype=object), np.asarray(a[key], dtype=object))
            if chain.params[key].kind in ("float", "int"):
                batch[key] = batch[key].astype(np.float64)
            elif chain.params[key].kind == "bool":
                batch[key] = batch[key].astype(bool)
    return batch


def _split(headline: Headline, heads: HeadlineBatch, players: tuple[Player, ...]) -> HeadlineDiff:
    """One headline over every coalition: A (the first row), B (the last) and the Shapley split between them."""
    values, reasons = heads.values[headline.key], heads.reasons[headline.key]
    a, b = (HeadlineValue(None if not math.isfinite(v) else float(v), str(r) or None)
            for v, r in ((values[0], reasons[0]), (values[-1], reasons[-1])))
    missing = ~np.isfinite(values)
    if missing.any() and headline.horizon is None:
        why = str(reasons[np.argmax(missing)]) or "no value"
        return HeadlineDiff(headline, a, b, None, None, {}, unavailable=(
            f"Not split: for some mixes of A's and B's values this headline has none ({why}), "
            "and it has no horizon to stand in for it."))
    filled = np.where(missing, headline.horizon if headline.horizon is not None else np.nan, values)
    if headline.scale == "log":
        filled = np.log10(filled)
    contributions: dict[str, float] = {}
    if players:
        phi = shapley_values(filled)
        contributions = {players[j].key: float(phi[j]) for j in sorted(range(len(players)), key=lambda j: -abs(phi[j]))}
    return HeadlineDiff(headline, a, b, float(filled[0]), float(filled[-1]), contributions, capped=bool(missing.any()))


def compare(chain: Chain, a: Mapping[str, Value], b: Mapping[str, Value]) -> Comparison:
    """Compare two full sets of values of ``chain`` (e.g. two links' values)."""
    a, b = {**chain.params.defaults(), **a}, {**chain.params.defaults(), **b}
    differences = chain.params.differences(b, a)
    inputs = tuple(k for k in differences if chain.params[k].kind != "multi")
    players, method = players_for(chain, inputs)
    heads = chain.run_batch(coalition_batch(chain, a, b, players))
    return Comparison(chain, a, b, differences, players, method,
                      tuple(_split(h, heads, players) for h in chain.headlines))


def compare_links(a: Link, b: Link) -> Comparison:
    """Compare two links; :class:`ValueError` (in words) if they open different chains."""
    if a.chain.key != b.chain.key:
        raise ValueError(f"Link A opens {a.chain.title} and link B opens {b.chain.title}: "
                         "a comparison needs two views of the same chain.")
    return compare(a.chain, a.values, b.values)


# -- words ------------------------------------------------------------------------------------------

def sentence(comparison: Comparison, key: str, top: int = 2) -> str:
    """The split in one sentence: 'Of the 13.5 years between A and B, hardware halving accounts for −9.1, ...'."""
    h = comparison.headline(key)
    if h.unavailable:
        return h.unavailable
    diff, m = h.diff, h.measure
    assert diff is not None
    if not comparison.players:
        return "A and B hold the same values of every model input."
    if m.amount(diff) == m.amount(0.0):
        moved = [comparison.player(k).label for k, c in h.contributions.items() if m.amount(c) != m.amount(0.0)]
        if not moved:
            return f"{h.headline.label}: the same for A and B; none of the differing values moves it."
        return (f"{h.headline.label}: the same for A and B, though {_names(moved[:2])} move it, "
                "in opposite directions that cancel.")
    zero = m.amount(0.0)
    ranked = [(k, c) for k, c in h.contributions.items() if m.amount(c) != zero]
    parts = [f"{comparison.player(k).label} accounts for {m.amount(c, signed=True)}" for k, c in ranked[:top]]
    rest = ranked[top:]
    if rest:
        total = sum(c for _, c in rest)
        noun = "parameter" if comparison.method == "exact" else "group"
        parts.append(f"the other {len(rest)} {noun}{'s' if len(rest) != 1 else ''} for {m.amount(total, signed=True)}")
    idle = len(h.contributions) - len(ranked)
    unmoved = f" ({idle} other difference{'s' if idle != 1 else ''} change{'s' if idle == 1 else ''} nothing here)" if idle else ""
    direction = "higher" if diff > 0 else "lower"
    if h.headline.unit == "year":
        direction = "later" if diff > 0 else "earlier"
    return f"Of the {m.text(diff)} between A and B (B is {direction}), {_names(parts)}{unmoved}."


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def notes(comparison: Comparison) -> list[str]:
    """What a reader must know about how the split was made."""
    out = []
    if comparison.method == "groups":
        n = len([k for k in comparison.differences if k not in comparison.display_only])
        out.append(f"{n} parameters differ, more than the {MAX_PLAYERS} that are split one by one, so the "
                   "contributions are exact Shapley values over the parameter groups (the page's sections), "
                   "each switching all of its differing parameters together.")
    capped: dict[str, list[str]] = {}
    for h in comparison.headlines:
        if h.capped and h.headline.horizon is not None:
            capped.setdefault(h.headline.format(h.headline.horizon), []).append(h.headline.label)
    for horizon, labels in capped.items():
        out.append(f"{_names(labels)}: where a mix of A's and B's values gives no value, it stands at {horizon} "
                   "(the chart's horizon) for the split.")
    if comparison.display_only:
        labels = ", ".join(comparison.chain.params[k].label for k in comparison.display_only)
        out.append(f"Display settings that differ ({labels}) change no headline and are left out of the split.")
    return out


# -- JSON -------------------------------------------------------------------------------------------

def _json_value(value: Value) -> Any:
    return list(value) if isinstance(value, tuple) else value


def cli_json(comparison: Comparison, warnings: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
    """What ``python -m lib compare A B`` prints."""
    c = comparison
    headlines: dict[str, Any] = {}
    for h in c.headlines:
        entry: dict[str, Any] = {"a": h.a.json(), "b": h.b.json(), "diff": h.diff,
                                 "scale": "log10" if h.headline.scale == "log" else "linear"}
        if h.capped:
            entry["capped_at"] = h.headline.horizon
        if h.unavailable:
            entry["unavailable"] = h.unavailable
        headlines[h.headline.key] = entry
    out: dict[str, Any] = {
        "chain": c.chain.key,
        "differences": {k: [_json_value(c.a[k]), _json_value(c.b[k])] for k in c.differences},
        "headlines": headlines,
        "contributions": {h.headline.key: h.contributions for h in c.headlines},
        "method": c.method,
    }
    if c.method == "groups":
        out["groups"] = {p.key: list(p.keys) for p in c.players}
    if warnings is not None:
        out["warnings"] = dict(warnings)
    return out


def difference_text(h: HeadlineDiff) -> str:
    """B − A in words a reader takes as meant: a number only where both views have one."""
    if h.a.value is None and h.b.value is None:
        return "neither view has a value"
    if h.b.value is None:
        return "B has no value (A has one)"
    if h.a.value is None:
        return "A has no value (B has one)"
    if h.diff is None:
        return ""
    return h.measure.text(h.diff, signed=True) + (" (some mixes of A and B stood at the horizon)" if h.capped else "")


def largest_first(comparison: Comparison) -> list[HeadlineDiff]:
    """The headlines that moved first, the largest difference first among those of one kind of number.

    Years and percentage points have no common size, so kinds keep the chain's order (the first kind
    to appear first) and sizes are compared within a kind; a headline that did not move, or has no
    value in A or B, comes last.
    """
    kinds = list(dict.fromkeys(h.measure.unit for h in comparison.headlines))

    def key(h: HeadlineDiff) -> tuple[int, int, float]:
        moved = (h.diff is not None and h.a.value is not None and h.b.value is not None
                 and h.measure.amount(h.diff) != h.measure.amount(0.0))
        return (0 if moved else 1, kinds.index(h.measure.unit), -abs(h.diff) if moved else 0.0)  # type: ignore[arg-type]

    return sorted(comparison.headlines, key=key)


def tables(comparison: Comparison) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The page's two tables as rows of text: headlines (A, B, difference), and the parameters that differ."""
    heads = []
    for h in comparison.headlines:
        heads.append({"headline": h.headline.label, "A": h.a.text(h.headline), "B": h.b.text(h.headline),
                      "B − A": difference_text(h)})
    params = comparison.chain.params

    def shown(key: str, value: Value) -> str:
        # The unit beside each value, not in a column of its own: a phone then shows A and B without scrolling.
        unit = params[key].unit if params[key].kind in ("float", "int") else ""
        if unit in MONEY_UNITS:
            return units.usd(float(value))  # type: ignore[arg-type]
        return f"{params[key].display(value)} {unit}".strip()

    rows = [{"parameter": params[k].label, "A": shown(k, comparison.a[k]), "B": shown(k, comparison.b[k])}
            for k in comparison.differences]
    return heads, rows


def comparison_csv(comparison: Comparison, link: str) -> str:
    """The comparison as a spreadsheet reads it: the link, the headlines, the differences, every contribution."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f"Data from {link}" if link else "Data from this dashboard (no link available)"])
    writer.writerow([])
    writer.writerow(["headline", "unit", "A", "B", "B - A", "B - A measured in"])
    for h in comparison.headlines:
        writer.writerow([h.headline.key, h.headline.unit, h.a.value if h.a.value is not None else h.a.reason,
                         h.b.value if h.b.value is not None else h.b.reason,
                         "" if h.diff is None else f"{h.diff:.6g}", "log10" if h.headline.scale == "log" else h.headline.unit])
    writer.writerow([])
    writer.writerow(["parameter", "unit", "A", "B"])
    params = comparison.chain.params
    for k in comparison.differences:
        writer.writerow([k, params[k].unit, params[k].format_value(comparison.a[k]), params[k].format_value(comparison.b[k])])
    writer.writerow([])
    writer.writerow(["contribution to B - A (Shapley, " + comparison.method + ")",
                     *(h.headline.key for h in comparison.headlines)])
    for player in comparison.players:
        writer.writerow([player.key, *(f"{h.contributions[player.key]:.6g}" if player.key in h.contributions else ""
                                       for h in comparison.headlines)])
    return out.getvalue()
