"""What the server adds to Streamlit's: link previews, the JSON API, and a warm start.

app.py hands these to ``st.App`` (Streamlit 1.67 serves an app with extra routes, middleware and
a lifespan; ``streamlit run app.py`` finds the App and runs it with uvicorn):

- :class:`PreviewMiddleware`: every page's HTML carries the link's title, Open Graph and Twitter
  tags and a text summary (lib/tools/previews), so a chat's preview card says what the view says.
  Browsers get the same page and run the app as before.
- :func:`api_routes`: ``GET /api/<chain>?<a page link's query>`` and ``GET /api/compare?a=&b=``,
  answering exactly what ``python -m lib`` prints (lib/tools/api); bad input is HTTP 400 with the
  command line's one-line message.
- :func:`warm_start`: imports, data files and a first run of every chain before the first
  visitor arrives, so the first one after a deploy does not wait for them.

Starlette only (it comes with Streamlit); no Streamlit import, so this layer is tested without a
running app (tests/unit/test_web.py).
"""

from __future__ import annotations

import html
import importlib
import json
import logging
import pkgutil
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

import lib
from lib.chains import CHAINS
from lib.core.problems import quote
from lib.tools.api import model as api
from lib.tools.links.model import MAX_LINK_CHARS
from lib.tools.previews.model import meta_tags, noscript_text, preview

LOG = logging.getLogger(__name__)
PAGES = frozenset({"", *(c.url_path for c in CHAINS), "trends", "fit", "compare", "sources"})
_CHAINS = {c.url_path: c for c in CHAINS} | {c.key: c for c in CHAINS}
_STREAMLIT_TITLE = b"<title>Streamlit</title>"
_NOSCRIPT = b"<noscript>"

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


# -- the JSON API ------------------------------------------------------------------------------------

def _json(body: Any, status: int = 200) -> Response:
    # Indented as the command line prints it, so `curl` output and `python -m lib` output are the same text.
    return Response(json.dumps(body, indent=2) + "\n", status_code=status, media_type="application/json",
                    headers={"Access-Control-Allow-Origin": "*", "Cache-Control": "no-store"})


def _error(message: str, status: int = 400) -> Response:
    return _json({"error": message}, status)


async def chain_endpoint(request: Request) -> Response:
    """``/api/<chain>``: the chain's page path (``bio_anchors``) or its command-line key (``bio-anchors``)."""
    name = request.path_params["chain"]
    chain = _CHAINS.get(name)
    if chain is None:
        names = ", ".join(f"/api/{c.url_path}" for c in CHAINS)
        return _error(f"unknown chain '{quote(name)}' (choose from {names}, or /api/compare)", 404)
    try:
        args = api.query_args(request.url.query)
        return _json(await run_in_threadpool(api.chain_answer, chain, args))
    except api.UsageError as err:
        return _error(str(err))


async def compare_endpoint(request: Request) -> Response:
    """``/api/compare?a=<link>&b=<link>``: both links' headlines, differences and each parameter's share."""
    try:
        if len(request.url.query) > 2 * MAX_LINK_CHARS:
            raise api.UsageError(f"the query is {len(request.url.query):,} characters long, more than two links "
                                 f"of {MAX_LINK_CHARS:,} can be")
        query: dict[str, list[str]] = {}
        for key, value in request.query_params.multi_items():
            query.setdefault(key, []).append(value)
        a, b = api.compare_query(query)
        out, _ = await run_in_threadpool(api.compare_answer, a, b)
        return _json(out)
    except api.UsageError as err:
        return _error(str(err))


def api_routes() -> list[Route]:
    return [Route("/api/compare", compare_endpoint, methods=["GET"]),
            Route("/api/{chain}", chain_endpoint, methods=["GET"])]


# -- previews -----------------------------------------------------------------------------------------

def page_of(path: str) -> str | None:
    """The page a request's path opens (``""`` for home), or None for anything else (files, the API)."""
    name = path.strip("/")
    return name if name in PAGES else None


