"""The plane's key, a narrow panel beside the plot — so it never hides a point.

One row per class (its marker in its colour, then its name; the current class —
the one a click adds — is bold with a ◂ after it; a click on the row makes that
class the current one), then one row per mark drawn on the plane that is on:
the SVM's L_i > 0 ring, the −∂L/∂w arrows (with their scale ×k), the mini-batch
square, the active-margin dots. The rows are plain Qt widgets, rebuilt only
when what they say changes, and they are not repainted during playback unless
the gradient scale's text changes.

:class:`PlaneLegend` is a dumb widget: :class:`~linviz.ui.views.plane.PlaneView`
tells it the class names, the current class and the mark rows; a click on a
class row is reported through ``class_clicked`` (the plane turns it into a
model call).
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from .. import style
from ..table_cells import class_icon
from .plane_overlays import DOT_RADIUS_PX, DOT_RING_PX, GRAD_WIDTH, INK

LEGEND_WIDTH = 176
"""The panel's width in pixels: the plane is usually wider than tall and keeps equal aspect,
so most of this width was empty plot beside the data anyway."""
CLASS_FONT_PT = 13
MARK_FONT_PT = 12
ICON_PX = 22
RING_COLOUR = "#C00000"
"""The pen of the L_i > 0 ring (the plane draws its rings with it too)."""
RING_WIDTH = 2.5

MARK_KINDS = ("ring", "gradient", "batch", "margins")


@dataclass(frozen=True)
class LegendRow:
    """What one row says: ``kind`` ("class" or a mark kind), ``text`` (plain, as read), ``html``
    (as shown, without the current class's ◂); for class rows ``index`` (the class), ``marker``
    (its pyqtgraph symbol) and ``colour`` (hex), which its icon shows; ``current``: the bold one."""

    kind: str
    text: str
    html: str
    index: int | None = None
    marker: str | None = None
    colour: str | None = None
    current: bool = False


def plain_text(markup: str) -> str:
    """The text a reader sees in a bit of label HTML: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup)).replace("\xa0", " ")


# --- icons ----------------------------------------------------------------------------------------
def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    return pixmap, painter


