"""Windows that open inside the screen they are on (a 1280 × 800 projector as much as a desk
monitor).

``place(window, default)``: on a screen whose available area is at most
``MAXIMISE_UP_TO`` (1920 × 1200: every classroom projector) the window opens maximised; on a
larger monitor it opens at ``default`` (clipped to the screen), centred. ``restore(window,
geometry, screen_name)`` brings back a saved geometry only on the screen it was saved on, and
only if it still fits there; otherwise it places the window afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

MAXIMISE_UP_TO = QSize(1920, 1200)
"""Screens up to this available size get maximised windows."""


def screen_of(window: QWidget) -> QScreen | None:
    """The screen the window is on — its parent's for a window not yet shown — or the primary one."""
    for widget in (window, window.parentWidget()):
        if widget is not None and widget.screen() is not None:
            return widget.screen()
    return QGuiApplication.primaryScreen()


def available(window: QWidget) -> QRect:
    """The part of the window's screen that windows may use (without task bars and docks)."""
    screen = screen_of(window)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def fitted_size(default: QSize, area: QRect) -> QSize:
    """``default`` clipped to ``area``."""
    return QSize(min(default.width(), area.width()), min(default.height(), area.height()))


def place(window: QWidget, default: QSize, area: QRect | None = None) -> bool:
    """Open ``window`` inside ``area`` (its screen's available geometry by default): maximised
    when the area is at most MAXIMISE_UP_TO, else at ``default`` clipped to the area and
    centred on it. Returns whether it maximised. Call it before ``show()``."""
    area = area if area is not None else available(window)
    maximise = area.width() <= MAXIMISE_UP_TO.width() and area.height() <= MAXIMISE_UP_TO.height()
    size = area.size() if maximise else fitted_size(default, area)
    window.resize(size)
    frame = QRect(0, 0, size.width(), size.height())
    frame.moveCenter(area.center())
    window.move(frame.topLeft())
    if maximise:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return maximise


def restore(window: QWidget, geometry, screen_name: str | None, default: QSize) -> bool:
    """``window.restoreGeometry(geometry)`` when it was saved on the window's screen (by name)
    and still fits inside that screen's available area; otherwise :func:`place`. Returns
    whether the saved geometry was used."""
    screen = screen_of(window)
    if geometry is not None and screen is not None and screen_name == screen.name():
        before = window.geometry()
        if window.restoreGeometry(geometry):
            if screen.availableGeometry().contains(window.frameGeometry()) or window.isMaximized():
                return True
            window.setGeometry(before)
    place(window, default)
    return False


class _WindowMinimum(QObject):
    """Keeps ``size`` as the widget's minimum while it is a window, none inside another widget."""

    def __init__(self, widget: QWidget, size: QSize):
        super().__init__(widget)
        self._size = size
        self._apply(widget)
        widget.installEventFilter(self)

    def _apply(self, widget: QWidget) -> None:
        widget.setMinimumSize(self._size if widget.isWindow() else QSize(0, 0))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ParentChange:
            self._apply(watched)
        return False


def minimum_as_window(widget: QWidget, width: int, height: int) -> None:
    """A fixed minimum size for ``widget`` only while it is a window of its own.

    A window's layout re-imposes its minimum whenever a word-wrapped caption rewraps (and
    asks the window system to propagate it); a fixed minimum stops that. Inside a dock's
    scroll area the same fixed minimum would squeeze the view's rows below what their
    text needs (a 272 px column at 1280 × 800 cut its combos): there the layout's own
    minimum counts, and the scroll area scrolls to it."""
    _WindowMinimum(widget, QSize(width, height))


__all__ = ["place", "restore", "available", "fitted_size", "screen_of", "minimum_as_window", "MAXIMISE_UP_TO"]
