"""Time a scaling-law fit with its bootstrap intervals, as the fit page runs it (lib/data/fit/model.py).

Chinchilla's 240 runs (params, tokens, loss) and 250 synthetic points of a compute law, each fitted
with the page's 100 bootstrap resamples; the median of ``--repeats`` runs in milliseconds, one JSON
line. Target (issue 28): under 1 s for 250 points. Run: .venv/bin/python benchmarks/fit.py
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lib.data.fit import (
    examples,  # noqa: E402
    points,  # noqa: E402
)
from lib.data.fit import model as fitting  # noqa: E402


def cases() -> dict[str, tuple[str, np.ndarray, tuple[np.ndarray, ...]]]:
    chinchilla = examples.find("chinchilla")
    assert chinchilla is not None
    c = np.geomspace(1e18, 1e25, 250)
    noise = np.random.default_rng(0).normal(0, 0.01, c.size)
    return {"chinchilla_240": points.read_points(chinchilla.text),
            "compute_law_250": ("compute", (1.7 + 30 * c ** -0.08) * np.exp(noise), (c,))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    out = {}
    for name, (form, loss, inputs) in cases().items():
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            fitting.fit(form, loss, *inputs)
            times.append(1000 * (time.perf_counter() - start))
        out[name] = {"points": int(len(loss)), "bootstrap": fitting.BOOTSTRAP, "median_ms": round(statistics.median(times), 1),
                     "max_ms": round(max(times), 1)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
