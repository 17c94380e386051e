"""CIFAR-10 reading, downloading (against a local HTTP server) and preprocessing."""

import hashlib
import http.server
import io
import os
import pickle
import tarfile
import threading
import time
import tracemalloc
import warnings
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from linviz.engine import cifar
from linviz.engine.cifar import (
    CLASS_NAMES,
    CifarError,
    DownloadCancelled,
    add_bias_column,
    download_cifar10,
    find_cached_cifar10,
    load_cifar10,
    mean_image,
    split_train_val,
    subsample,
    to_float_rows,
)

CIFAR_DIR = Path(__file__).resolve().parents[2].parent / "shared/data/cifar-10-batches-py"


# ---------------------------------------------------------------- small files in the official format


def batch_dict(n, seed=0, n_classes=10):
    rng = np.random.default_rng(seed)
    return {
        b"batch_label": b"test batch",
        b"labels": rng.integers(0, n_classes, n).tolist(),
        b"data": rng.integers(0, 256, (n, 3072), dtype=np.uint8),
        b"filenames": [f"img_{i}.png".encode() for i in range(n)],
    }


def write_pickle(path, obj):
    path.write_bytes(pickle.dumps(obj, protocol=2))
    return path


def write_folder(folder, train=(1,), n=12, meta=True):
    """A cifar-10-batches-py look-alike: data_batch_i for i in ``train``, test_batch, batches.meta."""
    folder.mkdir(parents=True, exist_ok=True)
    batches = {f"data_batch_{i}": batch_dict(n, seed=i) for i in train}
    batches["test_batch"] = batch_dict(n, seed=99)
    for name, d in batches.items():
        write_pickle(folder / name, d)
    if meta:
        write_pickle(folder / "batches.meta", {b"label_names": [c.encode() for c in CLASS_NAMES], b"num_vis": 3072})
    return batches


def test_reads_small_folder_in_hwc_layout(tmp_path):
    batches = write_folder(tmp_path, train=(1, 3), n=12)
    data = load_cifar10(tmp_path)
    assert data.X_train.shape == (24, 32, 32, 3) and data.X_test.shape == (12, 32, 32, 3)
    assert data.X_train.dtype == np.uint8 and data.X_train.flags.c_contiguous
    assert data.y_train.dtype == np.int64 and data.class_names == CLASS_NAMES and data.n_classes == 10
    raw = np.vstack([batches["data_batch_1"][b"data"], batches["data_batch_3"][b"data"]])
    i, y, x, c = 13, 5, 17, 2  # file rows are CHW: channel c, row y, column x at c·1024 + y·32 + x
    assert data.X_train[i, y, x, c] == raw[i, c * 1024 + y * 32 + x]
    np.testing.assert_array_equal(data.X_train, raw.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1))
    np.testing.assert_array_equal(data.y_train, batches["data_batch_1"][b"labels"] + batches["data_batch_3"][b"labels"])
    np.testing.assert_array_equal(data.y_test, batches["test_batch"][b"labels"])
    only_3 = load_cifar10(tmp_path, train_batches=[3])
    np.testing.assert_array_equal(only_3.X_train, data.X_train[12:])


def test_meta_is_optional_and_sets_the_label_range(tmp_path):
    write_folder(tmp_path, meta=False)
    assert load_cifar10(tmp_path).class_names == CLASS_NAMES
    write_pickle(tmp_path / "batches.meta", {b"label_names": [b"cat", b"dog", b"frog"]})
    with pytest.raises(CifarError, match=r"data_batch_1: label \d+ is out of range 0\.\.2"):
        load_cifar10(tmp_path)
    for name in ("data_batch_1", "test_batch"):
        write_pickle(tmp_path / name, batch_dict(5, n_classes=3))
    assert load_cifar10(tmp_path).class_names == ("cat", "dog", "frog")


DAMAGE = (
    "truncated", "cut after header", "empty", "not a pickle", "not a dict", "missing data", "missing labels",
    "float data", "wrong shape", "data is a list", "no images", "label too big", "negative label", "label count",
    "float labels",
)  # fmt: skip


