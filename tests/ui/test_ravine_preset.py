"""The compare window's ravine preset: SGD zig-zags and lags, momentum and Adam reach the minimum sooner."""

from __future__ import annotations

import numpy as np
import pytest

from linviz.engine.datasets import make_preset
from linviz.engine.ravine import curvature, steps_to_reach
from linviz.ui.compare import CompareWindow
from linviz.ui.models import DatasetModel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
RAVINE = "ravine: SGD vs momentum vs Adam"


@pytest.mark.parametrize("points", ["cs231n", "blobs"])
def test_the_ravine_panes_differ_as_claimed(qtbot, points):
    data = DatasetModel(make_preset(points))
    win = CompareWindow(data, preset=RAVINE)
    qtbot.addWidget(win)
    try:
        panes = [p.session for p in win.panes]
        assert [s.settings.train.optimizer.kind for s in panes] == ["sgd", "momentum", "adam"]
        assert all(s.history.config.loss.kind == "lsq" for s in panes)
        assert panes[0].settings.train.lr == pytest.approx(1.8 / curvature(data.dataset.X))
        win.clock.set_step(1500)  # every pane trains on to step 1500
        losses = [s.history.loss[: len(s.history)] for s in panes]
        target = 1.01 * min(float(np.nanmin(loss)) for loss in losses)
        sgd, momentum, adam = (steps_to_reach(loss, target) for loss in losses)
        assert momentum is not None and adam is not None
        assert sgd is None or sgd >= 2 * max(momentum, adam), (sgd, momentum, adam)
        np.testing.assert_array_equal(panes[0].history.W[0], panes[2].history.W[0])  # one start for all
        win.apply_preset("SVM vs Softmax")  # the start's features follow the preset back
        assert all(p.session.settings.train.features.kind == "identity" for p in win.panes)
    finally:
        win.pause()
