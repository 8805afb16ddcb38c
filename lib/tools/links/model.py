"""A shared link as text: which chain it opens and the values it holds, and the link for a view.

A person pastes whatever their browser's address bar held: a full URL on any host
(``https://host/app/bio_anchors?hw_halving=1.5``), a path with a query (``/bio_anchors?...``),
perhaps with spaces around it. :func:`read_link` finds the chain from the path's last segment
(a page's url_path) and reads the query exactly as that chain's page reads it: a position first,
then the link's own values, each checked by the registry (clamped, defaulted or dropped, with
a :class:`~lib.core.problems.Problem` for each). :func:`link_to` writes the canonical path back.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from lib.chains import CHAINS
from lib.core.chain import Chain
from lib.core.problems import Problem, at, quote
from lib.core.registry import Value
from lib.tools.positions.model import POSITION_KEY, POSITIONS, Position, find

# Longer than any link the app writes by orders of magnitude; past it a paste is not a link.
MAX_LINK_CHARS = 20_000


class LinkError(ValueError):
    """A text that is not a link to one chain's view: ``problem`` says what is wrong, quoting the text safely."""

    def __init__(self, *parts: str) -> None:
        self.problem = Problem("not_link", parts)
        super().__init__(str(self.problem))


@dataclass(frozen=True)
class Link:
    """One chain's view as a link gives it: every value (defaults filled in) and what was wrong."""

    chain: Chain
    values: dict[str, Value]
    problems: tuple[Problem, ...] = ()

    @property
    def path(self) -> str:
        """The canonical link: the chain's path with only the non-default values."""
        return link_to(self.chain, self.values)


def link_to(chain: Chain, values: Mapping[str, Value]) -> str:
    """``/bio_anchors?hw_halving=1.5``: the page's path and its non-default values, as the address bar has them."""
    query = urlencode(chain.params.non_defaults(values), safe=".,", doseq=True)
    return f"/{chain.url_path}" + (f"?{query}" if query else "")


def position_in(raw: Mapping[str, str | list[str]]) -> tuple[Position | None, tuple[Problem, ...]]:
    """The position a query names under ``position`` (the last one given), or a problem saying it is none."""
    if POSITION_KEY not in raw:
        return None, ()
    texts = raw[POSITION_KEY]
    name = (texts[-1] if texts else "") if isinstance(texts, list) else texts
    position = find(name)
    if position is not None:
        return position, ()
    choices = ", ".join(p.key for p in POSITIONS)
    return None, (Problem("not_position", ("", at(POSITION_KEY, name), f" is not a position ({choices}); it was ignored.")),)


def link_values(chain: Chain, raw: Mapping[str, str | list[str]]) -> tuple[dict[str, Value], tuple[Problem, ...]]:
    """A query's values for ``chain``: a ``position`` (applied first), then the query's own values over it.

    The rules of a chain's page and of ``python -m lib <chain>``: a key the query gives itself wins
    over the position; bad values are clamped or defaulted, each with a problem.
    """
    request = {k: v for k, v in raw.items() if k not in (POSITION_KEY, *_instructions(chain))}
    position, problems = position_in(raw)
    base = position.overrides(chain.key) if position is not None else {}
    base, more = _with_origin(chain, raw, base)
    problems = (*problems, *more)
    check = chain.params.check_query(request)
    given = chain.params.current_keys(request)
    values = {**check.values, **{k: v for k, v in base.items() if k not in given}}
    return values, (*problems, *check.problems)


def _instructions(chain: Chain) -> tuple[str, ...]:
    """Keys of a chain's links that are instructions (they set values, then leave the address), besides position."""
    from lib.chains.gpt_human.origin import ORIGIN_KEY

    return (ORIGIN_KEY,) if chain.key == "gpt-human" else ()


def _with_origin(chain: Chain, raw: Mapping[str, str | list[str]], base: Mapping[str, Value]
                 ) -> tuple[dict[str, Value], tuple[Problem, ...]]:
    """``base`` with the values an ``origin=`` of the GPT-human chain sets (lib/chains/gpt_human/origin.py)."""
    if not _instructions(chain):
        return dict(base), ()
    from lib.chains.gpt_human.origin import origin_in, origin_values

    origin, problems = origin_in(raw)
    if origin is None:
        return dict(base), problems
    return {**base, **origin_values(origin, chain.params.defaults())}, problems


def read_link(text: str) -> Link:
    """The chain view a pasted link opens; :class:`LinkError` if the text is not a link to a chain's page."""
    text = text.strip()
    if not text:
        raise LinkError("is empty: paste the address of a chain's page.")
    if len(text) > MAX_LINK_CHARS:
        raise LinkError(f"is {len(text):,} characters long, more than the {MAX_LINK_CHARS:,} a link here can be.")
    try:
        parts = urlsplit(text if "://" in text or text.startswith("/") else f"/{text}")
    except ValueError:  # e.g. an unbalanced '[' in what would be the host
        raise LinkError("holds ", quote(text), ", which is not a web address.") from None
    segments = [s for s in parts.path.split("/") if s]
    page = segments[-1] if segments else ""
    chain = next((c for c in CHAINS if page in (c.url_path, c.key)), None)
    if chain is None:
        pages = ", ".join(f"/{c.url_path}" for c in CHAINS)
        if not page:
            raise LinkError(f"opens the home page, not a chain's page ({pages}).")
        raise LinkError("opens the page ", f"/{quote(page)}", f", not a chain's page ({pages}).")
    raw = parse_qs(parts.query, keep_blank_values=True)
    values, problems = link_values(chain, raw)
    return Link(chain, values, problems)
