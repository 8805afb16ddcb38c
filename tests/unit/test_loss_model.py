"""The loss page's model wiring and its CLI."""

import json
import subprocess
import sys

import numpy as np
import pytest

from lib.__main__ import main
from lib.chains import loss
from lib.chains.loss.params import GPT3_FLOP, LAW_KEYS


def test_run_at_defaults_is_finite_and_consistent():
    r = loss.run({})
    assert r.compute_flop == GPT3_FLOP
    for y in r.curves.values():
        assert np.all(np.isfinite(y))
    assert r.loss_at_budget["gpt3"] == pytest.approx(1.73, abs=0.01)
    # Human level on the GPT-3 fit: ~2.2e6x GPT-3 compute (within 5%)
    assert r.human_crossing["gpt3"] / (3640 * 8.64e19) == pytest.approx(2.2e6, rel=0.05)
    assert r.human_crossing["weak"] is None  # weak floor 1.0 sits above 0.86


def test_switching_a_law_off_removes_only_its_curve():
    r = loss.run({"kaplan": False})
    assert "kaplan" not in r.curves and "gpt3" in r.curves
    assert "kaplan" in r.loss_at_budget  # the CLI still reports every law


def test_more_compute_gives_lower_loss_at_budget():
    lo, hi = loss.run({"compute": 1e22}), loss.run({"compute": 1e26})
    for key in LAW_KEYS:
        assert hi.loss_at_budget[key] < lo.loss_at_budget[key]


def test_isoflop_minimum_matches_parametric_optimum():
    r = loss.run({})
    n_min, _ = r.iso_minimum[1e25]
    n_opt = r.allocation_curves["hoffmann"][0][np.argmin(np.abs(r.grid - 1e25))]
    assert n_min == pytest.approx(n_opt, rel=0.1)


def test_cli_json_shape(capsys):
    assert main(["loss", "compute=5.76e23"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"model", "params", "results", "headlines"}
    assert out["model"] == "loss" and out["params"]["compute"] == 5.76e23
    res = out["results"]
    assert res["compute_flop"] == 5.76e23
    assert set(res["loss"]) >= {"kaplan", "chinchilla", "besiroglu"}
    for law in ("kaplan", "chinchilla", "besiroglu"):
        alloc = res["compute_optimal"][law]
        assert alloc["params"] * alloc["tokens"] * 6 == pytest.approx(5.76e23, rel=1e-9)


@pytest.mark.parametrize("args", [["loss", "compute=abc"], ["loss", "compute=1e40"], ["loss", "nope=1"],
                                  ["loss", "compute"], ["nomodel"]])
def test_cli_rejects_bad_input_with_exit_2_and_one_line(args):
    proc = subprocess.run([sys.executable, "-m", "lib", *args], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("model", "keys"), [
    ("gpt-human", {"target_loss", "compute_multiplier", "compute_flop", "doublings", "year_compute_reached",
                   "cost_start_usd", "halvings_to_budget", "year_affordable"}),
    ("bio-anchors", {"p_by_year", "median_year", "per_anchor"}),
])
def test_cli_other_models(capsys, model, keys):
    assert main([model]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"model", "params", "results", "headlines"}
    assert out["model"] == model and keys <= set(out["results"])
    if model == "bio-anchors":
        p = out["results"]["p_by_year"]
        assert set(p) == {str(y) for y in range(2025, 2101)}
        assert all(0 <= p[str(y)] <= p[str(y + 1)] <= 1 for y in range(2025, 2100))
