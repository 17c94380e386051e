"""A pane's own settings: the few a comparison varies, in three short rows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from linviz.engine.optimizers import OPTIMIZERS
from linviz.engine.regularizers import REG_KINDS

from ..models import SessionModel
from ..panels.setting_rows import ROWS, value_at, with_value
from ..setting_texts import MODEL_ITEMS, OPT_ITEMS, REG_ITEMS, item_tip, model_name, optimizer_name, reg_short_name
from ..widgets import format_value, guard_wheel, pass_space_to_shortcuts

translate = QCoreApplication.translate

BATCHES = (1, 4, 8, 16, 32, 64, 128, None)
LR_VALUES = (1e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 100.0)
LAM_VALUES = (0.0, 1e-3, 0.01, 0.1, 1.0, 10.0)
DELTA_VALUES = (0.1, 1.0, 10.0, 100.0)


class NumberBox(QComboBox):
    """An editable list of round numbers; any other number in [lo, hi] can be typed.

    ``value_changed(float)`` is emitted when an item is picked or typing ends with
    a new valid value; an invalid entry puts the current value back.
    """

    value_changed = Signal(float)

    def __init__(self, values, lo: float, hi: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.lo, self.hi = lo, hi
        self._value = float(values[0])
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems([format_value(v) for v in values])
        self.activated.connect(self._commit)  # no validator: it would hold back editingFinished
        self.lineEdit().editingFinished.connect(self._commit)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("0.001") + 30)

    def value(self) -> float:
        return self._value

    def set_value(self, v: float) -> None:
        """Show v without emitting."""
        self._value = float(v)
        with QSignalBlocker(self):
            self.setEditText(format_value(v))

    def _commit(self, *_args) -> None:
        try:
            v = float(self.currentText())
        except ValueError:
            v = float("nan")
        if not self.lo <= v <= self.hi:
            self.set_value(self._value)
            return
        if v != self._value:
            self._value = v
            self.value_changed.emit(v)


class PaneEditor(QWidget):
    """The settings a comparison varies, in three short rows (four panes share a 1280 px
    screen, ~310 px each): model, Δ, α | optimiser, batch | regulariser, λ.

    Each control sets its value at its Settings path (the paths of the controls dock's
    rows, :mod:`linviz.ui.panels.setting_rows`); the controls follow
    ``session.settings_changed`` quietly. objectNames: pane_model, pane_optimizer,
    pane_batch, pane_lr, pane_reg, pane_lambda, pane_delta.
    """

    def __init__(self, session: SessionModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        linear = ("svm", "softmax")  # kNN has no steps to compare
        self.model = self._combo("pane_model", {k: (model_name(k), item_tip(MODEL_ITEMS, k)) for k in linear},
                                 translate("Compare", "The data loss"))
        self.optimizer = self._combo("pane_optimizer", {k: (optimizer_name(k), item_tip(OPT_ITEMS, k))
                                                        for k in OPTIMIZERS},
                                     translate("Compare", "The update rule"))
        self.batch = self._combo("pane_batch", {b: (translate("Compare", "full") if b is None else str(b), None)
                                                for b in BATCHES},
                                 translate("Compare", "Points per gradient step: 1 is SGD, full = all N (gradient "
                                                      "descent).\nThe loss shown is always on all N points."))
        self.reg = self._combo("pane_reg", {k: (reg_short_name(k), item_tip(REG_ITEMS, k)) for k in REG_KINDS},
                               translate("Compare", "The regulariser R(W) in loss = 1/N Σ Li + λ R(W)"))
        self.lr = self._number("pane_lr", LR_VALUES, 1e-8, 1e4,
                               translate("Compare", "α, the learning rate: W ← W − α ∇W loss"))
        self.lam = self._number("pane_lambda", LAM_VALUES, 0.0, 1e4,
                                translate("Compare", "λ, the regularisation strength"))
        self.delta = self._number("pane_delta", DELTA_VALUES, 0.0, 1e4,
                                  translate("Compare", "Δ, the SVM's margin: Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        # the numbers on one row, the two combos of an update on the next: four panes fit 1280 px in either language
        for row in ([self.model, "Δ", self.delta, "α", self.lr],
                    [self.optimizer, translate("Compare", "batch"), self.batch],
                    [self.reg, "λ", self.lam]):
            line = QHBoxLayout()
            line.setSpacing(4)
            for item in row:
                line.addWidget(QLabel(item) if isinstance(item, str) else item)
            line.addStretch(1)
            column.addLayout(line)
        # where each control's value lives in Settings (the controls dock's rows say it for most)
        self._paths = {self.model: "model", self.optimizer: ROWS["optimizer"].path, self.batch: "train.batch_size",
                       self.reg: ROWS["reg_kind"].path, self.lr: ROWS["lr"].path, self.lam: ROWS["lam"].path,
                       self.delta: ROWS["delta"].path}
        for widget, path in self._paths.items():
            if isinstance(widget, NumberBox):
                widget.value_changed.connect(lambda v, p=path: self._set(p, v))
            else:
                widget.currentIndexChanged.connect(lambda _i, w=widget, p=path: self._set(p, w.currentData()))
        session.settings_changed.connect(self.sync)
        self.sync()

    def _combo(self, name: str, items: dict, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        for key, (text, tip_) in items.items():
            combo.addItem(text, key)
            if tip_:
                combo.setItemData(combo.count() - 1, tip_, Qt.ItemDataRole.ToolTipRole)
        guard_wheel(combo)
        return combo

    def _number(self, name: str, values, lo: float, hi: float, tip: str) -> NumberBox:
        box = NumberBox(values, lo, hi)
        box.setObjectName(name)
        box.setToolTip(tip + "\n" + translate("Compare", "Pick a value or type one."))
        guard_wheel(box)
        pass_space_to_shortcuts(box, box.lineEdit())  # the combo passes its keys on to the line edit
        return box

    def _set(self, path: str, value) -> None:
        self.session.set_settings(with_value(self.session.settings, path, value))

    def sync(self) -> None:
        """Show the session's settings (no signals back)."""
        s = self.session.settings
        for widget, path in self._paths.items():
            value = value_at(s, path)
            if isinstance(widget, NumberBox):
                widget.set_value(value)
                continue
            with QSignalBlocker(widget):
                if widget.findData(value) < 0:  # a batch size the list lacks (set in the main window)
                    widget.addItem(str(value), value)
                widget.setCurrentIndex(widget.findData(value))
        self.delta.setEnabled(s.model == "svm")
        self.lam.setEnabled(ROWS["lam"].enabled(s))
