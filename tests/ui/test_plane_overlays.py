""""Why it moves" on the plane: gradient arrows, the mini-batch, the SVM's active margin terms."""

import numpy as np
import pytest

from linviz.engine.datasets import make_preset
from linviz.engine.features import FeatureMap
from linviz.engine.losses import per_example_terms
from linviz.ui import style
from linviz.ui.models import DatasetModel, SessionModel
from linviz.ui.views.plane import PlaneView
from linviz.ui.views.plane_overlays import DOT_RING_PX, format_scale, install, nice_floor


@pytest.fixture
def plane(qtbot):
    data = DatasetModel(make_preset("cs231n"))
    view = PlaneView(data, SessionModel(data))
    qtbot.addWidget(view)
    view.resize(800, 800)
    view.show()
    qtbot.waitUntil(view.isVisible)
    view.refresh()
    return view


def drawn(items):
    """Indices of the items that show something."""
    return [j for j, item in enumerate(items) if item.isVisible() and item.getData()[0] is not None
            and len(item.getData()[0])]


# --- gradient arrows ------------------------------------------------------------------------------


def test_gradient_arrows_are_minus_the_gradient_from_the_tip_of_w(plane):
    session = plane.session
    hist = session.history
    k = None
    previous = None
    for t in (0, 20, 60):
        session.set_step(t)
        assert len(plane.gradient_arrows) == 3
        ends = []
        for j, (start, end) in enumerate(plane.gradient_arrows):
            tip = plane.arrow_heads[j].pos()
            np.testing.assert_allclose(start, (tip.x(), tip.y()), atol=1e-12)  # from w_j's arrowhead
            v, g = end - start, -hist.grad_W[t, j]
            assert v[0] * g[1] - v[1] * g[0] == pytest.approx(0, abs=1e-9)  # along −∂L/∂w_j …
            assert v @ g > 0  # … not against it
            np.testing.assert_allclose(v, plane.gradient_scale * g)  # at the run's one scale
            ends.append(end)
        k = plane.gradient_scale if k is None else k
        assert plane.gradient_scale == k  # one scale for the whole run
        if previous is not None:
            assert not np.allclose(ends, previous)  # the arrows follow the step
        previous = ends
    assert drawn(plane.overlays.gradient_shafts) == [0, 1, 2]
    assert any(format_scale(k) in text for text in plane.legend_texts())


def test_bias_arrows_cross_the_line_the_way_the_bias_step_moves_it(plane):
    session = plane.session
    session.set_step(5)
    W, b, gb, lr = session.W, session.b, session.history.grad_b[5], session.history.lr[5]
    assert np.count_nonzero(gb) == 2
    for j, (start, end) in enumerate(plane.bias_arrows):
        assert W[j] @ start + b[j] == pytest.approx(0, abs=1e-9)  # starts on class j's line
        v = end - start
        assert v[0] * W[j, 1] - v[1] * W[j, 0] == pytest.approx(0, abs=1e-9)  # across it (along w_j)
        assert np.hypot(*v) == pytest.approx(plane.gradient_scale * abs(gb[j]))
        if gb[j] == 0:
            continue  # no pull on b_j at this step: a zero-length arrow, not drawn
        b_new = b[j] - lr * gb[j]  # the bias part of the update
        step = v / np.hypot(*v) * 1e-3
        assert abs(W[j] @ (start + step) + b_new) < abs(W[j] @ start + b_new)  # toward the moved line


def test_scale_is_a_round_number():
    assert [nice_floor(x) for x in (0.73, 3.0, 19.9, 20.0, 512.0)] == [0.5, 2.0, 10.0, 20.0, 500.0]
    assert format_scale(0.5) == "×0.5"


def test_gradient_arrows_hide_for_knn_feature_maps_and_the_toggle(plane):
    session = plane.session
    plane.set_show_gradients(False)
    assert drawn(plane.overlays.gradient_shafts) == [] and drawn(plane.overlays.gradient_heads) == []
    assert not any("∂L/∂w" in text for text in plane.legend_texts())
    plane.set_show_gradients(True)
    assert drawn(plane.overlays.gradient_heads) == [0, 1, 2]
    session.update_settings(features=FeatureMap("poly2"))
    assert drawn(plane.overlays.gradient_shafts) == [] and plane.gradient_scale is None
    session.update_settings(features=FeatureMap(), model="knn")
    assert drawn(plane.overlays.gradient_shafts) == [] and plane.gradient_arrows == []


# --- the mini-batch ------------------------------------------------------------------------------


