""""Why it moves": overlays on the plane that show what drives the next update.

* **Gradient arrows** — for each class j, −∂L/∂w_j as a dashed arrow with an open
  head from the tip of w_j's arrow (where gradient descent pushes w_j), and
  −∂L/∂b_j as a short dashed arrow across class j's line, pointing the way the
  bias step moves that line: b_j ← b_j − α ∂L/∂b_j shifts the line w_j·x + b_j = 0
  by α ∂L/∂b_j / ‖w_j‖ along w_j. Both use the full-set gradient of the step shown
  (``history.grad_W[t]``, ``grad_b[t]``) and one scale k per run and view, a round
  number the legend states ("×k"): an arrow is k·|gradient component| data units long.
* **The mini-batch** — the points the update from step t draws (``history.batch(t)``)
  get a dark square outline; nothing when the batch is the whole set.
* **Active margin terms** (SVM) — around each point, a dot in class j's colour for
  every class j whose hinge term is > 0 ("this point pushes class j's line away").
  Class j's dot always sits at the same clock position (class 1 at 12 o'clock, then
  clockwise), a fixed number of screen pixels from the point, so position tells the
  class as well as colour. All dots are one :class:`~.spots.Spots` item (a style per
  class), each placed DOT_RING_PX screen pixels from its point (placed again when the
  view's scale changes).

:class:`PlaneOverlays` owns the items (created once; redraws only ``setData``, and only
when what they show changed; an item with nothing to show is hidden, so it costs no
paint) and the state tests read; :class:`~linviz.ui.views.plane.PlaneView` feeds it and
exposes it; the plane's key (plane_legend) shows ``legend_rows``.
``install(window)`` adds the three toggles to the main window's View menu.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QAction, QPainter, QPainterPath

from linviz.engine.losses import LossConfig

from .. import style
from ..i18n import QT_TRANSLATE_NOOP
from .spots import Spots

translate = QCoreApplication.translate

MAX_CLASSES = 10
GRAD_MAX_FRACTION = 0.25
"""The run's largest gradient component is drawn at most this fraction of the view's shorter side."""
GRAD_HEAD_PX = 15
GRAD_MIN_PX = 2.0
"""Arrows shorter than this many pixels are not drawn (the gradient is ~0)."""
GRAD_WIDTH = 3.0
BIAS_OFFSET_PX = 38
"""The b arrow crosses the class line this far along it from where w_j's arrow starts."""
BATCH_SYMBOL_PX = style.BASE_POINT_SIZE + 17
DOT_RING_PX = 18.0
DOT_RADIUS_PX = 4.5
SHADOW = (64, 64, 64)
"""Opaque on purpose: a translucent wide pen costs several times more to stroke."""
INK = "#1A1A1A"


@dataclass(frozen=True)
class LineGeometry:
    """Where the plane drew class j: ``start`` (w_j's arrow leaves the line here), ``tip``
    (of w_j's arrow), ``u`` (w_j / ‖w_j‖), ``d`` (along the line) and ``room`` (±1: the
    direction along d where more of the visible line lies)."""

    start: np.ndarray
    tip: np.ndarray
    u: np.ndarray
    d: np.ndarray
    room: float


