"""Start the classroom app: ``linviz`` or ``python main.py``."""

from __future__ import annotations

import gc
import sys


def configure_pyqtgraph() -> None:
    """White background, black text, antialiased lines: what reads best on a projector
    (``style.set_theme("dark")`` changes background and foreground)."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k", imageAxisOrder="row-major")


def make_application(argv=None):
    """The QApplication (created once), with the Fusion style, the shipped font (``fonts.py``) and pyqtgraph settings.

    Fusion looks the same on every projector laptop and follows the palette, so the dark theme
    works on Windows and macOS too.
    """
    from PySide6.QtWidgets import QApplication

    from .fonts import register_fonts, ui_font
    from ..resources import ICON_NAME
    from .style import BASE_FONT_PT

    from .icon import app_icon

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("linviz")  # QSettings: ~/.config/linviz/linviz.conf, the registry's
    app.setOrganizationName("linviz")  # HKCU\Software\linviz\linviz, macOS' ~/Library/Preferences
    app.setDesktopFileName(ICON_NAME)  # Wayland and X11 match the window to linviz.desktop (its icon)
    app.setWindowIcon(app_icon())  # every window's title bar and task-bar entry: main, compare, CIFAR-10, dialogs
    app.setStyle("Fusion")
    register_fonts()  # the shipped faces: the same layout on every machine
    app.setFont(ui_font(BASE_FONT_PT))
    configure_pyqtgraph()
    return app


def settle_heap(collect: bool = True) -> None:
    """Put what the app has built so far out of the garbage collector's reach (``gc.freeze``).

    A full collection walks every tracked object: ~180,000 once the window is up, ~100 ms.
    A dragged point (a new 200-step History per mouse move) brought one on every ~10 s of
    dragging, a hitch a class sees. Frozen, the start-up objects are skipped (a full pass
    then takes ~8 ms); what the app makes later is collected as before. ``collect`` first
    frees the start-up garbage, so that none of it is kept for good."""
    if collect:
        gc.collect()
    gc.freeze()


def start_collecting() -> None:
    """Collect the start-up garbage, freeze what is left (``settle_heap``), and turn the garbage
    collector back on; ``run`` turns it off until the first frame.

    A start-up trick (issue 17): importing PySide6, pyqtgraph and the views and building the window
    make some 400,000 objects and almost no garbage, yet brought ~130 collections, 5–10 % of the
    time to the first frame (``linviz bench startup``, A/B in the same run: README). One collection
    at the end frees the little garbage there is."""
    settle_heap()
    gc.enable()


def after_first_frame(window, *work) -> None:
    """Run ``work`` (callables, in order) once ``window`` has painted its first frame.

    What the first frame does not need — freezing the start-up heap, loading Numba on a thread
    (whose imports would take the GIL from the painting) — waits until the teacher sees the window.
    Should no paint reach the window itself (its children covering all of it on some platform),
    the work runs ``FALLBACK_MS`` after the window is shown all the same.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstFrame(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
            if obj is window and event.type() == QEvent.Type.Show:
                QTimer.singleShot(FALLBACK_MS, self, self.start)
            elif obj is window and event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, self, self.start)  # after this paint pass, its child widgets included
            return False

        def start(self) -> None:
            if self.parent() is None:  # started already
                return
            window.removeEventFilter(self)
            self.setParent(None)
            for job in work:
                job()
            self.deleteLater()

    window.installEventFilter(FirstFrame(window))


FALLBACK_MS = 3000


def run(argv=None) -> int:
    """Open the main window and run the event loop; returns the exit status.

    The window restores the last session's size, dock layout, theme and font size. A crash
    (a fatal signal) leaves every thread's stack in a log that the next start names
    (``crash_log``).
    """
    gc.disable()  # start-up: no garbage collection before the first frame (see start_collecting)
    app = make_application(argv)
    from . import crash_log
    from .lesson import user_data_folder

    reports = crash_log.collect_reports(user_data_folder())  # logs of runs that crashed, before ours
    crash_log.enable(user_data_folder())  # a fatal error from here on leaves every thread's stack there

    from linviz.engine import compiled, training

    from . import i18n
    from .main_window import MainWindow

    compiled.defer()  # the window first (its preset trains with NumPy), then Numba in the background
    i18n.apply_saved(app)  # the remembered language (View ▸ Language), before any window is built
    window = MainWindow(persist=True)
    after_first_frame(window,
                      start_collecting,  # the window, its preset run and Qt's objects: built for good
                      lambda: compiled.load_in_background(then=lambda: settle_heap(collect=False),
                                                          warm=training.warm_up))  # and Numba's
    window.show()
    from .lesson import offer_restore

    crash_log.announce(window, reports)  # the last run crashed: say so, and name its report
    offer_restore(window)  # after a crash: bring back the autosave; then autosave this session
    try:
        return app.exec()
    finally:
        crash_log.close_cleanly()  # a clean exit leaves no log behind
