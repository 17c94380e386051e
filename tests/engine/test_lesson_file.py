"""Lesson files: exact round trips through re-running, every kind of bad file, CSV exports."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field, replace

import numpy as np
import pytest

from linviz.engine.datasets import make_preset
from linviz.engine.lesson_file import (
    FORMAT,
    VERSION,
    Lesson,
    LessonError,
    config_from_dict,
    history_columns,
    history_to_csv,
    is_param_edit,
    lesson_to_json,
    params_to_csv,
    parse_lesson,
    read_lesson,
    replay,
    runs_from_histories,
    write_lesson,
)
from linviz.engine.losses import LossConfig
from linviz.engine.optimizers import Optimizer
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import History, TrainConfig, train


@dataclass(frozen=True)
class Knobs:
    """A stand-in for the app's settings tree (the engine never imports the UI)."""

    model: str = "svm"
    train: TrainConfig = field(default_factory=TrainConfig)
    k: int = 3
    batch: int | None = None
    restart: bool = True


CFG = TrainConfig(reg=RegConfig("l2", 0.1), lr=0.1, steps=30, batch_size=8, optimizer=Optimizer("adam"))


def assert_same_history(a: History, b: History) -> None:
    assert len(a) == len(b) and a.stop_reason == b.stop_reason and a.config == b.config
    for name in History.ARRAYS:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert a.branch_step == b.branch_step


def session_like_runs(ds):
    """What the app records: a root played further, a branch for new settings, a typed W, played further."""
    root = train(ds.X, ds.y, CFG, ds.n_classes, W0=np.full((3, 2), 0.01), b0=np.zeros(3))
    grown = train(ds.X, ds.y, replace(CFG, steps=12), ds.n_classes, resume=(root, root.last))
    grown.parent = grown.branch_step = None  # as SessionModel.extend leaves a root
    cfg2 = replace(CFG, reg=RegConfig("l1", 0.3))
    branch = train(ds.X, ds.y, cfg2, ds.n_classes, resume=(grown, 20))
    W = branch.W[33].copy()
    W[0, 0] += 1.5
    edit = train(ds.X, ds.y, cfg2, ds.n_classes, W0=W, b0=branch.b[33], resume=(branch, 33))
    edit_more = train(ds.X, ds.y, replace(cfg2, steps=9), ds.n_classes, resume=(edit, edit.last))
    edit_more.parent, edit_more.branch_step = edit.parent, edit.branch_step
    return [grown, branch, edit_more]


def lesson_of(ds, hists, current, **kw) -> Lesson:
    runs, branches, cur = runs_from_histories(hists, current)
    return Lesson(ds, Knobs(train=CFG), runs=runs, branches=branches, current_run=cur, **kw)


@pytest.fixture(scope="module")
def blobs():
    return make_preset("blobs", n_per_class=12)


@pytest.fixture(scope="module")
def recorded(blobs):
    return session_like_runs(blobs)


@pytest.fixture(scope="module")
def good_text(blobs, recorded):
    return lesson_to_json(lesson_of(blobs, recorded, recorded[-1], step=40, selected=(2, 5), current_class=1))


def test_round_trip_rebuilds_every_run_bit_for_bit(blobs, recorded, good_text):
    lesson = parse_lesson(good_text, Knobs)
    assert lesson.dataset == blobs and lesson.settings == Knobs(train=CFG)
    assert (lesson.step, lesson.selected, lesson.current_class, lesson.current_run) == (40, (2, 5), 1, 2)
    assert [(r.parent, r.branch_step, r.W is not None) for r in lesson.runs] == [(None, None, True), (0, 20, False),
                                                                               (1, 33, True)]
    hists, warnings = replay(lesson.runs, lesson.dataset)
    assert warnings == []
    for original, rebuilt in zip(recorded, hists):
        assert_same_history(original, rebuilt)
    assert hists[1].parent is hists[0] and hists[2].parent is hists[1]
    assert is_param_edit(hists[2]) and not is_param_edit(hists[1])


def test_text_is_stable_json_and_saving_twice_gives_the_same_bytes(blobs, recorded, good_text):
    doc = json.loads(good_text)
    assert doc["format"] == FORMAT and doc["version"] == VERSION
    assert doc["dataset"]["format"] == "linviz-points"
    assert doc["settings"]["train"]["reg"] == {"kind": "l2", "lam": 0.1, "beta": 0.5, "max_norm": 3.0,
                                               "include_bias": False, "proximal": True}
    lesson = parse_lesson(good_text, Knobs)
    hists, _ = replay(lesson.runs, lesson.dataset)
    again = lesson_of(lesson.dataset, hists, hists[-1], step=40, selected=(2, 5), current_class=1)
    assert lesson_to_json(again) == good_text


