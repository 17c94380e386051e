"""The Lecture tab and menu: the eleven demonstrations are scenes of the built-in lecture, and
opening one shows its state with the measured figures beside the expected ones."""

import math

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QListWidget, QMenu

from linviz.lecture import apply_scene, builtin_lecture_path, measure_scene, read_lecture
from linviz.ui import demos

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

LECTURE = read_lecture(builtin_lecture_path())


def scene(key):
    return LECTURE.scenes[LECTURE.index_of(demos.SCENE_OF[key])]


def figures(key):
    s = scene(key)
    state = apply_scene(s)
    return s, state, measure_scene(s, state)


# --- the demonstrations' figures, now measured on their scenes (no window) -------------------------


@pytest.mark.parametrize("key", demos.DEMO_KEYS)
def test_every_demonstration_is_a_scene_whose_figures_meet_the_lecture(key):
    _, _, rows = figures(key)
    assert rows, key  # each demonstration states figures
    stated = [f for f in rows if f.expected is not None]
    assert stated and all(f.holds for f in stated), [(f.label, f.measured, f.expected) for f in stated]


def test_loss_at_small_w_is_c_minus_1_at_step_0():
    s, state, rows = figures("small_w")
    C = state.dataset.n_classes
    assert np.abs(state.history.W[0]).max() < 1e-2
    assert rows[0].measured == state.history.data_loss[0]
    assert rows[0].measured == pytest.approx(C - 1, abs=1e-2)
    assert rows[1].measured == pytest.approx(math.log(C), abs=1e-2)  # Softmax at W ≈ 0: ln C


def test_the_sum_over_all_classes_adds_delta():
    _, state, rows = figures("all_classes")
    assert rows[0].expected == pytest.approx(rows[1].measured + state.config.loss.delta)


def test_delta_100_with_lambda_scaled_gives_the_same_boundary():
    _, state, rows = figures("delta_lambda")
    assert state.config.loss.delta == 1.0  # the scene starts at Δ = 1; the lesson scales Δ and λ by 100
    assert any(f.measured == pytest.approx(100.0) for f in rows)


def test_the_menu_and_the_tab_map_the_eleven_demonstrations_in_the_lectures_order():
    ids = [s.id for s in LECTURE.scenes]
    positions = [ids.index(demos.SCENE_OF[k]) for k in demos.DEMO_KEYS]
    assert len(demos.DEMO_KEYS) == 11 and len(set(positions)) == 11


# --- in the window --------------------------------------------------------------------------------


def test_the_lecture_tab_lists_the_scenes_and_the_menu_the_demonstrations(window):
    tab = window.lecture
    dock = window.findChild(QDockWidget, "dock_LecturePanel")
    assert dock is window.docks["lecture"] and dock in window.tabifiedDockWidgets(window.docks["controls"])
    rows = tab.findChild(QListWidget, "lectureScenes")
    assert rows.count() == len(LECTURE.scenes) and rows.item(6).text() == "7. The cat, car and frog slide"
    menu = window.findChild(QMenu, "lecture_menu")
    names = [a.objectName() for a in menu.actions() if a.objectName().startswith("demo_")]
    assert names == [f"demo_{k}" for k in demos.DEMO_KEYS]
    assert menu.findChild(QAction, "demo_small_w").text() == "1. The loss when W is small"
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles.index("Lecture") == titles.index("Help") - 1


def test_a_demonstration_opens_its_scene_revealed_with_its_figures(window):
    mode = window.lecture_mode
    window.findChild(QMenu, "lecture_menu").findChild(QAction, "demo_kernels").trigger()
    assert mode.active and mode.scene.id == "feature-maps" and mode.revealed
    assert window.data.dataset.name == "circles"
    assert window.session.settings.train.features.kind == "poly2"
    assert mode.figures and all(f.holds for f in mode.figures if f.expected is not None)
    table = window.lecture_bar.table
    assert not table.isHidden() and table.rowCount() == len(mode.figures)
    mode.leave()


def test_a_question_scene_opened_from_the_tab_shows_its_answer_at_once(window):
    """From the tab a scene is a demonstration: its question is revealed (figures visible)."""
    mode, tab = window.lecture_mode, window.lecture
    index = LECTURE.index_of("slide-small-w")
    assert LECTURE.scenes[index].question is not None
    tab.open(index)
    assert mode.active and mode.index == index and mode.revealed
    assert tab.scenes.currentRow() == index
    assert mode.figures[0].measured == pytest.approx(window.data.dataset.n_classes - 1, abs=1e-2)
    mode.leave()


def test_a_demonstration_brings_back_the_built_in_lecture(window, tmp_path):
    from linviz.lecture.format import Lecture, lecture_to_json

    mode = window.lecture_mode
    own = Lecture(LECTURE.title, LECTURE.scenes[:2])
    path = tmp_path / "mine.json"
    path.write_text(lecture_to_json(own), encoding="utf-8")
    from linviz.ui import lecture_menu

    assert lecture_menu.open_lecture_file(window, str(path))
    assert window.lecture.scenes.count() == 2
    window.lecture.show_demo("squared")
    assert mode.scene.id == "slide-squared" and len(mode.lecture.scenes) == len(LECTURE.scenes)
    assert mode.revealed and mode.figures and all(f.holds for f in mode.figures if f.expected is not None)
    with pytest.raises(KeyError):
        window.lecture.show_demo("nope")
    mode.leave()
