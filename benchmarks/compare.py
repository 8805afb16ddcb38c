"""How long a comparison of two links takes to compute, per chain: ``python benchmarks/compare.py``.

Three cases per chain, each the median of ``--repeats`` runs of :func:`lib.tools.compare.model.compare_links`
(reading both links included):
- ``one``: a single parameter differs (2 coalitions);
- ``twelve``: twelve numbers differ, the most split one by one (2^12 = 4,096 coalitions);
- ``every``: every parameter differs, split over the registry's groups.
It prints a table and, as its last line, JSON. Timings are this machine's; nothing here fails on a
slow result.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lib.chains import CHAINS  # noqa: E402
from lib.tools.compare.model import compare_links  # noqa: E402
from lib.tools.compare.shapley import MAX_PLAYERS  # noqa: E402
from lib.tools.links.model import link_to, read_link  # noqa: E402


def _other(p):
    """A valid value of ``p`` other than its default."""
    if p.kind == "bool":
        return not p.default
    if p.kind in ("choice", "multi"):
        options = [c for c in p.choices if c != p.default and (p.kind == "choice" or (c,) != p.default)]
        return (options[0],) if p.kind == "multi" else options[0]
    return p.max if p.default != p.max else p.min


def cases(chain):
    numbers = [p for p in chain.params.params if p.kind in ("float", "int") and p.role == "model"]
    defaults = chain.params.defaults()
    return {
        "one": {numbers[0].key: _other(numbers[0])},
        "twelve": {p.key: _other(p) for p in numbers[:MAX_PLAYERS]},
        "every": {p.key: _other(p) for p in chain.params.params if p.role == "model"},
    }, defaults


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    out: dict[str, dict[str, dict[str, float]]] = {}
    print(f"{'chain':<12} {'case':<7} {'players':>7} {'method':>7} {'median ms':>10} {'max ms':>8}")
    for chain in CHAINS:
        table, defaults = cases(chain)
        out[chain.key] = {}
        for name, change in table.items():
            a, b = link_to(chain, defaults), link_to(chain, {**defaults, **change})
            times = []
            for _ in range(args.repeats + 1):
                t0 = time.perf_counter()
                comparison = compare_links(read_link(a), read_link(b))
                times.append((time.perf_counter() - t0) * 1000)
            times = times[1:]  # the first run warms caches and imports
            med = statistics.median(times)
            out[chain.key][name] = {"players": len(comparison.players), "median_ms": round(med, 1),
                                    "max_ms": round(max(times), 1)}
            print(f"{chain.key:<12} {name:<7} {len(comparison.players):>7} {comparison.method:>7} {med:>10.1f} "
                  f"{max(times):>8.1f}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
