"""What the two refreshers share: the fetch, the checks on raw text and values, the atomic write.

Everything here but :func:`fetch` is pure or touches only the one file it is given. A check that
fails raises :class:`RefreshError` with one line saying why; the caller prints it and leaves the
shipped file as it was.
"""

from __future__ import annotations

import gzip
import math
import os
import re
import stat
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.client import HTTPException
from pathlib import Path

from lib.data.files import read_dataset

USER_AGENT = "ai-forecasting-dashboard data refresh (python -m lib data refresh)"
DEFAULT_TIMEOUT = 30.0
# Epoch's export is about 2 MB and METR's YAML about 20 kB; a body past this is not the file we want.
MAX_BYTES = 64 * 1024 * 1024
# A new file must keep at least this share of the current file's rows. Both sources only add rows
# as a rule; a download cut between two rows still parses, and this is what catches it.
MIN_SHARE = 0.8
# Release dates are calendar dates in the publisher's time zone; a day of slack keeps a model
# released "today" east of the machine from failing the "not after the fetch date" check.
DATE_SLACK = timedelta(days=1)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class RefreshError(Exception):
    """A dataset cannot be refreshed; the message is one line for the person running the command."""


@dataclass(frozen=True)
class Converted:
    """A validated dataset in the shipped file's form, ready to write."""

    text: str  # the whole file: header lines, column names, rows
    rows: int
    newest: str  # the latest date in the rows, ISO
    keys: tuple[str, ...]  # one identifying value per row, to report what was added or dropped
    notes: tuple[str, ...] = field(default=())  # facts worth a mention in the summary line


def fetch(url: str, timeout: float) -> bytes:
    """The body at ``url``, or :class:`RefreshError` naming the HTTP status, timeout or network failure.

    The only function here that touches the network. A body shorter than its Content-Length is a
    cut download: http.client returns what arrived without a word, so the lengths are compared here.
    """
    if not url.lower().startswith(("http://", "https://")):
        raise RefreshError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            expected = response.headers.get("Content-Length")
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
            chunks, size = [], 0
            while size <= MAX_BYTES and (chunk := response.read(1 << 20)):
                chunks.append(chunk)
                size += len(chunk)
            body = b"".join(chunks)
    except urllib.error.HTTPError as err:
        raise RefreshError(f"HTTP {err.code} {err.reason} from {url}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError):
            raise RefreshError(f"no answer from {url} within {timeout:g} s") from None
        raise RefreshError(f"cannot reach {url} ({reason})") from None
    except TimeoutError:
        raise RefreshError(f"no answer from {url} within {timeout:g} s") from None
    except (HTTPException, OSError) as err:
        raise RefreshError(f"download from {url} failed ({type(err).__name__}: {err})") from None
    if len(body) > MAX_BYTES:
        raise RefreshError(f"{url} sent more than {MAX_BYTES // 2**20} MB, far more than the file should be")
    if expected is not None and expected.isdigit() and int(expected) != len(body):
        raise RefreshError(f"download cut short: {len(body)} of {expected} bytes from {url}")
    if encoding == "gzip":  # urllib does not ask for compression, but a CDN may send it all the same
        try:
            return gzip.decompress(body)
        except (OSError, EOFError) as err:
            raise RefreshError(f"the gzip body from {url} does not unpack ({err})") from None
    return body


def text_of(body: bytes, kind: str) -> str:
    """The body as text, refusing what is plainly not a ``kind`` file: empty, binary, an HTML page."""
    if not body.strip():
        raise RefreshError(f"the download is empty, not {kind}")
    if b"\0" in body[:65536]:
        raise RefreshError(f"the download is binary data, not {kind}")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise RefreshError(f"the download is not UTF-8 text (byte {err.start}), not {kind}") from None
    # Error pages, login walls and moved-site notices arrive as HTML with status 200.
    head = text.lstrip()[:1024].lower()
    if head.startswith(("<!doctype", "<html", "<?xml", "<head", "<body")) or "<html" in head:
        raise RefreshError(f"the download is an HTML page, not {kind}")
    return text


def positive(value: object, what: str) -> float:
    """``value`` as a finite number > 0 (bools are refused: YAML reads ``yes`` as True)."""
    if isinstance(value, bool):
        raise RefreshError(f"{what} is {value!r}, not a number")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise RefreshError(f"{what} is {str(value)[:40]!r}, not a number") from None
    if not math.isfinite(number) or number <= 0:
        raise RefreshError(f"{what} is {number:g}, not a finite number above 0")
    return number


def ordered(low: float, mid: float, high: float, what: str) -> None:
    if not low <= mid <= high:
        raise RefreshError(f"{what}: interval {low:g} to {high:g} does not contain the estimate {mid:g}")


def calendar_date(value: object, what: str, today: date) -> date:
    """An ISO date (YYYY-MM-DD, or a date YAML already read) that is not after ``today``."""
    if isinstance(value, date):
        day = value
    elif isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise RefreshError(f"{what} {value!r} is not a calendar date") from None
    else:
        raise RefreshError(f"{what} is {str(value)[:40]!r}, not a YYYY-MM-DD date")
    if day > today + DATE_SLACK:
        raise RefreshError(f"{what} {day.isoformat()} is after the fetch date {today.isoformat()}")
    return day


def enough_rows(new: int, current: int, unit: str) -> None:
    """The truncation guard: refuse a file with far fewer rows than the one it would replace."""
    floor = math.ceil(MIN_SHARE * current)
    if new < max(floor, 1):
        raise RefreshError(f"only {new} {unit} where the current file has {current} (at least {floor} expected): "
                           "cut short or not the full file")


def header(description: str, meta: dict[str, str], notes: list[str]) -> str:
    """``# ...`` provenance lines in the order :func:`lib.data.files.read_header` reads them."""
    lines = [description, *(f"{k}: {v}" for k, v in meta.items()), *notes]
    for line in lines:
        # A line break inside a value would end the header early and shift the columns.
        if "\n" in line or "\r" in line:
            raise RefreshError(f"header line has a line break: {line[:60]!r}")
    return "".join(f"# {line}\n" for line in lines)


def write_atomically(path: Path, converted: Converted, columns: list[str]) -> None:
    """Write beside ``path``, read it back as the app would, then swap it in with one rename.

    The temporary file is in the same folder so :func:`os.replace` is a rename on one file system:
    a reader sees the old file or the new one, never half of either.
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(converted.text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            written = read_dataset(tmp)
        except Exception as err:  # noqa: BLE001 (whatever pandas says, the file is not fit to ship)
            raise RefreshError(f"the file written does not read back ({err})") from None
        if list(written.table.columns) != columns or len(written.table) != converted.rows:
            raise RefreshError(f"the file written does not read back as {converted.rows} rows of the shipped columns")
        if path.exists():
            # mkstemp makes the file private (0600); keep the mode the shipped file had.
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
