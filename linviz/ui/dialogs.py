"""Small dialogs: the data generator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QSpinBox

from linviz.engine.datasets import PRESETS

from .setting_texts import preset_title

translate = QCoreApplication.translate


class GeneratorDialog(QDialog):
    """Pick a generated preset with its count per class, number of classes, noise and seed."""

    GENERATED = tuple(name for name in PRESETS if name not in ("cs231n", "iris"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("GeneratorDialog", "Generate points"))
        form = QFormLayout(self)
        self.kind = QComboBox(objectName="generator_kind")
        for name in self.GENERATED:  # the name shown, the preset's key as the item's data
            self.kind.addItem(preset_title(name), name)
        for i, name in enumerate(self.GENERATED):
            self.kind.setItemData(i, translate("Presets", PRESETS[name]), 3)  # Qt.ToolTipRole
        self.count = QSpinBox(objectName="generator_count", minimum=1, maximum=2000, value=30)
        self.classes = QSpinBox(objectName="generator_classes", minimum=2, maximum=10, value=3)
        self.noise = QDoubleSpinBox(objectName="generator_noise", minimum=0.0, maximum=3.0, singleStep=0.05,
                                    value=0.3, decimals=2)
        self.seed = QSpinBox(objectName="generator_seed", minimum=0, maximum=2**31 - 1, value=0)
        form.addRow(translate("GeneratorDialog", "Kind"), self.kind)
        form.addRow(translate("GeneratorDialog", "Points per class"), self.count)
        form.addRow(translate("GeneratorDialog", "Classes (blobs, separable, spiral)"), self.classes)
        form.addRow(translate("GeneratorDialog", "Noise"), self.noise)
        form.addRow(translate("GeneratorDialog", "Seed"), self.seed)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def preset(self) -> str:
        return self.kind.currentData()

    def options(self) -> dict:
        return {"n_per_class": self.count.value(), "n_classes": self.classes.value(),
                "noise": self.noise.value(), "seed": self.seed.value()}
