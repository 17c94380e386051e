"""ParamsTable and ScoreTable: the numbers on screen are the engine's numbers."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from linviz.engine.datasets import make_preset
from linviz.engine.explain import explain
from linviz.engine.features import FeatureMap
from linviz.engine.losses import LossConfig, log_softmax, per_example_terms
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import evaluate
from linviz.ui.models import DatasetModel, SessionModel
from linviz.ui.views.params_table import (
    GRADIENT_ROLE,
    PARAM_ROLE,
    VALUE_ROLE,
    ParamsTable,
    format_number,
    parse_number,
)
from linviz.ui.views.score_table import CLASS_ROLE, IS_TRUE_ROLE, ROW_KIND_ROLE, ScoreTable

W0 = np.array([[1.0, 2.0], [2.0, -4.0], [3.0, -1.0]])
b0 = np.array([0.0, 0.5, -0.5])


@pytest.fixture
def session(qtbot):
    data = DatasetModel(make_preset("cs231n"))
    return SessionModel(data)


@pytest.fixture
def params(qtbot, session):
    table = ParamsTable(session)
    qtbot.addWidget(table)
    return table


@pytest.fixture
def scores(qtbot, session):
    table = ScoreTable(session.data, session)
    qtbot.addWidget(table)
    return table


def show_docked(qtbot, widget, w, h):
    """Show ``widget`` as a child of a plain host window, the way a dock holds it (a top-level
    widget with a layout makes the offscreen plugin warn about size hints)."""
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(w, h)
    widget.setParent(host)
    widget.setGeometry(0, 0, w, h)
    host.show()
    qtbot.waitExposed(host)
    widget._test_host = host  # keep the host window alive as long as the widget
    return host


def table_array(model, role=VALUE_ROLE):
    return np.array([[model.index(r, c).data(role) for c in range(model.columnCount())]
                     for r in range(model.rowCount())], dtype=float)


# ----------------------------------------------------------------------------- helpers
def test_format_and_parse_numbers():
    assert format_number(-4.0) == "−4.000"
    assert format_number(-0.0001) == "0.000"  # no "−0.000"
    assert format_number(1.23456) == "1.235"
    assert format_number(float("inf")) == "∞"
    assert "e" in format_number(2.5e7)
    assert parse_number("0,25") == 0.25  # the decimal comma of a Spanish classroom
    assert parse_number("−1.5") == -1.5
    assert parse_number(" 2 ") == 2.0
    for bad in ("abc", "", "nan", "inf", "-inf", "1e400", "1..2"):
        assert parse_number(bad) is None, bad


# ----------------------------------------------------------------------------- ParamsTable
def test_params_cells_equal_history_at_current_step(params, session):
    session.set_step(25)
    h, t = session.history, session.step
    assert t == 25
    expected = np.column_stack([h.W[t], h.b[t]])
    np.testing.assert_array_equal(table_array(params.model), expected)
    np.testing.assert_array_equal(table_array(params.grad_model), np.column_stack([h.grad_W[t], h.grad_b[t]]))
    np.testing.assert_array_equal(table_array(params.model, GRADIENT_ROLE), table_array(params.grad_model))
    j, k = 1, 0
    assert params.model.index(j, k).data() == format_number(h.W[t][j, k])
    assert params.grad_model.index(j, k).data() == format_number(h.grad_W[t][j, k])
    assert params.model.index(2, 2).data(PARAM_ROLE) == ("b", 2, None)
    assert params.model.index(2, 1).data(PARAM_ROLE) == ("W", 2, 1)


def test_params_headers_are_classes_then_features_and_b(params, session):
    m = params.model
    names = session.data.dataset.class_names
    assert [m.headerData(r, Qt.Vertical) for r in range(m.rowCount())] == list(names)
    assert [m.headerData(c, Qt.Horizontal) for c in range(m.columnCount())] == ["x₁", "x₂", "b"]
    assert m.headerData(0, Qt.Vertical, Qt.DecorationRole) is not None  # class marker + colour
    assert m.index(0, 0).data(Qt.TextAlignmentRole) & Qt.AlignRight


def test_scrubbing_back_shows_the_preset_start(params, session):
    session.set_step(40)
    assert not np.allclose(table_array(params.model)[:, :2], W0)
    session.set_step(0)
    np.testing.assert_array_equal(table_array(params.model)[:, :2], W0)
    np.testing.assert_array_equal(table_array(params.model)[:, 2], b0)
    assert params.model.index(1, 1).data() == "−4.000"
    assert "step <b>0</b>" in params.title.text()


def test_step_change_updates_without_reset(params, session, qtbot):
    resets = []
    params.model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(params.model.dataChanged):
        session.set_step(5)
    assert resets == []


def test_edit_cell_via_set_data_branches(params, session):
    session.set_step(10)
    n_branches = len(session.branches)
    index = params.model.index(1, 0)
    assert params.model.flags(index) & Qt.ItemIsEditable
    assert not params.grad_model.flags(params.grad_model.index(1, 0)) & Qt.ItemIsEditable
    assert params.model.setData(index, "0.5")
    assert session.step == 10
    assert session.W[1, 0] == 0.5
    assert session.history.W[10][1, 0] == 0.5
    assert len(session.branches) == n_branches + 1
    assert session.history.parent is not None and session.history.branch_step == 10
    assert session.history.last > 10  # training continues from the edit
    assert index.data(VALUE_ROLE) == 0.5
    # the bias column edits b
    assert params.model.setData(params.model.index(2, 2), "−0.25")
    assert session.b[2] == -0.25 and session.W[1, 0] == 0.5


def test_edit_cell_via_real_editor(params, session, qtbot):
    show_docked(qtbot, params, 450, 330)
    session.set_step(7)
    n_branches = len(session.branches)
    index = params.model.index(0, 1)
    params.view.setCurrentIndex(index)
    params.view.edit(index)
    editor = params.view.findChild(QLineEdit, "paramEditor")
    assert editor is not None and editor.isVisible()
    assert editor.selectedText() == editor.text()  # typing replaces the old value
    qtbot.keyClicks(editor, "0.5")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(session.branches) == n_branches + 1)
    assert session.W[0, 1] == 0.5 and session.step == 7


def test_invalid_text_is_refused(params, session):
    session.set_step(3)
    W, b, n = session.W.copy(), session.b.copy(), len(session.branches)
    for bad in ("abc", "nan", "inf", "-inf", "", "1e999"):
        assert not params.model.setData(params.model.index(0, 0), bad)
    np.testing.assert_array_equal(session.W, W)
    np.testing.assert_array_equal(session.b, b)
    assert len(session.branches) == n
    assert "not a number" in params.message.text()
    # the same value again is no edit (no new branch)
    assert not params.model.setData(params.model.index(0, 0), params.model.index(0, 0).data(Qt.EditRole))
    assert len(session.branches) == n


@pytest.mark.parametrize("step", [0, 5])
def test_a_typed_value_whose_loss_overflows_is_refused_and_said(params, session, step):
    """1e300 in W makes the L2 penalty λΣW² overflow at the edited step itself: the run,
    its branches and the step stay as they were (it used to become an empty run at step −1,
    and every view raised IndexError)."""
    session.set_step(step)
    h, n = session.history, len(session.branches)
    messages = []
    session.message.connect(lambda level, text: messages.append((level, text)))
    params.model.setData(params.model.index(0, 0), "1e300")
    assert session.history is h and len(session.branches) == n and session.step == step
    assert params.model.index(0, 0).data(VALUE_ROLE) == h.W[step][0, 0]
    assert messages and messages[-1][0] == "error" and "too large" in messages[-1][1]


def test_plus_and_minus_buttons(params, session, qtbot):
    session.set_step(4)
    assert not params.plus_button.isEnabled()  # nothing selected yet
    params.view.setCurrentIndex(params.model.index(2, 0))
    assert params.plus_button.isEnabled()
    before = session.W[2, 0]
    qtbot.mouseClick(params.plus_button, Qt.LeftButton)
    assert session.W[2, 0] == pytest.approx(before + 0.1)
    assert params.view.currentIndex().row() == 2 and params.view.currentIndex().column() == 0
    qtbot.mouseClick(params.minus_button, Qt.LeftButton)
    qtbot.mouseClick(params.minus_button, Qt.LeftButton)
    assert session.W[2, 0] == pytest.approx(before - 0.1)
    # the bias too, and Ctrl+↑ on the table
    params.view.setCurrentIndex(params.model.index(0, 2))
    b_before = session.b[0]
    qtbot.keyClick(params.view, Qt.Key_Up, Qt.ControlModifier)
    assert session.b[0] == pytest.approx(b_before + 0.1)


def test_arrow_keys_move_in_the_table_not_the_playback(params, session, qtbot):
    host = show_docked(qtbot, params, 450, 330)
    stepped = []
    action = QAction("step forward", host)
    action.setShortcut(QKeySequence(Qt.Key_Right))
    action.setShortcutContext(Qt.WindowShortcut)
    action.triggered.connect(lambda: stepped.append(1))
    host.addAction(action)
    host.activateWindow()  # window shortcuts only fire in the active window
    qtbot.waitUntil(host.isActiveWindow)
    qtbot.keyClick(host, Qt.Key_Right)
    assert stepped == [1]  # the shortcut is live
    params.view.setFocus()
    params.view.setCurrentIndex(params.model.index(0, 0))
    qtbot.keyClick(params.view, Qt.Key_Right)
    assert params.view.currentIndex().column() == 1
    assert stepped == [1]  # the table kept the key


def test_the_bias_trick_shows_w_b_over_x_with_a_1_appended(params, session, qtbot):
    """[W | b] on: under W's rows one more row holds x̃ = (x, 1) of the first picked point,
    read-only; [W | b]·x̃ row by row gives the scores W·x + b; off: the row goes."""
    model = params.model
    C, D = session.W.shape
    params.show()
    qtbot.mouseClick(params.bias_button, Qt.LeftButton)
    assert model.bias_trick and model.rowCount() == C + 1 and model.columnCount() == D + 1
    session.set_selected_examples((4,))
    x = session.data.dataset.X[4]
    row = [model.index(C, k).data(VALUE_ROLE) for k in range(D + 1)]
    np.testing.assert_allclose(row, [*x, 1.0])
    assert model.headerData(C, Qt.Vertical) == "x̃ (point #5)"
    assert model.headerData(D, Qt.Horizontal) == "| b"
    Wb = table_array(model)[:C]
    np.testing.assert_allclose(Wb @ np.array(row), session.W @ x + session.b)
    assert not model.flags(model.index(C, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(C, 0), "7")  # x̃ is the point's, not a parameter
    assert "[W | b]" in params.title.text()
    session.set_step(3)  # the row stays: x̃ does not change with the step
    np.testing.assert_allclose([model.index(C, k).data(VALUE_ROLE) for k in range(D + 1)], [*x, 1.0])
    params.set_bias_trick(False)
    assert not params.bias_button.isChecked() and model.rowCount() == C
    assert "W·x + b" in params.title.text()


def test_knn_has_no_weights(params, session):
    session.update_settings(model="knn")
    assert session.history is None
    assert params.model.rowCount() == 0 and params.grad_model.rowCount() == 0
    assert params.note.isVisibleTo(params) and "kNN has no weights" in params.note.text()
    assert not params.view.isEnabled()
    assert not params.plus_button.isVisibleTo(params)
    assert not params.model.setData(params.model.index(0, 0), "1")
    session.update_settings(model="svm")
    assert params.model.rowCount() == 3 and params.view.isEnabled()
    assert not params.note.isVisibleTo(params)


def test_many_feature_columns_scroll(params, session):
    session.update_settings(features=FeatureMap("rbf", n_components=40))
    h, t = session.history, session.step
    m = params.model
    assert m.columnCount() == 41
    assert m.headerData(0, Qt.Horizontal) == "z1" and m.headerData(40, Qt.Horizontal) == "b"
    np.testing.assert_array_equal(table_array(m), np.column_stack([h.W[t], h.b[t]]))
    session.update_settings(features=FeatureMap("poly2"))
    assert [m.headerData(c, Qt.Horizontal) for c in range(m.columnCount())] == \
        ["x₁", "x₂", "x₁²", "x₁x₂", "x₂²", "b"]


def test_class_rename_updates_row_headers(params, session):
    session.data.set_class_names(["cat", "car", "frog"])
    assert [params.model.headerData(r, Qt.Vertical) for r in range(3)] == ["cat", "car", "frog"]


# ----------------------------------------------------------------------------- ScoreTable
def _engine_scores(session, examples):
    ds, h, t = session.data.dataset, session.history, session.step
    Phi = h.config.features.transform(ds.X)
    return Phi @ h.W[t].T + h.b[t], Phi


def test_default_columns_one_per_class(scores, session):
    m, ds = scores.model, session.data.dataset
    assert m.examples == session.selected_examples
    assert len(m.examples) == ds.n_classes
    for col, i in enumerate(m.examples):
        header = m.headerData(col, Qt.Horizontal)
        assert f"#{i + 1}" in header and ds.class_names[ds.y[i]] in header


def test_svm_rows_equal_the_engine(scores, session):
    session.set_step(12)
    m, ds, h, t = scores.model, session.data.dataset, session.history, session.step
    S, Phi = _engine_scores(session, m.examples)
    cfg = h.config.loss
    terms = per_example_terms(S, ds.y, cfg)
    for col, i in enumerate(m.examples):
        for j in range(ds.n_classes):
            assert m.value("score", j, col) == pytest.approx((ds.X[i] @ h.W[t].T + h.b[t])[j], abs=1e-12)
            assert m.value("term", j, col) == pytest.approx(terms[i, j], abs=1e-12)
            true = j == ds.y[i]
            cell = m.index(m.row_of("score", j), col)
            assert cell.data(IS_TRUE_ROLE) is bool(true)
            assert cell.data().startswith("✓") is bool(true)
            term_text = m.index(m.row_of("term", j), col).data()
            assert (term_text == "—") is bool(true)  # the true class takes no part (j ≠ y_i)
        assert m.value("L", -1, col) == pytest.approx(terms.sum(1)[i], abs=1e-12)
    ev = evaluate(h.W[t], h.b[t], Phi, ds.y, h.config, need_grad=False)
    for kind, want, engine in (("data_loss", h.data_loss[t], ev.data_loss), ("reg_loss", h.reg_loss[t], ev.reg_loss),
                               ("loss", h.loss[t], ev.loss)):
        for col in range(len(m.examples)):
            assert m.value(kind, -1, col) == want
        assert want == pytest.approx(engine)
    assert m.value("data_loss", -1, 0) == pytest.approx(terms.sum(1).mean())
    # roles describe the row
    r = m.row_of("term", 2)
    assert m.index(r, 0).data(ROW_KIND_ROLE) == "term" and m.index(r, 0).data(CLASS_ROLE) == 2


def test_margin_rows_match_explain(scores, session):
    """The lecture's slide: the hinge terms and L_i of the table equal explain() of its scores."""
    session.set_step(3)
    m, ds = scores.model, session.data.dataset
    C, M = ds.n_classes, len(m.examples)
    S = np.array([[m.value("score", j, col) for j in range(C)] for col in range(M)])
    y = np.array([ds.y[i] for i in m.examples])
    ex = explain(S, y, session.history.config.loss)
    table_terms = np.array([[m.value("term", j, col) for j in range(C)] for col in range(M)])
    np.testing.assert_allclose(table_terms, ex.terms, atol=1e-12)
    np.testing.assert_allclose([m.value("L", -1, col) for col in range(M)], ex.per_example, atol=1e-12)


