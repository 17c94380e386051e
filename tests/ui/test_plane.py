"""The plane view: gestures become model calls; the layers follow the models."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsItem

from linviz.engine.datasets import Dataset, make_preset
from linviz.engine.features import FeatureMap
from linviz.engine.losses import per_example_terms
from linviz.ui import style
from linviz.ui.models import DatasetModel, SessionModel
from linviz.ui.views.plane import PlaneView


@pytest.fixture
def plane(qtbot):
    data = DatasetModel(make_preset("cs231n"))
    session = SessionModel(data)
    view = PlaneView(data, session)
    qtbot.addWidget(view)
    view.resize(800, 800)
    view.show()
    qtbot.waitUntil(view.isVisible)
    view.refresh()
    return view


def pixel_tolerance(view, pixels=1.5):
    px, py = view.plot.getViewBox().viewPixelSize()
    return pixels * max(px, py)


def send_mouse(view, kind, x, y, button=Qt.LeftButton, buttons=None, modifiers=Qt.NoModifier):
    """Deliver one mouse event to the plot's viewport at data coordinates (x, y)."""
    vp = view.plot.viewport()
    local = QPointF(view.data_to_widget(x, y))
    if buttons is None:
        buttons = Qt.NoButton if kind == QEvent.MouseButtonRelease else button
    if kind == QEvent.MouseMove:
        button = Qt.NoButton
    event = QMouseEvent(kind, local, QPointF(vp.mapToGlobal(local.toPoint())), button, buttons, modifiers)
    QApplication.sendEvent(vp, event)


