"""The Margins tab: the losses as functions of the margin, every point a dot on the current one.

x is the margin m = s_y − max_{j≠y} s_j of a point at the step shown (right of 0: classified
right), y the loss a point with that margin pays (``linviz.engine.margins``): the current
model's loss drawn thick (hinge with its Δ, squared hinge, or Softmax's cross-entropy), the
others thin — the 0–1 loss accuracy counts, least squares on one-hot targets (it rises again
for points far on their own side). Every point of the plane is a dot on the current curve, in
its class's colour; the points picked on the plane (Shift+click) are ringed here too, and a
click on a dot picks that point — through the session's selection, never the plane itself.

With more than two classes the dot shows the two-class loss at the point's margin (for the
hinge, its largest term: the nearest rival), so the curve reads the same for any C.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from linviz.engine.margins import loss_of_margin, margins
from linviz.engine.text import QT_TRANSLATE_NOOP

from .. import i18n, style
from ..widgets import on_screen

translate = QCoreApplication.translate
CURVES = {
    "zero_one": (QT_TRANSLATE_NOOP("MarginChart", "0–1"), "#888888"),
    "hinge": (QT_TRANSLATE_NOOP("MarginChart", "hinge"), "#0072B2"),
    "squared_hinge": (QT_TRANSLATE_NOOP("MarginChart", "hinge²"), "#56B4E9"),
    "cross_entropy": (QT_TRANSLATE_NOOP("MarginChart", "cross-entropy"), "#D55E00"),
    "least_squares": (QT_TRANSLATE_NOOP("MarginChart", "least squares"), "#009E73"),
}
"""Each curve's legend name (translated where shown) and colour."""
M_RANGE = (-4.0, 4.0)
PICK_RADIUS_PX = 12


def current_loss_kind(config) -> str:
    """Which curve is the run's own loss: cross_entropy, squared_hinge or hinge."""
    if config.loss.kind == "softmax":
        return "cross_entropy"
    return "squared_hinge" if config.loss.squared else "hinge"


