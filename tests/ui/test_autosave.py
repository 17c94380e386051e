"""Autosave that saves (issue 13): a debounce with a maximum wait, one autosave and lock per running
window, and the next start offering each autosave whose window is gone — checked with a real
second linviz process that keeps changing its points and is then killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from linviz.ui import app_settings, autosave, lesson

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]

INSTANCE = textwrap.dedent("""
    import sys, time
    from linviz.ui.app import make_application
    from linviz.ui.main_window import MainWindow
    from linviz.ui import lesson
    from PySide6.QtCore import QTimer

    app = make_application([])
    window = MainWindow()
    window.show()
    lesson.offer_restore(window)
    print("armed", lesson.controller(window).autosave_path, flush=True)
    added = [0]

    def add():
        added[0] += 1
        window.data.add_point(0.05 * added[0], -0.9, 1)
        print("added", added[0], flush=True)

    timer = QTimer()
    timer.timeout.connect(add)
    timer.start(2000)  # a change every 2 s: the quiet period (5 s) never comes
    app.exec()
""")


def test_the_autosave_timer_fires_within_its_maximum_wait_however_often_it_is_poked(qtbot):
    timer = autosave.MaxWaitTimer(quiet_ms=300, max_ms=600)
    fired = []
    timer.timeout.connect(lambda: fired.append(time.monotonic()))
    start = time.monotonic()
    while time.monotonic() - start < 1.5 and not fired:
        timer.poke()  # a change every 50 ms: a plain restarting timer would never fire
        qtbot.wait(50)
    assert fired and fired[0] - start < 1.2
    timer.poke()
    qtbot.waitUntil(lambda: len(fired) == 2, timeout=2000)  # after a quiet 300 ms


@pytest.fixture
def shared_folder(tmp_path, monkeypatch):
    """The user's folders of this test and of the second process: the same place under tmp_path."""
    data = tmp_path / "xdg-data"
    monkeypatch.setattr(lesson, "user_data_folder", lambda: data / "linviz")
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(app_settings, "qsettings", lambda: QSettings(ini, QSettings.IniFormat))
    env = dict(os.environ, XDG_DATA_HOME=str(data), XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), LINVIZ_JIT="0")
    return data / "linviz" / "autosaves", env


def test_two_instances_keep_their_own_autosaves_and_a_killed_one_is_offered_next_time(window, shared_folder, tmp_path,
                                                                                        monkeypatch):
    folder, env = shared_folder
    questions = []
    answers = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: questions.append(a[2]) or (answers.pop(0) if answers else QMessageBox.No))
    script = tmp_path / "instance.py"
    script.write_text(INSTANCE)
    other = subprocess.Popen([sys.executable, str(script)], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    try:
        line = other.stdout.readline()
        assert line.startswith("armed "), line
        their_file = Path(line.split(" ", 1)[1].strip())

        # this window starts while the other runs: it is not asked about the other's work
        assert lesson.offer_restore(window) is False and questions == []
        ctl = lesson.controller(window)
        assert ctl.autosave_path != their_file and ctl.autosave_path.parent == their_file.parent
        window.data.add_point(0.7, 0.7, 0)
        assert ctl.autosave_now() and ctl.autosave_path.is_file()
        ctl.clean_exit()  # this window quits: its own autosave goes, the other's stays protected
        assert their_file.with_suffix(".lock").exists()

        added = 0
        while added < 7:  # ~14 s of a change every 2 s: more than AUTOSAVE_MAX_MS after the first
            line = other.stdout.readline()
            assert line, "the other instance stopped"
            if line.startswith("added"):
                added = int(line.split()[1])
        other.send_signal(signal.SIGKILL)
        other.wait(30)
    finally:
        if other.poll() is None:
            other.kill()
            other.wait(30)

    doc = json.loads(their_file.read_text(encoding="utf-8"))
    saved = len(doc["dataset"]["points"]) - 9  # the cs231n preset has 9
    first_unsaved_s = 2 * (saved + 1)
    assert saved >= 1 and first_unsaved_s + lesson.AUTOSAVE_MAX_MS / 1000 >= 2 * added - 2  # ≤ 10 s of changes lost

    answers.append(QMessageBox.Yes)
    assert lesson.offer_restore(window) is True  # next start: the killed instance's work is offered
    assert len(questions) == 1 and "did not close properly" in questions[0]
    assert len(window.data.dataset) == 9 + saved
    assert not their_file.exists() and lesson.controller(window).autosave_path.is_file()
    lesson.controller(window).clean_exit()  # (no close prompt once the test's dialogs are gone)
