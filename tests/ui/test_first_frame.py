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


def test_without_a_paint_reaching_the_window_the_work_still_runs_after_a_while(qtbot, monkeypatch):
    from PySide6.QtCore import QEvent, QObject

    from linviz.ui import app as linviz_app

    class EatPaints(QObject):  # a platform that paints only the children
        def eventFilter(self, obj, event):  # noqa: N802
            return event.type() == QEvent.Type.Paint

    monkeypatch.setattr(linviz_app, "FALLBACK_MS", 200)
    window = QMainWindow()
    qtbot.addWidget(window)
    done = []
    after_first_frame(window, lambda: done.append("numba"))
    eater = EatPaints(window)
    window.installEventFilter(eater)  # installed last: sees the paints first, and keeps them
    window.show()
    qtbot.wait(50)
    assert done == []
    qtbot.waitUntil(lambda: done == ["numba"], timeout=3000)
