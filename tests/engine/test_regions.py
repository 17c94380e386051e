"""Decision regions follow their formulas."""

import numpy as np
import pytest

from linviz.engine.features import FeatureMap
from linviz.engine.regions import Grid, linear_regions


def test_regions_follow_the_formulas():
    """Winner = arg max_j s_j (the first on ties); probability confidence = (p_top − 1/C)·C/(C−1);
    gap confidence = 1 − e^{−(s_top − s_second)}."""
    grid = Grid.make((-2, 2), (-2, 2), 20)
    W = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])  # classes 0 and 2 tie everywhere
    b = np.array([0.0, 0.5, 0.0])
    scores = grid.points @ W.T + b
    r = linear_regions(W, b, grid)
    np.testing.assert_array_equal(r.winner.ravel(), scores.argmax(axis=1))
    p = np.exp(scores - scores.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(r.confidence.ravel(), (p.max(axis=1) - 1 / 3) * 1.5, atol=1e-6)
    top2 = np.sort(scores, axis=1)[:, -2:]
    gap = linear_regions(W, b, grid, "gap")
    np.testing.assert_allclose(gap.confidence.ravel(), 1 - np.exp(top2[:, 0] - top2[:, 1]), atol=1e-6)


@pytest.mark.parametrize("n_classes, features", [(2, "identity"), (5, "poly2"), (10, "polar")])
def test_regions_through_a_feature_map_match_the_scores_of_each_cell(n_classes, features):
    fmap = FeatureMap(features)
    grid = Grid.make((-3, 2), (-1, 4), 60, 45, fmap)
    rng = np.random.default_rng(n_classes)
    W, b = rng.standard_normal((n_classes, fmap.dim)), rng.standard_normal(n_classes)
    r = linear_regions(W, b, grid)
    expected = (fmap.transform(grid.points) @ W.T + b).argmax(axis=1).reshape(grid.shape)
    assert r.winner.shape == grid.shape
    assert (r.winner == expected).mean() > 0.999  # float32 scores: a cell on a boundary may flip