def test_explain_agrees_on_the_lectures_cat_car_frog_numbers():
    """The slide itself: L = 2.9, 0, 12.9 and loss 5.27 — the same code the table uses."""
    S = np.array([[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]])
    y = np.array([0, 1, 2])
    terms = per_example_terms(S, y, LossConfig())
    np.testing.assert_allclose(terms.sum(1), [2.9, 0.0, 12.9], atol=1e-12)
    assert explain(S, y, LossConfig()).loss == pytest.approx(5.27, abs=5e-3)


@pytest.mark.parametrize("loss", [
    dict(variant="ww", all_classes=True),
    dict(variant="ww", mean_over_classes=True, squared=True),
    dict(variant="ova"),
    dict(variant="structured"),
])
def test_svm_variants_match_the_engine(scores, session, loss):
    session.update_settings(loss=LossConfig(**loss))
    session.set_step(9)
    m, ds, h, t = scores.model, session.data.dataset, session.history, session.step
    S, _ = _engine_scores(session, m.examples)
    terms = per_example_terms(S, ds.y, h.config.loss)
    for col, i in enumerate(m.examples):
        for j in range(ds.n_classes):
            assert m.value("term", j, col) == pytest.approx(terms[i, j], abs=1e-12)
        assert m.value("L", -1, col) == pytest.approx(terms[i].sum(), abs=1e-12)
    assert m.value("data_loss", -1, 0) == pytest.approx(terms.sum(1).mean())
    if loss.get("all_classes"):  # j = y_i takes part: its term shows, and is Δ
        col = 0
        j = int(ds.y[m.examples[col]])
        assert m.index(m.row_of("term", j), col).data() != "—"
        assert m.value("term", j, col) == pytest.approx(1.0)
    assert scores.caption.text()  # the formula of this variant