def nice_floor(x: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ that is ≤ x (x > 0)."""
    e = math.floor(math.log10(x))
    for m in (5.0, 2.0, 1.0):
        if m * 10.0**e <= x * (1 + 1e-12):
            return m * 10.0**e
    return 10.0 ** (e - 1) * 5.0


def format_scale(k: float) -> str:
    """k as the legend shows it: ×0.5, ×20, ×1e-05."""
    return f"×{k:g}"


def _dashed_pen(colour, width: float, on_px: float = 9.0, off_px: float = 6.0):
    """A flat-capped dashed pen whose dashes are on_px/off_px screen pixels whatever its width
    (so a dark shadow pen and the colour pen over it dash in step)."""
    pen = pg.mkPen(colour, width=width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setDashPattern([on_px / width, off_px / width])
    return pen


def dot_offsets(n_slots: int) -> np.ndarray:
    """(n, 2) screen-pixel offsets (x right, y up) of the dots of classes 0 … n−1 from their
    point: clock positions (12 o'clock first, clockwise), ``DOT_RING_PX`` out."""
    a = 2 * np.pi * np.arange(n_slots) / max(n_slots, 1)
    return DOT_RING_PX * np.column_stack([np.sin(a), np.cos(a)])


class Segments(pg.GraphicsObject):
    """Line segments — point pairs (x[0], y[0])–(x[1], y[1]), (x[2], y[2])–… — stroked with
    ``pen`` over an optional wider ``shadowPen``: what a ``PlotCurveItem(connect="pairs")``
    draws, for a fraction of its per-frame cost (it keeps one QPainterPath and a cached
    bounding rect; pyqtgraph's curve redoes its bounds, finite checks and path per call).
    ``getData()`` returns (x, y); ``opts["pen"]``, ``opts["shadowPen"]``."""

    def __init__(self, pen=None, shadowPen=None):
        super().__init__()
        self.opts = {"pen": pg.mkPen(pen) if pen is not None else pg.mkPen("k"), "shadowPen": shadowPen}
        self._x = self._y = np.zeros(0)
        self._path = QPainterPath()
        self._rect: QRectF | None = None

    def setPen(self, pen) -> None:
        self.opts["pen"] = pg.mkPen(pen)
        self.prepareGeometryChange()
        self._rect = None
        self.update()

    def setShadowPen(self, pen) -> None:
        self.opts["shadowPen"] = None if pen is None else pg.mkPen(pen)
        self.prepareGeometryChange()
        self._rect = None
        self.update()

    def setData(self, x, y) -> None:
        x, y = np.asarray(x, float), np.asarray(y, float)
        path = QPainterPath()
        for x0, y0, x1, y1 in zip(x[0::2].tolist(), y[0::2].tolist(), x[1::2].tolist(), y[1::2].tolist()):
            if math.isfinite(x0 + y0 + x1 + y1):  # Qt warns about (and drops) non-finite points
                path.moveTo(x0, y0)
                path.lineTo(x1, y1)
        self.prepareGeometryChange()
        self._x, self._y, self._path, self._rect = x, y, path, None
        self.update()

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        return self._x, self._y

    def boundingRect(self) -> QRectF:
        if self._rect is None:
            rect = self._path.boundingRect()
            pens = [p for p in (self.opts["pen"], self.opts["shadowPen"]) if p is not None]
            pad_px = max((p.widthF() for p in pens), default=1.0) / 2 + 2  # half the widest pen, and a cap
            px, py = self.pixelVectors()
            if px is not None and py is not None:
                rect = rect.adjusted(-pad_px * px.length(), -pad_px * py.length(),
                                     pad_px * px.length(), pad_px * py.length())  # fmt: skip
            self._rect = rect
        return QRectF(self._rect)

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()
        self._rect = None  # the padding is in screen pixels
        super().viewTransformChanged()

    def paint(self, painter, *args) -> None:
        if self._path.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for pen in (self.opts["shadowPen"], self.opts["pen"]):
            if pen is not None:
                painter.setPen(pen)
                painter.drawPath(self._path)


class Scatter(pg.ScatterPlotItem):
    """A ScatterPlotItem that remembers its bounding rect until its data, spots or view change.

    Qt asks every visible item for its bounding rect several times per repaint; pyqtgraph's
    recomputes it from the data bounds and the pixel size each time (~0.1 ms a call)."""

    _rect = None

    def boundingRect(self):
        if self._rect is None:
            self._rect = super().boundingRect()
        return QRectF(self._rect)  # a copy: a caller may adjust it

    def prepareGeometryChange(self):
        self._rect = None
        super().prepareGeometryChange()

    def updateSpots(self, *args, **kwargs):
        self._rect = None
        super().updateSpots(*args, **kwargs)
        self._rect = None

    def invalidate(self):
        self._rect = None
        super().invalidate()

    def viewTransformChanged(self):
        self._rect = None
        super().viewTransformChanged()


def move_spots(item: pg.ScatterPlotItem, pos: np.ndarray) -> None:
    """Give the spots of ``item`` new positions (N, 2), keeping their symbols, brushes and data.

    What ``ScatterPlotItem.addPoints`` does once its record array is filled, without
    rebuilding every spot's style (most of ``setData``'s ~1 ms for 300 spots): a dragged
    point moves the plane's points, rings and margin dots on every mouse move."""
    item.data["x"], item.data["y"] = pos[:, 0], pos[:, 1]
    item.prepareGeometryChange()
    item.informViewBoundsChanged()
    item.bounds = [None, None]
    item.invalidate()
    item.sigPlotChanged.emit(item)


def set_scatter(item: pg.ScatterPlotItem | Spots, X: np.ndarray, idx: np.ndarray) -> bool:
    """Show the points ``X[idx]`` (spot data: the indices) on ``item``; hide it when there are
    none. Skips ``setData`` when the indices and their positions are what it shows already
    (during playback most steps change nothing here), and only moves the spots when the
    indices are (a drag). Returns True if it set new data."""
    idx = np.asarray(idx, np.int64)
    pos = X[idx] if len(idx) else np.zeros((0, 2))
    shown = getattr(item, "_linviz_shown", None)
    same_spots = shown is not None and np.array_equal(shown[0], idx)
    if same_spots and np.array_equal(shown[1], pos):
        return False
    item._linviz_shown = (idx.copy(), pos.copy())
    spots = isinstance(item, Spots)
    if same_spots and len(item.data) == len(idx):
        item.move_spots(pos) if spots else move_spots(item, pos)
        return True
    if spots:
        item.set_spots(pos, idx)
    else:
        item.setData(pos=pos, data=idx)
    item.setVisible(len(idx) > 0)
    return True


def arrow_pairs(start, end, head: float) -> tuple[np.ndarray, np.ndarray]:
    """(shaft, head) point pairs of an arrow start → end with an open head ``head`` long."""
    v = end - start
    length = float(np.hypot(*v))
    v = v / length
    h = min(head, 0.6 * length)
    c, s = math.cos(math.radians(28)), math.sin(math.radians(28))
    left = end - h * np.array([c * v[0] - s * v[1], s * v[0] + c * v[1]])
    right = end - h * np.array([c * v[0] + s * v[1], -s * v[0] + c * v[1]])
    return np.array([start, end - 0.3 * h * v]), np.array([left, end, end, right])


class PlaneOverlays:
    """The overlay items on ``plot`` and what they show.

    State for tests: ``gradient_arrows`` and ``bias_arrows`` (per class: (start, end) in
    data coordinates, or None where class j's line is not drawn), ``gradient_scale`` (k),
    ``batch_marked`` (point indices), ``active_terms`` ({point: classes with a hinge term
    > 0}). Toggles: ``show_gradients``, ``show_batch``, ``show_margins`` (all on).
    Items: ``gradient_shafts``, ``gradient_heads`` (one pair-connected curve per class),
    ``batch_item``, ``margin_item`` (every dot; spot data = the point, ``margin_classes``
    = the class of each spot, in the same order).
    """

    def __init__(self, plot: pg.PlotWidget):
        self.plot = plot
        self.show_gradients = self.show_batch = self.show_margins = True
        self.gradient_arrows: list = []
        self.bias_arrows: list = []
        self.gradient_scale: float | None = None
        self.batch_marked = np.zeros(0, np.int64)
        self._active = np.zeros((0, 0), bool)
        self._active_terms: dict[int, tuple[int, ...]] | None = {}
        self.margin_formula = ""
        self.margin_classes = np.zeros(0, np.int64)
        self._scale_key = None
        self._colours: tuple = ()
        self._dot_offsets = np.zeros((0, 2))
        self._build()

    def _build(self) -> None:
        shadow = pg.mkPen(SHADOW, width=GRAD_WIDTH + 3)
        shadow.setCapStyle(Qt.PenCapStyle.FlatCap)
        dashed_shadow = _dashed_pen(SHADOW, GRAD_WIDTH + 3)
        self.gradient_shafts = [Segments(shadowPen=dashed_shadow) for _ in range(MAX_CLASSES)]
        self.gradient_heads = [Segments(shadowPen=shadow) for _ in range(MAX_CLASSES)]
        self.batch_item = Scatter(
            symbol="s", size=BATCH_SYMBOL_PX, pen=pg.mkPen(INK, width=3), brush=None
        )
        self.margin_item = Spots([])  # a style per class: its colour
        for items, z in ((self.gradient_shafts, 3.5), (self.gradient_heads, 3.6), ([self.batch_item], 4.5),
                         ([self.margin_item], 6.5)):  # fmt: skip
            for item in items:
                item.setZValue(z)
                item.hide()
                self.plot.addItem(item)

    def _set_colours(self, n: int) -> None:
        colours = style.class_colours(n)
        if colours == self._colours:
            return
        self._colours = colours
        for j, colour in enumerate(colours):
            self.gradient_shafts[j].setPen(_dashed_pen(colour, GRAD_WIDTH))
            head = pg.mkPen(colour, width=GRAD_WIDTH)
            head.setCapStyle(Qt.PenCapStyle.FlatCap)
            self.gradient_heads[j].setPen(head)
        self.margin_item.set_styles([("o", 2 * DOT_RADIUS_PX, pg.mkPen(INK, width=1.2), c) for c in colours])
        self._dot_offsets = dot_offsets(n)

    @property
    def active_terms(self) -> dict[int, tuple[int, ...]]:
        """{point i: the classes j whose hinge term for i is > 0} at the step shown."""
        if self._active_terms is None:
            active = self._active
            self._active_terms = {int(i): tuple(int(j) for j in np.flatnonzero(active[i]))
                                  for i in np.flatnonzero(active.any(axis=1))}  # fmt: skip
        return self._active_terms

    # --- gradient arrows ---------------------------------------------------------------------
    def gradient_scale_for(self, hist, max_len: float) -> float:
        """k: a round number of data units per gradient unit, so that the run's largest
        component (‖∂L/∂w_j‖ or |∂L/∂b_j| over every step) is at most ``max_len`` long."""
        key = (id(hist), len(hist), max_len)
        if self._scale_key is None or self._scale_key[0] != key:
            n = len(hist)
            g = np.concatenate([np.linalg.norm(hist.grad_W[:n], axis=2).ravel(), np.abs(hist.grad_b[:n]).ravel()])
            top = float(np.max(g[np.isfinite(g)], initial=0.0))
            k = nice_floor(max_len / top) if top > 0 else 1.0
            self._scale_key = (key, k, hist)  # the History ref keeps its id unique
        return self._scale_key[1]

    def update_gradients(self, hist, t: int, lines, max_len: float, pixel: float) -> None:
        """Draw −∂L/∂w_j from w_j's tip and −∂L/∂b_j across the line, for every class with a
        drawn line (``lines[j]`` a LineGeometry, or None); ``pixel``: data units per pixel."""
        n = 0 if hist is None else hist.n_classes
        self.gradient_arrows, self.bias_arrows = [None] * n, [None] * n
        self.gradient_scale = None
        if n and any(g is not None for g in lines):
            self._set_colours(n)
            self.gradient_scale = k = self.gradient_scale_for(hist, max_len)
            for j, g in enumerate(lines[:n]):
                if g is None:
                    continue
                self.gradient_arrows[j] = (g.tip.copy(), g.tip - k * hist.grad_W[t, j])
                anchor = g.start + g.room * BIAS_OFFSET_PX * pixel * g.d
                shift = float(np.clip(k * hist.grad_b[t, j], -max_len, max_len))
                self.bias_arrows[j] = (anchor, anchor + shift * g.u)
        for j in range(MAX_CLASSES):
            arrows = [a for a in (self.gradient_arrows[j], self.bias_arrows[j]) if a is not None] if j < n else []
            self._draw_arrows(j, arrows if self.show_gradients else [], pixel)

    def _draw_arrows(self, j: int, arrows, pixel: float) -> None:
        shafts, heads = [], []
        for start, end in arrows:
            if np.all(np.isfinite(end)) and np.hypot(*(end - start)) >= GRAD_MIN_PX * pixel:
                shaft, head = arrow_pairs(start, end, GRAD_HEAD_PX * pixel)
                shafts.append(shaft)
                heads.append(head)
        for item, pairs in ((self.gradient_shafts[j], shafts), (self.gradient_heads[j], heads)):
            if pairs:
                pts = np.concatenate(pairs)
                item.setData(pts[:, 0], pts[:, 1])
                item.show()
            else:
                item.hide()  # hidden, it costs no paint; its stale data is never shown

    # --- mini-batch -----------------------------------------------------------------------------
    def update_batch(self, hist, t: int, X: np.ndarray) -> None:
        """Mark the points of ``hist.batch(t)`` (nothing for the full batch or stale data)."""
        idx = np.zeros(0, np.int64)
        if self.show_batch and self.batch_shown(hist) and hist.n_train == len(X):
            idx = np.sort(hist.batch(t)).astype(np.int64)
        self.batch_marked = idx
        set_scatter(self.batch_item, X, idx)

    @staticmethod
    def batch_shown(hist) -> bool:
        """True when the run's updates draw mini-batches smaller than the training set."""
        if hist is None:
            return False
        size = hist.config.batch_size
        return size is not None and size < hist.n_train

    # --- active margin terms ----------------------------------------------------------------
    def update_margins(self, terms: np.ndarray | None, y: np.ndarray, X: np.ndarray, loss: LossConfig | None,
                       pixel: tuple[float, float] = (1.0, 1.0)) -> None:
        """Dots for every (point i, class j) with an active hinge term; ``terms`` is the (N, C)
        table of ``per_example_terms`` (None: not an SVM). Weston–Watkins with all classes
        adds a constant Δ in the own-class column, which pushes nothing: it gets no dot.
        ``pixel``: data units per screen pixel (x, y), to place each dot beside its point."""
        self._active_terms = {}
        self.margin_formula = ""
        n = 0 if terms is None else terms.shape[1]
        active = np.zeros((len(X), n), bool)
        if n and self.show_margins:
            self._set_colours(n)
            active = terms > 0
            if loss.variant == "ww" and loss.all_classes:
                active[np.arange(len(y)), y] = False
            self._active, self._active_terms = active, None  # the dict is built when read
            self.margin_formula = _margin_formula(loss)
        points, classes = np.nonzero(active)  # by point, then class
        pos = X[points] + self._dot_offsets[classes] * np.asarray(pixel, float) if len(points) else np.zeros((0, 2))
        item = self.margin_item
        self.margin_classes = classes
        spots = item.data
        if np.array_equal(spots["data"], points) and np.array_equal(spots["style"], classes):
            if not np.array_equal(item.positions(), pos):
                item.move_spots(pos)  # a dragged point: the same dots, elsewhere
            return
        item.set_spots(pos, points, classes)
        item.setVisible(len(points) > 0)

    # --- legend ---------------------------------------------------------------------------------
    def legend_rows(self, batch: bool) -> list[tuple[str, str]]:
        """(kind, html label) rows for the plane's legend: "gradient", "batch", "margins"."""
        rows = []
        if self.show_gradients and self.gradient_scale is not None:
            rows.append(("gradient", f"−∂L/∂w, −∂L/∂b ({format_scale(self.gradient_scale)})"))
        if self.show_batch and batch:
            rows.append(("batch", translate("PlaneOverlays", "in this step's mini-batch")))
        if self.show_margins and self.margin_formula:
            rows.append(("margins", self.margin_formula))
        return rows


def _margin_formula(loss: LossConfig) -> str:
    """The legend's words for a dot of class j, in the lecture's notation where it has one."""
    if loss.variant == "ww":
        return translate("PlaneOverlays", "max(0, s<sub>j</sub> − s<sub>y</sub> + Δ) &gt; 0 (dot in j's colour)")
    return translate("PlaneOverlays", "hinge term of class j &gt; 0 (dot in j's colour)")


# --- main window ---------------------------------------------------------------------------------
TOGGLES = (
    ("show_gradients", QT_TRANSLATE_NOOP("PlaneOverlays", "Gradient arrows"), "set_show_gradients",
     QT_TRANSLATE_NOOP("PlaneOverlays", "Draw −∂L/∂w_j from the tip of each w_j and −∂L/∂b_j across each class line.")),
    ("show_batch", QT_TRANSLATE_NOOP("PlaneOverlays", "Mini-batch points"), "set_show_batch",
     QT_TRANSLATE_NOOP("PlaneOverlays", "Outline the points the update from this step draws (hidden for the full batch).")),
    ("show_margins", QT_TRANSLATE_NOOP("PlaneOverlays", "Active margin terms"), "set_show_margins",
     QT_TRANSLATE_NOOP("PlaneOverlays",
                       "SVM: a dot in class j's colour beside each point whose hinge term for class j is > 0.")),
)
"""(objectName, text, PlaneView setter, tip): English, translated when the actions are made."""


def install(window) -> list[QAction]:
    """Add the three overlay toggles (checkable, objectNames ``show_gradients``, ``show_batch``,
    ``show_margins``) to the window's View menu (a new one if it has none)."""
    from .. import i18n

    menu = i18n.find_menu(window, "view_menu", "&View")
    if menu is None:
        menu = window.menuBar().addMenu(translate("MainWindow", "&View"))
        menu.setObjectName("view_menu")
    existing = {a.objectName(): a for a in menu.actions()}
    if all(name in existing for name, *_ in TOGGLES):  # installed already
        return [existing[name] for name, *_ in TOGGLES]
    menu.addSeparator()
    plane, actions = window.plane, []
    for name, text, setter, tip in TOGGLES:
        action = QAction(translate("PlaneOverlays", text), window, checkable=True)
        action.setObjectName(name)
        action.setToolTip(translate("PlaneOverlays", tip))
        action.setStatusTip(translate("PlaneOverlays", tip))
        action.setChecked(getattr(plane, name))
        action.toggled.connect(getattr(plane, setter))
        menu.addAction(action)
        actions.append(action)
    return actions


__all__ = ["PlaneOverlays", "LineGeometry", "install", "nice_floor", "format_scale", "set_scatter", "Scatter",
           "Segments"]
