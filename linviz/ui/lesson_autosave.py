"""The autosave half of a lesson controller: this window's autosave slot and lock, arming, writing
and restoring (mixed into :class:`linviz.ui.lesson.LessonController`).

Armed, a window claims its own autosave file and a QLockFile the OS releases if the process dies
(:mod:`linviz.ui.autosave`) and autosaves unsaved changes (debounced, with a maximum wait); a clean
close removes its own autosave and lock only. A restored autosave opens like a lesson (checked
whole, re-run, swapped in at once) and stays unsaved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from linviz.engine.lesson_file import LessonError, read_lesson, write_lesson
from linviz.session.settings import Settings, check_settings

from . import autosave, lesson_open
from .messages import error_text

translate = QCoreApplication.translate


class LessonAutosave:
    """Autosave and restore for a LessonController (which provides ``autosave_folder()``, ``capture``,
    ``apply``, ``_message``, ``_error``, ``_set_dirty``, ``_tell_replay`` and the state they use)."""

    @property
    def autosave_path(self) -> Path | None:
        """This window's autosave file (None unless armed)."""
        return None if self._slot is None else self._slot.path

    @property
    def lock_path(self) -> Path | None:
        """The lock this window holds while it runs (the OS drops it if the process dies)."""
        return None if self._slot is None else self._slot.lock_path

    def arm(self) -> None:
        """Start the safety net of a real run: this window's autosave slot and lock, autosave, close prompt."""
        self._armed = True
        if self._slot is None:
            try:
                self._slot = autosave.claim(self.autosave_folder())
            except OSError as err:
                self._message("warning", translate("Lesson", "Autosave is off: cannot write to {0} ({1}).").format(
                    self.autosave_folder(), err.strerror or err))
        if self._dirty:
            self.autosave_timer.poke()

    def disarm(self) -> None:
        """Stop autosaving and give the lock up; the autosave file stays (as after a crash)."""
        self._armed = False
        self.autosave_timer.stop()
        if self._slot is not None:
            self._slot.release()
            self._slot = None

    def autosave_now(self) -> bool:
        """Write the autosave file if armed and there are unsaved changes not yet autosaved."""
        if not self._armed or self._slot is None or not self._dirty or self._changes == self._autosaved:
            return False
        try:
            lesson = self.capture(autosave_of=str(self._path) if self._path else None)
            self._slot.path.parent.mkdir(parents=True, exist_ok=True)
            write_lesson(lesson, self._slot.path)
        except (LessonError, OSError) as err:
            self._message("warning", translate("Lesson", "Autosave failed: {0}").format(error_text(err)))
            return False
        self._autosaved = self._changes
        return True

    def restore_autosave(self, path) -> bool:
        """Open the autosave at ``path``; the lesson keeps its file name (if it had one) and stays unsaved."""
        try:
            lesson = read_lesson(path, Settings, check_settings)
            histories, warnings = lesson_open.replay_lesson(self.window, lesson)
            self.apply(lesson, histories)
        except LessonError as err:
            self._error(translate("Lesson", "Could not restore the autosave"), error_text(err))
            return False
        self._path = Path(lesson.autosave_of) if lesson.autosave_of else None
        self._changes += 1  # unsaved work this window has not autosaved yet
        self._set_dirty(True)
        self._message("info", translate("Lesson", "Restored the autosaved work on {0}; save it to keep it.").format(
            self.display_name()))
        self._tell_replay(warnings)
        return True

    def clean_exit(self) -> None:
        """The window closes as asked: nothing to restore next time."""
        if self._slot is not None:
            self._slot.path.unlink(missing_ok=True)
        self.disarm()


__all__ = ["LessonAutosave"]
