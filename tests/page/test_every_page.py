"""AppTest checks every chain's page must pass: defaults, each preset, and every parameter at its bounds."""

import pytest
from pagetest import assert_clean, assert_preset_applied

from lib.chains import CHAINS

PRESETS = [(chain, preset) for chain in CHAINS for preset in chain.presets]


@pytest.mark.parametrize("chain", CHAINS, ids=[c.key for c in CHAINS])
def test_defaults_render_every_headline(open_page, chain):
    at = open_page(chain.page)
    assert_clean(at)
    assert not at.warning
    assert at.get("plotly_chart")
    labels = [m.label for m in at.metric]
    shown = [h for h in chain.headlines if any(label.startswith(h.label) for label in labels)]
    assert shown, f"{chain.key} shows none of its headlines as a metric"


@pytest.mark.parametrize(("chain", "preset"), PRESETS, ids=[f"{c.key}:{p.name}" for c, p in PRESETS])
def test_every_preset_renders_and_applies(open_page, chain, preset):
    at = open_page(chain.page)
    at.selectbox(key=f"_{chain.params.model}_preset_pick").set_value(preset.name).run()
    assert_clean(at)
    assert_preset_applied(at, chain.params, preset)


@pytest.mark.parametrize("edge", ["min", "max"])
@pytest.mark.parametrize("chain", CHAINS, ids=[c.key for c in CHAINS])
def test_every_number_at_its_bounds(open_page, chain, edge):
    query = {p.key: p.format_value(getattr(p, edge)) for p in chain.params.params if p.kind in ("float", "int")}
    at = open_page(chain.page, query)
    assert_clean(at)
    assert not [w for w in at.warning if w.value.startswith("Link problem")]  # bounds are valid link values
    assert at.get("plotly_chart")


@pytest.mark.parametrize("page", ["pages/home.py", "pages/sources.py"])
def test_home_and_sources_render(open_page, page):
    assert_clean(open_page(page))


def test_home_has_a_card_per_chain(open_page):
    at = open_page("pages/home.py")
    headers = [h.value for h in at.subheader]
    for chain in CHAINS:
        assert any(chain.title in h for h in headers), chain.title


def test_sources_page_lists_every_chain_and_the_corrected_facts(open_page):
    at = open_page("pages/sources.py")
    headers = " ".join(h.value for h in at.header)
    for chain in CHAINS:
        assert chain.title in headers
    text = " ".join(m.value for m in at.markdown)
    assert "Epoch AI" in text and "Snapshot" in text
    assert "our fit" in text and "not hers" in text  # the Cotra 2022 preset says whose choices it holds
    tables = [df.value for df in at.dataframe]
    budgets = next(t for t in tables if "dollar_year" in t.columns)
    assert budgets.set_index("key").loc["apollo", "usd"] == 2.54e10
    assert "gdp1" in set(budgets["key"])
    cpi = next(t for t in tables if "cpi_u" in t.columns)
    assert cpi["year"].max() == 2025


@pytest.mark.parametrize("page", ["pages/loss.py", "pages/gpt_human.py", "pages/bio_anchors.py", "pages/trends.py",
                                  "pages/fit.py"])
def test_no_radio_caption_repeats_its_option(open_page, page):
    at = open_page(page)
    for radio in at.radio:
        for option, caption in zip(radio.options, list(radio.proto.captions) or [""] * len(radio.options)):
            assert caption.lower() != str(option).lower(), (radio.key, option)
