"""File ▸ Share as web page…: the recorded run as one HTML file students open anywhere.

``install(window)`` adds the action (objectName ``share_web_page``) and File ▸ Export handout
(PDF)… (``handout.py``) to the File menu, before Quit. :meth:`SharePage.write` saves the page
(``linviz/share_page.py`` builds it, Qt-free) in the language shown, with the lecture's scenes
in lecture mode; what it shares with the handout is in ``takeaway.py``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..share_page import write_share_page
from .takeaway import TakeawayAction, labels, language, lecture_scenes, run_settings

translate = QCoreApplication.translate


class SharePage(TakeawayAction):
    """Owns the action; ``write(path)`` is what the action does after asking for a file."""

    name = "share_web_page"
    suffix = ".html"

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("sharePage")

    def _texts(self) -> tuple[str, str, str, str]:
        return (translate("Share", "Share as web page…"),
                translate("Share", "One HTML file with the recorded run: the plane, the loss curve, the scores, a step "
                                   "slider and a play button. It opens offline in any browser."),
                translate("Share", "Share as web page"), translate("Share", "Web page (*.html)"))

    def _saved(self, path) -> str:
        return translate("Share", "Saved the web page {0}").format(path)

    def _write(self, path: Path) -> None:
        w = self.window
        write_share_page(path, w.data.dataset, w.session.history, w.session.selected_examples, run_settings(w),
                         labels=labels(), scenes=lecture_scenes(w), language=language())


def install(window) -> SharePage:
    """Add File ▸ Share as web page… and File ▸ Export handout (PDF)… (before Quit) to ``window``;
    returns its :class:`SharePage`."""
    from . import i18n
    from .handout import Handout

    share, handout = SharePage(window), Handout(window)
    file_menu = i18n.find_menu(window, "file_menu", "&File")
    if file_menu is not None:
        quit_at = next((a for a in file_menu.actions() if a.objectName() == "quit"), None)
        for action in (share.action, handout.action):  # the page first, then the handout
            file_menu.insertAction(quit_at, action) if quit_at is not None else file_menu.addAction(action)
    window.share_page, window.handout = share, handout
    return share


__all__ = ["install", "SharePage"]
