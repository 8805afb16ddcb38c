"""Reading a pasted link (lib.tools.links.model) and ``python -m lib compare``: the same rules as the chain's own page."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.__main__ import main
from lib.chains import CHAINS, get
from lib.tools.links.model import MAX_LINK_CHARS, LinkError, link_to, read_link
from lib.tools.positions.model import find


@pytest.mark.parametrize("text", [
    "/bio_anchors?hw_halving=1.5",
    "bio_anchors?hw_halving=1.5",
    "  https://dash.example.org/app/bio_anchors?hw_halving=1.5#top \n",
    "http://localhost:8501/bio_anchors/?hw_halving=1.5",
    "/bio-anchors?hw_halving=1.5",
])
def test_a_link_in_any_form_a_person_pastes_opens_its_chain(text):
    link = read_link(text)
    assert link.chain.key == "bio-anchors"
    assert link.values["hw_halving"] == 1.5 and link.problems == ()
    assert link.path == "/bio_anchors?hw_halving=1.5"


def test_values_are_checked_as_on_the_chains_page():
    link = read_link("/gpt_human?doubling=-5&zz=1&budget=1e10&budget=1e11")
    assert link.values["doubling"] == 0.5  # clamped
    assert link.values["budget"] == 1e11  # the last of a repeated key
    kinds = sorted(p.kind for p in link.problems)
    assert kinds == ["out_of_range", "repeated", "unknown"]


def test_an_old_key_reads_as_its_new_name():
    assert read_link("/gpt_human?loss=0.9").values["human"] == 0.9


def test_a_position_applies_and_the_links_own_values_win():
    link = read_link("/gpt_human?position=bear2021&doubling=12")
    bear = find("bear2021").overrides("gpt-human")
    assert link.values["doubling"] == 12.0
    assert all(link.values[k] == v for k, v in bear.items() if k != "doubling")
    bad = read_link("/gpt_human?position=nobody")
    assert [p.kind for p in bad.problems] == ["not_position"]


@pytest.mark.parametrize(("text", "words"), [
    ("", "is empty"),
    ("   ", "is empty"),
    ("/", "home page"),
    ("https://host/", "home page"),
    ("/sources?x=1", "'/sources'"),
    ("/compare?a=/loss", "'/compare'"),
    ("http://[::1/loss", "not a web address"),
    ("/loss?" + "x" * MAX_LINK_CHARS, "characters long"),
])
def test_text_that_is_not_a_chain_link_says_what_is_wrong(text, words):
    with pytest.raises(LinkError) as err:
        read_link(text)
    assert words in str(err.value)
    assert len(str(err.value)) < 200  # outside text is quoted short


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(CHAINS), st.data())
def test_the_link_of_a_view_reads_back_as_that_view(chain, data):
    key = data.draw(st.sampled_from([p.key for p in chain.params.params if p.kind in ("float", "choice", "bool")]))
    p = chain.params[key]
    value = data.draw(st.sampled_from(p.choices) if p.kind == "choice" else st.booleans() if p.kind == "bool"
                      else st.sampled_from(p.log_grid() if p.scale == "log" else [p.min, p.default, p.max]))
    values = {**chain.params.defaults(), key: value}
    assert read_link(link_to(chain, values)).values == values


# -- the CLI ------------------------------------------------------------------------------------------

def _cli(capsys, *args):
    code = main(["compare", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_prints_the_comparison_as_json(capsys):
    code, out, err = _cli(capsys, "/bio_anchors", "/bio_anchors?hw_halving=1.5&spend_doubling=2")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["chain"] == "bio-anchors" and data["method"] == "exact"
    assert data["differences"] == {"hw_halving": [2.5, 1.5], "spend_doubling": [2.5, 2.0]}
    assert set(data["headlines"]) == {h.key for h in get("bio-anchors").headlines}
    median = data["headlines"]["median_year"]
    assert median["diff"] == pytest.approx(median["b"] - median["a"])
    assert sum(data["contributions"]["median_year"].values()) == pytest.approx(median["diff"])
    # The same headlines `python -m lib bio-anchors key=value` prints.
    assert main(["bio-anchors", "hw_halving=1.5", "spend_doubling=2"]) == 0
    single = json.loads(capsys.readouterr().out)["headlines"]
    assert median["b"] == pytest.approx(single["median_year"])


def test_cli_warns_about_a_clamped_value_and_uses_the_bound(capsys):
    code, out, err = _cli(capsys, "/gpt_human", "/gpt_human?doubling=-5")
    assert code == 0
    assert err.strip().startswith("warning: link B: 'doubling=-5' is outside")
    assert json.loads(out)["differences"]["doubling"] == [3.4, 0.5]


@pytest.mark.parametrize("args", [
    ("/loss", "/bio_anchors"),
    ("/loss", "/sources"),
    ("/loss",),
    ("/loss", "/loss", "/loss"),
    ("", "/loss"),
])
def test_cli_refuses_what_cannot_be_compared_in_one_line(capsys, args):
    code, out, err = _cli(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1


def test_a_renamed_choice_value_still_reads_as_its_current_name():
    from lib.data.trends.model import PARAMS

    check = PARAMS.check_query({"frontier": "true"})
    assert check.values["frontier"] == "flagged" and check.problems == ()
    assert PARAMS.check_query({"frontier": "false"}).values["frontier"] == "all"
    assert check.query == {"frontier": "flagged"}  # the address then shows the current value
