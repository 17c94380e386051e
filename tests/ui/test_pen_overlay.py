"""Pen and laser over the whole window: they draw, clear, and give the mouse back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from linviz.ui.pen_overlay import LASER_COLOUR, PEN_COLOUR

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def count_colour(image, colour: str, step: int = 2) -> int:
    want = QColor(colour).rgb() & 0xFFFFFF
    return sum((image.pixel(x, y) & 0xFFFFFF) == want for x in range(0, image.width(), step)
               for y in range(0, image.height(), step))


def press(window, qtbot, key):
    window.plane.setFocus()
    qtbot.keyClick(window.plane, key)
    QApplication.processEvents()


def test_the_pen_draws_over_the_window_and_e_clears_it(window, qtbot):
    overlay = window.pen_overlay
    press(window, qtbot, Qt.Key_P)
    assert overlay.tool == "pen" and overlay.isVisible()
    start = overlay.mapFrom(window, window.plane.mapTo(window, QPoint(40, 40)))
    n_points = len(window.data.dataset)
    qtbot.mousePress(overlay, Qt.LeftButton, pos=start)
    for k in range(1, 30):
        qtbot.mouseMove(overlay, start + QPoint(12 * k, 7 * k))
    qtbot.mouseRelease(overlay, Qt.LeftButton, pos=start + QPoint(12 * 29, 7 * 29))
    assert len(overlay.strokes) == 1 and len(overlay.strokes[0]) >= 20
    assert count_colour(window.grab().toImage(), PEN_COLOUR) > 50  # drawn on top of the plane
    QApplication.processEvents()
    assert len(window.data.dataset) == n_points  # drawing over the plane added no point to it
    press(window, qtbot, Qt.Key_E)
    assert overlay.strokes == [] and count_colour(window.grab().toImage(), PEN_COLOUR) == 0


def test_with_no_tool_the_mouse_goes_to_the_app(window, qtbot):
    overlay = window.pen_overlay
    press(window, qtbot, Qt.Key_P)
    press(window, qtbot, Qt.Key_P)  # the same key again: the mouse is the app's
    assert overlay.tool is None and overlay.testAttribute(Qt.WA_TransparentForMouseEvents)
    n = len(window.data.dataset)
    vp = window.plane.plot.viewport()
    qtbot.mouseClick(vp, Qt.LeftButton, pos=vp.rect().center() + QPoint(30, 20))
    qtbot.waitUntil(lambda: len(window.data.dataset) == n + 1)


def test_the_laser_shows_a_dot_where_the_mouse_is_and_esc_ends_it(window, qtbot):
    overlay = window.pen_overlay
    press(window, qtbot, Qt.Key_L)
    assert overlay.tool == "laser"
    qtbot.mouseMove(overlay, QPoint(300, 300))
    qtbot.mouseMove(overlay, QPoint(310, 305))
    assert count_colour(overlay.grab().toImage(), LASER_COLOUR, step=1) > 20
    qtbot.keyClick(overlay, Qt.Key_Escape)
    assert overlay.tool is None


def test_a_new_scene_clears_the_strokes(window, qtbot):
    overlay = window.pen_overlay
    overlay.set_tool("pen")
    qtbot.mousePress(overlay, Qt.LeftButton, pos=QPoint(200, 200))
    qtbot.mouseMove(overlay, QPoint(260, 240))
    qtbot.mouseRelease(overlay, Qt.LeftButton, pos=QPoint(260, 240))
    assert overlay.strokes
    window.lecture_mode.start(0)
    window.lecture_mode.next()
    assert overlay.strokes == []
