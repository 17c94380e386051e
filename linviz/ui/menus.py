"""Finding a window's menus by objectName (their titles are translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu

translate = QCoreApplication.translate


def find_menu(window: QMainWindow, name: str, title: str = "") -> QMenu | None:
    """The menu bar's menu whose objectName is ``name`` — menus are found by name since their
    titles are translated — or, in a window built without names, the one titled ``title``
    (English, with its "&"; or its translation in the "MainWindow" context)."""
    titles = {t.replace("&", "") for t in (title, translate("MainWindow", title)) if t} if title else set()
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and (menu.objectName() == name or action.text().replace("&", "") in titles):
            return menu
    return None


__all__ = ["find_menu"]
