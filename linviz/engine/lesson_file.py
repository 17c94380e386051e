"""Lesson files (``.linviz``) — pure, no Qt (the runs: ``lesson_runs.py``; CSV exports: ``history_csv.py``).

A lesson is everything a teacher prepared: the points, every setting, the
step shown, the picked examples and the recorded runs. Training is
deterministic (same data, config and initial W → the same History bit for
bit), so a run is stored as its recipe and re-run on load::

    {"format": "linviz-lesson", "version": 1,
     "dataset": {a linviz-points document, see datasets.to_json},
     "settings": {the app's settings tree, field by field},
     "current_class": 0, "step": 12, "selected": [0, 4],
     "runs": [
       {"parent": null, "branch_step": null, "config": {TrainConfig},
        "W": [[..], ..], "b": [..],              # the initial W, b
        "length": 301, "stop_reason": "steps", "final_loss": 0.53},
       {"parent": 0, "branch_step": 40, "config": {...},
        "W": [[..], ..] or null, "b": [..] or null,   # the edited W, b at the branch step
        "length": 341, "stop_reason": "steps", "final_loss": 0.41}],
     "branches": [0, 1], "current_run": 1,
     "autosave_of": null}

``runs`` lists parents before their branches; ``branches`` says which of them
are the session's list of branches (the others are only ancestors), and
``current_run`` which one is shown. ``length`` is the number of
recorded steps and ``final_loss`` the loss of the last one, so a re-run that
does not reproduce the file is noticed (:func:`replay` returns warnings).
Every fault in a file raises :class:`LessonError` naming where it is
(``settings.train.lr``, ``runs[1].branch_step``, ``dataset: points[3]``).

The settings tree belongs to the UI; this module (de)serialises any frozen
dataclass of str/int/float/bool/None and nested dataclasses, field by field,
so the caller passes its settings type to :func:`parse_lesson`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import file_checks
from .history_csv import history_columns, history_to_csv, params_to_csv
from .lesson_runs import (
    LessonError,
    ReplayCancelled,
    Run,
    is_param_edit,
    replay,
    replay_work,
    runs_from_histories,
)
from .point_files import load_json, parse_json, read_text, to_json, write_file
from .point_set import Dataset, DatasetError
from .settings_tree import config_from_dict, config_to_dict, kind_of
from .text import Message, explained, reason
from .training import TrainConfig

FORMAT = "linviz-lesson"
VERSION = 1
SUFFIX = ".linviz"
STOP_REASONS = ("steps", "converged", "small_change", "diverged", "cancelled")
MAX_RUNS = 10_000
MAX_RUN_LENGTH = 100_000
MAX_REPLAY_VALUES = 50_000_000
"""Σ length · C · D over all runs: what a file may ask to re-run (about 800 MB of W and ∂W)."""



@dataclass(frozen=True, eq=False)
class Lesson:
    """Everything a lesson file holds. ``settings`` is the app's settings object;
    ``selected`` the examples the user picked; ``branches`` indexes the runs
    that make the session's branch list and ``current_run`` the one shown (None
    when nothing is trained, e.g. kNN); ``autosave_of`` is the lesson file an
    autosave was made for."""

    dataset: Dataset
    settings: object
    step: int = 0
    selected: tuple[int, ...] = ()
    current_class: int = 0
    runs: tuple[Run, ...] = ()
    branches: tuple[int, ...] = ()
    current_run: int | None = None
    autosave_of: str | None = None


# ----------------------------------------------------------------------------- JSON


def lesson_to_json(lesson: Lesson) -> str:
    """The lesson as JSON text (floats round-trip exactly; one point or run per line)."""
    runs = [_run_doc(r) for r in lesson.runs]
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "dataset": None,  # placed below, laid out as datasets.to_json does
        "settings": config_to_dict(lesson.settings),
        "current_class": int(lesson.current_class),
        "step": int(lesson.step),
        "selected": [int(i) for i in lesson.selected],
        "runs": runs,
        "branches": [int(i) for i in lesson.branches],
        "current_run": lesson.current_run,
        "autosave_of": lesson.autosave_of,
    }
    parts = []
    for key, value in doc.items():
        if key == "dataset":
            text = to_json(lesson.dataset).strip().replace("\n", "\n ")
        elif key == "runs":
            text = "[" + ",".join(f"\n  {_dumps(r)}" for r in value) + ("\n ]" if value else "]")
        else:
            text = _dumps(value)
        parts.append(f" {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _dumps(v) -> str:
    try:
        return json.dumps(v, ensure_ascii=False, allow_nan=False)
    except ValueError as e:
        raise explained(LessonError, "save_nonfinite", str(e)) from None


def _run_doc(r: Run) -> dict:
    as_list = (lambda a: None if a is None else np.asarray(a, dtype=float).tolist())
    return {
        "parent": r.parent,
        "branch_step": r.branch_step,
        "config": config_to_dict(r.config),
        "W": as_list(r.W),
        "b": as_list(r.b),
        "length": int(r.length),
        "stop_reason": r.stop_reason,
        "final_loss": r.final_loss,
    }


def parse_lesson(text: str, settings_type, check=None) -> Lesson:
    """Lesson from JSON text. ``settings_type`` is the dataclass of the app's settings;
    ``check(settings)`` may raise ValueError for values the app cannot use.
    Raises LessonError naming the fault."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise explained(LessonError, "lesson_empty")
    try:
        doc = load_json(text)
    except DatasetError as e:  # the depth cap, or the parser's fault (coded as a lesson's)
        said = reason(e)
        if isinstance(said, Message) and said.code == "file_json":
            raise explained(LessonError, "lesson_json", *said.params) from None
        raise LessonError(reason(e)) from None
    _check_header(doc)
    known = {"format", "version", "dataset", "settings", "current_class", "step", "selected", "runs", "branches",
             "current_run", "autosave_of"}
    unknown = [k for k in doc if k not in known]
    if unknown:
        raise explained(LessonError, "lesson_unknown_entry", unknown[0], VERSION)
    for key in ("dataset", "settings"):
        if key not in doc:
            raise explained(LessonError, "missing", key)
    dataset = _parse_dataset(doc["dataset"])
    settings = config_from_dict(settings_type, doc["settings"], "settings")
    _check_settings_ranges(settings, dataset)
    if check is not None:
        try:
            check(settings)
        except ValueError as e:
            raise explained(LessonError, "at", "settings", reason(e)) from None
    runs = _parse_runs(doc.get("runs", []), dataset)
    current = doc.get("current_run")
    if current is not None and not (_is_int(current) and 0 <= current < len(runs)):
        raise explained(LessonError, "bad_current_run", len(runs) - 1, kind_of(current))
    branches = doc.get("branches", list(range(len(runs))))
    if not isinstance(branches, list):
        raise explained(LessonError, "bad_branches", kind_of(branches))
    branches = tuple(_int(v, f"branches[{i}]", 0, len(runs) - 1) for i, v in enumerate(branches))
    last = runs[current].length - 1 if current is not None else 0
    step = _int(doc.get("step", 0), "step", 0, max(last, 0))
    current_class = _int(doc.get("current_class", 0), "current_class", 0, dataset.n_classes - 1)
    selected = doc.get("selected", [])
    if not isinstance(selected, list):
        raise explained(LessonError, "bad_selected", kind_of(selected))
    selected = tuple(_int(v, f"selected[{i}]", 0, len(dataset) - 1) for i, v in enumerate(selected))
    autosave_of = doc.get("autosave_of")
    if autosave_of is not None and not isinstance(autosave_of, str):
        raise explained(LessonError, "bad_autosave_of", kind_of(autosave_of))
    return Lesson(dataset, settings, step, selected, current_class, runs, branches, current, autosave_of)


