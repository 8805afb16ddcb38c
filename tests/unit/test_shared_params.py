"""Parameters two chains use are one declaration with one key; renamed link keys keep working."""

from __future__ import annotations

import dataclasses

import pytest

from lib.chains import CHAINS, bio_anchors, gpt_human, loss
from lib.core.registry import RENAMED_KEYS, RENAMED_KEYS_BY_PAGE, Param, ParamSet
from lib.core.shared_params import SHARED, SHARED_KEYS, shared_in
from lib.data.fit import model as fitting
from lib.data.trends import model as trends

# Every page's parameters: the chains', the trends page's and the fit page's. Pages share one session
# and links cross pages, so a key must mean one quantity on all of them.
EVERY_SET: tuple[ParamSet, ...] = (*(c.params for c in CHAINS), trends.PARAMS, fitting.PARAMS)


def _declaration(p: Param) -> Param:
    # Only whether it is in use may differ (the GPT-human target can be set by ratio instead).
    return dataclasses.replace(p, active_when=None, inactive_when=None)


def test_one_key_means_one_quantity_on_every_page():
    """Two pages that declare the same key declare the same parameter (range, default, unit, meaning)."""
    seen: dict[str, tuple[str, Param]] = {}
    clashes = []
    for params in EVERY_SET:
        for p in params.params:
            first = seen.setdefault(p.key, (params.model, p))
            if _declaration(first[1]) != _declaration(p):
                clashes.append(f"{p.key}: {first[0]} and {params.model}")
    assert not clashes, clashes


def test_the_check_catches_a_clash():
    a = ParamSet("a", (Param("floor", "Floor", "nats", 0.0, "", SHARED[0].source, min=0.0, max=3.0),))
    b = ParamSet("b", (Param("floor", "Floor", "log10 FLOP", 24.0, "", SHARED[0].source, min=20.0, max=30.0),))
    assert _declaration(a["floor"]) != _declaration(b["floor"])


def test_every_shared_parameter_is_the_same_declaration_in_every_chain_that_uses_it():
    for param in SHARED:
        users = [c for c in CHAINS if param.key in c.params]
        assert len(users) >= 2, param.key
        for chain in users:
            # Only whether it is in use may differ (the GPT-human target can be set by ratio instead).
            own = dataclasses.replace(chain.params[param.key], active_when=None, inactive_when=None)
            assert own == param, (chain.key, param.key)


def test_the_gpt3_fit_the_human_level_loss_and_the_laws_constants_are_shared_by_loss_and_gpt_human():
    assert shared_in(loss.PARAMS) == shared_in(gpt_human.PARAMS) == SHARED_KEYS
    assert {"fit_k", "fit_b", "human", "k_alpha", "k_cc", "h_e", "b_beta"} <= set(SHARED_KEYS)
    assert shared_in(bio_anchors.PARAMS) == ()


@pytest.mark.parametrize(("old", "new"), sorted(RENAMED_KEYS.items()))
def test_an_old_key_reads_as_the_new_one_without_a_warning(old, new):
    params = gpt_human.PARAMS
    text = params[new].format_value(params[new].max)
    check = params.check_query({old: text})
    assert check.problems == ()
    assert check.values[new] == params[new].max
    assert check.query == {new: text}  # the address bar then shows the current key


def test_old_and_new_key_together_use_the_new_one_and_say_so():
    check = gpt_human.PARAMS.check_query({"human": "0.9", "loss": "0.7"})
    assert check.values["human"] == 0.9
    assert [p.kind for p in check.problems] == ["repeated"]


def test_a_renamed_key_a_page_does_not_have_is_unknown_under_its_own_name():
    check = bio_anchors.PARAMS.check_query({"coef": "2"})
    assert [p.kind for p in check.problems] == ["unknown"] and "coef" in str(check.problems[0])


def test_renamed_keys_never_shadow_a_current_key():
    current = {k for c in CHAINS for k in c.params.keys}
    assert not set(RENAMED_KEYS) & current
    assert set(RENAMED_KEYS.values()) <= current


@pytest.mark.parametrize(("page", "old", "new"), [(page, old, new) for page, keys in sorted(RENAMED_KEYS_BY_PAGE.items())
                                                  for old, new in sorted(keys.items())])
def test_a_key_renamed_on_one_page_still_opens_there_and_keeps_its_meaning_elsewhere(page, old, new):
    params = next(s for s in EVERY_SET if s.model == page)
    assert old not in params and new in params
    p = params[new]
    text = p.format_value(p.max if p.kind in ("float", "int") else p.default)
    check = params.check_query({old: text})
    assert check.problems == () and check.query == params.non_defaults({new: check.values[new]})
    for other in EVERY_SET:  # where the old key is a current key, it is that page's own parameter
        if other.model != page and old in other:
            assert other.current_keys({old: "1"}) == {old: "1"}


def test_the_requirement_floor_and_the_irreducible_loss_are_two_keys():
    """The seam that crashed a page: `floor` meant nats on one chain and log10 FLOP on the other."""
    assert "floor" in gpt_human.PARAMS and "floor" not in bio_anchors.PARAMS
    assert bio_anchors.PARAMS.check_query({"floor": "27"}).values["req_floor"] == 27.0
