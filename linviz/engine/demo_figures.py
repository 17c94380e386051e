"""What the lecture's demonstrations are made of (pure, no Qt): a :class:`Figure` — expected
against measured and how the two must compare — a :class:`Lesson` of figures with its verdict,
and the small measurements the demonstrations share (scores S = X Wᵀ + b of shape (N, C), the
loss, each example's terms L_i, a run from W = 0, the plane's grid).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from .datasets import Dataset
from .features import FeatureMap
from .losses import LossConfig, data_loss, per_example_terms
from .optimizers import Optimizer
from .training import History, TrainConfig, train

PLANE = 3.0
"""The app's plane is [−PLANE, PLANE]²."""


RELATIONS = ("≈", "=", "<", ">", "≥", "≠")


@dataclass(frozen=True)
class Figure:
    """One row of a demonstration: ``measured`` against ``expected`` (None: just shown).

    relation says how they must compare: "≈" within ``tol``·max(1, |expected|),
    "=" exactly, "<", ">", "≥" (down to that tolerance) or "≠". ``label`` is an English template; ``text``
    fills in ``args``.
    """

    label: str
    measured: float
    expected: float | None = None
    relation: str = "≈"
    tol: float = 1e-9
    args: tuple = ()

    def __post_init__(self):
        if self.relation not in RELATIONS:
            raise ValueError(f"unknown relation {self.relation!r}; choose one of {' '.join(RELATIONS)}")

    @property
    def text(self) -> str:
        return self.label.format(*self.args)

    @property
    def holds(self) -> bool | None:
        """Whether measured compares to expected as ``relation`` says (None: nothing expected)."""
        if self.expected is None:
            return None
        m, e = float(self.measured), float(self.expected)
        if not math.isfinite(m):
            return False
        return {
            "≈": lambda: abs(m - e) <= self.tol * max(1.0, abs(e)),
            "=": lambda: m == e,
            "<": lambda: m < e,
            ">": lambda: m > e,
            "≥": lambda: m >= e - self.tol * max(1.0, abs(e)),
            "≠": lambda: m != e,
        }[self.relation]()


@dataclass(frozen=True)
class Lesson:
    """The figures of one demonstration; ``headline`` picks the row that sums it up."""

    figures: tuple[Figure, ...]
    verdict: str
    headline: int = 0

    @property
    def expected(self) -> float | None:
        return self.figures[self.headline].expected

    @property
    def measured(self) -> float:
        return self.figures[self.headline].measured

    @property
    def holds(self) -> bool:
        """Every figure with an expectation meets it."""
        return all(f.holds is not False for f in self.figures)


def _lesson(figures, claim: str, headline: int = 0) -> Lesson:
    figures = tuple(figures)
    bad = [f for f in figures if f.holds is False]
    verdict = f"As the lecture predicts: {claim}" if not bad else f"Not as predicted ({bad[0].text}): {claim}"
    return Lesson(figures, verdict, headline)


def combine(*lessons: Lesson) -> Lesson:
    """One lesson holding the figures of several (the first one's headline)."""
    figures = tuple(f for lesson in lessons for f in lesson.figures)
    claim = " ".join(lesson.verdict.split(": ", 1)[-1] for lesson in lessons)
    return _lesson(figures, claim, lessons[0].headline)


# ----------------------------------------------------------------------------- helpers


def scores_of(ds: Dataset, W, b, features: FeatureMap = FeatureMap()) -> np.ndarray:
    """(N, C) scores s = W φ(x) + b, computed as training does."""
    return features.transform(ds.X) @ np.asarray(W, float).T + np.asarray(b, float)


def _loss(ds: Dataset, W, b, loss: LossConfig, features: FeatureMap = FeatureMap()) -> float:
    return data_loss(scores_of(ds, W, b, features), ds.y, loss)[0]


def _L_i(ds: Dataset, W, b, loss: LossConfig, features: FeatureMap = FeatureMap()) -> np.ndarray:
    """(N,) per-example losses L_i."""
    return per_example_terms(scores_of(ds, W, b, features), ds.y, loss).sum(axis=1)


def _run(ds: Dataset, cfg: TrainConfig, W0=None, b0=None) -> History:
    """Train from (W0, b0), or from W = 0."""
    return train(ds.X, ds.y, cfg, ds.n_classes, W0=W0, b0=b0, init="zeros")


def _predict(hist: History, X: np.ndarray, t: int | None = None) -> np.ndarray:
    t = hist.last if t is None else t
    return (hist.config.features.transform(X) @ hist.W[t].T + hist.b[t]).argmax(axis=1)


def plane_grid(n: int = 121, half: float = PLANE) -> np.ndarray:
    """(n², 2) points of a regular grid over [−half, half]²."""
    g = np.linspace(-half, half, n)
    xx, yy = np.meshgrid(g, g)
    return np.column_stack([xx.ravel(), yy.ravel()])


def _plain(cfg: TrainConfig) -> TrainConfig:
    """cfg with plain gradient descent (the scaling arguments need an update linear in ∇)."""
    return replace(cfg, optimizer=Optimizer("sgd"))


def slack(scores: np.ndarray, y: np.ndarray, delta: float) -> np.ndarray:
    """(N,) how far each point is inside its margin: min_{j≠yi}(s_yi − s_j) − Δ (≥ 0 ⇔ L_i = 0)."""
    rows = np.arange(len(y))
    gap = scores[rows, y][:, None] - scores
    gap[rows, y] = np.inf
    return gap.min(axis=1) - delta
