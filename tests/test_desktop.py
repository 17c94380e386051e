"""``linviz install-desktop``: a Linux menu entry and icon in the user's XDG data folder."""

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linviz import cli
from linviz.resources import ICON_SIZES, icon_path

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG desktop entries are for Linux")


def test_install_desktop_writes_a_valid_entry_and_every_icon_size(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert cli.main(["install-desktop"]) == 0
    entry = tmp_path / "applications" / "linviz.desktop"
    assert f"wrote {entry}" in capsys.readouterr().out
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils; setup.sh --system does)")
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout
    text = entry.read_text(encoding="utf-8")
    assert "Icon=linviz\n" in text and "Terminal=false\n" in text
    program = shlex.split(text.split("Exec=", 1)[1].splitlines()[0])[0]
    assert Path(program).is_file()  # the menu starts something that exists
    for size in ICON_SIZES:
        png = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "linviz.png"
        assert png.read_bytes() == icon_path(size).read_bytes()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "linviz.svg").read_bytes() == icon_path().read_bytes()


def test_uninstall_removes_exactly_what_install_wrote(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    other = tmp_path / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    assert cli.main(["install-desktop"]) == 0
    assert cli.main(["install-desktop", "--uninstall"]) == 0
    assert "removed" in capsys.readouterr().out
    assert sorted(p for p in tmp_path.rglob("*") if p.is_file()) == [other]  # someone else's entry stays
    assert cli.main(["install-desktop", "--uninstall"]) == 0
    assert capsys.readouterr().out.strip() == "nothing to remove"


def test_an_exec_path_with_spaces_is_quoted_as_the_spec_asks(tmp_path, monkeypatch):
    from linviz import desktop

    monkeypatch.setattr(desktop, "launch_command", lambda: ["/opt/my apps/linviz-gui", "100%"])
    assert 'Exec="/opt/my apps/linviz-gui" 100%%\n' in desktop.desktop_entry()
