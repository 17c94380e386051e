"""Numerical gradients by centred differences, to check every analytic one.

    ∂f/∂θ_k ≈ (f(θ + h e_k) − f(θ − h e_k)) / 2h,  error O(h²)

The relative error |a − n| / max(|a| + |n|, 1e-6) is what CS231n reports:
below about 1e-7 the analytic gradient is right; kinks of max(0, ·) can push
single entries higher when a margin sits within h of zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .training import TrainConfig, evaluate


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """Centred-difference gradient of a scalar f at x (any shape); x is restored."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        up = f(x)
        x[idx] = old - h
        down = f(x)
        x[idx] = old
        grad[idx] = (up - down) / (2 * h)
    return grad


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> np.ndarray:
    """Entrywise |a − n| / max(|a| + |n|, 1e-6); the floor keeps two round-off zeros
    (1e-17 against the 1e-11 of a finite difference) from reading as an error."""
    return np.abs(analytic - numeric) / np.maximum(np.abs(analytic) + np.abs(numeric), 1e-6)


@dataclass(frozen=True)
class GradCheck:
    """Analytic and numerical ∂loss/∂W (C, D) and ∂loss/∂b (C,), and the worst relative error."""

    analytic_W: np.ndarray
    numeric_W: np.ndarray
    analytic_b: np.ndarray
    numeric_b: np.ndarray

    @property
    def max_relative_error(self) -> float:
        errs = [relative_error(self.analytic_W, self.numeric_W), relative_error(self.analytic_b, self.numeric_b)]
        return float(max(e.max(initial=0.0) for e in errs))


def check_objective(W, b, Phi, y, cfg: TrainConfig, h: float = 1e-5) -> GradCheck:
    """Compare the training objective's analytic gradient with centred differences."""
    W, b = np.asarray(W, float), np.asarray(b, float)
    ev = evaluate(W, b, Phi, y, cfg)
    num_W = numerical_gradient(lambda w: evaluate(w, b, Phi, y, cfg, need_grad=False).loss, W, h)
    num_b = numerical_gradient(lambda v: evaluate(W, v, Phi, y, cfg, need_grad=False).loss, b, h)
    return GradCheck(ev.grad_W, num_W, ev.grad_b, num_b)


def newton_minimum(Phi, y, cfg: TrainConfig, n_classes: int, iters: int = 30, h: float = 1e-6):
    """The minimum of a smooth objective (Softmax with L2 or none) by Newton's method, as a
    reference that does not depend on any optimiser: θ ← θ − H⁻¹g from θ = 0, with g the
    analytic gradient and H (P, P), P = C·D + C, its centred differences (symmetrised).

    Returns (W (C, D), b (C,), loss, ‖g‖) at the last iterate; ‖g‖ says how exact it is.
    """
    dim = Phi.shape[1]
    split = n_classes * dim

    def grad(theta):
        ev = evaluate(theta[:split].reshape(n_classes, dim), theta[split:], Phi, y, cfg)
        return np.concatenate([ev.grad_W.ravel(), ev.grad_b]), ev.loss

    theta = np.zeros(split + n_classes)
    for _ in range(iters):
        g, _ = grad(theta)
        H = np.stack([(grad(theta + h * e)[0] - grad(theta - h * e)[0]) / (2 * h) for e in np.eye(len(theta))])
        theta = theta - np.linalg.solve(0.5 * (H + H.T), g)
    g, loss = grad(theta)
    return theta[:split].reshape(n_classes, dim), theta[split:], float(loss), float(np.linalg.norm(g))
