"""Spots that change on every playback step: the loss rings and the margin dots.

pyqtgraph's ScatterPlotItem rebuilds every spot's style on ``setData`` (~0.6 ms for a
few hundred spots, ~0.9 ms with a brush per spot) and the plane gives the rings and the
dots new spots on most steps of a run. Here a spot is a position and a style number:
``set_spots`` stores two arrays, and ``paint`` stamps one pre-drawn symbol per spot in a
single ``drawPixmapFragments`` call, as pyqtgraph's own fast path does. In export mode
(SVG) each symbol is drawn as vectors instead.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph import functions as fn
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol, renderSymbol
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPixmap

SPOT_DTYPE = [("x", float), ("y", float), ("data", np.int64), ("style", np.int64)]


class Spots(pg.GraphicsObject):
    """Spots of a few fixed looks, sized in screen pixels.

    ``styles``: the looks, (symbol, size px, pen, brush) each, as pyqtgraph names them.
    ``data``: a record array (x, y, data, style), one row per spot, in data coordinates —
    the fields pyqtgraph's ScatterPlotItem keeps, so tests read both alike."""

    def __init__(self, styles: list[tuple]):
        super().__init__()
        self.data = np.zeros(0, SPOT_DTYPE)
        self._styles: list[tuple] = []
        self._atlas: QPixmap | None = None
        self._sources = np.zeros((0, 4))
        self._fragments = PrimitiveArray(QPainter.PixmapFragment, 10)
        self._rect: QRectF | None = None
        self.set_styles(styles)

    # --- what is shown -------------------------------------------------------------------------
    def set_styles(self, styles: list[tuple]) -> None:
        """New looks (e.g. the class colours); the spots keep their style numbers."""
        self._styles = [(symbol, float(size), pg.mkPen(pen), pg.mkBrush(brush)) for symbol, size, pen, brush in styles]
        self._atlas = None
        self._invalidate()

    def set_spots(self, pos: np.ndarray, data: np.ndarray, style: np.ndarray | int = 0) -> None:
        """Show spots at ``pos`` (K, 2) with their ``data`` (K,) ints and ``style`` numbers."""
        pos = np.asarray(pos, float).reshape(-1, 2)
        spots = np.zeros(len(pos), SPOT_DTYPE)
        spots["x"], spots["y"] = pos[:, 0], pos[:, 1]
        spots["data"] = data
        spots["style"] = style
        self.data = spots
        self._invalidate()

    def move_spots(self, pos: np.ndarray) -> None:
        """The same spots at new positions (K, 2)."""
        self.data["x"], self.data["y"] = pos[:, 0], pos[:, 1]
        self._invalidate()

    def positions(self) -> np.ndarray:
        """(K, 2) positions in data coordinates."""
        return np.column_stack([self.data["x"], self.data["y"]])

    def style_of(self, k: int) -> tuple:
        """(symbol, size, pen, brush) of style number ``k``."""
        return self._styles[k]

    # --- Qt ----------------------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self.prepareGeometryChange()
        self._rect = None
        self.informViewBoundsChanged()
        self.update()

    def viewTransformChanged(self) -> None:  # noqa: N802 (pyqtgraph's name)
        self.prepareGeometryChange()
        self._rect = None

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):  # noqa: N802 (pyqtgraph's name)
        values = self.data["xy"[ax]]
        return (None, None) if not len(values) else (float(values.min()), float(values.max()))

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        if self._rect is None:
            if not len(self.data):
                self._rect = QRectF()
            else:
                x, y = self.data["x"], self.data["y"]
                px, py = self.pixelVectors()
                half = 0.5 * max(size + pen.widthF() for _, size, pen, _ in self._styles) + 1
                wx = half * (px.length() if px is not None else 0.0)
                wy = half * (py.length() if py is not None else 0.0)
                self._rect = QRectF(x.min() - wx, y.min() - wy, x.max() - x.min() + 2 * wx, y.max() - y.min() + 2 * wy)
        return QRectF(self._rect)

    def paint(self, painter, *args) -> None:
        if not len(self.data):
            return
        if self._exportOpts is not False:
            self._paint_vectors(painter)
            return
        widget = args[1] if len(args) > 1 else None
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        if self._atlas is None or self._atlas.devicePixelRatio() != dpr:
            self._build_atlas(dpr)
        xy = fn.transformCoordinates(painter.transform(), np.vstack([self.data["x"], self.data["y"]]))
        xy = fn.clip_array(xy, -2**30, 2**30)
        painter.resetTransform()
        self._fragments.resize(len(self.data))
        frags = self._fragments.ndarray()
        frags[:, 0:2] = xy.T
        frags[:, 2:6] = self._sources[self.data["style"]]
        frags[:, 6:10] = [1 / dpr, 1 / dpr, 0.0, 1.0]  # scale x, scale y, rotation, opacity
        painter.drawPixmapFragments(*self._fragments.drawargs(), self._atlas)

    def _build_atlas(self, dpr: float) -> None:
        """Every style's symbol side by side in one pixmap; ``_sources`` (S, 4) their source rects."""
        images = [renderSymbol(symbol, size, pen, brush, dpr=dpr) for symbol, size, pen, brush in self._styles]
        width, height = sum(im.width() for im in images), max(im.height() for im in images)
        atlas = QPixmap(max(width, 1), max(height, 1))
        atlas.fill(pg.mkColor(0, 0, 0, 0))
        painter, x, sources = QPainter(atlas), 0, []
        for im in images:
            painter.drawImage(x, 0, im)
            sources.append((x, 0, im.width(), im.height()))
            x += im.width()
        painter.end()
        atlas.setDevicePixelRatio(dpr)
        self._atlas, self._sources = atlas, np.array(sources, float).reshape(-1, 4)

    def _paint_vectors(self, painter) -> None:
        """Each spot drawn as a path (SVG export): crisp at any zoom."""
        scale = self._exportOpts.get("resolutionScale", 1.0)
        xy = fn.transformCoordinates(painter.transform(), np.vstack([self.data["x"], self.data["y"]]))
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for (x, y), k in zip(xy.T, self.data["style"]):
            symbol, size, pen, brush = self._styles[k]
            painter.resetTransform()
            painter.translate(x, y)
            drawSymbol(painter, symbol, size * scale, pen, brush)


__all__ = ["Spots", "SPOT_DTYPE"]
