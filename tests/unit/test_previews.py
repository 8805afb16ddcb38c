"""Link previews: the card quotes the page's numbers at the link's values, and a hostile link stays text.

The middleware is driven as an ASGI app over Streamlit's own index.html, without a server
(the live server's answers are in tests/web/test_previews_live.py).
"""

import asyncio
import html
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import streamlit

from lib.chains import get
from lib.tools.links.model import link_values
from lib.tools.positions.model import find
from lib.tools.previews.model import MAX_DESCRIPTION, preview
from lib.web.server import PreviewMiddleware, page_of

INDEX = (Path(streamlit.__file__).parent / "static" / "index.html").read_bytes()
HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def test_a_chain_link_names_the_page_the_position_and_the_numbers_the_page_shows():
    card = preview("/bio_anchors", "position=cotra2022")
    assert card.title == f"Biological anchors · {find('cotra2022').name}"
    chain = get("bio-anchors")
    values, _ = link_values(chain, {"position": ["cotra2022"]})
    heads = chain.headline_values(values)
    for h in chain.headlines:
        assert f"{h.label}: {heads[h.key].brief(h)}" in card.description
    assert "Median year: 2041" in card.description and "P(TAI by 2030): 17%" in card.description


def test_a_link_value_moves_the_card_and_a_bad_one_is_clamped_as_on_the_page():
    chain = get("gpt-human")
    base = preview("/gpt_human", "")
    moved = preview("/gpt_human", "doubling=12")
    assert moved.description != base.description
    clamped = preview("/gpt_human", "doubling=1e9")  # past the slider: the page clamps it to the maximum
    at_max = preview("/gpt_human", f"doubling={chain.params['doubling'].max:g}")
    assert clamped.description == at_max.description
    assert preview("/gpt_human", "doubling=nan").description == base.description  # not a number: the default


@pytest.mark.parametrize("path", ["/", "/loss", "/gpt_human", "/bio_anchors", "/time_horizons", "/trends", "/fit",
                                  "/compare", "/sources"])
def test_every_page_has_a_card_of_readable_length(path):
    card = preview(path, "")
    assert card.title and card.description
    assert len(card.description) <= MAX_DESCRIPTION
    assert "nan" not in card.description.lower().split()


def test_a_comparison_link_quotes_both_sides():
    card = preview("/compare", "a=/bio_anchors&b=/bio_anchors%3Fhw_halving%3D1.5")
    assert card.title == "Compare · Biological anchors"
    assert "against" in card.description


def run(coro):
    """``asyncio.run`` in a thread of its own: in a full test run, Playwright's sync API keeps an event
    loop running in the main thread, where another cannot start."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _serve(path: str, query: str = "", body: bytes = INDEX, kind: bytes = b"text/html") -> tuple[int, dict, bytes]:
    async def streamlit_app(scope, receive, send):
        assert not any(k == b"accept-encoding" for k, _ in scope["headers"])  # asked for uncompressed
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": "GET", "path": path, "query_string": query.encode(), "scheme": "https",
             "headers": [(b"host", b"example.org"), (b"accept-encoding", b"gzip")]}
    run(PreviewMiddleware(streamlit_app)(scope, receive, send))
    headers = dict(sent[0]["headers"])
    return sent[0]["status"], headers, b"".join(m.get("body", b"") for m in sent[1:])


def _meta(page: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', page)
    assert found, name
    return html.unescape(found.group(1))


def test_the_page_carries_the_card_in_its_head_and_the_length_is_right():
    status, headers, body = _serve("/bio_anchors", "position=cotra2022")
    page = body.decode()
    assert status == 200 and int(headers[b"content-length"]) == len(body)
    card = preview("/bio_anchors", "position=cotra2022")
    assert f"<title>{html.escape(card.page_title)}</title>" in page and "<title>Streamlit</title>" not in page
    assert _meta(page, "og:title") == card.title
    assert _meta(page, "og:description") == card.description == _meta(page, "twitter:description")
    assert _meta(page, "og:url") == "https://example.org/bio_anchors?position=cotra2022"
    assert _meta(page, "twitter:card") == "summary"
    assert '<div id="root"></div>' in page  # the app itself is untouched


def test_a_hostile_link_is_inert_in_the_page():
    from urllib.parse import quote

    query = f"hw_halving={quote(HOSTILE)}&position={quote(HOSTILE)}&{quote(HOSTILE)}=1"
    _, _, body = _serve("/bio_anchors", query)
    page = body.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert _meta(page, "og:title") == "Biological anchors"  # no such position: the page's own title
    # Raw, unencoded markup in the query (as a crawler might send it) stays text too.
    _, _, body = _serve("/bio_anchors", HOSTILE)
    assert "<script>alert" not in body.decode() and "<img src=x" not in body.decode()


def test_files_the_api_and_other_responses_pass_through_untouched():
    assert page_of("/static/js/index.js") is None and page_of("/api/loss") is None and page_of("/_stcore/health") is None
    assert page_of("/") == "" and page_of("/loss") == "loss"
    _, _, body = _serve("/loss", body=b'{"x": 1}', kind=b"application/json")
    assert body == b'{"x": 1}'


def test_a_failing_preview_leaves_the_page_as_streamlit_made_it(monkeypatch):
    import lib.web.server as server

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(server, "preview", broken)
    _, headers, body = _serve("/loss")
    assert body == INDEX and int(headers[b"content-length"]) == len(INDEX)
