"""The main window: the plane in the centre, controls and numbers in docks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
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
from linviz.engine.file_checks import check_work

from .dialogs import GeneratorDialog
from .messages import error_text
from .models import DatasetModel, Playback, SessionModel, class_name_template, renamed_defaults
from .panels.controls import ControlsPanel
from .panels.playback import PlaybackBar
from . import (accessibility, compare, demos, export, hold_switch, i18n, lecture_mode, lesson, pen_overlay, presentation,
               share, style, undo)
from .cifar import install as install_cifar
from .views import branches, margin_chart, plane_overlays
from .views.gradcheck_panel import GradCheckPanel
from .views.loss_curve import LossCurveView
from .views.loss_surface import LossSurfaceView
from .views.params_table import ParamsTable
from .views.plane import PlaneView
from .views.reg_geometry import RegGeometryView
from .views.score_table import ScoreTable

translate = QCoreApplication.translate
DOCK_FRAME_PX = 12
"""What a dock adds around its widget's width (frame, scroll area, splitter handle)."""
DOCK_TABS_PX = 64
"""What a tabbed dock adds to its widget's height (title bar, tab bar, frame): the loss curve
gets at least its minimum height (at 1280 × 800 a quarter of the height cut its axis title)."""


class MainWindow(QMainWindow):
    """Owns the models; every view and panel gets the models it draws.

    ``persist``: restore the saved window, layout, theme and font size (``app.run``), and save
    them on close; without it (tests) the user's settings are never read or written.
    """

    def __init__(self, data: DatasetModel | None = None, session: SessionModel | None = None, *,
                 persist: bool = False):
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
        for feature in (plane_overlays, branches, demos, compare, margin_chart, share):
            feature.install(self)
        self.exporter = export.install(self)
        self.cifar = install_cifar(self)
        self.session.message.connect(self.show_message)
        self.session.history_changed.connect(self._clear_stale_message)
        self.undo = undo.install(self)
        self.lesson = lesson.install(self)  # it keeps the window title: file, unsaved mark, data
        hold_switch.install(self)  # "retrain on edit", in the status bar and the Edit menu
        lecture_mode.install(self)  # the lecture bar over the plane and the scene keys (after undo)
        pen_overlay.install(self)  # pen and laser over everything (after the lecture: a scene clears it)
        self.presentation = presentation.install(self, persist)  # last: it sees every dock and action
        self.language_menu = i18n.install(self)  # View ▸ Language, after the presentation's Theme
        accessibility.install(self)  # screen readers: every control named (after every text is in place)
        self._class_name_template = class_name_template()
        i18n.notifier.changed.connect(self._translate_default_class_names)
        if persist and self.presentation.restore():
            self._docks_sized = True  # the restored dock sizes stay

    def _translate_default_class_names(self, *_code) -> None:
        """Default class names ("class 2") follow the language ("clase 2"); names the teacher
        or a preset gave stay. Not an undo step, and no retrain: names do not enter training."""
        old, new = self._class_name_template, class_name_template()
        self._class_name_template = new
        names = self.data.dataset.class_names
        renamed = renamed_defaults(names, old, new)
        if renamed != names:
            with self.undo.suspended():
                self.data.set_class_names(renamed)

    # --- layout -------------------------------------------------------------------------
    def _build_docks(self) -> None:
        """Controls on the left; W and b over a tab group (scores, surface, geometry,
        gradient check) on the right; the loss curve under the plane only."""
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        self.setCorner(Qt.BottomRightCorner, Qt.RightDockWidgetArea)
        right = Qt.RightDockWidgetArea
        self.docks = {
            "controls": self._dock(translate("MainWindow", "Controls"), self.controls, Qt.LeftDockWidgetArea),
            "params": self._dock(translate("MainWindow", "W and b"), self.params_table, right),
            "scores": self._dock(translate("MainWindow", "Scores"), self.score_table, right),
            "surface": self._dock(translate("MainWindow", "Surface"), self.loss_surface, right),
            "geometry": self._dock(translate("MainWindow", "Geometry"), self.reg_geometry, right),
            "gradcheck": self._dock(translate("MainWindow", "Grad check"), self.gradcheck, right),
            "loss": self._dock(translate("MainWindow", "Loss curve"), self.loss_curve, Qt.BottomDockWidgetArea),
        }
        for name in ("surface", "geometry", "gradcheck"):
            self.tabifyDockWidget(self.docks["scores"], self.docks[name])
        self.docks["scores"].raise_()
        for name, view in (("gradcheck", self.gradcheck), ("surface", self.loss_surface),
                           ("geometry", self.reg_geometry)):
            self.docks[name].visibilityChanged.connect(lambda shown, v=view: shown and v.became_visible())
        self._docks_sized = False
        style.fonts.changed.connect(self.size_docks)  # a new presentation font size

    def size_docks(self, *_) -> None:
        """Share the window: controls ¼ of the width, the right column 0.3 — or up to 0.34 when
        the score table needs it to show each example whole (W and b tall enough for both its
        tables, up to 0.4 of the height), the loss curve ¼ of the height, or its minimum height
        up to 0.3 — so the plane keeps the middle on any projector. At presentation font sizes
        the controls widen to their contents up to 0.27 (the plane comes first: the docks
        scroll) and the loss curve grows to a third of the height (its axis labels grow).
        Hidden docks keep their sizes."""
        w, h = self.width(), self.height()
        left = min(max(self.controls.minimumSizeHint().width() + 24, 0.24 * w), 0.27 * w)
        right = min(max(0.3 * w, self.score_table.whole_width() + DOCK_FRAME_PX), 0.34 * w)  # the scores whole
        params = min(max(self._params_dock_height(right), 0.27 * h), 0.4 * h)  # both tables whole
        loss = min(0.34, max(0.25, 0.25 * style.scale() ** 0.5))
        if getattr(self, "presentation", None) is not None and self.presentation.presenting:
            loss = min(loss, 0.28)  # the plane comes first; the curve has the whole width
        for docks, sizes, orientation in (
            (("controls", "params"), (left, right), Qt.Horizontal),
            (("params", "scores"), (params, 0.87 * h - params), Qt.Vertical),
            (("loss",), (min(max(loss * h, self.loss_curve.minimumSizeHint().height() + DOCK_TABS_PX), 0.3 * h),),
             Qt.Vertical),
        ):
            shown = [(self.docks[n], int(size)) for n, size in zip(docks, sizes) if not self.docks[n].isHidden()]
            if shown:
                self.resizeDocks([d for d, _ in shown], [size for _, size in shown], orientation)

    def _params_dock_height(self, width: float) -> int:
        """The W and b dock's height for both tables whole at this dock width (its titles wrap
        only when narrow: a size hint alone counts them as wrapped)."""
        hint = self.docks["params"].sizeHint().height()
        needed = self.params_table.heightForWidth(int(width) - DOCK_FRAME_PX)
        return hint if needed <= 0 else hint - self.params_table.sizeHint().height() + needed

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._docks_sized:
            self._docks_sized = True
            self.size_docks()

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
        # the menus are found by objectName (file_menu, data_menu, …): their titles are translated
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.setObjectName("file_menu")
        self._action(file_menu, translate("MainWindow", "Open points…"), self.open_points, QKeySequence.Open,
                     "open_points")
        self._action(file_menu, translate("MainWindow", "Save points as…"), self.save_points, QKeySequence.SaveAs,
                     "save_points")
        file_menu.addSeparator()
        self._action(file_menu, translate("MainWindow", "Quit"), self.close, QKeySequence.Quit, "quit")

        data_menu = bar.addMenu(translate("MainWindow", "&Data"))
        data_menu.setObjectName("data_menu")
        presets = data_menu.addMenu(translate("MainWindow", "Presets"))
        presets.setObjectName("presets_menu")
        for name, description in PRESETS.items():
            action = self._action(presets, name, lambda _=False, n=name: self.load_preset(n), name=f"preset_{name}")
            action.setToolTip(translate("Presets", description))  # marked in linviz.engine.datasets
            action.setStatusTip(translate("Presets", description))
        self._action(data_menu, translate("MainWindow", "Generate…"), self.open_generator, "Ctrl+G", "generate")
        self._action(data_menu, translate("MainWindow", "Clear all points"), self.data.clear, None, "clear_points")

        play_menu = bar.addMenu(translate("MainWindow", "&Playback"))
        play_menu.setObjectName("playback_menu")
        for action in self.playback_bar.transport_actions.values():
            play_menu.addAction(action)

        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        view_menu.setObjectName("view_menu")
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())

        help_menu = bar.addMenu(translate("MainWindow", "&Help"))  # presentation adds Keyboard shortcuts (F1, ?)
        help_menu.setObjectName("help_menu")

    # --- actions --------------------------------------------------------------------------
    def load_preset(self, name: str, **kwargs) -> None:
        try:
            self.data.set_dataset(make_preset(name, **kwargs))
        except DatasetError as err:
            self.show_message("error", error_text(err))

    def open_generator(self) -> None:
        dialog = GeneratorDialog(self)
        if dialog.exec():
            self.load_preset(dialog.preset(), **dialog.options())

    def open_points(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, translate("MainWindow", "Open points"), "",
                                                  translate("MainWindow", "Points (*.csv *.json)"))
            if not path:
                return
        try:
            dataset = read_points(path)
            s = self.session.settings
            if s.is_linear:  # issue 13: the training the new points start stays within the documented limit
                check_work(s.train.steps, len(dataset), dataset.n_classes, s.train.features.dim, Path(path).name)
            self.data.set_dataset(dataset)
        except (DatasetError, ValueError) as err:  # the current points stay as they were
            text = i18n.in_language(error_text(err))  # coded, or English marked for the catalogue (file_checks)
            self.show_message("error", text)
            QMessageBox.warning(self, translate("MainWindow", "Could not open the file"), text)

    def save_points(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "Save points"), "points.csv",
                                                  "CSV (*.csv);;JSON (*.json)")
            if not path:
                return
        try:
            write_points(self.data.dataset, path)
            self.show_message("info", translate("MainWindow", "Saved {0} points to {1}.").format(
                len(self.data.dataset), path))
        except (DatasetError, OSError) as err:
            self.show_message("error", translate("MainWindow", "Could not save: {0}").format(error_text(err)))

    def show_message(self, level: str, text: str) -> None:
        h = self.session.history
        banner = getattr(self, "_banner", "")
        if level == "info" and banner and self.message_label.property("level") == "error" \
                and h is not None and h.stop_reason == "diverged":
            text, level = f"{banner}  ·  {text}", "error"  # "Saved …" never hides a diverged run's banner (issue 13)
        else:
            self._banner = text if level == "error" else ""
        colours = {"error": "#B00020", "warning": "#8A5A00", "info": "#1B5E20"}
        self.message_label.setStyleSheet(f"color: {colours.get(level, '#000')}; font-weight: bold;")
        self.message_label.setText(text)
        self.message_label.setProperty("level", level)

    def _clear_stale_message(self) -> None:
        """A new run replaces what was said about the old one ("kNN needs at least k points",
        "training diverged"); a diverged run's own message stays."""
        h = self.session.history
        level = self.message_label.property("level")
        if level in ("error", "warning") and (h is None or h.stop_reason != "diverged"):
            self.message_label.clear()
            self.message_label.setProperty("level", None)

    def closeEvent(self, event) -> None:
        self.playback.pause()
        self.presentation.save()
        super().closeEvent(event)

