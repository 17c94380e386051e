"""The controls dock: every setting of the session, with its formula in the tooltip.

The settings are one table (:mod:`.setting_rows`): each row says which widget shows a
setting, where it lives in Settings, its label, tip and range, and when it is shown or
enabled. The panel builds the widgets from the rows, shows the session's settings through
them and turns an edit into new settings — each from the same row. The model buttons, the
batch size, restart or branch, and the class rows (:mod:`.class_rows`) are built by hand.

Each control writes to the models only (``session.set_settings`` or
``data.set_…``); the panel redraws itself from ``session.settings_changed``
and ``data.changed`` with its own signals blocked, so nothing echoes. A
setting the engine refuses (a ``ValueError``) is reported through
``session.message`` and the controls snap back to the settings in force.

Controls are found by ``objectName`` (a row's ``name``; also the panel's attribute).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP
from ..messages import error_text
from ..models import DatasetModel, SessionModel, Settings
from ..setting_texts import BATCH_TIP, CONTINUE_TIP, FULL_TIP, INIT_ITEMS, MODEL_ITEMS, RESTART_TIP
from ..style import fonts
from ..widgets import LogSlider, guard_wheel, pass_space_to_shortcuts
from .class_rows import ClassRows, quiet, set_if_changed
from .setting_rows import GROUPS, ROWS, Row, value_at, with_value

translate = QCoreApplication.translate

WRAP_LABELS_LONGER_THAN = 16
"""Control labels longer than this (in characters) may wrap onto a second line."""


class ControlsPanel(ClassRows, QWidget):
    """All settings in groups: Model, Loss, Regularisation, Optimisation, Features, kNN, Data, On change."""

    def __init__(self, data: DatasetModel, session: SessionModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.data, self.session = data, session
        self._inputs: list[QWidget] = []
        self._class_buttons: list[QToolButton] = []
        self._class_edits: list[QLineEdit] = []
        self._class_colours: tuple[str, ...] = ()
        self._form_labels: list[QLabel] = []
        self._row_widgets: dict[str, QWidget] = {}
        self._row_forms: dict[str, QFormLayout] = {}
        self._batch_pref = min(32, max(1, len(data.dataset) // 2))

        inner = QWidget()
        inner.setObjectName("controls_inner")
        # bold group titles read as headings from the back of the room
        inner.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }")
        column = QVBoxLayout(inner)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(8)
        self.groups: dict[str, QGroupBox] = {}
        by_hand = {"data": self._build_data, "on_change": self._build_on_change}
        for name, title, rows in GROUPS:
            box = QGroupBox(translate("Controls", title))
            box.setObjectName(f"group_{name}")
            by_hand[rows](box) if isinstance(rows, str) else self._build_rows(box, rows)
            column.addWidget(box)
            self.groups[name] = box
        column.addStretch(1)
        self._wrap_long_labels()
        i18n.notifier.changed.connect(self._wrap_long_labels)

        scroll = QScrollArea()
        scroll.setObjectName("controls_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.scroll = scroll

        session.settings_changed.connect(self.sync_from_settings)
        self._shown_data: tuple = ()
        data.changed.connect(self._on_data_changed)
        data.current_class_changed.connect(self._on_current_class)
        self._rebuild_classes()
        self.sync_from_settings()
        guard_wheel(*inner.findChildren(QComboBox), *inner.findChildren(QAbstractSpinBox),
                    *inner.findChildren(QSlider))
        self._fit_width()
        fonts.changed.connect(self._fit_width)  # a new presentation font size: new widths

    def _fit_width(self, *_) -> None:
        """Never narrower than the controls (the horizontal scroll bar is off): nothing is clipped."""
        scroll = self.scroll
        # sizes changed just now (e.g. "full (100000)") reach the inner layout through posted layout requests
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        scroll.setMinimumWidth(scroll.widget().minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        hint = super().sizeHint()
        return QSize(max(hint.width(), 380), hint.height())

    # --- building: the rows ------------------------------------------------------------------------
    def _build_rows(self, box: QGroupBox, rows: tuple) -> None:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        # a row too wide for the column puts its field under its label (at 1280 × 800 the column
        # is ~250 px: side by side, the number boxes were cut off and looked empty)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.setContentsMargins(6, 6, 6, 8)
        for row in rows:
            if row == "model_buttons":
                self._build_model_buttons(form)
            elif row == "batch":
                self._build_batch(form)
            else:
                self._add_row(form, row)

    def _add_row(self, form: QFormLayout, row: Row) -> None:
        """The row's widget, its label, and its edits turned into new settings."""
        tip = translate("Controls", row.tip).format(*row.tip_args) if row.tip_args else row.tip

        def apply(value, path=row.path) -> None:
            self._apply(lambda s: with_value(s, path, value))

        if row.widget == "combo":
            widget = self._combo(row.name, row.items, tip, apply)
        elif row.widget == "check":
            widget = self._check(row.name, row.text, tip, apply)
        elif row.widget == "log":
            widget = LogSlider(row.lo, row.hi, allow_zero=row.allow_zero)
            widget.slider.setObjectName(f"{row.name}_slider")
            widget.edit.setObjectName(f"{row.name}_value")
            self._register(widget, row.name, tip)
            widget.valueChanged.connect(apply)
        else:
            double = row.widget == "dspin"
            lo, hi = (float(row.lo), float(row.hi)) if double else (int(row.lo), int(row.hi))
            widget = self._spin(row.name, lo, hi, tip, apply, double=double, step=row.step, decimals=row.decimals,
                                suffix=row.suffix)
        setattr(self, row.name, widget)
        self._row_widgets[row.name] = widget
        self._row_forms[row.name] = form
        if row.widget == "check":
            form.addRow(widget)
        elif row.widget == "combo":  # a combo's items carry the formulas: its label stays plain
            form.addRow(translate("Controls", row.label), widget)
        else:
            self._labelled(form, row.label, widget, tip)

    def _register(self, widget: QWidget, name: str, tip: str | None = None) -> QWidget:
        widget.setObjectName(name)
        if tip:
            widget.setToolTip(translate("Controls", tip))
        self._inputs.append(widget)
        return widget

    def _combo(self, name: str, items: dict, tip: str, on_change: Callable[[str], None]) -> QComboBox:
        combo = QComboBox()
        for key, (text, item_tip) in items.items():
            combo.addItem(translate("Controls", text), key)
            combo.setItemData(combo.count() - 1, translate("Controls", item_tip), Qt.ToolTipRole)
        self._register(combo, name, tip)
        combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)  # never narrower than its text
        combo.currentIndexChanged.connect(lambda _i, c=combo: on_change(c.currentData()))
        return combo

    def _spin(self, name: str, lo, hi, tip: str, on_change, *, double=False, step=None, decimals=2,
              suffix="") -> QSpinBox | QDoubleSpinBox:
        spin = QDoubleSpinBox() if double else QSpinBox()
        if double:
            spin.setDecimals(decimals)
        spin.setRange(lo, hi)
        if step is not None:
            spin.setSingleStep(step)
        if suffix:
            spin.setSuffix(translate("Controls", suffix))
        spin.setKeyboardTracking(False)  # typing "12" applies 12 once, not 1 then 12
        spin.setAlignment(Qt.AlignRight)
        pass_space_to_shortcuts(spin)  # Space still plays while a number box has the focus
        self._register(spin, name, tip)
        spin.valueChanged.connect(on_change)
        return spin

    def _check(self, name: str, text: str, tip: str, on_change) -> QCheckBox:
        box = QCheckBox(translate("Controls", text))
        self._register(box, name, tip)
        box.toggled.connect(on_change)
        return box

    # --- building: by hand -------------------------------------------------------------------------
    def _build_model_buttons(self, form: QFormLayout) -> None:
        row = QGridLayout()  # two models a row: four do not fit a narrow column beside its scroll bar
        self.model_group = QButtonGroup(self)
        self.model_buttons: dict[str, QRadioButton] = {}
        for key, (text, tip) in MODEL_ITEMS.items():
            radio = QRadioButton(translate("Controls", text))
            self._register(radio, f"model_{key}", tip)
            radio.toggled.connect(lambda on, k=key: on and self._on_model(k))
            self.model_group.addButton(radio)
            row.addWidget(radio, len(self.model_buttons) // 2, len(self.model_buttons) % 2)
            self.model_buttons[key] = radio
        row.setColumnStretch(2, 1)
        form.addRow(row)

    def _on_model(self, model: str) -> None:
        self._apply(lambda s: replace(s, model=model))
        if model == "knn":  # its k and distance sit further down: bring them into view
            self.scroll.ensureWidgetVisible(self.groups["knn"])

    def _build_batch(self, form: QFormLayout) -> None:
        """The batch size, and under it "full (N)": side by side they did not fit a 1280 × 800
        column (nor "full (100000)" any column), and the form cut the check box."""
        self.batch_size = self._spin("batch_size", 1, max(1, len(self.data.dataset)), BATCH_TIP, self._on_batch)
        self.batch_full = self._check("batch_full", QT_TRANSLATE_NOOP("Controls", "full (N)"), FULL_TIP,
                                      self._on_batch_full)
        self._labelled(form, QT_TRANSLATE_NOOP("Controls", "batch size"), self.batch_size, BATCH_TIP)
        form.addRow("", self.batch_full)

    def _build_on_change(self, box: QGroupBox) -> None:
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 6, 8, 8)
        self.restart_group = QButtonGroup(self)
        self.on_change_restart = QRadioButton(translate("Controls", "restart from step 0"))
        self.on_change_continue = QRadioButton(translate("Controls", "branch from this step"))
        for radio, name, tip, restart in ((self.on_change_restart, "on_change_restart", RESTART_TIP, True),
                                          (self.on_change_continue, "on_change_continue", CONTINUE_TIP, False)):
            self._register(radio, name, tip)
            self.restart_group.addButton(radio)
            radio.toggled.connect(lambda on, r=restart: on and self._apply(lambda s: replace(s, restart=r)))
            layout.addWidget(radio)

    def _labelled(self, form: QFormLayout, text: str, field: QWidget, tip: str) -> None:
        label = QLabel(translate("Controls", text))
        self._form_labels.append(label)
        label.setToolTip(translate("Controls", tip))
        label.setBuddy(field)
        form.addRow(label, field)

    def _wrap_long_labels(self, *_language) -> None:
        """The longest labels ("α tasa de aprendizaje") take two lines rather than push the value
        boxes out of a narrow dock; shorter ones stay on one line (wrapping every label lets the
        form squeeze the label column until some rows clip). Again on every change of language."""
        for label in self._form_labels:
            label.setWordWrap(len(label.text()) > WRAP_LABELS_LONGER_THAN)

    # --- batch size -------------------------------------------------------------------------------
    def _on_batch(self, value: int) -> None:
        self._batch_pref = value
        self._apply(lambda s: with_value(s, "train.batch_size", value))

    def _on_batch_full(self, full: bool) -> None:
        self.batch_size.setEnabled(not full)
        size = None if full else self.batch_size.value()
        self._apply(lambda s: with_value(s, "train.batch_size", size))

    def _sync_batch(self) -> None:
        n = max(1, len(self.data.dataset))
        batch = self.session.settings.train.batch_size
        digits = len(str(self.batch_size.maximum()))
        with quiet([self.batch_size, self.batch_full]):  # unchanged values: no repaint while a point is dragged
            if self.batch_size.maximum() != n:
                self.batch_size.setRange(1, n)
            set_if_changed(self.batch_size, min(self._batch_pref if batch is None else batch, n))
            self.batch_full.setChecked(batch is None)
            self.batch_full.setText(translate("Controls", "full ({0})").format(len(self.data.dataset)))
        self.batch_size.setEnabled(batch is not None)
        if len(str(n)) != digits:  # "full (100000)" and a six-digit box are wider: widen the column (issue 13)
            QTimer.singleShot(0, self, self._fit_width)  # when the spin box and check box have their new sizes

    # --- models → widgets -------------------------------------------------------------------------
    def _data_key(self) -> tuple:
        """What these controls show of the data set: a moved point changes none of it."""
        ds = self.data.dataset
        return ds.n_classes, ds.class_names, len(ds), ds.W0 is None

    def _on_data_changed(self) -> None:
        if self._data_key() != self._shown_data:  # a drag's every mouse move changes nothing here
            self._sync_from_data()

    def _sync_from_data(self) -> None:
        """Class rows, class count, batch range and the init item from the data set."""
        self._shown_data = self._data_key()
        self._rebuild_classes()
        self._sync_class_names()
        with quiet([self.n_classes]):
            set_if_changed(self.n_classes, self.data.dataset.n_classes)
        self._sync_batch()
        self._sync_init()
        self._on_current_class(self.data.current_class)

    def sync_from_settings(self) -> None:
        """Show the session's settings (signals blocked: nothing is applied back)."""
        s = self.session.settings
        with quiet(self._inputs):
            self.model_buttons[s.model].setChecked(True)
            for name, widget in self._row_widgets.items():
                value = value_at(s, ROWS[name].path)
                if isinstance(widget, QComboBox):
                    index = widget.findData(value)
                    if index >= 0:
                        widget.setCurrentIndex(index)
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(value)
                else:
                    widget.setValue(value)
            (self.on_change_restart if s.restart else self.on_change_continue).setChecked(True)
            self.n_classes.setValue(self.data.dataset.n_classes)
        self._sync_batch()
        self._sync_init()
        self._update_enabled()

    def _sync_init(self) -> None:
        ds = self.data.dataset
        has = ds.W0 is not None and self.session.settings.train.features.is_identity
        self.init.setItemText(0, translate("Controls", "preset W") if has else translate("Controls", "preset (none)"))
        self.init.setItemData(0, translate("Controls", INIT_ITEMS["preset"][1]) if has else translate(
            "Controls", "This data set has no preset W (or the features are not identity):\nthe run starts from a "
                        "random W, as with “random”."), Qt.ToolTipRole)

    def _update_enabled(self) -> None:
        """Rows shown and widgets enabled as their rows say; whole groups by the model."""
        s = self.session.settings
        for name, widget in self._row_widgets.items():
            row = ROWS[name]
            if row.enabled is not None:
                widget.setEnabled(row.enabled(s))
            if row.shown is not None:
                self._row_forms[name].setRowVisible(widget, row.shown(s))
        self.groups["loss"].setEnabled(s.model == "svm")
        for name in ("reg", "optim", "features"):
            self.groups[name].setEnabled(s.is_linear)
        self.groups["knn"].setEnabled(not s.is_linear)

    # --- widgets → models -------------------------------------------------------------------------
    def _apply(self, make: Callable[[Settings], Settings]) -> None:
        """New settings from the current ones; a ValueError is shown and the controls snap back."""
        try:
            self.session.set_settings(make(self.session.settings))
        except ValueError as err:
            self.session.message.emit("error", error_text(err))
            self.sync_from_settings()


__all__ = ["ControlsPanel", "WRAP_LABELS_LONGER_THAN"]
