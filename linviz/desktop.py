"""``linviz install-desktop``: a menu entry and icon for the user's Linux desktop (XDG).

Writes ``$XDG_DATA_HOME/applications/linviz.desktop`` (``~/.local/share`` when unset) and the
icon in every size under ``$XDG_DATA_HOME/icons/hicolor/``; ``--uninstall`` removes exactly those
files. Nothing needs root. The entry starts the ``linviz-gui`` script installed beside the running
Python (or ``python -m linviz`` when there is none), so it works from any virtual environment or
pipx install. Standard library only (no Qt): the command works without a display.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from .resources import ICON_NAME, ICON_SIZES, icon_path

DESKTOP_FILE = f"{ICON_NAME}.desktop"


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` as the XDG base directory spec says."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def _quote(arg: str) -> str:
    """One Exec argument, quoted as the Desktop Entry spec asks (and ``%`` doubled)."""
    arg = arg.replace("%", "%%")
    if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    return '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'


def launch_command() -> list[str]:
    """How the menu starts the app: the ``linviz-gui`` script beside this Python, else ``python -m linviz``."""
    scripts = Path(sys.executable).parent
    for name in ("linviz-gui", "linviz-gui.exe"):
        if (scripts / name).is_file():
            return [str(scripts / name)]
    return [sys.executable, "-m", "linviz"]


def desktop_entry() -> str:
    """The text of ``linviz.desktop``."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=linviz",
        "GenericName=Linear classifier lab",
        "Comment=Watch linear classifiers learn: SVM, Softmax and kNN, live, for the classroom",
        "Comment[es]=Mira cómo aprenden los clasificadores lineales: SVM, Softmax y kNN, en vivo, para el aula",
        "Exec=" + " ".join(_quote(a) for a in launch_command()),
        f"Icon={ICON_NAME}",
        "Terminal=false",
        "Categories=Education;ComputerScience;",
        "Keywords=machine learning;SVM;softmax;kNN;gradient descent;CS231n;",
        f"StartupWMClass={ICON_NAME}",
        "",
    ])


def installed_files(root: Path | None = None) -> dict[Path, Path | None]:
    """Each file ``install-desktop`` writes → its source (None: the desktop entry, generated)."""
    root = root or data_home()
    icons = root / "icons" / "hicolor"
    files: dict[Path, Path | None] = {root / "applications" / DESKTOP_FILE: None}
    for size in ICON_SIZES:
        files[icons / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"] = icon_path(size)
    files[icons / "scalable" / "apps" / f"{ICON_NAME}.svg"] = icon_path()
    return files


def install(root: Path | None = None) -> list[Path]:
    """Write the desktop entry and the icons; returns the files written."""
    written = []
    for target, source in installed_files(root).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(desktop_entry(), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written


def uninstall(root: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote (and nothing else); returns the files removed."""
    removed = []
    for target in installed_files(root):
        if target.is_file():
            target.unlink()
            removed.append(target)
    return removed


def run(args) -> str:
    """``linviz install-desktop [--uninstall]``: what was done, one file a line."""
    if not (sys.platform.startswith("linux") or "bsd" in sys.platform):
        raise OSError("install-desktop writes a Linux (XDG) menu entry; on Windows and macOS start "
                      "linviz-gui (pipx puts it on the PATH) or pin it to the task bar / Dock")
    if args.uninstall:
        removed = uninstall()
        return "\n".join(f"removed {p}" for p in removed) or "nothing to remove"
    return "\n".join(f"wrote {p}" for p in install())


__all__ = ["install", "uninstall", "desktop_entry", "installed_files", "launch_command", "data_home", "run"]
