"""Epoch AI's "Notable AI Models" CSV export -> data/epoch_compute.csv.

Source: https://epoch.ai/data/notable_ai_models.csv, the daily-updated download of
https://epoch.ai/data/notable-ai-models (CC BY 4.0; "available for download as a daily-updated CSV
file", its documentation says). One row per model, 46 columns in the export of 2026-01-26 (the
one the shipped file was cut from), among them the ten kept here under shorter names
(:data:`SOURCE_COLUMNS`). Converting that export with :func:`convert` gives the shipped rows
byte for byte.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from lib.data.refresh.common import Converted, RefreshError, calendar_date, enough_rows, header, positive, text_of

NAME = "epoch"
FILE = "epoch_compute.csv"
URL = "https://epoch.ai/data/notable_ai_models.csv"
PAGE = "https://epoch.ai/data/notable-ai-models"
# shipped column -> the export's column, in the shipped order.
SOURCE_COLUMNS = {
    "model": "Model",
    "organization": "Organization",
    "publication_date": "Publication date",
    "domain": "Domain",
    "parameters": "Parameters",
    "training_compute_flop": "Training compute (FLOP)",
    "training_tokens": "Training dataset size (gradients)",
    "confidence": "Confidence",
    "frontier_model": "Frontier model",
    "training_cost_2023_usd": "Training compute cost (2023 USD)",
}
COLUMNS = list(SOURCE_COLUMNS)
# The export has a no-break space inside one name ("ALLaM adapted 70B"); the shipped file has a plain
# space there, so a search for the name finds it. Invisible characters go the same way.
INVISIBLE = {0xA0: " ", **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))}


def _clean(text: str) -> str:
    # Names in the export sometimes end with a line break inside the quotes ("Solar Open 100B\n").
    return text.translate(INVISIBLE).strip()


def _records(text: str) -> tuple[list[str], list[list[str]]]:
    """The header and the records, refusing text that is not one complete CSV table."""
    if not text.endswith("\n"):
        # The export ends every record with a line end; without one the last record is cut.
        raise RefreshError("the last line has no line end: the download was cut short")
    try:
        rows = [r for r in csv.reader(io.StringIO(text), strict=True) if r]
    except csv.Error as err:
        raise RefreshError(f"not valid CSV ({err}): cut short or not Epoch's export") from None
    if len(rows) < 2:
        raise RefreshError("no records under the header: not Epoch's export")
    head, records = rows[0], rows[1:]
    if len(set(head)) != len(head):
        raise RefreshError("the header names a column twice: not Epoch's export")
    missing = [c for c in SOURCE_COLUMNS.values() if c not in head]
    if missing:
        raise RefreshError(f"missing column{'s' if len(missing) > 1 else ''} {', '.join(repr(c) for c in missing)} "
                           "(the export changed, or this is not it)")
    for i, record in enumerate(records, start=2):
        if len(record) != len(head):
            raise RefreshError(f"record {i} has {len(record)} fields, the header {len(head)}: cut short or malformed")
    return head, records


def _optional_number(value: str, what: str, parts: bool = False) -> None:
    """Empty, or a finite positive number; ``parts``: several of them comma-separated, as the export
    gives some dataset sizes ("327978752,192851506176")."""
    for piece in (value.split(",") if parts else [value]) if value else []:
        positive(piece.strip(), what)


def _row(fields: dict[str, str], today: date) -> list[str]:
    model = fields["model"]
    if not model:
        raise RefreshError(f"a row with compute {fields['training_compute_flop']} has no model name")
    calendar_date(fields["publication_date"], f"{model}: publication date", today)
    positive(fields["training_compute_flop"], f"{model}: training compute")
    _optional_number(fields["parameters"], f"{model}: parameters")
    _optional_number(fields["training_tokens"], f"{model}: training dataset size", parts=True)
    _optional_number(fields["training_cost_2023_usd"], f"{model}: training cost")
    flag = fields["frontier_model"].lower()
    if flag not in ("", "true", "false"):
        raise RefreshError(f"{model}: frontier model is {fields['frontier_model'][:20]!r}, not True, False or empty")
    # The export leaves the flag empty for a model that is not a frontier model; the shipped file says False.
    fields["frontier_model"] = "True" if flag == "true" else "False"
    return [fields[c] for c in COLUMNS]


def convert(body: bytes, url: str, today: date, current_rows: int) -> Converted:
    """Epoch's export at ``url`` as the shipped CSV: the rows with a compute estimate, checked, in
    publication order (then by name), with the provenance header. ``current_rows`` is the current
    file's row count, for the truncation guard."""
    text = text_of(body, "Epoch's CSV export")
    head, records = _records(text)
    index = {c: head.index(src) for c, src in SOURCE_COLUMNS.items()}
    rows: list[list[str]] = []
    seen: set[str] = set()
    for record in records:
        fields = {c: _clean(record[i]) for c, i in index.items()}
        if not fields["training_compute_flop"]:
            continue  # the file keeps only models with a compute estimate
        row = _row(fields, today)
        if row[0] in seen:
            raise RefreshError(f"model '{row[0]}' appears twice among the rows with compute")
        seen.add(row[0])
        rows.append(row)
    enough_rows(len(rows), current_rows, "models with a compute estimate")
    rows.sort(key=lambda r: (r[2], r[0]))
    dropped = len(head) - len(SOURCE_COLUMNS)
    meta = {"source": f"Epoch AI, 'Notable AI Models' ({PAGE}; file {url}), CC BY 4.0. Credit: 'Data: Epoch AI'.",
            "snapshot": f"{today.isoformat()}, fetched by python -m lib data refresh; the export as fetched, columns "
                        "trimmed and renamed, text trimmed of surrounding whitespace, no-break spaces made plain, values "
                        "otherwise unchanged.",
            "licence": 'CC BY 4.0 (credit "Data: Epoch AI")'}
    note = (f"The {len(rows)} of the export's {len(records)} rows that have training_compute_flop, as the export "
            f"writes them; the export's other {dropped} columns dropped. frontier_model is Epoch's flag (False where "
            "the export leaves it empty); training_cost_2023_usd is Epoch's estimate in 2023 US dollars, empty where "
            "it has none.")
    out = io.StringIO()
    out.write(header("Training compute of Epoch AI's notable models: every row of the export with a compute estimate.",
                     meta, [note]))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return Converted(out.getvalue(), len(rows), rows[-1][2], tuple(r[0] for r in rows))
