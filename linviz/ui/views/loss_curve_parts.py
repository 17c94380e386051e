"""The loss curve's parts: the log loss axis, the scrubbing view box, the step tag, log_floor, the flow of
the compact legend.

Shared with the compare window's loss plot (``ui/compare.py``) through ``loss_curve``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem, QHBoxLayout, QLabel,
                               QLayout, QWidget)

from ..axes import CompactAxis


def log_floor(*arrays) -> float:
    """Where zeros sit on a log axis: a decade under the smallest positive value shown."""
    pos = [a[a > 0] for a in arrays if a is not None and len(a)]
    pos = [a for a in pos if len(a)]
    if not pos:
        return 1e-3
    return float(10.0 ** np.floor(np.log10(min(a.min() for a in pos)) - 1))


class LossAxis(CompactAxis):
    """The loss axis: on a log scale, decades labelled, then 2 and 5 where they fit, the rest bare.
    A loss is never negative: its labels need no room for a minus sign (a narrow dock's plot gets it)."""

    widest = "8.88e-88"

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        lo, hi = int(np.floor(minVal)), int(np.ceil(maxVal))
        if hi - lo > 6:  # many decades: pyqtgraph's spacing of whole decades
            return [(s, t) for s, t in stdTicks if s >= 1.0] or [(1.0, list(range(lo, hi + 1)))]

        def inside(mults):
            return [v + np.log10(m) for v in range(lo, hi + 1) for m in mults if minVal <= v + np.log10(m) <= maxVal]

        decades, mids, rest = inside((1,)), inside((2, 5)), inside((3, 4, 6, 7, 8, 9))
        if len(decades) + len(mids) < 2:  # less than a decade shown: label every multiple that fits
            return [(None, decades + mids), (None, rest)]
        return [(None, decades), (None, mids), (None, rest)]


class ScrubViewBox(pg.ViewBox):
    """A ViewBox where a left click or drag picks a step; the wheel zooms the steps only."""

    def __init__(self, on_scrub, **kwargs):
        super().__init__(**kwargs)
        self._on_scrub = on_scrub
        self.setMouseEnabled(x=True, y=False)

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            if ev.double():
                self.enableAutoRange(x=True, y=True)
            self._on_scrub(self.mapSceneToView(ev.scenePos()).x())
        else:
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() == Qt.MouseButton.LeftButton and axis is None:
            ev.accept()
            self._on_scrub(self.mapSceneToView(ev.scenePos()).x())
        else:
            super().mouseDragEvent(ev, axis)

    def itemBoundsChanged(self, item):  # noqa: N802 (pyqtgraph's name)
        """Skip items added with ``ignoreBounds`` (the cursor): pyqtgraph queues an auto-range
        and repaints the whole plot on every move of any item, even one that cannot change the
        range — 60 times a second during playback, for a cursor that covers a few pixels."""
        if item in self.addedItems:
            super().itemBoundsChanged(item)
        else:
            self._itemBoundsCache.pop(item, None)


class StepTag(QGraphicsRectItem):
    """The step number on a white tag at the top of the cursor, right of it, in screen pixels.

    pyqtgraph's own line label re-lays a text document out and finds where the line meets
    the view on every move (~0.6 ms, 60 times a second); this is one plain text item."""

    PAD = 3  # px around the text
    HEIGHT = 0.96  # where on the plot's height the tag's top sits (0 bottom, 1 top)

    def __init__(self, viewbox: pg.ViewBox, colour: str, font):
        super().__init__()
        self.viewbox = viewbox
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setBrush(QBrush(QColor(255, 255, 255, 220)))
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setBrush(QBrush(QColor(colour)))
        self.text.setFont(font)
        self.text.setPos(self.PAD, 0)
        self.setZValue(51)
        self._x = 0.0
        viewbox.addItem(self, ignoreBounds=True)
        viewbox.sigRangeChanged.connect(self._place)

    def show_step(self, t: int) -> None:
        text = str(int(t))
        if text != self.text.text():
            self.text.setText(text)
        self._x = float(t)
        self._place()

    def _place(self, *_):
        """At the cursor's top, right of the line; left of it where the plot ends too soon."""
        (x0, x1), (y0, y1) = self.viewbox.viewRange()
        width = self.text.boundingRect().width() + 2 * self.PAD
        room = (x1 - self._x) / max(self.viewbox.viewPixelSize()[0], 1e-12)  # px right of the line
        left = -width - 2 if room < width + 2 else 2
        self.setRect(left, 0, width, self.text.boundingRect().height())
        self.text.setPos(left + self.PAD, 0)
        self.setPos(self._x, y0 + self.HEIGHT * (y1 - y0))

    def label(self) -> str:
        return self.text.text()


class FlowLayout(QLayout):
    """Its widgets left to right, on as many rows as the width needs (the compact legend's entries)."""

    def __init__(self, parent=None, spacing: int = 10, row_spacing: int = 2):
        super().__init__(parent)
        self._items = []
        self._gap, self._row_gap = spacing, row_spacing

    def addItem(self, item):  # noqa: N802 (Qt name)
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, i):  # noqa: N802 (Qt name)
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i):  # noqa: N802 (Qt name)
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 (Qt name)
        return Qt.Orientation(0)

    def hasHeightForWidth(self):  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width):  # noqa: N802 (Qt name)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect):  # noqa: N802 (Qt name)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self):  # noqa: N802 (Qt name)
        return self.minimumSize()

    def minimumSize(self):  # noqa: N802 (Qt name): the widest entry
        m = self.contentsMargins()
        w = max((it.sizeHint().width() for it in self._shown()), default=0)
        return QSize(w + m.left() + m.right(), self.heightForWidth(w + m.left() + m.right()))

    def _shown(self):
        return [it for it in self._items if not (it.widget() is not None and it.widget().isHidden())]

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        left, right = rect.x() + m.left(), rect.right() - m.right()
        x, y, row_h = left, rect.y() + m.top(), 0
        for it in self._shown():
            size = it.sizeHint()
            if x > left and x + size.width() - 1 > right:  # a new row
                x, y, row_h = left, y + row_h + self._row_gap, 0
            if move:
                it.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + self._gap
            row_h = max(row_h, size.height())
        return y + row_h + m.bottom() - rect.y()


class CompactLegend(QWidget):
    """The loss curve's legend in a narrow dock: a swatch and a name per curve, in as many rows as the width
    needs; ``entries`` {key: entry widget}, ``flow`` (its FlowLayout, which the log scale box joins). An entry
    given a tuple of keys stands for those curves together (the held-out loss and accuracy: one colour)."""

    def __init__(self, entries, parent=None):
        super().__init__(parent)
        self.setObjectName("lossLegendCompact")
        self.flow = FlowLayout(self, spacing=8)
        self.flow.setContentsMargins(4, 2, 4, 2)
        self.entries: dict[str, QWidget] = {}
        for key, pixmap, text in entries:
            entry = QWidget()
            line = QHBoxLayout(entry)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(4)
            swatch = QLabel()
            swatch.setPixmap(pixmap)
            line.addWidget(swatch)
            line.addWidget(QLabel(text))
            self.flow.addWidget(entry)
            for k in key if isinstance(key, tuple) else (key,):
                self.entries[k] = entry
        self.setVisible(False)


__all__ = ["log_floor", "LossAxis", "ScrubViewBox", "StepTag", "FlowLayout", "CompactLegend"]
