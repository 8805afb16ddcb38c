"""Comparing two views: the Shapley split on every chain, its properties, and the cases without a number."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.chains import CHAINS, get
from lib.tools.compare.model import coalition_batch, compare, compare_links, notes, players_for, sentence
from lib.tools.compare.shapley import MAX_PLAYERS, shapley_values
from lib.tools.links.model import read_link

IDS = [c.key for c in CHAINS]


def _value(draw, p):
    if p.kind == "bool":
        return draw(st.booleans())
    if p.kind == "choice":
        return draw(st.sampled_from(p.choices))
    if p.scale == "log":
        value = 10 ** draw(st.floats(math.log10(p.min), math.log10(p.max)))
    else:
        value = draw(st.floats(p.min, p.max))
    value = min(max(value, p.min), p.max)
    return float(round(value)) if p.kind == "int" else value


@st.composite
def view_pairs(draw, chain, max_diff: int = 5):
    """A random view A, and B: A with a few parameters drawn again."""
    inputs = [p for p in chain.params.params if p.kind != "multi" and p.role == "model"]
    a = {p.key: _value(draw, p) for p in inputs}
    keys = draw(st.lists(st.sampled_from([p.key for p in inputs]), min_size=0, max_size=max_diff, unique=True))
    b = {**a, **{k: _value(draw, chain.params[k]) for k in keys}}
    return a, b


def _expected_diff(chain, h, a_values, b_values):
    """B − A straight from the chain's own headlines, in the split's units, horizon standing in for a gap."""
    ends = []
    for values in (a_values, b_values):
        got = chain.headline_values(values)[h.headline.key].value
        got = h.headline.horizon if got is None else got
        ends.append(math.log10(got) if h.headline.scale == "log" else got)
    return ends[1] - ends[0]


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
@SETTINGS
@given(data=st.data())
def test_efficiency_contributions_add_up_to_b_minus_a(chain, data):
    a, b = data.draw(view_pairs(chain))
    c = compare(chain, a, b)
    for h in c.headlines:
        if h.unavailable:
            continue
        assert h.diff == pytest.approx(_expected_diff(chain, h, c.a, c.b), abs=1e-9)
        total = sum(h.contributions.values())
        assert total == pytest.approx(h.diff, abs=1e-9 * (1 + abs(h.start))), h.headline.key


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
@SETTINGS
@given(data=st.data())
def test_symmetry_swapping_a_and_b_negates_every_contribution(chain, data):
    a, b = data.draw(view_pairs(chain))
    ab, ba = compare(chain, a, b), compare(chain, b, a)
    for h1, h2 in zip(ab.headlines, ba.headlines):
        assert (h1.unavailable is None) == (h2.unavailable is None)
        assert set(h1.contributions) == set(h2.contributions)
        for key, value in h1.contributions.items():
            assert h2.contributions[key] == pytest.approx(-value, abs=1e-9 * (1 + abs(h1.start or 0)))


# A display setting each chain has, which no headline reads.
DISPLAY = {"loss": ("kaplan", False), "gpt-human": ("dollars", "today"), "bio-anchors": ("anchors", False),
           "time-horizons": ("cutoff", 2024.0)}  # the cut-off moves only the "what happened since" view


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
@SETTINGS
@given(data=st.data())
def test_dummy_a_parameter_that_moves_no_headline_contributes_nothing(chain, data):
    a, b = data.draw(view_pairs(chain, max_diff=3))
    key, other = DISPLAY[chain.key]
    assert other != chain.params[key].default
    a[key], b[key] = chain.params[key].default, other
    c = compare(chain, a, b)
    assert key in c.differences
    for h in c.headlines:
        if not h.unavailable:
            assert h.contributions[key] == 0.0, h.headline.key


@pytest.mark.parametrize("chain", CHAINS, ids=IDS)
@SETTINGS
@given(data=st.data())
def test_additivity_the_split_of_a_sum_of_headlines_is_the_sum_of_their_splits(chain, data):
    a, b = data.draw(view_pairs(chain, max_diff=4))
    c = compare(chain, a, b)
    if not c.players:
        return
    heads = chain.run_batch(coalition_batch(chain, c.a, c.b, c.players))
    usable = [h for h in c.headlines if not h.unavailable and not h.capped and h.headline.scale == "linear"]
    if len(usable) < 2:
        return
    first, second = usable[:2]
    summed = shapley_values(heads.values[first.headline.key] + heads.values[second.headline.key])
    for j, player in enumerate(c.players):
        assert summed[j] == pytest.approx(first.contributions[player.key] + second.contributions[player.key], abs=1e-9)


def test_a_parameter_equal_in_both_views_is_not_a_player():
    chain = get("bio-anchors")
    c = compare(chain, {"hw_halving": 2.0, "spend": 1e9}, {"hw_halving": 1.5, "spend": 1e9})
    assert [p.key for p in c.players] == ["hw_halving"]
    assert c.differences == ("hw_halving",)


def test_gpt_human_year_affordable_when_only_budget_and_halving_differ_matches_its_algebra():
    chain = get("gpt-human")
    a, b = {"budget": 1e9, "halving": 16.0}, {"budget": 1e11, "halving": 10.0}
    c = compare(chain, a, b)
    cost = chain.run({}).cost_start_usd  # the same in both: neither the target nor the reference moves
    start = float(chain.params["start"].default)
    l1, l2 = math.log2(cost / a["budget"]), math.log2(cost / b["budget"])
    h1, h2 = a["halving"] / 12, b["halving"] / 12
    # year = start + L(budget) * h; the Shapley split of a product of two switched factors:
    assert c.headline("year_affordable").start == pytest.approx(start + l1 * h1)
    assert c.headline("year_affordable").contributions["budget"] == pytest.approx((l2 - l1) * (h1 + h2) / 2)
    assert c.headline("year_affordable").contributions["halving"] == pytest.approx((h2 - h1) * (l1 + l2) / 2)
    # The compute needed does not depend on either: both contribute nothing to it.
    assert c.headline("compute_multiplier").contributions == {"budget": 0.0, "halving": 0.0}


def test_the_default_example_cotra_2020_against_2022_is_split_and_said_in_words():
    chain = get("bio-anchors")
    update = next(p for p in chain.presets if "2022" in p.name)
    c = compare(chain, chain.params.defaults(), {**chain.params.defaults(), **update.values})
    h = c.headline("median_year")
    assert c.method == "exact"
    assert h.diff < -5  # the update brings the median years earlier
    text = sentence(c, "median_year")
    top = c.player(next(iter(h.contributions))).label
    assert text.startswith(f"Of the {abs(h.diff):.1f} years between A and B (B is earlier), {top} accounts for")
    assert list(h.contributions.values()) == sorted(h.contributions.values(), key=lambda x: -abs(x))


def test_more_than_twelve_differences_are_split_over_the_registry_groups():
    chain = get("bio-anchors")
    p = chain.params
    numbers = [q for q in p.params if q.kind in ("float", "int") and q.role == "model"][:MAX_PLAYERS + 2]
    b = {q.key: q.max if q.default != q.max else q.min for q in numbers}
    c = compare(chain, {}, b)
    assert c.method == "groups"
    assert {pl.key for pl in c.players} <= {title for title, _ in p.groups}
    assert sorted(k for pl in c.players for k in pl.keys) == sorted(q.key for q in numbers)
    for h in c.headlines:
        if not h.unavailable:
            assert sum(h.contributions.values()) == pytest.approx(h.diff, abs=1e-9)
    assert any("groups" in n for n in notes(c))
    assert players_for(chain, tuple(q.key for q in numbers[:MAX_PLAYERS]))[1] == "exact"


def test_a_median_after_2100_stands_at_2100_and_the_page_says_so():
    chain = get("bio-anchors")
    late = {f"p50_{k}": 50.0 for k in ("life", "short", "med", "long", "genome", "evo")}
    c = compare(chain, {}, late)
    h = c.headline("median_year")
    assert h.b.value is None and h.b.reason == "after 2100"
    assert h.capped and h.end == 2100.0
    assert sum(h.contributions.values()) == pytest.approx(2100.0 - h.start)
    assert any("2100" in n and "horizon" in n for n in notes(c))


def test_a_headline_missing_without_a_horizon_is_not_split_and_says_why():
    chain = get("gpt-human")
    c = compare(chain, {}, {"floor": 1.0})  # the target is below the floor: no compute reaches it
    h = c.headline("compute_multiplier")
    assert h.unavailable and "no horizon" in h.unavailable and h.contributions == {}
    assert sentence(c, "compute_multiplier") == h.unavailable
    years = c.headline("year_affordable")
    assert years.capped and years.end == 2200.0


def test_log_headlines_are_split_in_orders_of_magnitude():
    chain = get("loss")
    c = compare(chain, {}, {"fit_b": 0.06})
    h = c.headline("human_compute")
    a = chain.headline_values({})["human_compute"].value
    b = chain.headline_values({"fit_b": 0.06})["human_compute"].value
    assert h.diff == pytest.approx(math.log10(b / a))
    assert "orders of magnitude" in sentence(c, "human_compute")


def test_identical_views_have_nothing_to_split():
    chain = get("loss")
    c = compare(chain, {"compute": 1e24}, {"compute": 1e24})
    assert c.differences == () and c.players == ()
    assert all(h.diff == 0 and h.contributions == {} for h in c.headlines)


def test_links_of_two_chains_cannot_be_compared():
    with pytest.raises(ValueError, match="same chain"):
        compare_links(read_link("/loss"), read_link("/bio_anchors"))


def test_every_chain_splits_twelve_differences_in_one_batch():
    for chain in CHAINS:
        numbers = [q for q in chain.params.params if q.kind in ("float", "int") and q.role == "model"][:MAX_PLAYERS]
        b = {q.key: q.max if q.default != q.max else q.min for q in numbers}
        batch = coalition_batch(chain, {**chain.params.defaults()}, {**chain.params.defaults(), **b},
                                players_for(chain, tuple(q.key for q in numbers))[0])
        assert all(np.size(v) in (1, 2 ** MAX_PLAYERS) for k, v in batch.items() if chain.params[k].kind != "multi")
        c = compare(chain, {}, b)
        assert len(c.players) == MAX_PLAYERS and c.method == "exact"


def test_a_difference_with_a_view_that_has_no_value_is_said_in_words_and_the_split_opens_on_the_largest():
    from lib.tools.compare.model import difference_text, largest_first, tables

    chain = get("gpt-human")
    a = chain.params.defaults()
    b = {**a, "floor": 1.0}  # above the human-level target: B never reaches it
    comparison = compare(chain, a, b)
    heads, _ = tables(comparison)
    cells = {row["headline"]: row["B − A"] for row in heads}
    never = [h for h in comparison.headlines if h.b.value is None and h.a.value is not None]
    assert never and all(cells[h.headline.label] == "B has no value (A has one)" for h in never)
    assert not any("years" in difference_text(h) for h in never)
    ordered = largest_first(compare(get("bio-anchors"), get("bio-anchors").params.defaults(),
                                    {**get("bio-anchors").params.defaults(), "hw_halving": 1.5, "spend_doubling": 1.5}))
    assert ordered[0].headline.key == "median_year"  # years first, the chain's first kind of number
    points = [h for h in ordered if h.measure.unit == "percentage points"]
    assert [abs(h.diff) for h in points] == sorted((abs(h.diff) for h in points), reverse=True)
    gpt = largest_first(compare(chain, a, {**a, "budget": 1e10}))
    assert gpt[0].headline.key == "year_affordable" and gpt[0].diff != 0  # never opens on one that did not move
