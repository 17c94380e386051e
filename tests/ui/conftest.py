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


@pytest.fixture(autouse=True)
def close_leftover_windows(qapp):
    """After each test, close every top-level window it left open (windows that code
    opened, not the test: compare, CIFAR, dialogs). Left open, each one would repaint
    on every later processEvents, and the suite slows down test after test."""
    from PySide6.QtWidgets import QApplication

    before = set(QApplication.topLevelWidgets())
    yield
    for widget in QApplication.topLevelWidgets():
        if widget not in before and widget.isVisible():
            widget.close()
            widget.deleteLater()
    QApplication.processEvents()
