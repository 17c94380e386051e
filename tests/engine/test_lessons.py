"""The lecture's demonstrations: each lesson's figures meet what the lecture predicts."""

import math
from dataclasses import replace

import numpy as np
import pytest

from linviz.engine import lessons
from linviz.engine.datasets import make_preset
from linviz.engine.features import FeatureMap
from linviz.engine.losses import LossConfig, svm_loss
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import TrainConfig, initial_params, train

CFG = TrainConfig(reg=RegConfig("l2", 0.1), lr=0.1, steps=300)


def figure(lesson, start):
    """The figure whose English text is, or else starts with, ``start``."""
    found = [f for f in lesson.figures if f.text == start] or [f for f in lesson.figures if f.text.startswith(start)]
    assert len(found) == 1, f"{start!r} matches {[f.text for f in found]}"
    return found[0]


def trained(ds, cfg=CFG):
    h = train(ds.X, ds.y, cfg, ds.n_classes, init="zeros")
    return h.W[h.last], h.b[h.last]


def test_figure_relations():
    assert lessons.Figure("a", 2.0005, 2.0, "≈", 1e-3).holds
    assert not lessons.Figure("a", 2.01, 2.0, "≈", 1e-3).holds
    assert lessons.Figure("a", 0.0, 0.0, "=").holds and not lessons.Figure("a", 1e-12, 0.0, "=").holds
    assert lessons.Figure("a", 3.0, 2.0, ">").holds and lessons.Figure("a", 2.0, 2.0, "≥").holds
    assert lessons.Figure("a", 1.0, 2.0, "≠").holds and lessons.Figure("a", 1.0).holds is None
    assert not lessons.Figure("a", math.nan, 0.0, "<").holds
    assert lessons.Figure("d = {0}", 1.0, args=(4,)).text == "d = 4"
    with pytest.raises(ValueError, match="relation"):
        lessons.Figure("a", 1.0, 1.0, "~")


@pytest.mark.parametrize("name", ["cs231n", "blobs", "moons", "iris"])
def test_small_w_loss_is_c_minus_one_delta_and_ln_c(name):
    ds = make_preset(name)
    W, b = initial_params(ds.n_classes, 2, "random", 0, 1e-3)
    lesson = lessons.small_w_loss(ds, W, b)
    svm, soft = lesson.figures[0], lesson.figures[1]
    assert lesson.holds and lesson.measured == svm.measured
    assert svm.expected == ds.n_classes - 1 and svm.measured == pytest.approx(ds.n_classes - 1, abs=1e-2)
    assert soft.measured == pytest.approx(math.log(ds.n_classes), abs=1e-2)
    exact = lessons.small_w_loss(ds, *initial_params(ds.n_classes, 2, "zeros"), delta=2.0)
    assert exact.measured == 2.0 * (ds.n_classes - 1) and exact.figures[1].measured == pytest.approx(
        math.log(ds.n_classes), rel=1e-12)


def test_small_w_loss_on_the_cs231n_points_within_1e_3():
    ds = make_preset("cs231n")
    W, b = initial_params(3, 2, "random", 0, 1e-3)
    assert lessons.small_w_loss(ds, W, b).measured == pytest.approx(2.0, abs=1e-3)


def test_small_w_svm_figure_is_the_recorded_data_loss():
    ds = make_preset("cs231n")
    W, b = initial_params(3, 2, "random", 0, 1e-3)
    h = train(ds.X, ds.y, replace(CFG, steps=0), 3, W0=W, b0=b)
    assert lessons.small_w_loss(ds, W, b).measured == h.data_loss[0]


@pytest.mark.parametrize("delta", [1.0, 2.5])
def test_summing_over_all_classes_adds_exactly_delta(delta):
    ds = make_preset("blobs")
    W, b = trained(ds)
    lesson = lessons.all_classes_sum(ds, W, b, delta)
    assert lesson.holds
    base = svm_loss(ds.X @ W.T + b, ds.y, delta)[0]
    assert lesson.measured == pytest.approx(base + delta, rel=1e-12)
    assert figure(lesson, "smallest growth").measured == pytest.approx(delta, rel=1e-12)
    assert figure(lesson, "largest growth").measured == pytest.approx(delta, rel=1e-12)


def test_mean_over_classes_divides_by_c_minus_one_and_keeps_the_regions():
    ds = make_preset("blobs", n_classes=4)
    lesson = lessons.mean_over_classes(ds, CFG)
    assert lesson.holds
    summed = figure(lesson, "final data loss with the sum").measured
    assert lesson.measured == pytest.approx(summed / 3, rel=1e-9)
    assert figure(lesson, "share of points classified alike").measured == 1.0
    cfg = lessons.mean_config(CFG, 4)
    assert cfg.loss.mean_over_classes and cfg.reg.lam == pytest.approx(0.1 / 3) and cfg.lr == pytest.approx(0.3)


def test_squared_hinge_squares_the_largest_violation():
    ds = make_preset("cs231n")
    lesson = lessons.squared_hinge(ds, CFG, ds.W0, ds.b0)
    m = figure(lesson, "largest hinge term at the start").measured
    assert m > 1 and lesson.measured == pytest.approx(m * m)
    hinge0 = figure(lesson, "data loss at the start, hinge").measured
    assert figure(lesson, "data loss at the start, squared").measured > hinge0  # big violations weigh more
    assert figure(lesson, "largest violation after training, squared").measured < \
        figure(lesson, "largest violation after training, hinge").measured
    assert 0 < figure(lesson, "share of the plane").measured < 0.5


