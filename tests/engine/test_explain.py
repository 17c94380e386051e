"""The lecture's worked example, number by number."""

import numpy as np
import pytest

from linviz.engine.explain import explain, format_table
from linviz.engine.losses import LossConfig

SCORES = np.array([[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]])  # one row per image


def test_svm_slide_numbers():
    ex = explain(SCORES, [0, 1, 2], LossConfig())
    np.testing.assert_allclose(ex.terms[0], [0.0, 2.9, 0.0], atol=1e-12)
    np.testing.assert_allclose(ex.per_example, [2.9, 0.0, 12.9], atol=1e-12)
    assert ex.loss == pytest.approx(5.27, abs=0.005)
    text = format_table(ex, ["cat", "car", "frog"])
    assert "12.90" in text and "5.27" in text and "cat" in text


def test_softmax_numbers_are_probabilities():
    ex = explain(SCORES, [0, 1, 2], LossConfig("softmax"))
    np.testing.assert_allclose(ex.probabilities.sum(axis=1), 1.0)
    np.testing.assert_allclose(ex.exps, np.exp(SCORES))
    np.testing.assert_allclose(ex.per_example, -np.log(ex.probabilities[[0, 1, 2], [0, 1, 2]]))
    assert ex.to_dict()["probabilities"][0][0] == pytest.approx(0.13, abs=5e-4)  # the slide: p(cat) = 0.13


def test_bad_tables_are_refused():
    with pytest.raises(ValueError, match="labels"):
        explain(SCORES, [0, 1], LossConfig())
    with pytest.raises(ValueError, match="between"):
        explain(SCORES, [0, 1, 3], LossConfig())
    with pytest.raises(ValueError, match="finite"):
        explain([[1.0, np.nan]], [0], LossConfig())


def test_huge_scores_stay_readable_and_json_safe():
    import json

    ex = explain([[1000.0, 2.0], [1e300, -1e300]], [0, 1], LossConfig("softmax"))
    json.dumps(ex.to_dict(), allow_nan=False)  # e^1000 overflows: written as null, not Infinity
    assert ex.to_dict()["exponentials"][0][0] is None
    text = format_table(ex, ["cat"])  # fewer names than classes: the rest are numbered
    assert "overflow" in text and "1e+300" in text and "class 2" in text
    assert max(len(line) for line in text.splitlines()) < 120
