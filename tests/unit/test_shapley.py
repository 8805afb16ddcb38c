"""Exact Shapley values of games on 2^k coalitions: the four defining properties and a hand-worked game."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lib.tools.compare.shapley import MAX_PLAYERS, coalitions, shapley_values

finite = st.floats(-1e3, 1e3, allow_nan=False)


@st.composite
def games(draw, max_k: int = 6):
    k = draw(st.integers(0, max_k))
    return draw(arrays(np.float64, 2 ** k, elements=finite))


def test_coalition_rows_are_the_bits_of_their_index():
    table = coalitions(3)
    assert table.shape == (8, 3)
    assert table[0].tolist() == [False, False, False]
    assert table[5].tolist() == [True, False, True]  # 5 = 0b101
    assert table[7].all()
    with pytest.raises(ValueError):
        coalitions(MAX_PLAYERS + 1)


def test_a_two_player_game_by_hand():
    # v(∅)=0, v({0})=10, v({1})=20, v({0,1})=50: each player's average marginal effect.
    phi = shapley_values(np.array([0.0, 10.0, 20.0, 50.0]))
    assert phi == pytest.approx([(10 + 30) / 2, (20 + 40) / 2], abs=1e-12)


def test_a_game_that_is_not_on_2_to_the_k_coalitions_is_refused():
    with pytest.raises(ValueError):
        shapley_values(np.zeros(6))


@settings(max_examples=200, deadline=None)
@given(games())
def test_efficiency_the_values_add_up_to_the_whole_difference(v):
    assert shapley_values(v).sum() == pytest.approx(v[-1] - v[0], abs=1e-9 * (1 + np.abs(v).max()))


@settings(max_examples=200, deadline=None)
@given(games(), st.data())
def test_a_dummy_player_gets_nothing(v, data):
    k = len(v).bit_length() - 1
    if k == 0:
        return
    j = data.draw(st.integers(0, k - 1))
    # Make j a dummy: a coalition with j is worth what it is worth without j.
    idx = np.arange(len(v))
    v = v.copy()
    v[idx | (1 << j)] = v[idx & ~(1 << j)]
    assert shapley_values(v)[j] == pytest.approx(0.0, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(games(), st.data())
def test_additivity_the_values_of_a_sum_of_games_are_the_sums(v, data):
    w = data.draw(arrays(np.float64, len(v), elements=finite))
    assert shapley_values(v + w) == pytest.approx(shapley_values(v) + shapley_values(w), abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(games())
def test_swapping_the_two_ends_negates_every_value(v):
    # Starting from B and switching to A: coalition S of the swapped game is the complement of S here.
    k = len(v).bit_length() - 1
    swapped = v[(len(v) - 1) ^ np.arange(len(v))]
    assert shapley_values(swapped) == pytest.approx(-shapley_values(v), abs=1e-9)
    if k:
        assert swapped[0] == v[-1]


@settings(max_examples=100, deadline=None)
@given(games(max_k=4), st.data())
def test_symmetric_players_get_equal_values(v, data):
    k = len(v).bit_length() - 1
    if k < 2:
        return
    i, j = data.draw(st.lists(st.integers(0, k - 1), min_size=2, max_size=2, unique=True))
    # Symmetrise the game in i and j: swapping their bits leaves every coalition's worth unchanged.
    idx = np.arange(len(v))
    bi, bj = (idx >> i) & 1, (idx >> j) & 1
    partner = idx & ~(1 << i) & ~(1 << j) | (bj << i) | (bi << j)
    v = (v + v[partner]) / 2
    phi = shapley_values(v)
    assert phi[i] == pytest.approx(phi[j], abs=1e-9)


def test_several_games_at_once_equal_each_alone():
    rng = np.random.default_rng(7)
    v = rng.normal(size=(16, 3))
    together = shapley_values(v)
    for m in range(3):
        assert together[:, m] == pytest.approx(shapley_values(v[:, m]), abs=1e-12)
