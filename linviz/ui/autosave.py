"""Autosave slots, one per running window, and the ones a crash left behind (issue 13).

Each armed window owns a slot in ``<user data>/autosaves/``: ``<token>.linviz`` (its autosave)
and ``<token>.lock``, a :class:`QLockFile` held while the window runs. The operating system
ends the lock with the process: a slot whose lock can be taken again belongs to a window that
is gone (it crashed, or was killed) — :func:`orphans` lists those, newest first, so that the
next start offers each one. Two windows never share a file: neither asks about the other's
work, nor deletes it on its clean exit.

:class:`MaxWaitTimer` is the autosave's debounce: it fires ``quiet_ms`` after the last change,
but never later than ``max_ms`` after the first change it has not fired for, however often
changes keep coming (a teacher adding a point every 2 s would otherwise never be saved).
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

SUFFIX = ".linviz"
LOCK_SUFFIX = ".lock"


@dataclass
class Slot:
    """One autosave file and its lock. ``lock`` is held by this process when the slot is ours
    (or was taken over from a window that is gone)."""

    path: Path
    lock: QLockFile

    @property
    def lock_path(self) -> Path:
        return self.path.with_suffix(LOCK_SUFFIX)

    def release(self, remove_file: bool = False) -> None:
        """Give the slot up (the lock file goes); with ``remove_file`` its autosave too."""
        if remove_file:
            self.path.unlink(missing_ok=True)
        self.lock.unlock()


def _lock(path: Path) -> QLockFile | None:
    lock = QLockFile(str(path))
    return lock if lock.tryLock(0) else None


def claim(folder: Path) -> Slot:
    """A new slot for this window: its lock taken, no autosave written yet. OSError if the folder
    cannot hold it."""
    folder.mkdir(parents=True, exist_ok=True)
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    path = folder / f"{token}{SUFFIX}"
    lock = _lock(path.with_suffix(LOCK_SUFFIX))
    if lock is None:
        raise OSError(f"cannot lock {path.with_suffix(LOCK_SUFFIX)}")
    return Slot(path, lock)


def orphans(folder: Path, own: Slot | None = None) -> list[Slot]:
    """The autosaves in ``folder`` whose window is gone, newest first, each with its lock now
    held by this process (release them when done)."""
    found = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"*{SUFFIX}"):
        if own is not None and path == own.path:
            continue
        lock = _lock(path.with_suffix(LOCK_SUFFIX))
        if lock is None:
            continue  # its window is still running
        try:
            mtime = path.stat().st_mtime
        except OSError:
            lock.unlock()
            continue
        found.append((mtime, Slot(path, lock)))
    return [slot for _, slot in sorted(found, key=lambda pair: -pair[0])]


class MaxWaitTimer(QObject):
    """Debounce with a maximum wait: ``timeout`` ``quiet_ms`` after the last :meth:`poke`, and at
    most ``max_ms`` after the first poke since it last fired (or was stopped)."""

    timeout = Signal()

    def __init__(self, quiet_ms: int, max_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.quiet_ms, self.max_ms = quiet_ms, max_ms
        self._first: float | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.setObjectName("autosaveTimer")
        self._timer.timeout.connect(self._fire)

    def poke(self) -> None:
        now = time.monotonic()
        if self._first is None:
            self._first = now
        left_ms = self.max_ms - (now - self._first) * 1000.0
        self._timer.start(int(max(0.0, min(self.quiet_ms, left_ms))))

    def stop(self) -> None:
        self._timer.stop()
        self._first = None

    def isActive(self) -> bool:  # noqa: N802 (as QTimer)
        return self._timer.isActive()

    def interval(self) -> int:
        return self._timer.interval()

    def _fire(self) -> None:
        self._first = None
        self.timeout.emit()


__all__ = ["Slot", "claim", "orphans", "MaxWaitTimer"]
