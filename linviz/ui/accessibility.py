"""Screen readers: every control of a window gets an accessible name (Qt's accessibility).

Qt already names buttons and check boxes by their text and a spin box or combo by its form
label (its buddy), and it reads a control's tool tip as its description. What is left — the
slider and value box inside a labelled composite (the Δ, λ, α controls), a bare spin box or
line edit, the plots and tables — is named here from what a sighted user reads beside it, so
that every name is already translated and follows the language:

1. its composite's name: ``delta_slider`` and ``delta_value`` are named after ``delta`` (and a
   part with no objectName — a plot's viewport, a number box's line edit — after its owner);
2. the first phrase of its tool tip ("Playback speed, in gradient steps per second (1 … 64)"
   gives "Playback speed, in gradient steps per second");
3. the tab, dock or group box it sits in (the loss curve: "Loss"; the scores table: "Scores"),
   else its window's title.

:func:`name_controls` runs when a window is built and again after each language switch (names
it gave are re-derived; names the code set are kept). :func:`unnamed_controls` is what the tests
check: every control of a window a screen reader would announce with no name.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

translate = QCoreApplication.translate

CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QAbstractSlider, QAbstractItemView,
            QGraphicsView, QTabBar)
"""What a user operates (plots are QGraphicsViews; tables and lists QAbstractItemViews)."""
AUTO = "linviz_auto_accessible_name"
"""Dynamic property on a widget whose name this module gave (re-derived after a language switch)."""
_FIRST_PHRASE = re.compile(r"^(.*?)(?:\s*[(:\n]|\.\s|\.$|$)", re.S)


def is_control(widget: QWidget, window: QWidget) -> bool:
    """A control of ``window`` a user reaches: not one of Qt's own parts (a spin box's inner line
    edit, a scroll area's bars, a table's headers and corner button — reached through their
    owner), not in a popup (a combo's list)."""
    takes_focus = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)  # Tab reaches it: a reader announces it
    return ((isinstance(widget, CONTROLS) or takes_focus) and not isinstance(widget, (QScrollBar, QHeaderView))
            and not widget.objectName().startswith("qt_") and widget.window() is window)


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces (explicit, the button's text or the buddy label's)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Text.Name) if iface is not None and iface.isValid() else "").strip()


def first_phrase(text: str) -> str:
    """A tool tip's first phrase: up to the first bracket, colon, full stop or line break."""
    text = re.sub(r"<[^>]+>", "", text or "").strip()  # rich-text tool tips
    match = _FIRST_PHRASE.match(text)
    return (match.group(1) if match else text).strip()


