"""What a student takes home: the run shown and, in lecture mode, the lecture's scenes (Qt-free).

One description for both take-aways — File ▸ Share as web page (``share_page.py``, HTML) and
File ▸ Export handout (``ui/handout.py``, PDF) — so that they show the same things with the same
words:

* :data:`LABELS`: every text either prints, in English, marked for Qt Linguist (the UI passes
  them translated: ``ui/takeaway.py``);
* :func:`settings_summary`: the run's settings, one readable row each;
* :func:`winners`: a step's decision regions on a coarse grid (byte per cell, 255 a tie);
* :func:`scene_pictures`: every scene of a lecture applied without a window
  (``linviz.lecture.apply_scene``) — its points, regions at the step it shows, title, caption,
  question and measured figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .engine.datasets import Dataset
from .engine.knn import KNearestNeighbors
from .engine.regions import Grid, linear_regions, vote_regions
from .engine.text import QT_TRANSLATE_NOOP
from .engine.training import History

REGIONS_RES = 64
"""Cells per side of a regions grid (a 64 × 64 byte map a step: 4 kB)."""
TIE = 255
"""A regions cell where two classes tie."""
COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
           "#999933", "#882255")
"""Okabe–Ito's eight, then two of Paul Tol's (the app's class colours)."""

LABELS = {
    "play": QT_TRANSLATE_NOOP("Takeaway", "Play"),
    "pause": QT_TRANSLATE_NOOP("Takeaway", "Pause"),
    "step": QT_TRANSLATE_NOOP("Takeaway", "Step"),
    "status": QT_TRANSLATE_NOOP("Takeaway", "step {0} of {1} · loss {2} · accuracy {3} %"),
    "moment": QT_TRANSLATE_NOOP("Takeaway", "step {0} · loss {1} · accuracy {2} %"),
    "plane": QT_TRANSLATE_NOOP("Takeaway", "The plane: points and decision regions"),
    "loss_curve": QT_TRANSLATE_NOOP("Takeaway", "Loss curve"),
    "loss": QT_TRANSLATE_NOOP("Takeaway", "loss"),
    "steps_axis": QT_TRANSLATE_NOOP("Takeaway", "step"),
    "scores": QT_TRANSLATE_NOOP("Takeaway", "Scores"),
    "settings": QT_TRANSLATE_NOOP("Takeaway", "Settings"),
    "scenes": QT_TRANSLATE_NOOP("Takeaway", "The lecture's scenes"),
    "scene": QT_TRANSLATE_NOOP("Takeaway", "Scene {0} of {1}"),
    "question": QT_TRANSLATE_NOOP("Takeaway", "Question"),
    "answer": QT_TRANSLATE_NOOP("Takeaway", "Answer"),
    "figure": QT_TRANSLATE_NOOP("Takeaway", "Figure"),
    "expected": QT_TRANSLATE_NOOP("Takeaway", "Expected"),
    "measured": QT_TRANSLATE_NOOP("Takeaway", "Measured"),
    # the settings table
    "model": QT_TRANSLATE_NOOP("Takeaway", "model"),
    "steps_recorded": QT_TRANSLATE_NOOP("Takeaway", "steps recorded"),
    "svm": QT_TRANSLATE_NOOP("Takeaway", "SVM"),
    "squared_hinge": QT_TRANSLATE_NOOP("Takeaway", "squared hinge"),
    "regulariser": QT_TRANSLATE_NOOP("Takeaway", "regulariser"),
    "learning_rate": QT_TRANSLATE_NOOP("Takeaway", "learning rate α"),
    "batch": QT_TRANSLATE_NOOP("Takeaway", "batch"),
    "full": QT_TRANSLATE_NOOP("Takeaway", "full"),
    "optimiser": QT_TRANSLATE_NOOP("Takeaway", "optimiser"),
    "schedule": QT_TRANSLATE_NOOP("Takeaway", "schedule"),
    "features": QT_TRANSLATE_NOOP("Takeaway", "features φ(x)"),
    "seed": QT_TRANSLATE_NOOP("Takeaway", "seed"),
}
"""Every text of the page and the handout (English; ``ui/takeaway.labels()`` translates)."""


def settings_summary(model: str, history: History, labels: dict[str, str] = LABELS) -> dict[str, str]:
    """The run's settings, one readable row each (the page's Settings table, the handout's header)."""
    cfg, t = history.config, labels
    loss = cfg.loss
    rows = {t["model"]: model, t["steps_recorded"]: str(len(history) - 1)}
    if loss.kind == "svm":
        rows[t["svm"]] = f"{loss.variant}, Δ = {loss.delta:g}" + (f", {t['squared_hinge']}" if loss.squared else "")
    rows[t["regulariser"]] = f"{cfg.reg.kind}, λ = {cfg.reg.lam:g}"
    rows[t["learning_rate"]] = f"{cfg.lr:g}"
    rows[t["batch"]] = t["full"] if cfg.batch_size is None else str(cfg.batch_size)
    rows[t["optimiser"]] = f"{cfg.optimizer.kind}, {t['schedule']} {cfg.schedule.kind}"
    rows[t["features"]] = cfg.features.kind
    rows[t["seed"]] = str(cfg.seed)
    return rows


def extent(X: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """The plane's ranges around the points (15 % of their spread, at least 0.5, either side)."""
    if len(X) == 0:
        return (-3.0, 3.0), (-3.0, 3.0)
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = np.maximum((hi - lo) * 0.15, 0.5)
    return (float(lo[0] - pad[0]), float(hi[0] + pad[0])), (float(lo[1] - pad[1]), float(hi[1] + pad[1]))


def winners(W: np.ndarray, b: np.ndarray, grid: Grid) -> np.ndarray:
    """(res, res) uint8: the winning class of s = W φ(x) + b in each cell (rows bottom to top), TIE for a tie."""
    w = linear_regions(W, b, grid, confidence="gap").winner
    return np.where(w < 0, TIE, w).astype(np.uint8)


@dataclass(frozen=True)
class ScenePicture:
    """One scene of a lecture as the take-aways show it: ``winners`` (res, res) uint8 at ``step``
    (None: no regions), ``loss`` and ``accuracy`` at that step (None for kNN); ``figures`` rows of
    (label, expected, measured, holds) as text; ``question`` (text, choices, index of the right one)."""

    number: int
    title: str
    caption: str
    dataset: Dataset
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    winners: np.ndarray | None
    step: int
    loss: float | None
    accuracy: float | None
    question: tuple[str, tuple[str, ...], int] | None
    figures: tuple[tuple[str, str, str, bool | None], ...]


def scene_winners(state, knn: dict, x_range, y_range) -> np.ndarray | None:
    """A scene's regions at its step: its linear model's, or kNN's vote (``knn``: the scene's k and
    metric; ties are TIE); None for kNN on no points."""
    ds = state.dataset
    if state.history is not None:
        grid = Grid.make(x_range, y_range, REGIONS_RES, REGIONS_RES, state.config.features)
        return winners(state.W, state.b, grid)
    if len(ds) == 0:
        return None
    grid = Grid.make(x_range, y_range, REGIONS_RES, REGIONS_RES)
    model = KNearestNeighbors(int(knn.get("k", 1)), knn.get("metric", "l2")).fit(ds.X, ds.y, ds.n_classes)
    w = vote_regions(model.vote_counts(grid.points), grid.shape).winner
    return np.where(w < 0, TIE, w).astype(np.uint8)


def scene_pictures(lecture, language: str = "en", figure_label=lambda f: f.text) -> list[ScenePicture]:
    """Every scene of ``lecture`` applied without a window, in ``language`` ("en", "es");
    ``figure_label(figure)`` names a measured figure the scene gives no label of its own (the UI
    translates the lessons' English templates). A scene whose figures cannot be measured is shown
    without them, as the lecture bar does."""
    from .lecture import LectureError, apply_scene, measure_scene  # needed only here

    out = []
    for i, scene in enumerate(lecture.scenes):
        state = apply_scene(scene, f"scenes[{i}]", language)
        x_range, y_range = extent(state.dataset.X)
        try:
            measured = measure_scene(scene, state)
        except LectureError:
            measured = []
        own = [f.label(language) if f.label is not None else None for f in scene.figures]
        rows = []
        for k, f in enumerate(measured):
            label = own[k] if len(own) == len(measured) and own[k] else figure_label(f)
            expected = "" if f.expected is None else f"{f.relation} {f.expected:.4g}"
            rows.append((label, expected, f"{f.measured:.4g}", f.holds))
        q, h = scene.question, state.history
        out.append(ScenePicture(
            number=i + 1, title=scene.title(language), caption=scene.caption(language), dataset=state.dataset,
            x_range=x_range, y_range=y_range, winners=scene_winners(state, scene.knn, x_range, y_range),
            step=state.step, loss=None if h is None else float(h.loss[state.step]),
            accuracy=None if h is None else float(h.train_acc[state.step]),
            question=None if q is None else (q.text(language), tuple(c(language) for c in q.choices), q.answer),
            figures=tuple(rows)))
    return out


__all__ = ["LABELS", "COLOURS", "REGIONS_RES", "TIE", "ScenePicture", "scene_pictures", "scene_winners",
           "settings_summary", "extent", "winners"]
