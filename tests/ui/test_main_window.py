"""The assembled window: it opens trained, loads presets and files, and survives bad input."""

import numpy as np
import pytest

from linviz.engine.datasets import PRESETS, write_points, make_preset
from linviz.ui.widgets import on_screen


def test_opens_with_a_trained_preset_ready_to_play(window):
    h = window.session.history
    assert window.data.dataset.name == "cs231n"
    assert len(h) > 100 and window.session.step == 0
    np.testing.assert_array_equal(h.W[0], window.data.dataset.W0)
    assert "cs231n" in window.windowTitle()


def test_every_preset_is_in_the_menu_and_loads(window):
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "presets_menu")
    names = {a.text() for a in menu.actions()}
    assert names == set(PRESETS)
    for action in menu.actions():
        action.trigger()
        assert window.data.dataset.name == action.text()
        window.session.retrain()  # the data change retrains on the next event-loop turn
        assert window.session.history is not None and len(window.session.history) > 1


def test_a_bad_points_file_leaves_the_points_and_says_why(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Ok)
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y,label\n0.1,0.2,0\n0.3,oops,1\n")
    before = window.data.dataset
    window.open_points(str(bad))
    assert window.data.dataset is before
    assert "line 3" in window.message_label.text()


def test_points_round_trip_through_the_file_menu(window, tmp_path):
    path = tmp_path / "moons.json"
    write_points(make_preset("moons", seed=3), path)
    window.open_points(str(path))
    assert len(window.data.dataset) == len(make_preset("moons", seed=3))
    out = tmp_path / "saved.csv"
    window.save_points(str(out))
    assert out.read_text().count("\n") >= len(window.data.dataset)


def test_a_diverging_learning_rate_is_reported_and_every_view_shows_the_last_finite_step(window, qtbot):
    window.load_preset("blobs")
    window.session.update_settings(lr=1e300)
    window.session.retrain()
    h = window.session.history
    assert h.stop_reason == "diverged"
    assert "diverged" in window.message_label.text() and "smaller learning rate" in window.message_label.text()
    window.session.set_step(h.last)
    assert np.isfinite(window.session.W).all()
    window.session.update_settings(lr=0.1)
    window.session.retrain()
    assert window.message_label.text() == ""


def test_closing_stops_playback(window, qtbot):
    window.playback.play()
    assert window.playback.playing
    window.close()
    assert not window.playback.playing


def test_views_in_hidden_tabs_wait_and_catch_up_when_shown(window, qtbot):
    """The loss surface does no work behind the Scores tab, and is current once shown."""
    from linviz.engine.landscape import flatten

    qtbot.waitUntil(lambda: window.docks["surface"] in window.tabifiedDockWidgets(window.docks["scores"]))
    window.docks["surface"].raise_()
    qtbot.waitUntil(lambda: window.docks["surface"].is_built)
    window.docks["scores"].raise_()
    qtbot.waitUntil(lambda: not on_screen(window.loss_surface))
    window.session.update_settings(lr=0.05)
    qtbot.wait(50)
    assert window.loss_surface._stale
    window.docks["surface"].raise_()
    h = window.session.history
    qtbot.waitUntil(lambda: not window.loss_surface._stale and not window.loss_surface.recompute_pending)
    np.testing.assert_allclose(window.loss_surface.slice.centre, flatten(h.W[-1], h.b[-1]))


def test_tabs_behind_others_are_built_when_first_seen_or_asked_for(window, qtbot):
    """Start-up (issue 17): the first frame builds no view it does not show; a tab brought to the
    front builds its view, current with the run; code asking for a view gets it built."""
    lazy = ("surface", "geometry", "gradcheck", "margins")
    qtbot.wait(50)
    assert [n for n in lazy if window.docks[n].is_built] == []
    window.docks["geometry"].raise_()
    qtbot.waitUntil(lambda: window.docks["geometry"].is_built and on_screen(window.reg_geometry))
    assert window.reg_geometry.grid is not None  # drawn on its first appearance
    assert [n for n in lazy if window.docks[n].is_built] == ["geometry"]
    chart = window.margin_chart  # the accessor builds it
    assert window.docks["margins"].is_built and chart.parentWidget() is not None
    assert window.docks["margins"].widget().widget() is chart
    assert len(chart.m) == len(window.data.dataset)  # the margins of the current run


