"""Why L1 gives exact zeros: the geometry of regularisation for two weights.

Over a grid of two chosen weights (W[1,1] and W[1,2] by default) the view
draws the contours of the data loss, the contours of the penalty R — the
L1 diamond, the L2 circle or the elastic net's rounded diamond — and marks

- the optimum of the data loss alone, and
- the optimum of data + λR (the session's λ), where a data-loss contour
  touches a penalty contour; both contours through it are drawn bold.

With L1 that touching point is often a corner of the diamond, on an axis:
one weight is exactly 0. With L2 the circle has no corners, so weights
shrink but stay non-zero.

**Held fixed.** Every other entry of W and b is held at its value at the
*last* recorded step (the same centre as the loss-surface view), so the
picture does not move during playback; it is recomputed when the History,
the settings or the points change. The grid is square and symmetric about
0 with an odd number of points, so 0 is a grid value on both axes.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget
from linviz.session.core import training_set
from linviz.engine.blas import one_blas_thread

from linviz.ui.widgets import on_screen
from linviz.engine import landscape
from linviz.engine.contours import contour_segments
from linviz.engine.landscape import Slice, history_path
from linviz.engine.regularizers import RegConfig, penalty_on_grid

from .. import i18n
from ..axes import compact_axes, fit_titles, set_axis_label, style_plot
from ..i18n import QT_TRANSLATE_NOOP
from ..screen_fit import Reflow, minimum_as_window
from ..style import BASE_FONT_PT, css_pt, fonts

translate = QCoreApplication.translate

SHAPES = (("l1", QT_TRANSLATE_NOOP("RegGeometry", "L1  Σ|w|  (diamond)")),
          ("l2", QT_TRANSLATE_NOOP("RegGeometry", "L2  Σw²  (circle)")),
          ("elastic", QT_TRANSLATE_NOOP("RegGeometry", "elastic net  Σβw² + |w|")))
SHAPE_NAMES = {"l1": "L1", "l2": "L2", "elastic": QT_TRANSLATE_NOOP("RegGeometry", "elastic net")}
DATA_COLOUR = "#0072B2"  # Okabe–Ito blue
PENALTY_COLOUR = "#D55E00"  # Okabe–Ito vermillion
UNREG_COLOUR = "#56B4E9"
UNREG_DOT = f'<span style="color:{UNREG_COLOUR}">●</span>'
N_DATA_CONTOURS = 8
N_PENALTY_CONTOURS = 4


def session_shape(kind: str) -> str:
    """The overlay that matches a session regulariser (L2 for none / max-norm)."""
    return {"l1": "l1", "elastic": "elastic"}.get(kind, "l2")


def argmin_nearest(Z: np.ndarray, xs: np.ndarray, ys: np.ndarray, target) -> tuple[float, float, int]:
    """(x, y, n_tied): the grid minimum of Z; among cells tied at the minimum (a flat
    floor, as hinge losses have), the one nearest ``target``."""
    if not np.isfinite(Z).any():  # the slice of a diverged run: nothing to mark
        return float(target[0]), float(target[1]), 0
    Z = np.where(np.isfinite(Z), Z, np.inf)
    m = Z.min()
    tol = 1e-7 * max(1.0, float(Z[np.isfinite(Z)].max() - m))
    r, c = np.nonzero(Z <= m + tol)
    k = int(np.argmin((xs[c] - target[0]) ** 2 + (ys[r] - target[1]) ** 2))
    return float(xs[c[k]]), float(ys[r[k]]), len(r)


def legend_html(shape_name: str) -> str:
    def entry(glyph, colour, text):
        text = text.replace(" ", "&nbsp;")
        return f'<span style="color:{colour}; font-weight:bold">{glyph}</span>&nbsp;{text}'

    return " &nbsp; ".join([
        entry("━━", DATA_COLOUR, translate("RegGeometry", "data-loss contours")),
        entry("━━", PENALTY_COLOUR, translate("RegGeometry", "{0} penalty contours").format(shape_name)),
        entry("★", PENALTY_COLOUR, translate("RegGeometry", "min of data + λ·{0}").format(shape_name)),
        entry("●", UNREG_COLOUR, translate("RegGeometry", "min of data loss alone")),
    ])


class _PlotWidget(pg.PlotWidget):
    def sizeHint(self):  # noqa: N802 (Qt name)
        """Small, as the Surface's: a short tab shows the whole plot (it expands into any room)."""
        return QSize(360, 200)


