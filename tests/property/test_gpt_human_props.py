"""Hypothesis properties of lib/chains/gpt_human/: monotone in the obvious directions, never NaN."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from lib.chains.gpt_human.model import cli_results, run, series
from lib.chains.gpt_human.params import PARAMS

NEVER = math.inf
EPS = 1e-9


def _num(key: str) -> st.SearchStrategy[float]:
    p = PARAMS[key]
    return st.floats(min_value=p.min, max_value=p.max, allow_nan=False)


values_st = st.fixed_dictionaries(
    {k: _num(k) for k in ("fit_k", "fit_b", "ref_pfd", "ref_cost", "ratio", "human", "floor",
                          "doubling", "halving", "start", "budget")}
    | {"target": st.sampled_from(PARAMS["target"].choices)}
)


def _year(y: float | None) -> float:
    return NEVER if y is None else y


@given(values_st, _num("doubling"), _num("doubling"))
def test_shorter_doubling_never_delays(values, a, b):
    fast, slow = sorted((a, b))
    y_fast = _year(run({**values, "doubling": fast}).year_compute_reached)
    y_slow = _year(run({**values, "doubling": slow}).year_compute_reached)
    assert y_fast <= y_slow + EPS


@given(values_st, _num("human"), _num("human"))
def test_lower_target_never_earlier(values, a, b):
    low, high = sorted((a, b))
    base = {**values, "target": "loss"}
    y_low = _year(run({**base, "human": low}).year_compute_reached)
    y_high = _year(run({**base, "human": high}).year_compute_reached)
    assert y_low >= y_high - EPS


@given(values_st, _num("budget"), _num("budget"))
def test_larger_budget_never_later(values, a, b):
    small, large = sorted((a, b))
    y_small = _year(run({**values, "budget": small}).year_affordable)
    y_large = _year(run({**values, "budget": large}).year_affordable)
    assert y_large <= y_small + EPS


@given(values_st)
def test_never_nan(values):
    r = run(values)
    for x in cli_results(r).values():
        assert x is None or math.isfinite(x)
    for x in (r.target_loss, r.reference_loss, r.compute_pfdays, r.year_compute_reached_whole,
              r.year_affordable_whole):
        assert x is None or math.isfinite(x)
    s = series(values, r, n=50)
    for arr in (s.frontier_flop, s.cost_usd, s.loss_flop, s.loss):
        assert not any(math.isnan(x) or math.isinf(x) for x in arr)
