"""Pen and laser over the whole window, for pointing at things in front of a class.

View ▸ Pen (P) turns the mouse into a pen that draws over everything — plane, tables, curves;
View ▸ Laser (L) into a red dot with a short fading trail; pressing the same key again (or Esc)
gives the mouse back to the app. View ▸ Clear the drawing (E) wipes the strokes, and so does
every move to another scene of the lecture. The overlay is a transparent child widget on top
of the window: while neither tool is on it lets every mouse event through to the app.

The stroke width and the dot grow with the font zoom (Ctrl+plus), so they read from the back
row like the text does.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from . import style

translate = QCoreApplication.translate
PEN_COLOUR = "#E6007E"  # magenta: stands out on the regions' pastel colours and on white tables
LASER_COLOUR = "#FF1A1A"
PEN_WIDTH = 4.0
LASER_RADIUS = 9.0
TRAIL_SECONDS = 0.35


class PenOverlay(QWidget):
    """Strokes and a laser dot over ``window`` (objectName ``penOverlay``).

    ``tool`` is None (the app gets the mouse), "pen" or "laser"; ``strokes`` the pen's paths
    in widget coordinates."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("penOverlay")
        self.setAttribute(Qt.WA_NoSystemBackground)
        self.setAttribute(Qt.WA_TranslucentBackground)
        self.tool: str | None = None
        self.strokes: list[list[QPointF]] = []
        self.trail: list[tuple[float, QPointF]] = []
        self._drawing = False
        self._fade = QTimer(self, interval=30)
        self._fade.timeout.connect(self._fade_trail)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self._sync()

    # --- the tool -------------------------------------------------------------------------
    def set_tool(self, tool: str | None) -> None:
        """"pen", "laser" or None; choosing the tool that is on turns it off."""
        self.tool = None if tool == self.tool else tool
        self._drawing = False
        self.trail = []
        self._sync()
        self.update()

    def clear(self) -> None:
        self.strokes = []
        self.update()

    def _sync(self) -> None:
        on = self.tool is not None
        self.setAttribute(Qt.WA_TransparentForMouseEvents, not on)
        self.setMouseTracking(on)
        self.setCursor(Qt.CrossCursor if self.tool == "pen" else Qt.BlankCursor if on else Qt.ArrowCursor)
        self.setVisible(on or bool(self.strokes))
        if on:
            self.raise_()
            self.setFocus()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False

    # --- mouse ----------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.tool == "pen" and event.button() == Qt.LeftButton:
            self._drawing = True
            self.strokes.append([event.position()])
            self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        p = event.position()
        if self.tool == "pen" and self._drawing and self.strokes:
            self.strokes[-1].append(p)
            self.update()
        elif self.tool == "laser":
            self.trail.append((time.monotonic(), p))
            self._fade.start()
            self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._drawing = False

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Escape and self.tool is not None:
            self.set_tool(None)
            return
        super().keyPressEvent(event)

    def _fade_trail(self) -> None:
        cut = time.monotonic() - TRAIL_SECONDS
        keep = [tp for tp in self.trail if tp[0] >= cut]
        if len(keep) > 1 or not keep:
            self.trail = keep or self.trail[-1:]
        if len(self.trail) <= 1:
            self._fade.stop()
        self.update()

    # --- drawing --------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        s = style.scale()
        pen = QPen(QColor(PEN_COLOUR), PEN_WIDTH * s, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        painter.setPen(pen)
        for stroke in self.strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for p in stroke[1:]:
                path.lineTo(p)
            painter.drawPath(path)
        if self.tool == "laser" and self.trail:
            painter.setPen(Qt.NoPen)
            now = time.monotonic()
            for t, p in self.trail[:-1]:
                colour = QColor(LASER_COLOUR)
                colour.setAlphaF(max(0.0, 1 - (now - t) / TRAIL_SECONDS) * 0.5)
                painter.setBrush(colour)
                painter.drawEllipse(p, LASER_RADIUS * s * 0.6, LASER_RADIUS * s * 0.6)
            glow = QColor(LASER_COLOUR)
            glow.setAlphaF(0.35)
            painter.setBrush(glow)
            painter.drawEllipse(self.trail[-1][1], 2 * LASER_RADIUS * s, 2 * LASER_RADIUS * s)
            painter.setBrush(QColor(LASER_COLOUR))
            painter.drawEllipse(self.trail[-1][1], LASER_RADIUS * s, LASER_RADIUS * s)
        painter.end()


def install(window) -> PenOverlay:
    """The overlay and View ▸ Pen (P), Laser (L), Clear the drawing (E) (idempotent)."""
    if getattr(window, "pen_overlay", None) is not None:
        return window.pen_overlay
    overlay = PenOverlay(window)
    window.pen_overlay = overlay
    from . import i18n

    menu = i18n.find_menu(window, "view_menu", "&View")
    if menu is None:
        menu = window.menuBar().addMenu(translate("MainWindow", "&View"))
    menu.addSeparator()
    for name, text, key, slot in (
        ("pen", translate("Pen", "Pen: draw over the window"), "P", lambda: overlay.set_tool("pen")),
        ("laser", translate("Pen", "Laser pointer"), "L", lambda: overlay.set_tool("laser")),
        ("clear_drawing", translate("Pen", "Clear the drawing"), "E", overlay.clear),
    ):
        action = QAction(text, window)
        action.setObjectName(f"action_{name}")
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(slot)
        window.addAction(action)
        menu.addAction(action)
    mode = getattr(window, "lecture_mode", None)
    if mode is not None:
        mode.scene_changed.connect(overlay.clear)  # a new scene starts with a clean slate
    return overlay


__all__ = ["PenOverlay", "install", "PEN_COLOUR", "LASER_COLOUR"]
