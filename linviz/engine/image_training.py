"""Linear classifiers and kNN on CIFAR-10 images: the same losses, regularisers
and optimisers as the 2D trainer, sized for 3,072-pixel rows.

The objective is the lecture's::

    loss(W, b) = 1/N Σ_i L_i(s_i, y_i) + λ R(W),   s_i = W x_i + b

with W (C, D) one row per class, b (C,), x_i a float32 feature row (D = 3,072
mean-subtracted pixels, or HOG / colour features).

Unlike ``training.train`` nothing is recorded step by step (a step is 30,730
weights): ``fit_linear`` keeps the mini-batch loss of every update and the
validation accuracy every ``eval_every`` updates, and returns the final
weights in a :class:`LinearRun`.

Speed and memory (see ``linviz bench cifar`` for the figures):

- everything stays float32 (half the memory traffic of float64, and BLAS's
  float32 kernels are twice as wide);
- a mini-batch is gathered with ``np.take(X, idx, axis=0, out=buffer,
  mode="clip")`` into one preallocated buffer, its indices sorted so the rows are
  read in memory order (with the default ``mode="raise"`` NumPy buffers the
  output and the gather is 3× slower than plain ``X[idx]``);
- the weight gradient is formed as ``dscores.T @ X`` ((C, B) @ (B, D), the
  "G.T @ X" form), which OpenBLAS runs faster than the textbook ``X.T @ dscores``;
- both products go in blocks of rows small enough for OpenBLAS's small-matrix
  kernels (``auto_block_rows``: 32 raw CIFAR rows), which are 2–3× faster per
  row than its general kernels on these skinny shapes; ``full_loss_and_grad``
  also computes each block's loss and gradient while the block is in cache, so
  X is read from memory once instead of twice;
- the callers (app, command line, benchmark) run these functions with BLAS
  limited to one thread (``threadpoolctl.threadpool_limits(1)``): the products
  are skinny (10 classes), and OpenBLAS's second thread costs more to wake, or
  stalls outright on a busy machine, than it saves. The engine itself imports
  nothing but NumPy.

Determinism: ``fit_linear`` draws W and every mini-batch from
``default_rng(seed)``; the same seed and data give bit-identical weights.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from .image_data import PREPARE_CHUNK, PreparedData, predict_test, prepare
from .image_features import FEATURE_KINDS
from .image_objective import (
    SMALL_GEMM_MNK,
    SUPER_BLOCKS,
    auto_block_rows,
    batch_pass,
    blocked_pass,
    full_loss_and_grad,
    full_loss_and_grad_plain,
    reg_terms,
)
from .image_results import (
    confusion_matrix,
    fit_knn,
    knn_accuracy,
    knn_accuracy_by_k,
    per_class_accuracy,
    templates,
)
from .losses import LossConfig
from .optimizers import Optimizer, OptState, Schedule
from .regularizers import RegConfig, project_max_norm

LINEAR_MODELS = ("svm", "softmax")


# ----------------------------------------------------------------------------- configuration


@dataclass(frozen=True)
class ImageTrainConfig:
    """Every setting of a mini-batch run on image features.

    model: "svm" or "softmax"; ``loss`` carries the SVM switches (variant, Δ, …);
        its ``kind`` is set to ``model``.
    reg: the penalty (default L2, λ Σ W², with CS231n's λ = 2.5e4 for raw pixels).
    optimizer, schedule: the update rule and the learning-rate schedule.
    lr: the base learning rate α.
    batch_size: examples per update (the whole set if it is larger).
    iters: number of updates.
    seed: seeds W's initialisation and every mini-batch.
    init_scale: W ~ init_scale · N(0, 1); b = 0.
    eval_every: measure validation and train-batch accuracy every this many updates
        (and after the last).
    """

    model: str = "svm"
    loss: LossConfig = field(default_factory=LossConfig)
    reg: RegConfig = field(default_factory=lambda: RegConfig("l2", lam=2.5e4))
    optimizer: Optimizer = field(default_factory=Optimizer)
    schedule: Schedule = field(default_factory=Schedule)
    lr: float = 1e-7
    batch_size: int = 200
    iters: int = 1500
    seed: int = 0
    init_scale: float = 1e-4
    eval_every: int = 100

    def __post_init__(self):
        if self.model not in LINEAR_MODELS:
            raise ValueError(f"unknown linear model {self.model!r}; choose one of {', '.join(LINEAR_MODELS)}")
        if not (math.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"the learning rate must be a finite number > 0, not {self.lr}")
        if self.batch_size < 1:
            raise ValueError(f"the batch size must be ≥ 1, not {self.batch_size}")
        if self.iters < 0:
            raise ValueError(f"the number of iterations must be ≥ 0, not {self.iters}")
        if self.eval_every < 1:
            raise ValueError(f"eval_every must be ≥ 1, not {self.eval_every}")
        if not (math.isfinite(self.init_scale) and self.init_scale >= 0):
            raise ValueError(f"init_scale must be a finite number ≥ 0, not {self.init_scale}")
        if self.loss.kind != self.model:  # ``model`` decides; keep the two in step
            object.__setattr__(self, "loss", replace(self.loss, kind=self.model))

    @property
    def loss_config(self) -> LossConfig:
        """The data loss: ``loss``, whose kind always equals ``model``."""
        return self.loss


RECOMMENDED = {
    # (model, raw?) → (lr, λ) for SGD, batch 200, 1,500 updates, L2 penalty λ Σ W².
    ("svm", True): (1e-7, 2.5e4),  # CS231n's run on mean-subtracted pixels (0..255 scale)
    ("softmax", True): (1e-7, 2.5e4),
    ("svm", False): (3e-3, 1e-3),  # standardised HOG / colour features (mean 0, std 1)
    ("softmax", False): (3e-2, 1e-3),
}
"""Learning rate and λ that work out of the box. Raw pixels: CS231n's run, made for the
full 49,000 training images (on the 9,000-image training split of the 10,000-image subset
it reaches only 34 % SVM, 31.5 % Softmax: see :data:`RAW_BY_SIZE`, which
:func:`default_lr_lam` uses when the size is known). Standardised features, measured on
the subset (validation 1,000, test 10,000): HOG + colour SVM 48 %, Softmax 49 %; HOG
alone ~46 %; colour alone ~22 %; the validation accuracy is flat (±1 point) for SVM lr
1e-3…3e-2 and λ 1e-4…1e-1, whatever the size."""

RAW_BY_SIZE = ((9_000, 3e-7, 2.5e3), (49_000, 1e-7, 2.5e4))
"""(training images, α, λ) for raw pixels with SGD, batch 200, 1,500 updates, measured:
9,000 images (the shared subset less 1,000 for validation): α 3e-7, λ 2,500 test 35.6 %
SVM, 35.3 % Softmax (CS231n's α 1e-7, λ 2.5e4: 34 % / 31.5 %); 49,000 images: CS231n's
run (34.8–37.6 % SVM in public solutions). Between the two, α and λ follow a straight
line in log(size); outside, the nearer end's values."""


def default_lr_lam(model: str, features: str, n_train: int | None = None) -> tuple[float, float]:
    """(α, λ) for a run on ``n_train`` training rows. Raw pixels: log-log interpolation in
    :data:`RAW_BY_SIZE`, clamped to its ends (n_train None: the full-size end); other
    features: :data:`RECOMMENDED`, which does not depend on the size."""
    if features not in FEATURE_KINDS:
        raise ValueError(f"unknown features {features!r}; choose one of {', '.join(FEATURE_KINDS)}")
    if model not in LINEAR_MODELS:
        raise ValueError(f"unknown linear model {model!r}; choose one of {', '.join(LINEAR_MODELS)}")
    if features != "raw" or n_train is None:
        return RECOMMENDED[(model, features == "raw")]
    (n0, lr0, lam0), (n1, lr1, lam1) = RAW_BY_SIZE
    u = float(np.clip((math.log(max(n_train, 1)) - math.log(n0)) / (math.log(n1) - math.log(n0)), 0.0, 1.0))
    if u in (0.0, 1.0):  # the measured values themselves, not exp(log(·)) of them
        return (lr0, lam0) if u == 0.0 else (lr1, lam1)
    return (float(np.exp((1 - u) * math.log(lr0) + u * math.log(lr1))),
            float(np.exp((1 - u) * math.log(lam0) + u * math.log(lam1))))


def recommended_config(model: str = "svm", features: str = "raw", n_train: int | None = None,
                       **changes) -> ImageTrainConfig:
    """An ``ImageTrainConfig`` with the :func:`default_lr_lam` α and λ for these features
    (and training-set size), then ``changes`` applied (e.g. ``iters=300``)."""
    lr, lam = default_lr_lam(model, features, n_train)
    return replace(ImageTrainConfig(model=model, lr=lr, reg=RegConfig("l2", lam=lam)), **changes)


# ----------------------------------------------------------------------------- mini-batch training


@dataclass(eq=False)
class LinearRun:
    """A finished (or stopped) run: the weights and what was measured on the way.

    W (C, D) float32, b (C,) float32, the parameters after ``iterations`` updates.
    loss_history[t]: the mini-batch loss (data + λR) of the parameters after t
    updates, on the batch of update t + 1 (every finite one measured). val_history / train_history:
    [(updates done, accuracy)] every ``eval_every`` updates and after the last —
    validation accuracy (if a validation set was given) and the accuracy on that
    update's mini-batch. stopped: ``should_stop`` ended the run; diverged: the loss
    became non-finite, and W, b are the last parameters whose loss was finite.
    """

    W: np.ndarray
    b: np.ndarray
    loss_history: np.ndarray
    val_history: list[tuple[int, float]]
    train_history: list[tuple[int, float]]
    train_seconds: float
    config: ImageTrainConfig
    iterations: int
    stopped: bool = False
    diverged: bool = False

    @property
    def val_accuracy(self) -> float | None:
        """The last measured validation accuracy (None without a validation set)."""
        return self.val_history[-1][1] if self.val_history else None

    def scores(self, X) -> np.ndarray:
        """Class scores X Wᵀ + b: (N, D) → float32 (N, C)."""
        X = np.asarray(X, dtype=self.W.dtype)
        return X @ self.W.T + self.b

    def predict(self, X) -> np.ndarray:
        """The highest-scoring class of each row, int64 (N,)."""
        return self.scores(X).argmax(axis=1)

    def accuracy(self, X, y) -> float:
        """Fraction of rows whose predicted class is y (NaN for no rows)."""
        y = np.asarray(y)
        return float((self.predict(X) == y).mean()) if len(y) else float("nan")


class _Batches:
    """Seeded mini-batch indices: a fresh permutation of range(n) every epoch,
    cut into batches (the remainder of each epoch is skipped, so every batch
    has the same size), each batch sorted so its rows are gathered in memory order."""

    def __init__(self, n: int, batch_size: int, rng: np.random.Generator):
        self.n, self.size, self.rng = n, min(batch_size, n), rng
        self.perm, self.pos = None, n

    def next(self) -> np.ndarray:
        if self.size == self.n:
            return np.arange(self.n)
        if self.perm is None or self.pos + self.size > self.n:
            self.perm, self.pos = self.rng.permutation(self.n), 0
        idx = np.sort(self.perm[self.pos : self.pos + self.size])
        self.pos += self.size
        return idx


def _check_xy(X, y, what: str, dim: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    X = np.asarray(X)
    y = np.asarray(y)
    if X.ndim != 2 or (dim is not None and X.shape[1] != dim):
        want = f"(N, {dim})" if dim is not None else "(N, D)"
        raise ValueError(f"{what} must be a {want} array of feature rows; got shape {X.shape}")
    if y.shape != (len(X),) or (len(y) and not np.issubdtype(y.dtype, np.integer)):
        raise ValueError(f"{what} needs {len(X)} integer labels; got {y.dtype} array of shape {y.shape}")
    if X.dtype != np.float32:
        X = X.astype(np.float32)
    return X, y.astype(np.int64, copy=False)


def fit_linear(
    X,
    y,
    cfg: ImageTrainConfig,
    n_classes: int,
    *,
    X_val=None,
    y_val=None,
    on_progress: Callable[[int, float, float | None], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> LinearRun:
    """Mini-batch gradient descent of a linear SVM / Softmax on float32 rows.

    X (N, D) (float32; other dtypes are converted once), y (N,) in [0, n_classes).
    Each update: draw a batch (see ``_Batches``), gather its rows into a reused
    buffer, S = X_b Wᵀ + b, (L, dS) = ``data_loss``, λR(W), ∇W = dSᵀ X_b + λ∂R,
    ∇b = Σ dS, then θ = (W, b) flat is moved by ``cfg.optimizer`` (and projected
    for max-norm).

    ``on_progress(updates_done, batch_loss, val_acc_or_None)`` is called after
    every update (val_acc when it was measured, i.e. every ``eval_every``
    updates and after the last); ``should_stop()`` is polled before every update
    and ends the run with ``stopped=True``. A non-finite loss ends the run with
    ``diverged=True`` and the last parameters whose loss was finite. Both
    callbacks run on the calling thread.
    """
    X, y = _check_xy(X, y, "X")
    n, dim = X.shape
    c = int(n_classes)
    if n == 0:
        raise ValueError("the training set is empty")
    if c < 2 or y.min() < 0 or y.max() >= c:
        raise ValueError(f"labels must lie in [0, {c}) with at least 2 classes; got {y.min()}..{y.max()}")
    has_val = X_val is not None and y_val is not None and len(y_val) > 0
    if has_val:
        X_val, y_val = _check_xy(X_val, y_val, "X_val", dim)
    loss_cfg, reg_cfg, opt, sched = cfg.loss_config, cfg.reg, cfg.optimizer, cfg.schedule
    rng = np.random.default_rng(cfg.seed)

    cd = c * dim
    theta = np.zeros(cd + c, dtype=np.float32)
    theta[:cd] = cfg.init_scale * rng.standard_normal(cd)
    grad = np.empty_like(theta)
    gW = grad[:cd].reshape(c, dim)
    batches = _Batches(n, cfg.batch_size, rng)
    block_rows = min(batches.size, auto_block_rows(dim, c))
    full = batches.size == n  # full-batch descent: no gathering, X is walked in place
    buf = None if full else np.empty((batches.size, dim), dtype=np.float32)
    losses = np.empty(cfg.iters, dtype=np.float64)
    val_hist: list[tuple[int, float]] = []
    train_hist: list[tuple[int, float]] = []
    state = OptState()
    previous = theta
    stopped = diverged = False
    t = 0
    start = time.perf_counter()
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        while t < cfg.iters:
            if should_stop is not None and should_stop():
                stopped = True
                break
            W, b = theta[:cd].reshape(c, dim), theta[cd:]
            if full:
                idx = None
                dl, db = blocked_pass(W, b, X, y, loss_cfg, block_rows, gW)
            else:
                idx = batches.next()
                dl, db, S = batch_pass(W, b, X, y, idx, loss_cfg, block_rows, gW, buf)
            rl, dR, dRb = reg_terms(W, b, reg_cfg)
            loss = dl + rl
            if not math.isfinite(loss):
                diverged = True
                theta = previous  # the last parameters whose loss was finite
                break
            losses[t] = loss
            gW += dR
            grad[cd:] = db
            if dRb is not None:
                grad[cd:] += dRb
            new_theta, state = opt.update(theta, grad, sched.rate(cfg.lr, t), state)
            if reg_cfg.kind == "maxnorm":
                new_theta[:cd] = project_max_norm(new_theta[:cd].reshape(c, dim), reg_cfg).ravel()
            t += 1
            val_acc = None
            if t % cfg.eval_every == 0 or t == cfg.iters:
                if full:
                    train_hist.append((t, float(((X @ W.T + b).argmax(axis=1) == y).mean())))
                else:
                    train_hist.append((t, float((S.argmax(axis=1) == y[idx]).mean())))
                if has_val:
                    Wn, bn = new_theta[:cd].reshape(c, dim), new_theta[cd:]
                    val_acc = float(((X_val @ Wn.T + bn).argmax(axis=1) == y_val).mean())
                    val_hist.append((t, val_acc))
            previous, theta = theta, new_theta
            if on_progress is not None:
                on_progress(t, loss, val_acc)
    seconds = time.perf_counter() - start
    losses_done = losses[:t].copy()  # every finite loss measured
    if diverged:
        t = max(t - 1, 0)  # the update that led to the non-finite loss is undone
        val_hist = [v for v in val_hist if v[0] <= t]
        train_hist = [v for v in train_hist if v[0] <= t]
    if (stopped or diverged) and has_val and (not val_hist or val_hist[-1][0] != t):
        # the weights we return were never measured: measure them, so val_accuracy is theirs
        W, b = theta[:cd].reshape(c, dim), theta[cd:]
        val_hist.append((t, float(((X_val @ W.T + b).argmax(axis=1) == y_val).mean())))
    return LinearRun(
        W=theta[:cd].reshape(c, dim).copy(),
        b=theta[cd:].copy(),
        loss_history=losses_done,
        val_history=val_hist,
        train_history=train_hist,
        train_seconds=seconds,
        config=cfg,
        iterations=t,
        stopped=stopped,
        diverged=diverged,
    )


# ----------------------------------------------------------------------------- search


@dataclass(eq=False)
class SearchResult:
    """A grid of short runs: val_acc[i, j] for lrs[i] × regs[j] (NaN: diverged or not run)."""

    lrs: np.ndarray
    regs: np.ndarray
    val_acc: np.ndarray
    train_acc: np.ndarray
    diverged: np.ndarray
    stopped: bool = False

    @property
    def best_index(self) -> tuple[int, int] | None:
        """(i, j) of the highest validation accuracy (first on ties), None if no run finished."""
        if np.isnan(self.val_acc).all():
            return None
        i, j = np.unravel_index(np.nanargmax(self.val_acc), self.val_acc.shape)
        return int(i), int(j)

    @property
    def best(self) -> tuple[float, float, float] | None:
        """(lr, reg, val_acc) of the best run."""
        ij = self.best_index
        return None if ij is None else (float(self.lrs[ij[0]]), float(self.regs[ij[1]]), float(self.val_acc[ij]))

    def best_config(self, cfg: ImageTrainConfig) -> ImageTrainConfig:
        """``cfg`` with the best lr and λ (ValueError if no run finished)."""
        if self.best is None:
            raise ValueError("no run of the search finished")
        lr, reg, _ = self.best
        return replace(cfg, lr=lr, reg=replace(cfg.reg, lam=reg))


def hyperparameter_search(
    prep: PreparedData,
    lrs: Sequence[float],
    regs: Sequence[float],
    cfg: ImageTrainConfig,
    *,
    iters: int | None = None,
    on_result: Callable[[int, int, float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> SearchResult:
    """Train one short run per (lr, λ) (``iters`` updates, default ``cfg.iters``),
    same seed for all, and measure the validation accuracy at its end.

    ``on_result(i, j, val_acc)`` after each run (NaN if it diverged);
    ``should_stop()`` is polled inside every run and ends the search
    (``stopped=True``; the runs not finished stay NaN).
    """
    if len(prep.y_val) == 0:
        raise ValueError("the search needs a validation set (val_size > 0)")
    lrs_a, regs_a = np.asarray(lrs, dtype=float), np.asarray(regs, dtype=float)
    if lrs_a.ndim != 1 or regs_a.ndim != 1 or not len(lrs_a) or not len(regs_a):
        raise ValueError("give at least one learning rate and one regularisation strength")
    shape = (len(lrs_a), len(regs_a))
    result = SearchResult(lrs_a, regs_a, np.full(shape, np.nan), np.full(shape, np.nan), np.zeros(shape, bool))
    n_iters = cfg.iters if iters is None else iters
    for i, lr in enumerate(lrs_a):
        for j, lam in enumerate(regs_a):
            run_cfg = replace(cfg, lr=float(lr), reg=replace(cfg.reg, lam=float(lam)), iters=n_iters,
                              eval_every=max(1, n_iters))
            run = fit_linear(prep.X_train, prep.y_train, run_cfg, prep.n_classes, X_val=prep.X_val,
                             y_val=prep.y_val, should_stop=should_stop)
            if run.stopped:
                result.stopped = True
                return result
            result.diverged[i, j] = run.diverged
            if not run.diverged:
                result.val_acc[i, j] = run.val_accuracy
                result.train_acc[i, j] = run.train_history[-1][1] if run.train_history else np.nan
            if on_result is not None:
                on_result(i, j, float(result.val_acc[i, j]))
    return result


__all__ = [  # this module's own names and those of the three it was split into (one import path)
    "LINEAR_MODELS", "ImageTrainConfig", "RECOMMENDED", "RAW_BY_SIZE", "default_lr_lam", "recommended_config",
    "LinearRun", "fit_linear", "SearchResult", "hyperparameter_search",
    "SMALL_GEMM_MNK", "SUPER_BLOCKS", "auto_block_rows", "full_loss_and_grad", "full_loss_and_grad_plain",
    "PREPARE_CHUNK", "PreparedData", "prepare", "predict_test",
    "confusion_matrix", "per_class_accuracy", "templates", "fit_knn", "knn_accuracy", "knn_accuracy_by_k",
]
