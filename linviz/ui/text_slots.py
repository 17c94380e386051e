"""Every visible text of the live windows as a slot to read and write (for retranslation and tests).

:func:`text_slots` walks windows, widgets, actions and pyqtgraph scenes: titles, labels, buttons,
menus, actions, tooltips, combo and table items, tab texts, axis labels, titles and legends;
:func:`header_texts` the header data of item views' models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)


@dataclass
class Slot:
    """One visible text: ``where`` says what it is (for messages), ``get()`` / ``set(text)``."""

    where: str
    get: Callable[[], str]
    set: Callable[[str], None]


def _name(obj) -> str:
    name = obj.objectName() if isinstance(obj, QObject) else ""
    return f"{type(obj).__name__}#{name}" if name else type(obj).__name__


def _stripped(text: str) -> str:
    """What QAction makes of its text for an implicit tooltip or icon text."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("...").strip()


def _widget_slots(w: QWidget) -> Iterator[Slot]:
    n = _name(w)
    if w.isWindow() or isinstance(w, QDockWidget):
        yield Slot(f"{n}.windowTitle", w.windowTitle, w.setWindowTitle)
    yield Slot(f"{n}.toolTip", w.toolTip, w.setToolTip)
    yield Slot(f"{n}.statusTip", w.statusTip, w.setStatusTip)
    yield Slot(f"{n}.whatsThis", w.whatsThis, w.setWhatsThis)
    if isinstance(w, QLabel):
        yield Slot(f"{n}.text", w.text, w.setText)
    elif isinstance(w, QAbstractButton):
        yield Slot(f"{n}.text", w.text, w.setText)
    elif isinstance(w, QGroupBox):
        yield Slot(f"{n}.title", w.title, w.setTitle)
    elif isinstance(w, QMenu):
        yield Slot(f"{n}.title", w.title, w.setTitle)
    elif isinstance(w, QLineEdit):
        yield Slot(f"{n}.placeholderText", w.placeholderText, w.setPlaceholderText)
    elif isinstance(w, QComboBox):
        yield Slot(f"{n}.placeholderText", w.placeholderText, w.setPlaceholderText)
        for i in range(w.count()):
            yield Slot(f"{n}.item[{i}]", lambda w=w, i=i: w.itemText(i), lambda t, w=w, i=i: w.setItemText(i, t))
            yield Slot(f"{n}.item[{i}].toolTip", lambda w=w, i=i: _str(w.itemData(i, Qt.ItemDataRole.ToolTipRole)),
                       lambda t, w=w, i=i: w.setItemData(i, t, Qt.ItemDataRole.ToolTipRole))
    elif isinstance(w, QAbstractSpinBox):
        for prop in ("prefix", "suffix", "specialValueText"):
            getter = getattr(w, prop, None)
            setter = getattr(w, "set" + prop[0].upper() + prop[1:], None)
            if getter is not None and setter is not None:
                yield Slot(f"{n}.{prop}", getter, setter)
    elif _is_text_widget(w):  # a painted text (compare's Readout): text() / setText()
        yield Slot(f"{n}.text", w.text, w.setText)
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield Slot(f"{n}.tab[{i}]", lambda w=w, i=i: w.tabText(i), lambda t, w=w, i=i: w.setTabText(i, t))
            yield Slot(f"{n}.tab[{i}].toolTip", lambda w=w, i=i: w.tabToolTip(i),
                       lambda t, w=w, i=i: w.setTabToolTip(i, t))
    if isinstance(w, QTableWidget):
        for c in range(w.columnCount()):
            yield from _item_slots(f"{n}.header[{c}]", w.horizontalHeaderItem(c))
        for r in range(w.rowCount()):
            yield from _item_slots(f"{n}.vheader[{r}]", w.verticalHeaderItem(r))
            for c in range(w.columnCount()):
                yield from _item_slots(f"{n}[{r},{c}]", w.item(r, c))


def _is_text_widget(w: QWidget) -> bool:
    """A custom widget that shows a text through ``text()`` / ``setText()`` (not an input)."""
    if isinstance(w, (QLineEdit, QAbstractSpinBox, QComboBox)) or type(w).__module__.startswith("PySide6"):
        return False
    return callable(getattr(w, "text", None)) and callable(getattr(w, "setText", None))


