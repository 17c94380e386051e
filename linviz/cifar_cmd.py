"""``linviz cifar``: train a linear SVM / Softmax or run kNN on CIFAR-10 and report accuracy.

    linviz cifar --data-dir DIR --model svm
    linviz cifar --download --model softmax --features hog+color --json
    linviz cifar --model knn --k 10 --train-size 5000 --test-size 500

Without ``--data-dir`` the copy that ``--download`` (or the app) left in the
per-user cache is used; if there is none, one line says what to pass (exit 2).
Errors — a missing or damaged folder, a value out of range — print one line
``linviz: error: …`` on stderr and exit 2. Ctrl-C during ``--download``
cancels it cleanly (nothing half-written is kept) and exits 130.

Linear models train with BLAS limited to one thread: their products are
skinny (10 classes) and OpenBLAS's second thread costs more than it brings
(see ``engine/image_training.py``). kNN's big products keep BLAS's default.
"""

from __future__ import annotations

import argparse
import json
import math
import signal
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from .engine.cifar import CifarError, DownloadCancelled, download_cifar10, find_cached_cifar10, load_cifar10
from .engine.image_features import FEATURE_KINDS
from .engine.image_training import (
    RAW_BY_SIZE,
    RECOMMENDED,
    confusion_matrix,
    fit_knn,
    fit_linear,
    hyperparameter_search,
    per_class_accuracy,
    predict_test,
    prepare,
    recommended_config,
)
from .engine.knn import METRICS
from .engine.regularizers import RegConfig

MODELS = ("svm", "softmax", "knn")
DEFAULT_ITERS = 1500
DEFAULT_BATCH = 200
DEFAULT_VAL = 1000
SEARCH_LR = (1 / 3, 1.0, 3.0)
"""--search: α × these around the default α for the training-set size …"""
SEARCH_LAM = (0.1, 1.0, 10.0)
"""… and λ × these around its default λ; each of the 9 runs makes a third of --iters updates."""

_EPILOG = f"""\
defaults for the linear models (SGD, L2 penalty λ·ΣW², batch {DEFAULT_BATCH}, {DEFAULT_ITERS} iterations):
  raw pixels (mean image subtracted):     they follow the training-set size N: for
                                          N ≤ {RAW_BY_SIZE[0][0]:,} --lr {RAW_BY_SIZE[0][1]:g} --lam {RAW_BY_SIZE[0][2]:g} \
(35.6 % SVM, 35.3 % Softmax test
                                          accuracy on the 10,000-image subset), for N ≥ {RAW_BY_SIZE[1][0]:,}
                                          --lr {RAW_BY_SIZE[1][1]:g} --lam {RAW_BY_SIZE[1][2]:g} (CS231n's run), between them a
                                          straight line in log N; --search tunes them
  hog, color, hog+color (standardised):   SVM --lr {RECOMMENDED[('svm', False)][0]:g}, Softmax --lr \
{RECOMMENDED[('softmax', False)][0]:g}, --lam {RECOMMENDED[('svm', False)][1]:g}
                                          (hog+color: about 48 % SVM, 49 % Softmax)
The raw-pixel rates are far too small for standardised features and the feature rates
far too large for raw pixels: pass --lr/--lam only when you change the features' scale.

kNN compares every test image with every training image: with --metric l1 on the full
sets that takes minutes; use --test-size to try it."""


