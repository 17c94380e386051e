"""``linviz bench cifar [--quick] [--json] [--data-dir DIR]``: the CIFAR-10 engine against textbook code.

Every timing is measured beside its baseline in the same run, the two
interleaved (measured, baseline, measured, …) after a warm-up of each, and the
medians are compared: **ratio = measured time / baseline time** (below 1: faster
than the baseline; the aims read "≤ 0.5×" etc.). Accuracies are reported beside
the textbook's. Nothing here is asserted by the tests: the machine is shared.

1. Mini-batch training, SVM and Softmax on raw pixels: ``fit_linear`` against a
   CS231n-assignment-style implementation written below (float64 rows with a
   bias column, W (D+1, C), ``X_batch.dot(W)``, ``X_batch.T.dot(…)``, batches of
   200 drawn with replacement, 0.5·reg·ΣW²), same lr 1e-7, reg 2.5e4, init
   1e-4·randn, 1,500 iterations. Aims: time ≤ 0.5×, test accuracy no worse than
   the textbook's by more than 1 point.
2. One full-batch SVM loss and gradient over every training image
   (``full_loss_and_grad``) against the bare pair ``X @ W.T``, ``X.T @ G``
   (aim ≤ 0.8×), with the time to read X once (``X.sum()``) beside it.
3. kNN squared-L2 distances, 500 test × 5,000 training images, against the bare
   ``Xq @ Xtr.T`` (aim ≤ 1.1×); kNN test accuracy for k = 1 and for the best k
   (chosen on 1,000 validation images); scikit-learn's brute-force
   KNeighborsClassifier if it is installed (it is not a dependency).
4. HOG + colour features: extraction time, and a linear SVM's test accuracy
   (aim ≥ 40 %).

Everything runs with BLAS limited to one thread (both sides): the products are
skinny or small, and on a shared two-core machine OpenBLAS's second thread
stalls more than it helps. OPENBLAS_* variables of the environment are left as
they are.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .engine.cifar import CifarError, load_cifar10
from .engine.image_training import (
    fit_knn,
    fit_linear,
    full_loss_and_grad,
    knn_accuracy_by_k,
    prepare,
    recommended_config,
)
from .engine.knn import KNearestNeighbors, pairwise_sq_l2
from .engine.losses import LossConfig
from .engine.regularizers import RegConfig

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/cifar-10-batches-py"
KS = (1, 3, 5, 8, 10, 12, 15, 20, 50, 100)  # CS231n's k_choices
LR, REG, BATCH, ITERS, INIT = 1e-7, 2.5e4, 200, 1500, 1e-4


# ----------------------------------------------------------------------------- the textbook code


def textbook_svm_loss(W, X, y, reg):
    """CS231n ``svm_loss_vectorized``: W (D+1, C), X (B, D+1) float64 → (loss, dW)."""
    num_train = X.shape[0]
    scores = X.dot(W)
    correct = scores[np.arange(num_train), y].reshape(-1, 1)
    margins = np.maximum(0, scores - correct + 1)
    margins[np.arange(num_train), y] = 0
    loss = np.sum(margins) / num_train + 0.5 * reg * np.sum(W * W)
    binary = margins
    binary[margins > 0] = 1
    row_sum = np.sum(binary, axis=1)
    binary[np.arange(num_train), y] = -row_sum
    dW = X.T.dot(binary) / num_train + reg * W
    return loss, dW


def textbook_softmax_loss(W, X, y, reg):
    """CS231n ``softmax_loss_vectorized``: W (D+1, C), X (B, D+1) float64 → (loss, dW)."""
    num_train = X.shape[0]
    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    probs = np.exp(scores)
    probs /= np.sum(probs, axis=1, keepdims=True)
    loss = -np.sum(np.log(probs[np.arange(num_train), y])) / num_train + 0.5 * reg * np.sum(W * W)
    probs[np.arange(num_train), y] -= 1
    dW = X.T.dot(probs) / num_train + reg * W
    return loss, dW


def textbook_train(X, y, loss_fn, learning_rate=LR, reg=REG, num_iters=ITERS, batch_size=BATCH, seed=0):
    """CS231n ``LinearClassifier.train``: plain SGD, batches drawn with replacement."""
    rs = np.random.RandomState(seed)
    num_train, dim = X.shape
    num_classes = int(np.max(y)) + 1
    W = INIT * rs.randn(dim, num_classes)
    for _ in range(num_iters):
        idx = rs.choice(num_train, batch_size, replace=True)
        X_batch, y_batch = X[idx], y[idx]
        loss, grad = loss_fn(W, X_batch, y_batch, reg)
        W += -learning_rate * grad
    return W


def textbook_rows(images, mean_image=None):
    """The notebook's preprocessing: float64 rows, minus the training mean image, plus a bias column."""
    X = np.reshape(images, (images.shape[0], -1)).astype(np.float64)
    if mean_image is None:
        mean_image = np.mean(X, axis=0)
    X -= mean_image
    return np.hstack([X, np.ones((X.shape[0], 1))]), mean_image


