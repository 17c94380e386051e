"""Windows open inside their screen, and the plane keeps the room at projector sizes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize

REPO = Path(__file__).resolve().parents[2]

_START = """
import json, sys
from linviz.ui.app import make_application
app = make_application()
from linviz.ui.main_window import MainWindow
from linviz.ui.presentation import settings
win = MainWindow(persist=True)   # as `linviz` starts: the saved geometry, or fitted to the screen
win.show()
for _ in range(20):
    app.processEvents()
vb = win.plane.plot.getViewBox().sceneBoundingRect()
compare = win.findChild(type(win.menuBar().actions()[0]), "compare")
from linviz.ui.compare import open_compare
cmp = open_compare(win)
cifar = win.cifar.open()
for _ in range(10):
    app.processEvents()
area = app.primaryScreen().availableGeometry()
def rect(w):
    g = w.frameGeometry()
    return [g.x(), g.y(), g.width(), g.height()]
print(json.dumps({"area": [area.x(), area.y(), area.width(), area.height()], "main": rect(win),
                  "maximised": win.isMaximized(), "size": [win.width(), win.height()], "plane": [vb.width(), vb.height()],
                  "compare": rect(cmp), "cifar": rect(cifar)}))
if len(sys.argv) > 1:   # move the window and close it: the geometry is saved with the screen's name
    win.showNormal(); win.resize(900, 600); win.move(40, 30)
    for _ in range(10):
        app.processEvents()
    win.close()
"""


def _start(tmp_path: Path, width: int, height: int, *args: str, name: str = "projector") -> dict:
    """Start the app's main window (persisting, with its own settings folder) in a fresh
    process whose only screen is ``width`` × ``height``; its windows' frames and the plane."""
    config = tmp_path / f"{name}-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": name, "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(REPO),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), LINVIZ_JIT="0")
    out = subprocess.run([sys.executable, "-c", _START, *args], env=env, capture_output=True, text=True,
                         timeout=300, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _inside(frame, area) -> bool:
    return QRect(*area).contains(QRect(*frame))


@pytest.mark.parametrize("size, plane_px", [((1280, 800), 480), ((1920, 1080), 700)])
def test_every_window_opens_inside_a_projector_screen_with_the_plane_first(tmp_path, size, plane_px):
    """On a 1280 × 800 and a 1920 × 1080 screen the main window opens maximised and its plane's
    data area is at least 480 (700) px each way; the compare and CIFAR-10 windows open inside
    the screen too (the main window used to open at 1600 × 1000 whatever the screen)."""
    seen = _start(tmp_path, *size)
    assert seen["maximised"]
    for name in ("main", "compare", "cifar"):
        assert _inside(seen[name], seen["area"]), f"the {name} window runs off the screen: {seen}"
    assert seen["main"][2] >= size[0] - 10 and seen["main"][3] >= size[1] - 10
    assert min(seen["plane"]) >= plane_px, seen["plane"]


def test_a_saved_geometry_comes_back_on_its_screen_only(tmp_path):
    """A window moved and closed comes back where it was on the same screen; started on
    another (smaller) screen it is fitted to that screen instead."""
    _start(tmp_path, 1920, 1080, "save")
    again = _start(tmp_path, 1920, 1080)
    assert not again["maximised"] and again["size"] == [900, 600]
    elsewhere = _start(tmp_path, 1280, 800, name="other")
    assert elsewhere["maximised"] and _inside(elsewhere["main"], elsewhere["area"])


def test_a_large_monitor_gets_the_default_size_centred(qtbot):
    """Above 1920 × 1200 the window is not maximised: it opens at its default size, centred."""
    from PySide6.QtWidgets import QWidget

    from linviz.ui import screen_fit

    w = QWidget()
    qtbot.addWidget(w)
    area = QRect(0, 0, 2560, 1440)
    assert not screen_fit.place(w, QSize(1600, 1000), area)
    assert w.size() == QSize(1600, 1000) and w.geometry().center() == area.center()
    small = QWidget()
    qtbot.addWidget(small)
    assert screen_fit.place(small, QSize(1600, 1000), QRect(0, 0, 1280, 800))
    assert small.size() == QSize(1280, 800)
