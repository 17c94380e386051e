"""LossCurveView: curves are the History, the cursor is the step, a click picks a step."""

import sys

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from linviz.engine.datasets import make_preset
from linviz.engine.regularizers import RegConfig
from linviz.ui.models import DatasetModel, SessionModel
from linviz.ui.views.loss_curve import LossCurveView, log_floor


@pytest.fixture
def session(qtbot):
    return SessionModel(DatasetModel(make_preset("cs231n")))


@pytest.fixture
def view(qtbot, session):
    v = LossCurveView(session)
    qtbot.addWidget(v)
    return v


def _shown(view, qtbot):
    """Show the view as a child of a plain host window, the way a dock holds it (a top-level
    widget with a layout makes the offscreen plugin warn about size hints)."""
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1100, 250)
    view.setParent(host)
    view.setGeometry(0, 0, 1100, 250)
    host.show()
    qtbot.waitExposed(host)
    view._test_host = host  # keep the host window alive as long as the view
    return view


def test_curves_are_the_history(view, session):
    h = session.history
    for name in ("loss", "data_loss", "reg_loss"):
        x, y = view.curve_data(name)
        np.testing.assert_array_equal(x, np.arange(len(h)))
        np.testing.assert_array_equal(y, getattr(h, name))
    x, acc = view.curve_data("train_acc")
    np.testing.assert_allclose(acc, 100 * h.train_acc)
    # distinct colours and line styles
    pens = [view.curves[k].opts["pen"] for k in ("loss", "data_loss", "reg_loss")]
    assert len({p.color().name() for p in pens}) == 3
    assert len({p.style() for p in pens}) == 3
    assert view.acc_curve.opts["pen"].style() not in {p.style() for p in pens}


def test_axis_labels(view):
    item = view.plot.getPlotItem()
    assert "step" in item.getAxis("bottom").labelText
    assert "loss" in item.getAxis("left").labelText
    assert "accuracy" in item.getAxis("right").labelText
    assert item.getAxis("left").style["tickFont"].pointSize() >= 12


def test_cursor_follows_step_without_redrawing(view, session, qtbot):
    redraws = []
    for c in view.curves.values():
        c.sigPlotChanged.connect(lambda *_: redraws.append(1))
    session.set_step(17)
    assert view.cursor.value() == 17
    assert view.step_tag.label() == "17" and view.step_tag.pos().x() == 17  # the step's number on the cursor
    (_, _), (y0, y1) = view.viewbox.viewRange()
    assert y0 < view.step_tag.pos().y() < y1
    assert redraws == []
    assert view.readouts["loss"].text() == f"{session.history.loss[17]:.4f}"


def test_moving_the_cursor_does_not_rescale_or_repaint_the_whole_plot(view, session, qtbot):
    """pyqtgraph queues an auto-range (and a repaint of the whole plot) whenever any item moves;
    the cursor, which never counts for the range, must not — it moves 60 times a second."""
    _shown(view, qtbot)
    vb = view.viewbox
    queued, queue = [], vb.queueUpdateAutoRange
    def spy():  # a resize of the settling window queues one too: count the item moves only
        queued.append(sys._getframe(1).f_code.co_name)
        queue()

    vb.queueUpdateAutoRange = spy
    ranges = vb.viewRange()
    queued.clear()
    for t in (3, 4, 60):
        session.set_step(t)
        qtbot.wait(5)
    assert view.cursor.value() == 60 and "itemBoundsChanged" not in queued
    tag = view.step_tag
    assert tag.rect().left() > 0  # mid-run: the step's tag right of the cursor
    session.set_step(session.history.last)
    right_edge = vb.mapViewToScene(QPointF(vb.viewRange()[0][1], 0)).x()
    assert tag.rect().left() < 0 and tag.sceneBoundingRect().right() <= right_edge  # at the end: left of it, whole
    session.update_settings(steps=2 * len(session.history))  # a longer run: the curves still rescale the plot
    qtbot.waitUntil(lambda: view.viewbox.viewRange()[0][1] > ranges[0][1])


def test_click_jumps_to_step(view, session, qtbot):
    _shown(view, qtbot)
    assert session.step != 40
    y = np.mean(view.viewbox.viewRange()[1])
    pos = view.plot.mapFromScene(view.viewbox.mapViewToScene(QPointF(40, y)))
    qtbot.mouseClick(view.plot.viewport(), Qt.LeftButton, pos=pos)
    assert abs(session.step - 40) <= 1
    assert view.cursor.value() == session.step


