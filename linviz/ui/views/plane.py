"""The plane: the points, the decision regions, class lines and weight arrows, the
SVM's active points and the kNN inspector — and the gestures that edit the points.

Every item is created once in ``__init__``; redraws only call ``setData`` /
``setImage`` / ``setPos``, so playback stays cheap. Gestures become model calls
and the picture follows from the models' signals (see DESIGN, "The flow of data").
The key sits beside the plot (plane_legend), never over a point.

The plane is one widget made of parts: this module builds the items and holds the
public API; ``plane_layers`` draws them from the models (points, regions, class lines,
marks); ``plane_gestures`` turns the mouse and keys into model calls (and is the brush);
``plane_inspector`` is the kNN inspector; ``plane_overlays`` the "why it moves" arrows,
batch and dots; the class lines' geometry is Qt-free (``linviz.engine.plane_geometry``).

What one playback frame costs here, and why it is cheap: the regions image is painted
from premultiplied ARGB32 (the raster engine's format); class lines and gradient arrows
are light ``Segments`` items whose dark edge is an opaque, square-capped pen (a
translucent or round-capped wide pen strokes 3–5× slower); scatter items cache their
bounding rects, are hidden when empty and get ``setData`` only when what they show
changed; the margin dots are one item of small symbols; the arrow heads turn with
``setRotation`` instead of rebuilding their path.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QLayout, QWidget

from linviz.engine.plane_geometry import pad_for_markers
from linviz.engine.regions import CONFIDENCES, Grid, Regions

from .. import i18n, style
from ..axes import compact_axes
from ..models import DatasetModel, SessionModel
from .plane_gestures import PlaneGestures
from .plane_inspector import KnnInspector
from .plane_layers import (
    ARROW_HEAD_PX,
    MAX_CLASSES,
    RIM_PX,
    TRUE_RING_PX,
    PlaneLayers,
    SmoothImageItem,
)
from .plane_legend import RING_COLOUR, RING_WIDTH, PlaneLegend
from .plane_overlays import PlaneOverlays, Scatter, Segments, set_scatter
from .spots import Spots

LOSS_RING_EXTRA_PX = 2 * TRUE_RING_PX + 8
"""The red L_i > 0 ring is this much wider than a point: outside the true class's ring."""
HIT_RADIUS_PX = 10.0
"""A press within this many screen pixels of a point grabs that point."""
OUTLINE = "#1A1A1A"
DEFAULT_VIEW = ((-3.0, 3.0), (-3.0, 3.0))
TICK_FONT_PT = 13
LABEL_FONT_PT = 16
SHADOW = (64, 64, 64)
"""The dark edge under class lines and arrows, so pale colours still show. Opaque, with
square caps: pg.mkPen gives pens wider than 4 px round caps, and a round-capped or
translucent wide pen costs 3–5× more to stroke (measured); on the pale regions an opaque
grey looks the same as the old translucent black."""
SHADOW_WIDTH = 5.5


