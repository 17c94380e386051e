"""W and b as the lecture writes them — one row per class — live, editable.

Two Qt tables over one :class:`ParamsTableModel` each: the parameters at the
current step (editable; an edit continues training from there, a branch) and
below them the gradient ∂L/∂W, ∂L/∂b of the whole training loss at that step.
A small bar under them nudges the selected parameter by ± 0.1, the CS231n
demo's buttons, and holds the bias-trick toggle **[W | b]**: with it on, the table
reads as the lecture writes the trick — b is W's last column and under it one more
row shows x̃ = (x, 1), the first picked point's features with a 1 appended, so that
s = [W | b]·x̃ = W·x + b (the title says so; the row is read-only).

Models redraw by emitting ``dataChanged`` (same shape) or a reset (new
shape); nothing is rebuilt per frame.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..models import SessionModel, WhileDragging
from ..style import fonts
from ..table_cells import MINUS, VALUE_ROLE, class_icon, class_name, format_number, number_font, parse_number  # noqa: F401
from ..widgets import MarkupLine, SteadyLabel, WrapWhenNarrow
from .cell_looks import CellLooks, LookDelegate, RemembersLooks

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

    def nudge(self, index, delta: float) -> bool:
        """Add ``delta`` to the parameter at ``index`` (the ± buttons)."""
        if not index.isValid() or self._P is None or index.row() == self.x_row:
            return False
        return self.setData(index, float(self._P[index.row(), index.column()]) + delta)


# ---------------------------------------------------------------------------- widget
class _NumberDelegate(LookDelegate):
    """A right-aligned line edit in the number font, its text selected so typing replaces it."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = index.data(Qt.ItemDataRole.FontRole)
        if font is not None:
            editor.setFont(font)
        editor.setObjectName("paramEditor")
        return editor

    def setEditorData(self, editor, index):
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()

    def setModelData(self, editor, model, index):
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class _ParamsView(QTableView):
    """A table view with the size and headers for a projector; Ctrl+↑/↓ nudge the cell."""

    nudge_requested = Signal(float)

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # sized to its contents by sizeHint below: Qt's AdjustToContents would also ask the
        # parent for a relayout on every dataChanged, 60 times a second during playback
        self.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustIgnored)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        model.modelReset.connect(self._fit)
        fonts.changed.connect(self._fit)  # a new presentation font size
        self._fit()

    def _fit(self, *_):
        model = self.model()
        model.font = number_font()
        model.forget_looks()
        fm = self.fontMetrics()
        nfm = QFontMetrics(model.font)
        row_h = max(fm.height(), nfm.height()) + 8
        self.verticalHeader().setDefaultSectionSize(row_h)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        width = nfm.horizontalAdvance(MINUS + "00.000") + 16
        header.setMinimumSectionSize(width)  # narrow, the table scrolls: a number is never cut
        if model.columnCount() <= STRETCH_MAX_COLUMNS:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(width)
        self.updateGeometry()

    def sizeHint(self):
        frame = 2 * self.frameWidth()
        hint = self.viewportSizeHint() + QSize(frame, frame)  # what AdjustToContents would give
        rows = max(self.model().rowCount(), 1)
        hint.setHeight(self.horizontalHeader().height() + rows * self.verticalHeader().defaultSectionSize() + 4
                       + (self.horizontalScrollBar().sizeHint().height()
                          if self.model().columnCount() > STRETCH_MAX_COLUMNS
                          or self.horizontalHeader().length() > self.viewport().width() else 0))
        return hint

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setHeight(min(self.sizeHint().height(), 3 * self.verticalHeader().defaultSectionSize() + 40))
        return hint

    _OWN_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                           Qt.Key.Key_Home, Qt.Key.Key_End})

    def event(self, event):
        # The window's playback shortcuts (← → Home End) would steal the arrow keys: while the
        # table has the focus they move between its cells, as in every table.
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in self._OWN_KEYS:
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event):
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.nudge_requested.emit(NUDGE if event.key() == Qt.Key.Key_Up else -NUDGE)
            event.accept()
            return
        super().keyPressEvent(event)


