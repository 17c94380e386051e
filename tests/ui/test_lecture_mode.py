"""Lecture mode: scenes applied to the real window, keys, hold W, predict-then-reveal."""

from __future__ import annotations

import copy
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from linviz.lecture import builtin_lecture_path, read_lecture
from linviz.ui import lecture_menu
from linviz.ui.lecture_mode import ANSWER_PANELS

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
LECTURE = read_lecture(builtin_lecture_path())


def press(window, qtbot, key, modifier=Qt.NoModifier):
    window.plane.setFocus()
    qtbot.keyClick(window.plane, key, modifier)
    QApplication.processEvents()


def index_of(scene_id: str) -> int:
    return LECTURE.index_of(scene_id)


def test_f5_starts_the_lecture_and_pagedown_pageup_move_through_it(window, qtbot):
    mode, bar = window.lecture_mode, window.lecture_bar
    assert not bar.isVisible()
    press(window, qtbot, Qt.Key_F5)
    assert mode.active and mode.index == 0 and bar.isVisible()
    assert bar.position.text() == f"1 / {len(LECTURE.scenes)}"
    assert bar.title.text() == LECTURE.scenes[0].title("en")
    press(window, qtbot, Qt.Key_PageDown)
    press(window, qtbot, Qt.Key_PageDown)
    assert mode.index == 2 and bar.position.text().startswith("3 /")
    press(window, qtbot, Qt.Key_Right)  # → is the next scene in lecture mode…
    assert mode.index == 3
    press(window, qtbot, Qt.Key_PageUp)
    assert mode.index == 2
    press(window, qtbot, Qt.Key_Escape)  # Esc: free exploration, the scene's state kept
    assert not mode.active and not bar.isVisible()
    step = window.session.step
    press(window, qtbot, Qt.Key_Right)  # …and a step again outside it
    assert mode.index == 2 and window.session.step in (step, step + 1)
    press(window, qtbot, Qt.Key_F5)  # resumes where it was
    assert mode.active and mode.index == 2


def test_the_slide_scene_sets_the_slides_scores_and_holds_w(window, qtbot):
    mode = window.lecture_mode
    mode.start(index_of("slide-hinge"))
    s, ds = window.session, window.data.dataset
    assert ds.class_names == ("cat", "car", "frog") and s.hold_w
    scores = ds.X @ s.W.T + s.b
    np.testing.assert_allclose(scores, [[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]], atol=1e-12)
    table = window.lecture_bar.table
    measured = [float(table.item(r, 2).text()) for r in range(table.rowCount())]
    assert measured == pytest.approx([2.9, 0.0, 12.9, 5.267], abs=1e-3)
    assert all(table.item(r, 3).text() == "✔" for r in range(table.rowCount()))
    W = s.W.copy()
    window.data.move_point(1, 1.6, 1.1)  # "the car's scores change a little": one drag
    qtbot.waitUntil(lambda: not s.retrain_pending)
    np.testing.assert_array_equal(s.W, W)  # hold W: nothing trained…
    assert (window.data.dataset.X[1] @ s.W.T + s.b)[1] != pytest.approx(4.9)  # …the car's scores moved


def test_a_question_hides_the_answer_until_r(window, qtbot):
    mode, bar = window.lecture_mode, window.lecture_bar
    k = index_of("rate-too-large")
    window.docks["loss"].show()
    mode.start(k)
    scene = LECTURE.scenes[k]
    assert window.session.step == 0  # the end of the run is the answer
    assert all(window.docks[n].isHidden() for n in ANSWER_PANELS if n in window.docks)
    assert bar.question.isVisible() and bar.reveal_button.isVisible() and not bar.table.isVisible()
    press(window, qtbot, Qt.Key_A)  # the class predicts "smaller"
    assert mode.choice == 0 and bar.choices[0].isChecked()
    press(window, qtbot, Qt.Key_R)
    assert mode.revealed and bar.table.isVisible() and not bar.reveal_button.isVisible()
    assert window.session.step == window.session.history.last
    assert not window.docks["loss"].isHidden()
    right = bar.choices[scene.question.answer]
    assert right.text().endswith("✔") and not bar.choices[0].text().endswith("✔")
    assert bar.table.item(0, 3).text() == "✔"


