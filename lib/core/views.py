"""The open chart view in a link: each tab of a page's charts has a stable id, `view=<id>`.

A link to the IsoFLOP view or to the tornado opens on it. The id is the tab's label in lower case
with words joined by '-' ("IsoFLOP view" -> ``isoflop-view``); when a label changes, its old id goes
in :data:`RENAMED_VIEWS`, so links made before keep opening the same chart.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

VIEW_KEY = "view"

# Old id -> current id, for tab labels that were renamed (none yet).
RENAMED_VIEWS: dict[str, str] = {}


def view_id(label: str) -> str:
    """The id a link uses for the tab labelled ``label``."""
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def find_view(asked: str, labels: Sequence[str]) -> str | None:
    """The label of the tab a link's ``view=`` value names, or None when this page has no such tab."""
    wanted = view_id(asked)
    wanted = RENAMED_VIEWS.get(wanted, wanted)
    return next((label for label in labels if view_id(label) == wanted), None)
