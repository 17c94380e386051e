"""The lecture's score table (cat / car / frog), live at the current step.

One column per selected example, one row per class score s_j = w_j·φ(x) + b_j,
then the loss as the lecture works it out: for the SVM the hinge term of each
class and L_i; for Softmax e^{s_j}, the probabilities p_j and L_i = −log p_yi;
then the whole training set's data loss, λR(W) and their total. The numbers
come from the engine (``per_example_terms``, ``log_softmax`` and the History),
so they are the ones training uses. For kNN the table shows each example's k
nearest neighbours and their votes instead.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from linviz.engine.losses import LossConfig, log_softmax, per_example_terms

from .. import i18n
from ..models import DatasetModel, SessionModel, WhileDragging
from ..style import class_colours, fonts
from ..widgets import MarkupLine, SteadyLabel
from .cell_looks import CellLooks, LookDelegate, RemembersLooks
from ..table_cells import VALUE_ROLE, class_icon, class_name, format_number, number_font

translate = QCoreApplication.translate

ROW_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
"""The kind of a cell's row: "score", "term", "L", "exp", "prob", "data_loss",
"reg_loss", "loss", "votes", "predicted" or "neighbours"."""
CLASS_ROLE = Qt.ItemDataRole.UserRole + 2
"""The class j of the cell's row (−1 for rows that are not per class)."""
EXAMPLE_ROLE = Qt.ItemDataRole.UserRole + 3
"""The dataset index of the cell's column (the example)."""
IS_TRUE_ROLE = Qt.ItemDataRole.UserRole + 4
"""True where the row's class is the column's true class."""

SUMMARY_KINDS = ("data_loss", "reg_loss", "loss")
CHECK = "✓"
DASH = "—"
TRUE_TINT = 0.28
BLOCK_SHADE = QColor("#F3F3F3")
_SHADED = frozenset({"term", "exp", "L", "predicted"})
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_SHADE_BRUSH = QBrush(BLOCK_SHADE)
_GREY_BRUSH = QBrush(QColor("#8A8A8A"))
_RED_BRUSH = QBrush(QColor("#B00020"))


def _tint(hex_colour: str, amount: float) -> QColor:
    c = QColor(hex_colour)
    return QColor(*(round(255 + amount * (v - 255)) for v in (c.red(), c.green(), c.blue())))


def _format_exp(v: float) -> str:
    """e^{s}: 3 decimals, but tiny or huge values in scientific notation."""
    if np.isfinite(v) and 0 < v < 1e-3:
        return f"{v:.2e}".replace("-", "\u2212")
    return format_number(v) if np.isfinite(v) else translate("ScoreTable", "overflow")


def loss_caption(cfg: LossConfig) -> str:
    """The name and formula of the loss ``cfg`` names, as two lines of rich text."""
    yi = "y<sub>i</sub>"
    if cfg.kind == "softmax":
        return (translate("ScoreTable", "<b>Softmax</b> (cross-entropy)") + "<br>"
                f"p<sub>j</sub> = e<sup>s<sub>j</sub></sup> / Σ<sub>k</sub> e<sup>s<sub>k</sub></sup>, "
                f"&nbsp;L<sub>i</sub> = −log p<sub>{yi}</sub>")
    if cfg.kind == "lsq":
        return (translate("ScoreTable", "<b>Least squares</b> (one-hot targets t)") + "<br>"
                f"L<sub>i</sub> = ½ Σ<sub>j</sub> (s<sub>j</sub> − t<sub>j</sub>)², t<sub>j</sub> = 1 if j = {yi}")
    sq = "²" if cfg.squared else ""
    if cfg.variant == "ova":
        scale = "1/C · " if cfg.mean_over_classes else ""
        body = f"{scale}Σ<sub>j</sub> max(0, Δ − y<sub>ij</sub>·s<sub>j</sub>){sq}"
        name = translate("ScoreTable", "One-vs-all SVM")
    elif cfg.variant == "structured":
        body = f"max(0, max<sub>j≠{yi}</sub> s<sub>j</sub> − s<sub>{yi}</sub> + Δ){sq}"
        name = translate("ScoreTable", "Structured SVM")
    else:
        over = "j" if cfg.all_classes else f"j≠{yi}"
        scale = ("1/C · " if cfg.all_classes else "1/(C−1) · ") if cfg.mean_over_classes else ""
        body = f"{scale}Σ<sub>{over}</sub> max(0, s<sub>j</sub> − s<sub>{yi}</sub> + Δ){sq}"
        name = translate("ScoreTable", "Multiclass SVM")
    return f"<b>{name}</b>, Δ = {cfg.delta:g}<br>L<sub>i</sub> = {body}"