def test_softmax_rows(scores, session):
    session.update_settings(model="softmax")
    session.set_step(20)
    m, ds, h, t = scores.model, session.data.dataset, session.history, session.step
    assert m.mode == "softmax" and m.row_of("exp", 0) >= 0 and m.row_of("term", 0) == -1
    S, _ = _engine_scores(session, m.examples)
    logp = log_softmax(S)
    C = ds.n_classes
    for col, i in enumerate(m.examples):
        p = np.array([m.value("prob", j, col) for j in range(C)])
        assert p.sum() == pytest.approx(1.0)
        np.testing.assert_allclose(p, np.exp(logp[i]), rtol=1e-12)
        np.testing.assert_allclose([m.value("exp", j, col) for j in range(C)], np.exp(S[i]), rtol=1e-12)
        yi = int(ds.y[i])
        assert m.value("L", -1, col) == pytest.approx(-np.log(p[yi]))
        assert m.value("L", -1, col) == pytest.approx(-logp[i, yi])
        assert m.index(m.row_of("prob", yi), col).data(IS_TRUE_ROLE)
    assert m.value("data_loss", -1, 0) == h.data_loss[t]
    assert m.value("loss", -1, 0) == h.loss[t]
    assert "Softmax" in scores.caption.text()


def test_selecting_examples_changes_columns(scores, session):
    m, ds = scores.model, session.data.dataset
    session.set_selected_examples([0, 5])
    assert m.columnCount() == 2 and m.examples == (0, 5)
    assert m.headerData(1, Qt.Horizontal).startswith("#6")
    h, t = session.history, session.step
    assert m.value("score", 2, 1) == pytest.approx((ds.X[5] @ h.W[t].T + h.b[t])[2])
    session.toggle_selected(3)
    assert m.examples == (0, 5, 3)
    # summary rows span the table
    assert scores.view.columnSpan(m.row_of("loss"), 0) == 3


