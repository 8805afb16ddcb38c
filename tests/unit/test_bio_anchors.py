"""Biological anchors (lib/chains/bio_anchors/) against Cotra's published figures.

Targets (MODELS.md section 3): the 2020 best guess, ~8% by 2030, ~47% by 2050,
~78% by 2100, median ~2052-2053 (Cotra 2020; Epoch AI summary; AXRP 7.5); the
2022 update, ~15% by 2030, ~35% by 2036, median ~2040, ~60% by 2050 (Cotra
2022). Tolerance: 3 percentage points and 2 years.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from scipy.special import ndtr

from lib.chains.bio_anchors import science as sc
from lib.chains.bio_anchors.model import cli_results, run
from lib.chains.bio_anchors.params import PARAMS, PRESETS
from lib.chains.bio_anchors.published import (
    ANCHOR_KEYS,
    ANCHORS,
    COTRA_2020_FORECAST,
    LOG10_BRAIN_PARAMS,
    OUR_CHOICE,
)
from lib.core.facts import US_GDP_2020_USD

PP = 0.03  # 3 percentage points
YEARS = 2.0

PRESET = {p.name: p for p in PRESETS}
WEIGHT_KEYS = [f"w_{a.key}" for a in ANCHORS]
REPORT_WEIGHTS = np.array([a.weight for a in ANCHORS])
FASTER, SLOWER = "Faster trends (the port's ranges)", "Slower trends (the port's ranges)"
COTRA_2022 = "Cotra 2022 update (our fit)"


# --- calibration ------------------------------------------------------------------


def test_defaults_reproduce_cotra_2020_best_guess() -> None:
    r = run({})
    assert r.p_by(2030) == pytest.approx(0.08, abs=PP)
    assert r.p_by(2050) == pytest.approx(0.47, abs=PP)
    assert r.p_by(2100) == pytest.approx(0.78, abs=PP)
    assert r.median_year is not None
    assert 2052 - YEARS <= r.median_year <= 2053 + YEARS


def test_best_guess_preset_is_the_defaults() -> None:
    assert dict(PRESET["Cotra 2020 best guess"].values) == PARAMS.defaults()


def test_cotra_2022_preset_reproduces_her_update() -> None:
    r = run(PRESET[COTRA_2022].values)
    assert r.p_by(2030) == pytest.approx(0.15, abs=PP)
    assert r.p_by(2036) == pytest.approx(0.35, abs=PP)
    assert r.p_by(2050) == pytest.approx(0.60, abs=PP)
    assert r.median_year == pytest.approx(2040, abs=YEARS)


def test_scenarios_are_ordered_at_2050() -> None:
    faster = run(PRESET[FASTER].values)
    best = run(PRESET["Cotra 2020 best guess"].values)
    slower = run(PRESET[SLOWER].values)
    assert faster.p_by(2050) > best.p_by(2050) > slower.p_by(2050)
    assert np.all(faster.p_tai >= best.p_tai - 1e-12)
    assert np.all(best.p_tai >= slower.p_tai - 1e-12)


def test_the_trend_presets_sit_at_the_ends_of_the_ports_ranges() -> None:
    """What their descriptions say: hardware and spending at the ends of the ranges the port declares (on by default)."""
    faster, slower = PRESET[FASTER].values, PRESET[SLOWER].values
    for key in ("hw_halving", "flop_usd_max", "spend", "gdp_share"):
        s = PARAMS[key].spread
        slow, fast = (s.high, s.low) if key == "hw_halving" else (s.low, s.high)  # a shorter halving time is faster
        assert faster[key] == fast and slower[key] == slow, key
    for key in ("spend_doubling", "gdp_growth"):  # as the descriptions say: left at the report's values
        assert faster[key] == slower[key] == PARAMS[key].default, key


def test_the_ports_ranges_are_on_by_default_and_every_headline_spreads(capsys) -> None:
    """The acceptance check: ``python -m lib bio-anchors --samples 20000`` draws every headline, not one run."""
    from lib.__main__ import main
    from lib.chains import get

    assert main(["bio-anchors", "--samples", "20000"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["uncertainty_ranges"]) == {"hw_halving", "flop_usd_max", "spend", "spend_doubling", "gdp_share",
                                              "gdp_growth"}  # the algorithmic ones matter only with algo=global
    for key, s in out["uncertainty"].items():
        assert s["n"] == 20000 and s["p10"] < s["p50"] < s["p90"], key
    # The ranges change only the uncertainty view: the headlines at the defaults are those with every range off.
    off = {k: 0.0 for k in PARAMS.keys if k.startswith("u_")}
    for key, h in get("bio-anchors").headline_values({**PARAMS.defaults(), **off}).items():
        assert out["headlines"][key] == h.json(), key
    assert PARAMS["samples"].default == 0  # a page draws only when its view is switched on


def test_presets_are_valid_registry_values() -> None:
    assert {"Cotra 2020 best guess", FASTER, SLOWER, COTRA_2022} <= set(PRESET)
    for preset in PRESETS:
        preset.check(PARAMS)
        assert set(preset.values) <= set(PARAMS.keys)
        assert run(preset.values).warnings == ()


def test_headline_formula_matches_models_md_at_defaults() -> None:
    """(1 - q(Y))/0.9 * sum_i w_i P(R_i <= A + rho_i), with the table's weights as fractions."""
    r = run({})
    q = 0.10 + (0.03 - 0.10) * (r.years - 2020) / 80
    mix = sum(a.weight / 100 * r.p_by_anchor[a.key] for a in ANCHORS)
    np.testing.assert_allclose(r.p_tai, (1 - q) / 0.9 * mix, rtol=1e-12)
    np.testing.assert_allclose(r.none_weight, q)


