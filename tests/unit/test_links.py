"""Links as outside input: repeated keys, long and hostile text, huge numbers, and what a page may show of them."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from lib.__main__ import main
from lib.chains import bio_anchors, gpt_human, loss
from lib.core.presets import Preset, match_preset
from lib.core.problems import (
    PROBLEMS_SHOWN,
    QUOTE_LIMIT,
    Problem,
    code_span,
    escape_markdown,
    oversized_problem,
    quote,
    summarize,
)
from lib.core.registry import Param, ParamSet, Source

PUNCTUATION = re.escape(string.punctuation)
ROOT = Path(__file__).resolve().parents[2]
LOSS = loss.PARAMS
SRC = Source("test")


def _outside_code_spans(markdown: str) -> str:
    """The Markdown with every code span removed: what is left is our words, which must all be escaped."""
    return re.sub(r"(`+)(.+?)\1", "", markdown)


def assert_inert(markdown: str) -> None:
    """Outside code spans, every ASCII punctuation mark is backslash-escaped (CommonMark: a literal)."""
    rest = _outside_code_spans(markdown)
    for match in re.finditer(rf"[{PUNCTUATION}]", rest):
        i = match.start()
        escaped = i > 0 and rest[i - 1] == "\\" and (i < 2 or rest[i - 2] != "\\")
        assert escaped or (match.group() == "\\" and i + 1 < len(rest) and rest[i + 1] in string.punctuation), (
            rest, i)


# -- repeated keys ---------------------------------------------------------------------------------

def test_a_repeated_key_takes_its_last_value_and_says_so():
    check = LOSS.check_query({"compute": ["1e23", "1e25"]})
    assert check.values["compute"] == 1e25
    assert check.query == {"compute": "1e25"}  # the address bar keeps one of them: the one used
    [problem] = check.problems
    assert problem.kind == "repeated"
    assert str(problem) == "'compute' appears 2 times in the link; the last one, '1e25', was used."


def test_a_repeated_bad_value_reports_both_problems():
    check = LOSS.check_query({"compute": ["1e25", "banana"]})
    assert check.values["compute"] == LOSS["compute"].default
    assert [p.kind for p in check.problems] == ["repeated", "not_number"]


def test_a_multi_choice_key_is_meant_to_repeat():
    check = gpt_human.PARAMS.check_query({"refs": ["apollo", "iraq"]})
    assert check.values["refs"] == ("apollo", "iraq") and check.problems == ()


def test_problems_with_this_pages_parameters_come_before_unknown_keys():
    check = LOSS.check_query({"zzz": "1", "compute": "1e40", "yyy": "2", "fit_b": "x"})
    assert [p.kind for p in check.problems] == ["out_of_range", "not_number", "unknown", "unknown"]
    assert check.query == {"compute": "1e32"}


# -- long and hostile text -------------------------------------------------------------------------

def test_quote_cuts_long_text_and_shows_control_characters():
    assert quote("x" * 5000) == "x" * QUOTE_LIMIT + "…"
    assert quote("x" * QUOTE_LIMIT) == "x" * QUOTE_LIMIT
    assert quote("a\nb\rc\td\u202ee\u200bf\u2028g") == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg"


@pytest.mark.parametrize("text", ["9" * 5000, "banana" * 1000, "[x](http://h/p)" * 300])
def test_a_warning_quotes_at_most_forty_characters(text):
    _, warnings = LOSS.validate({"compute": text, "k" * 5000: "1"})
    assert len(warnings) == 2
    for warning in warnings:
        quoted = re.findall(r"'([^']*)'", warning)
        assert quoted and all(len(q.split("=")[-1]) <= QUOTE_LIMIT + 1 for q in quoted), warning
        assert len(warning) < 150, warning


def test_the_cli_error_line_is_bounded_too(capsys):
    assert main(["loss", "compute=" + "x" * 5000]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: 'compute=xxx") and "…'" in err and len(err) < 100


# -- huge numbers ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "edge"), [("9" * 5000, "max"), ("-" + "9" * 5000, "min"), ("1e999", "max"),
                                            ("-1e999", "min")])
def test_a_number_too_long_for_a_float_is_clamped_like_any_other(text, edge):
    for p in (LOSS["compute"], LOSS["fit_b"], gpt_human.PARAMS["start"]):
        value, problem = p.check(text)
        assert value == getattr(p, edge), p.key
        assert problem.kind == "out_of_range" and "clamped" in str(problem) and "finite" not in str(problem)


@pytest.mark.parametrize("text", ["inf", "-Infinity", "nan", "NaN", "+inf"])
def test_infinity_and_nan_spelt_out_are_not_finite(text):
    value, problem = LOSS["fit_b"].check(text)
    assert value == LOSS["fit_b"].default and problem.kind == "not_finite"


# -- Markdown: our words escaped, outside text in code spans ---------------------------------------

def test_escape_markdown_escapes_every_ascii_punctuation_mark():
    assert escape_markdown(string.punctuation) == "".join("\\" + c for c in string.punctuation)
    assert escape_markdown("plain words 12") == "plain words 12"
    assert escape_markdown("![x](http://h/p.png) <b>") == r"\!\[x\]\(http\:\/\/h\/p\.png\) \<b\>"


@pytest.mark.parametrize("text", ["plain", "a`b", "``x``", "`lead", "trail`", " both ", "![x](http://h/p.png)",
                                  ":material/home: :red[x] $x^2$ <img src=x>"])
def test_code_span_holds_any_text_literally(text):
    span = code_span(text)
    fence = re.match(r"`+", span).group()
    assert len(fence) > max((len(run) for run in re.findall(r"`+", text)), default=0)
    assert span.endswith(fence) and span[len(fence)] != "`" and span[-len(fence) - 1] != "`"
    inner = span[len(fence):-len(fence)]
    if inner.startswith(" ") and inner.endswith(" ") and inner.strip(" "):
        inner = inner[1:-1]  # CommonMark strips one space from each end
    assert inner.replace("\u2060", "") == text


def test_code_span_keeps_streamlits_material_shortcut_apart():
    # Streamlit rewrites ':material/' to ':material_' in the Markdown source, even inside code.
    assert ":material/" not in code_span(":material/home:")


def test_a_problem_renders_outside_text_in_code_and_our_words_escaped():
    _, problem = LOSS["compute"].check("![x](http://127.0.0.1:9/pixel.png)")
    md = problem.markdown()
    assert md.startswith("`compute=![x](http://127.0.0.1:9/pixel.png)`")
    assert_inert(md)
    unknown = LOSS.check_query({"[Session expired](http://host/phish)": "1"}).problems[0]
    assert unknown.markdown().startswith("`[Session expired](http://host/phish)`")
    assert_inert(unknown.markdown())
    assert str(unknown) == "'[Session expired](http://host/phish)' is not a parameter of this page; " \
                           "it was ignored and left out of the link."


# -- how many problems a page shows ---------------------------------------------------------------

def test_summarize_lists_a_few_and_counts_the_rest_by_kind():
    raw = {f"junk{i}": "1" for i in range(997)} | {"compute": ["1e23", "1e40"], "fit_b": "x"}
    problems = LOSS.check_query(raw).problems
    shown = summarize(problems)
    assert len(shown) == PROBLEMS_SHOWN + 1
    assert [p.kind for p in shown[:3]] == ["repeated", "out_of_range", "not_number"]
    assert str(shown[-1]) == "…and 995 more: 995 unknown keys."
    assert summarize(problems[:PROBLEMS_SHOWN]) == problems[:PROBLEMS_SHOWN]
    mixed = summarize([Problem("unknown", ("a",))] * 6 + [Problem("out_of_range", ("b",))])
    assert str(mixed[-1]) == "…and 2 more: 1 unknown key, 1 value out of range."


def test_oversized_problem_says_what_streamlit_did():
    assert str(oversized_problem(1002, 9000, 1000, 524288)).startswith(
        "This link has 1,002 fields, more than the 1,000 Streamlit reads, so Streamlit ignored all of it")
    assert "600,000 characters long" in str(oversized_problem(10, 600_000, 1000, 524288))


# -- the corrected query is the share link --------------------------------------------------------

def test_the_corrected_query_holds_only_non_default_canonical_text():
    params = gpt_human.PARAMS
    default_coef = params["fit_k"].format_value(params["fit_k"].default)  # given under its old name
    check = params.check_query({"doubling": "-5", "coef": default_coef, "start": "2020.6", "zzz": "1",
                                "loss": "0.860"})
    assert check.query == {"doubling": "0.5", "start": "2021"}
    assert check.query == params.non_defaults(check.values)


def test_an_empty_multi_choice_survives_the_link():
    params = gpt_human.PARAMS
    values = {**params.defaults(), "refs": ()}
    assert params.non_defaults(values) == {"refs": ""}
    assert params.check_query({"refs": ""}).values["refs"] == ()
    assert params.check_query({"refs": ["nowhere"]}).query == {"refs": ""}


# -- presets: which one the values are ------------------------------------------------------------

def test_match_preset_names_the_exact_the_near_and_the_custom():
    params, presets = bio_anchors.PARAMS, bio_anchors.PRESETS
    cotra_2022 = next(p for p in presets if p.name.startswith("Cotra 2022"))
    exact = match_preset(params, presets, {**params.defaults(), **cotra_2022.values})
    assert exact.exact and exact.label == cotra_2022.name
    near = match_preset(params, presets, {**params.defaults(), **cotra_2022.values, "spread": 1.5, "req_floor": 27.0})
    assert near.preset is cotra_2022 and near.changed == ("spread", "req_floor")
    assert near.label == "Cotra 2022 update (our fit) · 2 values changed"
    custom = {**params.defaults(), "spread": 1.5, "req_floor": 27.0, "gdp_growth": 5.0, "w_evo": 3.0, "w_life": 9.0}
    assert match_preset(params, presets, custom).label == "Custom"
    one = match_preset(params, presets, {**params.defaults(), "spread": 1.5})
    assert one.label == "Cotra 2020 best guess · 1 value changed"


def test_preset_values_match_within_rounding():
    p = Param("x", "x", "", 0.5, "", SRC)
    params = ParamSet("m", (p,))
    preset = Preset("half", "", {"x": 0.1 + 0.2}, SRC)
    assert match_preset(params, (preset,), {"x": 0.3}).exact


# -- controls that have no effect ------------------------------------------------------------------

def test_inactive_reason_follows_the_switch():
    params = gpt_human.PARAMS
    defaults = params.defaults()
    assert params.inactive_reason("human", defaults) is None
    why = params.inactive_reason("ratio", defaults)
    assert why == ("Not used while 'Target set by' is 'Target loss' and 'Loss curve' is 'GPT-3 fit (the essay's)'; "
                   "change either to use this.")
    assert params.inactive_reason("human", {**defaults, "target": "ratio"}).startswith("Not used")
    assert params.inactive_reason("ratio", {**defaults, "target": "ratio"}) is None
    assert params.inactive_reason("doubling", defaults) is None
    bio = bio_anchors.PARAMS
    for key in ("algo_halving", "algo_cap"):
        assert bio.inactive_reason(key, bio.defaults())
        assert bio.inactive_reason(key, {**bio.defaults(), "algo": "global"}) is None


def test_active_when_is_checked_where_it_is_declared():
    switch = Param("mode", "Mode", "", "a", "", SRC, kind="choice", choices=("a", "b"))
    on = Param("on", "On", "", True, "", SRC, kind="bool")
    ok = ParamSet("m", (switch, on, Param("x", "x", "", 0.5, "", SRC, active_when=("mode", "b")),
                        Param("y", "y", "", 0.5, "", SRC, active_when=("on", True))))
    assert ok.inactive_reason("y", {"on": False}) == "Not used while 'On' is 'off'; set it to 'on' to use this."
    for bad in (("nope", "b"), ("mode", "c"), ("x", 0.5), ("on", "yes")):
        with pytest.raises(ValueError):
            ParamSet("m", (switch, on, Param("x", "x", "", 0.5, "", SRC, active_when=bad)))


# -- the command line in a pipeline ---------------------------------------------------------------

def test_help_into_a_closed_pipe_ends_without_a_traceback():
    # `python -m lib --help | head -1`: the reader goes away before the help is written.
    proc = subprocess.Popen([sys.executable, "-m", "lib", "--help"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
