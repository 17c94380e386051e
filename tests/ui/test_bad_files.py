"""Bad files in the window (issue 13): refused whole with one message naming the fault, and the
points and run on screen exactly as before; a long replay can be cancelled; every run of a
hand-edited lesson that does not replay is reported."""

from __future__ import annotations

import json
import os

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from linviz.engine.datasets import make_preset, to_json
from linviz.ui import app_settings, lesson, lesson_open, undo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def ctl(window, tmp_path, monkeypatch):
    monkeypatch.setattr(lesson, "user_data_folder", lambda: tmp_path / "userdata")
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(app_settings, "qsettings", lambda: QSettings(ini, QSettings.IniFormat))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]) or QMessageBox.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)
    undo.install(window)
    c = lesson.install(window)
    c.boxes = warnings
    return c


def snapshot(window):
    s = window.session
    return (window.data.dataset, s.settings, s.history, s.step, list(s.branches), s.chosen_examples)


def assert_unchanged(window, before):
    after = snapshot(window)
    assert after[0] is before[0] and after[1] == before[1] and after[2] is before[2]
    assert after[3] == before[3] and after[4] == before[4] and after[5] == before[5]


def good_lesson(window, ctl, tmp_path):
    """A saved lesson with a branch, then the window moved away from it (so a load would change it)."""
    s = window.session
    s.set_step(10)
    s.update_settings(restart=False)
    s.update_settings(lr=0.3)
    path = tmp_path / "good.linviz"
    assert ctl.save_to(path)
    window.data.add_point(0.3, -0.8)
    lesson.flush_retrain(s)
    s.set_step(5)
    return path


def change(path, out, edit):
    doc = json.loads(path.read_text())
    edit(doc)
    out.write_text(json.dumps(doc))
    return out


LESSON_FAULTS = {
    "lam": (lambda d: d["settings"]["train"]["reg"].__setitem__("lam", 1e9), "settings.train.reg.lam: 1e+09 is out "
                                                                             "of range (0 to 1e+06)"),
    "steps": (lambda d: d["settings"]["train"].__setitem__("steps", 10**9), "settings.train.steps: 1,000,000,000"),
    "features": (lambda d: d["settings"]["train"]["features"].__setitem__("n_components", 10**8),
                 "n_components: 100,000,000 is out of range (1 to 512)"),
    "init_scale": (lambda d: d["settings"].__setitem__("init_scale", 1e300), "settings.init_scale: 1e+300"),
    "nested": (lambda d: d.__setitem__("selected", json.loads("[" * 900 + "]" * 900)), "nested 901 deep"),
}


@pytest.mark.parametrize("case", list(LESSON_FAULTS))
def test_a_refused_lesson_changes_nothing_and_names_the_fault(window, ctl, tmp_path, case):
    edit, fault = LESSON_FAULTS[case]
    good = good_lesson(window, ctl, tmp_path)
    bad = change(good, tmp_path / f"{case}.linviz", edit)
    before = snapshot(window)
    assert not ctl.load(bad)
    assert_unchanged(window, before)
    assert fault in window.message_label.text() and fault in ctl.boxes[-1]
    assert ctl.path == good and ctl.dirty


def test_a_lesson_link_to_dev_zero_and_a_fifo_are_refused_at_once(window, ctl, tmp_path):
    good_lesson(window, ctl, tmp_path)
    (tmp_path / "zero.linviz").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.linviz")
    before = snapshot(window)
    for name in ("zero.linviz", "pipe.linviz"):
        assert not ctl.load(tmp_path / name)
        assert_unchanged(window, before)
        assert "not a regular file" in window.message_label.text()


def test_every_run_that_does_not_replay_is_reported_in_one_message(window, ctl, tmp_path):
    good = good_lesson(window, ctl, tmp_path)

    def tamper(doc):
        doc["runs"][0]["final_loss"] = None
        doc["runs"][1]["config"]["lr"] = 0.9

    assert ctl.load(change(good, tmp_path / "edited.linviz", tamper))
    text = window.message_label.text()
    assert text.startswith("2 of the lesson's runs did not replay exactly")
    assert "Run 1 of 2 cannot be checked: the file gives no final loss" in text
    assert "Run 2 of 2 did not replay exactly: the final loss was" in text
    assert window.message_label.property("level") == "warning"


