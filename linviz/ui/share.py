"""File ▸ Share as web page…: the recorded run as one HTML file students open anywhere.

``install(window)`` adds the action (objectName ``share_web_page``) and File ▸ Export handout
(PDF)… (``handout.py``) to the File menu, before Quit; :meth:`SharePage.write` saves the page (``linviz/share_page.py`` builds it, Qt-free).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ..share_page import settings_summary, write_share_page

translate = QCoreApplication.translate


class SharePage(QObject):
    """Owns the action; ``write(path)`` is what the action does after asking for a file."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("sharePage")
        self.window = window
        self.action = QAction(translate("Share", "Share as web page…"), window)
        self.action.setObjectName("share_web_page")
        tip = translate("Share", "One HTML file with the recorded run: the plane, the loss curve, the scores, a step "
                                 "slider and a play button. It opens offline in any browser.")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.ask)

    def ask(self) -> None:
        name = f"{self.window.data.dataset.name or 'linviz'}.html"
        path, _ = QFileDialog.getSaveFileName(self.window, translate("Share", "Share as web page"), name,
                                              translate("Share", "Web page (*.html)"))
        if path:
            self.write(path)

    def write(self, path: str | Path) -> bool:
        """Save the page of the run shown; False (and a message) when there is no run to share."""
        session = self.window.session
        history = session.history
        if history is None or not session.settings.is_linear:
            self.window.show_message("warning", translate("Share", "Nothing to share: kNN records no training run."))
            return False
        try:
            write_share_page(path, self.window.data.dataset, history, session.selected_examples,
                             settings_summary(session.settings.model, history))
        except OSError as err:
            self.window.show_message("error", translate("Share", "Could not write {0}: {1}.").format(path, err.strerror or err))
            return False
        self.window.show_message("info", translate("Share", "Saved the web page {0}").format(path))
        return True


def install(window) -> SharePage:
    """Add File ▸ Share as web page… (before Quit) to ``window``; returns its :class:`SharePage`."""
    from . import i18n

    share = SharePage(window)
    file_menu = i18n.find_menu(window, "file_menu", "&File")
    if file_menu is not None:
        actions = file_menu.actions()
        quit_at = next((a for a in actions if a.objectName() == "quit"), None)
        file_menu.insertAction(quit_at, share.action) if quit_at is not None else file_menu.addAction(share.action)
    from .handout import Handout

    handout = Handout(window)
    if file_menu is not None:
        file_menu.insertAction(share.action, handout.action)
        file_menu.insertAction(handout.action, share.action)  # the page first, then the handout
    window.share_page, window.handout = share, handout
    return share


__all__ = ["install", "SharePage"]