def test_hidden_surface_marker_catches_up_with_the_step_when_shown(window, qtbot):
    """Behind the Scores tab the surface skips the per-step marker; raised, it shows the current step."""
    surface = window.loss_surface
    qtbot.waitUntil(lambda: window.docks["surface"] in window.tabifiedDockWidgets(window.docks["scores"]))
    window.docks["surface"].raise_()
    qtbot.waitUntil(lambda: surface.path_xy is not None and not surface.recompute_pending and not surface._stale)
    window.session.set_step(0)
    window.docks["scores"].raise_()
    qtbot.waitUntil(lambda: not on_screen(surface))
    window.session.set_step(7)
    np.testing.assert_allclose(np.ravel(surface.current_marker.getData()), surface.path_xy[0])  # not followed
    window.docks["surface"].raise_()
    qtbot.waitUntil(lambda: on_screen(surface))
    np.testing.assert_allclose(np.ravel(surface.current_marker.getData()), surface.path_xy[7])


def test_the_knn_needs_k_points_warning_goes_once_it_is_no_longer_true(window):
    """It stayed up (with a stale count) after points were added or the model switched to SVM."""
    window.session.update_settings(model="knn", knn=window.session.settings.knn.__class__(k=11))
    assert window.session.knn is None and "k = 11" in window.message_label.text()  # cs231n has 9 points
    window.data.add_point(0.1, 0.1, 0)
    window.session.flush()
    assert "the plane has 10" in window.message_label.text()
    window.data.add_point(0.2, 0.1, 1)
    window.session.flush()
    assert window.session.knn is not None and window.message_label.text() == ""
    window.data.clear()
    window.session.flush()
    assert "the plane has 0" in window.message_label.text()
    window.session.update_settings(model="svm")
    assert window.message_label.text() == ""


def test_w_and_b_shows_both_its_tables_whole_at_a_real_size(qtbot):
    """At 1600 × 1000 the W and b dock is tall enough for the parameters and the gradient of
    every class (it was cut after two rows of the gradient)."""
    from linviz.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    table = win.params_table
    for view in (table.view, table.grad_view):
        rows = view.model().rowCount()
        bottom = view.rowViewportPosition(rows - 1) + view.rowHeight(rows - 1)
        assert bottom <= view.viewport().height(), "the last class's row is cut"
        assert view.visibleRegion().boundingRect().height() >= view.height() - 2  # the dock shows it all


@pytest.mark.parametrize("size, plane_px", [((1280, 800), 480), ((1600, 1000), 600), ((1920, 1080), 700)])
def test_the_plane_comes_first_and_the_docks_give_way(qtbot, size, plane_px):
    """The plane's data area gets 0.375 of the width and the height beside the playback bar
    (at 1280 × 800 it had 253 × 312 px); the side docks give way — narrower, scrolling, never
    cut: the loss curve keeps its minimum height, the right column at most a third of the
    width. At 1920 × 1080 there is room for the score table's every example column whole."""
    from linviz.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    data_area = win.plane.plot.getViewBox().sceneBoundingRect()
    assert min(data_area.width(), data_area.height()) >= plane_px, data_area
    right = win.docks["scores"].width()
    assert right <= 0.34 * size[0] + 4
    loss_scroll = win.docks["loss"].widget()
    assert not loss_scroll.verticalScrollBar().isVisible()
    assert win.loss_curve.height() >= win.loss_curve.minimumSizeHint().height()
    if size == (1920, 1080):
        scores = win.score_table.view
        assert not scores.horizontalScrollBar().isVisible()
        assert scores.horizontalHeader().length() <= scores.viewport().width()  # every example column whole
        for view in (win.params_table.view, win.params_table.grad_view):
            assert view.width() <= win.docks["params"].width()  # the b column is not cut off by the dock
