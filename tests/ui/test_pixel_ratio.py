"""Device pixel ratios 1.25, 1.5 and 2 (a laptop's scaling beside a projector): the main window
still fits a screen of 1280 × 800 logical pixels, the plane keeps its room and no text is
cut, at the default font and three steps up. Each ratio runs in its own process (Qt reads QT_SCALE_FACTOR once, at start-up) on an
offscreen screen of 1280·r × 800·r device pixels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

_START = """
import json, sys
sys.path.insert(0, sys.argv[1])
from linviz.ui.app import make_application
app = make_application()
from linviz.ui.main_window import MainWindow
from clipped_text import clipped
win = MainWindow(persist=True)   # as `linviz` starts: fitted to the screen
win.show()
for _ in range(20):
    app.processEvents()
screen = app.primaryScreen()
vb = win.plane.plot.getViewBox().sceneBoundingRect()
g, area = win.frameGeometry(), screen.availableGeometry()
from linviz.ui import style
cut = set()
for pt in (style.BASE_FONT_PT, style.FONT_STEPS[3]):   # the default font and three steps up
    style.set_font_pt(pt)
    for name in ("scores", "surface", "geometry", "gradcheck"):
        win.docks[name].raise_()
        for _ in range(10):
            app.processEvents()
        cut |= {f"{pt}pt {name}: {line}" for line in clipped(win) if "(lossPlot)" not in line}
print(json.dumps({"ratio": win.devicePixelRatioF(), "area": [area.width(), area.height()],
                  "frame": [g.x(), g.y(), g.width(), g.height()],
                  "plane": [vb.width(), vb.height()], "cut": sorted(cut)}))
"""


@pytest.mark.parametrize("ratio", [1.25, 1.5, 2.0])
def test_the_main_window_fits_and_cuts_no_text_at_a_device_pixel_ratio(tmp_path, ratio):
    width, height = round(1280 * ratio), round(800 * ratio)
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(ratio),
               PYTHONPATH=str(REPO), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), LINVIZ_JIT="0")
    out = subprocess.run([sys.executable, "-c", _START, str(Path(__file__).parent)], env=env, capture_output=True,
                         text=True, timeout=300, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["ratio"] == pytest.approx(ratio)
    assert seen["area"] == [1280, 800]  # the same logical screen as a 1280 × 800 projector
    x, y, w, h = seen["frame"]  # Qt rounds a maximised window's device pixels up to whole logical ones
    assert x >= 0 and y >= 0 and x + w <= 1280 + 1 and y + h <= 800 + 1, seen
    assert min(seen["plane"]) >= 480, seen["plane"]
    assert not seen["cut"], seen["cut"]
