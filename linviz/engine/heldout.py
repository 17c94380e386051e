"""Held-out points: why regularise, in numbers.

Training accuracy alone can only make regularisation look harmful. Split the points into a
training set and a held-out (test) set that no gradient ever sees, and the lecture's claim
becomes measurable: with a rich feature map and few points, test accuracy peaks at a middle λ.

- ``random_split(n, test_fraction, seed)``: a (N,) bool mask, True for held-out points.
- ``heldout_curve(history, X_test, y_test)``: the held-out loss and accuracy at every recorded
  step of a run (T,) — the data loss only: the penalty λR(W) is not a property of the points;
  ``heldout_at(W, b, config, X_test, y_test)``: the same at one step.
- ``lambda_sweep(X, y, test_mask, cfg, lams, …)``: train once per λ on the training points, from
  the same start; the final training and held-out accuracy and data loss per λ.
- ``knn_sweep(X, y, test_mask, ks, metric)``: the same against k for k-nearest neighbours.

No Qt: the app computes sweeps in a worker thread, the tests against separate runs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .knn import KNearestNeighbors
from .losses import data_loss, per_example_terms
from .training import History, TrainConfig, train


CHUNK_SCORES = 1 << 20
"""heldout_curve scores this many (step, point, class) entries at a time (8 MB)."""


def random_split(n: int, test_fraction: float = 0.3, seed: int = 0) -> np.ndarray:
    """(n,) bool: True for the ⌊n·test_fraction⌉ held-out points, drawn without replacement.

    Point i draws u_i ~ U(0, 1) (the i-th number of the seed's stream); the n_test points with
    the smallest u_i are held out. So the split is stable under edits: moving a point keeps it
    on its side, and adding one at the end changes at most two points' sides (the new one, and
    one more or one fewer held out as n_test changes). At least one point stays for training
    when n ≥ 1; the same seed gives the same split."""
    if not 0.0 <= test_fraction < 1.0:
        raise ValueError(f"the held-out share must be in [0, 1), not {test_fraction}")
    n_test = min(int(round(n * test_fraction)), max(n - 1, 0))
    mask = np.zeros(n, bool)
    u = np.random.default_rng(seed).random(n)
    mask[np.argsort(u, kind="stable")[:n_test]] = True
    return mask


def heldout_curve(history: History, X_test: np.ndarray, y_test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Held-out data loss and accuracy at every step: two (T,) arrays (NaN with no held-out point).

    scores_t = φ(X_test) W_tᵀ + b_t for t = 0 … T−1, all steps in one product (T, M, C)."""
    T = len(history)
    y_test = np.asarray(y_test, np.int64)
    if len(y_test) == 0 or T == 0:
        return np.full(T, np.nan), np.full(T, np.nan)
    phi = history.config.features.transform(np.asarray(X_test, float))
    M, cfg = len(y_test), history.config.loss
    loss, acc = np.empty(T), np.empty(T)
    chunk = max(1, CHUNK_SCORES // max(M * history.n_classes, 1))  # (chunk·M, C) scores at a time
    with np.errstate(all="ignore"):
        for t0 in range(0, T, chunk):
            t1 = min(T, t0 + chunk)
            scores = np.einsum("md,tcd->tmc", phi, history.W[t0:t1]) + history.b[t0:t1, None, :]
            acc[t0:t1] = (scores.argmax(axis=2) == y_test).mean(axis=1)
            # the rows of per_example_terms sum to each L_i; data_loss is their mean over the points
            terms = per_example_terms(scores.reshape(-1, scores.shape[2]), np.tile(y_test, t1 - t0), cfg)
            loss[t0:t1] = terms.sum(axis=1).reshape(t1 - t0, M).mean(axis=1)
    return loss, acc


def heldout_at(W: np.ndarray, b: np.ndarray, config: TrainConfig, X_test, y_test) -> tuple[float, float]:
    """Held-out data loss and accuracy of one (W (C, D), b (C,)): NaN, NaN with no held-out point."""
    y_test = np.asarray(y_test, np.int64)
    if len(y_test) == 0:
        return float("nan"), float("nan")
    scores = config.features.transform(np.asarray(X_test, float)) @ np.asarray(W).T + b
    with np.errstate(all="ignore"):
        return data_loss(scores, y_test, config.loss)[0], float((scores.argmax(axis=1) == y_test).mean())


@dataclass(frozen=True)
class Sweep:
    """One row per setting (``values``): final train/held-out accuracy and data loss, (K,) each."""

    values: np.ndarray
    train_acc: np.ndarray
    test_acc: np.ndarray
    train_loss: np.ndarray
    test_loss: np.ndarray

    @property
    def best(self) -> float:
        """The setting with the highest held-out accuracy (the first of ties)."""
        return float(self.values[int(np.nanargmax(self.test_acc))])


def lambda_sweep(X, y, test_mask, cfg: TrainConfig, lams, n_classes: int, W0=None, b0=None,
                 init: str = "zeros") -> Sweep:
    """Train on the points outside ``test_mask`` once per λ in ``lams`` (same start, same
    settings otherwise) and measure both sets at the last step."""
    X, y, test_mask = np.asarray(X, float), np.asarray(y, np.int64), np.asarray(test_mask, bool)
    Xtr, ytr, Xte, yte = X[~test_mask], y[~test_mask], X[test_mask], y[test_mask]
    rows = []
    for lam in lams:
        h = train(Xtr, ytr, replace(cfg, reg=replace(cfg.reg, lam=float(lam))), n_classes, W0=W0, b0=b0, init=init)
        t = h.last
        test_loss, test_acc = heldout_curve(h, Xte, yte)
        rows.append((h.train_acc[t], test_acc[t], h.data_loss[t], test_loss[t]))
    cols = np.array(rows, float).reshape(len(rows), 4).T
    return Sweep(np.asarray(lams, float), *cols)


def knn_sweep(X, y, test_mask, ks, metric: str = "l2", n_classes: int | None = None) -> Sweep:
    """Accuracy on the training points (each point's own vote included, as the plane shows it)
    and on the held-out points, for every k; the losses are NaN (kNN has none)."""
    X, y, test_mask = np.asarray(X, float), np.asarray(y, np.int64), np.asarray(test_mask, bool)
    Xtr, ytr, Xte, yte = X[~test_mask], y[~test_mask], X[test_mask], y[test_mask]
    rows = []
    for k in ks:
        model = KNearestNeighbors(int(k), metric).fit(Xtr, ytr, n_classes)
        train_acc = float((model.predict(Xtr) == ytr).mean()) if len(ytr) else np.nan
        test_acc = float((model.predict(Xte) == yte).mean()) if len(yte) else np.nan
        rows.append((train_acc, test_acc, np.nan, np.nan))
    cols = np.array(rows, float).reshape(len(rows), 4).T
    return Sweep(np.asarray(ks, float), *cols)


__all__ = ["random_split", "heldout_curve", "heldout_at", "lambda_sweep", "knn_sweep", "Sweep"]