# --- building blocks ----------------------------------------------------------------


def test_affordable_compute_matches_models_md() -> None:
    r = run({})
    year = dict(zip(r.series_years.tolist(), range(len(r.series_years))))
    # FLOP/$: ~1e17 in 2020, 4e17 in 2025 (the cap barely bites yet).
    assert r.log10_flop_per_usd[year[2020]] == pytest.approx(17.0, abs=0.01)
    assert r.log10_flop_per_usd[year[2025]] == pytest.approx(math.log10(4e17), abs=1e-6)
    # Spend: $1e9 in 2025; never above 1% of GDP (BEA's 2020 US GDP growing 3%/yr).
    assert r.log10_spend[year[2025]] == pytest.approx(9.0, abs=0.01)
    gdp_cap = np.log10(0.01 * US_GDP_2020_USD.value) + (r.series_years - 2020) * np.log10(1.03)
    assert np.all(r.log10_spend < gdp_cap)
    assert r.log10_spend[-1] == pytest.approx(gdp_cap[-1], abs=0.01)
    np.testing.assert_allclose(r.log10_compute, r.log10_flop_per_usd + r.log10_spend)
    assert np.all(np.diff(r.log10_compute) > 0)


def test_logistic_is_finite_for_huge_times() -> None:
    t = np.array([0.0, 1e3, 1e6])
    out = sc.log10_logistic(17.0, np.log(2) / 0.5, t, 24.0)
    assert np.all(np.isfinite(out))
    assert out[-1] == pytest.approx(24.0)


def test_algorithmic_progress_rule_and_shape() -> None:
    h, m = sc.port_algorithm_rule(np.array([28.9, 34.7, 40.9]))
    np.testing.assert_allclose(h, [3.5, 2.075, 2.0], atol=1e-12)
    np.testing.assert_allclose(m, [2.0, 2.675, 4.225], atol=1e-12)
    start = PARAMS["algo_start"].default  # 2025, the port's start of algorithmic progress
    years = np.array([start - 5.0, start, start + 1.0, 2500.0])
    rho = sc.algorithmic_progress_oom(years, 2.5, 3.0, start)
    assert rho[0] == 0.0 and rho[1] == 0.0
    assert rho[2] == pytest.approx(np.log10(2) / 2.5, rel=0.01)  # one halving time = log10(2) OOM
    assert rho[3] == pytest.approx(3.0)


