"""The one atomic writer (engine/atomic.py): a save is wholly new or still the old file, even
when the writer is killed mid-write; symbolic links and permissions survive a save (issue 13).

Each rule runs against ``write_atomic`` itself and against the two engine writers that use it
(points files and lesson/lecture text), so a writer that went around it would fail here.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from linviz.engine import atomic
from linviz.engine.atomic import atomic_path, temp_name, write_atomic
from linviz.engine.datasets import DatasetError, make_preset, read_points, to_json, write_points
from linviz.engine.lesson_file import LessonError, write_text

POINTS = make_preset("cs231n")
NEW = to_json(POINTS).encode("utf-8")
REPO = Path(__file__).resolve().parents[2]


def via_atomic(path):
    write_atomic(path, NEW)


def via_points(path):
    write_points(POINTS, path)


def via_lesson_text(path):
    write_text(path, NEW.decode("utf-8"))


WRITERS = pytest.mark.parametrize("write", [via_atomic, via_points, via_lesson_text])


def dead_pid() -> int:
    """The id of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@WRITERS
def test_a_writer_killed_mid_write_leaves_the_old_file_and_the_next_save_sweeps_its_temp(tmp_path, write):
    """A real ``kill -9`` while half the new file is written: the old file is untouched, and the
    next save of the same file removes the dead writer's temporary file."""
    path = tmp_path / "points.json"
    path.write_bytes(b"the old file")
    script = textwrap.dedent("""
        import sys, time
        from linviz.engine.atomic import atomic_path
        with atomic_path(sys.argv[1]) as tmp, open(tmp, "wb") as f:
            f.write(b"half of the new fi")
            f.flush()
            print("writing", flush=True)
            time.sleep(60)
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "writing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert path.read_bytes() == b"the old file"
    stray = [n for n in names(tmp_path) if n != path.name]
    assert stray and stray[0].startswith(f".points.json.{child.pid}-")  # kill -9: no clean-up ran
    write(path)
    assert names(tmp_path) == ["points.json"] and read_points(path) == POINTS


@WRITERS
def test_a_running_writers_temp_file_is_left_alone(tmp_path, write):
    path = tmp_path / "lesson.json"
    stray = tmp_path / temp_name(path, dead_pid(), "abcd1234")
    live = tmp_path / temp_name(path, os.getppid(), "abcd1234")  # our parent runs: a save in progress
    older = tmp_path / f".lesson.json.{dead_pid()}-abcd1234.tmp"  # the name earlier versions used
    other = tmp_path / ".lesson.json.bak-notes.tmp"  # not a temporary file of ours
    for p in (stray, live, older, other):
        p.write_text("half a file")
    write(path)
    assert names(tmp_path) == sorted([path.name, live.name, other.name])


@WRITERS
def test_saving_over_a_symlinked_file_writes_through_to_its_target(tmp_path, write):
    target = tmp_path / "real" / "points.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "points.json"
    link.symlink_to(target)
    write(link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert read_points(target) == POINTS
    assert names(target.parent) == ["points.json"] and names(tmp_path) == ["points.json", "real"]


@WRITERS
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444, 0o755])
def test_a_save_keeps_the_files_permissions(tmp_path, write, mode):
    path = tmp_path / "points.json"
    path.write_text("old")
    path.chmod(mode)
    write(path)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert read_points(path) == POINTS


def test_a_new_file_gets_the_ordinary_permissions_not_the_temp_files_private_ones(tmp_path):
    mask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", NEW)
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_a_failing_block_keeps_the_old_file_and_leaves_no_temp(tmp_path):
    """An exception of the caller's (a cancelled export) or a full disk: nothing changes."""
    path = tmp_path / "film.gif"
    path.write_bytes(b"old film")
    with pytest.raises(KeyboardInterrupt), atomic_path(path) as tmp:
        assert tmp.name.endswith(".tmp.gif") and tmp.parent == tmp_path  # imageio picks GIF by name
        tmp.write_bytes(b"half")
        raise KeyboardInterrupt
    assert path.read_bytes() == b"old film" and names(tmp_path) == ["film.gif"]


@pytest.mark.parametrize(("write", "error"), [(via_points, DatasetError), (via_lesson_text, LessonError)])
def test_a_write_that_cannot_happen_names_the_file_in_a_coded_message(tmp_path, write, error):
    path = tmp_path / "missing-folder" / "x.json"
    with pytest.raises(error) as e:
        write(path)
    assert e.value.message.code == "cannot_write" and e.value.message.params[0] == str(path)
    assert str(e.value).startswith(f"{path}: cannot write file: ")


def test_the_engine_has_one_atomic_writer():
    """Points and lessons go through atomic.py; no module keeps a writer of its own."""
    engine = Path(atomic.__file__).parent
    own = [p.name for p in engine.rglob("*.py") if p.name != "atomic.py" and "os.replace(" in p.read_text()]
    assert own == ["cifar.py"]  # cifar moves a whole unpacked folder into place, not a file
