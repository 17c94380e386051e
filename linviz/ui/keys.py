"""Keys that always work, in front of a class.

``install(window)`` makes the classroom keys the window's, wherever the focus is, unless a
text field is being edited:

* **Enter** or **Esc** in a text field (a number box, a spin box, a name) ends the edit and
  gives the keyboard back to the plane, so that Space, ←/→, Home/End, Ctrl+Z/Y and the class
  keys work again at once (they went to the field: three Ctrl+Z undid nothing).
* **1 … 9** and **0** (the tenth) choose the class of new points as window shortcuts (actions
  ``class_key_1`` …), not only while the plane has the focus: after a menu closes the focus
  may be anywhere, and the first class key was lost. A text field still gets its digits (it
  claims them through ``ShortcutOverride``).
* **PageDown** / **PageUp** (what presenter remotes send) step forward / back, like → and ←
  (in lecture mode they move between scenes: ``lecture_menu.KeySwitch`` lends them and gives them back).
* **B** or **.** (the remotes' blank key) blanks the screen; again: back (action
  ``blank_screen``; while a lecture question is open B answers B and . blanks).
  :class:`BlankCover` is a black widget over the whole window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget

translate = QCoreApplication.translate

ENDS_AN_EDIT = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape})
CLASS_KEYS = tuple(Qt.Key(Qt.Key.Key_1.value + k) for k in range(9)) + (Qt.Key.Key_0,)
"""The key of class k (0-based): 1 … 9, then 0 for the tenth."""


class ReturnFocusToPlane(QObject):
    """Event filter on a text field: after Enter or Esc (once the field has taken the value),
    the plane gets the keyboard back."""

    def __init__(self, plane: QWidget, field: QWidget):
        super().__init__(field)
        self.plane, self.field = plane, field

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.KeyPress and event.key() in ENDS_AN_EDIT:
            QTimer.singleShot(0, self._give_back)  # after the field has handled the key (committed)
        return False

    def _give_back(self) -> None:
        focus = self.field.window().focusWidget() if self.field.window() is not None else None
        if focus is not None and (focus is self.field or self.field.isAncestorOf(focus)) and self.plane.isVisible():
            self.plane.setFocus(Qt.FocusReason.OtherFocusReason)


def text_fields(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` a teacher types into: spin boxes, line edits (not a spin box's
    own) and editable combo boxes."""
    fields: list[QWidget] = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QAbstractSpinBox) or (isinstance(w, QComboBox) and w.isEditable()):
            fields.append(w)
        elif isinstance(w, QLineEdit) and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
            fields.append(w)
    return fields


class BlankCover(QWidget):
    """A black cover over the whole window: the projector shows nothing (B or . again: back)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("blank_cover")
        self.setAutoFillBackground(True)
        self.setStyleSheet("background: black;")
        self.hide()
        window.installEventFilter(self)

    def set_blank(self, on: bool) -> None:
        if on:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        self.setVisible(on)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(obj.rect())
        return False


class ClassroomKeys(QObject):
    """What :func:`install` adds: ``class_actions`` (1 … 9, 0), ``blank_action``, ``cover``."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        for field in text_fields(window):
            field.installEventFilter(ReturnFocusToPlane(window.plane, field))
        self.class_actions: list[QAction] = []
        for label, key in enumerate(CLASS_KEYS):
            action = QAction(translate("Keys", "Class {0} for new points").format(label + 1), window)
            action.setObjectName(f"class_key_{label + 1}")
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, k=label: self.choose_class(k))
            window.addAction(action)
            self.class_actions.append(action)
        bar = window.playback_bar.transport_actions
        lecture = getattr(window, "lecture_mode", None)
        switch = getattr(lecture, "keys", None)  # lecture mode lends the step keys to its scenes
        for name, extra in (("step_forward", Qt.Key.Key_PageDown), ("step_back", Qt.Key.Key_PageUp)):
            action = bar[name]
            keys = [*action.shortcuts(), QKeySequence(extra)]  # presenter remotes
            if switch is not None and name in switch.step_keys:
                switch.step_keys[name] = keys  # and gives these back when it ends
            if lecture is None or not lecture.active:
                action.setShortcuts(keys)
        self.cover = BlankCover(window)
        self.blank_action = QAction(translate("Keys", "Blank the screen"), window)
        self.blank_action.setObjectName("blank_screen")
        self.blank_action.setCheckable(True)
        self.blank_action.setShortcuts([QKeySequence(Qt.Key.Key_B), QKeySequence(Qt.Key.Key_Period)])
        self.blank_action.toggled.connect(self.cover.set_blank)
        window.addAction(self.blank_action)
        if lecture is not None:  # a lecture question's B is its answer B
            lecture.changed.connect(self._sync_blank_keys)
        self._sync_blank_keys()
        from . import i18n

        view = i18n.find_menu(window, "view_menu", "&View")
        if view is not None:
            view.addAction(self.blank_action)

    def _sync_blank_keys(self, *_args) -> None:
        """B blanks unless a lecture question takes it as answer B; "." always blanks."""
        choice_b = self.window.findChild(QAction, "lecture_choice_b")
        taken = choice_b is not None and choice_b.isEnabled()
        self.blank_action.setShortcuts([QKeySequence(Qt.Key.Key_Period)] + ([] if taken else [QKeySequence(Qt.Key.Key_B)]))

    def choose_class(self, label: int) -> None:
        """The class of new points, if the data has that many classes."""
        if label < self.window.data.dataset.n_classes:
            self.window.data.set_current_class(label)


def install(window) -> ClassroomKeys:
    """Add the classroom keys to the main window (it needs ``plane``, ``data`` and ``playback_bar``)."""
    return ClassroomKeys(window)


__all__ = ["install", "ClassroomKeys", "BlankCover", "ReturnFocusToPlane", "text_fields", "CLASS_KEYS"]
