"""The loss over a 2D slice of parameter space, with the optimiser's path on it.

A heat map (viridis, log or linear colour scale) with ~8 contour lines and a
labelled colour bar shows the total, data or regularisation loss over a slice
θ(α, β) = centre + α u + β v (see :mod:`linviz.engine.landscape`):

- "params": two entries of θ, e.g. W[1,1] × W[1,2]; the axes read as those
  entries' values;
- "random": two seeded random directions (filter-normalised);
- "pca": the two principal directions of the recorded path.

**Centre.** The slice is centred on the *last* recorded step θ_T: the other
parameters are held at their values at step T. The surface therefore stays
still while playback moves the current-step marker along the path, and is
recomputed only when the History, the settings or the points change
(coalesced with a 0-ms timer). The grid spans the projected path plus a
margin (at least ±1 around the centre).

Clicking the map puts θ = slice.theta(α, β) into the session
(:meth:`SessionModel.edit_params`), which branches training from there.
"""

from __future__ import annotations

import functools
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from linviz.session.core import training_set
from linviz.engine.blas import one_blas_thread

from linviz.ui.widgets import on_screen
from linviz.engine import landscape
from linviz.engine.contours import contour_segments  # noqa: F401 (re-exported)
from linviz.engine.landscape import Slice, Surface, history_path, unflatten  # noqa: F401

from .. import i18n
from ..axes import compact_axes, fit_titles, make_compact, set_axis_label, style_plot  # noqa: F401 (re-exported)
from ..i18n import QT_TRANSLATE_NOOP
from ..screen_fit import Reflow, minimum_as_window
from ..style import BASE_FONT_PT, css_pt, fonts
from ..style import font as scaled_font

translate = QCoreApplication.translate

SLICE_CHOICES = (
    ("params", QT_TRANSLATE_NOOP("LossSurface", "two parameters")),
    ("random", QT_TRANSLATE_NOOP("LossSurface", "two random directions")),
    ("pca", QT_TRANSLATE_NOOP("LossSurface", "principal directions of the path")),
)
COMPONENT_CHOICES = (
    ("total", QT_TRANSLATE_NOOP("LossSurface", "total loss (data + λR)")),
    ("data", QT_TRANSLATE_NOOP("LossSurface", "data loss")),
    ("reg", QT_TRANSLATE_NOOP("LossSurface", "regularisation λR")),
)
COMPONENT_LABELS = {"total": QT_TRANSLATE_NOOP("LossSurface", "total loss"),
                    "data": QT_TRANSLATE_NOOP("LossSurface", "data loss"), "reg": "λ R(W)"}
KNN_NOTE = QT_TRANSLATE_NOOP("LossSurface", "kNN has no parameters to descend: it keeps the points and lets the k "
                                            "nearest vote. Pick SVM or Softmax to see a loss surface.")


def axis_text(label: str) -> str:
    """An engine slice label ("w1[2]", "direction 1", "PC 1 (80 %)") as the axis shows it."""
    if label.startswith("direction "):
        return translate("LossSurface", "direction {0}").format(label.removeprefix("direction "))
    return label
PATH_COLOUR = "#FFFFFF"
PATH_OUTLINE = "#000000"
MARKER_COLOUR = "#FF2D55"
N_CONTOURS = 8


# --- small helpers shared with the other views ---------------------------------------------
def image_rect(xs: np.ndarray, ys: np.ndarray) -> QRectF:
    """The rectangle that puts pixel centres of a (len(ys), len(xs)) image on the grid."""
    dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
    dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
    return QRectF(xs[0] - dx / 2, ys[0] - dy / 2, xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy)


def opengl_status() -> tuple[bool, str]:
    """(available, reason): can this process draw the 3D surface? (Probed once; the reason in
    the current language.)"""
    ok, template, arg = _opengl_probe()
    return ok, translate("LossSurface", template).format(arg) if template else ""


