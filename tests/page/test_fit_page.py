"""The fit-your-own page: the example fits, bad points say why and keep the text, the fit goes to the Loss page."""

import pytest
from pagetest import assert_clean

from lib.scaling_laws import BESIROGLU_2024 as B

PAGE = "pages/fit.py"


def constants(at) -> dict[str, float]:
    table = next(m.value for m in at.markdown if m.value.startswith("| constant | fit |"))
    rows = [line.strip("|").split("|") for line in table.splitlines()[2:]]
    return {r[0].strip(): float(r[1]) for r in rows}


def test_the_default_example_fits_the_replication_law_and_links_it_to_the_loss_page(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert not at.warning
    c = constants(at)  # points on the law, their losses rounded to 4 decimals
    assert c["alpha"] == pytest.approx(B.alpha, rel=0.005) and c["beta"] == pytest.approx(B.beta, rel=0.005)
    assert c["E"] == pytest.approx(B.e, rel=0.005)
    assert at.get("plotly_chart")
    link = at.get("page_link")[0].proto
    assert link.page == "loss" and "b_alpha=0.34" in link.query_string and "b_e=1.8" in link.query_string


def test_the_compute_example_fits_its_known_constants(open_page):
    at = open_page(PAGE)
    at.selectbox(key="_fit_example").set_value(
        "Synthetic: a compute law, E=1.7, A=30, α=0.08 (compute, loss)").run()
    assert_clean(at)
    c = constants(at)
    assert c["alpha"] == pytest.approx(0.08, rel=0.01) and c["E"] == pytest.approx(1.7, rel=0.01)
    assert not at.get("page_link") or all(p.proto.page != "loss" for p in at.get("page_link"))


@pytest.mark.parametrize("points, words", [
    ("compute,loss\n1e18,abc\n1e19,2.8\n", "row 1, column loss: 'abc' is not a number"),
    ("flops,loss\n1e18,3\n", "columns must be"),
    ("compute,loss\n1e18,3\n1e19,-2\n1e20,2.5\n1e21,2.4\n", "must be a positive number"),
    ("compute,loss\n1e18,3\n1e19,2.9\n", "at least 4"),
    ("compute,loss\n1e18,3\n1e18,3\n1e20,2.5\n1e21,2.4\n", "repeated"),
])
def test_bad_points_say_why_and_keep_the_text(open_page, points, words):
    at = open_page(PAGE, {"points": points})
    assert_clean(at)
    assert any(words in w.value for w in at.warning), [w.value for w in at.warning]
    assert at.text_area(key="points").value == points  # nothing typed is lost
