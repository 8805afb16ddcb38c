"""Every link the app writes opens its page with no warning: the app never warns about its own links.

A link the app writes carries each number as the receiving control holds it (within its bounds, on its
step): the fit carried to the Loss page, the trend carried to the GPT-human page, the home page's cards,
the compare page's "Open A/B", and every position's view of every chain.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from pagetest import assert_clean

from lib.chains import CHAINS
from lib.tools.links.model import link_to
from lib.tools.positions.model import POSITIONS

PAGE_FILES = {"": "pages/home.py", **{c.url_path: c.page for c in CHAINS}, "trends": "pages/trends.py",
              "fit": "pages/fit.py", "compare": "pages/compare.py", "sources": "pages/sources.py"}


def _file(page: str) -> str:
    """The page file a page link names (by its path, its url_path or its file)."""
    name = page.strip("/").removeprefix("pages/").removesuffix(".py")
    return PAGE_FILES.get(name, PAGE_FILES.get({"home": ""}.get(name, name), "pages/home.py"))


def links(at) -> list[tuple[str, str, str]]:
    """(label, page file, query) of every page link the page drew."""
    return [(el.proto.label, _file(el.proto.page), el.proto.query_string) for el in at.get("page_link")]


def opens_without_warning(open_page, page: str, query: str):
    at = open_page(page, {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()})
    assert_clean(at)
    assert not at.warning, (page, query, [w.value for w in at.warning])
    return at


def test_the_fit_opens_on_the_loss_page_without_a_warning_and_named_as_yours(open_page):
    at = open_page("pages/fit.py")
    label, page, query = next(link for link in links(at) if link[0].startswith("Open the Loss page"))
    assert page == "pages/loss.py" and "b_" in query  # the constants that differ from the replication's
    loss = opens_without_warning(open_page, page, query)
    drawn = json.dumps([json.loads(c.proto.spec) for c in loss.get("plotly_chart")])
    assert "Your fit" in drawn and ">Replication<" not in drawn


def test_the_trend_opens_on_the_gpt_human_page_without_a_warning(open_page):
    at = open_page("pages/trends.py", {"until": "2022"})
    label, page, query = next(link for link in links(at) if "GPT-human" in link[0])
    assert page == "pages/gpt_human.py" and "doubling=" in query
    opens_without_warning(open_page, page, query)


@pytest.mark.parametrize("position", [None, *POSITIONS], ids=lambda p: "no-position" if p is None else p.key)
def test_the_home_pages_cards_open_without_a_warning(open_page, position):
    at = open_page("pages/home.py", {"position": position.key} if position else None)
    cards = [link for link in links(at) if link[0] == "Open it with these values"]
    assert len(cards) == len(CHAINS)
    for _, page, query in cards:
        opens_without_warning(open_page, page, query)


def test_the_compare_pages_open_a_and_b_links_open_without_a_warning(open_page):
    at = open_page("pages/compare.py")
    opened = [link for link in links(at) if link[0].startswith(("Open A", "Open B"))]
    assert len(opened) == 2
    for _, page, query in opened:
        opens_without_warning(open_page, page, query)


@pytest.mark.parametrize("chain", CHAINS, ids=lambda c: c.key)
def test_every_positions_view_of_every_chain_opens_without_a_warning(open_page, chain):
    for position in POSITIONS:
        url = urlsplit(link_to(chain, position.chain_values(chain.key)))
        opens_without_warning(open_page, chain.page, url.query)


def test_a_fitted_value_finer_than_the_slider_is_written_on_its_step():
    """The mechanism under all of these: a link holds what the control can hold (1.86007 on a 0.01 step: 1.86)."""
    loss = next(c for c in CHAINS if c.key == "loss")
    step = loss.params["b_e"].step
    query = loss.params.non_defaults({"b_e": 1.86007, "b_alpha": 0.34731})
    assert query["b_e"] == loss.params["b_e"].format_value(loss.params["b_e"].snap(1.86007))
    assert loss.params.check_query(query).problems == ()
    assert abs(float(query["b_e"]) - 1.86007) <= step / 2
