"""Lessons in the window: save/open round trip, bad files, the unsaved mark and close guard,
autosave and restore, recent lessons and the CSV exports."""

from __future__ import annotations

import csv
import json
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from linviz.engine.lesson_file import history_columns
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import History
from linviz.ui import app_settings, lesson, undo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


class Boxes:
    """Stands in for QMessageBox's static functions: answers questions from a queue (Discard when
    it is empty, as when pytest-qt closes the window after the test), records everything."""

    def __init__(self):
        self.answers: list = []
        self.questions: list[str] = []
        self.warnings: list[str] = []

    def question(self, parent, title, text, *args, **kwargs):
        self.questions.append(text)
        return self.answers.pop(0) if self.answers else QMessageBox.Discard

    def warning(self, parent, title, text, *args, **kwargs):
        self.warnings.append(text)
        return QMessageBox.Ok


@pytest.fixture
def boxes(tmp_path, monkeypatch):
    """No real dialogs, and the user's folders and settings are in tmp_path."""
    monkeypatch.setattr(lesson, "user_data_folder", lambda: tmp_path / "userdata")
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(app_settings, "qsettings", lambda: QSettings(ini, QSettings.IniFormat))
    b = Boxes()
    monkeypatch.setattr(QMessageBox, "question", b.question)
    monkeypatch.setattr(QMessageBox, "warning", b.warning)
    return b


@pytest.fixture
def ctl(window, boxes):
    undo.install(window)
    c = lesson.install(window)
    return c


def settle(window):
    """Run the retrain a data change schedules for the next event-loop turn."""
    lesson.flush_retrain(window.session)


def snapshot(window):
    s = window.session
    return dict(dataset=window.data.dataset, settings=s.settings, history=s.history, step=s.step,
                branches=list(s.branches), selected=s.chosen_examples, current_class=window.data.current_class)


def assert_same_history(a: History, b: History):
    assert len(a) == len(b) and a.config == b.config and a.stop_reason == b.stop_reason
    for name in History.ARRAYS:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


def prepared(window):
    """A lesson as a teacher prepares it: own points and classes, settings, a branch and a typed W."""
    data, s = window.data, window.session
    data.add_point(0.9, 0.9, 1)
    data.move_point(0, 0.45, 0.35)
    data.set_class_names(["cat", "dog", "frog"])
    settle(window)
    s.set_settings(replace(s.settings, restart=False, train=replace(s.settings.train, lr=0.05, seed=7)))
    s.set_step(30)
    s.set_settings(replace(s.settings, train=replace(s.settings.train, reg=RegConfig("l1", 0.02))))  # a branch at 30
    s.set_step(60)
    W = s.W.copy()
    W[1, 0] += 0.75
    s.edit_params(W, s.b)  # a typed W: a branch at 60
    s.set_step(75)
    s.set_selected_examples([2, 9])
    data.set_current_class(2)


def test_save_then_open_gives_the_identical_state(window, ctl, tmp_path):
    prepared(window)
    before = snapshot(window)
    assert len(before["branches"]) == 4 and before["history"].parent is not None
    path = tmp_path / "demo.linviz"
    assert ctl.save_as(str(tmp_path / "demo"))  # the suffix is added
    assert ctl.path == path and path.is_file() and not ctl.dirty
    assert ctl.new_lesson()
    assert window.data.dataset.name == "cs231n" and len(window.data.dataset) == 9
    assert ctl.open_lesson(str(path))
    after = snapshot(window)
    assert after["dataset"] == before["dataset"]
    assert after["settings"] == before["settings"]
    assert (after["step"], after["selected"], after["current_class"]) == (75, (2, 9), 2)
    assert_same_history(after["history"], before["history"])
    assert len(after["branches"]) == len(before["branches"])
    for a, b in zip(after["branches"], before["branches"]):
        assert_same_history(a, b)
    assert after["history"].parent is after["branches"][2]
    assert window.message_label.property("level") == "info"  # no replay warning
    assert not ctl.dirty and window.windowTitle().startswith("demo.linviz — ")


def test_a_knn_lesson_round_trips(window, ctl, tmp_path):
    window.session.update_settings(model="knn", knn=replace(window.session.settings.knn, k=5))
    path = tmp_path / "knn.linviz"
    assert ctl.save_to(path)
    ctl.new_lesson()
    assert ctl.load(path)
    assert window.session.settings.model == "knn" and window.session.settings.knn.k == 5
    assert window.session.history is None and window.session.knn is not None


