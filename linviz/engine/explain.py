"""The lecture's worked example: from a table of scores, every number of the loss.

Input: scores (N, C) — one row per example — and labels y (N,). The lecture
draws the transpose (one column per image: cat / car / frog), which is how
:func:`format_table` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .losses import LossConfig, data_loss, log_softmax, per_example_terms


@dataclass(frozen=True)
class Explanation:
    """Per-class terms (N, C), per-example losses L_i (N,), their mean; for
    Softmax also e^{s} (N, C), probabilities p (N, C) and −log p_yi (N,)."""

    cfg: LossConfig
    scores: np.ndarray
    y: np.ndarray
    terms: np.ndarray
    per_example: np.ndarray
    loss: float
    exps: np.ndarray | None = None
    probabilities: np.ndarray | None = None

    def to_dict(self) -> dict:
        out = {
            "loss_kind": self.cfg.kind,
            "scores": self.scores.tolist(),
            "labels": self.y.tolist(),
            "terms": _json_numbers(self.terms),
            "per_example": _json_numbers(self.per_example),
            "loss": _json_numbers(self.loss),
        }
        if self.probabilities is not None:  # e^s overflows for s > 709: JSON gets null there
            out["exponentials"] = [[v if np.isfinite(v) else None for v in row] for row in self.exps.tolist()]
            out["probabilities"] = _json_numbers(self.probabilities)
            out["neg_log_p"] = _json_numbers(self.per_example)
        return out


def _json_numbers(a):
    """An array (or number) as JSON-ready lists: an overflow (inf, nan) becomes null."""
    a = np.asarray(a, dtype=float)
    return np.where(np.isfinite(a), a, None).tolist() if a.ndim else (float(a) if np.isfinite(a) else None)


def explain(scores, y, cfg: LossConfig) -> Explanation:
    """Every number of the loss for a table of scores, as on the lecture's slides."""
    scores = np.asarray(scores, dtype=float)
    y = np.asarray(y, dtype=np.int64)
    if scores.ndim != 2 or scores.shape[1] < 2:
        raise ValueError("scores must be a table with one row per example and at least two classes")
    if len(y) != len(scores):
        raise ValueError(f"{len(scores)} rows of scores but {len(y)} labels")
    if len(y) == 0:
        raise ValueError("at least one example is needed")
    if np.any((y < 0) | (y >= scores.shape[1])):
        raise ValueError(f"labels must lie between 0 and {scores.shape[1] - 1}")
    if not np.isfinite(scores).all():
        raise ValueError("scores must be finite numbers")
    with np.errstate(over="ignore", invalid="ignore"):  # huge scores: the table says "overflow", not NumPy
        terms = per_example_terms(scores, y, cfg)
        per_example = terms.sum(axis=1)
        loss, _ = data_loss(scores, y, cfg)
        exps = probs = None
        if cfg.kind == "softmax":
            probs = np.exp(log_softmax(scores))
            exps = np.exp(scores)
    return Explanation(cfg, scores, y, terms, per_example, loss, exps, probs)


def format_table(ex: Explanation, class_names=None) -> str:
    """The slide's layout: a column per example, a row per class score, then L_i.

    For the SVM each row also shows the example's margin term for that class
    as ``score (term)``; for Softmax rows of e^{s} and p follow.
    """
    n, c = ex.scores.shape
    names = list(class_names or [])
    names += [f"class {j + 1}" for j in range(len(names), c)]
    head = ["", *[f"ex {i + 1} ({names[ex.y[i]]})" for i in range(n)]]
    rows = []
    for j in range(c):
        if ex.cfg.kind == "svm":
            cells = [_num(ex.scores[i, j]) + ("  ← true" if j == ex.y[i] else f"  (+{_num(ex.terms[i, j])})")
                     for i in range(n)]
        else:
            cells = [_num(ex.scores[i, j]) for i in range(n)]
        rows.append([names[j], *cells])
    if ex.probabilities is not None:
        for j in range(c):
            rows.append([f"exp {names[j]}", *[_num(ex.exps[i, j], 3) for i in range(n)]])
        for j in range(c):
            rows.append([f"p {names[j]}", *[f"{ex.probabilities[i, j]:.3f}" for i in range(n)]])
        rows.append(["-log p(true)", *[_num(v) for v in ex.per_example]])
    else:
        rows.append(["L_i", *[_num(v) for v in ex.per_example]])
    widths = [max(len(r[k]) for r in [head, *rows]) for k in range(len(head))]
    lines = ["  ".join(cell.rjust(w) for cell, w in zip(r, widths)) for r in [head, *rows]]
    lines.append(f"loss = 1/N Σ L_i = {_num(ex.loss)}")
    return "\n".join(lines)


def _num(v: float, digits: int = 0) -> str:
    """Two decimals as on the slides (or ``digits`` significant ones); huge values in
    scientific notation, and "overflow" where e^s does not fit a float."""
    if not np.isfinite(v):
        return "overflow"
    if digits:
        return f"{v:.{digits}g}"
    return f"{v:.2f}" if abs(v) < 1e6 else f"{v:.3g}"
