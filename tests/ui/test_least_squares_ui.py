"""Least squares in the window: the model's radio button trains with the least-squares loss."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from linviz.engine.losses import least_squares_loss

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_choosing_least_squares_trains_with_its_loss(window, qtbot):
    radio = window.controls.model_buttons["lsq"]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)
    s, ds = window.session, window.data.dataset
    assert s.settings.model == "lsq"
    h = s.history
    assert h.config.loss.kind == "lsq"
    for t in (0, 10, h.last):
        assert h.data_loss[t] == pytest.approx(least_squares_loss(ds.X @ h.W[t].T + h.b[t], ds.y)[0], rel=1e-12)
    assert "Least squares" in window.score_table.caption.text()
    window.docks["margins"].show()
    window.docks["margins"].raise_()
    window.margin_chart.refresh()
    assert window.margin_chart.kind == "least_squares"  # the run's own curve is the thick one
    qtbot.mouseClick(window.controls.model_buttons["softmax"], Qt.MouseButton.LeftButton)
    assert s.history.config.loss.kind == "softmax"
