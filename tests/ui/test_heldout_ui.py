"""Held-out points in the window: the switch (key T), hollow markers and a key row on the plane,
training on the other points only, and both sets measured in the loss curve and the status line."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from linviz.engine.datasets import make_preset
from linviz.engine.heldout import heldout_at, heldout_curve
from linviz.engine.training import train
from linviz.ui.panels.playback import status_text
from linviz.ui.views.heldout_layer import HELDOUT_SHARE

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def hold_out(window, qtbot):
    window.data.set_dataset(make_preset("blobs", n_per_class=10, seed=4))
    window.session.flush()
    qtbot.mouseClick(window.plane.plot.viewport(), Qt.MouseButton.MiddleButton)  # keys reach the window
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert window.session.settings.heldout == HELDOUT_SHARE
    return window.session.settings.heldout_mask(len(window.data.dataset))


def test_the_key_holds_points_out_and_the_plane_draws_them_hollow(window, qtbot):
    mask = hold_out(window, qtbot)
    ds, layer = window.data.dataset, window.heldout_layer
    assert mask.sum() == round(HELDOUT_SHARE * len(ds))
    assert layer.item.isVisible()
    np.testing.assert_array_equal(np.column_stack([layer.item.data["x"], layer.item.data["y"]]), ds.X[mask])
    assert layer.item.opts["brush"].color().name() == "#ffffff"  # hollow: white inside, the class colour around
    assert f"{mask.sum()} of {len(ds)}" in window.plane.legend.texts()[-1]
    window.data.move_point(int(np.flatnonzero(~mask)[0]), 0.1, 0.2)  # an edit keeps the same points out
    assert np.array_equal(window.session.settings.heldout_mask(len(window.data.dataset)), mask)
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert window.session.settings.heldout == 0 and not layer.item.isVisible()
    assert not any("held out" in t for t in window.plane.legend.texts())


def test_training_never_sees_them_and_both_sets_are_measured(window, qtbot):
    mask = hold_out(window, qtbot)
    s, ds = window.session, window.data.dataset
    h = s.history
    cfg = s.settings.train_config()
    W0, b0 = h.W[0], h.b[0]
    alone = train(ds.X[~mask], ds.y[~mask], cfg, ds.n_classes, W0=W0, b0=b0)
    np.testing.assert_array_equal(h.W[: len(h)], alone.W[: len(alone)])
    loss, acc = heldout_curve(h, ds.X[mask], ds.y[mask])
    curve = window.loss_curve
    np.testing.assert_array_equal(curve.curve_data("heldout_loss")[1], loss)
    np.testing.assert_array_equal(curve.curve_data("heldout_acc")[1], 100 * acc)
    s.set_step(7)
    qtbot.wait(150)  # the readouts follow the step (throttled while dragging only)
    l7, a7 = heldout_at(h.W[7], h.b[7], h.config, ds.X[mask], ds.y[mask])
    assert f"held out: accuracy {100 * a7:.0f} %" in status_text(s) and f"loss {l7:.3f}" in status_text(s)
    assert curve.readouts["heldout_acc"].text() == f"{100 * a7:.0f} %"


def test_the_surface_geometry_and_gradient_check_use_the_training_points(window, qtbot):
    """They measure the loss training descends: on the training points (they stayed blank before)."""
    assert hold_out(window, qtbot).any()
    s = window.session
    window.loss_surface.recompute()
    surface = window.loss_surface.surface
    assert surface is not None
    h, t = s.history, s.history.last
    centre = window.loss_surface.slice.centre
    np.testing.assert_allclose(centre, np.concatenate([h.W[t].ravel(), h.b[t]]))
    window.gradcheck.check_now()
    assert window.gradcheck.result is not None
    window.reg_geometry.data_grid = None
    window.reg_geometry.recompute()
    assert window.reg_geometry.data_grid is not None


def test_the_margins_tab_draws_held_out_points_hollow(window, qtbot):
    mask = hold_out(window, qtbot)
    window.docks["margins"].show()
    window.docks["margins"].raise_()
    chart = window.margin_chart
    chart.refresh()
    white = np.array([b.color().name() == "#ffffff" for b in chart.dots.data["brush"]])
    np.testing.assert_array_equal(white, mask)


def test_the_knn_inspector_votes_with_the_training_points(window, qtbot):
    mask = hold_out(window, qtbot)
    window.session.update_settings(model="knn")
    window.plane.inspect(0.0, 0.0)
    ds, k = window.data.dataset, window.session.settings.knn.k
    assert len(window.plane.inspector_neighbors) == k  # it stayed blank with points held out
    train = ds.X[~mask]
    d = np.linalg.norm(train - [0.0, 0.0], axis=1)
    assert window.plane.inspector_distances.max() == pytest.approx(np.sort(d)[k - 1])


def test_held_out_points_get_no_still_pushes_w_ring(window, qtbot):
    """The ring means "L_i > 0: still pushes W"; a held-out point pushes on nothing."""
    mask = hold_out(window, qtbot)
    s = window.session
    s.set_step(0)
    qtbot.wait(50)
    marked = window.plane.loss_marked
    assert len(marked) and not mask[marked].any()
