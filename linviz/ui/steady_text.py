"""Texts that change every frame without laying the window out again.

- :class:`SteadyLabel`: the app's one steady-text widget — a one-line label of fixed size
  (grown for a longer text, never shrunk; at least as wide as a ``sample``).
- :class:`MarkupLine`: a SteadyLabel for a line with bold runs, painted without QTextDocument.
- :class:`LayoutShield`: the holder of a text that wraps (a status line): its size changes
  stop at the holder.
- :class:`WrapWhenNarrow`: a title on one line when it fits, wrapped when not.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_DIGITS = re.compile(r"\d")


def digit_shape(text: str) -> str:
    """``text`` with every digit a 0: texts of one shape have one width in UI fonts (every
    digit is as wide as the others), so a label showing a counter need not measure it anew."""
    return _DIGITS.sub("0", text)


class WrapWhenNarrow(QLabel):
    """A title that takes one line when it has the room and wraps when it has not.

    A word-wrapped QLabel gives its layout, as its minimum, the height of its narrowest
    wrapping (four lines for a title): a dock then keeps that height even where the title
    fits on one line. This one's minimum is one line; the layout asks heightForWidth for
    the lines it needs at the width it gives."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.heightForWidth(1 << 15))


class SteadyLabel(QLabel):
    """A one-line label whose text changes every frame (a step counter, a loss) without
    laying the window out again: the app's one steady-text widget.

    A QLabel's setText asks its parent layout for a relayout, which repaints the main
    window, unless its minimum and maximum sizes are equal. This label keeps a fixed
    size: grown when a longer text needs it, never shrunk, refitted when its font or
    style changes (font scaling, language switch). A text that differs from the last one
    only in its digits is not measured again: UI fonts give every digit one width.

    ``sample`` (optional, or :meth:`set_sample`) is the widest text expected ("step 20000 /
    20000"): the label is never narrower, so a counter that grows never widens it and the
    widgets beside it stay put. (A status line that wraps is a word-wrapped QLabel in a
    :class:`LayoutShield` instead: it must follow the width its layout gives it.)"""

    _shape = None
    _sample = ""

    def __init__(self, text: str = "", parent=None, *, sample: str = ""):
        super().__init__(text, parent)
        if sample:
            self.set_sample(sample)

    def set_sample(self, sample: str) -> None:
        """Keep room for ``sample`` at least (again after a change of language)."""
        self._sample = sample
        self._shape = None
        self._fit(shrink=True)

    def setText(self, text: str) -> None:
        super().setText(text)
        shape = digit_shape(text)
        if shape != self._shape:
            self._shape = shape
            self._fit(shrink=False)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._shape = None
            self._fit(shrink=True)

    def _sample_width(self) -> int:
        if not self._sample:
            return 0
        m = self.contentsMargins()
        return self.fontMetrics().horizontalAdvance(self._sample) + m.left() + m.right() + 2 * self.margin() + 2

    def _fit(self, shrink: bool) -> None:
        hint = self.sizeHint()
        width, height = max(hint.width(), self._sample_width()), hint.height()
        if not shrink:
            width, height = max(width, self.minimumWidth()), max(height, self.minimumHeight())
        if (width, height) != (self.maximumWidth(), self.maximumHeight()) or self.minimumSize() != QSize(width, height):
            self.setFixedSize(width, height)


_BOLD_TAGS = re.compile(r"(</?b>)")
_ENTITY = re.compile(r"&(nbsp|amp|lt|gt);")
_ENTITIES = {"nbsp": "\u00a0", "amp": "&", "lt": "<", "gt": ">"}
_SPACES = re.compile(r"[ \t\n]+")


def bold_runs(markup: str) -> list[tuple[str, bool]] | None:
    """The runs [(text, bold), …] of a one-line rich text whose only markup is ``<b>…</b>``
    and the entities &nbsp; &amp; &lt; &gt;, spaces collapsed as HTML does; None for any
    other markup (a tag, a lone ``<`` or ``&``)."""
    parts = _BOLD_TAGS.split(_SPACES.sub(" ", markup).strip(" "))
    runs: list[tuple[str, bool]] = []
    for k, part in enumerate(parts):
        if k % 2:  # a tag: <b> opens (k = 1, 5, …), </b> closes (k = 3, 7, …)
            if part != ("<b>" if k % 4 == 1 else "</b>"):
                return None
            continue
        if "<" in part or ">" in part or "&" in _ENTITY.sub("", part):
            return None
        if part:
            text = _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], part) if "&" in part else part
            runs.append((text, k % 4 == 2))
    if len(parts) % 4 == 3:  # an unclosed <b>
        return None
    return runs


