"""The built-in lecture and lecture files: every scene applies headlessly and states true figures."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import numpy as np
import pytest

from linviz.engine.datasets import Dataset
from linviz.lecture import LectureError, apply_scene, builtin_lecture_path, measure_scene, parse_lecture, read_lecture
from linviz.lecture.format import LANGUAGES, lecture_to_json
from linviz.lecture.measures import least_squares_params

LECTURE = read_lecture(builtin_lecture_path())
DOC = json.loads(builtin_lecture_path().read_text(encoding="utf-8"))


def test_the_builtin_lecture_walks_the_course_in_both_languages():
    assert len(LECTURE.scenes) >= 24
    ids = [s.id for s in LECTURE.scenes]
    for must in ("bias-trick", "why-not-least-squares", "max-margin", "slide-hinge", "slide-small-w",
                 "slide-all-classes", "slide-mean", "slide-squared", "delta-lambda", "w-not-unique",
                 "l1-l2-elastic-maxnorm", "softmax-slide", "svm-vs-softmax", "gradient-by-example",
                 "rate-too-small", "rate-too-large", "batch-minibatch-sgd", "tol-stop", "feature-maps", "knn"):
        assert must in ids
    assert ids.index("slide-hinge") < ids.index("softmax") < ids.index("gradient-descent") < ids.index("knn")
    for s in LECTURE.scenes:
        for lang in LANGUAGES:
            assert s.title(lang) and s.caption(lang) and s.caption(lang).count("\n") <= 2
        assert s.title("es") != s.title("en") or s.title("en").startswith(("f(", "SVM", "L2"))
        if s.question is not None:
            assert 2 <= len(s.question.choices) <= 4 and 0 <= s.question.answer < len(s.question.choices)
    questions = sum(s.question is not None for s in LECTURE.scenes)
    assert questions >= 12  # predict, then reveal: most of the slide's questions are asked


@pytest.mark.parametrize("index", range(len(LECTURE.scenes)), ids=[s.id for s in LECTURE.scenes])
def test_every_builtin_scene_gives_the_figures_it_states(index):
    scene = LECTURE.scenes[index]
    state = apply_scene(scene, f"scenes[{index}]")
    figures = measure_scene(scene, state)
    assert len(figures) >= len([f for f in scene.figures if f.measure != "lesson"])
    wrong = [f"{f.text}: {f.measured} vs {f.relation} {f.expected}" for f in figures if f.holds is False]
    assert wrong == []
    if scene.model != "knn":
        assert np.isfinite(state.history.loss[state.step])


def test_the_slide_scene_has_the_slides_own_numbers():
    scene = LECTURE.scenes[LECTURE.index_of("slide-hinge")]
    state = apply_scene(scene)
    assert not scene.retrain_on_edit  # hold W: dragging the car recomputes its scores only
    scores = state.dataset.X @ state.W.T + state.b
    np.testing.assert_allclose(scores, [[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]], atol=1e-12)
    figures = measure_scene(scene, state)
    np.testing.assert_allclose([f.measured for f in figures], [2.9, 0.0, 12.9, 15.8 / 3], atol=1e-12)
    assert round(figures[-1].measured, 2) == 5.27


def test_the_softmax_slide_uses_the_natural_log():
    scene = LECTURE.scenes[LECTURE.index_of("softmax-slide")]
    (loss,) = measure_scene(scene, apply_scene(scene))
    s = np.array([3.2, 5.1, -1.7])
    p = np.exp(s[0]) / np.exp(s).sum()
    assert round(p, 2) == 0.13 and loss.measured == pytest.approx(-np.log(p), abs=1e-12)
    assert round(loss.measured, 2) == 2.04 and round(-np.log10(p), 2) == 0.89  # the slide's figure is log₁₀


def test_least_squares_is_the_exact_solution_of_the_normal_equations():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(40, 2))
    y = rng.integers(0, 3, size=40)
    ds = Dataset(X, y, ("a", "b", "c"))
    W, b = least_squares_params(ds)
    Xt = np.column_stack([X, np.ones(40)])
    T = np.eye(3)[y]
    loop = np.zeros((3, 3))  # the normal equations, one class at a time
    for j in range(3):
        loop[j] = np.linalg.solve(Xt.T @ Xt, Xt.T @ T[:, j])
    np.testing.assert_allclose(np.column_stack([W, b]), loop, atol=1e-10)


def test_a_lecture_file_round_trips():
    again = parse_lecture(lecture_to_json(LECTURE))
    assert again == LECTURE


def _mutated(path: tuple, value):
    doc = copy.deepcopy(DOC)
    node = doc
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return json.dumps(doc)


@pytest.mark.parametrize("path, value, where", [
    (("format",), "linviz-lesson", "format"),
    (("version",), 99, "version"),
    (("scenes", 3, "title", "es"), "", "scenes[3].title.es"),
    (("scenes", 6, "W"), [[1.0, 2.0]], "scenes[6].b"),
    (("scenes", 2, "question", "answer"), 7, "scenes[2].question.answer"),
    (("scenes", 5, "figures", 0, "measure"), "magic", "scenes[5].figures[0].measure"),
    (("scenes", 4, "data", "preset"), "nowhere", "scenes[4].data.preset"),
    (("scenes", 1, "id"), "overview", "scenes[1].id"),
    (("scenes", 0, "colour"), "red", "scenes[0]"),
    (("scenes", 6, "data", "points", 0, 0), "NaN", "scenes[6].data.points[0][0]"),
    (("scenes",), [], "scenes"),
])
def test_a_malformed_lecture_is_refused_naming_the_fault(path, value, where):
    with pytest.raises(LectureError) as err:
        parse_lecture(_mutated(path, value))
    assert str(err.value).startswith(where + ":"), str(err.value)


def test_hostile_lecture_text_is_refused_with_a_message():
    for text in ("[" * 100_000, '{"format": "linviz-lecture", "version": 1, "x": NaN}', "", "\udcff"):
        with pytest.raises(LectureError):
            parse_lecture(text)


@pytest.mark.parametrize("where, value, message", [
    (("train", "lr"), -1.0, r"scenes\[21\]\.train\.lr: -1 is out of range \(0\.0001 to 1e\+06\)"),
    (("train", "steps"), 10**9, r"scenes\[21\]\.train\.steps: 1,000,000,000 is out of range \(0 to 20,000\)"),
    (("train", "reg", "lam"), 1e7, r"scenes\[21\]\.train\.reg\.lam: 1e\+07 is out of range"),
    (("train", "optimizer", "momentum"), 1.5, r"scenes\[21\]\.train\.optimizer\.momentum: 1\.5 is out of range"),
    (("knn", "k"), 99, r"scenes\[21\]\.knn\.k: 99 is out of range \(1 to 15\)"),
])
def test_a_setting_out_of_the_engines_range_is_refused_when_the_file_is_read(where, value, message):
    """The reader checks each scene's settings against the ranges the app's controls allow
    (file_checks.TRAIN_RANGES / APP_RANGES): the whole file is refused, naming scene and key."""
    doc = copy.deepcopy(DOC)
    node = doc["scenes"][21]
    for key in where[:-1]:
        node = node.setdefault(key, {})
    node[where[-1]] = value
    with pytest.raises(LectureError, match=message):
        parse_lecture(json.dumps(doc))


def test_a_train_setting_the_engine_does_not_know_is_refused_when_the_file_is_read():
    doc = copy.deepcopy(DOC)
    doc["scenes"][3]["train"] = {"optimiser": {"kind": "adam"}}  # British spelling: not a TrainConfig key
    with pytest.raises(LectureError, match=r"scenes\[3\]\.train"):
        parse_lecture(json.dumps(doc))


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "linviz.cli", "lecture", *args], capture_output=True, text=True,
                          timeout=120)


def test_the_command_lists_the_scenes_in_both_languages_and_applies_one():
    en = json.loads(run_cli("--list", "--json").stdout)
    es = json.loads(run_cli("--list", "--json", "--language", "es").stdout)
    assert len(en["scenes"]) == len(es["scenes"]) == len(LECTURE.scenes)
    assert [r["id"] for r in en["scenes"]] == [r["id"] for r in es["scenes"]]
    assert es["title"] == "Función de costo y optimización"
    done = run_cli("--scene", str(LECTURE.index_of("slide-hinge") + 1), "--json")
    report = json.loads(done.stdout)
    assert [round(f["measured"], 2) for f in report["figures"]] == [2.9, 0.0, 12.9, 5.27]
    assert all(f["holds"] for f in report["figures"])


def test_the_command_refuses_a_bad_file_in_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(_mutated(("scenes", 2, "question", "answer"), 7), encoding="utf-8")
    done = run_cli(str(bad), "--list")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("linviz: error: scenes[2].question.answer")


def test_render_draws_a_scene_and_refuses_a_missing_scene(tmp_path):
    out = tmp_path / "scene.png"
    done = subprocess.run([sys.executable, "-m", "linviz.cli", "render", "--lecture", "--scene", "slide-hinge",
                           "--out", str(out), "--size", "1280x800"], capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert len({image.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 800, 40)}) > 20  # a window, not blank
    missing = subprocess.run([sys.executable, "-m", "linviz.cli", "render", "--lecture", "--out", str(out)],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and missing.stderr.startswith("linviz: error: --lecture needs --scene")


# ----------------------------------------------------------------------------- class names per language

SLIDE = LECTURE.index_of("slide-hinge")


def test_scenes_name_their_classes_in_each_language_and_train_the_same_run():
    """Every built-in scene that names its classes names them in Spanish too; the names follow the
    language asked for, and the run (every step's W, b and loss) is the same in both."""
    from linviz.lecture.format import class_names

    named = [s for s in LECTURE.scenes if "class_names" in s.data]
    assert named and all(isinstance(s.data["class_names"], dict) for s in named)
    assert class_names(LECTURE.scenes[SLIDE].data, "es") == ("gato", "auto", "rana")
    for s in named:
        assert class_names(s.data, "es") != class_names(s.data, "en"), s.id
    scene = LECTURE.scenes[SLIDE]
    en, es = apply_scene(scene, "scenes[6]", "en"), apply_scene(scene, "scenes[6]", "es")
    assert en.dataset.class_names == ("cat", "car", "frog") and es.dataset.class_names == ("gato", "auto", "rana")
    assert apply_scene(scene).dataset.class_names == ("cat", "car", "frog")  # the CLI's: English
    for key in ("W", "b", "loss"):
        np.testing.assert_array_equal(getattr(es.history, key), getattr(en.history, key))
    assert es.step == en.step
    assert [f.measured for f in measure_scene(scene, es)] == [f.measured for f in measure_scene(scene, en)]


def test_a_plain_list_of_class_names_still_reads_in_a_version_1_file():
    doc = copy.deepcopy(DOC)
    doc["version"] = 1
    for s in doc["scenes"]:
        if "class_names" in s["data"]:
            s["data"]["class_names"] = s["data"]["class_names"]["en"]
    lecture = parse_lecture(json.dumps(doc))
    scene = lecture.scenes[SLIDE]
    assert apply_scene(scene, language="es").dataset.class_names == ("cat", "car", "frog")  # one list: every language
    assert parse_lecture(lecture_to_json(lecture)) == lecture


@pytest.mark.parametrize("value, where, says", [
    ({"en": ["cat", "car", "frog"], "es": ["gato", "auto"]}, "scenes[6].data.class_names.es",
     "names 2 classes; 'en' names 3"),                                             # wrong count
    ({"en": ["cat", "car", "frog"]}, "scenes[6].data.class_names.es", "must name 2 to 10 classes"),  # missing
    ({"en": ["cat", "car", "frog"], "es": "gato"}, "scenes[6].data.class_names.es", "must name 2 to 10 classes"),
    ({"en": ["cat", "car", "frog"], "es": [1, 2, 3]}, "scenes[6].data.class_names.es", "must name 2 to 10 classes"),
    ({"en": ["cat", "car", "frog"], "es": ["gato", "auto", "rana"], "fr": ["chat", "auto", "grenouille"]},
     "scenes[6].data.class_names", "unknown key 'fr'"),
    ("cat", "scenes[6].data.class_names", "must name 2 to 10 classes"),             # wrong type
    (["cat", "car"], "scenes[6].data.points[2][2]", "must be a class index 0 to 1"),  # fewer names than labels
])
def test_malformed_class_names_are_refused_naming_the_scene_and_key(value, where, says):
    with pytest.raises(LectureError) as err:
        parse_lecture(_mutated(("scenes", SLIDE, "data", "class_names"), value))
    assert str(err.value) == f"{where}: {says}", str(err.value)


def test_names_per_language_need_version_2():
    doc = copy.deepcopy(DOC)
    doc["version"] = 1
    with pytest.raises(LectureError, match=r'^scenes\[6\]\.data\.class_names: names per language need "version": 2$'):
        parse_lecture(json.dumps(doc))