def test_follows_the_step(scores, session, qtbot):
    m, ds = scores.model, session.data.dataset
    resets = []
    m.modelReset.connect(lambda: resets.append(1))
    i = m.examples[1]
    for t in (0, 30, 2):
        session.set_step(t)
        h = session.history
        assert m.value("score", 0, 1) == pytest.approx((ds.X[i] @ h.W[t].T + h.b[t])[0])
        assert m.value("loss", -1, 0) == h.loss[t]
    assert resets == []
    assert "step <b>2</b>" in scores.step_label.text()


def test_features_go_through_phi(scores, session):
    session.update_settings(features=FeatureMap("poly2"))
    session.set_step(6)
    m, ds, h, t = scores.model, session.data.dataset, session.history, session.step
    phi = FeatureMap("poly2").transform(ds.X[list(m.examples)])
    S = phi @ h.W[t].T + h.b[t]
    for col in range(len(m.examples)):
        np.testing.assert_allclose([m.value("score", j, col) for j in range(ds.n_classes)], S[col], rtol=1e-12)


def test_knn_shows_votes(scores, session):
    session.update_settings(model="knn")
    m, ds = scores.model, session.data.dataset
    k = session.settings.knn.k
    assert m.mode == "knn"
    for col, i in enumerate(m.examples):
        votes = [m.value("votes", j, col) for j in range(ds.n_classes)]
        assert sum(votes) == k
        neighbours = m.value("neighbours", -1, col)
        assert len(neighbours) == k and neighbours[0] == i  # a training point is its own nearest
        assert m.value("predicted", -1, col) == session.knn.predict(ds.X[[i]])[0]
    assert "kNN" in scores.caption.text()


