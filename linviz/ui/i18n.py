"""English and Spanish: the translators, the Language menu and live retranslation.

Every visible string of the UI is written in English inside ``translate("Context", "…")`` (or
``QT_TRANSLATE_NOOP`` for module-level constants, translated where they are shown), so that
``tools/update_translations.py`` (``pyside6-lupdate``) collects it into
``assets/translations/linviz_es.ts``; ``pyside6-lrelease`` builds the ``.qm`` the app loads.
Formatted strings translate the template (``"step {0} of {1}"``) and fill it afterwards.

Switching language (:func:`set_language`, View ▸ Language) works on the live windows:

1. the translators change: ``linviz_es.qm``, and Qt's own ``qtbase_es.qm`` when the Qt
   installation has one (PySide6-Essentials ships none for Spanish, so the Qt strings the app
   shows — standard buttons, file dialogs, line-edit menus, key names — are in our catalogue:
   :data:`QT_STRINGS`);
2. :func:`retranslate` walks every top-level window and every visible text slot
   (:func:`text_slots`: titles, labels, buttons, menus, actions, tooltips, combo and table items,
   headers, pyqtgraph axis labels, titles and legends) and looks each text up in the catalogue
   by its current value — exactly, or as a filled template — and writes the other language's
   text; strings whose views compute them (status lines, tables' models, the Lecture texts)
   are redrawn by those views when :data:`notifier` says ``changed(code)``.

The catalogue lookup, rather than a ``retranslateUi()`` in every widget or a rebuilt main
window, keeps the run, the undo history, the open lesson, the Compare and CIFAR windows (and
their worker threads) untouched, needs no per-widget code for the hundreds of fixed strings,
and walks the same slots the test checks (``tests/ui/test_i18n.py``).

The parts: :mod:`linviz.ui.catalogue` (the ``.ts`` catalogue as data and the conversion of a
text between languages), :mod:`linviz.ui.text_slots` (the visible texts of the live windows),
:mod:`linviz.ui.qt_strings` (Qt's own strings in our catalogue); this module switches.

The choice is remembered in the app's QSettings under ``language`` (the key
``presentation`` persists; ``app.run`` applies it before the window is built).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from linviz.engine.text import QT_TRANSLATE_NOOP  # the one marker (defined in engine/text.py)

from . import presentation
from .catalogue import (  # noqa: F401 (re-exported)
    TRANSLATIONS_DIR,
    Catalogue,
    Message,
    catalogue,
    qm_path,
    read_ts,
    ts_path,
)
from .menus import find_menu  # noqa: F401 (re-exported: menus are found by name)
from .qt_strings import QT_STRINGS  # noqa: F401 (re-exported)
from .text_slots import header_texts, item_views, shape, text_slots  # noqa: F401 (re-exported)

translate = QCoreApplication.translate

LANGUAGES = {"en": QT_TRANSLATE_NOOP("Language", "English"), "es": QT_TRANSLATE_NOOP("Language", "Español")}
"""The languages offered, each named in itself (the menu shows the same names in both: the
catalogue declares them so)."""
SETTINGS_KEY = "language"
LANGUAGE_TIPS = {"en": QT_TRANSLATE_NOOP("Language", "Show the interface in English"),
                 "es": QT_TRANSLATE_NOOP("Language", "Show the interface in Spanish")}


# --- switching --------------------------------------------------------------------------------
class _Notifier(QObject):
    """``changed(code)`` after the translators changed and the fixed texts were retranslated:
    views that compute their texts redraw them."""

    changed = Signal(str)


notifier = _Notifier()
_installed: list[QTranslator] = []


def in_language(text: str) -> str:
    """An English message built by the engine from a marked template (``QT_TRANSLATE_NOOP`` in
    ``file_checks``, ``lesson_file``…) in the interface's language; unchanged when no template fits."""
    code = language()
    return text if code == "en" else catalogue().convert(text, "en", code) or text


def language() -> str:
    """The interface language ("en" or "es"): ``presentation.lang``, the one place it is kept."""
    return presentation.lang.code


def qt_translations_path() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _load_translators(app, code: str) -> None:
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if code == "en":
        return
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", str(qt_translations_path())):
        app.installTranslator(qt)  # first: ours (installed last) is searched first
        _installed.append(qt)
    ours = QTranslator(app)
    if not ours.load(str(qm_path(code))):  # a broken install: say so, never fall back to English quietly
        raise FileNotFoundError(f"{qm_path(code)}: the {LANGUAGES[code]} translation is missing or damaged")
    app.installTranslator(ours)
    _installed.append(ours)