@pytest.mark.parametrize("name", ["blobs", "cs231n"])
def test_delta_and_lambda_trade_off_scales_w_by_100(name):
    ds = make_preset(name)
    lesson = lessons.delta_lambda_tradeoff(ds, CFG, 100.0)
    assert lesson.holds
    assert lesson.measured == pytest.approx(100.0, rel=1e-9)
    acc = figure(lesson, "accuracy with Δ′").measured
    assert acc == figure(lesson, "accuracy with Δ =").measured
    cfg = lessons.scaled_delta_config(CFG, 100.0)
    assert (cfg.loss.delta, cfg.lr) == (100.0, pytest.approx(10.0)) and cfg.reg.lam == pytest.approx(1e-3)


def test_a_correct_point_moved_a_little_keeps_its_svm_loss_at_zero():
    ds = make_preset("blobs")
    W, b = trained(ds)
    index, xy = lessons.pick_correct_point(ds, W, b)
    assert 0 < np.hypot(*(np.array(xy) - ds.X[index])) <= 0.5
    lesson = lessons.correct_point_moves(ds, W, b, index, xy)
    assert lesson.holds
    assert figure(lesson, "SVM Lᵢ before").measured == 0.0 and figure(lesson, "SVM Lᵢ after").measured == 0.0
    assert figure(lesson, "Softmax Lᵢ after").measured != figure(lesson, "Softmax Lᵢ before").measured
    assert figure(lesson, "margin slack after").measured > 0


def test_no_point_to_pick_when_none_has_room():
    ds = make_preset("blobs")
    assert lessons.pick_correct_point(ds, np.zeros((3, 2)), np.zeros(3)) is None


def test_the_loss_is_zero_at_best_and_grows_without_bound():
    ds = make_preset("separable")
    W, b = trained(ds, replace(CFG, reg=RegConfig("none")))
    lesson = lessons.loss_extremes(ds, W, b, index=0)
    assert lesson.holds and lesson.measured == 0.0
    rows = [f for f in lesson.figures if f.text.startswith("Lᵢ, point moved")]
    values = [f.measured for f in rows]
    assert len(values) == 7 and values == sorted(values) and values[-1] > 50
    assert figure(lesson, "growth of Lᵢ per unit").holds


def test_room_in_plane():
    assert lessons.room_in_plane([0.0, 0.0], [1.0, 0.0]) == pytest.approx(3.0)
    u = np.array([1.0, 1.0]) / np.sqrt(2)
    assert lessons.room_in_plane([2.0, 0.0], u) == pytest.approx(np.sqrt(2))


def test_svm_is_satisfied_softmax_always_wants_more():
    lesson = lessons.svm_vs_softmax(make_preset("separable"), CFG)
    assert lesson.holds
    assert figure(lesson, "SVM data loss at the end").measured == 0.0
    assert figure(lesson, "Softmax data loss at the end").measured > 0
    assert figure(lesson, "SVM: ‖W‖ growth").measured == 0.0
    assert figure(lesson, "Softmax: ‖W‖ growth").measured > 0.1


def test_regularisation_shrinks_w_and_widens_the_margin():
    lesson = lessons.regularisation_margin(make_preset("blobs"), CFG, 0.3)
    assert lesson.holds
    assert lesson.measured < figure(lesson, "‖W‖, λ = 0").measured


def test_l1_sets_weights_to_zero_on_poly3_features():
    cfg = replace(CFG, features=FeatureMap("poly3"))
    lesson = lessons.l1_zeros(make_preset("blobs"), cfg, 0.05)
    assert lesson.holds
    assert lesson.measured >= 10 and figure(lesson, "L2 (poly3): weights").measured <= 2


def test_smaller_batches_give_noisier_loss_curves():
    lesson = lessons.batch_noise(make_preset("blobs"), CFG)
    assert lesson.holds
    full, b32, sgd = (f.measured for f in lesson.figures)
    assert full < b32 < sgd


def test_naive_loop_stops_when_the_change_falls_under_tol():
    ds = make_preset("blobs")
    lesson = lessons.naive_sgd_loop(ds, CFG, batch_size=32, tol=1e-3)
    steps = lesson.figures[0].measured
    assert 1 <= steps < 10_000
    stricter = lessons.naive_sgd_loop(ds, CFG, batch_size=32, tol=1e-9, max_iter=500)
    assert stricter.figures[0].measured >= steps


def test_feature_maps_separate_the_circles():
    lesson = lessons.kernels(make_preset("circles"), CFG)
    assert lesson.holds
    identity, poly2, polar = (f.measured for f in lesson.figures)
    assert identity < 0.8 and poly2 == pytest.approx(1.0, abs=0.02) and polar == pytest.approx(1.0, abs=0.02)


def test_combine_keeps_every_figure_and_fails_if_one_fails():
    good = lessons.small_w_loss(make_preset("cs231n"), np.zeros((3, 2)), np.zeros(3))
    bad = lessons.Lesson((lessons.Figure("x", 1.0, 0.0, "="),), "no")
    both = lessons.combine(good, bad)
    assert len(both.figures) == len(good.figures) + 1 and not both.holds
    assert both.verdict.startswith("Not as predicted")


def test_lessons_do_not_use_qt():
    source = open(lessons.__file__, encoding="utf-8").read()
    assert "PySide6" not in source and "pyqtgraph" not in source


def test_squared_hinge_uses_the_configs_delta():
    ds = make_preset("cs231n")
    cfg = replace(CFG, loss=LossConfig(delta=2.0))
    lesson = lessons.squared_hinge(ds, cfg, ds.W0, ds.b0)
    assert figure(lesson, "largest hinge term at the start").measured == pytest.approx(6.0)
