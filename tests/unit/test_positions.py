"""Positions: sourced value sets across chains, applied by the CLI exactly as in a link."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lib.__main__ import main
from lib.chains import CHAINS, get
from lib.tools.positions.model import POSITIONS, find


def test_the_essays_positions_are_all_there():
    assert {p.key for p in POSITIONS} >= {"gwern2020", "gao2021_strong", "gao2021_weak", "bear2021",
                                          "chinchilla2022", "cotra2020", "cotra2022"}
    assert len({p.key for p in POSITIONS}) == len(POSITIONS)


@pytest.mark.parametrize("position", POSITIONS, ids=lambda p: p.key)
def test_each_position_cites_says_what_it_chose_and_where_it_is_silent(position):
    assert position.source.citation and position.passage and position.choices
    for chain in CHAINS:
        values = position.chain_values(chain.key)
        assert set(values) == set(chain.params.keys)
        assert chain.params.coerce(values)[1] == []  # every value valid as is
        if chain.key in position.silent:
            assert values == chain.params.defaults()
    position.check()


def test_a_shared_value_in_a_position_reaches_every_chain_that_uses_it():
    gwern = find("gwern2020")
    assert gwern.overrides("loss")["human"] == gwern.overrides("gpt-human")["human"] == 0.86
    assert "human" not in gwern.overrides("bio-anchors")


def test_positions_change_what_the_chains_say():
    chin = find("chinchilla2022")
    base, later = (get("bio-anchors").headline_values(v)["median_year"].value
                   for v in (find("cotra2020").chain_values("bio-anchors"), chin.chain_values("bio-anchors")))
    assert later > base + 2  # the newsletter: "it will lengthen the timelines"
    bear = get("gpt-human").headline_values(find("bear2021").chain_values("gpt-human"))
    assert bear["year_compute_reached"].value is None  # the floor above human level: never


def test_cli_lists_positions_as_json(capsys):
    assert main(["positions"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [p["key"] for p in listing] == [p.key for p in POSITIONS]
    weak = next(p for p in listing if p["key"] == "gao2021_weak")
    assert weak["values"]["gpt-human"] == {"floor": 1.0} and "bio-anchors" in weak["silent_on"]


def test_cli_applies_a_position_then_the_overrides(capsys):
    assert main(["gpt-human", "position=bear2021", "doubling=12"]) == 0
    params = json.loads(capsys.readouterr().out)["params"]
    assert params["floor"] == 1.2 and params["doubling"] == 12.0
    assert main(["gpt-human", "position=bear2021", "floor=0"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["params"]["floor"] == 0.0 and out["params"]["doubling"] == 6.0


@pytest.mark.parametrize("args", [["loss", "position=nobody"], ["positions", "extra"]])
def test_cli_unknown_position_exits_2_with_one_line(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


# -- what each position cites, checked against the essays (corrections of a line-by-line check) -------

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
# Which essay in the project's seeds each position quotes (the seeds are outside the repository; the
# check below skips where they are absent, and the tests after it pin the corrected text anyway).
SEED_OF = {"gwern2020": "004_", "gao2021_strong": "000_", "gao2021_weak": "000_", "bear2021": "002_",
           "chinchilla2022": "003_"}


def _plain(text: str) -> str:
    """Quotes and dashes as plain characters and whitespace collapsed, so a quotation matches its source."""
    for fancy, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(fancy, plain)
    return re.sub(r"\s+", " ", text)


def _quotations(text: str) -> list[str]:
    """The double-quoted passages of ``text``, split at the ellipses that join excerpts."""
    return [part.strip() for q in re.findall(r'"([^"]+)"', text) for part in q.split("...") if part.strip()]


@pytest.mark.parametrize("key", sorted(SEED_OF))
def test_every_quotation_of_a_position_is_in_its_essay(key):
    seed = next(iter(sorted(SEEDS.glob(f"{SEED_OF[key]}*.txt"))), None) if SEEDS.is_dir() else None
    if seed is None:
        pytest.skip("the project's seed essays are not on this machine")
    source = _plain(seed.read_text(encoding="utf-8"))
    position = find(key)
    quoted = [q for text in (position.passage, *position.choices) for q in _quotations(_plain(text))]
    assert quoted
    for q in quoted:
        assert q.rstrip(".") in source, q


def test_the_bear_essay_is_cited_by_its_title_and_the_date_its_text_gives():
    bear = find("bear2021")  # the key stays, so old links keep working
    citation = bear.source.citation
    assert "'How I'm thinking about GPT-N'" in citation and "LessWrong" in citation
    assert "after December 2021" in citation  # its text reports December 2021 events
    assert "LessWrong, 2021" not in citation  # the old, unsupported date
    assert bear.source.url == ""  # no address we could verify: none given rather than a guess


def test_gao_strong_quotes_the_essay_rather_than_a_paraphrase():
    choices = " ".join(find("gao2021_strong").choices)
    assert '"this point is crossed only a few orders of magnitude in size from now"' in choices
    assert "abstract concepts" in choices  # what "this point" is
    assert "from GPT-3" not in choices  # the old paraphrase, which put words in the essay's mouth


def test_cotra_2020_labels_her_figures_and_gives_this_models_beside_them():
    summary = find("cotra2020").summary
    assert "Cotra's published best guess (2020): ~8% by 2030, ~47% by 2050" in summary
    anchors = get("bio-anchors")
    ours = anchors.headline_values(anchors.params.defaults())
    model = f"{ours['p_2030'].value:.1%} by 2030, {ours['p_2050'].value:.1%} by 2050"
    assert f"This model at the same inputs (the defaults): {model}" in summary
    assert model == "8.5% by 2030, 45.4% by 2050"  # not the published ~8% and ~47%


def test_the_ai_futures_position_says_how_far_its_simplification_lands_from_the_sites_date():
    # aifuturesmodel.com (Dec 2025 version, default parameters): automated coder 03/2030. Our reading keeps
    # only its horizon arithmetic; the position says it comes "about a year earlier", which must stay true.
    position = find("aifm2025")
    assert any("03/2030" in c and "about a year earlier" in c for c in position.choices)
    chain = get("time-horizons")
    ours = chain.headline_values(position.chain_values(chain.key))["year_target"].value
    assert 0.5 < (2030 + 2.5 / 12) - ours < 1.5
