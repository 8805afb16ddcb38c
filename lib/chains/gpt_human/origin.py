"""Where the GPT-human chain starts: the essay's GPT-3 in 2020, or the largest run in Epoch AI's data.

``origin`` is an instruction in a link or on the command line, like ``position``: ``origin=latest``
sets the reference compute, its cost and the start year to the export's largest run (Grok 4,
5e26 FLOP, Jul 2025; Epoch's cost estimate $388M in 2023 dollars, moved to the start year's dollars
by the US CPI-U), and the address then holds those values. Epoch's confidence in that run's compute
(the export's ``confidence`` column: Speculative for Grok 4) travels with it, so every place that
starts the chain from it can say how firm the number is. As the essay starts GPT-3 (May 2020) at
the start of 2020, the chain starts the run at the start of its publication year. ``origin=essay``
sets them back to GPT-3's. Keys given in the same link win over either.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.core import units
from lib.core.problems import Problem, at
from lib.core.registry import Value
from lib.data.trends import model as trends

ORIGIN_KEY = "origin"
ORIGINS = ("essay", "latest")
KEYS = ("ref_pfd", "ref_cost", "start")


@dataclass(frozen=True)
class Reference:
    model: str
    date: str
    compute_flop: float
    cost_usd: float | None  # in the start year's dollars
    start: int
    confidence: str | None = None  # Epoch's rating of the compute estimate (Confident, Likely, Speculative)

    @property
    def when(self) -> str:
        """The publication month: 'Jul 2025'."""
        return units.month(float(trends.decimal_year(pd.Series([self.date]))[0]))

    @property
    def rating(self) -> str:
        """Epoch's confidence in the compute, in words: "an estimate Epoch rates Speculative" ("" when it has none)."""
        return f"an estimate Epoch rates {self.confidence}" if self.confidence else ""

    def json(self) -> dict[str, object]:
        return {"model": self.model, "date": self.date, "compute_flop": self.compute_flop,
                "compute_confidence": self.confidence, "cost_usd": self.cost_usd, "start": self.start}


def latest_reference(t: pd.DataFrame, cpi: pd.DataFrame) -> Reference:
    """The largest run by compute of ``t`` (:func:`lib.data.trends.model.prepared` rows), its cost moved from 2023 dollars to its year's."""
    row = t.loc[t["compute"].idxmax()]
    year = int(np.floor(row["year"]))
    cost = pd.to_numeric(pd.Series([row.get("training_cost_2023_usd")]), errors="coerce").iloc[0]
    by_year = dict(zip(cpi["year"].astype(int), cpi["cpi_u"].astype(float)))
    usd = None
    if pd.notna(cost) and cost > 0 and year in by_year and 2023 in by_year:
        usd = float(cost) * by_year[year] / by_year[2023]
    rated = row.get("confidence")
    confidence = str(rated) if isinstance(rated, str) and rated.strip() else None
    return Reference(str(row["model"]), str(row["publication_date"]), float(row["compute"]), usd, year, confidence)


@functools.cache
def packaged_latest() -> Reference:
    """:func:`latest_reference` of the packaged data (read-only: once per process)."""
    from lib.data import files as data

    return latest_reference(trends.packaged(), data.load("cpi_us").table)


def origin_values(origin: str, defaults: Mapping[str, Value]) -> dict[str, Value]:
    """The values ``origin`` sets: GPT-3's defaults for ``essay``, the largest run's for ``latest``."""
    if origin == "essay":
        return {k: defaults[k] for k in KEYS}
    ref = packaged_latest()
    out: dict[str, Value] = {"ref_pfd": units.round_sig(ref.compute_flop / units.PF_DAY_FLOP, 4),
                             "start": float(ref.start)}
    if ref.cost_usd is not None:
        out["ref_cost"] = units.round_sig(ref.cost_usd, 3)
    return out


def origin_in(raw: Mapping[str, str | list[str]]) -> tuple[str | None, tuple[Problem, ...]]:
    """The origin a query names (the last one given), or a problem saying it is none."""
    if ORIGIN_KEY not in raw:
        return None, ()
    texts = raw[ORIGIN_KEY]
    name = (texts[-1] if texts else "") if isinstance(texts, list) else texts
    if name in ORIGINS:
        return name, ()
    return None, (Problem("not_choice", ("", at(ORIGIN_KEY, name), f" is not one of {', '.join(ORIGINS)}; it was ignored.")),)


def starts_from(values: Mapping[str, Value]) -> Reference | None:
    """The largest run, when ``values`` start the chain from it; None otherwise (GPT-3 or the user's own)."""
    latest = origin_values("latest", {})
    return packaged_latest() if all(float(values[k]) == float(v) for k, v in latest.items()) else None  # type: ignore[arg-type]


def reference_json(values: Mapping[str, Value], defaults: Mapping[str, Value]) -> dict[str, object]:
    """Which run the chain starts from, for the CLI: the largest in the data, the essay's GPT-3, or the user's.

    ``compute_confidence`` is Epoch's rating of the compute where the chain takes it from Epoch's data
    (origin=latest); null for the essay's figure and the user's own.
    """
    latest = starts_from(values)
    if latest is not None:
        return latest.json()
    flop = float(values["ref_pfd"]) * units.PF_DAY_FLOP  # type: ignore[arg-type]
    if all(values[k] == defaults[k] for k in KEYS):
        return {"model": "GPT-3 175B (the essay's reference)", "date": "2020-05-28", "compute_flop": flop,
                "compute_confidence": None, "cost_usd": float(values["ref_cost"]),  # type: ignore[arg-type]
                "start": int(float(values["start"]))}  # type: ignore[arg-type]
    return {"model": "your reference model", "date": None, "compute_flop": flop, "compute_confidence": None,
            "cost_usd": float(values["ref_cost"]), "start": int(float(values["start"]))}  # type: ignore[arg-type]
