"""linviz installed the ordinary way — a wheel, not editable — carries every data file it reads.

The wheel is built from a copy of the sources with this environment's own setuptools (no network,
no build isolation) and installed, without dependencies, into a fresh virtual environment that
sees this environment's packages (NumPy, PySide6, …) but not the source checkout. The commands a
teacher would run there fail if a data file (Iris, the translation, the icons) was left out.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[1]


def test_pyproject_lists_every_package():
    """package-dir (assets/ shipped as linviz.assets) rules out packages.find: the list is by hand."""
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    assert sorted(listed) == sorted(find_packages(str(ROOT), include=["linviz*"]) + ["linviz.assets"])


def _can_build_wheels_offline() -> bool:
    version = tuple(int(p) for p in metadata.version("setuptools").split(".")[:2])
    try:
        metadata.version("wheel")
        return True
    except metadata.PackageNotFoundError:
        return version >= (70, 1)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtual environment with the wheel installed: (its scripts folder, an env to run it)."""
    if not _can_build_wheels_offline():
        pytest.skip("this environment's setuptools cannot build a wheel offline: pip install -e '.[test]' "
                    "brings setuptools >= 70.1")
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing from the checkout
    env.update(QT_QPA_PLATFORM="offscreen", LINVIZ_JIT="0", XDG_DATA_HOME=str(tmp / "data"),
               XDG_CONFIG_HOME=str(tmp / "config"), XDG_CACHE_HOME=str(tmp / "cache"))
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for name in ("linviz", "assets"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp / "dist"
    build = subprocess.run([sys.executable, "-c", f"import setuptools.build_meta as b; b.build_wheel({str(dist)!r})"],
                           cwd=src, env=env, capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = dist.glob("linviz-*.whl")

    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60, env=env)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True, env=env).stdout.strip()
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                              "--no-index", "--no-cache-dir", "--ignore-installed", "-q", str(wheel)],
                             cwd=tmp, env=env, capture_output=True, text=True, timeout=120)
    assert install.returncode == 0, install.stderr[-3000:]
    # then this environment's packages (the dependencies), after the venv's own: never the checkout
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "linviz_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    return python.parent, env, tmp


def _run(installed, *args):
    scripts, env, tmp = installed
    return subprocess.run([str(scripts / "linviz"), *args], cwd=tmp, env=env, capture_output=True, text=True,
                          timeout=120)


def test_the_wheel_reads_its_own_data_files_not_the_checkouts(installed):
    scripts, env, tmp = installed
    done = subprocess.run([str(scripts / "python"), "-c", "from linviz.resources import assets_folder; "
                           "print(assets_folder())"], cwd=tmp, env=env, capture_output=True, text=True)
    assert Path(done.stdout.strip()).is_relative_to(tmp / "venv"), done.stdout + done.stderr
    assert (scripts / "linviz-gui").is_file()  # the window's own launcher (no console on Windows)


def test_installed_linviz_trains_on_iris(installed):
    done = _run(installed, "train", "--preset", "iris", "--steps", "20", "--json")
    assert done.returncode == 0, done.stderr  # Iris is read from the installed package
    report = json.loads(done.stdout)
    assert (report["n_train"], report["n_classes"]) == (150, 3)


def test_installed_linviz_renders_the_window_in_spanish(installed):
    out = installed[2] / "iris-es.png"
    done = _run(installed, "render", "--preset", "iris", "--steps", "20", "--language", "es",
                "--size", "800x500", "--out", str(out))
    assert done.returncode == 0, done.stderr  # a missing translation is an error, not an English window
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_installed_linviz_lists_the_built_in_lecture(installed):
    done = _run(installed, "lecture", "--list", "--json")
    assert done.returncode == 0, done.stderr  # the lecture file is read from the installed package
    assert len(json.loads(done.stdout)["scenes"]) > 10


def test_installed_linviz_installs_its_desktop_entry_and_icons(installed):
    done = _run(installed, "install-desktop")
    assert done.returncode == 0, done.stderr
    icons = installed[2] / "data" / "icons" / "hicolor"
    assert (icons / "256x256" / "apps" / "linviz.png").stat().st_size > 1000
    assert (icons / "scalable" / "apps" / "linviz.svg").is_file()
