"""CIFAR-10: read the official python batches, download them once, preprocess.

Layout we keep in memory (``CifarData``): images are **uint8 (N, 32, 32, 3)**,
C-contiguous, RGB, row-major — ready to show and to feed ``image_features``;
``X.reshape(N, 3072)`` is a free view whose rows are in HWC order (r, g, b of
pixel 0, then pixel 1, …; the files store CHW rows, which we transpose once on
load). Labels are int64 (N,). All 60,000 images take 184 MB as uint8; loading
peaks at about twice the training part (the batches, then their concatenation),
well under 1 GB. We never hold a float copy of the whole set: models take float32
rows a mini-batch at a time from ``to_float_rows``.

Security: the batch files are Python pickles, and unpickling an arbitrary pickle
can run arbitrary code. The official archive is pinned by its SHA-256, and we
unpickle with an allow-list that only admits what a CIFAR batch holds (dicts,
lists, bytes, ints and a NumPy array), so a doctored file in a folder the user
picks is refused instead of executed.

Every fault in a file raises ``CifarError`` naming the file and what is wrong.
"""

from __future__ import annotations

import gzip
import os
import pickle
import shutil
import tarfile
import time
import tempfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .text import Explained, explained

CIFAR10_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"
CIFAR10_HASH = "sha256:6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce"
CIFAR10_SIZE = 170_498_071
ARCHIVE_NAME = "cifar-10-python.tar.gz"
FOLDER_NAME = "cifar-10-batches-py"
TRAIN_FILES = tuple(f"data_batch_{i}" for i in range(1, 6))
TEST_FILE = "test_batch"
META_FILE = "batches.meta"
OFFICIAL_FILES = (*TRAIN_FILES, TEST_FILE, META_FILE)
CLASS_NAMES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
IMAGE_SHAPE = (32, 32, 3)
ROW_LEN = 32 * 32 * 3
DOWNLOAD_CHUNK = 64 * 1024  # bytes per progress update (pooch's default, 1 KiB, floods a GUI)
_TAR_FILTER = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # Python ≥ 3.11.4


class CifarError(Explained, Exception):
    """A CIFAR-10 file or download is missing, damaged or not what we expect."""


class DownloadCancelled(CifarError):
    """``should_stop()`` asked to stop; no partial file or folder is left in the cache."""