def test_split_normal_matches_percentiles() -> None:
    for a in ANCHORS:
        cdf = sc.split_normal_cdf(np.array([a.p10, a.p50, a.p90]), a.p10, a.p50, a.p90)
        np.testing.assert_allclose(cdf, [0.1, 0.5, 0.9], atol=1e-9)
        ppf = sc.split_normal_ppf(np.array([0.1, 0.5, 0.9]), a.p10, a.p50, a.p90)
        np.testing.assert_allclose(ppf, [a.p10, a.p50, a.p90], atol=1e-9)


@pytest.mark.parametrize("floor", [-np.inf, 24.0])
def test_split_normal_cdf_at_infinite_and_asymmetric_points_and_its_shapes(floor: float) -> None:
    # Below the median the lower half's sigma, above it the upper's: the same z on both sides
    # lands on mirrored probabilities, and +-inf are 1 and 0 (never NaN).
    p10, p50, p90 = 25.0, 30.0, 36.0
    x = np.array([-np.inf, p50 - 2.5, p50, p50 + 3.0, np.inf])
    cdf = sc.split_normal_cdf(x, p10, p50, p90, floor)
    lo, hi = cdf[1], cdf[3]
    assert cdf[0] == 0.0 and cdf[-1] == 1.0 and np.all(np.diff(cdf) > 0)
    if floor == -np.inf:
        assert cdf[2] == 0.5 and lo == pytest.approx(1 - hi, abs=1e-12)
    assert np.shape(sc.split_normal_cdf(30.0, p10, p50, p90, floor)) == ()
    grid = sc.split_normal_cdf(np.array([[26.0, 40.0]]), np.array([[25.0], [26.0]]), p50, p90, floor)
    assert grid.shape == (2, 2) and np.all(np.diff(grid, axis=1) > 0)


def test_floor_cuts_and_renormalises() -> None:
    a = ANCHORS[0]
    x = np.array([a.p10 - 5, 26.0, 30.0])
    cut = sc.split_normal_cdf(x, a.p10, a.p50, a.p90, floor=26.0)
    plain = sc.split_normal_cdf(x, a.p10, a.p50, a.p90)
    below = plain[1]
    assert cut[0] == 0.0 and cut[1] == pytest.approx(0.0, abs=1e-12)
    assert cut[2] == pytest.approx((plain[2] - below) / (1 - below))
    # A floor far above the whole distribution is a point mass there, not NaN.
    far = sc.split_normal_cdf(np.array([59.0, 61.0]), 20.0, 21.0, 22.0, floor=60.0)
    np.testing.assert_array_equal(far, [0.0, 1.0])


# --- the Chinchilla switch ------------------------------------------------------------


def test_chinchilla_shift_is_about_one_order_of_magnitude() -> None:
    shift = sc.data_exponent_shift_oom("1.0", LOG10_BRAIN_PARAMS)
    assert 0.8 <= shift <= 1.5
    # log10(20 P) - [12 + 0.8 (log10 P - 11.2)] at P = 10^14.5.
    assert shift == pytest.approx(math.log10(20) + 14.5 - 12 - 0.8 * 3.3)
    assert sc.data_exponent_shift_oom("0.8", LOG10_BRAIN_PARAMS) == 0.0
    assert sc.data_exponent_shift_oom(1.0, log10_params=11.0) < shift  # smaller models, smaller shift
    with pytest.raises(ValueError):
        sc.data_exponent_shift_oom("0.9", LOG10_BRAIN_PARAMS)


def test_the_shift_is_not_attributed_to_rohin_shah_as_a_quotation() -> None:
    # His opinion (Alignment Newsletter, seed 003) gives a direction, not a size: "about one order of
    # magnitude" is the project's model notes' summary, never his words in quotation marks.
    doc = " ".join((sc.data_exponent_shift_oom.__doc__ or "").split())
    assert '"about one order of magnitude"' not in doc
    assert '"will lengthen the timelines output by the model"' in doc and "not his" in doc