def _container_title(widget: QWidget) -> str:
    """The title of the tab, dock or group box that holds ``widget`` (nearest first)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            index = tabs.indexOf(child)
            if index >= 0 and tabs.tabText(index):
                return tabs.tabText(index).replace("&", "")
        if isinstance(parent, QDockWidget) and parent.windowTitle():
            return parent.windowTitle().replace("&", "")
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title().replace("&", "")
        child, parent = parent, parent.parentWidget()
    return ""


def derived_name(widget: QWidget) -> str:
    """A name from what is shown beside ``widget`` (see the module's docstring), or ""."""
    parent = widget.parentWidget()
    part = not widget.objectName() or widget.objectName().startswith(parent.objectName() + "_") if parent else False
    if part and parent is not None and not parent.isWindow():  # a part of a composite: named after it
        name = accessible_name(parent) or derived_name(parent)
        if name:
            return name
    return first_phrase(widget.toolTip()) or _container_title(widget) or widget.window().windowTitle()


VIEW_NAMES = {"plane": ("Presentation", "The plane"), "shortcuts_overlay": ("Presentation", "Keyboard shortcuts")}
"""Views with no text beside them — a window attribute or an objectName → a (context, text) the
catalogue already has (so the name is translated)."""


def _name_views(window: QWidget) -> None:
    for key, (context, text) in VIEW_NAMES.items():
        view = getattr(window, key, None) or window.findChild(QWidget, key)
        if isinstance(view, QWidget):
            for widget in (view, getattr(view, "plot", None)):  # the plane takes the keys; its plot the mouse
                if isinstance(widget, QWidget):
                    widget.setAccessibleName(translate(context, text))


def name_controls(window: QWidget) -> int:
    """Give every unnamed control of ``window`` a name (and re-derive those given before);
    returns how many were named."""
    _name_views(window)
    named = 0
    for widget in window.findChildren(QWidget):
        if not is_control(widget, window):
            continue
        if widget.property(AUTO):
            widget.setAccessibleName("")
        elif accessible_name(widget):
            continue
        name = derived_name(widget)
        if name and not accessible_name(widget):
            widget.setAccessibleName(name)
            widget.setProperty(AUTO, True)
            named += 1
    return named


def unnamed_controls(window: QWidget) -> list[QWidget]:
    """The controls of ``window`` a screen reader would announce without a name."""
    return [w for w in window.findChildren(QWidget) if is_control(w, window) and not accessible_name(w)]


class _Namer(QObject):
    """Renames its window's controls after a language switch and re-chains the Tab order when a
    dock's view is built (a child of the window: the connections go with it)."""

    def rename(self, *_code) -> None:
        name_controls(self.parent())

    def reorder(self, *_args) -> None:
        apply_tab_order(self.parent())


# --- the Tab order ---------------------------------------------------------------------------------
READING_ORDER = ("controls", "lecture", "centre", "params", "scores", "surface", "geometry", "gradcheck",
                 "loss", "branches", "margins", "status")
"""The main window's parts in reading order — left column, the plane, right column top to bottom,
the status bar — by their key in ``window.docks`` ("centre": the central widget, "status": the
status bar). Tab walks them in this order (and back to the first); within a part, its own order."""


ROW_PX = 8
"""Controls whose centres lie this close in height are on one row (read left to right)."""


def _focusable(widget: QWidget) -> list[QWidget]:
    """``widget`` and its descendants that Tab can reach, in reading order: top to bottom, a row
    left to right (by where they are on screen; the hidden ones, which Tab skips, last)."""
    window = widget.window()
    inside = [w for w in [widget, *widget.findChildren(QWidget)]
              if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None and w.window() is window]
    shown = [w for w in inside if w.isVisibleTo(window)]
    centres = {id(w): w.mapTo(widget, w.rect().center()) for w in shown}
    shown.sort(key=lambda w: centres[id(w)].y())
    rows: list[list[QWidget]] = []
    for w in shown:
        if rows and centres[id(w)].y() - centres[id(rows[-1][0])].y() <= ROW_PX:
            rows[-1].append(w)
        else:
            rows.append([w])
    ordered = [w for row in rows for w in sorted(row, key=lambda w: centres[id(w)].x())]
    return ordered + [w for w in inside if w not in ordered]


def _tab_bar_for(window: QWidget, dock: QDockWidget) -> QTabBar | None:
    """The dock-area tab bar that switches to ``dock`` (QMainWindow makes one per tab group)."""
    title = dock.windowTitle()
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if bar.isVisible() and any(bar.tabText(i) == title for i in range(bar.count())):
            return bar
    return None


def tab_order(window) -> list[QWidget]:
    """The window's controls in the order Tab reaches them (:data:`READING_ORDER`): each part's
    controls, a tab group's tab bar before its first dock."""
    docks = getattr(window, "docks", {})
    order: list[QWidget] = []
    for name in READING_ORDER:
        part = {"centre": window.centralWidget(), "status": window.statusBar()}.get(name) or docks.get(name)
        if part is None:
            continue
        if isinstance(part, QDockWidget):
            bar = _tab_bar_for(window, part)
            if bar is not None and bar not in order and bar.focusPolicy() & Qt.FocusPolicy.TabFocus:
                order.append(bar)
        order += [w for w in _focusable(part) if w not in order]
    return order


def apply_tab_order(window) -> None:
    """Chain the window's controls in :func:`tab_order` (``QWidget.setTabOrder``). Tab leaves a
    table for the next control (the arrow keys move between its cells): Qt's tables keep Tab for
    their cells by default, and the focus never left them."""
    for bar in window.findChildren(QTabBar):
        for button in bar.findChildren(QAbstractButton):  # a tab bar's scroll arrows: its arrow keys do that
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    order = tab_order(window)
    for w in order:
        if isinstance(w, QAbstractItemView):
            w.setTabKeyNavigation(False)
    containers = [w for w in order if isinstance(w, QScrollArea) and any(w.isAncestorOf(o) for o in order)]
    for w in containers:  # not a stop of its own: Tab goes into it, and it scrolls to the control in focus
        w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    order = [w for w in order if w not in containers]
    for a, b in zip(order, order[1:]):
        QWidget.setTabOrder(a, b)


def _stop(widget: QWidget, window) -> bool:
    """Whether Tab stops at ``widget`` now: shown, enabled, not parked behind another tab, and of a
    group of exclusive radio buttons only the one checked (the arrow keys move within the group)."""
    if not (widget.isVisibleTo(window) and widget.isEnabled() and reachable(widget)):
        return False
    if isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked():
        group = [b for b in widget.parentWidget().findChildren(QRadioButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
                 if b.autoExclusive()]
        return not any(b.isChecked() for b in group)
    return True


def next_stop(window, current: QWidget | None, forward: bool = True) -> QWidget | None:
    """The control Tab (``forward``) or Shift+Tab moves to from ``current`` in :func:`tab_order`."""
    order = tab_order(window)
    w = current
    while w is not None and w not in order:  # a part of a compound control (a spin box's line edit)
        w = w.parentWidget()
    start = order.index(w) if w is not None else -1
    n = len(order)
    for k in range(1, n + 1):
        candidate = order[(start + (k if forward else -k)) % n]
        if _stop(candidate, window):
            return candidate
    return None


def reachable(widget: QWidget | None) -> bool:
    """Whether Tab should stop at ``widget``: not in a dock parked behind another tab (Qt keeps
    such a dock "visible" outside the window, so Tab would otherwise take the focus out of sight)."""
    parent = widget
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    return parent is None or parent.isFloating() or not parent.visibleRegion().isEmpty()


def install(window: QWidget) -> None:
    """Name ``window``'s controls now and again after every language switch; names them and
    re-chains the Tab order (:func:`apply_tab_order`, which the window runs when first shown) when
    a dock's view is built late (``lazy_docks.LazyDock``: a tab behind another, built when first seen)."""
    from . import i18n
    from .lazy_docks import LazyDock

    name_controls(window)  # the Tab order is set when the window is shown (its dock tab bars exist then)
    namer = _Namer(window)
    namer.setObjectName("accessibleNamer")
    i18n.notifier.changed.connect(namer.rename)
    for dock in window.findChildren(LazyDock):
        dock.built.connect(namer.rename)
        dock.built.connect(namer.reorder)  # its controls take their place in the Tab order


__all__ = ["install", "name_controls", "tab_order", "apply_tab_order", "next_stop", "reachable", "READING_ORDER",
           "unnamed_controls", "accessible_name", "derived_name", "first_phrase", "is_control", "CONTROLS"]
