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

# Choice values that were renamed, by key, old -> current; read like renamed keys (silently, and the
# address then shows the current value).
RENAMED_CHOICES: dict[str, dict[str, str]] = {
    # Compute trends page, when "false"/"true" (printed on the page as option names) became words.
    "frontier": {"false": "all", "true": "flagged"},
}
