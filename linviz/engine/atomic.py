"""Writing a file so that it is either wholly the new one or still the old one: the one
atomic writer of the app (points, lessons, lecture files, CSV exports, pictures and films).

The data goes to a temporary file beside the target (same folder, so ``os.replace`` is a
rename on one file system), is flushed and fsynced, then replaces the target; any failure —
or an exception of the caller's, such as a cancelled export — removes the temporary file, so
no half-written file is ever left by a writer that lives to clean up.

The rules (issue 13):

- the temporary file is ``.NAME.PID-TOKEN.tmpSUFFIX`` (:data:`TMP_PATTERN`): hidden, named with
  the writer's process id, and ending in the target's suffix (``.tmp.gif``) so that tools that
  pick a format by extension (imageio) write the right one;
- one left by a writer that was killed (``kill -9`` mid-write: no ``finally`` runs) is removed
  by the next write of the same file once its process is gone; a live writer's is left alone;
- a symbolic link is written through: its target gets the new content, the link stays a link;
- the new file keeps the permissions of the file it replaces (a new file: 0666 less the umask).
"""

from __future__ import annotations

import glob
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TMP_PATTERN = ".{name}.{pid}-{token}.tmp{suffix}"
"""The temporary file a write goes through, beside its target (``suffix`` is the target's)."""


def temp_name(path: Path, pid: int | None = None, token: str | None = None) -> str:
    """The name of a temporary file for ``path`` written by process ``pid`` (default: this one)."""
    return TMP_PATTERN.format(name=path.name, pid=os.getpid() if pid is None else pid,
                              token=token or secrets.token_hex(4), suffix=path.suffix)


def _target(path) -> Path:
    """``path``, or the file it links to (followed to the end) when it is a symbolic link."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


@contextmanager
def atomic_path(path) -> Iterator[Path]:
    """Yields a fresh temporary path beside ``path`` (the file exists, empty); the block writes
    it, and it is moved onto ``path`` only if the block succeeds.

    A symbolic ``path`` is written through to its target. The file gets the permissions of the
    file it replaces. OSError propagates; the temporary file never outlives the block."""
    path = _target(path)
    remove_stale_temps(path)
    tmp = path.with_name(temp_name(path))
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    os.close(fd)
    try:
        yield tmp
        if path.exists():  # set last: a read-only file's mode would stop the block writing
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
        _sync_folder(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (flushed and fsynced before it replaces the old file)."""
    with atomic_path(path) as tmp, open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def remove_stale_temps(path) -> None:
    """Remove temporary files beside ``path`` (:data:`TMP_PATTERN`) whose writer is no longer
    running; those of this process and of running ones stay."""
    path = Path(path)
    own = re.compile(rf"\.{re.escape(path.name)}\.(\d+)-[0-9a-f]+\.tmp(\..*)?")
    try:
        leftovers = list(path.parent.glob(f".{glob.escape(path.name)}.*-*.tmp*"))
    except OSError:
        return
    for tmp in leftovers:
        match = own.fullmatch(tmp.name)
        if match is None:
            continue
        pid = int(match.group(1))
        if pid != os.getpid() and not _running(pid):
            try:
                tmp.unlink()
            except OSError:
                pass


def _running(pid: int) -> bool:
    """Whether process ``pid`` runs (True when unsure: never remove a file that may be written)."""
    if os.name == "nt":  # os.kill would end the process there: never clean up
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process (PermissionError) or unknown
        return True
    return True


def _sync_folder(folder: Path) -> None:
    """fsync the folder so the rename itself survives a power cut (POSIX; best effort)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["TMP_PATTERN", "atomic_path", "remove_stale_temps", "temp_name", "write_atomic"]
