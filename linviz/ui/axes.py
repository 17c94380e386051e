"""Axes whose tick labels stay short for any range of values.

pyqtgraph writes tick labels in fixed point: a loss of 3.6·10⁴³ (a run blowing up before it
overflows) becomes a 44-digit label. A vertical axis widens to fit its labels, the plot beside it
narrows to a few pixels, the ticks change, the width changes back — and pyqtgraph's layout can
loop on that for ever (pyqtgraph issue #3135), freezing the window. An aspect-locked plot (the
data plane) loops the same way with ordinary labels: a wider axis, a narrower view, a new range,
new labels, a narrower axis…

``CompactAxis`` breaks both loops. It writes such values as ``3.6e43`` (and tiny ones as
``2.5e-7``), so a label is never more than eight characters; and a vertical one has a fixed
width, that of the widest label ``WIDEST`` in its tick font, so its width never follows the data.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF

from .style import BASE_FONT_PT, label_style
from .style import font as scaled_font

BIG = 1e6
"""Labels switch to scientific notation when the largest |value| reaches this…"""
SMALL = 1e-3
"""…or when every non-zero |value| is under this."""
WIDEST = "-8.88e-88"
"""The widest label a vertical CompactAxis makes room for (and so always has)."""


def compact_tick_strings(values, scale: float, spacing: float) -> list[str] | None:
    """Scientific labels (``"3.6e43"``, ``"-2e-5"``) when fixed point would be long; None when
    pyqtgraph's own fixed-point labels are short enough. The mantissa has the fewest digits
    (0 to 2) that give every value to 1 % of the tick spacing."""
    v = np.asarray(values, float) * scale
    finite = np.abs(v[np.isfinite(v)])
    if not len(finite):
        return [""] * len(v)
    top = float(finite.max())
    if SMALL <= top < BIG or top == 0:
        return None
    tolerance = 0.01 * (abs(spacing * scale) or top)
    for digits in range(3):  # the fewest mantissa digits that still say each value
        labels = [_sci(x, digits) for x in v]
        if all(not s or abs(float(s) - x) <= tolerance for s, x in zip(labels, v)):
            break
    return labels


def _sci(x: float, digits: int) -> str:
    """``3.6e+43`` → ``3.6e43``, ``-2.0e-05`` → ``-2.0e-5``; 0 stays ``0``."""
    if x == 0 or not np.isfinite(x):
        return "0" if x == 0 else ""
    mantissa, exponent = f"{x:.{digits}e}".split("e")
    return f"{mantissa}e{int(exponent)}"


class CompactAxis(pg.AxisItem):
    """An AxisItem whose labels are :func:`compact_tick_strings` when fixed point would be long;
    left and right, its room for labels is fixed by the tick font (``widest``), not by the labels."""

    widest = WIDEST

    def __init__(self, orientation, **kwargs):
        super().__init__(orientation, **kwargs)
        if orientation in ("left", "right"):
            self.setTickFont(None)

    def setTickFont(self, font: QFont | None):  # noqa: N802 (pyqtgraph's name)
        super().setTickFont(font)
        if self.orientation in ("left", "right"):
            room = QFontMetricsF(font or QFont()).horizontalAdvance(self.widest)
            self.setStyle(autoExpandTextSpace=False, tickTextWidth=int(np.ceil(room)))

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        if self.logMode:
            return super().tickStrings(values, scale, spacing)
        return compact_tick_strings(values, scale, spacing) or super().tickStrings(values, scale, spacing)


def compact_axes(**given: pg.AxisItem) -> dict[str, pg.AxisItem]:
    """``axisItems`` for a PlotWidget / PlotItem: a CompactAxis left and bottom unless ``given``
    (pyqtgraph shows every axis it is given, so top and right only when asked)."""
    return {"left": CompactAxis("left"), "bottom": CompactAxis("bottom"), **given}


def make_compact(axis: pg.AxisItem) -> pg.AxisItem:
    """Compact labels on an axis pyqtgraph built itself (a ColorBarItem's)."""
    plain = axis.tickStrings

    def tick_strings(values, scale, spacing):
        return compact_tick_strings(values, scale, spacing) or plain(values, scale, spacing)

    axis.tickStrings = tick_strings
    return axis


def style_plot(plot: pg.PlotItem, font_pt: int = BASE_FONT_PT) -> None:
    """Projector-sized tick fonts on the left and bottom axes."""
    font = scaled_font(font_pt)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTickFont(font)
        axis.setTextPen(pg.mkPen("k"))
        axis.setPen(pg.mkPen("k"))


def set_axis_label(plot_or_axis, side: str | None, text: str, font_pt: int = BASE_FONT_PT + 1) -> None:
    """Label an axis in a projector-sized font (skipped when unchanged: relabelling relayouts)."""
    axis = plot_or_axis.getAxis(side) if side else plot_or_axis
    if axis.labelText != text or not axis.label.isVisible():
        axis.setLabel(text, **label_style(font_pt))


def fit_titles(widget, axes, around_px: float | None = None) -> None:
    """Make ``widget`` (a PlotWidget) at least as tall as its longest vertical axis title and
    as wide as its longest horizontal one, plus ``around_px`` for the other axes and margins
    (three lines of the tick font by default): in a short dock the view scrolls instead of
    cutting "total loss (log scale)" at both ends. Call it after (re)labelling and on a new
    font size."""
    if around_px is None:
        around_px = 3 * QFontMetricsF(scaled_font(BASE_FONT_PT)).height() + 8
    tall = wide = 0.0
    for axis in axes:
        if not axis.label.isVisible() or not axis.labelText:
            continue
        length = axis.label.boundingRect().width()
        if axis.orientation in ("left", "right"):
            tall = max(tall, length)
        else:
            wide = max(wide, length)
    widget.setMinimumSize(int(np.ceil(wide + around_px)), int(np.ceil(tall + around_px)))


__all__ = ["fit_titles", "CompactAxis", "compact_axes", "compact_tick_strings", "make_compact", "style_plot", "set_axis_label"]
