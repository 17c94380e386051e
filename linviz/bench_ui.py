"""Frame-time figures of the app, registered into ``linviz bench`` (offscreen Qt).

Each frame is what a teacher sees happen: the model change, every view's
redraw, and a synchronous repaint of the plane — timed from the call to the
painted pixels. Baselines are the engine work alone, so the ratio shows what
the drawing costs on top.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from .bench_figures import figure  # noqa: E402
from .engine.datasets import make_preset  # noqa: E402
from .engine.regions import Grid, linear_regions  # noqa: E402
from .engine.training import train  # noqa: E402

PLANE_PX = 800
PRESENTATION_PX = (1920, 1080)


def _window(n_per_class: int = 100):
    """The real main window on 300 blobs of 3 classes, its plane sized about 800 × 800."""
    from .ui.app import make_application, settle_heap
    from .ui.main_window import MainWindow
    from .ui.models import DatasetModel

    app = make_application()
    window = MainWindow(DatasetModel(make_preset("blobs", n_per_class=n_per_class, n_classes=3, seed=0)))
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    view = window.plane.plot.viewport()
    window.resize(1600 + PLANE_PX - view.width(), 1000 + PLANE_PX - view.height())
    app.processEvents()
    settle_heap()  # as the app does once its window is up
    return app, window


def _presentation_window(n_per_class: int = 100):
    """The real main window on the same points, 1920 × 1080, in the presentation layout
    (Ctrl+Shift+P: plane, playback and loss curve): the largest plane a projector shows."""
    from .ui.app import make_application, settle_heap
    from .ui.main_window import MainWindow
    from .ui.models import DatasetModel

    app = make_application()
    window = MainWindow(DatasetModel(make_preset("blobs", n_per_class=n_per_class, n_classes=3, seed=0)))
    window.resize(*PRESENTATION_PX)
    window.show()
    window.presentation.set_presentation_layout(True)
    for _ in range(5):
        app.processEvents()
    settle_heap()
    return app, window


def _closer(app, window):
    """Close the window a figure opened (left open, it would repaint with every later frame)."""

    def close():
        window.playback.pause()
        window.close()
        window.deleteLater()
        app.processEvents()

    return close


def _paint(app, window) -> None:
    """Deliver the queued signals and paint events: every view redraws and repaints once."""
    app.processEvents()


def _playback_setup(make_window):
    app, window = make_window()
    session = window.session
    hist = session.history
    grid = Grid.make(*window.plane.view_rect(), window.plane.resolution)

    def frame():
        session.set_step((session.step + 1) % len(hist))
        _paint(app, window)

    def engine_only():
        t = (session.step + 1) % len(hist)
        linear_regions(hist.W[t], hist.b[t], grid)

    return frame, engine_only, _closer(app, window)


@figure("playback frame (300 pts, plane 800×800)", aim="p95 < 16 ms", max_s=0.016, judge_p95=True, warmup=30,
        baseline="the step's engine work: the plane's regions")
def _playback_frame():
    return _playback_setup(_window)


@figure("playback frame (300 pts, presentation 1920×1080)", aim="p95 < 16 ms", max_s=0.016, judge_p95=True,
        warmup=30, baseline="the step's engine work: the plane's regions")
def _playback_frame_presentation():
    return _playback_setup(_presentation_window)


def _send_mouse(view, kind, x, y) -> None:
    """Deliver a left-button press, move (button held) or release at data (x, y) to the plane."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    viewport = view.plot.viewport()
    local = QPointF(view.data_to_widget(float(x), float(y)))
    button = Qt.NoButton if kind == QEvent.MouseMove else Qt.LeftButton
    buttons = Qt.NoButton if kind == QEvent.MouseButtonRelease else Qt.LeftButton
    global_pos = QPointF(viewport.mapToGlobal(local.toPoint()))
    QApplication.sendEvent(viewport, QMouseEvent(kind, local, global_pos, button, buttons, Qt.NoModifier))


def _drag_setup(make_window):
    from PySide6.QtCore import QEvent

    app, window = make_window()
    data, session, plane = window.data, window.session, window.plane
    session.update_settings(steps=200)
    _send_mouse(plane, QEvent.MouseButtonPress, *data.dataset.X[0])  # grab point 0, as a teacher's press does
    app.processEvents()
    rng = np.random.default_rng(0)

    def drag():
        x, y = rng.uniform(-2, 2, 2)
        _send_mouse(plane, QEvent.MouseMove, x, y)  # the mouse-move event of the drag, through the plane's handler
        _paint(app, window)  # then the views redraw and the window repaints

    def retrain_only():
        ds = data.dataset
        train(ds.X, ds.y, session.history.config, ds.n_classes, W0=session.history.W[0], b0=session.history.b[0])

    def close():
        _send_mouse(plane, QEvent.MouseButtonRelease, *data.dataset.X[0])
        _closer(app, window)()

    return drag, retrain_only, close


@figure("drag → retrained, redrawn plane (200 steps)", aim="< 16 ms", max_s=0.016, warmup=10,
        baseline="the retrain alone: train(200 full-batch steps)")
def _drag_frame():
    return _drag_setup(_window)


@figure("drag → retrained, redrawn plane (200 steps, presentation 1920×1080)", aim="p95 < 16 ms", max_s=0.016,
        judge_p95=True, warmup=10, baseline="the retrain alone: train(200 full-batch steps)")
def _drag_frame_presentation():
    return _drag_setup(_presentation_window)


@figure("compare mode frame, 4 panes (300 pts)", aim="p95 < 33 ms", max_s=0.033, judge_p95=True, warmup=30,
        baseline="one pane's frame")
def _compare_frame():
    from .bench_ui_compare import setup_compare_frame

    return setup_compare_frame()
