"""The gallery of test images and, for the one clicked, its score table.

Left, a grid of test images with their true and predicted class (mistakes
framed red and marked ✗), filtered by class or to the mistakes only. Right,
the clicked image big, and its scores as the lecture's cat / car / frog slide:
every class's score, and for the SVM the hinge terms and Lᵢ, for Softmax eˢ,
the probabilities and −log p_yᵢ; for kNN the votes and the k nearest training
images with their labels and distances.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..table_cells import VALUE_ROLE
from ..views.score_table import loss_caption
from .images import image_pixmap
from .models import CHECK, CROSS, GalleryModel, ScoreModel
from .views import heading, note_label

translate = QCoreApplication.translate


class GalleryView(QWidget):
    """The test images as a grid. Emits ``image_clicked(test_row)``.

    Attributes: ``model`` (:class:`GalleryModel`), ``list`` (QListView),
    ``class_combo``, ``mistakes_check``, ``count_label``.
    """

    image_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("galleryView")
        self.model = GalleryModel(icon_size=96, parent=self)
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("galleryClassCombo")
        self.class_combo.addItem(translate("Cifar", "All classes"), -1)
        self.mistakes_check = QCheckBox(translate("Cifar", "Only mistakes"))
        self.mistakes_check.setObjectName("galleryMistakesCheck")
        self.mistakes_check.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("galleryCount")

        self.list = QListView()
        self.list.setObjectName("galleryList")
        self.list.setModel(self.model)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(96, 96))
        line = QFontMetrics(self.list.font()).height()
        width = max(128, QFontMetrics(self.list.font()).horizontalAdvance("✗ automobile") + 50)
        self.list.setGridSize(QSize(width, 96 + 2 * line + 16))
        self.model.item_size = QSize(width - 6, 96 + 2 * line + 10)  # every item's size (uniform sizes)
        self.list.setUniformItemSizes(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(False)  # with wrapping, icon mode cuts the text at the icon's width
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.clicked.connect(self._on_clicked)
        self.list.activated.connect(self._on_clicked)

        self.class_combo.currentIndexChanged.connect(self._on_filter)
        self.mistakes_check.toggled.connect(self._on_filter)
        self.model.modelReset.connect(self._update_count)
        i18n.notifier.changed.connect(self._update_count)

        top = QHBoxLayout()
        top.addWidget(QLabel(translate("Cifar", "Show")))
        top.addWidget(self.class_combo)
        top.addWidget(self.mistakes_check)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.list, 1)
        self._update_count()

    def set_source(self, images, index, labels, pred, class_names) -> None:
        """New test images (and predictions, or None); the class filter is kept if the classes are the same."""
        names = tuple(class_names)
        if names != self.model.class_names:
            keep = self.class_combo.blockSignals(True)
            self.class_combo.clear()
            self.class_combo.addItem(translate("Cifar", "All classes"), -1)
            for j, name in enumerate(names):
                self.class_combo.addItem(name, j)
            self.class_combo.blockSignals(keep)
        self.mistakes_check.setEnabled(pred is not None)
        self.model.set_source(images, index, labels, pred, names)
        self._on_filter()

    def _on_filter(self, *_):
        self.model.set_filter(self.class_combo.currentData() if self.class_combo.count() else -1,
                              self.mistakes_check.isChecked() and self.mistakes_check.isEnabled())

    def _update_count(self, *_) -> None:
        m = self.model
        n = f"{m.rowCount():,}"
        text = translate("Cifar", "{0} image").format(n) if m.rowCount() == 1 else \
            translate("Cifar", "{0} images").format(n)
        if m.pred is not None:
            wrong = int((m.pred[m.rows] != m.labels[m.rows]).sum())
            text += " · " + translate("Cifar", "{0} wrong").format(f"{wrong:,}") + f" {CROSS}"
        self.count_label.setText(text)

    def _on_clicked(self, index) -> None:
        if index.isValid():
            self.image_clicked.emit(int(index.data(VALUE_ROLE)))

    def show_row(self, test_row: int) -> None:
        """Select the item of ``test_row`` (if the filter shows it), quietly."""
        r = self.model.row_of(test_row)
        if r >= 0:
            index = self.model.index(r)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)


class NeighboursView(QWidget):
    """The k nearest training images of a kNN query, nearest first, with class and distance.

    Attributes for tests: ``rows`` (rows of the prepared training set, as
    ``KNearestNeighbors.kneighbors`` returns them), ``train_indices`` (into
    ``CifarData.X_train``), ``labels``, ``distances``.
    """

    SIZE = 80
    PER_ROW = 5

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("neighboursView")
        self.rows = self.train_indices = self.labels = np.zeros(0, np.int64)
        self.distances = np.zeros(0)
        self.title = QLabel()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self._tiles: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)

    def set_neighbours(self, images, rows, train_indices, labels, distances, class_names, metric: str,
                       true_label: int) -> None:
        self.rows, self.train_indices = np.asarray(rows), np.asarray(train_indices)
        self.labels, self.distances = np.asarray(labels), np.asarray(distances)
        self._remove_tiles()
        self.title.setText(translate("Cifar", "The {0} nearest training images ({1} distance), nearest first:")
                           .format(len(self.rows), metric.upper()))
        for n, (img, label, dist) in enumerate(zip(images, self.labels, self.distances)):
            tile = QWidget()
            box = QVBoxLayout(tile)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            pic = QLabel()
            pic.setPixmap(image_pixmap(img, self.SIZE))
            mark = CHECK if label == true_label else CROSS
            text = QLabel(f"{n + 1}. {mark} {class_names[label]}\nd = {dist:,.0f}" if dist >= 100
                          else f"{n + 1}. {mark} {class_names[label]}\nd = {dist:.2f}")
            text.setToolTip(translate("Cifar", "training image #{0}").format(int(self.train_indices[n])))
            box.addWidget(pic, 0, Qt.AlignmentFlag.AlignHCenter)
            box.addWidget(text)
            r, c = divmod(n, self.PER_ROW)
            self.grid.addWidget(tile, r, c, Qt.AlignmentFlag.AlignTop)
            self._tiles.append(tile)

    def _remove_tiles(self) -> None:
        """Take the old tiles out at once (deleteLater alone leaves them drawn until the next loop)."""
        for tile in self._tiles:
            self.grid.removeWidget(tile)
            tile.hide()
            tile.deleteLater()
        self._tiles = []

    def clear(self) -> None:
        self._remove_tiles()
        self.rows = self.train_indices = self.labels = np.zeros(0, np.int64)
        self.distances = np.zeros(0)
        self.title.clear()


class ScorePanel(QWidget):
    """One test image, big, with its score table (:class:`ScoreModel`) and, for kNN, its neighbours.

    Attributes for tests: ``model``, ``table``, ``image_label``, ``title``, ``caption``,
    ``neighbours`` (:class:`NeighboursView`), ``test_row`` (−1: none).
    """

    SIZE = 160

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("scorePanel")
        self.setMinimumWidth(480)
        self.test_row = -1
        self.model = ScoreModel(self)
        self.image_label = QLabel()
        self.image_label.setObjectName("selectedImage")
        self.image_label.setFixedSize(self.SIZE, self.SIZE)
        self.image_label.setStyleSheet("background: #EEE;")
        self.title = heading("", 15)
        self.title.setObjectName("selectedTitle")
        self.caption = QLabel()
        self.caption.setObjectName("scoreCaption")
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        self.note = note_label(name="scoreNote")

        self.table = QTableView()
        self.table.setObjectName("cifarScoreTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setCornerButtonEnabled(False)
        self.table.setWordWrap(False)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(QFontMetrics(self.model.bold_font).height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(
            QFontMetrics(self.model.bold_font).horizontalAdvance("✓ −0.000") + 16)
        self.model.modelReset.connect(self._fit_height)

        self.neighbours = NeighboursView()
        head = QHBoxLayout()
        head.addWidget(self.image_label, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignTop)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(self.neighbours)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_nothing()

    def _fit_height(self) -> None:
        """The whole table without a scroll bar."""
        rows = self.model.rowCount()
        self.table.setVisible(rows > 0)
        height = (self.table.horizontalHeader().sizeHint().height()
                  + rows * self.table.verticalHeader().defaultSectionSize() + 4)
        self.table.setFixedHeight(height)

    def show_nothing(self) -> None:
        self.test_row = -1
        self.image_label.clear()
        self.title.setText(translate("Cifar", "Click an image to see its scores"))
        self.caption.clear()
        self.note.setText("")
        self.note.setVisible(False)
        self.model.clear()
        self.neighbours.clear()

    def show_image(self, test_row: int, test_index: int, img: np.ndarray, true_name: str,
                   pred_name: str | None) -> None:
        """The picture and its title; the table is filled by ``set_linear`` / ``set_knn`` or cleared."""
        self.test_row = test_row
        self.image_label.setPixmap(image_pixmap(img, self.SIZE))
        title = translate("Cifar", "Test image #{0}: {1}").format(test_index, true_name)
        if pred_name is not None:
            mark = CHECK if pred_name == true_name else CROSS
            title += " → " + translate("Cifar", "predicted {0}").format(pred_name) + f" {mark}"
        self.title.setText(title)

    def set_linear(self, class_names, label: int, scores: np.ndarray, loss_cfg, what: str) -> None:
        self.model.set_linear(class_names, label, scores, loss_cfg)
        self.caption.setText(loss_caption(loss_cfg) + f"<br>{what}")
        self.note.setVisible(False)
        self.neighbours.clear()

    def set_knn(self, class_names, label: int, votes: np.ndarray, k: int, metric: str) -> None:
        self.model.set_knn(class_names, label, votes)
        self.caption.setText(translate("Cifar", "<b>kNN</b> (k = {0}, {1} distance): the k nearest training images "
                                                "vote; the class with most votes wins").format(k, metric.upper()))
        self.note.setVisible(False)

    def set_note(self, text: str) -> None:
        self.model.clear()
        self.neighbours.clear()
        self.caption.clear()
        self.note.setText(text)
        self.note.setVisible(bool(text))


__all__ = ["GalleryView", "ScorePanel", "NeighboursView"]
