"""The app's QSettings: one accessor for the whole app (recent lessons, the window's layout,
theme, font size and language). Tests point it at an ini file by replacing :func:`qsettings`."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def qsettings() -> QSettings:
    """The app's QSettings (organisation and application "linviz")."""
    return QSettings("linviz", "linviz")


__all__ = ["qsettings"]
