"""HOG, hue histogram, feature extraction and standardisation."""

import colorsys
import math

import numpy as np
import pytest

from linviz.engine.image_features import (
    FEATURE_KINDS,
    color_histogram_hsv,
    extract_features,
    feature_dim,
    hog_features,
    hue,
    standardize,
    to_gray,
)


def random_images(n, seed=0, size=32):
    return np.random.default_rng(seed).integers(0, 256, size=(n, size, size, 3), dtype=np.uint8)


def solid(rgb, size=32):
    return np.broadcast_to(np.array(rgb, dtype=np.uint8), (1, size, size, 3)).copy()


def hog_reference(image, block_norm):
    """One image, plain loops: the definitions in ``hog_features``' docstring."""
    h, w, _ = image.shape
    gray = [
        [0.299 * image[y, x, 0] + 0.587 * image[y, x, 1] + 0.114 * image[y, x, 2] for x in range(w)] for y in range(h)
    ]
    hist = np.zeros((h // 8, w // 8, 9))
    for y in range(h):
        for x in range(w):
            gx = gray[y][min(x + 1, w - 1)] - gray[y][max(x - 1, 0)]
            gy = gray[min(y + 1, h - 1)][x] - gray[max(y - 1, 0)][x]
            theta = math.degrees(math.atan2(gy, gx)) % 180.0
            hist[y // 8, x // 8, int(theta / 20.0) % 9] += math.hypot(gx, gy) / 64.0
    if not block_norm:
        return hist.ravel()
    out = []
    for by in range(h // 8 - 1):
        for bx in range(w // 8 - 1):
            v = np.concatenate([hist[by, bx], hist[by, bx + 1], hist[by + 1, bx], hist[by + 1, bx + 1]])
            v = np.minimum(v / math.sqrt((v**2).sum() + 1e-6), 0.2)
            out.append(v / math.sqrt((v**2).sum() + 1e-6))
    return np.concatenate(out)


def test_shapes_and_dtypes():
    images = random_images(5)
    assert hog_features(images).shape == (5, 324)
    assert hog_features(images, block_norm=False).shape == (5, 144)
    assert color_histogram_hsv(images).shape == (5, 10)
    assert color_histogram_hsv(images, nbins=7).shape == (5, 7)
    for kind in FEATURE_KINDS:
        for block_norm in (True, False):
            F = extract_features(images, kind, block_norm=block_norm)
            assert F.dtype == np.float32
            assert F.shape == (5, feature_dim(kind, block_norm=block_norm))
    assert feature_dim("raw") == 3072 and feature_dim("hog+color", block_norm=False) == 154
    assert hog_features(random_images(2, size=20), block_norm=False).shape == (2, 2 * 2 * 9)  # partial cells dropped


@pytest.mark.parametrize("block_norm", [False, True])
def test_vectorised_hog_equals_loop_reference(block_norm):
    images = random_images(3, seed=4)
    images[1, 8:20, 5:25] = 255  # some flat areas and strong edges too
    images[2, :, :16] = 0
    got = hog_features(images, block_norm=block_norm)
    for image, row in zip(images, got, strict=True):
        np.testing.assert_allclose(row, hog_reference(image, block_norm), rtol=1e-4, atol=1e-4)


def energy_per_bin(features, block_norm):
    return features.reshape(-1, 9).sum(axis=0) if not block_norm else features.reshape(-1, 4, 9).sum(axis=(0, 1))


@pytest.mark.parametrize("block_norm", [False, True])
def test_edges_land_in_the_gradient_direction_bin(block_norm):
    vertical_edge = np.zeros((1, 32, 32, 3), np.uint8)
    vertical_edge[:, :, 13:] = 200  # dark left, bright right: gradient along x
    horizontal_edge = np.zeros((1, 32, 32, 3), np.uint8)
    horizontal_edge[:, 19:] = 200  # dark top, bright bottom: gradient along y
    flipped = vertical_edge[:, :, ::-1]  # bright left: gradient points left, same unsigned bin
    for image, bin_ in ((vertical_edge, 0), (flipped, 0), (horizontal_edge, 4)):
        e = energy_per_bin(hog_features(image, block_norm=block_norm)[0], block_norm)
        assert e[bin_] > 0 and np.all(np.delete(e, bin_) == 0), e
    ramp = np.add.outer(np.arange(32), np.arange(32)).astype(np.uint8)  # I = x + y: θ = 45° → bin 2
    e = energy_per_bin(hog_features(np.repeat(ramp[None, :, :, None], 3, axis=3), block_norm=False)[0], False)
    assert e.argmax() == 2 and e[2] > 0.9 * e.sum()


def test_hog_of_flat_image_is_zero():
    for block_norm in (False, True):
        assert not hog_features(solid((90, 30, 200)), block_norm=block_norm).any()


def test_gray_uses_luma_weights():
    np.testing.assert_allclose(to_gray(solid((255, 0, 0)))[0, 0, 0], 0.299 * 255, rtol=1e-6)
    np.testing.assert_allclose(to_gray(solid((10, 20, 30)))[0, 5, 5], 0.299 * 10 + 0.587 * 20 + 0.114 * 30, rtol=1e-6)


@pytest.mark.parametrize(
    "rgb, bin_", [((255, 0, 0), 0), ((0, 255, 0), 3), ((0, 0, 255), 6), ((128, 128, 128), 0), ((255, 255, 0), 1)]
)
def test_pure_colours_land_in_their_hue_bin(rgb, bin_):
    hist = color_histogram_hsv(solid(rgb))[0]
    expected = np.zeros(10, np.float32)
    expected[bin_] = 1.0
    np.testing.assert_array_equal(hist, expected)


def test_hue_matches_colorsys():
    rng = np.random.default_rng(8)
    images = np.concatenate([random_images(1, seed=9, size=16), rng.integers(0, 3, (1, 16, 16, 3), dtype=np.uint8)])
    got = hue(images)
    want = np.array([[colorsys.rgb_to_hsv(*(px / 255.0))[0] for px in row] for img in images for row in img])
    np.testing.assert_allclose(got.reshape(want.shape), want, atol=1e-6)


def test_histogram_rows_sum_to_one_and_match_cs231n():
    images = random_images(4, seed=12)
    hist = color_histogram_hsv(images)
    np.testing.assert_allclose(hist.sum(axis=1), 1.0, rtol=1e-6)
    bins = np.linspace(0, 255, 11)
    for image, row in zip(images, hist, strict=True):
        h = np.array([[colorsys.rgb_to_hsv(*(px / 255.0))[0] for px in r] for r in image]) * 255
        want, edges = np.histogram(h, bins=bins, density=True)
        np.testing.assert_allclose(row, want * np.diff(edges), atol=2 / 1024)  # a pixel on a bin edge may move


def test_extract_in_chunks_equals_all_at_once():
    images = random_images(7, seed=3)
    for kind in FEATURE_KINDS:
        np.testing.assert_array_equal(extract_features(images, kind, chunk=3), extract_features(images, kind))
    np.testing.assert_array_equal(extract_features(images, "raw"), images.reshape(7, -1).astype(np.float32))
    both = extract_features(images, "hog+color")
    np.testing.assert_array_equal(both[:, :324], hog_features(images))
    np.testing.assert_array_equal(both[:, 324:], color_histogram_hsv(images))


def test_bad_input():
    with pytest.raises(ValueError, match="unknown feature kind"):
        extract_features(random_images(1), "sift")
    with pytest.raises(ValueError, match=r"\(N, H, W, 3\)"):
        hog_features(np.zeros((2, 32, 32), np.uint8))
    with pytest.raises(ValueError, match="no 8×8 cell"):
        hog_features(np.zeros((1, 4, 4, 3), np.uint8))


def test_standardize_uses_training_statistics():
    rng = np.random.default_rng(5)
    F_train = rng.normal(3.0, 2.0, size=(500, 4)).astype(np.float32)
    F_train[:, 2] = 7.0  # a constant column
    F_test = rng.normal(3.0, 2.0, size=(50, 4)).astype(np.float32)
    before = F_train.copy()
    Z_train, Z_test = standardize(F_train, F_test, chunk=64)
    np.testing.assert_array_equal(F_train, before)  # inputs untouched
    assert Z_train.dtype == Z_test.dtype == np.float32
    np.testing.assert_allclose(Z_train.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(np.delete(Z_train.std(axis=0), 2), 1, rtol=1e-4)
    assert not Z_train[:, 2].any()  # σ = 0 → divide by 1, not by 0
    np.testing.assert_allclose(Z_test[:, 2], F_test[:, 2] - 7.0, rtol=1e-6)
    mu, sigma = F_train.astype(float).mean(0), F_train.astype(float).std(0)
    np.testing.assert_allclose(Z_test[:, 0], (F_test[:, 0] - mu[0]) / sigma[0], rtol=1e-4)
    (only,) = standardize(F_train)
    np.testing.assert_array_equal(only, Z_train)
    with pytest.raises(ValueError, match=r"\(M, 4\)"):
        standardize(F_train, np.zeros((3, 5)))