# ----------------------------------------------------------------------------- timing


def paired(measured: Callable, baseline: Callable, runs: int) -> tuple[list[float], list[float]]:
    """Seconds per call of each, after one warm-up call each, the two interleaved ``runs`` times."""
    measured()
    baseline()
    tm, tb = [], []
    for i in range(runs):
        for fn, out in ((measured, tm), (baseline, tb)) if i % 2 == 0 else ((baseline, tb), (measured, tm)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return tm, tb


def row(name, tm, tb, baseline, aim, max_ratio, **extra) -> dict:
    median, base = float(np.median(tm)), float(np.median(tb))
    ratio = median / base
    return {"name": name, "median_s": median, "runs": len(tm), "baseline": baseline, "baseline_median_s": base,
            "ratio": ratio, "aim": aim, "met": bool(ratio <= max_ratio)} | extra


def accuracy(name, value, aim, met, baseline=None, baseline_value=None, **extra) -> dict:
    return {"name": name, "value": float(value), "baseline": baseline,
            "baseline_value": None if baseline_value is None else float(baseline_value),
            "aim": aim, "met": bool(met)} | extra


# ----------------------------------------------------------------------------- the figures


def _training(data, quick: bool, log) -> tuple[list[dict], list[dict]]:
    iters = 300 if quick else ITERS
    runs = 1 if quick else 3
    test_size = 2000 if quick else None
    prep = prepare(data, features="raw", val_size=1000, test_size=test_size, seed=0)
    X64, mu = textbook_rows(data.X_train[prep.train_idx])
    Xte64, _ = textbook_rows(data.X_test[prep.test_idx], mu)
    y, yte = prep.y_train, prep.y_test
    results, accs = [], []
    for model, loss_fn in (("svm", textbook_svm_loss), ("softmax", textbook_softmax_loss)):
        log(f"training {model} ({iters} iterations, {runs} timed run(s) each)…")
        cfg = recommended_config(model, "raw", lr=LR, reg=RegConfig("half-l2", lam=REG), batch_size=BATCH,
                                 iters=iters, init_scale=INIT, eval_every=iters)
        out = {}

        def ours():
            out["run"] = fit_linear(prep.X_train, y, cfg, prep.n_classes)

        def textbook():
            out["W"] = textbook_train(X64, y, loss_fn, num_iters=iters)

        tm, tb = paired(ours, textbook, runs)
        ours_acc = out["run"].accuracy(prep.X_test, yte)
        text_acc = float((Xte64.dot(out["W"]).argmax(axis=1) == yte).mean())
        label = "SVM" if model == "svm" else "Softmax"
        results.append(row(f"{label} training, {iters} iterations of {BATCH} (fit_linear)", tm, tb,
                           f"CS231n-style vectorised {label} (float64, bias column)", "≤ 0.5×", 0.5))
        accs.append(accuracy(f"{label} on raw pixels, test accuracy ({len(yte)} images)", ours_acc,
                             "≥ textbook − 1 point", ours_acc >= text_acc - 0.01, "textbook", text_acc))
    return results, accs


def _full_batch(data, quick: bool, log) -> dict:
    log("full-batch loss and gradient…")
    prep = prepare(data, features="raw", val_size=0, test_size=10, seed=0)
    X, y = prep.X_train, prep.y_train
    rng = np.random.default_rng(0)
    W = (INIT * rng.standard_normal((prep.n_classes, prep.dim))).astype(np.float32)
    b = np.zeros(prep.n_classes, dtype=np.float32)
    G = rng.standard_normal((len(X), prep.n_classes)).astype(np.float32)
    lcfg, rcfg = LossConfig("svm"), RegConfig("l2", lam=REG)
    runs = 3 if quick else 9
    tm, tb = paired(lambda: full_loss_and_grad(W, b, X, y, lcfg, rcfg), lambda: (X @ W.T, X.T @ G), runs)
    _, tread = paired(lambda: None, lambda: X.sum(), runs)
    return row(f"full-batch SVM loss + gradient, {len(X)} images (full_loss_and_grad)", tm, tb,
               "bare X @ W.T and X.T @ G", "≤ 0.8×", 0.8, read_once_s=float(np.median(tread)))


def _knn(data, quick: bool, log, notes: list[str]) -> tuple[list[dict], list[dict], dict]:
    log("kNN…")
    prep = prepare(data, features="raw", train_size=5000, val_size=1000, test_size=500, seed=0)
    Xtr, Xq = prep.X_train, prep.X_test
    runs = 3 if quick else 7
    tm, tb = paired(lambda: pairwise_sq_l2(Xq, Xtr), lambda: Xq @ Xtr.T, runs)
    results = [row(f"kNN squared-L2 distances, {len(Xq)} test × {len(Xtr)} train (pairwise_sq_l2)", tm, tb,
                   "bare Xq @ Xtr.T", "≤ 1.1×", 1.1)]
    model = fit_knn(prep, 1, "l2")
    start = time.perf_counter()
    model.kneighbors(Xq)
    info = {"knn_kneighbors_s": time.perf_counter() - start, "knn_test_images": len(Xq)}
    start = time.perf_counter()
    by_k_val = knn_accuracy_by_k(model, prep.X_val, prep.y_val, KS)
    best_k = max(KS, key=lambda k: (by_k_val[k], -k))  # the smallest k among the best
    by_k_test = knn_accuracy_by_k(model, Xq, prep.y_test, KS)
    info |= {"knn_k_search_s": time.perf_counter() - start, "knn_val_accuracy_by_k": by_k_val,
             "knn_test_accuracy_by_k": by_k_test, "knn_best_k": best_k}
    accs = [
        accuracy(f"kNN k=1, test accuracy ({len(Xq)} test, {len(Xtr)} train)", by_k_test[1],
                 "≈ 25 % (> 20 %)", by_k_test[1] > 0.20),
        accuracy(f"kNN best k={best_k} (chosen on {len(prep.y_val)} validation images), test accuracy",
                 by_k_test[best_k], "≈ 25 % (> 20 %)", by_k_test[best_k] > 0.20, best_k=best_k),
    ]
    try:
        from sklearn.neighbors import KNeighborsClassifier
    except ImportError:
        notes.append("scikit-learn is not installed: its brute-force kNN was not timed (it is not a dependency).")
    else:
        ours = KNearestNeighbors(1, "l2").fit(Xtr, prep.y_train, prep.n_classes)
        sk = KNeighborsClassifier(n_neighbors=1, algorithm="brute").fit(Xtr, prep.y_train)
        tm, tb = paired(lambda: ours.predict(Xq), lambda: sk.predict(Xq), runs)
        results.append(row(f"kNN k=1 predictions, {len(Xq)} × {len(Xtr)} (KNearestNeighbors)", tm, tb,
                           "scikit-learn KNeighborsClassifier(algorithm='brute')", "≤ 1×", 1.0))
    return results, accs, info


def _features(data, quick: bool, log) -> tuple[list[dict], dict]:
    log("HOG + colour features…")
    sizes = {"train_size": 2000, "test_size": 1000} if quick else {}
    start = time.perf_counter()
    prep = prepare(data, features="hog+color", val_size=1000, seed=0, **sizes)
    seconds = time.perf_counter() - start
    n_images = len(prep.y_train) + len(prep.y_val) + len(prep.y_test)
    cfg = recommended_config("svm", "hog+color", iters=300 if quick else ITERS)
    run = fit_linear(prep.X_train, prep.y_train, cfg, prep.n_classes, X_val=prep.X_val, y_val=prep.y_val)
    acc = run.accuracy(prep.X_test, prep.y_test)
    accs = [accuracy(f"SVM on HOG + colour ({prep.dim} features), test accuracy ({len(prep.y_test)} images)", acc,
                     "≥ 40 %", acc >= 0.40, lr=cfg.lr, reg=cfg.reg.lam)]
    info = {"feature_images": n_images, "feature_extraction_s": seconds,
            "feature_extraction_ms_per_image": 1e3 * seconds / n_images, "hog_svm_train_s": run.train_seconds}
    return accs, info


def run(quick: bool = False, data_dir=None, log: Callable[[str], None] | None = None) -> dict:
    """Measure everything: ``{"results", "accuracies", "info", "notes", "machine"}`` (see the module docstring)."""
    from threadpoolctl import threadpool_limits

    from .bench import machine_info

    log = log or (lambda msg: None)
    folder = Path(data_dir) if data_dir is not None else DEFAULT_DATA
    data = load_cifar10(folder)
    notes: list[str] = []
    with threadpool_limits(1):
        results, accs = _training(data, quick, log)
        results.append(_full_batch(data, quick, log))
        knn_rows, knn_accs, info = _knn(data, quick, log, notes)
        results += knn_rows
        accs += knn_accs
        feat_accs, feat_info = _features(data, quick, log)
    accs += feat_accs
    info |= feat_info
    machine = machine_info() | {"quick": quick, "blas_threads": 1, "data_dir": str(folder),
                                "train_images": int(len(data.y_train)), "test_images": int(len(data.y_test))}
    return {"results": results, "accuracies": accs, "info": info, "notes": notes, "machine": machine}


# ----------------------------------------------------------------------------- output


def _time(s: float) -> str:
    if s < 1e-3:
        return f"{s * 1e6:.0f} µs"
    return f"{s * 1e3:.1f} ms" if s < 1 else f"{s:.2f} s"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[k]) for r in [head, *rows]) for k in range(len(head))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in [head, *rows]]


