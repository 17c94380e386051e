"""Where the app's data files are — Iris, translations, icons, fonts: ``asset_path("iris.csv")``.

The files live in the repository's top-level ``assets/`` folder. pyproject.toml ships that folder
inside the package as ``linviz.assets`` (setuptools' ``package-dir``), so a wheel installs them in
``site-packages/linviz/assets/`` and an editable install maps ``linviz.assets`` onto the folder
itself; :mod:`importlib.resources` finds them either way. In a source checkout (``python main.py``
with nothing installed, or ``PYTHONPATH=.``) the checkout's own ``assets/`` is used, so that a
checkout never reads another checkout's files through an editable install.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
"""The repository root when linviz runs from a source checkout (it holds pyproject.toml)."""


@lru_cache(maxsize=1)
def assets_folder() -> Path:
    """The folder holding the app's data files (a real folder: Qt loads icons, fonts and
    translations by file name, and wheels are installed unpacked)."""
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "assets").is_dir():
        return _CHECKOUT / "assets"
    return Path(resources.files("linviz.assets"))


def asset_path(*parts: str) -> Path:
    """The path of one data file, e.g. ``asset_path("translations", "linviz_es.qm")``."""
    return assets_folder().joinpath(*parts)


ICON_NAME = "linviz"
"""The icon's and the desktop entry's name (``linviz install-desktop``)."""
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""The PNG sizes in assets/icons/ (tools/make_icons.py renders them from the SVG)."""


def icon_path(size: int | None = None) -> Path:
    """``assets/icons/linviz-SIZE.png``, or ``linviz.svg`` when ``size`` is None."""
    return asset_path("icons", f"{ICON_NAME}.svg" if size is None else f"{ICON_NAME}-{size}.png")


__all__ = ["asset_path", "assets_folder", "icon_path", "ICON_NAME", "ICON_SIZES"]