def _check_settings_ranges(settings, dataset: Dataset) -> None:
    """Every number of the settings inside its control's range, and the training a load starts
    (settings.train.steps on these points) within file_checks.MAX_TRAIN_WORK."""
    ranges = {**{f"train.{k}": r for k, r in file_checks.TRAIN_RANGES.items()}, **file_checks.APP_RANGES}
    try:
        file_checks.check_ranges(file_checks.flatten(config_to_dict(settings)), ranges, "settings.")
        cfg = getattr(settings, "train", None)
        if isinstance(cfg, TrainConfig):
            file_checks.check_work(cfg.steps, len(dataset), dataset.n_classes, cfg.features.dim, "settings.train.steps")
    except ValueError as e:
        raise LessonError(reason(e)) from None


def _check_header(doc) -> None:
    if not isinstance(doc, dict):
        raise explained(LessonError, "not_lesson", FORMAT)
    fmt = doc.get("format")
    if fmt != FORMAT:
        code = "lesson_is_points" if fmt == "linviz-points" else "lesson_format"
        raise explained(LessonError, code, kind_of(fmt), FORMAT)
    version = doc.get("version")
    if not _is_int(version) or version < 1:
        raise explained(LessonError, "bad_lesson_version", kind_of(version))
    if version > VERSION:
        raise explained(LessonError, "newer_lesson", version, VERSION)


