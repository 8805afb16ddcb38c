"""Every chain's parameters survive the URL: any registry value round-trips, any query string yields valid values."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.chains import CHAINS
from lib.core.registry import Param


def _value_strategy(p: Param):
    if p.options:
        return st.sampled_from(p.options)
    if p.kind == "bool":
        return st.booleans()
    if p.kind == "choice":
        return st.sampled_from(p.choices)
    if p.kind == "multi":
        return st.lists(st.sampled_from(p.choices), unique=True).map(lambda xs: tuple(c for c in p.choices if c in xs))
    if p.kind == "int":
        return st.integers(min_value=int(p.min), max_value=int(p.max)).map(float)
    if p.scale == "log":
        return st.sampled_from(p.log_grid())
    # A linear slider holds its steps only; finer values are rounded with a warning (tested below).
    return st.integers(0, int(round((p.max - p.min) / p.step))).map(lambda i: p.snap(p.min + i * p.step))


@pytest.mark.parametrize("chain", CHAINS, ids=[c.key for c in CHAINS])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_registry_value_round_trips_through_the_url(chain, data):
    for p in chain.params.params:
        value = data.draw(_value_strategy(p), label=p.key)
        text = p.format_value(value)
        parsed, warning = p.parse(text)
        assert warning is None, p.key
        # Six significant figures in the URL: exact for grid and step values, within 5e-6 for any
        # float; the text itself is stable after one trip.
        if p.kind == "float":
            assert parsed == pytest.approx(value, rel=1e-5), p.key
        else:
            assert parsed == value, p.key
        assert p.format_value(parsed) == text, p.key


@pytest.mark.parametrize("chain", CHAINS, ids=[c.key for c in CHAINS])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_query_string_yields_valid_values(chain, data):
    keys = st.sampled_from(chain.params.keys + ("junk",))
    raw = data.draw(st.dictionaries(keys, st.text(max_size=12) | st.lists(st.text(max_size=8), max_size=3),
                                    max_size=6))
    values, _ = chain.params.validate(raw)
    for p in chain.params.params:
        v = values[p.key]
        if p.kind in ("float", "int"):
            assert p.min <= v <= p.max, p.key
        elif p.kind == "choice":
            assert v in p.choices, p.key
        elif p.kind == "multi":
            assert set(v) <= set(p.choices), p.key


@pytest.mark.parametrize("chain", CHAINS, ids=[c.key for c in CHAINS])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_value_finer_than_its_slider_is_rounded_and_said(chain, data):
    linear = [p for p in chain.params.params if p.kind == "float" and p.scale == "linear" and not p.options]
    p = data.draw(st.sampled_from(linear))
    value = data.draw(st.floats(min_value=p.min, max_value=p.max))
    parsed, warning = p.parse(repr(value))
    assert parsed == p.snap(value) and abs(parsed - value) <= p.step / 2 + 1e-9
    assert (warning is None) == (parsed == value), (p.key, value, parsed, warning)
    if warning:
        assert "finer than this slider's step" in warning and p.key in warning
