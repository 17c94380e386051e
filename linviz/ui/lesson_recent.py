"""File ▸ Recent lessons: the list (newest first, in the app's QSettings) and its submenu (mixed into
:class:`linviz.ui.lesson.LessonController`). Lessons whose file is gone are dropped when the menu
opens, and the teacher is told which."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from . import app_settings

translate = QCoreApplication.translate

MAX_RECENT = 8
RECENT_KEY = "lessons/recent"


class RecentLessons:
    """Recent lessons for a LessonController (which provides ``open_lesson``, ``_message`` and
    ``recent_menu``)."""

    def recent_files(self) -> list[str]:
        """The recent lessons, newest first (as stored; missing files not yet pruned)."""
        value = app_settings.qsettings().value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(p) for p in (value or []) if p][:MAX_RECENT]

    def _store_recent(self, paths: list[str]) -> None:
        settings = app_settings.qsettings()
        settings.setValue(RECENT_KEY, list(paths[:MAX_RECENT]))
        settings.sync()

    def add_recent(self, path) -> None:
        p = str(Path(path).resolve())
        self._store_recent([p] + [q for q in self.recent_files() if q != p])

    def forget_recent(self, path) -> None:
        p = str(Path(path).resolve())
        self._store_recent([q for q in self.recent_files() if q != p and q != str(path)])

    def prune_recent(self) -> list[str]:
        """Drop recent lessons whose file is gone (and say so); the remaining list."""
        paths = self.recent_files()
        present = [p for p in paths if Path(p).is_file()]
        if len(present) != len(paths):
            gone = ", ".join(Path(p).name for p in paths if p not in present)
            self._store_recent(present)
            self._message("warning", translate("Lesson", "Removed from Recent lessons (file no longer found): {0}")
                          .format(gone))
        return present

    def refresh_recent_menu(self) -> None:
        """Rebuild Recent lessons (on opening the submenu)."""
        menu = self.recent_menu
        menu.clear()
        paths = self.prune_recent()
        for i, p in enumerate(paths):
            action = menu.addAction(f"&{i + 1} {Path(p).name}")
            action.setObjectName(f"recent_lesson_{i}")
            action.setToolTip(p)
            action.setStatusTip(p)
            action.triggered.connect(lambda _checked=False, p=p: self.open_lesson(p))
        if not paths:
            menu.addAction(translate("Lesson", "(none)")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(translate("Lesson", "Clear list"))
        clear.setObjectName("clear_recent_lessons")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(lambda: self._store_recent([]))


__all__ = ["RecentLessons", "MAX_RECENT", "RECENT_KEY"]