def preview_html(page_html: bytes, path: str, query: str, url: str) -> bytes:
    """Streamlit's page with the link's title and tags in its head and its summary for readers without JavaScript."""
    card = preview(path, query)
    head = meta_tags(card, url).encode()
    chain = _CHAINS.get(path.strip("/"))
    text = noscript_text(card)
    if chain is not None:
        href = html.escape(f"/api/{chain.url_path}" + (f"?{query}" if query else ""), quote=True)
        text += f'<p>This view\'s numbers as JSON: <a href="{href}">{href}</a></p>'
    if _STREAMLIT_TITLE in page_html:
        page_html = page_html.replace(_STREAMLIT_TITLE, head, 1)
    else:
        page_html = page_html.replace(b"</head>", head + b"\n</head>", 1)
    return page_html.replace(_NOSCRIPT, _NOSCRIPT + text.encode(), 1)


class PreviewMiddleware:
    """Writes a link's preview into the HTML of every page Streamlit serves (GET, status 200, text/html).

    The page is asked for uncompressed (it is a few kilobytes), changed, and sent with its new
    length. Should the preview fail, the page goes out unchanged: a card is never worth a broken app.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET" or page_of(scope.get("path", "")) is None:
            await self.app(scope, receive, send)
            return
        plain = {**scope, "headers": [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"]}
        start: Message = {}
        body = bytearray()

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))

        await self.app(plain, receive, keep)
        headers = [(k, v) for k, v in start.get("headers", [])]
        kind = next((v for k, v in headers if k.lower() == b"content-type"), b"")
        page = bytes(body)
        if start.get("status") == 200 and kind.startswith(b"text/html"):
            try:
                page = await run_in_threadpool(preview_html, page, scope["path"], _query(scope), _url(scope))
            except Exception:  # noqa: BLE001 - any failure: the page as Streamlit made it
                LOG.exception("link preview failed for %s", scope.get("path"))
            headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(page)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": page})


def _query(scope: Scope) -> str:
    return scope.get("query_string", b"").decode("latin-1")


def _url(scope: Scope) -> str:
    host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
    query = _query(scope)
    return f"{scope.get('scheme', 'http')}://{host}{scope.get('path', '/')}" + (f"?{query}" if query else "")


# -- warm start ---------------------------------------------------------------------------------------

def warm() -> float:
    """Everything a first visitor would otherwise wait for: imports, data files, every chain's first run
    and charts, the previews of the bare pages. Returns the seconds it took."""
    started = time.perf_counter()
    # Every module the pages import (and through them pandas, scipy, Plotly and Streamlit's elements),
    # but the command line's: the pages are scripts, run anew for each visitor, so their imports are the wait.
    for module in pkgutil.walk_packages(lib.__path__, "lib."):
        if module.name not in ("lib.__main__", __name__):
            importlib.import_module(module.name)
    from lib.data import files
    from lib.tools.positions.model import POSITIONS

    for name in files.NAMES:
        files.load(name)
    for chain in CHAINS:
        values = chain.params.defaults()
        chain.run(values)
        chain.headline_values(values)
        for position in POSITIONS:
            if position.sets(chain.key):
                chain.headline_values(position.chain_values(chain.key))
    for page in PAGES:
        preview(f"/{page}", "")
    return time.perf_counter() - started


@asynccontextmanager
async def warm_start(_app: object) -> AsyncIterator[None]:
    """The server's lifespan: warm up (:func:`warm`) before taking the first request.

    A failure is logged and the server starts cold: a page that cannot import shows its error to
    its visitors, as without a warm start, and the other pages still work.
    """
    try:
        seconds = await run_in_threadpool(warm)
        LOG.info("warm start took %.1f s", seconds)
    except Exception:  # noqa: BLE001 - never keep the whole app down for a warm-up
        LOG.exception("warm start failed; serving without it")
    yield
