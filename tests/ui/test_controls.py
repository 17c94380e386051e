"""The controls dock: each control changes the session's settings (and so the History)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QRadioButton, QSpinBox, QToolButton, QWidget

from linviz.engine.datasets import make_preset
from linviz.engine.losses import softmax_loss, svm_loss
from linviz.ui.models import DatasetModel, SessionModel
from linviz.ui.panels.controls import ControlsPanel
from linviz.ui.widgets import LogSlider

# The offscreen platform warns whenever a shown top-level widget has a layout; it says nothing about us.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def click(qtbot, button):
    """Click a check/radio button on its indicator (its centre may lie past the end of its text)."""
    qtbot.mouseClick(button, Qt.LeftButton, pos=QPoint(8, button.height() // 2))


@pytest.fixture
def models():
    data = DatasetModel(make_preset("cs231n"))
    return data, SessionModel(data)


@pytest.fixture
def panel(qtbot, models):
    data, session = models
    w = ControlsPanel(data, session)
    qtbot.addWidget(w)
    w.resize(380, 900)
    w.show()
    qtbot.waitUntil(w.isVisible)
    return w


def find(panel, cls, name):
    w = panel.findChild(cls, name)
    assert w is not None, f"no {cls.__name__} named {name!r}"
    return w


def choose(panel, name, key):
    combo = find(panel, QComboBox, name)
    index = combo.findData(key)
    assert index >= 0, f"{name} has no item {key!r}"
    combo.setCurrentIndex(index)


def start_scores(data):
    ds = data.dataset
    return ds.X @ ds.W0.T + ds.b0


def test_softmax_changes_model_and_recomputes_the_history(qtbot, panel, models):
    data, session = models
    ds = data.dataset
    svm_start = session.history.loss[0]
    assert svm_start == pytest.approx(svm_loss(start_scores(data), ds.y)[0] + 0.1 * np.sum(ds.W0**2))

    click(qtbot, find(panel, QRadioButton, "model_softmax"))

    assert session.settings.model == "softmax"
    assert session.history.config.loss.kind == "softmax"
    expected = softmax_loss(start_scores(data), ds.y)[0] + 0.1 * np.sum(ds.W0**2)
    assert session.history.loss[0] == pytest.approx(expected)
    # Softmax has no margin and no SVM switches
    assert not find(panel, LogSlider, "delta").isEnabled()
    for name in ("all_classes", "mean_over_classes", "squared"):
        assert not find(panel, QCheckBox, name).isEnabled()


def test_lambda_slider_changes_lambda_and_reg_loss(panel, models):
    data, session = models
    lam = find(panel, LogSlider, "lam")
    W0 = data.dataset.W0
    target = lam.position_of(2.0)
    lam.slider.setValue(target)
    assert session.settings.train.reg.lam == 2.0
    assert session.history.reg_loss[0] == pytest.approx(2.0 * np.sum(W0**2))
    assert find(panel, QLineEdit, "lam_value").text() == "2"

    lam.slider.setValue(0)  # the leftmost position is exactly 0
    assert session.settings.train.reg.lam == 0.0
    assert session.history.reg_loss[0] == 0.0

    edit = find(panel, QLineEdit, "lam_value")  # an exact value can be typed
    edit.setText("0.37")
    edit.editingFinished.emit()
    assert session.settings.train.reg.lam == pytest.approx(0.37)
    edit.setText("5000")  # a lecture's "too strong" λ is allowed (issue 13: no silent cap at 100)
    edit.editingFinished.emit()
    assert session.settings.train.reg.lam == 5000.0
    edit.setText("5e9")  # out of range: clamped to the top, never an error
    edit.editingFinished.emit()
    assert session.settings.train.reg.lam == 1e6


def test_dragging_a_slider_is_throttled_but_ends_on_the_final_value(qtbot, panel, models):
    _, session = models
    lam = find(panel, LogSlider, "lam")
    changes = []
    session.settings_changed.connect(lambda: changes.append(session.settings.train.reg.lam))
    lam.slider.setSliderDown(True)
    start = lam.slider.value()
    for k in range(1, 31):  # 30 positions within a few milliseconds
        lam.slider.setValue(start + k if start + k <= lam.slider.maximum() else start - k)
    assert 1 <= len(changes) < 5  # the first move shows at once; the rest wait for the throttle
    qtbot.waitUntil(lambda: len(changes) >= 2, timeout=1000)  # the picture follows during the drag
    lam.slider.setSliderDown(False)  # release: the final value is applied
    assert session.settings.train.reg.lam == lam.values[lam.slider.value()]
    assert len(changes) <= 4


def test_regulariser_shows_beta_and_c_only_where_they_apply(panel, models):
    _, session = models
    beta, c = find(panel, QWidget, "beta"), find(panel, QWidget, "max_norm")
    choose(panel, "reg_kind", "l1")
    assert session.settings.train.reg.kind == "l1"
    assert not beta.isVisibleTo(panel) and not c.isVisibleTo(panel)
    choose(panel, "reg_kind", "elastic")
    assert beta.isVisibleTo(panel) and not c.isVisibleTo(panel)
    beta.setValue(2.0)
    assert session.settings.train.reg.beta == 2.0
    choose(panel, "reg_kind", "maxnorm")
    assert c.isVisibleTo(panel) and not beta.isVisibleTo(panel)
    assert not find(panel, LogSlider, "lam").isEnabled()  # max-norm has no λ
    c.setValue(0.5)
    W = session.history.W[session.history.last]
    assert np.all(np.linalg.norm(W, axis=1) <= 0.5 + 1e-9)

    choose(panel, "reg_kind", "l2")
    bias = find(panel, QCheckBox, "reg_bias")
    bias.setChecked(True)
    assert session.settings.train.reg.include_bias


def test_batch_size_full_is_none_and_n_follows_the_data(panel, models):
    data, session = models
    full, spin = find(panel, QCheckBox, "batch_full"), find(panel, QSpinBox, "batch_size")
    assert session.settings.train.batch_size is None and full.isChecked() and not spin.isEnabled()
    assert spin.maximum() == len(data.dataset) == 9
    full.setChecked(False)
    assert spin.isEnabled()
    assert session.settings.train.batch_size == spin.value()
    spin.setValue(1)  # SGD
    assert session.settings.train.batch_size == 1
    full.setChecked(True)
    assert session.settings.train.batch_size is None

    data.add_point(0.1, 0.1)
    assert spin.maximum() == 10
    assert "10" in full.text()


def test_knn_enables_k_and_disables_the_svm_switches(qtbot, panel, models):
    _, session = models
    k = find(panel, QSpinBox, "knn_k")
    assert not k.isEnabled()
    click(qtbot, find(panel, QRadioButton, "model_knn"))
    assert session.settings.model == "knn" and session.history is None
    assert k.isEnabled() and find(panel, QComboBox, "knn_metric").isEnabled()
    for name in ("all_classes", "mean_over_classes", "squared"):
        assert not find(panel, QCheckBox, name).isEnabled()
    assert not find(panel, QComboBox, "svm_variant").isEnabled()
    k.setValue(5)
    assert session.settings.knn.k == 5 and session.knn.k == 5
    choose(panel, "knn_metric", "l1")
    assert session.settings.knn.metric == "l1"


def test_svm_switches_are_enabled_only_for_their_variant(panel, models):
    _, session = models
    all_c, mean, sq = (find(panel, QCheckBox, n) for n in ("all_classes", "mean_over_classes", "squared"))
    assert all_c.isEnabled() and mean.isEnabled() and sq.isEnabled()
    loss0 = session.history.loss[0]
    all_c.setChecked(True)  # j = yi adds Δ to every Li
    assert session.settings.train.loss.all_classes
    assert session.history.loss[0] == pytest.approx(loss0 + 1.0)
    choose(panel, "svm_variant", "ova")
    assert not all_c.isEnabled() and mean.isEnabled()
    choose(panel, "svm_variant", "structured")
    assert not all_c.isEnabled() and not mean.isEnabled() and sq.isEnabled()
    sq.setChecked(True)
    assert session.settings.train.loss.squared


def test_delta_slider_and_its_tooltip(panel, models):
    _, session = models
    delta = find(panel, LogSlider, "delta")
    assert "max(0, s_j − s_yi + Δ)" in delta.toolTip()
    delta.slider.setValue(delta.position_of(100))
    assert session.settings.train.loss.delta == 100.0
    delta.slider.setValue(0)
    assert session.settings.train.loss.delta == 0.0


def test_optimiser_schedule_and_feature_settings(panel, models):
    _, session = models
    mu, rho, b1, b2 = (find(panel, QWidget, n) for n in ("momentum", "rho", "beta1", "beta2"))
    assert not any(w.isVisibleTo(panel) for w in (mu, rho, b1, b2))  # sgd has none
    choose(panel, "optimizer", "nesterov")
    assert mu.isVisibleTo(panel) and not b1.isVisibleTo(panel)
    mu.setValue(0.5)
    assert session.settings.train.optimizer == replace(session.settings.train.optimizer, kind="nesterov", momentum=0.5)
    choose(panel, "optimizer", "adam")
    assert b1.isVisibleTo(panel) and b2.isVisibleTo(panel) and not mu.isVisibleTo(panel)
    b2.setValue(0.99)
    assert session.settings.train.optimizer.beta2 == pytest.approx(0.99)
    choose(panel, "optimizer", "rmsprop")
    assert rho.isVisibleTo(panel)

    gamma, every, k = (find(panel, QWidget, n) for n in ("gamma", "every", "decay_k"))
    choose(panel, "schedule", "step")
    assert gamma.isVisibleTo(panel) and every.isVisibleTo(panel) and not k.isVisibleTo(panel)
    every.setValue(10)
    assert session.history.lr[10] == pytest.approx(0.1 * 0.5)
    choose(panel, "schedule", "inverse")
    assert k.isVisibleTo(panel) and not gamma.isVisibleTo(panel)

    lr = find(panel, LogSlider, "lr")
    lr.setValue(0.01)
    assert session.settings.train.lr == 0.01
    find(panel, QSpinBox, "steps").setValue(50)
    assert session.history.last == 50
    find(panel, QSpinBox, "seed").setValue(7)
    assert session.settings.train.seed == 7
    choose(panel, "init", "zeros")
    assert session.settings.init == "zeros" and not session.history.W[0].any()

    rbf_gamma, m = find(panel, QWidget, "rbf_gamma"), find(panel, QSpinBox, "rbf_components")
    assert not m.isVisibleTo(panel)
    choose(panel, "features", "poly2")
    assert session.history.W.shape[1:] == (3, 5)
    choose(panel, "features", "rbf")
    assert m.isVisibleTo(panel) and rbf_gamma.isVisibleTo(panel)
    m.setValue(16)
    assert session.history.W.shape[1:] == (3, 16)


def test_tooltips_carry_the_formulas(panel):
    reg = find(panel, QComboBox, "reg_kind")
    tips = {reg.itemData(i): reg.itemData(i, Qt.ToolTipRole) for i in range(reg.count())}
    assert "λ Σ_k Σ_l W_kl²" in tips["l2"] and "|W_kl|" in tips["l1"] and "β" in tips["elastic"]
    opt = find(panel, QComboBox, "optimizer")
    tips = {opt.itemData(i): opt.itemData(i, Qt.ToolTipRole) for i in range(opt.count())}
    assert "θ ← θ − α g" in tips["sgd"] and "μ v" in tips["momentum"] and "β₁" in tips["adam"]
    sched = find(panel, QComboBox, "schedule")
    tips = {sched.itemData(i): sched.itemData(i, Qt.ToolTipRole) for i in range(sched.count())}
    assert "γ^⌊t / every⌋" in tips["step"] and "1 + k·t" in tips["inverse"]
    assert "λ R(W)" in find(panel, LogSlider, "lam").toolTip()
    assert "W ← W − α" in find(panel, LogSlider, "lr").toolTip()


def test_panel_follows_settings_without_echo(panel, models):
    _, session = models
    emitted = []
    session.settings_changed.connect(lambda: emitted.append(1))
    session.update_settings(lr=0.5, model="softmax")
    assert len(emitted) == 1  # the panel's update did not send the settings back
    assert find(panel, LogSlider, "lr").value() == 0.5
    assert find(panel, QRadioButton, "model_softmax").isChecked()
    assert not find(panel, QComboBox, "svm_variant").isEnabled()


def test_engine_errors_are_shown_not_raised(panel, models, monkeypatch):
    _, session = models
    messages = []
    session.message.connect(lambda level, text: messages.append((level, text)))

    def refuse(settings):
        raise ValueError("the learning rate must be a finite number > 0, not -1")

    monkeypatch.setattr(session, "set_settings", refuse)
    lr = find(panel, LogSlider, "lr")
    lr.slider.setValue(lr.position_of(1.0))  # must not raise
    assert messages and messages[-1][0] == "error" and "learning rate" in messages[-1][1]
    assert lr.value() == session.settings.train.lr == 0.1  # the control snapped back


def test_class_buttons_follow_and_set_the_current_class(qtbot, panel, models):
    data, _ = models
    buttons = [find(panel, QToolButton, f"class_button_{k}") for k in range(3)]
    assert buttons[0].isChecked()
    qtbot.mouseClick(buttons[2], Qt.LeftButton)
    assert data.current_class == 2
    assert buttons[2].isChecked() and not buttons[0].isChecked()
    data.set_current_class(1)
    assert buttons[1].isChecked()
    assert not buttons[1].icon().isNull()


def test_number_of_classes(panel, models):
    data, _ = models
    spin = find(panel, QSpinBox, "n_classes")
    assert spin.value() == 3
    spin.setValue(5)
    assert data.dataset.n_classes == 5
    assert find(panel, QToolButton, "class_button_4") is not None
    assert find(panel, QLineEdit, "class_name_4").text() == "class 5"
    data.set_dataset(make_preset("moons"))
    assert spin.value() == 2
    assert panel.findChild(QToolButton, "class_button_2") is None


def test_renaming_a_class_and_refusing_duplicates(qtbot, panel, models):
    data, _ = models
    edit = find(panel, QLineEdit, "class_name_0")
    hint = find(panel, QLabel, "class_name_hint")
    edit.setText("cat")
    edit.editingFinished.emit()
    assert data.dataset.class_names == ("cat", "class 2", "class 3")
    assert not hint.isVisibleTo(panel)

    other = find(panel, QLineEdit, "class_name_1")
    other.setText("cat")  # a duplicate is refused, the old names stay
    other.editingFinished.emit()
    assert data.dataset.class_names == ("cat", "class 2", "class 3")
    assert other.text() == "class 2"
    assert hint.isVisibleTo(panel) and "cat" in hint.text()

    other.setText("   ")  # empty too
    other.editingFinished.emit()
    assert data.dataset.class_names == ("cat", "class 2", "class 3")
    assert other.text() == "class 2"

    other.clear()  # typing and Enter, as a teacher would
    qtbot.keyClicks(other, "car")
    qtbot.keyClick(other, Qt.Key_Return)
    assert data.dataset.class_names == ("cat", "car", "class 3")
    assert not hint.isVisibleTo(panel)


def test_restart_or_continue_is_honoured(qtbot, panel, models):
    _, session = models
    restart, cont = find(panel, QRadioButton, "on_change_restart"), find(panel, QRadioButton, "on_change_continue")
    assert restart.isChecked() and session.settings.restart
    before = session.history
    session.set_step(37)
    click(qtbot, cont)
    assert session.settings.restart is False
    find(panel, LogSlider, "lam").setValue(1.0)
    h = session.history
    assert h.branch_step == 37 and session.step == 37
    np.testing.assert_array_equal(h.W[:38], before.W[:38])  # steps 0 … 37 are kept
    assert h.config.reg.lam == 1.0

    click(qtbot, restart)
    assert session.settings.restart is True
    find(panel, LogSlider, "lam").setValue(0.5)
    assert session.history.branch_step is None  # retrained from step 0
    assert session.history.reg_loss[0] == pytest.approx(0.5 * np.sum(before.W[0] ** 2))


def test_panel_scrolls(panel):
    from PySide6.QtWidgets import QScrollArea

    scroll = find(panel, QScrollArea, "controls_scroll")
    assert scroll.widget().sizeHint().height() > 900  # taller than the dock: it scrolls
    assert scroll.verticalScrollBar().maximum() > 0


def test_the_wheel_scrolls_the_panel_instead_of_changing_an_unfocused_control(panel, models):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    _, session = models
    combo = find(panel, QComboBox, "optimizer")

    def wheel(widget):
        centre = QPointF(widget.width() / 2, widget.height() / 2)
        event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, -120), QPoint(0, -120),
                            Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)

    wheel(combo)
    assert session.settings.train.optimizer.kind == "sgd"
    combo.setFocus()
    wheel(combo)  # once focused (clicked), the wheel works on it
    assert session.settings.train.optimizer.kind == "momentum"