def test_dragging_in_the_plot_scrubs(view, session, qtbot):
    _shown(view, qtbot)
    y = np.mean(view.viewbox.viewRange()[1])
    to_px = lambda x: view.plot.mapFromScene(view.viewbox.mapViewToScene(QPointF(x, y)))  # noqa: E731
    vp = view.plot.viewport()
    qtbot.mousePress(vp, Qt.LeftButton, pos=to_px(100))
    for x in (110, 130, 150, 170):
        qtbot.mouseMove(vp, to_px(x))
    qtbot.mouseRelease(vp, Qt.LeftButton, pos=to_px(170))
    assert abs(session.step - 170) <= 2


def test_dragging_the_cursor_scrubs(view, session):
    view.cursor.setValue(63.4)
    view.cursor.sigDragged.emit(view.cursor)
    assert session.step == 63
    view.cursor.sigPositionChangeFinished.emit(view.cursor)
    assert view.cursor.value() == 63


def test_a_diverged_run_whose_last_loss_nears_the_float_limit_keeps_a_finite_axis(view, session, qtbot):
    """The last finite loss of a diverged run can be ~1.7e308: the axis' 4 % padding overflowed
    and pyqtgraph raised "Not setting range to [inf, -inf]" inside the history_changed slot."""
    import sys

    _shown(view, qtbot)
    h = session.history
    h.loss[h.last] = h.data_loss[h.last] = 1.7e308  # what lr 10 with Softmax reached in the random test
    seen = []
    hook, sys.excepthook = sys.excepthook, lambda *exc: seen.append(exc)
    try:
        session.show_history(h, h.last)
        view._on_history()
    finally:
        sys.excepthook = hook
    assert not seen, seen[0][1]
    (_, _), (y0, y1) = view.viewbox.viewRange()
    assert np.isfinite([y0, y1]).all() and y1 > 1e299
    assert view.cursor.value() == h.last


def test_knn_clears_the_plot(view, session):
    session.update_settings(model="knn")
    for name in ("loss", "data_loss", "reg_loss", "train_acc"):
        assert len(view.curve_data(name)[0]) == 0
    assert view.knn_text.isVisible()
    assert "kNN does not train" in view.knn_text.textItem.toPlainText()
    assert not view.cursor.isVisible()
    session.update_settings(model="softmax")
    np.testing.assert_array_equal(view.curve_data("loss")[1], session.history.loss)
    assert not view.knn_text.isVisible()


def test_log_scale_with_a_zero_loss(view, session, qtbot):
    # separable data, no regularisation: the SVM loss reaches exactly 0
    session.update_settings(reg=RegConfig("l2", 0.0), steps=400)
    h = session.history
    assert h.data_loss[-1] == 0.0 and np.all(h.reg_loss == 0.0)
    _shown(view, qtbot)
    view.log_check.setChecked(True)
    qtbot.wait(10)
    for name in ("loss", "data_loss", "reg_loss"):
        y = view.curve_data(name)[1]
        assert np.all(y > 0) and np.all(np.isfinite(y))
    assert view.plot.getPlotItem().ctrl.logYCheck.isChecked() or view.plot.getPlotItem().getAxis("left").logMode
    view.set_log_scale(False)
    np.testing.assert_array_equal(view.curve_data("data_loss")[1], h.data_loss)


def test_log_floor():
    assert log_floor(np.array([0.0, 0.5, 3.0])) == pytest.approx(0.01)
    assert log_floor(np.zeros(3)) == 1e-3


def test_branches_are_drawn_faint(view, session):
    session.set_step(30)
    parent = session.history
    session.edit_params(session.W * 2, session.b)
    assert session.history is not parent
    visible = [c for c in view.branch_curves if c.isVisible()]
    assert len(visible) == 1
    np.testing.assert_array_equal(visible[0].getOriginalDataset()[1], parent.loss)
    assert visible[0].opts["pen"].style() == Qt.DashLine
    np.testing.assert_array_equal(view.curve_data("loss")[1], session.history.loss)


def test_growing_history_updates_curves(view, session):
    n = len(session.history)
    session.set_step(session.history.last)
    assert session.step_forward()
    assert len(view.curve_data("loss")[0]) == len(session.history) > n


def test_empty_plane_does_not_crash(view, session, qtbot):
    with qtbot.waitSignal(session.history_changed, timeout=5000):
        session.data.clear()
    assert view.readouts["train_acc"].text() == "–"
    assert len(view.curve_data("loss")[0]) == len(session.history)
