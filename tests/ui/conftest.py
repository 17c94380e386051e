"""UI tests run offscreen and fail on any Qt warning."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from linviz.ui.app import configure_pyqtgraph  # noqa: E402

configure_pyqtgraph()


@pytest.fixture
def window(qtbot):
    """The real main window, shown at a classroom size."""
    from linviz.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitUntil(win.isVisible)
    return win
