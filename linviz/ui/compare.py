"""The compare mode: two to four training runs side by side, on the same points, from the
same starting W, played by one clock.

* The panes share the main window's :class:`DatasetModel`: an edit of the points
  retrains every pane. Each pane has its own :class:`SessionModel` (its own
  Settings) and draws it in a :class:`MiniPlane`.
* Every pane starts from the same W0, b0: the settings that choose the start
  (``init``, ``init_scale``, ``seed``, the feature map) are the window's, copied
  into each pane's Settings — the data set's own W0/b0 when it has one (CS231n),
  else one seeded random draw. "Randomise W₀" draws a new one for all.
* :class:`SharedClock` is the one cursor: play/pause, step, scrubber and speed
  move every pane to the same step t. A pane whose run ended earlier (converged,
  diverged) shows its last step and says so; playing past the recorded end
  trains every run on (``SessionModel.extend``), as the main window does.
* :class:`LossOverlay` draws every pane's loss in one plot (one colour and line
  style per pane), with a legend of the pane names and a cursor at t.

``install(main_window)`` adds "Compare…" (Ctrl+K) to the main window's View menu.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGraphicsItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linviz.engine.features import FeatureMap
from linviz.engine.optimizers import OPTIMIZERS
from linviz.engine.ravine import ravine_configs
from linviz.engine.regularizers import REG_KINDS, RegConfig
from linviz.engine.training import FINISHED
from linviz.session import core

from .axes import compact_axes
from .clock import PlaybackClock
from .models import EXTEND_CHUNK, MAX_STEPS, DatasetModel, SessionModel, Settings
from .panels.controls import MODEL_ITEMS, OPT_ITEMS, REG_ITEMS
from .panels.playback import SCRUBBER_STYLE
from .style import ink, label_style, point_size
from .views.loss_curve import LossAxis, ScrubViewBox, log_floor
from .views.mini_plane import MiniPlane
from .widgets import format_value, guard_wheel, pass_space_to_shortcuts
from . import accessibility, i18n, screen_fit
from .closing import make_closable
from .i18n import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

MIN_PANES, MAX_PANES = 2, 4
PANE_STYLES = (  # (letter, colour, line style) of each pane's loss curve; Okabe–Ito colours
    ("A", "#000000", Qt.PenStyle.SolidLine),
    ("B", "#0072B2", Qt.PenStyle.DashLine),
    ("C", "#D55E00", Qt.PenStyle.DashDotLine),
    ("D", "#CC79A7", Qt.PenStyle.DotLine),
)
DEFAULT_SIZE = QSize(1500, 980)
"""The window's size on a monitor larger than a projector (``screen_fit.place``)."""
CURVE_WIDTH = 3.0
HEADER_PT, STATUS_PT, TICK_PT = 13, 13, 13

MODEL_NAMES = {"svm": "SVM", "softmax": "Softmax"}
OPT_NAMES = {"sgd": "SGD", "momentum": QT_TRANSLATE_NOOP("Compare", "momentum"), "nesterov": "Nesterov",
             "adagrad": "AdaGrad", "rmsprop": "RMSProp", "adam": "Adam"}
REG_NAMES = {"none": QT_TRANSLATE_NOOP("Compare", "no reg."), "l2": "L2", "half-l2": "½L2", "l1": "L1",
             "elastic": QT_TRANSLATE_NOOP("Compare", "elastic"), "maxnorm": QT_TRANSLATE_NOOP("Compare", "max-norm")}
"""Short names in the pane headers (English; translated where shown)."""
BATCHES = (1, 4, 8, 16, 32, 64, 128, None)
LR_VALUES = (1e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 100.0)
LAM_VALUES = (0.0, 1e-3, 0.01, 0.1, 1.0, 10.0)
DELTA_VALUES = (0.1, 1.0, 10.0, 100.0)


# ----------------------------------------------------------------------------- settings


def describe(settings: Settings, n_points: int | None = None) -> str:
    """The header of a pane: "SVM · SGD · batch full · α 0.1 · L2 λ 0.1" (Δ when it is not 1)."""
    t = settings.train
    full = translate("Compare", "full")
    batch = full if t.batch_size is None else str(t.batch_size)
    if t.batch_size is not None and n_points is not None and t.batch_size >= n_points:
        batch += f" = {full}"
    parts = [MODEL_NAMES.get(settings.model, settings.model), translate("Compare", OPT_NAMES[t.optimizer.kind]),
             translate("Compare", "batch {0}").format(batch), f"α {format_value(t.lr)}"]
    reg = t.reg
    if reg.kind == "none":
        parts.append(translate("Compare", REG_NAMES["none"]))
    elif reg.kind == "maxnorm":
        parts.append(translate("Compare", "max-norm c {0}").format(format_value(reg.max_norm)))
    else:
        parts.append(f"{translate('Compare', REG_NAMES[reg.kind])} λ {format_value(reg.lam)}")
    if settings.model == "svm" and t.loss.delta != 1.0:
        parts.append(f"Δ {format_value(t.loss.delta)}")
    return " · ".join(parts)


def _train(settings: Settings, **changes) -> Settings:
    """``settings`` with ``changes`` made to its TrainConfig."""
    return replace(settings, train=replace(settings.train, **changes))


def base_settings(settings: Settings | None = None) -> Settings:
    """What the comparisons vary from: the main window's settings (a linear model; kNN
    becomes SVM, since it has no steps to compare), always retraining from step 0."""
    s = settings or Settings()
    return replace(s, model=s.model if s.is_linear else "svm", restart=True)


def _svm_vs_softmax(base: Settings) -> list[Settings]:
    return [replace(base, model="svm"), replace(base, model="softmax")]


