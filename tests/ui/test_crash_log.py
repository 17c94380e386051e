"""If linviz ever crashes anyway, the crash leaves a log and the next start names it.

The app runs as a user runs it (``linviz.ui.app.run`` in its own process, with its own
per-user folders), dies of a real segmentation fault, and is started again."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from linviz.ui import crash_log

CRASHING_RUN = textwrap.dedent("""
    import faulthandler
    from PySide6.QtCore import QTimer
    from linviz.ui import app as linviz_app

    linviz_app.make_application()
    def crash_in_a_slot():
        faulthandler._sigsegv()  # a real SIGSEGV, as a Qt bug would give
    QTimer.singleShot(300, crash_in_a_slot)
    linviz_app.run()
""")

NEXT_START = textwrap.dedent("""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox
    from linviz.ui import app as linviz_app

    qt_app = linviz_app.make_application()
    def warning(parent, title, text, *rest, **kw):
        print("WARNING:", title, "|", text.replace("\\n", " "))
        return QMessageBox.Ok
    QMessageBox.warning = staticmethod(warning)
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.No)  # the autosave offer
    QTimer.singleShot(300, qt_app.quit)
    print("EXIT", linviz_app.run())
""")


def user_env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
                XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
                XDG_CACHE_HOME=str(tmp_path / "cache"), LINVIZ_JIT="0")


def data_folder(env: dict[str, str]) -> Path:
    """The app's per-user data folder as the app itself computes it under ``env``."""
    out = subprocess.run([sys.executable, "-c", "from linviz.ui.lesson import user_data_folder as f; print(f())"],
                         capture_output=True, text=True, env=env, timeout=60, check=True)
    return Path(out.stdout.strip())


def test_a_crash_leaves_a_log_and_the_next_start_names_it(tmp_path):
    env = user_env(tmp_path)
    folder = data_folder(env)
    crashed = subprocess.run([sys.executable, "-c", CRASHING_RUN], capture_output=True, text=True, env=env,
                             timeout=300)
    assert crashed.returncode != 0, crashed.stdout + crashed.stderr  # it really died
    logs = list(folder.glob("crash-*.log"))
    assert len(logs) == 1, sorted(p.name for p in folder.iterdir())
    text = logs[0].read_text(encoding="utf-8")
    assert "Segmentation fault" in text
    assert "crash_in_a_slot" in text  # the stack of the thread that crashed, down to the slot

    again = subprocess.run([sys.executable, "-c", NEXT_START], capture_output=True, text=True, env=env,
                           timeout=300)
    assert again.returncode == 0, again.stderr
    assert "EXIT 0" in again.stdout
    reports = list(folder.glob("crash-report-*.txt"))
    assert len(reports) == 1 and reports[0].read_text(encoding="utf-8") == text  # kept, for sending
    warnings = [line for line in again.stdout.splitlines() if line.startswith("WARNING:")]
    assert len(warnings) == 1 and str(reports[0]) in warnings[0], again.stdout
    assert not list(folder.glob("crash-*.log"))  # the clean second run left no log of its own

    third = subprocess.run([sys.executable, "-c", NEXT_START], capture_output=True, text=True, env=env,
                           timeout=300)
    assert "WARNING:" not in third.stdout  # a crash is announced once


def test_empty_logs_of_gone_processes_are_removed_and_live_ones_kept(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    crash_log.log_path(tmp_path, dead_pid).touch()  # a kill -9 leaves an empty log
    alive = crash_log.log_path(tmp_path, os.getppid())  # another app still running
    alive.touch()
    crashed = crash_log.log_path(tmp_path, dead_pid + 1)
    crashed.write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    reports = crash_log.collect_reports(tmp_path)
    assert [p.name.startswith("crash-report-") for p in reports] == [True]
    assert not crash_log.log_path(tmp_path, dead_pid).exists()
    assert alive.exists() and not crashed.exists()
    assert crash_log.collect_reports(tmp_path) == []  # nothing new the second time


def test_only_the_newest_reports_are_kept(tmp_path):
    for k in range(crash_log.KEEP_REPORTS + 3):
        report = tmp_path / f"{crash_log.REPORT_PREFIX}2026010{k % 10}-0000{k:02d}-{k}.txt"
        report.write_text("old", encoding="utf-8")
        os.utime(report, (1_000_000 + k, 1_000_000 + k))
    crash_log.log_path(tmp_path, 999_999_999).write_text("Fatal Python error\n", encoding="utf-8")
    new = crash_log.collect_reports(tmp_path, now=2_000_000)
    kept = list(tmp_path.glob(f"{crash_log.REPORT_PREFIX}*.txt"))
    assert len(new) == 1 and new[0] in kept
    assert len(kept) == crash_log.KEEP_REPORTS


def test_a_clean_exit_leaves_no_log(tmp_path):
    path = crash_log.enable(tmp_path)
    try:
        assert path is not None and path.exists() and path.stat().st_size == 0
    finally:
        crash_log.close_cleanly()
    assert not path.exists()
