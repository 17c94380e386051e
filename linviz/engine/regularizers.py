"""Regularisation penalties λ R(W) and their gradients.

W is (C, D), one row per class as the lecture writes it. The bias b is not
regularised unless a caller passes it in (``include_bias``).

=========  ==========================  ==================
kind       λ R(W)                      ∂/∂W
=========  ==========================  ==================
none       0                           0
l2         λ Σ W²  (the lecture's)     2 λ W
half-l2    ½ λ Σ W²                    λ W
l1         λ Σ |W|                     λ sign(W)
elastic    λ Σ (β W² + |W|)            λ (2 β W + sign(W))
maxnorm    0, then each row w_j is projected back onto ‖w_j‖ ≤ c after a step
=========  ==========================  ==================
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

REG_KINDS = ("none", "l2", "half-l2", "l1", "elastic", "maxnorm")


@dataclass(frozen=True)
class RegConfig:
    """Which penalty, its strength λ, elastic net's β and max-norm's c.

    ``proximal``: with plain SGD, the |W| term of l1 and elastic is applied as a
    soft-threshold after each step, W ← sign(W)·max(|W| − αλ, 0) (proximal
    gradient, ISTA) instead of its subgradient λ·sign(W), so weights reach
    exactly 0 — the sparsity the lecture attributes to L1 — rather than
    jittering around it. Other optimisers use the subgradient.
    """

    kind: str = "l2"
    lam: float = 0.0
    beta: float = 0.5
    max_norm: float = 3.0
    include_bias: bool = False
    proximal: bool = True

    @property
    def l1_strength(self) -> float:
        """λ of the |W| term (l1 and elastic), else 0."""
        return self.lam if self.kind in ("l1", "elastic") else 0.0

    def __post_init__(self):
        if self.kind not in REG_KINDS:
            raise ValueError(f"unknown regulariser {self.kind!r}; choose one of {', '.join(REG_KINDS)}")
        if not np.isfinite(self.lam) or self.lam < 0:
            raise ValueError(f"the regularisation strength λ must be a finite number ≥ 0, not {self.lam}")
        if not np.isfinite(self.beta) or self.beta < 0:
            raise ValueError(f"the elastic-net β must be a finite number ≥ 0, not {self.beta}")
        if not np.isfinite(self.max_norm) or self.max_norm <= 0:
            raise ValueError(f"the max-norm c must be a finite number > 0, not {self.max_norm}")


def penalty(W: np.ndarray, cfg: RegConfig) -> tuple[float, np.ndarray]:
    """λ R(W) and its gradient (same shape as W)."""
    lam, kind = cfg.lam, cfg.kind
    if kind in ("none", "maxnorm") or lam == 0.0:
        return 0.0, np.zeros_like(W)
    if kind == "l2":
        return float(lam * np.vdot(W, W)), (2.0 * lam) * W
    if kind == "half-l2":
        return float(0.5 * lam * np.vdot(W, W)), lam * W
    if kind == "l1":
        return float(lam * np.abs(W).sum()), lam * np.sign(W)
    return (
        float(lam * (cfg.beta * np.vdot(W, W) + np.abs(W).sum())),
        lam * (2.0 * cfg.beta * W + np.sign(W)),
    )


def penalty_coefficients(cfg: RegConfig) -> tuple[float, float, float]:
    """(λ, a, c) with λ R(W) = λ (a/2 Σ W² + c Σ |W|) and ∂/∂W = λ (a W + c sign W): the table
    above in one formula (none and max-norm: λ = 0), for code that loops entry by entry."""
    if cfg.kind in ("none", "maxnorm"):
        return 0.0, 0.0, 0.0
    a, c = {"l2": (2.0, 0.0), "half-l2": (1.0, 0.0), "l1": (0.0, 1.0), "elastic": (2.0 * cfg.beta, 1.0)}[cfg.kind]
    return float(cfg.lam), a, c


def penalty_loop(W: np.ndarray, cfg: RegConfig) -> tuple[float, np.ndarray]:
    """Loop twin of :func:`penalty`, entry by entry."""
    value, grad = 0.0, np.zeros_like(W, dtype=float)
    if cfg.kind in ("none", "maxnorm"):
        return value, grad
    for idx, w in np.ndenumerate(W):
        sign = float(w > 0) - float(w < 0)
        if cfg.kind == "l2":
            value, grad[idx] = value + w * w, 2 * w
        elif cfg.kind == "half-l2":
            value, grad[idx] = value + 0.5 * w * w, w
        elif cfg.kind == "l1":
            value, grad[idx] = value + abs(w), sign
        else:
            value, grad[idx] = value + cfg.beta * w * w + abs(w), 2 * cfg.beta * w + sign
    return cfg.lam * value, cfg.lam * grad


def penalty_on_grid(wa: np.ndarray, wb: np.ndarray, cfg: RegConfig) -> np.ndarray:
    """λ R restricted to two weights (wa, wb) on a grid, for the geometry view."""
    if cfg.kind in ("none", "maxnorm"):
        return np.zeros(np.broadcast(wa, wb).shape)
    sq, ab = wa * wa + wb * wb, np.abs(wa) + np.abs(wb)
    table = {"l2": sq, "half-l2": 0.5 * sq, "l1": ab, "elastic": cfg.beta * sq + ab}
    return cfg.lam * table[cfg.kind]


def project_max_norm(W: np.ndarray, cfg: RegConfig) -> np.ndarray:
    """Scale each class row down so that ‖w_j‖₂ ≤ c (max-norm); other kinds pass W through."""
    if cfg.kind != "maxnorm":
        return W
    norms = np.sqrt((W * W).sum(axis=1, keepdims=True))
    return W * np.minimum(1.0, cfg.max_norm / np.maximum(norms, 1e-300))


def soft_threshold(x: np.ndarray, t: float) -> np.ndarray:
    """sign(x)·max(|x| − t, 0): the proximal step of t·Σ|x|."""
    return np.sign(x) * np.maximum(np.abs(x) - t, 0.0)
