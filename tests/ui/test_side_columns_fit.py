"""At 1280 × 800 the controls column shows every control whole, in English and in Spanish.

The column is about 270 px wide there (the plane comes first). When its rows were wider than
that, the dock scrolled sideways and the number boxes at the right — Δ, λ, α, steps — were cut
off and looked empty from the back of the room. The window is started as `linviz` starts it,
in a fresh process whose only screen is 1280 × 800.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

_PROBE = """
import json, sys
from linviz.ui.app import make_application
app = make_application()
from linviz.ui import i18n
from linviz.ui.main_window import MainWindow
from PySide6.QtWidgets import QAbstractSpinBox, QScrollArea
win = MainWindow(persist=True)
win.show()
i18n.set_language(app, sys.argv[1])
for _ in range(30):
    app.processEvents()
dock = win.docks["controls"]
area = max((a for a in dock.findChildren(QScrollArea) if a.widget() is not None and a.isVisible()),
           key=lambda a: a.widget().findChildren(QAbstractSpinBox).__len__())
view = area.viewport()
cut = []
for box in area.widget().findChildren(QAbstractSpinBox):
    if not box.isVisible():
        continue
    right = box.mapTo(view, box.rect().topRight()).x()
    if right >= view.width():
        cut.append(box.objectName())
print(json.dumps({"need": area.widget().minimumSizeHint().width(), "have": view.width(),
                  "hscroll": area.horizontalScrollBar().maximum(), "cut": cut}))
"""


@pytest.mark.parametrize("language", ["en", "es"])
def test_controls_column_shows_every_box_whole_at_1280x800(tmp_path, language):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1280, "height": 800,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(REPO),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), LINVIZ_JIT="0")
    out = subprocess.run([sys.executable, "-c", _PROBE, language], env=env, capture_output=True, text=True,
                         timeout=300, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["need"] <= seen["have"] and seen["hscroll"] == 0, f"the controls scroll sideways: {seen}"
    assert not seen["cut"], f"number boxes cut off at the column's right edge: {seen}"
