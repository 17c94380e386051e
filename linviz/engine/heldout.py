"""Held-out points: why regularise, in numbers.

Training accuracy alone can only make regularisation look harmful. Split the points into a
training set and a held-out (test) set that no gradient ever sees, and the lecture's claim
becomes measurable: with a rich feature map and few points, test accuracy peaks at a middle λ.

- ``random_split(n, test_fraction, seed)``: a (N,) bool mask, True for held-out points.
- ``heldout_curve(history, X_test, y_test)``: the held-out loss and accuracy at every recorded
  step of a run (T,) — the data loss only: the penalty λR(W) is not a property of the points.
- ``lambda_sweep(X, y, test_mask, cfg, lams, …)``: train once per λ on the training points, from
  the same start; the final training and held-out accuracy and data loss per λ.
- ``knn_sweep(X, y, test_mask, ks, metric)``: the same against k for k-nearest neighbours.

No Qt: the app computes sweeps in a worker thread, the tests against separate runs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .knn import KNearestNeighbors
from .losses import data_loss
from .training import History, TrainConfig, train


def random_split(n: int, test_fraction: float = 0.3, seed: int = 0) -> np.ndarray:
    """(n,) bool: True for the ⌊n·test_fraction⌉ held-out points, drawn without replacement.

    At least one point stays for training when n ≥ 1; the same seed gives the same split."""
    if not 0.0 <= test_fraction < 1.0:
        raise ValueError(f"the held-out share must be in [0, 1), not {test_fraction}")
    n_test = min(int(round(n * test_fraction)), max(n - 1, 0))
    mask = np.zeros(n, bool)
    mask[np.random.default_rng(seed).choice(n, size=n_test, replace=False)] = True
    return mask


def heldout_curve(history: History, X_test: np.ndarray, y_test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Held-out data loss and accuracy at every step: two (T,) arrays (NaN with no held-out point).

    scores_t = φ(X_test) W_tᵀ + b_t for t = 0 … T−1, all steps in one product (T, M, C)."""
    T = len(history)
    y_test = np.asarray(y_test, np.int64)
    if len(y_test) == 0:
        return np.full(T, np.nan), np.full(T, np.nan)
    phi = history.config.features.transform(np.asarray(X_test, float))
    scores = np.einsum("md,tcd->tmc", phi, history.W[:T]) + history.b[:T, None, :]
    acc = (scores.argmax(axis=2) == y_test).mean(axis=1)
    with np.errstate(all="ignore"):
        loss = np.array([data_loss(s, y_test, history.config.loss)[0] for s in scores])
    return loss, acc


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


__all__ = ["random_split", "heldout_curve", "lambda_sweep", "knn_sweep", "Sweep"]
