"""The optimiser's state drawn on the loss surface equals the engine's recorded state."""

from __future__ import annotations

import numpy as np
import pytest

from linviz.engine.optimizers import Optimizer
from linviz.ui.views.optimizer_arrows import nice_scale

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def arrows_at(window, qtbot, kind: str, t: int):
    window.session.update_settings(optimizer=Optimizer(kind))
    window.docks["surface"].show()
    window.docks["surface"].raise_()
    window.loss_surface.recompute()
    window.session.set_step(t)
    arrows = window.optimizer_arrows
    arrows.refresh()
    return arrows, window.session.history


def drawn_vector(arrows, kind):
    (x0, y0), (x1, y1) = arrows.drawn[kind]
    return np.array([x1 - x0, y1 - y0]) / arrows.scale


@pytest.mark.parametrize("kind", ["momentum", "nesterov"])
def test_the_velocity_arrow_is_the_recorded_velocity(window, qtbot, kind):
    arrows, h = arrows_at(window, qtbot, kind, 12)
    assert window.loss_surface.slice.kind == "params" and window.loss_surface._params == (0, 1)  # W[1,1] × W[1,2]
    v = h.opt_state[12].a
    np.testing.assert_allclose(drawn_vector(arrows, "velocity"), v[[0, 1]], rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(drawn_vector(arrows, "gradient"), -h.lr[12] * h.grad_W[12, 0, :2], rtol=1e-9)
    if kind == "momentum":  # what the state means: the last step taken, θ_t − θ_{t−1}
        np.testing.assert_allclose(v[[0, 1]], h.W[12, 0, :2] - h.W[11, 0, :2], rtol=1e-9)
    assert "effective" not in arrows.drawn and arrows.key.isVisible()


def test_adams_arrows_are_its_moments_and_its_effective_step(window, qtbot):
    arrows, h = arrows_at(window, qtbot, "adam", 9)
    st, opt = h.opt_state[9], h.config.optimizer
    m_hat, v_hat = st.a / (1 - opt.beta1 ** st.t), st.b / (1 - opt.beta2 ** st.t)
    np.testing.assert_allclose(drawn_vector(arrows, "moment"), -h.lr[9] * m_hat[[0, 1]], rtol=1e-9)
    effective = drawn_vector(arrows, "effective")
    np.testing.assert_allclose(effective, (-h.lr[9] * m_hat / (np.sqrt(v_hat) + opt.eps))[[0, 1]], rtol=1e-9)
    # the effective step of state t is the step Adam took into θ_t (constant rate)
    np.testing.assert_allclose(effective, h.W[9, 0, :2] - h.W[8, 0, :2], rtol=1e-7)


def test_sgd_shows_the_gradient_alone_and_the_scale_is_one_of_1_2_5(window, qtbot):
    arrows, h = arrows_at(window, qtbot, "sgd", 5)
    assert set(arrows.drawn) == {"gradient"}
    assert nice_scale(0.03, 1.0) == 20.0 and nice_scale(0.3, 1.0) == 2.0 and nice_scale(0.0, 1.0) == 1.0
    m = arrows.scale / 10 ** np.floor(np.log10(arrows.scale))
    assert round(m, 9) in (1.0, 2.0, 5.0)


def test_a_slice_of_other_features_draws_nothing_and_raises_nothing(window, qtbot):
    """The surface recomputes on a timer: a run with more parameters can arrive before it (a lecture
    scene switching features raised LinAlgError here)."""
    from linviz.engine.features import FeatureMap

    arrows, _ = arrows_at(window, qtbot, "momentum", 5)
    stale = window.loss_surface.slice
    window.session.update_settings(features=FeatureMap("poly2"))
    window.loss_surface.slice = stale  # as if its recompute had not run yet
    window.loss_surface.path_xy = np.zeros((len(window.session.history), 2))
    arrows.refresh()
    assert arrows.drawn == {}
