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

Texts that change every frame (SteadyLabel, MarkupLine, LayoutShield) live in
:mod:`linviz.ui.steady_text` (imported here too).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDoubleValidator, QIcon, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QSlider,
    QWidget,
)

from .steady_text import (  # noqa: F401 (re-exported: the views import them from here)
    LayoutShield, MarkupLine, SteadyLabel, WrapWhenNarrow, bold_runs, digit_shape,
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

