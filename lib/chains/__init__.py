"""Every chain of reasoning, collected from the packages in this folder.

Each subpackage exports one ``CHAIN`` (:class:`lib.core.chain.Chain`); :data:`CHAINS` holds them in
their declared order and drives navigation, the home page, the Sources page, the CLI, the page
tests and the benchmark. Adding a chain means adding its package here and its page file.

A chain is named by its key (``gpt-human``) or, as in page URLs, with underscores
(``gpt_human``): :func:`get` accepts both, and this is the only place that maps them.
"""

from __future__ import annotations

import importlib
import pkgutil

from lib.core.chain import Chain


def _discover() -> tuple[Chain, ...]:
    found = [importlib.import_module(f"{__name__}.{m.name}").CHAIN
             for m in pkgutil.iter_modules(__path__) if m.ispkg]
    return tuple(sorted(found, key=lambda c: c.order))


CHAINS: tuple[Chain, ...] = _discover()


def get(name: str) -> Chain:
    """The chain called ``name``, spelt as its key or as its URL path; KeyError otherwise."""
    for chain in CHAINS:
        if name in (chain.key, chain.url_path):
            return chain
    raise KeyError(name)
