"""If the app ever crashes anyway: a crash log the teacher can send, and a word at the next start.

A segmentation fault (or any fatal signal) kills the process before Python or Qt can say
anything. Python's ``faulthandler`` can still write every thread's stack to an open file at
that moment, so each running app keeps one:

- ``enable(folder)`` opens ``folder/crash-<pid>.log`` and points ``faulthandler`` at it. It
  stays empty while the app runs: only a crash writes to it.
- ``close_cleanly()`` at a normal exit stops ``faulthandler`` and removes the empty log.
- ``collect_reports(folder)`` at the next start finds the logs that hold a stack (their process
  crashed), renames each to ``crash-report-<date>-<time>-<pid>.txt`` (so it is reported once,
  and kept for sending), and returns their paths. Empty logs of processes that are gone (a
  ``kill -9``, a power cut) are removed; those of running apps are left alone.
- ``announce(window, reports)`` says so, in the user's language, naming the files.

Nothing here needs Qt but ``announce``; the app calls these from ``linviz.ui.app.run``.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import time
from pathlib import Path

LOG_PREFIX = "crash-"
REPORT_PREFIX = "crash-report-"
KEEP_REPORTS = 10
"""Older crash reports beyond this many are deleted at start-up (newest kept)."""

_log_file = None
"""The open log of this process (faulthandler writes to its file descriptor)."""
_was_enabled = False
"""Whether faulthandler wrote to stderr before ``enable`` (``python -X faulthandler``, pytest)."""


def log_path(folder: Path, pid: int | None = None) -> Path:
    return Path(folder) / f"{LOG_PREFIX}{os.getpid() if pid is None else pid}.log"


def enable(folder: Path) -> Path | None:
    """Start writing fatal errors' stacks (all threads) to this process's crash log.

    Returns the log's path, or None if the folder cannot be written (the app runs without one)."""
    global _log_file, _was_enabled
    close_cleanly()
    _was_enabled = faulthandler.is_enabled()
    path = log_path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _log_file = open(path, "w", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
    except OSError:
        _log_file = None
        return None
    faulthandler.enable(file=_log_file, all_threads=True)
    return path


def close_cleanly() -> None:
    """A normal exit: the handler back as it was (stderr or off), and the log removed. It is empty
    on Linux and macOS; on Windows faulthandler also writes exceptions that were handled (a C++
    exception inside a DLL), which must not be reported as a crash at the next start."""
    global _log_file
    if _log_file is None:
        return
    path = Path(_log_file.name)
    if _was_enabled and sys.__stderr__ is not None:
        faulthandler.enable(file=sys.__stderr__, all_threads=True)
    else:
        faulthandler.disable()
    _log_file.close()
    _log_file = None
    try:
        path.unlink()
    except OSError:
        pass


def _pid_of(path: Path) -> int | None:
    try:
        return int(path.stem[len(LOG_PREFIX):])
    except ValueError:
        return None


def _running(pid: int) -> bool:
    """Is process ``pid`` alive? (POSIX: signal 0. Elsewhere unknown, taken as alive.)"""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def collect_reports(folder: Path, now: float | None = None) -> list[Path]:
    """The crash logs left by processes that crashed, renamed to reports; newest last.

    A log holding text is a crash (faulthandler writes only when the process dies of a fatal
    signal). Empty logs of processes that are gone are removed. At most ``KEEP_REPORTS``
    reports are kept in the folder."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    new: list[Path] = []
    for path in sorted(folder.glob(f"{LOG_PREFIX}*.log")):
        pid = _pid_of(path)
        if pid is None or pid == os.getpid():
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        if size == 0:
            if not _running(pid):
                path.unlink(missing_ok=True)
            continue
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(path.stat().st_mtime if now is None else now))
        report = folder / f"{REPORT_PREFIX}{stamp}-{pid}.txt"
        try:
            path.replace(report)
        except OSError:
            continue
        new.append(report)
    reports = sorted(folder.glob(f"{REPORT_PREFIX}*.txt"), key=lambda p: p.stat().st_mtime)
    for old in reports[:-KEEP_REPORTS]:
        if old not in new:
            old.unlink(missing_ok=True)
    return new


def announce(parent, reports: list[Path]) -> None:
    """Tell the teacher the last run crashed and where its report is (a message box)."""
    if not reports:
        return
    from PySide6.QtWidgets import QMessageBox

    from .i18n import translate

    files = "\n".join(str(p) for p in reports)
    QMessageBox.warning(
        parent, translate("Crash", "linviz crashed"),
        translate("Crash", "linviz closed unexpectedly last time. What it was doing is in this crash "
                           "report — please send it to the linviz developers:\n\n{0}\n\n"
                           "Work saved automatically before the crash is offered next.").format(files))
