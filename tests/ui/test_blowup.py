"""Dangerous settings are allowed and look dangerous (issue 13): α, λ, Δ up to 1e6; a run that
diverges or blows up gets a banner naming the step and the setting, the loss curve switches to a
log scale that shows the climb whole, the plane stays at the last finite step; a start far out
(a loss-surface click at W ≈ 1e153) is refused with a message and the run stays."""

from __future__ import annotations

import numpy as np
import pytest

from linviz.engine.regularizers import RegConfig

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def type_into(slider, text):
    slider.edit.setText(text)
    slider.edit.editingFinished.emit()


@pytest.mark.parametrize(("name", "path"), [("lr", ("lr",)), ("lam", ("reg", "lam")), ("delta", ("loss", "delta"))])
def test_alpha_lambda_and_delta_accept_a_million(window, name, path):
    slider = getattr(window.controls, name)
    type_into(slider, "1e6")
    value = window.session.settings.train
    for key in path:
        value = getattr(value, key)
    assert value == 1e6 and slider.edit.text() == "1e+06"


def test_alpha_100_diverges_with_a_banner_naming_step_and_setting_and_the_plane_frozen(window):
    window.load_preset("cs231n")
    type_into(window.controls.lr, "100")  # λ = 0.1: the L2 step multiplies W by 1 − 2αλ = −19
    h = window.session.history
    assert h.stop_reason == "diverged" and window.session.settings.train.lr == 100.0
    text = window.message_label.text()
    assert f"left the finite range at step {len(h)}" in text and "α = 100 with λ = 0.1" in text and "-19" in text
    assert f"shows step {h.last}" in text and window.message_label.property("level") == "error"
    window.session.set_step(h.last)
    assert np.isfinite(window.session.W).all()
    curve = window.loss_curve
    assert curve.log_check.isChecked()  # the climb to ~1e300 is seen whole
    x, y = curve.curve_data("loss")
    assert len(x) == len(h) and y[-1] == h.loss[h.last] and y[-1] > 1e100  # the last finite point is drawn
    assert not window.session.step_forward()  # playing on cannot train past the blow-up


def test_without_a_penalty_the_learning_rate_alone_is_named(window):
    window.load_preset("cs231n")
    window.session.update_settings(reg=RegConfig("none"), loss=window.session.settings.train.loss.__class__(squared=True))
    type_into(window.controls.lr, "100")
    h = window.session.history
    assert h.stop_reason == "diverged"
    text = window.message_label.text()
    assert "The learning rate α = 100 is too large" in text and "λ" not in text


def test_a_finite_but_exploding_run_gets_a_warning_naming_lambda_and_alpha(window):
    window.load_preset("cs231n")
    type_into(window.controls.lr, "10")  # λ = 0.1: W ← W(1 − 2αλ) = −W, the loss climbs to 2.3e5
    h = window.session.history
    assert h.stop_reason == "steps" and h.loss[h.last] > 1e5
    text = window.message_label.text()
    assert text.startswith("The loss is blowing up: 6.27 at step 0") and "λ = 0.1" in text and "α = 10" in text
    assert window.message_label.property("level") == "warning"
    type_into(window.controls.lr, "0.1")
    assert window.message_label.text() == "" and not window.loss_curve.log_check.isChecked()


def test_a_click_far_out_on_the_loss_surface_is_refused_and_the_run_stays(window):
    """The lead's random-action seed 906: a click at ~(−8.5e152, −2.5e153) used to start a run
    that later diverged without a message."""
    s = window.session
    h, n, step = s.history, len(s.branches), s.step
    W, b = s.W.copy(), s.b.copy()
    W[0, 0], W[0, 1] = -8.5e152, -2.5e153
    s.edit_params(W, b)
    assert s.history is h and len(s.branches) == n and s.step == step
    text = window.message_label.text()
    assert "W[0][0] = -8.5e+152 is too large" in text and "Kept W, b as they were" in text


@pytest.fixture
def spanish(qapp):
    from linviz.ui import i18n, presentation

    i18n.set_language(qapp, "es")
    yield
    i18n.set_language(qapp, "en")
    presentation.set_language("en")


def test_the_divergence_banner_speaks_spanish(window, spanish):
    window.load_preset("cs231n")
    type_into(window.controls.lr, "100")
    h = window.session.history
    text = window.message_label.text()
    assert text.startswith(f"El entrenamiento divergió: la pérdida salió del rango finito en el paso {len(h)}.")
    assert "α = 100 con λ = 0.1" in text and "Probar una tasa de aprendizaje o un λ menores" in text and f"el paso {h.last}, el último finito" in text


def test_the_controls_column_is_not_clipped_with_100000_points(window, qtbot):
    """ "full (100000)" and a six-digit batch box made the column 29 px wider than its dock (issue 13)."""
    from linviz.engine.datasets import Dataset

    from PySide6.QtCore import Qt

    rng = np.random.default_rng(0)
    scroll, dock = window.controls.scroll, window.docks["controls"]
    window.data.set_dataset(Dataset(rng.normal(size=(100_000, 2)), np.arange(100_000) % 3, ("a", "b", "c")))
    qtbot.wait(50)
    window.resizeDocks([dock], [1], Qt.Horizontal)  # as narrow as the column lets its dock be
    qtbot.waitUntil(lambda: dock.width() < 500, timeout=3000)
    qtbot.wait(50)
    assert scroll.viewport().width() >= scroll.widget().minimumSizeHint().width()
    assert window.controls.batch_full.text() == "full (100000)"


def test_a_start_with_no_finite_step_falls_back_to_zero_with_a_message_and_every_view_works(window):
    """Files and controls keep W0 and the initial scale where step 0 is finite; the session still
    guards the case (an initial scale of 1e300 set through the model): never a run of zero steps."""
    s = window.session
    s.update_settings(init="random", init_scale=1e300)
    h = s.history
    assert len(h) > 1 and s.step >= 0 and not h.W[0].any()
    assert "too large to compute at step 0: started from W = 0, b = 0" in window.message_label.text()
    s.set_step(h.last)
    assert window.params_table.model.rowCount() == 3 and np.isfinite(s.W).all()
    assert len(window.loss_curve.curve_data("loss")[0]) == len(h)


def test_saving_a_diverged_run_keeps_its_banner_in_view(window, tmp_path):
    """The random-action hunt (seed 906 in the lead's replays): "Saved the lesson" replaced the banner."""
    from linviz.ui import lesson

    ctl = lesson.install(window)
    window.load_preset("cs231n")
    type_into(window.controls.lr, "100")
    assert ctl.save_to(tmp_path / "x.linviz")
    text = window.message_label.text()
    assert text.startswith("Training diverged: the loss left the finite range") and text.endswith("x.linviz.")
    assert window.message_label.property("level") == "error"
    type_into(window.controls.lr, "0.1")
    assert ctl.save_to(tmp_path / "y.linviz")
    assert window.message_label.text().startswith("Saved the lesson")
