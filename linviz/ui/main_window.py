"""The main window: the plane in the centre, controls and numbers in docks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from linviz.engine.datasets import PRESETS, DatasetError, make_preset, read_points, write_points
from linviz.engine.file_checks import check_work

from .dialogs import GeneratorDialog
from .lazy_docks import LazyDock, scroll_area
from .messages import error_text
from .setting_texts import preset_title
from .status_line import StatusLine
from .models import DatasetModel, Playback, SessionModel, class_name_template, renamed_defaults
from .panels.controls import ControlsPanel
from .panels.playback import PlaybackBar
from . import (accessibility, compare, demos, export, hold_switch, i18n, keys, lecture_menu, lesson, pen_overlay,
               presentation, share, style, undo)
from .cifar import install as install_cifar
from .views import (branches, heldout_layer, margin_chart, optimizer_arrows, plane_gestures, plane_overlays,
                    sweep_view)
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
PLANE_SHARE = 0.375
"""The plane's data area gets at least this share of the window's width (480 px at 1280 × 800,
720 at 1920 × 1080); the side columns give way first."""
STATUS_AND_MENU_PX = 56
"""The menu bar and the status line, about."""
PLANE_AXES_PX = 80
"""What the plane adds to its data area's width: its left axis (56 px) and margins."""


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

        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plane, 1)
        layout.addWidget(self.playback_bar)
        self.setCentralWidget(centre)

        self._build_docks()
        self.message_label = StatusLine()  # one line: a message does not move the layout
        self.message_label.setObjectName("messageLabel")
        self.statusBar().addWidget(self.message_label, 1)
        self.data.changed.connect(self.message_label.forget_if_transient)  # the next action
        i18n.notifier.changed.connect(self.message_label.forget_if_transient)
        self._build_menus()
        for feature in (plane_overlays, branches, demos, compare, margin_chart, sweep_view, heldout_layer,
                        optimizer_arrows, share):
            feature.install(self)
        self.exporter = export.install(self)
        self.cifar = install_cifar(self)
        self.session.message.connect(self.show_message)
        self.session.history_changed.connect(self._clear_stale_message)
        self.undo = undo.install(self)
        self.lesson = lesson.install(self)  # it keeps the window title: file, unsaved mark, data
        hold_switch.install(self)  # "retrain on edit", in the status bar and the Edit menu
        plane_gestures.install(self)  # Edit ▸ Brush (G): paint a cloud of points
        lecture_menu.install(self)  # the lecture strip across the top and the scene keys (after undo)
        pen_overlay.install(self)  # pen and laser over everything (after the lecture: a scene clears it)
        self.presentation = presentation.install(self, persist)  # last: it sees every dock and action
        self.language_menu = i18n.install(self)  # View ▸ Language, after the presentation's Theme
        self.keys = keys.install(self)  # Enter/Esc back to the plane, 1 … 9 anywhere, PageUp/Down, B to blank
        accessibility.install(self)  # screen readers: every control named (after every text is in place)
        self._class_name_template = class_name_template()
        i18n.notifier.changed.connect(self._translate_default_class_names)
        if persist and self.presentation.restore():
            self._docks_sized = True  # the restored dock sizes stay
            self._share_on_resize = False

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
        """Controls on the left; on the right W and b, a tab group (scores, surface, geometry,
        gradient check) and the loss curve: the plane has the whole height between them."""
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        self.setCorner(Qt.BottomRightCorner, Qt.RightDockWidgetArea)
        right = Qt.RightDockWidgetArea
        self.docks = {
            "controls": self._dock(translate("MainWindow", "Controls"), self.controls, Qt.LeftDockWidgetArea),
            "params": self._dock(translate("MainWindow", "W and b"), self.params_table, right),
            "scores": self._dock(translate("MainWindow", "Scores"), self.score_table, right),
            # behind the Scores tab: built when first seen (lazy_docks.py)
            "surface": self.lazy_dock(translate("MainWindow", "Surface"), "dock_LossSurfaceView",
                                      lambda: LossSurfaceView(self.session), right),
            "geometry": self.lazy_dock(translate("MainWindow", "Geometry"), "dock_RegGeometryView",
                                       lambda: RegGeometryView(self.session), right),
            "gradcheck": self.lazy_dock(translate("MainWindow", "Grad check"), "dock_GradCheckPanel",
                                        lambda: GradCheckPanel(self.session), right),
            "loss": self._dock(translate("MainWindow", "Loss curve"), self.loss_curve, right),
        }
        for name in ("surface", "geometry", "gradcheck"):
            self.tabifyDockWidget(self.docks["scores"], self.docks[name])
        self.docks["scores"].raise_()
        for name in ("gradcheck", "surface", "geometry"):
            dock = self.docks[name]
            dock.visibilityChanged.connect(lambda shown, d=dock: shown and d.view().became_visible())
        self._docks_sized = False
        self._tab_ordered = False
        self._share_on_resize = True  # a window the app laid out follows its size (maximised, F11)
        self._share_timer = QTimer(self, singleShot=True, interval=0)
        self._share_timer.timeout.connect(self.size_docks)
        style.fonts.changed.connect(self.size_docks)  # a new presentation font size

    def size_docks(self, *_) -> None:
        """Share the window so that the plane comes first: its data area gets PLANE_SHARE of
        the width (besides its key and axes) and the whole height beside the playback bar.
        The side columns share what is left, and give way (narrower; their docks scroll)
        before the plane does: the controls up to half of it (their width, ¼ of the window at
        most), the right column the rest (0.3 of the window, up to 0.34 when the score table
        needs it to show each example whole). In the right column: W and b tall enough for
        both its tables (0.27 to 0.4 of the height), the loss curve its minimum height, the
        score tabs the rest; height the score tabs do not need goes to the loss curve, up to
        ¼ of the height (a third at presentation font sizes). Hidden docks keep their sizes."""
        w, h = self.width(), self.height()
        presenting = getattr(self, "presentation", None) is not None and self.presentation.presenting
        legend = self.plane.legend.sizeHint().width() if not self.plane.legend.isHidden() else 0
        side = max(w - (PLANE_SHARE * w + legend + PLANE_AXES_PX), 0)
        left = min(max(self.controls.minimumSizeHint().width() + 24, 0.24 * w), 0.27 * w, side / 2)
        if self.docks["controls"].isHidden():
            left = 0
        right = min(max(0.3 * w, self.score_table.whole_width() + DOCK_FRAME_PX), 0.34 * w, side - left)
        if presenting:  # no controls: the scores whole when shown
            right = min(max(0.3 * w, self.score_table.whole_width() + DOCK_FRAME_PX), 0.34 * w, side)
        loss_min = self.loss_curve.minimumSizeHint().height() + DOCK_TABS_PX
        if right - DOCK_FRAME_PX < self.loss_curve.minimumSizeHint().width():  # it scrolls sideways
            loss_min += self.docks["loss"].widget().horizontalScrollBar().sizeHint().height()
        params = min(max(self._params_dock_height(right), 0.27 * h), 0.4 * h)  # both tables whole
        scores_need = self.score_table.sizeHint().height() + DOCK_TABS_PX
        spare = max(h - STATUS_AND_MENU_PX - params - loss_min - scores_need, 0)
        loss = loss_min + min(spare, max(min(0.34, 0.25 * style.scale() ** 0.5) * h - loss_min, 0))
        scores = h - STATUS_AND_MENU_PX - params - loss
        if presenting:  # the loss curve, and the scores over it when S asks for them
            scores = 0.5 * (h - STATUS_AND_MENU_PX) if not self.docks["scores"].isHidden() else 0
            loss = h - STATUS_AND_MENU_PX - scores
        for bar in self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            bar.setElideMode(Qt.TextElideMode.ElideNone)  # a narrow column scrolls its tabs, never cuts them
            bar.setUsesScrollButtons(True)
        for docks, sizes, orientation in (
            (("controls", "params", "scores", "loss"), (left, right, right, right), Qt.Horizontal),
            (("params", "scores", "loss"), (params, scores, loss), Qt.Vertical),
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

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._docks_sized and self._share_on_resize:
            self._share_timer.start()  # once the resizes of a maximise or full screen are over

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._docks_sized:
            self._docks_sized = True
            self.size_docks()
        if not self._tab_ordered:  # the dock tab bars exist once the window is shown
            self._tab_ordered = True
            QTimer.singleShot(0, self, lambda: accessibility.apply_tab_order(self))

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 (Qt name)
        """Tab and Shift+Tab walk the window in reading order (``accessibility.tab_order``),
        skipping the controls of docks parked behind another tab (the focus would leave the screen)."""
        target = accessibility.next_stop(self, self.focusWidget(), next_)
        if target is None:
            return super().focusNextPrevChild(next_)
        target.setFocus(Qt.FocusReason.TabFocusReason if next_ else Qt.FocusReason.BacktabFocusReason)
        return True

    def _dock(self, title: str, widget: QWidget, area) -> QDockWidget:
        """A dock holding ``widget`` in a scroll area, so that the window still fits a
        1024 × 768 projector: a dock smaller than its view scrolls instead of pushing."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{widget.__class__.__name__}")
        if isinstance(widget, QScrollArea):
            dock.setWidget(widget)
        else:
            scroll = scroll_area()
            scroll.setWidget(widget)
            dock.setWidget(scroll)
        self.addDockWidget(area, dock)
        return dock

    def lazy_dock(self, title: str, object_name: str, factory, area) -> LazyDock:
        """A dock whose view ``factory()`` builds when the dock is first seen or asked for
        (``LazyDock.view()``): for views the first frame does not show (``lazy_docks``)."""
        dock = LazyDock(title, object_name, factory, self)
        self.addDockWidget(area, dock)
        return dock

    # the views of the lazy docks: built on first access (an export, a test), else when first seen
    @property
    def loss_surface(self) -> LossSurfaceView:
        return self.docks["surface"].view()

    @property
    def reg_geometry(self) -> RegGeometryView:
        return self.docks["geometry"].view()

    @property
    def gradcheck(self) -> GradCheckPanel:
        return self.docks["gradcheck"].view()

    @property
    def margin_chart(self):
        """The Margins tab's chart (``views.margin_chart``), or None before it is installed."""
        dock = self.docks.get("margins")
        return dock.view() if dock is not None else None

    @property
    def sweep_view(self):
        """The Sweep tab's view (``views.sweep_view``), or None before it is installed."""
        dock = self.docks.get("sweep")
        return dock.view() if dock is not None else None

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
            action = self._action(presets, preset_title(name), lambda _=False, n=name: self.load_preset(n), name=f"preset_{name}")
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
        self.message_label.say(level, text)  # an info message goes after a few seconds

    def _clear_stale_message(self) -> None:
        """A new run replaces what was said about the old one ("kNN needs at least k points",
        "training diverged"); a diverged run's own message stays."""
        h = self.session.history
        level = self.message_label.property("level")
        if level in ("error", "warning") and (h is None or h.stop_reason != "diverged"):
            self.message_label.forget()

    def closeEvent(self, event) -> None:
        self.playback.pause()
        self.presentation.save()
        super().closeEvent(event)

