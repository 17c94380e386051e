"""The result views of the CIFAR-10 window: curves, templates, confusion matrix, search heat map.

Each view draws from arrays it is handed; none of them computes anything
heavier than a colour map. Plot items are created once and only get new data.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsRectItem,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..axes import compact_axes
from ..style import css_pt, label_style
from ..style import point_size as scaled_pt
from .images import image_pixmap
from .models import ConfusionModel
from .upward_header import UpwardHeader

translate = QCoreApplication.translate

TICK_PT = 13
LABEL_PT = 14
LOSS_COLOUR = "#000000"
VAL_COLOUR = "#D55E00"
TRAIN_COLOUR = "#0072B2"
BEST_COLOUR = "#CC0066"
NAN_RGBA = (200, 200, 200, 255)


def heading(text: str, point_size: int = 14) -> QLabel:
    """A bold label for the top of a view."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(scaled_pt(point_size))
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def note_label(text: str = "", name: str | None = None) -> QLabel:
    """A grey, italic, wrapping explanation."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #444; font-style: italic;")
    if name:
        label.setObjectName(name)
    return label


def style_plot(item: pg.PlotItem, bottom: str, left: str) -> None:
    """Projector style: big tick labels, black axis titles, a light grid, no context menu."""
    item.setMenuEnabled(False)
    item.hideButtons()
    item.showGrid(x=True, y=True, alpha=0.25)
    font = _font(TICK_PT)
    for name, text in (("bottom", bottom), ("left", left)):
        axis = item.getAxis(name)
        axis.setTickFont(font)
        axis.setTextPen("k")
        axis.enableAutoSIPrefix(False)
        axis.setLabel(text, **label_style(LABEL_PT))


# ----------------------------------------------------------------------------- training curves


class CurvesView(QWidget):
    """The mini-batch loss against the iteration, and train / validation accuracy in %.

    The loss of each mini-batch is noisy, so it is drawn thin and grey, with its
    running mean over a window of iterations thick and black on top. Filled live
    from :class:`~.worker.CurveChunk` s (``add_chunk``), completed by ``set_result``.
    Drawing stays cheap (no grid, the thin curve without antialiasing and
    downsampled to the pixels), because every millisecond the GUI thread spends
    painting it holds the GIL the training thread needs.

    Attributes for tests: ``loss_item``, ``smooth_item``, ``val_item``, ``train_item``
    (PlotDataItems), ``n_points`` (loss points received), ``summary`` (QLabel).
    """

    SMOOTH_POINTS = 600

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("cifarCurves")
        self.loss_plot = pg.PlotWidget(axisItems=compact_axes())
        self.loss_plot.setObjectName("lossPlot")
        self.acc_plot = pg.PlotWidget()
        self.acc_plot.setObjectName("accuracyPlot")
        style_plot(self.loss_plot.getPlotItem(), translate("Cifar", "iteration"), translate("Cifar", "loss (mini-batch)"))
        style_plot(self.acc_plot.getPlotItem(), translate("Cifar", "iteration"), translate("LossCurve", "accuracy (%)"))
        for plot in (self.loss_plot, self.acc_plot):
            plot.getPlotItem().showGrid(x=False, y=False)
        self.acc_plot.setYRange(0, 100, padding=0.02)
        self.acc_plot.getPlotItem().getViewBox().enableAutoRange(y=False)
        self.acc_plot.getPlotItem().getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 20)]])
        self.loss_item = pg.PlotDataItem(pen=pg.mkPen("#9A9A9A", width=1), antialias=False)
        self.loss_item.setDownsampling(auto=True, method="peak")
        self.loss_item.setClipToView(True)
        self.smooth_item = pg.PlotDataItem(pen=pg.mkPen(LOSS_COLOUR, width=3))
        self.loss_plot.addItem(self.loss_item)
        self.loss_plot.addItem(self.smooth_item)
        loss_legend = self.loss_plot.getPlotItem().addLegend(offset=(-10, 10), labelTextSize="13pt")
        loss_legend.addItem(self.loss_item, translate("Cifar", "each mini-batch"))
        loss_legend.addItem(self.smooth_item, translate("Cifar", "running mean"))
        loss_legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        legend = self.acc_plot.getPlotItem().addLegend(offset=(-10, 10), labelTextSize="13pt")
        self.val_item = self.acc_plot.plot(pen=pg.mkPen(VAL_COLOUR, width=3), symbol="o", symbolSize=9,
                                           symbolBrush=VAL_COLOUR, symbolPen=None, name=translate("Cifar", "validation"))
        self.train_item = self.acc_plot.plot(pen=pg.mkPen(TRAIN_COLOUR, width=2, style=Qt.PenStyle.DashLine),
                                             symbol="s", symbolSize=8, symbolBrush=TRAIN_COLOUR, symbolPen=None,
                                             name=translate("Cifar", "train (mini-batch)"))
        legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        self.chance = pg.InfiniteLine(pos=10, angle=0, pen=pg.mkPen("#888", width=1.5, style=Qt.PenStyle.DotLine),
                                      label=translate("Cifar", "chance: 10 %"), labelOpts=dict(position=0.75, color="#555"))
        self.chance.label.setFont(_font(TICK_PT))
        self.acc_plot.addItem(self.chance)
        self.knn_label = QLabel()
        self.knn_label.setObjectName("knnNote")
        self.knn_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.knn_label.setWordWrap(True)
        self.knn_label.setFont(_font(16))
        self.knn_label.setStyleSheet("color: #444;")
        self.summary = QLabel(translate("Cifar", "Press Train to start."))
        self.summary.setObjectName("trainSummary")
        self.summary.setWordWrap(True)
        self.summary.setFont(_font(14, base=self.summary.font()))

        self.plots = QWidget()
        plots = QHBoxLayout(self.plots)
        plots.setContentsMargins(0, 0, 0, 0)
        plots.addWidget(self.loss_plot, 3)
        plots.addWidget(self.acc_plot, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.plots, 1)
        layout.addWidget(self.knn_label, 1)
        self._planned = 0  # updates of the run being drawn (sets the running mean's window)
        self.reset()

    @property
    def n_points(self) -> int:
        return len(self._t)

    def reset(self, iters: int | None = None) -> None:
        """Empty curves; with ``iters`` the x axes are fixed to 0 … iters for the coming run."""
        self._t, self._loss, self._val = [], [], []
        for item in (self.loss_item, self.smooth_item, self.val_item, self.train_item):
            item.setData([], [])
        self.plots.setVisible(True)
        self.knn_label.setVisible(False)
        if iters:
            for plot in (self.loss_plot, self.acc_plot):
                plot.setXRange(0, iters, padding=0.02)
            self.loss_plot.getPlotItem().getViewBox().enableAutoRange(y=True)

    @Slot(object)
    def add_chunk(self, chunk) -> None:
        """New (iteration, loss) points and validation accuracies from the worker."""
        self._t.extend(chunk.t)
        self._loss.extend(chunk.loss)
        self._val.extend(chunk.val)
        self._draw_loss()
        if chunk.val:
            v = np.asarray(self._val, float)
            self.val_item.setData(v[:, 0], 100 * v[:, 1])

    def _draw_loss(self) -> None:
        t, loss = np.asarray(self._t, float), np.asarray(self._loss, float)
        self.loss_item.setData(t, loss)
        if not len(t):
            self.smooth_item.setData([], [])
            return
        span = max(t[-1], self._planned)
        window = int(max(5, span // 60))
        c = np.concatenate(([0.0], np.cumsum(loss)))
        lo = np.maximum(np.arange(1, len(loss) + 1) - window, 0)
        mean = (c[1:] - c[lo]) / (np.arange(1, len(loss) + 1) - lo)
        step = max(1, len(t) // self.SMOOTH_POINTS)
        keep = np.r_[np.arange(0, len(t), step), len(t) - 1]
        self.smooth_item.setData(t[keep], mean[keep])

    def start(self, iters: int) -> None:
        """A run of ``iters`` updates is about to start."""
        self._planned = iters
        self.reset(iters)

    def set_result(self, result) -> None:
        """The final curves of a linear run, or the kNN note."""
        run = result.run
        if run is None:
            self.reset()
            self.plots.setVisible(False)
            self.knn_label.setText(translate(
                "Cifar", "kNN does not train, so there is no loss to plot: it keeps the {0} training images and "
                         "compares every test image with all of them.\n\nSee the Gallery for the nearest neighbours "
                         "of each test image.").format(f"{len(result.prep.y_train):,}"))
            self.knn_label.setVisible(True)
            return
        self._t = list(range(1, len(run.loss_history) + 1))
        self._loss = list(map(float, run.loss_history))
        self._val = [tuple(v) for v in run.val_history]
        self._draw_loss()
        for item, history in ((self.val_item, run.val_history), (self.train_item, run.train_history)):
            h = np.asarray(history, float).reshape(-1, 2)
            item.setData(h[:, 0], 100 * h[:, 1])
        self.loss_plot.getPlotItem().getViewBox().enableAutoRange()  # a stopped run ends early
        self.acc_plot.getPlotItem().getViewBox().enableAutoRange(x=True)


def _font(point_size: int, base: QFont | None = None) -> QFont:
    font = QFont(base) if base is not None else QFont()
    font.setPointSizeF(scaled_pt(point_size))
    return font


# ----------------------------------------------------------------------------- templates


class TemplatesView(QWidget):
    """Each row of W as a 32 × 32 colour picture, one per class: what a linear classifier learns.

    ``images``: uint8 (C, 32, 32, 3), or None when there is nothing to show
    (no run yet, kNN, or features other than raw pixels — ``note`` says why).
    """

    SIZE = 144
    PER_ROW = 5

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("templatesView")
        self.images: np.ndarray | None = None
        self.title = heading(translate("Cifar", "What a linear classifier learns: each row of W, shown as a 32 × 32 "
                                                "picture"))
        self.note = note_label(name="templatesNote")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(12)
        self.tiles: list[tuple[QLabel, QLabel]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.set_templates(None, (), translate("Cifar", "Train a linear model on raw pixels to see its templates."))

    def set_templates(self, images: np.ndarray | None, class_names, note: str = "") -> None:
        self.images = None if images is None else np.asarray(images)
        for pair in self.tiles:
            for w in pair:  # out at once: deleteLater alone leaves them drawn until the next loop
                self.grid.removeWidget(w)
                w.hide()
                w.deleteLater()
        self.tiles = []
        if self.images is not None:
            bold = QFont(self.font())
            bold.setBold(True)
            bold.setPointSizeF(scaled_pt(13))
            for j, img in enumerate(self.images):
                pic = QLabel()
                pic.setPixmap(image_pixmap(img, self.SIZE))
                pic.setFixedSize(self.SIZE, self.SIZE)
                name = QLabel(class_names[j])
                name.setFont(bold)
                name.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                r, c = divmod(j, self.PER_ROW)
                self.grid.addWidget(pic, 2 * r, c, Qt.AlignmentFlag.AlignHCenter)
                self.grid.addWidget(name, 2 * r + 1, c)
                self.tiles.append((pic, name))
        self.note.setText(note)
        self.note.setVisible(bool(note))


# ----------------------------------------------------------------------------- confusion matrix


class ConfusionView(QWidget):
    """The confusion matrix on the test set, with each class's accuracy. ``model``: :class:`ConfusionModel`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("confusionView")
        self.model = ConfusionModel(self)
        self.title = heading(translate("Cifar", "Confusion matrix on the test images"))
        self.note = note_label(translate("Cifar", "Rows: the true class · columns: the predicted class · the diagonal "
                                                  "is right."))
        self.summary = QLabel()
        self.summary.setObjectName("confusionSummary")
        self.table = QTableView()
        self.table.setObjectName("confusionTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setCornerButtonEnabled(False)
        self.table.setHorizontalHeader(UpwardHeader(self.table))  # "automobile" whole in a narrow column
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.model.modelReset.connect(self._fit_accuracy_column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def _fit_accuracy_column(self) -> None:
        """The accuracy column as wide as "100.0 %" (it wrapped under its number at 1280 × 800)."""
        last = self.model.columnCount() - 1
        if last >= 0:
            self.table.horizontalHeader().setSectionResizeMode(last, QHeaderView.ResizeMode.ResizeToContents)

    def set_matrix(self, cm: np.ndarray | None, class_names=()) -> None:
        self.model.set_matrix(cm, class_names)
        if cm is None:
            self.summary.setText(translate("Cifar", "Train a model to see which classes it confuses."))
        else:
            total = int(cm.sum())
            self.summary.setText(translate("Cifar", "{0} of {1} test images right: <b>{2} %</b> (chance: 10 %)").format(
                f"{int(np.trace(cm)):,}", f"{total:,}", f"{100 * np.trace(cm) / max(total, 1):.1f}"))


# ----------------------------------------------------------------------------- search heat map


def format_value(v: float) -> str:
    """1e-07, 2.5e+04 → "1e-7", "2.5e4"; plain numbers stay plain."""
    text = f"{v:.3g}"
    if "e" in text:
        mantissa, exp = text.split("e")
        text = f"{mantissa}e{int(exp)}"
    return text.replace("-", "\u2212")


class SearchView(QWidget):
    """Validation accuracy of short runs over a grid of learning rates × λ, as a heat map.

    Rows (y): learning rates; columns (x): λ. Each cell shows its accuracy in %,
    the best cell is framed. Buttons: ``run_button``, ``apply_button``; ``iters_spin``
    sets the updates per run. Attributes for tests: ``values`` (the matrix shown,
    NaN where no run finished or it diverged), ``lrs``, ``regs``, ``texts``.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("searchView")
        self.values = np.zeros((0, 0))
        self.lrs = self.regs = np.zeros(0)
        self.texts: list[list[pg.TextItem]] = []
        self.cmap = pg.colormap.get("viridis")

        self.run_button = QPushButton(translate("Cifar", "Search lr × λ (4 × 4)"))
        self.run_button.setObjectName("searchButton")
        self.iters_spin = QSpinBox(minimum=10, maximum=20000, value=300, singleStep=50)
        self.iters_spin.setObjectName("searchItersSpin")
        self.iters_spin.setSuffix(translate("Cifar", " updates per run"))
        self.iters_spin.setToolTip(translate("Cifar", "Every cell is a short run of this many mini-batch updates, same "
                                                      "seed."))
        self.apply_button = QPushButton(translate("Cifar", "Apply best"))
        self.apply_button.setObjectName("applyBestButton")
        self.apply_button.setEnabled(False)
        self.result_label = QLabel(translate("Cifar", "Train short runs for a grid of learning rates and λ and compare "
                                                      "their validation accuracy."))
        self.result_label.setObjectName("searchResult")
        self.result_label.setWordWrap(True)

        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setObjectName("searchHeatMap")
        self.plot = self.glw.addPlot()
        style_plot(self.plot, translate("Cifar", "λ (regularisation strength)"), translate("Cifar", "learning rate"))
        self.plot.showGrid(x=False, y=False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getViewBox().setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(values=(0, 100), colorMap=self.cmap, interactive=False, pen="k",
                                   colorMapMenu=False)
        self.bar.axis.setTickFont(self._tick_font())
        self.bar.axis.enableAutoSIPrefix(False)
        self.plot.setTitle(translate("Cifar", "Validation accuracy (%) after each short run"), size=css_pt(14),
                           color="#000")
        self.glw.addItem(self.bar)
        self.best_frame = QGraphicsRectItem(0, 0, 1, 1)
        self.best_frame.setPen(pg.mkPen(BEST_COLOUR, width=5))
        self.best_frame.setVisible(False)
        self.plot.addItem(self.best_frame)

        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.iters_spin)
        top.addWidget(self.apply_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.result_label)
        layout.addWidget(self.glw, 100)
        layout.addStretch(1)  # keeps the buttons at the top while the heat map is hidden
        self.glw.setVisible(False)  # until the first search: empty axes would say nothing

    @staticmethod
    def _tick_font() -> QFont:
        return _font(TICK_PT)

    def set_grid(self, lrs, regs) -> None:
        """An empty grid (every cell "…") for a search about to run."""
        self.lrs, self.regs = np.asarray(lrs, float), np.asarray(regs, float)
        self.values = np.full((len(self.lrs), len(self.regs)), np.nan)
        for row in self.texts:
            for t in row:
                self.plot.removeItem(t)
        font = _font(14)
        font.setBold(True)
        self.texts = []
        for i in range(len(self.lrs)):
            row = []
            for j in range(len(self.regs)):
                t = pg.TextItem("…", color="#222", anchor=(0.5, 0.5))
                t.setFont(font)
                t.setPos(j + 0.5, i + 0.5)
                self.plot.addItem(t)
                row.append(t)
            self.texts.append(row)
        self.plot.getAxis("bottom").setTicks([[(j + 0.5, format_value(v)) for j, v in enumerate(self.regs)]])
        self.plot.getAxis("left").setTicks([[(i + 0.5, format_value(v)) for i, v in enumerate(self.lrs)]])
        self.plot.setRange(xRange=(0, len(self.regs)), yRange=(0, len(self.lrs)), padding=0)
        self.best_frame.setVisible(False)
        self.apply_button.setEnabled(False)
        self.glw.setVisible(True)
        self._redraw(done=set())

    @Slot(int, int, float)
    def set_cell(self, i: int, j: int, acc: float) -> None:
        """One run finished (NaN: it diverged)."""
        if 0 <= i < self.values.shape[0] and 0 <= j < self.values.shape[1]:
            self.values[i, j] = acc
            self._done.add((i, j))
            self._redraw(self._done)

    def set_result(self, result) -> None:
        """The whole SearchResult: its matrix, and the best cell framed."""
        self.values = np.array(result.val_acc, dtype=float)
        done = {(i, j) for i in range(self.values.shape[0]) for j in range(self.values.shape[1])
                if not np.isnan(self.values[i, j]) or result.diverged[i, j]}
        self._redraw(done, diverged=result.diverged)
        best = result.best_index
        self.best_frame.setVisible(best is not None)
        self.apply_button.setEnabled(best is not None)
        if best is not None:
            i, j = best
            self.best_frame.setRect(j, i, 1, 1)
            lr, reg, acc = result.best
            self.result_label.setText(translate("Cifar", "Best: learning rate <b>{0}</b>, λ <b>{1}</b> → validation "
                                                         "accuracy <b>{2} %</b>").format(
                format_value(lr), format_value(reg), f"{100 * acc:.1f}")
                + (" " + translate("Cifar", "(search stopped early)") if result.stopped else ""))
        else:
            self.result_label.setText(translate("Cifar", "No run of the search finished."))

    def _redraw(self, done: set, diverged=None) -> None:
        self._done = set(done)
        v = self.values
        if v.size == 0:
            return
        finite = v[~np.isnan(v)]
        lo, hi = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
        if hi - lo < 1e-6:
            lo, hi = max(0.0, lo - 0.05), min(1.0, hi + 0.05)
        norm = np.clip((np.nan_to_num(v, nan=lo) - lo) / (hi - lo), 0, 1)
        rgba = self.cmap.map(norm.ravel(), mode="byte").reshape(*v.shape, 4).astype(np.uint8)
        rgba[np.isnan(v)] = NAN_RGBA
        self.image.setImage(rgba, levels=None)
        self.image.setRect(0, 0, v.shape[1], v.shape[0])
        self.bar.setLevels((100 * lo, 100 * hi))
        for i, row in enumerate(self.texts):
            for j, t in enumerate(row):
                if np.isnan(v[i, j]):
                    is_div = diverged is not None and diverged[i, j]
                    t.setText(translate("Cifar", "diverged") if is_div else ("—" if (i, j) in self._done else "…"))
                    t.setColor("#222")
                else:
                    t.setText(f"{100 * v[i, j]:.1f} %")
                    t.setColor("#000" if norm[i, j] > 0.55 else "#FFF")


__all__ = ["CurvesView", "TemplatesView", "ConfusionView", "SearchView", "heading", "note_label", "format_value"]
