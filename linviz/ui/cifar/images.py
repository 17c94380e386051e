"""Small 32 × 32 pictures made big enough for a projector.

Every picture is scaled up with nearest-neighbour sampling (each pixel becomes
a crisp square), never smoothed: on a projector the blocky pixels are what a
class should see — the classifier sees exactly those 3,072 numbers.
These helpers build QImages and QPixmaps, so they run in the GUI thread only.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

WRONG_COLOUR = "#B00020"
"""The frame of a misclassified image (always with a ✗ in its text, never colour alone)."""


def rgb_image(img: np.ndarray) -> QImage:
    """uint8 (H, W, 3) RGB → a QImage that owns a copy of the pixels."""
    img = np.ascontiguousarray(img, dtype=np.uint8)
    h, w = img.shape[:2]
    return QImage(img.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def image_pixmap(img: np.ndarray, size: int, frame: str | None = None, frame_width: int = 4) -> QPixmap:
    """uint8 (H, W, 3) → a ``size`` × ``size`` pixmap, nearest-neighbour, with an optional coloured frame."""
    scaled = rgb_image(img).scaled(size, size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                   Qt.TransformationMode.FastTransformation)
    pix = QPixmap.fromImage(scaled)
    if frame is not None:
        painter = QPainter(pix)
        pen = QPen(QColor(frame), frame_width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = frame_width / 2
        painter.drawRect(int(half), int(half), int(size - frame_width), int(size - frame_width))
        painter.end()
    return pix


def mean_image_uint8(mean: np.ndarray) -> np.ndarray:
    """A float mean image (32, 32, 3) on the 0..255 scale → uint8, for display."""
    return np.clip(np.rint(mean), 0, 255).astype(np.uint8)


__all__ = ["rgb_image", "image_pixmap", "mean_image_uint8", "WRONG_COLOUR"]