def add_cifar_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``cifar`` subcommand to an argparse ``subparsers`` object; returns its parser."""
    p = subparsers.add_parser(
        "cifar",
        help="train SVM / Softmax / kNN on CIFAR-10 images and report test accuracy",
        description="Train a linear SVM or Softmax classifier, or run k-nearest neighbours, on CIFAR-10 "
        "and report validation and test accuracy. The validation images are held out of the training "
        "batches at random (--seed).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    src = p.add_mutually_exclusive_group()
    src.add_argument("--data-dir", metavar="DIR",
                     help="a cifar-10-batches-py folder (default: the cached download, if any)")
    src.add_argument("--download", action="store_true",
                     help="download CIFAR-10 (163 MB) into the per-user cache once, then use it")
    p.add_argument("--model", choices=MODELS, required=True)
    p.add_argument("--features", choices=FEATURE_KINDS, default="raw",
                   help="raw pixels (default), HOG, hue histogram or both; see the defaults below")
    p.add_argument("--train-size", type=int, default=None, metavar="N",
                   help="class-balanced random N of the training images left after validation (default: all)")
    p.add_argument("--val-size", type=int, default=DEFAULT_VAL, metavar="N",
                   help=f"training images held out for validation (default {DEFAULT_VAL}; 0 for none)")
    p.add_argument("--test-size", type=int, default=None, metavar="N",
                   help="class-balanced random N of the test images (default: all)")
    p.add_argument("--lr", type=float, default=None, help="learning rate (default: depends on --features, below)")
    p.add_argument("--lam", type=float, default=None, metavar="L",
                   help="L2 strength λ in λ·ΣW² (default: depends on --features, below)")
    p.add_argument("--reg", type=_renamed_reg, default=None, help=argparse.SUPPRESS)
    p.add_argument("--iters", type=int, default=DEFAULT_ITERS, metavar="N",
                   help=f"mini-batch updates (default {DEFAULT_ITERS})")
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH, metavar="N",
                   help=f"images per update (default {DEFAULT_BATCH})")
    p.add_argument("--k", type=int, default=1, help="kNN: neighbours that vote (default 1)")
    p.add_argument("--metric", choices=METRICS, default="l2", help="kNN: distance (default l2)")
    p.add_argument("--search", action="store_true",
                   help="linear models: try α × {1/3, 1, 3} and λ × {0.1, 1, 10} around the defaults (or --lr, "
                        "--lam) on the validation images, a third of --iters each, then train the best")
    p.add_argument("--seed", type=int, default=0, help="seeds the split, the subsets, W and the batches")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


# ----------------------------------------------------------------------------- checks and data


def _renamed_reg(text: str):
    """``--reg`` is the regulariser's kind in ``linviz train``; here it used to be λ."""
    raise argparse.ArgumentTypeError(f"λ is --lam (as in linviz train, where --reg names the regulariser's kind); "
                                     f"use --lam {text}")


def check_args(args) -> None:
    """ValueError naming the option when a value is out of range (before any data is read)."""
    if args.lr is not None and not (math.isfinite(args.lr) and args.lr > 0):
        raise ValueError(f"--lr must be a finite number > 0, not {args.lr:g}")
    if args.lam is not None and not (math.isfinite(args.lam) and args.lam >= 0):
        raise ValueError(f"--lam must be a finite number ≥ 0, not {args.lam:g}")
    if args.iters < 1:
        raise ValueError(f"--iters must be ≥ 1, not {args.iters}")
    if args.batch_size < 1:
        raise ValueError(f"--batch-size must be ≥ 1, not {args.batch_size}")
    if args.k < 1:
        raise ValueError(f"--k must be ≥ 1, not {args.k}")
    if args.train_size is not None and args.train_size < 1:
        raise ValueError(f"--train-size must be ≥ 1, not {args.train_size}")
    if args.val_size < 0:
        raise ValueError(f"--val-size must be ≥ 0, not {args.val_size}")
    if args.test_size is not None and args.test_size < 1:
        raise ValueError(f"--test-size must be ≥ 1, not {args.test_size}")
    if args.search and (args.model == "knn" or args.val_size == 0):
        raise ValueError("--search tunes a linear model on validation images: use --model svm or softmax "
                         "and --val-size > 0")
    if args.model == "knn" and args.train_size is not None and args.k > args.train_size:
        raise ValueError(f"--k {args.k} is more than the {args.train_size} training images; "
                         f"choose k ≤ {args.train_size}")


