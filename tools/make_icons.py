"""Render assets/icons/linviz.svg to the PNG sizes desktops ask for (16 … 256 px).

    QT_QPA_PLATFORM=offscreen python tools/make_icons.py

Qt's own SVG renderer (QtSvg, in PySide6-Essentials) draws them, so the PNGs match what the app
would draw from the SVG. Run it after editing the SVG and commit the PNGs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from linviz.resources import ICON_SIZES  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "assets" / "icons"


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage painting needs it)
    renderer = QSvgRenderer(str(ICONS / "linviz.svg"))
    if not renderer.isValid():
        print("linviz.svg is not a valid SVG", file=sys.stderr)
        return 1
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
        image.fill(Qt.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ICONS / f"linviz-{size}.png"
        image.save(str(out))
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
