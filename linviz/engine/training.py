"""Gradient descent on a linear classifier, with every step recorded.

The objective, as in the lecture::

    loss(W, b) = 1/N Σ_i L_i(s_i, y_i) + λ R(W),   s_i = W φ(x_i) + b

with W (C, D) one row per class, b (C,), φ a feature map. Each update draws
a mini-batch (size 1 is SGD, N is full-batch gradient descent) and moves
θ = (W, b) with the chosen optimiser.

Step t of a :class:`History` is the state after t updates (step 0 is the
initial state). Every step is evaluated on the whole training set, so the
recorded loss curve is the true objective, whatever the batch size.

Stopping (``tol`` and ``gtol``; each off when None). After update t the run
stops when either figure of the new step t + 1 says so, the gradient first::

    g_{t+1} = ‖∇_θ loss(θ_{t+1})‖₂                        (all of W and b, whole set)
    r_{t+1} = |loss_{t+1} − loss_t| / (α_t · |loss_t|)     (relative change per unit rate)

    g_{t+1} ≤ gtol   →  "converged"     (the gradient is ≈ 0: a minimum)
    r_{t+1} < tol    →  "small_change"  (the loss has stopped moving; the gradient
                                         may not be 0: a kink of the hinge, max-norm,
                                         L1's subgradient, or just a slow descent)

The change is divided by α_t because one step of gradient descent changes the
loss by about α‖g‖²: the lecture's plain |Δloss| < tol stops a small rate far
from the minimum (Iris, Softmax, α = 0.001: 34 % above it), where r ≈ ‖g‖²/loss
means the same at every rate. ``gtol`` None takes tol's value.
:func:`stop_report` gives the reason with both figures.

Determinism: the batch of update t is drawn from ``default_rng((seed, t))``,
so it depends only on the seed and t. With the optimiser state recorded at
every step, continuing from step k with unchanged settings reproduces the
original run bit for bit; with changed settings it starts a branch.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

import numpy as np

from . import compiled
from .features import FeatureMap
from .losses import LossConfig, data_loss
from .optimizers import Optimizer, OptState, Schedule
from .regularizers import RegConfig, penalty, project_max_norm, soft_threshold

INITS = ("random", "zeros", "given")
STOP_REASONS = ("steps", "converged", "small_change", "diverged", "cancelled")
"""Why a run ended: its step count; gradient ≈ 0; the loss stopped changing; the loss or W
became infinite; the caller cancelled it."""
FINISHED = ("converged", "small_change", "diverged")
"""Stop reasons after which training on with the same settings would stop at once."""


@dataclass(frozen=True)
class TrainConfig:
    """Every setting of a run. ``batch_size`` None means the full batch.

    ``steps`` caps the number of updates; ``tol`` (if set) also stops when the
    relative change of the full training loss per unit rate falls under it, and
    ``gtol`` when the gradient's norm does (None: the same number as tol; see the
    module docstring for both formulas).
    """

    loss: LossConfig = field(default_factory=LossConfig)
    reg: RegConfig = field(default_factory=RegConfig)
    optimizer: Optimizer = field(default_factory=Optimizer)
    schedule: Schedule = field(default_factory=Schedule)
    features: FeatureMap = field(default_factory=FeatureMap)
    lr: float = 0.1
    batch_size: int | None = None
    steps: int = 200
    tol: float | None = None
    seed: int = 0
    gtol: float | None = None

    def __post_init__(self):
        if not np.isfinite(self.lr) or self.lr <= 0:
            raise ValueError(f"the learning rate must be a finite number > 0, not {self.lr}")
        if self.batch_size is not None and self.batch_size < 1:
            raise ValueError(f"the batch size must be ≥ 1 (or full), not {self.batch_size}")
        if self.steps < 0:
            raise ValueError(f"the number of steps must be ≥ 0, not {self.steps}")
        if self.tol is not None and not self.tol >= 0:
            raise ValueError(f"tol must be ≥ 0, not {self.tol}")
        if self.gtol is not None and not self.gtol >= 0:
            raise ValueError(f"gtol must be ≥ 0, not {self.gtol}")

    @property
    def grad_tol(self) -> float | None:
        """The gradient-norm threshold in force: gtol, or tol when gtol is None."""
        return self.tol if self.gtol is None else self.gtol


def initial_params(n_classes: int, dim: int, init: str = "random", seed: int = 0, scale: float = 0.01):
    """Starting (W (C, D), b (C,)): W ~ scale·N(0, 1) seeded, or zeros; b = 0."""
    if init not in ("random", "zeros"):
        raise ValueError(f"unknown initialisation {init!r}; choose random, zeros or give W and b")
    if init == "zeros":
        return np.zeros((n_classes, dim)), np.zeros(n_classes)
    rng = np.random.default_rng(seed)
    return scale * rng.standard_normal((n_classes, dim)), np.zeros(n_classes)


@dataclass(frozen=True)
class Evaluation:
    """The objective and its gradient on a set of examples at one (W, b)."""

    loss: float
    data_loss: float
    reg_loss: float
    accuracy: float
    grad_W: np.ndarray
    grad_b: np.ndarray


def evaluate(W, b, Phi, y, cfg: TrainConfig, need_grad: bool = True) -> Evaluation:
    """Total, data and regularisation loss, accuracy and ∂loss/∂(W, b).

    Phi: (N, D) features, y: (N,). ∂loss/∂W = dscoresᵀ Φ + λ∂R/∂W (C, D),
    ∂loss/∂b = Σ_i dscores_i (+ λ∂R/∂b when the bias is regularised).
    """
    scores = Phi @ W.T + b
    dl, dscores = data_loss(scores, y, cfg.loss)
    rl, dR = penalty(W, cfg.reg)
    gb = dscores.sum(axis=0)
    if cfg.reg.include_bias:
        rb, dRb = penalty(b[None, :], cfg.reg)
        rl, gb = rl + rb, gb + dRb[0]
    acc = float((scores.argmax(axis=1) == y).mean()) if len(y) else float("nan")
    gW = dscores.T @ Phi + dR if need_grad else dR
    return Evaluation(dl + rl, dl, rl, acc, gW, gb)


class History:
    """The recorded run: arrays indexed by step t = 0 … len − 1.

    W (T, C, D), b (T, C), grad_W (T, C, D), grad_b (T, C): the parameters
    and the full-training-set gradient at each step. loss, data_loss,
    reg_loss, train_acc, test_acc (T,). lr (T,): the rate the update from
    step t uses. batch(t): the indices the update from step t draws.
    opt_state[t]: the optimiser state at step t. ``stop_reason`` is one of
    STOP_REASONS; :func:`stop_report` adds the figures behind it.
    """

    ARRAYS = ("W", "b", "grad_W", "grad_b", "loss", "data_loss", "reg_loss", "train_acc", "test_acc", "lr")

    def __init__(self, config: TrainConfig, n_classes: int, dim: int, capacity: int, n_train: int):
        self.config, self.n_classes, self.dim, self.n_train = config, n_classes, dim, n_train
        cap = capacity
        self.W = np.empty((cap, n_classes, dim))
        self.b = np.empty((cap, n_classes))
        self.grad_W = np.empty((cap, n_classes, dim))
        self.grad_b = np.empty((cap, n_classes))
        for name in ("loss", "data_loss", "reg_loss", "train_acc", "test_acc", "lr"):
            setattr(self, name, np.full(cap, np.nan))
        self.opt_state: list[OptState] = []
        self.stop_reason = "steps"
        self.parent: History | None = None
        self.branch_step: int | None = None
        self._len = 0

    def __len__(self) -> int:
        return self._len

    @property
    def last(self) -> int:
        """Index of the last recorded step."""
        return self._len - 1

    def batch(self, t: int) -> np.ndarray:
        """Indices (into the training set) of the mini-batch the update from step t draws."""
        return draw_batch(self.n_train, self.config.batch_size, self.config.seed, t)

    def append(self, W, b, ev: Evaluation, test_acc: float, lr: float, state: OptState):
        i = self._len
        if i == len(self.loss):
            self._grow()
        self.W[i], self.b[i], self.grad_W[i], self.grad_b[i] = W, b, ev.grad_W, ev.grad_b
        self.loss[i], self.data_loss[i], self.reg_loss[i] = ev.loss, ev.data_loss, ev.reg_loss
        self.train_acc[i], self.test_acc[i], self.lr[i] = ev.accuracy, test_acc, lr
        self.opt_state.append(state)
        self._len = i + 1

    def _grow(self):
        for name in self.ARRAYS:
            a = getattr(self, name)
            pad = np.full((max(len(a), 16),) + a.shape[1:], np.nan)
            setattr(self, name, np.concatenate([a, pad]))

    def trim(self) -> History:
        """Drop unused capacity (views stay valid for readers)."""
        for name in self.ARRAYS:
            setattr(self, name, getattr(self, name)[: self._len])
        return self

    def copy_prefix(self, upto: int, config: TrainConfig, extra: int) -> History:
        """A new History holding steps 0 … upto of this one, room for ``extra`` more."""
        h = History(config, self.n_classes, self.dim, upto + 1 + extra, self.n_train)
        for name in self.ARRAYS:
            getattr(h, name)[: upto + 1] = getattr(self, name)[: upto + 1]
        h.opt_state = list(self.opt_state[: upto + 1])
        h._len = upto + 1
        h.parent, h.branch_step = self, upto
        return h

    def summary(self, t: int | None = None) -> dict:
        """The figures of step t (default: last) as plain floats."""
        t = self.last if t is None else t
        return {
            "step": int(t),
            "loss": float(self.loss[t]),
            "data_loss": float(self.data_loss[t]),
            "reg_loss": float(self.reg_loss[t]),
            "accuracy": float(self.train_acc[t]),
            "test_accuracy": None if np.isnan(self.test_acc[t]) else float(self.test_acc[t]),
        }


def draw_batch(n: int, batch_size: int | None, seed: int, t: int) -> np.ndarray:
    """Indices of update t's mini-batch: all of range(n) for the full batch,
    else ``batch_size`` distinct indices drawn from ``default_rng((seed, t))``."""
    if batch_size is None or batch_size >= n:
        return np.arange(n)
    return np.random.default_rng((seed, t)).choice(n, size=batch_size, replace=False)


Callback = Callable[[History], None]


def train(
    X: np.ndarray,
    y: np.ndarray,
    cfg: TrainConfig,
    n_classes: int,
    *,
    W0: np.ndarray | None = None,
    b0: np.ndarray | None = None,
    init: str = "random",
    test: tuple[np.ndarray, np.ndarray] | None = None,
    resume: tuple[History, int] | None = None,
    on_step: Callback | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> History:
    """Train from (W0, b0) — or an ``init`` — or continue a History from a step.

    X: (N, 2) points (φ is applied here), y: (N,), test: optional (X, y) split.
    ``resume=(history, k)`` copies steps 0 … k and continues from step k with
    ``cfg``; passing W0/b0 as well replaces the parameters of step k (an edit).
    The optimiser state of step k is kept when the rule is unchanged.
    """
    Phi = cfg.features.transform(X)
    y = np.asarray(y, dtype=np.int64)
    test_phi = (cfg.features.transform(test[0]), np.asarray(test[1])) if test is not None else None
    hist, W, b, state = _start(Phi, y, cfg, n_classes, W0, b0, init, resume)
    if len(hist) == 0 or resume is not None and len(hist) == resume[1]:
        with np.errstate(all="ignore"):  # a loss that overflows is reported as "diverged", not warned
            recorded = _record(hist, W, b, Phi, y, cfg, test_phi, state)
        if not recorded:
            hist.stop_reason = "diverged"
            return hist.trim()
    if on_step is None and should_stop is None and len(y) and compiled.available():
        compiled.continue_run(hist, Phi, y, cfg, test_phi)
        return hist.trim()
    return _loop(hist, Phi, y, cfg, test_phi, on_step, should_stop).trim()


def _start(Phi, y, cfg, n_classes, W0, b0, init, resume):
    dim = Phi.shape[1]
    if resume is not None:
        parent, k = resume
        if not 0 <= k < len(parent):
            raise ValueError(f"cannot continue from step {k}: the run has steps 0 to {parent.last}")
        hist = parent.copy_prefix(k, cfg, cfg.steps)
        state = parent.opt_state[k] if parent.config.optimizer == cfg.optimizer else OptState()
        W = parent.W[k] if W0 is None else np.asarray(W0, dtype=float)
        b = parent.b[k] if b0 is None else np.asarray(b0, dtype=float)
        if W0 is not None or not _same_objective(parent.config, cfg):
            # step k is evaluated again: with the edited parameters, or under the new
            # settings, so that the branch's first update uses its own gradient
            hist._len = k
            hist.opt_state = hist.opt_state[:k]
        return hist, W.copy(), b.copy(), state
    if W0 is None:
        W0, b0_init = initial_params(n_classes, dim, init, cfg.seed)
        b0 = b0_init if b0 is None else b0
    W = np.array(W0, dtype=float).reshape(n_classes, dim)
    b = np.zeros(n_classes) if b0 is None else np.array(b0, dtype=float).reshape(n_classes)
    # room for the run, but not gigabytes up front when tol will likely stop it early
    capacity = cfg.steps + 1 if cfg.grad_tol is None else min(cfg.steps + 1, 4096)
    return History(cfg, n_classes, dim, capacity, len(y)), W, b, OptState()


def _same_objective(a: TrainConfig, b: TrainConfig) -> bool:
    """Whether two configs record the same losses and gradients at a given (W, b)
    (they may differ in how long to run)."""
    return replace(a, steps=0, tol=None, gtol=None) == replace(b, steps=0, tol=None, gtol=None)


def _record(hist, W, b, Phi, y, cfg, test_phi, state) -> bool:
    """Evaluate (W, b) on the whole set and append it; False if it is not finite."""
    ev = evaluate(W, b, Phi, y, cfg)
    if not (np.isfinite(ev.loss) and np.isfinite(ev.grad_W).all() and np.isfinite(W).all()):
        return False
    test_acc = float("nan")
    if test_phi is not None and len(test_phi[1]):
        test_acc = float(((test_phi[0] @ W.T + b).argmax(axis=1) == test_phi[1]).mean())
    t = len(hist)
    hist.append(W, b, ev, test_acc, cfg.schedule.rate(cfg.lr, t), state)
    return True


def _loop(hist, Phi, y, cfg, test_phi, on_step, should_stop) -> History:
    n, c, d = len(y), hist.n_classes, hist.dim
    full = cfg.batch_size is None or cfg.batch_size >= n
    stop_at = len(hist) - 1 + cfg.steps if hist.parent is not None else cfg.steps
    tol, gtol = cfg.tol, cfg.grad_tol
    prox_l1 = cfg.reg.l1_strength if cfg.reg.proximal and cfg.optimizer.kind == "sgd" else 0.0
    l1_mask = np.arange(c * d + c) < (c * d + c if cfg.reg.include_bias else c * d)
    with np.errstate(all="ignore"):
        while len(hist) - 1 < stop_at:
            if should_stop is not None and should_stop():
                hist.stop_reason = "cancelled"
                break
            t = len(hist) - 1
            W, b, state = hist.W[t], hist.b[t], hist.opt_state[t]
            if full:
                gW, gb = hist.grad_W[t], hist.grad_b[t]
            else:
                idx = hist.batch(t)
                ev = evaluate(W, b, Phi[idx], y[idx], cfg)
                gW, gb = ev.grad_W, ev.grad_b
            theta = np.concatenate([W.ravel(), b])
            g = np.concatenate([gW.ravel(), gb])
            hist.lr[t] = lr = cfg.schedule.rate(cfg.lr, t)
            if prox_l1:  # the |W| term goes in as a soft-threshold, not as its subgradient
                g[l1_mask] -= prox_l1 * np.sign(theta[l1_mask])
            theta, state = cfg.optimizer.update(theta, g, lr, state)
            if prox_l1:
                theta[l1_mask] = soft_threshold(theta[l1_mask], lr * prox_l1)
            W_new = project_max_norm(theta[: c * d].reshape(c, d), cfg.reg)
            if not _record(hist, W_new, theta[c * d :], Phi, y, cfg, test_phi, state):
                hist.stop_reason = "diverged"
                break
            if on_step is not None:
                on_step(hist)
            if gtol is not None and grad_norm(hist, t + 1) <= gtol:
                hist.stop_reason = "converged"
                break
            if tol is not None and abs(hist.loss[t + 1] - hist.loss[t]) < tol * lr * abs(hist.loss[t]):
                hist.stop_reason = "small_change"  # r_{t+1} < tol, without dividing by a 0 loss
                break
    return hist


def grad_norm(hist: History, t: int) -> float:
    """g_t = ‖(∇W, ∇b)‖₂ of the whole-set objective at step t (the recorded gradient)."""
    return float(np.sqrt(np.vdot(hist.grad_W[t], hist.grad_W[t]) + np.vdot(hist.grad_b[t], hist.grad_b[t])))


def relative_change(hist: History, t: int) -> float:
    """r_t = |loss_t − loss_{t−1}| / (α_{t−1}·|loss_{t−1}|), the figure ``tol`` bounds;
    NaN at step 0, inf when loss_{t−1} is 0 and the loss moved."""
    if t < 1:
        return float("nan")
    change, scale = abs(hist.loss[t] - hist.loss[t - 1]), hist.lr[t - 1] * abs(hist.loss[t - 1])
    with np.errstate(all="ignore"):
        return float(change / scale) if scale else (0.0 if change == 0 else float("inf"))


@dataclass(frozen=True)
class StopReport:
    """Why a run ended (``reason``, one of STOP_REASONS) at ``step``, with the two figures
    of the stop rule there and the thresholds in force (None: that rule was off)."""

    reason: str
    step: int
    relative_change: float
    grad_norm: float
    tol: float | None
    gtol: float | None

    def to_dict(self) -> dict:
        """Plain JSON values (NaN and inf as None)."""
        fin = (lambda v: float(v) if v is not None and np.isfinite(v) else None)
        return {"reason": self.reason, "step": self.step, "relative_change": fin(self.relative_change),
                "grad_norm": fin(self.grad_norm), "tol": self.tol, "gtol": self.gtol}


def stop_report(hist: History) -> StopReport:
    """The stop reason of a recorded run with g and r of its last step (see the module docstring)."""
    t = hist.last
    return StopReport(hist.stop_reason, t, relative_change(hist, t), grad_norm(hist, t) if t >= 0 else float("nan"),
                      hist.config.tol, hist.config.grad_tol)
