"""Where the plane draws a class: its zero-score line clipped to the view and w_j's arrow.

Pure NumPy geometry, no Qt: the plane (``linviz/ui/views/plane.py``) calls
:func:`class_arrow` once per class and per redraw and only hands the result to its items.

For class j with weights w = w_j ∈ R² and bias b = b_j, the zero-score line is
{x : w·x + b = 0}. Its point nearest the origin is p0 = −b·w/‖w‖², it runs along
d = (−w₂, w₁)/‖w‖ and its points are p0 + t·d. The arrow of w leaves the line at the
visible point nearest p0, along u = w/‖w‖.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

Rect = tuple[tuple[float, float], tuple[float, float]]
"""((x0, x1), (y0, y1)) in data coordinates."""


def clip_line(p0, d, rect: Rect) -> tuple[float, float] | None:
    """Parameters (t0, t1), t0 < t1, of the part of the line p0 + t·d inside ``rect``
    (Liang–Barsky clipping), or None when the line misses it."""
    (x0, x1), (y0, y1) = rect
    t0, t1 = -math.inf, math.inf
    for p, dp, lo, hi in ((p0[0], d[0], x0, x1), (p0[1], d[1], y0, y1)):
        if abs(dp) < 1e-12:
            if p < lo or p > hi:
                return None
            continue
        ta, tb = (lo - p) / dp, (hi - p) / dp
        t0, t1 = max(t0, min(ta, tb)), min(t1, max(ta, tb))
    return (t0, t1) if t0 < t1 else None


@dataclass(frozen=True)
class ClassArrow:
    """One class as drawn: ``line`` (2, 2) the visible ends of w·x + b = 0; ``start`` (2,)
    where w's arrow leaves the line; ``shaft_end`` (2,) where its shaft stops (inside the
    head); ``tip`` (2,); ``u`` (2,) = w/‖w‖; ``d`` (2,) along the line; ``room`` ±1: the
    direction along d where more of the visible line lies."""

    line: np.ndarray
    start: np.ndarray
    shaft_end: np.ndarray
    tip: np.ndarray
    u: np.ndarray
    d: np.ndarray
    room: float


def class_arrow(w, b: float, rect: Rect, scale: float, min_len: float, max_len: float,
                head_len: float) -> ClassArrow | None:
    """Class line and arrow of w (2,), b in the view ``rect``; None when w ≈ 0, not finite, or
    the line misses the view. The arrow is ‖w‖·scale long, kept within [min_len, max_len]
    (data units); its shaft stops ``head_len`` before the tip (at most half-way)."""
    w = np.asarray(w, float)
    norm2 = float(w @ w)
    if not (norm2 > 1e-18 and math.isfinite(norm2) and math.isfinite(b)):
        return None
    p0 = -b * w / norm2
    norm = math.sqrt(norm2)
    d = np.array([-w[1], w[0]]) / norm
    seg = clip_line(p0, d, rect)
    if seg is None:
        return None
    t0, t1 = seg
    ts = min(max(0.0, t0), t1)
    start = p0 + ts * d
    u = w / norm
    length = min(max(norm * scale, min_len), max_len)
    tip = start + u * length
    shaft_end = start + u * max(length - head_len, 0.5 * length)
    line = np.array([p0 + t0 * d, p0 + t1 * d])
    return ClassArrow(line, start, shaft_end, tip, u, d, 1.0 if t1 - ts >= ts - t0 else -1.0)


def pad_for_markers(lo, hi, pixel_radius: float, size_px: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """Widen the box [lo, hi] (2,) each way so that a marker ``pixel_radius`` screen pixels
    wide, centred on the box's edge, fits whole once the box fills ``size_px`` (w, h) pixels.

    With a span s and n pixels, the pad p solves p = r·(s + 2p)/n, i.e. p = r·s/(n − 2r)."""
    lo, hi = np.asarray(lo, float), np.asarray(hi, float)
    n = np.maximum(np.asarray(size_px, float), 4 * pixel_radius + 1)
    pad = pixel_radius * (hi - lo) / (n - 2 * pixel_radius)
    return lo - pad, hi + pad


__all__ = ["ClassArrow", "class_arrow", "clip_line", "pad_for_markers"]
