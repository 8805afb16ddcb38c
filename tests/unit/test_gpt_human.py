"""Unit tests for lib/chains/gpt_human/: the essay's footnote-20 figures and the edge cases.

Essay figures (Gwern 2020, "The Scaling Hypothesis", footnote 20): 2.2e6x GPT-3's
compute, 22 doublings, 6.3 years (~2027), ~$10T in 2020, 14 halvings, ~$1B in 2038.
The essay rounds step counts up; the model counts them fractionally (21.07 doublings,
2025.97), so the year test accepts 2025.9-2026.6 and the whole-step year is checked too.
"""

from __future__ import annotations

import json
import math
import re

import pytest

from lib.chains.gpt_human.derivation import derivation
from lib.chains.gpt_human.model import (
    HORIZON_YEAR,
    cli_results,
    format_year,
    run,
    series,
)
from lib.chains.gpt_human.params import PARAMS, PRESETS

CLI_KEYS = {
    "target_loss", "compute_multiplier", "compute_flop", "doublings",
    "year_compute_reached", "cost_start_usd", "halvings_to_budget", "year_affordable",
}


@pytest.fixture(scope="module")
def essay():
    return run(PARAMS.defaults())


def test_reference_loss_is_gpt3(essay):
    assert essay.reference_loss == pytest.approx(1.73, abs=0.005)


def test_multiplier_is_2_2e6(essay):
    assert essay.compute_multiplier == pytest.approx(2.2e6, rel=0.05)


def test_doublings_about_22(essay):
    assert essay.doublings_whole == 22
    assert essay.doublings == pytest.approx(21.07, abs=0.01)  # fractional


def test_year_compute_reached(essay):
    # Fractional: 2020 + 21.07*3.4/12 = 2025.97; whole (the essay's arithmetic): 2026.23.
    assert 2025.9 <= essay.year_compute_reached <= 2026.6
    assert 2026.0 <= essay.year_compute_reached_whole <= 2026.6


def test_cost_about_10_trillion(essay):
    assert 1e13 / 1.3 <= essay.cost_start_usd <= 1e13 * 1.3


def test_halvings_about_14(essay):
    assert essay.halvings_whole == 14
    assert essay.halvings_to_budget == pytest.approx(14, abs=0.6)  # fractional: 13.43


def test_year_affordable_2038(essay):
    assert essay.year_affordable == pytest.approx(2038, abs=1.0)
    assert essay.year_affordable_whole == pytest.approx(2038, abs=1.0)


def test_exact_halving_wrinkle():
    r = run({"target": "ratio", "ratio": 2.0})
    assert r.target_loss == pytest.approx(0.8669, abs=1e-4)
    assert r.compute_multiplier == pytest.approx(1.87e6, rel=0.02)
    # Doubling the error ratio costs exactly 1/exponent doublings.
    assert r.doublings == pytest.approx(1 / PARAMS["fit_b"].default)


def test_sevilla_preset_is_later(essay):
    preset = next(p for p in PRESETS if "Sevilla" in p.name)
    r = run(preset.values)
    assert r.year_compute_reached == pytest.approx(2020 + essay.doublings * 6 / 12)
    assert r.year_affordable == pytest.approx(essay.year_affordable)


def test_gpt4_landmark_loss(essay):
    s = series(PARAMS.defaults(), essay)
    losses = {name: loss for name, _, loss in s.landmarks}
    assert losses["Hypothetical GPT-4 (1000x)"] == pytest.approx(1.24, abs=0.01)
    assert losses["GPT-human target"] == pytest.approx(0.86, abs=1e-9)


def test_series_shapes_and_finite(essay):
    s = series(PARAMS.defaults(), essay)
    for arr in (s.frontier_years, s.frontier_flop, s.cost_years, s.cost_usd, s.loss_flop, s.loss):
        assert arr.size > 100
        assert all(math.isfinite(x) for x in arr)
    assert s.frontier_years[-1] >= essay.year_compute_reached
    assert s.cost_years[-1] >= essay.year_affordable
    assert s.cost_usd[0] == pytest.approx(essay.cost_start_usd)