@functools.lru_cache(maxsize=1)
def _opengl_probe() -> tuple[bool, str, str]:
    """(available, reason): can this process draw the 3D surface?

    Checked once, without ever creating a GL widget: pyqtgraph.opengl must
    import (it needs PyOpenGL), the display platform must not be a headless
    one, and a context must be created and made current on an offscreen surface.
    """
    from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext

    app = QGuiApplication.instance()
    platform = app.platformName() if app is not None else ""
    if platform in ("offscreen", "minimal", "vnc", ""):  # first: no PyOpenGL import (~0.5 s) for nothing
        return False, QT_TRANSLATE_NOOP("LossSurface", "3D needs OpenGL, which the “{0}” display platform does not "
                                                       "provide."), platform or "no"
    try:
        import pyqtgraph.opengl  # noqa: F401
    except Exception as err:  # ImportError, or PyOpenGL failing to find a GL library
        return False, QT_TRANSLATE_NOOP("LossSurface", "3D needs PyOpenGL, which is not available here ({0})."), \
            f"{type(err).__name__}: {err}"
    try:
        context = QOpenGLContext()
        if not context.create():
            return False, QT_TRANSLATE_NOOP("LossSurface", "3D needs OpenGL, but no OpenGL context could be created "
                                                           "on this display."), ""
        surface = QOffscreenSurface()
        surface.setFormat(context.format())
        surface.create()
        ok = surface.isValid() and context.makeCurrent(surface)
        if ok:
            context.doneCurrent()
        surface.destroy()
        if not ok:
            return False, QT_TRANSLATE_NOOP("LossSurface", "3D needs OpenGL, but the OpenGL context could not be "
                                                           "made current."), ""
    except Exception as err:
        return False, QT_TRANSLATE_NOOP("LossSurface", "3D needs OpenGL, which failed here ({0})."), str(err)
    return True, "", ""


class _PlotWidget(pg.PlotWidget):
    """A PlotWidget that tells its owner about left clicks inside the view box."""

    def __init__(self, on_click, **kwargs):
        super().__init__(**kwargs)
        self._on_click = on_click
        self.scene().sigMouseClicked.connect(self._clicked)

    def sizeHint(self):  # noqa: N802 (Qt name)
        """Small: in a scroll area the tab's wrapped caption makes the area size the view to its
        preferred height, and pyqtgraph's 480 px made a short tab scroll; the map still takes
        every spare pixel (it expands)."""
        return QSize(360, 200)

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double() or event.isAccepted():
            return
        vb = self.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(event.scenePos())
        event.accept()
        self._on_click(p.x(), p.y())


