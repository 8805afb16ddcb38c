"""Data files carry their provenance and the facts they claim."""

import math

import pytest

from lib.data import files as data

# Epoch AI, "Notable AI Models", export accessed 2026-01-26 (CC BY 4.0), one row per model:
# (export model name, organization, publication date, parameters, training compute FLOP, confidence).
# Copied by hand from the export so the test does not depend on a file outside the repository.
EPOCH_EXPORT = {
    "GPT-2": ("GPT-2 (1.5B)", "OpenAI", "2019-02-14", 1.5e9, 1.920000000001e21, "Speculative"),
    "GPT-3": ("GPT-3 175B (davinci)", "OpenAI", "2020-05-28", 1.746e11, 3.14e23, "Confident"),
    "Gopher": ("Gopher (280B)", "DeepMind", "2021-12-08", 2.8e11, 6.31e23, "Confident"),
    "Chinchilla": ("Chinchilla", "DeepMind", "2022-03-29", 7.0e10, 5.76e23, "Confident"),
    "PaLM": ("PaLM (540B)", "Google Research", "2022-04-04", 5.4035e11, 2.5272e24, "Confident"),
    "LLaMA-65B": ("LLaMA-65B", "Meta AI", "2023-02-24", 6.52e10, 5.5e23, "Confident"),
    "GPT-4": ("GPT-4 (Mar 2023)", "OpenAI", "2023-03-15", 1.8e12, 2.1e25, "Likely"),
    "Llama 3.1-405B": ("Llama 3.1-405B", "Meta AI", "2024-07-23", 4.05e11, 3.8e25, "Confident"),
}

MODELS = data.read_dataset(data.DATA_DIR / "notable_models.csv")
TABLE = MODELS.table.set_index("label")


def test_every_data_file_has_source_and_snapshot():
    datasets = data.all_datasets()
    assert datasets
    for d in datasets:
        assert d.source and d.snapshot, d.name
        assert not d.table.empty


def test_notable_models_are_the_eight_export_rows():
    assert list(TABLE.index) == list(EPOCH_EXPORT)


@pytest.mark.parametrize("label", list(EPOCH_EXPORT))
def test_notable_model_matches_the_epoch_export(label):
    model, org, date, params, flop, confidence = EPOCH_EXPORT[label]
    row = TABLE.loc[label]
    assert (row["model"], row["organization"], row["publication_date"]) == (model, org, date)
    assert math.isclose(row["parameters"], params, rel_tol=1e-9)
    assert math.isclose(row["training_compute_flop"], flop, rel_tol=1e-9)
    assert row["compute_confidence"] == confidence


def test_training_tokens_are_the_papers_and_undisclosed_ones_empty():
    # Brown et al. 2020: 300B (the export's dataset figure is 2.38e11); the others equal the export
    assert TABLE.loc["GPT-3", "training_tokens"] == 3.0e11
    assert "Brown et al. 2020" in TABLE.loc["GPT-3", "tokens_source"]
    assert TABLE.loc["Chinchilla", "training_tokens"] == 1.4e12
    assert TABLE.loc["Gopher", "training_tokens"] == 3.0e11
    assert TABLE.loc[["GPT-2", "GPT-4"], "training_tokens"].isna().all()


def test_every_figure_names_its_source():
    for column in ("parameters_source", "tokens_source", "compute_source", "reference"):
        assert TABLE[column].notna().all() and (TABLE[column].str.len() > 0).all(), column


def test_notable_models_header_credits_epoch_and_the_export_date():
    assert MODELS.snapshot.startswith("2026-01-26")
    assert "Epoch AI" in MODELS.source and "CC BY 4.0" in MODELS.meta["licence"]
    assert "shared/" not in " ".join(MODELS.meta.values())  # no paths outside the repository


def test_compute_figures_agree_with_the_papers():
    # Chinchilla and Gopher used about the same compute (within 10%)
    flop = TABLE["training_compute_flop"]
    assert flop["Chinchilla"] == pytest.approx(flop["Gopher"], rel=0.1)
    # Brown et al. 2020 Table D.1: 3640 PF-days
    assert flop["GPT-3"] == pytest.approx(3640 * 8.64e19, rel=0.01)


def test_missing_header_is_an_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError):
        data.read_dataset(bad)


def test_every_dataset_has_a_date_for_the_pages_to_state():
    dates = {d.name: d.as_of for d in data.all_datasets()}
    assert dates["metr_time_horizons"] == "2026-05-08"  # the latest day of a snapshot gathered over days
    assert dates["epoch_compute"] == dates["notable_models"] == "2026-01-26"
    assert dates["chinchilla_points"] == "2024"  # a commit's year where no day is given
    assert all(d != "undated" for d in dates.values())
    assert set(dates) <= set(data.NAMES)  # every file has the short name pages use


def test_a_refreshed_files_date_is_the_day_it_was_fetched(tmp_path):
    path = tmp_path / "metr_time_horizons.csv"
    path.write_text("# METR\n# source: x\n# snapshot: 2027-01-05, fetched by python -m lib data refresh; https://x\n"
                    "key,model\na,b\n", encoding="utf-8")
    assert data.read_dataset(path).as_of == "2027-01-05"
