"""The open chart in a link (lib/core/views.py): stable ids for tab labels, and old ids kept working."""

from __future__ import annotations

import pytest

from lib.core import views
from lib.core.views import find_view, view_id

LABELS = ["Loss vs compute", "Allocation", "IsoFLOP view", "Which slider matters most"]


def test_an_id_is_the_label_in_lower_case_joined_by_dashes():
    assert [view_id(label) for label in LABELS] == ["loss-vs-compute", "allocation", "isoflop-view",
                                                   "which-slider-matters-most"]
    assert view_id("P(TAI by year)") == "p-tai-by-year"


@pytest.mark.parametrize("asked", ["isoflop-view", "IsoFLOP view", "ISOFLOP-VIEW", "isoflop view "])
def test_a_link_finds_its_tab_however_it_is_written(asked):
    assert find_view(asked, LABELS) == "IsoFLOP view"


def test_an_unknown_id_finds_nothing_and_a_renamed_one_finds_its_new_label(monkeypatch):
    assert find_view("tornado", LABELS) is None
    monkeypatch.setitem(views.RENAMED_VIEWS, "tornado", "which-slider-matters-most")
    assert find_view("tornado", LABELS) == "Which slider matters most"
