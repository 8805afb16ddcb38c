"""What a shared link says before anyone opens it: the title and summary a chat shows in its preview card.

Chat apps and forums read a link's ``<title>`` and Open Graph tags without running JavaScript, so
the server writes them into the page's HTML (lib/web/server.py). :func:`preview` reads the link as
its page does (a position first, then the link's values, bad values clamped: lib/tools/links) and
runs the same chain, so the card quotes the numbers the page will show. :func:`meta_tags` escapes
everything it writes: a link's text is data, never markup.

Pure: no Streamlit, no I/O beyond the shipped data the chains read.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

from lib.chains import CHAINS
from lib.core.chain import Chain
from lib.core.registry import Value
from lib.tools.links.model import MAX_LINK_CHARS, link_values, position_in

SITE = "AI forecasting arguments"
MAX_DESCRIPTION = 300  # characters: about what a chat's card shows before it cuts the text

# The other pages: what each is, as its card says it (they have no headline numbers of their own).
_PAGES = {
    "trends": ("Compute trends", "How fast the training compute of notable AI models has grown, from Epoch AI's "
                                 "data: pick the models and years, read the doubling time."),
    "fit": ("Fit your own", "Fit a scaling law to your own loss and compute points, with intervals."),
    "compare": ("Compare", "Two views of one chain side by side, and which setting accounts for how much of "
                           "each difference."),
    "sources": ("Sources", "Every formula, default and dataset behind the dashboard, with where it comes from."),
}


@dataclass(frozen=True)
class Preview:
    """A link's card: ``title`` (the page, and the position if one is set) and ``description`` (its numbers)."""

    title: str
    description: str

    @property
    def page_title(self) -> str:
        """The browser tab's title before the app sets its own."""
        return self.title if self.title == SITE else f"{self.title} · {SITE}"


def headline_sentence(chain: Chain, values: Mapping[str, Value], keys: tuple[str, ...] | None = None) -> str:
    """'Median year: 2041, P(TAI by 2030): 17%, ...': the chain's summary headlines (or ``keys``) at ``values``,
    as the page shows them."""
    heads = chain.headline_values(dict(values))
    keys = keys if keys is not None else tuple(h.key for h in chain.summary_headlines(dict(values)))
    return ", ".join(f"{h.label}: {heads[h.key].brief(h)}" for h in chain.headlines if h.key in keys)


def preview(path: str, query: str) -> Preview:
    """The card for the page at ``path`` (``/bio_anchors``) with the link's ``query`` (without '?')."""
    if len(query) > MAX_LINK_CHARS:
        query = ""  # the page ignores such a query too (lib/ui/address.py)
    return _preview(urlsplit(path).path.strip("/").rsplit("/", 1)[-1], query)


@lru_cache(maxsize=512)  # a link pasted into a busy channel is fetched by every member's client
def _preview(page: str, query: str) -> Preview:
    raw = parse_qs(query, keep_blank_values=True)
    chain = next((c for c in CHAINS if c.url_path == page), None)
    if chain is not None:
        values, _ = link_values(chain, raw)
        position, _ = position_in(raw)
        title = chain.title + (f" · {position.name}" if position is not None and position.sets(chain.key) else "")
        return Preview(title, _cut(f"{headline_sentence(chain, values, tuple(h.key for h in chain.headlines))}."))
    if page in _PAGES:
        title, text = _PAGES[page]
        if page == "compare":
            return _compare(raw) or Preview(title, text)
        return Preview(title, text)
    position, _ = position_in(raw)
    if page or position is None:  # home, or a page that does not exist (the app shows home)
        return Preview(SITE, _cut(_home()))
    parts = []
    for c in CHAINS:
        if position.sets(c.key):
            values, _ = link_values(c, {"position": [position.key]})
            parts.append(f"{c.title}: {headline_sentence(c, values)}")
    return Preview(f"{SITE} · {position.name}", _cut("; ".join(parts) + "."))


def _home() -> str:
    parts = [f"{c.title}: {headline_sentence(c, c.params.defaults())}" for c in CHAINS]
    return "At the defaults. " + "; ".join(parts) + "."


def _compare(raw: Mapping[str, list[str]]) -> Preview | None:
    from lib.tools.links.model import LinkError, read_link

    try:
        a, b = (read_link(raw[k][-1]) for k in ("a", "b"))
    except (KeyError, IndexError, LinkError):
        return None
    if a.chain.key != b.chain.key:
        return None
    chain = a.chain
    heads_a, heads_b = chain.headline_values(a.values), chain.headline_values(b.values)
    parts = [f"{h.label}: {heads_a[h.key].brief(h)} against {heads_b[h.key].brief(h)}"
             for h in chain.summary_headlines(a.values)]
    return Preview(f"Compare · {chain.title}", _cut("A against B: " + ", ".join(parts) + "."))


def _cut(text: str) -> str:
    return text if len(text) <= MAX_DESCRIPTION else text[:MAX_DESCRIPTION - 1].rsplit(" ", 1)[0] + "…"


def meta_tags(card: Preview, url: str) -> str:
    """The ``<title>`` and the Open Graph and Twitter tags of a page, every value escaped for HTML."""
    def attr(text: str) -> str:
        return html.escape(text, quote=True)

    return "\n".join([
        f"<title>{html.escape(card.page_title)}</title>",
        f'<meta name="description" content="{attr(card.description)}">',
        f'<meta property="og:site_name" content="{attr(SITE)}">',
        '<meta property="og:type" content="website">',
        f'<meta property="og:title" content="{attr(card.title)}">',
        f'<meta property="og:description" content="{attr(card.description)}">',
        f'<meta property="og:url" content="{attr(url)}">',
        '<meta name="twitter:card" content="summary">',
        f'<meta name="twitter:title" content="{attr(card.title)}">',
        f'<meta name="twitter:description" content="{attr(card.description)}">',
    ])


def noscript_text(card: Preview) -> str:
    """The card's words in the page body, for a reader that runs no JavaScript (escaped)."""
    return f"<h1>{html.escape(card.title)}</h1><p>{html.escape(card.description)}</p>"