BAD_FILES = {
    "truncated": (lambda text: text[: len(text) // 3], "truncated"),
    "newer": (lambda text: text.replace('"version": 1,', '"version": 2,', 1), "newer linviz"),
    "NaN point": (lambda text: text.replace("[0.5, 0.4, 0]", "[NaN, 0.4, 0]"), "points[0]"),
    "huge point": (lambda text: text.replace("[0.5, 0.4, 0]", "[1e308, 0.4, 0]"), "points[0]"),
    "wrong type": (lambda text: text.replace('"step": 0', '"step": "zero"'), "step"),
    "bad model": (lambda text: text.replace('"model": "svm"', '"model": "tree"'), "settings: model"),
}


def test_a_bad_lesson_leaves_everything_as_it_was_and_says_why(window, ctl, boxes, tmp_path):
    good = tmp_path / "good.linviz"
    ctl.save_to(good)
    text = good.read_text(encoding="utf-8")
    window.data.add_point(-0.5, 0.5)
    settle(window)
    before = snapshot(window)
    for case, (make, expected) in BAD_FILES.items():
        bad_text = make(text)
        assert bad_text != text, case
        bad = tmp_path / f"bad {case}.linviz"
        bad.write_text(bad_text, encoding="utf-8")
        assert not ctl.load(bad), case
        after = snapshot(window)
        assert all(after[k] is before[k] or after[k] == before[k] for k in before), case
        assert after["history"] is before["history"] and after["branches"] == before["branches"], case
        assert ctl.path == good and ctl.dirty, case
        assert boxes.warnings[-1].startswith(f"bad {case}.linviz: ") and expected in boxes.warnings[-1], case
        assert expected in window.message_label.text(), case
    assert len(boxes.warnings) == len(BAD_FILES)


def test_title_marks_unsaved_changes_until_saved(window, ctl, tmp_path):
    assert "*" not in window.windowTitle() and window.windowTitle().startswith("Untitled lesson — linviz")
    window.data.add_point(0.2, -0.7)
    assert ctl.dirty and window.windowTitle().startswith("Untitled lesson* — ")
    ctl.save_to(tmp_path / "a.linviz")
    assert window.windowTitle().startswith("a.linviz — ") and "*" not in window.windowTitle()
    window.session.update_settings(lr=0.3)
    assert window.windowTitle().startswith("a.linviz* — ")
    ctl.save()
    s = window.session
    s.set_step(20)  # looking around is not a change, nor is playing past the end
    s.set_step(s.history.last)
    n = len(s.history)
    assert s.step_forward() and len(s.history) > n
    assert not ctl.dirty
    W = s.W.copy()
    W[0, 0] = 3.0
    s.edit_params(W, s.b)
    assert ctl.dirty


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, ctl, boxes, tmp_path):
    ctl.arm()
    window.data.add_point(0.1, 0.1)
    boxes.answers = [QMessageBox.Cancel]
    assert not window.close()
    lock = ctl.lock_path
    assert window.isVisible() and ctl.armed and lock.exists()
    assert "Save the changes to Untitled lesson first?" in boxes.questions[0]
    boxes.answers = [QMessageBox.Discard]
    assert window.close()
    assert not window.isVisible()
    assert not lock.exists() and not any(lesson.autosave_folder().iterdir())  # a clean exit


def test_closing_with_save_writes_the_file(window, ctl, boxes, tmp_path):
    path = tmp_path / "kept.linviz"
    ctl.save_to(path)
    ctl.arm()
    window.data.add_point(0.3, 0.1)
    boxes.answers = [QMessageBox.Save]
    assert window.close()
    assert len(json.loads(path.read_text(encoding="utf-8"))["dataset"]["points"]) == 10


def test_closing_without_changes_does_not_ask(window, ctl, boxes):
    ctl.arm()
    assert window.close() and boxes.questions == []


def test_autosave_after_a_change_and_restore_after_a_crash(window, ctl, boxes, tmp_path):
    assert lesson.offer_restore(window) is False and boxes.questions == []  # nothing to restore: no question
    assert ctl.armed and ctl.lock_path.exists()
    window.data.add_point(-0.8, -0.8, 1)
    window.session.update_settings(lr=0.02)
    assert ctl.autosave_timer.isActive() and ctl.autosave_timer.interval() <= lesson.AUTOSAVE_MS
    ctl.autosave_timer.timeout.emit()  # as if 5 s had passed
    crashed = ctl.autosave_path
    assert crashed.is_file()
    saved = snapshot(window)

    ctl.disarm()  # "crash": the lock goes (as the OS drops it), the autosave stays behind
    boxes.answers = [QMessageBox.Discard]
    ctl.new_lesson()
    assert len(window.data.dataset) == 9

    boxes.answers = [QMessageBox.Yes]
    assert lesson.offer_restore(window) is True
    assert "did not close properly" in boxes.questions[-1]
    now = snapshot(window)
    assert now["dataset"] == saved["dataset"] and now["settings"] == saved["settings"]
    assert_same_history(now["history"], saved["history"])
    assert ctl.dirty and ctl.armed
    assert not crashed.exists() and ctl.autosave_path.is_file()  # restored work is this window's now


def test_declining_the_restore_removes_the_autosave(window, ctl, boxes):
    lesson.user_data_folder().mkdir(parents=True)
    ctl.arm()
    window.data.add_point(0.4, 0.4)
    assert ctl.autosave_now()
    crashed = ctl.autosave_path
    ctl.disarm()
    boxes.answers = [QMessageBox.No]
    assert lesson.offer_restore(window) is False
    assert not crashed.exists() and len(window.data.dataset) == 10


def test_autosave_writes_what_is_new_saving_removes_it_and_unarmed_never_writes(window, ctl, tmp_path):
    window.data.add_point(0.4, 0.4)
    assert not ctl.autosave_now()  # not armed (as in every other test): nothing is written
    assert not lesson.user_data_folder().exists()
    ctl.arm()
    assert ctl.autosave_now() and ctl.autosave_path.exists()
    assert not ctl.autosave_now()  # nothing new since
    window.session.update_settings(lr=0.01)
    assert ctl.autosave_now()
    ctl.save_to(tmp_path / "x.linviz")
    assert not ctl.autosave_path.exists() and not ctl.autosave_timer.isActive()


def test_recent_lessons_newest_first_at_most_eight_missing_ones_pruned(window, ctl, tmp_path):
    paths = [tmp_path / f"l{i}.linviz" for i in range(10)]
    for p in paths:
        ctl.save_to(p)
    recent = ctl.recent_files()
    assert recent == [str(p.resolve()) for p in reversed(paths)][: lesson.MAX_RECENT]
    paths[8].unlink()
    ctl.refresh_recent_menu()
    names = [a.text() for a in ctl.recent_menu.actions() if a.objectName().startswith("recent_lesson_")]
    assert names[0] == "&1 l9.linviz" and "&2 l7.linviz" in names and len(names) == 7
    assert "l8.linviz" in window.message_label.text() and "Removed" in window.message_label.text()
    assert str(paths[8].resolve()) not in ctl.recent_files()


def test_opening_a_recent_lesson_from_the_menu(window, ctl, boxes, tmp_path):
    p = tmp_path / "one.linviz"
    window.data.add_point(0.7, -0.2)
    ctl.save_to(p)
    ctl.new_lesson()
    ctl.refresh_recent_menu()
    action = next(a for a in ctl.recent_menu.actions() if a.objectName() == "recent_lesson_0")
    action.trigger()
    assert ctl.path == p and len(window.data.dataset) == 10


def test_new_and_open_ask_about_unsaved_changes_and_cancel_changes_nothing(window, ctl, boxes, tmp_path):
    window.data.add_point(0.7, -0.2)
    before = window.data.dataset
    boxes.answers = [QMessageBox.Cancel, QMessageBox.Cancel]
    assert not ctl.new_lesson()
    assert not ctl.open_lesson(str(tmp_path / "whatever.linviz"))
    assert window.data.dataset is before and ctl.dirty and len(boxes.questions) == 2


def test_opening_a_lesson_clears_undo(window, ctl, tmp_path):
    mgr = undo.manager(window)
    ctl.save_to(tmp_path / "a.linviz")
    window.data.add_point(0.1, 0.9)
    assert mgr.stack.canUndo()
    boxes_answer = ctl.load(tmp_path / "a.linviz")
    assert boxes_answer and not mgr.stack.canUndo() and not mgr.stack.canRedo()


def test_history_and_params_export_as_csv(window, ctl, tmp_path):
    h = window.session.history
    out = tmp_path / "history.csv"
    assert ctl.export_history(str(out))
    rows = list(csv.reader(out.open(encoding="utf-8")))
    names = window.data.dataset.class_names
    assert rows[0] == history_columns(names, ("x₁", "x₂"))
    assert len(rows) == len(h) + 1
    assert float(rows[-1][1]) == h.loss[h.last]
    window.session.set_step(12)
    out = tmp_path / "wb.csv"
    assert ctl.export_params(str(out))
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["class", "x₁", "x₂", "b"] and [r[0] for r in rows[1:]] == list(names)
    np.testing.assert_array_equal([[float(v) for v in r[1:3]] for r in rows[1:]], window.session.W)


def test_menu_entries_and_shortcuts(window, ctl):
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    names = [a.objectName() for a in file_menu.actions()]
    for name in ("new_lesson", "open_lesson", "save_lesson", "save_lesson_as", "export_params_csv",
                 "export_history_csv", "open_points", "quit"):
        assert name in names
    assert names.index("new_lesson") < names.index("open_points")
    assert ctl.actions["open"].shortcut().toString() == "Ctrl+Shift+O"
    assert ctl.actions["save"].shortcut().toString() == "Ctrl+S"
    assert window.findChild(type(file_menu), "recent_lessons_menu") is ctl.recent_menu
    assert lesson.install(window) is ctl  # idempotent



def test_a_longer_run_of_another_shape_is_no_extension(window, ctl):
    """Loading 10 classes after a 3-class run that had converged sooner: the new run is longer
    but not a continuation (its W has another shape). _is_extension compared W across shapes
    and raised in the history_changed slot."""
    old = window.session.history
    new = replace(old.config, tol=None)
    from linviz.engine.training import train

    X, y = np.zeros((4, 2)), np.arange(4)
    longer = train(X, y, replace(new, steps=len(old) + 5), 10)
    assert len(longer) > len(old) and longer.parent is old.parent
    assert not lesson._is_extension(old, longer)
    window.load_preset("blobs", n_classes=10)
    settle(window)
    assert window.session.history.n_classes == 10 and ctl.dirty
