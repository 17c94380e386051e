"""Opening a lesson: re-run its runs under one progress dialog, build the whole new session off to
the side, and say which runs did not replay.

Opening goes in three stages, and only the last one touches the window:

1. ``read_lesson`` — the file, checked whole (``linviz.engine.lesson_file``);
2. :class:`ReplayProgress` — every run re-run (one dialog for the whole replay: run *i* of *n*,
   steps overall, Cancel);
3. :func:`build` — the points as the plane shows them and the complete session (settings, runs,
   step) as a :class:`~linviz.session.core.Outcome`, computed without a window;

then ``SessionModel.swap_in`` puts it in place in one swap. A failure or a Cancel anywhere before
the swap leaves the points, settings, runs and step on screen exactly as they were.
"""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

from linviz.engine.lesson_file import Lesson, LessonError, replay
from linviz.session import core

from .messages import message_text
from .models import shown_dataset

translate = QCoreApplication.translate

REPLAY_DIALOG_AFTER_S = 0.4
"""A lesson whose runs take longer than this to re-run shows a progress dialog that can cancel the load…"""
REPLAY_DIALOG_WORK = 2e8
"""…and so does one whose work (Σ steps × points × classes × features) is at least this, from its first run."""


class Built:
    """A lesson ready to be shown: the session (``outcome``), the class new points get and the score
    table's points."""

    def __init__(self, outcome: core.Outcome, current_class: int, selected: tuple[int, ...]):
        self.outcome, self.current_class, self.selected = outcome, current_class, selected


def build(lesson: Lesson, histories: list, hold_w: bool = False) -> Built:
    """The session that shows ``lesson`` (its runs already re-run into ``histories``), built without
    touching any window. Raises LessonError (the window unchanged) if it cannot be built."""
    try:
        points = shown_dataset(lesson.dataset)
        outcome = core.show_lesson(replace(lesson, dataset=points), histories, hold_w=hold_w)
    except (ValueError, IndexError, TypeError, MemoryError) as err:
        raise LessonError(translate("Lesson", "could not show it ({0}); nothing was changed").format(err)) from None
    return Built(outcome, lesson.current_class, tuple(lesson.selected))


class ReplayProgress:
    """Re-runs a lesson's runs with one progress dialog for the whole replay (objectName
    ``replayProgress``): "Re-running run i of n (step s of S overall)…", the bar counting steps over all
    runs, Cancel between runs. The dialog appears once the replay has taken REPLAY_DIALOG_AFTER_S, or at
    once when its work is REPLAY_DIALOG_WORK or more."""

    def __init__(self, parent, lesson: Lesson):
        self.parent, self.runs, self.dataset = parent, tuple(lesson.runs), lesson.dataset
        n_c = max(len(lesson.dataset), 1) * lesson.dataset.n_classes
        self.work = [r.length * n_c * r.config.features.dim for r in self.runs]
        self.steps = [int(r.length) for r in self.runs]
        self.dialog: QProgressDialog | None = None
        self.dialogs_made = 0
        self._start = 0.0

    def run_at(self, done: float) -> int:
        """How many runs are re-run when ``done`` work units are (the engine reports before each run)."""
        total, i = 0.0, 0
        while i < len(self.work) and total + self.work[i] <= done * (1 + 1e-12):
            total += self.work[i]
            i += 1
        return i

    def label(self, i: int) -> str:
        n, total = len(self.runs), sum(self.steps)
        return translate("Lesson", "Re-running run {0} of {1} (step {2} of {3} overall)…").format(
            min(i + 1, n), n, f"{sum(self.steps[:i]):,}", f"{total:,}")

    def _progress(self, done: float, total: float) -> bool:
        i = self.run_at(done)
        late = time.monotonic() - self._start >= REPLAY_DIALOG_AFTER_S or total >= REPLAY_DIALOG_WORK
        if self.dialog is None and i < len(self.runs) and late:
            d = QProgressDialog(self.label(i), translate("Lesson", "Cancel"), 0, max(sum(self.steps), 1), self.parent)
            d.setObjectName("replayProgress")
            d.setWindowTitle(translate("Lesson", "Opening the lesson"))
            d.setWindowModality(Qt.WindowModal)
            d.setMinimumDuration(0)
            d.setAutoClose(False)
            d.setAutoReset(False)
            self.dialog = d
            self.dialogs_made += 1
        if self.dialog is not None:
            self.dialog.setLabelText(self.label(i))
            self.dialog.setValue(sum(self.steps[:i]))
            QCoreApplication.processEvents()
            if self.dialog.wasCanceled():
                return False
        return True

    def __call__(self):
        """(histories, warnings) of re-running every run; ReplayCancelled if Cancel was pressed."""
        self._start = time.monotonic()
        try:
            return replay(self.runs, self.dataset, self._progress)
        finally:
            if self.dialog is not None:
                self.dialog.close()
                self.dialog.deleteLater()
                self.dialog = None


def replay_lesson(parent, lesson: Lesson):
    """Re-run ``lesson``'s runs under one :class:`ReplayProgress`: (histories, warnings)."""
    return ReplayProgress(parent, lesson)()


def replay_warning(warnings) -> str:
    """One message naming every one of several runs that did not replay exactly (not only the last one)."""
    return translate("Lesson", "{0} of the lesson's runs did not replay exactly (were its settings "
                                          "edited by hand?): {1}").format(
        len(warnings), " · ".join(message_text(w) for w in warnings))


__all__ = ["build", "Built", "ReplayProgress", "replay_lesson", "replay_warning", "REPLAY_DIALOG_AFTER_S",
           "REPLAY_DIALOG_WORK"]
