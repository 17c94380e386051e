"""The Margins tab: every point a dot on the current loss's curve, linked with the plane's selection."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from linviz.engine.losses import LossConfig
from linviz.engine.margins import loss_of_margin
from linviz.ui.models import Settings

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def show_margins(window, qtbot):
    window.docks["margins"].show()
    window.docks["margins"].raise_()
    chart = window.margin_chart
    qtbot.waitUntil(lambda: not chart._dirty)
    return chart


def test_each_point_is_a_dot_at_its_margin_on_the_runs_loss(window, qtbot):
    chart = show_margins(window, qtbot)
    s, ds = window.session, window.data.dataset
    for step in (0, s.history.last):
        s.set_step(step)
        qtbot.waitUntil(lambda: not chart._dirty)
        h = s.history
        scores = ds.X @ h.W[step].T + h.b[step]
        for i in range(len(ds)):  # the loop twin of margins()
            rival = max(scores[i, j] for j in range(ds.n_classes) if j != ds.y[i])
            m = scores[i, ds.y[i]] - rival
            x, y = chart.dots.data["x"][i], chart.dots.data["y"][i]
            assert x == pytest.approx(m, abs=1e-12)
            assert y == pytest.approx(max(0.0, h.config.loss.delta - m), abs=1e-12)  # the hinge, thick
    assert chart.kind == "hinge" and chart.curves["hinge"].opts["pen"].widthF() > chart.curves["cross_entropy"].opts["pen"].widthF()


def test_softmax_and_squared_hinge_change_the_thick_curve(window, qtbot):
    chart = show_margins(window, qtbot)
    s = window.session
    s.set_settings(Settings(model="softmax"))
    qtbot.waitUntil(lambda: not chart._dirty and chart.kind == "cross_entropy")
    np.testing.assert_allclose(chart.dots.data["y"], loss_of_margin("cross_entropy", chart.dots.data["x"]))
    base = Settings()
    s.set_settings(replace(base, train=replace(base.train, loss=LossConfig(squared=True))))
    qtbot.waitUntil(lambda: not chart._dirty and chart.kind == "squared_hinge")


def test_a_click_on_a_dot_picks_the_point_and_a_picked_point_is_ringed(window, qtbot):
    chart = show_margins(window, qtbot)
    s = window.session
    i = 4
    x, y = chart.dots.data["x"][i], chart.dots.data["y"][i]
    vb = chart.plot.getPlotItem().vb
    pos = chart.plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
    qtbot.mouseClick(chart.plot.viewport(), Qt.LeftButton, pos=pos)
    QApplication.processEvents()
    assert i in s.chosen_examples  # the plane and the Scores table read the same selection
    qtbot.waitUntil(lambda: not chart._dirty)
    rx, ry = chart.rings.getData()
    assert len(rx) >= 1 and np.isclose(rx, x).any() and np.isclose(ry, y).any()


def test_hidden_margins_tab_does_no_work_per_step(window, qtbot):
    chart = show_margins(window, qtbot)
    window.docks["loss"].raise_()  # the Margins tab is behind the loss curve now
    QApplication.processEvents()
    calls = []
    chart.refresh = lambda *a: calls.append(1)  # noqa: the tab is behind Scores now
    window.session.set_step(1)
    QApplication.processEvents()
    assert calls == [] and chart._dirty
