"""What a CIFAR-10 model is measured and shown by: confusion matrix, per-class accuracy, the
weight rows as pictures (templates), and kNN on the prepared rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .cifar import IMAGE_SHAPE
from .image_data import PreparedData
from .knn import KNearestNeighbors

# ----------------------------------------------------------------------------- evaluation and pictures


def confusion_matrix(y_true, y_pred, n_classes: int) -> np.ndarray:
    """int64 (C, C): entry [i, j] counts the examples of true class i predicted as j."""
    y_true, y_pred = np.asarray(y_true, dtype=np.int64), np.asarray(y_pred, dtype=np.int64)
    if y_true.shape != y_pred.shape or y_true.ndim != 1:
        raise ValueError(f"y_true and y_pred must be equal-length 1-D arrays; got {y_true.shape} and {y_pred.shape}")
    if len(y_true) and (min(y_true.min(), y_pred.min()) < 0 or max(y_true.max(), y_pred.max()) >= n_classes):
        raise ValueError(f"labels must lie in [0, {n_classes})")
    return np.bincount(y_true * n_classes + y_pred, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def per_class_accuracy(cm: np.ndarray) -> np.ndarray:
    """Recall of each class from a confusion matrix: diag / row sum (NaN for a class with no example)."""
    cm = np.asarray(cm)
    totals = cm.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(cm) / np.maximum(totals, 1), np.nan)


def templates(W, mean_image=None, *, image_shape=IMAGE_SHAPE, per_class: bool = True) -> np.ndarray:
    """Each class's weight row as a picture: (C, D) → uint8 (C, 32, 32, 3).

    Without ``mean_image``: each row is rescaled linearly so its minimum maps to 0
    and its maximum to 255 (``per_class=False``: one min and max over all rows,
    as the CS231n notebook's plot does, which keeps the classes comparable).
    With ``mean_image`` (the training mean, (32, 32, 3) 0..255): the mean image
    plus the row scaled so its largest |w| is ±127.5, clipped to 0..255 — the
    average picture pushed towards what the class's score rewards.

    Only meaningful for raw-pixel weights (D = 32·32·3 in HWC order).
    """
    W = np.asarray(W, dtype=np.float64)
    dim = int(np.prod(image_shape))
    if W.ndim != 2 or W.shape[1] != dim:
        raise ValueError(f"templates need raw-pixel weights of shape (C, {dim}); got {W.shape}")
    if mean_image is not None:
        mu = np.asarray(mean_image, dtype=np.float64).reshape(1, dim)
        top = np.abs(W).max(axis=1, keepdims=True) if per_class else np.abs(W).max()
        img = mu + 127.5 * W / np.maximum(top, 1e-300)
    else:
        lo = W.min(axis=1, keepdims=True) if per_class else W.min()
        hi = W.max(axis=1, keepdims=True) if per_class else W.max()
        img = 255.0 * (W - lo) / np.maximum(hi - lo, 1e-300)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8).reshape(len(W), *image_shape)


# ----------------------------------------------------------------------------- kNN


def fit_knn(prep: PreparedData, k: int = 1, metric: str = "l2") -> KNearestNeighbors:
    """A ``KNearestNeighbors`` on the prepared training rows (no copy is made)."""
    return KNearestNeighbors(k, metric).fit(prep.X_train, prep.y_train, prep.n_classes)


def knn_accuracy(model: KNearestNeighbors, X, y) -> float:
    """Fraction of the rows of X that ``model`` labels y."""
    y = np.asarray(y)
    return float((model.predict(X) == y).mean()) if len(y) else float("nan")


def knn_accuracy_by_k(model: KNearestNeighbors, X, y, ks: Sequence[int]) -> dict[int, float]:
    """Accuracy for each k in ``ks`` from one neighbour search of max(ks) neighbours.

    Uses the engine's tie rule (the tied class whose member is nearest wins), so
    each value equals ``knn_accuracy`` of a model with that k.
    """
    ks = sorted({int(k) for k in ks})
    if not ks or ks[0] < 1:
        raise ValueError(f"every k must be ≥ 1; got {ks}")
    y = np.asarray(y)
    search = KNearestNeighbors(ks[-1], model.metric).fit(model.X, model.y, model.n_classes)
    labels_all = model.y[search.kneighbors(X)[1]]  # (M, k_max), nearest first
    m, c = len(y), model.n_classes
    out = {}
    for k in ks:
        labels = labels_all[:, :k]
        counts = np.bincount((np.arange(m)[:, None] * c + labels).ravel(), minlength=m * c).reshape(m, c)
        top = counts == counts.max(axis=1, keepdims=True)
        first_top = np.argmax(np.take_along_axis(top, labels, axis=1), axis=1)
        out[k] = float((labels[np.arange(m), first_top] == y).mean()) if m else float("nan")
    return out
