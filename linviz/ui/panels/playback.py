"""The playback bar under the plane: training played like a video.

Playback is only a cursor over the recorded History (``session.set_step``);
playing past the last step trains a little more (``session.step_forward``).

Keyboard: the five transport commands are QActions in ``PlaybackBar.transport_actions``
(Space play/pause, ← → one step, Home / End first / last step) with
``Qt.WindowShortcut`` context, added to the bar: they work wherever the focus
is in the bar's window. The main window may also put the same QAction
objects in a menu (the same object twice is not an ambiguous shortcut).
Exceptions, on purpose: while a text field has the focus (a class name) all
five keys edit the text; while a number box (spin box, a slider's value box)
has it, ←, →, Home and End move its text cursor but Space still plays/pauses
(``widgets.pass_space_to_shortcuts``). The bar's buttons and scrubber never
take the focus (a QSlider with focus would eat ← →), and the speed and tol
boxes give it back after Enter, so a click on the bar never steals the keys.
Sliders, combo boxes, check boxes and buttons elsewhere do not claim these
keys: with focus on the λ slider, → steps training rather than moving λ.
In a narrow window the bar turns compact: icon-only buttons; the status line wraps.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linviz.engine.training import FINISHED, grad_norm, relative_change

from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP
from ..messages import error_text
from ..models import MAX_STEPS, Playback, SessionModel, WhileDragging
from ..style import fonts
from ..steady_text import LayoutShield, digit_shape
from ..widgets import SciSpinBox, dice_icon, pass_space_to_shortcuts

ICON = QSize(28, 28)
translate = QCoreApplication.translate

KNN_NOTE = QT_TRANSLATE_NOOP("Playback", "kNN does not train: nothing to play.")
KNN_NOTE_TIP = QT_TRANSLATE_NOOP("Playback", "k-nearest neighbours has no W and no gradient steps: the regions change "
                                             "at once\nwhen you change k, the distance or the points.")
STATUS_TIP = QT_TRANSLATE_NOOP("Playback", "loss = 1/N Σ Li + λ R(W) on all N points at the current step;\n"
                                           "accuracy = the share of points whose highest score is their own class.")
SCRUBBER_STYLE = """
QSlider::groove:horizontal { height: 8px; background: #d4d4d4; border-radius: 4px; }
QSlider::sub-page:horizontal { background: #4a7fd0; border-radius: 4px; }
QSlider::handle:horizontal { width: 22px; margin: -8px 0; border-radius: 11px;
                             background: #1f5fbf; border: 2px solid white; }
QSlider::sub-page:horizontal:disabled { background: #bbbbbb; }
QSlider::handle:horizontal:disabled { background: #999999; }
"""


def loss_text(v: float) -> str:
    """A loss for the status line: 3 decimals, or 4 significant digits when large."""
    if not math.isfinite(v):
        return "—"
    return f"{v:.3f}" if abs(v) < 1000 else f"{v:.4g}"


def status_text(session: SessionModel) -> str:
    """"step 37 / 300 · loss 0.842 = data 0.712 + reg 0.130 · accuracy 89 %" for the current step."""
    h, t = session.history, session.step
    if h is None:
        return ""
    acc = h.train_acc[t]
    acc_text = "—" if not math.isfinite(acc) else f"{100 * acc:.0f} %"
    text = translate("Playback", "step {0} / {1} · loss {2} = data {3} + reg {4} · accuracy {5}").format(
        t, h.last, loss_text(h.loss[t]), loss_text(h.data_loss[t]), loss_text(h.reg_loss[t]), acc_text)
    if t == h.last and h.stop_reason == "converged":
        text += " · " + translate("Playback", "converged: gradient ≈ 0 (‖∇‖ = {0})").format(
            f"{grad_norm(h, t):.1e}")
    elif t == h.last and h.stop_reason == "small_change":
        text += " · " + translate("Playback", "stopped: change below tol (relative change {0}, ‖∇‖ = {1})").format(
            f"{relative_change(h, t):.1e}", f"{grad_norm(h, t):.1e}")
    elif t == h.last and h.stop_reason == "diverged":
        text += " · " + translate("Playback", "diverged")
    return text


def wrap_between_parts(text: str) -> str:
    """The status line with no-break spaces inside each " · " part: a narrow bar wraps it
    between "loss … = data … + reg …" and "accuracy 89 %", not inside one (unless one part
    alone is wider than the bar)."""
    return " · ".join(part.replace(" ", NBSP) for part in text.split(" · "))


NBSP = "\u00a0"


class PlaybackBar(QWidget):
    """Transport buttons, scrubber, speed, train-until-converged, reset, randomise W, and the status line."""

    def __init__(self, session: SessionModel, playback: Playback, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("playback_bar")
        self.session, self.playback = session, playback
        style = self.style()

        # --- actions (shared with menus; their shortcuts work across the window) ------------------
        self.transport_actions: dict[str, QAction] = {}
        for name, text, icon, key, tip, slot in (
            ("first", QT_TRANSLATE_NOOP("Playback", "First"), QStyle.SP_MediaSkipBackward, Qt.Key_Home,
             QT_TRANSLATE_NOOP("Playback", "First step (Home)"), self.go_first),
            ("step_back", QT_TRANSLATE_NOOP("Playback", "Back"), QStyle.SP_MediaSeekBackward, Qt.Key_Left,
             QT_TRANSLATE_NOOP("Playback", "One step back (←)"), self.step_back),
            ("play", QT_TRANSLATE_NOOP("Playback", "Play"), QStyle.SP_MediaPlay, Qt.Key_Space,
             QT_TRANSLATE_NOOP("Playback", "Play / pause (Space)"), playback.toggle),
            ("step_forward", QT_TRANSLATE_NOOP("Playback", "Forward"), QStyle.SP_MediaSeekForward, Qt.Key_Right,
             QT_TRANSLATE_NOOP("Playback", "One step forward (→); at the end it trains one more step"), self.step_forward),
            ("last", QT_TRANSLATE_NOOP("Playback", "Last"), QStyle.SP_MediaSkipForward, Qt.Key_End,
             QT_TRANSLATE_NOOP("Playback", "Last recorded step (End)"), self.go_last),
        ):
            action = QAction(style.standardIcon(icon), translate("Playback", text), self)
            action.setObjectName(f"action_{name}")
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.WindowShortcut)
            action.setToolTip(translate("Playback", tip))
            action.setStatusTip(translate("Playback", tip))
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)
            self.transport_actions[name] = action

        # --- widgets ---------------------------------------------------------------------------
        self.transport = QWidget()
        self.transport.setObjectName("playback_controls")
        self.buttons: dict[str, QToolButton] = {}
        for name in self.transport_actions:
            button = QToolButton()
            button.setObjectName(name)
            button.setDefaultAction(self.transport_actions[name])
            button.setIconSize(ICON)
            button.setFocusPolicy(Qt.NoFocus)
            button.setAutoRaise(False)
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon if name == "play" else Qt.ToolButtonIconOnly)
            self.buttons[name] = button
        play = self.buttons["play"]
        play.setText(translate("Playback", "Pause"))  # as wide as its widest text, so the scrubber does not jump
        self._play_width = play.sizeHint().width()
        play.setText(translate("Playback", "Play"))
        play.setMinimumWidth(self._play_width)

        self.scrubber = QSlider(Qt.Horizontal)
        self.scrubber.setObjectName("scrubber")
        self.scrubber.setFocusPolicy(Qt.NoFocus)  # arrows stay with the window shortcuts
        self.scrubber.setMinimumHeight(30)
        self.scrubber.setStyleSheet(SCRUBBER_STYLE)
        self.scrubber.setPageStep(10)
        self.scrubber.setToolTip(translate("Playback", "Drag to any recorded step: step t shows W after t gradient "
                                                       "updates."))
        self.scrubber.valueChanged.connect(self.session.set_step)

        self.speed = QSpinBox()
        self.speed.setObjectName("speed")
        self.speed.setRange(1, 240)
        self.speed.setValue(int(round(min(max(playback.speed, 1), 240))))
        self.speed.setSuffix(translate("Playback", " steps/s"))
        self.speed.setKeyboardTracking(False)
        self.speed.setToolTip(translate("Playback", "Playback speed, in gradient steps per second (1 … 240)."))
        self.speed.valueChanged.connect(self.playback.set_speed)
        if self.speed.value() != playback.speed:
            playback.set_speed(self.speed.value())

        self.converge = self._text_button(
            "converge", translate("Playback", "Train until converged"), QStyle.SP_DialogApplyButton,
            translate("Playback", "Keep training until the gradient is ≈ 0, ‖∇loss‖ ≤ tol (converged), or the loss\n"
                                  "stops changing, |loss_(t+1) − loss_t| < tol · α · loss_t (at most {0} steps),\n"
                                  "and show the last step.").format(
                f"{MAX_STEPS:,}"), self.train_until_converged)
        self.tol = SciSpinBox(1e-12, 1.0, 1e-6)
        self.tol.setObjectName("tol")
        self.tol.setToolTip(translate("Playback", "tol: training stops when ‖∇loss‖ ≤ tol or |loss_(t+1) − loss_t| < "
                                                  "tol · α · loss_t (arrows: ×10 or ÷10)."))
        tol_label = QLabel("tol")
        tol_label.setBuddy(self.tol)
        self.reset = self._text_button("reset", translate("Playback", "Reset"), QStyle.SP_BrowserReload,
                                       translate("Playback", "Retrain from step 0 with the initial W and go to step 0."),
                                       self.reset_run)
        self.randomize = self._text_button("randomize", translate("Playback", "Randomise W"), dice_icon(20),
                                           translate("Playback", "A new random starting W (new seed) and retrain from "
                                                                 "it."),
                                           self.randomize_w)

        self._status_shape, self._status_fits = None, True  # see _show_status
        self.status = QLabel()
        self.status.setWordWrap(True)  # a status longer than the bar takes a second line, never cut
        self.status.setObjectName("status")
        font = QFont(self.status.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.status.setFont(font)
        self.status.setFocusPolicy(Qt.NoFocus)
        for spin in (self.speed, self.tol):
            spin.setFocusPolicy(Qt.ClickFocus)
            spin.editingFinished.connect(spin.clearFocus)  # after Enter, the keys belong to playback again
        pass_space_to_shortcuts(self.speed, self.tol)

        # --- layout: buttons + scrubber / status line / tools -----------------------------------
        top = QHBoxLayout(self.transport)
        top.setContentsMargins(0, 0, 0, 0)
        for name in self.transport_actions:
            top.addWidget(self.buttons[name])
        top.addWidget(self.scrubber, 1)
        self.tools = QWidget()
        self.tools.setObjectName("playback_tools")
        bottom = QHBoxLayout(self.tools)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.speed)
        bottom.addSpacing(6)
        bottom.addWidget(self.converge)
        bottom.addWidget(tol_label)
        bottom.addWidget(self.tol)
        bottom.addSpacing(6)
        bottom.addWidget(self.reset)
        bottom.addWidget(self.randomize)
        bottom.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(4)
        outer.addWidget(self.transport)
        self.status_holder = LayoutShield(self.status)  # a new status each frame relays nothing
        outer.addWidget(self.status_holder)
        outer.addWidget(self.tools)

        session.history_changed.connect(WhileDragging(session, self._on_history))  # a dragged point: 10× a second
        session.step_changed.connect(WhileDragging(session, self._on_step))
        playback.playing_changed.connect(self._on_playing)
        playback.speed_changed.connect(self._on_speed)
        self._on_history()
        self._on_playing(playback.playing)

        # Narrow windows (a 1280×800 projector with both docks open): the bar sheds words in
        # two stages — first Reset and Randomise W go icon-only, then every labelled button —
        # so it never forces the docks narrower; the status line wraps when it must. Tooltips
        # keep the words.
        self._density = 0
        self._measure()
        fonts.changed.connect(self._measure)  # a new presentation font size: new widths
        i18n.notifier.changed.connect(self._on_language)  # new words, new widths

    def _measure(self, *_) -> None:
        """The width the bar needs at each density, for the current font."""
        play = self.buttons["play"]
        text, shape = play.text(), play.toolButtonStyle()
        play.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        play.setText(translate("Playback", "Pause"))
        self._play_width = play.sizeHint().width()
        play.setText(text)
        play.setToolButtonStyle(shape)
        self._widths = []
        for density in (0, 1, 2):
            self._set_density(density)
            self._widths.append(self._layout_min_width())
        self.setMinimumWidth(self._widths[-1])
        width = self.width()
        self._set_density(next((d for d, need in enumerate(self._widths) if width >= need), 2)
                          if self.isVisible() else 0)

    def _layout_min_width(self) -> int:
        for container in (self.transport, self.tools):
            container.layout().invalidate()
            container.layout().activate()
        self.layout().invalidate()
        return self.layout().minimumSize().width()

    @property
    def compact(self) -> bool:
        """True when the labelled buttons show icons only (a narrow window)."""
        return self._density > 0

    def _set_density(self, density: int) -> None:
        """0: every button labelled; 1: Reset and Randomise W icon-only; 2: all icon-only."""
        self._density = density
        text, icon = Qt.ToolButtonTextBesideIcon, Qt.ToolButtonIconOnly
        for button in (self.reset, self.randomize):
            button.setToolButtonStyle(icon if density >= 1 else text)
        for button in (self.buttons["play"], self.converge):
            button.setToolButtonStyle(icon if density >= 2 else text)
        self.buttons["play"].setMinimumWidth(0 if density >= 2 else self._play_width)
        self.speed.setSuffix(" /s" if density >= 2 else translate("Playback", " steps/s"))
        self.status_holder.refit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        width = event.size().width()
        density = next((d for d, need in enumerate(self._widths) if width >= need), len(self._widths) - 1)
        if density != self._density:
            self._set_density(density)
        super().resizeEvent(event)
        self._show_status()  # the status parts that fit on a line depend on the width

    def _text_button(self, name: str, text: str, icon, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setIcon(icon if isinstance(icon, QIcon) else self.style().standardIcon(icon))
        button.setIconSize(QSize(20, 20))
        button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.NoFocus)
        button.clicked.connect(slot)
        return button

    # --- commands ------------------------------------------------------------------------------
    def go_first(self) -> None:
        self.session.set_step(0)

    def go_last(self) -> None:
        if self.session.history is not None:
            self.session.set_step(self.session.history.last)

    def step_forward(self) -> None:
        self.playback.pause()
        self.session.step_forward()

    def step_back(self) -> None:
        self.playback.pause()
        self.session.step_back()

    def train_until_converged(self) -> None:
        self.playback.pause()
        try:
            self.session.train_until_converged(self.tol.value())
        except ValueError as err:
            self.session.message.emit("error", error_text(err))
            return
        h = self.session.history
        if h is not None and h.stop_reason not in FINISHED:
            self.session.message.emit(
                "warning", translate("Playback", "Stopped after {0} steps: the loss still changes (relative change {2} "
                                                 "> tol = {1}) and the gradient is not ≈ 0 (‖∇‖ = {3}). Try a smaller "
                                                 "learning rate or a larger tol.").format(
                    f"{h.last:,}", f"{self.tol.value():g}", f"{relative_change(h, h.last):.1e}",
                    f"{grad_norm(h, h.last):.1e}"))

    def reset_run(self) -> None:
        self.playback.pause()
        self.session.retrain()
        self.session.set_step(0)

    def randomize_w(self) -> None:
        self.playback.pause()
        try:
            self.session.randomize()  # retrains from the new W and shows step 0
        except ValueError as err:
            self.session.message.emit("error", error_text(err))

    # --- models → widgets ---------------------------------------------------------------------------
    def _on_history(self) -> None:
        h = self.session.history
        trains = h is not None
        self.transport.setEnabled(trains)
        self.tools.setEnabled(trains)
        for action in self.transport_actions.values():
            action.setEnabled(trains)
        if not trains:
            self.playback.pause()
        with _blocked(self.scrubber):
            self.scrubber.setRange(0, h.last if trains else 0)
            self.scrubber.setValue(self.session.step)
        self._on_step()

    def _on_step(self, *_args) -> None:
        t = self.session.step
        if self.scrubber.value() != t:
            with _blocked(self.scrubber):
                self.scrubber.setValue(t)
        self._show_status()

    def _show_status(self) -> None:
        if self.session.history is None:
            knn = self.session.settings.model == "knn"
            self.status.setText(translate("Playback", KNN_NOTE) if knn else
                                translate("Playback", "Nothing to play: no training run."))
            self.status.setToolTip(translate("Playback", KNN_NOTE_TIP) if knn else "")
            return
        text = status_text(self.session)
        parts = wrap_between_parts(text)
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        shape = (digit_shape(text), room, self.status.font().key())  # digits alone change no width
        if shape != self._status_shape:
            self._status_shape = shape
            widest = max(map(self.status.fontMetrics().horizontalAdvance, parts.split(" · ")))
            self._status_fits = widest <= room
        self.status.setText(parts if self._status_fits else text)  # narrower than a part: wrap at any space
        tip = translate("Playback", STATUS_TIP)
        if self.status.toolTip() != tip:
            self.status.setToolTip(tip)

    def _on_language(self, *_) -> None:
        """Texts made here (the status line, Play / Pause) in the new language; new widths."""
        self._on_playing(self.playback.playing)
        self._on_step()
        self._measure()

    def _on_playing(self, playing: bool) -> None:
        action = self.transport_actions["play"]
        action.setText(translate("Playback", "Pause") if playing else translate("Playback", "Play"))
        action.setIcon(self.style().standardIcon(QStyle.SP_MediaPause if playing else QStyle.SP_MediaPlay))

    def _on_speed(self, speed: float) -> None:
        with _blocked(self.speed):
            self.speed.setValue(int(round(min(max(speed, 1), 240))))


class _blocked:
    """``with _blocked(widget):`` — no signals from ``widget`` inside."""

    def __init__(self, widget):
        self.widget = widget

    def __enter__(self):
        self.was = self.widget.blockSignals(True)

    def __exit__(self, *exc):
        self.widget.blockSignals(self.was)


__all__ = ["PlaybackBar", "status_text"]
