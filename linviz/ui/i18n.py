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

The choice is remembered in the app's QSettings under ``language`` (the key
``presentation`` persists; ``app.run`` applies it before the window is built).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QModelIndex, QObject, Qt, QTranslator, Signal
from PySide6.QtGui import QAction, QActionGroup
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
    QMainWindow,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from ..resources import asset_path
from . import presentation
from .menus import find_menu  # noqa: F401 (re-exported: menus are found by name)

from linviz.engine.text import QT_TRANSLATE_NOOP  # the one marker (lupdate reads the calls)

translate = QCoreApplication.translate

TRANSLATIONS_DIR = asset_path("translations")
"""``linviz_es.ts`` (the catalogue, in the repository) and ``linviz_es.qm`` (built from it)."""
CATALOGUE = "linviz"
LANGUAGES = {"en": QT_TRANSLATE_NOOP("Language", "English"), "es": QT_TRANSLATE_NOOP("Language", "Español")}
"""The languages offered, each named in itself (the menu shows the same names in both: the
catalogue declares them so)."""
SETTINGS_KEY = "language"
PLACEHOLDER = re.compile(r"\{(\d+)(?::[^{}]*)?\}")
"""A template's slots: ``{0}``, ``{1:.3f}`` (literal braces like ``Σ_{j≠yi}`` are not slots)."""