class LossSurfaceView(QWidget):
    """Heat map + contours + colour bar of the loss over a slice, the path, the current step.

    Attributes for tests and other code: ``slice`` (Slice or None), ``surface``
    (Surface or None), ``path_xy`` ((T, 2) path in axis coordinates),
    ``image_item``, ``path_item``, ``current_marker``, ``colour_bar``,
    ``contour_items``, ``plot_widget``, ``note``; ``last_compute_ms``.
    """

    RES = 100
    MIN_HALF_SPAN = 1.0
    MARGIN = 0.15

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.slice: Slice | None = None
        self.surface: Surface | None = None
        self.path_xy: np.ndarray | None = None
        self.last_compute_ms = float("nan")
        self._kind = "params"
        self._component = "total"
        self._params = (0, 1)  # W[1,1], W[1,2]
        self._param_names: tuple[str, ...] = ()
        self._log = True
        self._display: np.ndarray | None = None
        self._gl = None
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._recompute_if_shown)
        self._stale = False
        session.history_changed.connect(self.schedule)
        session.settings_changed.connect(self.schedule)
        session.data.changed.connect(self.schedule)
        session.step_changed.connect(self._on_step)
        i18n.notifier.changed.connect(self._on_language)
        fonts.changed.connect(self._fit_titles)  # the titles grew with Ctrl+plus
        self.plot.getViewBox().sigResized.connect(self._fit_titles)  # the colour bar's title where it fits
        self.recompute()

    # --- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        self.slice_kind = QComboBox(objectName="slice_kind")
        for key, text in SLICE_CHOICES:
            self.slice_kind.addItem(translate("LossSurface", text), key)
        self.slice_kind.setToolTip(translate("LossSurface", "Which 2D slice of parameter space to show"))
        self.param_a = QComboBox(objectName="slice_param_a")
        self.param_b = QComboBox(objectName="slice_param_b")
        self.param_a.setToolTip(translate("LossSurface", "The parameter on the horizontal axis"))
        self.param_b.setToolTip(translate("LossSurface", "The parameter on the vertical axis"))
        for combo in (self.param_a, self.param_b):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.component = QComboBox(objectName="surface_component")
        for key, text in COMPONENT_CHOICES:
            self.component.addItem(translate("LossSurface", text), key)
        self.log_box = QCheckBox(translate("LossSurface", "log colours"), objectName="surface_log")
        self.log_box.setChecked(self._log)
        self.log_box.setToolTip(translate("LossSurface", "Colour by log₁₀ of the loss: losses span orders of "
                                                         "magnitude"))
        self.box_3d = QCheckBox("3D", objectName="surface_3d")
        self.box_3d.setEnabled(False)  # until the view is first shown (showEvent): probing OpenGL imports
        self.box_3d.setToolTip(translate("LossSurface", "Show the same slice as a 3D surface"))  # PyOpenGL, ~0.5 s
        self._3d_probed = False

        for combo in (self.slice_kind, self.param_a, self.param_b, self.component):  # never narrower than their text
            combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self._times = QLabel("×")
        # Two lines when the tab is wide, one control a line in the narrow right-hand column
        # of a 1280 × 800 screen (~260 px): no combo's text is ever cut (screen_fit.Reflow).
        controls = QGridLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        pair = QHBoxLayout()
        pair.addWidget(self.param_a)
        pair.addWidget(self._times)
        pair.addWidget(self.param_b)
        pair.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(self.log_box)
        row2.addWidget(self.box_3d)
        row2.addStretch(1)
        self._reflow = Reflow(self, controls, [
            (QLabel(translate("LossSurface", "Slice:")), (0, 0), (0, 0)),
            (self.slice_kind, (0, 1), (0, 1)),
            (pair, (0, 2), (1, 1)),
            (QLabel(translate("LossSurface", "Show:")), (2, 0), (2, 0)),
            (self.component, (2, 1), (2, 1)),
            (row2, (2, 2), (3, 1)),
        ], stretch=(2, 1))

        self.plot_widget = _PlotWidget(self._clicked_view, axisItems=compact_axes())
        self.plot_widget.setObjectName("surface_plot")
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=False)
        style_plot(self.plot)
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.image_item.setZValue(-10)
        self.plot.addItem(self.image_item)
        self.contour_items = (
            pg.PlotCurveItem(pen=pg.mkPen((255, 255, 255, 170), width=1.3), connect="pairs"),  # on dark
            pg.PlotCurveItem(pen=pg.mkPen((20, 20, 20, 150), width=1.3), connect="pairs"),  # on light
        )
        for item in self.contour_items:
            item.setZValue(-5)
            self.plot.addItem(item)
        self._path_outline = pg.PlotCurveItem(pen=pg.mkPen((0, 0, 0, 150), width=4.5))
        self.path_item = pg.PlotDataItem(
            pen=pg.mkPen(PATH_COLOUR, width=2), symbol="o", symbolSize=5,
            symbolBrush=pg.mkBrush(PATH_COLOUR), symbolPen=pg.mkPen((0, 0, 0, 110), width=0.8),
        )
        self.start_marker = pg.ScatterPlotItem(
            size=12, symbol="s", brush=pg.mkBrush(PATH_COLOUR), pen=pg.mkPen(PATH_OUTLINE, width=2)
        )
        self.current_marker = pg.ScatterPlotItem(
            size=20, symbol="o", brush=pg.mkBrush(MARKER_COLOUR), pen=pg.mkPen("w", width=3)
        )
        for z, item in enumerate((self._path_outline, self.path_item, self.start_marker, self.current_marker)):
            item.setZValue(z)
            self.plot.addItem(item)
        self.colour_bar = pg.ColorBarItem(colorMap="viridis", interactive=False, width=18, colorMapMenu=False)
        self.colour_bar.setImageItem(self.image_item, insert_in=self.plot)
        make_compact(self.colour_bar.axis)
        self.colour_bar.axis.setTickFont(scaled_font(BASE_FONT_PT))
        self.colour_bar.axis.setTextPen(pg.mkPen("k"))
        self.colour_bar.axis.setWidth(60)

        self.note = QLabel(objectName="surface_note")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setStyleSheet(f"font-size: {css_pt(14)}; color: #333; padding: 24px;")
        self._gl_holder = QWidget()
        QVBoxLayout(self._gl_holder).setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot_widget)
        self.stack.addWidget(self._gl_holder)
        self.stack.addWidget(self.note)

        self.caption = QLabel(objectName="surface_caption")
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        minimum_as_window(self, 360, 320)  # in a dock the rows' own minimum counts (screen_fit.py)
        layout.addLayout(controls)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.caption)

        self.slice_kind.currentIndexChanged.connect(lambda _i: self.set_slice_kind(self.slice_kind.currentData()))
        self.component.currentIndexChanged.connect(lambda _i: self.set_component(self.component.currentData()))
        self.param_a.currentIndexChanged.connect(self._params_picked)
        self.param_b.currentIndexChanged.connect(self._params_picked)
        self.log_box.toggled.connect(self.set_log)
        self.box_3d.toggled.connect(self._toggle_3d)
        self._show_param_combos()

    # --- public API ----------------------------------------------------------------------
    @property
    def recompute_pending(self) -> bool:
        return self._timer.isActive()

    def _recompute_if_shown(self) -> None:
        """A hidden tab only notes that it is out of date; it catches up when shown."""
        if on_screen(self):
            self.recompute()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._3d_probed:  # once, when the tab is first shown: not in the app's first frame
            self._3d_probed = True
            ok, reason = opengl_status()
            self.box_3d.setEnabled(ok)
            if not ok:
                self.box_3d.setToolTip(reason)

    def became_visible(self) -> None:
        """The view's tab was brought to the front."""
        self._move_marker(self.session.step)  # a hidden tab does not follow the steps
        if self._stale:
            self._stale = False
            self._timer.start()

    def _on_language(self, *_) -> None:
        self.recompute()  # the caption, the axis labels and the notes in the new language (a rare event)

    def schedule(self) -> None:
        """Recompute on the next turn of the event loop (bursts of signals coalesce)."""
        self._timer.start()

    def set_slice_kind(self, kind: str) -> None:
        if kind not in dict(SLICE_CHOICES):
            raise ValueError(f"unknown slice kind {kind!r}; choose one of {', '.join(dict(SLICE_CHOICES))}")
        self._set_combo(self.slice_kind, kind)
        if kind != self._kind:
            self._kind = kind
            self._show_param_combos()
            self.recompute()

    def set_component(self, name: str) -> None:
        """"total", "data" or "reg": which part of the loss the map shows (no recompute)."""
        if name not in dict(COMPONENT_CHOICES):
            raise ValueError(f"unknown component {name!r}; choose total, data or reg")
        self._set_combo(self.component, name)
        if name != self._component:
            self._component = name
            self._draw()

    def set_params(self, i: int, j: int) -> None:
        """The two entries of θ (flat indices) of the "params" slice; switches to that slice."""
        i, j = int(i), int(j)
        if i == j:
            raise ValueError("pick two different parameters")
        self._params = (i, j)
        self._sync_param_combos()
        if self._kind != "params":
            self.set_slice_kind("params")
        else:
            self.recompute()

    def set_log(self, on: bool) -> None:
        on = bool(on)
        if self.log_box.isChecked() != on:
            self.log_box.setChecked(on)
        if on != self._log:
            self._log = on
            self._draw()

    def click_at(self, alpha: float, beta: float) -> None:
        """Move (W, b) to θ = slice.theta(α, β) and train on from there (a new branch)."""
        hist = self.session.history
        if self.slice is not None and hist is not None and self.slice.centre.size != hist.n_classes * (hist.dim + 1):
            self.recompute()  # a click before the pending recompute: the map was of another run's parameters
        if self.slice is None or hist is None or self.slice.centre.size != hist.n_classes * (hist.dim + 1):
            return
        W, b = unflatten(self.slice.theta(float(alpha), float(beta)), hist.n_classes, hist.dim)
        self.session.edit_params(W.copy(), b.copy())

    # --- computing -------------------------------------------------------------------------
    def recompute(self) -> None:
        """Rebuild the slice and the surface from the session (not on step changes)."""
        self._timer.stop()
        session = self.session
        hist, ds = session.history, training_set(session.data.dataset, session.settings)
        if not session.settings.is_linear or hist is None:
            self._show_note(translate("LossSurface", KNN_NOTE) if not session.settings.is_linear else
                            translate("LossSurface", "No training run to show yet."))
            return
        if hist.n_classes != ds.n_classes or hist.n_train != len(ds) or len(hist) == 0:
            return  # the History is of other points: the session retrains, then history_changed calls again
        self._update_param_names(hist.n_classes, hist.dim)
        path = history_path(hist)
        try:
            sl = self._make_slice(path, hist)
        except ValueError as err:
            self._show_note(translate("LossSurface", "The principal directions need a path of at least three "
                                                     "distinct steps (this run has {0}). Train a few steps first, or "
                                                     "pick another slice.").format(len(hist))
                            if self._kind == "pca" else str(err))
            return
        cfg = hist.config
        start = time.perf_counter()
        with one_blas_thread():
            Phi = cfg.features.transform(ds.X)
            surface = landscape.loss_surface(Phi, ds.y, cfg, sl, hist.n_classes)
        self.last_compute_ms = 1000 * (time.perf_counter() - start)
        self.slice, self.surface = sl, surface
        self.path_xy = landscape.project_path(path, sl) + np.asarray(sl.origin)
        self.stack.setCurrentWidget(self._gl_holder if self._gl_shown() else self.plot_widget)
        self._draw()

    def _make_slice(self, path: np.ndarray, hist) -> Slice:
        centre = path[-1]
        C, D = hist.n_classes, hist.dim
        if self._kind == "pca":
            return landscape.pca_slice(path, res=self.RES)
        if self._kind == "random":
            probe = landscape.random_slice(centre, C, D, seed=hist.config.seed, span=1.0, res=2)
            reach = np.abs(landscape.project_path(path, probe)).max()
            span = max(self.MIN_HALF_SPAN, (1 + self.MARGIN) * reach)
            return landscape.random_slice(centre, C, D, seed=hist.config.seed, span=span, res=self.RES)
        i, j = self._params
        reach = np.abs(path[:, [i, j]] - centre[[i, j]]).max()
        span = max(self.MIN_HALF_SPAN, (1 + self.MARGIN) * reach)
        return landscape.param_slice(centre, i, j, C, D, span=span, res=self.RES)

    # --- drawing ----------------------------------------------------------------------------
    def _display_values(self, Z: np.ndarray) -> np.ndarray:
        Z = np.asarray(Z, float)
        if not self._log:
            return Z
        finite = Z[np.isfinite(Z)]
        top = float(finite.max()) if finite.size else 1.0
        floor = max(1e-3 * top, 1e-6)
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):  # Z near 1.8e308 + floor: inf
            return np.log10(np.maximum(Z, 0.0) + floor)

    def _draw(self) -> None:
        if self.surface is None or self.slice is None:
            return
        sl = self.slice
        xs, ys = sl.axis_values()
        Z = self.surface.component(self._component)
        D = self._display_values(Z)
        finite = D[np.isfinite(D)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        flat = hi - lo <= 1e-12 * max(1.0, abs(hi))
        if flat:
            lo, hi = lo - 0.5, hi + 0.5
        D = np.where(np.isfinite(D), D, hi)
        self._display = D
        self.image_item.setImage(D, autoLevels=False, levels=(lo, hi))
        self.image_item.setRect(image_rect(xs, ys))
        self.colour_bar.setLevels((lo, hi))
        self.colour_bar.axis.setLogMode(self._log)
        name = translate("LossSurface", COMPONENT_LABELS[self._component])
        set_axis_label(self.colour_bar.getAxis("left"), None,
                       translate("LossSurface", "{0} (log scale)").format(name) if self._log else name)

        levels = np.linspace(lo, hi, N_CONTOURS + 2)[1:-1] if not flat else []
        mid = (lo + hi) / 2
        for item, part in zip(self.contour_items, ([l for l in levels if l < mid], [l for l in levels if l >= mid])):
            cx, cy = contour_segments(D, xs, ys, part)
            item.setData(cx, cy, connect="pairs")

        if self._gl_shown():
            self._draw_3d()
        px, py = self.path_xy[:, 0], self.path_xy[:, 1]
        self._path_outline.setData(px, py)
        self.path_item.setData(px, py)
        self.start_marker.setData([px[0]], [py[0]])
        self._move_marker(self.session.step)

        set_axis_label(self.plot, "bottom", axis_text(sl.labels[0]))
        set_axis_label(self.plot, "left", axis_text(sl.labels[1]))
        self._fit_titles()
        self.plot.setAspectLocked(sl.kind != "pca", ratio=1.0)
        rect = image_rect(xs, ys)
        self.plot.setRange(rect=rect, padding=0.0)
        hist = self.session.history
        T = len(hist) - 1
        where = (translate("LossSurface", "Other parameters held at the last step (t = {0});") if sl.kind == "params"
                 else translate("LossSurface", "Centred on the last step (t = {0});")).format(T)
        what = translate("LossSurface", "black line: the path, red dot: the current step. Drag to turn the surface; "
                                        "untick 3D to click a new W, b on the map.") if self._gl_shown() else \
            translate("LossSurface", "white line: the path, red dot: the current step. Click the map to set W, b "
                                     "there and train on from that point.")
        zero = " " + translate("LossSurface", "The regulariser is 0 here (λ = 0 or none).") \
            if flat and self._component == "reg" else ""
        self.caption.setText(f"{where} {what}{zero}")

    def _move_marker(self, t: int) -> None:
        if self.path_xy is None or not 0 <= t < len(self.path_xy):
            self.current_marker.setData([], [])
            return
        x, y = self.path_xy[t]
        self.current_marker.setData([x], [y])
        if self._gl_shown():
            self._move_marker_3d(t)

    def _on_step(self, t: int) -> None:
        if on_screen(self):  # behind another tab it catches up when shown (became_visible)
            self._move_marker(t)

    def _show_note(self, text: str) -> None:
        self.slice = self.surface = self.path_xy = None
        self._display = None
        self.image_item.clear()
        for item in (*self.contour_items, self._path_outline, self.path_item, self.start_marker,
                     self.current_marker):
            item.setData([], [])
        self.note.setText(text)
        self.caption.setText("")
        self.stack.setCurrentWidget(self.note)

    # --- controls ------------------------------------------------------------------------------
    @staticmethod
    def _set_combo(combo: QComboBox, key) -> None:
        index = combo.findData(key)
        if index >= 0 and combo.currentIndex() != index:
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def _fit_titles(self, *_) -> None:
        """The map is never shorter than its axes' titles ("W[1,2]"); the colour bar's title
        ("total loss (log scale)", as long as a short tab is tall) shows only where it fits
        whole — the Show combo and the log box above say the same."""
        fit_titles(self.plot_widget, (self.plot.getAxis("left"), self.plot.getAxis("bottom")))
        axis = self.colour_bar.getAxis("left")
        if axis.labelText:
            fits = axis.label.boundingRect().width() <= axis.geometry().height()
            if fits != axis.label.isVisible():
                axis.showLabel(fits)

    def _show_param_combos(self) -> None:
        visible = self._kind == "params"
        for w in (self.param_a, self.param_b, self._times):
            w.setVisible(visible)

    def _update_param_names(self, n_classes: int, dim: int) -> None:
        names = tuple(landscape.param_name(k, n_classes, dim) for k in range(n_classes * dim + n_classes))
        if names == self._param_names:
            return
        self._param_names = names
        if max(self._params) >= len(names):
            self._params = (0, 1)
        for combo in (self.param_a, self.param_b):
            combo.blockSignals(True)
            combo.clear()
            for k, name in enumerate(names):
                combo.addItem(name, k)
            combo.blockSignals(False)
        self._sync_param_combos()

    def _sync_param_combos(self) -> None:
        self._set_combo(self.param_a, self._params[0])
        self._set_combo(self.param_b, self._params[1])

    def _params_picked(self, _index: int) -> None:
        i, j = self.param_a.currentData(), self.param_b.currentData()
        if i is None or j is None or (i, j) == self._params:
            return
        if i == j:  # keep the pair valid: swap the old value into the other combo
            old_i, old_j = self._params
            if self.sender() is self.param_a:
                j = old_i
            else:
                i = old_j
        self.set_params(i, j)

    def _clicked_view(self, x: float, y: float) -> None:
        if self.slice is None:
            return
        ox, oy = self.slice.origin
        self.click_at(x - ox, y - oy)

    # --- optional 3D ---------------------------------------------------------------------------
    def _gl_shown(self) -> bool:
        return self._gl is not None and self.box_3d.isChecked()

    def _toggle_3d(self, on: bool) -> None:
        if on and self._gl is None:
            try:
                self._gl = _Surface3D(self._gl_holder)
                self._gl_holder.layout().addWidget(self._gl.widget)
            except Exception as err:  # never take the app down for an optional view
                self._gl = None
                self.box_3d.blockSignals(True)
                self.box_3d.setChecked(False)
                self.box_3d.setEnabled(False)
                self.box_3d.setToolTip(translate("LossSurface", "3D could not start: {0}").format(err))
                self.box_3d.blockSignals(False)
                return
        if self.surface is None:
            return
        self.stack.setCurrentWidget(self._gl_holder if on else self.plot_widget)
        self._draw()  # the caption tells what the 3D view can do

    def _draw_3d(self) -> None:
        if self._display is None:
            return
        xs, ys = self.slice.axis_values()
        self._gl.set_surface(xs, ys, self._display, self.colour_bar.levels(), self.slice.labels)
        self._gl.set_path(self.path_xy)
        self._move_marker_3d(self.session.step)

    def _move_marker_3d(self, t: int) -> None:
        if self._gl.ready and self.path_xy is not None and 0 <= t < len(self.path_xy):
            self._gl.set_marker(self.path_xy[t])


class _Surface3D:
    """The same slice as a GL surface (created only when OpenGL works)."""

    SIZE = 10.0
    HEIGHT = 6.0

    def __init__(self, parent: QWidget):
        import pyqtgraph.opengl as gl

        self.gl = gl
        self.widget = gl.GLViewWidget(parent)
        self.widget.setBackgroundColor("w")
        self.widget.setCameraPosition(pos=pg.Vector(0, 0, self.HEIGHT / 3), distance=20, elevation=38, azimuth=-110)
        self.surface = gl.GLSurfacePlotItem(computeNormals=False, smooth=False, glOptions="opaque")
        self.widget.addItem(self.surface)
        self.path = gl.GLLinePlotItem(color=(0, 0, 0, 1), width=3, antialias=True, glOptions="translucent")
        self.widget.addItem(self.path)
        self.marker = gl.GLScatterPlotItem(color=(1.0, 0.18, 0.33, 1.0), size=18, glOptions="translucent")
        self.widget.addItem(self.marker)
        font = scaled_font(BASE_FONT_PT + 2)
        self.labels = [gl.GLTextItem(color=(0, 0, 0, 255), font=font) for _ in range(2)]
        for item in self.labels:
            self.widget.addItem(item)
        self._grid = None

    @property
    def ready(self) -> bool:
        return self._grid is not None

    def _to_gl(self, x, y, z):
        xs, ys, lo, hi = self._grid
        sx = self.SIZE / max(xs[-1] - xs[0], 1e-12)
        sy = self.SIZE / max(ys[-1] - ys[0], 1e-12)
        sz = self.HEIGHT / max(hi - lo, 1e-12)
        return (np.asarray(x) - (xs[0] + xs[-1]) / 2) * sx, (np.asarray(y) - (ys[0] + ys[-1]) / 2) * sy, \
            (np.asarray(z) - lo) * sz

    def _height_at(self, x, y):
        xs, ys, *_ = self._grid
        c = np.clip(np.interp(x, xs, np.arange(len(xs))).round().astype(int), 0, len(xs) - 1)
        r = np.clip(np.interp(y, ys, np.arange(len(ys))).round().astype(int), 0, len(ys) - 1)
        return self._Z[r, c]

    def set_surface(self, xs, ys, Z, levels, labels) -> None:
        lo, hi = levels
        self._grid, self._Z = (np.asarray(xs), np.asarray(ys), lo, hi), Z
        gx, gy, gz = self._to_gl(xs, ys, Z)
        cmap = pg.colormap.get("viridis")
        colours = cmap.map(np.clip((Z - lo) / max(hi - lo, 1e-12), 0, 1), mode="float")
        # z is indexed (x, y); vertex colours go flat, in the same (x, y) order as the vertices.
        colours = np.ascontiguousarray(np.transpose(colours, (1, 0, 2))).reshape(-1, 4)
        self.surface.setData(x=gx, y=gy, z=np.ascontiguousarray(gz.T), colors=colours)
        half = self.SIZE / 2
        self.labels[0].setData(pos=(0.0, -half - 0.8, 0.0), text=labels[0])
        self.labels[1].setData(pos=(half + 0.8, 0.0, 0.0), text=labels[1])

    def set_path(self, path_xy) -> None:
        x, y = path_xy[:, 0], path_xy[:, 1]
        gx, gy, gz = self._to_gl(x, y, self._height_at(x, y))
        self.path.setData(pos=np.column_stack([gx, gy, gz + 0.12]))

    def set_marker(self, xy) -> None:
        x, y = np.array([xy[0]]), np.array([xy[1]])
        gx, gy, gz = self._to_gl(x, y, self._height_at(x, y))
        self.marker.setData(pos=np.column_stack([gx, gy, gz + 0.2]))


__all__ = ["LossSurfaceView", "contour_segments", "opengl_status", "history_path", "style_plot", "image_rect"]
