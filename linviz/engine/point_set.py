"""The immutable ``Dataset``: 2D labelled points and the checks every point set passes.

Shapes: ``X`` is (N, 2) float64 — one row per point — ``y`` is (N,) int64 with labels in
[0, C), and ``class_names`` holds the C names (2 ≤ C ≤ 10). A dataset may carry a starting
point for the classifier: ``W0`` (C, 2) and ``b0`` (C,).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import file_checks
from .text import Explained, explained, reason

MIN_CLASSES = 2
MAX_CLASSES = 10
MAX_POINTS = 100_000
MAX_ABS_COORD = 1e6
_FORBIDDEN_IN_NAMES = (",", "\n", "\r", '"')


class DatasetError(Explained, ValueError):
    """A dataset, preset request or points file that cannot be used; the message says why
    (``.message``: a coded Message where the fault has a code; see ``engine/text.py``)."""


CLASS_NAME = "class {0}"
"""How a default class name reads (a constant: the app puts the names of the teacher's language
in place of these when it shows a data set; see ``linviz.ui.models.DatasetModel``)."""


def default_class_names(n_classes: int, template: str = CLASS_NAME) -> tuple[str, ...]:
    """("class 1", "class 2", …) — C names, 1-based as a teacher would say them (``template``
    with ``{0}``: another language's)."""
    return tuple(template.format(k + 1) for k in range(n_classes))


# ----------------------------------------------------------------------------- Dataset


@dataclass(frozen=True)
class Dataset:
    """2D labelled points. X: (N, 2) float64, y: (N,) int64 in [0, C), class_names: C names.
    W0 (C, 2) and b0 (C,) are an optional starting point (the CS231n demo carries one).

    The arrays are private read-only copies; the ``with_*``/``without_*`` helpers
    return new datasets. Equality compares the values (arrays exactly).
    """

    X: np.ndarray
    y: np.ndarray
    class_names: tuple[str, ...]
    name: str = "custom"
    W0: np.ndarray | None = None
    b0: np.ndarray | None = None

    def __post_init__(self):
        names = _check_class_names(self.class_names)
        X = _check_X(self.X)
        y = _check_y(self.y, len(X), len(names))
        W0, b0 = _check_start(self.W0, self.b0, len(names))
        for field, value in (("X", X), ("y", y), ("class_names", names), ("W0", W0), ("b0", b0)):
            object.__setattr__(self, field, value)
        if not isinstance(self.name, str):
            raise DatasetError(f"the dataset name must be text, not {type(self.name).__name__}")

    @property
    def n_classes(self) -> int:
        """C, the number of classes (named, whether or not any point has them)."""
        return len(self.class_names)

    def __len__(self) -> int:
        return len(self.X)

    def __eq__(self, other):
        if not isinstance(other, Dataset):
            return NotImplemented
        return (
            self.name == other.name
            and self.class_names == other.class_names
            and np.array_equal(self.X, other.X)
            and np.array_equal(self.y, other.y)
            and _same_optional(self.W0, other.W0)
            and _same_optional(self.b0, other.b0)
        )

    def __hash__(self):
        return hash((self.name, self.class_names, len(self.X)))

    def _replace(self, **changes) -> Dataset:
        fields = dict(X=self.X, y=self.y, class_names=self.class_names, name=self.name, W0=self.W0, b0=self.b0)
        fields.update(changes)
        return Dataset(**fields)

    def with_point(self, x: float, y: float, label: int) -> Dataset:
        """A new dataset with the point (x, y) of class ``label`` appended (index N)."""
        X = np.vstack([self.X, np.array([[x, y]], dtype=np.float64)])
        return self._replace(X=X, y=np.append(self.y, _as_label(label)))

    def without_point(self, i: int) -> Dataset:
        """A new dataset without point ``i`` (negative indices count from the end)."""
        i = self._index(i)
        return self._replace(X=np.delete(self.X, i, axis=0), y=np.delete(self.y, i))

    def with_moved_point(self, i: int, x: float, y: float) -> Dataset:
        """A new dataset where point ``i`` sits at (x, y), keeping its label."""
        X = self.X.copy()
        X[self._index(i)] = (x, y)
        return self._replace(X=X)

    def with_class_names(self, names) -> Dataset:
        """A new dataset with these class names. Their count may change C as long as every
        label stays in range; W0/b0 are dropped when C changes (their shapes no longer fit)."""
        names = tuple(names)
        if len(names) == self.n_classes:
            return self._replace(class_names=names)
        return self._replace(class_names=names, W0=None, b0=None)

    def _index(self, i: int) -> int:
        n = len(self.X)
        if not isinstance(i, (int, np.integer)) or isinstance(i, bool) or not -n <= i < n:
            raise IndexError(f"point index {i!r} out of range for {n} points")
        return int(i) % n


def _same_optional(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and np.array_equal(a, b))


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


def _check_class_names(names) -> tuple[str, ...]:
    """Validated tuple of 2..10 unique, non-empty names with no comma, quote or newline."""
    if isinstance(names, str):
        raise DatasetError("class_names must be a sequence of names, not one string")
    names = tuple(names)
    if not MIN_CLASSES <= len(names) <= MAX_CLASSES:
        raise explained(DatasetError, "class_count", len(names), MIN_CLASSES, MAX_CLASSES)
    for k, nm in enumerate(names):
        if not isinstance(nm, str) or not nm.strip():
            raise explained(DatasetError, "class_name_empty", k, repr(nm))
        if nm != nm.strip() or any(c in nm for c in _FORBIDDEN_IN_NAMES):
            raise explained(DatasetError, "class_name_chars", k, repr(nm))
    if len(set(names)) != len(names):
        dup = next(nm for nm in names if names.count(nm) > 1)
        raise explained(DatasetError, "class_name_twice", repr(dup))
    return names


def _check_X(X) -> np.ndarray:
    """(N, 2) float64 read-only copy; finite, |coord| ≤ 1e6, N ≤ 100,000."""
    try:
        X = np.array(X, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise DatasetError(f"X must be numbers: {e}") from None
    if X.size == 0:
        X = X.reshape(0, 2)
    if X.ndim != 2 or X.shape[1] != 2:
        raise DatasetError(f"X must have shape (N, 2), not {X.shape}")
    if len(X) > MAX_POINTS:
        raise DatasetError(f"{len(X):,} points: the limit is {MAX_POINTS:,}")
    bad = np.flatnonzero(~np.isfinite(X).all(axis=1) | (np.abs(X) > MAX_ABS_COORD).any(axis=1))
    if bad.size:
        raise DatasetError(f"point {bad[0]}: coordinates {tuple(X[bad[0]])} must be finite with |value| ≤ {MAX_ABS_COORD:g}")
    return _frozen(X)


def _check_y(y, n: int, n_classes: int) -> np.ndarray:
    """(N,) int64 read-only copy of integer labels in [0, C)."""
    y = np.asarray(y)
    if y.size == 0:
        y = y.reshape(0).astype(np.int64)
    if y.dtype.kind not in "iu":
        raise DatasetError(f"labels must be integers, not {y.dtype}")
    if y.shape != (n,):
        raise DatasetError(f"y must have shape ({n},) to match X, not {y.shape}")
    bad = np.flatnonzero((y < 0) | (y >= n_classes))
    if bad.size:
        raise DatasetError(f"point {bad[0]}: label {y[bad[0]]} is out of range for {n_classes} classes (0..{n_classes - 1})")
    return _frozen(y.astype(np.int64))


def _check_start(W0, b0, n_classes: int):
    """Read-only (W0 (C, 2), b0 (C,)) or (None, None); both or neither must be given."""
    if W0 is None and b0 is None:
        return None, None
    if W0 is None or b0 is None:
        raise explained(DatasetError, "start_pair")
    try:
        W0, b0 = np.array(W0, dtype=np.float64), np.array(b0, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise explained(DatasetError, "start_not_numbers", str(e)) from None
    if W0.shape != (n_classes, 2) or b0.shape != (n_classes,):
        raise explained(DatasetError, "start_shape", n_classes, W0.shape, b0.shape)
    try:  # finite and within ±1e6: the step-0 loss of a run from them is finite
        file_checks.check_param(W0, "W0")
        file_checks.check_param(b0, "b0")
    except ValueError as e:
        raise DatasetError(reason(e)) from None
    return _frozen(W0), _frozen(b0)


def _as_label(label) -> int:
    if isinstance(label, bool) or not isinstance(label, (int, np.integer)):
        raise DatasetError(f"a label must be an integer class index, not {label!r}")
    return int(label)
