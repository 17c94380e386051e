"""2D labelled point sets: the immutable ``Dataset``, seeded presets, and file I/O.

Shapes: ``X`` is (N, 2) float64 — one row per point — ``y`` is (N,) int64 with
labels in [0, C), and ``class_names`` holds the C names (2 ≤ C ≤ 10). A dataset
may carry a starting point for the classifier: ``W0`` (C, 2) and ``b0`` (C,).

Files are CSV or JSON. CSV (header ``x,y,label`` optional, ``#`` comment lines
allowed; ``# linviz points: NAME`` and ``# classes:`` lines are read)::

    # classes: setosa,versicolor,virginica
    x,y,label
    1.4,0.2,0

A label is either a class index (0-based) or a class name; the first label of
the file decides which. Without a ``# classes:`` line, names are taken in order
of first appearance, and index labels give C = max(2, largest label + 1) with
default names. JSON::

    {"format": "linviz-points", "version": 1, "class_names": [...],
     "points": [[x, y, label], ...], "W0": [[.,.], ...], "b0": [...]}

``W0``/``b0`` are optional. Every fault raises ``DatasetError`` naming the CSV
line (1-based) or JSON point (``points[i]``, 0-based) and what is wrong.
Writes go through the one atomic writer (``atomic.py``): a failed write leaves the old file.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..resources import asset_path
from . import file_checks
from .atomic import write_atomic
from .text import QT_TRANSLATE_NOOP, Explained, Message, explained, reason

MIN_CLASSES = 2
MAX_CLASSES = 10
MAX_POINTS = 100_000
MAX_ABS_COORD = 1e6
MAX_FILE_BYTES = file_checks.MAX_FILE_BYTES
JSON_FORMAT = "linviz-points"
JSON_VERSION = 1
IRIS_FEATURES = ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)")
IRIS_SPECIES = ("setosa", "versicolor", "virginica")
_IRIS_HEADER = ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"]
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
        raise DatasetError(f"{len(names)} classes: a dataset needs {MIN_CLASSES} to {MAX_CLASSES} classes")
    for k, nm in enumerate(names):
        if not isinstance(nm, str) or not nm.strip():
            raise DatasetError(f"class {k}: a class name must be non-empty text, not {nm!r}")
        if nm != nm.strip() or any(c in nm for c in _FORBIDDEN_IN_NAMES):
            raise DatasetError(f"class {k}: name {nm!r} may not start/end with spaces or contain , \" or a newline")
    if len(set(names)) != len(names):
        dup = next(nm for nm in names if names.count(nm) > 1)
        raise DatasetError(f"class name {dup!r} is used twice; class names must be unique")
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
        raise DatasetError("W0 and b0 go together: give both or neither")
    try:
        W0, b0 = np.array(W0, dtype=np.float64), np.array(b0, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise DatasetError(f"W0/b0 must be numbers: {e}") from None
    if W0.shape != (n_classes, 2) or b0.shape != (n_classes,):
        raise DatasetError(f"W0 must be ({n_classes}, 2) and b0 ({n_classes},), not {W0.shape} and {b0.shape}")
    try:  # finite and within ±1e6: the step-0 loss of a run from them is finite
        file_checks.check_param(W0, "W0")
        file_checks.check_param(b0, "b0")
    except ValueError as e:
        raise DatasetError(str(e)) from None
    return _frozen(W0), _frozen(b0)


def _as_label(label) -> int:
    if isinstance(label, bool) or not isinstance(label, (int, np.integer)):
        raise DatasetError(f"a label must be an integer class index, not {label!r}")
    return int(label)


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
    rows = list(csv.reader(_read_text(path).splitlines()))
    if not rows or rows[0] != _IRIS_HEADER or len(rows) != 151:
        raise DatasetError(f"{path}: not the Iris table (expected a header and 150 rows)")
    try:
        table = np.array([[float(v) for v in row[:4]] for row in rows[1:]])
        y = np.array([IRIS_SPECIES.index(row[4]) for row in rows[1:]], dtype=np.int64)
    except (ValueError, IndexError) as e:
        raise DatasetError(f"{path}: damaged Iris table ({e})") from None
    return _frozen(table), _frozen(y)


# ----------------------------------------------------------------------------- CSV


def to_csv(ds: Dataset) -> str:
    """CSV text: ``# linviz points: NAME`` and ``# classes:`` comments, header x,y,label, a row per point.

    Coordinates use repr precision, so parse_csv(to_csv(ds)) gives the same floats.
    W0/b0 are not stored (use JSON for those).
    """
    lines = [f"# linviz points: {' '.join(ds.name.split())}", f"# classes: {','.join(ds.class_names)}", "x,y,label"]
    lines += [f"{float(x)!r},{float(y)!r},{int(k)}" for (x, y), k in zip(ds.X, ds.y)]
    return "\n".join(lines) + "\n"


def parse_csv(text: str, *, name: str = "custom") -> Dataset:
    """Dataset from CSV text (see the module doc). Errors name the 1-based line."""
    text = _not_empty(text)
    names, name, rows = _csv_rows(text, name)
    coords = np.array([[_csv_number(s, ln, axis) for s, axis in ((xs, "x"), (ys, "y"))] for ln, xs, ys, _ in rows])
    labels = [(ln, lab) for ln, _, _, lab in rows]
    if labels and _is_number(labels[0][1]):
        y, names = _index_labels(labels, names)
    else:
        y, names = _name_labels(labels, names)
    return Dataset(coords, y, names, name=name)


def _not_empty(text: str) -> str:
    """The text without a byte-order mark; DatasetError if there is nothing in it."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise explained(DatasetError, "file_empty")
    return text


