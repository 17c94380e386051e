"""Writing a file so that it is either wholly the new one or still the old one: the one
atomic writer of the app (points, lessons, CSV exports, pictures and films).

The data goes to a temporary file beside the target (same folder, so ``os.replace`` is a
rename on one file system), is flushed to disk, then replaces the target; any failure — or an
exception of the caller's, such as a cancelled export — removes the temporary file, so no
half-written file is ever left. The temporary name keeps the target's suffix (``.part.gif``),
so tools that pick a format by extension (imageio) write the right one.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(path) -> Iterator[Path]:
    """Yields a temporary path beside ``path``; moved onto ``path`` only if the block succeeds.

    The file gets the permissions of the file it replaces (or an ordinary file's: 0666 less the
    umask). OSError propagates; the temporary file never outlives the block."""
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=f".part{path.suffix}", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)  # mkstemp makes it private
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (flushed to disk before it replaces the old file)."""
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())


__all__ = ["atomic_path", "write_atomic"]
