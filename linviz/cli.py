"""The ``linviz`` command line.

    linviz                      open the app
    linviz explain …            every number of the SVM / Softmax loss for a table of scores
    linviz train …              train on a preset or a points file, print the final figures
    linviz render … --out F.png the main window after training, drawn offscreen to a PNG
    linviz cifar …              train and test on CIFAR-10 images
    linviz bench [--quick]      measure the engine's interactive speed against baselines
    linviz bench cifar          the CIFAR-10 engine against a textbook implementation
    linviz bench soak           100,000 playback frames: the app's memory must not grow
    linviz bench startup        time to the first painted frame, beside a bare Qt window
    linviz install-desktop      a menu entry and icon on the Linux desktop (--uninstall removes them)

Usage errors (bad options, unknown presets, unreadable files, engine
validation failures) print one line ``linviz: error: …`` and exit 2; anything
unexpected prints one line and exits 1 (set LINVIZ_DEBUG=1 for the traceback).

Other commands reuse :func:`add_training_options`, :func:`config_from_args`,
:func:`load_data` and :func:`split_data` so that they read the same options
the same way as ``train``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path

import numpy as np

from .engine.datasets import PRESETS, Dataset, make_preset, read_points
from .engine.explain import explain, format_table
from .engine.features import FEATURE_MAPS, FeatureMap
from .engine.knn import METRICS, KNearestNeighbors, KnnSettings
from .engine.losses import SVM_VARIANTS, LossConfig
from .engine.optimizers import OPTIMIZERS, SCHEDULES, Optimizer, Schedule
from .engine.regularizers import REG_KINDS, RegConfig
from .engine.file_checks import step0_finite
from .engine.training import History, TrainConfig, initial_params, stop_report, train

MODELS = ("svm", "softmax", "lsq", "knn")
MAX_HISTORY_BYTES = 2 * 2**30
"""A run records every step (W, b and their gradients); refuse runs whose record would exceed this."""


class UsageError(Exception):
    """A command line that cannot be run; the message says why."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises :class:`UsageError` instead of printing usage and exiting."""

    def error(self, message):
        raise UsageError(message)


# ----------------------------------------------------------------------------- options


def _batch_size(text: str) -> int | None:
    """``full`` → None (the whole training set), else an integer."""
    if text.strip().lower() == "full":
        return None
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer or 'full', not {text!r}") from None


