"""The compare window's cursor: the one playback clock (:class:`~linviz.ui.clock.PlaybackClock`)
moving every pane to one step t."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from linviz.session import core

from ..clock import PlaybackClock
from ..models import EXTEND_CHUNK, SessionModel


class SharedClock(PlaybackClock):
    """One cursor for every pane: pane i shows step min(t, its last step).

    ``sessions`` returns the panes' SessionModels (the list changes as panes come
    and go). Signals: step_changed(t), range_changed(last step the scrubber
    reaches), and the clock's playing_changed(bool), speed_changed(steps per second).
    """

    step_changed = Signal(int)
    range_changed = Signal(int)

    def __init__(self, sessions: Callable[[], list[SessionModel]], speed: float = 30.0,
                 parent: QObject | None = None):
        self._sessions = sessions
        self._step = self._last = 0
        self._busy = False
        super().__init__(speed, parent)

    @property
    def step(self) -> int:
        return self._step

    @property
    def last(self) -> int:
        """The last step any pane has recorded."""
        return self._last

    # --- moving ----------------------------------------------------------------------------
    def set_step(self, t: int) -> None:
        """Move every pane to step t, training a run on when t lies past its end."""
        t = max(0, int(t))
        self._busy = True
        try:
            for s in self._sessions():
                _move(s, t)
        finally:
            self._busy = False
        self._set_range()
        t = min(t, self._last)
        if t != self._step:
            self._step = t
            self.step_changed.emit(t)

    def sync(self, *_args) -> None:
        """A pane retrained or came or went: put every pane back at the shared step."""
        if not self._busy:
            self.set_step(self._step)

    def _set_range(self) -> None:
        lasts = [s.history.last for s in self._sessions() if s.history is not None]
        last = max(lasts, default=0)
        if last != self._last:
            self._last = last
            self.range_changed.emit(last)

    def at_end(self) -> bool:
        """True when no pane can go past the shared step (every run stopped there)."""
        return all(not _can_grow(s) and s.step >= s.history.last for s in self._sessions()
                   if s.history is not None) and self._step >= self._last

    def step_forward(self) -> None:
        self.set_step(self._step + 1)

    def step_back(self) -> None:
        self.set_step(self._step - 1)

    def go_first(self) -> None:
        self.set_step(0)

    def go_last(self) -> None:
        self.set_step(self._last)

    # --- the clock -----------------------------------------------------------------------------
    def advance(self, steps: int) -> bool:
        """Every pane ``steps`` on; False when none could go that far."""
        target = self._step + steps
        self.set_step(target)
        return self._step >= target

    def restart(self) -> None:
        self.set_step(0)


def _can_grow(session: SessionModel) -> bool:
    """Whether playback can train this run further (it has not converged, diverged or hit MAX_STEPS)."""
    return core.can_extend(session.state)


def _move(session: SessionModel, t: int) -> None:
    h = session.history
    if h is None:
        return
    if t > h.last and _can_grow(session):
        session.extend(max(t - h.last, EXTEND_CHUNK))
    session.set_step(min(t, session.history.last))