class ScoreTableModel(RemembersLooks, QAbstractTableModel):
    """Rows described by ``rows`` — (kind, j) pairs — and one column per example in ``examples``.

    Roles: DisplayRole (text), VALUE_ROLE (the raw float; an int for votes,
    the label for "predicted", a tuple of indices for "neighbours"),
    ROW_KIND_ROLE, CLASS_ROLE, EXAMPLE_ROLE, IS_TRUE_ROLE, ToolTipRole.
    ``mode`` is "svm", "softmax", "knn" or "" (nothing to show).
    """

    def __init__(self, data: DatasetModel, session: SessionModel, parent=None):
        super().__init__(parent)
        self.data_model, self.session = data, session
        self.font = number_font(delta=0)
        self.bold_font = number_font(delta=0, bold=True)
        self.mode = ""
        self.rows: list[tuple[str, int]] = []
        self.examples: tuple[int, ...] = ()
        self.labels = np.zeros(0, np.int64)
        self.class_names: tuple[str, ...] = ()
        self.loss_cfg: LossConfig | None = None
        self.values: dict[str, np.ndarray] = {}
        self.summary: dict[str, float] = {}
        self._key = None
        self._looks = CellLooks()
        self._n_style = 2
        self._true_brushes: list[QBrush] = []
        self._handlers = {
            Qt.ItemDataRole.DisplayRole: self._text,
            VALUE_ROLE: lambda kind, j, row, col: self.raw(row, col),
            ROW_KIND_ROLE: lambda kind, j, row, col: kind,
            CLASS_ROLE: lambda kind, j, row, col: j,
            EXAMPLE_ROLE: lambda kind, j, row, col: self.examples[col],
            IS_TRUE_ROLE: lambda kind, j, row, col: self._is_true(kind, j, col),
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.BackgroundRole: self._background,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
        }
        refresh = WhileDragging(session, self.refresh)  # a dragged point: catch up 10× a second
        session.step_changed.connect(refresh)
        session.history_changed.connect(refresh)
        session.settings_changed.connect(self.refresh)
        session.selection_changed.connect(self.refresh)
        data.changed.connect(self._on_data_changed)
        i18n.notifier.changed.connect(self.refresh)  # a "(tie)" in the new language
        self.refresh()

    def _on_data_changed(self) -> None:
        if not self.session.retrain_pending:  # else the retrain's history_changed refreshes
            self.refresh()

    # --- lookup helpers for code and tests ------------------------------------------
    def row_of(self, kind: str, j: int = -1) -> int:
        """The row index of (kind, class j); −1 when there is no such row."""
        try:
            return self.rows.index((kind, j))
        except ValueError:
            return -1

    def column_of(self, example: int) -> int:
        try:
            return self.examples.index(example)
        except ValueError:
            return -1

    def value(self, kind: str, j: int, example_column: int):
        """The raw value of row (kind, j) in column ``example_column``."""
        return self.index(self.row_of(kind, j), example_column).data(VALUE_ROLE)

    # --- recompute ------------------------------------------------------------------
    def _examples(self, n_classes: int) -> tuple[int, ...]:
        ds = self.data_model.dataset
        return tuple(i for i in self.session.selected_examples if 0 <= i < len(ds) and ds.y[i] < n_classes)

    def refresh(self, *_):
        """Recompute from the models: a reset when rows or columns changed, else one dataChanged."""
        ds, s, h = self.data_model.dataset, self.session.settings, self.session.history
        self.values, self.summary = {}, {}
        self._n_style = ds.n_classes
        if h is not None:
            C = h.n_classes
            examples = self._examples(C)
            cfg = h.config.loss
            mode = "softmax" if cfg.kind == "softmax" else "svm"
            self.loss_cfg = cfg
            if examples:
                self._compute_linear(h, examples, cfg)
        elif not s.is_linear and self.session.knn is not None:
            knn = self.session.knn
            C = knn.n_classes
            examples = self._examples(C)
            mode = "knn"
            self.loss_cfg = None
            if examples:
                self._compute_knn(knn, examples)
        else:
            C, examples, mode, self.loss_cfg = 0, (), "", None
        names = tuple(class_name(ds.class_names, j) for j in range(C))
        labels = tuple(int(ds.y[i]) for i in examples)
        rows = self._rows(mode, C) if examples else []
        key = (mode, C, examples, labels, names, self._term_hidden_key())
        if key != self._key:
            self.beginResetModel()
            self._key, self.mode, self.rows, self.examples = key, mode, rows, examples
            self.labels, self.class_names = np.array(labels, np.int64), names
            colours = class_colours(max(self._n_style, C, 2))
            self._true_brushes = [QBrush(_tint(colours[k % len(colours)], TRUE_TINT)) for k in range(C)]
            self.endResetModel()
            self._looks.reset(self)
        elif self.rows and self.examples:
            self._looks.emit_changes(self)

    def _term_hidden_key(self):
        cfg = self.loss_cfg
        return None if cfg is None else (cfg.kind, cfg.variant, cfg.all_classes, cfg.squared, cfg.mean_over_classes)

    @staticmethod
    def _rows(mode: str, C: int) -> list[tuple[str, int]]:
        blocks = {
            "svm": ("score", "term"),
            "softmax": ("score", "exp", "prob"),
            "knn": ("votes",),
        }.get(mode, ())
        rows = [(kind, j) for kind in blocks for j in range(C)]
        if mode in ("svm", "softmax"):
            rows += [("L", -1)] + [(k, -1) for k in SUMMARY_KINDS]
        elif mode == "knn":
            rows += [("predicted", -1), ("neighbours", -1)]
        return rows

    def _compute_linear(self, h, examples, cfg: LossConfig):
        ds, t = self.data_model.dataset, self.session.step
        idx = np.array(examples)
        Phi = h.config.features.transform(ds.X[idx])
        scores = Phi @ h.W[t].T + h.b[t]  # (M, C)
        y = ds.y[idx].astype(np.int64)
        terms = per_example_terms(scores, y, cfg)
        v = {"score": scores, "term": terms, "L": terms.sum(axis=1)}
        if cfg.kind == "softmax":
            logp = log_softmax(scores)
            with np.errstate(over="ignore"):
                v["exp"] = np.exp(scores)
            v["prob"] = np.exp(logp)
            v["L"] = -logp[np.arange(len(y)), y]
        self.values = v
        self.summary = {"data_loss": float(h.data_loss[t]), "reg_loss": float(h.reg_loss[t]),
                        "loss": float(h.loss[t])}

    def _compute_knn(self, knn, examples):
        ds = self.data_model.dataset
        Xq = ds.X[np.array(examples)]
        _, idx = knn.kneighbors(Xq)
        votes = knn.vote_counts(Xq)
        pred, tie = knn.predict_with_ties(Xq)
        self.values = {"votes": votes.astype(float), "predicted": pred, "tie": tie, "neighbours": idx}

    # --- Qt model API ---------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or not self.rows else len(self.examples)

    def _is_true(self, kind: str, j: int, col: int) -> bool:
        return bool(j >= 0 and kind in ("score", "exp", "prob", "votes", "term") and j == self.labels[col])

    def _term_hidden(self, j: int, col: int) -> bool:
        """The true class's own term is no term of L_i (shown "—") unless the loss sums over it."""
        cfg = self.loss_cfg
        if cfg is None or cfg.kind != "svm" or j != self.labels[col]:
            return False
        return cfg.variant == "structured" or (cfg.variant == "ww" and not cfg.all_classes)

    def raw(self, row: int, col: int):
        kind, j = self.rows[row]
        if kind in SUMMARY_KINDS:
            return self.summary.get(kind)
        if kind not in self.values:
            return None
        if kind == "L":
            return float(self.values["L"][col])
        if kind == "predicted":
            return int(self.values["predicted"][col])
        if kind == "neighbours":
            return tuple(int(i) for i in self.values["neighbours"][col])
        if kind == "votes":
            return int(self.values["votes"][col, j])
        return float(self.values[kind][col, j])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # one dict lookup per call: the view asks ~10 roles per cell, 60 times a second
        handler = self._handlers.get(role)
        if handler is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self.rows) and 0 <= col < len(self.examples)):
            return None
        kind, j = self.rows[row]
        return handler(kind, j, row, col)

    def _alignment(self, kind, j, row, col):
        if kind in SUMMARY_KINDS or kind in ("predicted", "neighbours"):
            return _ALIGN_CENTRE
        return _ALIGN_RIGHT

    def paint_look(self, row: int, col: int) -> tuple:
        """(text, font, text brush, background brush, alignment) of a cell, for :class:`LookDelegate`
        and :class:`CellLooks`."""
        kind, j = self.rows[row]
        return (self._text(kind, j, row, col), self._font(kind, j, row, col), self._foreground(kind, j, row, col),
                self._background(kind, j, row, col), self._alignment(kind, j, row, col))

    def _font(self, kind, j, row, col):
        bold = kind in ("L", "loss") or (kind != "term" and self._is_true(kind, j, col))
        if kind == "votes":
            v = self.values.get("votes")
            bold = v is not None and v[col, j] > 0 and v[col, j] == v[col].max()
        return self.bold_font if bold else self.font

    def _text(self, kind, j, row, col) -> str | None:
        v = self.raw(row, col)
        if v is None:
            return ""
        if kind == "term" and self._term_hidden(j, col):
            return DASH
        if kind == "exp":
            return _format_exp(v)
        if kind == "votes":
            text = str(v)
        elif kind == "predicted":
            tie = bool(self.values["tie"][col])
            mark = CHECK if v == self.labels[col] else "✗"
            return f"{class_name(self.class_names, v)} {mark}" + (" " + translate("ScoreTable", "(tie)") if tie else "")
        elif kind == "neighbours":
            return " ".join(f"#{i + 1}" for i in v)
        else:
            text = format_number(v)
        if self._is_true(kind, j, col) and kind != "term":
            text = f"{CHECK} {text}"
        return text

    def _foreground(self, kind, j, row, col):
        if kind == "term":
            if self._term_hidden(j, col) or not self.raw(row, col):
                return _GREY_BRUSH
            return _RED_BRUSH  # this class violates the margin: it adds to L_i
        if kind == "votes" and not self.raw(row, col):
            return _GREY_BRUSH
        return None

    def _background(self, kind, j, row, col):
        if kind != "term" and self._is_true(kind, j, col):
            return self._true_brushes[j] if j < len(self._true_brushes) else None
        return _SHADE_BRUSH if kind in _SHADED else None

    def _tooltip(self, kind, j, row, col) -> str:
        i = self.examples[col]
        name = class_name(self.class_names, j) if j >= 0 else ""
        true = class_name(self.class_names, int(self.labels[col]))
        v = self.raw(row, col)
        exact = f" = {v:.6g}" if isinstance(v, float) else ""
        text = {
            "score": lambda: translate("ScoreTable", "s_{0} = w_{0}·x + b_{0}{1} for point #{2} (true class {3})").format(
                name, exact, i + 1, true),
            "term": lambda: translate("ScoreTable", "hinge term of class {0}{1}: how far s_{0} comes within Δ of s_{2}").format(
                name, exact, true),
            "L": lambda: translate("ScoreTable", "L_i{0}: the loss of point #{1}").format(exact, i + 1),
            "exp": lambda: translate("ScoreTable", "e^s for class {0}{1}").format(name, exact),
            "prob": lambda: f"p_{name} = e^s_{name} / Σ_k e^s_k{exact}",
            "data_loss": lambda: translate("ScoreTable", "1/N Σ_i L_i over all {0} training points{1}").format(
                len(self.data_model.dataset), exact),
            "reg_loss": lambda: f"λ R(W){exact}",
            "loss": lambda: translate("ScoreTable", "data loss + λ R(W){0}").format(exact),
            "votes": lambda: translate("ScoreTable", "how many of the k nearest neighbours of #{0} are of class {1}").format(
                i + 1, name),
            "predicted": lambda: translate("ScoreTable", "the majority vote (a tie goes to the class of the nearest tied "
                                                  "neighbour)"),
            "neighbours": lambda: translate("ScoreTable", "the k nearest training points, nearest first (a training point is "
                                                   "its own nearest)"),
        }[kind]()
        if kind == "term" and self._term_hidden(j, col):
            text = translate("ScoreTable", "the true class takes no part in the sum (j ≠ y_i)")
        return text

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.examples):
                return None
            i, label = self.examples[section], int(self.labels[section])
            if role == Qt.ItemDataRole.DisplayRole:
                return f"#{i + 1}\n{class_name(self.class_names, label)}"
            if role == Qt.ItemDataRole.DecorationRole:
                return class_icon(label, max(self._n_style, len(self.class_names)))
            if role == Qt.ItemDataRole.ToolTipRole:
                x = self.data_model.dataset.X[i] if i < len(self.data_model.dataset) else (np.nan, np.nan)
                return translate("ScoreTable", "point #{0} at ({1}, {2}), true class {3}").format(
                    i + 1, f"{x[0]:.2f}", f"{x[1]:.2f}", class_name(self.class_names, label))
            if role == VALUE_ROLE:
                return i
            return None
        if not 0 <= section < len(self.rows):
            return None
        kind, j = self.rows[section]
        name = class_name(self.class_names, j) if j >= 0 else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_title(kind, name)
        if role == Qt.ItemDataRole.DecorationRole and j >= 0:
            return class_icon(j, max(self._n_style, len(self.class_names)))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(kind, j, section, 0) if self.examples else None
        if role == ROW_KIND_ROLE:
            return kind
        if role == Qt.ItemDataRole.FontRole and kind in ("L", "loss"):
            f = QFont(QApplication.font())
            f.setBold(True)
            return f
        return None

    def _row_title(self, kind: str, name: str) -> str:
        cfg = self.loss_cfg
        sq = "²" if cfg is not None and cfg.squared else ""
        return {
            "score": f"s {name}",
            "term": f"½(s − t)² {name}" if cfg is not None and cfg.kind == "lsq"
            else translate("ScoreTable", "hinge{0} {1}").format(sq, name),
            "exp": f"eˢ {name}",
            "prob": f"p {name}",
            "L": "Lᵢ = −log p" if self.mode == "softmax" else "Lᵢ",
            "data_loss": "1/N Σ Lᵢ",
            "reg_loss": "λR(W)",
            "loss": translate("ScoreTable", "total loss"),
            "votes": translate("ScoreTable", "votes {0}").format(name),
            "predicted": translate("ScoreTable", "predicted"),
            "neighbours": translate("ScoreTable", "k nearest"),
        }[kind]


