"""Each update rule converges on a convex bowl; schedules follow their formulas."""

import numpy as np
import pytest

from linviz.engine.optimizers import OPTIMIZERS, Optimizer, OptState, Schedule

A = np.diag([1.0, 10.0])  # an elongated bowl f(θ) = ½ θᵀAθ, minimum at 0


@pytest.mark.parametrize("kind,lr", [("sgd", 0.05), ("momentum", 0.02), ("nesterov", 0.02),
                                     ("adagrad", 0.5), ("rmsprop", 0.01), ("adam", 0.05)])
def test_converges_on_a_convex_bowl(kind, lr):
    opt, theta, state = Optimizer(kind), np.array([3.0, -2.0]), OptState()
    for _ in range(2000):
        theta, state = opt.update(theta, A @ theta, lr, state)
    assert np.linalg.norm(theta) < 1e-2
    assert state.t == 2000


def test_update_does_not_modify_its_inputs():
    theta, g = np.array([1.0, 2.0]), np.array([0.5, 0.5])
    for kind in OPTIMIZERS:
        state = Optimizer(kind).update(theta, g, 0.1, OptState())[1]
        Optimizer(kind).update(theta, g, 0.1, state)
        assert theta.tolist() == [1.0, 2.0] and g.tolist() == [0.5, 0.5]


def test_momentum_accumulates_velocity():
    opt = Optimizer("momentum", momentum=0.9)
    theta, state = np.zeros(1), OptState()
    for _ in range(3):
        theta, state = opt.update(theta, np.ones(1), 1.0, state)
    assert theta[0] == pytest.approx(-(1 + 1.9 + 2.71))


def test_schedules():
    assert Schedule("constant").rate(0.1, 500) == 0.1
    assert Schedule("step", gamma=0.5, every=10).rate(0.1, 25) == pytest.approx(0.025)
    assert Schedule("inverse", k=0.1).rate(0.1, 10) == pytest.approx(0.05)


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        Optimizer("lbfgs")
    with pytest.raises(ValueError):
        Optimizer("momentum", momentum=1.5)


@pytest.mark.parametrize("schedule", [Schedule(), Schedule("step", gamma=0.5, every=7), Schedule("inverse", k=0.03)])
def test_a_runs_rates_at_once_are_the_rates_step_by_step(schedule):
    """The compiled loop takes a run's α_t as one array; each is the rate of its step."""
    np.testing.assert_array_equal(schedule.rates(0.2, 5, 40), [schedule.rate(0.2, t) for t in range(5, 40)])
    assert schedule.rates(0.2, 3, 3).shape == (0,)