def test_cotras_published_figures_are_labelled_hers_beside_the_models() -> None:
    r = run({})
    ours = {y: r.p_by(y) for y in (2030, 2050, 2100)}
    text = COTRA_2020_FORECAST.against(ours, r.median_year)
    assert text.startswith("Cotra's published best guess (2020): ~8% by 2030, ~47% by 2050, ~78% by 2100, "
                           "median ~2052-2053.")
    assert "This model at the same inputs (the defaults): 8.5% by 2030, 45.4% by 2050, 75.6% by 2100, median 2053." \
        in text
    assert COTRA_2020_FORECAST.against(ours, None, (2030,)).endswith("8.5% by 2030, median after 2100.")


def test_chinchilla_switch_raises_nn_anchors_and_lengthens_timelines() -> None:
    base, chin = run({}), run({"data_exp": "1.0"})
    shift = sc.data_exponent_shift_oom("1.0", LOG10_BRAIN_PARAMS)
    assert chin.data_shift_oom == pytest.approx(shift)
    for a in ANCHORS:
        diff = chin.requirement_bands[a.key] - base.requirement_bands[a.key]
        if a.neural_net:
            # Every percentile moves up by the shift, up to the (small) effect of the 1e24 floor.
            np.testing.assert_allclose(diff, shift, atol=0.2)
            expected = sc.split_normal_ppf(
                np.array([0.1, 0.5, 0.9]), a.p10 + shift, a.p50 + shift, a.p90 + shift, floor=24.0
            )
            np.testing.assert_allclose(chin.requirement_bands[a.key][:, 0], expected, atol=1e-9)
        else:
            np.testing.assert_allclose(diff, 0.0, atol=1e-12)
    assert chin.p_by(2050) < base.p_by(2050) - 0.03
    assert chin.median_year > base.median_year


# --- weights ------------------------------------------------------------------------


def test_weights_are_relative() -> None:
    base = run({})
    doubled = run({k: 2 * PARAMS[k].default for k in WEIGHT_KEYS})
    np.testing.assert_allclose(doubled.p_tai, base.p_tai, rtol=1e-12)
    assert sum(base.weights.values()) == pytest.approx(1.0)
    assert base.weights["med"] == pytest.approx(30 / 90)


def test_single_anchor_weight() -> None:
    only_short = run({**{k: 0.0 for k in WEIGHT_KEYS}, "w_short": 1.0})
    assert only_short.weights["short"] == 1.0
    np.testing.assert_allclose(only_short.p_tai, (1 - only_short.none_weight) * only_short.p_by_anchor["short"])
    assert only_short.warnings == ()


def test_all_zero_weights_fall_back_to_defaults_with_a_message() -> None:
    r = run({k: 0.0 for k in WEIGHT_KEYS})
    np.testing.assert_allclose(r.p_tai, run({}).p_tai)
    assert any("zero" in w for w in r.warnings)


def test_invalid_weights_are_reported() -> None:
    r = run({"w_life": -3.0})
    assert r.weights["life"] == 0.0
    assert any("w_life" in w and "clamped" in w for w in r.warnings)  # named by its URL key, like every warning
    raw = np.array([float("nan") if k == "life" else 1.0 if k == "short" else 0.0 for k in ANCHOR_KEYS])
    weights, bad, fell_back = sc.normalise_weights(raw, REPORT_WEIGHTS)
    assert weights[ANCHOR_KEYS.index("short")] == 1.0
    assert bad.tolist() == [k == "life" for k in ANCHOR_KEYS] and not fell_back


# --- results, warnings, CLI ------------------------------------------------------------


def test_none_weight_cannot_rise() -> None:
    r = run({"none_2020": 5.0, "none_2100": 20.0})
    np.testing.assert_allclose(r.none_weight, 0.05)
    assert any("none of these works" in w for w in r.warnings)
    assert np.all(np.diff(r.p_tai) >= 0)