@dataclass(frozen=True, eq=False)
class CifarData:
    """CIFAR-10 in memory: X uint8 (N, 32, 32, 3) RGB, y int64 (N,) in [0, C)."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple[str, ...]

    @property
    def n_classes(self) -> int:
        return len(self.class_names)


# ---------------------------------------------------------------- reading


class _BatchUnpickler(pickle.Unpickler):
    """Unpickles only what a CIFAR batch needs; any other global is refused."""

    _ALLOWED = {
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
        ("numpy.core.multiarray", "scalar"),
        ("numpy._core.multiarray", "scalar"),
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("_codecs", "encode"),  # how Python 3 stores bytes in protocol 2 …
        ("codecs", "encode"),
        ("__builtin__", "bytes"),  # … and empty bytes
        ("builtins", "bytes"),
    }

    def find_class(self, module, name):
        if (module, name) not in self._ALLOWED:
            raise pickle.UnpicklingError(f"refusing to load {module}.{name}, which a CIFAR-10 batch never holds")
        if module.startswith("numpy.core."):
            # Old pickles name numpy.core; on NumPy 2 go straight to numpy._core
            # (same object, and no chance of its DeprecationWarning).
            try:
                return super().find_class(module.replace("numpy.core.", "numpy._core."), name)
            except ImportError:  # NumPy 1.x
                pass
        return super().find_class(module, name)


def _read_pickle(path: Path) -> object:
    """``pickle.load(f, encoding="bytes")`` with the allow-list; faults → CifarError."""
    try:
        with open(path, "rb") as f:
            return _BatchUnpickler(f, encoding="bytes").load()
    except FileNotFoundError:
        raise explained(CifarError, "file_not_found", path) from None
    except OSError as e:
        raise explained(CifarError, "cifar_cannot_read", path, e.strerror or e) from e
    except EOFError:
        raise explained(CifarError, "cifar_truncated", path) from None
    except Exception as e:  # UnpicklingError, ValueError, … from a damaged file
        raise explained(CifarError, "cifar_bad_pickle", path, f"{type(e).__name__}: {e}") from e


def _get(d: dict, key: str):
    """``d[b'key']`` (files from Python 2) or ``d['key']`` (from Python 3); None if absent."""
    return d.get(key.encode(), d.get(key))


def _read_batch(path: Path, n_classes: int, out: np.ndarray | None = None) -> tuple[np.ndarray | None, np.ndarray]:
    """One batch file → (X uint8 (n, 32, 32, 3), y int64 (n,)), validated. With ``out``
    (m, 32, 32, 3): the images go into it when n == m and X is None."""
    d = _read_pickle(path)
    if not isinstance(d, dict):
        raise explained(CifarError, "cifar_not_dict", path, type(d).__name__)
    data, labels = _get(d, "data"), _get(d, "labels")
    missing = [k for k, v in (("data", data), ("labels", labels)) if v is None]
    if missing:
        raise explained(CifarError, "cifar_missing_keys", path, ", ".join(repr(k.encode()) for k in missing))
    if not isinstance(data, np.ndarray) or data.dtype != np.uint8 or data.ndim != 2 or data.shape[1] != ROW_LEN:
        what = f"{data.dtype} array of shape {data.shape}" if isinstance(data, np.ndarray) else type(data).__name__
        raise explained(CifarError, "cifar_bad_data", path, ROW_LEN, what)
    if len(data) == 0:
        raise explained(CifarError, "cifar_no_images", path)
    y = np.asarray(labels)
    if y.ndim != 1 or not np.issubdtype(y.dtype, np.integer):
        raise explained(CifarError, "cifar_bad_labels", path)
    if len(y) != len(data):
        raise explained(CifarError, "cifar_label_count", path, len(y), len(data))
    if y.min() < 0 or y.max() >= n_classes:
        bad = int(y[(y < 0) | (y >= n_classes)][0])
        raise explained(CifarError, "cifar_label_range", path, bad, n_classes - 1)
    images = data.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    if out is not None and len(out) == len(images):
        out[...] = images
        return None, y.astype(np.int64)
    return np.ascontiguousarray(images), y.astype(np.int64)


def _read_meta(path: Path) -> tuple[str, ...]:
    """Class names from ``batches.meta``; the standard 10 if the file is absent."""
    if not path.exists():
        return CLASS_NAMES
    d = _read_pickle(path)
    names = _get(d, "label_names") if isinstance(d, dict) else None
    if not isinstance(names, list) or not 2 <= len(names) <= 255:
        raise explained(CifarError, "cifar_bad_meta", path)
    try:
        return tuple(n.decode("utf-8") if isinstance(n, bytes) else str(n) for n in names)
    except UnicodeDecodeError as e:
        raise explained(CifarError, "cifar_bad_name", path, e) from e


def _read_batches(paths: list[Path], n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """The batches one after another into one uint8 (N, 32, 32, 3) array, (and y (N,)).

    Room for len(paths) batches the size of the first is made once and each batch is
    transposed straight into it, so the five batches are never held twice (a list of
    parts then ``np.concatenate`` held 300 MB for the 150 MB result, and left the
    allocator's heap that much larger for the rest of the run); batches of other
    sizes fall back to concatenating."""
    first_X, first_y = _read_batch(paths[0], n_classes)
    if len(paths) == 1:
        return first_X, first_y
    size = len(first_X)
    X = np.empty((size * len(paths), *first_X.shape[1:]), dtype=np.uint8)
    X[:size] = first_X
    del first_X
    ys, end = [first_y], size
    for path in paths[1:]:
        part_X, part_y = _read_batch(path, n_classes, out=X[end : end + size])
        if part_X is not None:  # not the first batch's size: concatenate the rest
            X = np.concatenate([X[:end], part_X])
        end += len(part_y)
        ys.append(part_y)
    return X[:end] if end < len(X) else X, np.concatenate(ys)


def load_cifar10(folder, *, train_batches: Iterable[int] | None = None) -> CifarData:
    """Read a ``cifar-10-batches-py`` folder into a ``CifarData``.

    ``train_batches``: which of ``data_batch_1`` … ``data_batch_5`` to read, as
    numbers 1..5 (each must exist); None reads every one present (at least one).
    ``test_batch`` is required; ``batches.meta`` is optional (without it the
    standard ten class names are used).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise explained(CifarError, "cifar_no_folder", folder)
    if train_batches is None:
        names = [n for n in TRAIN_FILES if (folder / n).is_file()]
        if not names:
            raise explained(CifarError, "cifar_no_train", folder)
    else:
        numbers = list(train_batches)
        if not numbers or any(i not in range(1, 6) for i in numbers):
            raise ValueError(f"train_batches must be numbers from 1 to 5; got {numbers}")
        names = [TRAIN_FILES[i - 1] for i in numbers]
    if not (folder / TEST_FILE).is_file():
        raise explained(CifarError, "cifar_no_test", folder / TEST_FILE)
    class_names = _read_meta(folder / META_FILE)
    X_train, y_train = _read_batches([folder / n for n in names], len(class_names))
    X_test, y_test = _read_batch(folder / TEST_FILE, len(class_names))
    return CifarData(X_train, y_train, X_test, y_test, class_names)


# ---------------------------------------------------------------- download


def default_cache_dir() -> Path:
    """The per-user cache folder, e.g. ``~/.cache/linviz`` on Linux."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("linviz"))


def find_cached_cifar10(cache_dir=None) -> Path | None:
    """``<cache>/cifar-10-batches-py`` if a complete unpacked copy is there, else None."""
    folder = Path(cache_dir or default_cache_dir()) / FOLDER_NAME
    return folder if all((folder / n).is_file() for n in OFFICIAL_FILES) else None


class _Progress:
    """Pooch's progress-bar protocol (``total``, ``update``, ``reset``, ``close``)
    turned into ``progress(done_bytes, total_bytes)`` calls, polling ``should_stop``.

    Pooch calls ``update(chunk_size)`` per chunk (not the chunk's real length), so
    ``done`` is capped at ``total``; ``total`` is the Content-Length, or
    ``fallback_total`` when the server sends none (0 if unknown).
    """

    def __init__(self, progress, should_stop, fallback_total: int):
        self.progress, self.should_stop, self.fallback_total = progress, should_stop, fallback_total
        self.total, self.done = 0, 0

    def update(self, n: int) -> None:
        if self.should_stop is not None and self.should_stop():
            raise DownloadCancelled("the CIFAR-10 download was cancelled")
        total = self.total or self.fallback_total
        self.done = min(self.done + n, total) if total else self.done + n
        if self.progress is not None:
            self.progress(self.done, total)

    def reset(self) -> None:
        self.done = 0

    def close(self) -> None:
        pass


def download_cifar10(
    cache_dir=None,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    url: str = CIFAR10_URL,
    known_hash: str = CIFAR10_HASH,
    keep_archive: bool = False,
    timeout: float = 30.0,
) -> Path:
    """Download and unpack CIFAR-10 once; return the ``cifar-10-batches-py`` folder.

    If ``<cache_dir>/cifar-10-batches-py`` is complete, it is returned at once
    (no network). Otherwise pooch streams the archive (163 MB) into a temporary
    file in ``cache_dir`` (default: ``platformdirs.user_cache_dir("linviz")``),
    checks its SHA-256 and only then moves it into place; a failed, cancelled or
    corrupt download leaves nothing behind. The archive is unpacked into a
    temporary folder which is renamed to ``cifar-10-batches-py`` only when it holds
    all seven files; then the archive is deleted unless ``keep_archive``.

    ``progress(done_bytes, total_bytes)`` is called every 64 KiB; ``should_stop()``
    is polled at the same pace, and between the files while unpacking; when it
    returns true we stop with ``DownloadCancelled`` (an archive that was already
    downloaded and verified is kept, so the next call only unpacks it). Both are
    called on the calling thread.
    """
    import pooch

    cache = Path(cache_dir or default_cache_dir())
    found = find_cached_cifar10(cache)
    if found is not None:
        return found
    if should_stop is not None and should_stop():
        raise DownloadCancelled("the CIFAR-10 download was cancelled")
    bar = _Progress(progress, should_stop, CIFAR10_SIZE if url == CIFAR10_URL else 0)
    downloader = pooch.HTTPDownloader(progressbar=bar, chunk_size=DOWNLOAD_CHUNK, timeout=timeout)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        archive = Path(pooch.retrieve(url, known_hash, fname=ARCHIVE_NAME, path=cache, downloader=downloader))
    except CifarError:
        raise
    except ValueError as e:  # pooch: the SHA-256 does not match
        raise explained(CifarError, "download_corrupt", url, e) from e
    except OSError as e:  # requests' errors are OSErrors too
        raise explained(CifarError, "download_failed", url, e) from e
    folder = _unpack(archive, cache, should_stop)
    if not keep_archive:
        archive.unlink(missing_ok=True)
    remove_stale_parts(cache)
    return folder


STALE_PART_S = 300.0
"""A part file (pooch's ``tmp*``) or unpacking folder untouched this long belongs to a download that was killed."""


def remove_stale_parts(cache: Path, older_than_s: float = STALE_PART_S) -> list[Path]:
    """Remove what killed downloads left in ``cache`` (pooch's ``tmp…`` part files, ``.unpacking-…`` folders)
    not written for ``older_than_s`` seconds (a download running in another process keeps its file fresh).
    Returns what was removed."""
    removed = []
    now = time.time()
    for pattern in ("tmp*", ".unpacking-*"):
        for p in Path(cache).glob(pattern):
            try:
                if now - p.stat().st_mtime < older_than_s:
                    continue
                shutil.rmtree(p) if p.is_dir() and not p.is_symlink() else p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed


def _unpack(archive: Path, cache: Path, should_stop=None) -> Path:
    """Extract ``cifar-10-batches-py/`` from the archive, atomically, into ``cache``.

    Only regular files and folders inside ``cifar-10-batches-py/`` are extracted
    (tarfile's "data" filter where Python has it). A damaged archive is deleted,
    and no partial folder is left.
    """
    try:
        tmp = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=cache))
    except OSError as e:
        raise explained(CifarError, "cifar_cannot_unpack", cache, archive.name, e) from e
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                if should_stop is not None and should_stop():
                    raise DownloadCancelled("the CIFAR-10 download was cancelled while unpacking")
                parts = Path(member.name).parts
                if (member.isfile() or member.isdir()) and parts[:1] == (FOLDER_NAME,) and ".." not in parts:
                    tar.extract(member, tmp, **_TAR_FILTER)
        missing = [n for n in OFFICIAL_FILES if not (tmp / FOLDER_NAME / n).is_file()]
        if missing:
            raise explained(CifarError, "cifar_archive_incomplete", archive, f"{FOLDER_NAME}/{missing[0]}")
        dest = cache / FOLDER_NAME
        if dest.exists():  # an incomplete copy (find_cached_cifar10 said so)
            shutil.rmtree(dest)
        os.replace(tmp / FOLDER_NAME, dest)
        return dest
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as e:
        archive.unlink(missing_ok=True)
        raise explained(CifarError, "cifar_archive_damaged", archive, e) from e
    except DownloadCancelled:
        raise
    except CifarError:
        archive.unlink(missing_ok=True)
        raise
    except OSError as e:  # e.g. disk full: keep the (good) archive for the next try
        raise explained(CifarError, "cifar_cannot_unpack", cache, archive.name, e) from e
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------- preprocessing


def mean_image(X, chunk: int = 4096) -> np.ndarray:
    """μ = (1/N) Σ_i X[i], accumulated in float64 over chunks of rows → float32 X.shape[1:].

    For uint8 (N, 32, 32, 3) images it is the (32, 32, 3) mean image; only one
    chunk is ever converted at a time.
    """
    X = np.asarray(X)
    if len(X) == 0:
        raise ValueError("mean_image needs at least one image")
    total = np.zeros(X.shape[1:], dtype=np.float64)
    for i in range(0, len(X), chunk):
        total += X[i : i + chunk].sum(axis=0, dtype=np.float64)
    return (total / len(X)).astype(np.float32)


def to_float_rows(X, mean=None, scale: float = 1.0) -> np.ndarray:
    """Rows for a linear model: float32 (n, D) = (X.reshape(n, D) − μ) · scale.

    ``X`` is n images (any shape, usually uint8 (n, 32, 32, 3) → D = 3072, HWC
    order); ``mean`` is None or has D values (e.g. ``mean_image`` of the training
    set). Meant for one mini-batch or a subset at a time: the result is 4 bytes a
    value (50,000 images → 614 MB).
    """
    X = np.asarray(X)
    rows = X.reshape(len(X), -1).astype(np.float32)
    if mean is not None:
        mean = np.asarray(mean, dtype=np.float32).reshape(-1)
        if mean.shape[0] != rows.shape[1]:
            raise ValueError(f"mean has {mean.shape[0]} values for rows of {rows.shape[1]}")
        rows -= mean
    if scale != 1.0:
        rows *= np.float32(scale)
    return rows


def split_train_val(n: int, val_size: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A seeded random split of range(n): (train_idx (n − val_size,), val_idx (val_size,)), int64, each sorted."""
    if not 0 <= val_size < n:
        raise ValueError(f"val_size must be in [0, {n}); got {val_size}")
    perm = np.random.default_rng(seed).permutation(n)
    return np.sort(perm[val_size:]), np.sort(perm[:val_size])


def subsample(X, y, size: int, *, seed: int = 0, stratified: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """A seeded random subset of ``size`` rows: (X[idx], y[idx]), idx sorted.

    ``stratified``: classes are drawn in turn (one of each, then a second of each,
    …) so the subset is as balanced as the data allow — 500 of CIFAR-10 gives
    exactly 50 per class. Otherwise a plain uniform draw without replacement.
    """
    y = np.asarray(y)
    n = len(y)
    if len(X) != n or not 0 < size <= n:
        raise ValueError(f"need len(X) == len(y) and 0 < size ≤ {n}; got len(X)={len(X)}, size={size}")
    perm = np.random.default_rng(seed).permutation(n)
    if stratified:
        yp = y[perm]
        order = np.argsort(yp, kind="stable")
        first = np.searchsorted(yp[order], yp[order])  # where each element's class starts
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.arange(n) - first  # the element's turn within its class
        perm = perm[np.argsort(rank, kind="stable")]
    idx = np.sort(perm[:size])
    return X[idx], y[idx]


def add_bias_column(X) -> np.ndarray:
    """The bias trick: [X | 1], (n, D) → (n, D + 1), same dtype.

    Then W' = [W | b] and s = W' x' = W x + b, so it is equivalent to the separate
    bias b our linear models keep (but b is then regularised with W unless that
    column is excluded). Offered for following the CS231n notebooks literally.
    """
    X = np.asarray(X)
    return np.hstack([X, np.ones((len(X), 1), dtype=X.dtype)])
