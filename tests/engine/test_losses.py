"""Every data loss against its loop twin, numerical gradients and the lecture's identities."""

import itertools

import numpy as np
import pytest

from linviz.engine.gradcheck import numerical_gradient, relative_error
from linviz.engine.losses import (
    LossConfig,
    data_loss,
    least_squares_loss,
    least_squares_loss_loop,
    ova_hinge_loss,
    ova_hinge_loss_loop,
    per_example_terms,
    softmax_loss,
    softmax_loss_loop,
    structured_svm_loss,
    structured_svm_loss_loop,
    svm_loss,
    svm_loss_loop,
)

SVM_SWITCHES = list(itertools.product([False, True], repeat=3))  # all_classes, mean, squared
ALL_CONFIGS = (
    [LossConfig("svm", "ww", 1.0, a, m, s) for a, m, s in SVM_SWITCHES]
    + [LossConfig("svm", "ova", 1.0, False, m, s) for m in (False, True) for s in (False, True)]
    + [LossConfig("svm", "structured", 1.0, squared=s) for s in (False, True)]
    + [LossConfig("softmax"), LossConfig("lsq")]
)


def random_problem(seed, n=None, c=None):
    rng = np.random.default_rng(seed)
    n = n or int(rng.integers(1, 12))
    c = c or int(rng.integers(2, 11))
    return rng.normal(0, 2, size=(n, c)), rng.integers(0, c, size=n)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("all_classes,mean,squared", SVM_SWITCHES)
def test_svm_vectorised_equals_loop(seed, all_classes, mean, squared):
    scores, y = random_problem(seed)
    delta = 0.5 + seed % 3
    loss, grad = svm_loss(scores, y, delta, all_classes, mean, squared)
    loss_l, grad_l = svm_loss_loop(scores, y, delta, all_classes, mean, squared)
    assert loss == pytest.approx(loss_l, rel=1e-12, abs=1e-12)
    np.testing.assert_allclose(grad, grad_l, atol=1e-12)


@pytest.mark.parametrize("seed", range(8))
def test_other_losses_vectorised_equal_loops(seed):
    scores, y = random_problem(seed)
    for squared in (False, True):
        for mean in (False, True):
            a, b = ova_hinge_loss(scores, y, 1.3, mean, squared), ova_hinge_loss_loop(scores, y, 1.3, mean, squared)
            assert a[0] == pytest.approx(b[0]) and np.allclose(a[1], b[1])
        a, b = structured_svm_loss(scores, y, 0.7, squared), structured_svm_loss_loop(scores, y, 0.7, squared)
        assert a[0] == pytest.approx(b[0]) and np.allclose(a[1], b[1])
    a, b = softmax_loss(scores, y), softmax_loss_loop(scores, y)
    assert a[0] == pytest.approx(b[0]) and np.allclose(a[1], b[1])
    a, b = least_squares_loss(scores, y), least_squares_loss_loop(scores, y)
    assert a[0] == pytest.approx(b[0], rel=1e-12) and np.allclose(a[1], b[1], atol=1e-15)


def test_least_squares_punishes_scores_that_are_right_by_a_lot():
    # the lecture's "why not least squares?": a correct score of 3 costs more than a wrong tie
    confident, unsure = np.array([[3.0, 0.0, 0.0]]), np.array([[0.5, 0.5, 0.0]])
    y = np.array([0])
    assert least_squares_loss(confident, y)[0] == pytest.approx(0.5 * 2**2)
    assert least_squares_loss(unsure, y)[0] == pytest.approx(0.5 * (0.25 + 0.25))
    assert svm_loss(confident, y)[0] == 0.0 < svm_loss(unsure, y)[0]


@pytest.mark.parametrize("cfg", ALL_CONFIGS, ids=str)
@pytest.mark.parametrize("seed", range(5))
def test_gradient_matches_numerical(cfg, seed):
    scores, y = random_problem(100 + seed)
    _, grad = data_loss(scores, y, cfg)
    num = numerical_gradient(lambda s: data_loss(s, y, cfg)[0], scores, h=1e-5)
    # hinge kinks within h of a score are measure-zero for random normal scores
    assert relative_error(grad, num).max() < 1e-5


@pytest.mark.parametrize("cfg", ALL_CONFIGS, ids=str)
def test_per_example_terms_sum_to_the_loss(cfg):
    scores, y = random_problem(7, n=6, c=4)
    terms = per_example_terms(scores, y, cfg)
    assert terms.sum(axis=1).mean() == pytest.approx(data_loss(scores, y, cfg)[0])


def test_lecture_worked_example():
    """cat / car / frog: L = 2.9, 0, 12.9; loss = 5.27 (Δ = 1)."""
    scores = np.array([[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]])
    y = np.array([0, 1, 2])
    terms = per_example_terms(scores, y, LossConfig())
    np.testing.assert_allclose(terms.sum(axis=1), [2.9, 0.0, 12.9], atol=1e-12)
    assert data_loss(scores, y, LossConfig())[0] == pytest.approx(5.2667, abs=1e-4)


@pytest.mark.parametrize("c", [2, 3, 10])
def test_loss_at_small_weights(c):
    """s ≈ 0 gives L_i ≈ (C − 1)·Δ for the SVM and ln C for Softmax."""
    rng = np.random.default_rng(c)
    scores, y = 1e-6 * rng.normal(size=(50, c)), rng.integers(0, c, 50)
    for delta in (1.0, 2.5):
        assert data_loss(scores, y, LossConfig(delta=delta))[0] == pytest.approx((c - 1) * delta, rel=1e-4)
    assert data_loss(scores, y, LossConfig("softmax"))[0] == pytest.approx(np.log(c), rel=1e-4)


def test_summing_over_all_classes_adds_delta():
    scores, y = random_problem(3, n=20, c=5)
    for delta in (1.0, 3.0):
        plain = data_loss(scores, y, LossConfig(delta=delta))[0]
        every = data_loss(scores, y, LossConfig(delta=delta, all_classes=True))[0]
        assert every == pytest.approx(plain + delta)


def test_mean_over_classes_is_a_scale():
    scores, y = random_problem(4, n=20, c=5)
    assert data_loss(scores, y, LossConfig(mean_over_classes=True))[0] == pytest.approx(
        data_loss(scores, y, LossConfig())[0] / 4
    )


def test_small_change_to_a_correct_example_keeps_its_loss_zero():
    """The car column: s_car beats the others by more than Δ, so wiggles change nothing."""
    scores, y = np.array([[1.3, 4.9, 2.0]]), np.array([1])
    for wiggle in (-0.5, 0.3, 0.8):
        moved = scores + np.array([[wiggle, 0.0, -wiggle]])
        assert data_loss(moved, y, LossConfig())[0] == 0.0
    assert data_loss(scores, y, LossConfig("softmax"))[0] > 0.0  # Softmax always wants more


def test_squared_hinge_punishes_large_violations_more():
    scores, y = np.array([[3.2, 5.1, -1.7]]), np.array([0])
    assert data_loss(scores, y, LossConfig(squared=True))[0] == pytest.approx(2.9**2)


def test_softmax_is_stable_for_huge_scores():
    scores = np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 1e4]])
    loss, grad = softmax_loss(scores, np.array([1, 0]))
    assert np.isfinite(loss) and np.isfinite(grad).all()
    assert loss == pytest.approx((2e4 + (2e4 + np.log(2))) / 2)


def test_bad_config_is_refused():
    with pytest.raises(ValueError, match="variant"):
        LossConfig(variant="nope")
    with pytest.raises(ValueError, match="Δ"):
        LossConfig(delta=-1)