class MarkupLine(SteadyLabel):
    """A :class:`SteadyLabel` for a one-line rich text with bold runs ("step <b>37</b> of 300"),
    painted as runs in the label's font and its bold.

    QLabel lays rich text out through a QTextDocument after every change: ~80 µs a
    repaint, against ~18 µs for plain text, and these titles change 60 times a second.
    The runs, their fonts and their widths are worked out once per text. Any other markup
    falls back to QLabel's own rich text."""

    _runs: list[tuple[str, bool]] | None = None
    _fonts_key = None
    _align = None

    def setText(self, text: str) -> None:
        runs = bold_runs(text)
        fmt = Qt.TextFormat.PlainText if runs is not None else Qt.TextFormat.RichText
        if self.textFormat() != fmt:
            self.setTextFormat(fmt)
        self._runs = runs
        self._placed = None
        super().setText(text)

    def _run_layout(self):
        """([(x, text, font)], width, height, ascent) of the runs, x from the text's left."""
        font = self.font()
        if self._fonts_key != font.key():  # the label's font (presentation size, theme) changed
            bold = QFont(font)
            bold.setBold(True)
            self._fonts_key, self._placed = font.key(), None
            self._font_pair = ((font, QFontMetrics(font)), (bold, QFontMetrics(bold)))
        if self._placed is None:
            (plain, plain_m), (bold, bold_m) = self._font_pair
            placed, x = [], 0
            for text, b in self._runs:
                placed.append((x, text, bold if b else plain))
                x += (bold_m if b else plain_m).horizontalAdvance(text)
            self._placed = (placed, x, max(plain_m.height(), bold_m.height()), max(plain_m.ascent(), bold_m.ascent()))
        return self._placed

    def _placing(self) -> tuple[float, float]:
        """Where the text sits in the free room, across and down: 0 left/top, ½ centre, 1 right/bottom."""
        align = self.alignment()
        if align != self._align:
            self._align = align
            across = 1.0 if align & Qt.AlignmentFlag.AlignRight else 0.5 if align & Qt.AlignmentFlag.AlignHCenter else 0.0
            down = 0.0 if align & Qt.AlignmentFlag.AlignTop else 1.0 if align & Qt.AlignmentFlag.AlignBottom else 0.5
            self._place_in_room = (across, down)
        return self._place_in_room

    def _runs_size(self) -> QSize:
        _, width, height, _ = self._run_layout()
        m, pad = self.contentsMargins(), 2 * self.margin()
        return QSize(width + m.left() + m.right() + pad, height + m.top() + m.bottom() + pad)

    def sizeHint(self) -> QSize:
        return super().sizeHint() if self._runs is None else self._runs_size()

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint() if self._runs is None else self._runs_size()

    def paintEvent(self, event) -> None:
        if self._runs is None:
            super().paintEvent(event)
            return
        placed, width, height, ascent = self._run_layout()
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        across, down = self._placing()
        x = rect.left() + across * (rect.width() - width)
        y = rect.top() + down * (rect.height() - height)
        painter = QPainter(self)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, self.foregroundRole()))
        for dx, text, font in placed:
            painter.setFont(font)
            painter.drawText(QPointF(x + dx, y + ascent), text)
        painter.end()


class LayoutShield(QWidget):
    """Holds one widget whose size hint changes every frame (a status line that may wrap), so
    that the change repaints that widget alone. ``lines``: the height of that many lines is
    kept however short the text. ``height_changed(int)`` says when the widget needs another
    height (so neighbours can line up).

    A QLabel's setText asks its parent layout to lay out again; the request climbs to the
    main window (a layout ends its pass by calling updateGeometry on its own widget) and the
    window relays and repaints. This holder has no layout, so the request stops here: it
    places the widget over its own rectangle, and tells its layout only when the widget
    needs another height (a wrapped status line gaining a line)."""

    height_changed = Signal(int)

    def __init__(self, inner: QWidget, parent=None, *, lines: int = 1):
        super().__init__(parent)
        self.inner, self.lines = inner, lines
        inner.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._height = self._needed_height()

    def _needed_height(self) -> int:
        """The widget's height at this width, and room for ``lines`` lines at least (a status
        line that takes a second line at the end of a run does not move what is above it)."""
        inner = self.inner
        if inner.hasHeightForWidth() and self.width() > 0:
            need = inner.heightForWidth(self.width())
        else:
            need = inner.sizeHint().height()
        if self.lines > 1:
            m = inner.contentsMargins()
            need = max(need, self.lines * inner.fontMetrics().lineSpacing() + m.top() + m.bottom())
        return need

    def sizeHint(self) -> QSize:
        return QSize(self.inner.sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:
        """No minimum width: the widget inside wraps (or sheds words) to whatever it gets."""
        return QSize(0, self._height)

    def refit(self) -> None:
        """Re-read the widget's size (after a change of font, wrapping or width)."""
        old, self._height = self._height, self._needed_height()
        self.updateGeometry()
        if self._height != old:
            self.height_changed.emit(self._height)

    def resizeEvent(self, event) -> None:
        self.inner.setGeometry(self.rect())
        if self._needed_height() != self._height:
            self.refit()
        super().resizeEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self._needed_height() != self._height:
            self.refit()  # the new text needs another number of lines
        return super().event(event)


__all__ = ["SteadyLabel", "MarkupLine", "LayoutShield", "WrapWhenNarrow", "bold_runs", "digit_shape"]
