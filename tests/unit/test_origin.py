"""origin=latest: the GPT-human chain from the largest run in Epoch AI's data (lib/chains/gpt_human/origin.py)."""

import json

import pytest

from lib.__main__ import main
from lib.chains import get
from lib.chains.gpt_human import origin
from lib.data.files import load
from lib.data.trends import model as trends
from lib.tools.links.model import link_values

CHAIN = get("gpt-human")


def test_the_latest_reference_is_the_exports_largest_run_with_its_cost_in_its_years_dollars():
    ref = origin.latest_reference(trends.prepared(load("epoch_compute").table), load("cpi_us").table)
    assert (ref.model, ref.date, ref.compute_flop, ref.start) == ("Grok 4", "2025-07-09", pytest.approx(5e26), 2025)
    # Epoch's $387.8M (2023 dollars) x CPI-U 2025/2023 (321.943 / 304.702).
    assert ref.cost_usd == pytest.approx(3.878427e8 * 321.943 / 304.702, rel=1e-4)
    assert ref.when == "Jul 2025"


def test_origin_in_a_link_sets_the_reference_and_keys_given_win():
    values, problems = link_values(CHAIN, {"origin": ["latest"]})
    assert not problems
    assert values["ref_pfd"] == pytest.approx(5e26 / 8.64e19, rel=1e-3) and values["start"] == 2025
    assert origin.starts_from(values) is not None
    own, _ = link_values(CHAIN, {"origin": ["latest"], "start": ["2026"]})
    assert own["start"] == 2026 and origin.starts_from(own) is None
    essay, _ = link_values(CHAIN, {"origin": ["essay"]})
    assert all(essay[k] == CHAIN.params.defaults()[k] for k in origin.KEYS)
    _, bad = link_values(CHAIN, {"origin": ["tomorrow"]})
    assert "'origin=tomorrow' is not one of essay, latest" in str(bad[0])


def test_cli_names_the_run_the_chain_starts_from(capsys):
    assert main(["gpt-human", "origin=latest"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["results"]["reference"]["model"] == "Grok 4"
    assert out["results"]["reference"]["compute_flop"] == pytest.approx(5e26)
    assert main(["gpt-human"]) == 0
    assert json.loads(capsys.readouterr().out)["results"]["reference"]["model"].startswith("GPT-3")
    assert main(["gpt-human", "origin=tomorrow"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_the_derivation_names_the_run_it_starts_from():
    from lib.chains.gpt_human.derivation import derivation

    def reference_step(query):
        values, _ = link_values(CHAIN, query)
        return dict(derivation(values, CHAIN.run(values)))["Reference"]

    assert reference_step({}).startswith("The essay's reference model, GPT-3 175B")
    assert reference_step({"origin": ["latest"]}).startswith("The largest run in Epoch AI's data, Grok 4 (Jul 2025)")
    assert reference_step({"ref_pfd": ["100"]}).startswith("Your reference model at 100 PF-days")


def test_the_largest_runs_confidence_comes_from_the_data_and_is_said_wherever_the_chain_starts_from_it(capsys):
    table = trends.prepared(load("epoch_compute").table)
    ref = origin.latest_reference(table, load("cpi_us").table)
    row = table.loc[table["compute"].idxmax()]
    assert ref.confidence == row["confidence"] == "Speculative"  # Epoch's rating of Grok 4's compute
    assert ref.rating == "an estimate Epoch rates Speculative"
    # Read from the table, not typed: the same row rated otherwise is reported otherwise.
    relabelled = table.copy()
    relabelled.loc[row.name, "confidence"] = "Likely"
    assert origin.latest_reference(relabelled, load("cpi_us").table).confidence == "Likely"
    relabelled.loc[row.name, "confidence"] = None
    assert origin.latest_reference(relabelled, load("cpi_us").table).rating == ""

    assert main(["gpt-human", "origin=latest"]) == 0
    assert json.loads(capsys.readouterr().out)["results"]["reference"]["compute_confidence"] == "Speculative"

    from lib.chains.gpt_human.derivation import derivation

    values, _ = link_values(CHAIN, {"origin": ["latest"]})
    step = dict(derivation(values, CHAIN.run(values)))["Reference"]
    assert "PF-days (an estimate Epoch rates Speculative):" in step
    essay, _ = link_values(CHAIN, {})
    assert "Epoch rates" not in dict(derivation(essay, CHAIN.run(essay)))["Reference"]
