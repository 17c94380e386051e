"""The seeded preset point sets (CS231n's nine points, blobs, moons, circles, XOR, spiral, Iris).

A preset is reproducible: the same name, size, classes, noise and seed give the same points.
"""

from __future__ import annotations

import csv
import math
from functools import lru_cache

import numpy as np

from ..resources import asset_path
from .point_files import read_text
from .point_set import (
    MAX_CLASSES,
    MAX_POINTS,
    MIN_CLASSES,
    Dataset,
    DatasetError,
    _frozen,
    default_class_names,
)
from .text import QT_TRANSLATE_NOOP

IRIS_FEATURES = ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)")
IRIS_SPECIES = ("setosa", "versicolor", "virginica")
_IRIS_HEADER = ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"]

# ----------------------------------------------------------------------------- presets

# the app translates the preset descriptions where it shows them
PRESETS: dict[str, str] = {
    "cs231n": QT_TRANSLATE_NOOP(
        "Presets", "The nine points and starting W, b of Stanford CS231n's linear-classify demo (3 classes)."),
    "blobs": QT_TRANSLATE_NOOP("Presets", "Gaussian blobs on a circle of radius 2; noise is their spread (2-10 classes)."),
    "separable": QT_TRANSLATE_NOOP(
        "Presets", "Tight clusters that a linear classifier can separate perfectly (2-10 classes)."),
    "moons": QT_TRANSLATE_NOOP("Presets", "Two interleaving half circles (2 classes): no straight line separates them."),
    "circles": QT_TRANSLATE_NOOP("Presets", "A ring around a disc (2 classes): no straight line separates them."),
    "xor": QT_TRANSLATE_NOOP("Presets", "Four quadrant clusters, opposite quadrants alike (2 classes, the XOR pattern)."),
    "spiral": QT_TRANSLATE_NOOP("Presets", "CS231n's spiral: one arm per class (2-10 classes)."),
    "iris": QT_TRANSLATE_NOOP(
        "Presets", "Fisher's Iris flowers, 150 real measurements in cm (3 species; petal length and width)."),
}
"""Every preset name with a one-line description, in menu order (English; marked for the app's
translations)."""

_DEFAULT_NOISE = {"blobs": 0.5, "separable": 0.6, "moons": 0.1, "circles": 0.1, "xor": 0.4, "spiral": 0.2}
_PLANE = 3.0  # the app's plane is [-3, 3]²


