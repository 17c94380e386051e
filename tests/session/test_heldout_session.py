"""Held-out points in the session: training never sees them, whatever the edit."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from linviz.engine.datasets import make_preset
from linviz.engine.lesson_file import lesson_to_json, parse_lesson
from linviz.engine.losses import least_squares_loss
from linviz.engine.training import train
from linviz.session import core
from linviz.session.settings import Settings, check_settings

DS = make_preset("blobs", n_per_class=10, seed=4)
HELD = Settings(init="zeros").with_changes(heldout=0.3, heldout_seed=2)


def _alone(settings: Settings, ds=DS, steps=None):
    """The run on the training points alone, trained apart from the session."""
    mask = settings.heldout_mask(len(ds))
    cfg = settings.train_config() if steps is None else replace(settings.train_config(), steps=steps)
    return train(ds.X[~mask], ds.y[~mask], cfg, ds.n_classes, init="zeros")


def test_the_run_equals_training_on_the_training_points_alone():
    out = core.start(DS, HELD)
    h, alone = out.state.history, _alone(HELD)
    assert HELD.heldout_mask(len(DS)).sum() == 9 and h.n_train == len(DS) - 9
    np.testing.assert_array_equal(h.W[: len(h)], alone.W[: len(alone)])
    np.testing.assert_array_equal(h.grad_W[: len(h)], alone.grad_W[: len(alone)])


def test_moving_a_held_out_point_changes_no_gradient_and_growing_keeps_them_out():
    state = core.start(DS, HELD).state
    mask = HELD.heldout_mask(len(DS))
    i = int(np.flatnonzero(mask)[0])
    moved = DS.with_moved_point(i, 2.5, -2.5)
    after = core.use_dataset(state, moved).state
    np.testing.assert_array_equal(after.history.grad_W[: len(after.history)], state.history.grad_W[: len(state.history)])
    grown = core.extend(after, 50).state.history
    alone = _alone(HELD, moved, steps=HELD.train.steps + 50)
    np.testing.assert_array_equal(grown.W[: len(grown)], alone.W[: len(grown)])
    j = int(np.flatnonzero(~mask)[0])  # …while moving a training point does change the run
    other = core.use_dataset(state, DS.with_moved_point(j, 2.5, -2.5)).state.history
    assert not np.array_equal(other.W[1], state.history.W[1])


def test_a_branch_and_held_w_see_only_the_training_points():
    state = core.set_step(core.start(DS, HELD).state, 40).state
    branch = core.update_settings(replace(state, settings=replace(state.settings, restart=False)), lr=0.05).state
    mask = HELD.heldout_mask(len(DS))
    assert branch.history.n_train == (~mask).sum()
    held = core.set_hold_w(state, True).state
    held = core.use_dataset(held, DS.with_moved_point(int(np.flatnonzero(mask)[0]), 0.0, 0.0)).state
    np.testing.assert_allclose(held.history.grad_W[0], state.history.grad_W[40])  # the same W, the same points


def test_least_squares_trains_with_its_own_loss():
    s = Settings(model="lsq", init="zeros")
    check_settings(s)
    h = core.start(DS, s).state.history
    assert h.config.loss.kind == "lsq"
    assert h.data_loss[5] == pytest.approx(least_squares_loss(DS.X @ h.W[5].T + h.b[5], DS.y)[0], rel=1e-12)


def test_a_lesson_with_held_out_points_replays_as_recorded():
    state = core.extend(core.start(DS, HELD).state, 30).state
    lesson = parse_lesson(lesson_to_json(core.lesson_of(state)), Settings, check_settings)
    out = core.open_lesson(lesson)
    assert out.messages == () and out.state.settings.heldout == 0.3
    np.testing.assert_array_equal(out.state.history.W[: len(out.state.history)], state.history.W[: len(state.history)])
