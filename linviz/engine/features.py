"""Feature maps φ: R² → R^D that let a linear classifier draw curved boundaries.

The lecture ends on this: data no line separates becomes separable after a
fixed non-linear map (what a kernel does implicitly). The classifier stays
linear, s = W φ(x) + b, with W of shape (C, D).

==========  ====================================================  ==
kind        φ(x₁, x₂)                                             D
==========  ====================================================  ==
identity    (x₁, x₂)                                              2
poly2       (x₁, x₂, x₁², x₁x₂, x₂²)                              5
poly3       poly2 + (x₁³, x₁²x₂, x₁x₂², x₂³)                      9
polar       (r, cos θ, sin θ), r = ‖x‖, θ = atan2(x₂, x₁)         3
rbf         √(2/m) cos(x Ω + φ), Ω ~ N(0, 2γ), φ ~ U[0, 2π)     m
==========  ====================================================  ==

``rbf`` is random Fourier features (Rahimi & Recht, 2007): the dot product
of two maps approximates the RBF kernel exp(−γ‖x − x'‖²); it is seeded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

FEATURE_MAPS = ("identity", "poly2", "poly3", "polar", "rbf")


@dataclass(frozen=True)
class FeatureMap:
    """A named map; ``n_components``, ``gamma`` and ``seed`` only matter for rbf."""

    kind: str = "identity"
    n_components: int = 64
    gamma: float = 1.0
    seed: int = 0

    def __post_init__(self):
        if self.kind not in FEATURE_MAPS:
            raise ValueError(f"unknown feature map {self.kind!r}; choose one of {', '.join(FEATURE_MAPS)}")
        if self.n_components < 1 or not self.gamma > 0:
            raise ValueError("rbf features need n_components ≥ 1 and γ > 0")

    @property
    def is_identity(self) -> bool:
        return self.kind == "identity"

    @property
    def dim(self) -> int:
        """D, the length of φ(x) for a 2D x."""
        return {"identity": 2, "poly2": 5, "poly3": 9, "polar": 3}.get(self.kind, self.n_components)

    @property
    def names(self) -> tuple[str, ...]:
        """A short label for each feature, for table headers."""
        fixed = {
            "identity": ("x₁", "x₂"),
            "poly2": ("x₁", "x₂", "x₁²", "x₁x₂", "x₂²"),
            "poly3": ("x₁", "x₂", "x₁²", "x₁x₂", "x₂²", "x₁³", "x₁²x₂", "x₁x₂²", "x₂³"),
            "polar": ("r", "cos θ", "sin θ"),
        }
        return fixed.get(self.kind) or tuple(f"z{i + 1}" for i in range(self.n_components))

    @cached_property
    def _fourier(self) -> tuple[np.ndarray, np.ndarray]:
        rng = np.random.default_rng(self.seed)
        omega = rng.normal(0.0, np.sqrt(2.0 * self.gamma), size=(2, self.n_components))
        phase = rng.uniform(0.0, 2.0 * np.pi, size=self.n_components)
        return omega, phase

    def transform(self, X: np.ndarray) -> np.ndarray:
        """φ(X): (N, 2) → (N, D)."""
        X = np.asarray(X, dtype=float)
        if self.kind == "identity":
            return X
        x1, x2 = X[:, 0], X[:, 1]
        if self.kind == "polar":
            r = np.hypot(x1, x2)
            theta = np.arctan2(x2, x1)
            return np.column_stack([r, np.cos(theta), np.sin(theta)])
        if self.kind == "rbf":
            omega, phase = self._fourier
            return np.sqrt(2.0 / self.n_components) * np.cos(X @ omega + phase)
        cols = [x1, x2, x1 * x1, x1 * x2, x2 * x2]
        if self.kind == "poly3":
            cols += [x1**3, x1 * x1 * x2, x1 * x2 * x2, x2**3]
        return np.column_stack(cols)
