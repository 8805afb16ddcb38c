"""Property tests for lib/chains/bio_anchors/: bounds, monotonicity, weight invariance.

Any valid registry values (drawn within each parameter's bounds; log-scale ones
uniformly in the exponent) must give a CDF: non-decreasing, within [0, 1].
Faster hardware, faster algorithms or a bigger budget never lower any year's
probability; scaling every anchor weight by one constant changes nothing.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lib.chains.bio_anchors.model import run
from lib.chains.bio_anchors.params import PARAMS
from lib.chains.bio_anchors.published import ANCHOR_KEYS
from lib.core.registry import Param

TOL = 1e-12


def _value(p: Param) -> st.SearchStrategy:
    if p.kind == "choice":
        return st.sampled_from(p.choices)
    if p.kind == "bool":
        return st.booleans()
    if p.scale == "log":
        return st.floats(math.log10(p.min), math.log10(p.max)).map(lambda e: 10.0**e)
    return st.floats(p.min, p.max)


# Model inputs only: the uncertainty view's settings (draws, seed, ranges) change no single run.
VALUES = st.fixed_dictionaries({p.key: _value(p) for p in PARAMS.params if p.role == "model"})
FASTER = st.floats(0.05, 0.95)  # multiplier < 1 on a halving/doubling time


def _clamp(key: str, x: float) -> float:
    return min(max(x, PARAMS[key].min), PARAMS[key].max)


@settings(max_examples=200, deadline=None)
@given(VALUES)
def test_probabilities_form_a_cdf(values: dict) -> None:
    r = run(values)
    for series in (r.p_tai, *r.p_by_anchor.values()):
        assert np.all(np.isfinite(series))
        assert np.all(series >= 0.0) and np.all(series <= 1.0)
        assert np.all(np.diff(series) >= -TOL)
    assert np.all(np.isfinite(r.log10_compute))
    if r.median_year is not None:
        assert 2025 <= r.median_year <= 2100
        assert r.p_by(2100) >= 0.5
    else:
        assert r.p_by(2100) < 0.5


@settings(deadline=None)
@given(VALUES, FASTER)
def test_faster_hardware_never_lowers_probability(values: dict, factor: float) -> None:
    faster = {**values, "hw_halving": _clamp("hw_halving", values["hw_halving"] * factor)}
    assert np.all(run(faster).p_tai >= run(values).p_tai - TOL)


@settings(deadline=None)
@given(VALUES, FASTER, st.floats(0.0, 3.0))
def test_faster_algorithms_never_lower_probability(values: dict, factor: float, extra_cap: float) -> None:
    base = {**values, "algo": "global"}
    faster = {
        **base,
        "algo_halving": _clamp("algo_halving", base["algo_halving"] * factor),
        "algo_cap": _clamp("algo_cap", base["algo_cap"] + extra_cap),
    }
    assert np.all(run(faster).p_tai >= run(base).p_tai - TOL)


@settings(deadline=None)
@given(VALUES, st.floats(1.0, 100.0), FASTER, st.floats(0.0, 5.0))
def test_bigger_budget_never_lowers_probability(values: dict, mult: float, factor: float, share: float) -> None:
    bigger = {
        **values,
        "spend": _clamp("spend", values["spend"] * mult),
        "spend_doubling": _clamp("spend_doubling", values["spend_doubling"] * factor),
        "gdp_share": _clamp("gdp_share", values["gdp_share"] + share),
    }
    assert np.all(run(bigger).p_tai >= run(values).p_tai - TOL)


@settings(deadline=None)
@given(VALUES, st.floats(1e-3, 1e3))
def test_scaling_all_weights_changes_nothing(values: dict, c: float) -> None:
    # Below 1e-9 in total the model treats the weights as all zero (and says so).
    assume(sum(values[f"w_{k}"] for k in ANCHOR_KEYS) * min(c, 1.0) >= 1e-6)
    # Weights live in the registry's 0-100 range; beyond it they are clamped, not scaled.
    assume(max(values[f"w_{k}"] for k in ANCHOR_KEYS) * c <= 100.0)
    scaled = {**values, **{f"w_{k}": values[f"w_{k}"] * c for k in ANCHOR_KEYS}}
    a, b = run(values), run(scaled)
    np.testing.assert_allclose(b.p_tai, a.p_tai, rtol=1e-9, atol=1e-15)
    for k in ANCHOR_KEYS:
        assert math.isclose(a.weights[k], b.weights[k], rel_tol=1e-9, abs_tol=1e-15)
    assert math.isclose(sum(a.weights.values()), 1.0)
