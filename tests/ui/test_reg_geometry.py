"""The regularisation-geometry view (L1 zeros a weight, L2 only shrinks) and the
gradient-check panel (the recorded gradient matches centred differences)."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox

from linviz.engine.datasets import make_preset
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import evaluate
from linviz.ui.models import DatasetModel, SessionModel
from linviz.ui.views.gradcheck_panel import GradCheckPanel
from linviz.ui.views.reg_geometry import RegGeometryView


@pytest.fixture
def session():
    return SessionModel(DatasetModel(make_preset("cs231n")))


@pytest.fixture
def geometry(qtbot, session):
    v = RegGeometryView(session)
    qtbot.addWidget(v)
    v.resize(700, 600)
    v.show()  # views in a hidden tab wait until they are shown
    return v


def settle(qtbot, view):
    qtbot.waitUntil(lambda: not view.recompute_pending, timeout=2000)


def on_axis(point, cell):
    return min(abs(point[0]), abs(point[1])) <= cell / 2


# --- regularisation geometry -------------------------------------------------------------------


def test_default_follows_the_session_and_the_grid_is_the_data_loss(geometry, session):
    assert geometry.findChild(QComboBox, "geometry_reg").currentData() == "l2"
    assert geometry.weights == (0, 1)
    assert geometry.weight_a.currentText() == "W[1,1]" and geometry.weight_b.currentText() == "W[1,2]"
    ws = geometry.grid
    assert len(ws) % 2 == 1 and ws[len(ws) // 2] == 0.0  # 0 is a grid value
    # The data loss over (W[1,1], W[1,2]) with everything else at the last step.
    h, ds = session.history, session.data.dataset
    W, b = h.W[-1].copy(), h.b[-1]
    r, c = 37, 101
    W[0, 0], W[0, 1] = ws[c], ws[r]
    cfg = replace(h.config, reg=RegConfig("none"))
    expected = evaluate(W, b, ds.X, ds.y, cfg, need_grad=False).data_loss
    assert geometry.data_grid[r, c] == pytest.approx(expected, rel=1e-5)


def test_l1_with_a_large_lambda_puts_the_optimum_on_an_axis(qtbot, geometry, session):
    session.update_settings(reg=RegConfig("l1", 1.0))
    settle(qtbot, geometry)
    assert geometry.shape == "l1"
    assert geometry.reg_combo.currentData() == "l1"
    assert on_axis(geometry.optimum, geometry.cell)
    assert not on_axis(geometry.unregularised_optimum, geometry.cell)
    assert "= 0 exactly" in geometry.caption.text()


def test_l1_zeroes_one_weight_while_the_other_stays(qtbot, geometry, session):
    session.update_settings(model="softmax", reg=RegConfig("l1", 0.1))
    settle(qtbot, geometry)
    ox, oy = geometry.optimum
    assert abs(oy) <= geometry.cell / 2 < abs(ox)  # on the W[1,1] axis, a corner of the diamond
    assert not on_axis(geometry.unregularised_optimum, geometry.cell)


def test_l2_keeps_the_optimum_off_the_axes(qtbot, geometry, session):
    session.update_settings(reg=RegConfig("l2", 0.5))
    settle(qtbot, geometry)
    assert geometry.shape == "l2"
    assert not on_axis(geometry.optimum, geometry.cell)
    # Shrunk towards 0 compared with the data loss alone.
    assert np.hypot(*geometry.optimum) < np.hypot(*geometry.unregularised_optimum)


def test_overlay_combo_changes_the_penalty_contours(geometry):
    def contour_points():
        x, y = geometry.penalty_contours.getData()
        return np.asarray(x), np.asarray(y)

    x, y = contour_points()
    radii = geometry.grid[-1] * np.arange(1, 5) / 4
    r = np.hypot(x, y)
    assert np.abs(r[:, None] - radii[None, :]).min(axis=1).max() < 0.02  # circles

    combo = geometry.findChild(QComboBox, "geometry_reg")
    combo.setCurrentIndex(combo.findData("l1"))
    assert geometry.shape == "l1"
    x, y = contour_points()
    l1 = np.abs(x) + np.abs(y)
    assert np.abs(l1[:, None] - radii[None, :]).min(axis=1).max() < 0.02  # diamonds
    assert "L1 penalty contours" in geometry.legend.text().replace("&nbsp;", " ")
    # The optimum is recomputed with the chosen penalty (and the session's λ).
    assert geometry.penalty_config().kind == "l1"
    np.testing.assert_allclose(geometry.penalty_grid, 0.1 * (np.abs(geometry.grid)[None, :] +
                                                             np.abs(geometry.grid)[:, None]))


def test_other_weights_and_knn(qtbot, geometry, session):
    geometry.set_weights(2, 5)
    assert geometry.weight_a.currentText() == "W[2,1]" and geometry.weight_b.currentText() == "W[3,2]"
    assert geometry.data_grid.shape == (len(geometry.grid), len(geometry.grid))
    session.update_settings(model="knn")
    settle(qtbot, geometry)
    assert geometry.optimum is None and geometry.stack.currentWidget() is geometry.note
    assert "kNN" in geometry.note.text()


def test_a_diverged_run_gets_a_note_not_a_picture_of_overflow(qtbot, geometry, session):
    """Its weights reach ~1e150: the data loss over the grid is all inf, argmin_nearest took inf − inf
    (a NumPy warning) and marked nonsense optima. Now a note says why, and a good run draws again."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        session.update_settings(lr=10.0, reg=RegConfig("l2", 3.0), steps=2000)
        assert session.history.stop_reason == "diverged"
        settle(qtbot, geometry)
    assert geometry.optimum is None and geometry.stack.currentWidget() is geometry.note
    assert "too large" in geometry.note.text() and "smaller learning rate" in geometry.note.text()
    session.update_settings(lr=0.1)
    settle(qtbot, geometry)
    assert geometry.optimum is not None and geometry.stack.currentWidget() is not geometry.note


