"""Points to fit: what a person pastes, types or uploads, read in words, and the published points.

Reads CSV text and what a spreadsheet copies (:func:`read_table`, :func:`read_points`), names rows a
link cut short (:func:`incomplete_rows`), applies an editable table's edits (:func:`with_edits`), and
loads Chinchilla's runs as the 2024 replication read them (:func:`published_points`). The fit itself
is :mod:`lib.data.fit.model`.

Pure but for reading the shipped data file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from lib.data.fit.model import FitError

if TYPE_CHECKING:
    import pandas as pd

Array = NDArray[np.float64]


def published_points() -> tuple[Array, Array, Array]:
    """(loss, params, tokens) of Chinchilla's runs as Besiroglu et al. 2024 read them off Hoffmann's Figure 4.

    data/chinchilla_points.csv, all 245 points; :func:`replication_points` keeps the ones the replication fitted.
    """
    from lib.data.files import load

    t = load("chinchilla_points").table
    return (t["loss"].to_numpy(dtype=float), t["params"].to_numpy(dtype=float), t["tokens"].to_numpy(dtype=float))


def replication_points() -> tuple[Array, Array, Array]:
    """The points the replication fitted: all but the 5 of highest loss (its notebook's ``nr_of_models_excluded = 5``)."""
    loss, n, d = published_points()
    keep = loss < np.sort(loss)[-5]
    return loss[keep], n[keep], d[keep]


MAX_BYTES = 5 * 1024 * 1024
_COLUMNS = {"chinchilla": ("params", "tokens", "loss"), "compute": ("compute", "loss")}


# A number written with thousands separators, unambiguously: two groups or more (400,000,000), or one
# with a decimal point after it (1,234.5). A lone 1,234 could be 1234 or a decimal comma's 1.234.
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}((,\d{3}){2,}(\.\d*)?|,\d{3}\.\d*)([eE][+-]?\d+)?$")
_AMBIGUOUS = re.compile(r"^[+-]?\d{1,3},\d{3}$")


def _separator(text: str) -> str:
    """The column separator of pasted text: tab (a spreadsheet's copy), semicolon, or comma, from its header."""
    header = next((line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), "")
    if "\t" in header:
        return "\t"
    if ";" in header and "," not in header:
        return ";"
    return ","


def read_table(text: str) -> "pd.DataFrame":
    """CSV text -> its cells as text, column names stripped and lower-cased; FitError in words.

    Takes what a spreadsheet's copy gives too: tab- or semicolon-separated cells, and numbers with
    thousands separators (400,000,000) where that is unambiguous: between tabs or semicolons, or
    quoted. With commas between columns, an unquoted 400,000,000 is three cells: the row is refused,
    with its number and what to do.
    """
    import csv
    import io

    import pandas as pd

    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise FitError("the file is over 5 MB; a scaling-law fit needs a few dozen points")
    sep = _separator(text)
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if lines:
        width = len(next(csv.reader([lines[0]], delimiter=sep)))
        for number, line in enumerate(lines[1:], start=1):
            cells = len(next(csv.reader([line], delimiter=sep)))
            if cells > width:
                hint = (" (with commas between columns, write 400000000, not 400,000,000, or quote it)"
                        if sep == "," else "")
                raise FitError(f"row {number} has {cells} cells but the header has {width}{hint}")
    try:
        table = pd.read_csv(io.StringIO(text), sep=sep, comment="#", skipinitialspace=True, dtype=str)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise FitError(f"the file is not a readable CSV ({str(err).splitlines()[0][:80]})") from None
    table.columns = [str(c).strip().lower() for c in table.columns]
    # Thousands separators dropped where a number is written with them (never inside other text).
    return table.apply(lambda col: col.map(lambda s: s.strip().replace(",", "")
                                           if isinstance(s, str) and _THOUSANDS.match(s.strip()) else s))


def _form(table: "pd.DataFrame") -> str | None:
    """The form a table's columns ask for (compute,loss or params,tokens,loss), or None."""
    return next((f for f, cols in _COLUMNS.items() if set(cols) <= set(table.columns)), None)


def read_points(text: str) -> tuple[str, Array, tuple[Array, ...]]:
    """CSV text with a header ``compute,loss`` or ``params,tokens,loss`` -> (form, loss, inputs); FitError in words."""
    import pandas as pd

    table = read_table(text)
    form = _form(table)
    if form is None:
        raise FitError(f"columns must be compute,loss or params,tokens,loss; found {','.join(table.columns)[:80] or 'none'}")
    cols = _COLUMNS[form]
    numbers = table[list(cols)].apply(pd.to_numeric, errors="coerce")
    bad = numbers.isna() & table[list(cols)].notna()
    if bad.to_numpy().any():
        row, col = np.argwhere(bad.to_numpy())[0]
        cell = str(table[cols[col]].iloc[row])[:30]
        if _AMBIGUOUS.match(cell.strip()):
            raise FitError(f"row {row + 1}, column {cols[col]}: '{cell}' could be a thousand and more or a decimal "
                           "comma; write it without the comma (1234 or 1.234)")
        raise FitError(f"row {row + 1}, column {cols[col]}: '{cell}' is not a number")
    numbers = numbers.dropna()
    arrays = [numbers[c].to_numpy(dtype=float) for c in cols]
    return form, arrays[-1], tuple(arrays[:-1])


def incomplete_rows(text: str) -> list[int]:
    """Rows (1 = the first under the header) with an empty cell in a column the fit reads: left out of the fit.

    A link cut short, as chat apps cut long ones, ends in such a row; a page says so rather than fitting
    one point fewer in silence.
    """
    try:
        table = read_table(text)
    except FitError:
        return []
    form = _form(table)
    if form is None:
        return []
    cols = list(_COLUMNS[form])
    return [int(i) + 1 for i in np.flatnonzero(table[cols].isna().any(axis=1).to_numpy())]


def with_edits(table: "pd.DataFrame", change: dict) -> "pd.DataFrame":
    """``table`` with an editable table's changes (``st.data_editor``'s edited, added and deleted rows) applied."""
    import pandas as pd

    out = table.copy()
    for row, cells in change.get("edited_rows", {}).items():
        for column, value in cells.items():
            out.loc[out.index[int(row)], column] = value
    out = out.drop(index=[out.index[int(i)] for i in change.get("deleted_rows", [])])
    added = [{c: r.get(c) for c in out.columns} for r in change.get("added_rows", [])]
    if added:
        out = pd.concat([out, pd.DataFrame(added, columns=out.columns)], ignore_index=True)
    return out.reset_index(drop=True)