class ScoreTable(QWidget):
    """The score table widget: the loss formula above, the table, a note when there is nothing to show.

    Attributes for tests: ``model`` (:class:`ScoreTableModel`), ``view``,
    ``caption`` (the formula), ``step_label``, ``note``.
    """

    def __init__(self, data: DatasetModel, session: SessionModel, parent=None):
        super().__init__(parent)
        self.data, self.session = data, session
        self.setObjectName("scoreTable")
        self.model = ScoreTableModel(data, session, self)
        self.caption = QLabel()
        self.caption.setObjectName("scoreCaption")
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        self.step_label = MarkupLine()
        self.step_label.setObjectName("scoreStep")
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.note = QLabel()
        self.note.setObjectName("scoreNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555; font-style: italic;")

        self.view = QTableView()
        self.view.setItemDelegate(LookDelegate(self.view))
        self.view.setObjectName("scoreView")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setWordWrap(False)
        self.view.setCornerButtonEnabled(False)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.view.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        hh = self.view.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._fit_fonts()
        fonts.changed.connect(self._fit_fonts)  # a new presentation font size

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.caption, 1)
        top.addWidget(self.step_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)

        self.model.modelReset.connect(self._on_reset)
        session.step_changed.connect(WhileDragging(session, self._update_step))
        session.settings_changed.connect(self._update_caption)
        session.history_changed.connect(self._update_caption)
        i18n.notifier.changed.connect(self._update_caption)  # the caption, the note and the step label
        self._on_reset()

    def sizeHint(self):
        """Tall enough for every row (SVM ~13, Softmax ~17 for 3 classes), at most 560 px."""
        rows = max(self.model.rowCount(), 6)
        vh, hh = self.view.verticalHeader(), self.view.horizontalHeader()
        height = (self.caption.sizeHint().height() + max(hh.sizeHint().height(), 44)
                  + rows * vh.defaultSectionSize() + 16)
        return QSize(450, min(height, 560))

    def minimumSizeHint(self):
        return QSize(260, 160)

    def whole_width(self) -> int:
        """The width at which every example column shows whole (up to four columns: more scroll)."""
        view, hh = self.view, self.view.horizontalHeader()
        cols = min(self.model.columnCount(), 4)
        margins = self.layout().contentsMargins()
        return (view.verticalHeader().sizeHint().width() + cols * hh.minimumSectionSize() + 2 * view.frameWidth()
                + margins.left() + margins.right())

    def _fit_fonts(self, *_):
        """Number fonts, row heights and column widths from the current font size."""
        m, vh, hh = self.model, self.view.verticalHeader(), self.view.horizontalHeader()
        m.font, m.bold_font = number_font(delta=0), number_font(delta=0, bold=True)
        m.forget_looks()
        vh.setDefaultSectionSize(max(QFontMetrics(m.font).height(), self.view.fontMetrics().height()) + 5)
        hh.setMinimumSectionSize(QFontMetrics(m.bold_font).horizontalAdvance("✓ −0.000") + 12)
        if m.columnCount() > 4:
            self.view.resizeColumnsToContents()
        self.updateGeometry()

    def _on_reset(self):
        m, view = self.model, self.view
        view.clearSpans()
        cols = m.columnCount()
        if cols > 1:
            for kind in SUMMARY_KINDS + ("",):
                r = m.row_of(kind)
                if r >= 0:
                    view.setSpan(r, 0, 1, cols)
        hh = view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch if cols <= 4 else QHeaderView.ResizeMode.Interactive)
        if cols > 4:
            view.resizeColumnsToContents()
        self._update_caption()
        self.updateGeometry()

    def _update_caption(self, *_):
        m, s = self.model, self.session
        note = ""
        if m.mode in ("svm", "softmax"):
            self.caption.setText(loss_caption(m.loss_cfg))
        elif not s.settings.is_linear:
            knn = s.settings.knn
            self.caption.setText(translate("ScoreTable", "<b>kNN</b> (k = {0}, {1}): the k nearest training points "
                                                         "vote").format(knn.k, knn.metric.upper()))
            if s.knn is None:
                note = translate("ScoreTable", "kNN needs at least k = {0} points to vote.").format(knn.k)
        else:
            self.caption.setText("")
        if not m.examples and not note:
            note = translate("ScoreTable", "No points yet: add some on the plane, then click points to show their "
                                           "scores here.")
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.view.setVisible(bool(m.rows))
        self._update_step()

    def _update_step(self, *_):
        h = self.session.history
        self.step_label.setText("" if h is None else translate("ScoreTable", "step <b>{0}</b>").format(self.session.step))


__all__ = ["ScoreTable", "ScoreTableModel", "VALUE_ROLE", "ROW_KIND_ROLE", "CLASS_ROLE", "EXAMPLE_ROLE",
           "IS_TRUE_ROLE", "loss_caption"]
