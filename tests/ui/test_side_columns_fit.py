"""At 1280 × 800 the side columns show their views whole, in English and in Spanish.

The columns are about 270 px wide there (the plane comes first). When the controls' rows were
wider than that, the dock scrolled sideways and the number boxes at the right — Δ, λ, α, steps —
were cut off and looked empty from the back of the room. The loss curve asked for 400 px (its
legend beside the plot): its dock scrolled sideways, the legend was cut off at the right edge
and the plot's data area was a strip ~40 px wide between its axes. The window is started as
`linviz` starts it, in a fresh process whose only screen is 1280 × 800.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

_START = """
import json, sys
from linviz.ui.app import make_application
app = make_application()
from linviz.ui import i18n
from linviz.ui.main_window import MainWindow
win = MainWindow(persist=True)
win.show()
i18n.set_language(app, sys.argv[1])
for _ in range(30):
    app.processEvents()
"""
"""The window as `linviz` opens it, in the language of argv[1]."""

_PROBE = _START + """
from PySide6.QtWidgets import QAbstractSpinBox, QScrollArea
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


_LOSS_PROBE = _START + """
from PySide6.QtWidgets import QCheckBox, QLabel
view = win.loss_curve
area = win.docks["loss"].widget()
port = area.viewport()
cut = []
for w in [*view.findChildren(QLabel), *view.findChildren(QCheckBox)]:
    if w.isVisible() and w.mapTo(port, w.rect().topRight()).x() >= port.width():
        cut.append(w.text() or w.objectName() or "swatch")
print(json.dumps({"need": view.minimumSizeHint().width(), "have": port.width(),
                  "hscroll": area.horizontalScrollBar().maximum(), "vscroll": area.verticalScrollBar().maximum(),
                  "cut": cut, "data_px": [round(view.viewbox.width()), round(view.viewbox.height())]}))
"""


def _probe(tmp_path, probe: str, language: str) -> dict:
    """Run ``probe`` in a fresh process whose only screen is 1280 × 800; what it printed last."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1280, "height": 800,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(REPO),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), LINVIZ_JIT="0")
    out = subprocess.run([sys.executable, "-c", probe, language], env=env, capture_output=True, text=True,
                         timeout=300, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("language", ["en", "es"])
def test_controls_column_shows_every_box_whole_at_1280x800(tmp_path, language):
    seen = _probe(tmp_path, _PROBE, language)
    assert seen["need"] <= seen["have"] and seen["hscroll"] == 0, f"the controls scroll sideways: {seen}"
    assert not seen["cut"], f"number boxes cut off at the column's right edge: {seen}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_loss_curve_is_whole_in_the_right_column_at_1280x800(tmp_path, language):
    """The loss curve's dock does not scroll: its legend (names over the plot in a narrow dock) is whole
    and the plot's data area is wider than a strip (before: need 400 px, have 270; 82 px of data in
    English, 42 in Spanish, "log scale" and the names cut off at the right edge)."""
    seen = _probe(tmp_path, _LOSS_PROBE, language)
    assert seen["need"] <= seen["have"] and seen["hscroll"] == 0, f"the loss curve scrolls sideways: {seen}"
    assert seen["vscroll"] == 0, f"the loss curve scrolls: {seen}"
    assert not seen["cut"], f"legend text cut off at the dock's right edge: {seen}"
    assert seen["data_px"][0] >= 110 and seen["data_px"][1] >= 80, f"the plot's data area is a strip: {seen}"