def _pen(colour, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def mark_icon(kind: str, colours: Sequence[str] = (), size: int = ICON_PX) -> QPixmap:
    """The sample of a mark as the plane draws it: "ring" (L_i > 0), "gradient" (an arrow with an
    open head), "batch" (a square outline), "margins" (a point with dots in the class colours),
    "heldout" (a hollow point)."""
    pixmap, p = _canvas(size)
    c = size / 2
    try:
        if kind == "ring":
            p.setPen(_pen(RING_COLOUR, RING_WIDTH))
            r = 0.38 * size
            p.drawEllipse(QPointF(c, c), r, r)
        elif kind == "gradient":
            p.setPen(_pen(INK, GRAD_WIDTH - 0.5))
            y, x0, x1, h = c, 1.5, size - 2.0, 0.36 * size
            p.drawLine(QPointF(x0, y), QPointF(x1 - 2, y))
            head = QPainterPath(QPointF(x1 - h, y - 0.7 * h))
            head.lineTo(x1, y)
            head.lineTo(x1 - h, y + 0.7 * h)
            p.drawPath(head)
        elif kind == "batch":
            p.setPen(_pen(INK, 2.5))
            s = 0.74 * size
            p.drawRect(QRectF(c - s / 2, c - s / 2, s, s))
        elif kind == "margins":
            p.setPen(_pen("#1A1A1A", 1.2))
            p.setBrush(QColor("#FFFFFF"))
            p.drawEllipse(QPointF(c, c), 0.16 * size, 0.16 * size)
            shown = list(colours[:3]) or ["#777777"]
            ring = DOT_RING_PX / (2 * DOT_RING_PX + 2 * DOT_RADIUS_PX) * size
            rad = max(2.2, DOT_RADIUS_PX / (2 * DOT_RING_PX + 2 * DOT_RADIUS_PX) * size * 1.2)
            for j, colour in enumerate(shown):
                a = 2 * math.pi * j / max(len(colours), 1)
                p.setBrush(QColor(colour))
                p.drawEllipse(QPointF(c + ring * math.sin(a), c - ring * math.cos(a)), rad, rad)
        elif kind == "heldout":  # a held-out point (heldout_layer): hollow, a thick ring
            p.setPen(_pen("#555555", 3.0))
            p.setBrush(QColor("#FFFFFF"))
            p.drawEllipse(QPointF(c, c), 0.3 * size, 0.3 * size)
        else:
            raise ValueError(f"no legend icon for {kind!r}")
    finally:
        p.end()
    return pixmap


# --- the widget -----------------------------------------------------------------------------------
class _Row(QWidget):
    """An icon and a word-wrapped label; a class row reports clicks."""

    def __init__(self, legend: "PlaneLegend", point_size: int):
        super().__init__(legend)
        self.legend = legend
        self.index: int | None = None
        self.icon = QLabel(self)
        self.icon.setFixedSize(ICON_PX + 4, ICON_PX + 2)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        # Ignored: the label takes the width the row gives it and wraps to it (a wrapped label's
        # own width hint can exceed the narrow panel and push text past its edge)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setFont(style.font(point_size, base=self.font()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 1, 2, 1)
        layout.setSpacing(4)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def mousePressEvent(self, event) -> None:
        if self.index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.legend.class_clicked.emit(self.index)
            event.accept()
            return
        super().mousePressEvent(event)


class PlaneLegend(QFrame):
    """The key beside the plane (objectName ``plane_legend``).

    ``set_classes(names, current)`` and ``set_marks(rows, colours)`` say what it shows;
    ``rows()`` reads it back (:class:`LegendRow`, the shown rows in order); ``class_rows`` /
    ``mark_rows`` hold the row widgets (``.icon``, ``.label``; only the first ones are shown).
    ``class_clicked(int)``: the teacher clicked class j's row.
    """

    class_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("plane_legend")
        self._fit_width()
        style.fonts.changed.connect(self._fit_width)  # a new presentation font size: wider
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor("white"))
        pal.setColor(self.foregroundRole(), QColor("black"))
        self.setPalette(pal)
        self.class_rows: list[_Row] = []
        self.mark_rows: list[_Row] = []
        self._names: tuple[str, ...] = ()
        self._n_colours = 0
        self._current = -1
        self._marks: tuple[tuple[str, str], ...] = ()
        self._mark_colours: tuple[str, ...] = ()

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 10, 8, 6)
        self._layout.setSpacing(2)
        self._class_box = QVBoxLayout()
        self._class_box.setSpacing(2)
        self._mark_box = QVBoxLayout()
        self._mark_box.setSpacing(6)
        self.separator = QFrame(self)
        self.separator.setFrameShape(QFrame.Shape.HLine)
        self.separator.setStyleSheet("color: #BBBBBB;")
        self._layout.addLayout(self._class_box)
        self._layout.addSpacing(4)
        self._layout.addWidget(self.separator)
        self._layout.addSpacing(4)
        self._layout.addLayout(self._mark_box)
        self._layout.addStretch(1)
        self.separator.hide()

    def sizeHint(self) -> QSize:
        return QSize(round(LEGEND_WIDTH * style.scale()), 200)

    def _fit_width(self, *_) -> None:
        self.setFixedWidth(round(LEGEND_WIDTH * style.scale()))  # LEGEND_WIDTH at the default font

    # --- what it shows -----------------------------------------------------------------------
    @property
    def current_class(self) -> int:
        return self._current

    def set_classes(self, names: Sequence[str], current: int) -> None:
        """One row per class name (marker and colour of class j of len(names)); ``current`` bold."""
        names = tuple(names)
        if names != self._names:
            n = len(names)
            while len(self.class_rows) < n:
                row = _Row(self, CLASS_FONT_PT)
                row.setCursor(Qt.CursorShape.PointingHandCursor)
                self._class_box.addWidget(row)
                self.class_rows.append(row)
            for j, row in enumerate(self.class_rows):
                if j < n:
                    row.index = j
                    if self._n_colours != n or row.icon.pixmap().isNull():
                        row.icon.setPixmap(class_icon(j, n, ICON_PX).pixmap(QSize(ICON_PX, ICON_PX)))
                    key = f"{j + 1}" if j < 9 else "0"
                    row.setToolTip(QCoreApplication.translate(
                        "PlaneLegend", "<p>Click (or press {0} on the plane): new points are <b>{1}</b></p>").format(
                        key, html.escape(names[j])))
                row.setVisible(j < n)
            self._names, self._n_colours, self._current = names, n, -1
        self.set_current(current)

    def set_current(self, current: int) -> None:
        """Make class ``current`` the bold one, with a ◂ after its name."""
        if current == self._current:
            return
        self._current = current
        for j, name in enumerate(self._names):
            label = self.class_rows[j].label
            text = html.escape(name)
            label.setText(f"<b>{text}&nbsp;◂</b>" if j == current else text)

    def set_marks(self, rows: Sequence[tuple[str, str]], colours: Sequence[str] = ()) -> None:
        """The mark rows, (kind, label HTML) each, in order; ``colours``: the class colours
        (the margin dots' sample uses them)."""
        rows, colours = tuple(rows), tuple(colours)
        if rows == self._marks and colours == self._mark_colours:
            return
        kinds_before = [k for k, _ in self._marks]
        while len(self.mark_rows) < len(rows):
            row = _Row(self, MARK_FONT_PT)
            self._mark_box.addWidget(row)
            self.mark_rows.append(row)
        for i, row in enumerate(self.mark_rows):
            if i < len(rows):
                kind, markup = rows[i]
                if i >= len(kinds_before) or kinds_before[i] != kind or colours != self._mark_colours:
                    row.icon.setPixmap(mark_icon(kind, colours))
                if i >= len(self._marks) or self._marks[i][1] != markup:
                    row.label.setText(markup)
            row.setVisible(i < len(rows))
        self.separator.setVisible(bool(rows))
        self._marks, self._mark_colours = rows, colours

    # --- reading it back ---------------------------------------------------------------------------
    def rows(self) -> list[LegendRow]:
        """The rows shown, classes first."""
        n = len(self._names)
        colours = style.class_colours(max(n, 2))  # as class_icon paints them
        out = [LegendRow("class", name, html.escape(name), j, style.MARKERS[j % len(style.MARKERS)], colours[j],
                         j == self._current) for j, name in enumerate(self._names)]  # fmt: skip
        out += [LegendRow(kind, plain_text(markup), markup) for kind, markup in self._marks]
        return out

    def texts(self) -> list[str]:
        return [row.text for row in self.rows()]


__all__ = ["PlaneLegend", "LegendRow", "mark_icon", "plain_text", "LEGEND_WIDTH", "RING_COLOUR"]
