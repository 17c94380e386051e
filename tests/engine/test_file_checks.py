"""Bad files are refused whole, quickly, with one message naming the fault (issue 13).

Every file here is written by the test itself: nested JSON, a 10 MB CSV field, a FIFO, a link
to /dev/zero, values out of their controls' ranges, huge counts, an overflowing W0, lessons
whose runs were edited by hand.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field, replace

import numpy as np
import pytest

from linviz.engine import file_checks
from linviz.engine.datasets import DatasetError, make_preset, parse_csv, parse_json, read_points, to_json
from linviz.engine.lesson_file import (
    Lesson,
    LessonError,
    ReplayCancelled,
    lesson_to_json,
    parse_lesson,
    read_lesson,
    replay,
    runs_from_histories,
)
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import TrainConfig, train


@dataclass(frozen=True)
class AppLike:
    """The app's settings tree as far as the checks see it (the engine never imports the UI)."""

    model: str = "svm"
    train: TrainConfig = field(default_factory=lambda: TrainConfig(reg=RegConfig("l2", 0.1), steps=30))
    init_scale: float = 0.01


def lesson_text(ds=None, steps=30, **settings) -> str:
    ds = ds or make_preset("cs231n")
    s = AppLike(**settings)
    s = replace(s, train=replace(s.train, steps=steps))
    h = train(ds.X, ds.y, s.train, ds.n_classes, W0=ds.W0, b0=ds.b0)
    runs, branches, cur = runs_from_histories([h], h)
    return lesson_to_json(Lesson(ds, s, runs=runs, branches=branches, current_run=cur))


def edited(text: str, change) -> str:
    doc = json.loads(text)
    change(doc)
    return json.dumps(doc)


# ----------------------------------------------------------------------------- reading


def test_a_fifo_is_refused_at_once_instead_of_hanging(tmp_path):
    fifo = tmp_path / "points.csv"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(DatasetError, match="not a regular file"):
        read_points(fifo)
    assert time.monotonic() - start < 5  # it did not wait for a writer


def test_a_csv_link_to_dev_zero_is_refused_without_reading_it(tmp_path):
    link = tmp_path / "points.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(DatasetError, match="not a regular file"):
        read_points(link)


