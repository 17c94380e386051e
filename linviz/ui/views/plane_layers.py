"""The plane's layers drawn from the models: the points (true class as shape and outline,
predicted class as fill), the decision regions, the class lines with w_j's arrows, and the
SVM's marks (L_i > 0 rings, mini-batch, active margin terms).

:class:`PlaneLayers` is the drawing half of :class:`~linviz.ui.views.plane.PlaneView`
(mixed into it): it reads the models and calls ``setData`` / ``setImage`` / ``setPos`` on
items the plane created once. The geometry of a class line and its arrow is Qt-free
(``linviz.engine.plane_geometry.class_arrow``).

A point i is drawn with the marker of its true class y_i, ringed in y_i's colour, and
filled with the colour of its predicted class argmax_j s_ij (s = φ(x)·Wᵀ + b at the step
shown; kNN: the vote of its k neighbours): a misclassified point shows two colours.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from linviz.engine.features import FeatureMap
from linviz.engine.losses import per_example_terms
from linviz.engine.plane_geometry import class_arrow
from linviz.engine.regions import Grid, linear_regions, vote_regions

from .. import style
from .plane_overlays import LineGeometry, move_spots, set_scatter

MAX_CLASSES = 10
TRUE_RING_PX = 3.5
"""The ring around each point, in its true class's colour (the point itself is filled with the
predicted class's): the fill keeps the size points have always had."""
RIM_PX = 1.5
"""The dark rim around the ring, so pale colours show on pale regions."""
LINE_WIDTH = 3
ARROW_MAX_FRACTION = 0.3
"""Weight arrows are |w_j|·scale long; one scale per run (at most ``arrow_scale``) makes the
run's longest w_j this fraction of the view's shorter side, so lengths compare across
classes and steps (but no arrow is shorter than 4 head lengths, so its direction shows)."""
ARROW_HEAD_PX = 22
_IDENTITY = FeatureMap()


