"""Link keys and choice values that were renamed: the one place that maps old to current.

A link is a public interface: an old key keeps working forever, read as the current one without
a warning, and the address bar then shows the current key. Read by :mod:`lib.core.registry.param`
(choice values) and :mod:`lib.core.registry.query` (keys).

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

RENAMED_KEYS: dict[str, str] = {
    # GPT-human page, when the GPT-3 fit and the human-level loss became one parameter each with
    # the Loss page's (lib/core/shared_params.py).
    "coef": "fit_k",
    "exp": "fit_b",
    "loss": "human",
}

# Keys renamed on one page only, by the page's model name, old -> current: the old key is still a
# current key elsewhere (with another meaning), so it is read as the new one on that page alone.
# One key means one quantity across the whole app, because pages share a session and links cross pages.
RENAMED_KEYS_BY_PAGE: dict[str, dict[str, str]] = {
    # The requirement floor (log10 FLOP) was `floor`, the GPT-human page's irreducible loss (nats).
    "bio-anchors": {"floor": "req_floor", "u_floor": "u_req_floor"},
    # The trends window was `start`/`end`; `start` is the GPT-human page's start year.
    "trends": {"start": "since", "end": "until"},
    # The fit page's human-level target and error ratio differ from the GPT-human page's (defaults, wording).
    "fit": {"target": "fit_target", "ratio": "fit_ratio"},
}


def renamed_keys(page: str) -> dict[str, str]:
    """Every old -> current key read on ``page``: the app-wide renames and the page's own."""
    return {**RENAMED_KEYS, **RENAMED_KEYS_BY_PAGE.get(page, {})}

# Choice values that were renamed, by key, old -> current; read like renamed keys (silently, and the
# address then shows the current value).
RENAMED_CHOICES: dict[str, dict[str, str]] = {
    # Compute trends page, when "false"/"true" (printed on the page as option names) became words.
    "frontier": {"false": "all", "true": "flagged"},
}
