"""Lecture files: a lecture is a list of scenes, each a state of the app with its words.

A lecture file is JSON (``.json``; the built-in one is ``assets/lectures/``)::

    {"format": "linviz-lecture", "version": 2,
     "title": {"en": "Cost functions and optimisation", "es": "Función de costo y optimización"},
     "scenes": [
       {"id": "slide-hinge",                          # unique, [a-z0-9-]
        "title":   {"en": "…", "es": "…"},            # every text in both languages
        "caption": {"en": "…", "es": "…"},            # one to three lines, the lecture's words
        "data": {"preset": "cs231n"}                  # or {"points": [[x, y, label], …],
                                                      #     "class_names": {"en": ["cat", "car", "frog"],
                                                      #                     "es": ["gato", "auto", "rana"]}}
                                                      # (or one list for every language: ["cat", …])
                                                      # (a preset may add n_per_class, n_classes, seed)
        "model": "svm",                               # svm | softmax | lsq | knn
        "train": {"lr": 0.1, "reg": {"kind": "l2", "lam": 0.0}, …},  # over the lecture defaults
        "knn": {"k": 3, "metric": "l2"},
        "W": [[…], …], "b": […],                      # the start; else "init": zeros | random | preset
        "step": 0,                                    # or "last"
        "retrain_on_edit": false,                     # hold W: edits recompute scores, not W
        "panels": ["scores", "params"],               # the docks the scene shows
        "highlight": {"points": [0, 1, 2], "formula": "L_i = Σ max(0, s_j − s_y + Δ)",
                      "bias_trick": true},         # the W and b table as [W | b] over x̃ = (x, 1)
        "question": {"text": {…}, "choices": [{…}, {…}], "answer": 1},
        "figures": [{"measure": "example_loss", "args": {"index": 0},
                     "expected": 2.9, "relation": "≈", "tol": 1e-9}]}]}

Only ``id``, ``title``, ``caption`` and ``data`` are required. A scene's class names are shown in
the language of the interface (:func:`class_names`; a plain list is the same in every language),
each language naming the same number of classes; names do not enter training, so a scene gives
the same run in every language. Version 2 added class names per language: a version-1 file reads
as before, and a file that uses them must say ``"version": 2`` (older linviz then asks to be
updated instead of refusing the names). ``train`` is a partial
:class:`~linviz.engine.training.TrainConfig` document (the field names of
``lesson_file.config_to_dict``), merged over :data:`DEFAULT_TRAIN`. ``figures`` name a
measure of :mod:`linviz.lecture.measures` with its arguments; ``expected`` and ``relation``
compare as :class:`linviz.engine.lessons.Figure` does. Every fault raises
:class:`LectureError` naming where it is (``scenes[3].question.answer``) — a file is used
whole or not at all.

No Qt here: the CLI, the tests and the app's lecture mode read the same files.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.datasets import PRESETS
from ..engine.file_checks import APP_RANGES, check_ranges, check_train_config, flatten
from ..engine.lesson_file import LessonError, config_from_dict, config_to_dict
from ..engine.lessons import RELATIONS
from ..engine.regularizers import RegConfig
from ..engine.text import QT_TRANSLATE_NOOP
from ..engine.training import TrainConfig
from ..resources import asset_path

FORMAT = "linviz-lecture"
VERSION = 2
"""Version 2: ``class_names`` may be ``{"en": […], "es": […]}``. Versions 1 and 2 are read."""
NAMES_BY_LANGUAGE_SINCE = 2
LANGUAGES = ("en", "es")
MODELS = ("svm", "softmax", "lsq", "knn")
PANELS = ("controls", "lecture", "params", "scores", "surface", "geometry", "gradcheck", "loss", "branches")
MAX_SCENES = 500
MAX_POINTS = 10_000
MAX_FILE_BYTES = 4 * 1024 * 1024
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class LectureError(ValueError):
    """A lecture file that cannot be used; the message says where and why ("scenes[3].train.lr:
    1e+09 is out of range (0.0001 to 1e+06)"), in English built from marked templates (context
    ``LectureFile``, and the engine's ``FileChecks`` / ``Lesson`` ones) that the app shows in
    the interface's language."""


T_NOT_FILE = QT_TRANSLATE_NOOP("LectureFile", "{0}: not a regular file")
T_TOO_LARGE = QT_TRANSLATE_NOOP("LectureFile", "{0}: larger than {1} MiB")
T_NOT_UTF8 = QT_TRANSLATE_NOOP("LectureFile", "{0}: not UTF-8 text")
T_ONE_OF = QT_TRANSLATE_NOOP("LectureFile", "must be one of {0}")


@dataclass(frozen=True)
class Text:
    """The same words in every language of :data:`LANGUAGES`."""

    en: str
    es: str

    def __call__(self, language: str = "en") -> str:
        return self.es if language == "es" else self.en


@dataclass(frozen=True)
class Question:
    """Predict, then reveal: ``choices[answer]`` is right."""

    text: Text
    choices: tuple[Text, ...]
    answer: int


@dataclass(frozen=True)
class ExpectedFigure:
    """A figure the scene states: ``measure(**args)`` compared with ``expected`` by ``relation``."""

    measure: str
    args: dict = field(default_factory=dict)
    expected: float | None = None
    relation: str = "≈"
    tol: float = 1e-9
    label: Text | None = None


@dataclass(frozen=True)
class Scene:
    id: str
    title: Text
    caption: Text
    data: dict
    model: str = "svm"
    train: dict = field(default_factory=dict)
    knn: dict = field(default_factory=dict)
    W: tuple | None = None
    b: tuple | None = None
    init: str = "zeros"
    step: int | str = 0
    retrain_on_edit: bool = True
    panels: tuple[str, ...] = ()
    highlight: dict = field(default_factory=dict)
    question: Question | None = None
    figures: tuple[ExpectedFigure, ...] = ()


@dataclass(frozen=True)
class Lecture:
    title: Text
    scenes: tuple[Scene, ...]

    def index_of(self, scene_id: str) -> int:
        for i, s in enumerate(self.scenes):
            if s.id == scene_id:
                return i
        raise KeyError(scene_id)


# ----------------------------------------------------------------------------- reading


def read_lecture(path) -> Lecture:
    """Read and check a lecture file (a regular file of at most MAX_FILE_BYTES)."""
    p = Path(path)
    try:
        if not p.is_file():
            raise LectureError(T_NOT_FILE.format(p))
        with open(p, "rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise LectureError(f"{p}: {err.strerror or err}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise LectureError(T_TOO_LARGE.format(p, MAX_FILE_BYTES // (1024 * 1024)))
    try:
        return parse_lecture(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise LectureError(T_NOT_UTF8.format(p)) from None


def parse_lecture(text: str) -> Lecture:
    try:
        doc = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise LectureError(QT_TRANSLATE_NOOP("LectureFile", "the JSON is nested too deeply")) from None
    except (json.JSONDecodeError, ValueError) as err:
        raise LectureError(QT_TRANSLATE_NOOP("LectureFile", "not valid JSON: {0}").format(err)) from None
    _check(isinstance(doc, dict), "", QT_TRANSLATE_NOOP("LectureFile", "the file must be a JSON object"))
    _check(doc.get("format") == FORMAT, "format", QT_TRANSLATE_NOOP("LectureFile", "must be {0}").format(repr(FORMAT)))
    version = doc.get("version")
    _check(isinstance(version, int) and not isinstance(version, bool), "version", QT_TRANSLATE_NOOP("LectureFile", "must be an integer"))
    _check(version <= VERSION, "version",
           QT_TRANSLATE_NOOP("LectureFile", "{0} is from a newer linviz (this one reads version {1}); update linviz").format(version, VERSION))
    title = _text(doc.get("title"), "title")
    scenes_doc = doc.get("scenes")
    _check(isinstance(scenes_doc, list) and 0 < len(scenes_doc) <= MAX_SCENES, "scenes",
           QT_TRANSLATE_NOOP("LectureFile", "must be a list of 1 to {0} scenes").format(MAX_SCENES))
    scenes = tuple(_scene(s, f"scenes[{i}]", version) for i, s in enumerate(scenes_doc))
    seen: dict[str, int] = {}
    for i, s in enumerate(scenes):
        _check(s.id not in seen, f"scenes[{i}].id", QT_TRANSLATE_NOOP("LectureFile", "{0} is also the id of scenes[{1}]").format(repr(s.id), seen.get(s.id)))
        seen[s.id] = i
    for i, s in enumerate(scenes):
        scene_config(s, f"scenes[{i}]")  # the train settings make a TrainConfig: unknown keys, kinds, types
    return Lecture(title, scenes)


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _check(ok: bool, where: str, message: str) -> None:
    if not ok:
        raise LectureError(f"{where}: {message}" if where else message)


def _text(v, where: str) -> Text:
    _check(isinstance(v, dict), where, QT_TRANSLATE_NOOP("LectureFile", 'must be {"en": "…", "es": "…"}'))
    for lang in LANGUAGES:
        _check(isinstance(v.get(lang), str) and v[lang].strip() != "", f"{where}.{lang}", QT_TRANSLATE_NOOP("LectureFile", "must be a non-empty text"))
        _check(len(v[lang]) <= 2000, f"{where}.{lang}", QT_TRANSLATE_NOOP("LectureFile", "longer than 2,000 characters"))
    return Text(v["en"], v["es"])


def _number(v, where: str) -> float:
    _check(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v), where,
           QT_TRANSLATE_NOOP("LectureFile", "must be a finite number"))
    return float(v)


KNOWN_KEYS = {"id", "title", "caption", "data", "model", "train", "knn", "W", "b", "init", "step",
              "retrain_on_edit", "panels", "highlight", "question", "figures"}


def _scene(d, where: str, version: int = VERSION) -> Scene:
    _check(isinstance(d, dict), where, QT_TRANSLATE_NOOP("LectureFile", "must be a JSON object"))
    unknown = sorted(set(d) - KNOWN_KEYS)
    _check(not unknown, where,
           QT_TRANSLATE_NOOP("LectureFile", "unknown key {0}").format(repr(unknown[0])) if unknown else "")
    sid = d.get("id")
    _check(isinstance(sid, str) and bool(ID_PATTERN.match(sid)), f"{where}.id",
           QT_TRANSLATE_NOOP("LectureFile", "must be a short id of lower-case letters, digits and dashes"))
    model = d.get("model", "svm")
    _check(model in MODELS, f"{where}.model", T_ONE_OF.format(", ".join(MODELS)))
    data = _data(d.get("data"), f"{where}.data", version)
    W, b = d.get("W"), d.get("b")
    _check((W is None) == (b is None), where, QT_TRANSLATE_NOOP("LectureFile", "W and b come together"))
    if W is not None:
        _check(isinstance(W, list) and len(W) > 0 and all(isinstance(r, list) for r in W), f"{where}.W",
               QT_TRANSLATE_NOOP("LectureFile", "must be a list of rows"))
        width = len(W[0])
        _check(all(len(r) == width for r in W) and width > 0, f"{where}.W", QT_TRANSLATE_NOOP("LectureFile", "rows of different lengths"))
        W = tuple(tuple(_number(v, f"{where}.W[{j}][{k}]") for k, v in enumerate(r)) for j, r in enumerate(W))
        _check(isinstance(b, list) and len(b) == len(W), f"{where}.b", QT_TRANSLATE_NOOP("LectureFile", "must hold {0} numbers, one per row of W").format(len(W)))
        b = tuple(_number(v, f"{where}.b[{j}]") for j, v in enumerate(b))
        if "class_names" in data:
            n = len(class_names(data))
            _check(len(W) == n, f"{where}.W",
                   QT_TRANSLATE_NOOP("LectureFile", "has {0} rows; the scene's points have {1} classes").format(len(W), n))
    init = d.get("init", "zeros")
    _check(init in ("zeros", "random", "preset"), f"{where}.init", QT_TRANSLATE_NOOP("LectureFile", "must be zeros, random or preset"))
    step = d.get("step", 0)
    _check(step == "last" or (isinstance(step, int) and not isinstance(step, bool) and 0 <= step <= 100_000),
           f"{where}.step", QT_TRANSLATE_NOOP("LectureFile", 'must be a step number (0 to 100,000) or "last"'))
    for key in ("train", "knn", "highlight"):
        _check(isinstance(d.get(key, {}), dict), f"{where}.{key}", QT_TRANSLATE_NOOP("LectureFile", "must be a JSON object"))
    try:  # every number within the range the app's control for it allows (engine/file_checks.py)
        check_train_config(d.get("train", {}), f"{where}.train.")
        check_ranges(flatten({"knn": d.get("knn", {})}), APP_RANGES, f"{where}.")
    except ValueError as err:
        raise LectureError(str(err)) from None
    panels = d.get("panels", [])
    _check(isinstance(panels, list) and all(p in PANELS for p in panels), f"{where}.panels",
           QT_TRANSLATE_NOOP("LectureFile", "must list panels among {0}").format(", ".join(PANELS)))
    retrain = d.get("retrain_on_edit", True)
    _check(isinstance(retrain, bool), f"{where}.retrain_on_edit", QT_TRANSLATE_NOOP("LectureFile", "must be true or false"))
    question = None if d.get("question") is None else _question(d["question"], f"{where}.question")
    figs = d.get("figures", [])
    _check(isinstance(figs, list), f"{where}.figures", QT_TRANSLATE_NOOP("LectureFile", "must be a list"))
    return Scene(sid, _text(d.get("title"), f"{where}.title"), _text(d.get("caption"), f"{where}.caption"), data,
                 model, dict(d.get("train", {})), dict(d.get("knn", {})), W, b, init, step, retrain, tuple(panels),
                 dict(d.get("highlight", {})), question,
                 tuple(_figure(f, f"{where}.figures[{i}]") for i, f in enumerate(figs)))


def _data(d, where: str, version: int = VERSION) -> dict:
    _check(isinstance(d, dict), where, QT_TRANSLATE_NOOP("LectureFile", 'must be {"preset": …} or {"points": …}'))
    if "preset" in d:
        _check(d["preset"] in PRESETS, f"{where}.preset", T_ONE_OF.format(", ".join(PRESETS)))
        for key in ("n_per_class", "n_classes", "seed"):
            if key in d:
                _check(isinstance(d[key], int) and not isinstance(d[key], bool) and 0 <= d[key] <= 100_000,
                       f"{where}.{key}", QT_TRANSLATE_NOOP("LectureFile", "must be a whole number (0 to 100,000)"))
        return dict(d)
    points = d.get("points")
    _check(isinstance(points, list) and 0 < len(points) <= MAX_POINTS, f"{where}.points",
           QT_TRANSLATE_NOOP("LectureFile", "must be a list of 1 to {0} [x, y, label] triples").format(f"{MAX_POINTS:,}"))
    names = _class_names(d.get("class_names"), f"{where}.class_names", version)
    for i, p in enumerate(points):
        _check(isinstance(p, list) and len(p) == 3, f"{where}.points[{i}]", QT_TRANSLATE_NOOP("LectureFile", "must be [x, y, label]"))
        _number(p[0], f"{where}.points[{i}][0]")
        _number(p[1], f"{where}.points[{i}][1]")
        _check(isinstance(p[2], int) and not isinstance(p[2], bool) and 0 <= p[2] < len(names),
               f"{where}.points[{i}][2]", QT_TRANSLATE_NOOP("LectureFile", "must be a class index 0 to {0}").format(len(names) - 1))
    return dict(d)


def _name_list(names, where: str) -> list:
    _check(isinstance(names, list) and 2 <= len(names) <= 10 and all(isinstance(n, str) and n.strip() for n in names),
           where, QT_TRANSLATE_NOOP("LectureFile", "must name 2 to 10 classes"))
    _check(all(len(n) <= 100 for n in names), where, QT_TRANSLATE_NOOP("LectureFile", "a class name longer than 100 characters"))
    return names


def _class_names(names, where: str, version: int) -> list:
    """The class names of a scene's points, checked: one list, or one list per language of
    :data:`LANGUAGES`, each naming the same number of classes. Returns the English list."""
    if not isinstance(names, dict):
        return _name_list(names, where)
    _check(version >= NAMES_BY_LANGUAGE_SINCE, where,
           QT_TRANSLATE_NOOP("LectureFile", 'names per language need "version": {0}').format(NAMES_BY_LANGUAGE_SINCE))
    unknown = sorted(set(names) - set(LANGUAGES))
    _check(not unknown, where,
           QT_TRANSLATE_NOOP("LectureFile", "unknown key {0}").format(repr(unknown[0])) if unknown else "")
    first = _name_list(names.get(LANGUAGES[0]), f"{where}.{LANGUAGES[0]}")
    for lang in LANGUAGES[1:]:
        other = _name_list(names.get(lang), f"{where}.{lang}")
        _check(len(other) == len(first), f"{where}.{lang}",
               QT_TRANSLATE_NOOP("LectureFile", "names {0} classes; {1} names {2}").format(len(other), repr(LANGUAGES[0]), len(first)))
    return first


def class_names(data: dict, language: str = "en") -> tuple[str, ...]:
    """The class names a scene's ``data`` gives in ``language`` (a plain list: the same in every
    language); ``()`` for a preset without names of its own."""
    names = data.get("class_names", ())
    if isinstance(names, dict):
        names = names.get(language, names[LANGUAGES[0]])
    return tuple(names)


def _question(d, where: str) -> Question:
    _check(isinstance(d, dict), where, QT_TRANSLATE_NOOP("LectureFile", "must be a JSON object"))
    choices = d.get("choices")
    _check(isinstance(choices, list) and 2 <= len(choices) <= 4, f"{where}.choices", QT_TRANSLATE_NOOP("LectureFile", "must hold 2 to 4 choices"))
    answer = d.get("answer")
    _check(isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < len(choices),
           f"{where}.answer", QT_TRANSLATE_NOOP("LectureFile", "must be the index of a choice, 0 to {0}").format(len(choices) - 1))
    return Question(_text(d.get("text"), f"{where}.text"),
                    tuple(_text(c, f"{where}.choices[{i}]") for i, c in enumerate(choices)), answer)


DEFAULT_TRAIN = TrainConfig(reg=RegConfig("l2", 0.1), lr=0.1, steps=300)
"""What a scene's ``train`` is merged over: the app's own defaults."""


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def scene_config(scene: Scene, where: str = "scene") -> TrainConfig:
    """The scene's TrainConfig: its ``train`` over DEFAULT_TRAIN, the loss kind from its model."""
    doc = _merge(config_to_dict(DEFAULT_TRAIN), scene.train)
    doc = _merge(doc, {"loss": {"kind": "softmax" if scene.model == "softmax" else "svm"}})
    try:
        return config_from_dict(TrainConfig, doc, f"{where}.train")
    except LessonError as err:
        raise LectureError(str(err)) from None


MEASURE_NAMES = ("loss", "data_loss", "reg_loss", "accuracy", "example_loss", "score", "scaled_w_loss", "steps",
                 "loss_at", "lsq_change", "svm_change", "lesson")
"""The measures a figure may name (the format's vocabulary; :mod:`.measures` implements each one)."""


def _figure(d, where: str) -> ExpectedFigure:
    _check(isinstance(d, dict), where, QT_TRANSLATE_NOOP("LectureFile", "must be a JSON object"))
    _check(d.get("measure") in MEASURE_NAMES, f"{where}.measure",
           T_ONE_OF.format(", ".join(sorted(MEASURE_NAMES))))
    args = d.get("args", {})
    _check(isinstance(args, dict), f"{where}.args", QT_TRANSLATE_NOOP("LectureFile", "must be a JSON object"))
    expected = d.get("expected")
    if expected is not None:
        expected = _number(expected, f"{where}.expected")
    relation = d.get("relation", "≈")
    _check(relation in RELATIONS, f"{where}.relation", T_ONE_OF.format(" ".join(RELATIONS)))
    tol = _number(d.get("tol", 1e-9), f"{where}.tol")
    label = None if d.get("label") is None else _text(d["label"], f"{where}.label")
    return ExpectedFigure(d["measure"], dict(args), expected, relation, tol, label)


# ----------------------------------------------------------------------------- writing


def _text_doc(t: Text) -> dict:
    return {"en": t.en, "es": t.es}


def scene_to_dict(s: Scene) -> dict:
    """A scene as its JSON document (only what differs from the defaults, besides the required keys)."""
    d: dict = {"id": s.id, "title": _text_doc(s.title), "caption": _text_doc(s.caption), "data": s.data}
    defaults = Scene(s.id, s.title, s.caption, s.data)
    for key in ("model", "train", "knn", "init", "step", "retrain_on_edit", "highlight"):
        if getattr(s, key) != getattr(defaults, key):
            d[key] = getattr(s, key)
    if s.W is not None:
        d["W"], d["b"] = [list(r) for r in s.W], list(s.b)
    if s.panels:
        d["panels"] = list(s.panels)
    if s.question is not None:
        d["question"] = {"text": _text_doc(s.question.text), "choices": [_text_doc(c) for c in s.question.choices],
                         "answer": s.question.answer}
    if s.figures:
        d["figures"] = [{"measure": f.measure, "args": f.args, "expected": f.expected, "relation": f.relation,
                         "tol": f.tol, **({"label": _text_doc(f.label)} if f.label is not None else {})}
                        for f in s.figures]
    return d


def lecture_to_json(lecture: Lecture) -> str:
    """The lecture as a file's text (``parse_lecture`` reads it back to an equal Lecture)."""
    doc = {"format": FORMAT, "version": VERSION, "title": _text_doc(lecture.title),
           "scenes": [scene_to_dict(s) for s in lecture.scenes]}
    return json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def builtin_lecture_path() -> Path:
    """The lecture that ships with linviz (the course's *Función de costo y optimización*)."""
    return asset_path("lectures", "cost-function-and-optimisation.json")


__all__ = ["Lecture", "Scene", "Question", "ExpectedFigure", "Text", "LectureError", "read_lecture",
           "parse_lecture", "lecture_to_json", "scene_to_dict", "builtin_lecture_path", "class_names", "FORMAT", "VERSION",
           "LANGUAGES", "MODELS", "PANELS"]
