"""The Lecture tab and the Lecture menu's demonstrations: scenes of the lecture, one click away.

The eleven demonstrations of the lecture's questions (loss at small W, the sum over all
classes, the mean, the squared hinge, Δ against λ, a correct point moving a little, the
loss's minimum and maximum, SVM vs Softmax, regularisation, batch size, feature maps) are
scenes of the built-in lecture (``assets/lectures/``), mapped in :data:`DEMONSTRATIONS`;
there is one mechanism, the lecture mode (``lecture_mode.py``). A demonstration opens its
scene already revealed: the scene's state on screen and, in the lecture bar, the measured
figures beside the expected ones.

The Lecture tab (a dock tabbed with the controls) lists every scene of the lecture in use;
a double click (or Enter) opens it. The Lecture menu holds the demonstrations
after the lecture's own entries (``lecture_menu.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from linviz.lecture import builtin_lecture_path, read_lecture

from . import i18n

translate = QCoreApplication.translate

DEMONSTRATIONS: tuple[tuple[str, str], ...] = (
    ("small_w", "slide-small-w"),
    ("all_classes", "slide-all-classes"),
    ("mean", "slide-mean"),
    ("squared", "slide-squared"),
    ("delta_lambda", "delta-lambda"),
    ("small_move", "slide-small-change"),
    ("extremes", "slide-min-max"),
    ("svm_softmax", "svm-vs-softmax"),
    ("regularisation", "regularisation"),
    ("batch", "batch-minibatch-sgd"),
    ("kernels", "feature-maps"),
)
"""(the demonstration's key, the id of its scene in the built-in lecture), in the lecture's order."""
DEMO_KEYS = tuple(k for k, _ in DEMONSTRATIONS)
SCENE_OF = dict(DEMONSTRATIONS)


class LectureTab(QWidget):
    """The scenes of the lecture in use, in order; the current one selected.

    ``scenes`` (QListWidget, objectName ``lectureScenes``): one row per scene, "n. title" in the
    language shown; a double click or Enter opens one (narrow: the tab never widens its dock). ``attach(mode)`` connects the
    lecture mode (installed after this tab)."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.mode = None
        self.setObjectName("lectureTab")
        self.note = QLabel(wordWrap=True, objectName="lectureTabNote")
        self.scenes = QListWidget(objectName="lectureScenes")
        self.scenes.setWordWrap(True)
        self.scenes.itemActivated.connect(lambda item: self.open(self.scenes.row(item)))
        self.scenes.itemDoubleClicked.connect(lambda item: self.open(self.scenes.row(item)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.note)
        layout.addWidget(self.scenes, 1)
        self._builtin = None
        self.menu_actions: dict[str, QAction] = {}
        """The Lecture menu's demonstration entries (``install`` adds them), by key."""
        i18n.notifier.changed.connect(self.refresh)
        self.refresh()

    def attach(self, mode) -> None:
        self.mode = mode
        mode.changed.connect(self.refresh)
        self.refresh()

    @property
    def lecture(self):
        """The lecture in use: the lecture mode's, or (before it is attached) the built-in one."""
        return self.mode.lecture if self.mode is not None else self.builtin()

    def builtin(self):
        """The built-in lecture, whose scenes the demonstrations are (read once)."""
        if self._builtin is None:
            self._builtin = read_lecture(builtin_lecture_path())
        return self._builtin

    def refresh(self, *_args) -> None:
        lang = i18n.language()
        self.note.setText(translate("Demos", "The lecture's scenes: double-click one to show it with its figures "
                                             "(F5 starts the lecture, PageDown goes on)."))
        rows = [f"{n}. {s.title(lang)}" for n, s in enumerate(self.lecture.scenes, 1)]
        if [self.scenes.item(i).text() for i in range(self.scenes.count())] != rows:
            self.scenes.clear()
            for text in rows:
                self.scenes.addItem(QListWidgetItem(text))
        if self.mode is not None and self.mode.active:
            self.scenes.setCurrentRow(self.mode.index)
        builtin = self.builtin()
        for n, (key, scene_id) in enumerate(DEMONSTRATIONS, 1):
            if key in self.menu_actions:
                self.menu_actions[key].setText(f"{n}. {builtin.scenes[builtin.index_of(scene_id)].title(lang)}")

    def open(self, index: int) -> None:
        """Show scene ``index`` revealed: its state, and its figures beside the expected ones."""
        if self.mode is None or not 0 <= index < len(self.lecture.scenes):
            return
        self.mode.start(index)
        self.mode.reveal()

    def show_demo(self, key: str) -> None:
        """Open the scene of demonstration ``key`` (one of :data:`DEMO_KEYS`); with another
        lecture open, the built-in one comes back first (the demonstrations are its scenes)."""
        if key not in SCENE_OF:
            raise KeyError(f"unknown demonstration {key!r}; choose one of {', '.join(DEMO_KEYS)}")
        if self.mode is None:
            return
        if not any(s.id == SCENE_OF[key] for s in self.mode.lecture.scenes):
            self.mode.open_lecture(self.builtin())
        self.open(self.mode.lecture.index_of(SCENE_OF[key]))


def install(window) -> LectureTab:
    """The Lecture tab (tabbed with the Controls, on the left) and the Lecture menu with the
    demonstrations (idempotent). ``lecture_menu.install`` attaches the lecture mode."""
    if getattr(window, "lecture", None) is not None:
        return window.lecture
    tab = LectureTab(window)
    dock = QDockWidget(translate("Demos", "Lecture"), window)
    dock.setObjectName("dock_LecturePanel")
    dock.setWidget(tab)
    window.addDockWidget(Qt.LeftDockWidgetArea, dock)
    if hasattr(window, "docks") and "controls" in window.docks:
        window.tabifyDockWidget(window.docks["controls"], dock)
        window.docks["controls"].raise_()
        window.docks["lecture"] = dock
    window.lecture = tab

    bar = window.menuBar()
    menu = QMenu(translate("Demos", "&Lecture"), bar)
    menu.setObjectName("lecture_menu")
    menu.addSeparator()
    for key, _scene_id in DEMONSTRATIONS:
        action = QAction(menu)
        action.setObjectName(f"demo_{key}")
        action.triggered.connect(lambda _=False, k=key: (dock.show(), tab.show_demo(k)))
        tab.menu_actions[key] = action
        menu.addAction(action)
    tab.refresh()  # the entries' titles
    menu.addSeparator()
    menu.addAction(dock.toggleViewAction())
    help_menu = i18n.find_menu(window, "help_menu", "&Help")  # by objectName: the titles are translated
    help_action = help_menu.menuAction() if help_menu is not None else None
    bar.insertMenu(help_action, menu) if help_action is not None else bar.addMenu(menu)
    return tab


__all__ = ["DEMONSTRATIONS", "DEMO_KEYS", "SCENE_OF", "LectureTab", "install"]
