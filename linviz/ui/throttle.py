"""Calls held back while a gesture is under way: a slider's handle, a dragged point."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer


class GestureThrottle(QObject):
    """Call ``slot`` at once — except while ``held()`` is true: then at most once every
    ``interval_ms`` (the first call at once, the latest one when the interval ends), and
    once more on :meth:`release` if a call was held back, so the last state is never lost."""

    def __init__(self, slot: Callable[[], object], held: Callable[[], bool], interval_ms: int,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.slot, self._held = slot, held
        self._pending = False
        self._timer = QTimer(self, singleShot=True, interval=interval_ms)
        self._timer.timeout.connect(self._on_timeout)

    def __call__(self, *_args) -> None:
        if not self._held():
            self._pending = False
            self.slot()
        elif self._timer.isActive():
            self._pending = True
        else:
            self.slot()
            self._timer.start()

    def release(self) -> None:
        """The gesture ended: make the call held back, if any."""
        self._timer.stop()
        if self._pending:
            self._pending = False
            self.slot()

    def _on_timeout(self) -> None:
        if self._pending:
            self._pending = False
            self.slot()
            self._timer.start()


__all__ = ["GestureThrottle"]
