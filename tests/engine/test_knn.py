"""k-nearest neighbours: distances, neighbours, votes, the tie rule, real CIFAR-10."""

from pathlib import Path

import numpy as np
import pytest

from linviz.engine import knn as knn_mod
from linviz.engine.knn import KNearestNeighbors, pairwise_l1, pairwise_sq_l2

CIFAR_DIR = Path(__file__).resolve().parents[2].parent / "shared/data/cifar-10-batches-py"


def brute_distances(A, B, metric):
    out = np.empty((len(A), len(B)))
    for i, a in enumerate(A):
        for j, b in enumerate(B):
            diff = np.asarray(a, float) - np.asarray(b, float)
            out[i, j] = np.sqrt((diff**2).sum()) if metric == "l2" else np.abs(diff).sum()
    return out


def brute_predict(X, y, Xq, k, metric, n_classes):
    """Double loop + the documented tie rule: nearest member of the tied classes wins."""
    D = brute_distances(Xq, X, metric)
    labels, ties = [], []
    for row in D:
        nearest = sorted(range(len(X)), key=lambda j: (row[j], j))[:k]
        counts = np.bincount(y[nearest], minlength=n_classes)
        top = np.flatnonzero(counts == counts.max())
        ties.append(len(top) > 1)
        labels.append(next(y[j] for j in nearest if y[j] in top))
    return np.array(labels), np.array(ties)


@pytest.mark.parametrize("metric", ["l1", "l2"])
@pytest.mark.parametrize("chunk", [None, 3])
def test_pairwise_matches_double_loop(metric, chunk):
    rng = np.random.default_rng(1)
    A, B = rng.normal(size=(13, 5)), rng.normal(size=(9, 5))
    fn = pairwise_sq_l2 if metric == "l2" else pairwise_l1
    got = fn(A, B, chunk_rows=chunk)
    want = brute_distances(A, B, metric) ** (2 if metric == "l2" else 1)
    assert got.shape == (13, 9)
    np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)


def test_pairwise_float32_stays_float32_and_never_negative():
    rng = np.random.default_rng(2)
    A = rng.integers(0, 256, size=(20, 3072)).astype(np.float32)
    B = np.vstack([A[:5], rng.integers(0, 256, size=(7, 3072)).astype(np.float32)])
    d = pairwise_sq_l2(A, B)
    assert d.dtype == np.float32 and d.min() >= 0
    want = brute_distances(A, B, "l2") ** 2
    np.testing.assert_allclose(d, want, rtol=1e-5, atol=50)  # float32 expansion: ~1e-7·‖a‖²
    assert pairwise_l1(A[:3], B).dtype == np.float32


def test_l1_pieces_cover_every_pair(monkeypatch):
    monkeypatch.setattr(knn_mod, "L1_PIECE_BYTES", 3 * 4 * 8)  # force tiny (rows, cols) pieces
    rng = np.random.default_rng(3)
    A, B = rng.normal(size=(7, 4)), rng.normal(size=(11, 4))
    np.testing.assert_allclose(pairwise_l1(A, B), brute_distances(A, B, "l1"), rtol=1e-12)


@pytest.mark.parametrize("metric", ["l1", "l2"])
@pytest.mark.parametrize("k", [1, 2, 3, 5, 8])
def test_agrees_with_brute_force(metric, k):
    rng = np.random.default_rng(10 * k + (metric == "l1"))
    X, y = rng.normal(size=(40, 3)), rng.integers(0, 4, size=40)
    Xq = rng.normal(size=(25, 3))
    model = KNearestNeighbors(k, metric).fit(X, y, n_classes=4)
    dist, idx = model.kneighbors(Xq, chunk=7)
    D = brute_distances(Xq, X, metric)
    want_idx = np.argsort(D, axis=1, kind="stable")[:, :k]
    np.testing.assert_array_equal(idx, want_idx)
    np.testing.assert_allclose(dist, np.take_along_axis(D, want_idx, axis=1), rtol=1e-9)
    assert np.all(np.diff(dist, axis=1) >= 0)
    labels, ties = model.predict_with_ties(Xq)
    want_labels, want_ties = brute_predict(X, y, Xq, k, metric, 4)
    np.testing.assert_array_equal(labels, want_labels)
    np.testing.assert_array_equal(ties, want_ties)
    counts = model.vote_counts(Xq)
    assert counts.shape == (25, 4) and np.all(counts.sum(axis=1) == k)
    np.testing.assert_array_equal(model.predict(Xq), labels)


def test_tie_rule_nearest_member_wins():
    # On a line, query at 0. Neighbours nearest first: A(1) B(2) B(3) A(4) C(5).
    # k = 5: A 2, B 2, C 1 → tie A/B; A has the nearest member → A.
    # ("Drop the farthest until the tie breaks" would give B: a different rule.)
    X = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([0, 1, 1, 0, 2])
    model = KNearestNeighbors(5).fit(X, y, n_classes=3)
    labels, ties = model.predict_with_ties([[0.0]])
    assert labels.tolist() == [0] and ties.tolist() == [True]
    np.testing.assert_array_equal(model.vote_counts([[0.0]]), [[2, 2, 1]])
    # From the other side, query at 6: C(1) A(2) B(3) B(4) A(5) → tie A/B, A nearer.
    assert model.predict([[6.0]]).tolist() == [0]
    # k = 4 at 0: A(1) B(2) B(3) A(4) → tie; A at distance 1 beats B at 2.
    assert KNearestNeighbors(4).fit(X, y, 3).predict([[0.0]]).tolist() == [0]
    # k = 3 at 0: B has 2 votes, no tie.
    labels, ties = KNearestNeighbors(3).fit(X, y, 3).predict_with_ties([[0.0]])
    assert labels.tolist() == [1] and ties.tolist() == [False]


