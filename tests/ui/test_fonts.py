"""The app draws with the faces it ships, whatever fonts the machine has."""

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from linviz.ui import fonts

REPO = Path(__file__).resolve().parents[2]

_PROBE = """
import json
from linviz.ui.app import make_application
from linviz.ui.fonts import mono_font
from linviz.ui.views.params_table import number_font
from PySide6.QtGui import QFontInfo, QFontMetricsF
app = make_application()
ui, mono, numbers = app.font(), mono_font(12), number_font()
print(json.dumps({
    "ui": QFontInfo(ui).family(), "mono": QFontInfo(mono).family(), "numbers": QFontInfo(numbers).family(),
    "ui_width": QFontMetricsF(ui).horizontalAdvance("Train until converged"),
    "mono_width": QFontMetricsF(mono).horizontalAdvance("-0.056"),
}))
"""


def test_the_shipped_faces_are_registered_with_their_licence(qapp):
    """Every shipped file loads and is the family the app asks for; the licence is beside them."""
    registered = fonts.register_fonts()
    assert set(registered) == set(fonts.FONT_FILES)
    assert {fam for fams in registered.values() for fam in fams} == {fonts.UI_FAMILY, fonts.MONO_FAMILY}
    assert (fonts.FONTS_DIR / "LICENSE-DejaVu.txt").read_text().count("Bitstream") > 1
    assert QFontInfo(QApplication.font()).family() == fonts.UI_FAMILY
    assert QFontInfo(fonts.mono_font(12)).family() == fonts.MONO_FAMILY
    assert QFontInfo(fonts.mono_font(12)).fixedPitch()


def _probe(tmp_path: Path, name: str, aliases: str = "") -> dict:
    """The app's faces and two text widths in a fresh process whose fontconfig knows only
    the fonts in ``tmp_path/name`` (none here: a machine with none of the app's faces)."""
    conf_dir = tmp_path / name
    (conf_dir / "fonts").mkdir(parents=True)
    conf = conf_dir / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{conf_dir / 'fonts'}</dir><cachedir>{conf_dir / 'cache'}</cachedir>{aliases}</fontconfig>""")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_layout_does_not_depend_on_the_machines_fonts(tmp_path):
    """On a machine whose fontconfig has no font at all (so ``sans-serif`` and ``monospace``
    are whatever is left), the app still draws with DejaVu Sans and DejaVu Sans Mono, and the
    same words are exactly as wide as on a machine that maps ``sans-serif`` and ``monospace``
    to other names: text widths, so layouts, are the machine's no longer."""
    bare = _probe(tmp_path, "bare")
    other = _probe(tmp_path, "other", """
<alias><family>sans-serif</family><prefer><family>Liberation Sans</family></prefer></alias>
<alias><family>monospace</family><prefer><family>Noto Sans Mono</family></prefer></alias>""")
    for probe in (bare, other):
        assert (probe["ui"], probe["mono"], probe["numbers"]) == (fonts.UI_FAMILY, fonts.MONO_FAMILY, fonts.MONO_FAMILY)
    assert bare["ui_width"] == other["ui_width"] > 0
    assert bare["mono_width"] == other["mono_width"] > 0
