"""The uncertainty view's arithmetic: ranges, draws, summaries, swings, and the CLI flags."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from lib.__main__ import main
from lib.chains import CHAINS, get, gpt_human
from lib.core.ranges import MAX_SAMPLES, interval, ranges, ranges_left_out, spread_of, width_key
from lib.core.registry import Z80
from lib.tools.uncertainty.model import draw, run_draws, sensitivity, swing_size

IDS = [c.key for c in CHAINS]
# A few ranges on for every chain, sourced or ours, so every test has something to draw. The anchors' sourced
# ranges (the port's hardware, spending and GDP trends) are on at their defaults.
ON = {"loss": {"u_b_e": 1.0, "u_fit_b": 1.0}, "gpt-human": {"u_halving": 1.0}, "bio-anchors": {}, "time-horizons": {}}


def _values(chain, **extra):
    return {**chain.params.defaults(), **ON[chain.key], **extra}


def test_every_range_is_declared_with_its_source_and_contains_its_default():
    for chain in CHAINS:
        for p in chain.params.params:
            if p.spread is None:
                continue
            if p.kind == "choice":  # a discrete distribution: one weight per choice
                assert len(p.spread.weights) == len(p.choices) and sum(p.spread.weights) == pytest.approx(1), p.key
                assert chain.params[width_key(p.key)].default == (1.0 if p.spread.sourced else 0.0), p.key
                continue
            assert p.spread.low < p.spread.high and p.spread.source.citation, p.key
            assert p.spread.low <= p.default <= p.spread.high, p.key
            assert chain.params[width_key(p.key)].default == (1.0 if p.spread.sourced else 0.0), p.key


def test_the_replication_ranges_are_its_standard_errors_and_the_doubling_range_its_two_measurements():
    gpt = get("gpt-human").params
    s = gpt["doubling"].spread
    assert (s.low, s.high) == (3.4, 6.0) and s.sourced
    e = gpt["b_e"].spread
    assert (e.high - e.low) / 2 == pytest.approx(Z80 * 0.026)  # Besiroglu et al. 2024: E's bootstrap SE
    bio = get("bio-anchors").params
    # The port writes these as comments beside its values (ajeya2020.squiggle at f3416a3): sourced, on by default.
    for key, ends in (("hw_halving", (1.5, 3.5)), ("flop_usd_max", (1e22, 1e26)), ("spend", (1e8, 1e10)),
                      ("spend_doubling", (1.0, 3.0)), ("gdp_share", (0.5, 2.0)), ("gdp_growth", (2.0, 5.0))):
        s = bio[key].spread
        assert (s.low, s.high) == ends and s.sourced, key
        assert s.source.url.endswith("/f3416a39863334c1c1c43a52ce6baedd18d5d792/ajeya2020.squiggle#L104-L122"), key
        assert "90% interval" in s.note and "80% interval" in s.note, key
    for key in ("algo_halving", "algo_cap"):
        assert bio[key].spread.sourced
        assert bio[key].spread.source.url.endswith("/f3416a39863334c1c1c43a52ce6baedd18d5d792/ajeya2020.squiggle"
                                                   "#L135-L136"), key


# Besiroglu et al. 2024's bootstrap of A and B (epoch-research/analyzing-chinchilla, data_analysis.ipynb): standard
# errors of ln A and ln B 0.258 and 0.421 (cell 54), 95% intervals A 285-744 and B 1042-5810 (cell 26).
LOG_SE = {"b_a": 0.258, "b_b": 0.421}
BOOTSTRAP_95 = {"b_a": (285.214, 743.626), "b_b": (1042.357, 5810.344)}


def test_the_replications_a_and_b_are_drawn_log_normal_with_the_notebooks_log_standard_errors():
    chain = get("loss")
    values = {**chain.params.defaults(), "u_b_a": 1.0, "u_b_b": 1.0}
    batch = draw(chain.params, values, 20000, 4)
    for key, sigma in LOG_SE.items():
        p = chain.params[key]
        assert p.scale == "log" and p.spread.sourced
        estimate = {"b_a": 482.01, "b_b": 2085.43}[key]  # the paper's table
        assert (p.spread.low, p.spread.high) == pytest.approx(
            (estimate * math.exp(-Z80 * sigma), estimate * math.exp(Z80 * sigma)), rel=1e-12)
        logs = np.log(batch[key])
        # The sd of 20,000 normal draws has a standard error of sigma / sqrt(2 × 20000) = 0.0013 for A, 0.0021 for
        # B; truncation at the slider's ends (3.7 sigma above B's median at 10,000) takes under 0.1% off: 0.01.
        assert logs.std() == pytest.approx(sigma, abs=0.01), key
        q10, q90 = np.quantile(batch[key], [0.1, 0.9])
        # Within the bootstrap's 95% interval, the lower end above its 2.5th percentile (B: 1216, not 428 as the
        # normal with B's SE of 1293.28 gave); each within 2% of the interval it is drawn from.
        lo95, hi95 = BOOTSTRAP_95[key]
        assert lo95 < q10 < q90 < hi95, key
        assert (q10, q90) == pytest.approx((p.spread.low, p.spread.high), rel=0.02), key


def test_the_interval_moves_with_the_slider_and_scales_with_its_width():
    p = get("gpt-human").params["doubling"]
    assert interval(p, 3.4, 1.0) == pytest.approx((3.4, 6.0))
    assert interval(p, 6.8, 1.0) == pytest.approx((6.8, 12.0))  # ratios kept on a log scale
    lo, hi = interval(p, 3.4, 2.0)
    assert hi == pytest.approx(3.4 * (6.0 / 3.4) ** 2)
    linear = get("loss").params["b_e"]
    lo1, hi1 = interval(linear, 1.9, 0.5)
    assert (hi1 - lo1) == pytest.approx((linear.spread.high - linear.spread.low) / 2)
    fallback = spread_of(get("gpt-human").params["halving"])
    assert (fallback.low, fallback.high) == (8.0, 32.0) and not fallback.sourced


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_seeded_draws_are_reproducible_and_stay_in_bounds(chain):
    values = _values(chain)
    a, b = draw(chain.params, values, 500, 7), draw(chain.params, values, 500, 7)
    c = draw(chain.params, values, 500, 8)
    ranged = [r.param.key for r in ranges(chain.params, values)]
    assert ranged
    for key in ranged:
        assert np.array_equal(a[key], b[key])
        assert not np.array_equal(a[key], c[key])
        p = chain.params[key]
        assert np.all((a[key] >= p.min) & (a[key] <= p.max))


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_quantiles_are_ordered(chain):
    d = run_draws(chain, _values(chain), 2000, 3)
    for key, s in d.summaries.items():
        got = [x for x in (s.p10, s.p50, s.p90) if x is not None]
        assert got == sorted(got), key
        assert 0.0 <= s.undefined <= 1.0 and s.n == 2000


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_a_range_of_zero_width_changes_nothing(chain):
    values = {**chain.params.defaults(), **{width_key(p.key): 0.0 for p in chain.params.params
                                              if width_key(p.key) in chain.params}}
    assert ranges(chain.params, values) == ()
    d = run_draws(chain, values, 200, 1)
    single = chain.headline_values(values)
    for key, v in d.heads.values.items():
        expected = single[key].value
        assert np.all(np.isnan(v)) if expected is None else np.allclose(v, expected, rtol=1e-12), key


def test_sampled_median_of_the_year_affordable_converges_to_its_algebra():
    # year = start + log2(cost/budget) * halving/12 is increasing in the halving time, so its median is
    # the year at the halving time's median: the geometric mean of the interval's ends (log-normal).
    chain = get("gpt-human")
    values = {**chain.params.defaults(), "u_doubling": 0.0, "u_halving": 1.0}
    d = run_draws(chain, values, 20000, 11)
    lo, hi = interval(chain.params["halving"], 16.0, 1.0)
    expected = chain.headline_values({**values, "halving": math.sqrt(lo * hi)})["year_affordable"].value
    # The year's spread is ~9.7 years (1.12 years per month of halving time × ~8.6 months), so a median of
    # 20,000 draws has a standard error of 1.25 × 9.7 / √20000 ≈ 0.09 years: allow four.
    assert d.summaries["year_affordable"].p50 == pytest.approx(expected, abs=0.35)
    # ... and its 10th and 90th percentiles to the years at the interval's ends.
    at = {q: chain.headline_values({**values, "halving": h})["year_affordable"].value for q, h in (("lo", lo), ("hi", hi))}
    assert d.summaries["year_affordable"].p10 == pytest.approx(at["lo"], abs=0.4)
    assert d.summaries["year_affordable"].p90 == pytest.approx(at["hi"], abs=0.4)


def test_a_headline_without_a_value_counts_as_later_than_every_number():
    chain = get("bio-anchors")
    late = {**chain.params.defaults(), **{f"p50_{k}": 40.0 for k in ("life", "short", "med", "long", "genome", "evo")},
            "u_hw_halving": 1.0}
    d = run_draws(chain, late, 1000, 2)
    s = d.summaries["median_year"]
    assert s.undefined > 0.1
    assert s.p90 is None or s.p90 <= 2100


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
def test_sensitivity_ends_are_exactly_what_the_chain_gives_with_that_one_value(chain):
    values = _values(chain)
    swings = sensitivity(chain, values)
    for key, rows in swings.items():
        assert rows, key
        sizes = [swing_size(s, chain.headline(key).horizon) for s in rows]
        assert sizes == sorted(sizes, reverse=True)
        for s in rows:
            for end, got in ((s.low, s.at_low), (s.high, s.at_high)):
                assert chain.headline_values({**values, s.param.key: end})[key] == got


def test_draw_refuses_a_count_out_of_range():
    chain = get("loss")
    with pytest.raises(ValueError):
        draw(chain.params, chain.params.defaults(), 0, 1)
    with pytest.raises(ValueError):
        draw(chain.params, chain.params.defaults(), MAX_SAMPLES + 1, 1)


# -- the CLI ------------------------------------------------------------------------------------------

def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_samples_adds_quantiles_that_a_seed_reproduces(capsys):
    code, out, _ = _run(capsys, "bio-anchors", "u_hw_halving=1", "--samples", "3000", "--seed", "5")
    assert code == 0
    first = json.loads(out)["uncertainty"]
    assert set(first) == {"median_year", "p_2030", "p_2050", "p_2100"}
    assert first["median_year"]["n"] == 3000 and first["median_year"]["p10"] < first["median_year"]["p90"]
    _, again, _ = _run(capsys, "bio-anchors", "u_hw_halving=1", "--samples=3000", "--seed=5")
    assert json.loads(again)["uncertainty"] == first


def test_cli_sensitivity_matches_single_runs_at_each_end(capsys):
    code, out, _ = _run(capsys, "gpt-human", "u_halving=1", "--sensitivity")
    assert code == 0
    rows = json.loads(out)["sensitivity"]["year_affordable"]
    assert [r["param"] for r in rows][:1] == ["halving"]
    for r in rows:
        _, single, _ = _run(capsys, "gpt-human", "u_halving=1", f"{r['param']}={r['low']}")
        assert json.loads(single)["headlines"]["year_affordable"] == r["at_low"]


@pytest.mark.parametrize("args", [
    ("--samples", "-1"), ("--samples", "2.5"), ("--samples", str(MAX_SAMPLES + 1)), ("--samples",),
    ("--seed", "x"), ("--seed", "-3"), ("--bogus",),
])
def test_cli_refuses_bad_flags_in_one_line(capsys, args):
    code, out, err = _run(capsys, "loss", *args)
    assert code == 2 and out == "" and err.startswith("error: ") and err.count("\n") == 1


def test_loss_bands_are_the_draws_quantiles_and_a_budget_move_reuses_them():
    from lib.chains.loss import model
    from lib.core.ranges import quantile_bands

    chain = get("loss")
    values = _values(chain, samples=500, u_b_alpha=1.0)
    batch = run_draws(chain, values).batch
    bands = model.law_bands(batch, "besiroglu")
    direct = quantile_bands(model.law_draws(batch, "besiroglu", model.BAND_GRID))
    assert set(bands) == {0.1, 0.25, 0.75, 0.9}
    for q in bands:
        np.testing.assert_allclose(bands[q], direct[q], rtol=1e-12)
    assert (bands[0.1] <= bands[0.25]).all() and (bands[0.75] <= bands[0.9]).all()
    # The budget is not one of the law's constants: the same draws give the very same bands.
    moved = run_draws(chain, {**values, "compute": values["compute"] * 10}).batch
    assert model.law_bands(moved, "besiroglu") is bands
    # Other draws of the constants give other bands, and the memory stays bounded.
    for seed in range(model._BANDS_KEPT + 3):
        other = model.law_bands(run_draws(chain, {**values, "seed": values["seed"] + seed + 1}).batch, "besiroglu")
        assert not np.array_equal(other[0.1], bands[0.1])
    assert len(model._bands) <= model._BANDS_KEPT


def test_the_histogram_marks_its_percentiles_and_counts_every_draw_with_a_value():
    from lib.tools.uncertainty.charts import histogram_figure

    chain = get("gpt-human")
    draws = run_draws(chain, _values(chain, samples=800))
    head = chain.headline("year_affordable")
    values = draws.heads.values[head.key]
    spec = histogram_figure(head, values, draws.summaries[head.key]).spec
    bars = [t for t in spec["data"] if t["type"] == "bar"]
    assert len(bars) == 1 and len(spec["data"]) == 1
    assert sum(np.asarray(bars[0]["y"])) == np.isfinite(values).sum()
    s = draws.summaries[head.key]
    assert sorted(m["x0"] for m in spec["layout"]["shapes"]) == pytest.approx(sorted([s.p10, s.p50, s.p90]))


def test_draws_of_values_seen_before_are_reused_and_the_memory_stays_bounded():
    from lib.tools.uncertainty import model as uncertainty

    chain = get("bio-anchors")
    values = _values(chain, samples=300)
    first = run_draws(chain, values)
    moved = run_draws(chain, {**values, "hw_halving": 3.0})
    assert moved is not first and moved.summaries != first.summaries
    # Back to where it was (a slider moved there and back): the very same draws, not a recomputation.
    assert run_draws(chain, dict(values)) is first
    # A different seed or count is another set of draws.
    assert run_draws(chain, {**values, "seed": values["seed"] + 1}) is not first
    assert run_draws(chain, values, n=200).n == 200
    for shift in range(uncertainty._DRAWS_KEPT + 2):
        run_draws(chain, {**values, "spend": 1e9 * (2 + shift)})
    assert len(uncertainty._draws) <= uncertainty._DRAWS_KEPT
    assert run_draws(chain, values) is not first  # pushed out by newer ones, then drawn again
    assert run_draws(chain, values).summaries == first.summaries


def test_a_bounded_memo_keeps_the_most_recently_used():
    from lib.core.memo import BoundedMemo

    memo: BoundedMemo[int] = BoundedMemo(2)
    calls = []

    def compute(x):
        calls.append(x)
        return x * x

    assert memo.get("a", lambda: compute(2)) == 4
    assert memo.get("b", lambda: compute(3)) == 9
    assert memo.get("a", lambda: compute(99)) == 4  # kept; now the most recent
    memo.get("c", lambda: compute(4))  # pushes out b, the least recently used
    assert len(memo) == 2
    assert memo.get("b", lambda: compute(5)) == 25
    assert calls == [2, 3, 4, 5]
    with pytest.raises(ValueError):
        BoundedMemo(0)


def test_a_range_on_a_number_that_does_not_count_is_named_with_why():
    # GPT-human's error ratio has a range slider, but the ratio is used only when the human level comes from it.
    params = gpt_human.CHAIN.params
    inactive = next(p for p in params.params if params.inactive_reason(p.key, params.defaults())
                    and width_key(p.key) in params)
    values = {**params.defaults(), width_key(inactive.key): 1.0}
    assert inactive.key not in {r.param.key for r in ranges(params, values)}
    left = dict((p.key, why) for p, why in ranges_left_out(params, values))
    assert left[inactive.key].startswith("Not used while")
    assert inactive.key not in dict((p.key, w) for p, w in ranges_left_out(params, {**values, width_key(inactive.key): 0}))


def test_a_weighted_choice_is_drawn_at_its_weights_and_reproduces_ai_2027s_mixture():
    chain = get("time-horizons")
    values = {**chain.params.defaults(), "method": "ai2027", "u_growth": 1.0}
    batch = draw(chain.params, values, 20_000, seed=3)
    share = {g: float(np.mean(batch["growth"] == g)) for g in chain.params["growth"].choices}
    # AI 2027: 45% superexponential, 10% subexponential; 20,000 draws put each share within 0.01 (3.5 sigma).
    assert share == pytest.approx({"exponential": 0.45, "superexponential": 0.45, "subexponential": 0.10}, abs=0.01)
    off = draw(chain.params, {**values, "u_growth": 0.0}, 100, seed=3)
    assert off["growth"] == values["growth"]  # switched off: held as set
    d = run_draws(chain, values, 2000, 3)
    assert d.choices and d.varies
    assert np.nanstd(d.heads.values["year_target"]) > 0  # some draws end after 2050 (no value)
