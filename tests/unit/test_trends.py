"""Compute trends (lib/data/trends/model.py) against synthetic data of known doubling and Sevilla et al. 2022's eras."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from lib.__main__ import main
from lib.data.files import load
from lib.data.trends import model as tr

TABLE = load("epoch_compute").table
DEFAULTS = tr.PARAMS.defaults()


def synthetic(doubling_months: float, n: int = 200, noise_oom: float = 0.5, seed: int = 3) -> pd.DataFrame:
    """Models at random dates in 2012-2022 on a known trend, log-normal scatter of ``noise_oom``."""
    rng = np.random.default_rng(seed)
    days = rng.integers(0, 3650, n)
    dates = pd.Timestamp("2012-01-01") + pd.to_timedelta(days, unit="D")
    years = tr.decimal_year(pd.Series(dates.strftime("%Y-%m-%d")))
    log10c = 20 + (years - 2012) * 12 * np.log10(2) / doubling_months + rng.normal(0, noise_oom, n)
    return pd.DataFrame({"model": [f"m{i}" for i in range(n)], "organization": "x",
                         "publication_date": dates.strftime("%Y-%m-%d"), "domain": "Language",
                         "training_compute_flop": 10 ** log10c, "frontier_model": False, "confidence": "Confident"})


@pytest.mark.parametrize("months", [3.4, 6.0, 20.0])
def test_the_fit_recovers_a_known_doubling_time(months):
    trend = tr.run(synthetic(months), {**DEFAULTS, "since": 2012, "until": 2022})
    # 200 models with half an order of magnitude of scatter: the slope's standard error is about 2%.
    assert trend.doubling_months == pytest.approx(months, rel=0.06)
    lo, hi = trend.ci80
    assert lo < months < hi and hi - lo < 0.2 * months
    assert trend.n == 200


def test_2010_to_2022_agrees_with_sevilla_et_al_six_months():
    # Sevilla et al. 2022 (abstract): "doubling approximately every 6 months" since the early 2010s.
    trend = tr.run(TABLE, {**DEFAULTS, "since": 2010, "until": 2022})
    lo, hi = trend.ci80
    assert lo <= 6.0 <= hi
    assert 5.0 < trend.doubling_months < 7.0
    assert trend.n > 250


def test_before_2010_agrees_with_sevilla_et_al_twenty_months():
    # Sevilla et al. 2022 (abstract): before 2010 "doubling roughly every 20 months".
    trend = tr.run(TABLE, {**DEFAULTS, "since": 1950, "until": 2009})
    assert 16.0 < trend.doubling_months < 25.0


def test_filters_narrow_the_models():
    every = tr.select(tr.prepared(TABLE), DEFAULTS)
    language = tr.select(tr.prepared(TABLE), {**DEFAULTS, "domain": "language"})
    flagged = tr.select(tr.prepared(TABLE), {**DEFAULTS, "frontier": "flagged"})
    top = tr.select(tr.prepared(TABLE), {**DEFAULTS, "frontier": "top10"})
    assert len(language) < len(every) and language["domain"].str.contains("Language").all()
    assert len(flagged) < len(every) and (flagged["frontier_model"].astype(str).str.lower() == "true").all()
    assert 0 < len(top) < len(every)
    assert every["year"].between(2010, 2026).all()


def test_top_at_release_keeps_a_model_only_while_it_is_among_the_largest():
    t = pd.DataFrame({"compute": [5.0, 1.0, 7.0, 2.0, 6.0, 0.5]})
    assert tr.top_at_release(t, n=2).tolist() == [True, True, True, False, True, False]


def test_decimal_year():
    years = tr.decimal_year(pd.Series(["2020-01-01", "2020-07-02", "2021-12-31", "not a date"]))
    assert years[0] == 2020.0 and years[1] == pytest.approx(2020.5, abs=0.002)
    assert years[2] == pytest.approx(2021.997, abs=0.001) and np.isnan(years[3])


@pytest.mark.parametrize("values, words", [
    ({"since": 2020, "until": 2010}, "after it ends"),
    ({"since": 1975, "until": 1976, "domain": "language"}, "a trend needs at least"),
    ({"since": 2025, "until": 2025}, "compute falls across this window"),  # found by the link fuzz: 'inf months'
])
def test_a_window_with_too_few_models_says_so(values, words):
    with pytest.raises(tr.TrendError, match=words):
        tr.run(TABLE, {**DEFAULTS, **values})


def test_doubling_months_of_no_growth_is_infinite():
    assert tr.doubling_months(np.array([0.0, -1.0, np.log10(2)])).tolist() == [np.inf, np.inf, 12.0]


def test_cli_trend_prints_the_fit(capsys):
    assert main(["trend", "start=2010", "end=2022"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n"] > 250 and out["ci80"][0] <= out["doubling_months"] <= out["ci80"][1]
    assert out["params"] == {"since": 2010, "until": 2022, "domain": "all", "frontier": "all"}


@pytest.mark.parametrize("args", [["start=2020", "end=2010"], ["domain=xyz"], ["start=abc"], ["oops"]])
def test_cli_trend_refuses_bad_input_in_one_line(capsys, args):
    assert main(["trend", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_the_chart_extends_only_a_fit_past_the_window():
    from lib.data.trends.charts import FORWARD_YEARS, trend_figure

    points = tr.select(tr.packaged(), {**tr.PARAMS.defaults(), "since": 2020, "until": 2023})
    fitted = trend_figure(points, tr.checked_fit(points, {"since": 2020, "until": 2023}), 2023)
    bare = trend_figure(points, None, 2023)
    assert fitted.layout.xaxis.range[1] == 2024 + FORWARD_YEARS
    assert bare.layout.xaxis.range[1] == 2024  # no fit: nothing drawn past the window, no empty years
    assert [t.name for t in bare.data] == ["Notable models"]
