"""W and b as the lecture writes them — one row per class — live, editable.

Two Qt tables over one :class:`~.params_model.ParamsTableModel` each: the parameters at the
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

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics
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
from ..widgets import MarkupLine, WrapWhenNarrow
from .cell_looks import LookDelegate
from .params_model import GRADIENT_ROLE, NUDGE, PARAM_ROLE, STRETCH_MAX_COLUMNS, ParamsTableModel

translate = QCoreApplication.translate

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
        self.double_button = QToolButton()
        self.double_button.setText("×2")
        self.double_button.setObjectName("doubleWButton")
        self.half_button = QToolButton()
        self.half_button.setText("÷2")
        self.half_button.setObjectName("halveWButton")
        for button in (self.minus_button, self.plus_button, self.bias_button, self.double_button, self.half_button):
            button.setAutoRaise(False)
        self.double_button.clicked.connect(lambda: self.model.scale(2.0))
        self.half_button.clicked.connect(lambda: self.model.scale(0.5))
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
        bar.addWidget(self.bias_button)  # beside the nudges: a narrow dock still shows it whole
        bar.addWidget(self.message, 1)
        scale_bar = QHBoxLayout()  # a row of its own: beside the nudges they pushed [W | b] out of a 260 px dock
        scale_bar.setContentsMargins(0, 0, 0, 0)
        scale_bar.addWidget(self.double_button)
        scale_bar.addWidget(self.half_button)
        scale_bar.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 3)
        layout.addLayout(bar)
        layout.addLayout(scale_bar)
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
        self.double_button.setToolTip(translate("ParamsTable", "Multiply all of W and b by 2: is W unique? A W that "
                                                               "gives every point its margin has data loss 0, and so "
                                                               "does 2W"))
        self.half_button.setToolTip(translate("ParamsTable", "Divide all of W and b by 2"))
        self.bias_button.setToolTip(translate(
            "ParamsTable", "The bias trick: b as the last column of W and a 1 appended to x, so s = [W | b]·(x, 1)"))

    def _update_buttons(self, *_):
        ok = self.session.history is not None and self.view.currentIndex().isValid()
        self.minus_button.setEnabled(ok)
        self.plus_button.setEnabled(ok)
        self.minus_button.setVisible(self.session.history is not None)
        self.plus_button.setVisible(self.session.history is not None)
        self.bias_button.setVisible(self.session.history is not None)
        for button in (self.double_button, self.half_button):
            button.setVisible(self.session.history is not None)

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
