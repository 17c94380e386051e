"""The benchmark's figures: what each one measures and how it is judged, and the registry the
figure modules (``bench``, ``bench_ui``) add to. Kept apart from the timing code so that the
figures of the UI can register themselves without importing ``bench`` (no import cycle)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

P95_BUDGET_S = 3.0
"""Seconds of calls timed for a figure judged on its 95th percentile (~200 frames): the p95
of a one-second sample is its third or fourth slowest frame, at the mercy of one burst of
another job on a shared machine."""

Thunk = Callable[[], object]


@dataclass(frozen=True)
class Figure:
    """One figure: ``setup()`` builds the inputs and returns (measured, baseline) callables,
    or (measured, baseline, close) when it opened something (a window) that must be closed.

    ``per_call``: the measured callable does this many units of work and its
    time is reported per unit (e.g. 1000 training steps → one step). ``met``
    needs the median under ``max_s`` and baseline/measured ≥ ``min_ratio``
    (each when given). ``judge_p95`` figures (frame times) are judged on their 95th
    percentile instead, over at least ``P95_BUDGET_S`` of frames, after ``warmup``
    untimed calls (a window's first frames fill Qt's glyph and pixmap caches).
    """

    name: str
    aim: str
    baseline: str
    setup: Callable[[], tuple[Thunk, Thunk]]
    max_s: float | None = None
    min_ratio: float | None = None
    per_call: int = 1
    single_thread: bool = True
    judge_p95: bool = False
    warmup: int = 1


FIGURES: list[Figure] = []


def figure(name: str, *, aim: str, baseline: str, max_s=None, min_ratio=None, per_call=1, single_thread=True,
           judge_p95=False, warmup=1):
    """Decorator registering a setup function as a :class:`Figure` (in order of definition).
    ``judge_p95``: the aim is on the 95th percentile (frame times), not the median;
    ``warmup``: untimed calls first."""

    def register(setup):
        FIGURES.append(Figure(name, aim, baseline, setup, max_s, min_ratio, per_call, single_thread, judge_p95,
                              warmup))
        return setup

    return register


__all__ = ["Figure", "FIGURES", "figure", "Thunk", "P95_BUDGET_S"]
