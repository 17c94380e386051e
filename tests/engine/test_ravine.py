"""The ravine: SGD zig-zags across the valley and needs far more steps than momentum and Adam."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from linviz.engine.datasets import make_preset
from linviz.engine.landscape import history_path
from linviz.engine.ravine import FEATURES, curvature, ravine_configs, steps_to_reach
from linviz.engine.training import TrainConfig, train


def runs(name: str, steps: int = 3000):
    ds = make_preset(name)
    cfgs = ravine_configs(replace(TrainConfig(), steps=steps), ds.X)
    return ds, {k: train(ds.X, ds.y, c, ds.n_classes, init="zeros") for k, c in cfgs.items()}


@pytest.mark.parametrize("name", ["cs231n", "blobs", "spiral", "xor"])
def test_sgd_needs_at_least_twice_the_steps_of_momentum_and_adam(name):
    ds, h = runs(name)
    best = min(float(np.nanmin(r.loss[: len(r)])) for r in h.values())
    target = best * 1.01  # within 1 % of the minimum
    n = {k: steps_to_reach(r.loss[: len(r)], target) for k, r in h.items()}
    assert n["momentum"] is not None and n["adam"] is not None, n
    assert n["sgd"] is None or n["sgd"] >= 2 * max(n["momentum"], n["adam"]), n


def test_sgd_zig_zags_across_the_valley():
    """Along the Hessian's steepest direction e, SGD's steps θ_{t+1} − θ_t alternate in sign
    (each overshoots the valley floor); momentum's mostly do not."""
    ds, h = runs("blobs", steps=60)
    phi = FEATURES.transform(ds.X)
    P = np.column_stack([phi, np.ones(len(phi))])
    e = np.linalg.eigh(P.T @ P / len(P))[1][:, -1]  # (D+1,): one class row's (w, b)

    def alternations(hist):
        path = history_path(hist)
        C, D = hist.n_classes, hist.dim
        rows = np.concatenate([path[:, : C * D].reshape(len(path), C, D), path[:, C * D:, None]], axis=2)  # (T, C, D+1)
        along = (np.diff(rows, axis=0) @ e)[:, 0]  # class 1's step along e
        return float(np.mean(np.sign(along[1:]) != np.sign(along[:-1])))
    assert alternations(h["sgd"]) > 0.9
    assert alternations(h["momentum"]) < 0.6
    assert curvature(ds.X) * h["sgd"].config.lr == pytest.approx(1.8)