def _csv_rows(text: str, name: str):
    """(class names from ``# classes:`` or None, dataset name, [(line, x, y, label) strings])."""
    names, rows, header_allowed = None, [], True
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # lines as editors number them
    for ln, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            key, _, value = stripped[1:].partition(":")
            if key.strip() == "classes":
                if names is not None:
                    raise DatasetError(f"line {ln}: a second '# classes:' line")
                names = _csv_class_names(value, ln)
            elif key.strip() == "linviz points" and value.strip():
                name = value.strip()
            continue
        try:
            file_checks.check_line_length(stripped, ln)  # a 10 MB field is refused before csv reads it
            fields = [f.strip() for f in next(csv.reader([stripped]))]
        except (ValueError, csv.Error) as e:
            raise DatasetError(str(e) if isinstance(e, ValueError) else f"line {ln}: {e}") from None
        if len(fields) != 3:
            hint = " (separate columns with commas)" if len(fields) == 1 and ";" in stripped else ""
            if not hint:
                raise explained(DatasetError, "file_columns", ln, len(fields))
            raise DatasetError(f"line {ln}: wrong number of columns: {len(fields)} found, 3 expected (x,y,label){hint}")
        if header_allowed and not _is_number(fields[0]) and not _is_number(fields[1]):
            header_allowed = False  # a header such as x,y,label
            continue
        header_allowed = False
        if len(rows) == MAX_POINTS:
            raise DatasetError(f"line {ln}: too many points: the limit is {MAX_POINTS:,}")
        rows.append((ln, *fields))
    if header_allowed:
        raise DatasetError("line 1: the file has only comments: no header and no points")
    return names, name, rows


def _csv_class_names(value: str, ln: int) -> tuple[str, ...]:
    names = tuple(nm.strip() for nm in value.split(","))
    try:
        return _check_class_names(names)
    except DatasetError as e:
        raise DatasetError(f"line {ln}: bad '# classes:' line: {e}") from None


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def _csv_number(s: str, ln: int, axis: str) -> float:
    try:
        v = float(s)
    except ValueError:
        raise explained(DatasetError, "file_not_number", ln, axis, repr(s)) from None
    return _check_coord(v, f"line {ln}", axis)


def _check_coord(v: float, where: str, axis: str) -> float:
    if not math.isfinite(v):
        raise DatasetError(f"{where}: {axis} is {v}; coordinates must be finite numbers")
    if abs(v) > MAX_ABS_COORD:
        raise DatasetError(f"{where}: {axis} = {v:g} is too large; coordinates must lie within ±{MAX_ABS_COORD:g}")
    return v