def test_median_after_2100_is_none() -> None:
    r = run({f"p50_{a.key}": 55.0 for a in ANCHORS})
    assert r.median_year is None
    assert cli_results(r)["median_year"] is None
    assert all(v is None for v in r.anchor_median_year.values())


def test_bad_input_is_clamped_or_reported() -> None:
    r = run({"hw_halving": 100.0, "bogus": 1.0, "algo": "nope", "spend": "abc"})
    assert len(r.warnings) == 4
    np.testing.assert_allclose(r.log10_flop_per_usd, run({"hw_halving": 10.0}).log10_flop_per_usd)


def test_cli_results_shape() -> None:
    out = cli_results(run({}))
    assert set(out) == {"p_by_year", "median_year", "per_anchor"}
    assert list(out["p_by_year"])[0] == "2025" and list(out["p_by_year"])[-1] == "2100"
    assert "2030" in out["p_by_year"] and "2050" in out["p_by_year"]
    assert all(0.0 <= p <= 1.0 for p in out["p_by_year"].values())
    assert set(out["per_anchor"]) == {a.key for a in ANCHORS}
    for entry in out["per_anchor"].values():
        assert set(entry) == {"median_year", "p_by_2100"}
    json.dumps(out)  # plain Python types only
    assert out["p_by_year"]["2050"] == pytest.approx(run({}).p_by(2050), abs=1e-4)


def test_result_series_shapes() -> None:
    r = run({})
    assert r.years[0] == 2025 and r.years[-1] == 2100 and len(r.p_tai) == len(r.years)
    assert r.series_years[0] == 2020 and len(r.log10_compute) == len(r.series_years)
    for key in ANCHOR_KEYS:
        band = r.requirement_bands[key]
        assert band.shape == (3, len(r.series_years))
        assert np.all(band[0] < band[1]) and np.all(band[1] < band[2])
        assert np.all(np.diff(band[1]) <= 0)  # algorithms only make requirements cheaper
        assert len(r.p_by_anchor[key]) == len(r.years)
    assert set(r.headline) == {2030, 2036, 2040, 2050, 2100}


def test_per_anchor_cdf_is_the_requirement_cdf() -> None:
    """P(R <= A + rho) for the lifetime anchor by hand: split normal, cut at the 1e24 floor."""
    r = run({})
    a = ANCHORS[0]
    i = int(np.searchsorted(r.series_years, 2040))
    x = r.log10_compute[i] + r.algo_progress["life"][i]

    def cdf(v: float) -> float:
        sigma = ((a.p50 - a.p10) if v < a.p50 else (a.p90 - a.p50)) / 1.2815515655446004
        return float(ndtr((v - a.p50) / sigma))

    expected = (cdf(x) - cdf(24.0)) / (1 - cdf(24.0))
    assert r.p_by_anchor["life"][2040 - 2025] == pytest.approx(expected, abs=1e-9)


def test_params_registry() -> None:
    keys = PARAMS.keys
    assert PARAMS.model == "bio-anchors"
    grouped = [k for _, ks in PARAMS.groups for k in ks]
    assert sorted(grouped) == sorted(keys)
    for a in ANCHORS:
        assert PARAMS[f"w_{a.key}"].default == a.weight
        assert PARAMS[f"p50_{a.key}"].default == a.p50
    for key in ("flop_usd", "flop_usd_max", "spend"):
        assert PARAMS[key].scale == "log"
    for p in PARAMS.params:
        assert p.help and p.source.citation
        if p.role == "view":
            continue  # how results are shown (draws, seed, ranges): settings, checked in test_uncertainty.py
        if p.source == OUR_CHOICE:
            # This project's own choice has no page to link to; its help text must say so.
            assert "our choice" in p.help.lower(), p.key
        else:
            assert p.source.url, p.key


def test_earlier_algorithmic_progress_start_never_lowers_probability() -> None:
    late, early = run({"algo_start": 2030}), run({"algo_start": 2020})
    assert np.all(early.p_tai >= late.p_tai - 1e-12)
    assert early.p_by(2030) > late.p_by(2030)