def test_the_current_mini_batch_is_marked(plane):
    session = plane.session
    session.update_settings(batch_size=4)
    hist = session.history
    for t in (0, 1, 7):
        session.set_step(t)
        expected = np.sort(hist.batch(t))
        assert len(expected) == 4
        np.testing.assert_array_equal(plane.batch_marked, expected)
        np.testing.assert_array_equal(np.sort(plane.overlays.batch_item.data["data"]), expected)
        item = plane.overlays.batch_item
        order = np.argsort(item.data["data"])
        np.testing.assert_allclose(np.column_stack(item.getData())[order], plane.data.dataset.X[expected])
    assert "in this step's mini-batch" in plane.legend_texts()

    plane.set_show_batch(False)
    assert len(plane.batch_marked) == 0 and len(plane.overlays.batch_item.data) == 0
    plane.set_show_batch(True)
    assert len(plane.batch_marked) == 4

    session.update_settings(batch_size=None)  # the full batch: nothing to single out
    assert len(plane.batch_marked) == 0 and len(plane.overlays.batch_item.data) == 0
    assert "in this step's mini-batch" not in plane.legend_texts()


# --- active margin terms ----------------------------------------------------------------------------


def test_svm_dots_are_the_active_hinge_terms(plane):
    session, ds = plane.session, plane.data.dataset
    cfg = session.history.config
    for t in (0, 20, session.history.last):
        session.set_step(t)
        scores = ds.X @ session.W.T + session.b
        active = per_example_terms(scores, ds.y, cfg.loss) > 0
        for i in range(len(ds)):
            assert plane.active_terms.get(i, ()) == tuple(np.flatnonzero(active[i]))
        item, classes = plane.overlays.margin_item, plane.overlays.margin_classes
        assert len(classes) == len(item.data) == active.sum()
        px, py = plane.plot.getViewBox().viewPixelSize()
        np.testing.assert_array_equal(item.data["style"], classes)
        for j in range(3):  # the dots of class j: in its colour, at its clock position beside the point
            np.testing.assert_array_equal(np.sort(item.data["data"][classes == j]), np.flatnonzero(active[:, j]))
            assert item.style_of(j)[3].color().name().upper() == style.class_colours(3)[j].upper()
            for (x, y), i in zip(item.positions()[classes == j], item.data["data"][classes == j]):
                offset = ((x - ds.X[i, 0]) / px, (y - ds.X[i, 1]) / py)  # screen pixels, y up
                a = 2 * np.pi * j / 3  # class 1 at 12 o'clock, then clockwise
                assert offset == pytest.approx((DOT_RING_PX * np.sin(a), DOT_RING_PX * np.cos(a)), abs=1e-6)
        assert item.isVisible() == bool(active.any())
    assert sum(len(v) for v in plane.active_terms.values()) > 0

    plane.set_show_margins(False)
    item = plane.overlays.margin_item
    assert plane.active_terms == {} and len(item.data) == 0 and not item.isVisible()
    plane.set_show_margins(True)
    session.update_settings(model="softmax")
    assert plane.active_terms == {} and len(item.data) == 0 and not item.isVisible()


def test_dots_and_rings_follow_a_moved_point(qtbot, plane):
    session, data = plane.session, plane.data
    session.set_step(0)
    old = session.history
    i = next(iter(plane.active_terms))
    data.move_point(i, 0.05, 0.02)  # the session retrains on the next turn of the event loop
    qtbot.waitUntil(lambda: session.history is not old)
    session.set_step(0)
    X = plane.data.dataset.X
    pixel = max(plane.plot.getViewBox().viewPixelSize())
    for item, distance in ((plane.overlays.margin_item, DOT_RING_PX), (plane.loss_ring_item, 0.0)):
        assert len(item.data)
        for (x, y), p in zip(item.positions(), item.data["data"]):
            assert np.hypot(x - X[p, 0], y - X[p, 1]) == pytest.approx(distance * pixel, rel=1e-3, abs=1e-9)


def test_dots_stay_beside_their_points_when_zoomed(plane):
    vb = plane.plot.getViewBox()
    vb.scaleBy((0.5, 0.5))
    px, py = vb.viewPixelSize()
    item, X = plane.overlays.margin_item, plane.data.dataset.X
    assert len(item.data)
    for (x, y), p in zip(item.positions(), item.data["data"]):
        d = np.hypot((x - X[p, 0]) / px, (y - X[p, 1]) / py)
        assert d == pytest.approx(DOT_RING_PX)


# --- the main window -----------------------------------------------------------------------------


def test_install_adds_view_menu_toggles(window):
    actions = install(window)
    assert [a.objectName() for a in actions] == ["show_gradients", "show_batch", "show_margins"]
    assert install(window) == actions  # a second call adds nothing
    assert all(a.isChecked() for a in actions)
    actions[0].setChecked(False)
    assert not window.plane.show_gradients
    assert drawn(window.plane.overlays.gradient_shafts) == []