class PlaneLayers:
    """The plane's drawing from the models (mixed into PlaneView)."""

    def _palette(self, n: int):
        """(hex colours, brushes, line pens) for n classes, built once per n."""
        if n not in self._palette_cache:
            colours = style.class_colours(n)
            brushes = [pg.mkBrush(c) for c in colours]
            pens = [pg.mkPen(c, width=LINE_WIDTH * style.scale()) for c in colours]
            lut32 = np.ascontiguousarray(style.region_lut(n)).view(np.uint32).ravel()  # one gather per cell
            self._palette_cache[n] = (colours, brushes, pens, lut32)
        return self._palette_cache[n]

    def _update_points(self) -> None:
        """Each point: shape of its true class y_i, a ring in y_i's colour, the fill of its
        predicted class (``predicted``; the true class until a model fits these points)."""
        ds = self.data.dataset
        _, brushes, _, _ = self._palette(ds.n_classes)
        y = ds.y
        shown = self._points_styles
        self._points_styles = (brushes, y.copy())
        if shown is not None and shown[0] is brushes and np.array_equal(shown[1], y) and len(
                self.points_item.data) == len(y):
            move_spots(self.points_item, ds.X)  # a drag: the same points, one of them elsewhere
            move_spots(self.points_ring_item, ds.X)
            return
        symbols = [style.MARKERS[c] for c in y]
        fills = self._fill_classes()
        self._fills = fills.copy()
        self.points_ring_item.setData(pos=ds.X, symbol=symbols, brush=[brushes[c] for c in y], data=np.arange(len(ds)))
        self.points_item.setData(pos=ds.X, symbol=symbols, brush=[brushes[c] for c in fills], data=np.arange(len(ds)))

    def _fill_classes(self) -> np.ndarray:
        """The class each point is filled with: predicted when known for these points, else true."""
        ds, p = self.data.dataset, self.predicted
        if p is None or len(p) != len(ds) or (len(p) and p.max() >= ds.n_classes):
            return ds.y
        return p

    def _update_fills(self) -> None:
        """New fills when a prediction changed (most playback steps change none: no setData)."""
        fills = self._fill_classes()
        if self._fills is not None and np.array_equal(fills, self._fills) and len(self.points_item.data) == len(fills):
            return
        if len(self.points_item.data) != len(fills):
            self._points_styles = None
            self._update_points()
            return
        self._fills = fills.copy()
        _, brushes, _, _ = self._palette(self.data.dataset.n_classes)
        self.points_item.setBrush([brushes[c] for c in fills])

    def _grid_for(self, features: FeatureMap) -> Grid:
        """The grid over the visible rect for this feature map (built once per rect/map/resolution)."""
        (x0, x1), (y0, y1) = self.view_rect()
        w, h = x1 - x0, y1 - y0
        res = self._resolution
        shape = (res, max(8, round(res * w / h))) if h > w else (max(8, round(res * h / w)), res)
        key = (x0, x1, y0, y1, shape, features)
        grid = self._grids.get(key)
        if grid is None:
            if len(self._grids) > 4:
                self._grids.clear()
            grid = self._grids[key] = Grid.make((x0, x1), (y0, y1), shape[1], shape[0], features)
        return grid

    def _update_model_layers(self, *_args, force: bool = False) -> None:
        """Regions, class lines, weight arrows, SVM marks and inspector from the current step.

        Between an edit of the points and the retrain it triggers (the next turn of the
        event loop) the model may not fit the data yet (another class count, kNN fitted
        on other points); then the old picture stays up until the new model arrives.
        """
        s, ds = self.session, self.data.dataset
        hist, knn = s.history, s.knn
        if s.settings.is_linear:
            if hist is None or hist.n_classes != ds.n_classes:
                return
            kind, features = "linear", hist.config.features
        elif knn is None:
            kind, features = "none", _IDENTITY  # too few points for k
        elif len(knn.X) != len(ds) or knn.n_classes != ds.n_classes:
            return
        else:
            kind, features = "knn", _IDENTITY
        grid = self._grid_for(features)
        model = hist if kind == "linear" else knn
        pixel = self.plot.getViewBox().viewPixelSize()  # heads and dots are sized in screen pixels
        key = (kind, id(model), len(hist) if kind == "linear" else 0, s.step, id(grid), self._confidence_mode, pixel)
        marks_key = (key, id(ds))
        # a diverged run or a typed W of 1e300 overflows to inf / nan: such a line is not drawn,
        # such a point is ringed — nothing to warn about
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            if force or key != self._model_key:
                self._model_key, self._model_refs = key, (model, grid)  # the refs keep the ids unique
                self.grid = grid
                self._update_regions(kind, grid)
                show_lines = kind == "linear" and features.is_identity
                self._update_lines(s.W if show_lines else None, s.b if show_lines else None, hist)
                self._update_inspector()
            if force or marks_key != self._marks_key:
                self._marks_key, self._marks_refs = marks_key, ds
                self._update_marks(kind == "linear")
        self._update_legend()  # the gradient scale or an overlay's row may have changed

    def _update_regions(self, kind: str, grid: Grid) -> None:
        s, ds = self.session, self.data.dataset
        if kind == "linear":
            self.regions = linear_regions(s.W, s.b, grid, self._confidence_mode)
        elif kind == "knn":
            self.regions = vote_regions(s.knn.vote_counts(grid.points), grid.shape)
        else:
            self.regions = None
            self.regions_item.hide()
            return
        _, _, _, lut = self._palette(ds.n_classes)
        rgba = style.region_rgba(self.regions.winner, self.regions.confidence, lut).view(np.uint8)
        self.regions_item.setImage(rgba.reshape(*grid.shape, 4), autoLevels=False)
        (x0, x1), (y0, y1) = grid.x_range, grid.y_range
        self.regions_item.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.regions_item.show()

    def _arrow_scale(self, hist, max_len: float) -> float:
        """Data units per unit of |w|: arrow_scale, or less so that the run's longest w_j fits max_len."""
        key = (id(hist), len(hist))
        if self._norm_cache is None or self._norm_cache[0] != key:
            norms = np.linalg.norm(hist.W[: len(hist)], axis=2)
            self._norm_cache = (key, float(np.nanmax(norms[np.isfinite(norms)], initial=0.0)), hist)
        longest = self._norm_cache[1]
        return self.arrow_scale if longest <= 0 else min(self.arrow_scale, max_len / longest)

    def _update_lines(self, W, b, hist=None) -> None:
        """Class lines and w_j arrows, then the gradient arrows that start from them."""
        n = 0 if W is None else len(W)
        geometry: list[LineGeometry | None] = [None] * n
        max_len = pixel = 1.0
        if n:
            _, brushes, pens, _ = self._palette(n)
            (x0, x1), (y0, y1) = self.view_rect()
            max_len = ARROW_MAX_FRACTION * min(x1 - x0, y1 - y0)
            pixel = max(self.plot.getViewBox().viewPixelSize())
            head_px = ARROW_HEAD_PX * style.scale()
            head_len, min_len = 0.6 * head_px * pixel, 4 * head_px * pixel  # short w: still a clear arrow
            scale = self._arrow_scale(hist, max_len) if hist is not None else self.arrow_scale
        rect = self.view_rect()
        for j in range(MAX_CLASSES):
            line, head = self.class_lines[j], self.arrow_heads[j]
            arrow = class_arrow(W[j], float(b[j]), rect, scale, min_len, max_len, head_len) if j < n else None
            if arrow is None:
                line.hide()
                head.hide()
                continue
            pts = np.vstack([arrow.line, arrow.start, arrow.shaft_end])
            if self._line_colours[j] is not pens[j]:
                self._line_colours[j] = pens[j]
                line.setPen(pens[j])
                head.setStyle(brush=brushes[j])
            line.setData(pts[:, 0], pts[:, 1])
            head.setPos(float(arrow.tip[0]), float(arrow.tip[1]))
            angle = math.degrees(math.atan2(arrow.u[1], -arrow.u[0]))
            if angle != self._head_angles[j]:  # the head's path stays, the item turns (setStyle would rebuild it)
                self._head_angles[j] = angle
                head.setRotation(angle)
            line.show()
            head.show()
            geometry[j] = LineGeometry(arrow.start, arrow.tip, arrow.u, arrow.d, arrow.room)
        self.overlays.update_gradients(hist if n else None, self.session.step, geometry, max_len, pixel)

    def _update_marks(self, linear: bool) -> None:
        """Ring the points whose SVM loss L_i > 0 at the current step (they still push on W);
        mark this step's mini-batch and the SVM's active margin terms."""
        s, ds = self.session, self.data.dataset
        marked, terms, predicted = np.zeros(0, np.int64), None, None
        if linear and len(ds):
            cfg = s.history.config
            if self._phi_cache is None or self._phi_cache[0] is not ds or self._phi_cache[1] != cfg.features:
                self._phi_cache = (ds, cfg.features, cfg.features.transform(ds.X))
            scores = self._phi_cache[2] @ s.W.T + s.b  # (N, C)
            predicted = np.argmax(np.nan_to_num(scores, nan=-np.inf), axis=1)
            if cfg.loss.kind == "svm":
                terms = per_example_terms(scores, ds.y, cfg.loss)
                marked = np.flatnonzero(terms.sum(axis=1) > 0)
        elif s.settings.model == "knn" and s.knn is not None and len(ds) and len(s.knn.X) == len(ds):
            predicted = s.knn.predict_with_ties(ds.X)[0]
        self.predicted = predicted
        self._update_fills()
        self.loss_marked = marked
        set_scatter(self.loss_ring_item, ds.X, marked)
        self.overlays.update_batch(s.history if linear else None, s.step, ds.X)
        self.overlays.update_margins(terms, ds.y, ds.X, s.history.config.loss if terms is not None else None,
                                     self.plot.getViewBox().viewPixelSize())


class SmoothImageItem(pg.ImageItem):
    """An ImageItem scaled with bilinear filtering: region borders show no grid-cell steps.

    ``image`` stays the (H, W, 4) RGBA array given to ``setImage``; what is painted is a
    copy converted once to premultiplied ARGB32, the raster engine's own format: a smooth
    scale of RGBA8888 converts every source pixel on every paint (measured ~2× slower).
    The regions are opaque, so nothing changes but the cost.
    """

    def render(self):
        super().render()
        if self.qimage is not None and self.qimage.format() != QImage.Format.Format_ARGB32_Premultiplied:
            self.qimage = self.qimage.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)

    def paint(self, painter, *args):
        painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
        super().paint(painter, *args)


__all__ = ["PlaneLayers", "SmoothImageItem", "MAX_CLASSES", "TRUE_RING_PX", "RIM_PX", "LINE_WIDTH", "ARROW_HEAD_PX"]
