"""AppTest: what pages do with a link: corrected address, plain-text warnings, caps, presets that tell the truth,
and controls that say when they do nothing.

AppTest sees ``st.query_params`` writes (the corrected address); it cannot run the browser probe for
oversized links, so that probe's report is put in session state by hand here (the browser tier runs it).
"""

from __future__ import annotations

import re
import string

import pytest
from pagetest import assert_clean

from lib.chains import CHAINS, bio_anchors, gpt_human, loss
from lib.core.problems import PROBLEMS_SHOWN

PUNCTUATION = re.escape(string.punctuation)
GPT, BIO, LOSS = gpt_human.CHAIN.page, bio_anchors.CHAIN.page, loss.CHAIN.page


def link_warnings(at) -> list[str]:
    return [w.value for w in at.warning if w.value.startswith("Link problem")]


def preset_box(at, chain):
    return at.selectbox(key=f"_{chain.params.model}_preset_pick")


def plain(markdown: str) -> str:
    """A warning as a reader sees it: backslash escapes undone (code spans keep their fences)."""
    return re.sub(rf"\\([{PUNCTUATION}])", r"\1", markdown)


def assert_plain(markdown: str) -> None:
    """Outside its code spans, a warning's Markdown escapes every ASCII punctuation mark.

    Its title ("Link problem: ") is the page's own constant text.
    """
    rest = re.sub(r"(`+)(.+?)\1", "", markdown.split(": ", 1)[1])
    bare = re.sub(rf"\\[{PUNCTUATION}]", "", rest)
    assert not re.search(rf"[{PUNCTUATION}]", bare), (markdown, bare)


# -- 1. the address bar holds the corrected link ---------------------------------------------------

def test_a_clamped_value_stays_in_the_address_bar(open_page):
    at = open_page(GPT, {"doubling": "-5"})
    assert_clean(at)
    assert at.select_slider(key="doubling").value == 0.5
    assert dict(at.query_params) == {"doubling": "0.5"}
    assert link_warnings(at) == [r"Link problem: `doubling=-5` is outside 0\.5 to 120 months\; clamped to 0\.5\."]


def test_the_corrected_link_is_canonical_and_unknown_keys_leave(open_page):
    at = open_page(LOSS, {"compute": "5.76e+23", "kaplan": "0", "zzz": "1", "human": "0.86"})
    assert_clean(at)
    assert dict(at.query_params) == {"compute": "5.76e23", "kaplan": "false"}
    assert at.toggle(key="kaplan").value is False  # the registry's "0" reaches the widget as false
    assert [w for w in link_warnings(at) if "zzz" in w]


# -- 2. repeated keys -------------------------------------------------------------------------------

def test_a_repeated_key_uses_the_last_value_and_warns(open_page):
    at = open_page(LOSS, {"compute": ["1e23", "1e25"]})
    assert_clean(at)
    assert at.select_slider(key="compute").value == 1e25
    assert at.query_params["compute"] in ("1e25", ["1e25"])
    [warning] = link_warnings(at)
    assert "2 times" in warning and "1e25" in warning


# -- 3. text from a link is shown as text -----------------------------------------------------------

@pytest.mark.parametrize("query", [
    {"compute": "![x](http://127.0.0.1:9/pixel.png)"},
    {"[Session expired](http://host.example/phish)": "1"},
    {"compute": "<img src=http://127.0.0.1:9/q.png> www.example.com a@b.example $x$ :material/home: **b**"},
])
def test_link_text_in_a_warning_is_never_markdown(open_page, query):
    at = open_page(LOSS, query)
    assert_clean(at)
    [warning] = link_warnings(at)
    assert_plain(warning)
    spans = re.findall(r"(`+)(.+?)\1", warning)
    assert spans, warning  # the link's own text sits in a code span, shown literally


