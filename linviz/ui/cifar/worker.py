"""Long CIFAR-10 work in a worker thread: download, prepare, train, search.

A :class:`Job` is a QObject that runs one plain function in a QThread that
:class:`JobRunner` starts. The function talks back only through the job's
signals (queued to slots of QObjects in the GUI thread) and polls
``job.should_stop()``; :meth:`Job.cancel` sets a ``threading.Event``, never a
queued call, so cancelling works while the worker is busy. The engine's
plain-Python callbacks (``on_progress``, ``on_result``, ``progress``) are
throttled to about 20 signals a second (:class:`Throttle`), so the GUI thread
only ever receives a trickle of small messages and keeps its frame rate.

The job functions (:func:`download_job`, :func:`train_job`, :func:`search_job`)
take the job as their first argument and return the result; they never touch a
widget.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from linviz.engine import cifar as cifar_engine
from linviz.engine.cifar import CifarData, CifarError, DownloadCancelled
from linviz.engine.image_training import (
    PreparedData,
    fit_knn,
    fit_linear,
    hyperparameter_search,
    prepare,
)

from ..messages import error_text
from .models import FEATURE_TITLES, SearchOutcome, TrainRequest, TrainResult

translate = QCoreApplication.translate  # reentrant: the worker thread's progress lines are translated too

REPORT_INTERVAL = 0.05
"""Seconds between two progress signals (about 20 Hz)."""
KNN_CHUNK = 250
"""Test images per kNN block: a progress step and a chance to cancel."""


class Throttle:
    """``ready()`` is true at most once per ``interval`` seconds (always with ``force``)."""

    def __init__(self, interval: float = REPORT_INTERVAL):
        self.interval = interval
        self.last = -math.inf

    def ready(self, force: bool = False) -> bool:
        now = time.monotonic()
        if force or now - self.last >= self.interval:
            self.last = now
            return True
        return False


@dataclass
class CurveChunk:
    """New points of a training since the last chunk: iterations, mini-batch losses, (iteration, val acc)."""

    t: list
    loss: list
    val: list


class Job(QObject):
    """One function run in a worker thread, reporting through signals.

    Signals: ``progress(fraction, text)`` (fraction < 0: busy, no known end),
    ``curve(CurveChunk)``, ``cell(i, j, val_acc)`` (search), ``succeeded(result)``,
    ``failed(message)``, ``cancelled(message)``, then always ``ended()``.
    """

    progress = Signal(float, str)
    curve = Signal(object)
    cell = Signal(int, int, float)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal(str)
    ended = Signal()

    def __init__(self, kind: str, fn: Callable, *args):
        super().__init__()
        self.kind, self.fn, self.args = kind, fn, args
        self._stop = threading.Event()
        self.throttle = Throttle()

    def cancel(self) -> None:
        """Ask the function to stop at its next check (thread-safe)."""
        self._stop.set()

    def should_stop(self) -> bool:
        return self._stop.is_set()

    def report(self, fraction: float, text: str, force: bool = False) -> None:
        """A throttled ``progress`` signal."""
        if self.throttle.ready(force):
            self.progress.emit(float(fraction), text)

    @Slot()
    def run(self) -> None:
        """Run the function (in the worker thread); every outcome ends in exactly one signal, then ``ended``."""
        try:
            result = self.fn(self, *self.args)
        except DownloadCancelled:
            self.cancelled.emit(translate("Cifar", "Download cancelled; nothing was kept."))
        except CifarError as e:
            self.failed.emit(error_text(e))
        except (ValueError, OSError, MemoryError) as e:
            self.failed.emit(f"{type(e).__name__}: {e}")
        except Exception as e:  # noqa: BLE001 - a bug must not leave the window busy forever
            self.failed.emit(translate("Cifar", "Unexpected error ({0}): {1}").format(type(e).__name__, e))
        else:
            if result is None:
                self.cancelled.emit(translate("Cifar", "Cancelled."))
            else:
                self.succeeded.emit(result)
        finally:
            app = QCoreApplication.instance()
            if app is not None:  # hand the job back, so the GUI thread may delete it
                self.moveToThread(app.thread())
            self.ended.emit()


class JobRunner(QObject):
    """Runs one :class:`Job` at a time in its own QThread.

    ``start(job)`` returns False while another job runs. ``busy`` stays true until
    the thread has finished, after every signal of the job was delivered.
    ``shutdown()`` cancels and waits for the thread (call it before the owner goes).
    """

    idle = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.job: Job | None = None
        self.thread: QThread | None = None

    @property
    def busy(self) -> bool:
        return self.thread is not None

    def start(self, job: Job) -> bool:
        if self.busy:
            return False
        thread = QThread()
        thread.setObjectName(f"cifar-{job.kind}")
        job.moveToThread(thread)
        thread.started.connect(job.run)
        # direct: the worker's loop quits at once, even while the GUI thread waits in shutdown()
        job.ended.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._on_finished)
        self.job, self.thread = job, thread
        thread.start()
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_finished(self) -> None:
        """The thread ended (its ``finished`` arrives after every signal the job sent)."""
        if self.thread is None or self.sender() is not self.thread:
            return  # a stale signal of a thread that shutdown() already collected
        self._collect()

    def _collect(self) -> None:
        self.thread.wait()
        self.job = self.thread = None
        self.idle.emit()

    def shutdown(self) -> None:
        """Cancel the running job and wait for its thread to end (feature extraction cannot be cut short)."""
        if self.thread is None:
            return
        self.thread.finished.disconnect(self._on_finished)
        self.cancel()
        self._collect()


# ----------------------------------------------------------------------------- the jobs


def _blas_one_thread():
    """OpenBLAS limited to one thread for the skinny linear-model products (see engine/image_training)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency
        return nullcontext()
    return threadpool_limits(1)