def _positive_int(text: str) -> int:
    """An integer ≥ 1 (a frame count)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def add_training_options(p: argparse.ArgumentParser):
    """The data, model and optimisation options shared by ``train`` (and ``render``); returns
    the required group of data sources (``render`` adds ``--lecture`` to it)."""
    defaults = TrainConfig()
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--preset", choices=list(PRESETS), help="a built-in point set")
    src.add_argument("--data", metavar="FILE", help="a points file (.csv or .json)")
    p.add_argument("--n-per-class", type=int, metavar="N", help="points per class (generated presets)")
    p.add_argument("--classes", type=int, metavar="C", help="number of classes (blobs, separable, spiral)")
    p.add_argument("--noise", type=float, metavar="S", help="the preset's spread (its default if omitted)")
    p.add_argument("--test-fraction", type=float, default=0.0, metavar="F", help="hold out this share of the points")
    p.add_argument("--model", choices=MODELS, default="svm",
                   help="lsq: least squares on one-hot targets; knn votes among the raw points (no --features)")
    p.add_argument("--variant", choices=SVM_VARIANTS, default="ww", help="SVM: Weston-Watkins, one-vs-all, structured")
    p.add_argument("--delta", type=float, default=1.0, metavar="D", help="SVM margin Δ")
    p.add_argument("--all-classes", action="store_true", help="SVM: let j = y_i take part in the sum")
    p.add_argument("--mean-over-classes", action="store_true", help="SVM: average the class terms")
    p.add_argument("--squared", action="store_true", help="SVM: squared hinge")
    p.add_argument("--reg", choices=REG_KINDS, default=defaults.reg.kind, help="the regulariser's kind")
    p.add_argument("--lam", type=float, default=defaults.reg.lam, metavar="L", help="regularisation strength λ")
    p.add_argument("--reg-bias", action="store_true", help="regularise the bias b too (default: W only)")
    p.add_argument("--beta", type=float, default=defaults.reg.beta, metavar="B", help="elastic net's β")
    p.add_argument("--max-norm", type=float, default=defaults.reg.max_norm, metavar="C", help="max-norm's c")
    p.add_argument("--lr", type=float, default=defaults.lr, metavar="A", help="learning rate α")
    p.add_argument("--batch-size", type=_batch_size, default=None, metavar="N|full")
    p.add_argument("--optimizer", choices=OPTIMIZERS, default=defaults.optimizer.kind)
    opt, sched = defaults.optimizer, defaults.schedule
    p.add_argument("--momentum", type=float, default=opt.momentum, metavar="MU", help="momentum and Nesterov's μ")
    p.add_argument("--rho", type=float, default=opt.rho, metavar="R", help=f"RMSProp's decay ρ (default {opt.rho:g})")
    p.add_argument("--beta1", type=float, default=opt.beta1, metavar="B1", help=f"Adam's β₁ (default {opt.beta1:g})")
    p.add_argument("--beta2", type=float, default=opt.beta2, metavar="B2", help=f"Adam's β₂ (default {opt.beta2:g})")
    p.add_argument("--eps", type=float, default=opt.eps, metavar="E",
                   help=f"ε of AdaGrad, RMSProp and Adam's √G + ε (default {opt.eps:g})")
    p.add_argument("--schedule", choices=SCHEDULES, default=sched.kind,
                   help="constant α; step: α·γ^⌊t/every⌋; inverse: α/(1 + k·t)")
    p.add_argument("--step-every", type=int, default=None, metavar="N",
                   help=f"--schedule step: multiply α by --step-factor every N updates (default {sched.every})")
    p.add_argument("--step-factor", type=float, default=None, metavar="G",
                   help=f"--schedule step: the factor γ (default {sched.gamma:g})")
    p.add_argument("--decay", type=float, default=None, metavar="K",
                   help=f"--schedule inverse: k in α/(1 + k·t) (default {sched.k:g})")
    p.add_argument("--steps", type=int, default=defaults.steps, metavar="N", help="number of updates")
    p.add_argument("--tol", type=float, default=None, metavar="T",
                   help="stop when the loss's relative change per unit rate, |Δloss| / (α·loss), is under T")
    p.add_argument("--gtol", type=float, default=None, metavar="G",
                   help="stop (converged) when the gradient's norm is at most G (default: --tol's value)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="seeds the data, the split, W and the batches")
    p.add_argument("--features", choices=FEATURE_MAPS, default="identity")
    p.add_argument("--init", choices=("random", "zeros"), default=None,
                   help="starting W (default: the preset's own W and b if it has them, else random)")
    add_knn_options(p)
    return src


def add_knn_options(p: argparse.ArgumentParser) -> None:
    """``--k`` and ``--metric``, with the defaults of :class:`KnnSettings` (the app's too)."""
    knn = KnnSettings()
    p.add_argument("--k", type=int, default=knn.k, metavar="K", help=f"kNN: neighbours that vote (default {knn.k})")
    p.add_argument("--metric", choices=METRICS, default=knn.metric, help=f"kNN: distance (default {knn.metric})")


def schedule_from_args(args) -> Schedule:
    """The schedule of ``--schedule`` with ``--step-every``, ``--step-factor`` or ``--decay``;
    ValueError when one is given for a schedule that has no such parameter."""
    own = {"step": ("step_every", "step_factor"), "inverse": ("decay",)}.get(args.schedule, ())
    for name in ("step_every", "step_factor", "decay"):
        if getattr(args, name) is not None and name not in own:
            kind = "inverse" if name == "decay" else "step"
            raise ValueError(f"--{name.replace('_', '-')} is a parameter of --schedule {kind}, "
                             f"not of --schedule {args.schedule}")
    given = {"every": args.step_every, "gamma": args.step_factor, "k": args.decay}
    return Schedule(args.schedule, **{k: v for k, v in given.items() if v is not None})


def config_from_args(args) -> tuple[TrainConfig, str, KnnSettings]:
    """(training config, init, kNN settings) from parsed training options.

    init is "random" or "zeros" when ``--init`` says so, else "given": start
    from the data's W0/b0 when it carries them (see :func:`starting_point`).
    The engine's dataclasses validate every value (ValueError on a bad one).
    """
    cfg = TrainConfig(
        loss=LossConfig(
            kind="svm" if args.model == "knn" else args.model,
            variant=args.variant,
            delta=args.delta,
            all_classes=args.all_classes,
            mean_over_classes=args.mean_over_classes,
            squared=args.squared,
        ),
        reg=RegConfig(args.reg, lam=args.lam, beta=args.beta, max_norm=args.max_norm, include_bias=args.reg_bias),
        optimizer=Optimizer(args.optimizer, momentum=args.momentum, rho=args.rho, beta1=args.beta1, beta2=args.beta2,
                            eps=args.eps),
        schedule=schedule_from_args(args),
        features=FeatureMap(args.features, seed=args.seed),
        lr=args.lr,
        batch_size=args.batch_size,
        steps=args.steps,
        tol=args.tol,
        gtol=args.gtol,
        seed=args.seed,
    )
    knn = KnnSettings(args.k, args.metric)  # validates k ≥ 1 and the metric
    return cfg, args.init or "given", knn


def load_data(args) -> Dataset:
    """The points ``--data`` or ``--preset`` names (DatasetError if they cannot be had)."""
    if args.data is not None:
        ds = read_points(args.data)
        if len(ds) == 0:  # a header-only CSV, "points": []: nothing to train on or draw
            raise ValueError(f"{Path(args.data).name}: the file holds no points")
        return ds
    options = {"n_per_class": args.n_per_class, "n_classes": args.classes, "noise": args.noise}
    return make_preset(args.preset, seed=args.seed, **{k: v for k, v in options.items() if v is not None})


def split_data(ds: Dataset, fraction: float, seed: int) -> tuple[Dataset, Dataset | None]:
    """(train, test) with round(fraction·N) random points held out; test is None for fraction 0."""
    if not fraction:
        return ds, None
    n = len(ds)
    n_test = round(fraction * n)
    if not 0 < fraction < 1 or not 1 <= n_test < n:
        raise ValueError(f"--test-fraction {fraction:g} must leave at least one point on each side of {n}")
    perm = np.random.default_rng(seed).permutation(n)

    def subset(idx):
        idx = np.sort(idx)
        return Dataset(ds.X[idx], ds.y[idx], ds.class_names, name=ds.name, W0=ds.W0, b0=ds.b0)

    return subset(perm[n_test:]), subset(perm[:n_test])


def starting_point(ds: Dataset, cfg: TrainConfig, init: str) -> dict:
    """Keyword arguments for :func:`train`: the data's W0/b0 for init "given"
    (when it has them and the features are the raw points), else the init rule."""
    if init == "given" and ds.W0 is not None and cfg.features.is_identity:
        return {"W0": ds.W0, "b0": ds.b0}
    return {"init": "random" if init == "given" else init}


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
    if "W0" not in start:
        start = dict(zip(("W0", "b0"), initial_params(ds.n_classes, cfg.features.dim,
                                                      "zeros" if start["init"] == "zeros" else "random", cfg.seed)))
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


# ----------------------------------------------------------------------------- app


def open_app() -> int:
    """Start the desktop app (``linviz.ui.app.run``); 1 with a one-line message if it cannot start."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        print("linviz: cannot open the app: no display (set DISPLAY, or use a subcommand; see linviz --help)",
              file=sys.stderr)
        return 1
    try:  # import_module, not `from .ui import app`: a stand-in in sys.modules wins (tests)
        app = importlib.import_module("linviz.ui.app")
    except (ImportError, OSError) as e:
        print(f"linviz: cannot open the app: {e}", file=sys.stderr)
        return 1
    return int(app.run() or 0)


# ----------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    """The ``linviz`` parser with its subcommands."""
    parser = _Parser(prog="linviz", description="Watch linear classifiers learn. Without a command: open the app.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("explain", help="every number of the loss for a table of scores",
                        description="Rows are examples, values their class scores, e.g. "
                        "--scores=3.2,5.1,-1.7;1.3,4.9,2.0 (use = when the first score is negative).")
    ex.add_argument("--loss", choices=("svm", "softmax"), required=True)
    ex.add_argument("--scores", required=True, help="'s11,s12,…;s21,s22,…': one row per example")
    ex.add_argument("--labels", required=True, help="the true class of each row: indices, or names with --classes")
    ex.add_argument("--classes", help="class names, e.g. cat,car,frog")
    ex.add_argument("--delta", type=float, default=1.0, help="SVM margin Δ")
    ex.add_argument("--variant", choices=SVM_VARIANTS, default="ww")
    ex.add_argument("--all-classes", action="store_true")
    ex.add_argument("--mean", action="store_true", help="SVM: average the class terms")
    ex.add_argument("--squared", action="store_true")
    ex.add_argument("--json", action="store_true")

    tr = sub.add_parser("train", help="train on a preset or a points file and report the result")
    add_training_options(tr)
    tr.add_argument("--history", action="store_true", help="also list every step (step 0 = the start)")
    tr.add_argument("--json", action="store_true")

    re = sub.add_parser("render", help="draw the main window after training to a PNG (offscreen)")
    sources = add_training_options(re)
    sources.add_argument("--lecture", nargs="?", const="", metavar="FILE",
                         help="a lecture's scene instead of training options (no FILE: the built-in lecture)")
    re.add_argument("--scene", default=None, help="with --lecture: the scene, by number (1-based) or id")
    re.add_argument("--out", required=True, help="the PNG file to write")
    re.add_argument("--size", default="1600x1000", help="window size in pixels, WIDTHxHEIGHT")
    re.add_argument("--at-step", type=int, default=None, help="show this step (default: the last)")
    re.add_argument("--language", choices=("en", "es"), default="en", help="the window's language (default en)")

    be = sub.add_parser("bench", help="measure the engine's speed against baselines")
    be.add_argument("suite", nargs="?", choices=("engine", "cifar", "soak", "startup"), default="engine",
                    help="engine (default): the interactive figures; cifar: the CIFAR-10 engine against textbook "
                         "code; soak: 100,000 playback frames on the real window, memory growth < 5 %%; "
                         "startup: time to the window's first frame beside a bare QMainWindow's")
    be.add_argument("--quick", action="store_true", help="fewer repeats")
    be.add_argument("--json", action="store_true")
    be.add_argument("--data-dir", metavar="DIR", default=None,
                    help="bench cifar: a cifar-10-batches-py folder (default: ../shared/data/cifar-10-batches-py)")
    be.add_argument("--frames", type=_positive_int, default=None,
                    help="bench soak: frames to play (default 100,000; 10,000 with --quick)")
    be.add_argument("--trace", action="store_true", help="bench soak: list the allocations that grew most (slow)")
    from .cifar_cmd import add_cifar_parser  # here, not at the top: the app's start does not need CIFAR-10's engine

    add_cifar_parser(sub)
    from .lecture.command import add_lecture_parser

    add_lecture_parser(sub)
    de = sub.add_parser("install-desktop", help="add linviz to the Linux desktop's menu, with its icon (XDG)")
    de.add_argument("--uninstall", action="store_true", help="remove the menu entry and icon again")
    return parser


def dispatch(args) -> int:
    """Run the parsed command; its output goes to stdout."""
    if args.command is None:
        return open_app()
    if args.command == "explain":
        print(run_explain(args))
    elif args.command == "train":
        report = run_train(args)
        print(json.dumps(report, allow_nan=False) if args.json else format_train(report))
    elif args.command == "render":
        print(run_render(args))
    elif args.command == "cifar":
        from .cifar_cmd import run_cifar

        return run_cifar(args)
    elif args.command == "install-desktop":
        from . import desktop

        print(desktop.run(args))
    elif args.command == "lecture":
        from .lecture.command import run_lecture

        return run_lecture(args)
    elif args.command == "bench":
        if args.suite == "cifar":
            from . import bench_cifar

            return bench_cifar.run_cli(args)
        if args.suite == "startup":
            from . import bench_startup

            return bench_startup.run_cli(args)
        if args.suite == "soak":
            from . import bench_soak

            return bench_soak.soak_cli(args)
        from . import bench

        results = bench.run(quick=args.quick)
        print(json.dumps(results, allow_nan=False) if args.json else bench.format_table(results))
    return 0


def run_render(args) -> str:
    """Train as ``train`` would and save the window; returns the path written."""
    from .ui.render import parse_size, render_window

    size = parse_size(args.size)
    if args.lecture is not None:
        from .lecture.command import render_scene

        return str(render_scene(args.lecture or None, args.scene, args.out, size, args.language))
    if args.scene is not None:
        raise UsageError("--scene needs --lecture")
    ds = load_data(args)
    cfg, init, knn = config_from_args(args)
    if args.model == "knn" and knn.k > len(ds):
        raise UsageError(f"k = {knn.k} is larger than the {len(ds)} points")
    if args.model == "lsq":
        raise UsageError("the window does not show least squares yet (linviz train --model lsq does); "
                         "choose --model svm, softmax or knn")
    if args.model != "knn":
        check_finite_start(ds, cfg, init)
    try:
        out = render_window(ds, args.model, cfg, init, (knn.k, knn.metric), args.out, size, args.at_step,
                            args.language)
    except ImportError as e:
        raise UsageError(f"the app cannot start here: {e}") from e
    return str(out)


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``linviz`` script; returns the exit status."""
    try:
        if not (sys.argv[1:] if argv is None else argv):
            return open_app()  # no parser: the subcommands' imports (CIFAR-10's engine) stay out of the start
        args = build_parser().parse_args(argv)
        return dispatch(args)
    except SystemExit as e:  # --help
        return e.code if isinstance(e.code, int) else 0
    except BrokenPipeError:  # piped into e.g. `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (UsageError, ValueError, OSError) as e:  # DatasetError is a ValueError
        if os.environ.get("LINVIZ_DEBUG"):
            raise
        print(f"linviz: error: {_one_line(e)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 — one line, never a traceback
        if os.environ.get("LINVIZ_DEBUG"):
            raise
        print(f"linviz: internal error: {type(e).__name__}: {_one_line(e)} (LINVIZ_DEBUG=1 shows more)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
