"""State and Qt item models of the CIFAR-10 window.

- :class:`TrainRequest`: every setting of one training or search, a frozen
  snapshot taken in the GUI thread and handed to a worker;
- :class:`TrainResult`, :class:`SearchOutcome`: what a worker hands back;
- :class:`ScoreModel`: one image's score table, the lecture's cat / car / frog
  slide turned sideways (a row per class, the loss worked out in columns);
- :class:`ConfusionModel`: the 10 × 10 confusion matrix and per-class accuracy;
- :class:`GalleryModel`: the test images with their true and predicted labels.

Every model answers ``VALUE_ROLE`` with the raw number behind a cell.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from linviz.engine.image_training import ImageTrainConfig, LinearRun, PreparedData, recommended_config
from linviz.engine.knn import KNearestNeighbors
from linviz.engine.losses import LossConfig, log_softmax, per_example_terms
from linviz.engine.regularizers import RegConfig

from ..i18n import QT_TRANSLATE_NOOP
from ..style import class_colours
from ..table_cells import VALUE_ROLE, class_icon, format_number, number_font
from .images import WRONG_COLOUR, image_pixmap

LABEL_ROLE = Qt.ItemDataRole.UserRole + 1
"""Gallery: the true class of the image."""
PRED_ROLE = Qt.ItemDataRole.UserRole + 2
"""Gallery: the predicted class (−1 before a model has been trained)."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
"""Score table: the kind of the cell's column ("score", "term", "exp", "prob", "votes")."""

MODELS = ("svm", "softmax", "knn")
MODEL_TITLES = {"svm": QT_TRANSLATE_NOOP("Cifar", "Multiclass SVM"), "softmax": "Softmax",
                "knn": QT_TRANSLATE_NOOP("Cifar", "k-nearest neighbours")}
FEATURE_TITLES = {"raw": QT_TRANSLATE_NOOP("Cifar", "raw pixels"), "hog": "HOG",
                  "color": QT_TRANSLATE_NOOP("Cifar", "colour histogram"),
                  "hog+color": QT_TRANSLATE_NOOP("Cifar", "HOG + colour")}
"""English names; ``translate("Cifar", …)`` where they are shown."""
CLASS_TITLES = {"airplane": QT_TRANSLATE_NOOP("Cifar", "airplane"), "automobile": QT_TRANSLATE_NOOP("Cifar", "automobile"),
                "bird": QT_TRANSLATE_NOOP("Cifar", "bird"), "cat": QT_TRANSLATE_NOOP("Cifar", "cat"),
                "deer": QT_TRANSLATE_NOOP("Cifar", "deer"), "dog": QT_TRANSLATE_NOOP("Cifar", "dog"),
                "frog": QT_TRANSLATE_NOOP("Cifar", "frog"), "horse": QT_TRANSLATE_NOOP("Cifar", "horse"),
                "ship": QT_TRANSLATE_NOOP("Cifar", "ship"), "truck": QT_TRANSLATE_NOOP("Cifar", "truck")}
"""CIFAR-10's ten class names as the data files spell them (``batches.meta``), marked for translation."""


def shown_class_names(names) -> tuple[str, ...]:
    """The class names in the language shown: CIFAR-10's own ten translated, any other name as it is."""
    return tuple(translate("Cifar", CLASS_TITLES[n]) if n in CLASS_TITLES else n for n in names)


translate = QCoreApplication.translate
CHECK, CROSS, DASH = "✓", "✗", "—"
TRUE_TINT = 0.28
_SHADE = QBrush(QColor("#F3F3F3"))
_GREY = QBrush(QColor("#8A8A8A"))
_RED = QBrush(QColor(WRONG_COLOUR))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def tint(hex_colour: str, amount: float) -> QColor:
    """``hex_colour`` blended with white: amount 0 is white, 1 the colour itself."""
    c = QColor(hex_colour)
    return QColor(*(round(255 + amount * (v - 255)) for v in (c.red(), c.green(), c.blue())))


# ----------------------------------------------------------------------------- plain state