def corrupt(name):
    """Ways to damage one file, each with a piece of the expected message."""
    good = pickle.dumps(batch_dict(12), protocol=2)
    d = batch_dict(12)
    cases = {
        "truncated": (good[: len(good) // 2], "truncated|not a valid"),
        "cut after header": (good[:40], "truncated|not a valid"),
        "empty": (b"", "empty or truncated"),
        "not a pickle": (b"these are not the images you are looking for\n" * 20, "not a valid CIFAR-10 pickle"),
        "not a dict": (pickle.dumps([1, 2, 3], protocol=2), "expected a dict"),
        "missing data": (pickle.dumps({b"labels": d[b"labels"]}, protocol=2), r"missing key\(s\) b'data'"),
        "missing labels": (pickle.dumps({b"data": d[b"data"]}, protocol=2), r"missing key\(s\) b'labels'"),
        "float data": (pickle.dumps({**d, b"data": d[b"data"].astype(float)}, protocol=2), "must be a uint8 array"),
        "wrong shape": (pickle.dumps({**d, b"data": d[b"data"][:, :3000]}, protocol=2), r"shape \(n, 3072\)"),
        "data is a list": (pickle.dumps({**d, b"data": [1, 2]}, protocol=2), "found a list"),
        "no images": (pickle.dumps({**d, b"data": d[b"data"][:0], b"labels": []}, protocol=2), "no images"),
        "label too big": (pickle.dumps({**d, b"labels": [10] * 12}, protocol=2), "label 10 is out of range 0..9"),
        "negative label": (pickle.dumps({**d, b"labels": [0] * 11 + [-1]}, protocol=2), "label -1 is out of range"),
        "label count": (pickle.dumps({**d, b"labels": d[b"labels"][:11]}, protocol=2), "11 labels for 12 images"),
        "float labels": (pickle.dumps({**d, b"labels": [0.5] * 12}, protocol=2), "list of integers"),
    }
    return cases[name]


@pytest.mark.parametrize("case", DAMAGE)
@pytest.mark.parametrize("victim", ["data_batch_1", "test_batch"])
def test_damaged_batch_files_raise_cifar_error_naming_the_file(tmp_path, case, victim):
    write_folder(tmp_path)
    content, message = corrupt(case)
    (tmp_path / victim).write_bytes(content)
    with pytest.raises(CifarError, match=message) as info:
        load_cifar10(tmp_path)
    assert victim in str(info.value)


class RunsCode:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_pickle_that_would_run_code_is_refused(tmp_path):
    write_folder(tmp_path)
    marker = tmp_path / "it-ran"
    write_pickle(tmp_path / "data_batch_1", {b"data": RunsCode(marker), b"labels": []})
    with pytest.raises(CifarError, match=r"data_batch_1: .*refusing to load (posix|os)\.system"):
        load_cifar10(tmp_path)
    assert not marker.exists()


def test_folder_level_faults(tmp_path):
    with pytest.raises(CifarError, match="nowhere: no such folder"):
        load_cifar10(tmp_path / "nowhere")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CifarError, match=r"empty: no training batch \(data_batch_1"):
        load_cifar10(empty)
    write_folder(tmp_path / "f")
    with pytest.raises(CifarError, match="data_batch_2: file not found"):
        load_cifar10(tmp_path / "f", train_batches=[1, 2])
    with pytest.raises(ValueError, match="numbers from 1 to 5"):
        load_cifar10(tmp_path / "f", train_batches=[6])
    (tmp_path / "f" / "test_batch").unlink()
    with pytest.raises(CifarError, match="test_batch: file not found"):
        load_cifar10(tmp_path / "f")
    write_folder(tmp_path / "g")
    (tmp_path / "g" / "batches.meta").write_bytes(pickle.dumps({b"num_vis": 3072}, protocol=2))
    with pytest.raises(CifarError, match="batches.meta: expected a dict with b'label_names'"):
        load_cifar10(tmp_path / "g")


def test_old_numpy_core_pickles_load_without_deprecation_warnings(tmp_path):
    write_folder(tmp_path)
    path = tmp_path / "data_batch_1"
    blob = path.read_bytes()
    assert b"numpy._core.multiarray" in blob  # NumPy 2 writes the new name …
    path.write_bytes(blob.replace(b"numpy._core.multiarray", b"numpy.core.multiarray"))  # … files from 2009 the old
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = load_cifar10(tmp_path)
    np.testing.assert_array_equal(data.y_train, batch_dict(12, seed=1)[b"labels"])


# ---------------------------------------------------------------- the real data


@pytest.fixture(scope="module")
def real():
    if not CIFAR_DIR.is_dir():
        pytest.skip(f"real CIFAR-10 data not found at {CIFAR_DIR}")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tracemalloc.start()
        try:
            data = load_cifar10(CIFAR_DIR)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return SimpleNamespace(data=data, peak=peak)


def test_real_cifar_loads(real):
    d = real.data
    assert d.X_train.shape == (10_000, 32, 32, 3) and d.X_test.shape == (10_000, 32, 32, 3)
    assert d.X_train.dtype == d.X_test.dtype == np.uint8
    assert d.class_names == ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
    for y in (d.y_train, d.y_test):
        assert y.dtype == np.int64 and y.min() == 0 and y.max() == 9
    np.testing.assert_array_equal(np.bincount(d.y_train), [1000] * 10)
    np.testing.assert_array_equal(np.bincount(d.y_test), [1000] * 10)
    # Channels not swapped: the sky-heavy airplane class is bluer than red; frogs are not.
    planes, frogs = d.X_train[d.y_train == 0], d.X_train[d.y_train == 6]
    assert planes[..., 2].mean() > planes[..., 0].mean() and frogs[..., 2].mean() < frogs[..., 0].mean()


def test_real_cifar_load_holds_no_big_copies(real):
    final = real.data.X_train.nbytes + real.data.X_test.nbytes
    assert real.peak < 2 * final, f"peak {real.peak / 1e6:.0f} MB for {final / 1e6:.0f} MB of images"


# ---------------------------------------------------------------- preprocessing


def test_mean_image_in_chunks_equals_direct_mean():
    X = np.random.default_rng(0).integers(0, 256, (53, 32, 32, 3), dtype=np.uint8)
    mu = mean_image(X, chunk=7)
    assert mu.shape == (32, 32, 3) and mu.dtype == np.float32
    np.testing.assert_allclose(mu, X.astype(np.float64).mean(axis=0), rtol=1e-6)
    np.testing.assert_array_equal(mean_image(X, chunk=7), mean_image(X, chunk=1000))
    with pytest.raises(ValueError):
        mean_image(X[:0])


def test_to_float_rows():
    X = np.random.default_rng(1).integers(0, 256, (4, 32, 32, 3), dtype=np.uint8)
    mu = mean_image(X)
    rows = to_float_rows(X, mu, scale=1 / 255)
    assert rows.shape == (4, 3072) and rows.dtype == np.float32
    np.testing.assert_allclose(rows, (X.reshape(4, -1) - mu.reshape(-1)) / 255, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(to_float_rows(X), X.reshape(4, -1))
    with pytest.raises(ValueError, match="mean has 3 values"):
        to_float_rows(X, np.zeros(3))


def test_split_and_subsample():
    train, val = split_train_val(100, 30, seed=4)
    assert len(train) == 70 and len(val) == 30
    np.testing.assert_array_equal(np.sort(np.concatenate([train, val])), np.arange(100))
    np.testing.assert_array_equal(split_train_val(100, 30, seed=4)[1], val)
    assert not np.array_equal(split_train_val(100, 30, seed=5)[1], val)
    with pytest.raises(ValueError):
        split_train_val(10, 10, 0)
    y = np.repeat(np.arange(10), 100)[np.random.default_rng(2).permutation(1000)]
    X = np.arange(1000)[:, None] * np.ones((1, 3), int)
    Xs, ys = subsample(X, y, 500, seed=3)
    np.testing.assert_array_equal(np.bincount(ys), [50] * 10)
    np.testing.assert_array_equal(ys, y[Xs[:, 0]])  # rows and labels stay paired
    assert len(np.unique(Xs[:, 0])) == 500
    _, ys = subsample(X, y, 25, seed=3)
    assert np.bincount(ys, minlength=10).max() - np.bincount(ys, minlength=10).min() <= 1
    _, plain = subsample(X, y, 500, seed=3, stratified=False)
    assert len(plain) == 500
    with pytest.raises(ValueError):
        subsample(X, y, 1001)


def test_bias_column():
    X = np.ones((3, 2), np.float32) * 5
    Xb = add_bias_column(X)
    assert Xb.dtype == np.float32 and Xb.shape == (3, 3)
    np.testing.assert_array_equal(Xb[:, -1], 1)
    W, b = np.array([[1.0, 2.0]]), np.array([0.5])
    np.testing.assert_allclose(add_bias_column(X) @ np.hstack([W, b[:, None]]).T, X @ W.T + b)


# ---------------------------------------------------------------- download, against 127.0.0.1


def make_archive(members=cifar.OFFICIAL_FILES, n=10, extra=()):
    """A small cifar-10-python.tar.gz in the official layout (random, incompressible pixels)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        folder = tarfile.TarInfo("cifar-10-batches-py")
        folder.type = tarfile.DIRTYPE
        tar.addfile(folder)
        for i, name in enumerate(members):
            if name == "batches.meta":
                blob = pickle.dumps({b"label_names": [c.encode() for c in CLASS_NAMES]}, protocol=2)
            else:
                blob = pickle.dumps(batch_dict(n, seed=i), protocol=2)
            info = tarfile.TarInfo(f"cifar-10-batches-py/{name}")
            info.size = len(blob)
            tar.addfile(info, io.BytesIO(blob))
        for name in extra:
            info = tarfile.TarInfo(name)
            info.size = 4
            tar.addfile(info, io.BytesIO(b"evil"))
    return buf.getvalue()


def sha256(blob):
    return "sha256:" + hashlib.sha256(blob).hexdigest()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that cancels mid-download breaks the pipe: expected here


@pytest.fixture
def server(tmp_path, monkeypatch):
    """Serves ``site/`` on 127.0.0.1 and records each request path; stopped after the test."""
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    site = tmp_path / "site"
    site.mkdir()
    seen = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        timeout = 5  # a stalled client cannot pin a handler thread

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def do_GET(self):
            seen.append(self.path)
            assert len(seen) < 20, "runaway request loop"
            super().do_GET()

        def log_message(self, *args):
            pass

    httpd = _QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()

    def publish(blob, name="cifar-10-python.tar.gz"):
        (site / name).write_bytes(blob)
        return f"http://127.0.0.1:{httpd.server_port}/{name}"

    try:
        yield SimpleNamespace(publish=publish, requests=seen)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def files_in(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def test_download_unpacks_loads_and_then_uses_the_cache(server, tmp_path):
    blob = make_archive()
    url = server.publish(blob)
    cache = tmp_path / "cache"
    calls = []
    folder = download_cifar10(cache, url=url, known_hash=sha256(blob), progress=lambda d, t: calls.append((d, t)))
    assert folder == cache / "cifar-10-batches-py"
    assert calls and calls[-1] == (len(blob), len(blob))
    assert all(t == len(blob) for _, t in calls) and [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert files_in(cache) == ["cifar-10-batches-py"] + [
        f"cifar-10-batches-py/{n}" for n in sorted(cifar.OFFICIAL_FILES)
    ]
    data = load_cifar10(folder)
    assert data.X_train.shape == (50, 32, 32, 3) and data.X_test.shape == (10, 32, 32, 3)
    assert find_cached_cifar10(cache) == folder
    assert len(server.requests) == 1
    assert download_cifar10(cache, url=url, known_hash=sha256(blob)) == folder
    assert len(server.requests) == 1  # served from the cache, no request


def test_kept_archive_is_reused_without_downloading(server, tmp_path):
    blob = make_archive()
    url = server.publish(blob)
    cache = tmp_path / "cache"
    folder = download_cifar10(cache, url=url, known_hash=sha256(blob), keep_archive=True)
    assert (cache / "cifar-10-python.tar.gz").read_bytes() == blob
    (folder / "test_batch").unlink()  # an incomplete copy is not "cached" …
    assert find_cached_cifar10(cache) is None
    assert download_cifar10(cache, url=url, known_hash=sha256(blob), keep_archive=True) == folder
    assert len(server.requests) == 1  # … and is unpacked again from the kept archive
    assert find_cached_cifar10(cache) == folder


def test_wrong_hash_is_a_corrupt_download_and_leaves_nothing(server, tmp_path):
    url = server.publish(make_archive())
    cache = tmp_path / "cache"
    with pytest.raises(CifarError, match="corrupt"):
        download_cifar10(cache, url=url, known_hash="sha256:" + "0" * 64)
    assert files_in(cache) == [] and len(server.requests) == 1


def test_cancel_mid_download_leaves_nothing(server, tmp_path):
    blob = make_archive(n=40)  # ~860 kB: many 64 KiB chunks
    url = server.publish(blob)
    cache = tmp_path / "cache"
    polls = []
    with pytest.raises(DownloadCancelled):
        download_cifar10(cache, url=url, known_hash=sha256(blob), should_stop=lambda: polls.append(1) or len(polls) > 3)
    assert len(polls) == 4 and files_in(cache) == []
    with pytest.raises(DownloadCancelled):  # asked to stop before it starts: no request at all
        download_cifar10(cache, url=url, known_hash=sha256(blob), should_stop=lambda: True)
    assert len(server.requests) == 1 and files_in(cache) == []


def test_cancel_while_unpacking_keeps_only_the_verified_archive(server, tmp_path):
    blob = make_archive()
    url = server.publish(blob)
    cache = tmp_path / "cache"
    archive = cache / "cifar-10-python.tar.gz"
    with pytest.raises(DownloadCancelled, match="unpacking"):  # stop once the archive is verified and in place
        download_cifar10(cache, url=url, known_hash=sha256(blob), should_stop=archive.exists)
    assert files_in(cache) == ["cifar-10-python.tar.gz"]
    assert download_cifar10(cache, url=url, known_hash=sha256(blob)) == cache / "cifar-10-batches-py"
    assert len(server.requests) == 1  # the kept archive was only unpacked
    assert files_in(cache)[0] == "cifar-10-batches-py"


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda blob: blob[: len(blob) // 2], "cannot unpack the archive"),
        (lambda blob: b"\x1f\x8b" + bytes(range(256)) * 40, "cannot unpack the archive"),
        (
            lambda blob: make_archive(members=cifar.OFFICIAL_FILES[:-2] + ("batches.meta",)),
            "does not hold cifar-10-batches-py/test_batch",
        ),
    ],
    ids=["truncated", "garbage", "missing-test-batch"],
)
def test_damaged_archive_leaves_no_partial_folder(server, tmp_path, damage, message):
    blob = damage(make_archive())
    url = server.publish(blob)
    cache = tmp_path / "cache"
    with pytest.raises(CifarError, match=message):
        download_cifar10(cache, url=url, known_hash=sha256(blob))  # the hash is right: the content is not
    assert files_in(cache) == []


def test_archive_members_outside_the_folder_are_not_extracted(server, tmp_path):
    blob = make_archive(extra=("../escaped.txt", "cifar-10-batches-py/../../escaped2.txt", "other.txt"))
    url = server.publish(blob)
    cache = tmp_path / "deep" / "cache"
    folder = download_cifar10(cache, url=url, known_hash=sha256(blob))
    assert load_cifar10(folder).X_train.shape == (50, 32, 32, 3)
    assert not list(tmp_path.rglob("escaped*")) and not (cache / "other.txt").exists()


def test_http_error_is_a_cifar_error(server, tmp_path):
    url = server.publish(b"x").replace("cifar-10-python.tar.gz", "missing.tar.gz")
    with pytest.raises(CifarError, match="download failed"):
        download_cifar10(tmp_path / "cache", url=url, known_hash=sha256(b"x"))
    assert files_in(tmp_path / "cache") == []


def test_find_cached_is_none_for_an_empty_cache(tmp_path):
    assert find_cached_cifar10(tmp_path) is None


def test_batches_of_unequal_size_still_load_in_order(tmp_path):
    # the batches go into one array made for the first one's size; a different size falls back
    folder = tmp_path / "c"
    folder.mkdir()
    batches = {"data_batch_1": batch_dict(12, seed=1), "data_batch_2": batch_dict(7, seed=2),
               "data_batch_3": batch_dict(12, seed=3), "test_batch": batch_dict(5, seed=9)}
    for name, d in batches.items():
        write_pickle(folder / name, d)
    data = load_cifar10(folder)
    raw = np.vstack([batches[f"data_batch_{i}"][b"data"] for i in (1, 2, 3)])
    np.testing.assert_array_equal(data.X_train, raw.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1))
    assert data.X_train.flags.c_contiguous and len(data.y_train) == 31
    np.testing.assert_array_equal(data.y_train, sum((batches[f"data_batch_{i}"][b"labels"] for i in (1, 2, 3)), []))


def test_a_later_download_removes_what_a_killed_one_left_but_not_a_running_ones(server, tmp_path):
    """kill -9 mid-download leaves pooch's part file (tmpXXXX) and maybe an unpacking folder; the
    next successful download removes them once they are stale, and leaves a fresh one (a download
    still running in another process) alone (issue 13)."""
    blob = make_archive()
    url = server.publish(blob)
    cache = tmp_path / "cache"
    cache.mkdir()
    killed = cache / "tmpk1ll3d"
    killed.write_bytes(blob[: len(blob) // 2])
    (cache / ".unpacking-old").mkdir()
    (cache / ".unpacking-old" / "x").write_bytes(b"x")
    old = time.time() - 2 * cifar.STALE_PART_S
    os.utime(killed, (old, old))
    os.utime(cache / ".unpacking-old", (old, old))
    running = cache / "tmpst1llgo1ng"
    running.write_bytes(b"partial")
    download_cifar10(cache, url=url, known_hash=sha256(blob))
    assert not killed.exists() and not (cache / ".unpacking-old").exists()
    assert running.exists()
