"""The lecture's questions as one-click demonstrations: a "Lecture" menu and dock.

Each :class:`Demo` has a title, a short explanation and the formula. "Show"
puts the app into the demonstration's state through the models (data set,
settings, step — never by touching another view), then computes the
lesson's figures with :mod:`linviz.engine.lessons` and lists them: what
the lecture predicts against what was measured. The app is left in that
state so the teacher can go on playing with it; "Restore" brings back the
data set, settings, step and selected points from before the first
demonstration (since the last restore).

``install(window)`` adds the menu and the dock to a MainWindow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from linviz.engine.blas import one_blas_thread

from linviz.engine import lessons
from linviz.engine.datasets import Dataset, make_preset
from linviz.engine.features import FeatureMap
from linviz.engine.lessons import Lesson
from linviz.engine.regularizers import RegConfig

from . import i18n
from .models import DatasetModel, Playback, SessionModel, Settings
from .style import BASE_FONT_PT

translate = QCoreApplication.translate

OK_COLOUR = "#1B5E20"
BAD_COLOUR = "#B00020"
FORMULA_BACKGROUND = "#F4F4F4"
DELTA_FACTOR = 100.0
L1_LAM = 0.05
MARGIN_LAM = 0.3


@dataclass(frozen=True)
class Demo:
    """One demonstration: visible texts (translated) and the DemoRunner method that runs it."""

    key: str
    title: str
    explanation: str
    formula: str
    """Rich text (HTML)."""


def demo_list() -> tuple[Demo, ...]:
    """The demonstrations in the lecture's order, their texts translated now."""
    return (
        Demo("small_w", translate("Demos", "Loss at small W"), translate(
            "Demos",
            "When training starts W is tiny, so every score s is close to 0. Each wrong class then adds "
            "max(0, 0 − 0 + Δ) = Δ, and the SVM loss is (C − 1)·Δ. Softmax gives each class the same "
            "probability 1/C, so its loss is −ln(1/C) = ln C. The app restarts from a W of about 0.001 "
            "and stops at step 0. A first loss far from these values points to a bug."),
            translate(
                "Demos",
                "L<sub>i</sub> = Σ<sub>j≠y<sub>i</sub></sub> max(0, s<sub>j</sub> − "
                "s<sub>y<sub>i</sub></sub> + Δ) ≈ (C − 1)·Δ<br>L<sub>i</sub> = "
                "−ln(e<sup>s<sub>y<sub>i</sub></sub></sup> / Σ<sub>j</sub> e<sup>s<sub>j</sub></sup>) "
                "≈ ln C")),
        Demo("all_classes", translate("Demos", "Sum over all classes (j = yᵢ included)"), translate(
            "Demos",
            "What if the sum also ran over the true class, j = yᵢ? That term compares the true score with "
            "itself, max(0, Δ) = Δ, whatever W is, so every Lᵢ, and the loss, grows by exactly Δ. "
            "Its gradient is 0, so training and the regions do not change at all. Leaving j = yᵢ out "
            "just makes the best possible loss 0. The app is left summing over every class."),
            translate(
                "Demos",
                "Σ<sub>j</sub> max(0, s<sub>j</sub> − s<sub>y<sub>i</sub></sub> + Δ) = "
                "Σ<sub>j≠y<sub>i</sub></sub> max(0, s<sub>j</sub> − s<sub>y<sub>i</sub></sub> + Δ) + Δ")),
        Demo("mean", translate("Demos", "Mean instead of sum over classes"), translate(
            "Demos",
            "Averaging the C − 1 class terms instead of adding them divides the data loss by C − 1: "
            "only a change of scale. With the same λ the data term would weigh less against the penalty "
            "and the solution would move a little. Divide λ by C − 1 too (and multiply the step by "
            "C − 1): the whole objective is divided by C − 1, gradient descent takes exactly the same "
            "steps and the regions do not change. The app is left on the mean, λ and step rescaled."),
            translate(
                "Demos",
                "L<sub>i</sub> = 1/(C − 1) · Σ<sub>j≠y<sub>i</sub></sub> max(0, s<sub>j</sub> − "
                "s<sub>y<sub>i</sub></sub> + Δ)")),
        Demo("squared", translate("Demos", "Squared hinge"), translate(
            "Demos",
            "Squaring each hinge term makes a violation of size m cost m² instead of m: violations "
            "smaller than 1 count less, large ones much more. The demo starts from the CS231n example's "
            "W, which has large violations, and trains both losses from there. Compare the losses, the "
            "largest violation left after training and the share of the plane whose class changes. "
            "The app is left on the squared hinge."),
            translate(
                "Demos",
                "L<sub>i</sub> = Σ<sub>j≠y<sub>i</sub></sub> max(0, s<sub>j</sub> − "
                "s<sub>y<sub>i</sub></sub> + Δ)<sup>2</sup>")),
        Demo("delta_lambda", translate("Demos", "Δ = 1 or Δ = 100? Only Δ/λ matters"), translate(
            "Demos",
            "Δ says how far apart the scores must be, but the scale of the scores is set by W, which "
            "training can grow freely. Multiply Δ by 100, divide λ by 100 and multiply the step by 100: "
            "from W = 0, gradient descent reaches exactly 100·W, with the same regions and accuracy. So "
            "Δ can stay at 1 and only λ needs tuning. The app is left with Δ = 100, λ/100 and the step "
            "×100."),
            translate(
                "Demos",
                "(Δ, λ, α) → (100·Δ, λ/100, 100·α) ⇒ W → 100·W")),
        Demo("small_move", translate("Demos", "A correct point moves a little"), translate(
            "Demos",
            "Take a point the SVM classifies with room to spare: its Lᵢ is 0. Move it a little, W held "
            "fixed: while every wrong score stays at least Δ below the right one, Lᵢ stays exactly 0, "
            "so the SVM does not care. Softmax's Lᵢ is never exactly 0 and changes with the smallest "
            "move. The moved point is selected in the score table, and the classifier retrains on the "
            "new points."),
            translate(
                "Demos",
                "L<sub>i</sub> = 0 ⇔ s<sub>y<sub>i</sub></sub> − s<sub>j</sub> ≥ Δ for every j ≠ "
                "y<sub>i</sub>")),
        Demo("extremes", translate("Demos", "Minimum and maximum of the loss"), translate(
            "Demos",
            "The loss adds up terms max(0, ·), so it is never below 0, and it is exactly 0 once every "
            "margin holds: on separable points with λ = 0, training gets there. There is no upper "
            "bound: drag a point to the wrong side and its Lᵢ grows in proportion to the distance. The "
            "table holds W fixed and moves the point 1, 2, 4 … 64 units; the app is left with the point "
            "dragged to the edge of the plane."),
            translate(
                "Demos",
                "0 ≤ L<sub>i</sub> &lt; ∞<br>L<sub>i</sub>(x + d·u) grows like d·‖w<sub>r</sub> − "
                "w<sub>y<sub>i</sub></sub>‖")),
        Demo("svm_softmax", translate("Demos", "SVM vs Softmax"), translate(
            "Demos",
            "Both are trained on separable points with λ = 0, from W = 0. The SVM only wants the right "
            "score to win by Δ: once every margin holds its loss is exactly 0, the gradient vanishes and "
            "W stops. Softmax wants the right class's probability to be 1, which no finite W reaches: its "
            "loss stays above 0 and ‖W‖ keeps growing. The app is left on Softmax; play on and watch W "
            "grow."),
            translate(
                "Demos",
                "SVM: max(0, s<sub>j</sub> − s<sub>y<sub>i</sub></sub> + Δ) = 0 is reached<br>Softmax: "
                "−ln p<sub>y<sub>i</sub></sub> &gt; 0 for every finite W")),
        Demo("regularisation", translate("Demos", "Regularisation: λ, L1 and L2"), translate(
            "Demos",
            "The penalty λR(W) prefers small weights. With λ > 0 (L2) W ends smaller than with λ = 0, "
            "and since a margin band is Δ/‖wⱼ − wₖ‖ wide, the margins get wider. L1 pulls every weight "
            "toward 0 by the same amount, so the weights the data does not need end at 0: on cubic "
            "features (poly3) many do, while L2 only shrinks them. With plain gradient descent an L1 "
            "weight \"at 0\" jitters within lr·λ of it. The app is left on L1 with poly3 features."),
            translate(
                "Demos",
                "loss = 1/N Σ<sub>i</sub> L<sub>i</sub> + λR(W)<br>L2: R(W) = Σ W<sup>2</sup> &nbsp; "
                "L1: R(W) = Σ |W|")),
        Demo("batch", translate("Demos", "Batch size: full, 32, 1 (SGD)"), translate(
            "Demos",
            "Each step can use every point (full batch), a random mini-batch of 32, or a single point "
            "(SGD). Smaller batches are cheaper, but their gradient is a noisy estimate, so the loss "
            "curve (always measured on the whole set) jitters more; the table gives the mean change of "
            "the loss per step over the second half of training. It also runs the lecture's naive loop, "
            "which stops once one batch's loss changes by less than tol. The app is left on SGD."),
            translate(
                "Demos",
                "W ← W − α ∇<sub>W</sub>(1/|B| Σ<sub>i∈B</sub> L<sub>i</sub> + λR(W))<br>naive loop: "
                "stop when |Δloss| &lt; tol")),
        Demo("kernels", translate("Demos", "Feature maps and kernels"), translate(
            "Demos",
            "A ring around a disc: no straight line separates the two classes, so a linear classifier on "
            "(x₁, x₂) stays well below 100 % accuracy. Map each point first: with "
            "φ(x) = (x₁, x₂, x₁², x₁x₂, x₂²) a circle becomes a plane in φ's space, and with polar "
            "features (r, cos θ, sin θ) it is just r = const. The classifier is still linear in φ, but "
            "its regions are curved in the plane: this is what kernels and feature extraction are for. "
            "The app is left on poly2."),
            translate(
                "Demos",
                "s = W φ(x) + b<br>φ(x) = (x<sub>1</sub>, x<sub>2</sub>, x<sub>1</sub><sup>2</sup>, "
                "x<sub>1</sub>x<sub>2</sub>, x<sub>2</sub><sup>2</sup>)")),
    )


