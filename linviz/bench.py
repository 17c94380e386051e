"""Speed is measured, not asserted: ``linviz bench [--quick] [--json]``.

The machine is shared and noisy, so every figure is timed next to a baseline
measured in the same run and reported as a ratio. Each timing is a median
(and 95th percentile) over repeated calls after a warm-up call, with BLAS
limited to one thread as in the app (small BLAS calls stall waking OpenBLAS's
second thread).

``ratio`` is baseline time / measured time: how many times faster than the
baseline the figure is (below 1: slower, e.g. the recording overhead of a
training step over a bare ``evaluate``).

Adding a figure is one decorated function returning the two callables::

    @figure("my figure", aim="< 16 ms", max_s=0.016, baseline="what it is compared with")
    def _my_figure():
        ...  # build the inputs once
        return (lambda: measured()), (lambda: baseline())
"""

from __future__ import annotations

import os
import platform
import time
from contextlib import nullcontext

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from .bench_figures import FIGURES, P95_BUDGET_S, Figure, Thunk, figure  # noqa: F401 (the registry; re-exported)
from .engine import compiled
from .engine.datasets import make_preset
from .engine.landscape import flatten, loss_surface, loss_surface_naive, param_slice
from .engine.losses import LossConfig
from .engine.regions import Grid, linear_regions
from .engine.regularizers import RegConfig
from .engine.training import TrainConfig, evaluate, initial_params, train, warm_up

SELF_WARMING_S = 0.1
"""A call at least this long is its own warm-up: its first timing is kept as a sample."""


# ----------------------------------------------------------------------------- timing


def sample(fn: Thunk, min_runs: int, budget_s: float, max_runs: int = 1000,
           warmup: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Seconds per call of ``fn`` — wall-clock and this thread's CPU time — after warm-up
    calls: at least ``min_runs`` timed calls, more while the time spent stays under
    ``budget_s`` (at most ``max_runs``). The CPU time leaves out the waits a shared machine
    adds (another job on the core); Qt paints in this thread, so a frame's work is in it."""
    for _ in range(warmup - 1):
        fn()
    start, cpu = time.perf_counter(), time.thread_time()
    fn()
    first, first_cpu = time.perf_counter() - start, time.thread_time() - cpu
    times, cpu_times = ([first], [first_cpu]) if first >= SELF_WARMING_S else ([], [])
    spent = first
    while len(times) < min_runs or (spent < budget_s and len(times) < max_runs):
        start, cpu = time.perf_counter(), time.thread_time()
        fn()
        times.append(time.perf_counter() - start)
        cpu_times.append(time.thread_time() - cpu)
        spent += times[-1]
    return np.array(times), np.array(cpu_times)


def measure(fig: Figure, quick: bool = False) -> dict:
    """Time one figure and its baseline; the JSON-ready result row."""
    min_runs, budget = (1, 0.05) if quick else (5, 1.0)
    with threadpool_limits(1) if fig.single_thread else nullcontext():
        measured, baseline, *close = fig.setup()
        try:
            budget_measured = max(budget, P95_BUDGET_S) if fig.judge_p95 and not quick else budget
            t, t_cpu = (a / fig.per_call for a in sample(measured, min_runs, budget_measured, warmup=fig.warmup))
            tb, _ = sample(baseline, min_runs, budget)
        finally:
            for fn in close:
                fn()
    median, base = float(np.median(t)), float(np.median(tb))
    ratio = base / median
    judged = float(np.percentile(t, 95)) if fig.judge_p95 else median
    met = (fig.max_s is None or judged <= fig.max_s) and (fig.min_ratio is None or ratio >= fig.min_ratio)
    return {
        "name": fig.name,
        "median_s": median,
        "p95_s": float(np.percentile(t, 95)),
        "cpu_median_s": float(np.median(t_cpu)),
        "cpu_p95_s": float(np.percentile(t_cpu, 95)),
        "runs": len(t),
        "baseline": fig.baseline,
        "baseline_median_s": base,
        "baseline_runs": len(tb),
        "ratio": ratio,
        "aim": fig.aim,
        "met": bool(met),
    }


def machine_info() -> dict:
    """What the figures were measured on."""
    blas = [f"{i.get('internal_api')} {i.get('version')} ({i.get('num_threads')} threads by default)"
            for i in threadpool_info()]
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": blas,
    }


def run(quick: bool = False, figures: list[Figure] | None = None) -> dict:
    """Measure every registered figure: ``{"results": [...], "machine": {...}}``.
    The app's frame-time figures (``bench_ui``) join when Qt can start."""
    try:
        from . import bench_ui  # noqa: F401 — registers its figures
    except ImportError:
        pass
    warm_up()  # load the compiled training loop first, as the app does at start
    machine = machine_info() | {"quick": quick, "compiled_training": compiled.available()}
    return {"results": [measure(f, quick) for f in (figures or FIGURES)], "machine": machine}


