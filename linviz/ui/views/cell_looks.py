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

LOOK_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole)
"""The roles that change how a cell looks from step to step (fonts and alignment follow the table's shape)."""


class CellLooks:
    """What a table model's cells showed when it last told its views."""

    def __init__(self):
        self._looks: list[list[tuple]] = []

    def reset(self, model: QAbstractItemModel) -> None:
        """After a model reset (the views repaint everything anyway): remember the new looks."""
        self._looks = self._read(model)

    @staticmethod
    def _read(model: QAbstractItemModel) -> list[list[tuple]]:
        return [[tuple(model.index(r, c).data(role) for role in LOOK_ROLES) for c in range(model.columnCount())]
                for r in range(model.rowCount())]

    def emit_changes(self, model: QAbstractItemModel) -> None:
        """Emit ``dataChanged`` over the block of cells whose text or colours changed (none: no signal)."""
        looks = self._read(model)
        rows, cols = len(looks), model.columnCount()
        old, self._looks = self._looks, looks
        same_shape = len(old) == rows and all(len(row) == cols for row in old)
        changed = [(r, c) for r in range(rows) for c in range(cols)
                   if not same_shape or looks[r][c] != old[r][c]]
        if changed:
            top, bottom = min(r for r, _ in changed), max(r for r, _ in changed)
            left, right = min(c for _, c in changed), max(c for _, c in changed)
            model.dataChanged.emit(model.index(top, left), model.index(bottom, right))
