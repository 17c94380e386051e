"""Undo and redo of the teacher's edits: points, classes, settings and typed W/b.

:class:`UndoManager` observes the models; it never sits between a view and a
model. Every change arrives as a signal and is recorded as a (before, after)
pair of immutable values on a ``QUndoStack``:

* ``data.changed`` → the Dataset before and after (add, move, remove, clear,
  load, class names, number of classes);
* ``session.settings_changed`` → the Settings before and after;
* ``session.history_changed`` with a new History that branches from the one
  shown with different parameters at its branch step → a W/b edit (the
  History objects before and after; they are never modified once recorded).

Undo and redo go through the models' public setters (``data.set_dataset``,
``session.set_settings``) and put back the History that was shown, so the
run, its branches and the step are exactly as they were. The manager ignores
the signals its own restores cause.

A drag (many moves of one point) is one undo step: moves of the same point
merge while the left button is held or less than ``MERGE_SECONDS`` apart;
so do quick repeated changes of the same setting (a slider being dragged).
At most ``UNDO_LIMIT`` steps are kept.

:func:`install` adds Edit ▸ Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, Ctrl+Y),
whose text says what they will undo ("Undo move point").
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu

from linviz.engine.datasets import Dataset
from linviz.engine.lesson_file import config_to_dict, is_param_edit
from linviz.engine.training import History

from . import i18n
from .i18n import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

UNDO_LIMIT = 200
KEEP_RUNS = 30
"""Only the newest KEEP_RUNS point/settings steps keep the run they replaced (memory); undoing an
older one retrains, which gives the same run unless it had branches or had been played further."""
MERGE_SECONDS = 1.0
_MOVE_ID, _SETTINGS_ID = 7301, 7302

SETTING_LABELS = {
    "model": QT_TRANSLATE_NOOP("Undo", "model"), "init": QT_TRANSLATE_NOOP("Undo", "initial W"),
    "init_scale": QT_TRANSLATE_NOOP("Undo", "initial W scale"),
    "restart": QT_TRANSLATE_NOOP("Undo", "on-change behaviour"),
    "knn.k": "k", "knn.metric": QT_TRANSLATE_NOOP("Undo", "distance"),
    "train.lr": QT_TRANSLATE_NOOP("Undo", "learning rate"), "train.batch_size": QT_TRANSLATE_NOOP("Undo", "batch size"),
    "train.steps": QT_TRANSLATE_NOOP("Undo", "steps"), "train.tol": QT_TRANSLATE_NOOP("Undo", "tolerance"),
    "train.seed": QT_TRANSLATE_NOOP("Undo", "seed"), "train.reg.lam": "λ",
    "train.reg.kind": QT_TRANSLATE_NOOP("Undo", "regularisation"), "train.reg.beta": "β",
    "train.reg.max_norm": QT_TRANSLATE_NOOP("Undo", "max norm"),
    "train.reg.include_bias": QT_TRANSLATE_NOOP("Undo", "bias regularisation"),
    "train.loss.variant": QT_TRANSLATE_NOOP("Undo", "SVM variant"), "train.loss.delta": "Δ",
    "train.optimizer.kind": QT_TRANSLATE_NOOP("Undo", "optimiser"),
    "train.schedule.kind": QT_TRANSLATE_NOOP("Undo", "learning-rate schedule"),
    "train.features.kind": QT_TRANSLATE_NOOP("Undo", "features"),
}
"""How a changed setting reads in the Edit menu ("Undo change λ"); English, translated when used."""


# ----------------------------------------------------------------------------- describing changes


def describe_data_change(before: Dataset, after: Dataset) -> tuple[str, int | None]:
    """What changed between two datasets, as an Edit-menu phrase, and the index of the
    moved point when exactly one point moved (else None)."""
    if before.name != after.name:
        return translate("Undo", "load {0}").format(after.name), None
    if before.class_names != after.class_names:
        if len(before.class_names) != len(after.class_names):
            return translate("Undo", "change number of classes"), None
        renamed = [k for k, (a, b) in enumerate(zip(before.class_names, after.class_names)) if a != b]
        return (translate("Undo", "rename class") if len(renamed) == 1 else translate("Undo", "rename classes")), None
    n0, n1 = len(before), len(after)
    if n1 == 0 and n0 > 0:
        return translate("Undo", "clear points"), None
    if n1 == n0 + 1:
        return translate("Undo", "add point"), None
    if n1 > n0 + 1 and np.array_equal(before.X, after.X[:n0]) and np.array_equal(before.y, after.y[:n0]):
        return translate("Undo", "add points"), None  # a brush stroke
    if n1 < n0:
        return (translate("Undo", "remove point") if n1 == n0 - 1 else translate("Undo", "remove points")), None
    if n1 == n0 and np.array_equal(before.y, after.y):
        moved = np.flatnonzero((before.X != after.X).any(axis=1))
        if len(moved) == 1:
            return translate("Undo", "move point"), int(moved[0])
        return translate("Undo", "move points"), None
    return translate("Undo", "edit points"), None


def changed_settings(before, after) -> tuple[str, ...]:
    """Dotted paths of the settings that differ (``train.reg.lam``)."""
    out: list[str] = []

    def walk(a: dict, b: dict, prefix: str) -> None:
        for key in a:
            if isinstance(a[key], dict):
                walk(a[key], b[key], f"{prefix}{key}.")
            elif a[key] != b[key]:
                out.append(prefix + key)

    walk(config_to_dict(before), config_to_dict(after), "")
    return tuple(out)


def describe_settings_change(paths: tuple[str, ...]) -> str:
    """"change λ" for one setting, "change settings" for several."""
    if len(paths) != 1:
        return translate("Undo", "change settings")
    label = SETTING_LABELS.get(paths[0])
    label = translate("Undo", label) if label else paths[0].rsplit(".", 1)[-1].replace("_", " ")
    return translate("Undo", "change {0}").format(label)


# ----------------------------------------------------------------------------- what is shown


@dataclass(frozen=True)
class Shown:
    """The session's run as it was: the History shown, the list of branches and the step."""

    history: History | None
    branches: tuple[History, ...]
    step: int