def test_a_long_replay_shows_a_progress_dialog_whose_cancel_changes_nothing(window, ctl, tmp_path, monkeypatch):
    good = good_lesson(window, ctl, tmp_path)
    monkeypatch.setattr(lesson_open, "REPLAY_DIALOG_AFTER_S", 0.0)
    seen = []

    def cancel():
        dialogs = window.findChildren(QProgressDialog)
        seen.extend(dialogs)
        for d in dialogs:
            d.cancel()

    QTimer.singleShot(0, cancel)
    before = snapshot(window)
    assert not ctl.load(good)
    assert seen and seen[0].objectName() == "replayProgress"
    assert_unchanged(window, before)
    assert "cancelled; nothing was changed" in window.message_label.text()


POINT_FAULTS = {
    "nested.json": ('{"format": "linviz-points", "version": 1, "points": ' + "[" * 5000 + "]" * 5000 + "}",
                    "nested 5,001 deep"),
    "field.csv": ("x,y,label\n0,0,0\n1," + "9" * 10_000_000 + ",1\n", "line 3: 10,000,004 characters long"),
    "w0.json": (None, "W0[0][1]: 1e+300 is out of range (-1e+06 to 1e+06)"),
}


@pytest.mark.parametrize("name", list(POINT_FAULTS))
def test_a_refused_points_file_leaves_the_points_and_run_as_they_were(window, ctl, tmp_path, name):
    text, fault = POINT_FAULTS[name]
    if text is None:
        doc = json.loads(to_json(make_preset("cs231n")))
        doc["W0"][0][1] = 1e300
        text = json.dumps(doc)
    (tmp_path / name).write_text(text)
    window.data.add_point(0.3, -0.8)
    lesson.flush_retrain(window.session)
    before = snapshot(window)
    window.open_points(str(tmp_path / name))
    assert_unchanged(window, before)
    assert fault in window.message_label.text()


def test_points_from_a_fifo_or_dev_zero_are_refused(window, ctl, tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    before = snapshot(window)
    for name in ("pipe.csv", "zero.csv"):
        window.open_points(str(tmp_path / name))
        assert_unchanged(window, before)
        assert "not a regular file" in window.message_label.text()


def test_points_that_would_start_too_much_training_are_refused_with_the_figures(window, ctl, tmp_path):
    """20,000 steps with 512 random features on 30,000 points would freeze the window for minutes."""
    from linviz.engine.features import FeatureMap

    window.session.update_settings(steps=20_000, features=FeatureMap("rbf", n_components=512))
    path = tmp_path / "many.json"
    path.write_text(to_json(make_preset("blobs", n_per_class=10_000)))
    before = snapshot(window)
    window.open_points(str(path))
    assert_unchanged(window, before)
    assert "many.json: 20,000 steps on 30,000 points × 3 classes × 512 features" in window.message_label.text()


@pytest.fixture
def spanish(qapp):
    from linviz.ui import i18n, presentation

    i18n.set_language(qapp, "es")
    yield
    i18n.set_language(qapp, "en")
    presentation.set_language("en")


def test_faults_and_replay_warnings_speak_spanish(window, ctl, tmp_path, spanish):
    good = good_lesson(window, ctl, tmp_path)
    bad = change(good, tmp_path / "lam.linviz", LESSON_FAULTS["lam"][0])
    assert not ctl.load(bad)
    assert window.message_label.text() == "lam.linviz: settings.train.reg.lam: 1e+09 está fuera de rango (0 a 1e+06)"

    def tamper(doc):
        doc["runs"][0]["final_loss"] = None
        doc["runs"][1]["config"]["lr"] = 0.9

    assert ctl.load(change(good, tmp_path / "edited.linviz", tamper))
    text = window.message_label.text()
    assert text.startswith("2 de las corridas de la lección no se reprodujeron exactamente")
    assert "La corrida 1 de 2 no se puede comprobar: el archivo no da una pérdida final" in text
    assert "La corrida 2 de 2 no se reprodujo exactamente: la pérdida final era" in text

    (tmp_path / "pipe.csv").symlink_to("/dev/zero")
    window.open_points(str(tmp_path / "pipe.csv"))
    assert "no es un archivo común" in window.message_label.text()