class MarginChart(QWidget):
    """Loss against margin for the session's run at its current step (objectName ``marginChart``)."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("marginChart")
        self.session = session
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(90)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.addLine(x=0, pen=pg.mkPen("#00000060", width=1))
        # the legend is a line of text under the plot, not pyqtgraph's LegendItem: that one is
        # anchored to the view box and raised RuntimeErrors when a window holding it was deleted
        self.legend = QLabel(objectName="marginLegend")
        self.legend.setTextFormat(Qt.RichText)
        self.legend.setWordWrap(True)
        self.curves = {k: self.plot.plot([], [], pen=pg.mkPen(colour, width=2)) for k, (_, colour) in CURVES.items()}
        self.dots = pg.ScatterPlotItem(size=style.point_size(11), pen=pg.mkPen("k", width=1))
        self.rings = pg.ScatterPlotItem(size=style.point_size(22), brush=None, pen=pg.mkPen("k", width=2.5))
        self.plot.addItem(self.dots)
        self.plot.addItem(self.rings)
        self.dots.sigClicked.connect(self._on_dot_clicked)
        self.note = QLabel(objectName="marginNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.note)
        self.setMinimumSize(240, 150)
        self.kind: str | None = None
        self.m = np.zeros(0)
        self.loss = np.zeros(0)
        self._dirty = True
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._refresh_if_shown)
        for signal in (session.step_changed, session.history_changed, session.settings_changed,
                       session.data.changed, session.selection_changed):
            signal.connect(self._stale)
        i18n.notifier.changed.connect(self._on_language)
        self._retitle()
        self.refresh()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        """The wrapped labels' height at ``width`` and the plot's minimum: the dock's scroll area
        asks this (Qt's own answer counts the plot at its 480 px size hint, and the dock scrolled)."""
        m = self.layout().contentsMargins()
        inner = width - m.left() - m.right()
        spacing = 2 * self.layout().spacing()
        return (self.plot.minimumHeight() + self.legend.heightForWidth(inner) + self.note.heightForWidth(inner)
                + spacing + m.top() + m.bottom())

    def _on_language(self, *_args) -> None:
        self.refresh()  # a rare event, and the labels are read even behind another tab

    # --- when to redraw --------------------------------------------------------------------
    def _stale(self, *_args) -> None:
        self._dirty = True
        if on_screen(self):
            self._timer.start()

    def became_visible(self) -> None:
        if self._dirty:
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._dirty:
            self._timer.start()

    def _refresh_if_shown(self) -> None:
        if self._dirty and on_screen(self):
            self.refresh()

    # --- drawing ---------------------------------------------------------------------------
    def _retitle(self) -> None:
        parts = []
        for k, (name, colour) in CURVES.items():
            text = html.escape(translate("MarginChart", name))
            parts.append(f'<span style="color:{colour}">━━</span>&nbsp;' + (f"<b>{text}</b>" if k == self.kind else text))
        self.legend.setText("&nbsp;&nbsp; ".join(parts))
        self.plot.setLabel("bottom", translate("MarginChart", "margin m = s_y − max s_j (j ≠ y)"))
        self.plot.setLabel("left", translate("MarginChart", "loss"))

    def refresh(self) -> None:
        """Curves for the run's settings, dots at the current step's margins."""
        self._dirty = False
        self._timer.stop()
        self._retitle()
        s, h, ds = self.session, self.session.history, self.session.data.dataset
        if h is None or len(ds) == 0 or ds.n_classes < 2:
            self.kind = None
            for c in self.curves.values():
                c.setData([], [])
            self.dots.setData([])
            self.rings.setData([])
            self.note.setText(translate("MarginChart", "Needs SVM or Softmax, and points."))
            return
        cfg = h.config
        self.kind = current_loss_kind(cfg)
        self._retitle()  # the run's own loss in bold
        delta = cfg.loss.delta
        xs = np.linspace(*M_RANGE, 321)
        for k, c in self.curves.items():
            c.setData(xs, loss_of_margin(k, xs, delta))
            c.setPen(pg.mkPen(CURVES[k][1], width=4 if k == self.kind else 1.5))
            c.setZValue(2 if k == self.kind else 1)
        t = s.step
        scores = cfg.features.transform(ds.X) @ h.W[t].T + h.b[t]
        self.m = margins(scores, ds.y)
        self.loss = loss_of_margin(self.kind, self.m, delta)
        colours = style.class_colours(ds.n_classes)
        brushes = [pg.mkBrush(colours[int(c)]) for c in ds.y]
        self.dots.setData(x=self.m, y=self.loss, brush=brushes, data=np.arange(len(ds)))
        chosen = [i for i in s.chosen_examples if 0 <= i < len(ds)]
        self.rings.setData(x=self.m[chosen], y=self.loss[chosen])
        top = float(np.nanmax(np.concatenate([loss_of_margin(self.kind, xs, delta), self.loss])))
        finite = self.m[np.isfinite(self.m)]
        lo = min(M_RANGE[0], float(finite.min()) - 0.3) if len(finite) else M_RANGE[0]
        hi = max(M_RANGE[1], float(finite.max()) + 0.3) if len(finite) else M_RANGE[1]
        self.plot.setXRange(max(lo, -50.0), min(hi, 50.0), padding=0)  # a diverging run stays readable
        self.plot.setYRange(0, min(max(top, 1.0), 25.0) * 1.05, padding=0)
        wrong = int((self.m <= 0).sum())
        self.note.setText(translate("MarginChart", "wrong side (m ≤ 0): {0} of {1}").format(wrong, len(ds)))
        self.note.setToolTip(translate("MarginChart", "Each dot is a point of the plane at step {0}; the thick "
                                                      "curve is the run's own loss.").format(t))

    def _on_dot_clicked(self, _item, points, *_ev) -> None:
        """A click on a dot picks that point (the plane and the Scores table follow the selection)."""
        if len(points):
            self.session.set_selected_examples([int(points[0].data())])


def install(window):
    """Add the Margins tab under the plane, beside the loss curve (and the Runs): it needs width
    more than height, and the right-hand tab group is full. The chart is built when its tab is
    first seen (``window.lazy_dock``; ``window.margin_chart`` builds it on demand). Returns the dock."""
    if "margins" in window.docks:
        return window.docks["margins"]
    loss = window.docks["loss"]
    dock = window.lazy_dock(translate("MainWindow", "Margins"), "dock_MarginChart",
                            lambda: MarginChart(window.session), window.dockWidgetArea(loss))
    window.tabifyDockWidget(loss, dock)
    loss.raise_()
    window.docks["margins"] = dock
    dock.visibilityChanged.connect(lambda *_: dock.is_built and dock.view()._stale())
    return dock


__all__ = ["MarginChart", "install", "current_loss_kind"]
