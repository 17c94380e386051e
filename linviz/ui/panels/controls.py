"""The controls dock: every setting of the session, with its formula in the tooltip.

Each control writes to the models only (``session.set_settings`` or
``data.set_…``); the panel redraws itself from ``session.settings_changed``
and ``data.changed`` with its own signals blocked, so nothing echoes. A
setting the engine refuses (a ``ValueError``) is reported through
``session.message`` and the controls snap back to the settings in force.

Controls are found by ``objectName`` (see ``ControlsPanel.OBJECT_NAMES``).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QColor
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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linviz.engine.datasets import DatasetError
from linviz.engine.file_checks import TRAIN_RANGES  # the ranges lesson files are checked against (issue 13)
from linviz.engine.features import FEATURE_MAPS
from linviz.engine.optimizers import OPTIMIZERS, SCHEDULES
from linviz.engine.regularizers import REG_KINDS

from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP
from ..messages import error_text
from ..setting_texts import (BATCH_TIP, BETA_TIP, BIAS_TIP, CONTINUE_TIP, DELTA_TIP, FEATURE_ITEMS, FULL_TIP, INIT_ITEMS,
                             K_TIP, LAM_TIP, LR_TIP, MAXNORM_TIP, METRIC_ITEMS, MODEL_ITEMS, OPT_ITEMS, OPT_PARAM_TIPS,
                             RBF_GAMMA_TIP, RBF_M_TIP, REG_ITEMS, RESTART_TIP, SCHEDULE_ITEMS, SEED_TIP, STEPS_TIP,
                             SWITCH_TIPS, VARIANT_ITEMS)
from ..models import MAX_STEPS, DatasetModel, SessionModel, Settings
from ..style import MARKERS, class_colours, fonts
from ..widgets import LogSlider, guard_wheel, marker_icon, pass_space_to_shortcuts

translate = QCoreApplication.translate

WRAP_LABELS_LONGER_THAN = 16
"""Control labels longer than this (in characters) may wrap onto a second line."""


def _tint(colour: str, amount: float = 0.35) -> str:
    """``colour`` mixed with white (amount 0 = white, 1 = the colour)."""
    c = QColor(colour)
    mix = [round(255 + amount * (v - 255)) for v in (c.red(), c.green(), c.blue())]
    return QColor(*mix).name()


class ControlsPanel(QWidget):
    """All settings in groups: Model, Loss, Regularisation, Optimisation, Features, kNN, Data, On change."""

    def __init__(self, data: DatasetModel, session: SessionModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.data, self.session = data, session
        self._inputs: list[QWidget] = []
        self._class_buttons: list[QToolButton] = []
        self._class_edits: list[QLineEdit] = []
        self._class_colours: tuple[str, ...] = ()
        self._form_labels: list[QLabel] = []
        self._batch_pref = min(32, max(1, len(data.dataset) // 2))

        inner = QWidget()
        inner.setObjectName("controls_inner")
        # bold group titles read as headings from the back of the room
        inner.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }")
        column = QVBoxLayout(inner)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(8)
        self.groups: dict[str, QGroupBox] = {}
        for name, title, build in (
            ("model", translate("Controls", "Model"), self._build_model),
            ("loss", translate("Controls", "Loss"), self._build_loss),
            ("reg", translate("Controls", "Regularisation"), self._build_reg),
            ("optim", translate("Controls", "Optimisation"), self._build_optim),
            ("features", translate("Controls", "Features"), self._build_features),
            ("knn", translate("Controls", "kNN"), self._build_knn),
            ("data", translate("Controls", "Data"), self._build_data),
            ("on_change", translate("Controls", "On a change of settings"), self._build_on_change),
        ):
            box = QGroupBox(title)
            box.setObjectName(f"group_{name}")
            build(box)
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

    # --- building blocks ------------------------------------------------------------------------
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

    def _log(self, name: str, lo, hi, tip: str, on_change, allow_zero=False) -> LogSlider:
        slider = LogSlider(lo, hi, allow_zero=allow_zero)
        slider.slider.setObjectName(f"{name}_slider")
        slider.edit.setObjectName(f"{name}_value")
        self._register(slider, name, tip)
        slider.valueChanged.connect(on_change)
        return slider

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.setContentsMargins(8, 6, 8, 8)
        return form

    def _build_model(self, box: QGroupBox) -> None:
        form = self._form(box)
        row = QHBoxLayout()
        self.model_group = QButtonGroup(self)
        self.model_buttons: dict[str, QRadioButton] = {}
        for key, (text, tip) in MODEL_ITEMS.items():
            radio = QRadioButton(translate("Controls", text))
            self._register(radio, f"model_{key}", tip)
            radio.toggled.connect(lambda on, k=key: on and self._on_model(k))
            self.model_group.addButton(radio)
            self.model_buttons[key] = radio
            row.addWidget(radio)
        row.addStretch(1)
        form.addRow(row)
        self.svm_variant = self._combo("svm_variant", VARIANT_ITEMS, QT_TRANSLATE_NOOP(
            "Controls", "Which multiclass SVM loss (hover the items for their formulas)."),
            lambda v: self._apply(_loss(variant=v)))
        form.addRow(translate("Controls", "SVM loss"), self.svm_variant)
        self.all_classes = self._check("all_classes", QT_TRANSLATE_NOOP("Controls", "sum over all classes (j = yi too)"),
                                       SWITCH_TIPS["all_classes"], lambda on: self._apply(_loss(all_classes=on)))
        self.mean_over_classes = self._check("mean_over_classes",
                                             QT_TRANSLATE_NOOP("Controls", "mean instead of sum over classes"),
                                             SWITCH_TIPS["mean_over_classes"],
                                             lambda on: self._apply(_loss(mean_over_classes=on)))
        self.squared = self._check("squared", QT_TRANSLATE_NOOP("Controls", "squared hinge  max(0, ·)²"),
                                   SWITCH_TIPS["squared"],
                                   lambda on: self._apply(_loss(squared=on)))
        for box_ in (self.all_classes, self.mean_over_classes, self.squared):
            form.addRow(box_)

    def _on_model(self, model: str) -> None:
        self._apply(lambda s: replace(s, model=model))
        if model == "knn":  # its k and distance sit further down: bring them into view
            self.scroll.ensureWidgetVisible(self.groups["knn"])

    def _build_loss(self, box: QGroupBox) -> None:
        form = self._form(box)
        self.delta = self._log("delta", 0.01, TRAIN_RANGES["loss.delta"][1], DELTA_TIP, lambda v: self._apply(_loss(delta=v)),
                               allow_zero=True)
        self._labelled(form, QT_TRANSLATE_NOOP("Controls", "Δ margin"), self.delta, DELTA_TIP)

    def _build_reg(self, box: QGroupBox) -> None:
        form = self._form(box)
        self.reg_form = form
        self.reg_kind = self._combo("reg_kind", {k: REG_ITEMS[k] for k in REG_KINDS},
                                    QT_TRANSLATE_NOOP("Controls",
                                                      "R(W), the regulariser (hover the items for the formulas)."),
                                    lambda v: self._apply(_reg(kind=v)))
        form.addRow("R(W)", self.reg_kind)
        self.lam = self._log("lam", 1e-4, TRAIN_RANGES["reg.lam"][1], LAM_TIP, lambda v: self._apply(_reg(lam=v)), allow_zero=True)
        self._labelled(form, QT_TRANSLATE_NOOP("Controls", "λ strength"), self.lam, LAM_TIP)
        self.beta = self._spin("beta", 0.0, 100.0, BETA_TIP, lambda v: self._apply(_reg(beta=v)), double=True,
                               step=0.1)
        self._labelled(form, "β", self.beta, BETA_TIP)
        self.max_norm = self._spin("max_norm", 0.01, 100.0, MAXNORM_TIP, lambda v: self._apply(_reg(max_norm=v)),
                                   double=True, step=0.1)
        self._labelled(form, "c", self.max_norm, MAXNORM_TIP)
        self.reg_bias = self._check("reg_bias", QT_TRANSLATE_NOOP("Controls", "regularise the bias b too"), BIAS_TIP,
                                    lambda on: self._apply(_reg(include_bias=on)))
        form.addRow(self.reg_bias)

    def _build_optim(self, box: QGroupBox) -> None:
        form = self._form(box)
        self.optim_form = form
        self.lr = self._log("lr", *TRAIN_RANGES["lr"], LR_TIP, lambda v: self._apply(_train(lr=v)))
        self._labelled(form, QT_TRANSLATE_NOOP("Controls", "α learning rate"), self.lr, LR_TIP)

        batch_row = QWidget()
        row = QHBoxLayout(batch_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.batch_size = self._spin("batch_size", 1, max(1, len(self.data.dataset)), BATCH_TIP, self._on_batch)
        self.batch_full = self._check("batch_full", QT_TRANSLATE_NOOP("Controls", "full (N)"), FULL_TIP,
                                      self._on_batch_full)
        row.addWidget(self.batch_size, 1)
        row.addWidget(self.batch_full)
        self._labelled(form, QT_TRANSLATE_NOOP("Controls", "batch size"), batch_row, BATCH_TIP)

        self.optimizer = self._combo("optimizer", {k: OPT_ITEMS[k] for k in OPTIMIZERS},
                                     QT_TRANSLATE_NOOP("Controls", "The update rule (hover the items for the formulas)."),
                                     lambda v: self._apply(_opt(kind=v)))
        form.addRow(translate("Controls", "optimiser"), self.optimizer)
        self.momentum = self._spin("momentum", 0.0, 0.999, OPT_PARAM_TIPS["momentum"],
                                   lambda v: self._apply(_opt(momentum=v)), double=True, step=0.05, decimals=3)
        self._labelled(form, "μ", self.momentum, OPT_PARAM_TIPS["momentum"])
        self.rho = self._spin("rho", 0.0, 0.9999, OPT_PARAM_TIPS["rho"], lambda v: self._apply(_opt(rho=v)),
                              double=True, step=0.01, decimals=4)
        self._labelled(form, "ρ", self.rho, OPT_PARAM_TIPS["rho"])
        self.beta1 = self._spin("beta1", 0.0, 0.9999, OPT_PARAM_TIPS["beta1"], lambda v: self._apply(_opt(beta1=v)),
                                double=True, step=0.01, decimals=4)
        self._labelled(form, "β₁", self.beta1, OPT_PARAM_TIPS["beta1"])
        self.beta2 = self._spin("beta2", 0.0, 0.9999, OPT_PARAM_TIPS["beta2"], lambda v: self._apply(_opt(beta2=v)),
                                double=True, step=0.001, decimals=4)
        self._labelled(form, "β₂", self.beta2, OPT_PARAM_TIPS["beta2"])

        self.schedule = self._combo("schedule", {k: SCHEDULE_ITEMS[k] for k in SCHEDULES},
                                    QT_TRANSLATE_NOOP("Controls", "How α changes with the step t (hover the items)."),
                                    lambda v: self._apply(_sched(kind=v)))
        form.addRow(translate("Controls", "α schedule"), self.schedule)
        step_tip = QT_TRANSLATE_NOOP("Controls", "Step decay: α_t = α · γ^⌊t / every⌋")
        self.gamma = self._spin("gamma", 0.01, 1.0, step_tip,
                                lambda v: self._apply(_sched(gamma=v)), double=True, step=0.05)
        self._labelled(form, "γ", self.gamma, step_tip)
        self.every = self._spin("every", 1, MAX_STEPS, step_tip,
                                lambda v: self._apply(_sched(every=v)), step=10,
                                suffix=QT_TRANSLATE_NOOP("Controls", " steps"))
        self._labelled(form, QT_TRANSLATE_NOOP("Controls", "every"), self.every, step_tip)
        decay_tip = QT_TRANSLATE_NOOP("Controls", "1/t decay: α_t = α / (1 + k·t)")
        self.decay_k = self._spin("decay_k", 0.0, 10.0, decay_tip,
                                  lambda v: self._apply(_sched(k=v)), double=True, step=0.001, decimals=4)
        self._labelled(form, "k", self.decay_k, decay_tip)

        steps_tip = translate("Controls", STEPS_TIP).format(f"{MAX_STEPS:,}")
        self.steps = self._spin("steps", 1, MAX_STEPS, steps_tip, lambda v: self._apply(_train(steps=v)), step=50)
        self._labelled(form, QT_TRANSLATE_NOOP("Controls", "steps"), self.steps, steps_tip)
        self.seed = self._spin("seed", 0, 2**31 - 1, SEED_TIP, lambda v: self._apply(_train(seed=v)))
        self._labelled(form, QT_TRANSLATE_NOOP("Controls", "seed"), self.seed, SEED_TIP)
        self.init = self._combo("init", INIT_ITEMS, QT_TRANSLATE_NOOP("Controls", "The starting W and b (step 0)."),
                                lambda v: self._apply(lambda s: replace(s, init=v)))
        form.addRow(translate("Controls", "initial W"), self.init)

    def _build_features(self, box: QGroupBox) -> None:
        form = self._form(box)
        self.features_form = form
        items = {k: FEATURE_ITEMS[k] for k in FEATURE_MAPS}
        self.features = self._combo("features", items, QT_TRANSLATE_NOOP(
            "Controls", "φ(x), the features the linear classifier sees: s = W φ(x) + b (hover the items)."),
            lambda v: self._apply(_feat(kind=v)))
        form.addRow("φ(x)", self.features)
        self.rbf_gamma = self._log("rbf_gamma", 0.01, 100, RBF_GAMMA_TIP, lambda v: self._apply(_feat(gamma=v)))
        self._labelled(form, "γ", self.rbf_gamma, RBF_GAMMA_TIP)
        self.rbf_components = self._spin("rbf_components", 1, 512, RBF_M_TIP,
                                         lambda v: self._apply(_feat(n_components=v)), step=8)
        self._labelled(form, QT_TRANSLATE_NOOP("Controls", "m features"), self.rbf_components, RBF_M_TIP)

    def _build_knn(self, box: QGroupBox) -> None:
        form = self._form(box)
        self.knn_k = self._spin("knn_k", 1, 15, K_TIP, lambda v: self._apply(_knn(k=v)))
        self._labelled(form, "k", self.knn_k, K_TIP)
        self.knn_metric = self._combo("knn_metric", METRIC_ITEMS,
                                      QT_TRANSLATE_NOOP("Controls", "The distance between points (hover the items)."),
                                      lambda v: self._apply(_knn(metric=v)))
        form.addRow(translate("Controls", "distance"), self.knn_metric)

    def _build_data(self, box: QGroupBox) -> None:
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 6, 8, 8)
        hint = QLabel(translate("Controls", "New points get the checked class; names are editable."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.class_grid_host = QWidget()
        self.class_grid_host.setObjectName("class_rows")
        self.class_grid = QGridLayout(self.class_grid_host)
        self.class_grid.setContentsMargins(0, 0, 0, 0)
        self.class_grid.setColumnStretch(1, 1)
        layout.addWidget(self.class_grid_host)
        self.class_group = QButtonGroup(self)
        self.class_group.setExclusive(True)
        self.class_group.idClicked.connect(self.data.set_current_class)
        self.name_hint = QLabel()
        self.name_hint.setObjectName("class_name_hint")
        self.name_hint.setWordWrap(True)
        self.name_hint.setStyleSheet("color: #B00020; font-weight: bold;")
        self.name_hint.hide()
        layout.addWidget(self.name_hint)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        tip = QT_TRANSLATE_NOOP("Controls", "Number of classes (2–10). Fewer classes deletes the points of the classes "
                                            "dropped.")
        self.n_classes = self._spin("n_classes", 2, 10, tip, self._on_n_classes)
        self._labelled(form, QT_TRANSLATE_NOOP("Controls", "classes"), self.n_classes, tip)
        layout.addLayout(form)

    def _build_on_change(self, box: QGroupBox) -> None:
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 6, 8, 8)
        self.restart_group = QButtonGroup(self)
        self.on_change_restart = QRadioButton(translate("Controls", "restart from step 0"))
        self.on_change_continue = QRadioButton(translate("Controls", "branch from the current step"))
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

    # --- class rows -------------------------------------------------------------------------------
    def _rebuild_classes(self) -> None:
        ds = self.data.dataset
        colours = class_colours(ds.n_classes)
        if colours == self._class_colours and len(self._class_buttons) == ds.n_classes:
            self._sync_class_names()
            return
        for button in self._class_buttons:
            self.class_group.removeButton(button)
        for widget in self._class_buttons + self._class_edits:
            self._inputs.remove(widget)
            widget.setParent(None)
            widget.deleteLater()
        self._class_buttons, self._class_edits, self._class_colours = [], [], colours
        self.name_hint.hide()  # a refusal is about the old rows
        for k, colour in enumerate(colours):
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(marker_icon(MARKERS[k], colour, 22))
            button.setIconSize(QSize(22, 22))
            button.setText(f"{k + 1}")
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            button.setMinimumWidth(64)
            button.setStyleSheet(
                "QToolButton { padding: 3px 8px; border: 2px solid #b0b0b0; border-radius: 5px; background: #fafafa;"
                " font-weight: bold; }"
                f"QToolButton:checked {{ border: 3px solid #202020; background: {_tint(colour)}; }}"
            )
            key = (k + 1) % 10
            button.setToolTip(translate("Controls", "New points on the plane get class {0} (or press {1} on the "
                                                    "plane).").format(k + 1, key))
            self._register(button, f"class_button_{k}")
            self.class_group.addButton(button, k)
            edit = QLineEdit(ds.class_names[k])
            edit.setMaxLength(40)
            self._register(edit, f"class_name_{k}",
                           QT_TRANSLATE_NOOP("Controls", "The class's name: unique and not empty (Enter to apply)."))
            edit.editingFinished.connect(lambda k=k: self._on_rename(k))
            self.class_grid.addWidget(button, k, 0)
            self.class_grid.addWidget(edit, k, 1)
            self._class_buttons.append(button)
            self._class_edits.append(edit)
        self._on_current_class(self.data.current_class)

    def _sync_class_names(self) -> None:
        for edit, name in zip(self._class_edits, self.data.dataset.class_names):
            if edit.text() != name:
                with _quiet([edit]):
                    edit.setText(name)

    def _on_current_class(self, label: int) -> None:
        if 0 <= label < len(self._class_buttons):
            with _quiet([self._class_buttons[label]]):
                self._class_buttons[label].setChecked(True)

    def _on_rename(self, k: int) -> None:
        ds = self.data.dataset
        if k >= ds.n_classes:
            return
        edit = self._class_edits[k]
        new = edit.text().strip()
        if new == ds.class_names[k]:
            with _quiet([edit]):
                edit.setText(new)
            return
        names = list(ds.class_names)
        names[k] = new
        try:
            if not new:
                raise DatasetError(translate("Controls", "class {0}: a class name cannot be empty").format(k + 1))
            if new in ds.class_names:
                raise DatasetError(translate("Controls", "“{0}” is already the name of another class; names must be "
                                                         "unique").format(new))
            self.data.set_class_names(names)
        except DatasetError as err:  # keep the old names and say why
            self.name_hint.setText(translate("Controls", "{0}. Kept “{1}”.").format(err, ds.class_names[k]))
            self.name_hint.show()
            with _quiet([edit]):
                edit.setText(ds.class_names[k])
            return
        self.name_hint.hide()
        self.name_hint.clear()

    def _on_n_classes(self, n: int) -> None:
        try:
            self.data.set_n_classes(n)
        except ValueError as err:
            self.session.message.emit("error", error_text(err))
            self._sync_from_data()

    # --- batch size -------------------------------------------------------------------------------
    def _on_batch(self, value: int) -> None:
        self._batch_pref = value
        self._apply(_train(batch_size=value))

    def _on_batch_full(self, full: bool) -> None:
        self.batch_size.setEnabled(not full)
        self._apply(_train(batch_size=None if full else self.batch_size.value()))

    def _sync_batch(self) -> None:
        n = max(1, len(self.data.dataset))
        batch = self.session.settings.train.batch_size
        digits = len(str(self.batch_size.maximum()))
        with _quiet([self.batch_size, self.batch_full]):  # unchanged values: no repaint while a point is dragged
            if self.batch_size.maximum() != n:
                self.batch_size.setRange(1, n)
            _set_if_changed(self.batch_size, min(self._batch_pref if batch is None else batch, n))
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
        with _quiet([self.n_classes]):
            _set_if_changed(self.n_classes, self.data.dataset.n_classes)
        self._sync_batch()
        self._sync_init()
        self._on_current_class(self.data.current_class)

    def sync_from_settings(self) -> None:
        """Show the session's settings (signals blocked: nothing is applied back)."""
        s = self.session.settings
        t = s.train
        with _quiet(self._inputs):
            self.model_buttons[s.model].setChecked(True)
            _select(self.svm_variant, t.loss.variant)
            self.all_classes.setChecked(t.loss.all_classes)
            self.mean_over_classes.setChecked(t.loss.mean_over_classes)
            self.squared.setChecked(t.loss.squared)
            self.delta.setValue(t.loss.delta)
            _select(self.reg_kind, t.reg.kind)
            self.lam.setValue(t.reg.lam)
            self.beta.setValue(t.reg.beta)
            self.max_norm.setValue(t.reg.max_norm)
            self.reg_bias.setChecked(t.reg.include_bias)
            self.lr.setValue(t.lr)
            _select(self.optimizer, t.optimizer.kind)
            self.momentum.setValue(t.optimizer.momentum)
            self.rho.setValue(t.optimizer.rho)
            self.beta1.setValue(t.optimizer.beta1)
            self.beta2.setValue(t.optimizer.beta2)
            _select(self.schedule, t.schedule.kind)
            self.gamma.setValue(t.schedule.gamma)
            self.every.setValue(t.schedule.every)
            self.decay_k.setValue(t.schedule.k)
            self.steps.setValue(t.steps)
            self.seed.setValue(t.seed)
            _select(self.init, s.init)
            _select(self.features, t.features.kind)
            self.rbf_gamma.setValue(t.features.gamma)
            self.rbf_components.setValue(t.features.n_components)
            self.knn_k.setValue(s.knn.k)
            _select(self.knn_metric, s.knn.metric)
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
        s = self.session.settings
        t = s.train
        svm, linear = s.model == "svm", s.is_linear
        variant, reg = t.loss.variant, t.reg.kind
        self.svm_variant.setEnabled(svm)
        self.all_classes.setEnabled(svm and variant == "ww")
        self.mean_over_classes.setEnabled(svm and variant in ("ww", "ova"))
        self.squared.setEnabled(svm)
        self.groups["loss"].setEnabled(svm)
        for name in ("reg", "optim", "features"):
            self.groups[name].setEnabled(linear)
        self.groups["knn"].setEnabled(not linear)
        self.lam.setEnabled(reg not in ("none", "maxnorm"))
        self.reg_bias.setEnabled(reg not in ("none", "maxnorm"))
        self.reg_form.setRowVisible(self.beta, reg == "elastic")
        self.reg_form.setRowVisible(self.max_norm, reg == "maxnorm")
        opt = t.optimizer.kind
        self.optim_form.setRowVisible(self.momentum, opt in ("momentum", "nesterov"))
        self.optim_form.setRowVisible(self.rho, opt == "rmsprop")
        self.optim_form.setRowVisible(self.beta1, opt == "adam")
        self.optim_form.setRowVisible(self.beta2, opt == "adam")
        sched = t.schedule.kind
        self.optim_form.setRowVisible(self.gamma, sched == "step")
        self.optim_form.setRowVisible(self.every, sched == "step")
        self.optim_form.setRowVisible(self.decay_k, sched == "inverse")
        rbf = t.features.kind == "rbf"
        self.features_form.setRowVisible(self.rbf_gamma, rbf)
        self.features_form.setRowVisible(self.rbf_components, rbf)

    # --- widgets → models -------------------------------------------------------------------------
    def _apply(self, make: Callable[[Settings], Settings]) -> None:
        """New settings from the current ones; a ValueError is shown and the controls snap back."""
        try:
            self.session.set_settings(make(self.session.settings))
        except ValueError as err:
            self.session.message.emit("error", error_text(err))
            self.sync_from_settings()


