"""Data losses of the lecture, each returning the mean loss and its gradient.

Shapes: ``scores`` is (N, C) — one row per example, one column per class —
and ``y`` is (N,) with integer labels in [0, C). Every loss is averaged over
the N examples, ``loss = 1/N Σ_i L_i``, and ``dscores`` is ∂loss/∂scores
(N, C), so it already carries the 1/N.

Each vectorised loss has a ``*_loop`` twin written one example and one class
at a time, exactly as the formula reads; the tests compare the two.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SVM_VARIANTS = ("ww", "ova", "structured")
"""Weston–Watkins (the lecture's), one-vs-all, structured (Crammer–Singer)."""

LOSS_KINDS = ("svm", "softmax", "lsq")


@dataclass(frozen=True)
class LossConfig:
    """Which data loss, with the lecture's switches.

    kind: "svm", "softmax" or "lsq" (least squares on one-hot targets, the
        lecture's "why not least squares?").
    variant: SVM only — "ww" Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ);
        "ova" Li = Σ_j max(0, Δ − y_ij s_j), y_ij = +1 if j = yi else −1;
        "structured" Li = max(0, max_{j≠yi} s_j − s_yi + Δ).
    delta: the margin Δ.
    all_classes: "ww" only — sum over every class, j = yi included (adds Δ).
    mean_over_classes: "ww"/"ova" — average the class terms instead of summing.
    squared: square each hinge term, max(0, ·)².
    """

    kind: str = "svm"
    variant: str = "ww"
    delta: float = 1.0
    all_classes: bool = False
    mean_over_classes: bool = False
    squared: bool = False

    def __post_init__(self):
        if self.kind not in LOSS_KINDS:
            raise ValueError(f"unknown loss {self.kind!r}; choose one of {', '.join(LOSS_KINDS)}")
        if self.variant not in SVM_VARIANTS:
            raise ValueError(f"unknown SVM variant {self.variant!r}; choose one of {', '.join(SVM_VARIANTS)}")
        if not np.isfinite(self.delta) or self.delta < 0:
            raise ValueError(f"the margin Δ must be a finite number ≥ 0, not {self.delta}")


def data_loss(scores: np.ndarray, y: np.ndarray, cfg: LossConfig) -> tuple[float, np.ndarray]:
    """Mean data loss and ∂loss/∂scores (N, C) for the loss ``cfg`` names."""
    if len(y) == 0:
        return 0.0, np.zeros_like(scores)
    if cfg.kind == "softmax":
        return softmax_loss(scores, y)
    if cfg.kind == "lsq":
        return least_squares_loss(scores, y)
    if cfg.variant == "ova":
        return ova_hinge_loss(scores, y, cfg.delta, cfg.mean_over_classes, cfg.squared)
    if cfg.variant == "structured":
        return structured_svm_loss(scores, y, cfg.delta, cfg.squared)
    return svm_loss(scores, y, cfg.delta, cfg.all_classes, cfg.mean_over_classes, cfg.squared)


def per_example_terms(scores: np.ndarray, y: np.ndarray, cfg: LossConfig) -> np.ndarray:
    """The (N, C) table of class terms whose row sums are the per-example losses L_i.

    For the SVM each entry is one hinge term (zero where a class does not take
    part); for Softmax only the true class's column holds −log p_yi; for least
    squares each entry is ½(s_j − t_j)².
    """
    n, c = scores.shape
    rows = np.arange(n)
    if cfg.kind == "lsq":
        residual = scores - one_hot(y, c)
        return 0.5 * residual * residual
    if cfg.kind == "softmax":
        terms = np.zeros_like(scores, dtype=float)
        terms[rows, y] = -log_softmax(scores)[rows, y]
        return terms
    if cfg.variant == "ova":
        sign = -np.ones_like(scores, dtype=float)
        sign[rows, y] = 1.0
        terms = _hinge(cfg.delta - sign * scores, cfg.squared)
        return terms / c if cfg.mean_over_classes else terms
    if cfg.variant == "structured":
        margins = scores - scores[rows, y][:, None] + cfg.delta
        margins[rows, y] = -np.inf
        worst = margins.argmax(axis=1)
        terms = np.zeros_like(scores, dtype=float)
        terms[rows, worst] = _hinge(margins[rows, worst], cfg.squared)
        return terms
    terms = _hinge(scores - scores[rows, y][:, None] + cfg.delta, cfg.squared)
    if not cfg.all_classes:
        terms[rows, y] = 0.0
    if cfg.mean_over_classes:
        terms /= c if cfg.all_classes else c - 1
    return terms


def _hinge(m: np.ndarray, squared: bool) -> np.ndarray:
    """max(0, m), or max(0, m)² when ``squared``."""
    h = np.maximum(m, 0.0)
    return h * h if squared else h


def svm_loss(scores, y, delta=1.0, all_classes=False, mean_over_classes=False, squared=False):
    """Weston–Watkins multiclass hinge loss.

    L_i = κ Σ_{j≠yi} h(s_j − s_yi + Δ), h(m) = max(0, m) (or max(0, m)²),
    κ = 1, or 1/(C−1) with ``mean_over_classes``; ``all_classes`` lets j = yi
    take part too, which adds h(Δ) to every L_i (and κ = 1/C).

    ∂L_i/∂s_j = κ h'(m_ij) for j ≠ yi and ∂L_i/∂s_yi = −Σ_{j≠yi} κ h'(m_ij):
    the lecture's indicator form, h'(m) = 𝟙(m > 0) (or 2·max(0, m)).
    """
    n, c = scores.shape
    rows = np.arange(n)
    margins = scores - scores[rows, y][:, None] + delta
    active = np.maximum(margins, 0.0)
    if not all_classes:
        active[rows, y] = 0.0
    terms = active * active if squared else active
    slope = 2.0 * active if squared else (active > 0).astype(scores.dtype)
    kappa = 1.0
    if mean_over_classes:
        kappa = 1.0 / (c if all_classes else c - 1)
    loss = kappa * terms.sum() / n
    # the yi column's own term (all_classes) has margin Δ whatever s_yi, so slope 0
    if all_classes:
        slope[rows, y] = 0.0
    dscores = slope
    dscores[rows, y] = -slope.sum(axis=1)
    dscores *= kappa / n
    return float(loss), dscores


def svm_loss_loop(scores, y, delta=1.0, all_classes=False, mean_over_classes=False, squared=False):
    """Loop twin of :func:`svm_loss`, one example and one class at a time."""
    n, c = scores.shape
    kappa = 1.0 / (c if all_classes else c - 1) if mean_over_classes else 1.0
    loss, dscores = 0.0, np.zeros((n, c))
    for i in range(n):
        for j in range(c):
            if j == y[i] and not all_classes:
                continue
            m = scores[i, j] - scores[i, y[i]] + delta
            if m > 0:
                loss += kappa * (m * m if squared else m) / n
                if j != y[i]:
                    slope = kappa * (2 * m if squared else 1.0) / n
                    dscores[i, j] += slope
                    dscores[i, y[i]] -= slope
    return loss, dscores


def ova_hinge_loss(scores, y, delta=1.0, mean_over_classes=False, squared=False):
    """One-vs-all hinge loss: L_i = κ Σ_j h(Δ − y_ij s_j), y_ij = +1 if j = yi else −1.

    Each class is its own binary SVM. ∂L_i/∂s_j = −κ y_ij h'(Δ − y_ij s_j);
    κ = 1, or 1/C with ``mean_over_classes``.
    """
    n, c = scores.shape
    sign = -np.ones_like(scores)
    sign[np.arange(n), y] = 1.0
    active = np.maximum(delta - sign * scores, 0.0)
    kappa = 1.0 / c if mean_over_classes else 1.0
    terms = active * active if squared else active
    slope = 2.0 * active if squared else (active > 0).astype(scores.dtype)
    return float(kappa * terms.sum() / n), -sign * slope * (kappa / n)


def ova_hinge_loss_loop(scores, y, delta=1.0, mean_over_classes=False, squared=False):
    """Loop twin of :func:`ova_hinge_loss`."""
    n, c = scores.shape
    kappa = 1.0 / c if mean_over_classes else 1.0
    loss, dscores = 0.0, np.zeros((n, c))
    for i in range(n):
        for j in range(c):
            sign = 1.0 if j == y[i] else -1.0
            m = delta - sign * scores[i, j]
            if m > 0:
                loss += kappa * (m * m if squared else m) / n
                dscores[i, j] -= sign * kappa * (2 * m if squared else 1.0) / n
    return loss, dscores


def structured_svm_loss(scores, y, delta=1.0, squared=False):
    """Structured (Crammer–Singer) SVM: L_i = h(max_{j≠yi} s_j − s_yi + Δ).

    Only the strongest wrong class pushes: ∂L_i/∂s_j* = h'(·), ∂L_i/∂s_yi = −h'(·),
    with j* the arg max (the first one on ties).
    """
    n, c = scores.shape
    rows = np.arange(n)
    wrong = scores.copy()
    wrong[rows, y] = -np.inf
    worst = wrong.argmax(axis=1)
    active = np.maximum(wrong[rows, worst] - scores[rows, y] + delta, 0.0)
    slope = 2.0 * active if squared else (active > 0).astype(scores.dtype)
    dscores = np.zeros_like(scores)
    dscores[rows, worst] = slope / n
    dscores[rows, y] -= slope / n
    terms = active * active if squared else active
    return float(terms.sum() / n), dscores


def structured_svm_loss_loop(scores, y, delta=1.0, squared=False):
    """Loop twin of :func:`structured_svm_loss`."""
    n, c = scores.shape
    loss, dscores = 0.0, np.zeros((n, c))
    for i in range(n):
        worst = max((j for j in range(c) if j != y[i]), key=lambda j: scores[i, j])
        m = scores[i, worst] - scores[i, y[i]] + delta
        if m > 0:
            loss += (m * m if squared else m) / n
            slope = (2 * m if squared else 1.0) / n
            dscores[i, worst] += slope
            dscores[i, y[i]] -= slope
    return loss, dscores


def log_softmax(scores: np.ndarray) -> np.ndarray:
    """log p_ij = s_ij − log Σ_k e^{s_ik}, computed after shifting by max_k s_ik.

    The shift changes nothing mathematically and keeps e^{·} ≤ 1, so scores
    of ±1e4 give finite results.
    """
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def softmax_loss(scores, y):
    """Softmax cross-entropy: L_i = −s_yi + log Σ_j e^{s_j} = −log p_yi.

    ∂L_i/∂s_j = p_j − 𝟙(j = yi).
    """
    n = scores.shape[0]
    rows = np.arange(n)
    logp = log_softmax(scores)
    dscores = np.exp(logp)
    dscores[rows, y] -= 1.0
    dscores /= n
    return float(-logp[rows, y].sum() / n) + 0.0, dscores  # + 0.0: no "-0.0" when all p_yi = 1


def softmax_loss_loop(scores, y):
    """Loop twin of :func:`softmax_loss` (with the max shift, one example at a time)."""
    n, c = scores.shape
    loss, dscores = 0.0, np.zeros((n, c))
    for i in range(n):
        top = max(scores[i])
        exps = [np.exp(scores[i, j] - top) for j in range(c)]
        total = sum(exps)
        loss += (-(scores[i, y[i]] - top) + np.log(total)) / n
        for j in range(c):
            dscores[i, j] = (exps[j] / total - (1.0 if j == y[i] else 0.0)) / n
    return loss, dscores


def one_hot(y: np.ndarray, n_classes: int) -> np.ndarray:
    """T (N, C) with T_ij = 𝟙(j = yi): the least-squares targets."""
    t = np.zeros((len(y), n_classes))
    t[np.arange(len(y)), y] = 1.0
    return t


def least_squares_loss(scores, y):
    """Least squares on one-hot targets: L_i = ½ Σ_j (s_j − t_j)², t_j = 𝟙(j = yi).

    ∂L_i/∂s_j = s_j − t_j. Unlike the hinge it also punishes scores that are right
    by more than 1 (a correct class scored 3 costs ½·2² = 2), which is why the
    lecture asks "¿por qué no usar cuadrados mínimos?" for classification.
    """
    n, c = scores.shape
    residual = scores - one_hot(y, c)
    return float(0.5 * np.vdot(residual, residual) / n), residual / n


def least_squares_loss_loop(scores, y):
    """Loop twin of :func:`least_squares_loss`."""
    n, c = scores.shape
    loss, dscores = 0.0, np.zeros((n, c))
    for i in range(n):
        for j in range(c):
            r = scores[i, j] - (1.0 if j == y[i] else 0.0)
            loss += 0.5 * r * r / n
            dscores[i, j] = r / n
    return loss, dscores


LOOP_TWINS = {
    svm_loss: svm_loss_loop,
    ova_hinge_loss: ova_hinge_loss_loop,
    structured_svm_loss: structured_svm_loss_loop,
    softmax_loss: softmax_loss_loop,
    least_squares_loss: least_squares_loss_loop,
}
