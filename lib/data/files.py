"""Reading the small CSV files in data/.

Each file starts with ``# key: value`` header lines (at least ``source`` and
``snapshot``) so provenance travels with the numbers; :func:`read_dataset`
returns the table and that header. Functions take explicit paths so tests can
point them at fixtures; :func:`load` caches the packaged files for the app.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Dataset:
    name: str
    table: pd.DataFrame
    meta: dict[str, str]  # header fields: source, snapshot, ... ('description' = first line)

    @property
    def source(self) -> str:
        return self.meta.get("source", "")

    @property
    def snapshot(self) -> str:
        return self.meta.get("snapshot", "")

    @property
    def as_of(self) -> str:
        """The date the data was taken: the latest ISO date in its snapshot line, else its latest year.

        The latest, because a snapshot gathered over days says so ("between 2026-04-15 and
        2026-05-08"); a refreshed file's snapshot starts with the day it was fetched.
        """
        dates = re.findall(r"\b(?:19|20)\d\d-\d\d-\d\d\b", self.snapshot)
        if dates:
            return max(dates)
        years = re.findall(r"\b(?:19|20)\d\d\b", self.snapshot)
        return max(years) if years else "undated"


def read_header(path: Path) -> dict[str, str]:
    """The ``# key: value`` lines at the top of a data file; the first free line is its description."""
    meta: dict[str, str] = {}
    notes: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            text = line[1:].strip()
            key, sep, value = text.partition(":")
            if sep and key.isidentifier() and " " not in key:
                meta[key] = value.strip()
            else:
                notes.append(text)
    if notes:
        meta.setdefault("description", notes[0])
        if len(notes) > 1:
            meta["notes"] = " ".join(notes[1:])
    return meta


def read_dataset(path: Path) -> Dataset:
    meta = read_header(path)
    missing = {"source", "snapshot"} - meta.keys()
    if missing:
        raise ValueError(f"{path.name}: header lacks {', '.join(sorted(missing))}")
    table = pd.read_csv(path, comment="#")
    return Dataset(path.stem, table, meta)


# How a page names each file when it states the data's date (the Sources page gives the full source).
NAMES = {
    "epoch_compute": "Epoch AI, Notable AI Models",
    "notable_models": "Epoch AI, Notable AI Models (the labelled models)",
    "metr_time_horizons": "METR, Time Horizon 1.1",
    "cpi_us": "US BLS, CPI-U",
    "reference_budgets": "reference budgets",
    "chinchilla_points": "Besiroglu et al. 2024, Chinchilla replication points",
}


def dated(*names: str) -> str:
    """'Data: A, snapshot of 2026-01-26; B, snapshot of ...' (no full stop): what a page says about the files it uses.

    Read from the files' headers, so a refreshed file (``python -m lib data refresh``) states its own date.
    """
    return "Data: " + "; ".join(f"{NAMES.get(n, n)}, snapshot of {load(n).as_of}" for n in names)


def all_datasets(data_dir: Path = DATA_DIR) -> list[Dataset]:
    """Every CSV in data/, for the Sources page."""
    return [read_dataset(p) for p in sorted(data_dir.glob("*.csv"))]


# Bounded although its names come from code, not links: no cache in the app grows with input.
@functools.lru_cache(maxsize=16)
def load(name: str) -> Dataset:
    """A file of the app's own data/ folder, read once per process (read-only, shared by sessions).

    Only for the packaged files, whose content cannot change while the app runs; tests that need
    other content call :func:`read_dataset` on their own path.
    """
    return read_dataset(DATA_DIR / f"{name}.csv")
