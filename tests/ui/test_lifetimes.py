"""Windows and panes that close do not outlive their connections (issue 18's class of fault).

A signal of something long-lived (the main window's models, the language, the font size)
connected to a lambda or to a helper object that outlives the widget it touches keeps calling
into a deleted widget: a RuntimeError in a slot at best, a segmentation fault at worst. Here the
compare window and its panes are opened, changed and closed for good, and then everything
they listened to fires: nothing may raise, warn or crash."""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from linviz.ui import compare, i18n, style
from linviz.ui.style import BASE_FONT_PT


class Raised:
    """Stands in for sys.excepthook: exceptions inside Qt slots land here."""

    def __init__(self):
        self.seen = []

    def __call__(self, kind, value, tb):
        self.seen.append(f"{kind.__name__}: {value}")


def delete_later_now() -> None:
    """Run the deleteLater()s queued so far (a closed WA_DeleteOnClose window is then gone)."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def test_closed_compare_panes_and_window_hear_nothing_more(window, qtbot, monkeypatch):
    raised = Raised()
    monkeypatch.setattr(sys, "excepthook", raised)
    win = compare.open_compare(window)
    qtbot.waitUntil(win.isVisible)
    win.add_pane()
    removed = win.panes[-1]
    win.remove_pane(len(win.panes) - 1)
    delete_later_now()
    assert not shiboken6.isValid(removed)  # the pane is really gone, not merely hidden
    win.close()
    delete_later_now()
    assert not shiboken6.isValid(win)

    # everything the window and its panes listened to fires now
    i18n.set_language("es")
    i18n.set_language("en")
    style.set_font_pt(BASE_FONT_PT + 4)
    style.set_font_pt(BASE_FONT_PT)
    window.load_preset("blobs", n_per_class=6, n_classes=3, seed=4)
    window.data.add_point(0.2, 0.3, 1)
    for name in ("step_forward", "step_forward", "last", "first"):
        window.findChild(QAction, f"action_{name}").trigger()
    QApplication.processEvents()
    assert raised.seen == []


def test_the_lecture_table_survives_relayouts_while_it_fills(window, qtbot, monkeypatch):
    """The lecture's figure table fills while the window relayouts (seed 902 crashed fitting the
    old Lecture table from inside its header's resize; the seed itself is replayed in
    test_a_random_actions.py). Every demonstration (a scene of the lecture, opened from the
    Lecture tab) is shown at three window widths and two font sizes: nothing raises, and the
    figures are in the table."""
    from linviz.ui import demos

    raised = Raised()
    monkeypatch.setattr(sys, "excepthook", raised)
    window.docks["lecture"].show()
    window.docks["lecture"].raise_()
    panel = window.lecture
    for size, pt in (((1280, 800), BASE_FONT_PT), ((1600, 1000), BASE_FONT_PT + 3), ((1024, 768), BASE_FONT_PT)):
        window.resize(*size)
        style.set_font_pt(pt)
        for key in demos.DEMO_KEYS:
            panel.show_demo(key)
            window.resize(size[0] - 40, size[1])
            QApplication.processEvents()
            window.resize(*size)
            QApplication.processEvents()
    style.set_font_pt(BASE_FONT_PT)
    table = window.lecture_bar.table
    qtbot.waitUntil(lambda: table.rowCount() == len(window.lecture_mode.figures) > 0)
    assert raised.seen == []