def retranslate(old: str, new: str, roots=None) -> int:
    """Rewrite every visible text of ``roots`` (default: all windows) from ``old`` to ``new``;
    returns how many changed. Models and views that compute texts are asked to redraw."""
    cat = catalogue()
    changed = 0
    for slot in list(text_slots(roots)):
        try:
            text = slot.get()
        except RuntimeError:  # an object deleted while walking
            continue
        if not isinstance(text, str) or not text:
            continue
        out = cat.convert(text, old, new)
        if out is not None and out != text:
            slot.set(out)
            changed += 1
    for view in item_views(roots):
        model = view.model()
        if model is None:
            continue
        for orientation, count in ((Qt.Orientation.Horizontal, shape(model)[1]),
                                   (Qt.Orientation.Vertical, shape(model)[0])):
            if count:
                model.headerDataChanged.emit(orientation, 0, count - 1)
        view.viewport().update()
    return changed


def _switch(old: str, new: str) -> None:
    """Install the translators for ``new`` and retranslate the live windows from ``old``."""
    app = QCoreApplication.instance()
    if app is None:
        return
    _load_translators(app, new)
    if isinstance(app, QApplication):
        retranslate(old, new)
    notifier.changed.emit(new)


def apply(code: str, app=None) -> None:
    """:func:`set_language` for a code read from somewhere (an unknown one means English)."""
    presentation.set_language(code if code in LANGUAGES else "en")


def set_language(app=None, code: str = "en") -> None:
    """Switch the interface to ``code`` ("en" or "es"): the choice is kept in ``presentation.lang``
    (remembered in QSettings when the window persists); its ``changed`` signal switches the
    translators and the live windows here."""
    if isinstance(app, str):  # set_language("es")
        app, code = None, app
    if code not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {code!r}")
    presentation.set_language(code)


def _on_presentation_language(code: str) -> None:
    _switch(presentation.lang.previous, code)


presentation.lang.changed.connect(_on_presentation_language)


def saved_language() -> str | None:
    """The language remembered in the app's QSettings, or None."""
    code = presentation.settings().value(SETTINGS_KEY)
    return code if isinstance(code, str) and code in LANGUAGES else None


def apply_saved(app=None) -> str:
    """At start: set the remembered language before any window is built; returns it."""
    code = saved_language() or "en"
    if code != "en":
        presentation.set_language(code)
    return code


# --- the Language menu ------------------------------------------------------------------------
class LanguageMenu(QObject):
    """View ▸ Language: English / Español (checkable, objectNames ``language_en``, ``language_es``)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("languageMenu")
        self.window = window
        self.menu = QMenu(translate("Language", "&Language"), window)
        self.menu.setObjectName("language_menu")
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(translate("Language", name), window, checkable=True)
            action.setObjectName(f"language_{code}")
            action.setStatusTip(translate("Language", LANGUAGE_TIPS[code]))
            action.toggled.connect(lambda on, c=code: on and set_language(None, c))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        view = find_menu(window, "view_menu", "&View")
        if view is None:
            view = window.menuBar().addMenu(translate("MainWindow", "&View"))
            view.setObjectName("view_menu")
        theme = next((a for a in view.actions() if a.menu() is not None and a.menu().objectName() == "theme_menu"),
                     None)
        if theme is not None:
            after = view.actions()[view.actions().index(theme) + 1:]
            view.insertMenu(after[0], self.menu) if after else view.addMenu(self.menu)
        else:
            view.addSeparator()
            view.addMenu(self.menu)
        self.sync(language())
        notifier.changed.connect(self.sync)

    def sync(self, code: str) -> None:
        action = self.actions.get(code)
        if action is not None and not action.isChecked():
            action.blockSignals(True)
            action.setChecked(True)
            action.blockSignals(False)
            for other in self.actions.values():  # the group's exclusivity, without signals
                if other is not action and other.isChecked():
                    other.blockSignals(True)
                    other.setChecked(False)
                    other.blockSignals(False)


def install(window: QMainWindow) -> LanguageMenu:
    """Add View ▸ Language to ``window`` (once)."""
    existing = window.findChild(LanguageMenu, "languageMenu")
    return existing if existing is not None else LanguageMenu(window)


__all__ = ["install", "find_menu", "set_language", "apply", "apply_saved", "language", "retranslate", "text_slots",
           "header_texts", "item_views", "catalogue", "in_language", "read_ts", "Catalogue", "Message", "notifier", "LANGUAGES",
           "QT_TRANSLATE_NOOP", "QT_STRINGS", "ts_path", "qm_path", "TRANSLATIONS_DIR"]
