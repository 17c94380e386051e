"""Every pane's loss in one plot, with a legend of the pane names and a cursor at t."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QGridLayout, QHBoxLayout, QLabel, QWidget

from ..axes import compact_axes
from ..style import label_style
from ..views.loss_curve import LossAxis, ScrubViewBox, log_floor
from .look import MAX_PANES, PANE_STYLES, TICK_PT, font, pen, swatch

translate = QCoreApplication.translate


class LossOverlay(QWidget):
    """Every pane's total loss against the step, overlaid; a cursor at the shared step.

    ``curves[slot]`` is the PlotDataItem of the pane in that slot (created once, hidden
    while the slot is empty); ``legend_labels[slot]`` its name beside the plot. A click
    or drag in the plot, or a drag of ``cursor``, calls ``on_scrub(step)``.
    """

    def __init__(self, on_scrub: Callable[[int], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compare_loss")
        self._on_scrub = on_scrub
        self._log = False
        self._histories: dict[int, object] = {}
        self.viewbox = ScrubViewBox(self._scrub)
        self.plot = pg.PlotWidget(viewBox=self.viewbox, axisItems=compact_axes(left=LossAxis("left")))
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setClipToView(True)
        tick_font = font(self, TICK_PT)
        for name, text in (("bottom", translate("LossCurve", "step")), ("left", translate("LossCurve", "loss"))):
            axis = item.getAxis(name)
            axis.setTickFont(tick_font)
            axis.setTextPen("k")
            axis.enableAutoSIPrefix(False)
            axis.setLabel(text, **label_style(14))
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.curves = []
        for slot in range(MAX_PANES):
            curve = pg.PlotDataItem(pen=pen(slot))
            curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # the cursor moves, not them
            curve.setZValue(10 - slot)
            curve.hide()
            item.addItem(curve)
            self.curves.append(curve)
        self.cursor = pg.InfiniteLine(pos=0, angle=90, movable=True, pen=pg.mkPen("#CC0066", width=2.5),
                                      hoverPen=pg.mkPen("#CC0066", width=5))
        self.cursor.setZValue(50)
        self.cursor.sigDragged.connect(lambda line: self._scrub(line.value()))
        item.addItem(self.cursor, ignoreBounds=True)
        self._build_legend()

    def _build_legend(self) -> None:
        side = QGridLayout()
        side.setContentsMargins(8, 4, 4, 4)
        side.setVerticalSpacing(4)
        self.legend_labels: list[QLabel] = []
        self._legend_rows = []
        for slot, (letter, colour, style) in enumerate(PANE_STYLES):
            key = QLabel()
            key.setPixmap(swatch(colour, style))
            label = QLabel()
            label.setObjectName(f"legend_{letter}")
            label.setWordWrap(True)
            side.addWidget(key, slot, 0)
            side.addWidget(label, slot, 1)
            self.legend_labels.append(label)
            self._legend_rows.append((key, label))
        self.log_check = QCheckBox(translate("Compare", "log scale"))
        self.log_check.setObjectName("compare_log_scale")
        self.log_check.setToolTip(translate("Compare", "Loss on a logarithmic axis (a loss of 0 sits at the bottom)."))
        self.log_check.toggled.connect(self.set_log_scale)
        side.addWidget(self.log_check, MAX_PANES, 0, 1, 2)
        side.setRowStretch(MAX_PANES + 1, 1)
        side.setColumnStretch(1, 1)
        self.legend_panel = panel = QWidget()
        panel.setObjectName("compare_legend")
        panel.setLayout(side)
        panel.setFixedWidth(240)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(panel)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """The legend takes 30 % of the width, 240 to 440 px (wrapped names read badly when narrower)."""
        self.legend_panel.setFixedWidth(int(np.clip(0.3 * event.size().width(), 240, 440)))
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(1200, 240)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, 200)

    def _scrub(self, x: float) -> None:
        if np.isfinite(x):
            self._on_scrub(int(round(x)))

    def set_log_scale(self, on: bool) -> None:
        on = bool(on)
        if on != self.log_check.isChecked():
            self.log_check.setChecked(on)  # comes back through toggled
            return
        self._log = on
        self.plot.getPlotItem().setLogMode(x=False, y=on)
        self.plot.getPlotItem().getAxis("left").setStyle(maxTextLevel=1 if on else 2)
        self.redraw()

    def set_pane(self, slot: int, history, name: str | None) -> None:
        """Show a pane's run in ``slot`` (history None and name None: the slot is empty)."""
        if name is None:
            self._histories.pop(slot, None)
        else:
            self._histories[slot] = history
        key, label = self._legend_rows[slot]
        key.setVisible(name is not None)
        label.setVisible(name is not None)
        label.setText("" if name is None else f"<b>{PANE_STYLES[slot][0]}</b>&nbsp; {name}")
        self.curves[slot].opts["name"] = name

    def redraw(self) -> None:
        """Set every curve's data from its History; rescale the loss axis."""
        series = {slot: np.asarray(h.loss[: len(h)], float) for slot, h in self._histories.items() if h is not None}
        floor = log_floor(*series.values()) if self._log else None
        for slot, curve in enumerate(self.curves):
            y = series.get(slot)
            if y is None:
                curve.setData(x=[], y=[])
                curve.hide()
                continue
            curve.setData(x=np.arange(len(y), dtype=float), y=np.where(y > 0, y, floor) if self._log else y)
            curve.show()
        if self._log or not series:
            self.viewbox.enableAutoRange(x=True, y=True)
        else:  # a linear loss axis starts at 0, the least a loss can be
            top = max([_top(y) for y in series.values()] + [1e-3])
            self.viewbox.enableAutoRange(x=True, y=False)
            self.viewbox.setYRange(0, top, padding=0.04)

    def set_cursor(self, t: int) -> None:
        self.cursor.setValue(t)


def _top(y: np.ndarray) -> float:
    """The highest loss worth showing on a linear axis: the run's largest, but at most three
    times its start, so a diverging run leaves the top of the plot instead of flattening the rest."""
    finite = y[np.isfinite(y)]
    if not len(finite):
        return 0.0
    return min(float(finite.max()), 3.0 * max(float(finite[0]), 1e-3))