def _optimisers(base: Settings) -> list[Settings]:
    return [_train(base, optimizer=replace(base.train.optimizer, kind=k)) for k in ("sgd", "momentum", "adam")]


def _batches(base: Settings) -> list[Settings]:
    return [_train(base, batch_size=b) for b in (1, 32, None)]


def _deltas(base: Settings) -> list[Settings]:
    """SVM with Δ = 1 and Δ = 100. Scaling Δ by k scales the best W by k when λ becomes λ/k
    (L2: data loss ×k, λR(W) ×k²); α ×k keeps the scaled steps alike (the hinge gradient
    does not grow with W), so both panes draw the same boundaries at every step."""
    reg = base.train.reg if base.train.reg.kind in ("l2", "half-l2") else RegConfig("l2", 0.1)
    if reg.lam == 0:
        reg = replace(reg, lam=0.1)
    svm, k = replace(base, model="svm"), 100.0
    loss = base.train.loss
    return [_train(svm, loss=replace(loss, delta=1.0), reg=reg),
            _train(svm, loss=replace(loss, delta=k), reg=replace(reg, lam=reg.lam / k), lr=base.train.lr * k)]


def _l1_vs_l2(base: Settings) -> list[Settings]:
    lam = base.train.reg.lam if base.train.reg.lam > 0 else 0.1
    return [_train(base, reg=RegConfig("l1", lam)), _train(base, reg=RegConfig("l2", lam))]


PRESETS: dict[str, Callable[[Settings], list[Settings]]] = {
    QT_TRANSLATE_NOOP("Compare", "SVM vs Softmax"): _svm_vs_softmax,
    QT_TRANSLATE_NOOP("Compare", "SGD vs momentum vs Adam"): _optimisers,
    QT_TRANSLATE_NOOP("Compare", "batch 1 vs 32 vs full"): _batches,
    QT_TRANSLATE_NOOP("Compare", "Δ = 1 vs Δ = 100 (λ scaled)"): _deltas,
    QT_TRANSLATE_NOOP("Compare", "ravine: SGD vs momentum vs Adam"): lambda base, X: [  # engine/ravine.py
        replace(base, model="lsq", train=c) for c in ravine_configs(base.train, X).values()],
    QT_TRANSLATE_NOOP("Compare", "L1 vs L2"): _l1_vs_l2,
}
"""Each comparison: a function from the base settings to one Settings per pane. The names are
keys (English); the combo shows them translated."""
PRESET_TIPS = {
    "SVM vs Softmax": QT_TRANSLATE_NOOP("Compare", "The lecture's contrast: the SVM is satisfied once every margin "
                                                   "holds (its loss reaches 0);\nSoftmax always wants the correct "
                                                   "class's probability higher."),
    "SGD vs momentum vs Adam": QT_TRANSLATE_NOOP("Compare", "Three update rules from the same W₀ with the same α."),
    "batch 1 vs 32 vs full": QT_TRANSLATE_NOOP("Compare", "Mini-batch gradient descent: 1 point per step (SGD), 32, "
                                                          "or all N.\nThe loss drawn is always on all N points."),
    "Δ = 1 vs Δ = 100 (λ scaled)": QT_TRANSLATE_NOOP("Compare", "Δ and λ trade off: Δ = 100 with λ/100 (and α×100) "
                                                                "finds W×100 —\nthe same boundaries. The loss is ×100 "
                                                                "too, so the plot turns logarithmic."),
    "L1 vs L2": QT_TRANSLATE_NOOP("Compare", "The same λ: L1 pushes weights to exactly 0, L2 shrinks them all."),
    "ravine: SGD vs momentum vs Adam": QT_TRANSLATE_NOOP("Compare", "Least squares on cubic features: a long narrow "
                                                                    "valley. SGD (α = 1.8/L) zig-zags across it;\n"
                                                                    "momentum and Adam reach the bottom several "
                                                                    "times sooner."),
}
LOG_PRESETS = {"Δ = 1 vs Δ = 100 (λ scaled)"}
POINTS_PRESETS = {"ravine: SGD vs momentum vs Adam"}
"""Comparisons made for the points shown: their function also takes X (N, 2)."""


@dataclass(frozen=True)
class Start:
    """What decides W0, b0 — the same in every pane."""

    init: str
    init_scale: float
    seed: int
    features: FeatureMap

    @classmethod
    def of(cls, s: Settings) -> Start:
        return cls(s.init, s.init_scale, s.train.seed, s.train.features)

    def apply(self, s: Settings) -> Settings:
        """``s`` starting from this W0, b0 (and retraining from step 0 on any change)."""
        return replace(_train(s, seed=self.seed, features=self.features), init=self.init,
                       init_scale=self.init_scale, restart=True)


# ----------------------------------------------------------------------------- the clock


