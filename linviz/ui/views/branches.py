"""The runs panel: every run of the session — the first one and each branch made by
changing a setting (or W, b) part-way — with what changed, its length and final loss.

``session.branches`` holds the recorded Histories: ``retrain()`` starts it anew,
a change with "continue from this step" appends a branch (``.parent``,
``.branch_step``), and playing past the end replaces the grown run. The panel
lists them; picking one shows that run (the step stays where it is, clipped to
the run's length). The list redraws on ``history_changed``: every change of
``branches`` comes with one.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass

import numpy as np
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QItemSelectionModel, QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QLabel, QListView, QVBoxLayout, QWidget

from linviz.engine.training import History, TrainConfig

from ..i18n import QT_TRANSLATE_NOOP
from ..models import SessionModel, WhileDragging
from ..style import font as scaled_font

translate = QCoreApplication.translate

HISTORY_ROLE = Qt.ItemDataRole.UserRole
"""The row's History."""
FONT_PT = 13
CURRENT_MARK = "▶ "
CURRENT_BACKGROUND = "#FFF3C4"

LABELS = {
    "loss.kind": QT_TRANSLATE_NOOP("Branches", "loss"), "loss.variant": "SVM", "loss.delta": "Δ",
    "loss.all_classes": QT_TRANSLATE_NOOP("Branches", "j = yᵢ summed"),
    "loss.mean_over_classes": QT_TRANSLATE_NOOP("Branches", "mean over classes"),
    "loss.squared": QT_TRANSLATE_NOOP("Branches", "squared hinge"),
    "reg.kind": "R(W)", "reg.lam": "λ", "reg.beta": "β", "reg.max_norm": QT_TRANSLATE_NOOP("Branches", "max-norm c"),
    "reg.include_bias": QT_TRANSLATE_NOOP("Branches", "regularise b"),
    "optimizer.kind": QT_TRANSLATE_NOOP("Branches", "optimiser"), "optimizer.momentum": "μ", "optimizer.rho": "ρ",
    "optimizer.beta1": "β₁", "optimizer.beta2": "β₂", "optimizer.eps": "ε",
    "schedule.kind": QT_TRANSLATE_NOOP("Branches", "lr schedule"), "schedule.gamma": "γ",
    "schedule.every": QT_TRANSLATE_NOOP("Branches", "every"), "schedule.k": QT_TRANSLATE_NOOP("Branches", "decay k"),
    "features.kind": QT_TRANSLATE_NOOP("Branches", "features"),
    "features.n_components": QT_TRANSLATE_NOOP("Branches", "features m"),
    "features.gamma": QT_TRANSLATE_NOOP("Branches", "features γ"),
    "features.seed": QT_TRANSLATE_NOOP("Branches", "features seed"),
    "lr": QT_TRANSLATE_NOOP("Branches", "lr"), "batch_size": QT_TRANSLATE_NOOP("Branches", "batch"),
    "tol": "tol", "seed": QT_TRANSLATE_NOOP("Branches", "seed"),
}  # fmt: skip
"""How a TrainConfig field is named in a row ("λ 0.1 → 1"); ``steps`` is left out (playing on grows it).
English, translated where a row is drawn."""
NAMES = {"svm": "SVM", "softmax": "Softmax", "ww": "Weston–Watkins", "ova": QT_TRANSLATE_NOOP("Branches", "one-vs-all"),
         "l2": "L2", "half-l2": "½L2", "l1": "L1", "none": QT_TRANSLATE_NOOP("Branches", "none"), "sgd": "SGD",
         "adam": "Adam"}  # fmt: skip


# --- what a row says ------------------------------------------------------------------------------
def format_value(path: str, v) -> str:
    """A setting's value as a row shows it."""
    if v is None:
        return translate("Branches", "full") if path == "batch_size" else translate("Branches", "none")
    if isinstance(v, bool):
        return translate("Branches", "on") if v else translate("Branches", "off")
    if isinstance(v, float):
        return f"{v:g}"
    return translate("Branches", NAMES.get(v, str(v))) if isinstance(v, str) else str(v)


