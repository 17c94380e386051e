"""The optimiser's state drawn as arrows at the current step of the loss surface's path.

At step t, from θ_t on the path (all vectors are flat θ = (W.ravel(), b), shape (P,), projected
onto the slice's two directions u, v by least squares, as the path is):

- **−α ∇L** (every rule, grey): the plain gradient step from here, SGD's step;
- **v_t** (momentum, Nesterov; orange): the velocity, the recorded state ``opt_state[t].a``.
  The next step is μ v_t − α ∇L: memory plus gradient — in a ravine the gradient arrow points
  across the valley while the velocity points along it;
- **−α m̂_t** (Adam; orange): the first moment (bias-corrected, m̂ = m / (1 − β₁ᵗ)) as a step;
- **effective step** (AdaGrad, RMSProp, Adam; blue): what the running second moments make of
  it, per parameter: −α ∇L / (√G_t + ε) (AdaGrad, RMSProp) or −α m̂_t / (√v̂_t + ε) (Adam) —
  parameters with large past gradients take smaller steps.

α is the rate of step t (``history.lr``). A step is far shorter than the surface is wide, so
the arrows of a step share one scale k (1, 2 or 5 × 10ⁿ), chosen so that the longest is about a
quarter of the longer side of the map (steps shrink a thousandfold along a run: one scale per
run would hide the late ones); the key in the plot's corner says "×k" and the step.

A layer of the loss surface view: it draws on that view's plot and reads its documented
``slice`` and ``path_xy``; the state comes from the session's History.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject

from linviz.engine.text import QT_TRANSLATE_NOOP

from .. import i18n
from ..widgets import on_screen

translate = QCoreApplication.translate
ARROWS = {  # kind: (label, colour)
    "gradient": (QT_TRANSLATE_NOOP("OptimizerArrows", "−α∇L: the gradient step"), "#E0E0E0"),
    "velocity": (QT_TRANSLATE_NOOP("OptimizerArrows", "v: velocity (memory)"), "#E69F00"),
    "moment": (QT_TRANSLATE_NOOP("OptimizerArrows", "−α m̂: first moment"), "#E69F00"),
    "effective": (QT_TRANSLATE_NOOP("OptimizerArrows", "effective step (per-parameter rate)"), "#56B4E9"),
}
SHARE = 0.25
"""A step's longest arrow is about this share of the map's longer side."""


def state_vectors(hist, t: int) -> dict[str, np.ndarray]:
    """The arrows at step t as flat (P,) vectors, by kind (see the module docstring)."""
    if hist is None or not 0 <= t < len(hist):
        return {}
    cfg = hist.config
    opt, state, lr = cfg.optimizer, hist.opt_state[t], cfg.schedule.rate(cfg.lr, t)
    g = np.concatenate([hist.grad_W[t].ravel(), hist.grad_b[t]])
    out = {"gradient": -lr * g}
    if opt.kind in ("momentum", "nesterov") and state.a is not None:
        out["velocity"] = np.array(state.a, float)
    elif opt.kind in ("adagrad", "rmsprop") and state.a is not None:
        out["effective"] = -lr * g / (np.sqrt(state.a) + opt.eps)
    elif opt.kind == "adam" and state.a is not None and state.t > 0:
        m_hat = state.a / (1 - opt.beta1 ** state.t)
        v_hat = state.b / (1 - opt.beta2 ** state.t)
        out["moment"] = -lr * m_hat
        out["effective"] = -lr * m_hat / (np.sqrt(v_hat) + opt.eps)
    return out


def project(vectors: np.ndarray, sl) -> np.ndarray:
    """(K, P) displacement vectors → (K, 2) slice coordinates (least squares onto u, v)."""
    basis = np.stack([sl.u, sl.v], axis=1)
    coords, *_ = np.linalg.lstsq(basis, np.atleast_2d(vectors).T, rcond=None)
    return coords.T


def nice_scale(longest: float, target: float) -> float:
    """k ∈ {1, 2, 5} × 10ⁿ, the largest with k·longest ≤ target (1 when there is nothing to draw)."""
    if not (np.isfinite(longest) and longest > 0 and target > 0):
        return 1.0
    raw = target / longest
    exp = np.floor(np.log10(raw))
    for m in (5.0, 2.0, 1.0):
        if m * 10.0**exp <= raw:
            return float(m * 10.0**exp)
    return float(10.0**exp)


class OptimizerArrows(QObject):
    """Arrows on ``surface_view.plot`` for ``session``'s run at its step. ``shafts`` {kind:
    PlotCurveItem}, ``heads`` {kind: ArrowItem}, ``key`` (TextItem), ``scale`` (k), ``drawn``
    {kind: ((x0, y0), (x1, y1))} in axis coordinates. A QObject child of the surface view, so its
    connections end with it."""

    def __init__(self, surface_view, session):
        super().__init__(surface_view)
        self.view, self.session = surface_view, session
        plot = surface_view.plot
        self.shafts, self.heads = {}, {}
        for z, (kind, (_, colour)) in enumerate(ARROWS.items()):
            shaft = pg.PlotCurveItem(pen=pg.mkPen(colour, width=3.5))
            head = pg.ArrowItem(angle=0, headLen=16, tipAngle=36, tailLen=None, pen=pg.mkPen("#1A1A1A", width=1),
                                brush=pg.mkBrush(colour))
            for item in (shaft, head):
                item.setZValue(10 + z)
                item.hide()
                plot.addItem(item, ignoreBounds=True)
            self.shafts[kind], self.heads[kind] = shaft, head
        self.key = pg.TextItem(anchor=(0, 0), fill=pg.mkBrush(255, 255, 255, 215), border=pg.mkPen("#444"))
        self.key.setParentItem(plot.vb)  # fixed in the view's corner, whatever the range
        self.key.setPos(6, 6)
        self.key.setZValue(30)
        self.scale = 1.0
        self.drawn: dict[str, tuple] = {}
        surface_view.image_item.sigImageChanged.connect(self.refresh)  # the surface was redrawn
        session.step_changed.connect(self._on_step)
        i18n.notifier.changed.connect(self.refresh)
        self.refresh()

    def _on_step(self, *_args) -> None:
        if on_screen(self.view):
            self.refresh()

    def _scale_for(self, coords: np.ndarray, sl) -> float:
        """k for this step: its longest projected arrow → SHARE of the map's longer side."""
        with np.errstate(all="ignore"):
            longest = float(np.nanmax(np.linalg.norm(coords, axis=1), initial=0.0))
        xs, ys = sl.axis_values()
        span = max(float(xs[-1] - xs[0]), float(ys[-1] - ys[0]))
        return nice_scale(longest, SHARE * span)

    def refresh(self, *_args) -> None:
        view, hist, t = self.view, self.session.history, self.session.step
        sl, path = view.slice, view.path_xy
        self.drawn = {}
        shown = (sl is not None and path is not None and hist is not None and 0 <= t < len(path)
                 and len(path) == len(hist) and len(sl.u) == hist.n_classes * (hist.dim + 1))  # not a stale slice
        with np.errstate(all="ignore"):
            vecs = state_vectors(hist, t) if shown else {}
        if vecs:
            with np.errstate(all="ignore"):
                coords = project(np.array(list(vecs.values())), sl)
            k = self.scale = self._scale_for(coords, sl)
            x0, y0 = path[t]
            for (kind, _), (dx, dy) in zip(vecs.items(), coords):
                if np.isfinite(dx) and np.isfinite(dy):
                    self.drawn[kind] = ((x0, y0), (x0 + k * dx, y0 + k * dy))
        for kind in ARROWS:
            shaft, head = self.shafts[kind], self.heads[kind]
            if kind not in self.drawn:
                shaft.hide()
                head.hide()
                continue
            (x0, y0), (x1, y1) = self.drawn[kind]
            shaft.setData([x0, x1], [y0, y1])
            head.setPos(x1, y1)
            # the head's angle on screen (the axes may have different scales)
            p0, p1 = view.plot.vb.mapViewToScene(pg.Point(x0, y0)), view.plot.vb.mapViewToScene(pg.Point(x1, y1))
            head.setStyle(angle=180 + float(np.degrees(np.arctan2(p1.y() - p0.y(), p1.x() - p0.x()))))
            shaft.show()
            head.setVisible((p1 - p0).manhattanLength() > 3)
        if self.drawn:
            rows = [f'<span style="color:{ARROWS[k][1]}; font-size:16pt">━</span>&nbsp;'
                    f'{html.escape(translate("OptimizerArrows", ARROWS[k][0]))}' for k in self.drawn]
            rows.append(html.escape(translate("OptimizerArrows", "arrows ×{0} (step {1})").format(
                f"{self.scale:g}", t)))
            self.key.setHtml('<div style="color:#111">' + "<br>".join(rows) + "</div>")
            self.key.show()
        else:
            self.key.hide()


def install(window) -> None:
    """The arrows on the main window's loss surface, once that view is built (its dock builds it
    when first seen: ``lazy_docks``); ``window.optimizer_arrows`` is None until then."""
    if hasattr(window, "optimizer_arrows"):
        return
    window.optimizer_arrows = None
    dock = window.docks["surface"]

    def attach(view) -> None:
        if window.optimizer_arrows is None:
            window.optimizer_arrows = OptimizerArrows(view, window.session)
    if getattr(dock, "is_built", True):
        attach(window.loss_surface)
    else:
        dock.built.connect(attach)


__all__ = ["OptimizerArrows", "install", "state_vectors", "project", "nice_scale", "ARROWS"]