def _index_labels(labels, names):
    """Integer class indices → (y, names); C from names, else max(2, largest + 1)."""
    y = []
    limit = MAX_CLASSES if names is None else len(names)
    for ln, s in labels:
        if not _is_number(s):
            raise DatasetError(f"line {ln}: label {s!r} is text, but the file's labels are class numbers")
        v = float(s)
        if not v.is_integer():
            raise DatasetError(f"line {ln}: label {s} is not an integer class index")
        if v < 0:
            raise DatasetError(f"line {ln}: label {s} is negative; class indices start at 0")
        if v >= limit:
            what = "more than 10 classes" if names is None else f"{len(names)} classes are named"
            raise DatasetError(f"line {ln}: label {s} is out of range: {what} (labels 0..{limit - 1})")
        y.append(int(v))
    if names is None:
        names = default_class_names(max(MIN_CLASSES, max(y, default=-1) + 1))
    return np.array(y, dtype=np.int64), names


def _name_labels(labels, names):
    """Class-name labels → (y, names); without names given, classes in order of first appearance."""
    given = names is not None
    order = {nm: k for k, nm in enumerate(names or ())}
    y = []
    for ln, s in labels:
        if _is_number(s):
            raise DatasetError(f"line {ln}: label {s} is a number, but the file's labels are class names")
        if s not in order:
            if given:
                raise DatasetError(f"line {ln}: unknown class {s!r}; the '# classes:' line names {', '.join(names)}")
            if len(order) == MAX_CLASSES:
                raise DatasetError(f"line {ln}: class {s!r} would be the 11th: more than 10 classes")
            _check_name_at(s, ln)
            order[s] = len(order)
        y.append(order[s])
    names = tuple(order)
    if len(names) < MIN_CLASSES:
        names += tuple(nm for nm in default_class_names(MAX_CLASSES) if nm not in names)[: MIN_CLASSES - len(names)]
    return np.array(y, dtype=np.int64), names


def _check_name_at(s: str, ln: int) -> None:
    if not s or any(c in s for c in _FORBIDDEN_IN_NAMES):
        raise DatasetError(f"line {ln}: class name {s!r} must be non-empty with no comma, quote or newline")


# ----------------------------------------------------------------------------- JSON


def to_json(ds: Dataset) -> str:
    """JSON text in the linviz-points format, version 1 (floats round-trip exactly)."""
    doc = {"format": JSON_FORMAT, "version": JSON_VERSION, "name": ds.name, "class_names": list(ds.class_names)}
    if ds.W0 is not None:
        doc["W0"], doc["b0"] = ds.W0.tolist(), ds.b0.tolist()
    points = ",\n  ".join(json.dumps([float(x), float(y), int(k)]) for (x, y), k in zip(ds.X, ds.y))
    points = f"[\n  {points}\n ]" if points else "[]"
    head = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in doc.items())
    return f'{{\n{head},\n "points": {points}\n}}\n'


def parse_json(text: str, *, name: str = "custom") -> Dataset:
    """Dataset from linviz-points JSON text. Errors name ``points[i]`` or the parser's line/column."""
    doc = load_json(_not_empty(text))
    _check_json_header(doc)
    points = doc.get("points")
    if not isinstance(points, list):
        raise DatasetError("'points' must be a list of [x, y, label]")
    if len(points) > MAX_POINTS:
        raise DatasetError(f"points[{MAX_POINTS}]: too many points ({len(points):,}): the limit is {MAX_POINTS:,}")
    names = doc.get("class_names")
    if names is not None:
        if not isinstance(names, list):
            raise DatasetError("'class_names' must be a list of names")
        names = _check_class_names(names)
    X, y = _json_points(points, names)
    if names is None:
        names = default_class_names(max(MIN_CLASSES, int(y.max(initial=-1)) + 1))
    name = doc.get("name", name)
    return Dataset(X, y, names, name=name if isinstance(name, str) else "custom", W0=doc.get("W0"), b0=doc.get("b0"))