def test_tie_flags_in_the_plane_and_k2_follows_the_nearest():
    X = np.array([[-1.0, 0.0], [1.0, 0.0]])
    y = np.array([0, 1])
    model = KNearestNeighbors(2).fit(X, y)
    labels, ties = model.predict_with_ties([[-0.5, 0.3], [0.5, -2.0]])
    assert ties.tolist() == [True, True]  # one vote each, everywhere
    assert labels.tolist() == [0, 1]  # the nearest point decides
    labels, ties = KNearestNeighbors(1).fit(X, y).predict_with_ties([[-0.5, 0.3], [0.5, -2.0]])
    assert labels.tolist() == [0, 1] and not ties.any()


def test_equal_distances_are_ordered_by_training_index():
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0]])
    model = KNearestNeighbors(3).fit(X, np.array([2, 1, 0]))
    dist, idx = model.kneighbors([[0.0, 0.0]])
    assert idx.tolist() == [[0, 1, 2]]
    np.testing.assert_allclose(dist, [[1.0, 1.0, 1.0]])
    labels, ties = model.predict_with_ties([[0.0, 0.0]])
    assert labels.tolist() == [2] and ties.tolist() == [True]  # three-way tie → index 0's class
    nearest = KNearestNeighbors(1).fit(X[::-1], np.array([0, 1, 2]))  # k = 1 takes its own path (argmin)
    assert nearest.kneighbors([[0.0, 0.0]])[1].tolist() == [[0]] and nearest.predict([[0.0, 0.0]]).tolist() == [0]


def test_validation():
    X, y = np.zeros((3, 2)), np.array([0, 1, 0])
    with pytest.raises(ValueError, match="k = 4 is more than the 3 training"):
        KNearestNeighbors(4).fit(X, y)
    for bad_k in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="k must be an integer"):
            KNearestNeighbors(bad_k)
    with pytest.raises(ValueError, match="metric"):
        KNearestNeighbors(1, "cosine")
    with pytest.raises(ValueError, match="non-empty"):
        KNearestNeighbors(1).fit(np.zeros((0, 2)), np.zeros(0, int))
    with pytest.raises(ValueError, match="3 integer labels"):
        KNearestNeighbors(1).fit(X, np.array([0, 1]))
    with pytest.raises(ValueError, match=r"labels must be in \[0, 2\)"):
        KNearestNeighbors(1).fit(X, np.array([0, 1, 2]), n_classes=2)
    with pytest.raises(RuntimeError, match="fit"):
        KNearestNeighbors(1).predict(X)
    model = KNearestNeighbors(1).fit(X, y)
    with pytest.raises(ValueError, match=r"queries must be \(M, 2\)"):
        model.predict(np.zeros((2, 3)))
    model.k = 5  # changed after fit: caught at query time
    with pytest.raises(ValueError, match="k = 5"):
        model.predict(X)
    model.k = 0
    with pytest.raises(ValueError, match="k must be"):
        model.predict(X)


def test_k_equals_n_and_empty_query():
    rng = np.random.default_rng(5)
    X, y = rng.normal(size=(6, 2)), np.array([0, 0, 0, 1, 1, 2])
    model = KNearestNeighbors(6).fit(X, y)
    assert model.predict(rng.normal(size=(4, 2))).tolist() == [0] * 4
    dist, idx = model.kneighbors(np.zeros((0, 2)))
    assert dist.shape == idx.shape == (0, 6)


def test_blocks_stay_small(monkeypatch):
    """The auto chunk keeps distances + argpartition indices within MEMORY_BUDGET."""
    assert knn_mod._auto_rows(50_000, 4 + 8) * 50_000 * 12 <= knn_mod.MEMORY_BUDGET
    assert knn_mod._auto_rows(100, 12) == knn_mod.MAX_CHUNK_ROWS
    seen = []
    real = knn_mod._sq_l2_block
    monkeypatch.setattr(knn_mod, "MEMORY_BUDGET", 12 * 50 * 4)  # 4 rows of 50 at a time
    monkeypatch.setattr(knn_mod, "_sq_l2_block", lambda A, B, s: seen.append(len(A)) or real(A, B, s))
    rng = np.random.default_rng(6)
    model = KNearestNeighbors(3).fit(rng.normal(size=(50, 4)).astype(np.float32), rng.integers(0, 3, 50))
    model.predict(rng.normal(size=(10, 4)))
    assert seen == [4, 4, 2]


def test_real_cifar_nearest_neighbour_beats_chance():
    if not CIFAR_DIR.is_dir():
        pytest.skip(f"real CIFAR-10 data not found at {CIFAR_DIR}")
    from linviz.engine.cifar import load_cifar10, to_float_rows

    data = load_cifar10(CIFAR_DIR)
    X_train, y_train = to_float_rows(data.X_train[:5000]), data.y_train[:5000]
    X_test, y_test = to_float_rows(data.X_test[:500]), data.y_test[:500]
    model = KNearestNeighbors(1, "l2").fit(X_train, y_train, n_classes=10)
    accuracy = (model.predict(X_test) == y_test).mean()
    assert accuracy > 0.18, f"1-NN on raw pixels got {accuracy:.3f}"
