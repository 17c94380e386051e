"""The playback clock: one QTimer that moves a step cursor at a chosen speed, for the main
window (:class:`~linviz.ui.models.Playback`, one run) and the compare window
(``compare.SharedClock``, every pane at once).

Above ``1000 / FRAME_MS`` steps per second a tick moves several steps, so that playback never
redraws faster than the eye (and the projector) follows. A subclass says what a move is
(:meth:`advance`), when the cursor is at a stop (:meth:`at_end`) and how to start over
(:meth:`restart`).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

FRAME_MS = 33
"""Playback never redraws faster than this; higher speeds move several steps per frame."""
MIN_SPEED, MAX_SPEED = 0.5, 1000.0
"""Steps per second a clock accepts (clipped)."""


class PlaybackClock(QObject):
    """Plays at ``speed`` steps per second. Signals: playing_changed(bool), speed_changed(float)."""

    playing_changed = Signal(bool)
    speed_changed = Signal(float)

    def __init__(self, speed: float = 30.0, parent: QObject | None = None):
        super().__init__(parent)
        self._speed, self._per_frame = speed, 1
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._apply_speed(speed)

    # --- what a subclass says ----------------------------------------------------------------
    def advance(self, steps: int) -> bool:
        """Move ``steps`` on; False when the cursor stopped short (the end of every run)."""
        raise NotImplementedError

    def at_end(self) -> bool:
        """True when playing cannot go on from here (it starts over instead)."""
        raise NotImplementedError

    def restart(self) -> None:
        """Put the cursor back at step 0."""
        raise NotImplementedError

    def can_play(self) -> bool:
        return True

    # --- speed -------------------------------------------------------------------------------
    @property
    def speed(self) -> float:
        return self._speed

    @property
    def steps_per_frame(self) -> int:
        return self._per_frame

    def _apply_speed(self, steps_per_second: float) -> None:
        self._speed = float(np.clip(steps_per_second, MIN_SPEED, MAX_SPEED))
        interval = max(FRAME_MS, 1000.0 / self._speed)
        self._per_frame = max(1, int(round(self._speed * interval / 1000.0)))
        self._timer.setInterval(int(round(interval)))

    def set_speed(self, steps_per_second: float) -> None:
        """Steps per second; above 1000/FRAME_MS the clock moves several steps per frame."""
        self._apply_speed(steps_per_second)
        self.speed_changed.emit(self._speed)

    # --- playing -----------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def tick(self) -> None:
        """One frame: ``steps_per_frame`` steps on; pauses at a stop."""
        if not self.advance(self._per_frame):
            self.pause()

    def play(self) -> None:
        if self.playing or not self.can_play():
            return
        if self.at_end():
            self.restart()  # at the end: play again from the start
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()


__all__ = ["PlaybackClock", "FRAME_MS"]
