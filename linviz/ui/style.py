"""Colours, markers and fonts shared by every view, chosen for a projector.

Class colours are colour-blind safe — Okabe & Ito's eight for up to 8
classes, Paul Tol's muted ten beyond — and always paired with a marker
shape, so no class is told apart by colour alone.
"""

from __future__ import annotations

import numpy as np

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
TOL_MUTED = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
             "#AA4499", "#DDDDDD")
MARKERS = ("o", "s", "t", "d", "star", "h", "p", "t1", "x", "+")
"""pyqtgraph symbol per class: circle, square, triangle, diamond, star, hexagon, pentagon, …"""

TIE_COLOUR = "#FFFFFF"
BASE_POINT_SIZE = 13
BASE_FONT_PT = 12


def class_colours(n_classes: int) -> tuple[str, ...]:
    """Hex colours for n classes (2 … 10)."""
    return (OKABE_ITO if n_classes <= 8 else TOL_MUTED)[:n_classes]


def class_rgb(n_classes: int) -> np.ndarray:
    """(C, 3) uint8 class colours."""
    return np.array([[int(h[i : i + 2], 16) for i in (1, 3, 5)] for h in class_colours(n_classes)], np.uint8)


def region_lut(n_classes: int, levels: int = 32, floor: float = 0.15, ceiling: float = 0.6) -> np.ndarray:
    """(C·levels + 1, 4) uint8 lookup table for regions: class c at confidence level
    q is its colour blended with white by floor … ceiling; the last row is the tie colour.

    Regions stay pale so the points drawn on top keep their contrast.
    """
    rgb = class_rgb(n_classes).astype(float)
    alpha = np.linspace(floor, ceiling, levels)
    mix = 255.0 + alpha[None, :, None] * (rgb[:, None, :] - 255.0)  # (C, levels, 3)
    lut = np.empty((n_classes * levels + 1, 4), np.uint8)
    lut[:-1, :3] = np.round(mix.reshape(-1, 3))
    lut[:-1, 3] = 255
    lut[-1] = (255, 255, 255, 255)
    return lut


def region_rgba(winner: np.ndarray, confidence: np.ndarray, lut: np.ndarray, levels: int = 32) -> np.ndarray:
    """(H, W, 4) uint8 image from winner (−1 = tie) and confidence in [0, 1]."""
    q = np.minimum((confidence * levels).astype(np.int32), levels - 1)
    idx = winner.astype(np.int32) * levels + q
    idx[winner < 0] = len(lut) - 1
    return lut[idx]
