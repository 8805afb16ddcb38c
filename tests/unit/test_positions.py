"""Positions: sourced value sets across chains, applied by the CLI exactly as in a link."""

from __future__ import annotations

import json

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
