"""The compare window: panes on the same points, from the same W0, moved by one clock."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from linviz.engine.datasets import make_preset
from linviz.ui import compare
from linviz.ui.compare import MAX_PANES, MIN_PANES, PRESETS, CompareWindow
from linviz.ui.models import DatasetModel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def win(qtbot):
    """A compare window on the CS231n points (which carry their own W0, b0), shown."""
    data = DatasetModel(make_preset("cs231n"))
    w = CompareWindow(data)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitUntil(w.isVisible)
    yield w
    w.pause()


def steps(w) -> list[int]:
    return [p.session.step for p in w.panes]


def assert_same_start(w) -> None:
    h0 = w.panes[0].session.history
    for p in w.panes[1:]:
        np.testing.assert_array_equal(p.session.history.W[0], h0.W[0])
        np.testing.assert_array_equal(p.session.history.b[0], h0.b[0])


def test_every_pane_starts_from_the_same_w0(win, qtbot):
    win.apply_preset("SGD vs momentum vs Adam")
    win.add_pane()
    assert len(win.panes) == 4
    assert_same_start(win)
    np.testing.assert_array_equal(win.panes[0].session.history.W[0], win.data.dataset.W0)  # the preset's W0
    win.data.set_dataset(make_preset("blobs", seed=3))  # no W0 of its own: one seeded random draw for all
    qtbot.waitUntil(lambda: all(p.session.history.n_train == len(win.data.dataset) for p in win.panes))
    assert_same_start(win)
    assert np.abs(win.panes[0].session.history.W[0]).max() > 0
    before = win.panes[0].session.history.W[0].copy()
    win.randomize_start(seed=7)
    assert_same_start(win)
    assert not np.array_equal(win.panes[0].session.history.W[0], before) and win.step == 0


def test_every_preset_gives_its_panes(win):
    for name, make in PRESETS.items():
        win.apply_preset(name)
        assert len(win.panes) == len(make(win.base)) and win.step == 0
        assert len({p.name for p in win.panes}) == len(win.panes)  # headers tell the panes apart
        assert win.preset_combo.currentText() == name
        assert_same_start(win)
    kinds = [p.session.settings.train.reg.kind for p in win.panes]
    assert kinds == ["l1", "l2"]


def test_svm_vs_softmax_curves_equal_their_histories(win):
    win.apply_preset("SVM vs Softmax")
    assert [p.session.history.config.loss.kind for p in win.panes] == ["svm", "softmax"]
    assert len(win.curves) == 2
    for pane, curve in zip(win.panes, win.curves):
        h = pane.session.history
        x, y = curve.getOriginalDataset()
        np.testing.assert_array_equal(y, h.loss[: len(h)])
        np.testing.assert_array_equal(x, np.arange(len(h)))
        assert curve.name() == pane.name and curve.isVisible()
        assert pane.name in pane.header.text()
    legend = [label.text() for label in win.overlay.legend_labels if label.isVisible()]
    assert [p.name in text for p, text in zip(win.panes, legend)] == [True, True]
    assert win.panes[0].name.startswith("SVM · SGD · batch full") and win.panes[1].name.startswith("Softmax")


def test_play_moves_every_pane_together_and_pause_stops(win, qtbot):
    seen = []
    win.clock.step_changed.connect(lambda t: seen.append((t, steps(win))))
    win.play()
    assert win.clock.playing
    qtbot.waitUntil(lambda: win.step >= 4)
    win.pause()
    assert not win.clock.playing
    assert all(s == [t] * len(win.panes) for t, s in seen)
    stopped = win.step
    qtbot.wait(150)
    assert win.step == stopped and steps(win) == [stopped] * 2
    for _ in range(3):
        win.clock.tick()
    assert win.step == stopped + 3 and steps(win) == [stopped + 3] * 2


def test_scrubbing_sets_every_pane(win):
    win.scrubber.setValue(120)
    assert win.step == 120 and steps(win) == [120, 120]
    win.set_step(37)
    assert steps(win) == [37, 37] and win.scrubber.value() == 37 and win.overlay.cursor.value() == 37
    win.overlay._scrub(80.4)  # a click in the loss plot at x = 80.4
    assert steps(win) == [80, 80]
    win.actions_by_name["back"].trigger()
    assert steps(win) == [79, 79]
    win.actions_by_name["last"].trigger()
    assert win.step == win.clock.last == win.panes[0].session.history.last


def test_playing_past_the_end_trains_every_pane_on(win):
    last = win.clock.last
    win.set_step(last)
    win.clock.tick()
    assert steps(win) == [last + 1] * 2
    assert all(p.session.history.last > last for p in win.panes) and win.scrubber.maximum() > last


def test_a_pane_that_stopped_shows_its_last_step(win):
    win.panes[0].session.update_settings(tol=1e-2)  # this run's loss stops changing early
    end = win.panes[0].session.history.last
    assert win.panes[0].session.history.stop_reason == "small_change" and end < 150
    win.set_step(150)
    assert steps(win) == [end, 150] and win.step == 150
    assert f"stopped at step {end} (change below tol)" in win.panes[0].status.text()
    assert "stopped" not in win.panes[1].status.text() and "loss" in win.panes[1].status.text()


def test_a_point_added_retrains_every_pane(win, qtbot):
    win.set_step(20)
    old = [p.session.history for p in win.panes]
    win.data.add_point(0.1, 0.1, 0)
    qtbot.waitUntil(lambda: all(p.session.history is not h for p, h in zip(win.panes, old)))
    assert all(p.session.history.n_train == 10 for p in win.panes)
    assert steps(win) == [20, 20] and win.step == 20
    x, y = win.curves[0].getOriginalDataset()
    np.testing.assert_array_equal(y, win.panes[0].session.history.loss)
    assert len(win.panes[0].plane.points_item.data) == 10


def test_add_and_remove_keep_two_to_four_panes(win, qtbot):
    assert len(win.panes) == MIN_PANES and not win.remove_button.isEnabled()
    win.remove_pane(0)
    assert len(win.panes) == MIN_PANES
    qtbot.mouseClick(win.add_button, Qt.MouseButton.LeftButton)
    win.add_pane()
    assert len(win.panes) == MAX_PANES and not win.add_button.isEnabled()
    assert win.add_pane() is None and len(win.panes) == MAX_PANES
    assert_same_start(win)
    assert steps(win) == [win.step] * 4
    win.set_step(12)
    removed = win.panes[1]
    win.remove_pane(1)
    assert len(win.panes) == 3 and removed not in win.panes
    assert [p.letter for p in win.panes] == ["A", "C", "D"]
    assert len(win.curves) == 3 and not win.overlay.curves[removed.slot].isVisible()
    assert not win.overlay.legend_labels[removed.slot].isVisible()
    qtbot.mouseClick(win.remove_button, Qt.MouseButton.LeftButton)
    assert len(win.panes) == MIN_PANES and not win.remove_button.isEnabled()
    assert win.add_pane().letter == "B"  # the free slot
    qtbot.wait(10)  # removed panes are deleted on the next turn of the event loop
    win.data.add_point(0.2, 0.2, 1)  # their sessions must not answer
    qtbot.waitUntil(lambda: all(p.session.history.n_train == 10 for p in win.panes))


def test_editing_a_pane_retrains_it_alone(win):
    other = win.panes[1].session.history
    pane = win.panes[0]
    box = pane.editor.lr
    box.setEditText("0.01")
    box.lineEdit().editingFinished.emit()
    assert pane.session.settings.train.lr == 0.01 and pane.session.history.config.lr == 0.01
    assert win.panes[1].session.history is other
    assert "α 0.01" in pane.header.text() and win.preset_combo.currentIndex() == -1
    np.testing.assert_array_equal(win.curves[0].getOriginalDataset()[1], pane.session.history.loss)
    pane.editor.optimizer.setCurrentIndex(pane.editor.optimizer.findData("adam"))
    assert pane.session.settings.train.optimizer.kind == "adam" and "Adam" in pane.name
    box.setEditText("-3")  # not a learning rate: the box shows the value again
    box.lineEdit().editingFinished.emit()
    assert pane.session.settings.train.lr == 0.01 and box.currentText() == "0.01"
    assert_same_start(win)


def test_delta_preset_draws_the_same_boundaries(win):
    win.apply_preset("Δ = 1 vs Δ = 100 (λ scaled)")
    a, b = (p.session for p in win.panes)
    assert b.settings.train.loss.delta == 100 and b.settings.train.reg.lam == pytest.approx(
        a.settings.train.reg.lam / 100)
    assert win.overlay.log_check.isChecked()
    win.set_step(a.history.last)
    agree = (win.panes[0].plane.regions.winner == win.panes[1].plane.regions.winner).mean()
    assert agree > 0.97
    assert b.history.loss[-1] == pytest.approx(100 * a.history.loss[-1], rel=0.05)


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # offscreen; a desktop raises it
def test_installed_action_opens_the_window_on_the_main_points(window, qtbot):
    action = compare.install(window)
    assert action.objectName() == "action_compare"
    assert action.shortcut() == QKeySequence("Ctrl+K")
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert any(action in m.actions() for m in menus)
    action.trigger()
    cw = window.compare_window
    qtbot.waitUntil(cw.isVisible)
    assert cw.data is window.data and len(cw.panes) == 2
    assert compare.open_compare(window) is cw  # a second Ctrl+K raises the same window
    window.data.add_point(-1.0, -1.0, 2)
    qtbot.waitUntil(lambda: all(p.session.history.n_train == len(window.data.dataset) for p in cw.panes))
    cw.close()
    qtbot.waitUntil(lambda: not compare.shiboken6.isValid(cw))  # deleted on close: nothing retrains
    window.data.add_point(1.0, -1.0, 2)
    qtbot.wait(10)


def test_frame_benchmark_reports_against_one_pane(qapp):
    from linviz.bench_ui_compare import bench_compare_frame

    r = bench_compare_frame(repeats=10, warmup=1)
    assert r["frames"] == 10 and r["p95_s"] >= r["median_s"] > 0 and r["baseline_median_s"] > 0
    assert r["ratio"] == pytest.approx(r["baseline_median_s"] / r["median_s"]) and isinstance(r["met"], bool)
    assert 0 < r["cpu_median_s"] <= r["cpu_p95_s"]


def test_transport_keys_work_from_a_pane_editor(win, qtbot):
    from PySide6.QtWidgets import QApplication

    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    box = win.panes[1].editor.lr
    box.lineEdit().setFocus()
    qtbot.waitUntil(box.lineEdit().hasFocus)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Space)
    assert win.clock.playing and box.currentText() == "0.1"  # Space plays; the box keeps its text
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Space)
    assert not win.clock.playing
    win.panes[0].editor.model.setFocus()
    win.set_step(10)
    qtbot.keyClick(win.panes[0].editor.model, Qt.Key.Key_Right)
    assert steps(win) == [11, 11]
    qtbot.keyClick(win.panes[0].editor.model, Qt.Key.Key_End)
    assert win.step == win.clock.last
    qtbot.keyClick(win.panes[0].editor.model, Qt.Key.Key_Home)
    assert steps(win) == [0, 0]


@pytest.mark.parametrize("language", ["en", "es"])
def test_four_panes_fit_a_projector_of_1280_pixels(qapp, qtbot, language):
    """At 1280 × 800 the window holds four panes and the legend: nothing runs off the right edge."""
    from linviz.ui import i18n

    i18n.set_language(qapp, language)
    try:
        w = CompareWindow(DatasetModel(make_preset("cs231n")), preset="SGD vs momentum vs Adam")
        qtbot.addWidget(w)
        w.add_pane()
        w.resize(1280, 800)
        w.show()
        qtbot.waitExposed(w)

        def right(widget) -> int:
            return widget.mapTo(w, widget.rect().bottomRight()).x()

        legend = w.overlay.legend_panel  # takes its share of the overlay's width after the first layout
        qtbot.waitUntil(lambda: right(legend) < w.width(), timeout=2000)
        assert len(w.panes) == 4 and w.width() <= 1280
        assert [right(p) < w.width() for p in w.panes] == [True] * 4
        w.close()
    finally:
        i18n.set_language(qapp, "en")


def test_every_pane_control_writes_its_setting_and_follows_it(win):
    pane = win.panes[0]
    e = pane.editor

    def typed(box, text):
        box.setEditText(text)
        box.lineEdit().editingFinished.emit()

    e.reg.setCurrentIndex(e.reg.findData("l1"))
    typed(e.lam, "0.5")
    typed(e.delta, "3")
    e.batch.setCurrentIndex(e.batch.findData(8))
    t = pane.session.settings.train
    assert (t.reg.kind, t.reg.lam, t.loss.delta, t.batch_size) == ("l1", 0.5, 3.0, 8)
    assert pane.session.history.config.reg.kind == "l1"  # retrained with them
    e.model.setCurrentIndex(e.model.findData("softmax"))
    assert pane.session.settings.model == "softmax" and not e.delta.isEnabled()
    pane.session.update_settings(lr=0.3, batch_size=5)  # set elsewhere: the editor shows it
    assert e.lr.currentText() == "0.3" and e.batch.currentData() == 5
