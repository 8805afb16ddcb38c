"""The compute-trends page: the fit at defaults, its filters, windows without a fit, bad links."""

import base64
import json

import pytest
from pagetest import assert_clean, text_of

from lib.data.files import load
from lib.data.trends import model as trends

PAGE = "pages/trends.py"


def _points(at) -> int:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    x = next(t for t in spec["data"] if t.get("name") == "Notable models")["x"]
    # numpy arrays travel binary-encoded: {"dtype": "f8", "bdata": base64}
    return len(base64.b64decode(x["bdata"])) // 8 if isinstance(x, dict) else len(x)


def test_defaults_fit_the_models_and_link_to_the_gpt_human_page(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert not at.warning
    expected = trends.run(load("epoch_compute").table, trends.PARAMS.defaults())
    assert at.metric[0].value == f"{expected.doubling_months:.1f} months"
    assert _points(at) == expected.n
    names = [t.get("name", "") for t in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]]
    assert any(n.startswith("Sevilla et al. 2022: 6 months") for n in names)
    assert any(n.startswith("Amodei & Hernandez 2018") for n in names)
    link = at.get("page_link")[0].proto
    assert link.page == "gpt_human"
    assert link.query_string == f"doubling={round(expected.doubling_months, 2):g}"
    assert "Epoch AI" in text_of(at, "caption")


@pytest.mark.parametrize("query", [{"domain": "language"}, {"frontier": "flagged"}, {"frontier": "top10"},
                                   {"since": "2010", "until": "2022"}])
def test_each_filter_refits_on_fewer_models(open_page, query):
    default = open_page(PAGE)
    at = open_page(PAGE, query)
    assert_clean(at)
    assert not at.warning
    assert _points(at) < _points(default)
    assert at.metric[0].value != default.metric[0].value


@pytest.mark.parametrize("query, words", [({"since": "2020", "until": "2010"}, "after it ends"),
                                          ({"since": "1975", "until": "1976", "domain": "language"}, "at least 4")])
def test_a_window_without_a_fit_says_why_and_still_draws(open_page, query, words):
    at = open_page(PAGE, query)
    assert_clean(at)
    assert any(words in w.value for w in at.warning)
    assert at.get("plotly_chart")


def test_bad_link_values_are_named_and_defaults_used(open_page):
    at = open_page(PAGE, {"since": "abc", "frontier": "<b>x</b>", "until": "1e999"})
    assert_clean(at)
    problems = " ".join(w.value for w in at.warning)
    assert "since" in problems and "frontier" in problems and "until" in problems
    assert at.metric[0].value.endswith("months")


def test_an_old_link_with_frontier_true_opens_the_flagged_models(open_page):
    old, new = open_page(PAGE, {"frontier": "true"}), open_page(PAGE, {"frontier": "flagged"})
    assert_clean(old)
    assert not old.warning
    assert old.radio(key="frontier").value == "flagged"
    assert old.query_params.get("frontier") in ("flagged", ["flagged"])
    assert _points(old) == _points(new) and old.metric[0].value == new.metric[0].value