def test_the_pixel_link_warning_reads_as_written(open_page):
    at = open_page(LOSS, {"compute": "![x](http://127.0.0.1:9/pixel.png)"})
    assert link_warnings(at) == [
        r"Link problem: `compute=![x](http://127.0.0.1:9/pixel.png)` is not a number\; using the default \(3\.14e23\)\."]


# -- 4. short quotes, few warnings ------------------------------------------------------------------

def test_a_page_shows_a_few_warnings_and_counts_the_rest(open_page):
    query = {f"junk{i}": "1" for i in range(30)} | {"compute": "9" * 5000, "fit_b": "x" * 500}
    at = open_page(LOSS, query)
    assert_clean(at)
    warnings = link_warnings(at)
    assert len(warnings) == PROBLEMS_SHOWN + 1
    assert r"clamped to 1e32\." in warnings[0] and "finite" not in warnings[0]
    assert "fit_b" in warnings[1]
    assert warnings[-1] == r"Link problems: …and 27 more\: 27 unknown keys\."
    assert all(len(w) < 200 for w in warnings)
    assert at.select_slider(key="compute").value == 1e32


# -- 5. a query Streamlit ignored for its size ------------------------------------------------------

def test_an_oversized_link_reported_by_the_browser_is_salvaged(open_page):
    at = open_page(LOSS)
    assert at.select_slider(key="compute").value == loss.PARAMS["compute"].default
    junk = "&".join(f"junk{i}=1" for i in range(1000))
    at.session_state["_link_oversized"] = ("loss", f"compute=1e25&{junk}")  # what the probe sends back
    at.run()
    assert_clean(at)
    warnings = link_warnings(at)
    assert plain(warnings[0]).startswith("Link problem: This link has 1,001 fields, more than the 1,000 Streamlit reads")
    assert warnings[-1] == r"Link problems: …and 996 more\: 996 unknown keys\."
    assert at.select_slider(key="compute").value == 1e25
    assert "junk0" not in dict(at.query_params)


def test_an_oversized_report_for_another_page_is_ignored(open_page):
    at = open_page(LOSS)
    at.session_state["_link_oversized"] = ("gpt-human", "doubling=9")
    at.run()
    assert not link_warnings(at)


# -- 6. pages without parameters drop them too ------------------------------------------------------

@pytest.mark.parametrize("page", ["pages/home.py", "pages/sources.py"])
def test_pages_without_parameters_drop_link_keys_with_a_warning(open_page, page):
    at = open_page(page, {"compute": "1e25"})
    assert_clean(at)
    [warning] = link_warnings(at)
    assert "`compute`" in warning and "not a parameter of this page" in warning
    assert dict(at.query_params) == {}


@pytest.mark.parametrize("page", ["pages/home.py", "pages/sources.py"])
def test_pages_without_parameters_are_quiet_without_a_query(open_page, page):
    assert not open_page(page).warning


# -- 7. the preset box tells the truth --------------------------------------------------------------

def test_the_preset_box_names_the_preset_the_values_are(open_page):
    at = open_page(GPT)
    assert preset_box(at, gpt_human.CHAIN).value == "Gwern 2020 (essay)"
    at.select_slider(key="doubling").set_value(6.0).run()
    box = preset_box(at, gpt_human.CHAIN)
    assert box.value == "Slower compute growth (Sevilla 2022, 6-month doubling)"
    at.select_slider(key="halving").set_value(240.0).run()
    box = preset_box(at, gpt_human.CHAIN)
    assert box.value is None
    assert box.proto.placeholder == "Slower compute growth (Sevilla 2022, 6-month doubling) · 1 value changed"
    assert any("1 value changed from" in c.value and "Halving time" in c.value for c in at.caption)


