"""The parameter registry: parsing, clamping, URL text and presets."""

import itertools
import math

import pytest

from lib.chains import gpt_human, loss
from lib.core.registry import Param, ParamSet, Source
from lib.core.units import format_number

SRC = Source("test")


def test_format_number_is_compact_and_round_trips():
    assert format_number(5.76e23) == "5.76e23"
    assert format_number(1e18) == "1e18"
    assert format_number(0.048) == "0.048"
    assert format_number(2085.43) == "2085.43"
    for x in (5.76e23, 3.14e23, 0.3478, 2085.43, 1e32):
        assert float(format_number(x)) == x


def test_parse_clamps_and_names_the_parameter():
    p = loss.PARAMS["compute"]
    value, warning = p.parse("1e40")
    assert value == 1e32 and "compute" in warning and "clamped" in warning
    value, warning = p.parse("abc")
    assert value == p.default and "compute" in warning
    for bad in ("nan", "inf", "-inf", ""):
        value, warning = p.parse(bad)
        assert math.isfinite(value) and warning


def test_validate_reports_unknown_keys_and_ignores_owned_ones():
    values, warnings = loss.PARAMS.validate({"compute": "5.76e23", "zzz": "1", "own": "x"}, ignore=("own",))
    assert values["compute"] == 5.76e23
    assert len(warnings) == 1 and "zzz" in warnings[0]


def test_bool_and_choice_parsing():
    assert loss.PARAMS["kaplan"].parse("false") == (False, None)
    assert loss.PARAMS["kaplan"].parse("maybe")[1]
    assert loss.PARAMS["iso_law"].parse("besiroglu") == ("besiroglu", None)
    assert loss.PARAMS["iso_law"].parse("other")[0] == "hoffmann"


def test_non_defaults_keeps_links_short():
    values = {**loss.PARAMS.defaults(), "compute": 5.76e23, "weak": False}
    assert loss.PARAMS.non_defaults(values) == {"compute": "5.76e23", "weak": "false"}
    assert loss.PARAMS.non_defaults(loss.PARAMS.defaults()) == {}


def test_log_grid_contains_default_and_spans_bounds():
    p = loss.PARAMS["compute"]
    grid = p.log_grid()
    assert grid[0] == p.min and grid[-1] == p.max and p.default in grid
    assert all(b > a for a, b in itertools.pairwise(grid))
    assert 5.76e23 in p.widget_options([5.76e23, 1e40])
    assert 1e40 not in p.widget_options([1e40])


def test_declarations_are_checked():
    with pytest.raises(ValueError):
        Param("Bad Key", "x", "", 1.0, "", SRC)
    with pytest.raises(ValueError):
        Param("x", "x", "", 5.0, "", SRC, min=0, max=1)
    with pytest.raises(ValueError):
        ParamSet("m", (Param("x", "x", "", 0.5, "", SRC), Param("x", "y", "", 0.5, "", SRC)))


def test_every_loss_default_and_preset_is_valid():
    for p in loss.PARAMS.params:
        assert p.parse(p.format_value(p.default)) == (p.default, None), p.key
    for preset in loss.PRESETS:
        preset.check(loss.PARAMS)
    grouped = [k for _, keys in loss.PARAMS.groups for k in keys]
    assert sorted(grouped) == sorted(loss.PARAMS.keys)


def test_multi_choice_parses_lists_and_commas_and_keeps_declared_order():
    p = Param("refs", "r", "", ("a",), "", SRC, kind="multi", choices=("a", "b", "c"))
    assert p.parse(["c", "a"]) == (("a", "c"), None)
    assert p.parse("b,a") == (("a", "b"), None)
    value, warning = p.parse(["a", "zz"])
    assert value == ("a",) and "zz" in warning
    params = ParamSet("m", (p,))
    assert params.non_defaults({"refs": ("b", "c")}) == {"refs": ["b", "c"]}
    with pytest.raises(ValueError):
        Param("refs", "r", "", ("q",), "", SRC, kind="multi", choices=("a",))


def test_coerce_native_values_keeps_precision_and_reports_problems():
    values, warnings = loss.PARAMS.coerce({"fit_b": 0.0481234567, "compute": 1e40, "kaplan": False,
                                           "iso_law": "nope", "zzz": 1})
    assert values["fit_b"] == 0.0481234567  # not rounded through URL text
    assert values["compute"] == 1e32 and values["kaplan"] is False and values["iso_law"] == "hoffmann"
    assert len(warnings) == 3 and all(any(k in w for w in warnings) for k in ("compute", "iso_law", "zzz"))
    assert values["h_e"] == loss.PARAMS["h_e"].default


def test_check_keeps_the_problem_that_parse_reports_as_text():
    p = loss.PARAMS["compute"]
    for text in ("1e40", "abc", "nan", "5.76e23", ["1e20", "1e21"]):
        value, problem = p.check(text)
        assert p.parse(text) == (value, None if problem is None else str(problem))


def test_display_shows_choices_by_label_and_switches_as_on_off():
    assert gpt_human.PARAMS["target"].display("ratio") == "Error ratio to reference"
    assert loss.PARAMS["kaplan"].display(False) == "off"
    assert loss.PARAMS["compute"].display(5.76e23) == "5.76e23"


def test_non_defaults_ignores_float_noise():
    values = {**loss.PARAMS.defaults(), "fit_b": loss.PARAMS["fit_b"].default * (1 + 1e-12)}
    assert loss.PARAMS.non_defaults(values) == {}