# --- edge cases -------------------------------------------------------------------


def test_already_reached():
    r = run({"human": 1.9})
    assert r.status == "already_reached"
    assert r.compute_multiplier < 1
    assert r.doublings == 0 and r.doublings_whole == 0
    assert r.year_compute_reached == 2020
    assert any("already" in m for m in r.messages)


def test_ratio_one_is_already_reached():
    r = run({"target": "ratio", "ratio": 1.0})
    assert r.status == "already_reached"
    assert r.year_compute_reached == 2020


def test_floor_above_target_is_never():
    r = run({"floor": 0.9})
    assert r.status == "never"
    assert r.year_compute_reached is None and r.year_affordable is None
    assert r.cost_start_usd is None
    out = cli_results(r)
    assert out["year_compute_reached"] is None and out["year_affordable"] is None
    assert format_year(r.year_affordable) == "never"
    assert series({"floor": 0.9}, r).cost_usd.size == 0
    assert any("never" in text for _, text in derivation({"floor": 0.9}, r))


def test_floor_equal_to_target_is_never():
    assert run({"floor": 0.86}).status == "never"


def test_floor_below_target_does_not_bind(essay):
    r = run({"floor": 0.5})
    assert r.compute_multiplier == pytest.approx(essay.compute_multiplier)


def test_budget_already_enough():
    r = run({"budget": 1e14})
    assert r.halvings_to_budget == 0
    assert r.year_affordable == 2020
    assert any("budget" in m for m in r.messages)


def test_after_horizon_is_reported():
    r = run({"doubling": 120.0, "halving": 240.0})
    assert r.year_compute_reached > HORIZON_YEAR
    assert format_year(r.year_compute_reached) == "after 2200"
    assert any("after 2200" in m for m in r.messages)


@pytest.mark.parametrize(
    "values",
    [
        {"fit_b": 1e-300, "human": 1e-300, "fit_k": 1e300, "ref_pfd": 1e-300},
        {"fit_b": 0.01, "human": 0.05, "fit_k": 10.0, "ref_pfd": 1.0, "ref_cost": 1e10, "doubling": 0.5},
        {"fit_b": 0.5, "human": 5.0, "fit_k": 1.0, "ref_pfd": 1e7, "halving": 1.0, "budget": 1e15},
        {"ref_pfd": float("nan"), "budget": float("inf"), "doubling": -1.0, "human": "abc"},
        {"target": "nonsense", "ratio": 1e9},
    ],
)
def test_absurd_inputs_finite(values):
    r = run(values)
    for x in cli_results(r).values():
        assert x is None or math.isfinite(x)
    s = series(values, r)
    for arr in (s.frontier_flop, s.cost_usd, s.loss_flop, s.loss):
        assert all(math.isfinite(x) for x in arr)
    json.dumps(cli_results(r), allow_nan=False)
    steps = derivation(values, r)
    labels = [name for name, _ in steps]
    if r.status == "never":
        rest = ["Floor"]
    else:
        rest = (["Floor"] if r.floor > 0 else []) + ["Compute", "Doublings", "Cost", "Halvings"]
    assert labels == ["Fit", "Reference", "Target", *rest]
    for name, text in steps:
        assert text.strip(), name
        assert not re.search(r"\b(nan|inf)\b", text, re.IGNORECASE), (name, text)
    assert f"{r.reference_loss:.4f}" in dict(steps)["Reference"]


# --- registry and reporting ---------------------------------------------------------


def test_every_default_validates():
    values, warnings = PARAMS.validate({p.key: p.format_value(p.default) for p in PARAMS.params})
    assert warnings == []
    assert values == PARAMS.defaults()


def test_presets_check():
    names = [p.name for p in PRESETS]
    assert "Gwern 2020 (essay)" in names
    assert any("Sevilla" in n for n in names)
    for p in PRESETS:
        p.check(PARAMS)
        assert p.source.citation


