"""The compare window: the panes side by side, the loss overlay and one transport bar."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
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

from .. import accessibility, i18n, screen_fit
from ..closing import make_closable
from ..models import DatasetModel, Settings
from ..panels.playback import SCRUBBER_STYLE
from ..steady_text import SteadyLabel
from ..widgets import guard_wheel, pass_space_to_shortcuts
from .clock import SharedClock
from .look import HEADER_PT, MAX_PANES, MIN_PANES, font
from .overlay import LossOverlay
from .pane import ComparePane
from .presets import LOG_PRESETS, PRESET_TIPS, PRESETS, Start, base_settings

translate = QCoreApplication.translate

DEFAULT_SIZE = QSize(1500, 980)
"""The window's size on a monitor larger than a projector (``screen_fit.place``)."""


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
        label.setFont(font(self, HEADER_PT, bold=True))
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
        self.step_label = SteadyLabel(sample=translate("Compare", "step {0} / {1}").format(20000, 20000))
        self.step_label.setObjectName("compare_step")
        self.step_label.setFont(font(self, 14, bold=True))
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
        pane.status_holder.height_changed.connect(self._align_timer.start)
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
        settings = PRESETS[name](self.base)
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
        """Every header as tall as the tallest (1–3 lines as the panes narrow), every status line
        too (a run that stopped says why on more lines): the planes line up."""
        if not self.panes:
            return
        need = max(p.header.heightForWidth(max(1, p.header.width())) for p in self.panes)
        status = max(p.status_holder.sizeHint().height() for p in self.panes)
        for p in self.panes:
            if p.header.minimumHeight() != need:
                p.header.setMinimumHeight(need)
            if p.status_holder.minimumHeight() != status:
                p.status_holder.setMinimumHeight(status)

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
        self.step_label.set_sample(translate("Compare", "step {0} / {1}").format(20000, 20000))
        self._on_range(self.clock.last)
        self._on_playing(self.clock.playing)
        self._update_title()
        self._align_timer.start()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.clock.pause()
        super().closeEvent(event)
