"""Hold W through the real window: a point dragged on the plane re-evaluates the W on screen
(no training), the tables follow, and undo brings the trained run back."""

from __future__ import annotations

import numpy as np
import pytest

from linviz.engine.training import evaluate

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_moving_a_point_with_w_held_keeps_w_and_recomputes_the_loss(window, qtbot):
    s = window.session
    s.set_step(25)
    W, b = s.W.copy(), s.b.copy()
    s.set_hold_w(True)
    window.data.move_point(0, 2.5, -2.5)
    qtbot.waitUntil(lambda: not s.retrain_pending)
    h = s.history
    assert len(h) == 1 and s.step == 0
    np.testing.assert_array_equal(h.W[0], W)
    np.testing.assert_array_equal(h.b[0], b)
    ds = window.data.dataset
    assert h.loss[0] == pytest.approx(evaluate(W, b, ds.X, ds.y, s.settings.train_config()).loss)
    assert window.params_table.model.rowCount() == 3  # the table shows the held W
    s.set_hold_w(False)
    window.data.move_point(0, 2.0, -2.0)
    s.flush()
    assert len(s.history) > 1  # without hold, an edit trains again
