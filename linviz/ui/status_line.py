"""The status line: messages that come and go without moving the layout.

:class:`StatusLine` is one line high whatever it says (a long message is elided, in full in its
tooltip), so the plane does not jump when a message appears. An ``info`` message ("Saved the
lesson to …") is transient: it goes after ``TRANSIENT_MS`` or at the next change of the points
or of the language, whichever comes first. Errors and warnings stay until what they are about
changes (the main window clears them when a new run starts).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption

TRANSIENT_MS = 6000
"""How long an ``info`` message stays."""


class StatusLine(QLabel):
    """A one-line QLabel: ``text()`` is the whole message; what is painted is elided to the
    width; ``level`` ("info", "warning", "error") in the ``level`` property; info messages
    clear themselves (:meth:`say`)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.transient = QTimer(self, singleShot=True, interval=TRANSIENT_MS)
        self.transient.timeout.connect(self.forget)

    def say(self, level: str, text: str) -> None:
        """Show ``text`` at ``level``; an info message starts its clock."""
        self.setText(text)
        self.setToolTip(text)
        self.setProperty("level", level)
        if level == "info":
            self.transient.start()
        else:
            self.transient.stop()

    def forget(self, *_args) -> None:
        """Clear the message (whatever its level)."""
        self.transient.stop()
        self.clear()
        self.setToolTip("")
        self.setProperty("level", None)

    def forget_if_transient(self, *_args) -> None:
        """The next action: an info message has had its time."""
        if self.property("level") == "info":
            self.forget()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        m = self.contentsMargins()
        return QSize(0, self.fontMetrics().height() + m.top() + m.bottom() + 2 * self.margin())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        rect = self.contentsRect()
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.shown_text())

    def shown_text(self) -> str:
        """What fits on the line: a warning or error keeps its start (what happened and why: "Training
        diverged … at step 120. The learning rate α = 100 is too large…"), elided at the end; an info
        message keeps both ends ("Saved the lesson to /home/…/week3.linviz.")."""
        mode = Qt.TextElideMode.ElideMiddle if self.property("level") == "info" else Qt.TextElideMode.ElideRight
        return self.fontMetrics().elidedText(self.text(), mode, self.contentsRect().width())


__all__ = ["StatusLine", "TRANSIENT_MS"]
