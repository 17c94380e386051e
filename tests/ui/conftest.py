"""UI tests fail on any Qt warning (tests/conftest.py makes them offscreen and closes leftover windows)."""

import pytest

from linviz.ui.app import configure_pyqtgraph

configure_pyqtgraph()


@pytest.fixture(scope="session")
def qapp(qapp_args):
    """The application as ``linviz`` makes it (Fusion style, the app's font), whichever test
    starts Qt first: the UI under test is the one a teacher gets, in any order of the tests."""
    from linviz.ui.app import make_application

    return make_application(qapp_args)


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