def test_two_moves_from_the_cotra_2022_fit_are_counted(open_page):
    at = open_page(BIO)
    box = preset_box(at, bio_anchors.CHAIN)
    box.set_value("Cotra 2022 update (our fit)").run()
    assert preset_box(at, bio_anchors.CHAIN).value == "Cotra 2022 update (our fit)"
    at.slider(key="spread").set_value(1.5).run()
    at.slider(key="gdp_growth").set_value(5.0).run()
    box = preset_box(at, bio_anchors.CHAIN)
    assert box.value is None and box.proto.placeholder == "Cotra 2022 update (our fit) · 2 values changed"
    for key, value in (("req_floor", 27.0), ("none_2020", 20.0)):
        at.slider(key=key).set_value(value).run()
    assert preset_box(at, bio_anchors.CHAIN).proto.placeholder == "Custom"
    preset_box(at, bio_anchors.CHAIN).set_value("Cotra 2022 update (our fit)").run()  # picking it again works
    assert at.slider(key="spread").value == 0.8


def test_an_inline_control_moves_the_preset_box_too(open_page):
    at = open_page(LOSS)
    assert preset_box(at, loss.CHAIN).value == "Published constants"
    at.select_slider(key="compute").set_value(1e27).run()
    box = preset_box(at, loss.CHAIN)
    assert box.value is None and box.proto.placeholder == "Published constants · 1 value changed"


def test_a_link_opens_with_the_box_reading_the_links_values(open_page):
    at = open_page(LOSS, {"compute": "1e25"})
    assert preset_box(at, loss.CHAIN).proto.placeholder == "Published constants · 1 value changed"
    at = open_page(LOSS, {"compute": "5.76e23"})  # exactly the budget of one preset
    assert preset_box(at, loss.CHAIN).value == "Chinchilla vs Gopher"


PRESETS = [(chain, preset) for chain in CHAINS for preset in chain.presets]


@pytest.mark.parametrize(("chain", "preset"), PRESETS, ids=[f"{c.key}:{p.name}" for c, p in PRESETS])
def test_applying_a_preset_never_warns(open_page, chain, preset):
    # A clamped value moves the view off every preset, so picking any of them applies it.
    number = next(p.key for p in chain.params.params if p.kind == "float")
    bad = {number: "1e99", "zzz": "1"}
    at = open_page(chain.page, bad)
    assert link_warnings(at)
    preset_box(at, chain).set_value(preset.name).run()
    assert_clean(at)
    assert not at.warning, [w.value for w in at.warning]
    assert preset_box(at, chain).value == preset.name


def test_reset_clears_the_links_warnings(open_page):
    at = open_page(GPT, {"doubling": "-5"})
    next(b for b in at.button if b.label == "Reset all to defaults").click().run()
    assert not link_warnings(at)
    assert at.select_slider(key="doubling").value == gpt_human.PARAMS["doubling"].default


# -- 8. controls with no effect are disabled and say why --------------------------------------------

def test_gpt_human_disables_the_target_it_does_not_use(open_page):
    at = open_page(GPT)
    assert not at.slider(key="human").disabled and at.slider(key="ratio").disabled
    assert "Not used while 'Target set by' is 'Target loss'" in at.slider(key="ratio").help
    at.radio(key="target").set_value("ratio").run()
    assert at.slider(key="human").disabled and not at.slider(key="ratio").disabled
    assert "Not used while" in at.slider(key="human").help


def test_a_disabled_control_keeps_its_value_from_a_link(open_page):
    at = open_page(GPT, {"ratio": "3"})
    assert at.slider(key="ratio").disabled and at.slider(key="ratio").value == 3.0
    assert dict(at.query_params) == {"ratio": "3"}


def test_bio_anchors_global_progress_sliders_follow_the_mode(open_page):
    at = open_page(BIO)
    for key in ("algo_halving", "algo_cap"):
        widget = at.select_slider(key=key) if key == "algo_halving" else at.slider(key=key)
        assert widget.disabled and "Not used while 'Algorithmic progress'" in widget.help
    at.radio(key="algo").set_value("global").run()
    assert not at.select_slider(key="algo_halving").disabled and not at.slider(key="algo_cap").disabled
