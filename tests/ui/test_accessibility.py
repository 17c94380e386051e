"""Keyboard and screen reader: every control a user reaches has a name a screen reader reads."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from linviz.ui import accessibility, compare
from linviz.ui.accessibility import accessible_name, first_phrase, unnamed_controls


def _describe(widgets):
    return [f"{type(w).__name__} {w.objectName()!r} in {w.parentWidget().objectName()!r}" for w in widgets]


def test_every_control_of_the_main_window_has_an_accessible_name(window, qtbot):
    assert _describe(unnamed_controls(window)) == []
    for name in ("surface", "geometry", "gradcheck", "margins"):  # tabs built when first seen are named then
        window.docks[name].raise_()
        qtbot.waitUntil(lambda n=name: window.docks[n].is_built)
    assert _describe(unnamed_controls(window)) == []
    # the names say what a sighted user reads beside the control
    assert accessible_name(window.plane) == "The plane"
    slider = window.controls.findChild(type(window.playback_bar.scrubber), "delta_slider")
    assert accessible_name(slider) == "Δ margin"


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no window stacking
def test_the_compare_and_cifar_windows_name_their_controls_too(window, qtbot):
    cw = compare.open_compare(window)
    qtbot.addWidget(cw)
    cw.add_pane()  # a pane added later is named as well
    assert _describe(unnamed_controls(cw)) == []
    cifar = window.cifar.open()
    qtbot.addWidget(cifar)
    assert _describe(unnamed_controls(cifar)) == []


def test_names_follow_the_language(window, qapp):
    from linviz.ui import i18n

    slider = window.controls.findChild(type(window.playback_bar.scrubber), "delta_slider")
    i18n.set_language(qapp, "es")
    try:
        assert accessible_name(window.plane) == "El plano"
        assert accessible_name(slider) == "Δ margen"
    finally:
        i18n.set_language(qapp, "en")
    assert accessible_name(slider) == "Δ margin"


def _part(window, widget):
    """Which part of the window ``widget`` is in: a dock's key, "tabs", "status" or "centre"."""
    from PySide6.QtWidgets import QDockWidget, QTabBar

    if isinstance(widget, QTabBar) and widget.parentWidget() is window:
        return "tabs"
    names = {dock: name for name, dock in window.docks.items()}
    w = widget
    while w is not None and w is not window:
        if w in names:
            return names[w]
        if w is window.statusBar():
            return "status"
        if isinstance(w, QDockWidget):
            return w.objectName()
        w = w.parentWidget()
    return "centre"


def test_tab_walks_the_window_in_reading_order_and_comes_back(window, qtbot):
    """Tab order (issue 17): from the plane, the right column top to bottom (W and b, the tab
    groups' tab bars and the tab in front, the loss curve), the status bar, then the left column
    (its tab bar, the controls top to bottom) and back to the plane; tabs parked behind another
    (Runs, Lecture) are skipped; every stop has a name a reader announces."""
    window.plane.setFocus()
    qtbot.waitUntil(window.plane.hasFocus)
    qtbot.wait(20)  # the order is set once the window is shown (its dock tab bars exist then)
    stops = []
    for _ in range(200):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if window.plane.hasFocus():
            break
        stops.append(QApplication.focusWidget())
    else:
        pytest.fail("Tab never comes back to the plane")
    parts = [_part(window, w) for w in stops]
    walked = [p for i, p in enumerate(parts) if i == 0 or p != parts[i - 1]]
    assert walked == ["params", "tabs", "loss", "status", "tabs", "controls"]
    assert all(accessible_name(w) for w in stops)
    panel = window.controls
    centres = [w.mapTo(panel, w.rect().center()) for w in stops if panel.isAncestorOf(w)]
    assert len(centres) > 20
    for a, b in zip(centres, centres[1:]):  # the controls top to bottom, a row left to right
        assert b.y() > a.y() + 6 or (abs(b.y() - a.y()) <= 6 and b.x() > a.x()), (a, b)
    names = [w.objectName() for w in stops]
    assert names.index("paramsView") < names.index("lossPlot") < names.index("model_svm")
    # Shift+Tab walks back the same way
    qtbot.keyClick(window.plane, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is stops[-1]


def test_a_tool_tips_first_phrase_names_a_bare_control():
    assert first_phrase("Playback speed, in gradient steps per second (1 … 64)") == \
        "Playback speed, in gradient steps per second"
    assert first_phrase("The class's name: unique and not empty") == "The class's name"
    assert first_phrase("<b>Bold</b> tip. More") == "Bold tip"
    assert accessibility.first_phrase("") == ""
