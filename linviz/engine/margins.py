"""Losses as functions of the margin: why the SVM and Softmax differ by their loss alone.

The margin of an example is m_i = s_{y_i} − max_{j≠y_i} s_j: positive when it is classified
right, the larger the safer. With two classes every per-example loss is a function of m alone
(scores (s_0, s_1), y = 1, m = s_1 − s_0):

- 0–1 loss:       𝟙[m ≤ 0]                   (what accuracy counts; no gradient to follow)
- hinge:          max(0, Δ − m)               (the SVM: 0 once the margin reaches Δ)
- squared hinge:  max(0, Δ − m)²
- cross-entropy:  log(1 + e^{−m})             (Softmax: never exactly 0)
- least squares:  ½((1 − s_1)² + s_0²) with s_0 = −m/2, s_1 = m/2 → ½((1 − m/2)² + m²/4)
                   (one-hot targets: it grows again for large m — a point far on its own side
                   is punished)

With more classes the curves are those of the nearest rival (for the hinge, the largest term).
``margins(scores, y)`` gives every point's m_i, so each point can be drawn as a dot on the curve.
"""

from __future__ import annotations

import numpy as np

LOSSES = ("zero_one", "hinge", "squared_hinge", "cross_entropy", "least_squares")


def margins(scores: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(N,) margins s_y − max_{j≠y} s_j of (N, C) scores (C ≥ 2)."""
    scores = np.asarray(scores, float)
    y = np.asarray(y, np.int64)
    if scores.ndim != 2 or scores.shape[1] < 2:
        raise ValueError(f"need (N, C ≥ 2) scores; got shape {scores.shape}")
    n = np.arange(len(y))
    right = scores[n, y]
    rivals = scores.copy()
    rivals[n, y] = -np.inf
    return right - rivals.max(axis=1)


def loss_of_margin(kind: str, m, delta: float = 1.0) -> np.ndarray:
    """The per-example loss ``kind`` at margins ``m`` (any shape), as the two-class case gives it."""
    m = np.asarray(m, float)
    if kind == "zero_one":
        return (m <= 0).astype(float)
    if kind == "hinge":
        return np.maximum(0.0, delta - m)
    if kind == "squared_hinge":
        return np.maximum(0.0, delta - m) ** 2
    if kind == "cross_entropy":
        return np.logaddexp(0.0, -m)
    if kind == "least_squares":
        return 0.5 * ((1 - m / 2) ** 2 + (m / 2) ** 2)
    raise ValueError(f"unknown loss {kind!r}; choose one of {', '.join(LOSSES)}")


__all__ = ["LOSSES", "margins", "loss_of_margin"]