class ProgressBar:
    """``progress(done_bytes, total_bytes)`` drawn as one line on a stream, redrawn when the % changes."""

    WIDTH = 30

    def __init__(self, stream=None, label: str = "downloading CIFAR-10"):
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.last = None
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        mb = done / 1e6
        if total > 0:
            pct = min(100, int(100 * done / total))
            if pct == self.last:
                return
            self.last = pct
            fill = self.WIDTH * pct // 100
            bar = "#" * fill + "." * (self.WIDTH - fill)
            line = f"{self.label} [{bar}] {pct:3d} %  {mb:6.1f} / {total / 1e6:.1f} MB"
        else:
            step = int(mb)
            if step == self.last:
                return
            self.last = step
            line = f"{self.label} {mb:6.1f} MB"
        self.stream.write("\r" + line)
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def download_with_progress(stream=None) -> Path:
    """``download_cifar10`` with a progress bar on ``stream`` (stderr); the first Ctrl-C
    cancels (DownloadCancelled at the next 64 KiB), a second one interrupts at once."""
    cancel = threading.Event()
    bar = ProgressBar(stream)
    in_main = threading.current_thread() is threading.main_thread()
    previous = None

    def on_sigint(signum, frame):
        cancel.set()
        signal.signal(signal.SIGINT, restore)  # a second Ctrl-C: KeyboardInterrupt (pooch cleans up too)

    if in_main:
        previous = signal.signal(signal.SIGINT, on_sigint)
    restore = previous if previous is not None else signal.default_int_handler  # None: not set from Python
    try:
        return download_cifar10(progress=bar, should_stop=cancel.is_set)
    finally:
        bar.close()
        if in_main:
            signal.signal(signal.SIGINT, restore)


def data_folder(args) -> Path:
    """The folder to read: --data-dir, a fresh --download, or the cached copy (CifarError if none)."""
    if args.data_dir is not None:
        return Path(args.data_dir)
    if args.download:
        return download_with_progress()
    cached = find_cached_cifar10()
    if cached is None:
        raise CifarError("no CIFAR-10 data: pass --data-dir DIR (a cifar-10-batches-py folder) "
                         "or --download to fetch it once (163 MB)")
    return cached


# ----------------------------------------------------------------------------- running


def _blas_one_thread():
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency
        from contextlib import nullcontext

        return nullcontext()
    return threadpool_limits(1)


def _acc(v):
    return None if v is None or not math.isfinite(v) else float(v)


