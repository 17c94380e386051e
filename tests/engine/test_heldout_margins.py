"""Held-out points, the λ and k sweeps, and the losses as functions of the margin."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from linviz.engine.datasets import make_preset
from linviz.engine.features import FeatureMap
from linviz.engine.heldout import heldout_curve, knn_sweep, lambda_sweep, random_split
from linviz.engine.knn import KNearestNeighbors
from linviz.engine.optimizers import Optimizer
from linviz.engine.losses import LossConfig, data_loss, per_example_terms
from linviz.engine.margins import LOSSES, loss_of_margin, margins
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import TrainConfig, train

CFG = TrainConfig(reg=RegConfig("l2", 0.1), lr=0.1, steps=120)


def test_a_split_is_seeded_and_keeps_training_points():
    a, b = random_split(50, 0.3, seed=4), random_split(50, 0.3, seed=4)
    assert np.array_equal(a, b) and a.sum() == 15
    assert not np.array_equal(a, random_split(50, 0.3, seed=5))
    assert random_split(1, 0.9).sum() == 0  # the only point trains
    with pytest.raises(ValueError):
        random_split(10, 1.0)


def test_a_split_is_stable_when_a_point_is_added():
    """Adding a point must not reshuffle the held-out points on the teacher's screen: at most the
    new point and one other change side (the count follows ⌊n·share⌉)."""
    for n in range(5, 60):
        a, b = random_split(n, 0.3, seed=7), random_split(n + 1, 0.3, seed=7)
        assert b.sum() == round((n + 1) * 0.3)
        assert (a != b[:n]).sum() <= 1, n


def test_held_out_points_never_enter_a_gradient():
    ds = make_preset("blobs", n_per_class=12, seed=2)
    mask = random_split(len(ds), 0.3, seed=1)
    Xtr, ytr = ds.X[~mask], ds.y[~mask]
    moved = ds.X.copy()
    moved[mask] = np.random.default_rng(0).uniform(-3, 3, size=(mask.sum(), 2))  # held-out points anywhere
    h1 = train(Xtr, ytr, CFG, ds.n_classes, init="zeros", test=(ds.X[mask], ds.y[mask]))
    h2 = train(moved[~mask], ytr, CFG, ds.n_classes, init="zeros", test=(moved[mask], ds.y[mask]))
    np.testing.assert_array_equal(h1.W, h2.W)
    np.testing.assert_array_equal(h1.loss, h2.loss)
    assert not np.array_equal(h1.test_acc, h2.test_acc)  # …while what is measured on them changes


def test_the_held_out_curve_is_the_data_loss_step_by_step():
    ds = make_preset("blobs", n_per_class=10, seed=3)
    mask = random_split(len(ds), 0.4, seed=2)
    for cfg in (CFG, replace(CFG, loss=LossConfig("softmax"), features=FeatureMap("poly2")),
                replace(CFG, loss=LossConfig("lsq")), replace(CFG, loss=LossConfig("svm", "structured", squared=True)),
                replace(CFG, loss=LossConfig("svm", "ova", mean_over_classes=True))):
        h = train(ds.X[~mask], ds.y[~mask], cfg, ds.n_classes, init="zeros", test=(ds.X[mask], ds.y[mask]))
        loss, acc = heldout_curve(h, ds.X[mask], ds.y[mask])
        phi = cfg.features.transform(ds.X[mask])
        for t in range(len(h)):  # the loop twin
            s = phi @ h.W[t].T + h.b[t]
            assert loss[t] == pytest.approx(data_loss(s, ds.y[mask], cfg.loss)[0], rel=1e-12)
            assert acc[t] == pytest.approx((s.argmax(1) == ds.y[mask]).mean())
        np.testing.assert_allclose(acc, h.test_acc[:len(h)])  # the engine's own record agrees


def test_the_lambda_sweep_equals_separate_runs():
    ds = make_preset("moons", n_per_class=15, seed=1)
    mask = random_split(len(ds), 0.3, seed=0)
    lams = [0.0, 0.01, 0.3]
    sweep = lambda_sweep(ds.X, ds.y, mask, CFG, lams, ds.n_classes)
    for k, lam in enumerate(lams):
        h = train(ds.X[~mask], ds.y[~mask], replace(CFG, reg=RegConfig("l2", lam)), ds.n_classes, init="zeros",
                  test=(ds.X[mask], ds.y[mask]))
        assert sweep.train_acc[k] == h.train_acc[h.last] and sweep.test_acc[k] == h.test_acc[h.last]
        assert sweep.train_loss[k] == h.data_loss[h.last]


def test_why_regularise_held_out_accuracy_peaks_at_a_middle_lambda():
    """The lecture's claim, measured: a rich feature map (128 random Fourier features) on 16
    noisy training points fits them perfectly without λ, yet predicts the 64 held-out points
    best with a middle λ; too much λ underfits both. Averaged over four draws of the data."""
    lams = [0.0, 1e-3, 1e-2, 0.1, 1.0]
    cfg = TrainConfig(features=FeatureMap("rbf", n_components=128, gamma=2.0), reg=RegConfig("l2", 0.0), lr=0.05,
                      steps=800, optimizer=Optimizer("adam"))
    test_acc, train_acc = [], []
    for seed in (0, 1, 3, 4):
        ds = make_preset("moons", n_per_class=40, noise=0.35, seed=seed)
        sweep = lambda_sweep(ds.X, ds.y, random_split(len(ds), 0.8, seed=seed), cfg, lams, ds.n_classes)
        test_acc.append(sweep.test_acc)
        train_acc.append(sweep.train_acc)
    test_acc, train_acc = np.mean(test_acc, axis=0), np.mean(train_acc, axis=0)
    best = int(np.argmax(test_acc))
    assert 0 < best < len(lams) - 1, test_acc
    assert train_acc[0] == 1.0 and test_acc[best] >= test_acc[0] + 0.03  # λ = 0 overfits
    assert train_acc[-1] < 0.8 and test_acc[-1] < test_acc[best] - 0.1  # λ = 1 underfits


def test_the_knn_sweep_equals_separate_classifiers():
    ds = make_preset("spiral", n_per_class=15, seed=2)
    mask = random_split(len(ds), 0.3, seed=1)
    sweep = knn_sweep(ds.X, ds.y, mask, [1, 3, 7], "l1", ds.n_classes)
    for k, n in enumerate([1, 3, 7]):
        m = KNearestNeighbors(n, "l1").fit(ds.X[~mask], ds.y[~mask], ds.n_classes)
        assert sweep.test_acc[k] == (m.predict(ds.X[mask]) == ds.y[mask]).mean()


def test_margins_against_a_loop():
    rng = np.random.default_rng(0)
    s, y = rng.normal(size=(30, 4)), rng.integers(0, 4, 30)
    loop = [s[i, y[i]] - max(s[i, j] for j in range(4) if j != y[i]) for i in range(30)]
    np.testing.assert_allclose(margins(s, y), loop)


@pytest.mark.parametrize("kind", [k for k in LOSSES if k != "zero_one"])
def test_each_curve_is_the_engines_loss_at_that_margin(kind):
    m = np.linspace(-4, 4, 81)
    for s in (np.column_stack([np.zeros_like(m), m]), np.column_stack([-m / 2, m / 2])):
        y = np.ones(len(m), np.int64)
        assert np.allclose(margins(s, y), m)
        if kind == "least_squares":
            engine = per_example_terms(s, y, LossConfig("lsq")).sum(axis=1)  # ½‖s − e_y‖², the engine's loss
            if s[0, 0] == 0:  # only the symmetric scores are a function of m alone
                continue
        else:
            cfg = {"hinge": LossConfig("svm", delta=1.0), "squared_hinge": LossConfig("svm", squared=True),
                   "cross_entropy": LossConfig("softmax")}[kind]
            engine = per_example_terms(s, y, cfg).sum(axis=1)
        np.testing.assert_allclose(loss_of_margin(kind, m), engine, atol=1e-12)


def test_the_zero_one_loss_counts_mistakes():
    s = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    assert list(loss_of_margin("zero_one", margins(s, np.array([0, 0, 0])))) == [0.0, 1.0, 1.0]