def load_json(text: str):
    """json.loads with the nesting depth capped first (file_checks.MAX_JSON_DEPTH); DatasetError on a fault."""
    try:
        file_checks.check_json_depth(text)
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise explained(DatasetError, "file_json", e.lineno, e.colno, e.msg) from None
    except RecursionError:  # not reached after the depth check; kept so that no traceback can escape
        raise DatasetError(f"lists and objects nested too deep (at most {file_checks.MAX_JSON_DEPTH})") from None
    except ValueError as e:
        raise DatasetError(str(e)) from None


def _check_json_header(doc) -> None:
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        raise DatasetError(f"not a linviz points file: expected an object with \"format\": \"{JSON_FORMAT}\"")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DatasetError(f"'version' must be a positive integer, not {version!r}")
    if version > JSON_VERSION:
        raise DatasetError(f"file version {version} was written by a newer linviz; this one reads version {JSON_VERSION}")


def _json_points(points: list, names) -> tuple[np.ndarray, np.ndarray]:
    """(N, 2) coordinates and (N,) labels from [[x, y, label], ...], each checked."""
    limit = MAX_CLASSES if names is None else len(names)
    X, y = np.empty((len(points), 2)), np.empty(len(points), dtype=np.int64)
    for i, p in enumerate(points):
        where = f"points[{i}]"
        if not isinstance(p, list) or len(p) != 3:
            n = len(p) if isinstance(p, list) else "not a list"
            raise DatasetError(f"{where}: wrong number of columns ({n}); each point is [x, y, label]")
        for axis, v in zip("xy", p[:2]):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise DatasetError(f"{where}: text where a number belongs: {axis} = {v!r}")
            _check_coord(float(v), where, axis)
        lab = p[2]
        if isinstance(lab, bool) or not isinstance(lab, int):
            raise DatasetError(f"{where}: label {lab!r} is not an integer class index")
        if lab < 0:
            raise DatasetError(f"{where}: label {lab} is negative; class indices start at 0")
        if lab >= limit:
            what = "more than 10 classes" if names is None else f"{len(names)} classes are named"
            raise DatasetError(f"{where}: label {lab} is out of range: {what} (labels 0..{limit - 1})")
        X[i], y[i] = p[:2], lab
    return X, y


# ----------------------------------------------------------------------------- files


def read_points(path) -> Dataset:
    """Dataset from a .csv or .json file; the name defaults to the file's stem.
    Errors start with the file name."""
    path = Path(path)
    parse = _parser_for(path)
    text = _read_text(path)
    try:
        return parse(text, name=path.stem)
    except DatasetError as e:
        raise DatasetError(Message("in_file", (path.name, reason(e)), "error")) from None


def write_points(ds: Dataset, path) -> None:
    """Write ds as .csv or .json, atomically: a failed write leaves the old file intact."""
    path = Path(path)
    text = to_csv(ds) if _parser_for(path) is parse_csv else to_json(ds)
    write_file(path, text.encode("utf-8"))


def write_file(path, data: bytes) -> None:
    """Write ``data`` through the one atomic writer (:mod:`linviz.engine.atomic`); DatasetError
    naming the path if it cannot be written."""
    try:
        write_atomic(path, data)
    except OSError as e:
        raise explained(DatasetError, "cannot_write", str(path), e.strerror or str(e)) from None


def _parser_for(path: Path):
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise DatasetError(f"{path.name}: unsupported file type {suffix or '(none)'!r}; use .csv or .json")
    return parse_csv if suffix == ".csv" else parse_json


def _read_text(path: Path) -> str:
    """The file's UTF-8 text; DatasetError naming the path if missing, unreadable, not a regular
    file, huge or not UTF-8. Read by bounded streaming: st_size is never trusted."""
    try:
        data = file_checks.read_bounded(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise explained(DatasetError, "file_not_found", path) from None
    except ValueError as e:
        raise DatasetError(str(e)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise DatasetError(f"{path}: line {line}: not UTF-8 text (byte 0x{data[e.start]:02x})") from None