@dataclass(frozen=True)
class TrainRequest:
    """The settings of one job. ``reg`` is λ of the L2 penalty λ Σ W²; ``metric`` "l1" / "l2"."""

    model: str = "svm"
    features: str = "raw"
    train_size: int = 5000
    val_size: int = 1000
    test_size: int = 10000
    seed: int = 0
    lr: float = 1e-7
    reg: float = 2.5e4
    iters: int = 1500
    batch_size: int = 200
    k: int = 5
    metric: str = "l2"

    @property
    def is_linear(self) -> bool:
        return self.model != "knn"

    @property
    def prep_key(self) -> tuple:
        """What ``prepare`` depends on: equal keys share one PreparedData."""
        return (self.features, self.train_size, self.val_size, self.test_size, self.seed)

    def config(self) -> ImageTrainConfig:
        """The engine's config (linear models only): validation measured ~50 times per run."""
        return recommended_config(self.model, self.features, lr=self.lr, reg=RegConfig("l2", lam=self.reg),
                                  iters=self.iters, batch_size=self.batch_size, seed=self.seed,
                                  eval_every=max(1, self.iters // 50))


@dataclass(eq=False)
class TrainResult:
    """A finished (or stopped) training: a LinearRun, or a fitted kNN, with test predictions."""

    request: TrainRequest
    prep: PreparedData
    run: LinearRun | None
    knn: KNearestNeighbors | None
    test_pred: np.ndarray
    val_acc: float | None
    test_acc: float
    seconds: float


@dataclass(eq=False)
class SearchOutcome:
    """A finished (or stopped) lr × λ search and the data it ran on."""

    request: TrainRequest
    prep: PreparedData
    result: object  # engine SearchResult


# ----------------------------------------------------------------------------- score table


class ScoreModel(QAbstractTableModel):
    """One image's scores, one row per class, then a row for Lᵢ.

    Columns — SVM: sⱼ and the hinge term max(0, sⱼ − s_yᵢ + Δ), with Lᵢ (their
    sum) under the terms; Softmax: sⱼ, eˢʲ and pⱼ, with Lᵢ = −log p_yᵢ under the
    probabilities; kNN: the votes of the k nearest neighbours (no Lᵢ row).
    The numbers come from the engine (``per_example_terms``, ``log_softmax``).
    Roles: DisplayRole, VALUE_ROLE (raw float; int votes), KIND_ROLE, ToolTipRole.
    """

    TITLES = {"score": QT_TRANSLATE_NOOP("Cifar", "score\nsⱼ = wⱼ·x + bⱼ"),
              "term": QT_TRANSLATE_NOOP("Cifar", "hinge term\nmax(0, sⱼ − s_yᵢ + Δ)"),
              "exp": QT_TRANSLATE_NOOP("Cifar", "unnormalised\neˢʲ"),
              "prob": QT_TRANSLATE_NOOP("Cifar", "probability\npⱼ = eˢʲ / Σ eˢ"),
              "votes": QT_TRANSLATE_NOOP("Cifar", "votes of the\nk nearest")}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.font = number_font(delta=0)
        self.bold_font = number_font(delta=0, bold=True)
        self.mode = ""
        self.columns: tuple[str, ...] = ()
        self.class_names: tuple[str, ...] = ()
        self.label = -1
        self.loss_cfg: LossConfig | None = None
        self.values: dict[str, np.ndarray] = {}
        self.L: float | None = None
        self._brushes: list[QBrush] = []

    # --- filling ----------------------------------------------------------------------
    def clear(self) -> None:
        self.beginResetModel()
        self.mode, self.columns, self.values, self.L, self.label = "", (), {}, None, -1
        self.endResetModel()

    def set_linear(self, class_names, label: int, scores: np.ndarray, loss_cfg: LossConfig) -> None:
        """Scores (C,) of one image whose true class is ``label``, under the loss ``loss_cfg``."""
        s = np.asarray(scores, dtype=np.float64)
        y = np.array([label])
        self.beginResetModel()
        self._set_common(class_names, label)
        self.loss_cfg = loss_cfg
        self.mode = loss_cfg.kind
        if self.mode == "softmax":
            self.columns = ("score", "exp", "prob")
            logp = log_softmax(s[None, :])[0]
            with np.errstate(over="ignore"):
                self.values = {"score": s, "exp": np.exp(s), "prob": np.exp(logp)}
            self.L = float(-logp[label])
        else:
            self.columns = ("score", "term")
            terms = per_example_terms(s[None, :], y, loss_cfg)[0]
            self.values = {"score": s, "term": terms}
            self.L = float(terms.sum())
        self.endResetModel()

    def set_knn(self, class_names, label: int, votes: np.ndarray) -> None:
        """Vote counts (C,) of the k nearest neighbours of an image of class ``label``."""
        self.beginResetModel()
        self._set_common(class_names, label)
        self.mode, self.columns, self.loss_cfg, self.L = "knn", ("votes",), None, None
        self.values = {"votes": np.asarray(votes, dtype=np.int64)}
        self.endResetModel()

    def _set_common(self, class_names, label: int) -> None:
        self.class_names, self.label = tuple(class_names), int(label)
        colours = class_colours(max(2, len(self.class_names)))
        self._brushes = [QBrush(tint(c, TRUE_TINT)) for c in colours]

    # --- lookups for code and tests -----------------------------------------------------
    @property
    def n_classes(self) -> int:
        return len(self.class_names) if self.mode else 0

    def column_of(self, kind: str) -> int:
        return self.columns.index(kind) if kind in self.columns else -1

    def value(self, kind: str, j: int = -1):
        """The raw value of column ``kind`` in class row ``j``; ``value("L")`` is Lᵢ."""
        if kind == "L":
            return self.L
        if kind not in self.values or not 0 <= j < self.n_classes:
            return None
        v = self.values[kind][j]
        return int(v) if kind == "votes" else float(v)

    def _l_column(self) -> int:
        return len(self.columns) - 1

    def _has_l_row(self) -> bool:
        return self.mode in ("svm", "softmax")

    def _term_hidden(self, j: int) -> bool:
        """The true class's own hinge term takes no part in Lᵢ (shown "—") unless the loss sums over it."""
        cfg = self.loss_cfg
        if cfg is None or cfg.kind != "svm" or j != self.label:
            return False
        return cfg.variant == "structured" or (cfg.variant == "ww" and not cfg.all_classes)

    # --- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else self.n_classes + (1 if self._has_l_row() else 0)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def raw(self, row: int, col: int):
        kind = self.columns[col]
        if row == self.n_classes:  # the Lᵢ row
            return self.L if col == self._l_column() else None
        return self.value(kind, row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        kind = self.columns[col]
        is_l = row == self.n_classes
        is_true = not is_l and row == self.label
        if role == VALUE_ROLE:
            return self.raw(row, col)
        if role == KIND_ROLE:
            return "L" if is_l else kind
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col, kind, is_l, is_true)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole:
            if kind == "votes":
                v = self.values["votes"]
                return self.bold_font if v[row] > 0 and v[row] == v.max() else self.font
            return self.bold_font if is_l or (is_true and kind != "term") else self.font
        if role == Qt.ItemDataRole.ForegroundRole:
            if kind == "term" and not is_l and (self._term_hidden(row) or not self.raw(row, col)):
                return _GREY
            if kind == "term" and not is_l:
                return _RED  # this class comes within Δ of the true class: it adds to Lᵢ
            if kind == "votes" and not self.raw(row, col):
                return _GREY
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if is_true and kind != "term":
                return self._brushes[row % len(self._brushes)]
            return _SHADE if kind in ("term", "exp") or is_l else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, kind, is_l)
        return None

    def _text(self, row, col, kind, is_l, is_true) -> str:
        v = self.raw(row, col)
        if v is None:
            return ""
        if kind == "term" and not is_l and self._term_hidden(row):
            return DASH
        if kind == "exp" and not is_l:
            text = _format_exp(v)
        elif kind == "votes":
            text = str(v)
        else:
            text = format_number(v)
        return f"{CHECK} {text}" if is_true and kind != "term" else text

    def _tooltip(self, row: int, kind: str, is_l: bool) -> str:
        if is_l:
            return (translate("Cifar", "Lᵢ = −log p of the true class") if self.mode == "softmax"
                    else translate("Cifar", "Lᵢ: the sum of the hinge terms, the loss of this image"))
        name = self.class_names[row]
        return translate("Cifar", {
            "score": QT_TRANSLATE_NOOP("Cifar", "score of class {0}: wⱼ·x + bⱼ"),
            "term": QT_TRANSLATE_NOOP("Cifar", "how far s_{0} comes within Δ of the true class's score (0: the "
                                               "margin holds)"),
            "exp": QT_TRANSLATE_NOOP("Cifar", "e to the score of {0}: the unnormalised probability"),
            "prob": QT_TRANSLATE_NOOP("Cifar", "probability of {0}: eˢ / Σ eˢ"),
            "votes": QT_TRANSLATE_NOOP("Cifar", "how many of the k nearest training images are {0}"),
        }[kind]).format(name)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
                return translate("Cifar", self.TITLES[self.columns[section]])
            return None
        if not 0 <= section < self.rowCount():
            return None
        if section == self.n_classes:
            if role == Qt.ItemDataRole.DisplayRole:
                return "Lᵢ = −log p_yᵢ" if self.mode == "softmax" else "Lᵢ"
            if role == Qt.ItemDataRole.FontRole:
                return self.bold_font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.class_names[section]
        if role == Qt.ItemDataRole.DecorationRole:
            return class_icon(section, len(self.class_names), 18)
        return None


def _format_exp(v: float) -> str:
    """eˢ: 3 decimals, tiny or huge values in scientific notation."""
    if not np.isfinite(v):
        return translate("ScoreTable", "overflow")
    if 0 < v < 1e-3:
        return f"{v:.2e}".replace("-", "\u2212")
    return format_number(v)


# ----------------------------------------------------------------------------- confusion matrix


class ConfusionModel(QAbstractTableModel):
    """Rows: true class; columns: predicted class, then the class's accuracy (recall).

    VALUE_ROLE: the count (int) or the accuracy (float, 0..1). The cells are
    tinted blue by their share of the row, so the diagonal stands out.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix: np.ndarray | None = None
        self.accuracy = np.zeros(0)
        self.class_names: tuple[str, ...] = ()
        self.font = number_font(delta=0)
        self.bold_font = number_font(delta=0, bold=True)

    def set_matrix(self, cm: np.ndarray | None, class_names=()) -> None:
        from linviz.engine.image_training import per_class_accuracy

        self.beginResetModel()
        self.matrix = None if cm is None else np.asarray(cm, dtype=np.int64)
        self.class_names = tuple(class_names)
        self.accuracy = per_class_accuracy(self.matrix) if self.matrix is not None else np.zeros(0)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix) + 1

    def _share(self, row: int, col: int) -> float:
        if col == len(self.matrix):
            a = self.accuracy[row]
            return 0.0 if np.isnan(a) else float(a)
        total = self.matrix[row].sum()
        return float(self.matrix[row, col] / total) if total else 0.0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.matrix is None:
            return None
        row, col = index.row(), index.column()
        is_acc = col == len(self.matrix)
        if role == VALUE_ROLE:
            return float(self.accuracy[row]) if is_acc else int(self.matrix[row, col])
        if role == Qt.ItemDataRole.DisplayRole:
            if is_acc:
                a = self.accuracy[row]
                return "–" if np.isnan(a) else f"{100 * a:.1f} %"
            return str(int(self.matrix[row, col]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE
        if role == Qt.ItemDataRole.FontRole:
            return self.bold_font if row == col or is_acc else self.font
        share = self._share(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if is_acc:
                return QBrush(tint("#009E73", 0.15 + 0.6 * share))
            return QBrush(tint("#0072B2", 0.05 + 0.95 * share)) if self.matrix[row, col] else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("white")) if not is_acc and share > 0.45 else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if is_acc:
                return translate("Cifar", "{0}: share of its test images classified correctly").format(
                    self.class_names[row])
            return translate("Cifar", "{0} test images of class {1} were classified as {2}").format(
                int(self.matrix[row, col]), self.class_names[row], self.class_names[col])
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if self.matrix is None:
            return None
        c = len(self.matrix)
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and section == c:
                return translate("Cifar", "accuracy")
            return self.class_names[section] if 0 <= section < c else None
        if role == Qt.ItemDataRole.DecorationRole and 0 <= section < c and orientation == Qt.Orientation.Vertical:
            return class_icon(section, c, 18)
        return None


# ----------------------------------------------------------------------------- gallery


class GalleryModel(QAbstractListModel):
    """Test images as a list: picture (nearest-neighbour, ``icon_size`` px), true → predicted label.

    The source is ``images[source_index[r]]`` for test row r (``source_index`` maps the rows of
    the prepared test set to ``CifarData.X_test``). ``set_filter`` keeps only one
    true class and / or the mistakes; ``rows`` holds the test rows shown.
    Roles: DisplayRole, DecorationRole, VALUE_ROLE (the test row), LABEL_ROLE, PRED_ROLE,
    ForegroundRole (red for a mistake), SizeHintRole (``item_size``), ToolTipRole.
    """

    PIXMAP_CACHE = 600  # 96 px pixmaps, ~22 MB; a screenful is ~40

    def __init__(self, icon_size: int = 96, parent=None):
        super().__init__(parent)
        self.icon_size = icon_size
        self.images = np.zeros((0, 32, 32, 3), np.uint8)
        self.source_index = np.zeros(0, np.int64)
        self.labels = np.zeros(0, np.int64)
        self.pred: np.ndarray | None = None
        self.class_names: tuple[str, ...] = ()
        self.class_filter = -1
        self.mistakes_only = False
        self.rows = np.zeros(0, np.int64)
        self.item_size = None  # a QSize for SizeHintRole: the view lays out every item alike
        self._pixmaps: dict[int, object] = {}

    def set_source(self, images: np.ndarray, index: np.ndarray, labels: np.ndarray, pred: np.ndarray | None,
                   class_names) -> None:
        self.beginResetModel()
        self.images, self.source_index = images, np.asarray(index, dtype=np.int64)
        self.labels = np.asarray(labels, dtype=np.int64)
        self.pred = None if pred is None else np.asarray(pred, dtype=np.int64)
        self.class_names = tuple(class_names)
        self._pixmaps.clear()
        self._apply_filter()
        self.endResetModel()

    def clear(self) -> None:
        self.set_source(np.zeros((0, 32, 32, 3), np.uint8), np.zeros(0, np.int64), np.zeros(0, np.int64), None, ())

    def set_filter(self, class_filter: int = -1, mistakes_only: bool = False) -> None:
        """Show only true class ``class_filter`` (−1: all) and, with ``mistakes_only``, the wrong ones."""
        self.beginResetModel()
        self.class_filter, self.mistakes_only = int(class_filter), bool(mistakes_only)
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        keep = np.ones(len(self.labels), bool)
        if self.class_filter >= 0:
            keep &= self.labels == self.class_filter
        if self.mistakes_only and self.pred is not None:
            keep &= self.pred != self.labels
        self.rows = np.flatnonzero(keep)

    def row_of(self, test_row: int) -> int:
        """The list row showing test row ``test_row`` (−1 if it is filtered out)."""
        hits = np.flatnonzero(self.rows == test_row)
        return int(hits[0]) if len(hits) else -1

    def is_wrong(self, test_row: int) -> bool:
        return self.pred is not None and self.pred[test_row] != self.labels[test_row]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = int(self.rows[index.row()])
        true = int(self.labels[r])
        pred = -1 if self.pred is None else int(self.pred[r])
        if role == VALUE_ROLE:
            return r
        if role == LABEL_ROLE:
            return true
        if role == PRED_ROLE:
            return pred
        if role == Qt.ItemDataRole.DisplayRole:
            if pred < 0:
                return self.class_names[true]
            mark = CHECK if pred == true else CROSS
            return f"{self.class_names[true]}\n{mark} {self.class_names[pred]}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(r)
        if role == Qt.ItemDataRole.SizeHintRole:
            return self.item_size
        if role == Qt.ItemDataRole.ForegroundRole:
            return _RED if self.is_wrong(r) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = translate("Cifar", "test image #{0}: true class {1}").format(int(self.source_index[r]),
                                                                               self.class_names[true])
            if pred >= 0:
                text += translate("Cifar", ", predicted {0}").format(self.class_names[pred]) + (
                    "" if pred == true else " " + translate("Cifar", "(wrong)"))
            return text
        return None

    def _pixmap(self, r: int):
        pix = self._pixmaps.get(r)
        if pix is None:
            if len(self._pixmaps) >= self.PIXMAP_CACHE:
                self._pixmaps.clear()
            frame = WRONG_COLOUR if self.is_wrong(r) else None
            pix = image_pixmap(self.images[self.source_index[r]], self.icon_size, frame, frame_width=5)
            self._pixmaps[r] = pix
        return pix


__all__ = ["TrainRequest", "TrainResult", "SearchOutcome", "ScoreModel", "ConfusionModel", "GalleryModel",
           "CLASS_TITLES", "shown_class_names", "VALUE_ROLE", "LABEL_ROLE", "PRED_ROLE", "KIND_ROLE", "MODELS", "MODEL_TITLES", "FEATURE_TITLES",
           "tint"]
