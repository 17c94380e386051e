"""The main window: the plane in the centre, controls and numbers in docks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from linviz.engine.datasets import PRESETS, DatasetError, make_preset, read_points, write_points

from .dialogs import GeneratorDialog
from .models import DatasetModel, Playback, SessionModel
from .panels.controls import ControlsPanel
from .panels.playback import PlaybackBar
from . import compare, demos, export, lesson, undo
from .cifar import install as install_cifar
from .views import branches, plane_overlays
from .views.gradcheck_panel import GradCheckPanel
from .views.loss_curve import LossCurveView
from .views.loss_surface import LossSurfaceView
from .views.params_table import ParamsTable
from .views.plane import PlaneView
from .views.reg_geometry import RegGeometryView
from .views.score_table import ScoreTable


class MainWindow(QMainWindow):
    """Owns the models; every view and panel gets the models it draws."""

    def __init__(self, data: DatasetModel | None = None, session: SessionModel | None = None):
        super().__init__()
        self.data = data or DatasetModel(make_preset("cs231n"))
        self.session = session or SessionModel(self.data)
        self.playback = Playback(self.session, parent=self)
        self.resize(1600, 1000)

        self.plane = PlaneView(self.data, self.session)
        self.playback_bar = PlaybackBar(self.session, self.playback)
        self.controls = ControlsPanel(self.data, self.session)
        self.params_table = ParamsTable(self.session)
        self.score_table = ScoreTable(self.data, self.session)
        self.loss_curve = LossCurveView(self.session)
        self.loss_surface = LossSurfaceView(self.session)
        self.reg_geometry = RegGeometryView(self.session)
        self.gradcheck = GradCheckPanel(self.session)

        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plane, 1)
        layout.addWidget(self.playback_bar)
        self.setCentralWidget(centre)

        self._build_docks()
        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.statusBar().addWidget(self.message_label, 1)
        self._build_menus()
        for feature in (plane_overlays, branches, demos, compare):
            feature.install(self)
        self.exporter = export.install(self)
        self.cifar = install_cifar(self)
        self.session.message.connect(self.show_message)
        self.session.history_changed.connect(self._clear_stale_message)
        self.undo = undo.install(self)
        self.lesson = lesson.install(self)  # it keeps the window title: file, unsaved mark, data

    # --- layout -------------------------------------------------------------------------
    def _build_docks(self) -> None:
        """Controls on the left; W and b over a tab group (scores, surface, geometry,
        gradient check) on the right; the loss curve under the plane only."""
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        self.setCorner(Qt.BottomRightCorner, Qt.RightDockWidgetArea)
        right = Qt.RightDockWidgetArea
        self.docks = {
            "controls": self._dock("Controls", self.controls, Qt.LeftDockWidgetArea),
            "params": self._dock("W and b", self.params_table, right),
            "scores": self._dock("Scores", self.score_table, right),
            "surface": self._dock("Surface", self.loss_surface, right),
            "geometry": self._dock("Geometry", self.reg_geometry, right),
            "gradcheck": self._dock("Grad check", self.gradcheck, right),
            "loss": self._dock("Loss curve", self.loss_curve, Qt.BottomDockWidgetArea),
        }
        for name in ("surface", "geometry", "gradcheck"):
            self.tabifyDockWidget(self.docks["scores"], self.docks[name])
        self.docks["scores"].raise_()
        for name, view in (("gradcheck", self.gradcheck), ("surface", self.loss_surface),
                           ("geometry", self.reg_geometry)):
            self.docks[name].visibilityChanged.connect(lambda shown, v=view: shown and v.became_visible())
        self._docks_sized = False

    def _size_docks(self) -> None:
        """Share the window: controls ¼ of the width, the right column 0.3, the loss curve ¼
        of the height — so the plane keeps the middle on any projector."""
        w, h = self.width(), self.height()
        self.resizeDocks([self.docks["controls"], self.docks["params"]], [int(0.24 * w), int(0.3 * w)],
                         Qt.Horizontal)
        self.resizeDocks([self.docks["params"], self.docks["scores"]], [int(0.27 * h), int(0.6 * h)], Qt.Vertical)
        self.resizeDocks([self.docks["loss"]], [int(0.25 * h)], Qt.Vertical)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._docks_sized:
            self._docks_sized = True
            self._size_docks()

    def _dock(self, title: str, widget: QWidget, area) -> QDockWidget:
        """A dock holding ``widget`` in a scroll area, so that the window still fits a
        1024 × 768 projector: a dock smaller than its view scrolls instead of pushing."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{widget.__class__.__name__}")
        if isinstance(widget, QScrollArea):
            dock.setWidget(widget)
        else:
            scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.NoFrame)
            scroll.setWidget(widget)
            scroll.setMinimumSize(160, 120)
            dock.setWidget(scroll)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, menu, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name or text.lower().replace(" ", "_").replace("…", ""))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "Open points…", self.open_points, QKeySequence.Open, "open_points")
        self._action(file_menu, "Save points as…", self.save_points, QKeySequence.SaveAs, "save_points")
        file_menu.addSeparator()
        self._action(file_menu, "Quit", self.close, QKeySequence.Quit, "quit")

        data_menu = bar.addMenu("&Data")
        presets = data_menu.addMenu("Presets")
        presets.setObjectName("presets_menu")
        for name, description in PRESETS.items():
            action = self._action(presets, name, lambda _=False, n=name: self.load_preset(n), name=f"preset_{name}")
            action.setToolTip(description)
            action.setStatusTip(description)
        self._action(data_menu, "Generate…", self.open_generator, "Ctrl+G", "generate")
        self._action(data_menu, "Clear all points", self.data.clear, None, "clear_points")

        play_menu = bar.addMenu("&Playback")
        for action in self.playback_bar.actions.values():
            play_menu.addAction(action)

        view_menu = bar.addMenu("&View")
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "Keyboard shortcuts", self.show_shortcuts, "F1", "shortcuts")

    # --- actions --------------------------------------------------------------------------
    def load_preset(self, name: str, **kwargs) -> None:
        try:
            self.data.set_dataset(make_preset(name, **kwargs))
        except DatasetError as err:
            self.show_message("error", str(err))

    def open_generator(self) -> None:
        dialog = GeneratorDialog(self)
        if dialog.exec():
            self.load_preset(dialog.preset(), **dialog.options())

    def open_points(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Open points", "", "Points (*.csv *.json)")
            if not path:
                return
        try:
            self.data.set_dataset(read_points(path))
        except DatasetError as err:  # the current points stay as they were
            self.show_message("error", str(err))
            QMessageBox.warning(self, "Could not open the file", str(err))

    def save_points(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, "Save points", "points.csv", "CSV (*.csv);;JSON (*.json)")
            if not path:
                return
        try:
            write_points(self.data.dataset, path)
            self.show_message("info", f"Saved {len(self.data.dataset)} points to {path}.")
        except (DatasetError, OSError) as err:
            self.show_message("error", f"Could not save: {err}")

    def show_message(self, level: str, text: str) -> None:
        colours = {"error": "#B00020", "warning": "#8A5A00", "info": "#1B5E20"}
        self.message_label.setStyleSheet(f"color: {colours.get(level, '#000')}; font-weight: bold;")
        self.message_label.setText(text)
        self.message_label.setProperty("level", level)

    def _clear_stale_message(self) -> None:
        h = self.session.history
        if self.message_label.property("level") == "error" and (h is None or h.stop_reason != "diverged"):
            self.message_label.clear()
            self.message_label.setProperty("level", None)

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_TEXT)

    def closeEvent(self, event) -> None:
        self.playback.pause()
        super().closeEvent(event)


SHORTCUTS_TEXT = """Space  play / pause
→ / ←  step forward / back
Home / End  first / last step
1 … 9  class of new points
Click  add a point · Drag  move it · Right-click  delete it
Delete  delete the selected points
Ctrl+O / Ctrl+Shift+S  open / save points · Ctrl+G  generate data
Ctrl+K  compare runs side by side
Ctrl+N / Ctrl+Shift+O / Ctrl+S  new / open / save lesson
Ctrl+Z / Ctrl+Shift+Z  undo / redo
Ctrl+E / Ctrl+Shift+E  export an image / an animation · Ctrl+Shift+C  copy the plane
Ctrl+I  the CIFAR-10 window"""
