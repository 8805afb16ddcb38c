"""The live server as a crawler and a script see it: previews in the HTML, and /api/... equal to the CLI.

One server for the module (``streamlit run app.py``, the path ``make run``, Community Cloud and the
Docker image take). A crawler runs no JavaScript: it reads the HTML the server sends.
"""

import contextlib
import html
import io
import json
import re
import urllib.error
import urllib.request
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.__main__ import main
from lib.chains import CHAINS
from lib.tools.api.model import query_args
from lib.tools.previews.model import preview
from tests.fuzz.links import query_strings

CRAWLER = {"User-Agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"}
# What a browser does to a typed or pasted query before sending it: the fragment is cut, and bytes
# that may not stand in a request line are percent-encoded ('%' itself is left as it is).
BROWSER_SAFE = "!$&'()*+,-./:;=?@_~%"


def fetch(url: str, headers: dict | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode()


def cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def meta(page: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', page)
    assert found, f"no {name} in the page"
    return html.unescape(found.group(1))


@pytest.mark.parametrize("path, query, says", [
    ("/bio_anchors", "position=cotra2022", ["Cotra 2022", "Median year: 2041", "P(TAI by 2030): 17%"]),
    ("/time_horizons", "position=ai2027", ["AI 2027", "Target reached: Jan 2027"]),
    ("/gpt_human", "doubling=12", ["GPT-human cost timeline", "Largest run reaches that compute"]),
    ("/loss", "compute=1e25", ["Loss extrapolation", "loss at the budget"]),
    ("/", "position=cotra2022", ["Cotra 2022", "Biological anchors: Median year: 2041"]),
])
def test_a_crawler_reads_the_views_numbers_in_the_meta_tags(server, path, query, says):
    status, kind, page = fetch(f"{server}{path}?{query}", CRAWLER)
    assert status == 200 and kind.startswith("text/html")
    card = preview(path, query)
    assert meta(page, "og:title") == card.title and meta(page, "og:description") == card.description
    assert meta(page, "og:url").endswith(f"{path}?{query}")
    assert meta(page, "twitter:card") == "summary"
    assert re.search(r"<title>([^<]*)</title>", page).group(1) == html.escape(card.page_title, quote=False)
    text = f"{card.title} {card.description}"
    for words in says:
        assert words in text


def test_a_hostile_link_is_inert_for_a_crawler(server):
    hostile = '"><script>alert(1)</script>'
    status, _, page = fetch(f"{server}/bio_anchors?position={quote(hostile)}&{quote(hostile)}=1", CRAWLER)
    assert status == 200
    assert "<script>alert(1)" not in page
    assert meta(page, "og:title") == "Biological anchors"


def test_the_api_prints_what_the_cli_prints_for_the_same_link(server):
    status, kind, body = fetch(f"{server}/api/bio_anchors?position=cotra2022&hw_halving=1.5")
    code, out, _ = cli(["bio-anchors", "position=cotra2022", "hw_halving=1.5"])
    assert status == 200 and kind == "application/json" and code == 0
    assert body == out  # the same text, byte for byte
    assert json.loads(body)["headlines"]["median_year"] == json.loads(out)["headlines"]["median_year"]


def test_draws_and_sensitivity_come_through_the_same_keys(server):
    query = "samples=500&seed=7&sensitivity"
    status, _, body = fetch(f"{server}/api/gpt_human?{query}")
    code, out, _ = cli(["gpt-human", *query_args(query)])
    assert status == 200 and code == 0
    answer = json.loads(body)
    assert answer == json.loads(out)
    assert "uncertainty" in answer and "sensitivity" in answer


def test_compare_equals_the_cli(server):
    a, b = "/bio_anchors", "/bio_anchors?hw_halving=1.5"
    status, _, body = fetch(f"{server}/api/compare?{urlencode({'a': a, 'b': b})}")
    code, out, _ = cli(["compare", a, b])
    assert status == 200 and code == 0 and json.loads(body) == json.loads(out)


@pytest.mark.parametrize("path, says", [
    ("/api/bio_anchors?hw_halving=abc", "is not a number"),
    ("/api/bio_anchors?sensitivity=maybe", "sensitivity is a switch"),
    ("/api/nowhere", "unknown chain"),
    ("/api/compare?a=/loss", "one link a and one link b"),
    ("/api/compare?a=/loss&b=/gpt_human", "same chain"),
    ("/api/loss?samples=999999999", "samples"),
    ("/api/loss?" + "&".join(f"k{i}=1" for i in range(1200)), "more than the 1,000"),
])
def test_bad_input_is_a_400_with_one_line_in_words(server, path, says):
    status, kind, body = fetch(server + path)
    assert status in (400, 404) and kind == "application/json"
    answer = json.loads(body)
    assert list(answer) == ["error"] and says in answer["error"] and "\n" not in answer["error"]


def browser_encoded(query: str) -> str:
    return quote(query.split("#", 1)[0], safe=BROWSER_SAFE)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_any_link_gets_from_the_api_what_the_cli_prints(server, data):
    chain = data.draw(st.sampled_from(CHAINS))
    query = browser_encoded(data.draw(query_strings(chain.url_path)))
    status, _, body = fetch(f"{server}/api/{chain.url_path}?{query}")
    try:
        args = query_args(query)
    except Exception as err:  # refused before the CLI: the API says the same words
        assert status == 400 and str(err) in json.loads(body)["error"]
        return
    code, out, err = cli([chain.key, *args])
    if code == 0:
        assert status == 200 and json.loads(body) == json.loads(out)
    else:
        assert status == 400 and f"error: {json.loads(body)['error']}" == err.strip()
