"""The ``linviz`` command line: explain, train, kNN, errors, the app entry point."""

import json
import math
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from linviz import cli
from linviz.engine.datasets import make_preset, write_points
from linviz.engine.knn import KNearestNeighbors
from linviz.engine.losses import svm_loss

ROOT = Path(__file__).resolve().parents[1]
LECTURE = ["--scores", "3.2,5.1,-1.7;1.3,4.9,2.0;2.2,2.5,-3.1", "--labels", "0,1,2", "--classes", "cat,car,frog"]


def run(capsys, *argv):
    """(exit status, stdout, stderr) of ``linviz argv…`` run in-process."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


# ----------------------------------------------------------------------------- explain


def test_explain_svm_gives_the_lectures_numbers(capsys):
    doc = run_json(capsys, "explain", "--loss", "svm", *LECTURE)
    assert doc["per_example"] == pytest.approx([2.9, 0.0, 12.9])
    assert doc["loss"] == pytest.approx(5.27, abs=0.005)
    assert doc["class_names"] == ["cat", "car", "frog"]


def test_explain_prints_the_lecture_table(capsys):
    code, out, _ = run(capsys, "explain", "--loss", "svm", *LECTURE)
    assert code == 0
    assert "ex 1 (cat)" in out and "12.90" in out and out.strip().endswith("5.27")


def test_explain_softmax_probabilities_sum_to_one(capsys):
    doc = run_json(capsys, "explain", "--loss", "softmax", *LECTURE)
    p = np.array(doc["probabilities"])
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    assert doc["loss"] == pytest.approx(np.mean(-np.log(p[[0, 1, 2], [0, 1, 2]])))


def test_explain_takes_class_names_as_labels(capsys):
    by_name = run_json(capsys, "explain", "--loss", "svm", "--scores", "3.2,5.1,-1.7", "--labels", "cat",
                       "--classes", "cat,car,frog")
    assert by_name["per_example"] == pytest.approx([2.9])


# ----------------------------------------------------------------------------- train


def test_train_cs231n_starts_from_the_demos_W_and_descends(capsys):
    doc = run_json(capsys, "train", "--preset", "cs231n", "--lam", "0.1", "--steps", "50", "--history")
    ds = make_preset("cs231n")
    expected = svm_loss(ds.X @ ds.W0.T + ds.b0, ds.y)[0] + 0.1 * np.sum(ds.W0**2)
    assert doc["history"][0]["loss"] == pytest.approx(expected, rel=1e-12)
    assert len(doc["history"]) == doc["steps"] + 1 == 51
    assert doc["loss"] < doc["history"][0]["loss"]
    assert doc["history"][-1]["loss"] == doc["loss"]
    assert doc["stop_reason"] == "steps" and "test_accuracy" not in doc


def test_init_overrides_the_presets_start(capsys):
    doc = run_json(capsys, "train", "--preset", "cs231n", "--init", "zeros", "--steps", "0")
    assert doc["W"] == [[0.0, 0.0]] * 3 and doc["steps"] == 0


def test_same_seed_gives_identical_json(capsys):
    argv = ["train", "--preset", "moons", "--model", "softmax", "--batch-size", "8", "--optimizer", "adam",
            "--features", "rbf", "--seed", "7", "--steps", "30", "--test-fraction", "0.25", "--history"]
    first, second = run(capsys, *argv, "--json"), run(capsys, *argv, "--json")
    assert first[0] == 0 and first == second
    assert "test_accuracy" in json.loads(first[1])


def test_tol_stops_early_and_says_why_with_both_figures(capsys):
    argv = ["train", "--preset", "blobs", "--model", "softmax", "--lam", "0.1", "--steps", "5000"]
    doc = run_json(capsys, *argv, "--tol", "1e-4")
    assert doc["stop_reason"] == "small_change" and 0 < doc["steps"] < 5000
    stop = doc["stop"]
    assert stop["reason"] == "small_change" and stop["relative_change"] < 1e-4 < stop["grad_norm"]
    assert (stop["tol"], stop["gtol"]) == (1e-4, 1e-4)
    doc = run_json(capsys, *argv, "--gtol", "1e-3")
    assert doc["stop_reason"] == "converged" and doc["stop"]["grad_norm"] <= 1e-3
    code, out, _ = run(capsys, *argv, "--gtol", "1e-3")
    assert code == 0 and "converged: gradient ≈ 0, ‖∇‖ = " in out and "(gtol 0.001)" in out


def test_divergence_exits_0_with_finite_numbers(capsys):
    argv = ["train", "--preset", "cs231n", "--lr", "1e300", "--lam", "0.1"]
    doc = run_json(capsys, *argv, "--history")
    assert doc["stop_reason"] == "diverged"

    def numbers(v):
        if isinstance(v, dict):
            return [x for w in v.values() for x in numbers(w)]
        if isinstance(v, list):
            return [x for w in v for x in numbers(w)]
        return [v] if isinstance(v, float) else []

    assert all(math.isfinite(x) for x in numbers(doc))
    code, out, err = run(capsys, *argv)
    assert code == 0 and "smaller learning rate" in out and not err


def test_text_summary(capsys):
    code, out, _ = run(capsys, "train", "--preset", "blobs", "--steps", "20", "--test-fraction", "0.2")
    assert code == 0
    assert "steps     20" in out and "accuracy" in out and "held-out" in out


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_train_reads_a_points_file(capsys, tmp_path, suffix):
    path = tmp_path / f"points{suffix}"
    write_points(make_preset("cs231n"), path)
    doc = run_json(capsys, "train", "--data", str(path), "--steps", "10", "--history")
    assert doc["n_train"] == 9 and doc["n_classes"] == 3
    preset = run_json(capsys, "train", "--preset", "cs231n", "--steps", "10", "--history")
    if suffix == ".json":  # JSON keeps the demo's W0 and b0
        assert doc["history"] == preset["history"]


def test_config_from_args_is_reusable():
    parser = cli._Parser()
    cli.add_training_options(parser)
    cfg, init, knn = cli.config_from_args(parser.parse_args(
        ["--preset", "blobs", "--optimizer", "nesterov", "--momentum", "0.5", "--batch-size", "16", "--reg", "l1",
         "--lam", "0.2", "--schedule", "inverse", "--init", "zeros", "--k", "3", "--metric", "l1"]))
    assert (cfg.optimizer.kind, cfg.optimizer.momentum, cfg.batch_size) == ("nesterov", 0.5, 16)
    assert (cfg.reg.kind, cfg.reg.lam, cfg.schedule.kind, init) == ("l1", 0.2, "inverse", "zeros")
    assert (knn.k, knn.metric) == (3, "l1")
    cfg, init, _ = cli.config_from_args(parser.parse_args(["--preset", "blobs", "--batch-size", "full"]))
    assert cfg.batch_size is None and init == "given"


# ----------------------------------------------------------------------------- kNN


def test_knn_reports_leave_one_out_and_test_accuracy(capsys):
    doc = run_json(capsys, "train", "--preset", "blobs", "--model", "knn", "--k", "5", "--test-fraction", "0.3")
    assert doc["steps"] == 0 and doc["accuracy"] > 0.8 and 0.0 <= doc["test_accuracy"] <= 1.0


def test_knn_accuracy_is_leave_one_out():
    """Matches refitting without each point in turn; with k = 1 on overlapping classes it is below 1
    (a point would always be its own nearest neighbour)."""
    ds = make_preset("blobs", n_per_class=15, noise=1.5, seed=3)
    for k, metric in ((1, "l2"), (4, "l1")):
        hits = []
        for i in range(len(ds)):
            rest = np.arange(len(ds)) != i
            model = KNearestNeighbors(k, metric).fit(ds.X[rest], ds.y[rest], 3)
            hits.append(model.predict(ds.X[i : i + 1])[0] == ds.y[i])
        assert cli.loo_accuracy(ds.X, ds.y, 3, cli.KnnSettings(k, metric)) == pytest.approx(np.mean(hits))
    assert cli.loo_accuracy(ds.X, ds.y, 3, cli.KnnSettings(1)) < 1.0


# ----------------------------------------------------------------------------- errors


def bad_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("x,y,label\n1.0,oops,0\n")
    return str(path)


BAD = {
    "unknown preset": ["train", "--preset", "nope"],
    "unknown model": ["train", "--preset", "blobs", "--model", "tree"],
    "k too large": ["train", "--preset", "cs231n", "--model", "knn", "--k", "20"],
    "k too large for the split": ["train", "--preset", "cs231n", "--model", "knn", "--k", "8", "--test-fraction", "0.5"],
    "negative lambda": ["train", "--preset", "cs231n", "--lam", "-1"],
    "too many steps": ["train", "--preset", "cs231n", "--steps", "100000000"],
    "zero lr": ["train", "--preset", "cs231n", "--lr", "0"],
    "negative lr": ["train", "--preset", "cs231n", "--lr", "-0.5"],
    "missing file": ["train", "--data", "no/such/file.csv"],
    "malformed file": ["train", "--data", bad_file],
    "no data": ["train", "--model", "svm"],
    "bad batch": ["train", "--preset", "blobs", "--batch-size", "lots"],
    "bad split": ["train", "--preset", "blobs", "--test-fraction", "1.5"],
    "bad class count": ["train", "--preset", "blobs", "--classes", "40"],
    "unparsable scores": ["explain", "--loss", "svm", "--scores", "1,2;x,3", "--labels", "0,1"],
    "ragged scores": ["explain", "--loss", "svm", "--scores", "1,2;3", "--labels", "0,1"],
    "label out of range": ["explain", "--loss", "svm", "--scores", "1,2;3,4", "--labels", "0,5"],
    "label count": ["explain", "--loss", "svm", "--scores", "1,2;3,4", "--labels", "0"],
    "class names count": ["explain", "--loss", "svm", "--scores", "1,2", "--labels", "0", "--classes", "a,b,c"],
    "unknown command": ["frobnicate"],
}


@pytest.mark.parametrize("case", BAD)
def test_bad_arguments_exit_2_with_one_line(capsys, tmp_path, case):
    argv = [a(tmp_path) if callable(a) else a for a in BAD[case]]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("linviz: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_help_exits_0(capsys):
    code, out, _ = run(capsys, "train", "--help")
    assert code == 0 and "--preset" in out


# ----------------------------------------------------------------------------- the app and the entry points


def test_no_display_exits_1_with_one_line(capsys, monkeypatch):
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, _, err = run(capsys)
    assert code == 1 and err.startswith("linviz: ") and err.count("\n") == 1


def test_missing_ui_exits_1_with_one_line(capsys, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setitem(sys.modules, "linviz.ui.app", None)  # import fails
    code, _, err = run(capsys)
    assert code == 1 and "cannot open the app" in err and err.count("\n") == 1


def test_no_arguments_run_the_app(capsys, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    calls = []
    fake = types.ModuleType("linviz.ui.app")
    fake.run = lambda argv=None: calls.append(argv) or 0
    monkeypatch.setitem(sys.modules, "linviz.ui.app", fake)
    assert cli.main([]) == 0 and len(calls) == 1


def test_an_unexpected_error_is_one_line_exit_1(capsys, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    fake = types.ModuleType("linviz.ui.app")
    fake.run = lambda argv=None: 1 / 0
    monkeypatch.setitem(sys.modules, "linviz.ui.app", fake)
    code, _, err = run(capsys)
    assert code == 1 and "ZeroDivisionError" in err and err.count("\n") == 1


def test_module_entry_point_in_a_real_process():
    args = [sys.executable, "-m", "linviz.cli", "explain", "--loss", "svm", *LECTURE, "--json"]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["loss"] == pytest.approx(5.27, abs=0.005)


def test_main_py_reports_errors_without_traceback():
    args = [sys.executable, "main.py", "train", "--preset", "nope"]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.startswith("linviz: error:") and "Traceback" not in done.stderr