def _flat(cfg, prefix: str = "") -> dict:
    """{"reg.lam": 0.1, …}: the leaves of a (nested) dataclass."""
    out = {}
    for f in fields(cfg):
        v = getattr(cfg, f.name)
        if is_dataclass(v):
            out.update(_flat(v, f"{prefix}{f.name}."))
        else:
            out[f"{prefix}{f.name}"] = v
    return out


def config_changes(old: TrainConfig, new: TrainConfig) -> list[str]:
    """["λ 0.1 → 1", "lr 0.1 → 0.5", …]: the settings that differ (``steps`` aside)."""
    a, b = _flat(old), _flat(new)
    return [f"{translate('Branches', LABELS.get(k, k))} {format_value(k, a[k])} → {format_value(k, b[k])}"
            for k in a if k != "steps" and a[k] != b.get(k)]  # fmt: skip


def edits(parent: History, h: History) -> list[str]:
    """["edited W"] etc. when the branch replaced W or b at its branch step (a typed edit)."""
    k = h.branch_step
    if k is None or k >= len(parent) or k >= len(h):
        return []
    w, b = not np.array_equal(parent.W[k], h.W[k]), not np.array_equal(parent.b[k], h.b[k])
    if not (w or b):
        return []
    return [translate("Branches", "edited W and b") if w and b else
            translate("Branches", "edited W") if w else translate("Branches", "edited b")]


def parent_index(branches: list[History], h: History) -> int | None:
    """Index of the run ``h`` branched from. When playing on has replaced that run by a
    longer copy (``extend``), the copy is found by its origin and shared steps."""
    p = h.parent
    if p is None:
        return None
    for i, c in enumerate(branches):
        if c is p:
            return i
    last = len(p) - 1
    for i, c in enumerate(branches):
        same_origin = c.parent is p.parent and c.branch_step == p.branch_step
        if c is not h and same_origin and len(c) > last >= 0 and np.array_equal(c.W[last], p.W[last]):
            return i
    return None


def short_name(branches: list[History], i: int) -> str:
    """"run 1" for a first run, "branch 3" for a branch."""
    if branches[i].parent is None:
        return translate("Branches", "run {0}").format(i + 1)
    return translate("Branches", "branch {0}").format(i + 1)


def run_name(branches: list[History], i: int) -> str:
    """"run 1" for a first run, "branch 3 from step 40 of branch 2" for a branch."""
    h = branches[i]
    if h.parent is None:
        return short_name(branches, i)
    p = parent_index(branches, h)
    if p is not None and p != i:
        return translate("Branches", "branch {0} from step {1} of {2}").format(i + 1, h.branch_step,
                                                                               short_name(branches, p))
    return translate("Branches", "branch {0} from step {1}").format(i + 1, h.branch_step)


def run_details(branches: list[History], i: int) -> list[str]:
    """What is special about run i: its changes from the parent, or (a first run) its main settings."""
    h = branches[i]
    if h.parent is None:
        cfg = h.config
        return [format_value("", cfg.loss.kind), f"λ {cfg.reg.lam:g}",
                translate("Branches", "lr {0}").format(f"{cfg.lr:g}"),
                translate("Branches", "batch {0}").format(format_value("batch_size", cfg.batch_size))]  # fmt: skip
    return config_changes(h.parent.config, h.config) + edits(h.parent, h) or [translate("Branches", "same settings")]


def run_figures(h: History) -> str:
    """"300 steps · final loss 0.532" (and why it stopped, when not for the step count)."""
    text = translate("Branches", "{0} steps · final loss {1}").format(h.last, f"{h.loss[h.last]:.4g}") if len(h) \
        else translate("Branches", "no steps")
    if h.stop_reason == "converged":
        text += " · " + translate("Branches", "converged: gradient ≈ 0")
    elif h.stop_reason == "small_change":
        text += " · " + translate("Branches", "stopped: change below tol")
    elif h.stop_reason == "diverged":
        text += " · " + translate("Branches", "diverged")
    return text


# --- switching runs -----------------------------------------------------------------------------------
def show_branch(session: SessionModel, index: int) -> None:
    """Show the run ``session.branches[index]``, keeping the step (clipped to its length): the
    session core's rule (``SessionModel.show_branch``)."""
    session.show_branch(index)