# --- gradient check -------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["svm", "softmax"])
def test_gradcheck_agrees_for_the_cs231n_state(qtbot, session, model):
    session.update_settings(model=model)
    panel = GradCheckPanel(session)
    qtbot.addWidget(panel)
    for t in (0, 7, session.history.last):
        session.set_step(t)
        panel.check_now()
        assert panel.checked_step == t
        assert panel.model.rowCount() == 3 * 2 + 3
        assert panel.max_error < 1e-5
        assert "the analytic gradient is right" in panel.summary.text()
    # The table shows the recorded gradient of the current step.
    h = session.history
    analytic = [panel.model.index(r, 1).data(256) for r in range(9)]  # Qt.UserRole
    np.testing.assert_allclose(analytic, np.concatenate([h.grad_W[h.last].ravel(), h.grad_b[h.last]]))
    assert panel.model.index(0, 0).data() == "W[1,1]" and panel.model.index(8, 0).data() == "b[3]"


def test_gradcheck_leaves_out_gradients_that_are_zero_within_round_off(qtbot, session):
    # At step 0 of cs231n (SVM) ∂L/∂b[3] is exactly 0; its centred difference is ~4e-11,
    # which the 1e-6 floor of the relative error turns into ~4e-5.
    panel = GradCheckPanel(session)
    qtbot.addWidget(panel)
    assert session.step == 0
    row = 8
    assert panel.model.index(row, 1).data(256) == 0.0
    assert panel.model.errors[row] > 1e-5 and panel.model.both_zero[row]
    assert panel.model.index(row, 3).data() == "both ≈ 0"
    assert "round-off" in panel.model.index(row, 3).data(3)  # Qt.ToolTipRole
    assert panel.max_error == pytest.approx(np.delete(panel.model.errors, row).max())
    assert "b[3]" in panel.summary.text()


def test_gradcheck_follows_the_step_only_when_visible(qtbot, session):
    panel = GradCheckPanel(session)
    qtbot.addWidget(panel)
    session.set_step(3)
    qtbot.wait(5)
    assert panel.checked_step == 0  # hidden: not recomputed
    panel.resize(600, 400)
    panel.show()
    qtbot.waitUntil(lambda: panel.checked_step == 3, timeout=2000)
    session.set_step(9)
    qtbot.waitUntil(lambda: panel.checked_step == 9, timeout=2000)


def test_gradcheck_warns_above_1e_4_and_notes_knn(qtbot, session):
    from linviz.ui.views.gradcheck_panel import summary_text

    text, level = summary_text(3e-2, "svm")
    assert level == "warning" and "kink" in text
    session.update_settings(model="knn")
    panel = GradCheckPanel(session)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 0 and "kNN" in panel.summary.text()