class PlaneView(PlaneGestures, PlaneLayers, QWidget):
    """The 2D plane a teacher clicks on.

    Gestures (mouse on the plot, keys with the plane focused):

    * **Left click** on empty space adds a point of the current class there
      (keep the button down to drag the new point into place).
    * **Left drag** starting on a point moves it; training reruns while it moves.
    * **Right click** on a point deletes it.
    * **Shift + left click** on a point adds it to / removes it from the score
      table's examples (``session.toggle_selected``); they are drawn with a grey halo.
    * **Delete** (or Backspace) deletes the highlighted (score-table) points.
    * **Ctrl + left click** (or any left click while ``inspect_mode`` is on), kNN
      only: inspect that location — its k neighbours, the L1 diamond / L2 circle
      that holds them and the vote per class; keep the button down to move the probe.
      **Escape** hides the inspector.
    * **1 … 9** (and **0** for the tenth) choose the class of new points.
    * **Brush** (``set_brush_mode``; Edit ▸ Brush, G): a left drag paints a cloud of the
      current class, added in one change when the button is released (plane_gestures).
    * **F** fits the view to the points. The wheel zooms; the middle button pans.
    * The key (``legend``, a :class:`~linviz.ui.views.plane_legend.PlaneLegend`) sits
      beside the plot, never over a point; a click on a class row makes that class
      the current one.

    A point is "hit" when it lies within ``HIT_RADIUS_PX`` screen pixels.

    Public state for tests and the main window: ``plot``, ``grid``, ``regions``,
    ``regions_item``, ``points_item`` (spot data = point index; fill: the predicted class), ``points_ring_item``
    (the true class's ring around each point), ``class_lines``
    (curve j: the zero-score line w_j·x + b_j = 0 clipped to the view, then the
    shaft of w_j's arrow), ``arrow_heads``, ``loss_marked`` (indices with L_i > 0),
    ``selection_item``, ``legend`` (the key beside the plot; ``legend_texts()``),
    ``inspector_point``, ``inspector_neighbors``, ``inspector_distances``, ``inspector_votes``,
    ``inspector_radius``; ``resolution``, ``confidence_mode``, ``inspect_mode``, ``arrow_scale``.

    "Why it moves" (see plane_overlays): ``gradient_arrows`` / ``bias_arrows`` (per class,
    (start, end) of −∂L/∂w_j from w_j's tip and of −∂L/∂b_j across the line),
    ``gradient_scale`` (k), ``batch_marked``, ``active_terms``, ``overlays`` (the items);
    toggles ``show_gradients``, ``show_batch``, ``show_margins`` with ``set_show_…``.
    """

    def __init__(self, data: DatasetModel, session: SessionModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.data, self.session = data, session
        self._resolution = 200
        self._confidence_mode = "probability"
        self.inspect_mode = False
        self.arrow_scale = 1.0
        self.grid: Grid | None = None
        self.regions: Regions | None = None
        self.loss_marked = np.zeros(0, np.int64)
        self._grids: dict = {}
        self._phi_cache: tuple | None = None
        self._norm_cache: tuple | None = None
        self._palette_cache: dict[int, tuple] = {}
        self._model_key = self._marks_key = None
        self._line_colours: list = [None] * MAX_CLASSES
        self._head_angles: list = [None] * MAX_CLASSES
        self._dragged: int | None = None
        self._points_styles = None  # (pens, labels) the points layer was styled with
        self.predicted: np.ndarray | None = None
        """(N,) each point's predicted class at the step shown (None: no model yet)."""
        self._fills: np.ndarray | None = None  # the classes the points are filled with
        self._inspect_drag = False
        self._own_edit = False
        self._auto_fit = self._fitting = False
        self._seen = (data.dataset.name, data.dataset.X)

        self._build()
        data.changed.connect(self._on_data_changed)
        data.current_class_changed.connect(self._update_legend_current)
        self.legend.class_clicked.connect(self._on_legend_class_clicked)
        session.step_changed.connect(self._update_model_layers)
        session.history_changed.connect(self._update_model_layers)
        session.settings_changed.connect(self._on_settings_changed)
        session.selection_changed.connect(self._update_selection)
        i18n.notifier.changed.connect(self._on_language)
        self.fit_view()
        self.refresh()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.setFocusPolicy(Qt.StrongFocus)
        self.plot = pg.PlotWidget(parent=self, axisItems=compact_axes())
        self.plot.setFocusPolicy(Qt.NoFocus)
        self.plot.viewport().setFocusPolicy(Qt.NoFocus)
        # the view paints its whole viewport (background brush, then the scene) on every step:
        # Qt's own fill of the viewport underneath would be painted over each time
        self.plot.viewport().setAutoFillBackground(False)
        self.plot.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.legend = PlaneLegend(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.setSizeConstraint(QLayout.SetNoConstraint)  # shown alone (tests), it sets no window size hints
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)

        vb = self.plot.getViewBox()
        vb.setAspectLocked(True, 1.0)
        vb.disableAutoRange()
        vb.setMenuEnabled(False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        vb.setMouseEnabled(True, True)  # wheel zoom and middle-button pan; left/right are ours
        font = style.font(TICK_FONT_PT, base=self.font())
        for name, text in (("bottom", "x₁"), ("left", "x₂")):
            axis = self.plot.getAxis(name)
            axis.setTickFont(font)
            axis.setTextPen("k")
            axis.setPen(pg.mkPen("k", width=1))
            axis.enableAutoSIPrefix(False)
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # the plane repaints every step
            self.plot.setLabel(name, text, **style.label_style(LABEL_FONT_PT))
        self.plot.getAxis("left").setWidth(56)

        self.regions_item = SmoothImageItem(axisOrder="row-major")
        self.regions_item.setZValue(-100)
        self.plot.addItem(self.regions_item)
        axis_pen = pg.mkPen((0, 0, 0, 90), width=1)
        self.origin_lines = [pg.InfiniteLine(0.0, angle=a, pen=axis_pen, movable=False) for a in (0, 90)]
        for line in self.origin_lines:
            line.setZValue(-50)
            self.plot.addItem(line)

        # one curve per class: its zero-score line (points 0, 1) and the shaft of its
        # weight arrow (points 2, 3), stroked over a dark shadow so pale colours still show
        shadow = pg.mkPen(SHADOW, width=SHADOW_WIDTH)
        shadow.setCapStyle(Qt.PenCapStyle.SquareCap)
        self.class_lines = [Segments(shadowPen=shadow) for _ in range(MAX_CLASSES)]
        self.arrow_heads = [
            pg.ArrowItem(angle=0, pxMode=True, headLen=ARROW_HEAD_PX, tipAngle=34, tailLen=None,
                         pen=pg.mkPen(OUTLINE, width=1.5))  # fmt: skip
            for _ in range(MAX_CLASSES)
        ]
        for items, z in ((self.class_lines, 2), (self.arrow_heads, 3)):
            for item in items:
                item.setZValue(z)
                item.hide()
                self.plot.addItem(item)
        self.overlays = PlaneOverlays(self.plot)

        size = style.BASE_POINT_SIZE
        self.selection_item = Scatter(
            symbol="o", size=size + 22, pen=pg.mkPen((40, 40, 40, 230), width=2), brush=pg.mkBrush(60, 60, 60, 90)
        )
        # a point: its true class as shape and outline, its predicted class as fill, on a dark rim
        self.points_ring_item = Scatter(size=size + 2 * TRUE_RING_PX, pen=pg.mkPen(OUTLINE, width=RIM_PX))
        self.points_item = Scatter(size=size, pen=pg.mkPen(OUTLINE, width=1.5))
        # changes on most steps of a run: cheap new spots, no pixmap cache to redraw
        self.loss_ring_item = Spots([("o", size + LOSS_RING_EXTRA_PX, pg.mkPen(RING_COLOUR, width=RING_WIDTH), None)])
        self.loss_ring_item.setZValue(6)
        self.plot.addItem(self.loss_ring_item)
        self._cached_items = (self.selection_item, self.points_ring_item, self.points_item)
        for item, z in zip(self._cached_items, (4, 4.9, 5)):
            # kept as a pixmap between changes: most playback steps move neither
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            item.setZValue(z)
            self.plot.addItem(item)
        self.selection_item.hide()
        self.loss_ring_item.hide()

        self.inspector = KnnInspector(self.plot)
        self._build_brush()

        vb.sigRangeChanged.connect(self._on_range_changed)
        vb.sigResized.connect(self._on_resized)  # the same range on more pixels: arrows, dots move
        vb.sigRangeChangedManually.connect(self._on_manual_range)
        style.fonts.changed.connect(self.apply_zoom)  # Ctrl+plus: markers, rings, arrows and lines too
        self.plot.viewport().installEventFilter(self)

    def apply_zoom(self, *_pt) -> None:
        """Size the marks as the text (``style.scale()``, Ctrl+plus / Ctrl+minus): points,
        the picked points' halo, the L_i > 0 rings, the class lines, their shadows and arrow
        heads — like a browser's zoom. Ctrl+0 gives back the design sizes."""
        m = style.scale()
        size = style.BASE_POINT_SIZE * m
        self.points_item.setSize(size)
        self.points_item.setPen(pg.mkPen(OUTLINE, width=1.5 * m))
        self.points_ring_item.setSize(size + 2 * TRUE_RING_PX * m)
        self.points_ring_item.setPen(pg.mkPen(OUTLINE, width=RIM_PX * m))
        self.selection_item.setSize(size + 22 * m)
        self.selection_item.setPen(pg.mkPen((40, 40, 40, 230), width=2 * m))
        self.loss_ring_item.set_styles([("o", size + LOSS_RING_EXTRA_PX * m, pg.mkPen(RING_COLOUR, width=RING_WIDTH * m), None)])
        shadow = pg.mkPen(SHADOW, width=SHADOW_WIDTH * m)
        shadow.setCapStyle(Qt.PenCapStyle.SquareCap)
        for line, head in zip(self.class_lines, self.arrow_heads):
            line.setShadowPen(shadow)
            head.setStyle(headLen=ARROW_HEAD_PX * m, pen=pg.mkPen(OUTLINE, width=1.5 * m))
        self._palette_cache.clear()  # the class lines' pens
        self._line_colours = [None] * MAX_CLASSES
        self._points_styles = None
        self._update_points()
        self._update_selection()
        self._update_model_layers(force=True)

    # --- public API -------------------------------------------------------------------------
    @property
    def resolution(self) -> int:
        """Grid cells along the view's longer side (the shorter side keeps cells square)."""
        return self._resolution

    @resolution.setter
    def resolution(self, n: int) -> None:
        self.set_resolution(n)

    def set_resolution(self, n: int) -> None:
        self._resolution = int(max(8, n))
        self._update_model_layers()

    @property
    def confidence_mode(self) -> str:
        """How the region shade is computed: "probability" (softmax) or "gap" (top − second score)."""
        return self._confidence_mode

    @confidence_mode.setter
    def confidence_mode(self, mode: str) -> None:
        self.set_confidence_mode(mode)

    def set_confidence_mode(self, mode: str) -> None:
        if mode not in CONFIDENCES:
            raise ValueError(f"confidence mode must be one of {', '.join(CONFIDENCES)}, not {mode!r}")
        self._confidence_mode = mode
        self._update_model_layers()

    # "why it moves" overlays (drawn by plane_overlays.PlaneOverlays)
    gradient_arrows = property(lambda self: self.overlays.gradient_arrows, doc="Per class: (start, end), −∂L/∂w_j.")
    bias_arrows = property(lambda self: self.overlays.bias_arrows, doc="Per class: (start, end) of −∂L/∂b_j.")
    gradient_scale = property(lambda self: self.overlays.gradient_scale, doc="k: arrow length per gradient unit.")
    batch_marked = property(lambda self: self.overlays.batch_marked, doc="Indices of this step's mini-batch.")
    active_terms = property(lambda self: self.overlays.active_terms, doc="{point: classes with a hinge term > 0}.")
    show_gradients = property(lambda self: self.overlays.show_gradients)
    show_batch = property(lambda self: self.overlays.show_batch)
    show_margins = property(lambda self: self.overlays.show_margins)

    def set_show_gradients(self, on: bool) -> None:
        """Draw the −∂L/∂w_j and −∂L/∂b_j arrows (linear models on x itself only)."""
        self.overlays.show_gradients = bool(on)
        self._update_model_layers(force=True)

    def set_show_batch(self, on: bool) -> None:
        """Outline the points of this step's mini-batch (never for the full batch)."""
        self.overlays.show_batch = bool(on)
        self._update_model_layers(force=True)

    def set_show_margins(self, on: bool) -> None:
        """SVM: a dot in class j's colour by each point whose hinge term for j is > 0."""
        self.overlays.show_margins = bool(on)
        self._update_model_layers(force=True)

    def set_inspect_mode(self, on: bool) -> None:
        """While on (kNN), a plain left click inspects instead of adding a point."""
        self.inspect_mode = bool(on)

    def refresh(self) -> None:
        """Redraw everything from the models."""
        self._update_points()
        self._update_selection()
        self._update_legend()
        self._update_model_layers(force=True)

    def fit_view(self) -> None:
        """Show all the points with a margin (the default [−3, 3]² plane when there are none).

        The margin holds a whole marker at any size of the plane: the box is widened by the
        marker's radius in screen pixels (``pad_for_markers``), and fitted again when the
        plane is resized until the teacher zooms or pans."""
        X = self.data.dataset.X
        if len(X) == 0:
            (x0, x1), (y0, y1) = DEFAULT_VIEW
        else:
            lo, hi = X.min(axis=0), X.max(axis=0)
            centre, half = (lo + hi) / 2, (hi - lo) / 2
            half = np.maximum(half + 0.08 * (hi - lo).max() + 0.25, 1.5)
            vb = self.plot.getViewBox()
            size = (vb.width(), vb.height()) if vb.width() > 40 and vb.height() > 40 else (400.0, 400.0)
            (x0, y0), (x1, y1) = pad_for_markers(centre - half, centre + half, self.marker_radius_px(), size)
        self._fitting = True
        try:
            self.plot.getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        finally:
            self._fitting = False
        self._auto_fit = True
        self._update_model_layers()

    def marker_radius_px(self) -> float:
        """Half a point's drawn size in screen pixels: marker, rim and outline (times the zoom)."""
        return 0.5 * (style.BASE_POINT_SIZE + 2 * TRUE_RING_PX + RIM_PX) * style.scale() + 1.0

    def _on_resized(self, *_args) -> None:
        if self._auto_fit and not self._fitting and len(self.data.dataset):
            self.fit_view()  # the same points, fitted to the new size (markers whole)
        self._update_model_layers()

    def _on_manual_range(self, *_args) -> None:
        self._auto_fit = False  # the teacher zoomed or panned: a resize keeps their view

    def view_rect(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """((x0, x1), (y0, y1)): the visible part of the plane, in data coordinates."""
        (x0, x1), (y0, y1) = self.plot.getViewBox().viewRange()
        return (float(x0), float(x1)), (float(y0), float(y1))

    def data_to_widget(self, x: float, y: float) -> QPoint:
        """Data coordinates → a pixel of ``plot.viewport()`` (where mouse events go)."""
        vb = self.plot.getViewBox()
        return self.plot.mapFromScene(vb.mapViewToScene(QPointF(float(x), float(y))))

    def widget_to_data(self, pos) -> tuple[float, float]:
        """A viewport pixel (QPoint or QPointF) → data coordinates."""
        vb = self.plot.getViewBox()
        p = vb.mapSceneToView(self.plot.mapToScene(QPointF(pos).toPoint()))
        return float(p.x()), float(p.y())

    def point_at(self, x: float, y: float) -> int | None:
        """Index of the point nearest (x, y) within HIT_RADIUS_PX screen pixels, else None."""
        X = self.data.dataset.X
        if len(X) == 0:
            return None
        px, py = self.plot.getViewBox().viewPixelSize()
        d = np.hypot((X[:, 0] - x) / px, (X[:, 1] - y) / py)
        i = int(np.argmin(d))
        return i if d[i] <= HIT_RADIUS_PX else None

    def delete_selected(self) -> None:
        """Delete the points the user picked (Shift+click) in one change of the data;
        the score table's default examples are never deleted this way."""
        ds = self.data.dataset
        chosen = sorted(self.session.chosen_examples, reverse=True)
        if not chosen:
            return
        self.session.set_selected_examples(())
        for i in chosen:
            ds = ds.without_point(i)
        self._edit(self.data.set_dataset, ds)

    def inspect(self, x: float, y: float) -> None:
        """Show the kNN neighbours, the ball and the votes of location (x, y)."""
        self.inspector.point = (float(x), float(y))
        self._update_inspector()

    def clear_inspector(self) -> None:
        self.inspector.point = None
        self._update_inspector()

    def _update_inspector(self) -> None:
        s = self.session
        self.inspector.update(s.knn, self.data.dataset, s.settings.model == "knn")

    # the kNN inspector's state (plane_inspector.KnnInspector), read by tests and the window
    inspector_point = property(lambda self: self.inspector.point, doc="The probe (x, y), or None.")
    inspector_neighbors = property(lambda self: self.inspector.neighbors, doc="(k,) the probe's neighbours.")
    inspector_distances = property(lambda self: self.inspector.distances, doc="(k,) their distances.")
    inspector_votes = property(lambda self: self.inspector.votes, doc="(C,) votes per class.")
    inspector_radius = property(lambda self: self.inspector.radius, doc="The k-th neighbour's distance.")
    inspector_lines = property(lambda self: self.inspector.lines)
    inspector_ball = property(lambda self: self.inspector.ball)
    inspector_query = property(lambda self: self.inspector.query)
    inspector_text = property(lambda self: self.inspector.text)

    def _on_language(self, *_args) -> None:
        """The legend's mark rows and the kNN inspector's votes in the new language."""
        self._update_legend()
        self._update_inspector()

    def legend_texts(self) -> list[str]:
        """The key's rows as read (plain text): the class names, then the marks that are on
        (the SVM's L_i > 0 ring, the gradient arrows with their scale, the mini-batch, the dots)."""
        return self.legend.texts()

    # --- model signals ------------------------------------------------------------------------
    def _on_data_changed(self) -> None:
        ds = self.data.dataset
        # a data set from elsewhere (preset, file, generator) gets a fitted view; edits made here do not
        refit = not self._own_edit and len(ds) > 0 and (
            ds.name != self._seen[0] or not np.array_equal(ds.X, self._seen[1])
        )
        self._seen = (ds.name, ds.X)
        self._update_points()
        self._update_selection()
        self._update_legend()
        if refit:
            self.fit_view()
        if not self.session.retrain_pending:  # else the retrain's history_changed redraws them
            self._update_model_layers()

    def _on_legend_class_clicked(self, label: int) -> None:
        if 0 <= label < self.data.dataset.n_classes:
            self.data.set_current_class(label)

    def _on_settings_changed(self) -> None:
        self._update_legend()
        if self.session.settings.model != "knn":
            self.clear_inspector()

    def _on_range_changed(self, *_args) -> None:
        self._update_model_layers()

    # --- layers -------------------------------------------------------------------------------
    def _update_selection(self) -> None:
        ds = self.data.dataset
        sel = [i for i in self.session.selected_examples if 0 <= i < len(ds)] if len(ds) else []
        set_scatter(self.selection_item, ds.X, np.array(sel, np.int64))

    def _update_legend(self) -> None:
        """The key beside the plot: the classes, then the marks that are on (each call is cheap
        when nothing changed: the key rebuilds only rows whose text changed)."""
        ds = self.data.dataset
        self.legend.set_classes(ds.class_names, self.data.current_class)
        self.legend.set_marks(self._legend_mark_rows(), self._palette(ds.n_classes)[0])

    def _legend_mark_rows(self) -> list[tuple[str, str]]:
        rows = []
        if self.session.settings.model == "svm":
            rows.append(("ring", QCoreApplication.translate("PlaneView", "L<sub>i</sub> &gt; 0: still pushes W")))
        hist = self.session.history if self.session.settings.is_linear else None
        return rows + self.overlays.legend_rows(self.overlays.batch_shown(hist))

    def _update_legend_current(self, *_args) -> None:
        """The current class (the one a click adds) is bold, with a ◂ after it."""
        self.legend.set_current(self.data.current_class)

__all__ = ["PlaneView", "HIT_RADIUS_PX"]
