"""What ``linviz`` does once its window is up, run as a user runs it (a separate process)."""

import os
import subprocess
import sys
import textwrap


def test_the_started_app_keeps_its_start_up_heap_out_of_the_collectors_way(tmp_path):
    """A full garbage collection walks every tracked object (~100 ms over the start-up heap):
    dragging a point brought one every ~10 s, a visible hitch. Once the window is up and the
    compiled loop has loaded, the start-up objects are frozen out of the collector's reach, and
    the collector (off while the window was built) collects again."""
    script = textwrap.dedent("""
        import gc, threading
        from PySide6.QtCore import QTimer
        from linviz.engine import compiled
        from linviz.ui import app as linviz_app

        qt_app = linviz_app.make_application()

        def check():
            if not compiled.available() or any(t.name == "linviz-jit" for t in threading.enumerate()):
                QTimer.singleShot(100, check)  # Numba not loaded yet (it starts after the first frame)
                return
            print(gc.get_freeze_count(), len(gc.get_objects()), int(gc.isenabled()))
            qt_app.quit()

        QTimer.singleShot(100, check)
        linviz_app.run()
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    frozen, tracked, collecting = map(int, done.stdout.split())
    assert collecting  # off until the first frame (a start-up trick), on again once the window is up
    assert frozen > 50_000  # the window, its models, Qt's wrappers, NumPy's and Numba's modules
    assert tracked < frozen / 10  # what a full collection still walks