def test_cli_results_keys_and_json(essay):
    out = cli_results(essay)
    assert set(out) == CLI_KEYS
    json.dumps(out, allow_nan=False)


def test_derivation_mentions_fractional_and_whole(essay):
    text = " ".join(t for _, t in derivation(PARAMS.defaults(), essay))
    assert "fractionally" in text and "22" in text and "21.07" in text
    assert "2.21e6" in text


# ---- the loss curve from any of the Loss page's laws -------------------------------------------------

import numpy as np  # noqa: E402

from lib.chains import gpt_human as gpt_chain  # noqa: E402
from lib.core import frontier  # noqa: E402


@pytest.mark.parametrize("law", frontier.LAW_KEYS)
def test_each_law_inverts_exactly(law):
    v = gpt_chain.PARAMS.defaults()
    c = np.logspace(20, 34, 15)
    assert frontier.compute_for(law, v, frontier.loss(law, v, c)) == pytest.approx(c, rel=1e-9)


def test_a_chinchilla_law_sets_the_target_as_a_ratio_of_reducible_loss():
    # Hoffmann's Approach 3 at GPT-3's 3.14e23 FLOP: the compute-optimal model's loss is about 2.0 nats
    # (MassiveText); half its loss above E = 1.69 is the target.
    r = run({"law": "hoffmann", "ratio": 2.0})
    ref = float(frontier.loss("hoffmann", gpt_chain.PARAMS.defaults(), 3640 * 8.64e19))
    assert r.reference_loss == pytest.approx(ref) and 1.9 < ref < 2.1
    assert r.irreducible == pytest.approx(1.69)
    assert r.target_loss == pytest.approx(1.69 + (ref - 1.69) / 2)
    # Along the frontier the reducible loss falls as C^-(0.34*0.28/0.62): halving it takes 2^(1/0.1535) ~ 91x.
    assert r.compute_multiplier == pytest.approx(2 ** (0.62 / (0.34 * 0.28)), rel=1e-6)


def test_a_chinchilla_law_ignores_the_webtext_target_and_says_so():
    by_loss = run({"law": "besiroglu", "target": "loss", "human": 0.2})
    by_ratio = run({"law": "besiroglu", "target": "ratio"})
    assert by_loss.target_loss == by_ratio.target_loss
    params = gpt_chain.PARAMS
    assert params.inactive_reason("human", {**params.defaults(), "law": "hoffmann"}).startswith("Not used")
    assert params.inactive_reason("ratio", {**params.defaults(), "law": "hoffmann"}) is None
    assert params.inactive_reason("fit_k", {**params.defaults(), "law": "kaplan"}).startswith("Not used")


def test_kaplan_takes_the_essays_absolute_target_on_its_own_webtext2_scale():
    r = run({"law": "kaplan"})
    # (3.1e8 / C)^0.05 = 0.86 at C = 3.1e8 * 0.86^-20 PF-days
    assert r.compute_pfdays == pytest.approx(3.1e8 * 0.86 ** -20, rel=1e-9)


def test_a_batch_of_mixed_laws_equals_each_run_alone():
    laws = np.array(list(frontier.LAW_KEYS), dtype=object)
    batch = gpt_chain.CHAIN.run_batch({"law": laws, "doubling": np.array([3.4, 6.0, 12.0, 24.0])})
    for i, law in enumerate(laws):
        alone = gpt_chain.CHAIN.headline_values({"law": law, "doubling": [3.4, 6.0, 12.0, 24.0][i]})
        for key, value in batch.row(i).items():
            assert value == alone[key], (law, key)


def test_the_derivation_never_writes_a_negative_log_as_zero_halvings():
    from lib.chains.gpt_human.derivation import derivation

    values = {"law": "hoffmann"}  # ~91x GPT-3's $5M: within the $1B budget from the start
    steps = dict(derivation(values, run(values)))
    assert "already within the $1B budget" in steps["Halvings"] and "log2" not in steps["Halvings"]
