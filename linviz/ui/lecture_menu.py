"""The lecture's place in the window: its strip, its menu entries and keys, and its files.

``install`` puts the :class:`~linviz.ui.lecture_mode.LectureBar` in a tool bar across the top
of the window and adds Lecture ▸ Start the lecture (F5), Open lecture…, Add this as a scene…
and the scene keys; :class:`KeySwitch` gives those keys to the lecture only while it is on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QToolBar

from linviz.lecture import LectureError, read_lecture

from . import i18n
from .lecture_mode import LectureBar, LectureMode, lecture_error_text

translate = QCoreApplication.translate


def install(window) -> LectureMode:
    """The lecture bar above the plane and the Lecture menu's entries (idempotent)."""
    if getattr(window, "lecture_mode", None) is not None:
        return window.lecture_mode
    mode = LectureMode(window)
    bar = LectureBar(mode)
    strip = QToolBar(objectName="lectureStrip")  # across the whole window, over the docks: the
    strip.setMovable(False)                       # words wrap less, and the plane keeps its height
    strip.setFloatable(False)
    strip.addWidget(bar)
    strip.toggleViewAction().setVisible(False)
    window.addToolBar(Qt.TopToolBarArea, strip)
    mode.strip = strip
    strip.setVisible(False)
    window.lecture_mode, window.lecture_bar = mode, bar
    if getattr(window, "lecture", None) is not None:
        window.lecture.attach(mode)  # the Lecture tab (demos.py) lists and opens this mode's scenes
    menu = i18n.find_menu(window, "lecture_menu", "&Lecture")
    if menu is None:
        menu = window.menuBar().addMenu(translate("Lecture", "&Lecture"))
        menu.setObjectName("lecture_menu")
    first = menu.actions()[0] if menu.actions() else None
    actions = {}

    def act(name, text, slot, keys, always=False):
        action = QAction(text, window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(slot)
        action.setEnabled(always)
        window.addAction(action)
        actions[name] = action
        return action

    start = act("lecture_start", translate("Lecture", "Start the lecture"), lambda: mode.start(), ["F5"], True)
    opener = act("lecture_open", translate("Lecture", "Open lecture…"), lambda: open_lecture_file(window), [], True)
    adder = act("lecture_add_scene", translate("Lecture", "Add this as a scene…"), lambda: add_scene(window), [],
                True)
    act("lecture_next", translate("Lecture", "Next scene"), mode.next, ["PgDown"])
    act("lecture_previous", translate("Lecture", "Previous scene"), mode.previous, ["PgUp"])
    act("lecture_reveal", translate("Lecture", "Reveal the answer"), mode.reveal, ["R"])
    act("lecture_leave", translate("Lecture", "Leave the lecture"), mode.leave, [])  # Esc while on: KeySwitch
    for k in range(4):
        act(f"lecture_choice_{'abcd'[k]}", translate("Lecture", "Choose {0}").format("ABCD"[k]),
            lambda _=False, k=k: mode.choose(k), ["ABCD"[k]])
    for a in (start, opener, adder):
        menu.insertAction(first, a)
    if first is not None:
        menu.insertSeparator(first)
    transport = getattr(getattr(window, "playback_bar", None), "transport_actions", {})
    mode.keys = KeySwitch(mode, actions, transport)
    return mode


class KeySwitch(QObject):
    """The scene keys work in lecture mode only; there ← and → move between scenes (the
    transport's step keys are lent to them), and Esc leaves full screen before the lecture."""

    def __init__(self, mode: LectureMode, actions: dict[str, QAction], transport: dict[str, QAction]):
        super().__init__(mode)
        self.mode, self.actions, self.transport = mode, actions, transport
        self.step_keys = {n: transport[n].shortcuts() for n in ("step_back", "step_forward") if n in transport}
        self.own_keys = {n: a.shortcuts() for n, a in actions.items()
                         if n not in ("lecture_start", "lecture_open", "lecture_add_scene", "lecture_leave")}
        mode.changed.connect(self.sync)
        mode.window.installEventFilter(self)
        self.sync()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.WindowStateChange:
            self.sync()
        return False

    def sync(self) -> None:
        mode, actions = self.mode, self.actions
        on = mode.active
        full = mode.window.isFullScreen()
        for name, action in actions.items():
            if name not in ("lecture_start", "lecture_open", "lecture_add_scene"):
                action.setEnabled(on)
        # Esc is full screen's while it is on (one key, one action: an ambiguous shortcut fires neither)
        actions["lecture_leave"].setShortcuts([QKeySequence("Esc")] if on and not full else [])
        question = on and mode.scene.question is not None and not mode.revealed
        for k in range(4):
            actions[f"lecture_choice_{'abcd'[k]}"].setEnabled(question)
        actions["lecture_reveal"].setEnabled(question)
        # an action holds its keys only while it works: outside a lecture PageDown/PageUp step
        # (keys.py), B blanks (keys.py) — no key belongs to two actions at once (Esc: above)
        for name, action in actions.items():
            if name in self.own_keys:
                action.setShortcuts(self.own_keys[name] if action.isEnabled() else [])
        actions["lecture_next"].setShortcuts([QKeySequence("PgDown"), QKeySequence(Qt.Key_Right)] if on else [])
        actions["lecture_previous"].setShortcuts([QKeySequence("PgUp"), QKeySequence(Qt.Key_Left)] if on else [])
        for name, keys in self.step_keys.items():
            self.transport[name].setShortcuts([] if on else keys)




def open_lecture_file(window, path: str | None = None) -> bool:
    """Lecture ▸ Open lecture…: read a lecture file; a bad one changes nothing and says why."""
    if not path:
        path, _ = QFileDialog.getOpenFileName(window, translate("Lecture", "Open lecture"), "",
                                              translate("Lecture", "Lectures (*.json)"))
        if not path:
            return False
    try:
        lecture = read_lecture(path)
    except LectureError as err:
        window.show_message("error", translate("Lecture", "Could not open the lecture: {0}").format(
            lecture_error_text(err)))
        return False
    window.lecture_mode.open_lecture(lecture)
    window.show_message("info", translate("Lecture", "Opened the lecture “{0}” ({1} scenes).").format(
        lecture.title(i18n.language()), len(lecture.scenes)))
    return True


def add_scene(window, path: str | None = None, title: str | None = None) -> bool:
    """Lecture ▸ Add this as a scene…: the state on screen appended to a lecture file (asked
    for, then remembered), under a title the teacher types; the scene keeps the run's start,
    the step, hold W, the picked points and the panels in view."""
    from PySide6.QtWidgets import QInputDialog

    from linviz.lecture.authoring import append_scene, scene_from_state

    from .widgets import on_screen

    if not path:
        start = getattr(window, "_lecture_file", "") or "my-lecture.json"
        path, _ = QFileDialog.getSaveFileName(window, translate("Lecture", "Add the scene to the lecture"), start,
                                              translate("Lecture", "Lectures (*.json)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return False
    if title is None:
        title, ok = QInputDialog.getText(window, translate("Lecture", "Add this as a scene"),
                                         translate("Lecture", "The scene's title:"))
        if not ok:
            return False
    s = window.session
    s.flush()  # a retrain the last edit scheduled: the scene is of the run that goes with the points
    ds, h = window.data.dataset, s.history
    root = h is not None and h.parent is None
    W0 = None if h is None else (h.W[0] if root else h.W[s.step])
    b0 = None if h is None else (h.b[0] if root else h.b[s.step])
    panels = [name for name, dock in window.docks.items() if on_screen(dock)]
    settings = s.settings
    try:
        lecture = append_scene(path, scene_from_state(
            title, ds, settings.model, settings.train_config(), {"k": settings.knn.k, "metric": settings.knn.metric},
            W0, b0, s.step if root else 0, s.hold_w, s.chosen_examples, panels, init=settings.init))
    except LectureError as err:
        window.show_message("error", translate("Lecture", "Could not add the scene: {0}").format(
            lecture_error_text(err)))
        return False
    window._lecture_file = path
    window.show_message("info", translate("Lecture", "Added scene {0} to {1}.").format(len(lecture.scenes), path))
    return True


__all__ = ["install", "KeySwitch", "open_lecture_file", "add_scene"]
