"""Every extra window (compare, CIFAR-10) closes the same way: a Close button at the right of
its status bar, Esc and Ctrl+W (the platform's Close keys)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPushButton

translate = QCoreApplication.translate


def close_keys(esc: bool = True) -> list[QKeySequence]:
    """Ctrl+W and the platform's Close keys (Ctrl+F4 …), then Esc; each once."""
    keys = [QKeySequence("Ctrl+W"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Close)]
    if esc:
        keys.append(QKeySequence(Qt.Key.Key_Escape))
    unique: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in unique:
            unique.append(key)
    return unique


def make_closable(window: QMainWindow, on_escape=None) -> QPushButton:
    """Add the Close button (objectName ``close_window``) and the action ``close_window_action``
    (Ctrl+W, Esc) to ``window``. ``on_escape``: what Esc does instead (the CIFAR-10 window's Esc
    cancels a running job first); it gets the window's close as its fallback."""
    button = QPushButton(translate("Windows", "Close"))
    button.setObjectName("close_window")
    button.setToolTip(translate("Windows", "Close this window (Esc, Ctrl+W)"))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.clicked.connect(window.close)
    window.statusBar().addPermanentWidget(button)
    action = QAction(translate("Windows", "Close"), window)
    action.setObjectName("close_window_action")
    action.setShortcuts(close_keys(esc=on_escape is None))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(window.close)
    window.addAction(action)
    if on_escape is not None:
        escape = QAction(window)
        escape.setObjectName("escape_action")
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.triggered.connect(on_escape)
        window.addAction(escape)
    return button


__all__ = ["make_closable", "close_keys"]
