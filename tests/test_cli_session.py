"""``linviz train`` starts where the app starts: one rule for the starting W, b
(``linviz.session.core.starting_params``), whichever of the two asks."""

import json

import numpy as np
import pytest

from linviz import cli
from linviz.engine.datasets import make_preset
from linviz.session import core
from linviz.session.settings import Settings


@pytest.mark.parametrize(("preset", "cli_init", "app_init"), [
    ("cs231n", None, "preset"),  # the preset's own W0, b0
    ("blobs", None, "preset"),  # no W0 in the data: seeded random
    ("cs231n", "random", "random"),
    ("cs231n", "zeros", "zeros"),
])
def test_the_command_line_and_the_app_start_from_the_same_w_and_b(capsys, preset, cli_init, app_init):
    argv = ["train", "--preset", preset, "--steps", "0", "--seed", "3", "--json"]
    assert cli.main(argv + (["--init", cli_init] if cli_init else [])) == 0
    report = json.loads(capsys.readouterr().out)
    ds = make_preset(preset, seed=3)
    settings = Settings(init=app_init).with_changes(seed=3, steps=0)
    state = core.start(ds, settings).state
    np.testing.assert_array_equal(report["W"], state.history.W[0])
    np.testing.assert_array_equal(report["b"], state.history.b[0])
    if preset == "cs231n" and app_init == "preset":
        np.testing.assert_array_equal(report["W"], ds.W0)
