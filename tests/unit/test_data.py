"""Data files carry their provenance and the facts they claim."""

import pytest

from lib import data


def test_every_data_file_has_source_and_snapshot():
    datasets = data.all_datasets()
    assert datasets
    for d in datasets:
        assert d.source and d.snapshot, d.name
        assert not d.table.empty


def test_notable_models_match_reference_facts():
    t = data.notable_models().table.set_index("label")
    assert t.loc["Chinchilla", "parameters"] == 7.0e10
    assert t.loc["Chinchilla", "training_tokens"] == 1.4e12
    assert t.loc["Gopher", "parameters"] == 2.8e11
    # Chinchilla and Gopher used about the same compute (within 10%)
    assert t.loc["Chinchilla", "training_compute_flop"] == pytest.approx(t.loc["Gopher", "training_compute_flop"], rel=0.1)
    assert t.loc["GPT-3", "training_compute_flop"] == pytest.approx(3640 * 8.64e19, rel=0.01)
    assert "licence" in data.notable_models().meta


def test_missing_header_is_an_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError):
        data.read_dataset(bad)
