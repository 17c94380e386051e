"""The vectorised loss surface equals the per-cell computation; paths project onto slices."""

import numpy as np
import pytest

from linviz.engine.landscape import (
    flatten,
    loss_surface,
    loss_surface_naive,
    param_name,
    param_slice,
    pca_slice,
    project_path,
    random_slice,
)
from linviz.engine.losses import LossConfig
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import TrainConfig, train

LOSSES = [LossConfig(), LossConfig("softmax"), LossConfig("lsq"), LossConfig(variant="ova", squared=True, mean_over_classes=True),
          LossConfig(variant="structured"), LossConfig(all_classes=True, mean_over_classes=True, squared=True)]


def problem(seed=0, n=40, c=3):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, 2)), rng.integers(0, c, n)


@pytest.mark.parametrize("loss", LOSSES, ids=str)
@pytest.mark.parametrize("reg", ["none", "l2", "half-l2", "l1", "elastic"])
def test_surface_equals_per_cell_evaluation(loss, reg):
    X, y = problem()
    cfg = TrainConfig(loss=loss, reg=RegConfig(reg, lam=0.2, include_bias=reg == "l1"), steps=20)
    h = train(X, y, cfg, 3)
    theta = flatten(h.W[-1], h.b[-1])
    for sl in (param_slice(theta, 0, 7, 3, 2, span=2, res=9), random_slice(theta, 3, 2, seed=1, res=9)):
        fast, slow = loss_surface(X, y, cfg, sl, 3), loss_surface_naive(X, y, cfg, sl, 3)
        np.testing.assert_allclose(fast.data, slow.data, rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(fast.reg, slow.reg, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(fast.total, fast.data + fast.reg)


def test_param_slice_axes_are_the_parameter_values():
    theta = np.arange(9.0)
    sl = param_slice(theta, 1, 6, 3, 2, span=1.0, res=3)
    xs, ys = sl.axis_values()
    np.testing.assert_allclose(xs, [0, 1, 2])
    np.testing.assert_allclose(ys, [5, 6, 7])
    assert sl.labels == ("W[1,2]", "b[1]")
    assert param_name(8, 3, 2) == "b[3]"


def test_pca_slice_holds_the_path():
    X, y = problem(2)
    h = train(X, y, TrainConfig(lr=0.3, steps=60), 3)
    path = np.column_stack([h.W.reshape(len(h), -1), h.b])
    sl = pca_slice(path)
    coords = project_path(path, sl)
    assert np.allclose(coords[-1], 0)
    assert coords[:, 0].min() >= sl.alphas[0] and coords[:, 0].max() <= sl.alphas[-1]
    rebuilt = sl.centre + coords[:, :1] * sl.u + coords[:, 1:] * sl.v
    assert np.linalg.norm(rebuilt - path) / np.linalg.norm(path - sl.centre) < 0.5  # 2 PCs hold most of it


def test_random_slice_directions_are_orthogonal_and_seeded():
    theta = np.random.default_rng(0).normal(size=9)
    a, b = random_slice(theta, 3, 2, seed=4), random_slice(theta, 3, 2, seed=4)
    assert abs(a.u @ a.v) < 1e-9 and np.array_equal(a.u, b.u)


def test_surface_minimum_moves_toward_zero_when_lambda_grows():
    X, y = problem(3)
    theta = np.zeros(9)
    sl = param_slice(theta, 0, 1, 3, 2, span=4, res=41)
    mins = []
    for lam in (0.0, 1.0):
        s = loss_surface(X, y, TrainConfig(reg=RegConfig("l2", lam)), sl, 3).total
        r, c = np.unravel_index(s.argmin(), s.shape)
        mins.append(np.hypot(sl.alphas[c], sl.betas[r]))
    assert mins[1] < mins[0] or mins[0] == 0


def test_the_surface_of_a_diverged_run_is_computed_quietly():
    """The slice of a diverged run spans ~1e150: float32 overflows. The cells become inf / nan
    (the views draw the finite ones) and NumPy says nothing."""
    import warnings

    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(12, 2)), np.repeat([0, 1, 2], 4)
    cfg = TrainConfig(reg=RegConfig("l2", 0.1))
    centre = np.full(9, 1e150)
    sl = param_slice(centre, 0, 1, 3, 2, span=1e150, res=8)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        surface = loss_surface(X, y, cfg, sl, 3)
    assert surface.total.shape == (8, 8) and not np.isfinite(surface.total).all()


@pytest.mark.parametrize("n_classes", [2, 3, 5])
@pytest.mark.parametrize("span", [3.0, 40.0], ids=["exp per grid line", "max-shifted"])
def test_softmax_surface_equals_per_cell_evaluation_for_small_and_large_scores(n_classes, span):
    """Small scores take the separable path (an exp per grid line, a product per cell); scores
    past float32's comfort take the max-shifted one. Both equal the per-cell loss."""
    X, y = problem(seed=n_classes, n=60, c=n_classes)
    cfg = TrainConfig(loss=LossConfig("softmax"), reg=RegConfig("l2", lam=0.1), steps=10)
    h = train(X, y, cfg, n_classes)
    theta = flatten(h.W[-1], h.b[-1])
    sl = param_slice(theta, 0, 1, n_classes, 2, span=span, res=23)
    fast, slow = loss_surface(X, y, cfg, sl, n_classes), loss_surface_naive(X, y, cfg, sl, n_classes)
    np.testing.assert_allclose(fast.data, slow.data, rtol=1e-5, atol=1e-5)