def test_every_builtin_scene_applies_to_the_window_and_its_figures_hold(window, qtbot, monkeypatch):
    raised = []
    monkeypatch.setattr(sys, "excepthook", lambda *e: raised.append(e[1]))
    mode = window.lecture_mode
    mode.start(0)
    for k, scene in enumerate(LECTURE.scenes):
        mode.go(k)
        mode.reveal()
        QApplication.processEvents()
        assert window.session.settings.model == ("knn" if scene.model == "knn" else scene.model)
        assert len(window.data.dataset) > 0
        assert all(f.holds is not False for f in mode.figures), scene.id
        if scene.model != "knn":
            h = window.session.history
            want = h.last if scene.step == "last" else min(scene.step, h.last)
            assert window.session.step == want, scene.id
    assert raised == []


def test_a_bad_lecture_file_changes_nothing_and_says_why(window, qtbot, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "linviz-lecture", "version": 1, "title": {"en": "x", "es": "y"}, "scenes": []}',
                   encoding="utf-8")
    before = window.lecture_mode.lecture
    assert not lecture_menu.open_lecture_file(window, str(bad))
    assert window.lecture_mode.lecture is before
    assert "scenes" in window.message_label.text() and window.message_label.property("level") == "error"


@pytest.mark.parametrize("fault, names", [
    ({"train": {"lr": 1e9}}, "scenes[0].train.lr: 1e+09 está fuera de rango (0.0001 a 1e+06)"),
    ({"model": "perceptron"}, "scenes[0].model: debe ser uno de svm, softmax, lsq, knn"),
])
def test_a_lecture_file_out_of_range_is_refused_in_the_users_language(window, tmp_path, fault, names):
    """In Spanish: a scene with a setting outside what the controls allow (or an unknown model)
    gets a message naming the scene, the key and the allowed range, in Spanish; the lecture
    open and the points on screen stay as they were."""
    import json

    from linviz.lecture.format import lecture_to_json
    from linviz.ui import i18n

    own = copy.deepcopy(json.loads(lecture_to_json(window.lecture_mode.lecture)))
    own["scenes"] = own["scenes"][:2]
    own["scenes"][0].update(fault)
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(own), encoding="utf-8")
    before, data = window.lecture_mode.lecture, window.data.dataset
    i18n.set_language("es")
    try:
        assert not lecture_menu.open_lecture_file(window, str(path))
        text = window.message_label.text()
        assert text == f"No se pudo abrir la clase: {names}", text
    finally:
        i18n.set_language("en")
    assert window.lecture_mode.lecture is before and window.data.dataset == data


def test_the_lecture_in_spanish(window, qtbot):
    from linviz.ui import i18n

    i18n.set_language("es")
    try:
        window.lecture_mode.start(index_of("slide-small-w"))
        bar = window.lecture_bar
        assert bar.title.text() == LECTURE.scenes[index_of("slide-small-w")].title("es")
        assert bar.reveal_button.text() != "Reveal (R)"
    finally:
        i18n.set_language("en")


def test_add_this_as_a_scene_builds_a_lecture_that_brings_the_state_back(window, qtbot, tmp_path):
    path = tmp_path / "mine.json"
    s = window.session
    window.load_preset("blobs", n_per_class=6, n_classes=3, seed=9)
    qtbot.waitUntil(lambda: not s.retrain_pending)
    s.set_step(40)
    s.set_selected_examples([2])
    W, step = s.W.copy(), s.step
    assert lecture_menu.add_scene(window, str(path), "Blobs at step 40")
    window.load_preset("moons")
    s.set_hold_w(True)
    assert lecture_menu.add_scene(window, str(path), "Moons, W held")
    lecture = read_lecture(path)
    assert [sc.title("en") for sc in lecture.scenes] == ["Blobs at step 40", "Moons, W held"]
    assert lecture_menu.open_lecture_file(window, str(path))
    window.lecture_mode.start(0)
    np.testing.assert_array_equal(s.W, W)  # the same run, at the same step
    assert s.step == step and s.chosen_examples == (2,) and not s.hold_w
    window.lecture_mode.next()
    assert s.hold_w and len(window.data.dataset) == 2 * 30


def test_adding_to_a_file_that_is_not_a_lecture_leaves_it_alone(window, tmp_path):
    other = tmp_path / "notes.json"
    other.write_text('{"my": "notes"}', encoding="utf-8")
    assert not lecture_menu.add_scene(window, str(other), "x")
    assert other.read_text(encoding="utf-8") == '{"my": "notes"}'
    assert window.message_label.property("level") == "error"


def test_a_scene_is_a_new_start_for_undo(window):
    """Steps made before a scene are forgotten (undoing them would put old settings and runs on
    the scene's points); a change made during the scene undoes back to the scene."""
    window.session.update_settings(lr=0.05)
    assert window.undo.stack.count() == 1
    mode = window.lecture_mode
    mode.start(index_of("slide-mean"))
    assert window.undo.stack.count() == 0
    scene_state = (window.data.dataset, window.session.settings)
    window.data.add_point(0.1, 0.2, 0)
    window.session.retrain()
    window.undo.undo()
    assert (window.data.dataset, window.session.settings) == scene_state
    h = window.session.history
    assert h.n_train == len(window.data.dataset) and h.n_classes == window.data.dataset.n_classes
    mode.leave()


