"""Every chain's declaration: one tuple, sane registries, headlines, and batches equal to single runs."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from lib.__main__ import main
from lib.chains import CHAINS, get

ROOT = Path(__file__).resolve().parents[2]
IDS = [c.key for c in CHAINS]


def test_chains_are_discovered_in_order_with_one_page_each():
    assert [c.key for c in CHAINS] == ["loss", "gpt-human", "bio-anchors", "time-horizons"]
    for chain in CHAINS:
        assert (ROOT / chain.page).is_file(), chain.page
        assert chain.url_path == chain.key.replace("-", "_")
        assert get(chain.key) is get(chain.url_path) is chain
    with pytest.raises(KeyError):
        get("gpt human")


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_registry_sanity(chain):
    params = chain.params
    assert params.model == chain.key
    grouped = [k for _, keys in params.groups for k in keys]
    assert sorted(grouped) == sorted(params.keys), "every parameter sits in exactly one sidebar group"
    for p in params.params:
        assert p.label and p.help and p.source.citation, p.key
        assert not p.unit or f"({p.unit})" not in p.label, f"{p.key}: unit written twice"
        if p.kind in ("float", "int"):
            assert p.min <= p.default <= p.max, p.key
            assert p.format_value(p.default) and p.parse(p.format_value(p.default)) == (p.default, None), p.key
            assert p.snap(p.default) == p.default, f"{p.key}: default off its slider's steps"
        if p.kind == "choice":
            assert p.default in p.choices
    assert chain.key_slider in params.keys and params[chain.key_slider].kind in ("float", "int")
    names = [pr.name for pr in chain.presets]
    assert len(names) == len(set(names))
    for preset in chain.presets:
        preset.check(params)  # includes: every value sits on its slider's steps
    keys = [h.key for h in chain.headlines]
    assert len(keys) == len(set(keys)) and keys


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_single_view_headlines_come_from_the_batch(chain):
    for preset in chain.presets:
        heads = chain.headline_values(preset.values)
        assert set(heads) == {h.key for h in chain.headlines}
        for key, h in heads.items():
            assert (h.value is None) == (h.reason is not None), key
            assert h.value is None or math.isfinite(h.value), key
        assert chain.run(preset.values).headlines.row(0) == heads


def _random_batch(chain, n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Draws across each numeric parameter's whole range (log-uniform on log scales) and every choice."""
    out: dict[str, np.ndarray] = {}
    for p in chain.params.params:
        if p.kind in ("float", "int"):
            if p.scale == "log":
                out[p.key] = 10 ** rng.uniform(np.log10(p.min), np.log10(p.max), n)
            else:
                out[p.key] = rng.uniform(p.min, p.max, n)
            if p.kind == "int":
                out[p.key] = np.round(out[p.key])
        elif p.kind == "choice":
            out[p.key] = rng.choice(np.array(p.choices, dtype=object), n)
        elif p.kind == "bool":
            out[p.key] = rng.random(n) < 0.5
    return out


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_a_batch_equals_the_same_points_run_one_by_one(chain):
    rng = np.random.default_rng(20261202)
    batch = _random_batch(chain, 40, rng)
    together = chain.run_batch(batch)
    assert len(together) == 40
    for i in range(40):
        one = chain.headline_values({k: v[i].item() if hasattr(v[i], "item") else v[i] for k, v in batch.items()})
        for key, h in one.items():
            got = together.values[key][i]
            if h.value is None:
                assert math.isnan(got) and together.reasons[key][i] == h.reason, (key, i)
            else:
                assert got == pytest.approx(h.value, rel=1e-12), (key, i)


def test_bio_anchors_batch_spans_chunks():
    chain = get("bio-anchors")
    halving = np.linspace(1.0, 4.0, 2500)  # more rows than one evaluation chunk
    batch = chain.run_batch({"hw_halving": halving})
    assert np.all(np.diff(batch.values["p_2050"]) <= 1e-12), "slower hardware never raises P(TAI by 2050)"
    for i in (0, 1023, 1024, 2499):
        assert batch.values["p_2050"][i] == pytest.approx(chain.headline_values({"hw_halving": halving[i]})["p_2050"]
                                                           .value, rel=1e-12)


def test_missing_headlines_carry_a_reason():
    never = get("gpt-human").headline_values({"floor": 1.0})
    assert never["year_affordable"].value is None and "never" in never["year_affordable"].reason
    late = get("bio-anchors").headline_values({f"p50_{k}": 55.0 for k in ("life", "short", "med", "long", "genome",
                                                                          "evo")})
    assert late["median_year"].json() == {"value": None, "reason": "after 2100"}


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_cli_prints_headlines_beside_results(chain, capsys):
    assert main([chain.key]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"model", "params", "results", "headlines"}
    assert set(out["headlines"]) == {h.key for h in chain.headlines}
    assert main([chain.url_path]) == 0  # the URL spelling works too
    assert json.loads(capsys.readouterr().out)["headlines"] == out["headlines"]


def test_cli_headlines_say_why_a_number_is_missing(capsys):
    assert main(["gpt-human", "floor=1"]) == 0
    heads = json.loads(capsys.readouterr().out)["headlines"]
    assert heads["year_affordable"]["value"] is None and "irreducible" in heads["year_affordable"]["reason"]


def test_cli_help_lists_every_chain():
    out = subprocess.run([sys.executable, "-m", "lib", "--help"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.startswith("usage: python -m lib {" + ",".join(IDS) + "}")
    for chain in CHAINS:
        assert f"\n{chain.key}: {chain.title}" in out.stdout
