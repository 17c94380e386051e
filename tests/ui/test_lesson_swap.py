"""Opening a lesson is one swap (issue 13: nothing half-applied), and its replay has one progress
dialog for all its runs.

A failure injected at each stage of opening — re-running a run, preparing the points, building
the settings and runs — leaves the points, settings, runs, step, class and selection on screen
exactly as they were, with a message. On success every view, from the first signal on, sees the
whole new lesson (never the new points under the old run)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from linviz.engine import lesson_file, lesson_runs
from linviz.session import core
from linviz.session.settings import Settings, check_settings
from linviz.ui import app_settings, lesson, lesson_open, undo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def ctl(window, tmp_path, monkeypatch):
    monkeypatch.setattr(lesson, "user_data_folder", lambda: tmp_path / "userdata")
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(app_settings, "qsettings", lambda: QSettings(ini, QSettings.IniFormat))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)
    undo.install(window)
    return lesson.install(window)


def saved_lesson(window, ctl, tmp_path):
    """A lesson of three runs (two branches) on 3 classes, saved; then the window is moved far from it:
    other points (4 classes), other settings, another step, class and selection."""
    s, data = window.session, window.data
    s.set_step(10)
    s.update_settings(restart=False)
    s.update_settings(lr=0.3)
    s.set_step(20)
    s.update_settings(lr=0.05)
    data.set_current_class(2)
    s.set_selected_examples([1, 4])
    path = tmp_path / "three-runs.linviz"
    assert ctl.save_to(path)
    assert len(s.branches) == 3
    data.set_n_classes(4)
    data.add_point(0.3, -0.8, 3)
    data.set_current_class(3)
    lesson.flush_retrain(s)
    s.update_settings(lr=0.7)
    s.set_step(7)
    s.set_selected_examples([0])
    return path


def snapshot(window):
    s, data = window.session, window.data
    return {"points": data.dataset, "class": data.current_class, "settings": s.settings, "run": s.history,
            "runs": list(s.branches), "step": s.step, "selected": s.chosen_examples, "title": window.windowTitle()}


def same(a, b):
    return (a["points"] is b["points"] and a["run"] is b["run"] and len(a["runs"]) == len(b["runs"])
            and all(x is y for x, y in zip(a["runs"], b["runs"]))
            and all(a[k] == b[k] for k in ("class", "settings", "step", "selected", "title")))


def fail_training(monkeypatch):
    def boom(*a, **k):
        raise MemoryError("no room for the run")
    monkeypatch.setattr(lesson_runs, "train", boom)  # the replay trains there


def fail_points(monkeypatch):
    def boom(dataset):
        raise MemoryError("no room for the points")
    monkeypatch.setattr(lesson_open, "shown_dataset", boom)


def fail_runs(monkeypatch):
    def boom(*a, **k):
        raise IndexError("step 9999 is not in the run")
    monkeypatch.setattr(core, "show_history", boom)


def fail_settings(monkeypatch):
    real = core.show_lesson

    def boom(lesson_, histories, warnings=(), hold_w=False):
        out = real(lesson_, histories, warnings, hold_w)  # the whole session is built, then something fails
        raise ValueError(f"settings {out.state.settings.model} cannot be shown")
    monkeypatch.setattr(core, "show_lesson", boom)


STAGES = {"replay": fail_training, "points": fail_points, "runs": fail_runs, "settings": fail_settings}


@pytest.mark.parametrize("stage", list(STAGES))
def test_a_failure_at_any_stage_of_opening_leaves_the_window_exactly_as_it_was(window, ctl, tmp_path,
                                                                              monkeypatch, stage):
    path = saved_lesson(window, ctl, tmp_path)
    before = snapshot(window)
    STAGES[stage](monkeypatch)
    assert not ctl.load(path)
    assert same(snapshot(window), before), stage
    assert ctl.path == path and ctl.dirty  # still the lesson being edited, its changes still unsaved
    text = window.message_label.text()
    assert window.message_label.property("level") == "error" and text, stage


def test_the_same_lesson_opens_whole_and_every_view_sees_it_whole(window, ctl, tmp_path):
    """From the first signal of the swap on, the points, settings and run are all the lesson's."""
    path = saved_lesson(window, ctl, tmp_path)
    seen = []

    def look(*_):
        s = window.session
        seen.append((window.data.dataset.n_classes, len(window.data.dataset), s.settings.train.lr,
                     s.history.W.shape[1] if s.history is not None else None, s.step, len(s.branches)))

    for signal in (window.data.changed, window.data.current_class_changed, window.session.settings_changed,
                   window.session.history_changed, window.session.step_changed, window.session.selection_changed):
        signal.connect(look)
    assert ctl.load(path)
    s = window.session
    whole = (3, len(window.data.dataset), s.settings.train.lr, 3, 20, 3)
    assert window.data.dataset.n_classes == 3 and s.step == 20 and len(s.branches) == 3
    assert window.data.current_class == 2 and s.chosen_examples == (1, 4)
    assert seen and all(v == whole for v in seen), seen


def test_one_progress_dialog_counts_every_run_and_cancels_between_them(window, ctl, tmp_path, monkeypatch):
    path = saved_lesson(window, ctl, tmp_path)
    monkeypatch.setattr(lesson_open, "REPLAY_DIALOG_AFTER_S", 0.0)
    shown = []  # (label, value, maximum) of every dialog at each progress report
    real = lesson_open.ReplayProgress._progress

    def spy(self, done, total):
        if self.dialog is not None and self.run_at(done) == 2:
            self.dialog.cancel()  # the teacher presses Cancel while run 2 is re-run
        go_on = real(self, done, total)
        d = self.dialog
        shown.append((id(d), d.labelText(), d.value(), d.maximum()))
        return go_on

    monkeypatch.setattr(lesson_open.ReplayProgress, "_progress", spy)
    before = snapshot(window)
    assert not ctl.load(path)
    assert same(snapshot(window), before)
    assert "cancelled; nothing was changed" in window.message_label.text()
    lengths = [r.length for r in lesson_file.read_lesson(path, Settings, check_settings).runs]
    total = sum(lengths)
    assert len({d for d, *_ in shown}) == 1  # one dialog for the whole replay
    assert [label for _, label, _, _ in shown[:3]] == [
        f"Re-running run {i} of 3 (step {sum(lengths[:i - 1]):,} of {total:,} overall)…" for i in (1, 2, 3)]
    assert [v for _, _, v, _ in shown[:3]] == [0, lengths[0], lengths[0] + lengths[1]]
    assert all(m == total for *_, m in shown)
    assert not window.findChildren(QProgressDialog) or all(not d.isVisible() for d in
                                                          window.findChildren(QProgressDialog))


def test_the_replay_dialog_speaks_spanish(window, ctl, tmp_path, monkeypatch, qapp):
    from linviz.ui import i18n, presentation

    path = saved_lesson(window, ctl, tmp_path)
    monkeypatch.setattr(lesson_open, "REPLAY_DIALOG_AFTER_S", 0.0)
    labels = []

    def cancel():
        for d in window.findChildren(QProgressDialog):
            labels.append((d.windowTitle(), d.labelText()))
            d.cancel()

    i18n.set_language(qapp, "es")
    try:
        QTimer.singleShot(0, cancel)
        assert not ctl.load(path)
        said = window.message_label.text()
    finally:
        i18n.set_language(qapp, "en")
        presentation.set_language("en")
    assert labels and labels[0][0] == "Abriendo la lección"
    assert labels[0][1].startswith("Volviendo a ejecutar la corrida 1 de 3")
    assert said == "Se canceló la apertura de three-runs.linviz; no se cambió nada."
