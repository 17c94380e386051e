"""The class line and arrow the plane draws, as plain geometry (no Qt)."""

import math

import numpy as np
import pytest

from linviz.engine.plane_geometry import class_arrow, clip_line, pad_for_markers

RECT = ((-3.0, 3.0), (-2.0, 2.0))


def test_clip_line_gives_the_part_inside_the_rectangle():
    assert clip_line((0.0, 1.0), (1.0, 0.0), RECT) == pytest.approx((-3.0, 3.0))  # y = 1, across
    t0, t1 = clip_line((0.0, 0.0), (1 / math.sqrt(2), 1 / math.sqrt(2)), RECT)  # the diagonal: y bounds it
    assert (t0, t1) == pytest.approx((-2 * math.sqrt(2), 2 * math.sqrt(2)))
    assert clip_line((0.0, 5.0), (1.0, 0.0), RECT) is None  # y = 5 misses
    assert clip_line((10.0, 10.0), (1.0, 1.0), RECT) == pytest.approx((-12.0, -8.0))


def test_the_class_line_is_where_the_score_is_zero_and_the_arrow_points_along_w():
    w, b = np.array([2.0, 1.0]), -1.5
    a = class_arrow(w, b, RECT, scale=1.0, min_len=0.1, max_len=10.0, head_len=0.2)
    for end in a.line:  # both ends on w·x + b = 0, on the rectangle's border
        assert w @ end + b == pytest.approx(0.0, abs=1e-12)
        (x0, x1), (y0, y1) = RECT
        assert min(abs(end[0] - x0), abs(end[0] - x1), abs(end[1] - y0), abs(end[1] - y1)) < 1e-12
    assert w @ a.start + b == pytest.approx(0.0, abs=1e-12)
    np.testing.assert_allclose(a.start, -b * w / (w @ w))  # the line's point nearest the origin
    np.testing.assert_allclose(a.u, w / np.linalg.norm(w))
    np.testing.assert_allclose(a.tip - a.start, np.linalg.norm(w) * a.u)  # ‖w‖·scale long
    assert np.linalg.norm(a.shaft_end - a.start) == pytest.approx(np.linalg.norm(w) - 0.2)
    assert w @ a.tip + b > 0  # the arrow points to the side where class j scores


def test_arrow_lengths_are_kept_within_their_bounds_and_degenerate_lines_are_not_drawn():
    short = class_arrow([1e-3, 0.0], 0.0, RECT, 1.0, min_len=0.5, max_len=2.0, head_len=0.1)
    assert np.linalg.norm(short.tip - short.start) == pytest.approx(0.5)
    long = class_arrow([100.0, 0.0], 0.0, RECT, 1.0, min_len=0.5, max_len=2.0, head_len=0.1)
    assert np.linalg.norm(long.tip - long.start) == pytest.approx(2.0)
    assert class_arrow([0.0, 0.0], 1.0, RECT, 1.0, 0.1, 1.0, 0.1) is None
    assert class_arrow([np.nan, 1.0], 0.0, RECT, 1.0, 0.1, 1.0, 0.1) is None
    assert class_arrow([1.0, 0.0], -10.0, RECT, 1.0, 0.1, 1.0, 0.1) is None  # x = 10: outside the view


def test_the_marker_pad_holds_a_marker_of_r_pixels_at_the_edge():
    lo, hi = pad_for_markers([0.0, 0.0], [10.0, 4.0], 8.0, (400.0, 200.0))
    span = hi - lo
    pixels = np.array([400.0, 200.0])
    np.testing.assert_allclose((0.0 - lo) / span * pixels, 8.0)  # exactly r pixels from the edge
    np.testing.assert_allclose((hi - [10.0, 4.0]) / span * pixels, 8.0)
