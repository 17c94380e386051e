"""Whether a recorded run is blowing up, where, and which setting makes it — pure, no Qt.

Two cases the main window's banner shows:

- **diverged**: update t → t + 1 made the loss (or W) too large to compute; the run
  stops at step t, the last finite one, and ``step`` is t + 1, where it left the finite range;
- **growing**: every step is finite, but the loss of the last step is the largest of the run
  and at least ``GROWTH`` times the step-0 loss (e.g. α = 10, λ = 0.1 on the CS231n points:
  6.3 → 2.3e5 in 300 steps).

The setting to blame: with an L2-type penalty a plain gradient step multiplies W by
``1 − α·λ·c`` from the penalty alone (c = 2 for λΣW², 1 for ½λΣW², 2β for the elastic net);
when ``|1 − αλc| ≥ 1``, i.e. ``αλc ≥ 2``, W cannot settle whatever the data, and λ (with α)
is named. Otherwise the learning rate α is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

GROWTH = 100.0
"""A finite run is "growing" when its last loss is the largest and ≥ GROWTH × its step-0 loss."""
_L2_FACTOR = {"l2": 2.0, "half-l2": 1.0}


@dataclass(frozen=True)
class Blowup:
    """A run leaving (or about to leave) the finite range.

    kind: "diverged" or "growing". step: diverged — the first step with no finite loss (one past
    the last recorded); growing — the last step. last_finite: the last recorded step.
    loss0, loss_last: the loss at step 0 and at last_finite. setting: "lr" or "lam", the one to
    blame; lr, lam: α and λ of the run; factor: 1 − αλc, the penalty's factor on W per step.
    """

    kind: str
    step: int
    last_finite: int
    loss0: float
    loss_last: float
    setting: str
    lr: float
    lam: float
    factor: float


def penalty_factor(cfg) -> float:
    """1 − α·λ·c: what one plain gradient step of the penalty alone multiplies W by (1.0 without one)."""
    reg = cfg.reg
    c = _L2_FACTOR.get(reg.kind, 2.0 * reg.beta if reg.kind == "elastic" else 0.0)
    return 1.0 - cfg.lr * reg.lam * c


def blowup(hist) -> Blowup | None:
    """The run's blow-up (see the module doc), or None for a run that stays calm."""
    n = len(hist)
    if n == 0:
        return None
    loss = np.asarray(hist.loss[:n], dtype=float)
    last = n - 1
    if hist.stop_reason == "diverged":
        kind = "diverged"
    elif n >= 3 and loss[last] >= GROWTH * max(loss[0], 1e-12) and loss[last] >= loss.max():
        kind = "growing"
    else:
        return None
    cfg = hist.config
    factor = penalty_factor(cfg)
    setting = "lam" if abs(factor) >= 1.0 and cfg.reg.lam > 0 and cfg.optimizer.kind == "sgd" else "lr"
    return Blowup(kind, n if kind == "diverged" else last, last, float(loss[0]), float(loss[last]), setting,
                  float(cfg.lr), float(cfg.reg.lam), factor)


__all__ = ["Blowup", "blowup", "penalty_factor", "GROWTH"]
