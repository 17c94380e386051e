"""The options ``linviz train``, ``render`` and ``cifar`` share, read one way: the training
settings (a :class:`~linviz.engine.training.TrainConfig`, the start, kNN's k and metric), the
points (a preset or a file) and the held-out split. Bad values raise :class:`UsageError` or
ValueError, which ``linviz.cli.main`` prints as one ``linviz: error:`` line (exit 2).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from .engine.datasets import PRESETS, Dataset, make_preset, read_points
from .engine.features import FEATURE_MAPS, FeatureMap
from .engine.knn import METRICS, KnnSettings
from .engine.losses import SVM_VARIANTS, LossConfig
from .engine.optimizers import OPTIMIZERS, SCHEDULES, Optimizer, Schedule
from .engine.regularizers import REG_KINDS, RegConfig
from .engine.training import TrainConfig
from .session.core import starting_params

MODELS = ("svm", "softmax", "lsq", "knn")


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
    """Keyword arguments ``W0``, ``b0`` for :func:`train`, by the session's one rule
    (:func:`linviz.session.core.starting_params`): init "given" is the app's "preset" — the
    data's W0/b0 when it has them and the features are the raw points, else random."""
    W0, b0 = starting_params(ds, cfg, "preset" if init == "given" else init)
    return {"W0": W0, "b0": b0}
