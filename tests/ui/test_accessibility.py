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
        qtbot.waitUntil(lambda: window.docks[name].is_built)
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


def test_tab_from_the_plane_walks_the_controls_in_reading_order_and_comes_back(window, qtbot):
    """Tab order: the plane, the controls on the left top to bottom, W and b, the tabs on the
    right, the loss curve; every control a reader names is on the way, and Tab comes back."""
    window.plane.setFocus()
    qtbot.waitUntil(window.plane.hasFocus)
    order, widget = [], window.plane
    for _ in range(1000):
        widget = widget.nextInFocusChain()
        if widget is window.plane:
            break
        if (widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None):  # a spin box's line edit passes focus to its box
            order.append(widget)
    else:
        pytest.fail("Tab never comes back to the plane")
    names = [w.objectName() for w in order]
    assert names.index("model_svm") < names.index("paramsView") < names.index("lossPlot")
    assert all(accessible_name(w) for w in order)
    qtbot.keyClick(window.plane, Qt.Key.Key_Tab)  # a real key press leaves the plane for the next control
    assert not window.plane.hasFocus()


def test_a_tool_tips_first_phrase_names_a_bare_control():
    assert first_phrase("Playback speed, in gradient steps per second (1 … 64)") == \
        "Playback speed, in gradient steps per second"
    assert first_phrase("The class's name: unique and not empty") == "The class's name"
    assert first_phrase("<b>Bold</b> tip. More") == "Bold tip"
    assert accessibility.first_phrase("") == ""