def download_job(job: Job, cache_dir=None):
    """Download CIFAR-10 into the per-user cache (or ``cache_dir``); returns the folder."""
    def progress(done: int, total: int) -> None:
        if total > 0:
            job.report(done / total, translate("Cifar", "Downloading CIFAR-10: {0} of {1} MB").format(
                f"{done / 1e6:.1f}", f"{total / 1e6:.1f}"),
                       force=done >= total)
        else:
            job.report(-1.0, translate("Cifar", "Downloading CIFAR-10: {0} MB").format(f"{done / 1e6:.1f}"))

    job.report(-1.0, translate("Cifar", "Downloading CIFAR-10…"), force=True)
    kwargs = {} if cache_dir is None else {"cache_dir": cache_dir}
    return cifar_engine.download_cifar10(progress=progress, should_stop=job.should_stop, **kwargs)


def ensure_prepared(job: Job, data: CifarData, request: TrainRequest, cached: PreparedData | None,
                    cached_key: tuple | None) -> PreparedData:
    """``cached`` if it was prepared with the same settings, else a fresh ``prepare``."""
    if cached is not None and cached_key == request.prep_key:
        return cached
    job.report(-1.0, translate("Cifar", "Preparing {0} features of {1} training images…").format(
        translate("Cifar", FEATURE_TITLES.get(request.features, request.features)), f"{request.train_size:,}"),
               force=True)
    return prepare(data, features=request.features, train_size=request.train_size, val_size=request.val_size,
                   test_size=request.test_size, seed=request.seed)


class _CurveReporter:
    """fit_linear's ``on_progress`` → throttled ``curve`` and ``progress`` signals, no point lost."""

    def __init__(self, job: Job, iters: int):
        self.job, self.iters = job, max(1, iters)
        self.chunk = CurveChunk([], [], [])
        self.last = (0, float("nan"))

    def __call__(self, t: int, loss: float, val_acc: float | None) -> None:
        self.chunk.t.append(t)
        self.chunk.loss.append(loss)
        if val_acc is not None:
            self.chunk.val.append((t, val_acc))
        self.last = (t, loss)
        if self.job.throttle.ready(force=t >= self.iters):
            self.flush()

    def flush(self) -> None:
        t, loss = self.last
        if self.chunk.t or self.chunk.val:
            self.job.curve.emit(self.chunk)
            self.chunk = CurveChunk([], [], [])
        self.job.progress.emit(t / self.iters, translate("Cifar", "Training: iteration {0} of {1} · loss {2}").format(
            f"{t:,}", f"{self.iters:,}", f"{loss:.3f}"))


