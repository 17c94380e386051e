"""Presenting on a borrowed projector: full screen, the font size, light and dark themes,
the presentation layout, the shortcuts overlay, and the settings that persist.

``install(window)`` adds the actions (View menu; Help → Keyboard shortcuts) and returns the
:class:`Presentation`. Actions (objectName: keys):

* ``full_screen``: F11 (toggles) · ``leave_full_screen``: Esc, enabled only in full screen
  (elsewhere Esc stays with the plane, which hides the kNN inspector with it)
* ``font_bigger``: Ctrl++, Ctrl+= · ``font_smaller``: Ctrl+- · ``font_reset``: Ctrl+0
* ``theme_light``, ``theme_dark`` (View → Theme)
* ``presentation_layout``: Ctrl+Shift+P (the plane, the playback bar and the loss curve only,
  the points fitted to the plane's new shape; again: back to the full layout) · ``reset_layout``
* ``scores_table``: S — in the presentation layout shows or hides the Scores table; elsewhere
  brings its tab to the front
* ``shortcuts``: F1, ? — an overlay listing every action that has a shortcut, collected from
  the window's menus when it opens, and the plane's mouse gestures.

Persisted in the app's QSettings (``settings()``, the accessor ``lesson`` uses too) when the
window is made with ``persist=True`` (``app.run`` does; tests pass an ini file instead):
``window/geometry`` and ``window/screen`` (the geometry is restored on that screen only; elsewhere
the window is fitted afresh, ``screen_fit``), ``window/state`` (every dock has an objectName), ``window/presentation``
and ``window/full_state``, ``presentation/theme``, ``presentation/font_pt`` (the last size chosen)
and ``presentation/font_pt/<screen> <w>x<h>`` (the size chosen on each screen, ``screen_fit.zoom_key``:
the window starts, and lands when moved, at the size chosen on its screen — the default on a
screen never zoomed, so a projector's +3 never makes a laptop panel absurd), ``language``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from . import app_settings, screen_fit, style
from .menus import find_menu

from linviz.engine.text import QT_TRANSLATE_NOOP  # the one marker (lupdate reads the calls)

translate = QCoreApplication.translate


PLANE_GESTURES = (
    (QT_TRANSLATE_NOOP("Presentation", "Click"), QT_TRANSLATE_NOOP("Presentation", "add a point of the current class")),
    (QT_TRANSLATE_NOOP("Presentation", "Drag a point"), QT_TRANSLATE_NOOP("Presentation", "move it (training follows)")),
    (QT_TRANSLATE_NOOP("Presentation", "Right-click a point"), QT_TRANSLATE_NOOP("Presentation", "delete it")),
    (QT_TRANSLATE_NOOP("Presentation", "Shift+click a point"),
     QT_TRANSLATE_NOOP("Presentation", "select it for the score table")),
    (QT_TRANSLATE_NOOP("Presentation", "Delete"), QT_TRANSLATE_NOOP("Presentation", "delete the selected points")),
    ("1 … 9", QT_TRANSLATE_NOOP("Presentation", "class of new points")),
    ("F", QT_TRANSLATE_NOOP("Presentation", "fit the view to the points")),
    (QT_TRANSLATE_NOOP("Presentation", "Wheel"), QT_TRANSLATE_NOOP("Presentation", "zoom · middle-drag: pan")),
    ("Esc", QT_TRANSLATE_NOOP("Presentation", "hide the kNN inspector")),
)
"""The plane's mouse and key gestures (they are not actions, so they are listed here); English,
translated when the sheet opens."""
WINDOW_SIZE = QSize(1600, 1000)
"""The main window's size on a monitor larger than a projector (``screen_fit.place``)."""
LANGUAGES = ("en", "es")
"""Languages the interface is offered in (``i18n`` loads the translations and offers the menu)."""


# --- settings and language ------------------------------------------------------------------------
def settings() -> QSettings:
    """The app's QSettings (``app_settings.qsettings``, which tests point at an ini file)."""
    return app_settings.qsettings()


class _Language(QObject):
    """``code`` ("en"); ``changed(code)`` when :func:`set_language` picks another."""

    changed = Signal(str)

    def __init__(self):
        super().__init__()
        self.code = "en"
        self.previous = "en"
        """The language before the last switch (what the live windows are retranslated from)."""


