"""Fitting a scaling law (lib/data/fit/model.py): known constants recovered from synthetic points, bad data refused."""

import numpy as np
import pytest

from lib.core.scaling_laws import BESIROGLU_2024 as B
from lib.core.scaling_laws import BESIROGLU_2024_NOTEBOOK_FIT as NOTEBOOK
from lib.data.fit import model as fitting
from lib.data.fit import points


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
        points.read_points(text)


def test_a_chinchilla_file_reads_as_that_form():
    form, loss, (n, d) = points.read_points("params, tokens, loss\n1e8,2e9,3.1\n4e8,8e9,2.7\n")
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


def test_the_replications_published_points_give_its_notebooks_huber_fit_not_its_papers_table():
    # Besiroglu et al. 2024 fitted these points (Hoffmann's Figure 4 read off its SVG, minus the 5 of highest
    # loss) twice in their notebook (epoch-research/analyzing-chinchilla, data_analysis.ipynb). This procedure
    # (Huber loss on log-loss, L-BFGS from a grid) is its "Replicate exactly" cell 18: E=1.817236, A=477.8417,
    # B=2143.8638, alpha=0.3473127, beta=0.3671826, objective 0.00101827403. Tolerances: the optimum lies in a
    # flat valley (the notebook's own last restarts differ by up to 0.2% in B at objectives 1e-10 apart), so 0.1%
    # for A and B and 1e-4 for E, alpha and beta; and no worse an optimum than the notebook's.
    loss, n, d = points.replication_points()
    assert loss.size == 240
    fit = fitting.fit("chinchilla", loss, n, d, bootstrap=0)
    c, nb = fit.constants, NOTEBOOK
    assert fit.objective <= 0.0010182740346154362 * (1 + 1e-9)
    assert c["E"] == pytest.approx(nb.e, abs=1e-4)
    assert c["alpha"] == pytest.approx(nb.alpha, abs=1e-4) and c["beta"] == pytest.approx(nb.beta, abs=1e-4)
    assert c["A"] == pytest.approx(nb.a, rel=1e-3) and c["B"] == pytest.approx(nb.b, rel=1e-3)
    # The paper's table (E=1.82, A=482.01, B=2085.43, alpha=0.3478, beta=0.3658) is the notebook's other fit, the
    # maximum of a Huber likelihood with a fitted scale (cell 24), not this one. How far this fit is from it, as
    # README.md and the fit page say (to the rounding they print): A 0.9% lower, B 2.8% higher, E 0.003 lower
    # than the table's rounded 1.82, alpha 0.0005 lower, beta 0.0014 higher.
    assert c["A"] / B.a - 1 == pytest.approx(-0.009, abs=0.001) and c["B"] / B.b - 1 == pytest.approx(0.028, abs=0.001)
    assert c["E"] - B.e == pytest.approx(-0.003, abs=0.0005)
    assert c["alpha"] - B.alpha == pytest.approx(-0.0005, abs=0.0001)
    assert c["beta"] - B.beta == pytest.approx(0.0014, abs=0.0001)


def test_the_compute_to_reach_a_loss_inverts_the_curve():
    c = np.geomspace(1e18, 1e23, 12)
    loss = (1.7 + 30.0 * c ** -0.08) * np.exp(np.random.default_rng(2).normal(0, 0.003, c.size))
    fit = fitting.fit("compute", loss, c, bootstrap=20)
    at = fit.compute_for(2.0)
    assert fit.curve(np.atleast_1d(at))[0] == pytest.approx(2.0, rel=1e-9)
    r = fit.reach(2.0)
    assert r.compute == pytest.approx(float(at)) and r.never == 0.0
    assert r.ci80[0] <= r.compute <= r.ci80[1]
    below = fit.reach(1.0)  # far under the fitted E: no compute reaches it, and no refit does
    assert below.compute is None and below.never == 1.0 and below.ci80 is None


def test_the_chinchilla_form_reaches_a_loss_on_its_frontier():
    loss, n, d = chinchilla_points()
    fit = fitting.fit("chinchilla", loss, n, d, bootstrap=0)
    at = fit.compute_for(2.0)
    assert fit.curve(np.atleast_1d(at))[0] == pytest.approx(2.0, rel=1e-6)
    assert fit.reach(2.0).ci80 is None and fit.reach(1.0).compute is None


def test_table_edits_become_points():
    table = points.read_table("compute,loss\n1e18,3\n1e19,2.8\n1e20,2.6\n")
    change = {"edited_rows": {"1": {"loss": "2.75"}}, "deleted_rows": [0],
              "added_rows": [{"compute": "1e21", "loss": "2.5"}]}
    form, loss, (compute,) = points.read_points(points.with_edits(table, change).to_csv(index=False))
    assert form == "compute"
    assert list(compute) == [1e19, 1e20, 1e21] and list(loss) == [2.75, 2.6, 2.5]


