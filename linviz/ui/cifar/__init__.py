"""CIFAR-10 mode: the lecture's classifiers on real pictures, in a window of its own.

``install(main_window)`` adds "CIFAR-10…" (Ctrl+I) to the main window's
"&Data" menu (or to a new "&Images" menu when there is none) and returns the
:class:`CifarLauncher`; the action opens one :class:`CifarWindow`, raised if
it is already open. The CIFAR window closes with the main window, and any
running job is cancelled and waited for when the application quits.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence

from .. import screen_fit

def __getattr__(name: str):
    """``CifarWindow`` is imported on first use: the window (and CIFAR-10's engine) is not part of
    the main window's first frame."""
    if name == "CifarWindow":
        from .window import CifarWindow

        return CifarWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

ACTION_NAME = "open_cifar"
SHORTCUT = "Ctrl+I"


def _find_menu(main_window, name: str, title: str):
    """The main window's menu named ``name`` (or titled ``title``), or None."""
    from .. import i18n

    return i18n.find_menu(main_window, name, title)


class CifarLauncher(QObject):
    """Owns the "CIFAR-10…" action and the one CIFAR window (created on first use).

    Attributes: ``action`` (QAction, objectName ``open_cifar``), ``menu``,
    ``window`` (the CifarWindow or None).
    """

    def __init__(self, main_window, **window_kwargs):
        super().__init__(main_window)
        self.setObjectName("cifarLauncher")
        self.main_window = main_window
        self.window = None  # the CifarWindow, made on first use
        self._window_kwargs = window_kwargs
        self.menu = _find_menu(main_window, "data_menu", "&Data")
        if self.menu is None:
            self.menu = main_window.menuBar().addMenu(QCoreApplication.translate("CifarLauncher", "&Images"))
            self.menu.setObjectName("images_menu")
        else:
            self.menu.addSeparator()
        self.action = QAction(QCoreApplication.translate("CifarLauncher", "CIFAR-10…"), main_window)
        self.action.setObjectName(ACTION_NAME)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setStatusTip(QCoreApplication.translate(
            "CifarLauncher", "Train SVM, Softmax and kNN on CIFAR-10 images, in a window of their own"))
        self.action.triggered.connect(self.open)
        self.menu.addAction(self.action)
        main_window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def open(self):
        """Show the CIFAR window (created once), in front."""
        if self.window is None:
            from .window import CifarWindow

            self.window = CifarWindow(**self._window_kwargs)
            screen_fit.place(self.window, self.window.size())  # maximised on a projector, inside any screen
            from .. import accessibility

            accessibility.install(self.window)  # screen readers: every control named
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.shutdown()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.main_window and event.type() == QEvent.Type.Close and self.window is not None:
            self.window.close()  # the CIFAR window goes with the main window
        return False


def install(main_window, **window_kwargs) -> CifarLauncher:
    """Add the "CIFAR-10…" action (Ctrl+I) to ``main_window``; returns the launcher that owns it
    (the one already there when installed twice)."""
    existing = main_window.findChild(CifarLauncher, "cifarLauncher")
    return existing if existing is not None else CifarLauncher(main_window, **window_kwargs)


__all__ = ["install", "CifarLauncher", "CifarWindow", "ACTION_NAME", "SHORTCUT"]