lang = _Language()


def language() -> str:
    """The interface language ("en")."""
    return lang.code


def set_language(code: str) -> None:
    """Switch the interface language; ``lang.changed(code)`` tells the translation code (next)."""
    if code != lang.code:
        lang.previous, lang.code = lang.code, code
        lang.changed.emit(code)


# --- dock layouts -------------------------------------------------------------------------------------
def restore_state(window: QMainWindow, state) -> bool:
    """``window.restoreState(state)``, working around Qt 6.11, which leaves the tab bars of
    earlier dock layouts on screen (after a tabify while hidden, or a restoreState): every dock
    tab bar is hidden first, and the restored layout shows those it uses."""
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        bar.hide()
    return bool(window.restoreState(state))


# --- font steps -------------------------------------------------------------------------------------
def next_font_pt(pt: float, direction: int) -> float:
    """The next presentation size from ``pt`` in ``style.FONT_STEPS`` (+1 bigger, −1 smaller)."""
    steps = style.FONT_STEPS
    if direction > 0:
        return next((s for s in steps if s > pt + 0.01), steps[-1])
    return next((s for s in reversed(steps) if s < pt - 0.01), steps[0])


# --- the shortcuts overlay --------------------------------------------------------------------------
def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(action: QAction) -> str:
    return " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())


def _owner(action: QAction):
    obj = action.parent()
    while obj is not None and not isinstance(obj, QWidget):
        obj = obj.parent()
    return obj.window() if obj is not None else None


def window_actions(window: QWidget) -> list[QAction]:
    """The actions with a shortcut that work in ``window`` (not those of its other windows)."""
    return [a for a in window.findChildren(QAction) if a.shortcuts() and _owner(a) is window]


def shortcut_groups(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(group, [(keys, what)])]: every action with a shortcut, grouped by the menu that holds it
    (collected now, so new features appear by themselves), then the plane's gestures."""
    groups: dict[str, list[tuple[str, str]]] = {}
    placed: set[int] = set()

    def walk(menu: QMenu, path: str) -> None:
        for a in menu.actions():
            if a.menu() is not None:
                walk(a.menu(), path)
            elif a.shortcuts() and id(a) not in placed:
                placed.add(id(a))
                groups.setdefault(path, []).append((_keys(a), _clean(a.text())))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _clean(top.text()))
    for a in window_actions(window):
        if id(a) not in placed:
            groups.setdefault(translate("Presentation", "Other"), []).append((_keys(a), _clean(a.text())))
    groups[translate("Presentation", "The plane")] = [(translate("Presentation", k), translate("Presentation", t))
                                                      for k, t in PLANE_GESTURES]
    return list(groups.items())


