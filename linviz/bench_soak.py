"""Soak test: the real main window plays for a long time without its memory growing.

``soak(frames=100_000)`` drives the playback a lesson would: one step per frame over the
recorded History (``session.step_forward`` — which trains 100 steps more at the end, an
``extend`` — then back to step 0 once the run is ``max_len`` steps long), with every view
redrawn and painted (``processEvents``) each frame. Every ``retrain_every`` frames the run is
retrained from step 0, so extends, new Histories and the views' rebuilds keep happening in
the measured part, not only in the warm-up.

Memory is the resident set read from ``/proc/self/statm`` (``getrusage``'s maxrss is a peak
and never comes down), taken after ``warmup`` frames (caches, pixmaps and pools filled), in the
middle of the measured frames and at the end, each time just after a retrain (so the record is
the same ``steps`` steps and only a leak can differ). Python objects are counted
(``len(gc.get_objects())``, after a collection) at the same moments — twice at the start, so
the counting noise is known — and so are the items in the plane's, the loss curve's and the
loss surface's scenes and the window's QObjects and QTimers, which is where a per-frame leak (a
plot item, a QTimer, a connection's closure) would show first. :func:`findings` judges them
against bounds taken from the same run: memory growth under ``MAX_GROWTH`` (5 %) of the start
overall and ``MAX_SECOND_HALF_GROWTH`` (2 %) over the second half, the Qt counts unchanged,
and Python objects over the second half within the noise plus one per ten frames. With
``trace=True`` tracemalloc lists the source lines whose allocations grew most (slow: for a
hunt, not for the figure).

Offscreen, like the other UI benches. ``python -m linviz.bench_soak [--frames N] [--json]``,
or ``linviz bench soak`` once the CLI routes to :func:`soak_cli`.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from typing import Callable  # noqa: E402

MAX_GROWTH = 0.05
"""Resident memory may grow by at most this fraction between the warm-up and the end."""
MAX_SECOND_HALF_GROWTH = 0.02
"""…and by at most this fraction of it over the second half of the measured frames, once every
cache of the first half is filled: a leak grows with the frames, a cache does not."""
QT_COUNTS = ("plane_scene_items", "loss_curve_scene_items", "surface_scene_items", "qobjects", "qtimers")
"""Counts that must be exactly the same at the start and the end (the same state is shown)."""
OBJECTS_PER_FRAME = 0.1
"""Python objects may grow over the second half by the counting noise plus this many per frame
(a leak of one object a frame is ten times that)."""
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes() -> int:
    """Resident set size now, from /proc/self/statm (its second field, in pages)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * PAGE
    except OSError:  # not Linux: the peak is the best there is
        import resource

        scale = 1 if sys.platform == "darwin" else 1024
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _counts(window) -> dict:
    """What a leak would pile up: Python objects, scene items, the window's QObjects and QTimers."""
    from PySide6.QtCore import QObject, QTimer

    # Qt first: findChildren wraps every child in a Python object that lives as long as its
    # C++ object, so counting Python objects before it would count the wrappers as growth.
    qt = {
        "plane_scene_items": len(window.plane.plot.scene().items()),
        "loss_curve_scene_items": len(window.loss_curve.plot.scene().items()),
        "surface_scene_items": len(window.loss_surface.plot_widget.scene().items()),
        "qobjects": len(window.findChildren(QObject)),
        "qtimers": len(window.findChildren(QTimer)),
    }
    gc.collect()
    objects = gc.get_objects()
    _counts.types = Counter(type(o).__qualname__ for o in objects)
    return {"python_objects": len(objects), **qt}


