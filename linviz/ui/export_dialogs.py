"""The export dialogs: File ▸ Export ▸ Image… and Animation… (which view, size, format, file)."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QWidget,
)

from linviz.engine.text import QT_TRANSLATE_NOOP  # the one marker (lupdate reads the calls)

from .export_files import ANIMATION_FORMATS, MIN_GIF_DELAY_MS, animation_size
from .export_render import DEFAULT_SIZE, MAX_SIDE, ExportError, default_height, plot_view

translate = QCoreApplication.translate


# --- the menu and the dialogs -------------------------------------------------------------------------
VIEW_CHOICES = (
    ("plane", QT_TRANSLATE_NOOP("Export", "Plane")),
    ("loss_curve", QT_TRANSLATE_NOOP("Export", "Loss curve (with its key)")),
    ("loss_surface", QT_TRANSLATE_NOOP("Export", "Loss surface")),
    ("reg_geometry", QT_TRANSLATE_NOOP("Export", "Regularisation geometry")),
    ("scores", QT_TRANSLATE_NOOP("Export", "Score table")),
    ("params", QT_TRANSLATE_NOOP("Export", "W and b table")),
    ("window", QT_TRANSLATE_NOOP("Export", "Whole window")),
)
IMAGE_FORMATS = ((QT_TRANSLATE_NOOP("Export", "PNG image"), ".png"),
                 (QT_TRANSLATE_NOOP("Export", "SVG drawing (plots only)"), ".svg"))
VIDEO_FORMATS = ((QT_TRANSLATE_NOOP("Export", "MP4 video (H.264)"), ".mp4"),
                 (QT_TRANSLATE_NOOP("Export", "GIF animation"), ".gif"))
MAX_FRAMES_BY_DEFAULT = 300
"""The animation dialog's default 'every k-th step' keeps a long run to about this many frames."""


def view_widget(window, key: str) -> QWidget:
    """The widget exported for a VIEW_CHOICES key: a plot for the plots, the whole view for the rest."""
    return {
        "plane": lambda: window.plane,  # the plot with its key beside it
        "loss_curve": lambda: window.loss_curve,
        "loss_surface": lambda: window.loss_surface.plot_widget,
        "reg_geometry": lambda: window.reg_geometry.plot_widget,
        "scores": lambda: window.score_table,
        "params": lambda: window.params_table,
        "window": lambda: window,
    }[key]()


def is_plot(widget: QWidget) -> bool:
    """True if ``widget`` has one pyqtgraph plot, so it can be saved as SVG."""
    try:
        plot_view(widget)
    except ExportError:
        return False
    return True


def _spin(name: str, lo: int, hi: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox(objectName=name)
    spin.setRange(lo, hi)
    spin.setValue(value)
    spin.setSuffix(translate("Export", suffix) if suffix else "")
    spin.setAccelerated(True)
    return spin


class _FileDialogBase(QDialog):
    """View choice, format choice and a file path whose suffix follows the format.

    ``exporter`` is the window's :class:`~linviz.ui.export.Exporter` (its ``window``,
    ``session``, ``default_path`` and the saving calls)."""

    def __init__(self, exporter, parent, prefix: str, formats):
        super().__init__(parent)
        self.exporter = exporter
        self._formats = formats
        self._auto_path = True
        self.view_combo = QComboBox(objectName=f"{prefix}_view")
        for key, label in VIEW_CHOICES:
            self.view_combo.addItem(translate("Export", label), key)
        self.format_combo = QComboBox(objectName=f"{prefix}_format")
        for label, suffix in formats:
            self.format_combo.addItem(translate("Export", label), suffix)
        self.path_edit = QLineEdit(objectName=f"{prefix}_path")
        self.path_edit.textEdited.connect(self._path_edited)
        self.browse_button = QPushButton(translate("Export", "Browse…"), objectName=f"{prefix}_browse")
        self.browse_button.clicked.connect(self.browse)
        self.path_row = QHBoxLayout()
        self.path_row.addWidget(self.path_edit, 1)
        self.path_row.addWidget(self.browse_button)
        self.view_combo.currentIndexChanged.connect(self._view_changed)
        self.format_combo.currentIndexChanged.connect(self._format_changed)

    def view_key(self) -> str:
        return self.view_combo.currentData()

    def suffix(self) -> str:
        return self.format_combo.currentData()

    def path(self) -> Path:
        """The chosen file, with the format's suffix added when it has none."""
        text = self.path_edit.text().strip()
        path = Path(text).expanduser() if text else self.exporter.default_path(self.view_key(), self.suffix())
        return path if path.suffix else path.with_suffix(self.suffix())

    def set_path(self, path) -> None:
        self._auto_path = False
        self.path_edit.setText(str(path))

    def _path_edited(self, _text: str) -> None:
        self._auto_path = False

    def _update_default_path(self) -> None:
        if self._auto_path:
            self.path_edit.setText(str(self.exporter.default_path(self.view_key(), self.suffix())))

    def _view_changed(self) -> None:
        self._update_default_path()

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if self._auto_path or not text:
            self._update_default_path()
        else:
            self.path_edit.setText(str(Path(text).with_suffix(self.suffix())))

    def browse(self) -> None:
        filters = ";;".join(f"{translate('Export', label)} (*{suffix})" for label, suffix in self._formats)
        chosen = f"{self.format_combo.currentText()} (*{self.suffix()})"
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), str(self.path()), filters, chosen)
        if path:
            self.set_path(path)
            for i, (_, suffix) in enumerate(self._formats):
                if Path(path).suffix.lower() == suffix:
                    self.format_combo.setCurrentIndex(i)


