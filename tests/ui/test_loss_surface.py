"""The loss-surface view: the grid is the engine's, the path and marker follow the session,
clicks edit the parameters, and the options that cannot work say why."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from linviz.engine import landscape
from linviz.engine.datasets import make_preset
from linviz.engine.landscape import flatten, unflatten
from linviz.engine.regularizers import RegConfig
from linviz.ui.models import DatasetModel, SessionModel
from linviz.ui.views.loss_surface import LossSurfaceView, contour_segments


@pytest.fixture
def session():
    return SessionModel(DatasetModel(make_preset("cs231n")))


@pytest.fixture
def view(qtbot, session):
    v = LossSurfaceView(session)
    qtbot.addWidget(v)
    v.resize(700, 600)
    v.show()  # views in a hidden tab wait until they are shown
    return v


def settle(qtbot, view):
    qtbot.waitUntil(lambda: not view.recompute_pending, timeout=2000)


def engine_surface(session, sl):
    h, ds = session.history, session.data.dataset
    return landscape.loss_surface(h.config.features.transform(ds.X), ds.y, h.config, sl, h.n_classes)


def path_of(h):
    return np.array([flatten(h.W[t], h.b[t]) for t in range(len(h))])


def test_surface_is_the_engines_for_the_same_slice(view, session):
    sl = view.slice
    assert sl.kind == "params" and sl.labels == ("W[1,1]", "W[1,2]")
    expected = engine_surface(session, sl)
    for name in ("total", "data", "reg"):
        np.testing.assert_allclose(view.surface.component(name), expected.component(name))
    # Centred on the last step; the axes read as the chosen parameters' values.
    h = session.history
    np.testing.assert_allclose(sl.centre, flatten(h.W[-1], h.b[-1]))
    xs, ys = sl.axis_values()
    assert xs[0] < h.W[-1][0, 0] < xs[-1] and ys[0] < h.W[-1][0, 1] < ys[-1]
    assert view.plot.getAxis("bottom").labelText == "W[1,1]"
    assert view.plot.getAxis("left").labelText == "W[1,2]"


def test_component_switch_shows_data_reg_and_total(view):
    view.set_log(False)
    for name in ("data", "reg", "total"):
        view.set_component(name)
        np.testing.assert_allclose(view.image_item.image, view.surface.component(name))
        assert view.findChild(type(view.component), "surface_component").currentData() == name
    view.set_log(True)
    assert np.nanmax(view.image_item.image) < np.nanmax(view.surface.total)  # log10 of it


def test_other_parameters_pick_another_pair(view, session):
    view.set_params(3, 6)  # W[2,2] × b[1]
    assert view.slice.labels == ("W[2,2]", "b[1]")
    np.testing.assert_allclose(view.slice.u, np.eye(9)[3])
    np.testing.assert_allclose(view.surface.total, engine_surface(session, view.slice).total)
    assert view.param_a.currentText() == "W[2,2]" and view.param_b.currentText() == "b[1]"


def test_minimum_moves_towards_zero_with_a_larger_lambda(qtbot, view, session):
    def argmin_norm():
        xs, ys = view.slice.axis_values()
        r, c = np.unravel_index(np.argmin(view.surface.total), view.surface.total.shape)
        return np.hypot(xs[c], ys[r])

    session.update_settings(reg=RegConfig("l2", 0.01))
    settle(qtbot, view)
    weak = argmin_norm()
    session.update_settings(reg=RegConfig("l2", 2.0))
    settle(qtbot, view)
    strong = argmin_norm()
    assert strong < 0.5 * weak


def test_path_marker_and_no_recompute_on_step(view, session):
    h = session.history
    x, y = view.path_item.getData()
    assert len(x) == len(h)
    last = landscape.project_path(path_of(h)[-1:], view.slice)[0] + view.slice.origin
    np.testing.assert_allclose((x[-1], y[-1]), last)
    image, surface = view.image_item.image, view.surface
    session.set_step(5)
    mx, my = view.current_marker.getData()
    expected = landscape.project_path(path_of(h)[5:6], view.slice)[0] + view.slice.origin
    np.testing.assert_allclose((mx[0], my[0]), expected)
    assert view.image_item.image is image and view.surface is surface
    assert not view.recompute_pending


def test_follows_edits_to_the_points(qtbot, view, session):
    before = view.surface.total.copy()
    session.data.move_point(0, 0.9, 0.9)
    settle(qtbot, view)
    qtbot.waitUntil(lambda: session.history.n_train == 9 and not view.recompute_pending)
    assert not np.allclose(before, view.surface.total)
    np.testing.assert_allclose(view.surface.total, engine_surface(session, view.slice).total)


def test_click_puts_parameters_there_and_branches(view, session):
    session.set_step(20)
    n_branches = len(session.branches)
    sl = view.slice
    view.click_at(0.3, -0.4)
    W, b = unflatten(sl.theta(0.3, -0.4), 3, 2)
    assert session.step == 20
    np.testing.assert_allclose(session.W, W)
    np.testing.assert_allclose(session.b, b)
    assert len(session.branches) == n_branches + 1


def test_real_mouse_click_on_the_map(qtbot, view, session):
    view.show()
    qtbot.waitUntil(view.isVisible)
    session.set_step(10)
    n_branches = len(session.branches)
    sl = view.slice
    xs, ys = sl.axis_values()
    x, y = xs[30], ys[60]  # a point on the map, in axis coordinates
    pw, vb = view.plot_widget, view.plot.vb
    pos = pw.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
    qtbot.mouseClick(pw.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert len(session.branches) == n_branches + 1
    px, py = vb.viewPixelSize()
    W, b = unflatten(sl.theta(x - sl.origin[0], y - sl.origin[1]), 3, 2)
    np.testing.assert_allclose(session.W, W, atol=2 * max(px, py))
    np.testing.assert_allclose(session.b, b)
    assert session.W[0, 0] != pytest.approx(sl.centre[0])  # it did move


def test_log_colours_of_losses_near_the_float_limit_raise_no_warning(view):
    """A far slice of the squared hinge reaches ~1e308; adding the log floor overflowed (NumPy
    RuntimeWarning on each redraw). The cell becomes inf, which the map draws at the top colour."""
    import warnings

    view.set_log(True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        shown = view._display_values(np.array([[1.7e308, 1.0], [0.0, 2.0]]))
    assert np.isfinite(shown[1]).all() and not shown[0, 0] < shown[1].max()


def test_pca_slice_after_training(view, session):
    view.set_slice_kind("pca")
    sl = view.slice
    assert sl.kind == "pca" and sl.labels[0].startswith("PC 1")
    np.testing.assert_allclose(view.surface.total, engine_surface(session, sl).total)
    x, _ = view.path_item.getData()
    assert len(x) == len(session.history)
    assert view.stack.currentWidget() is view.plot_widget


def test_pca_slice_with_one_step_gives_a_note(qtbot, view, session):
    view.set_slice_kind("pca")
    session.update_settings(steps=0)
    settle(qtbot, view)
    assert len(session.history) == 1
    assert view.slice is None and view.surface is None
    assert view.stack.currentWidget() is view.note
    assert "three distinct steps" in view.note.text()
    session.set_step(0)  # no crash with no path
    view.set_slice_kind("params")
    assert view.surface is not None


def test_knn_shows_a_note_and_no_surface(qtbot, view, session):
    session.update_settings(model="knn")
    settle(qtbot, view)
    assert view.surface is None
    assert "kNN has no parameters to descend" in view.note.text()
    assert view.stack.currentWidget() is view.note
    session.update_settings(model="softmax")
    settle(qtbot, view)
    assert view.surface is not None and view.stack.currentWidget() is view.plot_widget


def test_3d_option_disabled_offscreen_with_a_reason(view):
    box = view.findChild(type(view.box_3d), "surface_3d")
    assert box is view.box_3d
    assert not box.isEnabled()
    assert box.toolTip().strip()


def test_contours_cross_a_cone_where_expected():
    xs = ys = np.linspace(-1, 1, 41)
    Z = np.hypot(*np.meshgrid(xs, ys))
    cx, cy = contour_segments(Z, xs, ys, [0.5])
    assert len(cx) > 20 and len(cx) % 2 == 0
    np.testing.assert_allclose(np.hypot(cx, cy), 0.5, atol=0.01)


def test_a_click_before_the_pending_recompute_uses_the_new_runs_parameters(view, session):
    """A click on the map between a change of feature map (other parameters: 3 × 6 for poly2)
    and the map's recompute used the old 3 × 3 slice: a broadcasting error (the random-action
    test, seeds 11 and 77). The click now recomputes first and lands in the new run."""
    from linviz.engine.features import FeatureMap

    session.update_settings(features=FeatureMap("poly2"))
    assert view.recompute_pending  # the old slice is still there
    view.click_at(0.1, 0.2)
    assert view.slice.centre.size == session.history.n_classes * (session.history.dim + 1)
    assert session.W.shape == (session.history.n_classes, session.history.dim)