# --- the list -------------------------------------------------------------------------------------------
class BranchesModel(QAbstractListModel):
    """One row per run of ``session.branches``: two lines (name; changes · steps · final loss).
    The shown run is bold, marked ▶ and shaded. ``HISTORY_ROLE`` gives a row's History."""

    def __init__(self, session: SessionModel, parent=None):
        super().__init__(parent)
        self.session = session
        self._runs: list[History] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def refresh(self) -> None:
        """Re-read ``session.branches`` (empty while the model does not train: kNN)."""
        self.beginResetModel()
        self._runs = list(self.session.branches) if self.session.history is not None else []
        self.endResetModel()

    def current_row(self) -> int | None:
        return next((i for i, h in enumerate(self._runs) if h is self.session.history), None)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._runs)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._runs):
            return None
        i, h = index.row(), self._runs[index.row()]
        current = h is self.session.history
        if role == Qt.ItemDataRole.DisplayRole:
            mark = CURRENT_MARK if current else ""
            return f"{mark}{run_name(self._runs, i)}\n{' · '.join(run_details(self._runs, i))}\n{run_figures(h)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("Branches", "Show this run (the step stays where it is).") + (
                "\n" + translate("Branches", "This run is shown now.") if current else "")
        if role == Qt.ItemDataRole.FontRole and current:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return QBrush(QColor(CURRENT_BACKGROUND))
        if role == HISTORY_ROLE:
            return h
        return None


class BranchesPanel(QWidget):
    """The list of runs; selecting one shows it. objectNames: ``branchesPanel``,
    ``branchesList`` (the QListView), ``branchesNote`` (shown when there is nothing to list)."""

    def __init__(self, session: SessionModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("branchesPanel")
        self.model = BranchesModel(session, self)
        self.view = QListView()
        self.view.setObjectName("branchesList")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setAlternatingRowColors(True)
        font = scaled_font(FONT_PT, base=self.font())
        self.view.setFont(font)
        self.note = QLabel(translate("Branches", "kNN does not train: there are no runs to compare."))
        self.note.setObjectName("branchesNote")
        self.note.setWordWrap(True)
        self.note.setFont(font)
        hint = QLabel(translate("Branches", "Rewind, choose “branch from this step” and change a setting: "
                                            "the run branches there."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #444;")
        hint.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addWidget(hint)

        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        session.history_changed.connect(WhileDragging(session, self.refresh))  # a dragged point: 10× a second
        self.refresh()

    def refresh(self) -> None:
        """Re-list the runs and select the one shown (without echoing back to the session)."""
        self.model.refresh()
        self.note.setVisible(self.model.rowCount() == 0)
        row = self.model.current_row()
        with QSignalBlocker(self.view.selectionModel()):
            self.view.clearSelection()
            if row is not None:
                index = self.model.index(row)
                self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.viewport().update()

    def row_texts(self) -> list[str]:
        """Each row's text as shown (for tests and the status bar)."""
        return [self.model.data(self.model.index(i)) for i in range(self.model.rowCount())]

    def select(self, row: int) -> None:
        """Select a row as a click would (shows that run)."""
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.view.selectionModel().setCurrentIndex(self.model.index(row), flags)

    def _on_selection(self, *_args) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            show_branch(self.session, rows[0].row())


def install(window) -> QDockWidget:
    """Add the panel as a "Runs" dock (objectName ``dock_BranchesPanel``) tabbed with the
    right-hand docks, and its toggle to the View menu. Returns the dock (again on a second call)."""
    existing = window.findChild(QDockWidget, "dock_BranchesPanel")
    if existing is not None:
        return existing
    panel = BranchesPanel(window.session)
    dock = QDockWidget(translate("Branches", "Runs"), window)
    dock.setObjectName("dock_BranchesPanel")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    docks = getattr(window, "docks", {})
    anchor = docks.get("loss")  # the runs sit beside the loss curve that overlays them
    if anchor is not None:
        window.tabifyDockWidget(anchor, dock)
        anchor.raise_()
    if isinstance(docks, dict):
        docks["branches"] = dock
    from .. import i18n

    menu = i18n.find_menu(window, "view_menu", "&View")
    if menu is not None:
        menu.addAction(dock.toggleViewAction())
    return dock


__all__ = ["BranchesPanel", "BranchesModel", "install", "show_branch", "config_changes", "run_name", "HISTORY_ROLE"]
