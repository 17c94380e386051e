"""How the panes are told apart: a letter, a colour and a line style per pane (the loss
curves, the legend and the headers' keys), and the window's font sizes."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from ..style import point_size

PANE_STYLES = (  # (letter, colour, line style) of each pane's loss curve; Okabe–Ito colours
    ("A", "#000000", Qt.PenStyle.SolidLine),
    ("B", "#0072B2", Qt.PenStyle.DashLine),
    ("C", "#D55E00", Qt.PenStyle.DashDotLine),
    ("D", "#CC79A7", Qt.PenStyle.DotLine),
)
MIN_PANES, MAX_PANES = 2, len(PANE_STYLES)
CURVE_WIDTH = 3.0
HEADER_PT, STATUS_PT, TICK_PT = 13, 13, 13


def swatch(colour: str, style, width: float = CURVE_WIDTH, w: int = 44, h: int = 18) -> QPixmap:
    """A short line in a curve's colour and style (the pane's key in headers and legend)."""
    pm = QPixmap(w, h)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), width, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    p.drawLine(QPointF(2, h / 2), QPointF(w - 2, h / 2))
    p.end()
    return pm


def pen(slot: int):
    _, colour, style = PANE_STYLES[slot]
    pen = pg.mkPen(color=colour, width=CURVE_WIDTH, style=style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def font(widget: QWidget, pt: int, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(point_size(pt))
    font.setBold(bold)
    return font