class SharedClock(PlaybackClock):
    """One cursor for every pane: pane i shows step min(t, its last step).

    ``sessions`` returns the panes' SessionModels (the list changes as panes come
    and go). Signals: step_changed(t), range_changed(last step the scrubber
    reaches), and the clock's playing_changed(bool), speed_changed(steps per second).
    """

    step_changed = Signal(int)
    range_changed = Signal(int)

    def __init__(self, sessions: Callable[[], list[SessionModel]], speed: float = 30.0,
                 parent: QObject | None = None):
        self._sessions = sessions
        self._step = self._last = 0
        self._busy = False
        super().__init__(speed, parent)

    @property
    def step(self) -> int:
        return self._step

    @property
    def last(self) -> int:
        """The last step any pane has recorded."""
        return self._last

    # --- moving ----------------------------------------------------------------------------
    def set_step(self, t: int) -> None:
        """Move every pane to step t, training a run on when t lies past its end."""
        t = max(0, int(t))
        self._busy = True
        try:
            for s in self._sessions():
                _move(s, t)
        finally:
            self._busy = False
        self._set_range()
        t = min(t, self._last)
        if t != self._step:
            self._step = t
            self.step_changed.emit(t)

    def sync(self, *_args) -> None:
        """A pane retrained or came or went: put every pane back at the shared step."""
        if not self._busy:
            self.set_step(self._step)

    def _set_range(self) -> None:
        lasts = [s.history.last for s in self._sessions() if s.history is not None]
        last = max(lasts, default=0)
        if last != self._last:
            self._last = last
            self.range_changed.emit(last)

    def at_end(self) -> bool:
        """True when no pane can go past the shared step (every run stopped there)."""
        return all(not _can_grow(s) and s.step >= s.history.last for s in self._sessions()
                   if s.history is not None) and self._step >= self._last

    def step_forward(self) -> None:
        self.set_step(self._step + 1)

    def step_back(self) -> None:
        self.set_step(self._step - 1)

    def go_first(self) -> None:
        self.set_step(0)

    def go_last(self) -> None:
        self.set_step(self._last)

    # --- the clock -----------------------------------------------------------------------------
    def advance(self, steps: int) -> bool:
        """Every pane ``steps`` on; False when none could go that far."""
        target = self._step + steps
        self.set_step(target)
        return self._step >= target

    def restart(self) -> None:
        self.set_step(0)


def _can_grow(session: SessionModel) -> bool:
    """Whether playback can train this run further (it has not converged, diverged or hit MAX_STEPS)."""
    return core.can_extend(session.state)


def _move(session: SessionModel, t: int) -> None:
    h = session.history
    if h is None:
        return
    if t > h.last and _can_grow(session):
        session.extend(max(t - h.last, EXTEND_CHUNK))
    session.set_step(min(t, session.history.last))


# ----------------------------------------------------------------------------- widgets


def swatch(colour: str, style, width: float = CURVE_WIDTH, w: int = 44, h: int = 18) -> QPixmap:
    """A short line in a curve's colour and style (the pane's key in headers and legend)."""
    pm = QPixmap(w, h)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), width, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    p.drawLine(QPointF(2, h / 2), QPointF(w - 2, h / 2))
    p.end()
    return pm