# --- helpers: Settings → Settings with one field of a nested config replaced --------------------------
def _loss(**kw) -> Callable[[Settings], Settings]:
    return lambda s: replace(s, train=replace(s.train, loss=replace(s.train.loss, **kw)))


def _reg(**kw) -> Callable[[Settings], Settings]:
    return lambda s: replace(s, train=replace(s.train, reg=replace(s.train.reg, **kw)))


def _opt(**kw) -> Callable[[Settings], Settings]:
    return lambda s: replace(s, train=replace(s.train, optimizer=replace(s.train.optimizer, **kw)))


def _sched(**kw) -> Callable[[Settings], Settings]:
    return lambda s: replace(s, train=replace(s.train, schedule=replace(s.train.schedule, **kw)))


def _feat(**kw) -> Callable[[Settings], Settings]:
    return lambda s: replace(s, train=replace(s.train, features=replace(s.train.features, **kw)))


def _train(**kw) -> Callable[[Settings], Settings]:
    return lambda s: replace(s, train=replace(s.train, **kw))


def _knn(**kw) -> Callable[[Settings], Settings]:
    return lambda s: replace(s, knn=replace(s.knn, **kw))


def _select(combo: QComboBox, key) -> None:
    index = combo.findData(key)
    if index >= 0:
        combo.setCurrentIndex(index)


def _set_if_changed(spin, value) -> None:
    """setValue, skipped when the box shows this value already (Qt would redraw it anyway)."""
    if spin.value() != value:
        spin.setValue(value)


@contextmanager
def _quiet(widgets):
    """Block the signals of ``widgets`` for the duration (restoring what each had)."""
    previous = [(w, w.blockSignals(True)) for w in widgets]
    try:
        yield
    finally:
        for w, was in previous:
            w.blockSignals(was)


__all__ = ["ControlsPanel"]