def test_a_file_over_the_limit_is_refused_whatever_its_size_claims(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(ValueError, match="file too large"):
        file_checks.read_bounded(path, limit=1000)
    assert file_checks.read_bounded(path, limit=1001) == b"x" * 1001


def test_deeply_nested_json_points_give_a_message_not_a_recursion_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"format": "linviz-points", "version": 1, "points": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(DatasetError, match=r"deep.json: line 1: lists and objects nested 100,?001 deep"):
        read_points(path)


def test_brackets_inside_strings_do_not_count_as_nesting():
    text = json.dumps({"format": "linviz-points", "version": 1, "name": "[" * 500, "points": [[0.5, 0.5, 0]]})
    assert file_checks.json_depth(text)[0] == 3
    assert len(parse_json(text)) == 1


def test_a_10_mb_csv_field_names_its_line(tmp_path):
    path = tmp_path / "field.csv"
    path.write_text("x,y,label\n0,0,0\n1," + "9" * 10_000_000 + ",1\n")
    with pytest.raises(DatasetError, match=r"field.csv: line 3: 10,000,00\d characters long"):
        read_points(path)


def test_an_overflowing_W0_is_refused_naming_the_entry_and_the_range():
    doc = json.loads(to_json(make_preset("cs231n")))
    doc["W0"][1][0] = 1e300
    with pytest.raises(DatasetError, match=r"W0\[1\]\[0\]: 1e\+300 is out of range \(-1e\+06 to 1e\+06\)"):
        parse_json(json.dumps(doc))


def test_every_W0_within_range_gives_a_finite_step_0_under_the_harshest_settings():
    """Why ±1e6 is the limit: the step-0 loss stays finite with λ, Δ at their maxima and squared hinge."""
    ds = make_preset("cs231n")
    W0, b0 = np.full((3, 2), 1e6), np.full(3, -1e6)
    from linviz.engine.losses import LossConfig

    for kind in ("svm", "softmax"):
        cfg = TrainConfig(loss=LossConfig(kind, delta=1e6, squared=kind == "svm"), reg=RegConfig("l2", 1e6))
        X = np.clip(ds.X * 1e6, -1e6, 1e6)
        assert file_checks.step0_finite(X, ds.y, cfg, 3, W0, b0)
        assert not file_checks.step0_finite(X, ds.y, cfg, 3, W0 * 1e150, b0)


# ----------------------------------------------------------------------------- lessons


@pytest.mark.parametrize(("key", "value", "message"), [
    (("settings", "train", "reg", "lam"), 1e9, r"settings\.train\.reg\.lam: 1e\+09 is out of range \(0 to 1e\+06\)"),
    (("settings", "train", "lr"), 1e7, r"settings\.train\.lr: 1e\+07 is out of range \(0\.0001 to 1e\+06\)"),
    (("settings", "train", "steps"), 10**9, r"settings\.train\.steps: 1,000,000,000 is out of range \(0 to 20,000\)"),
    (("settings", "train", "features", "n_components"), 10**7, r"n_components: 10,000,000 is out of range"),
    (("settings", "init_scale"), 1e300, r"settings\.init_scale: 1e\+300 is out of range \(0 to 1000\)"),
    (("runs", 0, "config", "loss", "delta"), 1e12, r"runs\[0\]\.config\.loss\.delta: 1e\+12 is out of range"),
])
def test_values_outside_their_controls_range_are_refused_naming_key_value_and_range(key, value, message):
    def change(doc):
        node = doc
        for k in key[:-1]:
            node = node[k]
        node[key[-1]] = value

    with pytest.raises(LessonError, match=message):
        parse_lesson(edited(lesson_text(), change), AppLike)


def test_dangerous_settings_inside_the_range_load():
    """λ, α and Δ of 1e6 are what a lecture on blow-ups uses: allowed."""
    text = lesson_text()
    doc = json.loads(text)
    doc["settings"]["train"]["reg"]["lam"] = 1e6
    doc["settings"]["train"]["lr"] = 1e6
    doc["settings"]["train"]["loss"]["delta"] = 1e6
    assert parse_lesson(json.dumps(doc), AppLike).settings.train.reg.lam == 1e6


def test_a_lesson_asking_for_too_much_training_on_load_is_refused():
    ds = make_preset("blobs", n_per_class=10_000)  # 30,000 points
    doc = json.loads(lesson_text(make_preset("cs231n")))
    doc["dataset"] = json.loads(to_json(ds))
    doc["settings"]["train"]["steps"] = 20_000
    doc["settings"]["train"]["features"] = {"kind": "rbf", "n_components": 512}
    doc["runs"] = []
    doc["current_run"] = None
    with pytest.raises(LessonError, match=r"settings\.train\.steps: 20,000 steps on 30,000 points × 3 classes × 512 "
                                          r"features is .* the limit is 5e\+09"):
        parse_lesson(json.dumps(doc), AppLike)


def test_a_lesson_whose_runs_are_too_much_work_to_replay_is_refused():
    ds = make_preset("blobs", n_per_class=10_000)
    doc = json.loads(lesson_text(ds))
    run = doc["runs"][0]
    doc["runs"] = [dict(run, length=20_000) for _ in range(20)]
    doc["branches"], doc["current_run"], doc["step"] = [0], 0, 0
    with pytest.raises(LessonError, match=r"runs: re-running them is .* units of work"):
        parse_lesson(json.dumps(doc), AppLike)


def test_deeply_nested_lesson_json_is_a_lesson_error(tmp_path):
    path = tmp_path / "deep.linviz"
    path.write_text('{"format": "linviz-lesson", "version": 1, "runs": ' + "[" * 50_000 + "]" * 50_000 + "}")
    with pytest.raises(LessonError, match=r"deep.linviz: line 1: lists and objects nested 50,?001 deep"):
        read_lesson(path, AppLike)


def test_a_lesson_link_to_dev_zero_is_refused(tmp_path):
    link = tmp_path / "x.linviz"
    link.symlink_to("/dev/zero")
    with pytest.raises(LessonError, match="not a regular file"):
        read_lesson(link, AppLike)


def test_tampered_runs_are_all_reported_and_a_missing_final_loss_too():
    ds = make_preset("cs231n")
    s = AppLike()
    root = train(ds.X, ds.y, s.train, 3, W0=ds.W0, b0=ds.b0)
    b1 = train(ds.X, ds.y, replace(s.train, lr=0.5), 3, resume=(root, 10))
    b2 = train(ds.X, ds.y, replace(s.train, lr=0.05), 3, resume=(root, 20))
    runs, branches, cur = runs_from_histories([root, b1, b2], b2)
    doc = json.loads(lesson_to_json(Lesson(ds, s, runs=runs, branches=branches, current_run=cur)))
    doc["runs"][0]["final_loss"] = None            # hand-edited: nothing to check against
    doc["runs"][1]["config"]["lr"] = 0.7           # settings changed by hand: does not reproduce
    doc["runs"][2]["config"]["reg"]["lam"] = 0.3
    lesson = parse_lesson(json.dumps(doc), AppLike)
    _, warnings = replay(lesson.runs, lesson.dataset)
    assert [(w.code, w.params[:2]) for w in warnings] == [("replay_no_final", (1, 3)), ("replay_loss", (2, 3)),
                                                          ("replay_loss", (3, 3))]


def test_replay_reports_progress_and_can_be_cancelled():
    ds = make_preset("cs231n")
    lesson = parse_lesson(lesson_text(ds), AppLike)
    seen = []
    replay(lesson.runs, lesson.dataset, progress=lambda done, total: seen.append((done, total)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0
    with pytest.raises(ReplayCancelled):
        replay(lesson.runs, lesson.dataset, progress=lambda done, total: False)


def test_header_only_csv_and_empty_points_parse_as_empty_sets():
    """The app accepts an empty plane (the CLI refuses it, see test_cli_bad_files)."""
    assert len(parse_csv("x,y,label\n")) == 0
    assert len(parse_json('{"format": "linviz-points", "version": 1, "points": []}')) == 0