def _pen(slot: int):
    _, colour, style = PANE_STYLES[slot]
    pen = pg.mkPen(color=colour, width=CURVE_WIDTH, style=style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _font(widget: QWidget, pt: int, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(point_size(pt))
    font.setBold(bold)
    return font


class Readout(QWidget):
    """Text that changes every frame (a status line): painted directly, in a box of fixed
    height (``lines`` lines), so a new text repaints the box and never re-lays out the
    window as a QLabel's would. ``text()`` and ``colour`` are what it shows."""

    def __init__(self, lines: int, pt: int, bold: bool = True, sample: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._text, self.colour = "", QColor("#000000")
        self.setFont(_font(self, pt, bold))
        self._sample = sample
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 2)

    def text(self) -> str:
        return self._text

    def setText(self, text: str, colour: str | None = None) -> None:  # noqa: N802 (QLabel's name)
        colour = QColor(colour) if colour is not None else self.colour
        if text != self._text or colour != self.colour:
            self._text, self.colour = text, colour
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(self.fontMetrics().horizontalAdvance(self._sample) + 4, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.sizeHint().width() if self._sample else 40, self.height())

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setPen(QColor(ink(self.colour.name())))  # chosen for white: readable in the dark theme too
        p.drawText(self.rect().adjusted(1, 0, -1, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                   | Qt.TextFlag.TextWordWrap, self._text)
        p.end()


class NumberBox(QComboBox):
    """An editable list of round numbers; any other number in [lo, hi] can be typed.

    ``value_changed(float)`` is emitted when an item is picked or typing ends with
    a new valid value; an invalid entry puts the current value back.
    """

    value_changed = Signal(float)

    def __init__(self, values, lo: float, hi: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.lo, self.hi = lo, hi
        self._value = float(values[0])
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems([format_value(v) for v in values])
        self.activated.connect(self._commit)  # no validator: it would hold back editingFinished
        self.lineEdit().editingFinished.connect(self._commit)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("0.001") + 30)

    def value(self) -> float:
        return self._value

    def set_value(self, v: float) -> None:
        """Show v without emitting."""
        self._value = float(v)
        with QSignalBlocker(self):
            self.setEditText(format_value(v))

    def _commit(self, *_args) -> None:
        try:
            v = float(self.currentText())
        except ValueError:
            v = float("nan")
        if not self.lo <= v <= self.hi:
            self.set_value(self._value)
            return
        if v != self._value:
            self._value = v
            self.value_changed.emit(v)


class PaneEditor(QWidget):
    """The settings a comparison varies, in three short rows (a pane may be 300 px wide):
    model, optimiser | batch, α, Δ | regulariser, λ.

    Each control turns into ``session.update_settings``; the controls follow
    ``session.settings_changed`` quietly. objectNames: pane_model, pane_optimizer,
    pane_batch, pane_lr, pane_reg, pane_lambda, pane_delta.
    """

    def __init__(self, session: SessionModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        model_items = {k: (translate("Controls", MODEL_ITEMS[k][0]), translate("Controls", MODEL_ITEMS[k][1])) for k in MODEL_NAMES}
        self.model = self._combo("pane_model", model_items, translate("Compare", "The data loss"))
        self.optimizer = self._combo("pane_optimizer", {k: (translate("Compare", OPT_NAMES[k]),
                                                            translate("Controls", OPT_ITEMS[k][1])) for k in OPTIMIZERS},
                                     translate("Compare", "The update rule"))
        self.batch = self._combo("pane_batch", {b: (translate("Compare", "full") if b is None else str(b), None)
                                                for b in BATCHES},
                                 translate("Compare", "Points per gradient step: 1 is SGD, full = all N (gradient "
                                                      "descent).\nThe loss shown is always on all N points."))
        self.reg = self._combo("pane_reg", {k: (translate("Compare", REG_NAMES[k]), translate("Controls", REG_ITEMS[k][1]))
                                            for k in REG_KINDS},
                               translate("Compare", "The regulariser R(W) in loss = 1/N Σ Li + λ R(W)"))
        self.lr = self._number("pane_lr", LR_VALUES, 1e-8, 1e4,
                               translate("Compare", "α, the learning rate: W ← W − α ∇W loss"))
        self.lam = self._number("pane_lambda", LAM_VALUES, 0.0, 1e4,
                                translate("Compare", "λ, the regularisation strength"))
        self.delta = self._number("pane_delta", DELTA_VALUES, 0.0, 1e4,
                                  translate("Compare", "Δ, the SVM's margin: Li = Σ_{j≠yi} max(0, s_j − s_yi + Δ)"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        for row in ([self.model, self.optimizer], [translate("Compare", "batch"), self.batch, "α", self.lr, "Δ",
                                                   self.delta],
                    [self.reg, "λ", self.lam]):
            line = QHBoxLayout()
            line.setSpacing(4)
            for item in row:
                line.addWidget(QLabel(item) if isinstance(item, str) else item)
            line.addStretch(1)
            column.addLayout(line)
        self.model.currentIndexChanged.connect(lambda: session.update_settings(model=self.model.currentData()))
        self.optimizer.currentIndexChanged.connect(self._on_optimizer)
        self.batch.currentIndexChanged.connect(lambda: session.update_settings(batch_size=self.batch.currentData()))
        self.reg.currentIndexChanged.connect(self._on_reg)
        self.lr.value_changed.connect(lambda v: session.update_settings(lr=v))
        self.lam.value_changed.connect(lambda v: session.update_settings(reg=replace(session.settings.train.reg,
                                                                                     lam=v)))
        self.delta.value_changed.connect(lambda v: session.update_settings(loss=replace(
            session.settings.train.loss, delta=v)))
        session.settings_changed.connect(self.sync)
        self.sync()

    def _combo(self, name: str, items: dict, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        for key, (text, item_tip) in items.items():
            combo.addItem(text, key)
            if item_tip:
                combo.setItemData(combo.count() - 1, item_tip, Qt.ItemDataRole.ToolTipRole)
        guard_wheel(combo)
        return combo

    def _number(self, name: str, values, lo: float, hi: float, tip: str) -> NumberBox:
        box = NumberBox(values, lo, hi)
        box.setObjectName(name)
        box.setToolTip(tip + "\n" + translate("Compare", "Pick a value or type one."))
        guard_wheel(box)
        pass_space_to_shortcuts(box, box.lineEdit())  # the combo passes its keys on to the line edit
        return box

    def _on_optimizer(self) -> None:
        opt = self.session.settings.train.optimizer
        self.session.update_settings(optimizer=replace(opt, kind=self.optimizer.currentData()))

    def _on_reg(self) -> None:
        reg = self.session.settings.train.reg
        self.session.update_settings(reg=replace(reg, kind=self.reg.currentData()))

    def sync(self) -> None:
        """Show the session's settings (no signals back)."""
        s = self.session.settings
        t = s.train
        for combo, key in ((self.model, s.model), (self.optimizer, t.optimizer.kind),
                           (self.batch, t.batch_size), (self.reg, t.reg.kind)):
            with QSignalBlocker(combo):
                if combo.findData(key) < 0:  # a batch size the list lacks (set in the main window)
                    combo.addItem(str(key), key)
                combo.setCurrentIndex(combo.findData(key))
        self.lr.set_value(t.lr)
        self.lam.set_value(t.reg.lam)
        self.delta.set_value(t.loss.delta)
        self.delta.setEnabled(s.model == "svm")
        self.lam.setEnabled(t.reg.kind not in ("none", "maxnorm"))


class ComparePane(QFrame):
    """One run of the comparison: a header naming its settings (with its curve's key),
    the editor, the mini plane and the loss at the shared step.

    ``session`` is its own SessionModel on the shared points; ``slot`` (0–3) its
    letter, colour and line style. objectNames: compare_pane_<letter>, pane_header,
    pane_status, pane_close.
    """

    close_requested = Signal(object)

    def __init__(self, data: DatasetModel, settings: Settings, slot: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.data, self.slot = data, slot
        self.letter = PANE_STYLES[slot][0]
        self.setObjectName(f"compare_pane_{self.letter}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.session = SessionModel(data, settings, parent=self)
        self._clock_step = 0

        self.key = QLabel()
        self.key.setPixmap(swatch(*PANE_STYLES[slot][1:]))
        self.header = QLabel()
        self.header.setObjectName("pane_header")
        self.header.setFont(_font(self, HEADER_PT, bold=True))
        self.header.setWordWrap(True)
        self.header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.close_button = QToolButton()
        self.close_button.setObjectName("pane_close")
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("Compare", "Remove this pane (at least two stay)."))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(lambda: self.close_requested.emit(self))
        self.editor = PaneEditor(self.session)
        self.plane = MiniPlane(data, self.session)
        self.status = Readout(2, STATUS_PT)  # loss and accuracy; where the run stopped, if it did
        self.status.setObjectName("pane_status")

        top = QHBoxLayout()
        top.addWidget(self.key, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.header, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        layout.addWidget(self.plane, 1)
        layout.addWidget(self.status)

        self.session.settings_changed.connect(self.update_header)
        data.changed.connect(self.update_header)
        self.session.step_changed.connect(lambda *_: self.update_status())
        self.session.history_changed.connect(self.update_status)
        self.update_header()
        self.update_status()

    @property
    def name(self) -> str:
        """The settings in words, as the header and the legend show them."""
        return describe(self.session.settings, len(self.data.dataset))

    def update_header(self) -> None:
        self.header.setText(f"{self.letter}  {self.name}")

    def update_status(self, clock_step: int | None = None) -> None:
        """"loss 0.842 · accuracy 89 %"; at the end of a run that stopped (converged, diverged,
        or the step limit while the clock goes on), a second line: where and why."""
        if clock_step is not None:
            self._clock_step = clock_step
        h, t = self.session.history, self.session.step
        if h is None:
            self.status.setText("")
            return
        acc = h.train_acc[t]
        acc_text = f"{100 * acc:.0f} %" if np.isfinite(acc) else "—"
        text = translate("Compare", "loss {0} · accuracy {1}").format(_loss_text(h.loss[t]), acc_text)
        colour = "#000000"
        if t == h.last and (h.stop_reason in FINISHED or self._clock_step > h.last):
            if h.stop_reason == "converged":
                why = translate("Compare", "converged: gradient ≈ 0")
            elif h.stop_reason == "small_change":
                why = translate("Compare", "change below tol")
            elif h.stop_reason == "diverged":
                why = translate("Compare", "diverged: try a smaller α")
            else:
                why = translate("Compare", "the {0}-step limit").format(f"{MAX_STEPS:,}")
            text += "\n" + translate("Compare", "stopped at step {0} ({1})").format(h.last, why)
            colour = "#B00020" if h.stop_reason == "diverged" else "#8A5A00"
        self.status.setText(text, colour)


def _loss_text(v: float) -> str:
    if not np.isfinite(v):
        return "—"
    return f"{v:.3f}" if abs(v) < 1000 else f"{v:.4g}"


class LossOverlay(QWidget):
    """Every pane's total loss against the step, overlaid; a cursor at the shared step.

    ``curves[slot]`` is the PlotDataItem of the pane in that slot (created once, hidden
    while the slot is empty); ``legend_labels[slot]`` its name beside the plot. A click
    or drag in the plot, or a drag of ``cursor``, calls ``on_scrub(step)``.
    """

    def __init__(self, on_scrub: Callable[[int], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compare_loss")
        self._on_scrub = on_scrub
        self._log = False
        self._histories: dict[int, object] = {}
        self.viewbox = ScrubViewBox(self._scrub)
        self.plot = pg.PlotWidget(viewBox=self.viewbox, axisItems=compact_axes(left=LossAxis("left")))
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setClipToView(True)
        tick_font = _font(self, TICK_PT)
        for name, text in (("bottom", translate("LossCurve", "step")), ("left", translate("LossCurve", "loss"))):
            axis = item.getAxis(name)
            axis.setTickFont(tick_font)
            axis.setTextPen("k")
            axis.enableAutoSIPrefix(False)
            axis.setLabel(text, **label_style(14))
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.curves = []
        for slot in range(MAX_PANES):
            curve = pg.PlotDataItem(pen=_pen(slot))
            curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # the cursor moves, not them
            curve.setZValue(10 - slot)
            curve.hide()
            item.addItem(curve)
            self.curves.append(curve)
        self.cursor = pg.InfiniteLine(pos=0, angle=90, movable=True, pen=pg.mkPen("#CC0066", width=2.5),
                                      hoverPen=pg.mkPen("#CC0066", width=5))
        self.cursor.setZValue(50)
        self.cursor.sigDragged.connect(lambda line: self._scrub(line.value()))
        item.addItem(self.cursor, ignoreBounds=True)
        self._build_legend()

    def _build_legend(self) -> None:
        side = QGridLayout()
        side.setContentsMargins(8, 4, 4, 4)
        side.setVerticalSpacing(4)
        self.legend_labels: list[QLabel] = []
        self._legend_rows = []
        for slot, (letter, colour, style) in enumerate(PANE_STYLES):
            key = QLabel()
            key.setPixmap(swatch(colour, style))
            label = QLabel()
            label.setObjectName(f"legend_{letter}")
            label.setWordWrap(True)
            side.addWidget(key, slot, 0)
            side.addWidget(label, slot, 1)
            self.legend_labels.append(label)
            self._legend_rows.append((key, label))
        self.log_check = QCheckBox(translate("Compare", "log scale"))
        self.log_check.setObjectName("compare_log_scale")
        self.log_check.setToolTip(translate("Compare", "Loss on a logarithmic axis (a loss of 0 sits at the bottom)."))
        self.log_check.toggled.connect(self.set_log_scale)
        side.addWidget(self.log_check, MAX_PANES, 0, 1, 2)
        side.setRowStretch(MAX_PANES + 1, 1)
        side.setColumnStretch(1, 1)
        self.legend_panel = panel = QWidget()
        panel.setObjectName("compare_legend")
        panel.setLayout(side)
        panel.setFixedWidth(240)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(panel)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """The legend takes 30 % of the width, 240 to 440 px (wrapped names read badly when narrower)."""
        self.legend_panel.setFixedWidth(int(np.clip(0.3 * event.size().width(), 240, 440)))
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(1200, 240)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, 200)

    def _scrub(self, x: float) -> None:
        if np.isfinite(x):
            self._on_scrub(int(round(x)))

    def set_log_scale(self, on: bool) -> None:
        on = bool(on)
        if on != self.log_check.isChecked():
            self.log_check.setChecked(on)  # comes back through toggled
            return
        self._log = on
        self.plot.getPlotItem().setLogMode(x=False, y=on)
        self.plot.getPlotItem().getAxis("left").setStyle(maxTextLevel=1 if on else 2)
        self.redraw()

    def set_pane(self, slot: int, history, name: str | None) -> None:
        """Show a pane's run in ``slot`` (history None and name None: the slot is empty)."""
        if name is None:
            self._histories.pop(slot, None)
        else:
            self._histories[slot] = history
        key, label = self._legend_rows[slot]
        key.setVisible(name is not None)
        label.setVisible(name is not None)
        label.setText("" if name is None else f"<b>{PANE_STYLES[slot][0]}</b>&nbsp; {name}")
        self.curves[slot].opts["name"] = name

    def redraw(self) -> None:
        """Set every curve's data from its History; rescale the loss axis."""
        series = {slot: np.asarray(h.loss[: len(h)], float) for slot, h in self._histories.items() if h is not None}
        floor = log_floor(*series.values()) if self._log else None
        for slot, curve in enumerate(self.curves):
            y = series.get(slot)
            if y is None:
                curve.setData(x=[], y=[])
                curve.hide()
                continue
            curve.setData(x=np.arange(len(y), dtype=float), y=np.where(y > 0, y, floor) if self._log else y)
            curve.show()
        if self._log or not series:
            self.viewbox.enableAutoRange(x=True, y=True)
        else:  # a linear loss axis starts at 0, the least a loss can be
            top = max([_top(y) for y in series.values()] + [1e-3])
            self.viewbox.enableAutoRange(x=True, y=False)
            self.viewbox.setYRange(0, top, padding=0.04)

    def set_cursor(self, t: int) -> None:
        self.cursor.setValue(t)


def _top(y: np.ndarray) -> float:
    """The highest loss worth showing on a linear axis: the run's largest, but at most three
    times its start, so a diverging run leaves the top of the plot instead of flattening the rest."""
    finite = y[np.isfinite(y)]
    if not len(finite):
        return 0.0
    return min(float(finite.max()), 3.0 * max(float(finite[0]), 1e-3))


# ----------------------------------------------------------------------------- the window


class CompareWindow(QMainWindow):
    """Two to four panes on the main window's points, one clock, one loss plot.

    For tests and the main window: ``panes`` (ComparePane, each with ``.session``),
    ``clock``, ``step``, ``set_step(t)``, ``play()``, ``pause()``, ``add_pane(settings)``,
    ``remove_pane(i)``, ``apply_preset(name)``, ``curves`` (the overlay's curve of each
    pane, in pane order), ``overlay``, ``start`` (what W0, b0 come from).
    objectNames: comparison_preset, add_pane, remove_pane, randomize_w0, compare_scrubber,
    compare_step, compare_speed, compare_play (and the actions compare_action_*).
    """

    def __init__(self, data: DatasetModel, base: Settings | None = None, parent: QWidget | None = None,
                 preset: str = "SVM vs Softmax"):
        super().__init__(parent)
        self.setObjectName("compare_window")
        self.data = data
        self.base = base_settings(base)
        self.start = Start.of(self.base)
        self.panes: list[ComparePane] = []
        self._applying = False
        self.clock = SharedClock(lambda: [p.session for p in self.panes], parent=self)
        self._align_timer = QTimer(self, singleShot=True, interval=0)
        self._align_timer.timeout.connect(self._align_headers)
        self._build()
        self.clock.step_changed.connect(self._on_step)
        self.clock.range_changed.connect(self._on_range)
        self.clock.playing_changed.connect(self._on_playing)
        data.changed.connect(self._update_title)
        data.changed.connect(self._align_timer.start)  # "batch 32 = full" may come or go
        i18n.notifier.changed.connect(self._on_language)
        self._update_title()
        self.apply_preset(preset)
        self.resize(screen_fit.fitted_size(DEFAULT_SIZE, screen_fit.available(self)))

    # --- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._build_top())
        self.pane_row = QWidget()
        self.pane_layout = QHBoxLayout(self.pane_row)
        self.pane_layout.setContentsMargins(0, 0, 0, 0)
        self.pane_layout.setSpacing(4)
        self.pane_row.installEventFilter(self)  # resized: the headers may wrap anew
        self.overlay = LossOverlay(self.clock.set_step)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.pane_row)
        self.splitter.addWidget(self.overlay)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.overlay.setMinimumHeight(self.overlay.minimumSizeHint().height())
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self._build_transport())
        self.setCentralWidget(centre)

    def _build_top(self) -> QHBoxLayout:
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("comparison_preset")
        self.preset_combo.setPlaceholderText(translate("Compare", "your own comparison"))
        for name, tip in PRESET_TIPS.items():
            self.preset_combo.addItem(translate("Compare", name), name)  # the key as item data
            self.preset_combo.setItemData(self.preset_combo.count() - 1, translate("Compare", tip),
                                          Qt.ItemDataRole.ToolTipRole)
        self.preset_combo.setToolTip(translate("Compare", "A ready-made comparison: the panes take its settings and "
                                                          "start again from step 0.\nThey build on the main window's "
                                                          "settings (α, λ, …)."))
        self.preset_combo.activated.connect(lambda i: self.apply_preset(self.preset_combo.itemData(i)))
        guard_wheel(self.preset_combo)
        self.add_button = self._button("add_pane", translate("Compare", "+ pane"),
                                       translate("Compare", "Add a pane (a copy of the last one; at most 4)."),
                                       lambda: self.add_pane())
        self.remove_button = self._button("remove_pane", translate("Compare", "− pane"),
                                          translate("Compare", "Remove the last pane (at least 2 stay)."),
                                          lambda: self.remove_pane(len(self.panes) - 1))
        self.randomize_button = self._button("randomize_w0", translate("Compare", "New random W₀"),
                                             translate("Compare", "Every pane starts again from one new random W₀ "
                                                                  "(a new seed), b₀ = 0."), self.randomize_start)
        self.hint = QLabel(translate("Compare", "Edit the points in the main window: every pane retrains from the "
                                                "same W₀."))
        self.hint.setObjectName("compare_hint")
        self.statusBar().addWidget(self.hint, 1)
        self.close_button = make_closable(self)  # a Close button, Esc and Ctrl+W
        row = QHBoxLayout()
        label = QLabel(translate("Compare", "Compare"))
        label.setFont(_font(self, HEADER_PT, bold=True))
        row.addWidget(label)
        row.addWidget(self.preset_combo)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.randomize_button)
        row.addStretch(1)
        return row

    def _button(self, name: str, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _build_transport(self) -> QHBoxLayout:
        style = self.style()
        self.actions_by_name: dict[str, QAction] = {}
        self.transport_buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        for name, text, icon, key, slot in (
            ("first", translate("Playback", "First"), QStyle.StandardPixmap.SP_MediaSkipBackward, Qt.Key.Key_Home,
             self.clock.go_first),
            ("back", translate("Playback", "Back"), QStyle.StandardPixmap.SP_MediaSeekBackward, Qt.Key.Key_Left,
             self.clock.step_back),
            ("play", translate("Playback", "Play"), QStyle.StandardPixmap.SP_MediaPlay, Qt.Key.Key_Space,
             self.clock.toggle),
            ("forward", translate("Playback", "Forward"), QStyle.StandardPixmap.SP_MediaSeekForward,
             Qt.Key.Key_Right, self.clock.step_forward),
            ("last", translate("Playback", "Last"), QStyle.StandardPixmap.SP_MediaSkipForward, Qt.Key.Key_End,
             self.clock.go_last),
        ):
            action = QAction(style.standardIcon(icon), text, self)
            action.setObjectName(f"compare_action_{name}")
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(translate("Compare", "{0} ({1}) — every pane together").format(
                text, QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)))
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)
            self.actions_by_name[name] = action
            button = QToolButton()
            button.setObjectName(f"compare_{name}")
            button.setDefaultAction(action)
            button.setIconSize(QSize(28, 28))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if name == "play":
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                button.setMinimumWidth(110)
            self.transport_buttons[name] = button
            row.addWidget(button)
        self.scrubber = QSlider(Qt.Orientation.Horizontal)
        self.scrubber.setObjectName("compare_scrubber")
        self.scrubber.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scrubber.setStyleSheet(SCRUBBER_STYLE)
        self.scrubber.setMinimumHeight(30)
        self.scrubber.setToolTip(translate("Compare", "Drag to any step: every pane shows W after t updates."))
        self.scrubber.valueChanged.connect(self.clock.set_step)
        self.step_label = Readout(1, 14, sample=translate("Compare", "step {0} / {1}").format(20000, 20000))
        self.step_label.setObjectName("compare_step")
        self.speed = QSpinBox()
        self.speed.setObjectName("compare_speed")
        self.speed.setRange(1, 240)
        self.speed.setValue(int(self.clock.speed))
        self.speed.setSuffix(translate("Playback", " steps/s"))
        self.speed.setKeyboardTracking(False)
        self.speed.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.speed.setToolTip(translate("Compare", "Playback speed, in gradient steps per second, for every pane."))
        self.speed.valueChanged.connect(self.clock.set_speed)
        self.speed.editingFinished.connect(self.speed.clearFocus)
        pass_space_to_shortcuts(self.speed)
        row.addWidget(self.scrubber, 1)
        row.addWidget(self.step_label)
        row.addWidget(self.speed)
        return row

    # --- the API ---------------------------------------------------------------------------
    @property
    def step(self) -> int:
        """The shared step t."""
        return self.clock.step

    def set_step(self, t: int) -> None:
        self.clock.set_step(t)

    def play(self) -> None:
        self.clock.play()

    def pause(self) -> None:
        self.clock.pause()

    @property
    def curves(self) -> list[pg.PlotDataItem]:
        """The overlay's loss curve of each pane, in pane order."""
        return [self.overlay.curves[p.slot] for p in self.panes]

    def add_pane(self, settings: Settings | None = None) -> ComparePane | None:
        """A new pane (default: the last pane's settings) at the shared step; None when 4 are open."""
        if len(self.panes) >= MAX_PANES:
            return None
        if settings is None:
            settings = self.panes[-1].session.settings if self.panes else self.base
        used = {p.slot for p in self.panes}
        slot = min(set(range(MAX_PANES)) - used)
        pane = ComparePane(self.data, self.start.apply(settings), slot)
        pane.close_requested.connect(lambda p: self.remove_pane(self.panes.index(p)) if p in self.panes else None)
        pane.session.history_changed.connect(self.clock.sync)
        pane.session.history_changed.connect(self._update_overlay)
        pane.session.settings_changed.connect(self._on_pane_settings)
        self.panes.append(pane)
        self.pane_layout.addWidget(pane, 1)
        self._after_panes_changed()
        accessibility.name_controls(self)  # the new pane's controls, for screen readers
        return pane

    def remove_pane(self, i: int) -> None:
        """Remove pane i, unless only two are left."""
        if len(self.panes) <= MIN_PANES or not -len(self.panes) <= i < len(self.panes):
            return
        pane = self.panes.pop(i)
        pane.session.history_changed.disconnect(self.clock.sync)
        pane.session.history_changed.disconnect(self._update_overlay)
        pane.session.settings_changed.disconnect(self._on_pane_settings)
        self.pane_layout.removeWidget(pane)
        pane.hide()
        pane.setParent(None)
        pane.deleteLater()
        self._after_panes_changed()

    def apply_preset(self, name: str) -> None:
        """Set the panes to a comparison of PRESETS (as many panes as it has) and go to step 0."""
        make = PRESETS[name]
        settings = make(self.base, self.data.dataset.X) if name in POINTS_PRESETS else make(self.base)
        self.start = replace(self.start, features=settings[0].train.features)  # W0's shape: the panes' features
        self.clock.pause()
        self._applying = True
        try:
            while len(self.panes) > len(settings):
                self.remove_pane(len(self.panes) - 1)
            for pane, s in zip(self.panes, settings):
                pane.session.set_settings(self.start.apply(s))
            for s in settings[len(self.panes):]:
                self.add_pane(s)
        finally:
            self._applying = False
        self.overlay.set_log_scale(name in LOG_PRESETS)
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(name))
        self.clock.set_step(0)
        self._update_overlay()

    def randomize_start(self, seed: int | None = None) -> None:
        """One new random W0 (b0 = 0) for every pane, and back to step 0."""
        seed = int(np.random.SeedSequence().entropy % 2**31) if seed is None else int(seed)
        self.start = replace(self.start, init="random", seed=seed)
        for pane in self.panes:
            pane.session.set_settings(self.start.apply(pane.session.settings))
        self.clock.set_step(0)

    # --- model → view ----------------------------------------------------------------------
    def _after_panes_changed(self) -> None:
        n = len(self.panes)
        self.add_button.setEnabled(n < MAX_PANES)
        self.remove_button.setEnabled(n > MIN_PANES)
        for pane in self.panes:
            pane.close_button.setEnabled(n > MIN_PANES)
        self._align_timer.start()
        self.clock.sync()
        self._update_overlay()
        self._on_step(self.clock.step)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.pane_row and event.type() == QEvent.Type.Resize:
            self._align_timer.start()
        return False

    def _align_headers(self) -> None:
        """Every header as tall as the tallest (1–3 lines as the panes narrow): the planes line up."""
        if not self.panes:
            return
        need = max(p.header.heightForWidth(max(1, p.header.width())) for p in self.panes)
        for p in self.panes:
            if p.header.minimumHeight() != need:
                p.header.setMinimumHeight(need)

    def _on_pane_settings(self) -> None:
        self._align_timer.start()
        if not self._applying:  # the teacher edited a pane: no longer the preset's comparison
            with QSignalBlocker(self.preset_combo):
                self.preset_combo.setCurrentIndex(-1)
        self._update_overlay()

    def _update_overlay(self, *_args) -> None:
        """Legend names and curves from the panes (called when a run or the panes change)."""
        used = {p.slot: p for p in self.panes}
        for slot in range(MAX_PANES):
            pane = used.get(slot)
            if pane is None:
                self.overlay.set_pane(slot, None, None)
            else:
                self.overlay.set_pane(slot, pane.session.history, pane.name)
        self.overlay.redraw()

    def _on_step(self, t: int) -> None:
        with QSignalBlocker(self.scrubber):
            self.scrubber.setValue(t)
        self.step_label.setText(translate("Compare", "step {0} / {1}").format(t, self.clock.last))
        self.overlay.set_cursor(t)
        for pane in self.panes:
            pane.update_status(t)

    def _on_range(self, last: int) -> None:
        with QSignalBlocker(self.scrubber):
            self.scrubber.setRange(0, last)
            self.scrubber.setValue(self.clock.step)
        self.step_label.setText(translate("Compare", "step {0} / {1}").format(self.clock.step, last))

    def _on_playing(self, playing: bool) -> None:
        action = self.actions_by_name["play"]
        action.setText(translate("Playback", "Pause") if playing else translate("Playback", "Play"))
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        action.setIcon(self.style().standardIcon(icon))

    def _update_title(self) -> None:
        ds = self.data.dataset
        self.setWindowTitle(translate("Compare", "linviz — compare · {0} ({1} points, {2} classes)").format(
            ds.name, len(ds), ds.n_classes))

    def _on_language(self, *_) -> None:
        """What the window composes itself (pane headers and status lines, the legend, the step, the
        play button, the title) in the new language."""
        for pane in self.panes:
            pane.update_header()
            pane.update_status()
        self._update_overlay()
        self._on_range(self.clock.last)
        self._on_playing(self.clock.playing)
        self._update_title()
        self._align_timer.start()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.clock.pause()
        super().closeEvent(event)


# ----------------------------------------------------------------------------- main window


def open_compare(window) -> CompareWindow:
    """Show the main window's compare window (made on first use, on its points and settings)."""
    existing = getattr(window, "compare_window", None)
    if existing is not None and shiboken6.isValid(existing):
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    compare = CompareWindow(window.data, window.session.settings, parent=window)
    compare.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed: its runs stop retraining
    window.compare_window = compare
    screen_fit.place(compare, DEFAULT_SIZE)  # maximised on a projector, inside any screen
    accessibility.install(compare)
    compare.show()
    return compare


def install(window) -> QAction:
    """Add "Compare…" (Ctrl+K, objectName action_compare) to the main window's View menu."""
    action = QAction(translate("Compare", "Compare…"), window)
    action.setObjectName("action_compare")
    action.setShortcut(QKeySequence("Ctrl+K"))
    tip = translate("Compare", "Two to four runs side by side on these points, from the same W₀, played together.")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: open_compare(window))
    bar = window.menuBar()
    menu = i18n.find_menu(window, "view_menu", "&View")
    if menu is None:
        menu = bar.addMenu(translate("Compare", "&Compare"))
    else:
        menu.addSeparator()
    menu.addAction(action)
    window.addAction(action)  # the shortcut works even when the menu bar is hidden
    return action


__all__ = ["CompareWindow", "ComparePane", "SharedClock", "LossOverlay", "PaneEditor", "NumberBox", "PRESETS",
           "describe", "base_settings", "install", "open_compare", "MIN_PANES", "MAX_PANES"]
