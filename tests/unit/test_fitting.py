"""Fitting a scaling law (lib/fitting.py): known constants recovered from synthetic points, bad data refused."""

import numpy as np
import pytest

from lib import fitting
from lib.scaling_laws import BESIROGLU_2024 as B


def chinchilla_points(noise: float = 0.0, seed: int = 1):
    """Points on Besiroglu et al. 2024's law: N from 4e7 to 1.6e10, D = 5 to 80 tokens per parameter."""
    rng = np.random.default_rng(seed)
    n = np.repeat(np.geomspace(4e7, 1.6e10, 8), 5)
    d = n * np.tile(np.geomspace(5, 80, 5), 8)
    loss = B.e + B.a / n ** B.alpha + B.b / d ** B.beta
    return loss * np.exp(rng.normal(0, noise, loss.size)), n, d


def test_chinchilla_form_recovers_the_replication_constants_from_exact_points():
    loss, n, d = chinchilla_points()
    fit = fitting.fit("chinchilla", loss, n, d, bootstrap=0)
    c = fit.constants
    assert fit.converged and fit.n == 40
    # Exact points: the optimum is the truth, up to the optimiser's tolerance.
    assert c["E"] == pytest.approx(B.e, rel=0.02)
    assert c["alpha"] == pytest.approx(B.alpha, rel=0.03) and c["beta"] == pytest.approx(B.beta, rel=0.03)
    assert fit.predict(n, d) == pytest.approx(loss, rel=1e-3)


def test_noisy_points_give_intervals_that_cover_the_exponents():
    loss, n, d = chinchilla_points(noise=0.005)
    fit = fitting.fit("chinchilla", loss, n, d, bootstrap=30)
    for key, truth in (("alpha", B.alpha), ("beta", B.beta)):
        lo, hi = fit.ci80[key]
        assert lo <= fit.constants[key] <= hi
        assert abs(fit.constants[key] - truth) < 0.05  # 0.5% noise on 40 points


def test_compute_form_recovers_a_known_power_law():
    c = np.geomspace(1e18, 1e23, 12)
    loss = 1.7 + 30.0 * c ** -0.08
    fit = fitting.fit("compute", loss, c, bootstrap=0)
    assert fit.constants["alpha"] == pytest.approx(0.08, rel=0.03)
    assert fit.constants["E"] == pytest.approx(1.7, rel=0.03)


@pytest.mark.parametrize("loss, x, words", [
    ([2.0, 2.1, 2.2], [1e20, 1e21, 1e22], "at least 4"),
    ([2.0, 2.1, -2.2, 2.3], [1e20, 1e21, 1e22, 1e23], "positive"),
    ([2.0, 2.1, 2.2, 2.3], [1e20, 0.0, 1e22, 1e23], "positive"),
    ([2.0, 2.1, np.nan, 2.3], [1e20, 1e21, 1e22, 1e23], "positive"),
    ([2.0, 2.0, 2.2, 2.3], [1e20, 1e20, 1e22, 1e23], "repeated"),
])
def test_bad_points_are_refused_in_words(loss, x, words):
    with pytest.raises(fitting.FitError, match=words):
        fitting.fit("compute", np.array(loss), np.array(x))


def test_the_analytic_gradient_matches_finite_differences():
    from scipy.optimize import check_grad

    loss, n, d = chinchilla_points(noise=0.01)
    x, ll = (n / n.mean(), d / d.mean()), np.log(loss)
    theta = np.array([0.5, 0.1, -0.2, 0.3, 0.4])
    err = check_grad(lambda t: fitting._objective(t, "chinchilla", ll, *x)[0],
                     lambda t: fitting._objective(t, "chinchilla", ll, *x)[1], theta)
    assert err < 1e-6


@pytest.mark.parametrize("text, words", [
    ("compute,loss\n1e18,abc\n1e19,2.8\n", "row 1, column loss: 'abc' is not a number"),
    ("flops,loss\n1e18,3\n", "columns must be compute,loss or params,tokens,loss"),
    ("", "not a readable CSV"),
    ("compute,loss\n" + "1e20,2.5\n" * 700_000, "over 5 MB"),
])
def test_bad_files_are_refused_in_words(text, words):
    with pytest.raises(fitting.FitError, match=words):
        fitting.read_points(text)


def test_a_chinchilla_file_reads_as_that_form():
    form, loss, (n, d) = fitting.read_points("params, tokens, loss\n1e8,2e9,3.1\n4e8,8e9,2.7\n")
    assert form == "chinchilla" and loss.tolist() == [3.1, 2.7] and n.tolist() == [1e8, 4e8]


def test_cli_fit(tmp_path, capsys):
    import json

    from lib.__main__ import main

    c = np.geomspace(1e18, 1e23, 8)
    good = tmp_path / "points.csv"
    good.write_text("compute,loss\n" + "".join(f"{x:g},{1.7 + 30 * x ** -0.08:.6f}\n" for x in c))
    assert main(["fit", str(good)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["form"] == "compute" and out["n"] == 8 and abs(out["constants"]["alpha"] - 0.08) < 0.005
    bad = tmp_path / "bad.csv"
    bad.write_text("compute,loss\n1e18,3\n1e19,2.9\n")
    assert main(["fit", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: 2 points") and err.count("\n") == 1