def _knn_predict(job: Job, model, X: np.ndarray, what: str) -> np.ndarray | None:
    """model.predict(X) in blocks with progress; None if cancelled."""
    out = np.empty(len(X), dtype=np.int64)
    for i in range(0, len(X), KNN_CHUNK):
        if job.should_stop():
            return None
        out[i : i + KNN_CHUNK] = model.predict(X[i : i + KNN_CHUNK])
        job.report((i + KNN_CHUNK) / max(1, len(X)), translate("Cifar", "kNN: {0} {1} of {2}").format(
            what, f"{min(i + KNN_CHUNK, len(X)):,}", f"{len(X):,}"))
    return out


def train_job(job: Job, data: CifarData, request: TrainRequest, cached: PreparedData | None = None,
              cached_key: tuple | None = None) -> TrainResult | None:
    """Prepare the features, then train (linear) or fit kNN and label the test set.

    A stopped linear run is still a result (``run.stopped``); a cancelled kNN or
    preparation returns None.
    """
    start = time.perf_counter()
    prep = ensure_prepared(job, data, request, cached, cached_key)
    if job.should_stop():
        return None
    if request.is_linear:
        reporter = _CurveReporter(job, request.iters)
        with _blas_one_thread():
            run = fit_linear(prep.X_train, prep.y_train, request.config(), prep.n_classes, X_val=prep.X_val,
                             y_val=prep.y_val, on_progress=reporter, should_stop=job.should_stop)
            reporter.flush()
            test_pred = run.predict(prep.X_test)
        knn, val_acc = None, run.val_accuracy
    else:
        if request.k > len(prep.y_train):
            raise ValueError(translate("Cifar", "k = {0} is more than the {1} training images").format(
                request.k, len(prep.y_train)))
        run, knn = None, fit_knn(prep, request.k, request.metric)
        val_pred = _knn_predict(job, knn, prep.X_val, translate("Cifar", "validation image"))
        test_pred = None if val_pred is None else _knn_predict(job, knn, prep.X_test, translate("Cifar", "test image"))
        if test_pred is None:
            return None
        val_acc = float((val_pred == prep.y_val).mean()) if len(val_pred) else None
    test_acc = float((test_pred == prep.y_test).mean()) if len(test_pred) else float("nan")
    return TrainResult(request, prep, run, knn, test_pred, val_acc, test_acc, time.perf_counter() - start)


def search_job(job: Job, data: CifarData, request: TrainRequest, lrs, regs, iters: int,
               cached: PreparedData | None = None, cached_key: tuple | None = None) -> SearchOutcome | None:
    """A grid of short runs (``iters`` updates each) over lrs × regs; a stopped search keeps its finished cells."""
    prep = ensure_prepared(job, data, request, cached, cached_key)
    if job.should_stop():
        return None
    total = len(lrs) * len(regs)
    done = [0]

    def on_result(i: int, j: int, acc: float) -> None:
        done[0] += 1
        job.cell.emit(i, j, acc)
        job.report(done[0] / total, translate("Cifar", "Search: run {0} of {1}").format(done[0], total),
                   force=done[0] == total)

    job.report(0.0, translate("Cifar", "Search: run {0} of {1}").format(1, total), force=True)
    with _blas_one_thread():
        result = hyperparameter_search(prep, lrs, regs, request.config(), iters=iters, on_result=on_result,
                                       should_stop=job.should_stop)
    return SearchOutcome(request, prep, result)


__all__ = ["Job", "JobRunner", "Throttle", "CurveChunk", "download_job", "train_job", "search_job",
           "ensure_prepared", "REPORT_INTERVAL"]
