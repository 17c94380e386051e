"""The controls' Data group: one row per class (its marker button, which new points get, and its
editable name) and the number of classes. Part of :class:`~linviz.ui.panels.controls.ControlsPanel`
(a mixin: it uses the panel's ``data``, ``session``, ``_register`` and ``_labelled``)."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QButtonGroup, QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from linviz.engine.datasets import DatasetError

from ..i18n import QT_TRANSLATE_NOOP
from ..messages import error_text
from ..style import MARKERS, class_colours
from ..widgets import marker_icon

translate = QCoreApplication.translate


def _tint(colour: str, amount: float = 0.35) -> str:
    """``colour`` mixed with white (amount 0 = white, 1 = the colour)."""
    c = QColor(colour)
    mix = [round(255 + amount * (v - 255)) for v in (c.red(), c.green(), c.blue())]
    return QColor(*mix).name()


class ClassRows:
    """The Data group of the controls panel (mixed into ControlsPanel)."""

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
                with quiet([edit]):
                    edit.setText(name)

    def _on_current_class(self, label: int) -> None:
        if 0 <= label < len(self._class_buttons):
            with quiet([self._class_buttons[label]]):
                self._class_buttons[label].setChecked(True)

    def _on_rename(self, k: int) -> None:
        ds = self.data.dataset
        if k >= ds.n_classes:
            return
        edit = self._class_edits[k]
        new = edit.text().strip()
        if new == ds.class_names[k]:
            with quiet([edit]):
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
            with quiet([edit]):
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


def set_if_changed(spin, value) -> None:
    """setValue, skipped when the box shows this value already (Qt would redraw it anyway)."""
    if spin.value() != value:
        spin.setValue(value)


@contextmanager
def quiet(widgets):
    """Block the signals of ``widgets`` for the duration (restoring what each had)."""
    previous = [(w, w.blockSignals(True)) for w in widgets]
    try:
        yield
    finally:
        for w, was in previous:
            w.blockSignals(was)