def soak(frames: int = 100_000, *, warmup: int = 2_000, n_per_class: int = 100, steps: int = 300,
         max_len: int = 600, retrain_every: int = 10_000, trace: bool = False,
         log: Callable[[str], None] | None = None) -> dict:
    """Play ``frames`` frames on the real main window; memory and object counts after the warm-up
    and at the end. Returns a dict (see the keys below); ``findings`` lists what leaked, ``ok`` is
    none."""
    from threadpoolctl import threadpool_limits

    from .engine.datasets import make_preset
    from .ui.app import make_application
    from .ui.main_window import MainWindow
    from .ui.models import DatasetModel

    if frames < 1 or warmup < 0:
        raise ValueError(f"frames must be ≥ 1 and warmup ≥ 0, not {frames} and {warmup}")
    app = make_application()
    window = MainWindow(DatasetModel(make_preset("blobs", n_per_class=n_per_class, n_classes=3, seed=0)))
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    session = window.session
    session.update_settings(steps=steps)
    app.processEvents()
    stats = {"extends": 0, "wraps": 0, "retrains": 0}

    def frame(i: int) -> None:
        if i and i % retrain_every == 0:
            session.retrain()  # a new History: views rebuild, the record grows again by extends
            session.set_step(0)
            stats["retrains"] += 1
        h = session.history
        if session.step >= h.last and len(h) >= max_len:
            session.set_step(0)  # wrap, as a teacher replays the run
            stats["wraps"] += 1
        else:
            before = len(h)
            session.step_forward()  # at the end of the record this trains 100 steps more
            stats["extends"] += len(session.history) > before
        app.processEvents()

    def fresh_run() -> None:
        """The same state at both measurements: the ``steps``-step run retrained, shown at step 0, so
        what the record holds (its steps, optimiser states) is the same and only a leak differs."""
        session.retrain()
        session.set_step(0)
        for _ in range(3):
            app.processEvents()

    say = log or (lambda _msg: None)
    with threadpool_limits(1):  # as the app's interactive loop
        for i in range(min(warmup, frames)):
            frame(i)
        fresh_run()
        start_counts = _counts(window)
        start_types = _counts.types
        start_rss = rss_bytes()
        if trace:
            import tracemalloc

            tracemalloc.start(8)
            snap0 = tracemalloc.take_snapshot()
        say(f"warm-up done: {start_rss / 2**20:.1f} MiB resident, {start_counts['python_objects']:,} objects")
        again = _counts(window)  # the same state counted again: what counting alone varies by
        noise = {key: abs(again[key] - start_counts[key]) for key in start_counts}
        start_counts = again
        measured = max(frames - warmup, 0)
        half = measured // 2
        t0 = time.perf_counter()
        report_every = max(measured // 10, 1)
        for k in range(measured):
            frame(warmup + k)
            if k + 1 == half:  # the middle, in the same state as both ends: the second half's baseline
                at = session.step
                fresh_run()
                mid_counts, mid_rss = _counts(window), rss_bytes()
                session.set_step(min(at, session.history.last))  # play on from where it was
            if (k + 1) % report_every == 0:
                say(f"{k + 1:,} / {measured:,} frames, {rss_bytes() / 2**20:.1f} MiB")
        if half == 0:
            mid_counts, mid_rss = start_counts, start_rss
        elapsed = time.perf_counter() - t0
        fresh_run()
        end_counts = _counts(window)
        end_rss = rss_bytes()
        end_types = _counts.types
        grown = sorted(((k, end_types[k] - start_types[k]) for k in end_types.keys() | start_types.keys()
                        if end_types[k] != start_types[k]), key=lambda kv: -abs(kv[1]))[:8]
        top = []
        if trace:
            snap1 = tracemalloc.take_snapshot()
            tracemalloc.stop()
            for stat in snap1.compare_to(snap0, "lineno")[:10]:
                top.append(f"{stat.traceback[0]}: {stat.size_diff / 1024:+.1f} KiB ({stat.count_diff:+d} blocks)")
    window.playback.pause()
    window.close()
    growth = (end_rss - start_rss) / start_rss
    report = {
        "frames": frames,
        "warmup_frames": min(warmup, frames),
        "measured_frames": measured,
        "seconds": round(elapsed, 2),
        "frames_per_s": round(measured / elapsed, 1) if elapsed > 0 else None,
        "rss_start_mib": round(start_rss / 2**20, 2),
        "rss_end_mib": round(end_rss / 2**20, 2),
        "rss_growth_pct": round(100 * growth, 3),
        "max_growth_pct": 100 * MAX_GROWTH,
        "counts_start": start_counts,
        "counts_mid": mid_counts,
        "counts_end": end_counts,
        "counts_noise": noise,
        "rss_mid_mib": round(mid_rss / 2**20, 2),
        "second_half_frames": measured - half,
        "history_len_end": len(session.history),
        **stats,
        "object_types_grown": dict(grown),
        "tracemalloc_top": top,
    }
    report["findings"] = findings(report)
    report["ok"] = not report["findings"]
    return report


def findings(r: dict) -> list[str]:
    """What the report shows leaking, one line each (empty: nothing). Every bound is relative to
    figures of the same run: the resident memory and the counts after the warm-up and at the
    middle of the measured frames, and the counting noise measured by counting twice."""
    out = []
    start, end = r["rss_start_mib"], r["rss_end_mib"]
    if end - start >= MAX_GROWTH * start:
        out.append(f"resident memory grew {end - start:.1f} MiB (≥ {100 * MAX_GROWTH:g} % of {start} MiB)")
    if end - r["rss_mid_mib"] >= MAX_SECOND_HALF_GROWTH * start:
        out.append(f"resident memory grew {end - r['rss_mid_mib']:.1f} MiB over the second half "
                   f"(≥ {100 * MAX_SECOND_HALF_GROWTH:g} % of {start} MiB)")
    for key in QT_COUNTS:
        a, b = r["counts_start"][key], r["counts_end"][key]
        if b > a:
            out.append(f"{key} grew {a:,} → {b:,}")
    a, b = r["counts_mid"]["python_objects"], r["counts_end"]["python_objects"]
    allowed = r["counts_noise"]["python_objects"] + OBJECTS_PER_FRAME * r["second_half_frames"]
    if b - a > allowed:
        out.append(f"python_objects grew {b - a:+,} over the second half (allowed {allowed:,.0f})")
    return out


def format_report(r: dict) -> str:
    lines = [
        f"soak: {r['measured_frames']:,} frames after {r['warmup_frames']:,} warm-up, {r['seconds']} s "
        f"({r['frames_per_s']} frames/s); {r['extends']} extends, {r['wraps']} wraps, {r['retrains']} retrains",
        f"resident memory {r['rss_start_mib']} MiB → {r['rss_end_mib']} MiB: {r['rss_growth_pct']:+.2f} % "
        f"(aim < {r['max_growth_pct']:g} %) — {'OK' if r['ok'] else 'TOO MUCH'}",
    ]
    for key in r["counts_start"]:
        a, b = r["counts_start"][key], r["counts_end"][key]
        lines.append(f"  {key:24s} {a:>10,} → {b:>10,} ({b - a:+,})")
    if r["object_types_grown"]:
        grown = r["object_types_grown"].items()
        lines.append("  object types that changed: " + ", ".join(f"{k} {v:+,}" for k, v in grown))
    lines.extend(f"  LEAK: {line}" for line in r["findings"])
    for line in r["tracemalloc_top"]:
        lines.append(f"  {line}")
    return "\n".join(lines)


def soak_cli(args) -> int:
    """``linviz bench soak``: args may have ``frames`` (default 100,000; ``quick``: 10,000),
    ``json`` and ``trace``. Exit status 1 when something leaked (:func:`findings`)."""
    frames = getattr(args, "frames", None) or (10_000 if getattr(args, "quick", False) else 100_000)
    progress = (lambda msg: print(msg, file=sys.stderr, flush=True)) if sys.stderr.isatty() else None
    report = soak(frames, warmup=min(2_000, frames // 5), trace=bool(getattr(args, "trace", False)), log=progress)
    print(json.dumps(report) if getattr(args, "json", False) else format_report(report))
    return 0 if report["ok"] else 1


def main(argv: list[str] | None = None) -> int:
    """``python -m linviz.bench_soak [--frames N] [--quick] [--trace] [--json]``."""
    import argparse

    p = argparse.ArgumentParser(prog="linviz bench soak", description=__doc__.splitlines()[0])
    p.add_argument("--frames", type=int, default=None, help="frames to play (default 100,000)")
    p.add_argument("--quick", action="store_true", help="10,000 frames")
    p.add_argument("--trace", action="store_true", help="list the allocations that grew most (slow)")
    p.add_argument("--json", action="store_true")
    return soak_cli(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
