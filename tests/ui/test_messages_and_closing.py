"""Messages that come and go without moving the layout; extra windows that close like windows."""

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from linviz.ui import status_line as messages


def test_an_info_message_goes_by_itself_and_at_the_next_action(window, qtbot, tmp_path):
    """"Saved N points to …" stays a few seconds, then goes; a new data set (a preset, New
    lesson) takes it away at once. An error stays until what it is about changes."""
    line = window.message_label
    assert 2000 <= messages.TRANSIENT_MS <= 10000  # a few seconds: long enough to read
    window.save_points(str(tmp_path / "p.csv"))
    assert "Saved" in line.text() and line.property("level") == "info"
    window.load_preset("blobs")
    assert line.text() == ""
    line.transient.setInterval(100)  # the clock itself, faster
    window.save_points(str(tmp_path / "q.csv"))
    assert "Saved" in line.text()
    qtbot.waitUntil(lambda: line.text() == "", timeout=3000)
    window.show_message("error", "something failed")
    qtbot.wait(300)
    assert line.text() == "something failed"


def test_a_message_does_not_move_the_layout(window, qtbot):
    """The longest message keeps the status line one line high: the plane does not jump; the
    whole text is in the tooltip."""
    qtbot.wait(50)
    plane_before = window.plane.geometry()
    status_before = window.statusBar().height()
    long = "Could not open the file: " + "a very long path segment/" * 30 + "points.csv, line 3: not a number"
    window.show_message("error", long)
    qtbot.wait(50)
    assert window.statusBar().height() == status_before
    assert window.plane.geometry() == plane_before
    assert window.message_label.toolTip() == long and window.message_label.text() == long
    assert window.width() <= 1600  # the message did not widen the window either


def test_the_compare_window_closes_with_a_button_esc_and_ctrl_w(window, qtbot):
    from linviz.ui.compare import open_compare

    with qtbot.waitActive(window):  # the main window's own activation is over
        window.activateWindow()
    for how in ("esc", "button", "ctrl+w"):
        cmp = open_compare(window)
        qtbot.waitExposed(cmp)
        qtbot.wait(50)  # the activations that showing brings are over
        cmp.activateWindow()
        qtbot.waitUntil(cmp.isActiveWindow)
        if how == "button":
            button = cmp.findChild(QPushButton, "close_window")
            assert button.isVisible() and button.text()
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        elif how == "esc":
            qtbot.keyClick(cmp, Qt.Key.Key_Escape)
        else:
            qtbot.keyClick(cmp, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda c=cmp: not shiboken6.isValid(c) or not c.isVisible())  # closed
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # and deleted: the next opens anew
        assert not shiboken6.isValid(cmp)


@pytest.mark.parametrize("how", ["button", "esc", "ctrl+w"])
def test_the_cifar_window_closes_with_a_button_esc_and_ctrl_w(qtbot, how, monkeypatch):
    from linviz.engine import cifar as cifar_engine
    from linviz.ui.cifar.window import CifarWindow

    monkeypatch.setattr(cifar_engine, "find_cached_cifar10", lambda *a, **k: None)
    cw = CifarWindow()
    qtbot.addWidget(cw)
    cw.show()
    qtbot.waitExposed(cw)
    with qtbot.waitActive(cw):
        cw.activateWindow()
    if how == "button":
        qtbot.mouseClick(cw.findChild(QPushButton, "close_window"), Qt.MouseButton.LeftButton)
    elif how == "esc":
        qtbot.keyClick(cw, Qt.Key.Key_Escape)
    else:
        qtbot.keyClick(cw, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not cw.isVisible())