def test_ancestors_outside_the_branch_list_are_stored_and_marked(blobs, recorded):
    runs, branches, cur = runs_from_histories([recorded[2]], recorded[2])
    assert len(runs) == 3 and branches == (2,) and cur == 2


def test_diverged_and_converged_runs_replay_with_their_stop_reason():
    ds = make_preset("cs231n")
    wild = train(ds.X, ds.y, TrainConfig(reg=RegConfig("l2", 1.0), lr=1e6, steps=50), 3, W0=ds.W0, b0=ds.b0)
    calm = train(ds.X, ds.y, TrainConfig(lr=0.5, steps=5000, tol=1e-7), 3, W0=ds.W0, b0=ds.b0)
    still = train(ds.X, ds.y, TrainConfig(loss=LossConfig("softmax"), reg=RegConfig("l2", 0.1), lr=0.1, steps=5000,
                                          tol=1e-4, gtol=0.0), 3, W0=ds.W0, b0=ds.b0)
    assert wild.stop_reason == "diverged" and calm.stop_reason == "converged" and still.stop_reason == "small_change"
    for h in (wild, calm, still):
        text = lesson_to_json(lesson_of(ds, [h], h))
        lesson = parse_lesson(text, Knobs)
        hists, warnings = replay(lesson.runs, lesson.dataset)
        assert warnings == []
        assert_same_history(h, hists[0])


def test_an_edit_that_diverges_at_once_still_loads(blobs, recorded):
    parent = recorded[0]
    bad = train(blobs.X, blobs.y, CFG, 3, W0=np.full((3, 2), 1e200), b0=np.zeros(3), resume=(parent, 5))
    assert len(bad) == 5 and bad.stop_reason == "diverged"
    lesson = parse_lesson(lesson_to_json(lesson_of(blobs, [parent, bad], bad, step=4)), Knobs)
    hists, warnings = replay(lesson.runs, lesson.dataset)
    assert len(hists) == 2  # its typed W was never recorded, so it cannot be exact: a warning says so
    assert len(warnings) == 1


def test_a_run_that_does_not_replay_is_reported_not_refused(good_text):
    doc = json.loads(good_text)
    doc["runs"][1]["final_loss"] = 123.0
    lesson = parse_lesson(json.dumps(doc), Knobs)
    hists, warnings = replay(lesson.runs, lesson.dataset)
    assert len(hists) == 3
    assert len(warnings) == 1 and warnings[0].code == "replay_loss" and warnings[0].level == "warning"
    assert warnings[0].params[:3] == (2, 3, "123.0")  # run 2 of 3; the loss the file recorded


def test_missing_settings_take_their_defaults_and_ints_read_as_floats():
    s = config_from_dict(Knobs, {"train": {"lr": 1, "reg": {"lam": 0}}}, "settings")
    assert s == Knobs(train=TrainConfig(lr=1.0, reg=RegConfig(lam=0.0)))
    assert isinstance(s.train.lr, float)


# ----------------------------------------------------------------------------- bad files


def mutate(text: str, change) -> str:
    doc = json.loads(text)
    change(doc)
    return json.dumps(doc)


def setitem(path, value):
    def change(doc):
        *head, last = path
        for key in head:
            doc = doc[key]
        doc[last] = value
    return change


