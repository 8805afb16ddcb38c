"""Properties of the scaling laws and the registry that must hold for any input."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.chains import loss
from lib.core import scaling_laws as sl

compute = st.floats(min_value=1e18, max_value=1e32)
exponent = st.floats(min_value=0.01, max_value=0.2)
law = st.builds(sl.ChinchillaLaw, e=st.floats(0, 3), a=st.floats(10, 5000), b=st.floats(10, 10000),
                alpha=st.floats(0.05, 1.0), beta=st.floats(0.05, 1.0))


@given(c1=compute, c2=compute, k=st.floats(1, 5), b=exponent)
def test_more_compute_never_raises_power_law_loss(c1, c2, k, b):
    lo, hi = sorted((c1, c2))
    assert sl.power_law_compute(hi, k, b) <= sl.power_law_compute(lo, k, b)


@given(c1=compute, c2=compute, law=law)
def test_more_compute_never_raises_frontier_loss(c1, c2, law):
    lo, hi = sorted((c1, c2))
    assert sl.chinchilla_frontier_loss(hi, law) <= sl.chinchilla_frontier_loss(lo, law) * (1 + 1e-12)
    assert sl.chinchilla_frontier_loss(hi, law) >= law.e


@given(c1=compute, c2=compute, bend=compute, halving=st.floats(0.2, 20), floor=st.floats(0, 2))
def test_weak_scenario_is_monotone_and_above_line_and_floor(c1, c2, bend, halving, floor):
    lo, hi = sorted((c1, c2))
    fit = sl.GPT3_FIT
    w = sl.weak_scenario(np.array([lo, hi]), fit.coef, fit.exponent, bend, halving, floor)
    assert w[1] <= w[0] * (1 + 1e-12)
    assert np.all(w >= floor)
    assert np.all(w >= sl.power_law_compute(np.array([lo, hi]), fit.coef, fit.exponent) * (1 - 1e-12))


@settings(max_examples=50, deadline=None)
@given(c=compute, law_key=st.sampled_from(["hoffmann", "besiroglu", "kaplan_nd"]))
def test_run_is_finite_for_any_budget(c, law_key):
    r = loss.run({"compute": c, "iso_law": law_key})
    assert all(np.isfinite(v) for v in r.loss_at_budget.values())
    for n, y in r.iso_curves.values():
        assert np.all(np.isfinite(y)) and np.all(np.isfinite(n))