def _parse_dataset(doc) -> Dataset:
    if not isinstance(doc, dict):
        raise explained(LessonError, "bad_lesson_dataset", kind_of(doc))
    try:
        return parse_json(json.dumps(doc))
    except (DatasetError, ValueError, TypeError) as e:
        raise explained(LessonError, "at", "dataset", reason(e)) from None


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _int(v, where: str, lo: int, hi: int) -> int:
    if not _is_int(v):
        raise explained(LessonError, "not_whole", where, kind_of(v))
    if not lo <= v <= hi:
        raise explained(LessonError, "int_range", where, v, lo, hi)
    return v


def _parse_runs(doc, dataset: Dataset) -> tuple[Run, ...]:
    if not isinstance(doc, list):
        raise explained(LessonError, "runs_not_list", kind_of(doc))
    if len(doc) > MAX_RUNS:
        raise explained(LessonError, "too_many_runs", f"{len(doc):,}", f"{MAX_RUNS:,}")
    runs: list[Run] = []
    total = steps = 0
    for i, d in enumerate(doc):
        where = f"runs[{i}]"
        if not isinstance(d, dict):
            raise explained(LessonError, "not_object", where, kind_of(d))
        run = _parse_run(d, where, runs, dataset.n_classes)
        total += run.length * dataset.n_classes * run.config.features.dim
        steps += run.length
        if total > MAX_REPLAY_VALUES or steps > file_checks.MAX_REPLAY_STEPS:
            raise explained(LessonError, "too_many_steps", where, f"{file_checks.MAX_REPLAY_STEPS:,}")
        runs.append(run)
    work = replay_work(runs, dataset)
    if work > file_checks.MAX_REPLAY_WORK:
        raise explained(LessonError, "replay_work", f"{work:.3g}", f"{file_checks.MAX_REPLAY_WORK:.3g}")
    return tuple(runs)