BAD = {
    "empty": (lambda t: "  \n", "empty"),
    "truncated": (lambda t: t[: len(t) // 2], "truncated"),
    "not an object": (lambda t: "[1, 2]", "not a linviz lesson"),
    "other format": (lambda t: mutate(t, setitem(["format"], "something")), "not a linviz lesson"),
    "points file": (lambda t: json.dumps({"format": "linviz-points", "version": 1, "points": []}), "points file"),
    "newer version": (lambda t: mutate(t, setitem(["version"], VERSION + 1)), "newer linviz"),
    "version as text": (lambda t: mutate(t, setitem(["version"], "1")), "version"),
    "NaN coordinate": (lambda t: mutate(t, setitem(["dataset", "points", 3, 0], float("nan"))), "points[3]"),
    "huge coordinate": (lambda t: mutate(t, setitem(["dataset", "points", 2, 1], 1e308)), "points[2]"),
    "no dataset": (lambda t: mutate(t, lambda d: d.pop("dataset")), "dataset: missing"),
    "rate as text": (lambda t: mutate(t, setitem(["settings", "train", "lr"], "fast")), "settings.train.lr"),
    "negative rate": (lambda t: mutate(t, setitem(["settings", "train", "lr"], -1.0)), "learning rate"),
    "rate NaN": (lambda t: mutate(t, setitem(["settings", "train", "lr"], float("nan"))), "settings.train.lr"),
    "bool as int": (lambda t: mutate(t, setitem(["settings", "k"], True)), "settings.k"),
    "unknown setting": (lambda t: mutate(t, setitem(["settings", "colour"], "red")), "settings.colour"),
    "unknown entry": (lambda t: mutate(t, setitem(["extra"], 1)), "extra"),
    "step as text": (lambda t: mutate(t, setitem(["step"], "5")), "step"),
    "step too far": (lambda t: mutate(t, setitem(["step"], 10_000)), "step"),
    "selected out of range": (lambda t: mutate(t, setitem(["selected"], [0, 999])), "selected[1]"),
    "class out of range": (lambda t: mutate(t, setitem(["current_class"], 7)), "current_class"),
    "parent later": (lambda t: mutate(t, setitem(["runs", 1, "parent"], 2)), "runs[1].parent"),
    "branch past parent": (lambda t: mutate(t, setitem(["runs", 1, "branch_step"], 9999)), "runs[1].branch_step"),
    "W wrong shape": (lambda t: mutate(t, setitem(["runs", 0, "W"], [[1.0, 2.0]])), "runs[0].W"),
    "W with text": (lambda t: mutate(t, setitem(["runs", 0, "W"], [["1", 2.0]] * 3)), "runs[0].W"),
    "W infinite": (lambda t: mutate(t, setitem(["runs", 0, "W", 1, 1], 1e400)), "runs[0].W"),
    "run length text": (lambda t: mutate(t, setitem(["runs", 0, "length"], "many")), "runs[0].length"),
    "run too long": (lambda t: mutate(t, setitem(["runs", 0, "length"], 10**9)), "runs[0].length"),
    "stop reason": (lambda t: mutate(t, setitem(["runs", 0, "stop_reason"], "bored")), "runs[0].stop_reason"),
    "current run": (lambda t: mutate(t, setitem(["current_run"], 3)), "current_run"),
    "runs not a list": (lambda t: mutate(t, setitem(["runs"], {"a": 1})), "runs"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_each_bad_file_raises_a_lesson_error_naming_the_fault(good_text, case):
    make, expected = BAD[case]
    with pytest.raises(LessonError) as err:
        parse_lesson(make(good_text), Knobs)
    assert expected in str(err.value)


def test_the_settings_check_can_refuse_values(good_text):
    def check(s):
        if s.model not in ("svm", "softmax"):
            raise ValueError(f"model: unknown model {s.model!r}")

    with pytest.raises(LessonError, match="settings: model: unknown model 'tree'"):
        parse_lesson(mutate(good_text, setitem(["settings", "model"], "tree")), Knobs, check)


def test_files_are_written_atomically_and_errors_name_the_file(tmp_path, blobs, recorded, good_text):
    path = tmp_path / "demo.linviz"
    lesson = parse_lesson(good_text, Knobs)
    write_lesson(lesson, path)
    assert path.read_text(encoding="utf-8") == good_text
    assert [p.name for p in tmp_path.iterdir()] == ["demo.linviz"]
    assert read_lesson(path, Knobs).dataset == blobs
    with pytest.raises(LessonError, match="cannot write"):
        write_lesson(lesson, tmp_path / "missing-folder" / "x.linviz")
    path.write_text(good_text[:100], encoding="utf-8")
    with pytest.raises(LessonError, match="^demo.linviz: line"):
        read_lesson(path, Knobs)
    with pytest.raises(LessonError, match="not found"):
        read_lesson(tmp_path / "nope.linviz", Knobs)


# ----------------------------------------------------------------------------- CSV


def test_history_csv_has_a_row_per_step_and_the_documented_columns(recorded):
    h = recorded[0]
    names, feats = ("a", "b", "c"), ("x₁", "x₂")
    rows = list(csv.reader(io.StringIO(history_to_csv(h, names, feats))))
    assert rows[0] == history_columns(names, feats)
    assert rows[0][:7] == ["step", "loss", "data_loss", "reg_loss", "train_acc", "test_acc", "lr"]
    assert rows[0][7:10] == ["W[a][x₁]", "W[a][x₂]", "W[b][x₁]"] and rows[0][-1] == "b[c]"
    assert len(rows) == len(h) + 1 and all(len(r) == 7 + 6 + 3 for r in rows)
    t = 17
    row = rows[t + 1]
    assert int(row[0]) == t and float(row[1]) == h.loss[t] and row[5] == ""  # no test split: empty
    np.testing.assert_array_equal([float(v) for v in row[7:13]], h.W[t].ravel())
    np.testing.assert_array_equal([float(v) for v in row[13:]], h.b[t])


def test_params_csv_has_a_row_per_class():
    W, b = np.array([[1.0, 2.0], [3.0, 4.5]]), np.array([0.1, -0.2])
    rows = list(csv.reader(io.StringIO(params_to_csv(W, b, ("cat", "dog"), ("x", "y")))))
    assert rows == [["class", "x", "y", "b"], ["cat", "1.0", "2.0", "0.1"], ["dog", "3.0", "4.5", "-0.2"]]
    with pytest.raises(ValueError):
        params_to_csv(W, b, ("cat",), ("x", "y"))