def _time(s: float) -> str:
    if s < 1e-3:
        return f"{s * 1e6:.1f} µs"
    return f"{s * 1e3:.2f} ms" if s < 1 else f"{s:.2f} s"


def format_table(report: dict) -> str:
    """The results as an aligned text table, then the machine line."""
    head = ["figure", "median", "p95", "CPU p95", "baseline", "baseline median", "ratio", "aim", "met"]
    rows = [[r["name"], _time(r["median_s"]), _time(r["p95_s"]), _time(r["cpu_p95_s"]), r["baseline"],
             _time(r["baseline_median_s"]), f"{r['ratio']:.2f}×", r["aim"], "yes" if r["met"] else "NO"]
            for r in report["results"]]
    widths = [max(len(row[k]) for row in [head, *rows]) for k in range(len(head))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in [head, *rows]]
    m = report["machine"]
    lines.append("\nratio = baseline / measured (above 1: faster than the baseline); BLAS limited to 1 thread.")
    lines.append("median and p95: wall-clock; CPU p95: this thread's CPU time (no waits for a shared core); "
                 "met: judged on the wall-clock figure.")
    lines.append(f"machine: {m['processor']}, {m['cpus']} CPUs, Python {m['python']}, NumPy {m['numpy']}, "
                 f"{'; '.join(m['blas']) or 'BLAS unknown'}{' (quick run)' if m.get('quick') else ''}")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- figures


def _points(n_per_class: int = 100, n_classes: int = 3):
    """300 points of 3 classes (seeded blobs): X (N, 2), y (N,)."""
    ds = make_preset("blobs", n_per_class=n_per_class, n_classes=n_classes, seed=0)
    return np.array(ds.X), np.array(ds.y)


def _landscape(kind: str):
    X, y = _points()
    cfg = TrainConfig(loss=LossConfig(kind), reg=RegConfig("l2", 0.01))
    W, b = initial_params(3, 2, "random", seed=0)
    sl = param_slice(flatten(W, b), 0, 1, n_classes=3, dim=2, span=3.0, res=100)  # W[1,1] × W[1,2]
    return (lambda: loss_surface(X, y, cfg, sl, 3)), (lambda: loss_surface_naive(X, y, cfg, sl, 3))


@figure("landscape SVM 100×100, 300 pts", aim="< 10 ms, ≥ 20×", baseline="loss_surface_naive",
        max_s=0.010, min_ratio=20)
def _landscape_svm():
    return _landscape("svm")


@figure("landscape Softmax 100×100, 300 pts", aim="< 10 ms, ≥ 20×", baseline="loss_surface_naive",
        max_s=0.010, min_ratio=20)
def _landscape_softmax():
    return _landscape("softmax")


def _plain_regions(points: np.ndarray, W: np.ndarray, b: np.ndarray):
    """The obvious (P, C) layout: scores, arg max, softmax probability of the winner."""
    scores = points @ W.T + b
    winner = scores.argmax(axis=1)
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return winner, e.max(axis=1) / e.sum(axis=1)


@figure("decision regions 400×400", aim="< 5 ms", baseline="points @ W.T + b, argmax, softmax", max_s=0.005)
def _regions():
    grid = Grid.make((-3.0, 3.0), (-3.0, 3.0), 400)
    W = np.random.default_rng(0).normal(size=(3, 2))
    b = np.array([0.1, -0.2, 0.3])
    return (lambda: linear_regions(W, b, grid)), (lambda: _plain_regions(grid.points, W, b))


@figure("recorded training step (300 pts, SVM+L2)", aim="< 100 µs", baseline="one bare evaluate()",
        max_s=100e-6, per_call=1000)
def _train_step():
    X, y = _points()
    cfg = TrainConfig(reg=RegConfig("l2", 0.01), lr=0.1, steps=1000)
    W, b = initial_params(3, 2, "random", seed=0)
    return (lambda: train(X, y, cfg, 3, W0=W, b0=b)), (lambda: evaluate(W, b, X, y, cfg))


def _plain_descent(X, y, cfg: TrainConfig, W, b):
    """Gradient descent with nothing recorded: ``cfg.steps`` × (evaluate, W −= α∇W)."""
    for _ in range(cfg.steps):
        ev = evaluate(W, b, X, y, cfg)
        W, b = W - cfg.lr * ev.grad_W, b - cfg.lr * ev.grad_b
    return W, b


@figure("retrain after an edit (200 steps, 300 pts)", aim="< 16 ms", baseline="200 × evaluate + update, unrecorded",
        max_s=0.016)
def _retrain():
    X, y = _points()
    X[0] += 0.25  # the dragged point
    cfg = TrainConfig(reg=RegConfig("l2", 0.01), lr=0.1, steps=200)
    W, b = initial_params(3, 2, "random", seed=0)
    return (lambda: train(X, y, cfg, 3, W0=W, b0=b)), (lambda: _plain_descent(X, y, cfg, W, b))
