"""The W and b table's model: W (C, D) then b as rows of a Qt table, and the bias trick's x̃ row.

Row j = class j, column k < D = w_jk, column D = b_j; with the bias trick on, one more row
holds x̃ = (φ(x), 1) of the first picked point, so that row j · x̃ = w_j·φ(x) + b_j = s_j.
Used twice by :class:`~linviz.ui.views.params_table.ParamsTable`: the parameters at the
step shown (editable: an edit branches the run) and their gradient (read-only). It redraws
by emitting ``dataChanged`` (same shape) or a reset (new shape); nothing is rebuilt per frame.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ..models import SessionModel, WhileDragging
from ..table_cells import VALUE_ROLE, class_icon, class_name, format_number, number_font, parse_number
from .cell_looks import CellLooks, RemembersLooks

translate = QCoreApplication.translate

GRADIENT_ROLE = Qt.ItemDataRole.UserRole + 1
"""On the parameter table: the gradient of the same parameter, a float."""
PARAM_ROLE = Qt.ItemDataRole.UserRole + 2
"""("W", j, k) or ("b", j, None): which parameter the cell holds."""

_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
NUDGE = 0.1
X_ROW_BRUSH = QBrush(QColor(238, 238, 238))
"""The x̃ row's cells: pale grey, not a parameter."""
STRETCH_MAX_COLUMNS = 6
"""Up to this many columns share the width; beyond (poly3, rbf) they keep a fixed width and scroll."""


