"""The app's icon: on every window a teacher opens (title bar, task bar, Alt+Tab)."""

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from linviz.resources import ICON_SIZES
from linviz.ui.dialogs import GeneratorDialog


def _has_the_app_icon(widget) -> bool:
    icon = widget.windowIcon()
    return not icon.isNull() and {s.width() for s in icon.availableSizes()} >= set(ICON_SIZES)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no window stacking
def test_every_top_level_window_shows_the_app_icon(window, qtbot):
    window.findChild(type(window.cifar.action), "action_compare").trigger()
    window.cifar.action.trigger()
    dialog = GeneratorDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    kinds = {type(w).__name__ for w in shown}
    assert {"MainWindow", "CompareWindow", "CifarWindow", "GeneratorDialog"} <= kinds
    assert [type(w).__name__ for w in shown if not _has_the_app_icon(w)] == []
    assert window.windowIcon().pixmap(QSize(16, 16)).size() == QSize(16, 16)  # the hand-drawn 16 px, not a blur
    qtbot.addWidget(window.cifar.window)
    qtbot.addWidget(window.compare_window)
