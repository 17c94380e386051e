"""Every penalty against its loop twin and numerical gradients; max-norm projection."""

import numpy as np
import pytest

from linviz.engine.gradcheck import numerical_gradient, relative_error
from linviz.engine.regularizers import REG_KINDS, RegConfig, penalty, penalty_loop, project_max_norm


@pytest.mark.parametrize("kind", REG_KINDS)
@pytest.mark.parametrize("seed", range(5))
def test_penalty_matches_loop_and_numerical_gradient(kind, seed):
    rng = np.random.default_rng(seed)
    W = rng.normal(size=(int(rng.integers(2, 11)), int(rng.integers(1, 6))))
    cfg = RegConfig(kind, lam=0.37, beta=0.8)
    value, grad = penalty(W, cfg)
    value_l, grad_l = penalty_loop(W, cfg)
    assert value == pytest.approx(value_l)
    np.testing.assert_allclose(grad, grad_l, atol=1e-12)
    num = numerical_gradient(lambda w: penalty(w, cfg)[0], W)
    assert relative_error(grad, num).max() < 1e-7


def test_l2_conventions():
    W = np.array([[1.0, 2.0], [3.0, -1.0]])
    assert penalty(W, RegConfig("l2", 0.1))[0] == pytest.approx(1.5)
    assert penalty(W, RegConfig("half-l2", 0.1))[0] == pytest.approx(0.75)
    np.testing.assert_allclose(penalty(W, RegConfig("l2", 0.1))[1], 0.2 * W)  # 2λW, not the demo's 0.5λW


def test_max_norm_projects_rows_only_when_too_long():
    W = np.array([[3.0, 4.0], [0.3, 0.4]])
    out = project_max_norm(W, RegConfig("maxnorm", max_norm=1.0))
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), [1.0, 0.5])
    np.testing.assert_allclose(out[0], [0.6, 0.8])


def test_negative_lambda_is_refused():
    with pytest.raises(ValueError, match="λ"):
        RegConfig("l2", lam=-0.1)


@pytest.mark.parametrize("kind", ["none", "l2", "half-l2", "l1", "elastic", "maxnorm"])
def test_penalty_coefficients_give_the_same_penalty_and_gradient(kind):
    """λ(a/2 ΣW² + c Σ|W|) and λ(a W + c sign W) are the table of ``penalty``, kind by kind."""
    from linviz.engine.regularizers import penalty_coefficients

    W = np.random.default_rng(3).standard_normal((3, 4))
    cfg = RegConfig(kind, 0.3, beta=0.7)
    lam, a, c = penalty_coefficients(cfg)
    value, grad = penalty(W, cfg)
    assert lam * (0.5 * a * (W * W).sum() + c * np.abs(W).sum()) == pytest.approx(value, rel=1e-12, abs=1e-15)
    np.testing.assert_allclose(lam * (a * W + c * np.sign(W)), grad, rtol=1e-12)
