"""Start the classroom app: ``linviz`` or ``python main.py``."""

from __future__ import annotations

import sys


def configure_pyqtgraph() -> None:
    """White background, black text, antialiased lines: what reads best on a projector."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k", imageAxisOrder="row-major")


def make_application(argv=None):
    """The QApplication (created once), with the app's font and pyqtgraph settings."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from .style import BASE_FONT_PT

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("linviz")
    app.setOrganizationName("linviz")
    font = QFont(app.font())
    font.setPointSize(BASE_FONT_PT)
    app.setFont(font)
    configure_pyqtgraph()
    return app


def run(argv=None) -> int:
    """Open the main window and run the event loop; returns the exit status."""
    app = make_application(argv)
    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    from .lesson import offer_restore

    offer_restore(window)  # after a crash: bring back the autosave; then autosave this session
    return app.exec()
