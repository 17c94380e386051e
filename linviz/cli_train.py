"""What ``linviz train`` and ``linviz explain`` compute and print (English: the command line's
language): the final figures of a run (or kNN's leave-one-out accuracy) and the loss table of
a set of scores.
"""

from __future__ import annotations

import json

import numpy as np

from .cli_options import config_from_args, load_data, split_data, starting_point
from .engine.datasets import Dataset
from .engine.explain import explain, format_table
from .engine.file_checks import step0_finite
from .engine.knn import KNearestNeighbors, KnnSettings
from .engine.losses import LossConfig
from .engine.training import History, TrainConfig, stop_report, train

MAX_HISTORY_BYTES = 2 * 2**30
"""A run records every step (W, b and their gradients); refuse runs whose record would exceed this."""


# ----------------------------------------------------------------------------- train


def _finite(v):
    """A float for JSON, None for NaN/inf."""
    return float(v) if v is not None and np.isfinite(v) else None


def train_report(hist: History, with_history: bool) -> dict:
    """The final step's figures (and, if asked, every step's) as plain JSON values."""
    if len(hist) == 0:
        raise ValueError("the starting parameters already give a non-finite loss")
    split = not np.isnan(hist.test_acc[0])

    def row(t):
        s = hist.summary(t)
        if not split:
            del s["test_accuracy"]
        return {k: _finite(v) if isinstance(v, float) else v for k, v in s.items()}

    out = row(hist.last)
    del out["step"]
    out.update(steps=hist.last, stop_reason=hist.stop_reason, stop=stop_report(hist).to_dict(), W=hist.W[-1].tolist(),
               b=hist.b[-1].tolist())
    if with_history:
        out["history"] = [row(t) for t in range(len(hist))]
    return out


def loo_accuracy(X: np.ndarray, y: np.ndarray, n_classes: int, knn: KnnSettings) -> float:
    """Leave-one-out accuracy: each point predicted by its k nearest *other* points,
    with the engine's tie rule (the tied class whose member is nearest wins)."""
    n = len(X)
    if knn.k > n - 1:
        raise ValueError(f"k = {knn.k} is too large: leave-one-out leaves {n - 1} other point(s); choose k ≤ {n - 1}")
    _, idx = KNearestNeighbors(knn.k + 1, knn.metric).fit(X, y, n_classes).kneighbors(X)
    is_self = idx == np.arange(n)[:, None]
    is_self[~is_self.any(axis=1), -1] = True  # a point hidden behind k+1 duplicates: drop the farthest
    labels = y[idx[~is_self].reshape(n, knn.k)]  # (N, k) nearest first
    counts = np.zeros((n, n_classes), dtype=np.int64)
    np.add.at(counts, (np.repeat(np.arange(n), knn.k), labels.ravel()), 1)
    top = counts == counts.max(axis=1, keepdims=True)
    first_top = np.argmax(np.take_along_axis(top, labels, axis=1), axis=1)
    return float((labels[np.arange(n), first_top] == y).mean())


def knn_report(train_ds: Dataset, test_ds: Dataset | None, knn: KnnSettings) -> dict:
    """kNN has no training: leave-one-out accuracy on the training set, plus the test split's."""
    out = {"k": knn.k, "metric": knn.metric, "steps": 0,
           "accuracy": loo_accuracy(train_ds.X, train_ds.y, train_ds.n_classes, knn),
           "accuracy_method": "leave-one-out", "stop_reason": "no training"}
    if test_ds is not None:
        model = KNearestNeighbors(knn.k, knn.metric).fit(train_ds.X, train_ds.y, train_ds.n_classes)
        out["test_accuracy"] = float((model.predict(test_ds.X) == test_ds.y).mean())
    return out


def check_history_size(cfg: TrainConfig, n_classes: int) -> None:
    """ValueError if recording ``cfg.steps`` steps would take more than MAX_HISTORY_BYTES."""
    per_step = 8 * (2 * n_classes * cfg.features.dim + 2 * n_classes + 6)
    if (cfg.steps + 1) * per_step > MAX_HISTORY_BYTES:
        most = MAX_HISTORY_BYTES // per_step - 1
        raise ValueError(f"--steps {cfg.steps} would record more than {MAX_HISTORY_BYTES >> 30} GiB; "
                         f"at most {most:,} steps with these classes and features")


def check_finite_start(ds: Dataset, cfg: TrainConfig, init: str) -> None:
    """ValueError if the run would have no finite step: its step-0 loss overflows."""
    start = starting_point(ds, cfg, init)
    if not step0_finite(ds.X, ds.y, cfg, ds.n_classes, start["W0"], start["b0"]):
        raise ValueError("the starting W, b give a loss too large to compute at step 0: nothing to train or draw; "
                         "try smaller --delta or --lam, or other starting values")