# --- class names in the language shown ------------------------------------------------------------
SPANISH_NAMES = ("gato", "auto", "rana")


def shown_names(window) -> dict:
    """The class names each view shows: the plane's legend, the W and b table's rows, the score table's columns."""
    QApplication.processEvents()
    legend = window.plane.legend_texts()[:3]
    params = [window.params_table.model.headerData(r, Qt.Vertical) for r in range(3)]
    scores = window.score_table.model
    columns = [scores.headerData(c, Qt.Horizontal).split("\n")[1] for c in range(len(scores.examples))]
    return {"legend": legend, "params": params, "scores": columns}


def test_a_scene_applied_in_spanish_names_its_classes_in_spanish_and_runs_the_same(window, qtbot):
    from linviz.ui import i18n

    mode, s = window.lecture_mode, window.session
    mode.start(index_of("slide-hinge"))
    english = (s.history.W.copy(), s.history.b.copy(), s.history.loss.copy(), s.step)
    figures = [f.measured for f in mode.figures]
    assert shown_names(window)["legend"] == ["cat", "car", "frog"]
    mode.leave()
    i18n.set_language("es")
    try:
        mode.start(index_of("slide-hinge"))
        assert window.data.dataset.class_names == SPANISH_NAMES
        names = shown_names(window)
        assert all(n in text for n, text in zip(SPANISH_NAMES, names["legend"])), names
        assert names["params"] == list(SPANISH_NAMES) and names["scores"] == list(SPANISH_NAMES), names
        h = s.history
        for got, want in zip((h.W, h.b, h.loss), english[:3]):
            np.testing.assert_array_equal(got, want)
        assert s.step == english[3] and [f.measured for f in mode.figures] == figures
    finally:
        i18n.set_language("en")


def test_a_language_switch_during_a_scene_renames_its_classes_without_retraining(window, qtbot):
    from linviz.ui import i18n

    mode, s = window.lecture_mode, window.session
    mode.start(index_of("slide-hinge"))
    run, step, undo_steps = s.history, s.step, window.undo.stack.count()
    try:
        i18n.set_language("es")
        qtbot.wait(10)
        assert window.data.dataset.class_names == SPANISH_NAMES
        names = shown_names(window)
        assert all(n in text for n, text in zip(SPANISH_NAMES, names["legend"])), names
        assert names["params"] == list(SPANISH_NAMES) and names["scores"] == list(SPANISH_NAMES)
        assert s.history is run and s.step == step and not s.retrain_pending  # nothing retrained
        assert window.undo.stack.count() == undo_steps  # not an undo step
        window.data.set_class_names(["gato", "perro", "rana"])  # the teacher renames one class…
        i18n.set_language("en")
        qtbot.wait(10)
        assert window.data.dataset.class_names == ("cat", "perro", "frog")  # …which keeps its name
        assert s.history is run and s.step == step
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("language, value, message", [
    ("en", {"en": ["cat", "car", "frog"], "es": ["gato", "auto"]},
     "scenes[0].data.class_names.es: names 2 classes; 'en' names 3"),
    ("en", 42, "scenes[0].data.class_names: must name 2 to 10 classes"),
    ("es", {"en": ["cat", "car", "frog"], "es": ["gato", "auto"]},
     "scenes[0].data.class_names.es: nombra 2 clases; 'en' nombra 3"),
])
def test_a_lecture_file_with_malformed_class_names_changes_nothing_and_says_where(window, tmp_path, language, value,
                                                                                   message):
    import json

    from linviz.lecture.format import lecture_to_json
    from linviz.ui import i18n

    own = json.loads(lecture_to_json(window.lecture_mode.lecture))
    own["scenes"] = own["scenes"][index_of("slide-hinge"):][:2]
    own["scenes"][0]["data"]["class_names"] = value
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(own), encoding="utf-8")
    before, data, run = window.lecture_mode.lecture, window.data.dataset, window.session.history
    i18n.set_language(language)
    try:
        assert not lecture_menu.open_lecture_file(window, str(path))
        assert window.message_label.text().endswith(message), window.message_label.text()
    finally:
        i18n.set_language("en")
    assert window.message_label.property("level") == "error"
    assert window.lecture_mode.lecture is before and window.data.dataset == data and window.session.history is run
