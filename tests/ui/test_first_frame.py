"""What the first frame does not need waits until the window has painted it."""

from PySide6.QtWidgets import QMainWindow

from linviz.ui.app import after_first_frame


def test_deferred_work_runs_once_after_the_first_paint_in_order(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    done = []
    after_first_frame(window, lambda: done.append("heap"), lambda: done.append("numba"))
    qtbot.wait(50)
    assert done == []  # not before the window is on screen
    window.show()
    qtbot.waitUntil(lambda: done == ["heap", "numba"])
    window.update()
    qtbot.wait(50)
    assert done == ["heap", "numba"]  # once: later frames do not run it again