def test_the_human_level_target_by_ratio_halves_the_reducible_loss_at_gpt3s_compute():
    c = np.geomspace(1e18, 1e23, 12)
    fit = fitting.fit("compute", 1.7 + 30.0 * c ** -0.08, c, bootstrap=0)
    at_gpt3 = float(fit.curve(np.array([fitting.REFERENCE_FLOP]))[0])
    target = fitting.human_loss(fit, {"fit_target": "ratio", "fit_ratio": 2.0, "goal": 0.86})
    assert target - fit.constants["E"] == pytest.approx((at_gpt3 - fit.constants["E"]) / 2)
    assert fitting.human_loss(fit, {"fit_target": "loss", "fit_ratio": 2.0, "goal": 1.9}) == 1.9
    assert fitting.REFERENCE_FLOP == pytest.approx(3.14e23, rel=0.01)  # GPT-3, Brown et al. 2020


@pytest.mark.parametrize("text", [
    "params\ttokens\tloss\n400,000,000\t8,000,000,000\t3.1\n1e9\t2e10\t2.9\n",  # copied from Excel or Sheets
    "params;tokens;loss\n400000000;8000000000;3.1\n1e9;2e10;2.9\n",
    'params,tokens,loss\n"400,000,000","8,000,000,000",3.1\n1e9,2e10,2.9\n',
    "Params\tTokens\tLoss\n400000000\t8000000000\t3.1\n1000000000\t20000000000\t2.9\n",
])
def test_spreadsheet_pastes_read_as_their_numbers(text):
    form, loss, (n, d) = points.read_points(text)
    assert form == "chinchilla" and loss.tolist() == [3.1, 2.9]
    assert n.tolist() == [4e8, 1e9] and d.tolist() == [8e9, 2e10]


@pytest.mark.parametrize("text, words", [
    ("params,tokens,loss\n1e8,2e9,3\n400,000,000,8e9,3.1\n", "row 2 has 5 cells but the header has 3"),
    ("compute\tloss\n1,234\t3.1\n", "row 1, column compute: '1,234' could be a thousand and more or a decimal comma"),
    ("compute;loss\n1e18;2,8\n", "row 1, column loss: '2,8' is not a number"),
])
def test_what_a_paste_cannot_mean_is_said_with_its_row_and_column(text, words):
    with pytest.raises(fitting.FitError, match=words):
        points.read_points(text)


def test_a_row_cut_short_is_named_not_dropped_in_silence():
    text = "compute,loss\n1e18,3\n1e19,2.8\n1e20,2.6\n1e21,2.5\n1e22"
    assert points.incomplete_rows(text) == [5]
    assert len(points.read_points(text)[1]) == 4
    assert points.incomplete_rows("compute,loss\n1e18,3\n1e19,2.8\n") == []


def test_the_vectorised_bootstrap_fits_each_resample_as_well_as_its_own_lbfgs_run():
    """All resamples fitted at once (damped Gauss-Newton from the full fit) against one L-BFGS run each:
    never a worse objective, and Chinchilla's constants within 1e-5 (relative; measured 2e-6)."""
    from lib.data.fit import examples

    chinchilla = examples.find("chinchilla")
    form, loss, x = points.read_points(chinchilla.text)
    log_loss = np.log(loss)
    refs = tuple(float(np.exp(np.log(a).mean())) for a in x)
    xs = tuple(a / r for a, r in zip(x, refs))
    grid = fitting._grid(form)
    scores = fitting._huber(fitting.log_predict(form, grid, *xs) - log_loss[None, :]).sum(axis=1)
    best = min((fitting._minimize(t, form, log_loss, *xs) for t in grid[np.argsort(scores)[:4]]), key=lambda r: r.fun)
    rng = np.random.default_rng(0)
    picks = [rng.integers(0, len(loss), len(loss)) for _ in range(8)]
    counts = np.array([np.bincount(i, minlength=len(loss)) for i in picks], dtype=float)
    together = fitting._bootstrap(best.x, form, log_loss, xs, counts)
    for k, idx in enumerate(picks):
        alone = fitting._minimize(best.x, form, log_loss[idx], *(a[idx] for a in xs))
        ours = float((counts[k] * fitting._huber(fitting.log_predict(form, together[k], *xs) - log_loss)).sum())
        assert ours <= alone.fun * (1 + 1e-9)
        a, b = (fitting._constants(form, fitting._unscaled(form, t, refs)) for t in (alone.x, together[k]))
        assert all(abs(a[n] - b[n]) <= 1e-5 * abs(a[n]) for n in a), (a, b)