def _parse_run(d: dict, where: str, earlier: list[Run], n_classes: int) -> Run:
    known = {"parent", "branch_step", "config", "W", "b", "length", "stop_reason", "final_loss"}
    unknown = [k for k in d if k not in known]
    if unknown:
        raise explained(LessonError, "unknown_entry", f"{where}.{unknown[0]}")
    if "config" not in d:
        raise explained(LessonError, "missing", f"{where}.config")
    config = config_from_dict(TrainConfig, d["config"], f"{where}.config")
    try:
        file_checks.check_train_config(config_to_dict(config), f"{where}.config.")
    except ValueError as e:
        raise LessonError(reason(e)) from None
    length = _int(d.get("length"), f"{where}.length", 0, MAX_RUN_LENGTH)
    stop = d.get("stop_reason", "steps")
    if stop not in STOP_REASONS:
        raise explained(LessonError, "bad_stop_reason", f"{where}.stop_reason", kind_of(stop), ", ".join(STOP_REASONS))
    final = d.get("final_loss")
    if final is not None and (isinstance(final, bool) or not isinstance(final, (int, float)) or not math.isfinite(final)):
        raise explained(LessonError, "bad_final_loss", f"{where}.final_loss", kind_of(final))
    parent, k = d.get("parent"), d.get("branch_step")
    dim = config.features.dim
    if parent is None:
        if k is not None:
            raise explained(LessonError, "root_branch_step", f"{where}.branch_step")
        if length < 1:
            raise explained(LessonError, "root_empty", f"{where}.length")
        W = _matrix(d.get("W"), f"{where}.W", (n_classes, dim))
        b = _matrix(d.get("b"), f"{where}.b", (n_classes,))
    else:
        if not _is_int(parent) or not 0 <= parent < len(earlier):
            raise explained(LessonError, "bad_parent", f"{where}.parent", len(earlier) - 1, kind_of(parent))
        k = _int(k, f"{where}.branch_step", 0, max(earlier[parent].length - 1, 0))
        if earlier[parent].config.features.dim != dim:
            raise explained(LessonError, "branch_features", f"{where}.config.features")
        edited = d.get("W") is not None or d.get("b") is not None
        W = _matrix(d.get("W"), f"{where}.W", (n_classes, dim)) if edited else None
        b = _matrix(d.get("b"), f"{where}.b", (n_classes,)) if edited else None
        if length < k:
            raise explained(LessonError, "branch_beyond", f"{where}.length", length, k)
    return Run(parent, k, config, W, b, length, stop, None if final is None else float(final))


def _matrix(v, where: str, shape: tuple[int, ...]) -> np.ndarray:
    """A finite float array of exactly ``shape`` from nested JSON lists of numbers."""
    want = "×".join(map(str, shape))
    if not isinstance(v, list):
        raise explained(LessonError, "matrix_not_list", where, want, kind_of(v))
    if not _all_numbers(v):
        raise explained(LessonError, "matrix_not_numbers", where, want)
    try:
        a = np.array(v, dtype=float)
    except ValueError:
        a = None
    if a is None or a.shape != shape:
        if a is None:
            raise explained(LessonError, "matrix_ragged", where, want)
        raise explained(LessonError, "matrix_shape", where, want, "×".join(map(str, a.shape)))
    try:
        file_checks.check_param(a, where)
    except ValueError as e:
        raise LessonError(reason(e)) from None
    return a


def _all_numbers(v) -> bool:
    if isinstance(v, list):
        return all(_all_numbers(x) for x in v)
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ----------------------------------------------------------------------------- files


def write_lesson(lesson: Lesson, path) -> None:
    """Write the lesson atomically (a temporary file, then os.replace)."""
    write_text(path, lesson_to_json(lesson))


def read_lesson(path, settings_type, check=None) -> Lesson:
    """Lesson from a file; errors start with the file name."""
    path = Path(path)
    try:
        text = read_text(path)
    except DatasetError as e:
        raise LessonError(e.message or str(e)) from None
    try:
        return parse_lesson(text, settings_type, check)
    except LessonError as e:
        raise LessonError(Message("in_file", (path.name, reason(e)), "error")) from None


def write_text(path, text: str) -> None:
    """Write UTF-8 text atomically; LessonError naming the path if it cannot be written."""
    try:
        write_file(path, text.encode("utf-8"))
    except DatasetError as e:
        raise LessonError(e.message or str(e)) from None


__all__ = ["FORMAT", "VERSION", "SUFFIX", "LessonError", "Run", "Lesson", "is_param_edit", "runs_from_histories",
           "replay", "replay_work", "ReplayCancelled", "config_to_dict", "config_from_dict", "lesson_to_json", "parse_lesson", "read_lesson",
           "write_lesson", "write_text", "params_to_csv", "history_columns", "history_to_csv"]