# Qt's own strings that the app shows. qtbase_es.qm is not in PySide6-Essentials' wheel, so they
# are in our catalogue, in Qt's contexts: Qt looks them up through our translator.
QT_STRINGS = (
    # standard buttons (QDialogButtonBox, QMessageBox)
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    # Qt's file dialog (used wherever there is no native one)
    QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Rename"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "Back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directories"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files"),
    QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "List View"),
    QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
    QT_TRANSLATE_NOOP("QFileDialog", "Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "Save As"),
    QT_TRANSLATE_NOOP("QFileDialog", "Find Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
    QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"),
    QT_TRANSLATE_NOOP("QFileDialog", "New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    QT_TRANSLATE_NOOP("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."),
    QT_TRANSLATE_NOOP("QFileDialog",
                      "%1\nDirectory not found.\nPlease verify the correct directory name was given."),
    QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?"),
    QT_TRANSLATE_NOOP("QFileDialog", "Could not delete directory."),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Type"),  # Qt asks with a disambiguation; a translator falls
    # back to the entry without one (lupdate reads no QT_TRANSLATE_NOOP3 in Python)
    QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    # the context menus of text fields and spin boxes
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
    # key names in menus and the shortcuts sheet
    QT_TRANSLATE_NOOP("QShortcut", "Ctrl"),
    QT_TRANSLATE_NOOP("QShortcut", "Shift"),
    QT_TRANSLATE_NOOP("QShortcut", "Alt"),
    QT_TRANSLATE_NOOP("QShortcut", "Space"),
    QT_TRANSLATE_NOOP("QShortcut", "Esc"),
    QT_TRANSLATE_NOOP("QShortcut", "Return"),
    QT_TRANSLATE_NOOP("QShortcut", "Del"),
    QT_TRANSLATE_NOOP("QShortcut", "Home"),
    QT_TRANSLATE_NOOP("QShortcut", "End"),
    QT_TRANSLATE_NOOP("QShortcut", "Left"),
    QT_TRANSLATE_NOOP("QShortcut", "Right"),
    QT_TRANSLATE_NOOP("QShortcut", "Up"),
    QT_TRANSLATE_NOOP("QShortcut", "Down"),
    # pyqtgraph's scene menu (the plots' menus are off, the action exists)
    QT_TRANSLATE_NOOP("GraphicsScene", "Export..."),
)
LANGUAGE_TIPS = {"en": QT_TRANSLATE_NOOP("Language", "Show the interface in English"),
                 "es": QT_TRANSLATE_NOOP("Language", "Show the interface in Spanish")}
MIN_TEMPLATE_LETTERS = 4
"""A template is matched by its filled-in text only with this many fixed letters (and ten when
it starts and ends with a slot): "{0} and {1}" would match any sentence with an "and"."""


# --- the catalogue ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    comment: str = ""

    def text(self, code: str) -> str:
        """The message in language ``code``."""
        return self.translation if code == "es" and self.translation else self.source


def ts_path(code: str = "es") -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{code}.ts"


def qm_path(code: str = "es") -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{code}.qm"


def read_ts(path: Path | str | None = None) -> list[Message]:
    """Every message of a ``.ts`` file (obsolete and vanished ones left out); unfinished ones
    have an empty translation."""
    root = ET.parse(path or ts_path()).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = "" if tr is None or kind == "unfinished" else (tr.text or "")
            out.append(Message(name, msg.findtext("source") or "", text, msg.findtext("comment") or ""))
    return out


def _template(text: str) -> re.Pattern | None:
    """A regular expression matching ``text`` filled in, or None when it has no slots."""
    slots = list(PLACEHOLDER.finditer(text))
    if not slots:
        return None
    parts, seen, pos = [], set(), 0
    for m in slots:
        parts.append(re.escape(text[pos:m.start()]))
        n = m.group(1)
        parts.append(f"(?P=s{n})" if n in seen else f"(?P<s{n}>.+?)")
        seen.add(n)
        pos = m.end()
    parts.append(re.escape(text[pos:]))
    return re.compile("".join(parts), re.DOTALL)


def _specific(template: str) -> bool:
    fixed = sum(c.isalpha() for c in PLACEHOLDER.sub("", template))
    open_ends = template.startswith("{") and template.rstrip(".").endswith("}")
    return fixed >= (10 if open_ends else MIN_TEMPLATE_LETTERS)


class Catalogue:
    """The messages, indexed by their text in each language (exact texts and templates)."""

    def __init__(self, messages: list[Message]):
        # linviz's contexts first: a text found in both (Qt's "Delete" menu entry, the "Delete"
        # key of the shortcuts sheet) reads as linviz translates it
        self.messages = sorted((m for m in messages if m.source), key=lambda m: m.context.startswith("Q"))
        self.exact: dict[str, dict[str, Message]] = {"en": {}, "es": {}}
        self.templates: dict[str, list[tuple[re.Pattern, Message]]] = {"en": [], "es": []}
        for m in self.messages:
            for code in ("en", "es"):
                text = m.text(code)
                self.exact[code].setdefault(text, m)
                pattern = _template(text)
                if pattern is not None and _specific(text):
                    self.templates[code].append((pattern, m))
        for code in self.templates:  # the most specific (longest fixed text) first
            self.templates[code].sort(key=lambda pm: -len(PLACEHOLDER.sub("", pm[1].text(code))))

    def convert(self, text: str, old: str, new: str) -> str | None:
        """``text`` (in language ``old``) in language ``new``; None when it is not in the catalogue."""
        if not text or old == new:
            return None
        m = self.exact[old].get(text)
        if m is not None:
            return m.text(new)
        if not any(c.isalpha() for c in text):
            return None
        for pattern, m in self.templates[old]:
            found = pattern.fullmatch(text)
            if found is None:
                continue
            args = {k[1:]: v for k, v in found.groupdict().items()}
            return PLACEHOLDER.sub(lambda s: self._arg(args.get(s.group(1), s.group(0)), old, new), m.text(new))
        if "\n" in text:  # a text put together line by line (a tooltip and its hint)
            lines = text.split("\n")
            out = [self.convert(line, old, new) or line for line in lines]
            return "\n".join(out) if out != lines else None
        head, sep, rest = text.partition(": ")
        if sep and rest:  # "lesson.linviz: settings.knn: <a marked message>": names stay, the message converts
            out = self.convert(rest, old, new)
            if out is not None:
                return head + sep + out
        return None

    def _arg(self, value: str, old: str, new: str) -> str:
        m = self.exact[old].get(value)
        if m is not None:
            return m.text(new)
        # a filled template inside a filled template (issue 13: "Run 2 of 3 did not replay exactly: the
        # final loss was 0.4 in the file, 0.5 re-run.") converts as a whole, or stays as it was
        return self.convert(value, old, new) or value if any(c.isalpha() for c in value) else value


@lru_cache(maxsize=4)
def _catalogue_at(path: str, mtime: float) -> Catalogue:
    return Catalogue(read_ts(path))


def catalogue() -> Catalogue:
    """The catalogue of ``linviz_es.ts`` (read again when the file changes)."""
    path = ts_path()
    if not path.exists():
        return Catalogue([])
    return _catalogue_at(str(path), path.stat().st_mtime)


# --- visible text slots -------------------------------------------------------------------------
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


def _shape(model) -> tuple[int, int]:
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
    for orientation, count, tag in ((Qt.Orientation.Horizontal, _shape(model)[1], "header"),
                                    (Qt.Orientation.Vertical, _shape(model)[0], "vheader")):
        for i in range(min(count, 200)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(i, orientation, role)
                if isinstance(value, str) and value:
                    yield f"{n}.{tag}[{i}]{'' if role == Qt.ItemDataRole.DisplayRole else '.toolTip'}", value


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
        for orientation, count in ((Qt.Orientation.Horizontal, _shape(model)[1]),
                                   (Qt.Orientation.Vertical, _shape(model)[0])):
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