DEMO_KEYS = tuple(d.key for d in demo_list())


@dataclass(frozen=True)
class Snapshot:
    """What "Restore" brings back."""

    dataset: Dataset
    settings: Settings
    step: int
    selection: tuple[int, ...]


class DemoRunner:
    """Puts the app into a demonstration's state through the models, and computes its Lesson.

    ``run(key)`` keeps a :class:`Snapshot` of the state before the first
    demonstration; ``restore()`` applies it and forgets it.
    """

    def __init__(self, data: DatasetModel, session: SessionModel, playback: Playback | None = None):
        self.data, self.session, self.playback = data, session, playback
        self.saved: Snapshot | None = None

    # --- state ---------------------------------------------------------------------------
    def run(self, key: str) -> Lesson:
        if key not in DEMO_KEYS:
            raise KeyError(f"unknown demonstration {key!r}; choose one of {', '.join(DEMO_KEYS)}")
        if self.playback is not None:
            self.playback.pause()
        if self.saved is None:
            s = self.session
            self.saved = Snapshot(self.data.dataset, s.settings, s.step, s.chosen_examples)
        with one_blas_thread():
            return getattr(self, f"_{key}")()

    def restore(self) -> bool:
        """Back to the state before the demonstrations; False if there is none to go back to."""
        snap, self.saved = self.saved, None
        if snap is None:
            return False
        if self.playback is not None:
            self.playback.pause()
        self._apply(snap.dataset, snap.settings, snap.step)
        self.session.set_selected_examples(snap.selection)
        return True

    def _apply(self, dataset: Dataset, settings: Settings, step: int | None) -> None:
        """Data set and settings in, trained afresh from step 0, cursor on ``step`` (None: the last).

        Settings go in with restart on (so a run "continued" on other points never
        happens), then the teacher's restart choice is put back, which trains nothing.
        """
        s = self.session
        if dataset != self.data.dataset:
            self.data.set_dataset(dataset)  # the session's own retrain is debounced: done below
        before = s.history
        s.set_settings(replace(settings, restart=True))
        if s.history is before:
            s.retrain()  # same settings: train on the new points now
        s.set_settings(settings)
        if s.history is not None:
            s.set_step(s.history.last if step is None else step)

    def _settings(self, *, model: str = "svm", init: str = "zeros", init_scale: float = 0.01,
                  loss: dict | None = None, **train) -> Settings:
        """The default settings with these changes (the teacher's kNN and restart choices kept)."""
        base, now = Settings(), self.session.settings
        t = base.train
        kind = "softmax" if model == "softmax" else "svm"
        t = replace(t, loss=replace(t.loss, kind=kind, **(loss or {})), **train)
        return Settings(model=model, train=t, knn=now.knn, init=init, init_scale=init_scale, restart=now.restart)

    def _current(self) -> Dataset:
        """The points on the plane, or the CS231n example when they cannot make a lesson."""
        ds = self.data.dataset
        return ds if len(np.unique(ds.y)) >= 2 else make_preset("cs231n")

    def _last(self):
        h = self.session.history
        return h.W[h.last], h.b[h.last]

    # --- the demonstrations (one method per Demo.key) --------------------------------------
    def _small_w(self) -> Lesson:
        s = self._settings(init="random", init_scale=1e-3)
        self._apply(self._current(), s, 0)
        h = self.session.history
        return lessons.small_w_loss(self.data.dataset, h.W[0], h.b[0], s.train.loss.delta)

    def _all_classes(self) -> Lesson:
        s = self._settings(init="preset", loss={"all_classes": True})
        self._apply(self._current(), s, None)
        return lessons.all_classes_sum(self.data.dataset, *self._last(), s.train.loss.delta)

    def _mean(self) -> Lesson:
        base = self._settings()
        ds = self._current()
        self._apply(ds, replace(base, train=lessons.mean_config(base.train, ds.n_classes)), None)
        return lessons.mean_over_classes(self.data.dataset, base.train)

    def _squared(self) -> Lesson:
        base = self._settings(init="preset")
        self._apply(make_preset("cs231n"), self._settings(init="preset", loss={"squared": True}), None)
        h = self.session.history
        return lessons.squared_hinge(self.data.dataset, base.train, h.W[0], h.b[0])

    def _delta_lambda(self) -> Lesson:
        base = self._settings()
        self._apply(self._current(), replace(base, train=lessons.scaled_delta_config(base.train, DELTA_FACTOR)),
                    None)
        return lessons.delta_lambda_tradeoff(self.data.dataset, base.train, DELTA_FACTOR)

    def _small_move(self) -> Lesson:
        s = self._settings(init="preset")
        delta = s.train.loss.delta
        self._apply(self._current(), s, None)
        pick = lessons.pick_correct_point(self.data.dataset, *self._last(), delta)
        if pick is None:  # no point with room to spare here: use points that have some
            self._apply(make_preset("separable"), s, None)
            pick = lessons.pick_correct_point(self.data.dataset, *self._last(), delta)
        index, xy = pick
        lesson = lessons.correct_point_moves(self.data.dataset, *self._last(), index, xy, delta)
        self._move(index, xy)
        return lesson

    def _extremes(self) -> Lesson:
        s = self._settings(reg=RegConfig("none"))
        self._apply(make_preset("separable"), s, None)
        ds, (W, b) = self.data.dataset, self._last()
        lesson = lessons.loss_extremes(ds, W, b, 0, s.train.loss.delta)
        u = lessons.wrong_side_direction(ds, W, b, 0)
        self._move(0, ds.X[0] + 0.95 * lessons.room_in_plane(ds.X[0], u) * u)
        return lesson

    def _svm_softmax(self) -> Lesson:
        s = self._settings(model="softmax", reg=RegConfig("none"))
        self._apply(make_preset("separable"), s, None)
        return lessons.svm_vs_softmax(self.data.dataset, s.train)

    def _regularisation(self) -> Lesson:
        s = self._settings(features=FeatureMap("poly3"), reg=RegConfig("l1", L1_LAM))
        self._apply(make_preset("blobs"), s, None)
        ds = self.data.dataset
        margin = lessons.regularisation_margin(ds, self._settings().train, MARGIN_LAM)
        return lessons.combine(margin, lessons.l1_zeros(ds, s.train, L1_LAM))

    def _batch(self) -> Lesson:
        base = self._settings()
        self._apply(make_preset("blobs"), self._settings(batch_size=1), None)
        ds = self.data.dataset
        return lessons.combine(lessons.batch_noise(ds, base.train), lessons.naive_sgd_loop(ds, base.train))

    def _kernels(self) -> Lesson:
        s = self._settings(features=FeatureMap("poly2"))
        self._apply(make_preset("circles"), s, None)
        return lessons.kernels(self.data.dataset, s.train)

    def _move(self, index: int, xy) -> None:
        """Move a point (the session retrains on it), show the last step and select the point."""
        self.data.move_point(index, float(xy[0]), float(xy[1]))
        self.session.retrain()
        self.session.set_step(self.session.history.last)
        self.session.set_selected_examples([index])


