"""Lessons on disk: New / Open / Save / Recent, unsaved-changes guard, autosave and CSV exports.

:func:`install` gives the main window a :class:`LessonController`
(objectName ``lessonController``) and adds to its File menu:

=========================  =====================  ==================
New lesson                 ``new_lesson``         Ctrl+N
Open lesson…               ``open_lesson``        Ctrl+Shift+O
Recent lessons ▸           ``recent_lessons_menu``
Save lesson                ``save_lesson``        Ctrl+S
Save lesson as…            ``save_lesson_as``
Export W and b as CSV…     ``export_params_csv``
Export history as CSV…     ``export_history_csv``
=========================  =====================  ==================

The window title reads ``name.linviz* — linviz — points (N points, C classes)``;
the ``*`` marks unsaved changes: any change of the points, classes or
settings, a W/b edit or an undo since the last save (playing, stepping and
training further are not changes).

:func:`offer_restore` (called once the window is shown) arms the safety net
of a real run: the window claims its own autosave slot in
``user_data_folder()/autosaves/`` (a file and a QLockFile the OS releases if
the process dies, see :mod:`linviz.ui.autosave`), offers to restore each
autosave whose window is gone, autosaves ``AUTOSAVE_MS`` after the last change
but at most ``AUTOSAVE_MAX_MS`` after the first unsaved one, and asks Save /
Discard / Cancel when the window closes with unsaved changes. A clean close
removes its own autosave and lock only; other running windows are never
touched. (A window that is not armed, e.g. in tests, never prompts on close
and never writes to the user's folders.)

Opening a lesson parses and re-runs it completely, under one progress dialog, and
builds the whole new session before anything changes (:mod:`linviz.ui.lesson_open`);
then it is shown in one swap. A bad file, a failure or a Cancel leaves the window as it
was and says what is wrong. Recent lessons and autosave are mixed in from
:mod:`linviz.ui.lesson_recent` and :mod:`linviz.ui.lesson_autosave`.
"""

from __future__ import annotations

from contextlib import contextmanager, nullcontext
from datetime import datetime
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from linviz.engine.datasets import make_preset
from linviz.engine.lesson_file import (
    SUFFIX,
    Lesson,
    LessonError,
    ReplayCancelled,
    history_to_csv,
    params_to_csv,
    read_lesson,
    write_lesson,
    write_text,
)

from . import autosave, i18n, lesson_open
from .lesson_autosave import LessonAutosave
from .lesson_open import REPLAY_DIALOG_AFTER_S  # noqa: F401 (re-exported)
from .lesson_recent import MAX_RECENT, RECENT_KEY, RecentLessons  # noqa: F401 (re-exported)
from .messages import error_text
from . import undo as undo_module
from linviz.session import core
from linviz.session.settings import INITS, MODELS, Settings, check_settings  # noqa: F401 (re-exported)

translate = QCoreApplication.translate

AUTOSAVE_MS = 5000
"""An autosave is written this long after the last change…"""
AUTOSAVE_MAX_MS = 10_000
"""…and at most this long after the first unsaved change, however often changes keep coming."""
FILTER = f"linviz lessons (*{SUFFIX})"
"""The file dialogs' filter (English; :func:`file_filter` is the one shown)."""


def file_filter() -> str:
    return translate("Lesson", "linviz lessons ({0})").format(f"*{SUFFIX}")


# ----------------------------------------------------------------------------- where things live


def user_data_folder() -> Path:
    """The per-user data folder (autosave, running marker). Tests replace this function."""
    return Path(platformdirs.user_data_dir("linviz", appauthor=False))


def autosave_folder() -> Path:
    """Where each running window keeps its autosave and lock (see :mod:`linviz.ui.autosave`)."""
    return user_data_folder() / "autosaves"


def legacy_autosave() -> tuple[Path, Path]:
    """(autosave, running marker) of linviz before per-window autosaves: offered once after a crash."""
    return user_data_folder() / f"autosave{SUFFIX}", user_data_folder() / "running"


def _is_extension(old, new) -> bool:
    """True if History ``new`` only continues ``old`` (playback trained further)."""
    return (
        old is not None and new is not None and new.parent is old.parent and new.branch_step == old.branch_step
        and len(new) > len(old) > 0 and new.W.shape[1:] == old.W.shape[1:]
        and bool((new.W[len(old) - 1] == old.W[len(old) - 1]).all())
    )


# ----------------------------------------------------------------------------- the session


def flush_retrain(session) -> None:
    """Apply an edit of the points the session has scheduled for the next event-loop turn, so
    the History matches the points."""
    session.flush()


