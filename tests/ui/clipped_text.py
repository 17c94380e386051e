"""Find text a user cannot read whole: wider than its box, or elided (a helper of the tests).

``clipped(root)`` walks every visible label, button, check box, combo box, tab, header
section and plot axis title under ``root`` and returns one line per text that does not fit. A widget inside a
scroll area counts as whole when its own box holds its text (the area scrolls to it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK_PX = 1


def _shown(w: QWidget) -> bool:
    """Visible, with a size, and not parked off the window: Qt keeps the docks of a tab group
    that are not the current tab "visible" at negative coordinates."""
    if not (w.isVisible() and w.width() > 0 and w.height() > 0):
        return False
    top = w.window()
    while w is not None and w is not top:
        if isinstance(w, QDockWidget) and not w.isFloating() \
                and not w.geometry().intersects(w.parentWidget().rect()):
            return False
        w = w.parentWidget()
    return True


def _label(w: QLabel) -> str | None:
    text = w.text()
    if not text or w.pixmap() is not None and not w.pixmap().isNull():
        return None
    rect = w.contentsRect()
    room = rect.width() - 2 * w.margin() - (w.indent() if w.indent() > 0 else 0)
    if getattr(w, "_runs", None) is not None and hasattr(w, "_run_layout"):  # a MarkupLine: "step <b>3</b>" as runs
        _placed, need_w, need_h, _ascent = w._run_layout()
        if need_w > room + SLACK_PX or need_h > rect.height() + SLACK_PX + 2:
            return f"label {w.objectName() or text[:40]!r}: needs {need_w:.0f}×{need_h:.0f}, has {room}×{rect.height()}"
        return None
    rich = w.textFormat() == Qt.TextFormat.RichText or (w.textFormat() == Qt.TextFormat.AutoText
                                                        and "<" in text and ">" in text)
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(w.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if w.wordWrap():
            doc.setTextWidth(room)
            need_w, need_h = doc.idealWidth(), doc.size().height()
        else:
            need_w, need_h = doc.idealWidth(), doc.size().height()
    else:
        fm = QFontMetrics(w.font())
        if w.wordWrap():
            r = fm.boundingRect(0, 0, max(room, 1), 100000, int(Qt.TextFlag.TextWordWrap), text)
            need_w, need_h = r.width(), r.height()
        else:
            lines = text.split("\n")
            need_w, need_h = max(fm.horizontalAdvance(s) for s in lines), fm.height() * len(lines)
    if need_w > room + SLACK_PX or need_h > rect.height() + SLACK_PX + 2:
        return f"label {w.objectName() or text[:40]!r}: needs {need_w:.0f}×{need_h:.0f}, has {room}×{rect.height()}"
    return None


def _button(w: QAbstractButton) -> str | None:
    if not w.text() or isinstance(w, QToolButton) and w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return None
    need = w.sizeHint()
    if need.width() > w.width() + SLACK_PX or w.height() + SLACK_PX < QFontMetrics(w.font()).height():
        return f"button {w.objectName() or w.text()[:40]!r}: needs {need.width()}, has {w.width()}"
    return None


def _combo(w: QComboBox) -> str | None:
    text = w.currentText()
    if not text:
        return None
    opt = QStyleOptionComboBox()
    w.initStyleOption(opt)
    field = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                     QStyle.SubControl.SC_ComboBoxEditField, w)
    icon = w.iconSize().width() + 4 if not w.itemIcon(w.currentIndex()).isNull() else 0
    need = QFontMetrics(w.font()).horizontalAdvance(text) + icon
    if need > field.width() + SLACK_PX:
        return f"combo {w.objectName() or text[:40]!r}: needs {need}, has {field.width()}"
    return None


def _tabs(w: QTabBar) -> list[str]:
    out = []
    for i in range(w.count()):
        if w.isTabVisible(i) and w.tabText(i) and w.tabSizeHint(i).width() > w.tabRect(i).width() + SLACK_PX:
            out.append(f"tab {w.tabText(i)!r}: needs {w.tabSizeHint(i).width()}, has {w.tabRect(i).width()}")
    return out


def _header(w: QHeaderView) -> list[str]:
    model = w.model()
    if model is None or w.orientation() != Qt.Orientation.Horizontal:
        return []
    out = []
    fm = QFontMetrics(w.font())
    turned = getattr(w, "turned_text", False)  # titles written upwards: measured against the height
    for i in range(model.columnCount()):
        if w.isSectionHidden(i):
            continue
        text = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
        need = max((fm.horizontalAdvance(s) for s in text.split("\n")), default=0)
        room = w.height() if turned else w.sectionSize(i)
        if turned and fm.height() > w.sectionSize(i) + SLACK_PX:
            out.append(f"header {text[:30]!r}: needs {fm.height()} across, has {w.sectionSize(i)}")
        if text and need + 4 > room + SLACK_PX:
            out.append(f"header {text[:30]!r}: needs {need + 4}, has {room}")
    return out


def _plot_titles(view) -> list[str]:
    """Axis titles of a pyqtgraph view longer than their axis (a vertical title taller than the
    plot is cut at both ends)."""
    import pyqtgraph as pg

    out = []
    for item in view.scene().items():
        if not isinstance(item, pg.AxisItem) or not item.isVisible() or not item.label.isVisible():
            continue
        text = item.label.toPlainText()
        length = item.label.boundingRect().width()
        room = item.geometry().height() if item.orientation in ("left", "right") else item.geometry().width()
        if text and length > room + SLACK_PX:
            out.append(f"axis title {text[:30]!r} ({view.objectName()}): needs {length:.0f}, has {room:.0f}")
    return out


def _beyond_a_fixed_edge(root: QWidget) -> list[str]:
    """Content wider than a scroll area that cannot scroll sideways (scroll bar always off):
    its right part is simply not there for the user."""
    from PySide6.QtWidgets import QScrollArea

    out = []
    for area in root.findChildren(QScrollArea):
        inner = area.widget()
        if (_shown(area) and inner is not None and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                and inner.width() > area.viewport().width() + SLACK_PX):
            out.append(f"scroll area {area.objectName() or '?'}: content {inner.width()} wide, "
                       f"{area.viewport().width()} shown, no sideways scrolling")
    return out


def clipped(root: QWidget) -> list[str]:
    """Every visible text under ``root`` that does not fit its box."""
    from PySide6.QtWidgets import QGraphicsView

    out: list[str] = _beyond_a_fixed_edge(root)
    for w in [root, *root.findChildren(QWidget)]:
        if not _shown(w):
            continue
        if isinstance(w, QGraphicsView) and hasattr(w, "getPlotItem"):  # a pyqtgraph PlotWidget
            out += _plot_titles(w)
            continue
        if isinstance(w, QLabel):
            found = _label(w)
        elif isinstance(w, QAbstractButton):
            found = _button(w)
        elif isinstance(w, QComboBox):
            found = _combo(w)
        elif isinstance(w, QTabBar):
            out += _tabs(w)
            continue
        elif isinstance(w, QHeaderView):
            out += _header(w)
            continue
        else:
            continue
        if found:
            out.append(found)
    return out
