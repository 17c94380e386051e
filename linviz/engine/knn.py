"""k-nearest neighbours, for the 2D plane and for CIFAR-10 alike.

Distances are computed a block of query rows at a time, so 10,000 queries
against 50,000 training images never materialise a 10,000 × 50,000 matrix:
each block is sized to stay within ``MEMORY_BUDGET`` bytes (its distances plus
the int64 indices that ``argpartition`` makes), and only the k best of each row
are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .text import QT_TRANSLATE_NOOP

METRICS = ("l1", "l2")
MEMORY_BUDGET = 64 * 2**20  # bytes for one block of distances (+ its argpartition): 110 rows of 49,000
MAX_CHUNK_ROWS = 1024
L1_PIECE_BYTES = 4 * 2**20  # an L1 difference piece small enough to stay in cache (3× faster than 48 MB)


T_BAD_K = QT_TRANSLATE_NOOP("Message", "k must be an integer ≥ 1; got {0}")
T_BAD_METRIC = QT_TRANSLATE_NOOP("Message", "metric must be one of {0}; got {1}")
"""KnnSettings' faults (a lesson file's ``settings.knn``), marked so that the app shows them translated."""


@dataclass(frozen=True)
class KnnSettings:
    """k and the distance of the k-nearest-neighbour model: the one definition the app's
    controls, lesson files and the command line (``--k``, ``--metric``) share."""

    k: int = 3
    metric: str = "l2"

    def __post_init__(self):
        if isinstance(self.k, bool) or not isinstance(self.k, (int, np.integer)) or self.k < 1:
            raise ValueError(T_BAD_K.format(repr(self.k)))
        if self.metric not in METRICS:
            raise ValueError(T_BAD_METRIC.format(", ".join(METRICS), repr(self.metric)))


def _as_float(X) -> np.ndarray:
    """float32 stays float32 (fast BLAS, half the memory); anything else → float64."""
    X = np.asarray(X)
    return X if X.dtype in (np.float32, np.float64) else X.astype(np.float64)


def _check_pair(A, B) -> tuple[np.ndarray, np.ndarray]:
    A, B = _as_float(A), _as_float(B)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError(f"need (M, D) and (N, D) arrays; got shapes {A.shape} and {B.shape}")
    dtype = np.result_type(A, B)
    return A.astype(dtype, copy=False), B.astype(dtype, copy=False)


def _auto_rows(n_cols: int, bytes_per_value: int) -> int:
    return int(np.clip(MEMORY_BUDGET // max(1, n_cols * bytes_per_value), 1, MAX_CHUNK_ROWS))


def _sq_l2_block(A: np.ndarray, B: np.ndarray, B_sq: np.ndarray) -> np.ndarray:
    """‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b for every pair: (r, D), (N, D) → (r, N), clipped at 0.

    Rounding can make the expansion slightly negative for (near) duplicates,
    hence the clip; in float32 it is accurate to about 1e-7·(‖a‖² + ‖b‖²).
    """
    d = A @ B.T
    d *= -2
    d += np.einsum("ij,ij->i", A, A)[:, None]
    d += B_sq[None, :]
    return np.maximum(d, 0, out=d)


def _l1_block(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Σ_j |a_j − b_j| for every pair: (r, D), (N, D) → (r, N).

    Broadcasts (rows, cols, D) differences in pieces of at most ``L1_PIECE_BYTES``.
    """
    r, dim = A.shape
    out = np.empty((r, len(B)), dtype=A.dtype)
    cols = max(1, min(len(B), L1_PIECE_BYTES // (dim * A.itemsize)))
    rows = max(1, L1_PIECE_BYTES // (cols * dim * A.itemsize))
    for j in range(0, len(B), cols):
        for i in range(0, r, rows):
            diff = A[i : i + rows, None, :] - B[None, j : j + cols, :]
            out[i : i + rows, j : j + cols] = np.abs(diff, out=diff).sum(axis=-1)
    return out


def pairwise_sq_l2(A, B, chunk_rows: int | None = None) -> np.ndarray:
    """Squared Euclidean distances, (M, D) × (N, D) → (M, N), computed ``chunk_rows`` rows at a time."""
    A, B = _check_pair(A, B)
    B_sq = np.einsum("ij,ij->i", B, B)
    rows = chunk_rows or _auto_rows(len(B), A.itemsize)
    out = np.empty((len(A), len(B)), dtype=A.dtype)
    for i in range(0, len(A), rows):
        out[i : i + rows] = _sq_l2_block(A[i : i + rows], B, B_sq)
    return out


def pairwise_l1(A, B, chunk_rows: int | None = None) -> np.ndarray:
    """Manhattan distances, (M, D) × (N, D) → (M, N), computed ``chunk_rows`` rows at a time."""
    A, B = _check_pair(A, B)
    rows = chunk_rows or _auto_rows(len(B), A.itemsize)
    out = np.empty((len(A), len(B)), dtype=A.dtype)
    for i in range(0, len(A), rows):
        out[i : i + rows] = _l1_block(A[i : i + rows], B)
    return out


class KNearestNeighbors:
    """k-NN classifier: a query takes the majority label of its k nearest training points.

    ``metric`` is "l2" (Euclidean) or "l1" (Manhattan). ``fit`` only stores the
    data, without copying it (float32 stays float32, anything else becomes
    float64; queries are cast to the same dtype).

    **Tie rule** (``predict``): when two or more classes share the top vote count,
    the winner is the tied class whose nearest member among the k neighbours is
    closest to the query. The k neighbours are ordered by distance, then by
    training index, so the result is deterministic (only which of several points
    at exactly the k-th distance gets in is unspecified). With k = 1 there are no
    ties; with k = 2 a tie goes to the single nearest neighbour. This is *not*
    the same as "drop the farthest neighbour until the tie breaks": with
    neighbours A B B A C (nearest first) our rule picks A, while dropping C, then
    A, would pick B. ``predict_with_ties`` also reports which queries had a tie,
    so the 2D view can draw those regions neutral.
    """

    def __init__(self, k: int = 1, metric: str = "l2"):
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
            raise ValueError(f"k must be an integer ≥ 1; got {k!r}")
        if metric not in METRICS:
            raise ValueError(f"metric must be one of {', '.join(METRICS)}; got {metric!r}")
        self.k, self.metric = int(k), metric
        self.X = self.y = self._X_sq = None
        self.n_classes = 0

    def fit(self, X, y, n_classes: int | None = None) -> KNearestNeighbors:
        """Store X (N, D) and integer labels y (N,) in [0, n_classes); n_classes defaults to max(y) + 1."""
        X, y = _as_float(X), np.asarray(y)
        if X.ndim != 2 or len(X) == 0:
            raise ValueError(f"the training set must be a non-empty (N, D) array; got shape {X.shape}")
        if y.shape != (len(X),) or not np.issubdtype(y.dtype, np.integer):
            raise ValueError(f"y must hold {len(X)} integer labels; got {y.dtype} array of shape {y.shape}")
        c = int(y.max()) + 1 if n_classes is None else int(n_classes)
        if y.min() < 0 or y.max() >= c:
            raise ValueError(f"labels must be in [0, {c}); got {y.min()}..{y.max()}")
        self._check_k(len(X))
        self.X, self.y, self.n_classes = X, y.astype(np.int64), c
        self._X_sq = np.einsum("ij,ij->i", X, X) if self.metric == "l2" else None
        return self

    def _check_k(self, n: int) -> None:
        if self.k < 1:
            raise ValueError(f"k must be an integer ≥ 1; got {self.k!r}")
        if self.k > n:
            raise ValueError(f"k = {self.k} is more than the {n} training point(s); choose k ≤ {n}")

    def kneighbors(self, Xq, chunk: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The k nearest training points of each query: (dist (M, k), idx (M, k)), nearest first.

        ``dist`` is the metric's distance (for l2 the square root of ‖a − b‖²).
        Queries go ``chunk`` rows at a time (default: as many as fit MEMORY_BUDGET, 64 MB,
        at most 1024); each block keeps only its k best via argpartition.
        """
        if self.X is None:
            raise RuntimeError("call fit() before querying")
        self._check_k(len(self.X))
        Xq = np.asarray(Xq)
        if Xq.ndim != 2 or Xq.shape[1] != self.X.shape[1]:
            raise ValueError(f"queries must be (M, {self.X.shape[1]}); got shape {Xq.shape}")
        Xq = Xq.astype(self.X.dtype, copy=False)
        rows = chunk or _auto_rows(len(self.X), self.X.itemsize + 8)
        k = self.k
        dist = np.empty((len(Xq), k), dtype=self.X.dtype)
        idx = np.empty((len(Xq), k), dtype=np.int64)
        for i in range(0, len(Xq), rows):
            q = Xq[i : i + rows]
            d = _sq_l2_block(q, self.X, self._X_sq) if self.metric == "l2" else _l1_block(q, self.X)
            if k == 1:  # the nearest, first index on ties; no (r, N) int64 array from argpartition
                best = d.argmin(axis=1)[:, None]
            else:
                best = np.argpartition(d, k - 1, axis=1)[:, :k]  # the k smallest, unordered
            best_d = np.take_along_axis(d, best, axis=1)
            order = np.lexsort((best, best_d), axis=1)  # by distance, then training index
            idx[i : i + rows] = np.take_along_axis(best, order, axis=1)
            dist[i : i + rows] = np.take_along_axis(best_d, order, axis=1)
        if self.metric == "l2":
            np.sqrt(dist, out=dist)
        return dist, idx

    def _votes(self, idx: np.ndarray) -> np.ndarray:
        m = len(idx)
        flat = (np.arange(m)[:, None] * self.n_classes + self.y[idx]).ravel()
        return np.bincount(flat, minlength=m * self.n_classes).reshape(m, self.n_classes)

    def vote_counts(self, Xq) -> np.ndarray:
        """How many of each query's k neighbours are in each class: int64 (M, C), rows sum to k."""
        return self._votes(self.kneighbors(Xq)[1])

    def predict_with_ties(self, Xq) -> tuple[np.ndarray, np.ndarray]:
        """(labels int64 (M,), is_tie bool (M,)): is_tie where ≥ 2 classes share the top vote."""
        idx = self.kneighbors(Xq)[1]
        counts = self._votes(idx)
        tied = counts == counts.max(axis=1, keepdims=True)  # (M, C) the top classes
        is_tie = tied.sum(axis=1) > 1
        labels = self.y[idx]  # (M, k) nearest first
        first_top = np.argmax(np.take_along_axis(tied, labels, axis=1), axis=1)
        return labels[np.arange(len(idx)), first_top], is_tie

    def predict(self, Xq) -> np.ndarray:
        """Majority label of the k nearest neighbours, ties broken by the class docstring's rule."""
        return self.predict_with_ties(Xq)[0]
