"""A ravine: an ill-conditioned problem where SGD zig-zags and momentum and Adam do not.

Least squares on one-hot targets is a quadratic in θ = (W, b): for every class row the Hessian is

    H = (1/N) Σ_i φ̃_i φ̃_iᵀ + 2λ·diag(1, …, 1, 0),   φ̃_i = (φ(x_i), 1)  (shape (D+1, D+1)),

the same for each class. With cubic features φ = (x₁, x₂, x₁², x₁x₂, x₂², x₁³, …) its eigenvalues
span two to eighteen orders of magnitude: the loss surface is a long narrow valley. Gradient
descent is stable only for α < 2/L (L the largest eigenvalue); at α = 1.8/L each step overshoots
across the valley by a factor |1 − αL| = 0.8 — the zig-zag — while progress along the valley
floor goes as (1 − α·μ) per step (μ the smallest eigenvalue): hundreds of steps. Momentum
(μ = 0.9, the same α) carries the along-valley velocity, and Adam rescales each parameter by
its own gradient size; both reach the minimum several times sooner.

``ravine_configs(base, X)`` gives the three TrainConfigs (SGD, momentum, Adam) for the points X.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .features import FeatureMap
from .losses import LossConfig
from .optimizers import Optimizer
from .regularizers import RegConfig
from .training import TrainConfig

FEATURES = FeatureMap("poly3")
LAM = 1e-3
SGD_SHARE = 1.8
"""SGD and momentum step at α = SGD_SHARE / L: stable (< 2), zig-zagging (> 1)."""
ADAM_LR = 0.1


def curvature(X: np.ndarray, features: FeatureMap = FEATURES, lam: float = LAM) -> float:
    """L, the largest eigenvalue of the least-squares Hessian on the points X (N, 2)."""
    phi = features.transform(np.asarray(X, float))
    P = np.column_stack([phi, np.ones(len(phi))])
    return float(np.linalg.eigvalsh(P.T @ P / max(len(P), 1))[-1]) + 2.0 * lam


def ravine_configs(base: TrainConfig, X: np.ndarray) -> dict[str, TrainConfig]:
    """{"sgd", "momentum", "adam"}: ``base`` with least squares, cubic features, λ = LAM (L2), a
    constant rate — SGD and momentum at α = 1.8/L, Adam at α = 0.1 — and no early stop."""
    lr = SGD_SHARE / curvature(X)
    common = replace(base, loss=LossConfig("lsq"), features=FEATURES, reg=RegConfig("l2", LAM), tol=None, gtol=None,
                     batch_size=None, schedule=replace(base.schedule, kind="constant"))
    return {"sgd": replace(common, lr=lr, optimizer=Optimizer("sgd")),
            "momentum": replace(common, lr=lr, optimizer=Optimizer("momentum", momentum=0.9)),
            "adam": replace(common, lr=ADAM_LR, optimizer=Optimizer("adam"))}


def steps_to_reach(loss: np.ndarray, target: float) -> int | None:
    """The first step whose loss is ≤ target (None if none is)."""
    hit = np.flatnonzero(np.asarray(loss) <= target)
    return int(hit[0]) if len(hit) else None


__all__ = ["curvature", "ravine_configs", "steps_to_reach", "FEATURES", "LAM", "ADAM_LR"]
