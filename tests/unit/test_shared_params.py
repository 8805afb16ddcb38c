"""Parameters two chains use are one declaration with one key; renamed link keys keep working."""

from __future__ import annotations

import dataclasses

import pytest

from lib.chains import CHAINS, bio_anchors, gpt_human, loss
from lib.core.registry import RENAMED_KEYS
from lib.core.shared_params import SHARED, SHARED_KEYS, shared_in


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
