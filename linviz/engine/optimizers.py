"""Update rules on a flat parameter vector θ (W's entries, then b's).

Each optimiser is a small frozen object holding its hyper-parameters; its
running state (velocity, caches, step count) is an explicit
:class:`OptState` that :meth:`Optimizer.update` returns anew, so a recorded
state can be resumed from exactly (the app's rewinding needs this).

    sgd       θ ← θ − α g
    momentum  v ← μ v − α g;          θ ← θ + v
    nesterov  v' ← μ v − α g;         θ ← θ − μ v + (1 + μ) v'   (look-ahead form)
    adagrad   G ← G + g²;             θ ← θ − α g / (√G + ε)
    rmsprop   G ← ρ G + (1 − ρ) g²;   θ ← θ − α g / (√G + ε)
    adam      m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
              θ ← θ − α m̂ / (√v̂ + ε), m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

OPTIMIZERS = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
SCHEDULES = ("constant", "step", "inverse")


class OptState(NamedTuple):
    """Running state: ``t`` updates done, ``a``/``b`` the rule's moment buffers (or None).

    A named tuple, not a dataclass: a History holds one per step, and a 200-step
    retrain (a dragged point's every move) builds them ~3× faster."""

    t: int = 0
    a: np.ndarray | None = None
    b: np.ndarray | None = None


@dataclass(frozen=True)
class Optimizer:
    """An update rule and its hyper-parameters (μ for momentum, ρ for RMSProp, β₁ β₂ for Adam)."""

    kind: str = "sgd"
    momentum: float = 0.9
    rho: float = 0.99
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8

    def __post_init__(self):
        if self.kind not in OPTIMIZERS:
            raise ValueError(f"unknown optimiser {self.kind!r}; choose one of {', '.join(OPTIMIZERS)}")
        for name in ("momentum", "rho", "beta1", "beta2"):
            value = getattr(self, name)
            if not 0.0 <= value < 1.0:
                raise ValueError(f"{name} must lie in [0, 1), not {value}")
        if not (np.isfinite(self.eps) and self.eps > 0):
            raise ValueError(f"eps must be a finite number > 0, not {self.eps}")

    def update(self, theta: np.ndarray, g: np.ndarray, lr: float, state: OptState):
        """One step: returns (new θ, new state). Neither input is modified."""
        t = state.t + 1
        kind = self.kind
        if kind == "sgd":
            return theta - lr * g, OptState(t)
        if kind in ("momentum", "nesterov"):
            v = state.a if state.a is not None else np.zeros_like(theta)
            v_new = self.momentum * v - lr * g
            if kind == "momentum":
                return theta + v_new, OptState(t, v_new)
            return theta - self.momentum * v + (1.0 + self.momentum) * v_new, OptState(t, v_new)
        if kind in ("adagrad", "rmsprop"):
            cache = state.a if state.a is not None else np.zeros_like(theta)
            cache = cache + g * g if kind == "adagrad" else self.rho * cache + (1 - self.rho) * g * g
            return theta - lr * g / (np.sqrt(cache) + self.eps), OptState(t, cache)
        m = state.a if state.a is not None else np.zeros_like(theta)
        v = state.b if state.b is not None else np.zeros_like(theta)
        m = self.beta1 * m + (1 - self.beta1) * g
        v = self.beta2 * v + (1 - self.beta2) * g * g
        m_hat = m / (1 - self.beta1**t)
        v_hat = v / (1 - self.beta2**t)
        return theta - lr * m_hat / (np.sqrt(v_hat) + self.eps), OptState(t, m, v)


@dataclass(frozen=True)
class Schedule:
    """Learning rate α_t for update number t = 0, 1, …

    constant  α_t = α
    step      α_t = α · γ^⌊t / every⌋
    inverse   α_t = α / (1 + k t)    (the 1/t decay)
    """

    kind: str = "constant"
    gamma: float = 0.5
    every: int = 100
    k: float = 0.01

    def __post_init__(self):
        if self.kind not in SCHEDULES:
            raise ValueError(f"unknown schedule {self.kind!r}; choose one of {', '.join(SCHEDULES)}")
        if self.every < 1:
            raise ValueError(f"step decay needs every ≥ 1, not {self.every}")
        if not (np.isfinite(self.gamma) and 0 < self.gamma <= 1):
            raise ValueError(f"step decay's factor γ must lie in (0, 1], not {self.gamma}")
        if not (np.isfinite(self.k) and self.k >= 0):
            raise ValueError(f"the inverse decay's k must be a finite number ≥ 0, not {self.k}")

    def rate(self, lr: float, t: int) -> float:
        if self.kind == "step":
            return lr * self.gamma ** (t // self.every)
        if self.kind == "inverse":
            return lr / (1.0 + self.k * t)
        return lr

    def rates(self, lr: float, start: int, stop: int) -> np.ndarray:
        """α_t for t = start … stop − 1, shape (stop − start,): :meth:`rate` for a whole run at once."""
        t = np.arange(start, stop)
        if self.kind == "step":
            return lr * self.gamma ** (t // self.every)
        if self.kind == "inverse":
            return lr / (1.0 + self.k * t)
        return np.full(len(t), float(lr))


