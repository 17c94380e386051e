"""Frame time of the compare window: four panes on 300 points, played by the shared clock.

A frame is what one tick of playback costs the teacher: ``clock.tick()`` (every
pane moves one step: regions, class lines, status, the loss cursor), then
``QApplication.processEvents()`` and a synchronous ``repaint()`` of the whole
window. The baseline, measured in the same run, is the frame of one pane alone
(its session steps, events, a repaint of that pane); ``ratio`` is, as in
``linviz bench``, baseline / measured — near 1/4 when four panes cost four times one. Aim: the 95th
percentile of the four-pane frame under 33 ms (30 frames per second).

The clock plays from step 0 and stays inside the recorded 300 steps, so no
frame trains (playing past the end trains 100 steps per pane once every 100
frames; that cost belongs to training, which ``linviz bench`` measures).
Nothing is asserted: the machine is shared.
"""

from __future__ import annotations

import os
import time
from typing import Callable

import numpy as np

AIM_S = 0.033


def _app():
    """The running QApplication (a test's), or a new offscreen one set up as the app's."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from linviz.ui.app import make_application

    return QApplication.instance() or make_application()


def _blobs():
    from linviz.engine.datasets import make_preset
    from linviz.ui.models import DatasetModel

    return DatasetModel(make_preset("blobs", n_per_class=100, n_classes=3, seed=0))


def setup_compare_frame(size=(1600, 1000)) -> tuple[Callable[[], None], Callable[[], None], Callable[[], None]]:
    """(frame, baseline_frame, close): a four-pane frame, a one-pane frame, and a clean-up.

    Both frames wrap around to step 1 before the end of the recorded run.
    """
    app = _app()
    from linviz.ui.compare import ComparePane, CompareWindow
    from linviz.ui.models import Settings

    data = _blobs()
    window = CompareWindow(data, preset="SGD vs momentum vs Adam")
    window.add_pane(Settings())
    window.resize(*size)
    window.show()
    app.processEvents()
    lone = ComparePane(data, window.panes[0].session.settings, 0)
    lone.resize(size[0] // 4, size[1] - 250)
    lone.show()
    app.processEvents()
    end = min(p.session.history.last for p in window.panes) - 1

    def frame():
        if window.step >= end:
            window.set_step(0)
        window.clock.tick()
        app.processEvents()
        window.repaint()

    def baseline():
        s = lone.session
        s.set_step(s.step + 1 if s.step < end else 1)
        lone.update_status(s.step)
        app.processEvents()
        lone.repaint()

    def close():
        for w in (window, lone):
            w.close()
            w.deleteLater()
        app.processEvents()

    return frame, baseline, close


def _times(fn: Callable[[], None], n: int) -> np.ndarray:
    """(n, 2): wall-clock and this thread's CPU seconds of each call."""
    out = np.empty((n, 2))
    for i in range(n):
        wall, cpu = time.perf_counter(), time.thread_time()
        fn()
        out[i] = time.perf_counter() - wall, time.thread_time() - cpu
    return out


def bench_compare_frame(repeats: int = 120, warmup: int = 5) -> dict:
    """Median and 95th percentile of a four-pane frame and of a one-pane frame (seconds).

    The two are measured in alternating blocks of 10 frames, so a noisy moment of
    the shared machine hits both alike. Returns median_s, p95_s, baseline_median_s,
    baseline_p95_s, ratio (one pane / four panes, medians, as ``linviz bench``), frames,
    aim, met (p95 wall time under 33 ms), and cpu_median_s, cpu_p95_s: the same frames in
    this thread's CPU time, which other processes on a shared machine do not inflate.
    """
    from threadpoolctl import threadpool_limits

    frame, baseline, close = setup_compare_frame()
    try:
        with threadpool_limits(1):
            _times(frame, warmup), _times(baseline, warmup)
            t, tb = [], []
            for _ in range(max(1, repeats // 10)):
                t.append(_times(frame, 10))
                tb.append(_times(baseline, 10))
    finally:
        close()
    t, tb = np.concatenate(t), np.concatenate(tb)
    cpu, t, tb = t[:, 1], t[:, 0], tb[:, 0]
    p95 = float(np.percentile(t, 95))
    return {
        "name": "compare window frame (4 panes, 300 pts)",
        "median_s": float(np.median(t)),
        "p95_s": p95,
        "baseline": "one pane's frame",
        "baseline_median_s": float(np.median(tb)),
        "baseline_p95_s": float(np.percentile(tb, 95)),
        "ratio": float(np.median(tb) / np.median(t)),
        "frames": int(len(t)),
        "aim": "p95 < 33 ms",
        "met": bool(p95 < AIM_S),
        "cpu_median_s": float(np.median(cpu)),
        "cpu_p95_s": float(np.percentile(cpu, 95)),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(bench_compare_frame(), indent=2))
