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


def zoom_key(screen: QScreen | None) -> str:
    """The settings key of the font size (Ctrl+plus) chosen on ``screen``: its name and
    available size, so that a laptop's 1280 × 800 panel and a 1920 × 1080 projector each
    keep their own ("presentation/font_pt/HDMI-1 1920x1080")."""
    if screen is None:
        return "presentation/font_pt/screen"
    area = screen.availableGeometry()
    name = (screen.name() or "screen").replace("/", "_").replace("\\", "_")
    return f"presentation/font_pt/{name} {area.width()}x{area.height()}"


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


class Reflow(QObject):
    """A grid of controls laid on few lines when its view is wide, one control a line when
    it is narrow (the right-hand column at 1280 × 800 is ~260 px; a wide tab keeps fewer
    lines and leaves the height to its plot).

    ``places``: ``(item, wide, narrow)`` — a widget or layout and its ``(row, column)`` in
    each arrangement; ``stretch``: the column that stretches in each, ``(wide, narrow)``.
    It follows the resizes of ``view`` and of its parent (a scroll area's viewport, whose
    width is the room: the wide arrangement's own minimum must not keep the view wide)."""

    def __init__(self, view: QWidget, grid, places, stretch: tuple[int, int], margin_px: int = 8):
        super().__init__(view)
        self.view, self.grid, self.places, self.stretch, self.margin_px = view, grid, list(places), stretch, margin_px
        self.wide: bool | None = None
        self._arrange(False)
        self._parent = None
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Show) or (watched is self.view and kind == QEvent.Type.ParentChange):
            self._follow_parent()
            self.fit_in(self.view)
        return False

    def _follow_parent(self) -> None:
        parent = self.view.parentWidget()
        if parent is not self._parent:
            if self._parent is not None:
                try:
                    self._parent.removeEventFilter(self)
                except RuntimeError:  # the old parent is gone
                    pass
            self._parent = parent
            if parent is not None:
                parent.installEventFilter(self)

    def wide_px(self) -> int:
        """The width the wide arrangement needs: each column as wide as its widest size hint."""
        columns: dict[int, int] = {}
        for item, (_row, column), _narrow in self.places:
            if item.isWidgetType() and item.isHidden():
                continue
            columns[column] = max(columns.get(column, 0), item.sizeHint().width())
        spacing = max(self.grid.horizontalSpacing(), 0)
        return sum(columns.values()) + spacing * max(len(columns) - 1, 0) + self.margin_px

    def fit(self, width: int) -> None:
        self._arrange(width >= self.wide_px())

    def fit_in(self, view: QWidget) -> None:
        """Fit to the room ``view`` has: its parent's width when that is narrower (a scroll
        area's viewport: the wide arrangement's own minimum must not keep the view wide)."""
        parent = view.parentWidget()
        self.fit(min(view.width(), parent.width()) if parent is not None and not view.isWindow() else view.width())

    def _arrange(self, wide: bool) -> None:
        if wide == self.wide:
            return
        self.wide = wide
        for item, _w, _n in self.places:
            if item.isWidgetType():
                self.grid.removeWidget(item)
            else:
                self.grid.removeItem(item)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for item, at_wide, at_narrow in self.places:
            row, column = at_wide if wide else at_narrow
            if item.isWidgetType():
                self.grid.addWidget(item, row, column)
            else:
                self.grid.addLayout(item, row, column)
        self.grid.setColumnStretch(self.stretch[0] if wide else self.stretch[1], 1)


__all__ = ["zoom_key", "place", "restore", "available", "fitted_size", "screen_of", "minimum_as_window", "Reflow",
           "MAXIMISE_UP_TO"]
