"""AppTest checks every model page must pass: each preset applies, and every parameter at its bounds renders."""

import pytest
from pagetest import assert_clean, assert_preset_applied

from lib import bio_anchors, gpt_human, loss

# (page file, model module, charts the page draws)
PAGES = [("pages/loss.py", loss, 3), ("pages/gpt_human.py", gpt_human, 3), ("pages/bio_anchors.py", bio_anchors, 2)]


@pytest.mark.parametrize(("page", "model", "preset"),
                         [(page, model, preset) for page, model, _ in PAGES for preset in model.PRESETS],
                         ids=lambda x: getattr(x, "name", None) or getattr(x, "__name__", str(x)))
def test_every_preset_renders_and_applies(open_page, page, model, preset):
    at = open_page(page)
    at.selectbox(key=f"_{model.PARAMS.model}_preset_pick").set_value(preset.name).run()
    assert_clean(at)
    assert_preset_applied(at, model.PARAMS, preset)


@pytest.mark.parametrize("edge", ["min", "max"])
@pytest.mark.parametrize(("page", "model", "charts"), PAGES, ids=[p for p, _, _ in PAGES])
def test_every_number_at_its_bounds(open_page, page, model, charts, edge):
    query = {p.key: p.format_value(getattr(p, edge)) for p in model.PARAMS.params if p.kind in ("float", "int")}
    at = open_page(page, query)
    assert_clean(at)
    assert not [w for w in at.warning if w.value.startswith("Link problem")]  # bounds are valid link values
    assert len(at.get("plotly_chart")) == charts
