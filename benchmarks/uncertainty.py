"""How long the uncertainty view's computations take, per chain: ``python benchmarks/uncertainty.py``.

For each chain, with its sourced ranges plus this project's where the page offers them:
- ``page``: what a page computes with the view on at its default 2,000 draws (the draws' headlines,
  the main chart's bands, the sensitivity batch);
- ``100k``: the headlines of 100,000 draws (the CLI's ``--samples 100000``), against one single run.
Median of ``--repeats`` runs after a warm-up; this machine's numbers, never a pass/fail.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from lib.chains import get  # noqa: E402
from lib.chains.bio_anchors.model import headlines_and_curves  # noqa: E402
from lib.chains.gpt_human.model import headlines_and_costs  # noqa: E402
from lib.chains.loss.model import BAND_GRID, law_draws  # noqa: E402
from lib.chains.time_horizons.model import headlines_and_curves as horizon_curves  # noqa: E402
from lib.core.ranges import DEFAULT_SAMPLES, quantile_bands
from lib.tools.uncertainty.model import run_draws, sensitivity

ON = {"loss": {}, "gpt-human": {"u_halving": 1.0}, "bio-anchors": {"u_hw_halving": 1.0, "u_spend": 1.0},
      "time-horizons": {"method": "ai2027"}}
# As the pages compute them: the bands' curves on the grids the pages draw them on.
EVALUATE = {"bio-anchors": headlines_and_curves, "gpt-human": headlines_and_costs,
            "time-horizons": horizon_curves}
BANDS = {
    "loss": lambda d: quantile_bands(law_draws(d.batch, "besiroglu", BAND_GRID)),
    "gpt-human": lambda d: quantile_bands(d.curves(np.linspace(2020, 2050, 75))),
    "bio-anchors": lambda d: quantile_bands(d.curves),
    "time-horizons": lambda d: quantile_bands(d.curves),
}


def _median_ms(fn, repeats: int) -> float:
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    out = {}
    print(f"{'chain':<12} {'single ms':>10} {'page (2,000) ms':>16} {'100k draws ms':>14}")
    for key, extra in ON.items():
        chain = get(key)
        values = {**chain.params.defaults(), **extra, "samples": DEFAULT_SAMPLES}

        def page() -> None:
            draws = run_draws(chain, values, evaluate=EVALUATE.get(key))
            BANDS[key](draws)
            sensitivity(chain, values)

        single = _median_ms(lambda: chain.headline_values(values), args.repeats)
        on_page = _median_ms(page, args.repeats)
        big = _median_ms(lambda: run_draws(chain, values, 100_000, 1), max(1, args.repeats // 2))
        out[key] = {"single_ms": round(single, 2), "page_ms": round(on_page, 1), "draws_100k_ms": round(big, 1)}
        print(f"{key:<12} {single:>10.2f} {on_page:>16.1f} {big:>14.1f}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
