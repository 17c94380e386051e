"""The runs panel: the first run and its branches, what changed, and switching between them."""

import numpy as np
import pytest
from PySide6.QtWidgets import QDockWidget

from linviz.engine.datasets import make_preset
from linviz.engine.regularizers import RegConfig
from linviz.ui.models import DatasetModel, SessionModel
from linviz.ui.views.branches import BranchesPanel, HISTORY_ROLE, config_changes, install, show_branch
from linviz.ui.views.loss_curve import LossCurveView


@pytest.fixture
def session(qtbot):
    return SessionModel(DatasetModel(make_preset("cs231n")))


@pytest.fixture
def panel(qtbot, session):
    view = BranchesPanel(session)
    qtbot.addWidget(view)
    view.resize(420, 500)
    view.show()
    return view


def branch_at(session, step, **changes):
    """Rewind to ``step`` and change settings with "continue from this step"."""
    session.update_settings(restart=False)
    session.set_step(step)
    session.update_settings(**changes)


def test_a_fresh_session_lists_its_one_run(panel, session):
    texts = panel.row_texts()
    assert len(texts) == 1 and texts[0].startswith("▶ run 1")
    assert "SVM" in texts[0] and "λ 0.1" in texts[0] and f"{session.history.last} steps" in texts[0]
    assert panel.view.selectionModel().selectedRows()[0].row() == 0


def test_a_branch_is_listed_with_what_changed(panel, session):
    first = session.history
    branch_at(session, 40, reg=RegConfig("l2", 1.0))
    assert len(session.branches) == 2 and session.history is session.branches[1]
    texts = panel.row_texts()
    assert len(texts) == 2
    assert texts[0].startswith("run 1") and texts[1].startswith("▶ branch 2 from step 40 of run 1")
    assert "λ 0.1 → 1" in texts[1]
    assert f"final loss {session.history.loss[-1]:.4g}" in texts[1]
    assert panel.model.data(panel.model.index(0), HISTORY_ROLE) is first

    session.set_step(60)
    branch_at(session, 60, lr=0.5)  # a branch of the branch
    assert panel.row_texts()[2].startswith("▶ branch 3 from step 60 of branch 2")
    assert "lr 0.1 → 0.5" in panel.row_texts()[2] and "λ" not in panel.row_texts()[2].split("\n")[1]


def test_an_edit_of_w_is_named(panel, session):
    session.update_settings(restart=False)
    session.set_step(10)
    session.edit_params(session.W + 0.5, session.b)
    assert "edited W" in panel.row_texts()[1]


def test_selecting_the_first_run_brings_it_back(panel, session):
    branch_at(session, 40, reg=RegConfig("l2", 1.0))
    session.set_step(45)
    panel.select(0)
    assert session.history is session.branches[0]
    assert session.step == 45  # the step is kept
    assert panel.row_texts()[0].startswith("▶ run 1") and not panel.row_texts()[1].startswith("▶")
    assert panel.view.selectionModel().selectedRows()[0].row() == 0

    panel.select(1)
    assert session.history is session.branches[1]


def test_show_branch_clips_the_step_and_ignores_bad_indices(session):
    branch_at(session, 40, reg=RegConfig("l2", 1.0), steps=10)  # a short branch: steps 0 … 50
    show_branch(session, 0)
    session.set_step(200)
    show_branch(session, 1)
    assert session.history is session.branches[1] and session.step == session.history.last == 50
    show_branch(session, 7)
    assert session.history is session.branches[1]


def test_config_changes_name_each_setting():
    from linviz.engine.training import TrainConfig

    old = TrainConfig(reg=RegConfig("l2", 0.1), lr=0.1)
    new = TrainConfig(reg=RegConfig("l1", 0.1), lr=0.1, batch_size=4, steps=10)
    assert config_changes(old, new) == ["R(W) L2 → L1", "batch full → 4"]


def test_knn_lists_no_runs(panel, session):
    session.update_settings(model="knn")
    assert panel.row_texts() == [] and panel.note.isVisibleTo(panel)
    session.update_settings(model="svm")
    assert len(panel.row_texts()) == 1 and not panel.note.isVisibleTo(panel)


def test_the_loss_curve_draws_the_other_runs_faintly(qtbot, session):
    curve = LossCurveView(session)
    qtbot.addWidget(curve)
    branch_at(session, 40, reg=RegConfig("l2", 1.0))
    shown = [c for c in curve.branch_curves if c.isVisible()]
    assert len(shown) == 1
    np.testing.assert_allclose(shown[0].getOriginalDataset()[1], session.branches[0].loss)
    show_branch(session, 0)
    np.testing.assert_allclose(curve.curve_data("loss")[1], session.branches[0].loss)
    shown = [c for c in curve.branch_curves if c.isVisible()]
    np.testing.assert_allclose(shown[0].getOriginalDataset()[1], session.branches[1].loss)


def test_playing_on_past_the_end_of_the_first_run_keeps_its_branches(session):
    branch_at(session, 40, reg=RegConfig("l2", 1.0))
    show_branch(session, 0)
    session.set_step(session.history.last)
    lam = session.branches[0].config.reg.lam
    assert session.step_forward()  # trains 100 more steps of run 1
    assert len(session.branches) == 2
    assert session.history is session.branches[0] and session.history.config.reg.lam == lam
    assert session.branches[1].parent is session.branches[0]


def test_install_adds_a_runs_dock_beside_the_right_hand_docks(qtbot, window):
    dock = install(window)
    assert install(window) is dock
    assert dock.objectName() == "dock_BranchesPanel" and isinstance(dock.widget(), BranchesPanel)
    qtbot.waitUntil(lambda: dock in window.tabifiedDockWidgets(window.docks["loss"]))  # laid out lazily
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert dock.toggleViewAction() in view_menu.actions()
    assert window.findChild(QDockWidget, "dock_BranchesPanel") is dock


def test_a_branch_whose_first_step_overflows_retrains_with_the_new_settings(session):
    """Continue mode, a huge W (lr 1e200, plain hinge: the loss ~1e200 is still finite) then the
    squared hinge: the branch step's loss overflows under the new settings. The session retrains
    with them and says why, instead of showing an empty branch at step −1."""
    session.update_settings(lr=1e200, reg=RegConfig("none"))
    h = session.history
    big = 1
    assert len(h) > big and np.abs(h.W[big]).max() > 1e150 and np.isfinite(h.loss[big])
    messages = []
    session.message.connect(lambda level, text: messages.append((level, text)))
    branch_at(session, big, loss=session.settings.train.loss.__class__(squared=True))
    h = session.history
    assert h.parent is None and h.config.loss.squared and len(h) >= 1 and 0 <= session.step <= h.last
    assert session.branches == [h]
    assert any(level == "error" and "too large" in text for level, text in messages)
