"""The compute-trends page names Epoch AI's definition where it picks frontier models by it."""

import pytest
from pagetest import assert_clean, text_of

from lib.data.trends import model as trends

PAGE = "pages/trends.py"


def test_top10_is_epochs_definition_of_a_frontier_model_and_the_page_says_so(open_page):
    at = open_page(PAGE, {"frontier": "top10"})
    assert_clean(at)
    radio = at.radio(key="frontier")
    assert radio.value == "top10"
    assert "Epoch's definition of a frontier model" in radio.help and "our rule" not in radio.help
    assert trends.FRONTIER_LABELS[trends.FRONTIER_CHOICES.index("top10")] == "Top 10 at release (Epoch's definition)"
    caption = text_of(at, "caption")
    assert "Frontier models by Epoch AI's definition: in the top 10 by training compute when released" in caption
    assert "our rule" not in caption
    assert trends.PARAMS["frontier"].source.url == "https://epoch.ai/data/ai-models-documentation"


@pytest.mark.parametrize("domain", ["all", "language"])
def test_the_note_holds_for_the_data_epochs_flag_marks_fewer_all_of_them_in_the_top10_set(domain):
    # The note says Epoch's own flag marks fewer models, every one of them also ranked top 10 here.
    t = trends.packaged()
    t = t[t["is_language"]] if domain == "language" else t
    flagged = (t["frontier_model"].astype(str).str.lower() == "true").to_numpy()
    top = trends.top_at_release(t)
    assert flagged.sum() < top.sum() and not (flagged & ~top).any()


def test_all_models_have_no_frontier_note(open_page):
    at = open_page(PAGE)
    assert "Epoch AI's definition" not in text_of(at, "caption")