def click(qtbot, view, x, y, button=Qt.LeftButton, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(view.plot.viewport(), button, modifiers, view.data_to_widget(x, y))


# --- gestures -----------------------------------------------------------------------------------


def test_click_adds_a_point_of_the_current_class(qtbot, plane):
    data = plane.data
    n = len(data.dataset)
    click(qtbot, plane, 1.0, -0.5)
    assert len(data.dataset) == n + 1
    np.testing.assert_allclose(data.dataset.X[-1], (1.0, -0.5), atol=pixel_tolerance(plane))
    assert data.dataset.y[-1] == 0

    plane.setFocus()
    qtbot.keyClick(plane, Qt.Key_2)
    assert data.current_class == 1
    click(qtbot, plane, -1.0, -1.2)
    assert len(data.dataset) == n + 2 and data.dataset.y[-1] == 1
    np.testing.assert_allclose(data.dataset.X[-1], (-1.0, -1.2), atol=pixel_tolerance(plane))


def test_number_keys_beyond_the_classes_are_ignored(qtbot, plane):
    qtbot.keyClick(plane, Qt.Key_3)
    assert plane.data.current_class == 2
    qtbot.keyClick(plane, Qt.Key_7)  # cs231n has 3 classes
    assert plane.data.current_class == 2


def test_drag_moves_the_point_and_retrains_while_moving(qtbot, plane):
    data, session = plane.data, plane.session
    session.set_step(session.history.last)
    W_before = session.W.copy()
    n = len(data.dataset)
    start = data.dataset.X[4].copy()  # class 1 at (-0.3, 0.7)
    retrains = []
    session.history_changed.connect(lambda: retrains.append(session.history))

    send_mouse(plane, QEvent.MouseButtonPress, *start)
    path = [(-0.1, 0.4), (0.3, 0.0), (0.6, -0.3), (0.9, -0.8)]
    for x, y in path:
        send_mouse(plane, QEvent.MouseMove, x, y, buttons=Qt.LeftButton)
        assert not session.retrain_pending  # retrained before the next paint, not a frame later
        qtbot.wait(5)
    cached = (plane.points_item, plane.selection_item)
    assert {item.cacheMode() for item in cached} == {QGraphicsItem.CacheMode.NoCache}  # redrawn each move anyway
    send_mouse(plane, QEvent.MouseButtonRelease, *path[-1])
    qtbot.wait(5)
    assert {item.cacheMode() for item in cached} == {QGraphicsItem.CacheMode.DeviceCoordinateCache}

    assert len(data.dataset) == n  # moved, not added
    np.testing.assert_allclose(data.dataset.X[4], path[-1], atol=pixel_tolerance(plane))
    assert data.dataset.y[4] == 1
    assert len(retrains) >= 2  # training followed the point while the mouse moved
    session.set_step(session.history.last)
    assert not np.allclose(session.W, W_before)
    # the layers drawn follow the data: every spot where its point is, colours and data kept
    spots = plane.points_item.data
    np.testing.assert_array_equal(np.column_stack([spots["x"], spots["y"]]), data.dataset.X)
    np.testing.assert_array_equal(spots["data"], np.arange(n))
    colour_of = {}
    for label, brush in zip(data.dataset.y, plane.points_ring_item.data["brush"]):  # the ring: the true class
        assert colour_of.setdefault(int(label), brush.color().name()) == brush.color().name()
    np.testing.assert_array_equal(np.column_stack([plane.points_ring_item.data["x"], plane.points_ring_item.data["y"]]),
                                  data.dataset.X)
    assert len(set(colour_of.values())) == data.dataset.n_classes
    hit = plane.points_item.pointsAt(QPointF(*path[-1]))
    assert [p.data() for p in hit] == [4]
    (x0, x1), (y0, y1) = plane.view_rect()
    corner = (x0 + 0.03 * (x1 - x0), y1 - 0.03 * (y1 - y0))  # outside every other point: the bounds grow
    send_mouse(plane, QEvent.MouseButtonPress, *path[-1])
    send_mouse(plane, QEvent.MouseMove, *corner, buttons=Qt.LeftButton)
    send_mouse(plane, QEvent.MouseButtonRelease, *corner)
    assert plane.points_item.boundingRect().contains(QPointF(*data.dataset.X[4]))
    for item in (plane.loss_ring_item, plane.overlays.margin_item):
        if item.isVisible():
            shown = item.data["data"].astype(np.int64)
            base = data.dataset.X[shown]
            np.testing.assert_allclose(np.column_stack([item.data["x"], item.data["y"]]), base,
                                       atol=20 * pixel_tolerance(plane))  # margin dots sit beside their point


def test_right_click_removes_the_point(qtbot, plane):
    data = plane.data
    X_before = data.dataset.X.copy()
    click(qtbot, plane, *X_before[2], button=Qt.RightButton)
    assert len(data.dataset) == len(X_before) - 1
    np.testing.assert_array_equal(data.dataset.X, np.delete(X_before, 2, axis=0))


def test_right_click_on_empty_space_does_nothing(qtbot, plane):
    n = len(plane.data.dataset)
    click(qtbot, plane, -1.2, -1.2, button=Qt.RightButton)
    assert len(plane.data.dataset) == n


def test_shift_click_selects_and_delete_removes_the_selection(qtbot, plane):
    data, session = plane.data, plane.session
    X_before = data.dataset.X.copy()
    click(qtbot, plane, *X_before[4], modifiers=Qt.ShiftModifier)
    click(qtbot, plane, *X_before[7], modifiers=Qt.ShiftModifier)
    assert len(data.dataset) == 9  # shift-click selects, never adds
    assert session.selected_examples == (4, 7)
    assert sorted(plane.selection_item.data['data'].tolist()) == [4, 7]

    click(qtbot, plane, *X_before[7], modifiers=Qt.ShiftModifier)  # toggles off
    assert session.selected_examples == (4,)

    plane.setFocus()
    qtbot.keyClick(plane, Qt.Key_Delete)
    np.testing.assert_array_equal(data.dataset.X, np.delete(X_before, 4, axis=0))


def test_point_items_carry_class_markers_and_indices(plane):
    ds = plane.data.dataset
    spots = plane.points_item.points()
    assert [s.data() for s in spots] == list(range(len(ds)))
    colours = style.class_colours(ds.n_classes)
    rings = plane.points_ring_item.points()
    for s, ring, (x, y), label, guess in zip(spots, rings, ds.X, ds.y, plane.predicted):
        assert (s.pos().x(), s.pos().y()) == pytest.approx((x, y)) == (ring.pos().x(), ring.pos().y())
        assert s.symbol() == ring.symbol() == style.MARKERS[label]
        assert ring.brush().color().name().upper() == colours[label].upper()  # the ring: the true class
        assert s.brush().color().name().upper() == colours[guess].upper()  # fill: the predicted class


def test_a_misclassified_point_has_its_true_class_ring_and_the_predicted_fill(qtbot, plane):
    """Held W: a class-1 point moved deep into class 2's region keeps its class-1 shape and
    ring and is filled with class 2's colour; the others keep one colour."""
    data, session = plane.data, plane.session
    session.set_step(session.history.last)
    session.set_hold_w(True)
    W, b = session.W, session.b
    colours = style.class_colours(data.dataset.n_classes)
    i = int(np.flatnonzero(data.dataset.y == 0)[0])
    # a place the held W gives to class 2 (index 1), well inside its region
    grid = np.stack(np.meshgrid(np.linspace(-2.5, 2.5, 41), np.linspace(-2.5, 2.5, 41)), -1).reshape(-1, 2)
    scores = grid @ W.T + b
    margin = scores[:, 1] - np.delete(scores, 1, axis=1).max(axis=1)
    target = grid[int(np.argmax(margin))]
    data.move_point(i, *target)
    qtbot.waitUntil(lambda: plane.predicted is not None and plane.predicted[i] == 1)
    spot, ring = plane.points_item.points()[i], plane.points_ring_item.points()[i]
    assert spot.symbol() == ring.symbol() == style.MARKERS[0]
    assert ring.brush().color().name().upper() == colours[0].upper()
    assert spot.brush().color().name().upper() == colours[1].upper()
    assert ring.size() - spot.size() >= 6  # a ring 3+ px wide each side: readable from the back row
    assert plane.points_ring_item.zValue() < plane.points_item.zValue()  # the fill sits on the ring
    others = [k for k in range(len(data.dataset)) if k != i and plane.predicted[k] == data.dataset.y[k]]
    assert others  # correctly classified points: one colour, ring and fill
    for k in others:
        s, r = plane.points_item.points()[k], plane.points_ring_item.points()[k]
        assert s.brush().color().name() == r.brush().color().name()


def test_points_at_the_edge_are_drawn_whole(qtbot, plane):
    """After fitting, every marker (its outline and rim too) lies inside the plot's view box,
    at a large and at a small size of the plane."""
    ds = plane.data.dataset
    X = np.array([[-4.0, -1.0], [4.0, 1.0], [0.0, 3.0], [0.5, -3.0]])
    plane.data.set_dataset(Dataset(X, np.array([0, 1, 2, 0]), ds.class_names))
    vb = plane.plot.getViewBox()
    for size in ((900, 700), (320, 260)):
        plane.resize(*size)
        qtbot.wait(20)
        plane.fit_view()
        box = vb.sceneBoundingRect()
        r = plane.marker_radius_px()
        for x, y in X:
            c = vb.mapViewToScene(QPointF(x, y))
            marker = QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)
            assert box.contains(marker), (size, (x, y), marker, box)


