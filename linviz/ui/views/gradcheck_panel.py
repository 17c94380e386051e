"""Gradient check: the recorded analytic gradient against centred differences.

For every W[j,k] and b[j] at the current step the table lists the analytic
∂loss/∂θ recorded in the History, the numerical one from
:func:`linviz.engine.gradcheck.check_objective` (two loss evaluations per
entry, h = 1e-5) and their relative error |a − n| / max(|a| + |n|, 1e-6).
It is recomputed on step and history changes only while the panel is
visible (a hidden panel catches up when shown), and on "Check now".

Round-off: each loss value carries an error of about ε|f|, so a centred
difference is only known to about ε|f|/h (≈ 1e-10 for a loss of 6 and
h = 1e-5). Where the analytic gradient is exactly 0 (a bias whose class no
margin involves, say) the numerical one comes out as ~1e-11 and the
relative-error formula, whose floor is 1e-6, reads ~1e-5. Entries where
both gradients are within ``ROUND_OFF_FACTOR · ε · max(|f|, 1) / h`` of 0
are therefore marked "both ≈ 0" and left out of the maximum.
"""

from __future__ import annotations

import numpy as np
from linviz.ui.widgets import on_screen
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget
from linviz.engine.blas import one_blas_thread

from linviz.engine.gradcheck import GradCheck, check_objective, relative_error
from linviz.engine.landscape import param_name

from .. import i18n
from ..fonts import mono_font
from ..i18n import QT_TRANSLATE_NOOP
from ..screen_fit import minimum_as_window

translate = QCoreApplication.translate

RIGHT = 1e-7
"""Below this the analytic gradient is certainly right (CS231n's rule of thumb)."""
WARN = 1e-4
"""Above this a warning explains kinks of max(0, ·)."""
ROUND_OFF_FACTOR = 10.0
H = 1e-5
OK_COLOUR = "#1B5E20"
WARN_COLOUR = "#8A5A00"
WARN_BACKGROUND = "#FFE9C7"


