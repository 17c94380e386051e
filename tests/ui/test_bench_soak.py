"""The soak benchmark on a few hundred frames (the real figure takes 100,000): the main window
playing, extending and retraining must not leak — memory, QObjects, QTimers, scene items and
Python objects judged against what the same run measured after its warm-up — and a leak
planted in the plane's per-frame redraw must be caught."""

import pytest
from PySide6.QtCore import QTimer

from linviz import bench_soak
from linviz.ui.views import plane

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

SHORT = dict(frames=300, warmup=30, n_per_class=10, steps=30, max_len=120, retrain_every=150)


def test_a_short_soak_plays_every_frame_and_leaks_nothing(qtbot):
    report = bench_soak.soak(**SHORT)
    assert report["measured_frames"] == 270 and report["frames_per_s"] > 0
    assert report["extends"] >= 2 and report["wraps"] >= 1 and report["retrains"] == 1
    # what a teacher would notice after an hour of playback: the same window, the same memory
    for key in bench_soak.QT_COUNTS:
        assert report["counts_end"][key] == report["counts_start"][key], key
    assert report["rss_end_mib"] < 1.05 * report["rss_start_mib"]
    assert bench_soak.findings(report) == [] and report["ok"]
    assert "resident memory" in bench_soak.format_report(report)


LEAKED = []


def test_a_leak_planted_in_the_planes_redraw_is_caught(qtbot, monkeypatch):
    """A QTimer parented to the plane and 256 KB kept at every frame: each rule of findings fires."""
    redraw = plane.PlaneView._update_model_layers

    def leaky(self, *args, **kwargs):
        LEAKED.append((QTimer(self), b"x" * 262_144))
        return redraw(self, *args, **kwargs)

    monkeypatch.setattr(plane.PlaneView, "_update_model_layers", leaky)
    try:
        report = bench_soak.soak(**SHORT)
    finally:
        LEAKED.clear()
    said = "\n".join(report["findings"])
    assert not report["ok"]
    assert "qtimers grew" in said and "qobjects grew" in said
    assert "python_objects grew" in said and "over the second half (≥" in said


def test_rss_is_read_from_proc():
    assert bench_soak.rss_bytes() > 10 * 2**20