def run_train(args) -> dict:
    """Everything ``linviz train`` reports, as a dict."""
    cfg, init, knn = config_from_args(args)
    ds = load_data(args)
    train_ds, test_ds = split_data(ds, args.test_fraction, args.seed)
    head = {"model": args.model, "data": ds.name, "n_train": len(train_ds), "n_classes": ds.n_classes}
    if test_ds is not None:
        head["n_test"] = len(test_ds)
    if args.model == "knn":
        return head | knn_report(train_ds, test_ds, knn)
    check_history_size(cfg, ds.n_classes)
    test = (test_ds.X, test_ds.y) if test_ds is not None else None
    hist = train(train_ds.X, train_ds.y, cfg, ds.n_classes, test=test, **starting_point(train_ds, cfg, init))
    return head | {"lr": cfg.lr} | train_report(hist, args.history)


def stop_words(stop: dict) -> str:
    """Why a run ended, with the stop rule's two figures: "converged: gradient ≈ 0 (‖∇‖ = 8.1e-07 ≤ gtol
    1e-06; relative change 2.3e-09)" — see ``engine/training.py`` for the formulas."""
    num = (lambda v: "—" if v is None else f"{v:.2g}")
    figures = f"‖∇‖ = {num(stop['grad_norm'])}, relative change {num(stop['relative_change'])}"
    if stop["reason"] == "converged":
        return f"converged: gradient ≈ 0, {figures} (gtol {stop['gtol']:g})"
    if stop["reason"] == "small_change":
        return f"stopped: change below tol, {figures} (tol {stop['tol']:g})"
    return {"steps": "the step limit", "diverged": "diverged", "cancelled": "cancelled"}[stop["reason"]] + \
        ("" if stop["reason"] == "diverged" else f", {figures}")


def format_train(r: dict) -> str:
    """A few human-readable lines about a ``run_train`` result."""
    split = f", {r['n_test']} held out" if "n_test" in r else ""
    lines = [f"data      {r['data']}: {r['n_train']} training points{split}, {r['n_classes']} classes"]
    if r["model"] == "knn":
        lines.insert(0, f"model     kNN, k = {r['k']}, {r['metric']} distance (no training)")
        lines.append(f"accuracy  {100 * r['accuracy']:.1f} % (leave-one-out on the training points)")
    else:
        lines.insert(0, f"model     {r['model']}, learning rate {r['lr']:g}")
        lines.append(f"steps     {r['steps']} ({stop_words(r['stop'])})")
        lines.append(f"loss      {r['loss']:.6g} = data {r['data_loss']:.6g} + reg {r['reg_loss']:.6g}")
        lines.append(f"accuracy  {100 * r['accuracy']:.1f} % on the training points")
    if r.get("test_accuracy") is not None:
        lines.append(f"test      {100 * r['test_accuracy']:.1f} % on the held-out points")
    if r.get("stop_reason") == "diverged":
        lines.append(f"Training DIVERGED: update {r['steps'] + 1} made the loss or the weights infinite (figures "
                     f"above are step {r['steps']}'s). Try a smaller learning rate, e.g. --lr {r['lr'] / 10:g}")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- explain


def parse_scores(text: str) -> np.ndarray:
    """"3.2,5.1,-1.7;1.3,4.9,2.0" → (2, 3): rows (examples) split by ';', class scores by ','."""
    rows = [r for r in text.split(";") if r.strip()]
    try:
        table = [[float(v) for v in r.split(",")] for r in rows]
    except ValueError as e:
        raise ValueError(f"--scores: {e} (rows are separated by ';', values by ',')") from None
    if not table or any(len(r) != len(table[0]) for r in table):
        raise ValueError("--scores: every row needs the same number of class scores (rows separated by ';')")
    return np.array(table)


def parse_labels(text: str, names: list[str] | None) -> np.ndarray:
    """"0,1,2" (class indices) or, with --classes, "cat,car,frog" (class names)."""
    out = []
    for v in (v.strip() for v in text.split(",")):
        if names and v in names:
            out.append(names.index(v))
            continue
        try:
            out.append(int(v))
        except ValueError:
            raise ValueError(f"--labels: {v!r} is neither a class index nor a class name") from None
    return np.array(out, dtype=np.int64)


def run_explain(args) -> str:
    """The text ``linviz explain`` prints (the lecture's table, or JSON)."""
    names = [n.strip() for n in args.classes.split(",")] if args.classes else None
    scores = parse_scores(args.scores)
    if names is not None and len(names) != scores.shape[1]:
        raise ValueError(f"--classes names {len(names)} classes but the scores have {scores.shape[1]} columns")
    cfg = LossConfig(kind=args.loss, variant=args.variant, delta=args.delta, all_classes=args.all_classes,
                     mean_over_classes=args.mean, squared=args.squared)
    ex = explain(scores, parse_labels(args.labels, names), cfg)
    if not args.json:
        return format_table(ex, names)
    doc = ex.to_dict()
    if names is not None:
        doc["class_names"] = names
    if doc.get("exponentials") is not None:  # e^s may overflow; JSON has no inf
        doc["exponentials"] = [[_finite(v) for v in row] for row in doc["exponentials"]]
    return json.dumps(doc, allow_nan=False)
