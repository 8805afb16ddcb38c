"""What is wrong with a link (or a command line), in words a page can show safely.

Text from outside (a URL, the command line) is never trusted: every :class:`Problem` keeps the
outside text apart from our words, cut short and stripped of control characters, so a page can
show it literally (:meth:`Problem.markdown`) and a terminal can print it on one line.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

# Enough of a pasted value to recognise it, too little to carry a message of its own.
QUOTE_LIMIT = 40
# A page lists this many problems of a link and sums up the rest in one line: a link with
# a thousand junk keys must not push the page below a wall of warnings.
PROBLEMS_SHOWN = 5
# -- problems with outside text ---------------------------------------------------------

ProblemKind = Literal["unknown", "repeated", "not_number", "not_finite", "out_of_range", "off_step", "not_choice",
                      "not_bool", "not_position", "not_link", "oversized", "summary"]

# How the summary line counts the problems it does not list: (one, many).
_KIND_NOUNS: dict[str, tuple[str, str]] = {
    "unknown": ("unknown key", "unknown keys"),
    "repeated": ("repeated key", "repeated keys"),
    "not_number": ("value that is not a number", "values that are not numbers"),
    "not_finite": ("value that is not finite", "values that are not finite"),
    "out_of_range": ("value out of range", "values out of range"),
    "off_step": ("value finer than its slider", "values finer than their sliders"),
    "not_choice": ("unknown choice", "unknown choices"),
    "not_bool": ("value that is not true/false", "values that are not true/false"),
    "not_position": ("unknown position", "unknown positions"),
    "not_link": ("text that is not a link", "texts that are not links"),
    "oversized": ("oversized query", "oversized queries"),
    "summary": ("summary", "summaries"),
}


# Control, format (zero-width, bidi overrides), surrogate, private and unassigned characters, and line
# separators: any of them could break a line or make a quote read differently from what it holds.
_UNQUOTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Outside text fit to quote on one line: unquotable characters shown as '�', cut at ``limit``."""
    head = "".join("\ufffd" if unicodedata.category(c) in _UNQUOTABLE else c for c in text[: limit + 1])
    return head if len(head) <= limit else head[:limit] + "…"


_MARKDOWN_PUNCTUATION = frozenset(string.punctuation)


def escape_markdown(text: str) -> str:
    """Our own words as Markdown that renders as exactly those words.

    CommonMark lets any ASCII punctuation be backslash-escaped, so no link, image, emphasis, HTML tag,
    math or directive can start. Outside text needs :func:`code_span` instead: Streamlit turns some plain
    text into links or icons after parsing (www.x.org, a@b.org, :material/...:), escaped or not.
    """
    return "".join(f"\\{c}" if c in _MARKDOWN_PUNCTUATION else c for c in text)


def code_span(text: str) -> str:
    """Outside text as a Markdown code span, which shows its content literally, whatever it holds.

    The fence is one backtick longer than any run inside; a space pads a text that starts or ends with a
    backtick (CommonMark strips one such pair). Streamlit rewrites ':material/' to ':material_' in the
    raw source, even inside code, so a word joiner (U+2060, invisible) keeps that pair apart.
    """
    if not text:
        return ""
    text = text.replace(":material/", ":\u2060material/")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    edge_space = text[0] == " " and text[-1] == " " and text.strip(" ")
    pad = " " if text[0] == "`" or text[-1] == "`" or edge_space else ""
    return f"{fence}{pad}{text}{pad}{fence}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with outside input, in a sentence of the form "<what is wrong>; <what was done>."

    ``parts`` alternate between our words (even places) and outside text (odd places), the latter already
    passed through :func:`quote`. ``str()`` is plain text with outside text in single quotes (the CLI
    prints the part before the first ';'); :meth:`markdown` is for a Streamlit page.
    """

    kind: ProblemKind
    parts: tuple[str, ...]

    def __str__(self) -> str:
        return "".join(f"'{part}'" if i % 2 else part for i, part in enumerate(self.parts))

    def markdown(self) -> str:
        return "".join(code_span(part) if i % 2 else escape_markdown(part) for i, part in enumerate(self.parts))

    @property
    def what(self) -> str:
        """Plain text of what is wrong, without what was done: cut at the first ';' in our own words."""
        out = []
        for i, part in enumerate(self.parts):
            if i % 2 == 0 and ";" in part:
                out.append(part.split(";")[0])
                break
            out.append(f"'{part}'" if i % 2 else part)
        return "".join(out)


def summarize(problems: Sequence[Problem], limit: int = PROBLEMS_SHOWN) -> tuple[Problem, ...]:
    """The first ``limit`` problems, then one line that counts the rest by kind."""
    if len(problems) <= limit:
        return tuple(problems)
    rest = Counter(p.kind for p in problems[limit:])
    counts = ", ".join(f"{n:,} {_KIND_NOUNS[kind][n != 1]}" for kind, n in rest.most_common())
    more = len(problems) - limit
    return (*problems[:limit], Problem("summary", (f"…and {more:,} more: {counts}.",)))


def oversized_problem(fields: int, chars: int, max_fields: int, max_chars: int) -> Problem:
    """What to say when the web framework dropped a whole query for its size (counted as it counts)."""
    size = (f"is {chars:,} characters long, more than the {max_chars:,}" if chars > max_chars
            else f"has {fields:,} fields, more than the {max_fields:,}")
    text = (f"This link {size} Streamlit reads, so Streamlit ignored all of it; "
            "this page read its own parameters from the address and dropped the rest.")
    return Problem("oversized", (text,))


def at(key: str, text: str) -> str:
    return f"{key}={quote(text)}"


