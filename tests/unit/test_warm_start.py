"""The server's warm start does before the first visitor what the first visitor would otherwise wait for."""

import pkgutil
import sys

import lib
from lib.tools.previews.model import _preview
from lib.web.server import PAGES, warm


def test_warm_start_imports_every_page_module_and_fills_the_previews():
    _preview.cache_clear()
    assert warm() > 0
    modules = [m.name for m in pkgutil.walk_packages(lib.__path__, "lib.") if m.name != "lib.__main__"]
    assert [m for m in modules if m not in sys.modules] == []
    assert "plotly.graph_objects" in sys.modules and "scipy.stats" in sys.modules
    assert _preview.cache_info().currsize == len(PAGES)


def test_a_failing_warm_start_still_serves(monkeypatch, caplog):
    from test_previews import run

    import lib.web.server as server

    def broken():
        raise ImportError("a page module that does not import")

    monkeypatch.setattr(server, "warm", broken)

    async def start():
        async with server.warm_start(None):
            return "serving"

    assert run(start()) == "serving"
    assert "warm start failed" in caplog.text
