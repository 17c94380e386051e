"""CIFAR-10 defaults follow the training-set size; raw test rows can be scored a chunk at a time."""

import numpy as np
import pytest

from linviz.engine.cifar import CifarData
from linviz.engine.image_training import (
    RAW_BY_SIZE,
    RECOMMENDED,
    default_lr_lam,
    fit_linear,
    predict_test,
    prepare,
    recommended_config,
)


@pytest.mark.parametrize("model", ["svm", "softmax"])
def test_raw_pixel_defaults_follow_the_training_set_size(model):
    (n0, lr0, lam0), (n1, lr1, lam1) = RAW_BY_SIZE
    assert default_lr_lam(model, "raw", 9_000) == pytest.approx((3e-7, 2.5e3))  # the tuned figures
    assert default_lr_lam(model, "raw", 49_000) == pytest.approx((1e-7, 2.5e4))  # CS231n's full-size run
    assert default_lr_lam(model, "raw", 500) == pytest.approx((lr0, lam0))  # clamped at the ends
    assert default_lr_lam(model, "raw", 10**6) == pytest.approx((lr1, lam1))
    mid = default_lr_lam(model, "raw", int(np.sqrt(n0 * n1)))  # halfway in log N: the geometric means
    assert mid == pytest.approx((np.sqrt(lr0 * lr1), np.sqrt(lam0 * lam1)), rel=1e-3)
    sizes = [9_000, 15_000, 25_000, 40_000, 49_000]
    lrs, lams = zip(*(default_lr_lam(model, "raw", n) for n in sizes))
    assert all(np.diff(lrs) < 0) and all(np.diff(lams) > 0)
    cfg = recommended_config(model, "raw", 9_000, iters=10)
    assert (cfg.lr, cfg.reg.lam, cfg.iters) == pytest.approx((3e-7, 2.5e3, 10))


def test_feature_defaults_do_not_depend_on_the_size():
    for n in (100, 9_000, 49_000, None):
        assert default_lr_lam("svm", "hog+color", n) == RECOMMENDED[("svm", False)]
    assert default_lr_lam("svm", "raw") == RECOMMENDED[("svm", True)]  # size unknown: the full-size values


def test_test_rows_made_a_chunk_at_a_time_score_like_the_whole_set(monkeypatch):
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (60, 32, 32, 3), dtype=np.uint8)
    y = rng.integers(0, 3, 60)
    data = CifarData(images[:40], y[:40], images[40:], y[40:], ("a", "b", "c"))
    full = prepare(data, val_size=5, seed=1)
    lean = prepare(data, val_size=5, seed=1, test_rows=False)
    assert lean.X_test.shape == (0, 3072) and len(lean.y_test) == 20
    np.testing.assert_array_equal(lean.X_train, full.X_train)
    monkeypatch.setattr("linviz.engine.image_data.PREPARE_CHUNK", 7)  # three chunks and a rest
    seen = []
    model = fit_linear(full.X_train, full.y_train, recommended_config("svm", "raw", iters=20), 3)

    def predict(rows):
        seen.append(len(rows))
        return model.predict(rows)

    np.testing.assert_array_equal(predict_test(predict, data, lean), model.predict(full.X_test))
    assert seen == [7, 7, 6]