# ----------------------------------------------------------------------------- display


def format_number(v: float) -> str:
    """Short text for a figure: 16, 0.4102, 1.2e-05, ∞, —."""
    v = float(v)
    if math.isnan(v):
        return "—"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    if v == int(v) and abs(v) < 1e6:
        return str(int(v))
    return f"{v:.4g}"


def expected_text(f: lessons.Figure) -> str:
    """"≈ 2 ± 0.002", "= 0", "> 0.41", or "" when nothing is expected."""
    if f.expected is None:
        return ""
    text = f"{f.relation} {format_number(f.expected)}"
    margin = f.tol * max(1.0, abs(f.expected))
    if f.relation == "≈" and margin >= 1e-6:
        text += f" ± {margin:.2g}"
    return text


class LecturePanel(QWidget):
    """The Lecture dock: pick a demonstration, read it, press Show, compare the figures.

    Children by objectName: demoChooser (QComboBox, one item per demo, its key as
    item data), demoPrevious / demoNext, demoTitle, demoExplanation, demoFormula,
    demoShow, demoRestore, demoFigures (QTableWidget: figure, expected, measured,
    ✔/✘; the raw numbers in Qt.UserRole), demoVerdict.
    """

    COLUMNS = 4

    def __init__(self, data: DatasetModel, session: SessionModel, playback: Playback | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lecturePanel")
        self.runner = DemoRunner(data, session, playback)
        self.demos = demo_list()
        self.results: dict[str, Lesson] = {}
        self.menu_actions: dict[str, QAction] = {}
        """The Lecture menu's entries (``install`` fills it), retitled with the chooser."""
        self._build()
        self.select(0)
        i18n.notifier.changed.connect(self.retranslate)

    def retranslate(self, *_) -> None:
        """The demonstrations' texts in the new language: chooser, menu, the one shown, its table."""
        self.demos = demo_list()
        for n, demo in enumerate(self.demos, 1):
            self.chooser.setItemText(n - 1, f"{n}. {demo.title}")
            action = self.menu_actions.get(demo.key)
            if action is not None:
                action.setText(f"{n}. {demo.title}")
        self.select(self.chooser.currentIndex())
        self._update_restore()

    @property
    def current(self) -> Demo:
        return self.demos[self.chooser.currentIndex()]

    def lesson(self, key: str | None = None) -> Lesson | None:
        """The figures of the last run of ``key`` (default: the demonstration shown)."""
        return self.results.get(key or self.current.key)

    # --- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(8)

        row = QHBoxLayout()
        self.previous = self._tool("demoPrevious", "◀", translate("Demos", "Previous demonstration"))
        self.next = self._tool("demoNext", "▶", translate("Demos", "Next demonstration"))
        self.chooser = QComboBox(objectName="demoChooser")
        self.chooser.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(12)
        for n, demo in enumerate(self.demos, 1):
            self.chooser.addItem(f"{n}. {demo.title}", demo.key)
        self.chooser.currentIndexChanged.connect(self.select)
        self.previous.clicked.connect(self.select_previous)
        self.next.clicked.connect(self.select_next)
        row.addWidget(self.previous)
        row.addWidget(self.chooser, 1)
        row.addWidget(self.next)
        lay.addLayout(row)

        self.title = self._label("demoTitle", bold=True, scale=1.25)
        self.explanation = self._label("demoExplanation")
        self.formula = self._label("demoFormula", scale=1.15)
        self.formula.setTextFormat(Qt.RichText)
        self.formula.setStyleSheet(f"background: {FORMULA_BACKGROUND}; padding: 6px; border-radius: 4px;")
        for w in (self.title, self.explanation, self.formula):
            lay.addWidget(w)

        buttons = QHBoxLayout()
        self.show_button = QPushButton(translate("Demos", "Show"), objectName="demoShow")
        self.show_button.setToolTip(translate("Demos", "Put the app into this demonstration's state and "
                                                       "measure the figures"))
        self.restore_button = QPushButton(translate("Demos", "Restore"), objectName="demoRestore")
        self.restore_button.setToolTip(translate("Demos", "Bring back the points, settings and step from "
                                                          "before the first demonstration"))
        self.show_button.clicked.connect(self.show_current)
        self.restore_button.clicked.connect(self.restore)
        buttons.addWidget(self.show_button, 1)
        buttons.addWidget(self.restore_button, 1)
        lay.addLayout(buttons)

        self.table = QTableWidget(0, self.COLUMNS, objectName="demoFigures")
        self.table.setHorizontalHeaderLabels([translate("Demos", "Figure"), translate("Demos", "Expected"),
                                              translate("Demos", "Measured"), ""])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeToContents)
        # The table's height follows its rows, but never from inside the header's own resize:
        # sectionResized comes from QHeaderView::resizeSections, and resizing the rows there
        # asks the same header for its section sizes, which re-enters resizeSections while the
        # outer call is still walking its sections — a segmentation fault (issue 18, seed 902).
        # The fit runs once the event loop is back, from a timer that dies with the panel.
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_table)
        header.sectionResized.connect(self._schedule_fit)
        lay.addWidget(self.table)

        self.verdict = self._label("demoVerdict", bold=True)
        lay.addWidget(self.verdict)
        lay.addStretch(1)
        self._update_restore()

    def _label(self, name: str, bold: bool = False, scale: float = 1.0) -> QLabel:
        label = QLabel(objectName=name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        font = QFont(label.font())
        font.setPointSizeF(max(font.pointSizeF(), BASE_FONT_PT) * scale)
        font.setBold(bold)
        label.setFont(font)
        return label

    def _tool(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(objectName=name)
        button.setText(text)
        button.setToolTip(tip)
        return button

    # --- behaviour -------------------------------------------------------------------------
    def select_previous(self) -> None:
        self.select(self.chooser.currentIndex() - 1)

    def select_next(self) -> None:
        self.select(self.chooser.currentIndex() + 1)

    def select(self, index: int) -> None:
        """Show demonstration ``index`` (0-based, clipped) without running it."""
        index = int(np.clip(index, 0, len(self.demos) - 1))
        if self.chooser.currentIndex() != index:
            self.chooser.setCurrentIndex(index)  # comes back here through the signal
            return
        demo = self.demos[index]
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.demos) - 1)
        self.title.setText(f"{index + 1}. {demo.title}")
        self.explanation.setText(demo.explanation)
        self.formula.setText(demo.formula)
        self._show_lesson(self.results.get(demo.key))

    def show_demo(self, key: str) -> Lesson:
        """Select demonstration ``key`` and run it (what the Lecture menu does)."""
        self.select(DEMO_KEYS.index(key))
        return self.show_current()

    def show_current(self) -> Lesson:
        """Run the selected demonstration: set the app's state, then list its figures."""
        key = self.current.key
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            lesson = self.runner.run(key)
        finally:
            QApplication.restoreOverrideCursor()
        self.results[key] = lesson
        self._show_lesson(lesson)
        self._update_restore()
        return lesson

    def restore(self) -> None:
        self.runner.restore()
        self._update_restore()

    def _update_restore(self) -> None:
        self.restore_button.setEnabled(self.runner.saved is not None)

    def _show_lesson(self, lesson: Lesson | None) -> None:
        self.table.setRowCount(0)
        if lesson is None:
            self.table.hide()
            self.verdict.setStyleSheet("")
            self.verdict.setText(translate("Demos", "Press Show to set the app up and measure."))
            return
        self.table.show()
        self.table.setRowCount(len(lesson.figures))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, f in enumerate(lesson.figures):
            label = translate("Demos", f.label).format(*(format_number(a) if isinstance(a, (int, float))
                                                         else a for a in f.args))
            mark = {True: "✔", False: "✘", None: ""}[f.holds]
            cells = (label, expected_text(f), format_number(f.measured), mark)
            values = (f.text, f.expected, float(f.measured), f.holds)
            for c, (text, value) in enumerate(zip(cells, values)):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, value)
                if c:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if c == 3 and f.holds is not None:
                    item.setForeground(QBrush(QColor(OK_COLOUR if f.holds else BAD_COLOUR)))
                if r == lesson.headline:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        ok = lesson.holds
        self.verdict.setStyleSheet(f"color: {OK_COLOUR if ok else BAD_COLOUR};")
        self.verdict.setText(translate("Demos", "✔ As the lecture predicts.") if ok else
                             translate("Demos", "✘ Not as predicted: see the rows marked ✘."))
        self._schedule_fit()

    def _schedule_fit(self, *_) -> None:
        """Fit the table once the current event (a resize, a header's relayout) is over."""
        self._fit_timer.start()

    def _fit_table(self) -> None:
        """Rows as tall as their wrapped text; the table as tall as its rows (the dock scrolls)."""
        if self.table.rowCount() == 0 or self.table.isHidden():
            return
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._schedule_fit()  # wrapped rows change height with the width; not from inside the resize


