"""CIFAR-10 images as float32 feature rows: the train / validation / test split a model sees.

Rows are (N, D) float32: D = 3,072 mean-subtracted pixels (HWC order) or HOG / colour
features; images are converted ``PREPARE_CHUNK`` at a time, so no float64 copy of a whole
set is ever made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .cifar import CifarData, split_train_val, subsample
from .image_features import FEATURE_KINDS, extract_features, standardize

PREPARE_CHUNK = 2048  # images converted to float rows at a time


@dataclass(frozen=True, eq=False)
class PreparedData:
    """Float32 feature rows of a train / validation / test split, ready for a model.

    ``train_idx`` and ``val_idx`` index ``data.X_train`` and ``test_idx`` indexes
    ``data.X_test``, so the images behind each row can be shown.
    ``mean_image`` is the training rows' mean image (float32 (32, 32, 3)).
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple[str, ...]
    mean_image: np.ndarray
    features: str
    train_idx: np.ndarray
    val_idx: np.ndarray
    test_idx: np.ndarray

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    @property
    def dim(self) -> int:
        return self.X_train.shape[1]


def _chunked_mean(images: np.ndarray, idx: np.ndarray, chunk: int = PREPARE_CHUNK) -> np.ndarray:
    """mean_image over images[idx], gathering ``chunk`` images at a time."""
    total = np.zeros(images.shape[1:], dtype=np.float64)
    for i in range(0, len(idx), chunk):
        total += images[idx[i : i + chunk]].sum(axis=0, dtype=np.float64)
    return (total / len(idx)).astype(np.float32)


def _raw_rows(images: np.ndarray, idx: np.ndarray, mean: np.ndarray, scale: float) -> np.ndarray:
    """(images[idx] − mean) · scale as float32 (n, D), one chunk of images at a time."""
    dim = int(np.prod(images.shape[1:]))
    out = np.empty((len(idx), dim), dtype=np.float32)
    m = mean.reshape(-1)
    for i in range(0, len(idx), PREPARE_CHUNK):
        part = out[i : i + PREPARE_CHUNK]
        part[...] = images[idx[i : i + PREPARE_CHUNK]].reshape(len(part), dim)
        part -= m
        if scale != 1.0:
            part *= np.float32(scale)
    return out


def _feature_rows(images: np.ndarray, idx: np.ndarray, kind: str) -> np.ndarray:
    parts = [extract_features(images[idx[i : i + PREPARE_CHUNK]], kind) for i in range(0, len(idx), PREPARE_CHUNK)]
    return np.concatenate(parts) if parts else extract_features(images[:0], kind)


def _subset(idx: np.ndarray, labels: np.ndarray, size: int | None, seed: int, what: str) -> np.ndarray:
    if size is None or size == len(idx):
        return idx
    if not 0 < size <= len(idx):
        raise ValueError(f"{what} must be between 1 and {len(idx)}; got {size}")
    return subsample(idx, labels[idx], size, seed=seed)[0]


def prepare(
    data: CifarData,
    *,
    features: str = "raw",
    train_size: int | None = None,
    val_size: int = 1000,
    test_size: int | None = None,
    seed: int = 0,
    scale: float = 1.0,
    test_rows: bool = True,
) -> PreparedData:
    """Split and featurise CIFAR-10 for the linear models and kNN.

    Validation: ``val_size`` training images held out at random (seeded).
    Training: the rest, or a class-balanced random ``train_size`` of them.
    Test: the test set, or a class-balanced random ``test_size`` of it.

    features "raw": pixels minus the training rows' mean image, times ``scale``.
    "hog" / "color" / "hog+color": ``extract_features`` then ``standardize``
    with the training rows' mean and standard deviation. Images are converted
    ``PREPARE_CHUNK`` at a time into the float32 results; no float64 copy of a
    whole set is ever made.

    ``test_rows=False`` (raw pixels only) leaves X_test empty, (0, D): the test
    images are converted a chunk at a time when they are scored
    (:func:`predict_test`), which spares 123 MB of float32 rows for the full test
    set — the command line's full-size run stays under 1 GB that way.
    """
    if features not in FEATURE_KINDS:
        raise ValueError(f"unknown features {features!r}; choose one of {', '.join(FEATURE_KINDS)}")
    n = len(data.y_train)
    if not 0 <= val_size < n:
        raise ValueError(f"the validation size must be between 0 and {n - 1} (the training images less one); "
                         f"got {val_size}")
    train_idx, val_idx = split_train_val(n, val_size, seed)
    train_idx = _subset(train_idx, data.y_train, train_size, seed, "the training size")
    test_idx = _subset(np.arange(len(data.y_test)), data.y_test, test_size, seed, "the test size")
    mu = _chunked_mean(data.X_train, train_idx)
    if features == "raw":
        X_tr = _raw_rows(data.X_train, train_idx, mu, scale)
        X_va = _raw_rows(data.X_train, val_idx, mu, scale)
        X_te = _raw_rows(data.X_test, test_idx if test_rows else test_idx[:0], mu, scale)
    else:
        X_tr, X_va, X_te = standardize(
            _feature_rows(data.X_train, train_idx, features),
            _feature_rows(data.X_train, val_idx, features),
            _feature_rows(data.X_test, test_idx, features),
        )
    return PreparedData(
        X_tr, data.y_train[train_idx], X_va, data.y_train[val_idx], X_te, data.y_test[test_idx],
        tuple(data.class_names), mu, features, train_idx, val_idx, test_idx,
    )


def predict_test(predict: Callable[[np.ndarray], np.ndarray], data: CifarData, prep: PreparedData,
                 scale: float = 1.0) -> np.ndarray:
    """``predict`` (rows (n, D) → labels (n,)) of every test row of ``prep``: its X_test, or,
    when ``prepare(test_rows=False)`` left that empty, the raw test images converted
    ``PREPARE_CHUNK`` at a time (the same rows: images − mean_image, times ``scale``)."""
    if len(prep.X_test) == len(prep.test_idx):
        return predict(prep.X_test)
    if prep.features != "raw":
        raise ValueError("only raw-pixel test rows can be made a chunk at a time")
    parts = [predict(_raw_rows(data.X_test, prep.test_idx[i : i + PREPARE_CHUNK], prep.mean_image, scale))
             for i in range(0, len(prep.test_idx), PREPARE_CHUNK)]
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)
