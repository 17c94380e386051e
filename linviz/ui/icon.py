"""The app's icon (assets/icons/): set once on the QApplication, so every window — main, compare,
CIFAR-10, dialogs — shows it in its title bar and the task bar."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ..resources import ICON_SIZES, icon_path


def app_icon() -> QIcon:
    """Every PNG size (crisp at 16 px, where a scaled SVG blurs); FileNotFoundError if one is missing."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_path(size)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: the app icon is missing (a broken install?)")
        icon.addFile(str(path))
    return icon


__all__ = ["app_icon"]