# ---------------------------------------------------------------------------- model
class ParamsTableModel(RemembersLooks, QAbstractTableModel):
    """W (C, D) then b as a table: row j = class j, column k < D = w_jk, column D = b_j.

    ``kind`` "value" shows the parameters at the session's step (editable);
    "gradient" shows ∂L/∂W, ∂L/∂b at that step (read-only). Empty for kNN.
    Roles: DisplayRole (text, 3 decimals), EditRole (the value as text),
    VALUE_ROLE (float), GRADIENT_ROLE (float), PARAM_ROLE, ToolTipRole.
    """

    VALUE, GRADIENT = "value", "gradient"
    edit_rejected = Signal(str)
    """The text of an edit that was not a finite number (the parameter stays)."""

    def __init__(self, session: SessionModel, kind: str = VALUE, parent=None):
        super().__init__(parent)
        if kind not in (self.VALUE, self.GRADIENT):
            raise ValueError(f"kind must be 'value' or 'gradient', not {kind!r}")
        self.session, self.kind = session, kind
        self.font = number_font()
        self._shape_key = None
        self._looks = CellLooks()
        self._C = self._D = 0
        self._features: tuple[str, ...] = ()
        self._classes: tuple[str, ...] = ()
        self._n_classes_style = 2
        self._P = self._G = self._next = None  # (C, D+1) values, gradients, change at the next step
        self._lr = float("nan")
        self._G_top = 0.0
        self.bias_trick = False
        self._x_tilde: np.ndarray | None = None  # (D+1,) the picked point's φ(x), then 1
        self.x_point: int | None = None  # which point x̃ is
        refresh = WhileDragging(session, self.refresh)  # a dragged point: catch up 10× a second
        session.step_changed.connect(refresh)
        session.history_changed.connect(refresh)
        session.settings_changed.connect(self.refresh)
        session.data.changed.connect(refresh)  # class names; a dragged point moves no W
        session.selection_changed.connect(self.refresh)  # x̃ is the first picked point
        self.refresh()

    def set_bias_trick(self, on: bool) -> None:
        """Show (on) or hide the x̃ = (x, 1) row under [W | b] (the value table only)."""
        on = bool(on) and self.kind == self.VALUE
        if on != self.bias_trick:
            self.bias_trick = on
            self._shape_key = None  # one more or one less row: a reset
            self.refresh()

    @property
    def x_row(self) -> int | None:
        """The row of x̃ (the last one), or None when the bias trick is off."""
        return self._C if self.bias_trick and self._C else None

    def x_tilde(self) -> np.ndarray | None:
        """x̃ (D+1,): φ(x) of the first picked point, then 1 — None without points or W."""
        return None if self._x_tilde is None else self._x_tilde.copy()

    def _read_x_tilde(self, h) -> None:
        ds = self.session.data.dataset
        picked = [i for i in self.session.selected_examples if 0 <= i < len(ds)]
        if h is None or not picked:
            self._x_tilde, self.x_point = None, None
            return
        i = picked[0]
        phi = h.config.features.transform(ds.X[i : i + 1])[0]
        self._x_tilde, self.x_point = (np.append(phi, 1.0) if len(phi) == h.dim else None), i

    # --- state ---------------------------------------------------------------------
    @property
    def is_empty(self) -> bool:
        return self._C == 0

    def _shape(self):
        h, ds = self.session.history, self.session.data.dataset
        if h is None:
            return (0, 0, (), ())
        names = self.session.settings.train.features.names
        features = tuple(names) if len(names) == h.dim else h.config.features.names
        if len(features) != h.dim:
            features = tuple(f"w{k + 1}" for k in range(h.dim))
        classes = tuple(class_name(ds.class_names, j) for j in range(h.n_classes))
        return (h.n_classes, h.dim, features, classes)

    def refresh(self, *_):
        """Re-read the session: a reset when the shape changed, else one dataChanged."""
        key = self._shape()
        h = self.session.history
        if h is not None:
            t = self.session.step
            self._P = np.column_stack([h.W[t], h.b[t]])
            self._G = np.column_stack([h.grad_W[t], h.grad_b[t]])
            self._G_top = float(np.max(np.abs(self._G))) if self._G.size else 0.0
            self._next = None
            if t < h.last:
                self._next = np.column_stack([h.W[t + 1] - h.W[t], h.b[t + 1] - h.b[t]])
            self._lr = float(h.lr[t])
            self._n_classes_style = self.session.data.dataset.n_classes
        else:
            self._P = self._G = self._next = None
        self._read_x_tilde(h if self.bias_trick else None)
        if key != self._shape_key:
            self.beginResetModel()
            self._shape_key = key
            self._C, self._D, self._features, self._classes = key
            self.endResetModel()
            self._looks.reset(self)
        elif self._C:
            self._looks.emit_changes(self)

    # --- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self._C + (1 if self.bias_trick and self._C else 0)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or not self._C else self._D + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section <= self._D:
                return None
            name = self._features[section] if section < self._D else "b"
            if role == Qt.ItemDataRole.DisplayRole:
                return f"| {name}" if self.bias_trick and section == self._D else name
            if role == Qt.ItemDataRole.ToolTipRole:
                if section == self._D:
                    return translate("ParamsTable", "b: the bias of each class (s = W·x + b)")
                return translate("ParamsTable", "{0}: the weight of feature {0} in each class's score").format(name)
            if role == Qt.ItemDataRole.FontRole:
                return self.font
            return None
        if section == self.x_row:
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("ParamsTable", "x̃ (point #{0})").format(self.x_point + 1) if self.x_point is not None \
                    else "x̃"
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("ParamsTable", "x̃ = (x, 1): the point's features with a 1 appended, so that "
                                                "s = [W | b]·x̃ = W·x + b (pick a point with Shift+click)")
            return None
        if not 0 <= section < self._C:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._classes[section]
        if role == Qt.ItemDataRole.DecorationRole:
            return class_icon(section, max(self._n_classes_style, self._C))
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("ParamsTable", "row w of class {0}: its score is s = w·x + b").format(
                self._classes[section])
        return None

    def param(self, row: int, col: int):
        return ("W", row, col) if col < self._D else ("b", row, None)

    _ROLES = frozenset({
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, VALUE_ROLE, GRADIENT_ROLE, PARAM_ROLE,
        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
    })

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # the view asks ~10 roles per cell 60 times a second: leave the unused ones at once
        if role not in self._ROLES or self._P is None or not index.isValid():
            return None
        j, k = index.row(), index.column()
        if j == self.x_row and 0 <= k <= self._D:
            return self._x_data(k, role)
        if not (0 <= j < self._C and 0 <= k <= self._D):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT
        if role == Qt.ItemDataRole.FontRole:
            return self.font
        value, grad = float(self._P[j, k]), float(self._G[j, k])
        own = value if self.kind == self.VALUE else grad
        if role == Qt.ItemDataRole.DisplayRole:
            return format_number(own)
        if role == VALUE_ROLE:
            return own
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._grad_brush(grad) if self.kind == self.GRADIENT else None
        if role == Qt.ItemDataRole.EditRole:
            return f"{own:.6g}"
        if role == GRADIENT_ROLE:
            return grad
        if role == PARAM_ROLE:
            return self.param(j, k)
        return self._tooltip(j, k, value, grad)

    def _x_data(self, k: int, role):
        """A cell of the x̃ row: x̃_k (the last one is the appended 1); read-only."""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT
        if role == Qt.ItemDataRole.FontRole:
            return self.font
        if role == Qt.ItemDataRole.BackgroundRole:
            return X_ROW_BRUSH
        value = None if self._x_tilde is None else float(self._x_tilde[k])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if value is None else format_number(value)
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("ParamsTable", "x̃ = (x, 1): the point's features with a 1 appended, so that "
                                            "s = [W | b]·x̃ = W·x + b (pick a point with Shift+click)")
        return None

    def _tooltip(self, j, k, value, grad) -> str:
        what = f"W[{self._classes[j]}, {self._features[k]}]" if k < self._D else f"b[{self._classes[j]}]"
        lines = [f"{what} = {value:.6g}", f"∂L/∂{what} = {grad:.6g}"]
        if self._next is not None:
            lines.append(translate("ParamsTable", "the next step changes it by {0}").format(
                format_number(self._next[j, k], 4)))
        elif np.isfinite(self._lr):
            lines.append(translate("ParamsTable", "a plain gradient step would change it by −lr·∂L = {0}").format(
                format_number(-self._lr * grad, 4)))
        if self.kind == self.VALUE:
            lines.append(translate("ParamsTable", "Type a number to change it (training continues from there); ± 0.1 "
                                                  "with the buttons."))
        return "\n".join(lines)

    def paint_look(self, row: int, col: int) -> tuple:
        """(text, font, text brush, background brush, alignment) of a cell, for :class:`LookDelegate`
        and :class:`CellLooks`."""
        own = self._P if self.kind == self.VALUE else self._G
        if own is None:
            return ("", self.font, None, None, _ALIGN_RIGHT)
        if row == self.x_row:
            return (self._x_data(col, Qt.ItemDataRole.DisplayRole), self.font, None, X_ROW_BRUSH, _ALIGN_RIGHT)
        bg = self._grad_brush(float(self._G[row, col])) if self.kind == self.GRADIENT else None
        return (format_number(float(own[row, col])), self.font, None, bg, _ALIGN_RIGHT)

    def _grad_brush(self, g: float):
        """Pale red for a positive gradient (descent lowers the value), pale blue for negative."""
        top = self._G_top
        if not np.isfinite(g) or top <= 0 or g == 0:
            return None
        a = min(abs(g) / top, 1.0) * 0.45
        base = (213, 94, 0) if g > 0 else (0, 114, 178)
        return QBrush(QColor(*(round(255 + a * (c - 255)) for c in base)))

    def flags(self, index):
        f = super().flags(index)
        if index.isValid() and self.kind == self.VALUE and self.session.history is not None \
                and index.row() != self.x_row:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        """Set one parameter from a number or text; continues training from it (a branch).

        Refuses (returns False, parameters unchanged) text that is not a finite number.
        """
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.kind != self.VALUE:
            return False
        if self.session.history is None or self._P is None:
            return False
        v = parse_number(value)
        if v is None:
            self.edit_rejected.emit(str(value))
            return False
        j, k = index.row(), index.column()
        if j == self.x_row:
            return False  # x̃ is the point's, not a parameter
        if str(value).strip() == self.data(index, Qt.ItemDataRole.EditRole) or v == self._P[j, k]:
            return False  # unchanged: no new branch
        W, b = np.array(self.session.W, float), np.array(self.session.b, float)
        if k < self._D:
            W[j, k] = v
        else:
            b[j] = v
        self.session.edit_params(W, b)
        return True

    def scale(self, factor: float) -> bool:
        """Multiply all of W and b by ``factor`` (the ×2 and ÷2 buttons: "is W unique?" — a W
        that gives every point its margin Δ gives a data loss of 0, and so does 2W). Like a typed
        value, training continues from the new parameters (a branch)."""
        if self.session.history is None or self._P is None:
            return False
        W, b = np.array(self.session.W, float) * factor, np.array(self.session.b, float) * factor
        if not (np.all(np.isfinite(W)) and np.all(np.isfinite(b))):
            return False
        self.session.edit_params(W, b)
        return True

    def nudge(self, index, delta: float) -> bool:
        """Add ``delta`` to the parameter at ``index`` (the ± buttons)."""
        if not index.isValid() or self._P is None or index.row() == self.x_row:
            return False
        return self.setData(index, float(self._P[index.row(), index.column()]) + delta)


__all__ = ["ParamsTableModel", "GRADIENT_ROLE", "PARAM_ROLE", "NUDGE", "STRETCH_MAX_COLUMNS", "X_ROW_BRUSH"]
