"""Training records the objective, is deterministic, branches, stops and survives divergence."""

import numpy as np
import pytest

from linviz.engine.features import FEATURE_MAPS, FeatureMap
from linviz.engine.gradcheck import check_objective
from linviz.engine.losses import LossConfig
from linviz.engine.optimizers import OPTIMIZERS, Optimizer, Schedule
from linviz.engine.regularizers import REG_KINDS, RegConfig
from linviz.engine.training import TrainConfig, evaluate, train

CS231N_X = np.array([[0.5, 0.4], [0.8, 0.3], [0.3, 0.8], [-0.4, 0.3], [-0.3, 0.7], [-0.7, 0.2],
                     [0.7, -0.4], [0.5, -0.6], [-0.4, -0.5]])
CS231N_Y = np.repeat([0, 1, 2], 3)
CS231N_W = np.array([[1.0, 2.0], [2.0, -4.0], [3.0, -1.0]])
CS231N_B = np.array([0.0, 0.5, -0.5])


def blobs(seed=0, n=60, c=3):
    rng = np.random.default_rng(seed)
    centres = 2 * np.stack([np.cos(2 * np.pi * np.arange(c) / c), np.sin(2 * np.pi * np.arange(c) / c)], 1)
    y = np.repeat(np.arange(c), n // c)
    return centres[y] + 0.5 * rng.normal(size=(len(y), 2)), y


@pytest.mark.parametrize("loss", [LossConfig(), LossConfig("softmax"), LossConfig(variant="ova"),
                                  LossConfig(variant="structured"), LossConfig(squared=True, all_classes=True)])
@pytest.mark.parametrize("reg", REG_KINDS)
def test_objective_gradient_matches_numerical(loss, reg):
    X, y = blobs(1, n=12)
    rng = np.random.default_rng(2)
    for include_bias in (False, True):
        cfg = TrainConfig(loss=loss, reg=RegConfig(reg, lam=0.3, beta=0.7, include_bias=include_bias))
        check = check_objective(rng.normal(size=(3, 2)), rng.normal(size=3), X, y, cfg)
        np.testing.assert_allclose(check.analytic_W, check.numeric_W, rtol=1e-6, atol=1e-8)
        np.testing.assert_allclose(check.analytic_b, check.numeric_b, rtol=1e-6, atol=1e-8)
        assert check.max_relative_error < 1e-3


def test_full_batch_descends_and_records_every_step():
    X, y = blobs()
    h = train(X, y, TrainConfig(reg=RegConfig("l2", 0.01), lr=0.1, steps=100), 3)
    assert len(h) == 101 and h.stop_reason == "steps"
    assert np.all(np.diff(h.loss) <= 1e-12)  # small steps on a convex objective never go up
    assert h.train_acc[-1] > 0.95
    np.testing.assert_allclose(h.loss, h.data_loss + h.reg_loss)
    ev = evaluate(h.W[37], h.b[37], X, y, h.config)
    # the recorded step is the objective at its W (the compiled loop sums in another order)
    assert ev.loss == pytest.approx(h.loss[37], rel=1e-12)
    np.testing.assert_allclose(ev.grad_W, h.grad_W[37], rtol=1e-10, atol=1e-15)


def test_step_zero_is_the_given_start():
    h = train(CS231N_X, CS231N_Y, TrainConfig(steps=3), 3, W0=CS231N_W, b0=CS231N_B)
    np.testing.assert_array_equal(h.W[0], CS231N_W)
    np.testing.assert_array_equal(h.b[0], CS231N_B)
    # the first update is exactly W − α ∇W
    np.testing.assert_allclose(h.W[1], CS231N_W - 0.1 * h.grad_W[0])


def test_same_seed_same_history_bit_for_bit():
    X, y = blobs(3)
    cfg = TrainConfig(lr=0.05, batch_size=7, optimizer=Optimizer("adam"), steps=80, seed=11)
    a, b = train(X, y, cfg, 3), train(X, y, cfg, 3)
    for name in ("W", "b", "loss", "grad_W", "train_acc"):
        assert np.array_equal(getattr(a, name), getattr(b, name))
    c = train(X, y, TrainConfig(lr=0.05, batch_size=7, optimizer=Optimizer("adam"), steps=80, seed=12), 3)
    assert not np.array_equal(a.W, c.W)


@pytest.mark.parametrize("opt", OPTIMIZERS)
def test_continuing_from_a_step_with_the_same_settings_reproduces_the_run(opt):
    X, y = blobs(4)
    cfg = TrainConfig(lr=0.05, batch_size=5, optimizer=Optimizer(opt), steps=60, seed=3)
    full = train(X, y, cfg, 3)
    head = train(X, y, TrainConfig(**{**cfg.__dict__, "steps": 25}), 3)
    cont = train(X, y, TrainConfig(**{**cfg.__dict__, "steps": 35}), 3, resume=(head, 25))
    assert len(cont) == len(full)
    assert np.array_equal(cont.W, full.W) and np.array_equal(cont.loss, full.loss)


def test_branch_with_changed_settings_keeps_the_prefix_and_the_parent():
    X, y = blobs(5)
    parent = train(X, y, TrainConfig(lr=0.1, steps=50), 3)
    before = parent.W.copy()
    branch = train(X, y, TrainConfig(lr=0.1, steps=30, reg=RegConfig("l2", 1.0)), 3, resume=(parent, 20))
    assert len(branch) == 51 and branch.parent is parent and branch.branch_step == 20
    np.testing.assert_array_equal(branch.W[:21], parent.W[:21])
    assert not np.allclose(branch.W[40], parent.W[40])
    assert np.linalg.norm(branch.W[-1]) < np.linalg.norm(parent.W[-1])  # stronger λ, smaller W
    np.testing.assert_array_equal(parent.W, before)


def test_edited_parameters_replace_the_step_and_training_continues():
    h = train(CS231N_X, CS231N_Y, TrainConfig(steps=10), 3, W0=CS231N_W, b0=CS231N_B)
    W_edit = h.W[5].copy()
    W_edit[0, 0] += 0.1
    e = train(CS231N_X, CS231N_Y, TrainConfig(steps=4), 3, W0=W_edit, b0=h.b[5], resume=(h, 5))
    assert len(e) == 10
    np.testing.assert_array_equal(e.W[5], W_edit)
    np.testing.assert_array_equal(e.W[:5], h.W[:5])


def test_tol_stops_when_the_loss_stops_changing():
    X, y = blobs(6)
    cfg = TrainConfig(loss=LossConfig("softmax"), lr=0.1, steps=10_000, tol=1e-6, gtol=0.0, reg=RegConfig("l2", 0.1))
    h = train(X, y, cfg, 3)
    assert h.stop_reason == "small_change" and len(h) < 10_001
    assert abs(h.loss[-1] - h.loss[-2]) < 1e-6 * 0.1 * h.loss[-2]  # relative change per unit rate < tol
    assert abs(h.loss[-2] - h.loss[-3]) >= 1e-6 * 0.1 * h.loss[-3]


def test_a_diverging_learning_rate_stops_at_the_last_finite_step():
    X, y = blobs(7)
    X = X * 1e3
    h = train(X, y, TrainConfig(lr=1e300, steps=50, reg=RegConfig("l2", 1.0)), 3)
    assert h.stop_reason == "diverged"
    assert np.isfinite(h.loss).all() and np.isfinite(h.W).all() and len(h) >= 1


def test_an_edit_whose_loss_overflows_ends_before_the_edit_without_a_numpy_warning():
    """The edited step is evaluated before the loop's errstate: an overflow there is "diverged"
    (the run stops at the step before the edit, which the caller checks), never a RuntimeWarning."""
    import warnings

    h = train(CS231N_X, CS231N_Y, TrainConfig(steps=10), 3, W0=CS231N_W, b0=CS231N_B)
    W_edit = h.W[5].copy()
    W_edit[0, 0] = 1e300  # λΣW² overflows
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e = train(CS231N_X, CS231N_Y, TrainConfig(steps=4, reg=RegConfig("l2", 0.1)), 3, W0=W_edit, b0=h.b[5],
                  resume=(h, 5))
    assert e.stop_reason == "diverged" and e.last == 4


def test_minibatches_depend_on_seed_and_step_only():
    X, y = blobs(8)
    h = train(X, y, TrainConfig(batch_size=4, steps=5, seed=9), 3)
    assert len(h.batch(3)) == 4 and len(set(h.batch(3))) == 4
    np.testing.assert_array_equal(h.batch(3), h.batch(3))
    assert not np.array_equal(h.batch(3), h.batch(4))


@pytest.mark.parametrize("kind", FEATURE_MAPS)
def test_feature_maps_make_circles_separable(kind):
    rng = np.random.default_rng(0)
    angle = rng.uniform(0, 2 * np.pi, 200)
    radius = np.where(np.arange(200) < 100, 0.5, 1.5) + 0.05 * rng.normal(size=200)
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    y = (np.arange(200) >= 100).astype(int)
    fm = FeatureMap(kind, n_components=100, gamma=1.0)
    h = train(X, y, TrainConfig(loss=LossConfig("softmax"), features=fm, lr=0.5, steps=400), 2)
    assert h.W.shape[-1] == fm.dim
    if kind == "identity":
        assert h.train_acc[-1] < 0.8  # no line separates two rings
    else:
        assert h.train_acc[-1] > 0.97


def test_max_norm_keeps_every_row_short():
    X, y = blobs(9)
    h = train(X, y, TrainConfig(lr=0.5, steps=50, reg=RegConfig("maxnorm", max_norm=0.5)), 3)
    assert np.linalg.norm(h.W[1:], axis=2).max() <= 0.5 + 1e-12


def test_test_split_accuracy_is_recorded():
    X, y = blobs(10)
    Xt, yt = blobs(11)
    h = train(X, y, TrainConfig(steps=20), 3, test=(Xt, yt))
    assert np.isfinite(h.test_acc).all() and h.test_acc[-1] > 0.9


def test_empty_data_trains_to_nothing_without_error():
    h = train(np.zeros((0, 2)), np.zeros(0, int), TrainConfig(steps=5, reg=RegConfig("l2", 0.1)), 3)
    assert len(h) == 6 and np.all(h.data_loss == 0)


def test_lambda_and_delta_trade_off():
    """Δ = 100 with λ/100 (and a step 100× larger) gives W scaled by 100 and the same
    classifier: the hinge scales with Δ, so only Δ and λ together matter."""
    X, y = blobs(12)
    small = train(X, y, TrainConfig(loss=LossConfig(delta=1.0), reg=RegConfig("l2", 0.1), lr=0.01, steps=300), 3,
                  init="zeros")
    big = train(X, y, TrainConfig(loss=LossConfig(delta=100.0), reg=RegConfig("l2", 0.1 / 100),
                                  lr=0.01 * 100, steps=300), 3, init="zeros")
    np.testing.assert_allclose(big.W[-1], 100 * small.W[-1], rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(big.train_acc, small.train_acc)


def test_learning_rate_schedule_is_recorded():
    X, y = blobs(13)
    h = train(X, y, TrainConfig(lr=0.2, steps=30, schedule=Schedule("step", gamma=0.5, every=10)), 3)
    assert h.lr[0] == 0.2 and h.lr[10] == 0.1 and h.lr[25] == 0.05


def test_bad_training_settings_are_refused():
    with pytest.raises(ValueError, match="learning rate"):
        TrainConfig(lr=0)
    with pytest.raises(ValueError, match="batch size"):
        TrainConfig(batch_size=0)


def test_regions_of_a_diverging_run_stay_drawable():
    """W near float64's limit (a diverging run) must not overflow the float32 regions."""
    from linviz.engine.regions import Grid, linear_regions

    grid = Grid.make((-3, 3), (-3, 3), 50)
    W = np.array([[1e300, -2e299], [-3e299, 1e300], [0.0, 1.0]])
    r = linear_regions(W, np.array([1e299, 0.0, 0.0]), grid)
    assert np.isfinite(r.confidence).all() and r.confidence.min() >= 0 and r.confidence.max() <= 1
    expected = (grid.points @ (W / 1e299).T + np.array([1.0, 0, 0])).argmax(axis=1).reshape(grid.shape)
    assert (r.winner == expected).mean() > 0.99


def test_a_branch_with_new_settings_takes_its_first_step_with_the_new_gradient():
    X, y = blobs(14)
    parent = train(X, y, TrainConfig(lr=0.1, steps=30, reg=RegConfig("l2", 0.01)), 3)
    new = TrainConfig(lr=0.1, steps=5, reg=RegConfig("l2", 2.0))
    branch = train(X, y, new, 3, resume=(parent, 10))
    fresh = evaluate(parent.W[10], parent.b[10], X, y, new)
    assert branch.loss[10] == fresh.loss and np.array_equal(branch.grad_W[10], fresh.grad_W)
    np.testing.assert_allclose(branch.W[11], parent.W[10] - 0.1 * fresh.grad_W)


def test_l1_with_sgd_reaches_exact_zeros_and_l2_does_not():
    """The lecture: L1 makes weights zero. Proximal SGD lands on 0; L2 only shrinks."""
    X, y = blobs(15)
    fm = FeatureMap("poly3")
    l1 = train(X, y, TrainConfig(features=fm, reg=RegConfig("l1", 0.05), lr=0.01, steps=600), 3)
    l2 = train(X, y, TrainConfig(features=fm, reg=RegConfig("l2", 0.05), lr=0.01, steps=600), 3)
    assert (l1.W[-1] == 0).sum() >= 5
    assert (l2.W[-1] == 0).sum() == 0
    sub = train(X, y, TrainConfig(features=fm, reg=RegConfig("l1", 0.05, proximal=False), lr=0.01, steps=600), 3)
    assert (sub.W[-1] == 0).sum() == 0  # the subgradient only jitters around 0
    assert l1.train_acc[-1] > 0.9


def test_proximal_l1_step_is_the_soft_threshold_of_the_smooth_step():
    X, y = blobs(16)
    cfg = TrainConfig(reg=RegConfig("l1", 0.3), lr=0.2, steps=1)
    h = train(X, y, cfg, 3, W0=np.array([[0.05, -1.0], [0.5, 0.01], [-0.2, 0.3]]), b0=np.zeros(3))
    smooth = h.grad_W[0] - 0.3 * np.sign(h.W[0])
    step = h.W[0] - 0.2 * smooth
    np.testing.assert_allclose(h.W[1], np.sign(step) * np.maximum(np.abs(step) - 0.06, 0))
