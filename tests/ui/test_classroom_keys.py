"""Keys that always work in front of a class, and the presentation layout a lecture uses."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit


def _focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _active(qtbot, window) -> None:
    with qtbot.waitActive(window):
        window.activateWindow()


def _key(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the focus is, as a keyboard sends it."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifiers)


def test_enter_in_a_field_gives_the_keys_back_to_the_app(window, qtbot):
    """After typing λ and pressing Enter the plane has the keyboard again: Space plays, → steps
    and Ctrl+Z undoes the typed λ (they went to the field: three Ctrl+Z undid nothing)."""
    _active(qtbot, window)
    edit = window.controls.findChild(QLineEdit, "lam_value")
    lam_before = window.session.settings.train.reg.lam
    _focus(qtbot, edit)
    edit.selectAll()
    qtbot.keyClicks(edit, "0.5")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.settings.train.reg.lam == pytest.approx(0.5))
    qtbot.waitUntil(window.plane.hasFocus)
    window.session.set_step(0)
    _key(qtbot, Qt.Key.Key_Right)
    assert window.session.step == 1
    _key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.session.settings.train.reg.lam == pytest.approx(lam_before))
    _key(qtbot, Qt.Key.Key_Space)
    assert window.playback.playing
    _key(qtbot, Qt.Key.Key_Space)
    assert not window.playback.playing


def test_esc_in_a_field_gives_the_keys_back_too(window, qtbot):
    _active(qtbot, window)
    edit = window.controls.findChild(QLineEdit, "lam_value")
    _focus(qtbot, edit)
    _key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.plane.hasFocus)


def test_class_keys_work_wherever_the_focus_is_but_a_field_keeps_its_digits(window, qtbot):
    """1 … 9 choose the class with the focus on any control (after a menu closes it may be
    anywhere: the first key was lost); typed into a field, a digit is the field's."""
    _active(qtbot, window)
    assert window.data.dataset.n_classes == 3
    _focus(qtbot, window.playback_bar.buttons["play"])
    _key(qtbot, Qt.Key.Key_2)
    assert window.data.current_class == 1
    _key(qtbot, Qt.Key.Key_9)  # no ninth class: nothing changes
    assert window.data.current_class == 1
    edit = window.controls.findChild(QLineEdit, "lam_value")
    _focus(qtbot, edit)
    edit.selectAll()
    _key(qtbot, Qt.Key.Key_3)
    assert edit.text() == "3" and window.data.current_class == 1


def test_a_presenter_remote_steps_and_blanks(window, qtbot):
    """PageDown / PageUp step forward and back; B (or .) blanks the whole window and brings it back."""
    _active(qtbot, window)
    _focus(qtbot, window.plane)
    window.session.set_step(3)
    _key(qtbot, Qt.Key.Key_PageDown)
    assert window.session.step == 4
    _key(qtbot, Qt.Key.Key_PageUp)
    _key(qtbot, Qt.Key.Key_PageUp)
    assert window.session.step == 2
    cover = window.keys.cover
    _key(qtbot, Qt.Key.Key_B)
    assert cover.isVisible() and cover.geometry() == window.rect()
    assert cover.grab().toImage().pixelColor(5, 5).lightness() == 0  # black
    _key(qtbot, Qt.Key.Key_Period)
    assert not cover.isVisible()


def test_presentation_keeps_the_plane_big_and_the_scores_one_key_away(qtbot):
    """At 1280 × 800 the presentation layout has the plane (with the points fitted to it), the
    playback bar and the loss curve; S shows the Scores table beside them, whole, and hides it."""
    from linviz.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    _active(qtbot, win)
    _focus(qtbot, win.plane)
    qtbot.keyClick(win.plane, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.presentation.presenting
    qtbot.wait(50)
    vb = win.plane.plot.getViewBox()
    area = vb.sceneBoundingRect()
    assert area.width() >= 560 and area.height() >= 560, area
    assert win.docks["loss"].isVisible() and not win.docks["scores"].isVisible()
    curve = win.loss_curve  # a tall column: its legend, with the values, under the plot
    assert curve.stacked and curve.readouts["loss"].isVisible() and curve.plot.width() >= 0.8 * curve.width()
    X = win.data.dataset.X
    (x0, x1), (y0, y1) = vb.viewRange()
    assert (X[:, 0] > x0).all() and (X[:, 0] < x1).all() and (X[:, 1] > y0).all() and (X[:, 1] < y1).all()
    spread = np.ptp(X, axis=0) / np.array([x1 - x0, y1 - y0])
    assert spread.max() > 0.4  # the points fill the plane, not its middle fifth
    _key(qtbot, Qt.Key.Key_S)
    qtbot.waitUntil(win.docks["scores"].isVisible)
    qtbot.wait(50)
    scores = win.score_table.view
    assert scores.horizontalHeader().length() <= scores.viewport().width()  # every example whole
    assert min(vb.sceneBoundingRect().width(), vb.sceneBoundingRect().height()) >= 540
    _key(qtbot, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not win.docks["scores"].isVisible())
