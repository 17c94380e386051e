"""The visible "retrain on edit" switch: off, edits keep the W on screen; it follows the session."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_unticking_the_switch_holds_w_while_a_point_moves(window, qtbot):
    switch, s = window.hold_switch, window.session
    assert switch.isVisible() and switch.isChecked() and not s.hold_w
    qtbot.mouseClick(switch, Qt.LeftButton, pos=switch.rect().center())
    assert s.hold_w and not switch.isChecked() and not switch.action.isChecked()
    s.set_selected_examples([0])
    W = s.W.copy()
    window.data.move_point(0, 0.9, -0.4)
    qtbot.waitUntil(lambda: not s.retrain_pending)
    np.testing.assert_array_equal(s.W, W)  # held: the W on screen stays…
    scores = window.data.dataset.X[0] @ s.W.T + s.b
    table = window.score_table.model  # …and the Scores table shows the moved point's new scores
    assert table.examples == [0] or tuple(table.examples) == (0,)
    for j in range(window.data.dataset.n_classes):
        assert table.value("score", j, 0) == pytest.approx(scores[j])
    window.plane.setFocus()
    qtbot.keyClick(window.plane, Qt.Key_H)  # H: retrain on edit again
    QApplication.processEvents()
    assert not s.hold_w and switch.isChecked()
    window.data.move_point(0, -0.9, 0.4)
    qtbot.waitUntil(lambda: not s.retrain_pending)
    assert not np.array_equal(s.history.W[-1], W)  # trained again


def test_the_switch_follows_a_lecture_scene(window, qtbot):
    mode = window.lecture_mode
    mode.start(mode.lecture.index_of("slide-hinge"))  # holds W
    assert not window.hold_switch.isChecked() and window.session.hold_w
    mode.start(mode.lecture.index_of("gradient-descent"))
    assert window.hold_switch.isChecked() and not window.session.hold_w
