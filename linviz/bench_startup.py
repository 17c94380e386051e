"""``linviz bench startup``: time from launching the app to its first painted frame.

Each figure is measured from just before the process is launched to the moment the main
window's first frame has been painted (the first Paint event of the window, then back in the
event loop, so its child widgets are painted too), beside the same figure for a bare PySide6
``QMainWindow`` started the same way in the same run: the ratio is the steady number on a
shared machine. Beside the wall clock, the CPU time the process used until then (all its threads),
which the other jobs on a shared machine move much less.

- **warm**: Python's bytecode (written even where ``PYTHONDONTWRITEBYTECODE`` is set, as on a
  teacher's machine) and Numba's cache are there and the files are in the OS' cache
  (one untimed launch of each first); the median of ``repeats`` alternating launches.
- **first start**: a fresh copy of the sources with no ``__pycache__`` (so neither Python's
  bytecode nor Numba's machine code is cached), as right after an install or an update; the
  dependencies (NumPy, Qt, pyqtgraph) keep theirs, as pip compiled them at install. The OS'
  file cache stays warm: emptying it needs root and slows everyone on the machine.

Every launch gets empty settings and data folders (no restored layout, no autosave to offer)
and quits right after the first frame. Qt draws offscreen on a Linux machine with no display,
elsewhere in its usual window system (X11 or Wayland, Windows, macOS).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstFrame(QObject):
    def __init__(self, kind):
        super().__init__()
        self.kind = kind
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Paint and obj.isWidgetType() and obj.isWindow()
                and type(obj).__name__ == self.kind):
            QTimer.singleShot(0, self.done)  # after the whole frame: the children paint in the same pass
        return False
    def done(self):
        print(time.monotonic(), time.process_time(), flush=True)
        os._exit(0)

if sys.argv[1] == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    watcher = FirstFrame("QMainWindow")
    app.installEventFilter(watcher)
    window = QMainWindow()
    window.resize(1600, 1000)
    window.show()
    app.exec()
else:
    from linviz import cli                      # what the `linviz` script runs, as it runs it
    from linviz.ui import app as ui_app
    make = ui_app.make_application
    watcher = FirstFrame("MainWindow")
    def watched(*args):                         # the app run() makes, watched for the first frame
        app = make(*args)
        app.installEventFilter(watcher)
        return app
    ui_app.make_application = watched
    cli.main([])
"""


def _launch(kind: str, pythonpath: str | None, home: Path) -> tuple[float, float]:
    """(wall-clock seconds from launching a process to its window's first painted frame, the CPU
    seconds the process used until then)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a teacher's Python keeps its bytecode: "warm" means cached
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")  # a Linux box with no screen; Windows, macOS: their own
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(Path(tempfile.mkdtemp(dir=home)) / name.lower())
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    t0 = time.monotonic()
    done = subprocess.run([sys.executable, "-c", CHILD, kind], env=env, capture_output=True, text=True,
                          timeout=300, cwd=home)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"the {kind} window did not start: {done.stderr.strip()[-500:]}")
    at, cpu = (float(v) for v in done.stdout.split()[-2:])
    return at - t0, cpu


def fresh_copy(into: Path) -> Path:
    """linviz's sources copied without any ``__pycache__`` (no bytecode, no Numba cache)."""
    import linviz
    from linviz.resources import assets_folder

    src = Path(linviz.__file__).resolve().parent
    root = into / "fresh"
    shutil.copytree(src, root / "linviz", ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.nbi", "*.nbc"))
    shutil.copytree(assets_folder(), root / "assets", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "pyproject.toml").write_text("# a copy for linviz bench startup\n")
    return root


def run(repeats: int = 5, first_starts: int = 2) -> dict:
    """The warm and first-start figures (seconds), each with the bare window's in the same run."""
    here = str(Path(__file__).resolve().parent.parent)
    with tempfile.TemporaryDirectory(prefix="linviz-startup-") as tmp:
        home = Path(tmp)
        _launch("bare", None, home), _launch("app", here, home)  # untimed: fill the OS' file cache
        warm_app, warm_bare = [], []
        for _ in range(repeats):
            warm_bare.append(_launch("bare", None, home))
            warm_app.append(_launch("app", here, home))
        first_app, first_bare = [], []
        for i in range(first_starts):
            copy = fresh_copy(home / f"copy{i}")
            first_bare.append(_launch("bare", None, home))
            first_app.append(_launch("app", str(copy), home))
    figures = {}
    for name, app, bare in (("warm", warm_app, warm_bare), ("first start", first_app, first_bare)):
        a, b = statistics.median(t for t, _ in app), statistics.median(t for t, _ in bare)
        a_cpu, b_cpu = statistics.median(c for _, c in app), statistics.median(c for _, c in bare)
        figures[name] = {"app_s": a, "bare_window_s": b, "ratio": a / b,
                         "app_cpu_s": a_cpu, "bare_window_cpu_s": b_cpu, "cpu_ratio": a_cpu / b_cpu,
                         "app_runs_s": [t for t, _ in app], "bare_runs_s": [t for t, _ in bare]}
    return figures


def format_table(figures: dict) -> str:
    """Wall clock (what the teacher waits) and CPU time (what the machine's other jobs do not move)."""
    lines = [f"{'start':<12} {'linviz, first frame':>20} {'bare QMainWindow':>17} {'ratio':>7}   "
             f"{'CPU: linviz':>11} {'bare':>6} {'ratio':>6}   (aim)"]
    aims = {"warm": "< 1.5 s, ≤ 2×", "first start": "< 3 s"}
    for name, f in figures.items():
        lines.append(f"{name:<12} {f['app_s']:>18.2f} s {f['bare_window_s']:>15.2f} s {f['ratio']:>6.1f}×   "
                     f"{f['app_cpu_s']:>9.2f} s {f['bare_window_cpu_s']:>4.2f} s {f['cpu_ratio']:>5.1f}×   ({aims[name]})")
    return "\n".join(lines)


def run_cli(args) -> int:
    import json

    figures = run(repeats=1 if args.quick else 5, first_starts=1 if args.quick else 2)
    print(json.dumps(figures) if args.json else format_table(figures))
    return 0


__all__ = ["run", "run_cli", "format_table", "fresh_copy"]
