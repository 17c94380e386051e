"""A small, read-only plane for the compare window: decision regions, points, class lines.

It draws what the main plane draws at the heart of it — the regions of
s = W φ(x) + b from ``linear_regions`` coloured by ``style.region_lut``, the
points with their class colour and marker, and each class's zero-score line
w_j·x + b_j = 0 — and nothing else (no legend, axes, arrows or gestures), so
four of them fit side by side and redraw within a frame.

Items are created once; a step change only calls ``setImage`` and ``setData``.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from linviz.engine.features import FeatureMap
from linviz.engine.regions import Grid, linear_regions

from .. import style
from ..models import DatasetModel, SessionModel

MAX_CLASSES = 10
OUTLINE = "#1A1A1A"
DEFAULT_VIEW = ((-3.0, 3.0), (-3.0, 3.0))
POINT_SIZE = 11
PIXELS_PER_CELL = 4
"""Region cells are about this many screen pixels wide (bilinear scaling hides the steps)."""


class _SmoothImage(pg.ImageItem):
    """Regions scaled with bilinear filtering, so a coarse grid shows no cell steps."""

    def paint(self, painter, *args):
        painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
        super().paint(painter, *args)


class MiniPlane(QWidget):
    """Regions, points and class lines of ``session`` at its current step.

    Public state for tests: ``plot``, ``grid``, ``regions`` (the engine's Regions
    drawn last), ``regions_item``, ``points_item``, ``class_lines`` (curve j: class
    j's zero-score line clipped to the view, hidden when j has no line there),
    ``resolution`` (grid cells along the longer side: a number, or None for one cell per
    ``PIXELS_PER_CELL`` screen pixels); ``class_lines.segments[j]``: class
    j's zero-score line as (2, 2) ends clipped to the view, None when it has none there.
    """

    def __init__(self, data: DatasetModel, session: SessionModel, resolution: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.data, self.session = data, session
        self.resolution = resolution
        self.grid: Grid | None = None
        self.regions = None
        self._grids: dict = {}
        self._luts: dict[int, tuple] = {}
        self._key = None
        self._seen = data.dataset.name
        self._build()
        data.changed.connect(self._on_data_changed)
        session.step_changed.connect(self.redraw)
        session.history_changed.connect(self.redraw)
        self._update_points()
        self.fit_view()

    def _build(self) -> None:
        self.plot = pg.PlotWidget(parent=self)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        for name in ("left", "bottom"):
            self.plot.hideAxis(name)
        vb = self.plot.getViewBox()
        vb.setAspectLocked(True, 1.0)
        vb.disableAutoRange()
        vb.setMouseEnabled(False, False)
        vb.setMenuEnabled(False)
        vb.setBorder(pg.mkPen("#888", width=1))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

        self.regions_item = _SmoothImage(axisOrder="row-major")
        self.regions_item.setZValue(-100)
        self.plot.addItem(self.regions_item)
        axis_pen = pg.mkPen((0, 0, 0, 80), width=1)
        for angle in (0, 90):
            line = pg.InfiniteLine(0.0, angle=angle, pen=axis_pen, movable=False)
            line.setZValue(-50)
            self.plot.addItem(line)
        self.class_lines = ClassLines()
        self.class_lines.setZValue(2)
        self.plot.addItem(self.class_lines)
        self.points_item = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen(OUTLINE, width=1.2))
        self.points_item.setZValue(5)
        # the regions under the points change every frame, the points seldom: paint them from a cache
        self.points_item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot.addItem(self.points_item)
        vb.sigRangeChanged.connect(self.redraw)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(360, 360)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(160, 160)

    # --- view ---------------------------------------------------------------------------
    def fit_view(self) -> None:
        """Show all the points with a margin (as the main plane does), or [−3, 3]²."""
        X = self.data.dataset.X
        if len(X) == 0:
            (x0, x1), (y0, y1) = DEFAULT_VIEW
        else:
            lo, hi = X.min(axis=0), X.max(axis=0)
            centre, half = (lo + hi) / 2, (hi - lo) / 2
            half = np.maximum(half + 0.08 * (hi - lo).max() + 0.25, 1.5)
            (x0, y0), (x1, y1) = centre - half, centre + half
        self.plot.getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.redraw()

    def view_rect(self) -> tuple[tuple[float, float], tuple[float, float]]:
        (x0, x1), (y0, y1) = self.plot.getViewBox().viewRange()
        return (float(x0), float(x1)), (float(y0), float(y1))

    def _on_data_changed(self) -> None:
        """New points: redraw them; refit when the data set came from elsewhere (another
        name) or a point lies outside the view, so an edit inside it does not move the view."""
        ds = self.data.dataset
        (x0, x1), (y0, y1) = self.view_rect()
        X = ds.X
        outside = len(X) > 0 and bool(((X[:, 0] < x0) | (X[:, 0] > x1) | (X[:, 1] < y0) | (X[:, 1] > y1)).any())
        refit = len(ds) > 0 and (ds.name != self._seen or outside)
        self._seen = ds.name
        self._update_points()
        if refit:
            self.fit_view()

    def _palette(self, n: int):
        """(brushes, line pens, uint32 region LUT) for n classes, built once per n."""
        if n not in self._luts:
            colours = style.class_colours(n)
            lut = np.ascontiguousarray(style.region_lut(n)).view(np.uint32).ravel()
            self._luts[n] = ([pg.mkBrush(c) for c in colours], [_flat(pg.mkPen(c, width=3)) for c in colours], lut)
        return self._luts[n]

    def _update_points(self) -> None:
        ds = self.data.dataset
        brushes, _, _ = self._palette(ds.n_classes)
        self.points_item.setData(pos=ds.X, symbol=[style.MARKERS[c] for c in ds.y],
                                 brush=[brushes[c] for c in ds.y])

    def _grid_for(self, features: FeatureMap) -> Grid:
        (x0, x1), (y0, y1) = self.view_rect()
        w, h, res = x1 - x0, y1 - y0, self._cells()
        shape = (res, max(8, round(res * w / h))) if h > w else (max(8, round(res * h / w)), res)
        key = (x0, x1, y0, y1, shape, features)
        if key not in self._grids:
            if len(self._grids) > 3:
                self._grids.clear()
            self._grids[key] = Grid.make((x0, x1), (y0, y1), shape[1], shape[0], features)
        return self._grids[key]

    def _cells(self) -> int:
        """Grid cells along the longer side: ``resolution``, or about one per PIXELS_PER_CELL pixels."""
        if self.resolution is not None:
            return int(self.resolution)
        size = self.plot.viewport().size()
        return int(np.clip(max(size.width(), size.height()) / PIXELS_PER_CELL, 48, 200))

    # --- model → picture ----------------------------------------------------------------
    def redraw(self, *_args) -> None:
        """Regions and class lines of the current step (skipped when nothing changed).

        While a retrain is pending after an edit the History may not fit the
        points (another class count): the old picture stays up until it does.
        """
        s, ds = self.session, self.data.dataset
        hist = s.history
        if hist is None or hist.n_classes != ds.n_classes:
            return
        grid = self._grid_for(hist.config.features)
        key = (id(hist), len(hist), s.step, id(grid))
        if key == self._key:
            return
        self._key, self._refs = key, (hist, grid)  # the refs keep the ids unique
        self.grid = grid
        _, pens, lut = self._palette(ds.n_classes)
        self.regions = linear_regions(*_bounded(s.W, s.b), grid)
        rgba = style.region_rgba(self.regions.winner, self.regions.confidence, lut).view(np.uint8)
        self.regions_item.setImage(rgba.reshape(*grid.shape, 4), autoLevels=False)
        (x0, x1), (y0, y1) = grid.x_range, grid.y_range
        self.regions_item.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        identity = hist.config.features.is_identity
        self._update_lines(s.W if identity else None, s.b, pens)

    def _update_lines(self, W, b, pens) -> None:
        """Class j's line w_j·x + b_j = 0 across the view (only for φ(x) = x)."""
        (x0, x1), (y0, y1) = self.view_rect()
        n = 0 if W is None else len(W)
        segments = [_line_in_rect(W[j], b[j], x0, x1, y0, y1) for j in range(n)]
        self.class_lines.set_lines(segments, pens[:n], ((x0, x1), (y0, y1)))


def _flat(pen):
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


class ClassLines(pg.GraphicsObject):
    """Every class's line in one item: a dark shadow, then the class colour on top.

    One item painting a few straight segments costs a fraction of one PlotCurveItem
    per class (which recomputes bounds and paths for every frame). ``segments[j]`` is
    class j's (2, 2) ends in data coordinates, or None when it has no line in view.
    """

    SHADOW = _flat(pg.mkPen((40, 40, 40), width=5.5))
    """Opaque, flat-capped: a translucent or round-capped wide line costs Qt's raster
    engine about ten times more (≈ 0.4 ms against 0.04 ms per line)."""

    def __init__(self):
        super().__init__()
        self.segments: list = []
        self._pens: list = []
        self._rect = QRectF()

    def set_lines(self, segments, pens, view) -> None:
        """New segments (None: no line) with their pens; ``view`` bounds them all."""
        self.prepareGeometryChange()
        self.segments, self._pens = list(segments), list(pens)
        (x0, x1), (y0, y1) = view
        self._rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return self._rect

    def paint(self, painter, *_args) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        lines = [(QPointF(*seg[0]), QPointF(*seg[1]), pen) for seg, pen in zip(self.segments, self._pens)
                 if seg is not None]
        painter.setPen(self.SHADOW)
        for a, b, _ in lines:
            painter.drawLine(a, b)
        for a, b, pen in lines:
            painter.setPen(pen)
            painter.drawLine(a, b)


def _bounded(W, b, limit: float = 1e6):
    """(W, b) scaled down together so that no entry passes ``limit``.

    The regions work in float32: a run about to diverge can hold finite float64
    weights (1e40) that overflow there. A positive scale of both keeps every
    arg max, so the regions stay the same (the shade is then certain anyway).
    """
    m = max(float(np.abs(W).max(initial=0.0)), float(np.abs(b).max(initial=0.0)))
    return (W, b) if m <= limit else (W * (limit / m), b * (limit / m))


def _line_in_rect(w, b, x0, x1, y0, y1):
    """The two ends (2, 2) of the line w·x + b = 0 inside the rectangle, or None."""
    norm2 = float(w @ w)
    if not (norm2 > 1e-18 and math.isfinite(norm2)):
        return None
    p0 = -b * w / norm2
    d = np.array([-w[1], w[0]]) / math.sqrt(norm2)
    t0, t1 = -math.inf, math.inf
    for p, dp, lo, hi in ((p0[0], d[0], x0, x1), (p0[1], d[1], y0, y1)):
        if abs(dp) < 1e-12:
            if not lo <= p <= hi:
                return None
            continue
        ta, tb = (lo - p) / dp, (hi - p) / dp
        t0, t1 = max(t0, min(ta, tb)), min(t1, max(ta, tb))
    return np.array([p0 + t0 * d, p0 + t1 * d]) if t0 < t1 else None


__all__ = ["MiniPlane"]
