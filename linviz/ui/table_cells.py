"""What a table cell shows, for every table of the app (W and b, the scores, the CIFAR
tables): numbers written for a projector, the class markers and names, and the item role
that holds a cell's raw value (so that tests and exports read numbers, not text)."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from .fonts import mono_font
from .style import MARKERS, class_colours

translate = QCoreApplication.translate

VALUE_ROLE = Qt.ItemDataRole.UserRole
"""The raw float of a cell (W, b or a gradient entry)."""
MINUS = "\u2212"


def format_number(v: float, decimals: int = 3) -> str:
    """A number for a projector: fixed ``decimals``, a real minus sign, no "−0.000",
    scientific notation from 10⁵ on, ∞ for overflow."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    v = float(v)
    if math.isinf(v):
        return "∞" if v > 0 else MINUS + "∞"
    if abs(v) >= 1e5:
        text = f"{v:.2e}"
    else:
        text = f"{v:.{decimals}f}"
        if float(text) == 0.0:
            text = text.lstrip("-")
    return text.replace("-", MINUS)


def parse_number(text) -> float | None:
    """A finite float from what the user typed (accepts "−", "," as the decimal mark), else None."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        v = float(text)
    else:
        s = str(text).strip().replace(MINUS, "-").replace("\u2013", "-").replace(",", ".").replace(" ", "")
        try:
            v = float(s)
        except ValueError:
            return None
    return v if math.isfinite(v) else None


def number_font(base: QFont | None = None, delta: float = 1.0, bold: bool = False) -> QFont:
    """The fixed-pitch font for numbers (tabular digits), a little larger than the UI font."""
    base = base or QApplication.font()
    font = mono_font()
    size = base.pointSizeF() if base.pointSizeF() > 0 else 12.0
    font.setPointSizeF(size + delta)
    font.setBold(bold)
    return font


_ICON_CACHE: dict[tuple[int, int, int], QIcon] = {}


def class_icon(label: int, n_classes: int, size: int = 14) -> QIcon:
    """The class's marker in its colour — the plane's symbol, so colour is never alone."""
    key = (label, n_classes, size)
    if key not in _ICON_CACHE:
        from pyqtgraph import mkBrush, mkPen
        from pyqtgraph.graphicsItems.ScatterPlotItem import renderSymbol

        colour = class_colours(max(n_classes, 2))[label % max(n_classes, 2)]
        image = renderSymbol(MARKERS[label % len(MARKERS)], size - 2, mkPen("k", width=1), mkBrush(colour))
        _ICON_CACHE[key] = QIcon(QPixmap.fromImage(image))
    return _ICON_CACHE[key]


def class_name(names, j: int) -> str:
    return names[j] if 0 <= j < len(names) else translate("ParamsTable", "class {0}").format(j + 1)


__all__ = ["VALUE_ROLE", "MINUS", "format_number", "parse_number", "number_font", "class_icon", "class_name"]
