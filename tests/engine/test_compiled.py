"""The compiled training loop records the same run as the NumPy loop, for every setting."""

import numpy as np
import pytest

from linviz.engine import compiled
from linviz.engine.datasets import make_preset
from linviz.engine.features import FeatureMap
from linviz.engine.losses import LossConfig
from linviz.engine.optimizers import Optimizer, Schedule
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import History, TrainConfig, train

pytestmark = pytest.mark.skipif(not compiled.available(), reason="Numba is not installed")


def points(n_classes=3, n_per_class=40, seed=1):
    ds = make_preset("blobs", n_per_class=n_per_class, n_classes=n_classes, seed=seed)
    return ds.X, ds.y, ds.n_classes


def both(monkeypatch, *args, **kwargs) -> tuple[History, History]:
    """The same call through the compiled loop and through the NumPy loop."""
    monkeypatch.setenv("LINVIZ_JIT", "1")
    fast = train(*args, **kwargs)
    monkeypatch.setenv("LINVIZ_JIT", "0")
    slow = train(*args, **kwargs)
    monkeypatch.setenv("LINVIZ_JIT", "1")
    return fast, slow


def assert_same_run(fast: History, slow: History):
    """Equal up to rounding. atol: where a gradient is 0 in exact arithmetic, both loops
    hold rounding noise (~1e-17) that AdaGrad, RMSProp and Adam divide by √G + ε (ε = 1e-8)."""
    assert (len(fast), fast.stop_reason) == (len(slow), slow.stop_reason)
    for name in History.ARRAYS:
        np.testing.assert_allclose(getattr(fast, name), getattr(slow, name), rtol=1e-9, atol=1e-6,
                                   equal_nan=True, err_msg=name)
    for a, b in zip(fast.opt_state, slow.opt_state, strict=True):
        assert a.t == b.t
        for x, z in ((a.a, b.a), (a.b, b.b)):
            assert (x is None) == (z is None)
            if x is not None:
                np.testing.assert_allclose(x, z, rtol=1e-9, atol=1e-6)


LOSSES = [
    LossConfig("svm", "ww"),
    LossConfig("svm", "ww", delta=2.5, all_classes=True),
    LossConfig("svm", "ww", mean_over_classes=True),
    LossConfig("svm", "ww", all_classes=True, mean_over_classes=True, squared=True),
    LossConfig("svm", "ova"),
    LossConfig("svm", "ova", mean_over_classes=True, squared=True),
    LossConfig("svm", "structured"),
    LossConfig("svm", "structured", squared=True, delta=0.5),
    LossConfig("softmax"),
    LossConfig("lsq"),
]


@pytest.mark.parametrize("loss", LOSSES, ids=lambda c: f"{c.kind}-{c.variant}-{c.all_classes}-{c.mean_over_classes}-{c.squared}")
@pytest.mark.parametrize("n_classes", [2, 3, 5])
def test_every_loss_matches_the_numpy_loop(monkeypatch, loss, n_classes):
    X, y, c = points(n_classes)
    cfg = TrainConfig(loss=loss, reg=RegConfig("l2", 1e-3), lr=0.3, steps=60)
    assert_same_run(*both(monkeypatch, X, y, cfg, c))


REGS = [
    RegConfig("none"),
    RegConfig("l2", 0.05),
    RegConfig("half-l2", 0.05, include_bias=True),
    RegConfig("l1", 0.02),
    RegConfig("l1", 0.02, proximal=False, include_bias=True),
    RegConfig("elastic", 0.02, beta=0.3),
    RegConfig("maxnorm", max_norm=0.4),
    RegConfig("l2", 0.0),
]