class ParamsTable(QWidget):
    """W and b at the current step, their gradient below, ± buttons for the selected cell.

    Attributes for tests and other code: ``model`` / ``grad_model``
    (:class:`ParamsTableModel`), ``view`` / ``grad_view`` (QTableView),
    ``minus_button`` / ``plus_button``, ``note`` (the kNN note), ``message``.
    """

    def __init__(self, session: SessionModel, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("paramsTable")
        self.model = ParamsTableModel(session, ParamsTableModel.VALUE, self)
        self.grad_model = ParamsTableModel(session, ParamsTableModel.GRADIENT, self)

        self.title = MarkupLine()
        self.title.setObjectName("paramsTitle")
        self.note = QLabel(translate("ParamsTable", "kNN has no weights: it keeps the training points and lets the k "
                                                    "nearest vote."))
        self.note.setObjectName("paramsNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555; font-style: italic;")

        self.view = _ParamsView(self.model)
        self.view.setObjectName("paramsView")
        self.view.setItemDelegate(_NumberDelegate(self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.grad_title = WrapWhenNarrow(translate("ParamsTable", "Gradient ∂L/∂W, ∂L/∂b — each step moves W <i>against</i> "
                                                          "it"))
        self.grad_title.setObjectName("gradTitle")
        self.grad_title.setTextFormat(Qt.TextFormat.RichText)
        self.grad_view = _ParamsView(self.grad_model)
        self.grad_view.setObjectName("gradView")
        self.grad_view.setItemDelegate(LookDelegate(self.grad_view))  # read-only: no editor
        self.grad_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grad_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # the two tables scroll together sideways (poly3 / rbf have many columns)
        a, b = self.view.horizontalScrollBar(), self.grad_view.horizontalScrollBar()
        a.valueChanged.connect(b.setValue)
        b.valueChanged.connect(a.setValue)

        self.minus_button = QToolButton()
        self.minus_button.setText(f"{MINUS} {NUDGE:g}")
        self.minus_button.setObjectName("minusButton")
        self.minus_button.setToolTip(translate("ParamsTable", "Subtract {0} from the selected W or b (Ctrl+↓)").format(
            f"{NUDGE:g}"))
        self.plus_button = QToolButton()
        self.plus_button.setText(f"+ {NUDGE:g}")
        self.plus_button.setObjectName("plusButton")
        self.plus_button.setToolTip(translate("ParamsTable", "Add {0} to the selected W or b (Ctrl+↑)").format(
            f"{NUDGE:g}"))
        self.bias_button = QToolButton()
        self.bias_button.setText("[W | b]")
        self.bias_button.setObjectName("biasTrickButton")
        self.bias_button.setCheckable(True)
        self.bias_button.toggled.connect(self.set_bias_trick)
        for button in (self.minus_button, self.plus_button, self.bias_button):
            button.setMinimumWidth(64)
            button.setAutoRaise(False)
        self.minus_button.clicked.connect(lambda: self.nudge(-NUDGE))
        self.plus_button.clicked.connect(lambda: self.nudge(+NUDGE))
        self.view.nudge_requested.connect(self.nudge)
        self.message = QLabel()
        self.message.setObjectName("paramsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B00020;")
        self._message_timer = QTimer(self, singleShot=True, interval=8000)
        self._message_timer.timeout.connect(self.message.clear)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.minus_button)
        bar.addWidget(self.plus_button)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.bias_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 3)
        layout.addLayout(bar)
        layout.addWidget(self.grad_title)
        layout.addWidget(self.grad_view, 3)
        layout.addStretch(0)  # holds the kNN note at the top when the tables are hidden

        self.model.edit_rejected.connect(self._on_rejected)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_state)
        session.step_changed.connect(WhileDragging(session, self._update_title))
        i18n.notifier.changed.connect(self._update_title)
        i18n.notifier.changed.connect(self._retranslate_bias_button)
        self._retranslate_bias_button()
        session.history_changed.connect(self._update_state)
        session.settings_changed.connect(self._update_state)
        self._update_state()

    # --- actions ------------------------------------------------------------------
    def set_bias_trick(self, on: bool) -> None:
        """The bias trick on or off: [W | b] over x̃ = (x, 1), and the title s = [W | b]·x̃."""
        on = bool(on)
        if self.bias_button.isChecked() != on:
            self.bias_button.setChecked(on)  # comes back here through toggled
            return
        self.model.set_bias_trick(on)
        self._update_title()
        self.view.updateGeometry()

    def current_index(self):
        index = self.view.currentIndex()
        return index if index.isValid() else None

    def nudge(self, delta: float) -> bool:
        """Add ``delta`` to the selected parameter (the ± buttons, Ctrl+↑/↓)."""
        index = self.current_index()
        if index is None:
            self._say(translate("ParamsTable", "Select a cell of W or b first."))
            return False
        keep = QPersistentModelIndex(index)
        done = self.model.nudge(index, delta)
        if done:
            self.message.clear()
            if keep.isValid():  # stay on the same cell for the next click
                self.view.setCurrentIndex(self.model.index(keep.row(), keep.column()))
        return done

    def _on_rejected(self, text: str):
        self._say(translate("ParamsTable", "“{0}” is not a number; the value stays as it was.").format(text))

    def _say(self, text: str):
        self.message.setText(text)
        self._message_timer.start()

    # --- state ----------------------------------------------------------------------
    def _update_state(self, *_):
        linear = self.session.history is not None
        self.note.setVisible(not linear)
        for w in (self.view, self.grad_view, self.grad_title, self.title):
            w.setEnabled(linear)
        self.view.setVisible(linear)
        self.grad_view.setVisible(linear)
        self.grad_title.setVisible(linear)
        self.title.setVisible(linear)
        if not linear:
            self.message.clear()
        self._update_title()
        self._update_buttons()

    def _retranslate_bias_button(self, *_):
        self.bias_button.setToolTip(translate(
            "ParamsTable", "The bias trick: b as the last column of W and a 1 appended to x, so s = [W | b]·(x, 1)"))

    def _update_buttons(self, *_):
        ok = self.session.history is not None and self.view.currentIndex().isValid()
        self.minus_button.setEnabled(ok)
        self.plus_button.setEnabled(ok)
        self.minus_button.setVisible(self.session.history is not None)
        self.plus_button.setVisible(self.session.history is not None)
        self.bias_button.setVisible(self.session.history is not None)

    def _update_title(self, *_):
        if self.session.history is None:
            return
        if self.model.bias_trick:
            self.title.setText(translate("ParamsTable", "<b>s = [W | b]·x̃</b>, x̃ = (x, 1) &nbsp; at step <b>{0}</b>")
                               .format(self.session.step))
            return
        self.title.setText(translate("ParamsTable", "<b>s = W·x + b</b> &nbsp; at step <b>{0}</b>").format(
            self.session.step))


__all__ = ["ParamsTable", "ParamsTableModel", "VALUE_ROLE", "GRADIENT_ROLE", "PARAM_ROLE", "format_number",
           "parse_number", "class_icon", "number_font", "NUDGE"]
