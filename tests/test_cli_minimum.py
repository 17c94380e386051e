"""``linviz train`` can reach the minimum: schedule parameters, Adam's β₁ β₂ ε, a regularised
bias, and flags that mean one thing across commands (λ is --lam, kNN's settings are the app's)."""

import json

import numpy as np
import pytest

from linviz import cli
from linviz.engine.datasets import make_preset
from linviz.engine.gradcheck import newton_minimum
from linviz.engine.knn import KnnSettings
from linviz.engine.losses import LossConfig
from linviz.engine.optimizers import Optimizer, Schedule
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import TrainConfig, train
from linviz.ui.models import Settings

IRIS = make_preset("iris")
LAM = 0.01
REACH = ["--optimizer", "adam", "--lr", "0.1", "--schedule", "step", "--step-every", "1000", "--step-factor", "0.5",
         "--steps", "20000"]


def train_json(capsys, *argv) -> dict:
    code = cli.main(["train", "--preset", "iris", "--lam", str(LAM), *argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def relative_gap(loss: float, minimum: float) -> float:
    return abs(loss - minimum) / minimum


def test_softmax_reaches_the_exact_minimum_on_iris(capsys):
    _, _, minimum, gnorm = newton_minimum(IRIS.X, IRIS.y, TrainConfig(loss=LossConfig("softmax"),
                                                                      reg=RegConfig("l2", LAM)), 3)
    assert gnorm < 1e-9
    assert relative_gap(train_json(capsys, "--model", "softmax", *REACH)["loss"], minimum) < 1e-4
    # what the command line could do before: the step schedule halved α every 100 updates
    frozen = train_json(capsys, "--model", "softmax", "--schedule", "step", "--steps", "20000")
    assert relative_gap(frozen["loss"], minimum) > 0.1


def test_svm_reaches_the_minimum_of_a_long_run_on_iris(capsys):
    # the hinge has kinks (no Newton step): the reference is 200,000 updates of another method,
    # momentum with α halved every 20,000
    long = train(IRIS.X, IRIS.y, TrainConfig(reg=RegConfig("l2", LAM), optimizer=Optimizer("momentum"), lr=0.1,
                                             schedule=Schedule("step", gamma=0.5, every=20_000), steps=200_000), 3)
    reference = float(long.loss.min())
    doc = train_json(capsys, "--model", "svm", *REACH)
    assert relative_gap(doc["loss"], reference) < 1e-4
    frozen = train_json(capsys, "--model", "svm", "--schedule", "step", "--steps", "20000")
    assert relative_gap(frozen["loss"], reference) > 0.1


def test_every_new_flag_reaches_the_engine():
    parser = cli._Parser()
    cli.add_training_options(parser)
    args = ["--preset", "iris", "--optimizer", "adam", "--beta1", "0.8", "--beta2", "0.99", "--eps", "1e-6",
            "--rho", "0.9", "--reg-bias", "--schedule", "step", "--step-every", "50", "--step-factor", "0.3"]
    cfg, _, knn = cli.config_from_args(parser.parse_args(args))
    assert cfg.optimizer == Optimizer("adam", beta1=0.8, beta2=0.99, eps=1e-6, rho=0.9)
    assert cfg.reg.include_bias and cfg.schedule == Schedule("step", gamma=0.3, every=50)
    cfg, _, _ = cli.config_from_args(parser.parse_args(["--preset", "iris", "--schedule", "inverse", "--decay", "0.2"]))
    assert cfg.schedule == Schedule("inverse", k=0.2)
    assert knn == KnnSettings() == Settings().knn  # one definition of kNN's settings and their defaults


def test_a_regularised_bias_changes_the_minimum(capsys):
    free, held = (train_json(capsys, "--model", "softmax", *REACH, *extra) for extra in ([], ["--reg-bias"]))
    assert np.abs(held["b"]).sum() < np.abs(free["b"]).sum()  # λΣb² pulls b towards 0


@pytest.mark.parametrize(("argv", "words"), [
    (["--schedule", "constant", "--step-every", "10"], ["--step-every", "--schedule step"]),
    (["--schedule", "step", "--decay", "0.1"], ["--decay", "--schedule inverse"]),
    (["--schedule", "step", "--step-factor", "0"], ["γ", "(0, 1]"]),
    (["--schedule", "inverse", "--decay", "-1"], ["k", "≥ 0"]),
    (["--optimizer", "adam", "--beta2", "1"], ["beta2", "[0, 1)"]),
    (["--optimizer", "adam", "--eps", "0"], ["eps", "> 0"]),
])
def test_bad_values_of_the_new_flags_are_one_line_exit_2(capsys, argv, words):
    code = cli.main(["train", "--preset", "iris", *argv])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and err.startswith("linviz: error:")
    assert all(w in err for w in words), err


def test_lam_means_lambda_in_every_command(capsys):
    train_help = cli.build_parser()._subparsers._group_actions[0].choices
    for name in ("train", "render", "cifar"):
        options = {s: a for a in train_help[name]._actions for s in a.option_strings}
        assert "λ" in options["--lam"].help
        assert "--reg" not in options or name == "cifar" or "kind" in options["--reg"].help
    code = cli.main(["cifar", "--model", "svm", "--reg", "2500"])
    err = capsys.readouterr().err
    assert code == 2 and "use --lam 2500" in err


def test_least_squares_reaches_the_ridge_regression_solution(capsys):
    # ½/N ‖Φ Wᵀ + b − T‖² + λ‖W‖² (b free) is ridge regression: its normal equations give
    # [W b] exactly, (AᵀA/N + 2λ·diag(1, 1, 0)) [W b]ᵀ = AᵀT/N with A = [X 1]
    X, y = IRIS.X, IRIS.y
    A = np.hstack([X, np.ones((len(X), 1))])
    T = np.eye(3)[y]
    P = np.diag([2 * LAM, 2 * LAM, 0.0])
    exact = np.linalg.solve(A.T @ A / len(X) + P, A.T @ T / len(X)).T  # (C, D + 1)
    doc = train_json(capsys, "--model", "lsq", "--optimizer", "adam", "--lr", "0.05", "--schedule", "step",
                     "--step-every", "2000", "--step-factor", "0.5", "--steps", "20000")
    assert doc["model"] == "lsq"
    np.testing.assert_allclose(np.array(doc["W"]), exact[:, :2], atol=1e-5)
    np.testing.assert_allclose(np.array(doc["b"]), exact[:, 2], atol=1e-5)
    R = A @ exact.T - T
    minimum = 0.5 * (R**2).sum() / len(X) + LAM * (exact[:, :2] ** 2).sum()
    assert relative_gap(doc["loss"], minimum) < 1e-8


def test_render_says_plainly_that_the_window_has_no_least_squares(capsys, tmp_path):
    code = cli.main(["render", "--preset", "iris", "--model", "lsq", "--out", str(tmp_path / "x.png")])
    err = capsys.readouterr().err
    assert code == 2 and "least squares" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()
