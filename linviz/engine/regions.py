"""Decision regions on a grid of the plane: the winning class and how sure it is.

Arrays are laid out class-first, (C, P) over P grid cells, so that the max
and arg max over the few classes run as C elementwise operations on long
contiguous rows (NumPy reduces a short last axis slowly).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .features import FeatureMap

CONFIDENCES = ("probability", "gap")


@dataclass(frozen=True)
class Grid:
    """A res_y × res_x grid over [x0, x1] × [y0, y1]; cell centres in ``points`` (P, 2),
    rows bottom to top (the image's first row is y0). ``phi_t`` caches φ(points)ᵀ (D, P)."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]
    shape: tuple[int, int]
    points: np.ndarray
    phi_t: np.ndarray

    @cached_property
    def phi_bound(self) -> float:
        """max |φ(x)| over the grid (bounds the scores; asked every frame)."""
        return float(np.abs(self.phi_t).max()) if self.phi_t.size else 0.0

    @classmethod
    def make(cls, x_range, y_range, res_x: int, res_y: int | None = None, features: FeatureMap | None = None):
        res_y = res_y or res_x
        (x0, x1), (y0, y1) = x_range, y_range
        dx, dy = (x1 - x0) / res_x, (y1 - y0) / res_y
        gx, gy = np.meshgrid(x0 + dx * (np.arange(res_x) + 0.5), y0 + dy * (np.arange(res_y) + 0.5))
        pts = np.column_stack([gx.ravel(), gy.ravel()])
        phi = (features or FeatureMap()).transform(pts)
        return cls((x0, x1), (y0, y1), (res_y, res_x), pts, np.ascontiguousarray(phi.T, dtype=np.float32))


@dataclass(frozen=True)
class Regions:
    """winner (res_y, res_x) int8 class index (−1 for a tie), confidence in [0, 1]."""

    winner: np.ndarray
    confidence: np.ndarray


def linear_regions(W: np.ndarray, b: np.ndarray, grid: Grid, confidence: str = "probability") -> Regions:
    """Regions of s = W φ(x) + b. confidence: "probability" — the softmax probability
    of the winner, rescaled from [1/C, 1] to [0, 1]; "gap" — 1 − e^{−(s_top − s_second)}."""
    W, b = _fit_float32(np.asarray(W, float), np.asarray(b, float), grid)
    scores = W @ grid.phi_t  # (C, P)
    scores += b[:, None]
    top, winner, second = _top_two(scores, second=confidence == "gap")
    c = len(W)
    if confidence == "gap":
        conf = 1.0 - np.exp(second - top)
    else:
        np.subtract(scores, top, out=scores)
        np.exp(scores, out=scores)
        total = scores.sum(axis=0)
        conf = (1.0 / total - 1.0 / c) * (c / (c - 1.0))
    return Regions(winner.reshape(grid.shape), conf.reshape(grid.shape).astype(np.float32))


def _fit_float32(W: np.ndarray, b: np.ndarray, grid: Grid, limit: float = 1e30):
    """W, b as float32, scaled down together when the scores could overflow float32
    (a diverging run). A positive scale keeps every winner; at such magnitudes every
    confidence is already 1 away from the boundaries."""
    bound = np.abs(W).sum(axis=1).max() * grid.phi_bound + np.abs(b).max()
    if np.isfinite(bound) and bound > limit:
        W, b = W * (limit / bound), b * (limit / bound)
    return W.astype(np.float32), b.astype(np.float32)


def _top_two(scores: np.ndarray, second: bool = True):
    """Row-wise (over classes) largest value, its index (int8), and the second largest
    (None unless ``second``: the probability shading does not need it)."""
    top = scores[0].copy()
    winner = np.zeros(scores.shape[1], np.int8)
    runner_up = np.full_like(top, -np.inf) if second else None
    for j in range(1, len(scores)):
        s = scores[j]
        better = s > top
        if second:
            np.maximum(runner_up, np.where(better, top, s), out=runner_up)
        np.maximum(top, s, out=top)
        np.copyto(winner, j, where=better)  # a masked copy: boolean indexing is ~3× slower here
    return top, winner, runner_up


def vote_regions(counts: np.ndarray, shape: tuple[int, int]) -> Regions:
    """Regions of a vote (kNN): counts (P, C). Ties (two classes share the top
    count) get winner −1; confidence is the winner's share of the votes."""
    counts = np.asarray(counts)
    top = counts.max(axis=1)
    winner = counts.argmax(axis=1).astype(np.int8)
    tie = (counts == top[:, None]).sum(axis=1) > 1
    winner[tie] = -1
    share = top / np.maximum(counts.sum(axis=1), 1)
    return Regions(winner.reshape(shape), share.reshape(shape).astype(np.float32))
