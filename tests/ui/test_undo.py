"""Undo and redo: each edit comes back exactly — the points, the settings and the run shown."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtWidgets import QMenu

from linviz.engine.datasets import make_preset
from linviz.engine.regularizers import RegConfig
from linviz.ui import undo
from linviz.ui.undo import changed_settings, describe_data_change, describe_settings_change

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


class Clock:
    """A hand-driven clock for the merge window."""

    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


@pytest.fixture
def mgr(window):
    m = undo.install(window)
    m.clock = Clock()
    return m


def settle(window):
    """The retrain a data change schedules for the next event-loop turn, now."""
    window.session.retrain()


def state(window):
    s = window.session
    return window.data.dataset, s.settings, s.history, s.step, list(s.branches)


def assert_state(window, expected):
    ds, settings, hist, step, branches = expected
    now = state(window)
    assert now[0] == ds and now[1] == settings and now[3] == step
    assert now[2] is hist and now[4] == branches  # the very run shown before, with its branches


def test_undo_redo_add_point(window, mgr):
    before = state(window)
    window.data.add_point(0.25, -0.75, 2)
    settle(window)
    after = window.data.dataset
    assert mgr.stack.count() == 1 and mgr.stack.undoText() == "add point"
    mgr.undo()
    assert_state(window, before)
    assert mgr.stack.count() == 1  # the restore itself is not recorded
    mgr.redo()
    assert window.data.dataset == after and len(window.data.dataset) == 10
    np.testing.assert_array_equal(window.session.history.W[0], after.W0)


def test_a_drag_is_one_undo_step_and_two_drags_are_two(window, mgr):
    before = state(window)
    start = window.data.dataset
    for k in range(15):
        mgr.clock.t += 0.02
        window.data.move_point(3, -0.4 + 0.02 * k, 0.3)
    middle = window.data.dataset
    assert mgr.stack.count() == 1 and mgr.stack.undoText() == "move point"
    mgr.clock.t += 5  # a new gesture
    for k in range(5):
        mgr.clock.t += 0.02
        window.data.move_point(3, 0.1, 0.1 * k)
    assert mgr.stack.count() == 2
    mgr.undo()
    assert window.data.dataset == middle
    mgr.undo()
    assert window.data.dataset == start
    assert_state(window, before)
    window.data.move_point(3, 0.0, 0.0)  # moving another point is another step, even at once
    window.data.move_point(4, 0.0, 0.1)
    assert mgr.stack.count() == 2 and mgr.stack.undoText() == "move point"


def test_undo_class_rename_and_number_of_classes(window, mgr):
    before = state(window)
    window.data.set_class_names(["cat", "class 2", "class 3"])
    assert mgr.stack.undoText() == "rename class"
    settle(window)
    renamed = state(window)
    window.data.set_n_classes(2)
    assert mgr.stack.undoText() == "change number of classes" and len(window.data.dataset) == 6
    mgr.undo()
    assert_state(window, renamed)
    mgr.undo()
    assert_state(window, before)
    mgr.redo()
    mgr.redo()
    assert window.data.dataset.class_names == ("cat", "class 2") and len(window.data.dataset) == 6


def test_undo_lambda_change_restores_settings_and_run(window, mgr):
    s = window.session
    s.set_step(40)
    before = state(window)
    s.set_settings(replace(s.settings, train=replace(s.settings.train, reg=RegConfig("l2", 0.7))))
    assert mgr.stack.undoText() == "change λ"
    changed = s.history
    mgr.undo()
    assert_state(window, before)
    mgr.redo()
    assert s.settings.train.reg.lam == 0.7
    np.testing.assert_array_equal(s.history.W, changed.W)


def test_quick_changes_of_one_setting_merge_like_a_slider(window, mgr):
    s = window.session
    before = s.settings
    for lam in (0.2, 0.3, 0.4):
        mgr.clock.t += 0.1
        s.set_settings(replace(s.settings, train=replace(s.settings.train, reg=RegConfig("l2", lam))))
    assert mgr.stack.count() == 1
    mgr.clock.t += 0.1
    s.update_settings(lr=0.3)  # another setting: another step
    assert mgr.stack.count() == 2 and mgr.stack.undoText() == "change learning rate"
    mgr.undo()
    mgr.undo()
    assert s.settings == before


def test_undo_a_settings_branch_restores_the_run_it_branched_from(window, mgr):
    s = window.session
    s.update_settings(restart=False)
    s.set_step(25)
    before = state(window)
    s.update_settings(lr=0.02)  # continues from step 25 as a branch
    assert s.history.parent is before[2] and len(s.branches) == 2
    mgr.undo()
    assert_state(window, before)


def test_undo_redo_a_W_edit(window, mgr):
    s = window.session
    s.set_step(10)
    before = state(window)
    W = s.W.copy()
    W[2, 1] = -2.5
    s.edit_params(W, s.b)
    edited = state(window)
    assert mgr.stack.count() == 1 and mgr.stack.undoText() == "edit W and b"
    np.testing.assert_array_equal(s.W, W)
    s.set_step(50)
    mgr.undo()
    assert_state(window, before)
    mgr.redo()
    assert_state(window, edited)
    np.testing.assert_array_equal(s.W, W)


def test_playback_and_retraining_are_not_recorded(window, mgr):
    s = window.session
    s.set_step(s.history.last)
    assert s.step_forward()
    s.retrain()
    s.set_selected_examples([1, 2])
    assert mgr.stack.count() == 0


def test_load_preset_and_clear_are_undoable(window, mgr):
    before = state(window)
    window.load_preset("moons")
    assert mgr.stack.undoText() == "load moons"
    settle(window)
    window.data.clear()
    assert mgr.stack.undoText() == "clear points"
    mgr.undo()
    mgr.undo()
    assert_state(window, before)


def test_edit_menu_says_what_will_be_undone(window, mgr):
    bar = window.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert titles.index("&Edit") == titles.index("&File") + 1
    menu = window.findChild(QMenu, "edit_menu")
    actions = {a.objectName(): a for a in menu.actions()}
    undo_action, redo_action = actions["undo"], actions["redo"]
    assert undo_action.shortcut().toString() == "Ctrl+Z"
    assert redo_action.shortcut().toString() == "Ctrl+Shift+Z"
    assert not undo_action.isEnabled()
    window.data.add_point(0.5, 0.5)
    assert undo_action.isEnabled() and undo_action.text() == "Undo add point"
    undo_action.trigger()
    assert len(window.data.dataset) == 9 and redo_action.text() == "Redo add point"
    assert undo.install(window) is mgr


def test_describe_changes():
    ds = make_preset("cs231n")
    assert describe_data_change(ds, ds.with_moved_point(4, 0.0, 0.0)) == ("move point", 4)
    assert describe_data_change(ds, ds.without_point(0)) == ("remove point", None)
    assert describe_data_change(ds, ds.with_class_names(("a", "class 2", "class 3"))) == ("rename class", None)
    assert describe_data_change(ds, make_preset("xor")) == ("load xor", None)
    assert changed_settings(_settings(), _settings(lr=0.5)) == ("train.lr",)
    assert describe_settings_change(("train.reg.lam",)) == "change λ"
    assert describe_settings_change(("train.lr", "model")) == "change settings"


def _settings(**train):
    from linviz.ui.models import Settings

    s = Settings()
    return replace(s, train=replace(s.train, **train))


def test_old_steps_forget_their_run_yet_undo_to_the_same_points_and_values(window, mgr, monkeypatch):
    monkeypatch.setattr(undo, "KEEP_RUNS", 1)
    start, h0 = window.data.dataset, window.session.history
    window.data.add_point(0.1, 0.2)
    settle(window)
    window.data.add_point(0.3, 0.4)
    settle(window)
    assert mgr.stack.command(0).shown is None and mgr.stack.command(1).shown is not None
    mgr.undo()
    mgr.undo()
    assert window.data.dataset == start
    np.testing.assert_array_equal(window.session.history.W, h0.W)  # retrained: the same values


def test_deleting_a_window_with_a_redo_step_raises_nothing(qtbot):
    """The undo stack is deleted before the object that labels Edit ▸ Undo / Redo; its
    destructor still emits redoTextChanged, and the label's slot read the deleted stack
    (RuntimeError inside a slot, on every window close with something to redo)."""
    import sys

    from PySide6.QtTest import QTest

    from linviz.ui.main_window import MainWindow

    seen = []
    hook, sys.excepthook = sys.excepthook, lambda *exc: seen.append(exc)
    try:
        win = MainWindow()
        win.data.add_point(0.1, 0.2)
        win.undo.undo()
        assert win.undo.stack.canRedo()
        win.close()
        win.deleteLater()
        QTest.qWait(50)  # an event loop runs the deferred delete
    finally:
        sys.excepthook = hook
    assert not seen, seen[0][1]