def test_knn_without_enough_points_and_empty_data(scores, session):
    session.update_settings(model="knn", knn=session.settings.knn.__class__(k=7))
    session.data.set_dataset(make_preset("cs231n").without_point(0).without_point(0).without_point(0))
    session.retrain()
    assert session.knn is None
    assert scores.model.rowCount() == 0 and scores.note.isVisibleTo(scores)
    session.update_settings(model="svm")
    session.data.clear()
    session.retrain()
    assert scores.model.columnCount() == 0 and scores.note.isVisibleTo(scores)


def test_points_added_later_keep_working(scores, session):
    session.data.add_point(0.1, 0.1, 2)
    session.retrain()
    session.set_selected_examples([9])
    m, h, t = scores.model, session.history, session.step
    assert m.examples == (9,)
    assert m.value("score", 1, 0) == pytest.approx((np.array([0.1, 0.1]) @ h.W[t].T + h.b[t])[1])


def test_class_count_change_and_retrain(params, scores, session, qtbot):
    session.set_step(5)
    with qtbot.waitSignal(session.history_changed, timeout=5000):
        session.data.set_n_classes(4)  # the old history stays until the debounced retrain
    assert params.model.rowCount() == 4
    assert params.model.headerData(3, Qt.Vertical) == "class 4"
    m = scores.model
    assert m.row_of("score", 3) >= 0 and len(m.examples) == 3  # no point of class 4 yet
    session.data.add_point(-2.0, -2.0, 3)
    with qtbot.waitSignal(session.history_changed, timeout=5000):
        pass
    assert len(m.examples) == 4 and m.examples[-1] == 9


