"""A lesson's runs: the recipe of each recorded History, and re-running them (pure, no Qt).

Training is deterministic (same data, config and initial W → the same History bit for bit), so
a lesson stores each run as a :class:`Run` — parent, branch step, config, the W and b it started
from or that were typed — and :func:`replay` re-runs them on load, checking each against the
length, stop reason and final loss the file recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .blas import one_blas_thread
from .point_set import Dataset
from .text import Explained, Message
from .training import History, TrainConfig, train


class LessonError(Explained, ValueError):
    """A lesson file that cannot be used, or cannot be written; the message says where and why."""


class ReplayCancelled(LessonError):
    """The user cancelled the re-run of a lesson's runs (nothing was applied)."""


@dataclass(frozen=True, eq=False)
class Run:
    """The recipe of one recorded History.

    A root (parent None) starts from ``W``, ``b``, its initial parameters.
    A branch continues ``runs[parent]`` from ``branch_step`` with ``config``;
    ``W``, ``b`` are the parameters the user typed at that step (None when
    only the settings changed). ``length``, ``stop_reason``, ``final_loss``
    describe the History as recorded, to check a re-run against.
    """

    parent: int | None
    branch_step: int | None
    config: TrainConfig
    W: np.ndarray | None
    b: np.ndarray | None
    length: int
    stop_reason: str = "steps"
    final_loss: float | None = None


# ----------------------------------------------------------------------------- runs ⇄ Histories


def is_param_edit(hist: History) -> bool:
    """True if ``hist`` is a branch whose branch step holds parameters the user typed.

    A branch for new settings keeps its parent's W and b at step k (its loss and
    gradient there follow the new settings); an edit replaces W or b.
    """
    parent, k = hist.parent, hist.branch_step
    if parent is None or k is None:
        return False
    if len(hist) <= k:
        return True  # the edited parameters diverged at once
    return not (np.array_equal(hist.W[k], parent.W[k]) and np.array_equal(hist.b[k], parent.b[k]))


def runs_from_histories(histories, current: History | None = None):
    """The recipes of ``histories`` (and ``current``) with every ancestor, parents first.

    Returns (runs, the indices of ``histories`` in them, the index of ``current`` or None).
    """
    order: list[History] = []
    index: dict[int, int] = {}
    for h in [*histories, current]:
        chain = []
        while h is not None and id(h) not in index:
            chain.append(h)
            h = h.parent
        for g in reversed(chain):
            index[id(g)] = len(order)
            order.append(g)
    runs = tuple(_run_of(h, index) for h in order)
    return runs, tuple(index[id(h)] for h in histories), (None if current is None else index[id(current)])


def _run_of(h: History, index: dict[int, int]) -> Run:
    n = len(h)
    final = float(h.loss[n - 1]) if n else None
    if h.parent is None:
        if n == 0:
            raise LessonError("a run with no recorded step cannot be saved (its initial W is unknown)")
        W, b, parent, k = h.W[0], h.b[0], None, None
    else:
        parent, k = index[id(h.parent)], int(h.branch_step)
        edited = is_param_edit(h) and n > k
        W, b = (h.W[k], h.b[k]) if edited else (None, None)
    copy = (lambda a: None if a is None else np.array(a, dtype=float))
    return Run(parent, k, h.config, copy(W), copy(b), n, h.stop_reason, final)


def replay_work(runs, dataset: Dataset) -> float:
    """Σ length × N × C × D over ``runs``: what re-running them costs (see file_checks)."""
    n, c = max(len(dataset), 1), dataset.n_classes
    return float(sum(r.length * n * c * r.config.features.dim for r in runs))


def replay(runs, dataset: Dataset, progress=None) -> tuple[list[History], list[Message]]:
    """Re-run every recipe on ``dataset``: the Histories (same order) and warnings (coded
    messages, ``replay_length`` / ``replay_stop`` / ``replay_loss`` with the run's number, the
    number of runs, the recorded and the re-run value; ``replay_no_final`` for a run whose final
    loss the file does not give: a hand-edited file that cannot be checked) for runs that did
    not reproduce.

    ``progress(done, total)`` (work units, see :func:`replay_work`) is called before each run
    and at the end; if it returns False the replay stops with :class:`ReplayCancelled`.
    """
    X, y, C = dataset.X, dataset.y, dataset.n_classes
    out: list[History] = []
    warnings: list[Message] = []
    total, done = replay_work(runs, dataset), 0.0
    n_c = max(len(dataset), 1) * C
    with one_blas_thread():  # as the app trains: BLAS threads may change the last bits
        for i, run in enumerate(runs):
            if progress is not None and progress(done, total) is False:
                raise ReplayCancelled("cancelled: nothing was changed")
            done += run.length * n_c * run.config.features.dim
            base = 0 if run.parent is None else run.branch_step
            steps = max(0, run.length - 1 - base + (run.stop_reason == "diverged"))
            cfg = replace(run.config, steps=steps)
            resume = None if run.parent is None else (out[run.parent], run.branch_step)
            try:
                h = train(X, y, cfg, C, W0=run.W, b0=run.b, resume=resume)
            except (ValueError, IndexError, TypeError, MemoryError) as e:
                raise LessonError(f"runs[{i}]: cannot re-run it on these points: {e}") from None
            if run.parent is None and len(h) == 0:
                raise LessonError(f"runs[{i}]: its first step already has a loss too large to compute")
            h.config = run.config
            if run.stop_reason == "cancelled" and h.stop_reason == "steps":
                h.stop_reason = "cancelled"
            problem = _replay_problem(run, h)
            if problem:
                code, recorded, rerun = problem
                said = (rerun,) if code == "replay_no_final" else (recorded, rerun)
                warnings.append(Message(code, (i + 1, len(runs), *said), "warning"))
            out.append(h)
    if progress is not None:
        progress(total, total)
    return out, warnings


def _replay_problem(run: Run, h: History) -> tuple[str, object, object] | None:
    """(code, recorded, re-run) of the first way the re-run differs from the file, or None."""
    if run.final_loss is None and len(h):
        return "replay_no_final", None, repr(float(h.loss[h.last]))
    if len(h) != run.length:
        return "replay_length", run.length, len(h)
    if h.stop_reason != run.stop_reason:
        return "replay_stop", run.stop_reason, h.stop_reason
    if run.final_loss is not None and len(h) and float(h.loss[h.last]) != run.final_loss:
        return "replay_loss", repr(run.final_loss), repr(float(h.loss[h.last]))
    return None