def _item_slots(where: str, item) -> Iterator[Slot]:
    if item is None:
        return
    yield Slot(where, item.text, item.setText)
    yield Slot(f"{where}.toolTip", item.toolTip, item.setToolTip)


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def _action_slots(a: QAction) -> Iterator[Slot]:
    n = _name(a)
    auto_tip = a.toolTip() == _stripped(a.text())
    auto_icon = a.iconText() == _stripped(a.text())
    yield Slot(f"{n}.text", a.text, a.setText)
    if not auto_tip:
        yield Slot(f"{n}.toolTip", a.toolTip, a.setToolTip)
    if not auto_icon:
        yield Slot(f"{n}.iconText", a.iconText, a.setIconText)
    yield Slot(f"{n}.statusTip", a.statusTip, a.setStatusTip)


def _graphics_slots(view: QGraphicsView) -> Iterator[Slot]:
    """pyqtgraph's texts in a view's scene: axis labels, titles, legends, text items."""
    import pyqtgraph as pg

    scene = view.scene()
    if scene is None:
        return
    n = _name(view)
    for item in scene.items():
        if isinstance(item, pg.AxisItem):
            if item.labelText:
                yield Slot(f"{n}.axis({item.orientation})", lambda it=item: it.labelText,
                           lambda t, it=item: it.setLabel(t, units=it.labelUnits or None, **it.labelStyle))
        elif isinstance(item, pg.LabelItem):
            yield Slot(f"{n}.LabelItem", lambda it=item: it.text or "", lambda t, it=item: it.setText(t))
        elif isinstance(item, pg.InfLineLabel):
            if re.search(r"[^\W\d_]", re.sub(r"\{[^{}]*\}", "", item.format)):  # words, not just "{value:.0f}"
                yield Slot(f"{n}.InfLineLabel", lambda it=item: it.format, lambda t, it=item: _set_inf_label(it, t))
        elif isinstance(item, pg.TextItem):  # rich-text ones are redrawn by their views
            yield Slot(f"{n}.TextItem", item.toPlainText, lambda t, it=item: it.setText(t))


def _set_inf_label(item, text: str) -> None:
    item.format = text
    item.valueChanged()


def text_slots(roots=None) -> Iterator[Slot]:
    """Every visible text slot of ``roots`` (default: every top-level window) and their children:
    widgets, actions and pyqtgraph scenes."""
    if roots is None:
        roots = QApplication.topLevelWidgets()
    seen: set[int] = set()
    for root in roots:
        widgets = [root, *root.findChildren(QWidget)]
        actions = root.findChildren(QAction)
        for w in widgets:
            if id(w) in seen:
                continue
            seen.add(id(w))
            yield from _widget_slots(w)
            actions.extend(w.actions())
            if isinstance(w, QGraphicsView):
                yield from _graphics_slots(w)
        for a in actions:
            if id(a) in seen or a.isSeparator():
                continue
            seen.add(id(a))
            yield from _action_slots(a)


def item_views(roots=None) -> list[QAbstractItemView]:
    roots = QApplication.topLevelWidgets() if roots is None else roots
    return [v for r in roots for v in ([r] if isinstance(r, QAbstractItemView) else []) + r.findChildren(QAbstractItemView)]


def shape(model) -> tuple[int, int]:
    """(rows, columns) of a model (list models have one column; some models want a parent index)."""
    from PySide6.QtCore import QAbstractListModel

    try:
        rows = model.rowCount()
    except TypeError:
        rows = model.rowCount(QModelIndex())
    if isinstance(model, QAbstractListModel):
        return rows, 1
    try:
        return rows, model.columnCount()
    except TypeError:
        return rows, model.columnCount(QModelIndex())


def header_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    """(where, text) of the header data of a view's model, both orientations (display role)."""
    model = view.model()
    if model is None:
        return
    n = _name(view)
    for orientation, count, tag in ((Qt.Orientation.Horizontal, shape(model)[1], "header"),
                                    (Qt.Orientation.Vertical, shape(model)[0], "vheader")):
        for i in range(min(count, 200)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(i, orientation, role)
                if isinstance(value, str) and value:
                    yield f"{n}.{tag}[{i}]{'' if role == Qt.ItemDataRole.DisplayRole else '.toolTip'}", value


__all__ = ["Slot", "text_slots", "item_views", "header_texts", "shape"]
