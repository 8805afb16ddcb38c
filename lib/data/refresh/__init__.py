"""``python -m lib data refresh``: fetch METR's and Epoch AI's current files and replace the shipped snapshots.

Each dataset is fetched, checked (:mod:`.metr`, :mod:`.epoch`: keys and columns, finite positive
numbers, intervals around their estimates, dates not after today, no repeated keys, no file far
shorter than the current one) and converted to the shipped file's exact columns with a new
provenance header; only then is it written, atomically (:func:`.common.write_atomically`). A
dataset that fails leaves its file byte for byte as it was and says why in one line; the other is
refreshed all the same. The app reads data/ once per process: restart it to see new data.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from lib.data import files
from lib.data.refresh import epoch, metr
from lib.data.refresh.common import DEFAULT_TIMEOUT, Converted, RefreshError, fetch, write_atomically

Fetcher = Callable[[str, float], bytes]
MAX_TIMEOUT = 600.0
SHOWN = 5  # names listed per "added"/"dropped" before "and N more"


@dataclass(frozen=True)
class Source:
    name: str
    file: str
    url: str
    columns: list[str]
    date_column: str
    convert: Callable[[bytes, str, date, files.Dataset], Converted]


SOURCES = {
    metr.NAME: Source(metr.NAME, metr.FILE, metr.URL, metr.COLUMNS, "release_date",
                      lambda body, url, today, current: metr.convert(
                          body, url, today, dict(zip(current.table["key"].astype(str),
                                                     current.table["model"].astype(str))), len(current.table))),
    epoch.NAME: Source(epoch.NAME, epoch.FILE, epoch.URL, epoch.COLUMNS, "publication_date",
                       lambda body, url, today, current: epoch.convert(body, url, today, len(current.table))),
}


@dataclass(frozen=True)
class Outcome:
    name: str
    ok: bool
    line: str  # one line for the terminal


def _current(path: Path, source: Source) -> files.Dataset:
    """The file to be replaced, which must read as the shipped columns (it sets the row-count guard)."""
    if not path.is_file():
        raise RefreshError(f"no {path} to refresh")
    try:
        current = files.read_dataset(path)
    except Exception as err:  # noqa: BLE001 (any reading failure is reported the same way)
        raise RefreshError(f"cannot read the current {path.name} ({err})") from None
    if list(current.table.columns) != source.columns:
        raise RefreshError(f"the current {path.name} has other columns than this refresher writes")
    return current


def _names(keys: Sequence[str]) -> str:
    more = f" and {len(keys) - SHOWN} more" if len(keys) > SHOWN else ""
    return ", ".join(keys[:SHOWN]) + more


def _rows(text: str) -> dict[str, list[str]]:
    """A data file's rows by their first field (the key both files lead with)."""
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    return {r[0]: r for r in list(csv.reader(io.StringIO(body)))[1:] if r}