class RegGeometryView(QWidget):
    """Data-loss and penalty contours over two weights, with both optima marked.

    Attributes for tests: ``weights`` (flat indices into W.ravel()), ``grid``
    (the weight values on both axes), ``data_grid`` and ``penalty_grid``
    ((rows = 2nd weight, cols = 1st weight)), ``optimum`` and
    ``unregularised_optimum`` ((w_a, w_b) or None), ``shape`` ("l1", "l2",
    "elastic"), ``lam``, ``cell`` (the grid step), and the plot items
    ``data_contours``, ``penalty_contours``, ``optimum_item``, ``unreg_item``.
    """

    RES = 161  # odd: 0 is on the grid

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.weights = (0, 1)
        self.shape = session_shape(session.settings.train.reg.kind)
        self._session_kind = session.settings.train.reg.kind
        self.grid: np.ndarray | None = None
        self.data_grid = self.penalty_grid = None
        self.optimum = self.unregularised_optimum = None
        self.lam = 0.0
        self.cell = float("nan")
        self._names: tuple[str, ...] = ()
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._recompute_if_shown)
        self._stale = False
        session.history_changed.connect(self._timer.start)
        session.settings_changed.connect(self._settings_changed)
        session.data.changed.connect(self._timer.start)
        i18n.notifier.changed.connect(self._on_language)
        fonts.changed.connect(self._fit_titles)  # the titles grew with Ctrl+plus
        self.recompute()

    # --- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.weight_a = QComboBox(objectName="geometry_weight_a")
        self.weight_b = QComboBox(objectName="geometry_weight_b")
        self.weight_a.setToolTip(translate("RegGeometry", "The weight on the horizontal axis"))
        self.weight_b.setToolTip(translate("RegGeometry", "The weight on the vertical axis"))
        for combo in (self.weight_a, self.weight_b):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reg_combo = QComboBox(objectName="geometry_reg")
        for key, text in SHAPES:
            self.reg_combo.addItem(translate("RegGeometry", text), key)
        self.reg_combo.setToolTip(translate("RegGeometry", "Which penalty's contours to draw and add to the data loss "
                                                           "(λ is the session's)"))
        self._select(self.reg_combo, self.shape)
        for combo in (self.weight_a, self.weight_b, self.reg_combo):  # never narrower than their text
            combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        # One line when the tab is wide, two in the narrow right-hand column of a 1280 × 800
        # screen: the penalty's name is never cut (screen_fit.Reflow).
        row = QGridLayout()
        row.setContentsMargins(0, 0, 0, 0)
        pair = QHBoxLayout()
        pair.addWidget(self.weight_a)
        pair.addWidget(QLabel("×"))
        pair.addWidget(self.weight_b)
        pair.addStretch(1)
        self._reflow = Reflow(self, row, [
            (QLabel(translate("RegGeometry", "Weights:")), (0, 0), (0, 0)),
            (pair, (0, 1), (0, 1)),
            (QLabel(translate("RegGeometry", "Penalty:")), (0, 2), (1, 0)),
            (self.reg_combo, (0, 3), (1, 1)),
        ], stretch=(3, 1))

        self.plot_widget = _PlotWidget(axisItems=compact_axes())
        self.plot_widget.setObjectName("geometry_plot")
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setAspectLocked(True, ratio=1.0)
        style_plot(self.plot)
        axis_pen = pg.mkPen((0, 0, 0, 200), width=1.5)
        self.axis_lines = (pg.InfiniteLine(0, angle=90, pen=axis_pen), pg.InfiniteLine(0, angle=0, pen=axis_pen))
        self.data_contours = pg.PlotCurveItem(pen=pg.mkPen(DATA_COLOUR, width=1.5), connect="pairs")
        self.penalty_contours = pg.PlotCurveItem(pen=pg.mkPen(PENALTY_COLOUR, width=1.3), connect="pairs")
        self.data_touch = pg.PlotCurveItem(pen=pg.mkPen(DATA_COLOUR, width=4), connect="pairs")
        self.penalty_touch = pg.PlotCurveItem(pen=pg.mkPen(PENALTY_COLOUR, width=4), connect="pairs")
        self.unreg_item = pg.ScatterPlotItem(size=18, symbol="o", brush=pg.mkBrush(UNREG_COLOUR),
                                             pen=pg.mkPen("k", width=2))
        self.optimum_item = pg.ScatterPlotItem(size=26, symbol="star", brush=pg.mkBrush(PENALTY_COLOUR),
                                               pen=pg.mkPen("k", width=1.5))
        items = (*self.axis_lines, self.data_contours, self.penalty_contours, self.data_touch, self.penalty_touch,
                 self.unreg_item, self.optimum_item)
        for z, item in enumerate(items):
            item.setZValue(z)
            self.plot.addItem(item)

        # The legend is a line of text under the plot, so it never hides a contour or a marker.
        self.legend = QLabel(objectName="geometry_legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(f"font-size: {css_pt(BASE_FONT_PT + 1)};")

        self.note = QLabel(objectName="geometry_note")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setStyleSheet(f"font-size: {css_pt(14)}; color: #333; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot_widget)
        self.stack.addWidget(self.note)
        self.caption = QLabel(objectName="geometry_caption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        minimum_as_window(self, 360, 320)  # in a dock the rows' own minimum counts (screen_fit.py)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.caption)

        self.weight_a.currentIndexChanged.connect(self._weights_picked)
        self.weight_b.currentIndexChanged.connect(self._weights_picked)
        self.reg_combo.currentIndexChanged.connect(lambda _i: self.set_shape(self.reg_combo.currentData()))

    def _fit_titles(self, *_) -> None:
        """The plot is never shorter than its titles."""
        fit_titles(self.plot_widget, (self.plot.getAxis("left"), self.plot.getAxis("bottom")))

    # --- public API ----------------------------------------------------------------------------
    @property
    def recompute_pending(self) -> bool:
        return self._timer.isActive()

    def _recompute_if_shown(self) -> None:
        """A hidden tab only notes that it is out of date; it catches up when shown."""
        if on_screen(self):
            self.recompute()
        else:
            self._stale = True

    def became_visible(self) -> None:
        """The view's tab was brought to the front."""
        if self._stale:
            self._stale = False
            self._timer.start()

    def set_weights(self, i: int, j: int) -> None:
        """Flat indices into W.ravel() (0 is W[1,1], 1 is W[1,2] for D = 2)."""
        i, j = int(i), int(j)
        if i == j:
            raise ValueError("pick two different weights")
        self.weights = (i, j)
        self._select(self.weight_a, i)
        self._select(self.weight_b, j)
        self.recompute()

    def set_shape(self, shape: str) -> None:
        """"l1", "l2" or "elastic": the penalty drawn and added to the data loss."""
        if shape not in dict(SHAPES):
            raise ValueError(f"unknown penalty {shape!r}; choose l1, l2 or elastic")
        self._select(self.reg_combo, shape)
        if shape != self.shape:
            self.shape = shape
            self.recompute()

    def penalty_config(self) -> RegConfig:
        """The penalty the optimum uses: the chosen shape with the session's λ and β."""
        reg = self.session.history.config.reg if self.session.history is not None else self.session.settings.train.reg
        kind = "half-l2" if self.shape == "l2" and reg.kind == "half-l2" else self.shape
        return RegConfig(kind, lam=reg.lam, beta=reg.beta)

    # --- computing -----------------------------------------------------------------------------
    def _settings_changed(self) -> None:
        kind = self.session.settings.train.reg.kind
        if kind != self._session_kind:  # a new regulariser in the session: show its shape
            self._session_kind = kind
            self.set_shape(session_shape(kind))
        self._timer.start()

    def _on_language(self, *_) -> None:
        self.recompute()  # the legend, the caption and the notes in the new language (a rare event)

    def recompute(self) -> None:
        self._timer.stop()
        session = self.session
        hist, ds = session.history, training_set(session.data.dataset, session.settings)
        if not session.settings.is_linear or hist is None:
            self._show_note(translate("RegGeometry", "kNN has no parameters to descend: it keeps the points and lets "
                                                     "the k nearest vote. Pick SVM or Softmax to see the geometry of "
                                                     "regularisation."))
            return
        if hist.n_classes != ds.n_classes or hist.n_train != len(ds) or len(hist) == 0:
            return  # the session is about to retrain on the new points; history_changed calls again
        C, D = hist.n_classes, hist.dim
        self._update_names(C, D)
        i, j = self.weights
        path = history_path(hist)
        centre = path[-1].copy()
        reach = max(1.0, float(np.abs(path[:, [i, j]]).max()))
        ws = np.linspace(-1.25 * reach, 1.25 * reach, self.RES)
        centre[[i, j]] = 0.0
        u, v = np.zeros_like(centre), np.zeros_like(centre)
        u[i] = v[j] = 1.0
        sl = Slice("params", centre, u, v, ws, ws, (self._names[i], self._names[j]))
        cfg = replace(hist.config, reg=RegConfig("none"))
        with one_blas_thread():
            data = landscape.loss_surface(cfg.features.transform(ds.X), ds.y, cfg, sl, C).data
        if not np.isfinite(data).all():  # the loss overflows over this grid: no minimum to mark
            self._show_note(translate("RegGeometry", "The weights of this run reach {0}: the loss over them is too "
                                                     "large to draw (training diverged). Try a smaller learning "
                                                     "rate.").format(f"{reach:.0e}"))
            return
        A, B = np.meshgrid(ws, ws)
        pen_cfg = self.penalty_config()
        self.grid, self.cell, self.lam = ws, float(ws[1] - ws[0]), pen_cfg.lam
        self.data_grid, self.penalty_grid = data, penalty_on_grid(A, B, pen_cfg)
        current = path[-1][[i, j]]
        ux, uy, n_flat = argmin_nearest(data, ws, ws, current)
        self.unregularised_optimum = (ux, uy)
        ox, oy, _ = argmin_nearest(data + self.penalty_grid, ws, ws, (ux, uy))
        self.optimum = (ox, oy)
        self._draw(n_flat, len(hist) - 1)

    # --- drawing --------------------------------------------------------------------------------
    def _draw(self, n_flat: int, last_step: int) -> None:
        ws, data = self.grid, self.data_grid
        (ox, oy), (ux, uy) = self.optimum, self.unregularised_optimum
        lo = float(data.min())
        hi = float(np.quantile(data, 0.9))  # the far corners would spend the levels where nothing happens
        levels = lo + (hi - lo) * np.linspace(0, 1, N_DATA_CONTOURS + 1)[1:] ** 1.5 if hi > lo else []
        self.data_contours.setData(*contour_segments(data, ws, ws, levels), connect="pairs")
        i_opt, j_opt = np.searchsorted(ws, ox), np.searchsorted(ws, oy)
        touch = data[min(j_opt, len(ws) - 1), min(i_opt, len(ws) - 1)]
        self.data_touch.setData(*contour_segments(data, ws, ws, [touch + 1e-9]), connect="pairs")

        unit = RegConfig(self.penalty_config().kind, lam=1.0, beta=self.penalty_config().beta)
        shape = penalty_on_grid(*np.meshgrid(ws, ws), unit)
        radii = ws[-1] * np.arange(1, N_PENALTY_CONTOURS + 1) / N_PENALTY_CONTOURS
        p_levels = penalty_on_grid(radii, np.zeros_like(radii), unit) - 1e-12
        self.penalty_contours.setData(*contour_segments(shape, ws, ws, p_levels), connect="pairs")
        r_opt = float(penalty_on_grid(np.array(ox), np.array(oy), unit))
        if r_opt > 0:
            self.penalty_touch.setData(*contour_segments(shape, ws, ws, [r_opt - 1e-12]), connect="pairs")
        else:
            self.penalty_touch.setData([], [])
        self.optimum_item.setData([ox], [oy])
        self.unreg_item.setData([ux], [uy])

        a_name, b_name = self._names[self.weights[0]], self._names[self.weights[1]]
        set_axis_label(self.plot, "bottom", a_name)
        set_axis_label(self.plot, "left", b_name)
        self._fit_titles()
        self.plot.setRange(xRange=(ws[0], ws[-1]), yRange=(ws[0], ws[-1]), padding=0.02)

        shape_name = translate("RegGeometry", SHAPE_NAMES[self.shape])
        self.legend.setText(legend_html(shape_name))

        self.caption.setText(self._explain(n_flat, last_step, a_name, b_name))
        self.stack.setCurrentWidget(self.plot_widget)

    def _explain(self, n_flat: int, last_step: int, a_name: str, b_name: str) -> str:
        (ox, oy), (ux, uy) = self.optimum, self.unregularised_optimum
        half = self.cell / 2
        shape_name = translate("RegGeometry", SHAPE_NAMES[self.shape])
        parts = [translate("RegGeometry", "λ = {0} (the session's); other weights and b held at the last step (t = {1}).")
                 .format(f"{self.lam:g}", last_step)]
        if self.lam == 0:
            parts.append(translate("RegGeometry", "With λ = 0 the penalty does nothing: raise λ to see the optimum pulled "
                                           "towards 0."))
        else:
            zeros = [name for name, w in ((a_name, ox), (b_name, oy)) if abs(w) <= half]
            zero_text = zeros[0] if len(zeros) == 1 else translate("RegGeometry", "{0} and {1}").format(*zeros[:2]) \
                if zeros else ""
            where = f'<b><span style="color:{PENALTY_COLOUR}">★</span> ({ox:.2f}, {oy:.2f})</b>'
            if zeros and self.shape == "l1":
                parts.append(translate("RegGeometry", "{0}: {1} = 0 exactly — the bold contours touch at a corner of the "
                                               "{2} diamond, on an axis.").format(where, zero_text, shape_name))
            elif zeros and self.shape == "elastic":
                parts.append(translate("RegGeometry", "{0}: {1} = 0 exactly — the bold contours touch at a corner of the "
                                               "{2} shape, on an axis.").format(where, zero_text, shape_name))
            elif zeros:
                parts.append(translate("RegGeometry", "{0}: {1} = 0 here.").format(where, zero_text))
            elif self.shape == "l2":
                parts.append(translate("RegGeometry", "{0}: the bold contours touch; {1} shrinks both weights but keeps them "
                                               "non-zero.").format(where, shape_name))
            else:
                parts.append(translate("RegGeometry", "{0}: the bold contours touch; {1} shrinks both weights without "
                                               "zeroing either here.").format(where, shape_name))
        if n_flat > 1:
            parts.append(translate("RegGeometry", "The data loss alone is flat at its minimum over {0} grid cells; {1} is "
                                           "the one nearest the current weights.").format(n_flat, UNREG_DOT))
        edge = self.grid[-1] - half
        if max(abs(ux), abs(uy)) >= edge:
            parts.append(translate("RegGeometry", "{0} is on the edge: the data loss alone keeps falling outwards.").format(
                UNREG_DOT))
        return " ".join(parts)

    def _show_note(self, text: str) -> None:
        self.grid = self.data_grid = self.penalty_grid = None
        self.optimum = self.unregularised_optimum = None
        self.note.setText(text)
        self.caption.setText("")
        self.legend.setText("")
        self.stack.setCurrentWidget(self.note)

    # --- controls -------------------------------------------------------------------------------
    @staticmethod
    def _select(combo: QComboBox, key) -> None:
        index = combo.findData(key)
        if index >= 0 and combo.currentIndex() != index:
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def _update_names(self, n_classes: int, dim: int) -> None:
        names = tuple(landscape.param_name(k, n_classes, dim) for k in range(n_classes * dim))
        if names == self._names:
            return
        self._names = names
        if max(self.weights) >= len(names):
            self.weights = (0, 1)
        for combo in (self.weight_a, self.weight_b):
            combo.blockSignals(True)
            combo.clear()
            for k, name in enumerate(names):
                combo.addItem(name, k)
            combo.blockSignals(False)
        self._select(self.weight_a, self.weights[0])
        self._select(self.weight_b, self.weights[1])

    def _weights_picked(self, _index: int) -> None:
        i, j = self.weight_a.currentData(), self.weight_b.currentData()
        if i is None or j is None or (i, j) == self.weights:
            return
        if i == j:
            old_i, old_j = self.weights
            if self.sender() is self.weight_a:
                j = old_i
            else:
                i = old_j
        self.set_weights(i, j)


__all__ = ["RegGeometryView", "argmin_nearest", "session_shape"]
