"""Repaint only the table cells whose look changed.

During playback the tables are told of a new step 60 times a second. A
``dataChanged`` over the whole table makes the view repaint every cell, and a
cell costs ~60 µs to paint (each role goes through Python); once training
settles, most cells show the same three decimals from one step to the next.
:class:`CellLooks` remembers what each cell showed and reports the smallest
block of cells that differs.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate


def _read_looks(model) -> list[list[tuple]]:
    """Every cell's ``paint_look`` — what decides its pixels — one list per row."""
    return [[model.paint_look(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]


class CellLooks:
    """What a table model's cells showed when it last told its views: the model's
    ``paint_look(row, col)`` of each, the same tuple :class:`LookDelegate` paints from."""

    def __init__(self):
        self._looks: list[list] = []
        self._fresh = False

    def reset(self, model) -> None:
        """After a model reset (the views repaint everything anyway): remember the new looks."""
        self._looks, self._fresh = _read_looks(model), True

    def forget(self) -> None:
        """The looks changed outside a refresh (new fonts, another language): read them afresh
        until the next refresh."""
        self._fresh = False

    def look(self, model, row: int, col: int) -> tuple:
        """A cell's ``paint_look`` as read at the last refresh — the views paint right after it,
        so the cells it reported are not read twice — or afresh after :meth:`forget`."""
        if self._fresh and row < len(self._looks) and col < len(self._looks[row]):
            return self._looks[row][col]
        return model.paint_look(row, col)

    def emit_changes(self, model: QAbstractItemModel) -> None:
        """Emit ``dataChanged`` over the block of cells whose look changed (none: no signal)."""
        looks = _read_looks(model)
        old, self._looks, self._fresh = self._looks, looks, True
        same_shape = len(old) == len(looks) and all(len(a) == len(b) for a, b in zip(old, looks))
        changed = [(r, c) for r, row in enumerate(looks) for c, look in enumerate(row)
                   if not same_shape or look != old[r][c]]
        if changed:
            top, bottom = min(r for r, _ in changed), max(r for r, _ in changed)
            left, right = min(c for _, c in changed), max(c for _, c in changed)
            model.dataChanged.emit(model.index(top, left), model.index(bottom, right))


class RemembersLooks:
    """For a table model with a :class:`CellLooks` in ``self._looks`` and a ``paint_look``:
    what :class:`LookDelegate` asks it."""

    _looks: CellLooks

    def shown_look(self, row: int, col: int) -> tuple:
        """The look :class:`LookDelegate` paints: ``paint_look`` as read at the last refresh."""
        return self._looks.look(self, row, col)

    def forget_looks(self) -> None:
        """New fonts or words: the next paints read each cell's look afresh."""
        self._looks.forget()


class LookDelegate(QStyledItemDelegate):
    """Paints a cell from its model's ``shown_look(row, col)`` (its :class:`CellLooks` record of
    ``paint_look(row, col)``) — (text, font, text brush or
    None, background brush or None, alignment) — in a few painter calls.

    QStyledItemDelegate asks the model for each role in turn and lays the text out through
    the style, ~40 µs a cell: at 60 frames a second the two tables took 14 % of a playback
    frame. The selected and the current cell (rare) are left to Qt's own painting; too long a
    text is elided, as Qt's."""

    MARGIN = 3  # px each side: Qt's own text margin for item views
    QT_PAINTS = (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus).value  # an int: enum
    # arithmetic in Python costs µs a cell
    WIDTHS_KEPT = 4096

    def __init__(self, parent=None):
        super().__init__(parent)
        self._widths: dict[tuple[str, int], int] = {}  # (text, id(font)) → its width in px
        self._fonts: dict[int, tuple[QFont, QFontMetrics]] = {}  # id → the font (kept alive: ids stay unique)

    def _width(self, text: str, font: QFont) -> tuple[int, QFontMetrics]:
        """The text's advance in this font (remembered: a table shows the same numbers often)."""
        kept = self._fonts.get(id(font))
        if kept is None or kept[0] is not font:
            if len(self._fonts) > 16:
                self._fonts.clear()
                self._widths.clear()
            kept = self._fonts[id(font)] = (font, QFontMetrics(font))
        key = (text, id(font))
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > self.WIDTHS_KEPT:
                self._widths.clear()
            width = self._widths[key] = kept[1].horizontalAdvance(text)
        return width, kept[1]

    def paint(self, painter, option, index) -> None:
        if option.state.value & self.QT_PAINTS:
            super().paint(painter, option, index)
            return
        text, font, fg, bg, align = index.model().shown_look(index.row(), index.column())
        if bg is not None:
            painter.fillRect(option.rect, bg)
        if not text:
            return
        rect = option.rect.adjusted(self.MARGIN, 0, -self.MARGIN, 0)
        width, metrics = self._width(text, font)
        if width > rect.width():
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.save()
        painter.setFont(font)
        painter.setPen(fg.color() if fg is not None else option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, int(align), text)
        painter.restore()