def test_hit_test_uses_screen_pixels(plane):
    x, y = plane.data.dataset.X[0]
    step = pixel_tolerance(plane, 1.0)
    assert plane.point_at(x + 6 * step, y) == 0
    assert plane.point_at(x + 16 * step, y) is None


# --- layers -------------------------------------------------------------------------------------


def test_regions_follow_the_current_step(plane):
    session = plane.session
    session.set_step(session.history.last)
    grid = plane.grid
    image = plane.regions_item.image
    assert image.shape == (*grid.shape, 4) and image.dtype == np.uint8
    (x0, x1), (y0, y1) = plane.view_rect()
    assert grid.x_range == pytest.approx((x0, x1)) and grid.y_range == pytest.approx((y0, y1))

    W, b = session.W, session.b
    lut = style.region_lut(3)
    for r, c in [(5, 5), (grid.shape[0] // 2, grid.shape[1] // 3), (grid.shape[0] - 3, grid.shape[1] - 7), (40, 150)]:
        p = grid.points[r * grid.shape[1] + c]
        expected = int(np.argmax(W @ p + b))
        assert plane.regions.winner[r, c] == expected
        rows_of_class = lut[expected * 32 : (expected + 1) * 32]
        assert (rows_of_class == image[r, c]).all(axis=1).any()  # painted in that class's shades

    last_image = image.copy()
    session.set_step(0)
    assert not np.array_equal(plane.regions_item.image, last_image)


def test_confidence_mode_changes_the_shading_not_the_winners(plane):
    winners = plane.regions.winner.copy()
    image = plane.regions_item.image.copy()
    plane.confidence_mode = "gap"
    np.testing.assert_array_equal(plane.regions.winner, winners)
    assert not np.array_equal(plane.regions_item.image, image)
    with pytest.raises(ValueError):
        plane.set_confidence_mode("loud")


def test_resolution_sets_the_grid(plane):
    plane.resolution = 120
    assert max(plane.grid.shape) == 120
    assert plane.regions_item.image.shape[:2] == plane.grid.shape


def test_class_lines_lie_on_the_zero_score_lines(plane):
    session = plane.session
    for t in (0, session.history.last):
        session.set_step(t)
        W, b = session.W, session.b
        visible = [line for line in plane.class_lines if line.isVisible()]
        assert len(visible) == 3
        for j, line in enumerate(plane.class_lines[:3]):
            xs, ys = line.getData()
            assert len(xs) == 4  # the line's two ends, then the arrow's start and tip
            np.testing.assert_allclose(W[j, 0] * xs[:2] + W[j, 1] * ys[:2] + b[j], 0, atol=1e-9)
            (x0, x1), (y0, y1) = plane.view_rect()  # clipped to the view
            assert ((x0 - 1e-9 <= xs[:2]) & (xs[:2] <= x1 + 1e-9) & (y0 - 1e-9 <= ys[:2]) & (ys[:2] <= y1 + 1e-9)).all()
            sx, sy = xs[2:], ys[2:]  # the arrow points along w_j
            direction = np.array([sx[1] - sx[0], sy[1] - sy[0]])
            assert direction[0] * W[j, 1] - direction[1] * W[j, 0] == pytest.approx(0, abs=1e-9)
            assert direction @ W[j] > 0
            assert W[j] @ (sx[0], sy[0]) + b[j] == pytest.approx(0, abs=1e-9)  # it starts on the line


def test_class_lines_hide_for_knn_and_for_feature_maps(plane):
    session = plane.session
    session.update_settings(model="knn")
    assert not any(line.isVisible() for line in plane.class_lines)
    assert not any(head.isVisible() for head in plane.arrow_heads)
    session.update_settings(model="svm", features=FeatureMap("poly2"))
    assert not any(line.isVisible() for line in plane.class_lines)
    session.update_settings(features=FeatureMap())
    assert sum(line.isVisible() for line in plane.class_lines) == 3


def test_svm_marks_are_the_points_with_positive_loss(plane):
    session, ds = plane.session, plane.data.dataset
    cfg = session.history.config
    for t in (0, 20, session.history.last):
        session.set_step(t)
        scores = ds.X @ session.W.T + session.b
        L = per_example_terms(scores, ds.y, cfg.loss).sum(axis=1)
        expected = np.flatnonzero(L > 0)
        np.testing.assert_array_equal(plane.loss_marked, expected)
        np.testing.assert_array_equal(np.sort(plane.loss_ring_item.data["data"]), expected)
    session.update_settings(model="softmax")
    assert len(plane.loss_marked) == 0 and len(plane.loss_ring_item.data) == 0


def test_knn_regions_and_inspector(qtbot, plane):
    session, data = plane.session, plane.data
    session.update_settings(model="knn", knn=type(session.settings.knn)(k=3, metric="l2"))
    knn = session.knn
    assert knn is not None and knn.k == 3
    grid = plane.grid
    counts = knn.vote_counts(grid.points)
    tie = (counts == counts.max(axis=1, keepdims=True)).sum(axis=1) > 1
    winner = np.where(tie, -1, counts.argmax(axis=1)).reshape(grid.shape)
    np.testing.assert_array_equal(plane.regions.winner, winner)
    if tie.any():  # ties are painted in the LUT's last (neutral) row
        r, c = np.unravel_index(np.flatnonzero(tie)[0], grid.shape)
        np.testing.assert_array_equal(plane.regions_item.image[r, c], style.region_lut(3)[-1])

    n = len(data.dataset)
    click(qtbot, plane, 0.1, 0.1, modifiers=Qt.ControlModifier)
    assert len(data.dataset) == n  # inspecting does not add a point
    qx, qy = plane.inspector_point
    assert (qx, qy) == pytest.approx((0.1, 0.1), abs=pixel_tolerance(plane))
    dist, idx = knn.kneighbors(np.array([[qx, qy]]))
    assert len(plane.inspector_neighbors) == 3
    np.testing.assert_array_equal(plane.inspector_neighbors, idx[0])
    assert plane.inspector_votes.sum() == 3
    np.testing.assert_array_equal(plane.inspector_votes, np.bincount(data.dataset.y[idx[0]], minlength=3))
    assert plane.inspector_radius == pytest.approx(dist[0, -1])
    xs, ys = plane.inspector_ball.getData()
    np.testing.assert_allclose(np.hypot(xs - qx, ys - qy), dist[0, -1], rtol=1e-6)
    assert plane.inspector_text.isVisible()

    session.update_settings(knn=type(session.settings.knn)(k=5, metric="l1"))  # the probe follows the model
    assert len(plane.inspector_neighbors) == 5 and plane.inspector_votes.sum() == 5
    xs, ys = plane.inspector_ball.getData()
    np.testing.assert_allclose(np.abs(xs - qx) + np.abs(ys - qy), plane.inspector_radius, rtol=1e-6)

    plane.setFocus()
    qtbot.keyClick(plane, Qt.Key_Escape)
    assert plane.inspector_point is None and not plane.inspector_lines.isVisible()


def test_inspect_mode_turns_plain_clicks_into_probes(qtbot, plane):
    plane.session.update_settings(model="knn")
    plane.set_inspect_mode(True)
    n = len(plane.data.dataset)
    click(qtbot, plane, -0.5, -0.2)
    assert len(plane.data.dataset) == n
    assert len(plane.inspector_neighbors) == plane.session.settings.knn.k
    plane.session.update_settings(model="svm")
    assert plane.inspector_point is None and len(plane.inspector_neighbors) == 0


def test_legend_follows_class_names_and_current_class(qtbot, plane):
    assert plane.legend_texts()[:3] == ["class 1", "class 2", "class 3"]
    plane.data.set_class_names(["cat", "dog", "ship"])
    assert plane.legend_texts()[:3] == ["cat", "dog", "ship"]
    plane.data.set_current_class(2)
    rows = plane.legend.rows()
    assert [row.current for row in rows[:3]] == [False, False, True]
    assert "◂" in plane.legend.class_rows[2].label.text() and "◂" not in plane.legend.class_rows[0].label.text()


def test_new_dataset_fits_the_view_but_edits_do_not(qtbot, plane):
    data = plane.data
    (x0, x1), _ = plane.view_rect()
    click(qtbot, plane, 1.2, 1.2)
    assert plane.view_rect()[0] == pytest.approx((x0, x1))
    data.set_dataset(make_preset("iris"))
    (x0, x1), (y0, y1) = plane.view_rect()
    X = data.dataset.X
    assert x0 < X[:, 0].min() and X[:, 0].max() < x1 and y0 < X[:, 1].min() and X[:, 1].max() < y1
    assert x0 > 0  # iris petal lengths (1 … 7 cm): the view moved to the data


def test_step_changes_leave_the_points_alone(plane):
    session = plane.session
    calls = []
    original = plane.points_item.setData
    plane.points_item.setData = lambda *a, **k: (calls.append(1), original(*a, **k))
    session.set_step(5)
    session.set_step(session.history.last)
    assert calls == []


def test_a_click_on_a_class_in_the_key_makes_it_current(qtbot, plane):
    n = len(plane.data.dataset)
    row = plane.legend.class_rows[1]
    qtbot.mouseClick(row, Qt.LeftButton, pos=row.rect().center())
    assert plane.data.current_class == 1
    assert len(plane.data.dataset) == n  # the key is not the plot: nothing is added
    click(qtbot, plane, 1.0, -0.5)
    assert plane.data.dataset.y[-1] == 1


def test_class_count_changes_and_an_empty_plane(qtbot, plane):
    data, session = plane.data, plane.session
    data.set_n_classes(4)  # the session retrains on the next turn of the event loop
    qtbot.waitUntil(lambda: session.history.n_classes == 4)
    assert plane.legend_texts()[:4] == ["class 1", "class 2", "class 3", "class 4"]
    assert int(plane.regions.winner.max()) <= 3
    assert sum(line.isVisible() for line in plane.class_lines) <= 4

    data.clear()
    qtbot.waitUntil(lambda: session.history.n_train == 0)
    assert len(plane.points_item.data) == 0 and len(plane.loss_marked) == 0
    click(qtbot, plane, 0.5, 0.5)
    assert len(data.dataset) == 1


def test_knn_with_fewer_points_than_k_shows_no_regions(qtbot, plane):
    session, data = plane.session, plane.data
    session.update_settings(model="knn")
    assert plane.regions_item.isVisible()
    messages = []
    session.message.connect(lambda level, text: messages.append(level))
    ds = data.dataset
    data.set_dataset(Dataset(ds.X[:2], ds.y[:2], ds.class_names))  # k = 3 needs three points
    qtbot.waitUntil(lambda: session.knn is None)
    assert not plane.regions_item.isVisible() and plane.regions is None
    assert messages == ["warning"]


def test_scatter_bounding_rects_follow_data_and_zoom(qtbot, plane):
    """The cached bounding rects of the scatters are pyqtgraph's own; the rings' and dots' rects
    hold every spot with its symbol, whatever the step, zoom or data."""
    import pyqtgraph as pg

    scatters = (plane.points_item, plane.selection_item)
    spots = (plane.loss_ring_item, plane.overlays.margin_item)

    def check():
        for item in scatters:
            assert item.boundingRect() == pg.ScatterPlotItem.boundingRect(item)  # the cache is never stale
        for item in spots:
            if not len(item.data):
                continue
            rect = item.sceneBoundingRect()
            for x, y in item.positions():
                centre = plane.plot.getViewBox().mapViewToScene(QPointF(x, y))
                size = max(s[1] for s in item._styles)
                assert rect.contains(QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size))

    check()
    plane.session.set_step(5)
    check()
    plane.plot.getViewBox().scaleBy((0.5, 0.5))
    check()
    plane.data.move_point(0, 2.5, 2.5)
    plane.session.flush()
    check()
    plane.session.set_selected_examples((0, 1))
    check()
    assert any(len(item.data) for item in spots)


def test_side_views_catch_up_while_a_point_is_dragged_and_end_on_the_final_run(qtbot, window):
    """The plane redraws the retrained model on every mouse move; the loss curve and the tables
    follow at most ten times a second during the drag, and show the final run after it."""
    from linviz.ui.views.params_table import VALUE_ROLE

    win = window
    plane, session, data = win.plane, win.session, win.data
    params = win.params_table.model
    status, runs = win.playback_bar.status, win.findChild(QDockWidget, "dock_BranchesPanel").widget()
    calls, cells, statuses, lists = [], [], [], []
    win.loss_curve.curves["loss"].sigPlotChanged.connect(lambda *_: calls.append(1))
    params.dataChanged.connect(lambda *_: cells.append(1))
    runs.model.modelReset.connect(lambda: lists.append(1))
    send_mouse(plane, QEvent.MouseButtonPress, *data.dataset.X[0])
    assert session.dragging
    for k in range(12):  # twelve moves within a few milliseconds
        send_mouse(plane, QEvent.MouseMove, 0.1 * k, -0.2 * k, buttons=Qt.LeftButton)
        assert plane._model_refs[0] is session.history  # the plane shows every retrain
        statuses.append(status.text())
    assert len(calls) <= 2  # the curve did not redraw twelve times
    assert len(cells) <= 2 and len(lists) <= 2  # nor the W and b table, nor the list of runs
    assert len(set(statuses)) <= 2  # the status line follows at the same pace
    qtbot.waitUntil(lambda: np.array_equal(win.loss_curve.curve_data("loss")[1], session.history.loss),
                    timeout=1000)  # still dragging: the curve catches up within a tenth of a second
    assert session.dragging
    send_mouse(plane, QEvent.MouseButtonRelease, 1.1, -2.2)
    assert not session.dragging
    h = session.history
    np.testing.assert_allclose(win.loss_curve.curve_data("loss")[1], h.loss)  # the final run, at once
    t = session.step
    assert params.index(0, 0).data(VALUE_ROLE) == pytest.approx(h.W[t][0, 0])
    shown = status.text().replace("\u00a0", " ")
    assert f"loss {h.loss[t]:.3f}" in shown  # the final run's loss
    assert runs.model.current_row() is not None  # the runs list holds the final run


def test_cached_axes_show_the_ticks_of_the_current_zoom(qtbot, plane):
    """The axes are painted from a pixmap cache (the plane repaints every step); after a zoom
    they show the new ticks, the same pixels as an axis painted afresh."""
    vb = plane.plot.getViewBox()
    axes = [plane.plot.getAxis(name) for name in ("left", "bottom")]
    assert all(a.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache for a in axes)
    before = plane.plot.grab().toImage()
    vb.scaleBy((0.25, 0.25))
    qtbot.wait(20)
    cached = plane.plot.grab().toImage()
    assert cached != before
    for a in axes:
        a.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    qtbot.wait(20)
    assert plane.plot.grab().toImage() == cached


@pytest.mark.parametrize("n_classes", [2, 3, 10])
def test_region_colours_are_the_lut_entry_of_each_cells_winner_and_confidence(n_classes):
    """Each cell's colour, pixel by pixel: the winner's row of the colour table at its
    confidence level (32 levels, 1.0 in the top one), the neutral last entry for a tie."""
    rng = np.random.default_rng(n_classes)
    winner = rng.integers(-1, n_classes, (17, 23)).astype(np.int8)
    confidence = rng.uniform(0, 1, (17, 23)).astype(np.float32)
    confidence[0, :3] = (0.0, 1.0, 0.999)
    lut = style.region_lut(n_classes)
    rgba = style.region_rgba(winner, confidence, lut)
    for (r, c), w in np.ndenumerate(winner):
        want = lut[-1] if w < 0 else lut[int(w) * 32 + min(int(confidence[r, c] * 32), 31)]
        np.testing.assert_array_equal(rgba[r, c], want)


def test_the_loss_axis_only_grows_while_a_point_is_dragged_and_fits_the_run_after(qtbot, window):
    """Each catch-up of the loss curve during a drag would otherwise re-fit its axis, and the
    axis redraws all its ticks: the top grows when a run needs it, never shrinks, until the
    mouse is released; then it fits the final run."""
    win = window
    plane, session, data = win.plane, win.session, win.data
    vb = win.loss_curve.viewbox
    top = lambda: vb.viewRange()[1][1]  # noqa: E731
    send_mouse(plane, QEvent.MouseButtonPress, *data.dataset.X[0])
    tops, peaks = [], []
    for x, y in ((3.0, -3.0), (6.0, -6.0), (0.5, 0.4), (0.4, 0.5)):  # far off (a large loss), then back home
        send_mouse(plane, QEvent.MouseMove, x, y, buttons=Qt.LeftButton)
        qtbot.waitUntil(lambda: np.array_equal(win.loss_curve.curve_data("loss")[1], session.history.loss), timeout=1000)
        tops.append(top())
        peaks.append(float(np.max(session.history.loss)))
    assert all(t >= p for t, p in zip(tops, peaks))  # every run fits under its axis
    assert tops == sorted(tops) and tops[-1] > 1.5 * peaks[-1]  # it stayed up for the far-off run
    send_mouse(plane, QEvent.MouseButtonRelease, 0.4, 0.5)
    assert peaks[-1] <= top() < 1.2 * peaks[-1]  # fitted to the final run at once


# --- the brush ------------------------------------------------------------------------------------


def test_the_brush_paints_a_cloud_of_the_current_class_in_one_drag(qtbot, plane):
    """Brush on, class 3 current: one drag from (−2, −2) to (2, −2) shows a growing cloud and,
    at the release, adds it in one data change — points of class 3, each within the brush's
    radius of the path; the wheel grows the brush instead of zooming."""
    data = plane.data
    plane.set_brush_mode(True)
    plane.brush_rng = np.random.default_rng(7)
    data.set_current_class(2)
    n0 = len(data.dataset)
    view = plane.view_rect()
    vp = plane.plot.viewport()
    wheel_at = plane.data_to_widget(0.0, 0.0)
    r0 = plane.brush_radius
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    wheel = QWheelEvent(QPointF(wheel_at), QPointF(vp.mapToGlobal(wheel_at)), QPoint(0, 0), QPoint(0, 120),
                        Qt.NoButton, Qt.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, wheel)
    assert plane.brush_radius == pytest.approx(1.2 * r0) and plane.view_rect() == view  # no zoom
    changes = []
    data.changed.connect(lambda: changes.append(len(data.dataset)))
    path = [(-2.0 + 0.25 * k, -2.0) for k in range(17)]
    send_mouse(plane, QEvent.MouseButtonPress, *path[0])
    for x, y in path[1:]:
        send_mouse(plane, QEvent.MouseMove, x, y, buttons=Qt.LeftButton)
    assert len(data.dataset) == n0 and len(plane.brush_cloud) > 0  # shown, not added yet
    assert plane.brush_preview.isVisible()
    send_mouse(plane, QEvent.MouseButtonRelease, *path[-1])
    ds = data.dataset
    added = len(ds) - n0
    assert changes == [len(ds)]  # one change: one undo step, one retrain
    assert added >= 5 * plane.brush_density  # a cloud: a dab every R/2 along 4 data units
    assert set(ds.y[n0:].tolist()) == {2}
    R = plane.brush_radius
    new = ds.X[n0:]
    assert np.all(np.abs(new[:, 1] + 2.0) <= R + 1e-9) and np.all((new[:, 0] >= -2 - R) & (new[:, 0] <= 2 + R))
    assert new[:, 0].max() - new[:, 0].min() > 3.0  # spread along the whole drag
    assert not plane.brush_preview.isVisible()

    plane.set_brush_mode(False)  # off: a click adds one point again
    click(qtbot, plane, 1.0, 1.0)
    assert len(data.dataset) == len(ds) + 1


def test_a_brush_stroke_is_one_undo_step_and_g_toggles_the_brush(qtbot, window):
    from linviz.ui.views.plane import PlaneView

    plane: PlaneView = window.plane
    action = window.brush_action
    window.activateWindow()
    plane.setFocus()
    qtbot.keyClick(plane, Qt.Key_G)
    assert plane.brush_mode and action.isChecked()
    before = window.data.dataset
    send_mouse(plane, QEvent.MouseButtonPress, 0.0, 0.0)
    for k in range(1, 8):
        send_mouse(plane, QEvent.MouseMove, 0.2 * k, 0.1 * k, buttons=Qt.LeftButton)
    send_mouse(plane, QEvent.MouseButtonRelease, 1.4, 0.7)
    assert len(window.data.dataset) > len(before) + 3
    assert window.undo.stack.undoText() == "add points"
    window.undo.undo()
    assert window.data.dataset == before
    action.trigger()
    assert not plane.brush_mode
