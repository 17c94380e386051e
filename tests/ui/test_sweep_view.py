"""The Sweep tab: figures equal separate runs of the session, computed in the background,
superseded on edit, and a click sets λ (or k)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from linviz.engine.datasets import make_preset
from linviz.engine.heldout import heldout_at
from linviz.session.core import heldout_set
from linviz.ui.views.sweep_view import LAMS

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def show_sweep(window, qtbot, heldout=0.3):
    window.data.set_dataset(make_preset("moons", n_per_class=12, seed=1))
    window.session.flush()
    window.session.update_settings(heldout=heldout, steps=120)
    window.docks["sweep"].show()
    window.docks["sweep"].raise_()
    view = window.sweep_view
    qtbot.waitUntil(lambda: view.kind is not None and view._running or view.sweep is not None, timeout=5000)
    assert view.wait(120)
    return view


def test_the_lambda_sweep_equals_runs_of_the_session_and_a_click_sets_lambda(window, qtbot):
    view = show_sweep(window, qtbot)
    s = window.session
    sw = view.sweep
    np.testing.assert_array_equal(sw.values, LAMS)
    for k in (0, 5, 10):  # the session trained at that λ: its last step measured on both sets
        s.update_settings(reg=replace(s.settings.train.reg, lam=LAMS[k]))
        h = s.history
        loss, acc = heldout_at(h.W[h.last], h.b[h.last], h.config, *heldout_set(s.state.dataset, s.settings))
        assert sw.train_acc[k] == h.train_acc[h.last] and sw.train_loss[k] == h.data_loss[h.last]
        assert sw.test_acc[k] == acc and sw.test_loss[k] == pytest.approx(loss, rel=1e-12)
    assert view.marker.isVisible() and view.marker.value() == pytest.approx(np.log10(LAMS[10]))
    # a click at λ = 10^-2.4 on the plot sets the nearest swept λ, 10^-2.5
    vb = view.plot.getPlotItem().vb
    view.plot.setXRange(-4, 1, padding=0)
    qtbot.wait(50)
    scene = vb.mapViewToScene(QPointF(-2.4, 50.0))
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=view.plot.mapFromScene(scene))
    assert s.settings.train.reg.lam == pytest.approx(10 ** -2.5)


def test_an_edit_supersedes_the_sweep_under_way(window, qtbot):
    view = show_sweep(window, qtbot)
    first = view.sweep
    window.data.move_point(0, 2.0, 2.0)  # new points: a new sweep, the old figures are not kept
    qtbot.waitUntil(lambda: view._running, timeout=5000)
    gen = view._generation
    window.data.move_point(0, -2.0, 2.0)  # …and another edit while it runs supersedes it
    qtbot.waitUntil(lambda: view._generation > gen, timeout=5000)
    assert view.wait(120) and view.sweep is not first
    assert view._key[1][0] == window.data.dataset.X.tobytes()  # the sweep shown is of the points shown


def test_the_k_sweep_for_knn_and_a_click_sets_k(window, qtbot):
    window.session.update_settings(model="knn")
    view = show_sweep(window, qtbot)
    assert view.kind == "k" and view.sweep.values[0] == 1
    view.set_value_near(4.2)
    assert window.session.settings.knn.k == 4


def test_new_classes_sweep_the_new_run_and_nothing_fails(window, qtbot):
    view = show_sweep(window, qtbot)
    window.data.set_n_classes(3)  # W grows a row: a sweep of the old run would mix shapes
    window.data.add_point(0.5, 0.5, 2)
    window.data.add_point(-0.5, 0.7, 2)
    qtbot.waitUntil(lambda: view._running or (view.sweep is not None and view._key[1][3] == 3), timeout=5000)
    assert view.wait(120)
    assert view.sweep is not None and view._key[1][3] == 3 and "failed" not in view.note.text()
