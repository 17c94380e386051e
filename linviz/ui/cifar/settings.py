"""The settings column of the CIFAR-10 window: data, model, split, training, kNN, preprocessing.

:meth:`SettingsPanel.request` turns the widgets into a frozen
:class:`~.models.TrainRequest`. The learning rate and λ follow
``default_lr_lam`` — the engine's defaults, the ones ``linviz cifar`` uses — for the model,
the features and the training size whenever one of them changes, as long as the teacher
has not typed other values (typed values stay).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from linviz.engine.cifar import CifarData
from linviz.engine.cifar import mean_image as compute_mean_image
from linviz.engine.image_training import default_lr_lam

from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP
from ..style import point_size
from ..widgets import SciSpinBox, guard_wheel
from .images import image_pixmap, mean_image_uint8
from .models import FEATURE_TITLES, MODEL_TITLES, TrainRequest
from .views import note_label

DEFAULT_TRAIN = 5000
DEFAULT_VAL = 1000
MEAN_SIZE = 72
FEATURE_TIPS = {
    "raw": QT_TRANSLATE_NOOP("Cifar", "the 3,072 pixel values, minus the mean image"),
    "hog": QT_TRANSLATE_NOOP("Cifar", "histograms of oriented gradients: the shape of the edges (standardised)"),
    "color": QT_TRANSLATE_NOOP("Cifar", "a histogram of hues: the colours, wherever they are (standardised)"),
    "hog+color": QT_TRANSLATE_NOOP("Cifar", "HOG and the hue histogram side by side (standardised)"),
}
translate = QCoreApplication.translate


def sci_text(v: float) -> str:
    """1e-07 → "1e-7", 25000 → "2.5e4", 0 → "0": short and typeable."""
    if v == 0:
        return "0"
    text = f"{v:.3g}"
    if "e" in text:
        mantissa, exp = text.split("e")
        return f"{mantissa}e{int(exp)}"
    return text


class LogSpinBox(SciSpinBox):
    """A positive number in scientific notation; each arrow multiplies or divides by 10.

    With ``allow_zero`` 0 may be typed (λ = 0: no regularisation); an arrow up from
    0 goes to ``lo``.
    """

    def __init__(self, lo: float, hi: float, value: float, allow_zero: bool = False, parent=None):
        super().__init__(0.0 if allow_zero else lo, hi, value, parent)
        self.lo = lo

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt name)
        return sci_text(value)

    def stepBy(self, steps: int) -> None:  # noqa: N802
        if self.value() == 0:
            if steps > 0:
                self.setValue(self.lo)
            return
        v = self.value() * 10.0**steps
        self.setValue(0.0 if self.minimum() == 0 and v < self.lo else min(max(v, self.minimum()), self.maximum()))


def _spin(lo: int, hi: int, value: int, step: int = 1, name: str = "") -> QSpinBox:
    box = QSpinBox(minimum=lo, maximum=hi, value=value, singleStep=step)
    box.setGroupSeparatorShown(True)
    box.setObjectName(name)
    return box


class SettingsPanel(QWidget):
    """Every setting of the CIFAR-10 window, grouped as the lecture goes.

    Signals: ``model_changed()`` (model or features). Widgets (objectNames):
    ``chooseFolderButton``, ``downloadButton``, ``dataLabel``, ``modelCombo``,
    ``featuresCombo``, ``trainSizeSpin``, ``valSizeSpin``, ``testSizeSpin``, ``seedSpin``,
    ``lrSpin``, ``regSpin``, ``itersSpin``, ``batchSpin``, ``kSpin``, ``metricCombo``,
    ``meanImage``, ``trainButton``.
    """

    model_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("cifarSettings")

        # --- data
        self.folder_button = QPushButton(translate("Cifar", "Data folder…"))
        self.folder_button.setObjectName("chooseFolderButton")
        self.folder_button.setToolTip(translate("Cifar", "A cifar-10-batches-py folder you have (or the folder that "
                                                         "holds it)"))
        self.download_button = QPushButton(translate("Cifar", "Download (163 MB)"))
        self.download_button.setObjectName("downloadButton")
        self.download_button.setToolTip(translate("Cifar", "Download CIFAR-10 once into your user cache; later runs "
                                                           "use it"))
        self.data_label = QLabel()
        self.data_label.setObjectName("dataLabel")
        self.data_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.download_button)
        data_box = QGroupBox(translate("Cifar", "Data"))
        data_layout = QVBoxLayout(data_box)
        data_layout.addLayout(buttons)
        data_layout.addWidget(self.data_label)

        # --- model and features
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("modelCombo")
        for key in ("svm", "softmax", "knn"):
            self.model_combo.addItem(translate("Cifar", MODEL_TITLES[key]), key)
        self.features_combo = QComboBox()
        self.features_combo.setObjectName("featuresCombo")
        for i, (key, title) in enumerate(FEATURE_TITLES.items()):
            self.features_combo.addItem(translate("Cifar", title), key)
            self.features_combo.setItemData(i, translate("Cifar", FEATURE_TIPS[key]), Qt.ItemDataRole.ToolTipRole)
        model_box = QGroupBox(translate("Cifar", "Model"))
        form = QFormLayout(model_box)
        form.addRow(translate("Cifar", "Classifier"), self.model_combo)
        form.addRow(translate("Cifar", "Features"), self.features_combo)

        # --- split
        self.train_spin = _spin(10, 49000, DEFAULT_TRAIN, 500, "trainSizeSpin")
        self.train_spin.setToolTip(translate("Cifar", "A class-balanced random subset of the training images: lower "
                                                      "it for speed"))
        self.val_spin = _spin(0, 10000, DEFAULT_VAL, 100, "valSizeSpin")
        self.val_spin.setToolTip(translate("Cifar", "Training images held out to measure the accuracy while training"))
        self.test_spin = _spin(10, 10000, 10000, 500, "testSizeSpin")
        self.test_spin.setToolTip(translate("Cifar", "A class-balanced random subset of the test images (gallery, "
                                                     "confusion matrix)"))
        self.seed_spin = _spin(0, 2**31 - 1, 0, 1, "seedSpin")
        self.seed_spin.setToolTip(translate("Cifar", "Seeds the split, the subsets, W's start and the mini-batches"))
        split_box = QGroupBox(translate("Cifar", "Images"))
        form = QFormLayout(split_box)
        form.addRow(translate("Cifar", "Training"), self.train_spin)
        form.addRow(translate("Cifar", "Validation"), self.val_spin)
        form.addRow(translate("Cifar", "Test"), self.test_spin)
        form.addRow(translate("Cifar", "Seed"), self.seed_spin)

        # --- linear training
        self.lr_spin = LogSpinBox(1e-12, 10.0, 1e-7)
        self.lr_spin.setObjectName("lrSpin")
        self.lr_spin.setToolTip(translate("Cifar", "Learning rate α in W ← W − α ∇W (arrows: × 10 or ÷ 10)"))
        self.reg_spin = LogSpinBox(1e-8, 1e7, 2.5e4, allow_zero=True)
        self.reg_spin.setObjectName("regSpin")
        self.reg_spin.setToolTip(translate("Cifar", "λ in loss = 1/N Σ Lᵢ + λ Σ W² (arrows: × 10 or ÷ 10; 0 = none)"))
        self.iters_spin = _spin(1, 100000, 1500, 100, "itersSpin")
        self.batch_spin = _spin(1, 10000, 200, 50, "batchSpin")
        # A short title and the method under it: the whole title fits a 1280 × 800 screen's column in Spanish
        self.linear_box = QGroupBox(translate("Cifar", "Training"))
        form = QFormLayout(self.linear_box)
        form.addRow(note_label(translate("Cifar", "mini-batch SGD, L2 penalty"), "trainingMethod"))
        form.addRow(translate("Cifar", "Learning rate"), self.lr_spin)
        form.addRow("λ", self.reg_spin)
        form.addRow(translate("Cifar", "Iterations"), self.iters_spin)
        form.addRow(translate("Cifar", "Batch size"), self.batch_spin)

        # --- kNN
        self.k_spin = _spin(1, 200, 5, 1, "kSpin")
        self.metric_combo = QComboBox()
        self.metric_combo.setObjectName("metricCombo")
        self.metric_combo.addItem(translate("Controls", "L2 (Euclidean)"), "l2")
        self.metric_combo.addItem(translate("Controls", "L1 (Manhattan)"), "l1")
        self.metric_combo.setItemData(1, translate("Cifar", "much slower than L2 on thousands of images"),
                                      Qt.ItemDataRole.ToolTipRole)
        self.knn_box = QGroupBox(translate("Cifar", "k-nearest neighbours"))
        form = QFormLayout(self.knn_box)
        form.addRow("k", self.k_spin)
        form.addRow(translate("Cifar", "Distance"), self.metric_combo)

        # --- preprocessing
        self.mean_label = QLabel()
        self.mean_label.setObjectName("meanImage")
        self.mean_label.setFixedSize(MEAN_SIZE, MEAN_SIZE)
        self.mean_label.setStyleSheet("background: #EEE;")
        self.mean_image: np.ndarray | None = None
        self.prep_note = note_label(name="preprocessingNote")
        self.bias_note = note_label(
            translate("Cifar", "Bias: a separate b, scores s = Wx + b. The same as the bias trick (append x₀ = 1 to "
                               "every image and make b an extra column of W)."), "biasNote")
        prep_box = QGroupBox(translate("Cifar", "Preprocessing"))
        prep_layout = QVBoxLayout(prep_box)
        row = QHBoxLayout()
        row.addWidget(self.mean_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.prep_note, 1)
        prep_layout.addLayout(row)
        prep_layout.addWidget(self.bias_note)

        self.train_button = QPushButton(translate("Cifar", "Train"))
        self.train_button.setObjectName("trainButton")
        font = QFont(self.train_button.font())
        font.setBold(True)
        font.setPointSizeF(max(point_size(14), font.pointSizeF()))
        self.train_button.setFont(font)
        self.train_button.setMinimumHeight(44)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for w in (data_box, model_box, split_box, self.linear_box, self.knn_box, prep_box):
            layout.addWidget(w)
        layout.addStretch(1)  # train_button is placed by the window, under the scrolling settings

        guard_wheel(self.model_combo, self.features_combo, self.train_spin, self.val_spin, self.test_spin,
                    self.seed_spin, self.lr_spin, self.reg_spin, self.iters_spin, self.batch_spin, self.k_spin,
                    self.metric_combo)
        self.model_combo.currentIndexChanged.connect(self._on_model_or_features)
        self.features_combo.currentIndexChanged.connect(self._on_model_or_features)
        self.val_spin.valueChanged.connect(self._limit_train)
        self.train_spin.valueChanged.connect(self._follow_defaults)
        self._defaults_shown: tuple[float, float] | None = None  # the (α, λ) last put in by _follow_defaults
        self.n_train = 0
        self._data_line: tuple | None = None
        self.set_data(None)
        self._on_model_or_features()
        i18n.notifier.changed.connect(self._update_texts)

    # --- reading ---------------------------------------------------------------------------
    @property
    def model(self) -> str:
        return self.model_combo.currentData()

    @property
    def features(self) -> str:
        return self.features_combo.currentData()

    def request(self) -> TrainRequest:
        """The current settings as a frozen TrainRequest."""
        return TrainRequest(
            model=self.model, features=self.features, train_size=self.train_spin.value(),
            val_size=self.val_spin.value(), test_size=self.test_spin.value(), seed=self.seed_spin.value(),
            lr=self.lr_spin.value(), reg=self.reg_spin.value(), iters=self.iters_spin.value(),
            batch_size=self.batch_spin.value(), k=self.k_spin.value(), metric=self.metric_combo.currentData(),
        )

    def set_model(self, model: str, features: str | None = None) -> None:
        """Pick the model (and features) by key, e.g. ``set_model("knn")``."""
        self.model_combo.setCurrentIndex(self.model_combo.findData(model))
        if features is not None:
            self.features_combo.setCurrentIndex(self.features_combo.findData(features))

    def set_lr_reg(self, lr: float, reg: float) -> None:
        self.lr_spin.setValue(lr)
        self.reg_spin.setValue(reg)

    # --- reacting --------------------------------------------------------------------------
    def _on_model_or_features(self, *_):
        linear = self.model != "knn"
        self.linear_box.setVisible(linear)
        self.knn_box.setVisible(not linear)
        if linear:
            self._follow_defaults(force=True)
        self._update_texts()
        self.model_changed.emit()

    def _follow_defaults(self, *_, force: bool = False) -> None:
        """α and λ: the engine's defaults for this model, features and training size (as
        ``linviz cifar``: 3e-7 and 2,500 on 9,000 raw images, 1e-7 and 2.5e4 on 49,000). A new
        training size moves them only while they are still the defaults last shown."""
        if self.model == "knn":
            return
        untouched = self._defaults_shown == (self.lr_spin.value(), self.reg_spin.value())
        if force or untouched:
            lr, lam = default_lr_lam(self.model, self.features, self.train_spin.value())
            self.set_lr_reg(lr, lam)
            self._defaults_shown = (self.lr_spin.value(), self.reg_spin.value())  # as the boxes round them

    def _update_texts(self, *_) -> None:
        """The preprocessing note and the data line (again after a change of language)."""
        if self.features == "raw":
            self.prep_note.setText(translate("Cifar", "Mean image subtracted from every image (this one, the average "
                                                      "of the training images), so the pixels are centred on 0."))
        else:
            self.prep_note.setText(translate("Cifar", "{0} features, standardised with the training images' mean and "
                                                      "standard deviation. (Raw pixels: the mean image is "
                                                      "subtracted.)").format(translate("Cifar",
                                                                                       FEATURE_TITLES[self.features])))
        if self._data_line is None:
            self.data_label.setText(translate("Cifar", "No CIFAR-10 data yet: choose a folder or download it (163 MB)")
                                    + ".")
        else:
            n_train, n_test, n_classes, short = self._data_line
            self.data_label.setText(translate("Cifar", "<b>{0}</b> training and <b>{1}</b> test images, {2} classes")
                                    .format(f"{n_train:,}", f"{n_test:,}", n_classes)
                                    + f"<br><span style='color:#555'>…/{short}</span>")
        if self.mean_image is not None:
            self.mean_label.setToolTip(translate("Cifar", "The mean image of the training images: subtracted from "
                                                          "every image"))

    def _limit_train(self, *_):
        if self.n_train:
            self.train_spin.setMaximum(max(self.train_spin.minimum(), self.n_train - self.val_spin.value()))

    def set_data(self, data: CifarData | None, folder: str = "") -> None:
        """Limits, the data line and the mean image for newly loaded data (None: no data)."""
        if data is None:
            self.n_train = 0
            self._data_line = None
            self.mean_label.clear()
            self.mean_image = None
            self._update_texts()
            return
        n_train, n_test = len(data.y_train), len(data.y_test)
        self.n_train = n_train
        self.val_spin.setMaximum(max(0, n_train - self.train_spin.minimum()))
        self.val_spin.setValue(min(self.val_spin.value(), max(0, n_train // 10)))
        self._limit_train()
        self.train_spin.setValue(min(DEFAULT_TRAIN, self.train_spin.maximum()))
        self.test_spin.setMaximum(n_test)
        self.test_spin.setMinimum(min(10, n_test))
        self.test_spin.setValue(n_test)
        short = "/".join(Path(folder).parts[-2:]) if folder else ""
        self._data_line = (n_train, n_test, data.n_classes, short)
        self._update_texts()
        self.data_label.setToolTip(str(folder))
        self.mean_image = compute_mean_image(data.X_train)
        self.show_mean_image(self.mean_image)

    def show_mean_image(self, mean: np.ndarray) -> None:
        """The mean image (float (32, 32, 3), 0..255), small."""
        self.mean_image = mean
        self.mean_label.setPixmap(image_pixmap(mean_image_uint8(mean), MEAN_SIZE))
        self.mean_label.setToolTip(translate("Cifar", "The mean image of the training images: subtracted from every "
                                                      "image"))


__all__ = ["SettingsPanel", "LogSpinBox", "sci_text"]
