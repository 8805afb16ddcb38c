"""Properties of the scaling laws and the registry that must hold for any input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import loss
from lib import scaling_laws as sl

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
    w = sl.weak_scenario(np.array([lo, hi]), 2.57, 0.048, bend, halving, floor)
    assert w[1] <= w[0] * (1 + 1e-12)
    assert np.all(w >= floor)
    assert np.all(w >= sl.power_law_compute(np.array([lo, hi])) * (1 - 1e-12))


@settings(max_examples=50, deadline=None)
@given(c=compute, law_key=st.sampled_from(["hoffmann", "besiroglu", "kaplan_nd"]))
def test_run_is_finite_for_any_budget(c, law_key):
    r = loss.run({"compute": c, "iso_law": law_key})
    assert all(np.isfinite(v) for v in r.loss_at_budget.values())
    for n, y in r.iso_curves.values():
        assert np.all(np.isfinite(y)) and np.all(np.isfinite(n))


def _value_strategy(p):
    if p.kind == "bool":
        return st.booleans()
    if p.kind == "choice":
        return st.sampled_from(p.choices)
    if p.scale == "log":
        return st.sampled_from(p.log_grid())
    return st.floats(min_value=p.min, max_value=p.max)


@given(st.data())
def test_any_registry_value_round_trips_through_the_url(data):
    for p in loss.PARAMS.params:
        value = data.draw(_value_strategy(p), label=p.key)
        text = p.format_value(value)
        parsed, warning = p.parse(text)
        assert warning is None, p.key
        # Six significant figures in the URL: exact for grid and step values, and
        # within 5e-6 for any float; the text itself is stable after one trip.
        if isinstance(value, float):
            assert parsed == pytest.approx(value, rel=1e-5), p.key
        else:
            assert parsed == value, p.key
        assert p.format_value(parsed) == text, p.key


@given(st.dictionaries(st.sampled_from(loss.PARAMS.keys + ("junk",)), st.text(max_size=12), max_size=6))
def test_any_query_string_yields_valid_values(raw):
    values, _ = loss.PARAMS.validate(raw)
    for p in loss.PARAMS.params:
        v = values[p.key]
        if p.kind in ("float", "int"):
            assert p.min <= v <= p.max
        elif p.kind == "choice":
            assert v in p.choices