def make_preset(
    name: str,
    *,
    n_per_class: int = 30,
    n_classes: int = 3,
    noise: float | None = None,
    seed: int = 0,
    features: tuple[int, int] = (2, 3),
) -> Dataset:
    """Build the preset ``name`` (see PRESETS). Same seed → same points.

    n_classes is used by blobs, separable and spiral (2..10); the others have a
    fixed count. noise=None takes the preset's default (a std, or for spiral the
    angle jitter). cs231n and iris are fixed data and ignore n_per_class, noise
    and seed; iris uses ``features`` (two column indices into IRIS_FEATURES).
    """
    if name not in PRESETS:
        raise DatasetError(f"unknown preset {name!r}; valid names: {', '.join(PRESETS)}")
    if name == "cs231n":
        return _cs231n()
    if name == "iris":
        return _iris(features)
    n = _check_count(n_per_class, "n_per_class", 1, MAX_POINTS // MAX_CLASSES)
    noise = _DEFAULT_NOISE[name] if noise is None else noise
    if not (isinstance(noise, (int, float)) and math.isfinite(noise) and 0 <= noise <= _PLANE):
        raise DatasetError(f"noise must be a number from 0 to {_PLANE:g}, not {noise!r}")
    rng = np.random.default_rng(seed)
    if name in ("blobs", "separable", "spiral"):
        c = _check_count(n_classes, "n_classes", MIN_CLASSES, MAX_CLASSES)
        X, y = {"blobs": _blobs, "separable": _separable, "spiral": _spiral}[name](rng, n, c, noise)
    else:
        X, y = {"moons": _moons, "circles": _circles, "xor": _xor}[name](rng, n, noise)
        c = 2
    return Dataset(np.clip(X, -_PLANE, _PLANE), y, default_class_names(c), name=name)


def _check_count(v, what: str, lo: int, hi: int) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not lo <= v <= hi:
        raise DatasetError(f"{what} must be an integer from {lo} to {hi}, not {v!r}")
    return int(v)


def _circle_centres(c: int, radius: float) -> np.ndarray:
    """(C, 2) points evenly spaced on a circle, the first straight up."""
    a = np.pi / 2 + 2 * np.pi * np.arange(c) / c
    return radius * np.column_stack([np.cos(a), np.sin(a)])


def _labels(n: int, c: int) -> np.ndarray:
    """(n*c,) labels 0,0,…,1,1,…: n per class."""
    return np.repeat(np.arange(c, dtype=np.int64), n)


def _blobs(rng, n, c, noise):
    """Gaussian clouds of std ``noise`` around C centres on a circle of radius 2."""
    y = _labels(n, c)
    return _circle_centres(c, 2.0)[y] + rng.normal(0.0, noise, (n * c, 2)), y


def _separable(rng, n, c, noise):
    """Points uniform in discs around centres on a circle of radius R = 2.

    With w_k = centre_k and b = 0, a point within r of its centre scores at least
    R² − Rr for its class and at most R² cos θ + Rr for any other (θ the angle
    between neighbours), so r < R(1 − cos θ)/2 makes the set separable by
    construction; r is capped at 80% of that bound.
    """
    R = 2.0
    theta = 2 * np.pi / c
    r = min(noise, 0.8 * R * (1 - np.cos(theta)) / 2)
    y = _labels(n, c)
    rho = r * np.sqrt(rng.uniform(0, 1, n * c))
    a = rng.uniform(0, 2 * np.pi, n * c)
    return _circle_centres(c, R)[y] + np.column_stack([rho * np.cos(a), rho * np.sin(a)]), y


def _moons(rng, n, noise):
    """sklearn's make_moons (outer arc class 0, inner class 1), centred, scaled by 1.5."""
    t = rng.uniform(0, np.pi, 2 * n)
    outer = np.column_stack([np.cos(t[:n]), np.sin(t[:n])])
    inner = np.column_stack([1 - np.cos(t[n:]), 0.5 - np.sin(t[n:])])
    X = np.vstack([outer, inner]) + rng.normal(0.0, noise, (2 * n, 2)) - (0.5, 0.25)
    return 1.5 * X, _labels(n, 2)


def _circles(rng, n, noise):
    """Class 0 on a circle of radius 1, class 1 on radius 2, plus Gaussian noise."""
    y = _labels(n, 2)
    a = rng.uniform(0, 2 * np.pi, 2 * n)
    radius = np.where(y == 0, 1.0, 2.0)
    X = radius[:, None] * np.column_stack([np.cos(a), np.sin(a)])
    return X + rng.normal(0.0, noise, (2 * n, 2)), y


def _xor(rng, n, noise):
    """Clusters at (±1.5, ±1.5); class 1 where the signs of x and y differ."""
    centres = np.array([[1.5, 1.5], [-1.5, -1.5], [-1.5, 1.5], [1.5, -1.5]])  # class 0, 0, 1, 1
    per_cluster = [n - n // 2, n // 2, n - n // 2, n // 2]
    which = np.repeat(np.arange(4), per_cluster)
    X = centres[which] + rng.normal(0.0, noise, (2 * n, 2))
    return X, (which >= 2).astype(np.int64)


def _spiral(rng, n, c, noise):
    """CS231n's spiral: arm k has radius 0..1 and angle 4k..4(k+1) + N(0, noise); scaled by 2.5."""
    r = np.tile(np.linspace(0.0, 1.0, n), c)
    t = np.concatenate([np.linspace(4 * k, 4 * (k + 1), n) for k in range(c)])
    t = t + rng.normal(0.0, noise, n * c)
    return 2.5 * np.column_stack([r * np.sin(t), r * np.cos(t)]), _labels(n, c)


def _cs231n() -> Dataset:
    """The demo's nine points and its starting W (rows = classes) and b."""
    X = [[0.5, 0.4], [0.8, 0.3], [0.3, 0.8],
         [-0.4, 0.3], [-0.3, 0.7], [-0.7, 0.2],
         [0.7, -0.4], [0.5, -0.6], [-0.4, -0.5]]  # fmt: skip
    W0 = [[1.0, 2.0], [2.0, -4.0], [3.0, -1.0]]
    b0 = [0.0, 0.5, -0.5]
    return Dataset(X, _labels(3, 3), default_class_names(3), name="cs231n", W0=W0, b0=b0)


def _iris(features) -> Dataset:
    """Iris on two of its four measurements; class names are the species."""
    try:
        i, j = (int(f) for f in features)
    except (TypeError, ValueError):
        raise DatasetError(f"features must be two column indices, not {features!r}") from None
    if not (0 <= i < 4 and 0 <= j < 4 and i != j):
        raise DatasetError(f"features must be two different columns from 0 to 3 ({', '.join(IRIS_FEATURES)}), not {features!r}")
    table, y = _load_iris()
    return Dataset(table[:, [i, j]], y, IRIS_SPECIES, name="iris")


@lru_cache(maxsize=1)
def _load_iris() -> tuple[np.ndarray, np.ndarray]:
    """(150, 4) read-only measurements and (150,) species indices from assets/iris.csv."""
    path = asset_path("iris.csv")
    rows = list(csv.reader(read_text(path).splitlines()))
    if not rows or rows[0] != _IRIS_HEADER or len(rows) != 151:
        raise DatasetError(f"{path}: not the Iris table (expected a header and 150 rows)")
    try:
        table = np.array([[float(v) for v in row[:4]] for row in rows[1:]])
        y = np.array([IRIS_SPECIES.index(row[4]) for row in rows[1:]], dtype=np.int64)
    except (ValueError, IndexError) as e:
        raise DatasetError(f"{path}: damaged Iris table ({e})") from None
    return _frozen(table), _frozen(y)
