"""A teacher builds a lecture by doing it: the state on screen becomes a scene of a file.

``scene_from_state`` turns what the app shows — points, model, every training setting, the
start W and b of the run, the step, hold W, the points picked and the panels in view — into a
:class:`~linviz.lecture.format.Scene`; ``append_scene`` adds it to a lecture file (a new file
when there is none), written atomically, so a bad or missing file never loses the scenes it
had. No Qt here: the app's Lecture ▸ Add this as a scene calls these.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..engine.datasets import Dataset
from ..engine.lesson_file import config_to_dict, write_text
from ..engine.training import TrainConfig
from .format import PANELS, Lecture, LectureError, Scene, Text, lecture_to_json, parse_lecture, read_lecture


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48] or "scene"
    if not base[0].isalnum():
        base = "scene-" + base
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def scene_from_state(title: str, dataset: Dataset, model: str, train: TrainConfig, knn: dict,
                     W0: np.ndarray | None, b0: np.ndarray | None, step: int, hold_w: bool,
                     picked=(), panels=(), caption: str = "", taken: set[str] = frozenset(),
                     init: str = "random") -> Scene:
    """The scene that puts the app back in this state. ``W0``, ``b0`` (C, 2), (C,): the run's
    start (None for kNN), kept when the features are the plain (x₁, x₂) — with a feature map
    the scene starts from ``init`` ("random" is seeded by the training seed, so the same run
    comes back); ``step``: the step shown. Texts are the teacher's, in both languages until
    translated by hand."""
    if W0 is not None and not train.features.is_identity:
        W0 = b0 = None
    init = "random" if init == "preset" else init
    text = title.strip() or "Scene"
    data = {"points": [[float(x), float(y), int(c)] for (x, y), c in zip(dataset.X, dataset.y)],
            "class_names": list(dataset.class_names)}
    scene = Scene(
        id=_slug(text, set(taken)), title=Text(text, text), caption=Text(caption or text, caption or text),
        data=data, model=model, train=config_to_dict(train), knn=dict(knn),
        W=None if W0 is None else tuple(tuple(float(v) for v in row) for row in np.asarray(W0)),
        b=None if b0 is None else tuple(float(v) for v in np.asarray(b0)),
        init="zeros" if W0 is not None else init, step=int(step), retrain_on_edit=not hold_w,
        panels=tuple(p for p in panels if p in PANELS),
        highlight={"points": [int(i) for i in picked]} if picked else {})
    return scene


def append_scene(path, scene: Scene, lecture_title: str = "My lecture") -> Lecture:
    """Add ``scene`` at the end of the lecture file ``path`` (created if missing); returns the
    lecture written. A file that exists but is not a lecture is refused, untouched."""
    p = Path(path)
    if p.exists():
        lecture = read_lecture(p)
        taken = {s.id for s in lecture.scenes}
        if scene.id in taken:
            scene = replace(scene, id=_slug(scene.id, taken))
        lecture = Lecture(lecture.title, lecture.scenes + (scene,))
    else:
        lecture = Lecture(Text(lecture_title, lecture_title), (scene,))
    text = lecture_to_json(lecture)
    parse_lecture(text)  # what is written reads back: never a file the app then refuses
    try:
        write_text(p, text)
    except ValueError as err:
        raise LectureError(str(err)) from None
    return lecture


__all__ = ["scene_from_state", "append_scene"]