@pytest.mark.parametrize("reg", REGS, ids=lambda r: f"{r.kind}-{r.lam}-{r.proximal}-{r.include_bias}")
@pytest.mark.parametrize("opt", ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"])
def test_every_penalty_and_optimiser_matches_the_numpy_loop(monkeypatch, reg, opt):
    X, y, c = points()
    cfg = TrainConfig(reg=reg, optimizer=Optimizer(opt), lr=0.05, steps=50,
                      schedule=Schedule("step", gamma=0.5, every=7))
    assert_same_run(*both(monkeypatch, X, y, cfg, c))


def test_the_proximal_l1_step_reaches_the_same_exact_zeros(monkeypatch):
    X, y, c = points()
    fast, slow = both(monkeypatch, X, y, TrainConfig(reg=RegConfig("l1", 0.3), lr=0.1, steps=80), c)
    assert_same_run(fast, slow)
    assert (fast.W[-1] == 0).any() and np.array_equal(fast.W[-1] == 0, slow.W[-1] == 0)


@pytest.mark.parametrize("batch_size", [1, 7, 119, 500])
def test_mini_batches_draw_the_same_examples(monkeypatch, batch_size):
    X, y, c = points()
    cfg = TrainConfig(loss=LossConfig("softmax"), batch_size=batch_size, lr=0.2, steps=40, seed=4,
                      optimizer=Optimizer("momentum"), schedule=Schedule("inverse", k=0.1))
    assert_same_run(*both(monkeypatch, X, y, cfg, c))


def test_features_and_a_test_split(monkeypatch):
    X, y, c = points()
    cfg = TrainConfig(features=FeatureMap("poly2"), lr=0.05, steps=30)
    fast, slow = both(monkeypatch, X[:90], y[:90], cfg, c, test=(X[90:], y[90:]))
    assert_same_run(fast, slow)
    assert np.isfinite(fast.test_acc).all()


def test_it_stops_where_the_numpy_loop_stops(monkeypatch):
    X, y, c = points()
    reasons = set()
    for rule in ({"tol": 1e-4, "gtol": 0.0}, {"gtol": 1e-3}, {"tol": 1e-6}):
        for loss in (LossConfig("svm"), LossConfig("softmax")):
            cfg = TrainConfig(loss=loss, reg=RegConfig("l2", 0.1), lr=0.1, steps=5000, **rule)
            stopped = both(monkeypatch, X, y, cfg, c)
            assert_same_run(*stopped)
            reasons.add(stopped[0].stop_reason)
    assert reasons == {"small_change", "converged", "steps"}  # both rules fired (and the hinge's kink ran on)
    long = both(monkeypatch, X, y, TrainConfig(lr=0.01, steps=6000, tol=1e-12), c)  # grows past 4096 steps
    assert len(long[0]) > 4097
    assert_same_run(*long)
    diverged = both(monkeypatch, X * 1e3, y, TrainConfig(lr=1e300, steps=50, reg=RegConfig("l2", 1.0)), c)
    assert diverged[0].stop_reason == "diverged" and np.isfinite(diverged[0].loss).all()
    assert_same_run(*diverged)


@pytest.mark.parametrize("opt", ["sgd", "adam"])
def test_continuing_and_editing_match_the_numpy_loop(monkeypatch, opt):
    X, y, c = points()
    cfg = TrainConfig(optimizer=Optimizer(opt), lr=0.05, steps=40)
    parent = train(X, y, cfg, c)
    for kwargs in ({"resume": (parent, 17)},
                   {"resume": (parent, 17), "W0": parent.W[17] * 2, "b0": parent.b[17] + 1},
                   {"resume": (parent, 17)} | {"cfg": TrainConfig(optimizer=Optimizer("rmsprop"), lr=0.02, steps=25)}):
        run_cfg = kwargs.pop("cfg", cfg)
        fast, slow = both(monkeypatch, X, y, run_cfg, c, **kwargs)
        assert_same_run(fast, slow)
        np.testing.assert_array_equal(fast.W[:17], parent.W[:17])


def test_a_continued_run_reproduces_the_original_bit_for_bit():
    X, y, c = points()
    cfg = TrainConfig(optimizer=Optimizer("adam"), lr=0.05, steps=60, batch_size=16)
    full = train(X, y, cfg, c)
    cont = train(X, y, TrainConfig(optimizer=Optimizer("adam"), lr=0.05, steps=35, batch_size=16), c,
                 resume=(train(X, y, TrainConfig(optimizer=Optimizer("adam"), lr=0.05, steps=25, batch_size=16), c), 25))
    assert np.array_equal(cont.W, full.W) and np.array_equal(cont.loss, full.loss)


def test_the_app_start_trains_with_numpy_until_the_compiled_loop_has_loaded():
    """``defer`` (the app, before its window) keeps Numba unimported and training on NumPy;
    ``load_in_background`` switches training to the compiled loop, the same run to rounding."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import sys
        import numpy as np
        from linviz.engine import compiled
        from linviz.engine.datasets import make_preset
        from linviz.engine.training import TrainConfig, train
        ds = make_preset("blobs", n_per_class=30, n_classes=3, seed=2)
        compiled.defer()
        before = train(ds.X, ds.y, TrainConfig(steps=80), 3)
        assert "numba" not in sys.modules and not compiled.available()
        compiled.load_in_background().join()
        assert "numba" in sys.modules and compiled.available()
        after = train(ds.X, ds.y, TrainConfig(steps=80), 3)
        np.testing.assert_allclose(after.W, before.W, rtol=1e-9, atol=1e-12)
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