def show_history(session, shown: Shown) -> None:
    """Show a History recorded earlier, with its branches and step, without training (the
    session core's ``show_history`` rule)."""
    if shown.history is not None:
        session.show_history(shown.history, shown.step, list(shown.branches))


# ----------------------------------------------------------------------------- commands


class _Command(QUndoCommand):
    """A change that has already happened when pushed: the first redo() does nothing."""

    def __init__(self, manager: UndoManager, text: str):
        super().__init__(text)
        self.manager = manager
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        with self.manager.suspended():
            self.apply(True)

    def undo(self) -> None:
        with self.manager.suspended():
            self.apply(False)

    def apply(self, forward: bool) -> None:
        raise NotImplementedError


class DataCommand(_Command):
    """Points or classes changed: set the dataset back (and the run that was shown)."""

    def __init__(self, manager, before: Dataset, after: Dataset, shown: Shown | None, when: float):
        text, self.moved = describe_data_change(before, after)
        super().__init__(manager, text)
        self.before, self.after, self.shown, self.when = before, after, shown, when

    def id(self) -> int:
        return _MOVE_ID if self.moved is not None else -1

    def mergeWith(self, other) -> bool:
        if not isinstance(other, DataCommand) or other.moved != self.moved or self.moved is None:
            return False
        held = bool(QGuiApplication.mouseButtons() & Qt.LeftButton)
        if not held and other.when - self.when > MERGE_SECONDS:
            return False
        self.after, self.when = other.after, other.when
        return True

    def apply(self, forward: bool) -> None:
        m = self.manager
        m.data.set_dataset(self.after if forward else self.before)
        m.session.flush()  # now (retrain, or re-evaluate a held W), not on the next event-loop turn, so the run below stays
        if not forward and self.shown is not None:
            show_history(m.session, self.shown)