# ----------------------------------------------------------------------------- the controller


class LessonController(RecentLessons, LessonAutosave, QObject):
    """The lesson file of a window: its path, unsaved changes, menus, autosave and close guard."""

    dirty_changed = Signal(bool)

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("lessonController")
        self.window, self.data, self.session = window, window.data, window.session
        self._path: Path | None = None
        self._dirty = False
        self._loading = 0
        self._armed = False
        self._changes = 0  # counts changes, so an autosave writes only what is new
        self._autosaved = 0
        self._history = self.session.history
        self.autosave_timer = autosave.MaxWaitTimer(AUTOSAVE_MS, AUTOSAVE_MAX_MS, self)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self._slot: autosave.Slot | None = None  # this window's autosave file and lock, while armed
        self.data.changed.connect(self._on_change)
        self.session.settings_changed.connect(self._on_change)
        self.session.history_changed.connect(self._on_history_changed)
        i18n.notifier.changed.connect(self.update_title)
        self._build_menus()
        window.installEventFilter(self)
        self.update_title()

    # --- state ----------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        """The lesson file being edited (None for a new lesson)."""
        return self._path

    @property
    def dirty(self) -> bool:
        """True if something changed since the last save or open."""
        return self._dirty

    @property
    def armed(self) -> bool:
        return self._armed

    def autosave_folder(self) -> Path:
        """Where this window's autosave slot lives (:func:`autosave_folder`, which tests redirect)."""
        return autosave_folder()

    def display_name(self) -> str:
        return self._path.name if self._path else translate("Lesson", "Untitled lesson")

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.update_title()

    def update_title(self) -> None:
        ds = self.data.dataset
        mark = "*" if self._dirty else ""
        self.window.setWindowTitle(translate("Lesson", "{0}{1} — linviz — {2} ({3} points, {4} classes)").format(
            self.display_name(), mark, ds.name, len(ds), ds.n_classes))

    def _on_change(self) -> None:
        if self._loading:
            return
        self._changes += 1
        self._set_dirty(True)
        if self._armed:
            self.autosave_timer.poke()  # 5 s after the last change, 10 s after the first at most

    def _on_history_changed(self) -> None:
        old, new = self._history, self.session.history
        self._history = new
        if self._loading or new is old or _is_extension(old, new):
            return
        self._on_change()

    def _message(self, level: str, text: str) -> None:
        self.session.message.emit(level, text)

    def _error(self, title: str, text) -> None:
        """``text``: a message, or an engine error (its coded message, or English marked for the catalogue),
        shown in the teacher's language."""
        text = i18n.in_language(error_text(text) if isinstance(text, BaseException) else text)
        self._message("error", text)
        QMessageBox.warning(self.window, title, text)

    # --- lessons ⇄ models ------------------------------------------------------------------------
    def capture(self, autosave_of: str | None = None) -> Lesson:
        """The window's state as a Lesson."""
        flush_retrain(self.session)
        return core.lesson_of(self.session.state, self.session.chosen_examples, self.data.current_class, autosave_of)

    @contextmanager
    def _loading_state(self):
        self._loading += 1
        undo = undo_module.manager(self.window)
        try:
            with undo.suspended() if undo is not None else nullcontext():
                yield
        finally:
            self._loading -= 1
            self._history = self.session.history
            if undo is not None:
                undo.clear()

    def apply(self, lesson: Lesson, histories: list) -> None:
        """Show ``lesson`` (its runs already re-run into ``histories``) in one swap; clears undo.

        The whole new session (points, settings, runs, step) is built first, off to the side
        (:func:`lesson_open.build`); only then ``SessionModel.swap_in`` puts it in place. A failure
        while building raises LessonError with the window exactly as it was."""
        playback = getattr(self.window, "playback", None)
        if playback is not None:
            playback.pause()
        built = lesson_open.build(lesson, histories, self.session.hold_w)
        with self._loading_state():
            self.session.swap_in(built.outcome, built.current_class, built.selected)

    def _tell_replay(self, warnings) -> None:
        """Every run that did not replay exactly (coded messages), in one message: not only the last one."""
        if len(warnings) == 1:
            self.session.tell(warnings[0])
        elif warnings:
            self._message("warning", lesson_open.replay_warning(warnings))

    def load(self, path) -> bool:
        """Open the lesson at ``path`` without asking about unsaved changes. On a bad file
        nothing changes and the user is told why."""
        path = Path(path)
        try:
            lesson = read_lesson(path, Settings, check_settings)
            histories, warnings = lesson_open.replay_lesson(self.window, lesson)
            self.apply(lesson, histories)
        except ReplayCancelled:
            self._message("info", translate("Lesson", "Opening {0} was cancelled; nothing was changed.").format(
                path.name))
            return False
        except LessonError as err:
            self._error(translate("Lesson", "Could not open the lesson"), error_text(err))
            return False
        self._path = path
        self._set_dirty(False)
        self.add_recent(path)
        self._message("info", translate("Lesson", "Opened {0}.").format(path.name))
        self._tell_replay(warnings)
        return True

    def save_to(self, path) -> bool:
        """Write the lesson to ``path`` (atomically); it becomes the lesson's file."""
        path = Path(path)
        try:
            write_lesson(self.capture(), path)
        except LessonError as err:
            self._error(translate("Lesson", "Could not save the lesson"), error_text(err))
            return False
        self._path = path
        self.autosave_timer.stop()
        self._set_dirty(False)
        self.add_recent(path)
        if self._slot is not None:
            self._slot.path.unlink(missing_ok=True)
        self._message("info", translate("Lesson", "Saved the lesson to {0}.").format(path))
        return True

    # --- menu actions ------------------------------------------------------------------------------
    def new_lesson(self) -> bool:
        """The cs231n points with default settings, no file; asks about unsaved changes first."""
        if not self.maybe_save():
            return False
        self.apply(Lesson(make_preset("cs231n"), Settings()), [])
        self._path = None
        self._set_dirty(False)
        return True

    def open_lesson(self, path=None) -> bool:
        """Open a lesson (a file dialog when ``path`` is None); asks about unsaved changes first."""
        if not self.maybe_save():
            return False
        if not path:
            path, _ = QFileDialog.getOpenFileName(self.window, translate("Lesson", "Open lesson"), self._folder(),
                                                  file_filter())
            if not path:
                return False
        if not Path(path).is_file():
            self.forget_recent(path)
        return self.load(path)

    def save(self) -> bool:
        """Save to the lesson's file, or ask for one."""
        return self.save_to(self._path) if self._path else self.save_as()

    def save_as(self, path=None) -> bool:
        """Save under a new name (a file dialog when ``path`` is None); adds ``.linviz`` if missing."""
        if not path:
            start = str(Path(self._folder()) / (self._path.name if self._path else f"lesson{SUFFIX}"))
            path, _ = QFileDialog.getSaveFileName(self.window, translate("Lesson", "Save lesson as"), start,
                                                  file_filter())
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self.save_to(path)

    def maybe_save(self) -> bool:
        """Before the lesson goes away: True to go on (saved or discarded), False to stay."""
        if not self._dirty:
            return True
        playback = getattr(self.window, "playback", None)
        if playback is not None:
            playback.pause()
        buttons = QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel
        answer = QMessageBox.question(self.window, translate("Lesson", "Unsaved changes"),
                                      translate("Lesson", "Save the changes to {0} first?").format(self.display_name()),
                                      buttons, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def _folder(self) -> str:
        return str(self._path.parent) if self._path else ""

    # --- CSV exports ---------------------------------------------------------------------------------
    def export_params(self, path=None) -> bool:
        """W and b of the step shown as CSV (rows = classes)."""
        h = self.session.history
        if h is None:
            self._message("warning", translate("Lesson", "kNN has no W and b to export; pick SVM or Softmax."))
            return False
        text = params_to_csv(self.session.W, self.session.b, self.data.dataset.class_names, h.config.features.names)
        return self._export(text, path, f"W-b-step-{self.session.step}.csv", translate("Lesson", "Export W and b"))

    def export_history(self, path=None) -> bool:
        """Every recorded step of the run shown as CSV (losses, accuracies, rate, W, b)."""
        h = self.session.history
        if h is None:
            self._message("warning", translate("Lesson", "kNN does not train, so there is no history to export."))
            return False
        text = history_to_csv(h, self.data.dataset.class_names, h.config.features.names)
        return self._export(text, path, "history.csv", translate("Lesson", "Export history"))

    def _export(self, text: str, path, default: str, title: str) -> bool:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self.window, title, str(Path(self._folder()) / default), "CSV (*.csv)")
            if not path:
                return False
        try:
            write_text(path, text)
        except LessonError as err:
            self._error(translate("Lesson", "Could not export"), error_text(err))
            return False
        self._message("info", translate("Lesson", "Saved {0}.").format(Path(path).name))
        return True

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Close and self._armed:
            if not self.maybe_save():
                event.ignore()
                return True
            self.clean_exit()
        return False

    # --- menus ---------------------------------------------------------------------------------------
    def _action(self, text: str, name: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # the shortcut works even when the menu bar is hidden
        return action

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        menu = i18n.find_menu(self.window, "file_menu", "&File")
        if menu is None:
            menu = bar.addMenu(translate("MainWindow", "&File"))
            menu.setObjectName("file_menu")
        self.actions = {
            "new": self._action(translate("Lesson", "New lesson"), "new_lesson", self.new_lesson, "Ctrl+N",
                                translate("Lesson", "Start again from the CS231n points and default settings")),
            "open": self._action(translate("Lesson", "Open lesson…"), "open_lesson", self.open_lesson, "Ctrl+Shift+O",
                                 translate("Lesson", "Open a prepared lesson: points, settings and every recorded step")),
            "save": self._action(translate("Lesson", "Save lesson"), "save_lesson", self.save, "Ctrl+S",
                                 translate("Lesson", "Save the points, settings and recorded steps as a lesson")),
            "save_as": self._action(translate("Lesson", "Save lesson as…"), "save_lesson_as", self.save_as, None,
                                    translate("Lesson", "Save the lesson under a new name")),
            "export_params": self._action(translate("Lesson", "Export W and b as CSV…"), "export_params_csv",
                                          self.export_params, None,
                                          translate("Lesson", "W and b of the step shown, one row per class")),
            "export_history": self._action(translate("Lesson", "Export history as CSV…"), "export_history_csv",
                                           self.export_history, None,
                                           translate("Lesson", "Every recorded step: losses, accuracies, learning "
                                                               "rate, W and b")),
        }
        self.recent_menu = QMenu(translate("Lesson", "Recent lessons"), self.window)
        self.recent_menu.setObjectName("recent_lessons_menu")
        self.recent_menu.aboutToShow.connect(self.refresh_recent_menu)
        first = menu.actions()[0] if menu.actions() else None
        a = self.actions
        items = [a["new"], a["open"], self.recent_menu.menuAction(), a["save"], a["save_as"], None,
                 a["export_params"], a["export_history"], None]
        for item in items:
            if item is None:
                menu.insertSeparator(first) if first is not None else menu.addSeparator()
            elif first is not None:
                menu.insertAction(first, item)
            else:
                menu.addAction(item)


# ----------------------------------------------------------------------------- entry points


def controller(window) -> LessonController | None:
    """The window's LessonController, if :func:`install` gave it one."""
    return window.findChild(LessonController, "lessonController")


def install(window) -> LessonController:
    """Add the lesson actions to ``window``'s File menu and track its changes (idempotent)."""
    return controller(window) or LessonController(window)


def offer_restore(window) -> bool:
    """Call once the window is shown. Arms this window's autosave, lock and unsaved-changes prompt;
    then offers each autosave whose window is gone (crashed or killed; windows still running are
    left alone), newest first, until one is restored (True). No deletes that autosave; one restored
    becomes this window's (written at once under its own lock) and the orphan goes. Autosaves not
    reached stay for the next start."""
    ctl = install(window)
    ctl.arm()
    restored = False
    legacy, marker = legacy_autosave()
    candidates = [(legacy, None)] if marker.exists() and legacy.is_file() else []
    candidates += [(slot.path, slot) for slot in autosave.orphans(autosave_folder(), ctl._slot)]
    for path, slot in candidates:
        if restored:
            slot is not None and slot.release()
            continue
        try:
            when = datetime.fromtimestamp(path.stat().st_mtime).strftime(translate("Lesson", "%H:%M on %d %b %Y"))
        except OSError:
            slot is not None and slot.release()
            continue
        answer = QMessageBox.question(
            window, translate("Lesson", "Restore unsaved work?"),
            translate("Lesson", "linviz did not close properly last time. Restore the work autosaved at {0}?").format(
                when),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if answer == QMessageBox.Yes and ctl.restore_autosave(path):
            restored = True
            ctl.autosave_now()  # this window's own copy first, then the orphan can go
            path.unlink(missing_ok=True)
        elif answer != QMessageBox.Yes:
            path.unlink(missing_ok=True)
        if slot is not None:
            slot.release()
        elif answer != QMessageBox.Yes or restored:
            marker.unlink(missing_ok=True)
    return restored


__all__ = ["LessonController", "install", "offer_restore", "controller", "user_data_folder", "autosave_folder",
           "legacy_autosave", "check_settings", "flush_retrain", "AUTOSAVE_MS", "MAX_RECENT"]