def test_empty_plane(params, scores, session, qtbot):
    with qtbot.waitSignal(session.history_changed, timeout=5000):
        session.data.clear()
    assert scores.model.columnCount() == 0 and scores.note.isVisibleTo(scores)
    assert params.model.rowCount() == 3  # W still exists (no data to learn from)


def test_diverging_run_keeps_finite_numbers(params, scores, session):
    session.update_settings(lr=1e6, steps=500)
    h = session.history
    assert h.stop_reason == "diverged"
    session.set_step(h.last)
    assert np.isfinite(table_array(params.model)).all()
    assert all(np.isfinite(v) for v in (scores.model.value("loss", -1, 0),))


@pytest.mark.parametrize("which", ["params", "scores"])
def test_a_new_step_repaints_only_the_cells_that_look_different(qtbot, session, which, request):
    """Playback tells the tables of every step; cells that show the same text and colours are not
    repainted, and every cell that changed is inside the block the views are told of."""
    table = request.getfixturevalue(which)
    model = table.model
    # Softmax with L2 has one minimum, which full-batch descent settles into
    session.update_settings(model="softmax", steps=600, reg=RegConfig("l2", 0.1), lr=0.5)
    told = []
    model.dataChanged.connect(lambda tl, br: told.append((tl.row(), tl.column(), br.row(), br.column())))

    def texts():
        return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]

    alike = 0
    for t in range(1, session.history.last + 1, 7):
        session.set_step(t - 1)
        before, told[:] = texts(), []
        session.set_step(t)
        after = texts()
        changed = {(r, c) for r, row in enumerate(after) for c, text in enumerate(row) if text != before[r][c]}
        for r, c in changed:
            assert any(r0 <= r <= r1 and c0 <= c <= c1 for r0, c0, r1, c1 in told), (t, r, c)
        if not changed and which == "params":  # params' colours follow the text's sign
            assert told == []  # nothing looks different: nothing repainted
            alike += 1
    assert which != "params" or alike > 10  # the settled steps of a long run look alike


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("which", ["params", "gradient", "scores", "softmax scores"])
def test_the_fast_cell_painter_draws_what_qts_delegate_draws(qtbot, session, which, theme, request):
    """LookDelegate paints each cell in a few calls; the pixels are the ones Qt's own
    QStyledItemDelegate draws from the model's roles — coloured backgrounds, spanned cells,
    with and without a selected, focused cell."""
    from PySide6.QtWidgets import QStyledItemDelegate

    from linviz.ui import style
    from linviz.ui.views.cell_looks import LookDelegate

    style.set_theme(theme)
    request.addfinalizer(lambda: style.set_theme("light"))
    if which == "softmax scores":
        session.update_settings(model="softmax")
    table = request.getfixturevalue("params" if which in ("params", "gradient") else "scores")
    show_docked(qtbot, table, 520, 520)
    view = table.grad_view if which == "gradient" else table.view
    session.set_step(5)
    assert isinstance(view.itemDelegate(), LookDelegate)
    if "scores" in which:
        assert any(view.columnSpan(r, 0) > 1 for r in range(view.model().rowCount()))  # the spans are drawn too
    for select in (False, True):
        if select:
            view.setFocus()
            view.setCurrentIndex(view.model().index(1, 1))
            view.selectionModel().select(view.model().index(1, 1), view.selectionModel().SelectionFlag.ClearAndSelect)
        qtbot.wait(10)
        fast = view.viewport().grab().toImage()
        mine = view.itemDelegate()
        view.setItemDelegate(QStyledItemDelegate(view))
        qtbot.wait(10)
        qt = view.viewport().grab().toImage()
        view.setItemDelegate(mine)
        assert fast == qt, f"{which}: the cells differ (selected cell: {select})"


