"""Linear models and kNN on images: the blocked objective, mini-batch training, the data
preparation, the search, the pictures — on small synthetic sets, then on real CIFAR-10."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from linviz.engine.cifar import CifarData, load_cifar10
from linviz.engine.image_training import (
    ImageTrainConfig,
    auto_block_rows,
    confusion_matrix,
    fit_knn,
    fit_linear,
    full_loss_and_grad,
    full_loss_and_grad_plain,
    hyperparameter_search,
    knn_accuracy,
    knn_accuracy_by_k,
    per_class_accuracy,
    prepare,
    recommended_config,
    templates,
)
from linviz.engine.losses import LossConfig
from linviz.engine.optimizers import Optimizer
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import TrainConfig, evaluate

CIFAR_DIR = Path(__file__).resolve().parents[2].parent / "shared/data/cifar-10-batches-py"
needs_cifar = pytest.mark.skipif(not CIFAR_DIR.is_dir(), reason=f"the shared CIFAR-10 subset is not at {CIFAR_DIR}")

LOSSES = [LossConfig("svm"), LossConfig("softmax"), LossConfig("svm", variant="structured", delta=2.0, squared=True)]


def random_problem(n=53, d=17, c=4, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)).astype(np.float32)
    y = rng.integers(0, c, n)
    W = rng.normal(scale=0.3, size=(c, d)).astype(np.float32)
    b = rng.normal(scale=0.1, size=c).astype(np.float32)
    return X, y, W, b


def image_blobs(n_per_class=40, c=3, seed=0, noise=25.0):
    """Linearly separable 'images': each class is a fixed random picture plus pixel noise, uint8."""
    rng = np.random.default_rng(seed)
    protos = rng.uniform(40, 215, size=(c, 32, 32, 3))
    y = np.repeat(np.arange(c), n_per_class)
    X = np.clip(protos[y] + rng.normal(scale=noise, size=(len(y), 32, 32, 3)), 0, 255).astype(np.uint8)
    perm = rng.permutation(len(y))
    return X[perm], y[perm]


def tiny_cifar(n_train=60, n_test=30, c=3, seed=0):
    Xtr, ytr = image_blobs(n_train // c, c, seed)
    Xte, yte = image_blobs(n_test // c, c, seed)  # same prototypes (same seed), other noise draws below
    rng = np.random.default_rng(seed + 1)
    Xte = np.clip(Xte.astype(int) + rng.integers(-10, 11, Xte.shape), 0, 255).astype(np.uint8)
    return CifarData(Xtr, ytr, Xte, yte, tuple(f"class{i}" for i in range(c)))


# ----------------------------------------------------------------------------- the objective


@pytest.mark.parametrize("loss", LOSSES, ids=lambda c: f"{c.kind}-{c.variant}")
@pytest.mark.parametrize("block_rows", [1, 7, 10, 53, 1000, None])
@pytest.mark.parametrize("reg", [RegConfig("l2", lam=0.1), RegConfig("l1", lam=0.05, include_bias=True)])
def test_blocked_objective_equals_plain_and_evaluate(loss, block_rows, reg):
    X, y, W, b = random_problem()
    got = full_loss_and_grad(W, b, X, y, loss, reg, block_rows=block_rows)
    plain = full_loss_and_grad_plain(W, b, X, y, loss, reg)
    ev = evaluate(W.astype(float), b.astype(float), X.astype(float), y, TrainConfig(loss=loss, reg=reg))
    assert got[1].dtype == np.float32 and got[1].shape == W.shape and got[2].shape == b.shape
    for value in (plain, (ev.loss, ev.grad_W, ev.grad_b)):
        assert got[0] == pytest.approx(value[0], rel=1e-5)
        np.testing.assert_allclose(got[1], value[1], rtol=1e-4, atol=1e-5)
        np.testing.assert_allclose(got[2], value[2], rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("loss", LOSSES[:2], ids=lambda c: c.kind)
def test_gradient_matches_numerical_gradient(loss):
    X, y, W, b = random_problem(n=9, d=5, c=3, seed=3)
    X, W, b = X.astype(np.float64), W.astype(np.float64), b.astype(np.float64)
    reg = RegConfig("l2", lam=0.3)
    _, dW, db = full_loss_and_grad(W, b, X, y, loss, reg, block_rows=4)
    h = 1e-6
    def f(W_, b_):
        return full_loss_and_grad(W_, b_, X, y, loss, reg)[0]

    num_W = np.zeros_like(W)
    for idx in np.ndindex(W.shape):
        E = np.zeros_like(W)
        E[idx] = h
        num_W[idx] = (f(W + E, b) - f(W - E, b)) / (2 * h)
    num_b = np.array([(f(W, b + h * e) - f(W, b - h * e)) / (2 * h) for e in np.eye(3)])
    np.testing.assert_allclose(dW, num_W, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(db, num_b, rtol=1e-5, atol=1e-7)


def test_auto_block_rows_fits_the_small_matrix_limit():
    assert auto_block_rows(3072, 10) == 32
    assert auto_block_rows(334, 10) == 299
    assert auto_block_rows(10**7, 10) == 8 and auto_block_rows(2, 2) == 4096


# ----------------------------------------------------------------------------- training


@pytest.fixture(scope="module")
def blobs():
    prep = prepare(tiny_cifar(n_train=150, n_test=60), val_size=30, seed=0)
    return prep


def small_cfg(**kw):
    base = dict(model="svm", lr=1e-5, reg=RegConfig("l2", lam=1.0), batch_size=32, iters=150, eval_every=25)
    return ImageTrainConfig(**(base | kw))


@pytest.mark.parametrize("model", ["svm", "softmax"])
def test_fit_linear_learns_separable_images(blobs, model):
    run = fit_linear(blobs.X_train, blobs.y_train, small_cfg(model=model), blobs.n_classes,
                     X_val=blobs.X_val, y_val=blobs.y_val)
    assert not run.diverged and not run.stopped and run.iterations == 150
    assert run.W.dtype == np.float32 and run.W.shape == (3, 3072) and run.b.shape == (3,)
    assert run.loss_history.shape == (150,) and run.loss_history[-1] < 0.5 * run.loss_history[0]
    assert [t for t, _ in run.val_history] == [25, 50, 75, 100, 125, 150] == [t for t, _ in run.train_history]
    assert run.val_accuracy >= 0.95 and run.accuracy(blobs.X_test, blobs.y_test) >= 0.95
    assert run.scores(blobs.X_test).shape == (len(blobs.y_test), 3)
    assert run.train_seconds > 0


def test_same_seed_same_weights_other_seed_other_weights(blobs):
    cfg = small_cfg(iters=20, optimizer=Optimizer("momentum"))
    a = fit_linear(blobs.X_train, blobs.y_train, cfg, 3)
    b = fit_linear(blobs.X_train, blobs.y_train, cfg, 3)
    c = fit_linear(blobs.X_train, blobs.y_train, replace(cfg, seed=1), 3)
    assert np.array_equal(a.W, b.W) and np.array_equal(a.b, b.b) and np.array_equal(a.loss_history, b.loss_history)
    assert not np.array_equal(a.W, c.W)


def test_progress_callback_and_should_stop(blobs):
    seen = []

    def on_progress(t, loss, val):
        seen.append((t, loss, val))

    run = fit_linear(blobs.X_train, blobs.y_train, small_cfg(iters=50, eval_every=10), 3, X_val=blobs.X_val,
                     y_val=blobs.y_val, on_progress=on_progress, should_stop=lambda: len(seen) >= 17)
    assert run.stopped and not run.diverged and run.iterations == 17 and len(run.loss_history) == 17
    assert [t for t, _, _ in seen] == list(range(1, 18))
    assert [t for t, _, v in seen if v is not None] == [10]
    assert run.val_history[-1][0] == 17  # the returned weights are measured too
    assert all(np.isfinite(loss) for _, loss, _ in seen)


def test_diverging_learning_rate_stops_with_finite_weights(blobs):
    run = fit_linear(blobs.X_train, blobs.y_train, small_cfg(lr=1e30, iters=50), 3, X_val=blobs.X_val,
                     y_val=blobs.y_val)
    assert run.diverged and not run.stopped and run.iterations < 50
    assert np.isfinite(run.W).all() and np.isfinite(run.b).all()
    assert np.isfinite(run.loss_history).all() and len(run.loss_history) == run.iterations + 1
    assert run.val_accuracy is not None and 0 <= run.val_accuracy <= 1


def test_a_batch_larger_than_the_set_is_full_batch_gradient_descent(blobs):
    X, y = blobs.X_train[:20], blobs.y_train[:20]
    cfg = small_cfg(batch_size=500, iters=1, lr=1e-6)
    run = fit_linear(X, y, cfg, 3)
    W0 = (cfg.init_scale * np.random.default_rng(cfg.seed).standard_normal(3 * 3072)).astype(np.float32)
    W0 = W0.reshape(3, 3072)
    loss, dW, db = full_loss_and_grad(W0, np.zeros(3, np.float32), X, y, cfg.loss, cfg.reg)
    assert run.iterations == 1 and run.loss_history[0] == pytest.approx(loss, rel=1e-6)
    np.testing.assert_allclose(run.W, W0 - cfg.lr * dW, rtol=1e-5, atol=1e-9)
    np.testing.assert_allclose(run.b, -cfg.lr * db, rtol=1e-5, atol=1e-12)
    assert run.train_history == [(1, pytest.approx(np.mean((X @ W0.T).argmax(axis=1) == y)))]


def test_config_validation_and_model_sets_the_loss_kind():
    cfg = ImageTrainConfig(model="softmax", loss=LossConfig("svm", delta=2.0))
    assert cfg.loss.kind == "softmax" and cfg.loss.delta == 2.0
    for bad in (dict(lr=0.0), dict(lr=float("nan")), dict(batch_size=0), dict(iters=-1), dict(eval_every=0),
                dict(model="knn"), dict(init_scale=-1.0)):
        with pytest.raises(ValueError):
            ImageTrainConfig(**bad)
    assert recommended_config("svm", "raw").lr == 1e-7 and recommended_config("svm", "hog+color").lr > 1e-4


def test_bad_training_data_is_refused():
    X = np.zeros((4, 3), np.float32)
    with pytest.raises(ValueError, match="labels"):
        fit_linear(X, np.array([0, 1, 2, 5]), ImageTrainConfig(), 3)
    with pytest.raises(ValueError, match="X_val"):
        fit_linear(X, np.array([0, 1, 2, 0]), ImageTrainConfig(), 3, X_val=np.zeros((2, 4)), y_val=np.array([0, 1]))


# ----------------------------------------------------------------------------- data preparation


def test_prepare_raw_subtracts_the_training_mean():
    data = tiny_cifar(n_train=60, n_test=30)
    prep = prepare(data, train_size=30, val_size=12, test_size=15, seed=2)
    assert (len(prep.y_train), len(prep.y_val), len(prep.y_test)) == (30, 12, 15)
    assert prep.X_train.dtype == prep.X_val.dtype == prep.X_test.dtype == np.float32 and prep.dim == 3072
    assert not set(prep.train_idx) & set(prep.val_idx)
    assert np.bincount(prep.y_train).tolist() == [10, 10, 10]  # class-balanced subset
    mu = data.X_train[prep.train_idx].reshape(30, -1).mean(axis=0)
    np.testing.assert_allclose(prep.mean_image.reshape(-1), mu, rtol=1e-6)
    np.testing.assert_allclose(prep.X_train, data.X_train[prep.train_idx].reshape(30, -1) - mu, atol=1e-3)
    np.testing.assert_allclose(prep.X_test, data.X_test[prep.test_idx].reshape(15, -1) - mu, atol=1e-3)
    assert np.array_equal(prep.y_val, data.y_train[prep.val_idx])
    assert np.abs(prep.X_train.mean(axis=0)).max() < 1e-3


def test_prepare_features_are_standardised_on_train():
    prep = prepare(tiny_cifar(n_train=60, n_test=30), features="hog+color", val_size=10)
    assert prep.dim == 334 and prep.features == "hog+color"
    assert np.abs(prep.X_train.mean(axis=0)).max() < 1e-4
    std = prep.X_train.std(axis=0)
    assert np.all((np.abs(std - 1) < 1e-3) | (std < 1e-6))  # constant columns become 0


def test_prepare_refuses_bad_sizes():
    data = tiny_cifar(n_train=30, n_test=9)
    for bad in (dict(val_size=30), dict(val_size=-1), dict(train_size=0), dict(train_size=25, val_size=10),
                dict(test_size=10), dict(features="pixels")):
        with pytest.raises(ValueError):
            prepare(data, **bad)


# ----------------------------------------------------------------------------- search, evaluation, pictures


def test_hyperparameter_search_returns_the_argmax_of_its_matrix(blobs):
    calls = []
    result = hyperparameter_search(blobs, [1e-8, 1e-5, 1e30], [0.0, 1.0], small_cfg(), iters=30,
                                   on_result=lambda i, j, acc: calls.append((i, j, acc)))
    assert result.val_acc.shape == (3, 2) and len(calls) == 6
    assert result.diverged[2, 1] and np.array_equal(np.isnan(result.val_acc), result.diverged)  # λΣW² overflows
    i, j = result.best_index
    assert result.val_acc[i, j] == np.nanmax(result.val_acc)
    lr, lam, acc = result.best
    assert (lr, lam) == (result.lrs[i], result.regs[j]) and acc == result.val_acc[i, j]
    best = result.best_config(small_cfg())
    assert best.lr == lr and best.reg.lam == lam
    stopped = hyperparameter_search(blobs, [1e-5, 1e-6], [1.0], small_cfg(), iters=10, should_stop=lambda: True)
    assert stopped.stopped and stopped.best is None


def test_confusion_matrix_hand_case():
    cm = confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 4)
    assert cm.tolist() == [[1, 1, 0, 0], [0, 1, 0, 0], [1, 0, 2, 0], [0, 0, 0, 0]]
    acc = per_class_accuracy(cm)
    np.testing.assert_allclose(acc[:3], [0.5, 1.0, 2 / 3])
    assert np.isnan(acc[3])
    with pytest.raises(ValueError):
        confusion_matrix([0, 5], [0, 1], 3)


def test_templates_shape_dtype_range():
    rng = np.random.default_rng(0)
    W = rng.normal(size=(10, 3072)) * np.arange(1, 11)[:, None]
    imgs = templates(W)
    assert imgs.shape == (10, 32, 32, 3) and imgs.dtype == np.uint8
    assert all(im.min() == 0 and im.max() == 255 for im in imgs)  # each class stretched to 0..255
    flat = W[3].reshape(32, 32, 3)  # HWC order, as the images
    assert np.unravel_index(imgs[3].argmax(), (32, 32, 3)) == np.unravel_index(flat.argmax(), (32, 32, 3))
    shared = templates(W, per_class=False)
    assert shared.min() == 0 and shared.max() == 255 and shared[0].max() < 255  # class 0 has the smallest weights
    tinted = templates(W, mean_image=np.full((32, 32, 3), 100.0))
    assert tinted.dtype == np.uint8 and tinted.min() >= 0 and tinted.max() <= 228
    with pytest.raises(ValueError):
        templates(np.zeros((10, 334)))


def test_knn_wrapper_and_accuracy_by_k(blobs):
    model = fit_knn(blobs, k=3, metric="l1")
    acc = knn_accuracy(model, blobs.X_test, blobs.y_test)
    assert acc >= 0.95
    by_k = knn_accuracy_by_k(fit_knn(blobs, 1), blobs.X_val, blobs.y_val, [5, 1, 2])
    assert list(by_k) == [1, 2, 5]
    for k, value in by_k.items():
        assert value == knn_accuracy(fit_knn(blobs, k), blobs.X_val, blobs.y_val)


# ----------------------------------------------------------------------------- real CIFAR-10


@pytest.fixture(scope="module")
def cifar():
    return load_cifar10(CIFAR_DIR)


@needs_cifar
def test_real_cifar_quick_svm_beats_chance(cifar):
    prep = prepare(cifar, train_size=2000, val_size=500, test_size=1000, seed=0)
    run = fit_linear(prep.X_train, prep.y_train, recommended_config("svm", "raw", iters=300), prep.n_classes,
                     X_val=prep.X_val, y_val=prep.y_val)
    assert not run.diverged
    assert run.loss_history[0] == pytest.approx(9 + 2.5e4 * 30720 * 1e-8, rel=0.05)  # C − 1 plus λΣW²
    assert run.accuracy(prep.X_test, prep.y_test) > 0.20 and run.val_accuracy > 0.20
    pics = templates(run.W)
    assert pics.shape == (10, 32, 32, 3)


@needs_cifar
def test_real_cifar_full_batch_objective_matches_plain(cifar):
    prep = prepare(cifar, train_size=1000, val_size=0, test_size=10)
    rng = np.random.default_rng(0)
    W = (1e-3 * rng.standard_normal((10, 3072))).astype(np.float32)
    b = np.zeros(10, np.float32)
    for loss in LOSSES[:2]:
        got = full_loss_and_grad(W, b, prep.X_train, prep.y_train, loss, RegConfig("l2", lam=2.5e4))
        ref = full_loss_and_grad_plain(W.astype(float), b.astype(float), prep.X_train.astype(float), prep.y_train,
                                       loss, RegConfig("l2", lam=2.5e4))
        assert got[0] == pytest.approx(ref[0], rel=1e-4)
        np.testing.assert_allclose(got[1], ref[1], rtol=1e-3, atol=1e-3 * np.abs(ref[1]).max())