# ----------------------------------------------------------------------------- install


def install(window) -> LecturePanel:
    """Add the Lecture dock (tabbed with the Controls, on the left) and the Lecture menu.
    Installing twice returns the panel already there."""
    if getattr(window, "lecture", None) is not None:
        return window.lecture
    panel = LecturePanel(window.data, window.session, getattr(window, "playback", None))
    dock = QDockWidget(translate("Demos", "Lecture"), window)
    dock.setObjectName("dock_LecturePanel")
    dock.setWidget(panel)
    window.addDockWidget(Qt.LeftDockWidgetArea, dock)
    if hasattr(window, "docks") and "controls" in window.docks:
        window.tabifyDockWidget(window.docks["controls"], dock)
        window.docks["controls"].raise_()
        window.docks["lecture"] = dock
    window.lecture = panel

    bar = window.menuBar()
    menu = QMenu(translate("Demos", "&Lecture"), bar)
    menu.setObjectName("lecture_menu")
    def show(key: str) -> None:
        dock.show()
        dock.raise_()
        panel.show_demo(key)

    for n, demo in enumerate(panel.demos, 1):
        action = QAction(f"{n}. {demo.title}", menu)
        action.setObjectName(f"demo_{demo.key}")
        panel.menu_actions[demo.key] = action
        action.triggered.connect(lambda _=False, k=demo.key: show(k))
        menu.addAction(action)
    menu.addSeparator()
    restore = QAction(translate("Demos", "Restore the state before the demonstrations"), menu)
    restore.setObjectName("demo_restore")
    restore.triggered.connect(panel.restore)
    menu.addAction(restore)
    menu.addAction(dock.toggleViewAction())
    help_menu = i18n.find_menu(window, "help_menu", "&Help")  # by objectName: the titles are translated
    help_action = help_menu.menuAction() if help_menu is not None else None
    bar.insertMenu(help_action, menu) if help_action is not None else bar.addMenu(menu)
    return panel