def test_playing_relays_nothing_but_a_new_shape_refits_the_tables(qtbot, window):
    """A new step repaints the W and b tables without laying their dock out again (Qt's
    AdjustToContents asked for a relayout on every dataChanged: 60 a second); a table of a
    new shape still asks, and its size hint holds all its rows."""
    from PySide6.QtCore import QEvent, QObject

    class Requests(QObject):
        count = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.LayoutRequest:
                self.count += 1
            return False

    session, params = window.session, window.params_table
    session.set_step(10)  # two-digit steps from here: the step labels keep their width
    qtbot.wait(50)
    QApplication.processEvents()
    requests = Requests()
    params.installEventFilter(requests)
    for t in range(11, 60):
        session.set_step(t)
        QApplication.processEvents()  # each step's posted events, as playback's timer gives them
    assert requests.count == 0
    view = params.view
    rows = view.model().rowCount()
    assert view.sizeHint().height() >= view.horizontalHeader().height() + rows * view.rowHeight(0)
    session.data.set_n_classes(4)  # a fourth class: one more row
    session.flush()
    qtbot.wait(10)
    assert view.model().rowCount() == rows + 1 and requests.count >= 1
    assert view.sizeHint().height() >= view.horizontalHeader().height() + (rows + 1) * view.rowHeight(0)


def test_the_painted_cells_are_the_models_cells_after_steps_new_fonts_and_another_language(qtbot, params, scores, session):
    """The tables paint from the looks read at the last refresh (not read twice a frame); a new
    font size or language, which comes without a refresh, is read afresh."""
    from linviz.ui import i18n, style

    models = (params.model, params.grad_model, scores.model)

    def check():
        for m in models:
            for r in range(m.rowCount()):
                for c in range(m.columnCount()):
                    assert m.shown_look(r, c) == m.paint_look(r, c), (type(m).__name__, r, c)

    for t in (3, 4, 9):
        session.set_step(t)
        check()
    try:
        style.set_font_pt(style.BASE_FONT_PT + 6)
        check()
        assert scores.model.shown_look(0, 0)[1].pointSizeF() > style.BASE_FONT_PT
    finally:
        style.set_font_pt(style.BASE_FONT_PT)
    check()
    session.set_step(5)
    i18n.notifier.changed.emit("en")
    check()


def test_the_bias_trick_scene_turns_the_toggle_on_and_the_next_scene_off(window):
    mode, table = window.lecture_mode, window.params_table
    mode.start(mode.lecture.index_of("bias-trick"))
    assert table.bias_button.isChecked() and table.model.x_row == window.session.W.shape[0]
    mode.next()
    assert not table.bias_button.isChecked() and table.model.x_row is None
    mode.leave()


def test_times_two_and_halve_scale_all_of_w_and_b(params, session, qtbot):
    """"Is W unique?": ×2 doubles every weight and bias at the step shown (a branch, as a typed
    value is) and the table shows 2W; ÷2 brings W back."""
    session.set_step(len(session.history) - 1)
    t = session.step
    W, b = np.array(session.W), np.array(session.b)
    qtbot.mouseClick(params.double_button, Qt.LeftButton)
    assert session.step == t
    assert np.array_equal(session.W, 2 * W) and np.array_equal(session.b, 2 * b)
    assert np.array_equal(table_array(params.model)[:, :W.shape[1]], 2 * W)
    qtbot.mouseClick(params.half_button, Qt.LeftButton)
    assert np.array_equal(session.W, W) and np.array_equal(session.b, b)