class ShortcutsOverlay(QWidget):
    """A translucent sheet over the window listing the shortcuts; any key or click closes it."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("shortcuts_overlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.window_ = window
        self.label = QLabel(objectName="shortcuts_text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pal = self.label.palette()  # white on the dark sheet, whatever the theme
        pal.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        self.label.setPalette(pal)
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.label)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for w in (scroll, scroll.viewport(), self.label):
            w.setAutoFillBackground(False)  # the sheet shows through
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(scroll)
        self.hide()
        window.installEventFilter(self)

    def open(self) -> None:
        """Collect the shortcuts now and show them in as many columns as fit the window."""
        self.setGeometry(self.window_.rect())
        room = self.width() - 120
        for columns in (3, 2, 1):
            text = self._html(columns)
            doc = QTextDocument()
            doc.setDefaultFont(self.label.font())
            doc.setHtml(text)
            if doc.idealWidth() <= room:
                break
        self.label.setText(text)
        self.show()
        self.raise_()
        self.setFocus()

    def text(self) -> str:
        """What the overlay lists, as plain text (for tests)."""
        return "\n".join(f"{g}: " + "; ".join(f"{k} {t}" for k, t in rows) for g, rows in shortcut_groups(self.window_))

    def _html(self, columns: int) -> str:
        groups = shortcut_groups(self.window_)
        total = sum(len(rows) + 2 for _, rows in groups)
        cols: list[list[str]] = [[] for _ in range(columns)]
        col = filled = 0
        for name, rows in groups:  # whole groups, top to bottom, then the next column
            if filled >= (col + 1) * total / columns and col < columns - 1:
                col += 1
            cols[col].append(f"<tr><td colspan=2 style='padding-top:10px'><b><u>{html.escape(name)}</u></b></td></tr>")
            cols[col] += [f"<tr><td style='padding-right:14px; white-space:nowrap'><b>{html.escape(k)}</b></td>"
                          f"<td>{html.escape(t)}</td></tr>" for k, t in rows]
            filled += len(rows) + 2
        cells = "".join(f"<td valign=top style='padding:0 20px'><table>{''.join(c)}</table></td>" for c in cols)
        title = html.escape(translate("Presentation", "Keyboard shortcuts"))
        hint = html.escape(translate("Presentation", "Any key or click closes this sheet."))
        return (f"<div style='font-size:{style.css_pt(18)}'><b>{title}</b></div>"
                f"<table><tr>{cells}</tr></table><p><i>{hint}</i></p>")

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(10, 12, 16, 240))
        p.end()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self.hide()
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.hide()
        event.accept()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.window_ and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.window_.rect())
        return False


# --- the window's presentation controls -------------------------------------------------------------
class Presentation(QObject):
    """Full screen, font size, theme, layouts, shortcuts overlay and persistence for one window.

    ``actions`` {objectName: QAction}; ``overlay`` (:class:`ShortcutsOverlay`);
    ``presenting`` (the presentation layout is on); ``persist`` (settings are read and written).
    """

    def __init__(self, window: QMainWindow, persist: bool = False):
        super().__init__(window)
        self.window, self.persist = window, persist
        self.presenting = False
        self._full_state = None
        self._was_maximized = False
        self._screen_watched = False
        self.default_state = window.saveState()
        restore_state(window, self.default_state)  # clears the tab bars left by the features' tabifying
        self.overlay = ShortcutsOverlay(window)
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        window.installEventFilter(self)
        style.theme.changed.connect(self._on_theme)
        style.fonts.changed.connect(self._on_font)
        lang.changed.connect(self._on_language)

    # --- actions -----------------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot, keys=(), checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        self.window.addAction(action)  # works in full screen, when the menu bar may be hidden
        self.actions[name] = action
        return action

    def _build_actions(self) -> None:
        w = self.window
        view = find_menu(w, "view_menu", "&View")  # found by objectName: the titles are translated
        if view is None:
            view = w.menuBar().addMenu(translate("MainWindow", "&View"))
            view.setObjectName("view_menu")
        first = view.actions()[0] if view.actions() else None
        a = self._action
        entries = [
            a("full_screen", translate("Presentation", "Full screen"), self.set_full_screen, ["F11"], checkable=True),
            a("leave_full_screen", translate("Presentation", "Leave full screen"), lambda: self.set_full_screen(False),
              ["Esc"]),
            a("presentation_layout", translate("Presentation", "Presentation layout"), self.set_presentation_layout,
              ["Ctrl+Shift+P"],
              checkable=True),
            a("scores_table", translate("Presentation", "Score table"), self.toggle_scores, ["S"]),
            a("reset_layout", translate("Presentation", "Reset layout"), self.reset_layout),
        ]
        self.actions["leave_full_screen"].setEnabled(False)
        font_menu = QMenu(translate("Presentation", "Font size"), view, objectName="font_size_menu")
        font_menu.addAction(a("font_bigger", translate("Presentation", "Bigger"), lambda: self.step_font(+1),
                              ["Ctrl++", "Ctrl+="]))
        font_menu.addAction(a("font_smaller", translate("Presentation", "Smaller"), lambda: self.step_font(-1),
                              ["Ctrl+-"]))
        font_menu.addAction(a("font_reset", translate("Presentation", "Default ({0} pt)").format(style.BASE_FONT_PT),
                              self.reset_font, ["Ctrl+0"]))
        theme_menu = QMenu(translate("Presentation", "Theme"), view, objectName="theme_menu")
        group = QActionGroup(self)
        for name, text in (("light", translate("Presentation", "Light")),
                           ("dark", translate("Presentation", "Dark (for a dark room)"))):
            action = a(f"theme_{name}", text, lambda on, n=name: on and self.set_theme(n), checkable=True)
            group.addAction(action)
            theme_menu.addAction(action)
        self._sync_theme()
        for entry in (*entries[:2], font_menu, theme_menu, None, *entries[2:], None):
            if entry is None:
                view.insertSeparator(first)
            elif isinstance(entry, QMenu):
                view.insertMenu(first, entry)
            else:
                view.insertAction(first, entry)
        help_menu = find_menu(w, "help_menu", "&Help")
        if help_menu is None:
            help_menu = w.menuBar().addMenu(translate("MainWindow", "&Help"))
            help_menu.setObjectName("help_menu")
        help_menu.addAction(a("shortcuts", translate("Presentation", "Keyboard shortcuts"), self.toggle_shortcuts,
                              ["F1", "?"]))

    # --- full screen -------------------------------------------------------------------------------
    def set_full_screen(self, on: bool) -> None:
        w = self.window
        if on and not w.isFullScreen():
            self._was_maximized = w.isMaximized()
            w.showFullScreen()
        elif not on and w.isFullScreen():
            w.showMaximized() if self._was_maximized else w.showNormal()
        self._sync_full_screen()

    def _sync_full_screen(self) -> None:
        full = self.window.isFullScreen()
        self.actions["leave_full_screen"].setEnabled(full)
        action = self.actions["full_screen"]
        if action.isChecked() != full:
            action.blockSignals(True)
            action.setChecked(full)
            action.blockSignals(False)

    # --- fonts and theme ----------------------------------------------------------------------------
    def step_font(self, direction: int) -> None:
        style.set_font_pt(next_font_pt(style.fonts.pt, direction))

    def reset_font(self) -> None:
        style.set_font_pt(style.BASE_FONT_PT)

    def set_theme(self, name: str) -> None:
        if name != style.theme.name:
            style.set_theme(name)

    def _sync_theme(self) -> None:
        action = self.actions.get(f"theme_{style.theme.name}")
        if action is not None and not action.isChecked():
            action.setChecked(True)

    def _on_theme(self, name: str) -> None:
        self._sync_theme()
        self._write("presentation/theme", name)

    def _on_font(self, pt: float) -> None:
        self._write("presentation/font_pt", float(pt))  # the last size chosen anywhere
        self._write(screen_fit.zoom_key(self.window.screen()), float(pt))  # and on this screen

    def _on_screen(self, screen) -> None:
        """The window moved to another screen: the font size chosen there before, if any
        (the projector's +3 does not follow the window back to the laptop's panel)."""
        pt = _float(settings().value(screen_fit.zoom_key(screen))) if self.persist else None
        if pt:
            style.set_font_pt(min(max(pt, style.FONT_STEPS[0]), style.FONT_STEPS[-1]))

    def _on_language(self, code: str) -> None:
        self._write("language", code)

    # --- layouts ------------------------------------------------------------------------------------
    def docks(self) -> list[QDockWidget]:
        return self.window.findChildren(QDockWidget)

    def presentation_docks(self) -> list[QDockWidget]:
        """The docks the presentation layout keeps (the loss curve)."""
        loss = getattr(self.window, "docks", {}).get("loss")
        return [loss] if loss is not None else []

    def toggle_scores(self) -> None:
        """S: in the presentation layout, show or hide the Scores table (above the loss curve);
        in the full layout, bring its tab to the front."""
        scores = getattr(self.window, "docks", {}).get("scores")
        if scores is None:
            return
        if self.presenting:
            scores.setVisible(scores.isHidden())
            self._size_docks()
            self._fit_plane()
        else:
            scores.show()
            scores.raise_()

    def _fit_plane(self) -> None:
        """Once the new layout is in place, the points fill the plane's new shape."""
        plane = getattr(self.window, "plane", None)
        if plane is not None:
            QTimer.singleShot(0, plane.fit_view)

    def set_presentation_layout(self, on: bool) -> None:
        """On: only the plane, the playback bar and the loss curve (the rest hidden); off: the
        layout from before."""
        if on == self.presenting:
            return
        w = self.window
        self.presenting = on
        if on:
            self._full_state = w.saveState()
            keep = self.presentation_docks()
            for dock in self.docks():
                dock.setVisible(dock in keep)
            self._size_docks()
        elif self._full_state is not None:
            restore_state(w, self._full_state)
        self._check("presentation_layout", on)
        self._fit_plane()

    def reset_layout(self) -> None:
        """Every dock back where the app puts it, at the default sizes."""
        restore_state(self.window, self.default_state)
        for dock in self.docks():
            if dock.isFloating():
                dock.setFloating(False)
        self.presenting = False
        self._full_state = None
        self._check("presentation_layout", False)
        self._size_docks()

    def _size_docks(self) -> None:
        sizer = getattr(self.window, "size_docks", None)
        if sizer is not None:
            sizer()

    def _check(self, name: str, on: bool) -> None:
        action = self.actions[name]
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)

    # --- shortcuts overlay --------------------------------------------------------------------------
    def toggle_shortcuts(self) -> None:
        if self.overlay.isVisible():
            self.overlay.hide()
        else:
            self.overlay.open()

    # --- persistence --------------------------------------------------------------------------------
    def _write(self, key: str, value) -> None:
        if self.persist and self.window.isVisible():  # a closed window no longer speaks for the app
            settings().setValue(key, value)

    def restore(self) -> bool:
        """Read font size, theme, language, geometry and dock layout; True if a layout was restored."""
        s = settings()
        screen = screen_fit.screen_of(self.window)
        pt = _float(s.value(screen_fit.zoom_key(screen)))  # the size chosen on this screen
        if pt is None and screen is not None and s.value("window/screen") == screen.name():
            pt = _float(s.value("presentation/font_pt"))  # saved before sizes were per screen, on this one
        if pt:
            style.set_font_pt(min(max(pt, style.FONT_STEPS[0]), style.FONT_STEPS[-1]))
        theme = s.value("presentation/theme")
        if theme in style.THEMES and theme != style.theme.name:
            style.set_theme(theme)
        code = s.value("language")
        if isinstance(code, str) and code:
            set_language(code)
        w = self.window
        geometry, state = s.value("window/geometry"), s.value("window/state")
        screen_fit.restore(w, geometry, s.value("window/screen"), WINDOW_SIZE)  # the same screen, or fitted afresh
        restored = state is not None and restore_state(w, state)
        if restored and _bool(s.value("window/presentation")):
            self._full_state = s.value("window/full_state") or self.default_state
            self.presenting = True
            self._check("presentation_layout", True)
        return bool(restored)

    def save(self) -> None:
        """Write geometry and dock layout (font, theme and language are written when they change)."""
        if not self.persist:
            return
        s, w = settings(), self.window
        s.setValue("window/geometry", w.saveGeometry())
        s.setValue("window/screen", w.screen().name() if w.screen() is not None else "")
        s.setValue("window/state", w.saveState())
        s.setValue("window/presentation", self.presenting)
        if self.presenting and self._full_state is not None:
            s.setValue("window/full_state", self._full_state)
        s.setValue("presentation/theme", style.theme.name)
        s.setValue("presentation/font_pt", float(style.fonts.pt))
        s.setValue("language", lang.code)
        s.sync()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.window and event.type() == QEvent.Type.WindowStateChange:
            self._sync_full_screen()
        if obj is self.window and event.type() == QEvent.Type.Show and not self._screen_watched:
            self._screen_watched = obj.windowHandle() is not None
            if self._screen_watched:
                obj.windowHandle().screenChanged.connect(self._on_screen)
        return False


def _float(value) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _bool(value) -> bool:
    return value in (True, "true", "1", 1)


def install(window: QMainWindow, persist: bool = False) -> Presentation:
    """Add the presentation actions to ``window`` (call it once every dock and action exists);
    with ``persist`` the settings are written as they change — ``restore()`` reads them back."""
    return Presentation(window, persist)


__all__ = ["install", "Presentation", "ShortcutsOverlay", "shortcut_groups", "window_actions", "settings",
           "language", "set_language", "lang", "LANGUAGES", "PLANE_GESTURES", "next_font_pt"]
