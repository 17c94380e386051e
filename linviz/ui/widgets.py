"""Small reusable widgets for the panels.

- :class:`LogSlider`: a slider over "nice" values on a logarithmic scale
  (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 per decade), optionally with exactly 0
  at the leftmost position, and a box beside it showing the value (the
  teacher can also type an exact value there). While the handle is dragged
  it reports at most once per ``throttle_ms`` (plus the final value), so a
  drag retrains a few dozen times per second, not hundreds.
- :class:`SciSpinBox`: a spin box for tolerances like 1e-6 (scientific
  notation; the arrows multiply or divide by 10).
- :func:`marker_icon`: a class's marker shape in its colour, as in the plane;
  :func:`dice_icon` for "randomise".
- :func:`guard_wheel`: combo boxes, spin boxes and sliders in a scrolling panel
  ignore the wheel unless focused (scrolling the panel never changes a setting).
- :func:`pass_space_to_shortcuts`: Space reaches the window's play/pause shortcut
  even while a number box has the focus.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QEvent, QLocale, QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDoubleValidator, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSlider,
    QWidget,
)

from .throttle import GestureThrottle

NICE_MANTISSAS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)


def format_value(v: float) -> str:
    """Short, exact-looking text for a slider value: 0, 0.0001, 0.25, 12, 1e-05."""
    if v == 0:
        return "0"
    return f"{v:.4g}"


def nice_values(lo: float, hi: float, mantissas=NICE_MANTISSAS) -> list[float]:
    """The values m·10^e in [lo, hi] for each mantissa m, in increasing order."""
    if not 0 < lo < hi:
        raise ValueError(f"a logarithmic range needs 0 < lo < hi, not {lo}, {hi}")
    out = []
    for e in range(math.floor(math.log10(lo)) - 1, math.ceil(math.log10(hi)) + 1):
        for m in mantissas:
            v = float(f"{m}e{e}")  # 1.2e-4, not 0.00012000000000000002
            if lo * (1 - 1e-12) <= v <= hi * (1 + 1e-12):
                out.append(v)
    for end in (lo, hi):  # the ends are always reachable
        if not any(math.isclose(v, end) for v in out):
            out.append(end)
    return sorted(out)


class LogSlider(QWidget):
    """A logarithmic slider with its value shown (and editable) beside it.

    ``valueChanged(float)`` is emitted when the value changes: at once for a
    click, a key or a typed value; at most every ``throttle_ms`` while the
    handle is dragged, and once more with the final value on release.
    ``setValue`` emits too (block it with ``QSignalBlocker`` to sync quietly).
    """

    valueChanged = Signal(float)

    def __init__(self, lo: float, hi: float, value: float | None = None, *, allow_zero: bool = False,
                 throttle_ms: int = 40, parent: QWidget | None = None):
        super().__init__(parent)
        self.lo, self.hi, self.allow_zero = float(lo), float(hi), allow_zero
        self.values = ([0.0] if allow_zero else []) + nice_values(lo, hi)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(0, len(self.values) - 1)
        self.slider.setPageStep(len(NICE_MANTISSAS))
        self.slider.setMinimumWidth(50)  # narrow docks shrink the slider, not the value box
        self.edit = QLineEdit()
        self.edit.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        # any number ≥ 0 may be typed; it is clamped into range when the edit finishes
        validator = QDoubleValidator(0.0, 1e12, 12, self.edit)
        validator.setNotation(QDoubleValidator.ScientificNotation)
        validator.setLocale(QLocale.c())  # "0.5", as float() reads it, whatever the system locale
        self.edit.setValidator(validator)
        width = self.edit.fontMetrics().horizontalAdvance("0.00012") + 16
        self.edit.setFixedWidth(width)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.slider)
        pass_space_to_shortcuts(self.edit)

        self._value = self.values[0]
        self._emitted = self._value
        self._throttle = GestureThrottle(self._emit, self.slider.isSliderDown, throttle_ms, self)  # while dragged
        self.slider.valueChanged.connect(self._on_position)
        self.slider.sliderReleased.connect(self._on_released)
        self.edit.editingFinished.connect(self._on_typed)
        self._show(self._value)
        if value is not None:
            self._set(value, emit=False)

    # --- public ---------------------------------------------------------------------------
    def value(self) -> float:
        return self._value

    def setValue(self, value: float) -> None:
        self._set(value, emit=True)

    def position_of(self, value: float) -> int:
        """Slider position nearest to ``value`` on the log scale (0 → the zero position)."""
        if value <= 0:
            return 0
        start = 1 if self.allow_zero else 0
        logs = [abs(math.log(v) - math.log(value)) for v in self.values[start:]]
        return start + logs.index(min(logs))

    def setToolTip(self, text: str) -> None:  # noqa: N802 (Qt name)
        super().setToolTip(text)
        self.slider.setToolTip(text)
        self.edit.setToolTip(text)

    # --- internals ----------------------------------------------------------------------
    def clamp(self, value: float) -> float:
        if self.allow_zero and value <= 0:
            return 0.0
        return min(max(float(value), self.lo), self.hi)

    def _set(self, value: float, emit: bool) -> None:
        value = self.clamp(value)
        pos = self.position_of(value)
        if self.slider.value() != pos:
            blocked = self.slider.blockSignals(True)
            self.slider.setValue(pos)
            self.slider.blockSignals(blocked)
        self._value = value
        self._show(value)
        if emit:
            self._emit()
        else:
            self._emitted = value

    def _show(self, value: float) -> None:
        self.edit.setText(format_value(value))

    def _on_position(self, pos: int) -> None:
        self._value = self.values[pos]
        self._show(self._value)
        self._throttle()

    def _on_released(self) -> None:
        self._throttle.release()
        self._emit()  # the value the handle was let go at (a no-op when it was emitted already)

    def _on_typed(self) -> None:
        try:
            typed = float(self.edit.text())
        except ValueError:
            self._show(self._value)
            return
        self._set(typed, emit=True)

    def _emit(self) -> None:
        if self._value != self._emitted:
            self._emitted = self._value
            self.valueChanged.emit(self._value)


class SciSpinBox(QDoubleSpinBox):
    """A spin box for small positive numbers in scientific notation (1e-06);
    the arrows multiply or divide by 10."""

    def __init__(self, lo: float = 1e-12, hi: float = 1.0, value: float = 1e-6, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(15)
        self.setRange(lo, hi)
        self.setValue(value)
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectToNearestValue)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt name)
        return f"{value:.3g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        from PySide6.QtGui import QValidator

        stripped = text.strip()
        if not stripped or stripped in ("-", "+", ".") or stripped.lower().endswith(("e", "e-", "e+")):
            return QValidator.Intermediate, text, pos
        try:
            v = float(stripped)
        except ValueError:
            return QValidator.Invalid, text, pos
        if self.minimum() <= v <= self.maximum():
            return QValidator.Acceptable, text, pos
        return QValidator.Intermediate, text, pos

    def fixup(self, text: str) -> str:
        return self.textFromValue(self.value())

    def stepBy(self, steps: int) -> None:  # noqa: N802
        self.setValue(min(max(self.value() * 10.0**steps, self.minimum()), self.maximum()))

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("1e-12") + 48, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()


class PassKeysToShortcuts(QObject):
    """Event filter: let the window's shortcuts have ``keys`` even when the filtered
    widget has the focus (a spin box or number box would otherwise swallow Space,
    which it has no use for, and the teacher's Space would not play)."""

    def __init__(self, keys=(Qt.Key_Space,), parent: QObject | None = None):
        super().__init__(parent)
        self.keys = frozenset(keys)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.ShortcutOverride and event.key() in self.keys and not event.modifiers():
            event.ignore()  # not claimed by the widget: the shortcut map gets it
            return True
        return False


class WheelOnlyWhenFocused(QObject):
    """Event filter: a combo box, spin box or slider ignores the mouse wheel unless it has
    the focus, so scrolling a tall panel never changes a setting by passing over it (the
    wheel then scrolls the panel). Click the control first to use the wheel on it."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Wheel and not obj.hasFocus():
            event.ignore()  # unaccepted: Qt passes it on to the parent (the scroll area)
            return True
        return False


def guard_wheel(*widgets: QWidget) -> None:
    """Install :class:`WheelOnlyWhenFocused` on each widget (and give it click/tab focus)."""
    for w in widgets:
        w.setFocusPolicy(Qt.StrongFocus)
        w.installEventFilter(WheelOnlyWhenFocused(w))


def pass_space_to_shortcuts(*widgets: QWidget) -> None:
    """Install one :class:`PassKeysToShortcuts` (for Space) on each widget."""
    for w in widgets:
        w.installEventFilter(PassKeysToShortcuts(parent=w))
        inner = w.findChild(QLineEdit) if isinstance(w, QAbstractSpinBox) else None
        if inner is not None:  # a spin box's text field may hold the focus itself
            inner.installEventFilter(PassKeysToShortcuts(parent=inner))


def dice_icon(size: int = 20) -> QIcon:
    """A die showing five: the "randomise" icon (Qt has no standard one)."""
    ratio = 2
    side = size * ratio
    pix = QPixmap(side, side)
    pix.fill(Qt.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QPen(QColor("#333333"), 1.5 * ratio))
    painter.setBrush(QColor("#ffffff"))
    m = 1.5 * ratio
    painter.drawRoundedRect(m, m, side - 2 * m, side - 2 * m, side * 0.18, side * 0.18)
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor("#333333"))
    r = side * 0.09
    for fx, fy in ((0.3, 0.3), (0.7, 0.3), (0.5, 0.5), (0.3, 0.7), (0.7, 0.7)):
        painter.drawEllipse(QPointF(fx * side, fy * side), r, r)
    painter.end()
    pix.setDevicePixelRatio(ratio)
    return QIcon(pix)


def marker_icon(symbol: str, colour: str, size: int = 24) -> QIcon:
    """The pyqtgraph marker ``symbol`` filled with ``colour`` and outlined in dark grey."""
    from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols

    ratio = 2  # crisp on high-DPI screens and projectors
    pix = QPixmap(size * ratio, size * ratio)
    pix.fill(Qt.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.Antialiasing)
    scale = size * ratio * 0.8
    path = QTransform().translate(size * ratio / 2, size * ratio / 2).scale(scale, scale).map(
        Symbols.get(symbol, Symbols["o"]))
    painter.setPen(QPen(QColor("#333333"), 1.5 * ratio))
    painter.setBrush(QColor(colour))
    painter.drawPath(path)
    painter.end()
    pix.setDevicePixelRatio(ratio)
    return QIcon(pix)


__all__ = ["LogSlider", "SciSpinBox", "PassKeysToShortcuts", "pass_space_to_shortcuts", "marker_icon", "dice_icon",
           "WheelOnlyWhenFocused", "guard_wheel",
           "nice_values", "format_value", "NICE_MANTISSAS"]


def on_screen(widget) -> bool:
    """True when some of ``widget`` can be seen. A dock in a tab group that is not in
    front stays ``isVisible()`` (Qt parks it outside the window), so views that do
    costly work per step check this instead."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


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
    kept however short the text.

    A QLabel's setText asks its parent layout to lay out again; the request climbs to the
    main window (a layout ends its pass by calling updateGeometry on its own widget) and the
    window relays and repaints. This holder has no layout, so the request stops here: it
    places the widget over its own rectangle, and tells its layout only when the widget
    needs another height (a wrapped status line gaining a line)."""

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
        self._height = self._needed_height()
        self.updateGeometry()

    def resizeEvent(self, event) -> None:
        self.inner.setGeometry(self.rect())
        if self._needed_height() != self._height:
            self.refit()
        super().resizeEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self._needed_height() != self._height:
            self.refit()  # the new text needs another number of lines
        return super().event(event)