def summary(source: Source, path: Path, current: files.Dataset, new: Converted, dry_run: bool) -> str:
    """What changed, in one line: rows before -> after, newest date before -> after, models added, dropped, changed."""
    verb = "would be updated (dry run: nothing written)" if dry_run else "updated"
    old_rows, new_rows = _rows(path.read_text(encoding="utf-8")), _rows(new.text)
    old_newest = str(max(current.table[source.date_column].astype(str), default="none"))
    added = [k for k in new.keys if k not in old_rows]
    dropped = [k for k in old_rows if k not in new_rows]
    changed = [k for k, row in new_rows.items() if k in old_rows and old_rows[k] != row]
    parts = [f"{len(old_rows)} -> {new.rows} rows", f"newest {old_newest} -> {new.newest}"]
    parts += [f"added {_names(added)}"] if added else []
    parts += [f"dropped {_names(dropped)}"] if dropped else []
    parts += [f"changed {_names(changed)}"] if changed else []
    parts += [] if added or dropped or changed else ["no row changed, only the snapshot date"]
    parts += list(new.notes)
    return f"{source.name}: {path.name} {verb}: " + "; ".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def refresh_one(source: Source, url: str, data_dir: Path, timeout: float, dry_run: bool, today: date,
                fetcher: Fetcher = fetch) -> Outcome:
    """Fetch, check, convert and (unless ``dry_run``) write one dataset; never raises for bad data."""
    path = data_dir / source.file
    try:
        current = _current(path, source)
        new = source.convert(fetcher(url, timeout), url, today, current)
        line = summary(source, path, current, new, dry_run)
        if not dry_run:
            write_atomically(path, new, source.columns)
    except RefreshError as err:
        return Outcome(source.name, False, f"{source.name}: not refreshed, {path.name} left as it was: "
                                           f"{_one_line(str(err))}")
    except Exception as err:  # noqa: BLE001 (a bug here must not cost the other dataset its refresh)
        return Outcome(source.name, False, f"{source.name}: not refreshed, {path.name} left as it was: "
                                           f"unexpected {type(err).__name__}: {_one_line(str(err))}")
    return Outcome(source.name, True, line)


class _Usage(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _Usage(message)


def _parser() -> _Parser:
    p = _Parser(prog="python -m lib data refresh",
                description="Fetch METR's and Epoch AI's current data, check it, and replace data/"
                            f"{metr.FILE} and data/{epoch.FILE} (each only if its checks pass).")
    p.add_argument("datasets", nargs="*", metavar="DATASET", help=f"{' and/or '.join(SOURCES)} (default: both)")
    p.add_argument("--metr-url", default=metr.URL, help=f"METR's results YAML (default {metr.URL})")
    p.add_argument("--epoch-url", default=epoch.URL, help=f"Epoch AI's notable-models CSV (default {epoch.URL})")
    p.add_argument("--data-dir", type=Path, default=files.DATA_DIR, help="the folder of the CSVs (default data/)")
    p.add_argument("--dry-run", action="store_true", help="fetch and check, report, write nothing")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                   help=f"seconds to wait for each server (default {DEFAULT_TIMEOUT:g})")
    return p


def cli(argv: Sequence[str], today: date | None = None, fetcher: Fetcher = fetch) -> int:
    """``data refresh [metr] [epoch] [options]``: 0 when every dataset asked for was refreshed, 1 when
    any failed (its line on stderr), 2 for a usage error."""
    if not argv or argv[0] != "refresh":
        print("error: 'data' takes the subcommand 'refresh' (python -m lib data refresh --help)", file=sys.stderr)
        return 2
    try:
        args = _parser().parse_args(list(argv[1:]))
        unknown = [d for d in args.datasets if d not in SOURCES]
        if unknown:
            raise _Usage(f"unknown dataset '{unknown[0]}' (choose from {', '.join(SOURCES)})")
        if not 0 < args.timeout <= MAX_TIMEOUT:
            raise _Usage(f"--timeout takes seconds above 0 and at most {MAX_TIMEOUT:g}")
    except _Usage as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except SystemExit as stop:  # --help printed its text
        return int(stop.code or 0)
    # UTC, so the snapshot date does not depend on where the command runs.
    day = today or datetime.now(UTC).date()
    urls = {metr.NAME: args.metr_url, epoch.NAME: args.epoch_url}
    outcomes = []
    for name in dict.fromkeys(args.datasets or SOURCES):
        outcome = refresh_one(SOURCES[name], urls[name], args.data_dir, args.timeout, args.dry_run, day, fetcher)
        print(outcome.line if outcome.ok else f"error: {outcome.line}", file=sys.stdout if outcome.ok else sys.stderr)
        outcomes.append(outcome)
    if not args.dry_run and any(o.ok for o in outcomes):
        print("A running app keeps the data it read at start: restart it to see the new files.")
    return 0 if all(o.ok for o in outcomes) else 1