class ExportDialog(_FileDialogBase):
    """File ▸ Export ▸ Image…: a view, a size in pixels, PNG or SVG, a file — or the clipboard.

    objectNames: ``export_dialog``; ``export_view``, ``export_width``, ``export_height``,
    ``export_keep_aspect``, ``export_format``, ``export_path``, ``export_browse``,
    ``export_copy_button``. :meth:`save` and :meth:`copy` do what the buttons do.
    """

    def __init__(self, exporter, parent=None):
        super().__init__(exporter, parent, "export", IMAGE_FORMATS)
        self.setObjectName("export_dialog")
        self.setWindowTitle(translate("Export", "Export image"))
        self.width_spin = _spin("export_width", 16, MAX_SIDE, DEFAULT_SIZE[0], " px")
        self.height_spin = _spin("export_height", 16, MAX_SIDE, DEFAULT_SIZE[1], " px")
        self.keep_aspect = QCheckBox(translate("Export", "keep the view's proportions"), objectName="export_keep_aspect")
        self.keep_aspect.setToolTip(translate("Export", "Unchecked, the view is laid out afresh to fill the size you "
                                                        "give"))
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_spin)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_spin)
        size_row.addWidget(self.keep_aspect)
        size_row.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.copy_button = buttons.addButton(translate("Export", "Copy to clipboard"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("export_copy_button")
        self.copy_button.clicked.connect(self.copy)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(translate("Export", "View:"), self.view_combo)
        form.addRow(translate("Export", "Size:"), size_row)
        form.addRow(translate("Export", "Format:"), self.format_combo)
        form.addRow(translate("Export", "File:"), self.path_row)
        form.addRow(buttons)

        self.width_spin.valueChanged.connect(self._follow_aspect)
        self.keep_aspect.toggled.connect(self._follow_aspect)
        self._view_changed()

    def _view_changed(self) -> None:
        plot = is_plot(view_widget(self.exporter.window, self.view_key()))
        self.format_combo.model().item(1).setEnabled(plot)
        if not plot and self.suffix() == ".svg":
            self.format_combo.setCurrentIndex(0)
        self._follow_aspect()
        super()._view_changed()

    def _follow_aspect(self) -> None:
        keep = self.keep_aspect.isChecked()
        self.height_spin.setEnabled(not keep)
        if keep:
            widget = view_widget(self.exporter.window, self.view_key())
            self.height_spin.setValue(min(MAX_SIDE, default_height(widget, self.width_spin.value())))

    def save(self) -> Path | None:
        result = self.exporter.save_image(self.view_key(), self.path(), self.width_spin.value(),
                                          self.height_spin.value())
        if result is not None:
            self.accept()
        return result

    def copy(self) -> QImage | None:
        return self.exporter.copy(self.view_key(), self.width_spin.value(), self.height_spin.value())


class AnimationDialog(_FileDialogBase):
    """File ▸ Export ▸ Animation…: a view, steps from / to / every k-th, frame rate, size, GIF or MP4.

    objectNames: ``animation_dialog``; ``anim_view``, ``anim_from``, ``anim_to``,
    ``anim_every``, ``anim_fps``, ``anim_width``, ``anim_height``, ``anim_format``,
    ``anim_path``, ``anim_browse``, ``anim_summary``. :meth:`save` does what Save does.
    """

    def __init__(self, exporter, parent=None):
        super().__init__(exporter, parent, "anim", VIDEO_FORMATS)
        self.setObjectName("animation_dialog")
        self.setWindowTitle(translate("Export", "Export animation"))
        last = exporter.session.history.last if exporter.session.history is not None else 0
        every = max(1, math.ceil((last + 1) / MAX_FRAMES_BY_DEFAULT))
        self.from_spin = _spin("anim_from", 0, last, 0)
        self.to_spin = _spin("anim_to", 0, last, last)
        self.every_spin = _spin("anim_every", 1, max(1, last), every)
        self.fps_spin = _spin("anim_fps", 1, 120, 30, QT_TRANSLATE_NOOP("Export", " fps"))
        self.fps_spin.setToolTip(translate("Export", "GIF viewers play at most 50 frames per second"))
        self.width_spin = _spin("anim_width", 16, 3840, 1280, " px")
        self.height_spin = _spin("anim_height", 16, 2160, 720, " px")
        self.summary = QLabel(objectName="anim_summary")

        steps_row = QHBoxLayout()
        for label, spin in ((translate("Export", "from"), self.from_spin), (translate("Export", "to"), self.to_spin),
                            (translate("Export", ", a frame every"), self.every_spin)):
            steps_row.addWidget(QLabel(label))
            steps_row.addWidget(spin)
        steps_row.addWidget(QLabel(translate("Export", "steps")))
        steps_row.addStretch(1)
        fps_row = QHBoxLayout()
        fps_row.addWidget(self.fps_spin)
        fps_row.addStretch(1)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_spin)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_spin)
        size_row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(translate("Export", "View:"), self.view_combo)
        form.addRow(translate("Export", "Steps:"), steps_row)
        form.addRow(translate("Export", "Frame rate:"), fps_row)
        form.addRow(translate("Export", "Size:"), size_row)
        form.addRow(translate("Export", "Format:"), self.format_combo)
        form.addRow(translate("Export", "File:"), self.path_row)
        form.addRow(self.summary)
        form.addRow(buttons)
        for spin in (self.from_spin, self.to_spin, self.every_spin, self.fps_spin, self.width_spin, self.height_spin):
            spin.valueChanged.connect(self._update_summary)
        self.format_combo.currentIndexChanged.connect(self._update_summary)
        self._update_default_path()
        self._update_summary()

    def fmt(self) -> str:
        return ANIMATION_FORMATS[self.suffix()]

    def steps(self) -> range:
        return range(self.from_spin.value(), self.to_spin.value() + 1, self.every_spin.value())

    def frame_size(self) -> tuple[int, int]:
        return animation_size(self.fmt(), self.width_spin.value(), self.height_spin.value())

    def _update_summary(self) -> None:
        n, fps = len(self.steps()), self.fps_spin.value()
        text = translate("Export", "{0} frames · {1} s at {2} fps").format(n, f"{n / fps:.1f}", fps)
        w, h = self.frame_size()
        if (w, h) != (self.width_spin.value(), self.height_spin.value()):
            text += " · " + translate("Export", "MP4 needs even sides: {0} × {1}").format(w, h)
        if self.fmt() == "GIF" and fps > 1000 / MIN_GIF_DELAY_MS:
            text += " · " + translate("Export", "GIF plays at most {0} fps").format(1000 // MIN_GIF_DELAY_MS)
        self.summary.setText(text)

    def save(self) -> Path | None:
        if not self.steps():
            self.exporter.report_error(translate("Export", "The step range is empty: 'from' must not be after 'to'."))
            return None
        result = self.exporter.save_animation(self.view_key(), self.path(), self.steps(), self.fps_spin.value(),
                                              self.frame_size())
        if result is not None:
            self.accept()
        return result