def cifar_report(args) -> dict:
    """Everything ``linviz cifar`` reports, as a dict (raises CifarError / ValueError)."""
    check_args(args)
    folder = data_folder(args)
    data = load_cifar10(folder)
    raw = args.features == "raw"  # raw test rows are made a chunk at a time when scored (memory)
    prep = prepare(data, features=args.features, train_size=args.train_size, val_size=args.val_size,
                   test_size=args.test_size, seed=args.seed, test_rows=not raw)
    # the training images live on as prep's float32 rows: drop the uint8 copy (150 MB at full size)
    data = replace(data, X_train=np.empty((0, *data.X_train.shape[1:]), np.uint8), y_train=data.y_train[:0].copy())
    head = {
        "model": args.model,
        "features": args.features,
        "n_features": prep.dim,
        "train_size": len(prep.y_train),
        "val_size": len(prep.y_val),
        "test_size": len(prep.y_test),
        "seed": args.seed,
        "data_dir": str(folder),
    }
    if args.model == "knn":
        if args.k > len(prep.y_train):
            raise ValueError(f"--k {args.k} is more than the {len(prep.y_train)} training images; "
                             f"choose k ≤ {len(prep.y_train)}")
        model = fit_knn(prep, args.k, args.metric)
        start = time.perf_counter()
        val = float((model.predict(prep.X_val) == prep.y_val).mean()) if len(prep.y_val) else None
        pred = predict_test(model.predict, data, prep)
        seconds = time.perf_counter() - start
        out = head | {"k": args.k, "metric": args.metric, "train_seconds": 0.0, "predict_seconds": seconds}
    else:
        changes = {"iters": args.iters, "batch_size": args.batch_size, "seed": args.seed,
                   "eval_every": max(1, args.iters // 15)}
        if args.lr is not None:
            changes["lr"] = args.lr
        if args.lam is not None:
            changes["reg"] = RegConfig("l2", lam=args.lam)
        cfg = recommended_config(args.model, args.features, len(prep.y_train), **changes)
        search = None
        with _blas_one_thread():
            if args.search:
                lrs, lams = [cfg.lr * f for f in SEARCH_LR], [cfg.reg.lam * f for f in SEARCH_LAM]
                search = hyperparameter_search(prep, lrs, lams, cfg, iters=max(1, args.iters // 3))
                cfg = search.best_config(cfg)
            run = fit_linear(prep.X_train, prep.y_train, cfg, prep.n_classes, X_val=prep.X_val, y_val=prep.y_val)
            pred = predict_test(run.predict, data, prep)
        val = run.val_accuracy
        losses = run.loss_history
        out = head | {
            "lr": cfg.lr,
            "lam": cfg.reg.lam,
            "iters": run.iterations,
            "batch_size": cfg.batch_size,
            "train_seconds": run.train_seconds,
            "first_loss": _acc(losses[0]) if len(losses) else None,
            "final_loss": _acc(losses[-1]) if len(losses) else None,
            "diverged": run.diverged,
        }
        if search is not None:
            out["search"] = {"lrs": search.lrs.tolist(), "lams": search.regs.tolist(), "iters": max(1, args.iters // 3),
                             "val_accuracy": [[_acc(v) for v in row] for row in search.val_acc]}
    cm = confusion_matrix(prep.y_test, pred, prep.n_classes)
    out["val_accuracy"] = _acc(val)
    out["test_accuracy"] = float(np.trace(cm) / max(1, cm.sum()))
    out["per_class_test_accuracy"] = {name: _acc(a) for name, a in zip(prep.class_names, per_class_accuracy(cm))}
    return out


def _pct(v) -> str:
    return "—" if v is None else f"{100 * v:.1f} %"


def format_report(r: dict) -> str:
    """A few human-readable lines about a :func:`cifar_report` result."""
    feats = {"raw": "raw pixels", "hog": "HOG", "color": "hue histogram", "hog+color": "HOG + hue histogram"}
    lines = [f"data      {r['train_size']} training / {r['val_size']} validation / {r['test_size']} test images, "
             f"{feats[r['features']]} ({r['n_features']} features)"]
    if r["model"] == "knn":
        lines.append(f"model     kNN, k = {r['k']}, {r['metric']} distance "
                     f"(predicting took {r['predict_seconds']:.1f} s)")
    else:
        name = {"svm": "linear SVM", "softmax": "Softmax"}[r["model"]]
        lines.append(f"model     {name}, lr {r['lr']:g}, L2 λ {r['lam']:g}, batch {r['batch_size']}, "
                     f"{r['iters']} iterations in {r['train_seconds']:.1f} s")
        if "search" in r:
            grid = r["search"]
            lines.append(f"search    {len(grid['lrs'])} × {len(grid['lams'])} runs of {grid['iters']} updates, "
                         "validation accuracy (rows lr, columns λ):")
            lines.append("          " + "".join(f"{f'λ {lam:g}':>12}" for lam in grid["lams"]))
            for lr, row in zip(grid["lrs"], grid["val_accuracy"]):
                lines.append(f"{f'lr {lr:.3g}':>10}" + "".join(f"{_pct(v):>12}" for v in row))
        if r["first_loss"] is not None:
            lines.append(f"loss      {r['first_loss']:.3f} → {r['final_loss']:.3f} (mini-batch)")
    lines.append(f"accuracy  validation {_pct(r['val_accuracy'])}, test {_pct(r['test_accuracy'])}")
    per = "  ".join(f"{name} {_pct(a)}" for name, a in r["per_class_test_accuracy"].items())
    lines.append(f"per class {per}")
    if r.get("diverged"):
        lines.append(f"Training DIVERGED after {r['iters']} iterations (the figures are the last finite weights'). "
                     f"Try a smaller learning rate, e.g. --lr {r['lr'] / 10:g}")
    return "\n".join(lines)


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def run_cifar(args) -> int:
    """Run ``linviz cifar`` from parsed arguments; prints the result, returns the exit status."""
    try:
        report = cifar_report(args)
    except DownloadCancelled:
        print("linviz: download cancelled; nothing half-written was kept", file=sys.stderr)
        return 130
    except (CifarError, ValueError, OSError) as e:
        print(f"linviz: error: {_one_line(e)}", file=sys.stderr)
        return 2
    print(json.dumps(report, allow_nan=False) if args.json else format_report(report))
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m linviz.cifar_cmd …``: the subcommand on its own."""
    parser = argparse.ArgumentParser(prog="linviz")
    add_cifar_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["cifar", *(sys.argv[1:] if argv is None else argv)])
    return run_cifar(args)


if __name__ == "__main__":
    sys.exit(main())
