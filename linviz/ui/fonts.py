"""The faces linviz draws with, shipped in ``assets/fonts`` and registered at start-up.

Machines differ in what fontconfig calls ``sans-serif`` and ``monospace`` (with Debian's
``fonts-noto-mono`` installed, ``monospace`` is Noto Sans Mono; a Windows or macOS laptop has
neither DejaVu face). Widths, row heights and so the layout would follow whatever the
projector laptop has. linviz therefore ships DejaVu Sans and DejaVu Sans Mono (regular and
bold; Bitstream Vera licence, ``assets/fonts/LICENSE-DejaVu.txt``) and asks Qt for them by
name: a face registered with ``QFontDatabase.addApplicationFont`` wins over the system's.

DejaVu Sans was chosen for its wide, open letterforms and large x-height (it reads from the
back of a lecture hall), for covering every symbol the app prints (λ Δ ∇ ∂ ≥ − ‖ ▸ …) and
because it is what the app was laid out with.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from linviz.resources import asset_path

FONTS_DIR = asset_path("fonts")
UI_FAMILY = "DejaVu Sans"
"""The face of every label, button, table and plot text."""
MONO_FAMILY = "DejaVu Sans Mono"
"""The fixed-pitch face of numbers in tables (tabular digits)."""
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf")

_registered: dict[str, list[str]] = {}


def register_fonts() -> dict[str, list[str]]:
    """Register the shipped faces with Qt once (needs a QGuiApplication); returns
    ``{file name: [families]}``. A file that cannot be read is skipped: Qt then falls back
    to the system's faces, as before."""
    if not _registered:
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(FONTS_DIR / name))
            _registered[name] = list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []
    return dict(_registered)


def ui_font(point_size: float) -> QFont:
    """The app font: DejaVu Sans at ``point_size`` points, sans-serif if it is missing."""
    font = QFont(UI_FAMILY)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    return font


def mono_font(point_size: float | None = None) -> QFont:
    """DejaVu Sans Mono (monospace if it is missing) at ``point_size`` points (the app's size
    when None)."""
    font = QFont(MONO_FAMILY)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font
