"""The parameter registry: every adjustable number is declared here once.

From one :class:`Param` declaration come its widget (lib/ui/), its link key and how a link's text
is read (:mod:`.query`), its command-line argument (lib/__main__.py), presets and the Sources page,
so a default or a bound is written in exactly one place.

- :mod:`.param`: one number declared, and how one value of it is written and read;
- :mod:`.param_set`: the parameters of one model, in the order of its argument;
- :mod:`.query`: a query string checked against a set: values, problems, the corrected query;
- :mod:`.renamed`: link keys and choice values that were renamed (the one map).

Import the names from here. Pure: no Streamlit, no I/O.
"""

from lib.core.registry.param import (
    LOG_STEPS_PER_DECADE,
    Z80,
    Kind,
    Param,
    Scale,
    Source,
    Spread,
    Value,
    same_value,
)
from lib.core.registry.param_set import ParamSet
from lib.core.registry.query import QueryCheck, check_carried, check_query, current_keys, validate
from lib.core.registry.renamed import RENAMED_CHOICES, RENAMED_KEYS, RENAMED_KEYS_BY_PAGE, renamed_keys

__all__ = [
    "LOG_STEPS_PER_DECADE", "RENAMED_CHOICES", "RENAMED_KEYS", "RENAMED_KEYS_BY_PAGE", "Z80", "Kind", "Param", "ParamSet", "QueryCheck",
    "Scale", "Source", "Spread", "Value", "check_carried", "check_query", "current_keys", "renamed_keys", "same_value", "validate",
]