class GradCheckModel(QAbstractTableModel):
    """Rows: W[1,1] … W[C,D], b[1] … b[C]. Columns: parameter, analytic, numerical, relative error."""

    HEADERS = (QT_TRANSLATE_NOOP("GradCheck", "parameter"), QT_TRANSLATE_NOOP("GradCheck", "analytic\n∂L/∂θ"),
               QT_TRANSLATE_NOOP("GradCheck", "numerical\n∂L/∂θ"), QT_TRANSLATE_NOOP("GradCheck", "relative\nerror"))
    """Two lines each: a quarter of the dock is narrow for "numerical ∂L/∂θ" in one line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: list[str] = []
        self.analytic = np.zeros(0)
        self.numeric = np.zeros(0)
        self.errors = np.zeros(0)
        self.both_zero = np.zeros(0, bool)
        self.round_off = 0.0

    def set_check(self, names, analytic, numeric, round_off: float = 0.0) -> None:
        """``round_off``: below it a gradient is 0 within the precision of the difference."""
        self.beginResetModel()
        self.names = list(names)
        self.analytic, self.numeric = np.asarray(analytic, float), np.asarray(numeric, float)
        self.errors = relative_error(self.analytic, self.numeric)
        self.round_off = float(round_off)
        self.both_zero = (np.abs(self.analytic) <= round_off) & (np.abs(self.numeric) <= round_off)
        self.endResetModel()

    @property
    def max_error(self) -> float:
        """The largest relative error over the entries that are not both 0 within round-off."""
        return float(self.errors[~self.both_zero].max(initial=0.0))

    def clear(self) -> None:
        self.set_check([], np.zeros(0), np.zeros(0))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.names)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("GradCheck", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return self.names[r]
            if c == 3:
                return translate("GradCheck", "both ≈ 0") if self.both_zero[r] else f"{self.errors[r]:.1e}"
            return f"{(self.analytic, self.numeric)[c - 1][r]:+.7g}"
        if role == Qt.ItemDataRole.UserRole:  # the raw number, for tests and sorting
            return (self.names[r], float(self.analytic[r]), float(self.numeric[r]), float(self.errors[r]))[c]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and c == 3 and self.errors[r] > WARN and not self.both_zero[r]:
            return QBrush(QColor(WARN_BACKGROUND))
        if role == Qt.ItemDataRole.ToolTipRole and c == 3:
            tip = f"|a − n| / max(|a| + |n|, 1e-6) = {self.errors[r]:.2e}"
            if self.both_zero[r]:
                tip += "\n" + translate("GradCheck", "Both gradients are 0 within round-off (|·| ≤ {0}): the error is "
                                                     "the finite difference's noise, not a wrong gradient.").format(
                    f"{self.round_off:.0e}")
            return tip
        return None


def summary_text(max_error: float, loss_kind: str, zero_names=()) -> tuple[str, str]:
    """(text, level) of the line under the table; level "ok" or "warning"."""
    left_out = (" " + translate("GradCheck", "({0}: both 0 within round-off, left out.)").format(", ".join(zero_names))
                if zero_names else "")
    if max_error < WARN:
        extra = "" if max_error < RIGHT else " " + translate(
            "GradCheck", "(a little above 1e-7: round-off, or a margin near a kink of max(0, ·))")
        return translate("GradCheck", "max relative error {0} — the analytic gradient is right{1}.{2}").format(
            f"{max_error:.0e}", extra, left_out), "ok"
    kink = translate("GradCheck", "An SVM margin s_j − s_yi + Δ within h = 1e-5 of 0 sits on the kink of max(0, ·): "
                                  "the loss has no derivative there and the centred difference straddles the corner. "
                                  "Step on and check again; if it stays high, the gradient is wrong.") \
        if loss_kind == "svm" else \
        translate("GradCheck", "Softmax is smooth, so this points to a wrong gradient (or a step of h = 1e-5 far too "
                               "coarse).")
    return translate("GradCheck", "⚠ max relative error {0}, above 1e-4. {1}{2}").format(
        f"{max_error:.0e}", kink, left_out), "warning"


class GradCheckPanel(QWidget):
    """The table, a summary line and a "Check now" button.

    Attributes for tests: ``model`` (GradCheckModel), ``table``, ``summary``
    (QLabel), ``result`` (the engine's GradCheck, or None), ``max_error``
    (against the recorded gradient) and ``checked_step``.
    """

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.result: GradCheck | None = None
        self.max_error = float("nan")
        self.checked_step: int | None = None
        self._dirty = True

        self.model = GradCheckModel(self)
        self.table = QTableView(objectName="gradcheck_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()  # every value and title whole: a narrow column scrolls the table
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setFont(mono_font())
        self.summary = QLabel(objectName="gradcheck_summary")
        self.summary.setWordWrap(True)
        self.check_button = QPushButton(translate("GradCheck", "Check now"), objectName="gradcheck_now")
        self.check_button.setToolTip(translate("GradCheck", "Recompute the numerical gradient at the current step"))
        self.check_button.clicked.connect(self.check_now)
        self.heading = QLabel(objectName="gradcheck_heading")
        self.heading.setWordWrap(True)

        top = QHBoxLayout()  # the heading over the whole width, the button under it (a narrow column)
        top.addStretch(1)
        top.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        minimum_as_window(self, 320, 240)  # in a dock the rows' own minimum counts (screen_fit.py)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._auto_check)
        session.step_changed.connect(self._stale)
        session.history_changed.connect(self._stale)
        session.settings_changed.connect(self._stale)
        session.data.changed.connect(self._stale)
        i18n.notifier.changed.connect(self._on_language)
        self.check_now()

    def _on_language(self, *_args) -> None:
        self.check_now()  # the heading and the summary in the new language (a rare event)

    def _stale(self, *_args) -> None:
        self._dirty = True
        if on_screen(self):
            self._timer.start()

    def became_visible(self) -> None:
        """The panel's tab was brought to the front: catch up with the current step."""
        if self._dirty:
            self._timer.start()

    def _auto_check(self) -> None:
        if self._dirty and on_screen(self):
            self.check_now()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start()

    def check_now(self) -> None:
        """Compare the recorded gradient at the current step with centred differences."""
        self._timer.stop()
        self._dirty = False
        session = self.session
        hist, ds, t = session.history, session.data.dataset, session.step
        if not session.settings.is_linear or hist is None:
            self._note(translate("GradCheck", "kNN has no parameters and no gradient to check."))
            return
        if hist.n_classes != ds.n_classes or hist.n_train != len(ds):
            self._dirty = True  # the session is retraining on the new points
            return
        cfg = hist.config
        W, b = hist.W[t], hist.b[t]
        with one_blas_thread():
            self.result = check_objective(W, b, cfg.features.transform(ds.X), ds.y, cfg, h=H)
        C, D = hist.n_classes, hist.dim
        names = [param_name(k, C, D) for k in range(C * D + C)]
        analytic = np.concatenate([hist.grad_W[t].ravel(), hist.grad_b[t]])
        numeric = np.concatenate([self.result.numeric_W.ravel(), self.result.numeric_b])
        loss = float(hist.loss[t]) if np.isfinite(hist.loss[t]) else 1.0
        round_off = ROUND_OFF_FACTOR * np.finfo(float).eps * max(abs(loss), 1.0) / H
        self.model.set_check(names, analytic, numeric, round_off)
        self.max_error = self.model.max_error
        self.checked_step = t
        zero_names = [n for n, z in zip(names, self.model.both_zero) if z]
        text, level = summary_text(self.max_error, cfg.loss.kind, zero_names)
        colour = OK_COLOUR if level == "ok" else WARN_COLOUR
        self.summary.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.summary.setProperty("level", level)
        self.summary.setText(text)
        self.heading.setText(translate("GradCheck", "Step {0}: ∂loss/∂θ recorded in training against centred "
                                                    "differences (f(θ + h) − f(θ − h)) / 2h, h = 1e-5.").format(t))

    def _note(self, text: str) -> None:
        self.result, self.max_error, self.checked_step = None, float("nan"), None
        self.model.clear()
        self.heading.setText("")
        self.summary.setStyleSheet("")
        self.summary.setProperty("level", "note")
        self.summary.setText(text)


__all__ = ["GradCheckPanel", "GradCheckModel", "summary_text"]