def format_table(report: dict) -> str:
    """The report as two aligned tables (timings, accuracies) and a few lines of context."""
    timing = [[r["name"], _time(r["median_s"]), r["baseline"], _time(r["baseline_median_s"]), f"{r['ratio']:.2f}×",
               r["aim"], "yes" if r["met"] else "NO"] for r in report["results"]]
    lines = _table(["figure", "median", "baseline", "baseline median", "ratio", "aim", "met"], timing)
    full = next((r for r in report["results"] if "read_once_s" in r), None)
    if full is not None:
        lines.append(f"(reading the {full['name'].split(', ')[1].split(' (')[0]} once, X.sum(): "
                     f"{_time(full['read_once_s'])})")
    lines.append("ratio = measured / baseline time (below 1: faster); medians of interleaved runs after a warm-up.")
    lines.append("")
    accs = [[a["name"], f"{100 * a['value']:.1f} %",
             "" if a["baseline_value"] is None else f"{a['baseline']} {100 * a['baseline_value']:.1f} %",
             a["aim"], "yes" if a["met"] else "NO"] for a in report["accuracies"]]
    lines += _table(["accuracy", "value", "baseline", "aim", "met"], accs)
    info = report["info"]
    lines.append("")
    lines.append(f"HOG + colour extraction: {info['feature_extraction_s']:.1f} s for {info['feature_images']} images "
                 f"({info['feature_extraction_ms_per_image']:.2f} ms each, including standardisation)")
    for split in ("val", "test"):
        ks = info[f"knn_{split}_accuracy_by_k"]
        lines.append(f"kNN {split} accuracy by k: " + ", ".join(f"{k}: {100 * v:.1f} %" for k, v in ks.items()))
    lines.append(f"kNN k=1 neighbour search (distances + argpartition) of the {info['knn_test_images']} test images "
                 f"with a fitted model: {_time(info['knn_kneighbors_s'])}")
    lines += report["notes"]
    m = report["machine"]
    lines.append(f"machine: {m['processor']}, {m['cpus']} CPUs, Python {m['python']}, NumPy {m['numpy']}, "
                 f"{'; '.join(m['blas']) or 'BLAS unknown'}; BLAS limited to 1 thread; "
                 f"{m['train_images']} training / {m['test_images']} test images{' (quick run)' if m['quick'] else ''}")
    return "\n".join(lines)


def _finite(obj):
    """NaN/inf → None, recursively, so the JSON is strict."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {str(k): _finite(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_finite(v) for v in obj]
    return obj


def run_cli(args) -> int:
    """``linviz bench cifar``: args has ``quick``, ``json`` and ``data_dir`` (None: the shared data)."""
    progress = (lambda msg: print(msg, file=sys.stderr, flush=True)) if sys.stderr.isatty() else None
    try:
        report = run(quick=args.quick, data_dir=getattr(args, "data_dir", None), log=progress)
    except (CifarError, ValueError, OSError) as e:
        print(f"linviz: error: {' '.join(str(e).split())}", file=sys.stderr)
        return 2
    print(json.dumps(_finite(report), allow_nan=False) if args.json else format_table(report))
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m linviz.bench_cifar [--quick] [--json] [--data-dir DIR]``."""
    import argparse

    p = argparse.ArgumentParser(prog="linviz bench cifar", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer iterations, images and repeats (< 1 min)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--data-dir", default=None, metavar="DIR",
                   help=f"a cifar-10-batches-py folder (default: {DEFAULT_DATA})")
    return run_cli(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
