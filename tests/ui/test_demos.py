"""The Lecture dock and menu: each demonstration sets the app's state through the models."""

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QMenu, QPushButton, QTableWidget

from linviz.engine.datasets import make_preset
from linviz.ui import demos
from linviz.ui.models import DatasetModel, SessionModel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def lecture(window):
    """The real main window with the Lecture dock installed (as the lead will do)."""
    panel = demos.install(window)
    window.docks["lecture"].raise_()
    return window, panel


def child(widget, cls, name):
    found = widget.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def measured_cell(panel, row):
    return child(panel, QTableWidget, "demoFigures").item(row, 2)


def test_the_dock_lists_eleven_demonstrations_in_the_lectures_order(lecture):
    window, panel = lecture
    chooser = child(panel, QComboBox, "demoChooser")
    assert chooser.count() == 11
    keys = [chooser.itemData(i) for i in range(chooser.count())]
    assert keys == list(demos.DEMO_KEYS)
    assert keys[:2] == ["small_w", "all_classes"] and keys[-1] == "kernels"
    for demo in demos.demo_list():
        assert demo.title and demo.formula
        assert 3 <= demo.explanation.count(". ") + 1 <= 7, demo.key
    dock = window.findChild(QDockWidget, "dock_LecturePanel")
    assert dock is window.docks["lecture"] and dock in window.tabifiedDockWidgets(window.docks["controls"])
    menu = window.findChild(QMenu, "lecture_menu")
    names = [a.objectName() for a in menu.actions() if a.objectName().startswith("demo_")]
    assert names == [f"demo_{k}" for k in demos.DEMO_KEYS] + ["demo_restore"]
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles.index("Lecture") == titles.index("Help") - 1


def test_next_and_previous_walk_through_the_lecture(qtbot):
    data = DatasetModel(make_preset("cs231n"))
    panel = demos.LecturePanel(data, SessionModel(data))
    qtbot.addWidget(panel)
    title = child(panel, QLabel, "demoTitle")
    assert title.text().startswith("1. ") and not panel.previous.isEnabled()
    qtbot.mouseClick(panel.next, Qt.LeftButton)
    assert title.text().startswith("2. Sum over all classes") and panel.current.key == "all_classes"
    assert "Δ" in child(panel, QLabel, "demoFormula").text()
    panel.select(99)
    assert panel.current.key == "kernels" and not panel.next.isEnabled()
    assert child(panel, QTableWidget, "demoFigures").isHidden()  # nothing measured yet


def test_show_small_w_sets_step_zero_and_shows_the_recorded_loss(lecture, qtbot):
    window, panel = lecture
    session = window.session
    session.set_step(session.history.last)
    qtbot.mouseClick(child(panel, QPushButton, "demoShow"), Qt.LeftButton)
    h = session.history
    assert session.step == 0 and session.settings.model == "svm"
    assert np.abs(h.W[0]).max() < 1e-2 and session.settings.init_scale == pytest.approx(1e-3)
    cell = measured_cell(panel, 0)
    assert cell.data(Qt.UserRole) == h.data_loss[0]
    assert cell.text() == demos.format_number(h.data_loss[0])
    c = window.data.dataset.n_classes
    assert h.data_loss[0] == pytest.approx(c - 1, abs=1e-2)
    assert child(panel, QTableWidget, "demoFigures").item(1, 2).data(Qt.UserRole) == pytest.approx(math.log(c),
                                                                                                    abs=1e-2)
    assert "✔" in child(panel, QLabel, "demoVerdict").text()


def test_restore_brings_back_the_previous_points_and_settings(lecture, qtbot):
    window, panel = lecture
    data, session = window.data, window.session
    data.set_dataset(make_preset("moons"))
    session.update_settings(model="softmax", lr=0.05)
    session.retrain()
    session.set_step(7)
    before = (data.dataset, session.settings)
    restore = child(panel, QPushButton, "demoRestore")
    assert not restore.isEnabled()
    panel.show_demo("kernels")  # changes the points and the features
    panel.show_demo("svm_softmax")  # a second demo: restore still goes back to before the first
    assert data.dataset.name == "separable" and restore.isEnabled()
    qtbot.mouseClick(restore, Qt.LeftButton)
    assert (data.dataset, session.settings) == before
    assert session.step == 7 and not restore.isEnabled()


def test_menu_action_selects_and_runs_the_demo(lecture):
    window, panel = lecture
    window.findChild(QMenu, "lecture_menu").findChild(QAction, "demo_kernels").trigger()
    assert panel.current.key == "kernels"
    assert window.data.dataset.name == "circles"
    assert window.session.settings.train.features.kind == "poly2"
    assert window.session.history.train_acc[window.session.step] == pytest.approx(1.0, abs=0.02)


# --- the runner on bare models: each demo leaves the app in its state --------------------------


@pytest.fixture
def runner(qtbot):
    data = DatasetModel(make_preset("cs231n"))
    return demos.DemoRunner(data, SessionModel(data))


def test_every_demonstration_meets_the_lecture_on_its_presets(runner):
    for key in demos.DEMO_KEYS:
        lesson = runner.run(key)
        assert lesson.holds, (key, lesson.verdict)


def test_all_classes_demo_measures_the_session_loss(runner):
    lesson = runner.run("all_classes")
    s = runner.session
    assert s.settings.train.loss.all_classes and s.step == s.history.last
    assert lesson.measured == s.history.data_loss[s.step]
    assert lesson.expected == pytest.approx(lesson.figures[1].measured + 1.0)


def test_delta_lambda_demo_leaves_delta_100(runner):
    lesson = runner.run("delta_lambda")
    t = runner.session.settings.train
    assert (t.loss.delta, t.reg.lam, t.lr) == (100.0, pytest.approx(1e-3), pytest.approx(10.0))
    assert lesson.measured == pytest.approx(100.0)


def test_small_move_demo_moves_a_correct_point_and_selects_it(runner):
    before = runner.data.dataset
    lesson = runner.run("small_move")
    after = runner.data.dataset
    (index,) = runner.session.selected_examples
    if after.name == before.name:
        moved = np.flatnonzero(np.any(after.X != before.X, axis=1))
        assert list(moved) == [index]
    assert lesson.measured == 0.0 and lesson.holds  # the SVM's Lᵢ after the move


def test_extremes_demo_drags_a_point_to_the_wrong_side(runner):
    runner.run("extremes")
    s, ds = runner.session, runner.data.dataset
    assert ds.name == "separable" and np.abs(ds.X).max() <= 3.0
    assert s.settings.train.reg.kind == "none"
    assert s.history.data_loss[s.history.last] > 0  # no longer separable
    assert s.selected_examples == (0,)


def test_a_demo_on_other_classes_with_continue_on_retrains_from_zero(runner):
    runner.data.set_dataset(make_preset("moons"))  # 2 classes; the demo loads 3
    runner.session.update_settings(restart=False)
    runner.session.retrain()
    runner.run("squared")
    s = runner.session
    assert s.history.parent is None and s.history.W.shape[1:] == (3, 2)
    assert s.settings.restart is False and s.settings.train.loss.squared
    runner.restore()
    assert runner.data.dataset.name == "moons" and not s.settings.train.loss.squared


def test_restore_without_a_demo_does_nothing(runner):
    assert runner.restore() is False
