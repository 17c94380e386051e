"""The soak benchmark runs end to end on a few frames (the real figure takes 100,000)."""

import pytest

from linviz import bench_soak

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_a_short_soak_reports_memory_objects_and_the_frames_played(qtbot):
    report = bench_soak.soak(frames=300, warmup=30, n_per_class=10, steps=30, max_len=120, retrain_every=150)
    assert report["measured_frames"] == 270 and report["frames_per_s"] > 0
    assert report["extends"] >= 2 and report["wraps"] >= 1 and report["retrains"] == 1
    assert report["rss_start_mib"] > 0 and report["rss_end_mib"] > 0
    assert set(report["counts_start"]) == set(report["counts_end"]) >= {"python_objects", "qobjects", "qtimers"}
    assert report["counts_end"]["qtimers"] == report["counts_start"]["qtimers"]
    assert "resident memory" in bench_soak.format_report(report)


def test_rss_is_read_from_proc():
    assert bench_soak.rss_bytes() > 10 * 2**20