class SettingsCommand(_Command):
    """Settings changed: set them back (and the run that was shown)."""

    def __init__(self, manager, before, after, shown: Shown | None, when: float):
        self.paths = changed_settings(before, after)
        super().__init__(manager, describe_settings_change(self.paths))
        self.before, self.after, self.shown, self.when = before, after, shown, when

    def id(self) -> int:
        return _SETTINGS_ID

    def mergeWith(self, other) -> bool:
        if not isinstance(other, SettingsCommand) or other.paths != self.paths or other.when - self.when > MERGE_SECONDS:
            return False
        self.after, self.when = other.after, other.when
        return True

    def apply(self, forward: bool) -> None:
        m = self.manager
        m.session.set_settings(self.after if forward else self.before)
        if not forward and self.shown is not None:
            show_history(m.session, self.shown)


class ParamsCommand(_Command):
    """W or b typed in (a branch with edited parameters): show the run before / after."""

    def __init__(self, manager, before: Shown, after: Shown):
        super().__init__(manager, translate("Undo", "edit W and b"))
        self.before, self.after = before, after

    def apply(self, forward: bool) -> None:
        show_history(self.manager.session, self.after if forward else self.before)


# ----------------------------------------------------------------------------- the manager


class UndoManager(QObject):
    """Records the models' changes on ``stack`` (a QUndoStack); objectName ``undoManager``.

    ``clock`` (seconds, monotonic) decides what merges; tests may replace it.
    """

    def __init__(self, data, session, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("undoManager")
        self.data, self.session = data, session
        self.stack = QUndoStack(self)
        self.stack.setObjectName("undoStack")
        self.stack.setUndoLimit(UNDO_LIMIT)
        self.clock = time.monotonic
        self._quiet = 0
        self._sync()
        data.changed.connect(self._on_data_changed)
        session.settings_changed.connect(self._on_settings_changed)
        session.history_changed.connect(self._on_history_changed)

    # --- public ----------------------------------------------------------------------------
    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def clear(self) -> None:
        """Forget every step (a lesson was opened or started) and take the state as it is."""
        self.stack.clear()
        self._sync()

    @contextmanager
    def suspended(self):
        """Changes made inside are not recorded (undo's own restores, loading a lesson)."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1
            if not self._quiet:
                self._sync()

    # --- observing -----------------------------------------------------------------------------
    def _sync(self) -> None:
        self._dataset = self.data.dataset
        self._settings = self.session.settings
        self._history = self.session.history
        self._branches = tuple(self.session.branches)
        self._history_points = self.data.dataset  # the points the shown History was trained on

    def _shown(self, points: Dataset) -> Shown | None:
        """The run shown now, if it was trained on ``points`` (else None: a retrain is pending)."""
        if self._history_points is not points and self._history_points != points:
            return None
        s = self.session
        return Shown(s.history, tuple(s.branches), s.step)

    def _on_data_changed(self) -> None:
        before, after = self._dataset, self.data.dataset
        shown = self._shown(before)
        self._dataset = after
        if self._quiet or before == after:
            return
        self._push(DataCommand(self, before, after, shown, self.clock()))

    def _on_settings_changed(self) -> None:
        before, after = self._settings, self.session.settings
        self._settings = after
        if self._quiet or before == after:
            return
        self._push(SettingsCommand(self, before, after, self._shown(self.data.dataset), self.clock()))

    def _on_history_changed(self) -> None:
        old, old_branches = self._history, self._branches
        new = self.session.history
        self._history, self._branches = new, tuple(self.session.branches)
        self._history_points = self.data.dataset
        if self._quiet or new is old or new is None or old is None:
            return
        if new.parent is old and is_param_edit(new):
            before = Shown(old, old_branches, int(new.branch_step))
            self._push(ParamsCommand(self, before, Shown(new, self._branches, self.session.step)))

    def _push(self, command: _Command) -> None:
        """Push; older point/settings steps than the newest KEEP_RUNS forget the run they replaced."""
        self.stack.push(command)
        for i in range(self.stack.count() - KEEP_RUNS):
            old = self.stack.command(i)
            if isinstance(old, (DataCommand, SettingsCommand)):
                old.shown = None


# ----------------------------------------------------------------------------- the window


def manager(window) -> UndoManager | None:
    """The window's UndoManager, if :func:`install` gave it one."""
    return window.findChild(UndoManager, "undoManager")


def edit_menu(window) -> QMenu:
    """The window's "&Edit" menu, created after "&File" if missing."""
    bar = window.menuBar()
    actions = bar.actions()
    existing = i18n.find_menu(window, "edit_menu", "&Edit")
    if existing is not None:
        return existing
    menu = QMenu(translate("Undo", "&Edit"), window)
    menu.setObjectName("edit_menu")
    file_menu = i18n.find_menu(window, "file_menu", "&File")
    menus = [a.menu() for a in actions]
    after_file = menus.index(file_menu) + 1 if file_menu is not None else len(actions)
    if after_file < len(actions):
        bar.insertMenu(actions[after_file], menu)
    else:
        bar.addMenu(menu)
    return menu


def install(window) -> UndoManager:
    """Give ``window`` (with ``data`` and ``session``) an UndoManager and Edit ▸ Undo / Redo
    (objectNames ``undo``, ``redo``). Calling it again returns the same manager."""
    existing = manager(window)
    if existing is not None:
        return existing
    mgr = UndoManager(window.data, window.session, window)
    texts = _UndoTexts(mgr)
    undo, redo = texts.undo, texts.redo
    undo.setObjectName("undo")
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo.setObjectName("redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    menu = edit_menu(window)
    first = menu.actions()[0] if menu.actions() else None
    if first is None:
        menu.addActions([undo, redo])
    else:
        menu.insertActions(first, [undo, redo])
        menu.insertSeparator(first)
    window.addAction(undo)  # the shortcuts work even when the menu bar is hidden
    window.addAction(redo)
    return mgr


class _UndoTexts(QObject):
    """Edit ▸ Undo / Redo ("Undo move point"): like ``QUndoStack.createUndoAction``, but the
    prefix and the commands' texts follow a change of language."""

    def __init__(self, mgr: "UndoManager"):
        super().__init__(mgr)
        self.stack, self.code = mgr.stack, i18n.language()
        window = mgr.parent()
        self.undo, self.redo = QAction(window), QAction(window)
        self.undo.triggered.connect(self.stack.undo)
        self.redo.triggered.connect(self.stack.redo)
        self.stack.canUndoChanged.connect(self.undo.setEnabled)
        self.stack.canRedoChanged.connect(self.redo.setEnabled)
        self.stack.undoTextChanged.connect(self.update)
        self.stack.redoTextChanged.connect(self.update)
        i18n.notifier.changed.connect(self.retranslate)
        self.update()

    def update(self, *_) -> None:
        if not shiboken6.isValid(self.stack):  # the window is being deleted: the stack goes first
            return
        undo, redo = self.stack.undoText(), self.stack.redoText()
        self.undo.setText(translate("Undo", "Undo {0}").format(undo) if undo else translate("Undo", "Undo"))
        self.redo.setText(translate("Undo", "Redo {0}").format(redo) if redo else translate("Undo", "Redo"))
        self.undo.setEnabled(self.stack.canUndo())
        self.redo.setEnabled(self.stack.canRedo())

    def retranslate(self, code: str) -> None:
        """The recorded commands' texts in the new language, then the actions'."""
        cat = i18n.catalogue()
        for i in range(self.stack.count()):
            cmd = self.stack.command(i)
            text = cat.convert(cmd.text(), self.code, code)
            if text is not None:
                cmd.setText(text)
        self.code = code
        self.update()


__all__ = ["UndoManager", "DataCommand", "SettingsCommand", "ParamsCommand", "Shown", "install", "manager",
           "edit_menu", "show_history", "describe_data_change", "describe_settings_change", "changed_settings",
           "UNDO_LIMIT", "KEEP_RUNS", "MERGE_SECONDS"]
