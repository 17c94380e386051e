"""The CIFAR-10 window: the same linear classifiers and kNN, on real pictures.

Layout: the settings on the left (:class:`~.settings.SettingsPanel`); on the
right a message line, then either the empty state ("No CIFAR-10 data yet…")
or five tabs — Training (loss and accuracy curves), Templates (the rows of W
as pictures), Confusion matrix, Gallery (test images; click one for its
score table) and Search (lr × λ heat map); at the bottom a progress bar,
what is running, and Cancel.

Everything slow — download, feature extraction, training, kNN, search — runs
in a worker thread (:mod:`.worker`); this window only receives throttled
signals, so it never freezes. Only one job runs at a time.

For tests and scripts: ``data``, ``prepared``, ``run``, ``result``,
``search_result``, ``confusion``, ``load_folder``, ``start_download``,
``start_training``, ``search``, ``apply_best``, ``cancel``, ``is_busy``,
``select_test_image``, ``score_model``, ``templates_view``, ``gallery``,
``curves``, ``search_view``, ``settings``, ``progress_bar``, ``message_label``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from linviz.engine import cifar as cifar_engine
from linviz.engine.cifar import FOLDER_NAME, CifarData, CifarError
from linviz.engine.image_training import LinearRun, PreparedData, confusion_matrix, templates

from .. import i18n
from ..closing import make_closable
from ..messages import error_text
from ..i18n import QT_TRANSLATE_NOOP
from ..style import BASE_FONT_PT, point_size
from .gallery import GalleryView, ScorePanel
from .models import FEATURE_TITLES, MODEL_TITLES, SearchOutcome, TrainResult, shown_class_names
from .settings import SettingsPanel
from .views import ConfusionView, CurvesView, SearchView, TemplatesView
from .worker import Job, JobRunner, download_job, search_job, train_job

translate = QCoreApplication.translate

EMPTY_TEXT = QT_TRANSLATE_NOOP("Cifar", "No CIFAR-10 data yet: choose a folder or download it (163 MB)")
"""English; ``translate("Cifar", EMPTY_TEXT)`` is what is shown."""
GRID_FACTORS = (0.01, 0.1, 1.0, 10.0)
"""The default search grid: the current lr and λ times these (4 × 4 short runs)."""
PROGRESS_STEPS = 200
"""Resolution of the progress bar (a QProgressBar repaints at once when its value changes)."""
MESSAGE_COLOURS = {"error": "#B00020", "warning": "#8A5A00", "info": "#1B5E20"}
TABS = (QT_TRANSLATE_NOOP("Cifar", "Training"), QT_TRANSLATE_NOOP("Cifar", "Templates"),
        QT_TRANSLATE_NOOP("Cifar", "Confusion matrix"), QT_TRANSLATE_NOOP("Cifar", "Gallery"),
        QT_TRANSLATE_NOOP("Cifar", "Search"))


class CifarWindow(QMainWindow):
    """CIFAR-10 with the lecture's classifiers. ``autoload``: open the cached download, if any."""

    def __init__(self, parent=None, *, autoload: bool = True):
        super().__init__(parent)
        self.setObjectName("cifarWindow")
        self.setWindowTitle(translate("Cifar", "linviz — CIFAR-10"))
        font = QFont(self.font())
        if font.pointSizeF() < BASE_FONT_PT:  # readable on a projector whatever the app's font
            font.setPointSizeF(BASE_FONT_PT)
            self.setFont(font)
        self.resize(1500, 950)

        self.data: CifarData | None = None
        self.folder: Path | None = None
        self.prepared: PreparedData | None = None
        self._prep_key: tuple | None = None
        self.result: TrainResult | None = None
        self.search_result = None
        self._downloaded: Path | None = None
        self.runner = JobRunner(self)
        self.runner.idle.connect(self._on_idle)

        self._build()
        self._build_actions()
        self._clear_results()
        self._update_enabled()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if autoload:
            cached = cifar_engine.find_cached_cifar10()
            if cached is not None:
                self.load_folder(cached)

    # --- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.settings = SettingsPanel()
        side = QScrollArea()
        side.setObjectName("settingsScroll")
        side.setWidgetResizable(True)
        side.setWidget(self.settings)
        side.setMinimumWidth(self.settings.minimumSizeHint().width() + 30)
        # sideways too when a larger font makes the column wider than its room (it was cut, unseen)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        side_column = QWidget()
        sv = QVBoxLayout(side_column)
        sv.setContentsMargins(0, 0, 0, 4)
        sv.addWidget(side, 1)
        sv.addWidget(self.settings.train_button)  # always in view, however small the screen

        self.curves = CurvesView()
        self.templates_view = TemplatesView()
        self.confusion_view = ConfusionView()
        self.gallery = GalleryView()
        self.score_panel = ScorePanel()
        self.search_view = SearchView()
        gallery_split = QSplitter(Qt.Orientation.Horizontal)
        gallery_split.addWidget(self.gallery)
        gallery_split.addWidget(self.score_panel)
        gallery_split.setStretchFactor(0, 1)
        gallery_split.setStretchFactor(1, 1)
        gallery_split.setChildrenCollapsible(False)
        gallery_split.setSizes([560, 620])
        self.tabs = QTabWidget()
        self.tabs.setObjectName("cifarTabs")
        for title, widget in zip(TABS, (self.curves, self.templates_view, self.confusion_view, gallery_split,
                                        self.search_view)):
            self.tabs.addTab(widget, translate("Cifar", title))

        self.empty_label = QLabel(translate("Cifar", EMPTY_TEXT))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        big = QFont(self.empty_label.font())
        big.setPointSizeF(point_size(20))
        self.empty_label.setFont(big)
        self.empty_folder_button = QPushButton(translate("Cifar", "Choose a folder…"))
        self.empty_folder_button.setObjectName("emptyFolderButton")
        self.empty_download_button = QPushButton(translate("Cifar", "Download CIFAR-10 (163 MB)"))
        self.empty_download_button.setObjectName("emptyDownloadButton")
        for b in (self.empty_folder_button, self.empty_download_button):
            f = QFont(b.font())
            f.setPointSizeF(point_size(16))
            b.setFont(f)
            b.setMinimumHeight(52)
        empty = QWidget()
        ev = QVBoxLayout(empty)
        ev.addStretch(2)
        ev.addWidget(self.empty_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_folder_button)
        row.addWidget(self.empty_download_button)
        row.addStretch(1)
        ev.addLayout(row)
        ev.addStretch(3)
        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        self.stack.addWidget(self.tabs)

        self.message_label = QLabel()
        self.message_label.setObjectName("cifarMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        main = QWidget()
        mv = QVBoxLayout(main)
        mv.setContentsMargins(4, 4, 4, 4)
        mv.addWidget(self.message_label)
        mv.addWidget(self.stack, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(side_column)
        split.addWidget(main)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)

        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("%p %")
        self.progress_bar.setMinimumWidth(260)
        self.status_label = QLabel(translate("Cifar", "Ready."))
        self.status_label.setObjectName("statusLabel")
        self.cancel_button = QPushButton(translate("Cifar", "Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)

        self.settings.folder_button.clicked.connect(self.choose_folder)
        self.empty_folder_button.clicked.connect(self.choose_folder)
        self.settings.download_button.clicked.connect(self.start_download)
        self.empty_download_button.clicked.connect(self.start_download)
        self.settings.train_button.clicked.connect(self.start_training)
        self.cancel_button.clicked.connect(self.cancel)
        self.search_view.run_button.clicked.connect(self.search)
        self.search_view.apply_button.clicked.connect(self.apply_best)
        self.gallery.image_clicked.connect(self.select_test_image)
        self.settings.model_changed.connect(self._update_enabled)
        i18n.notifier.changed.connect(self._on_language)

    def _build_actions(self) -> None:
        for text, slot, key, name in (
            (translate("Cifar", "Train"), self.start_training, "Ctrl+Return", "cifar_train"),
            (translate("Cifar", "Cancel"), self.cancel, None, "cifar_cancel"),
            (translate("Cifar", "Data folder…"), self.choose_folder, QKeySequence.StandardKey.Open, "cifar_open"),
        ):
            action = QAction(text, self)
            action.setObjectName(name)
            if key is not None:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.addAction(action)
        self.close_button = make_closable(self, on_escape=self.cancel_or_close)  # Close, Ctrl+W, Esc

    def cancel_or_close(self) -> None:
        """Esc: cancel the running job; with none running, close the window."""
        if self.is_busy():
            self.cancel()
        else:
            self.close()

    # --- public state --------------------------------------------------------------------------
    @property
    def run(self) -> LinearRun | None:
        """The linear run of the current result (None for kNN or before training)."""
        return None if self.result is None else self.result.run

    @property
    def knn(self):
        return None if self.result is None else self.result.knn

    @property
    def confusion(self) -> np.ndarray | None:
        """The confusion matrix on the test images (true class × predicted class), or None."""
        return self.confusion_view.model.matrix

    @property
    def score_model(self):
        return self.score_panel.model

    @property
    def gallery_model(self):
        return self.gallery.model

    def is_busy(self) -> bool:
        return self.runner.busy

    def message(self) -> str:
        return self.message_label.text()

    def show_message(self, level: str, text: str) -> None:
        """A visible message line: "error", "warning", "info", or "" to clear it."""
        self.message_label.setStyleSheet(f"color: {MESSAGE_COLOURS.get(level, '#000')}; font-weight: bold;")
        self.message_label.setText(text)
        self.message_label.setProperty("level", level)
        self.message_label.setVisible(bool(text))

    # --- data ----------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        start = str(self.folder.parent) if self.folder else str(Path.home())
        path = QFileDialog.getExistingDirectory(self, translate("Cifar", "Choose the cifar-10-batches-py folder"),
                                                start)
        if path:
            self.load_folder(path)

    def load_folder(self, path) -> bool:
        """Read a ``cifar-10-batches-py`` folder (or the folder holding one). On a fault the
        message line names the file and what is wrong, and nothing changes."""
        if self.is_busy():
            self.show_message("warning", translate("Cifar", "Wait for the running job to finish, or cancel it, before "
                                                            "loading data."))
            return False
        folder = Path(path)
        if (folder / FOLDER_NAME).is_dir():
            folder = folder / FOLDER_NAME
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = cifar_engine.load_cifar10(folder)
        except CifarError as e:
            self.show_message("error", translate("Cifar", "Could not load CIFAR-10: {0}").format(error_text(e)))
            return False
        except (OSError, MemoryError, ValueError) as e:
            self.show_message("error", translate("Cifar", "Could not load CIFAR-10 from {0}: {1}").format(folder, e))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.set_data(data, folder)
        self.show_message("info", translate("Cifar", "Loaded {0} training and {1} test images from {2}.").format(
            f"{len(data.y_train):,}", f"{len(data.y_test):,}", folder))
        return True

    def set_data(self, data: CifarData, folder=None) -> None:
        """Use ``data``: every result of the previous data is cleared."""
        self.data, self.folder = data, None if folder is None else Path(folder)
        self.prepared, self._prep_key = None, None
        self.settings.set_data(data, str(folder or ""))
        self._clear_results()
        self.stack.setCurrentIndex(1)
        self.status_label.setText(translate("Cifar", "Ready."))
        self._update_enabled()

    def start_download(self) -> bool:
        """Download CIFAR-10 in the worker (progress bar, Cancel), then load it."""
        if self.is_busy():
            return False
        self.show_message("", "")
        return self._start(Job("download", download_job), self._on_download_done)

    @Slot(object)
    def _on_download_done(self, folder) -> None:
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(PROGRESS_STEPS)
        self.status_label.setText(translate("Cifar", "Downloaded to {0}.").format(folder))
        self._downloaded = folder  # loaded once the worker thread has ended (_on_idle)

    # --- jobs ----------------------------------------------------------------------------------
    def _start(self, job: Job, on_done) -> bool:
        job.progress.connect(self._on_progress)
        job.succeeded.connect(on_done)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        if job.kind == "train":
            job.curve.connect(self.curves.add_chunk)
        if job.kind == "search":
            job.cell.connect(self.search_view.set_cell)
        if not self.runner.start(job):
            return False
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(0)
        self.status_label.setText(translate("Cifar", "Starting…"))
        self._update_enabled()
        return True

    def _needs_data(self) -> bool:
        if self.data is None:
            self.show_message("warning", translate("Cifar", EMPTY_TEXT) + ".")
            return True
        return self.is_busy()

    def start_training(self) -> bool:
        """Train the model the settings describe (in the worker). False if it could not start."""
        if self._needs_data():
            return False
        request = self.settings.request()
        if not request.is_linear and request.k > request.train_size:
            self.show_message("error", translate("Cifar", "k = {0} is more than the {1} training images.").format(
                request.k, f"{request.train_size:,}"))
            return False
        self.show_message("", "")
        self.curves.start(request.iters if request.is_linear else 0)
        self.curves.summary.setText(translate("Cifar", "Training {0} on {1}…").format(
            translate("Cifar", MODEL_TITLES[request.model]), translate("Cifar", FEATURE_TITLES[request.features])))
        job = Job("train", train_job, self.data, request, self.prepared, self._prep_key)
        return self._start(job, self._on_train_done)

    def search(self, lrs=None, regs=None, iters: int | None = None) -> bool:
        """Short runs over lrs × regs (default: the current lr and λ times 0.01 … 10), in the worker."""
        if self._needs_data():
            return False
        request = self.settings.request()
        if not request.is_linear:
            self.show_message("warning", translate("Cifar", "The search tunes the learning rate and λ: choose SVM or "
                                                            "Softmax."))
            return False
        lrs = [request.lr * f for f in GRID_FACTORS] if lrs is None else list(lrs)
        regs = [request.reg * f for f in GRID_FACTORS] if regs is None else list(regs)
        if request.reg == 0 and regs == [0.0] * len(regs):
            regs = [1e-4, 1e-3, 1e-2, 1e-1]
        iters = self.search_view.iters_spin.value() if iters is None else int(iters)
        self.show_message("", "")
        self.search_view.set_grid(lrs, regs)
        self.search_view.result_label.setText(translate("Cifar", "Searching: {0} × {1} runs of {2} updates…").format(
            len(lrs), len(regs), iters))
        self.tabs.setCurrentWidget(self.search_view)
        job = Job("search", search_job, self.data, request, lrs, regs, iters, self.prepared, self._prep_key)
        return self._start(job, self._on_search_done)

    def apply_best(self) -> bool:
        """Set the learning rate and λ to the search's best cell."""
        best = None if self.search_result is None else self.search_result.best
        if best is None:
            self.show_message("warning", translate("Cifar", "Run a search first."))
            return False
        lr, reg, acc = best
        self.settings.set_lr_reg(lr, reg)
        self.show_message("info", translate("Cifar", "Learning rate {0} and λ {1} set (validation {2} %). Press "
                                                     "Train.").format(f"{lr:.3g}", f"{reg:.3g}", f"{100 * acc:.1f}"))
        return True

    def cancel(self) -> None:
        if self.is_busy():
            self.runner.cancel()
            self.status_label.setText(translate("Cifar", "Cancelling…"))

    def shutdown(self) -> None:
        """Cancel any job and wait for the worker thread (before the window goes away)."""
        self.runner.shutdown()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.shutdown()
        super().closeEvent(event)

    # --- job signals (all arrive queued, in the GUI thread) -------------------------------------
    @Slot(float, str)
    def _on_progress(self, fraction: float, text: str) -> None:
        if fraction < 0:
            self.progress_bar.setRange(0, 0)  # busy, no known end
        else:
            self.progress_bar.setRange(0, PROGRESS_STEPS)
            value = round(PROGRESS_STEPS * min(1.0, fraction))
            if value != self.progress_bar.value():
                self.progress_bar.setValue(value)
        self.status_label.setText(text)

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self.show_message("error", text)
        self.status_label.setText(translate("Cifar", "Failed."))
        self._reset_bar()

    @Slot(str)
    def _on_cancelled(self, text: str) -> None:
        self.show_message("info", text)
        self.status_label.setText(translate("Cifar", "Cancelled."))
        self._reset_bar()

    def _reset_bar(self) -> None:
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(0)

    @Slot()
    def _on_idle(self) -> None:
        self._update_enabled()
        folder, self._downloaded = self._downloaded, None
        if folder is not None:
            self.load_folder(folder)

    def _remember_prep(self, prep: PreparedData, key: tuple) -> None:
        self.prepared, self._prep_key = prep, key
        self.settings.show_mean_image(prep.mean_image)

    @Slot(object)
    def _on_train_done(self, result: TrainResult) -> None:
        self.result = result
        self._remember_prep(result.prep, result.request.prep_key)
        prep, run, names = result.prep, result.run, shown_class_names(result.prep.class_names)
        self.curves.set_result(result)
        self.curves.summary.setText(self._summary(result))
        self._show_templates(result)
        self.confusion_view.set_matrix(confusion_matrix(prep.y_test, result.test_pred, prep.n_classes), names)
        self.gallery.set_source(self.data.X_test, prep.test_idx, prep.y_test, result.test_pred, names)
        shown = self.gallery.model.rows
        keep = self.score_panel.test_row
        self.select_test_image(keep if keep in shown else int(shown[0]) if len(shown) else 0)
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(PROGRESS_STEPS if run is None or not run.stopped
                                   else round(PROGRESS_STEPS * run.iterations / max(1, run.config.iters)))
        self.status_label.setText(translate("Cifar", "Done in {0} s.").format(f"{result.seconds:.1f}"))
        if run is not None and run.diverged:
            self.show_message("warning", translate("Cifar", "Training diverged after {0} iterations (the loss became "
                                                            "infinite): try a smaller learning rate, e.g. {1}.").format(
                run.iterations, f"{run.config.lr / 10:.3g}"))
        elif run is not None and run.stopped:
            self.show_message("info", translate("Cifar", "Stopped after {0} of {1} iterations; the results are those "
                                                         "of the weights so far.").format(
                f"{run.iterations:,}", f"{run.config.iters:,}"))

    @staticmethod
    def _summary(result: TrainResult) -> str:
        req, run = result.request, result.run
        what = translate("Cifar", "<b>{0}</b> on {1}, {2} training images").format(
            translate("Cifar", MODEL_TITLES[req.model]), translate("Cifar", FEATURE_TITLES[req.features]),
            f"{len(result.prep.y_train):,}")
        if run is not None:
            what += translate("Cifar", ", {0} iterations in {1} s").format(f"{run.iterations:,}",
                                                                         f"{run.train_seconds:.1f}")
        else:
            what += f", k = {req.k}, {req.metric.upper()}"
        val = "—" if result.val_acc is None else f"{100 * result.val_acc:.1f} %"
        return what + "<br>" + translate("Cifar", "validation accuracy <b>{0}</b> · test accuracy <b>{1} %</b>").format(
            val, f"{100 * result.test_acc:.1f}")

    def _show_templates(self, result: TrainResult) -> None:
        names = shown_class_names(result.prep.class_names)
        if result.run is None:
            self.templates_view.set_templates(None, names, translate("Cifar", "kNN learns no template: it keeps every "
                                                                              "training image and compares."))
        elif result.prep.features != "raw":
            self.templates_view.set_templates(None, names, translate(
                "Cifar", "Templates need raw-pixel features: with {0} features a row of W weighs features, not pixels, "
                         "so it is no picture. Train on raw pixels.").format(
                translate("Cifar", FEATURE_TITLES[result.prep.features])))
        else:
            self.templates_view.set_templates(
                templates(result.run.W), names,
                translate("Cifar", "Bright where the class's score rewards a pixel's colour, dark where it penalises "
                                   "it (each class scaled to its own range)."))

    @Slot(object)
    def _on_search_done(self, outcome: SearchOutcome) -> None:
        self.search_result = outcome.result
        self._remember_prep(outcome.prep, outcome.request.prep_key)
        self.search_view.set_result(outcome.result)
        self.progress_bar.setValue(PROGRESS_STEPS)
        self.status_label.setText(translate("Cifar", "Search done.") if not outcome.result.stopped else
                                  translate("Cifar", "Search stopped."))

    # --- the gallery's selected image ------------------------------------------------------------
    @Slot(int)
    def select_test_image(self, i: int) -> bool:
        """Show test row ``i`` (a row of ``prepared.X_test`` after training, else a test-set index)
        with its score table (linear) or its nearest neighbours (kNN)."""
        m = self.gallery.model
        if not 0 <= i < len(m.labels):
            return False
        label, names = int(m.labels[i]), m.class_names
        pred = None if m.pred is None else names[int(m.pred[i])]
        self.score_panel.show_image(i, int(m.source_index[i]), m.images[m.source_index[i]], names[label], pred)
        self.gallery.show_row(i)
        res = self.result
        if res is None:
            self.score_panel.set_note(translate("Cifar", "Train a model to see this image's scores."))
            return True
        x = res.prep.X_test[i : i + 1]
        if res.run is not None:
            run = res.run
            self.score_panel.set_linear(names, label, run.scores(x)[0], run.config.loss,
                                        translate("Cifar", "{0}, after {1} iterations").format(
                                            translate("Cifar", FEATURE_TITLES[res.prep.features]),
                                            f"{run.iterations:,}"))
        else:
            dist, rows = res.knn.kneighbors(x)
            rows, dist = rows[0], dist[0]
            labels = res.prep.y_train[rows]
            train_idx = res.prep.train_idx[rows]
            self.score_panel.set_knn(names, label, np.bincount(labels, minlength=len(names)), res.knn.k,
                                     res.knn.metric)
            self.score_panel.neighbours.set_neighbours(self.data.X_train[train_idx], rows, train_idx, labels,
                                                       dist, names, res.knn.metric, label)
        return True

    # --- enabling ----------------------------------------------------------------------------------
    def _clear_results(self) -> None:
        self.result = None
        self.search_result = None
        self.curves.reset()
        self.curves.summary.setText(translate("Cifar", "Press Train to start.") if self.data is not None else
                                    translate("Cifar", EMPTY_TEXT))
        self.templates_view.set_templates(None, (), translate("Cifar", "Train a linear model on raw pixels to see its "
                                                                       "templates."))
        self.confusion_view.set_matrix(None)
        self.score_panel.show_nothing()
        self.search_view.apply_button.setEnabled(False)
        if self.data is None:
            self.gallery.model.clear()
            self.stack.setCurrentIndex(0)
        else:
            n = len(self.data.y_test)
            self.gallery.set_source(self.data.X_test, np.arange(n), self.data.y_test, None,
                                    shown_class_names(self.data.class_names))

    def _update_enabled(self) -> None:
        busy, has_data = self.is_busy(), self.data is not None
        linear = self.settings.model != "knn"
        self.settings.train_button.setEnabled(has_data and not busy)
        self.search_view.run_button.setEnabled(has_data and not busy and linear)
        self.search_view.apply_button.setEnabled(not busy and self.search_result is not None
                                                 and self.search_result.best is not None)
        for b in (self.settings.folder_button, self.settings.download_button, self.empty_folder_button,
                  self.empty_download_button):
            b.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def _on_language(self, *_) -> None:
        """What this window composed itself (the summary, the templates' note, the selected image's
        scores, the data line) in the new language; a running job's lines follow its next report."""
        if self.is_busy():
            return
        res = self.result
        if res is not None:
            self.curves.summary.setText(self._summary(res))
            self._show_templates(res)
            names, prep = shown_class_names(res.prep.class_names), res.prep  # the class names too
            self.confusion_view.set_matrix(confusion_matrix(prep.y_test, res.test_pred, prep.n_classes), names)
            if self.data is not None:
                self.gallery.set_source(self.data.X_test, prep.test_idx, prep.y_test, res.test_pred, names)
            row = getattr(self.score_panel, "test_row", None)
            if row is not None:
                self.select_test_image(row)
        else:
            if self.data is not None:
                self.gallery.set_source(self.data.X_test, np.arange(len(self.data.y_test)), self.data.y_test, None,
                                        shown_class_names(self.data.class_names))
            self.curves.summary.setText(translate("Cifar", "Press Train to start.") if self.data is not None else
                                        translate("Cifar", EMPTY_TEXT))
            self.templates_view.set_templates(None, (), translate("Cifar", "Train a linear model on raw pixels to "
                                                                           "see its templates."))


__all__ = ["CifarWindow", "EMPTY_TEXT", "GRID_FACTORS"]
