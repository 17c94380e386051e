"""One pane of the compare window: its header, its settings, its plane and its loss at t."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from linviz.engine.training import FINISHED

from ..models import MAX_STEPS, DatasetModel, SessionModel, Settings
from ..panels.playback import loss_text, wrap_between_parts
from ..style import ink
from ..views.mini_plane import MiniPlane
from ..steady_text import LayoutShield
from .editor import PaneEditor
from .look import HEADER_PT, PANE_STYLES, STATUS_PT, font, swatch
from .presets import describe

translate = QCoreApplication.translate


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
        self.header.setFont(font(self, HEADER_PT, bold=True))
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
        # loss and accuracy; where the run stopped, if it did: a wrapping line, as the main window's status
        self.status = QLabel()
        self.status.setObjectName("pane_status")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.status.setFont(font(self, STATUS_PT, bold=True))
        self._status_colour = None
        self.status_holder = LayoutShield(self.status, lines=2)  # a new text each frame relays nothing

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
        layout.addWidget(self.status_holder)

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
            self._show_status("", "#000000")
            return
        acc = h.train_acc[t]
        acc_text = f"{100 * acc:.0f} %" if np.isfinite(acc) else "—"
        text = wrap_between_parts(  # a narrow pane wraps between the parts, never "100 / %"
            translate("Compare", "loss {0} · accuracy {1}").format(loss_text(h.loss[t]), acc_text))
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
        self._show_status(text, colour)

    def _show_status(self, text: str, colour: str) -> None:
        if colour != self._status_colour:  # chosen for white: ink() keeps it readable in the dark theme
            self._status_colour = colour
            palette = self.status.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(ink(colour)))
            self.status.setPalette(palette)
        if text != self.status.text():
            self.status.setText(text)
