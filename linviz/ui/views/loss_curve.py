"""The loss curve: total, data and regularisation loss against the step, with accuracy.

Curves get new data only when the History changes; a step change moves the
cursor line and the read-out beside the plot, nothing else. Clicking or
dragging in the plot jumps to that step; so does dragging the cursor. Earlier
runs of this session (branches) are drawn faint and dashed.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QGraphicsItem, QGridLayout, QHBoxLayout, QLabel, QWidget

from linviz.engine.divergence import blowup
from linviz.engine.heldout import heldout_curve
from linviz.session.core import heldout_set

from .. import i18n
from ..axes import compact_axes
from ..i18n import QT_TRANSLATE_NOOP
from ..widgets import MarkupLine, SteadyLabel
from ..models import SessionModel, WhileDragging
from ..style import font as scaled_font, label_style, scale as style_scale
from ..table_cells import format_number, number_font
from .loss_curve_parts import CompactLegend, LossAxis, ScrubViewBox, StepTag, log_floor

CURVES = {
    # name: (label, colour, Qt pen style, width)
    "loss": (QT_TRANSLATE_NOOP("LossCurve", "total"), "#000000", Qt.PenStyle.SolidLine, 3.0),
    "data_loss": (QT_TRANSLATE_NOOP("LossCurve", "data"), "#0072B2", Qt.PenStyle.DashLine, 2.5),
    "reg_loss": ("λR(W)", "#D55E00", Qt.PenStyle.DashDotLine, 2.5),
}
"""The three loss curves: Okabe–Ito colours and three line styles, so neither alone tells them apart."""
ACC_STYLE = (QT_TRANSLATE_NOOP("LossCurve", "accuracy"), "#009E73", Qt.PenStyle.DotLine, 3.0)
HELDOUT = {  # the held-out points' data loss and accuracy (engine/heldout.py), while points are held out
    "heldout_loss": (QT_TRANSLATE_NOOP("LossCurve", "held-out data"), "#CC79A7", Qt.PenStyle.DashLine, 2.5),
    "heldout_acc": (QT_TRANSLATE_NOOP("LossCurve", "held-out accuracy"), "#CC79A7", Qt.PenStyle.DotLine, 3.0),
}
translate = QCoreApplication.translate
BRANCH_PEN = dict(color="#9A9A9A", width=1.5, style=Qt.PenStyle.DashLine)
MAX_BRANCHES = 8
MAX_LINEAR_TOP = 1e300
MAX_LOG_TOP = 307.5
"""The log loss axis ends at 10^307.5 at most (10^308.3 is already inf for the tick labels)."""
"""The linear loss axis ends here at most: the last finite losses of a diverged run reach ~1e308,
where the axis' padding overflows to inf (pyqtgraph raises "Not setting range to [inf, -inf]")."""
TICK_PT = 13
LABEL_PT = 14


def _pen(colour, style, width):
    pen = pg.mkPen(color=colour, width=width, style=style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _swatch(colour, style, width, w=46, h=18, styles=()) -> QPixmap:
    """A short line in the curve's colour and style, for the legend; one above another for each of ``styles``."""
    pm = QPixmap(w, h)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    styles = styles or (style,)
    for i, st in enumerate(styles):
        pen = QPen(QColor(colour), width, st)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        p.setPen(pen)
        y = h * (i + 1) / (len(styles) + 1)
        p.drawLine(QPointF(2, y), QPointF(w - 2, y))
    p.end()
    return pm


def _cache(data_item: pg.PlotDataItem) -> None:
    """Paint a curve once into a pixmap cache; it repaints only when its data or the view change."""
    data_item.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


STACK_ASPECT = 0.75
"""Taller than this many times its width, the view puts its legend under the plot."""
VALUES_BESIDE_PX = 640
"""Narrower than this (at the default font), the legend beside the plot drops its values."""
COMPACT_BELOW_PX = VALUES_BESIDE_PX
"""Narrower than this (at the default font), and not tall, the legend is a row or two of names over the plot and
the axes are titled "%" (accuracy) only: beside the plot the legend left the data a strip ~40 px wide in the
270 px column of a 1280 × 800 screen (the dock scrolled sideways) and ~90 px in the 480 px one of 1920 × 1080."""
PLOT_MIN_PX = (250, 115)
"""The least the compact layout needs (at the default font): as wide as the legend's curves in one row (English
and Spanish), and as high as the plot's 90 px of data and its step axis, under the legend's rows at that width."""


class LossCurveView(QWidget):
    """Loss (left axis) and train accuracy in % (right axis) against the step.

    Attributes for tests: ``plot`` (the PlotWidget), ``viewbox`` (its main
    ViewBox), ``acc_viewbox``, ``curves`` {"loss", "data_loss", "reg_loss"}
    (PlotDataItems), ``acc_curve``, ``branch_curves``, ``cursor`` (the
    InfiniteLine), ``log_check``, ``knn_text``, ``readouts`` {name: QLabel}.
    """

    def __init__(self, session: SessionModel, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("lossCurve")
        self._log = False
        self._auto_log = False  # the log scale was turned on for a blow-up, not by the user
        self._blowup_seen = None  # the History whose blow-up was last looked at

        self.viewbox = ScrubViewBox(self._scrub)
        self.plot = pg.PlotWidget(viewBox=self.viewbox, axisItems=compact_axes(left=LossAxis("left")))
        self.plot.setObjectName("lossPlot")
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        self.viewbox.setAutoVisible(y=True)
        self.viewbox.setDefaultPadding(0.02)

        # accuracy on a second ViewBox sharing x, with the right axis
        self.acc_viewbox = pg.ViewBox(enableMenu=False)
        self.acc_viewbox.setMouseEnabled(x=False, y=False)
        self.acc_viewbox.setZValue(-100)  # under the main ViewBox, which takes the mouse
        item.showAxis("right")
        item.scene().addItem(self.acc_viewbox)
        item.getAxis("right").linkToView(self.acc_viewbox)
        self.acc_viewbox.setXLink(self.viewbox)
        self.acc_viewbox.setYRange(0, 100, padding=0.08)
        item.getAxis("right").setTicks([[(v, str(v)) for v in (0, 50, 100)], [(v, str(v)) for v in (25, 75)]])
        self.acc_viewbox.enableAutoRange(y=False)
        self.viewbox.sigResized.connect(self._sync_acc_geometry)

        tick_font = scaled_font(TICK_PT)
        for name, text, units in (("bottom", translate("LossCurve", "step"), None),
                                  ("left", translate("LossCurve", "loss"), None),
                                  ("right", translate("LossCurve", "accuracy"), "%")):
            axis = item.getAxis(name)
            axis.setTickFont(tick_font)
            axis.setTextPen("k")
            axis.setLabel(text, units=units, **label_style(LABEL_PT))
        item.getAxis("right").setLabel(translate("LossCurve", "accuracy (%)"), **label_style(LABEL_PT, ACC_STYLE[1]))
        item.getAxis("right").enableAutoSIPrefix(False)
        item.getAxis("left").enableAutoSIPrefix(False)
        item.getAxis("bottom").enableAutoSIPrefix(False)

        self.branch_curves: list[pg.PlotDataItem] = []
        self.curves: dict[str, pg.PlotDataItem] = {}
        for key, (label, colour, style, width) in CURVES.items():
            curve = pg.PlotDataItem(pen=_pen(colour, style, width), name=translate("LossCurve", label))
            curve.setZValue(10 if key == "loss" else 5)
            item.addItem(curve)
            self.curves[key] = curve
        self.acc_curve = pg.PlotDataItem(pen=_pen(ACC_STYLE[1], ACC_STYLE[2], ACC_STYLE[3]),
                                         name=translate("LossCurve", "accuracy"))
        self.acc_viewbox.addItem(self.acc_curve)
        self.heldout_curves = {k: pg.PlotDataItem(pen=_pen(c, st, w)) for k, (_, c, st, w) in HELDOUT.items()}
        item.addItem(self.heldout_curves["heldout_loss"])
        self.acc_viewbox.addItem(self.heldout_curves["heldout_acc"])
        self._heldout: tuple = (None, None)  # (key, (loss, acc) arrays) of the run shown
        # Curves (wide, dashed, antialiased) and grid lines cost ~10–20 ms each to stroke; the
        # cursor moves 60 times a second across all of them, so they paint once into a cache.
        for thing in (*self.curves.values(), self.acc_curve, *self.heldout_curves.values()):
            _cache(thing)
        for name in ("bottom", "left", "right"):
            item.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

        self.cursor = pg.InfiniteLine(
            pos=0, angle=90, movable=True, pen=pg.mkPen("#CC0066", width=2.5),
            hoverPen=pg.mkPen("#CC0066", width=5),
        )
        self.cursor.setZValue(50)
        self.cursor.sigDragged.connect(lambda line: self._scrub(line.value()))
        self.cursor.sigPositionChangeFinished.connect(lambda line: line.setValue(self.session.step))
        item.addItem(self.cursor, ignoreBounds=True)
        self.step_tag = StepTag(self.viewbox, "#CC0066", tick_font)

        big = scaled_font(14, bold=True)
        self.knn_text = pg.TextItem(translate("LossCurve", "kNN does not train: there is no loss to plot."),
                                    color="#555", anchor=(0.5, 0.5))
        self.knn_text.setFont(big)
        self.knn_text.setVisible(False)
        item.addItem(self.knn_text, ignoreBounds=True)

        # the legend beside the plot, with the values at the current step
        side = QGridLayout()
        side.setContentsMargins(6, 4, 4, 4)
        side.setVerticalSpacing(2)
        self.step_readout = MarkupLine()
        self.step_readout.setObjectName("lossStep")
        side.addWidget(self.step_readout, 0, 0, 1, 3)
        self.readouts: dict[str, QLabel] = {}
        nfont = number_font()
        rows = [(k, *v) for k, v in CURVES.items()] + [("train_acc", *ACC_STYLE)] + [(k, *v) for k, v in HELDOUT.items()]
        self.legend_rows: dict[str, tuple] = {}
        for r, (key, label, colour, style, width) in enumerate(rows, start=1):
            sw = QLabel()
            sw.setPixmap(_swatch(colour, style, width))
            name = QLabel(translate("LossCurve", label))
            value = SteadyLabel()
            value.setFont(nfont)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("00.0000"))
            value.setObjectName(f"readout_{key}")
            side.addWidget(sw, r, 0)
            side.addWidget(name, r, 1)
            side.addWidget(value, r, 2)
            self.readouts[key] = value
            self.legend_rows[key] = (sw, name, value)
        self.log_check = QCheckBox(translate("LossCurve", "log scale"))
        self.log_check.setObjectName("logScale")
        self.log_check.setToolTip(translate("LossCurve", "Loss on a logarithmic axis (losses span orders of magnitude). "
                                                         "A loss of exactly 0 sits at the bottom."))
        self.log_check.toggled.connect(self.set_log_scale)
        side.addWidget(self.log_check, len(rows) + 1, 0, 1, 3)
        side.setRowStretch(len(rows) + 2, 1)
        self._log_row = len(rows) + 1
        self.side_panel = side_widget = QWidget()
        side_widget.setObjectName("lossLegend")
        side_widget.setLayout(side)

        # in a narrow dock: the curves' names (no values) and the log scale box over the plot
        held = _swatch(HELDOUT["heldout_loss"][1], None, 2.5, w=26, styles=[v[2] for v in HELDOUT.values()])
        self.compact_legend = CompactLegend([(k, _swatch(c, st, w, w=26), translate("LossCurve", label))
                                             for k, label, c, st, w in rows if k not in HELDOUT]
                                            + [(tuple(HELDOUT), held, translate("LossCurve", "held out"))])
        self.flow, self.compact_rows = self.compact_legend.flow, self.compact_legend.entries

        self._mode = "beside"  # "beside", "stacked" (under the plot) or "compact" (names over the plot)
        self.box = layout = QHBoxLayout(self)  # the legend beside the plot, or under it when tall and narrow
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.compact_legend)
        layout.addWidget(self.plot, 1)
        layout.addWidget(side_widget)

        # while a point is dragged the curves catch up ten times a second (the plane every move)
        self._knn_shown: bool | None = None
        self._drag_top = 0.0  # the loss axis's top so far in a drag
        session.history_changed.connect(WhileDragging(session, self._on_history))
        session.step_changed.connect(WhileDragging(session, self._on_step))
        session.dragging_changed.connect(self._on_dragging)  # after the throttles' own catch-up
        i18n.notifier.changed.connect(self._on_step)  # the step readout in the new language
        i18n.notifier.changed.connect(self._axis_titles)  # the titles and the log box, long or short
        self._on_history()

    # --- geometry --------------------------------------------------------------------
    def sizeHint(self):
        return QSize(1100, 250)  # a strip under the plane: the plane keeps the height

    def minimumSizeHint(self):
        """The least of the layouts this view takes at its width: given less, a stacked or wide view turns compact
        (the legend's names over the plot), so a dock never scrolls for the legend beside or under the plot."""
        s = style_scale()
        w = max(int(PLOT_MIN_PX[0] * s), self.flow.minimumSize().width())
        if self.stacked:
            w = max(w, self.side_panel.minimumSizeHint().width())
        elif self._mode == "beside":
            return QSize(w, 160)
        return QSize(w, int(PLOT_MIN_PX[1] * s) + self.flow.heightForWidth(w))  # one size for any width: docks ask first

    def hasHeightForWidth(self):  # noqa: N802 (Qt name): the compact legend's flow has one; the view fills its dock
        return False

    def heightForWidth(self, width):  # noqa: N802 (Qt name): a scroll area asks its layout, then this
        return -1

    def _stacked_height(self) -> int:
        """The height the legend under the plot needs: the plot's 160 px and the legend with its values."""
        step = self.step_readout
        return 160 + self.side_panel.sizeHint().height() + (0 if step.isVisibleTo(self) else step.sizeHint().height())

    @property
    def stacked(self) -> bool:
        """The legend is under the plot (a tall, narrow dock: the presentation layout's column)."""
        return self._mode == "stacked"

    @property
    def compact(self) -> bool:
        """The legend's names are over the plot, in one or two rows (a narrow dock: 1280 × 800's right column)."""
        return self._mode == "compact"

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        tall = self.height() > STACK_ASPECT * self.width() and self.height() >= self._stacked_height()
        mode = "stacked" if tall else "compact" if self.width() < COMPACT_BELOW_PX * style_scale() else "beside"
        if mode != self._mode:
            self._set_mode(mode)
        # beside a narrow plot the legend names the curves only: the playback bar has the values
        values = tall or self.width() >= VALUES_BESIDE_PX * style_scale()
        if values != self.step_readout.isVisibleTo(self):
            self.step_readout.setVisible(values)
            for key, widget in self.readouts.items():  # the held-out rows only while points are held out
                widget.setVisible(values and (key not in HELDOUT or self._heldout[0] is not None))

    def _set_mode(self, mode: str) -> None:
        """Lay the legend out beside, under ("stacked") or over ("compact") the plot."""
        was, self._mode = self._mode, mode
        self.box.setDirection(QBoxLayout.Direction.LeftToRight if mode == "beside" else QBoxLayout.Direction.TopToBottom)
        if (was == "compact") != (mode == "compact"):  # the log scale box goes with the legend shown
            side = self.side_panel.layout()
            if mode == "compact":
                side.removeWidget(self.log_check)
                self.flow.addWidget(self.log_check)
            else:
                self.flow.removeWidget(self.log_check)
                side.addWidget(self.log_check, self._log_row, 0, 1, 3)
            self._axis_titles()
        self._show_legend()
        self.updateGeometry()

    def _show_legend(self) -> None:
        shown = not self._knn_shown
        self.side_panel.setVisible(shown and self._mode != "compact")
        self.compact_legend.setVisible(shown and self._mode == "compact")

    def _axis_titles(self, *_) -> None:
        """In the compact layout the accuracy axis is titled "%" (the legend names the accuracy; a short plot cut
        "accuracy (%)" at both ends), the loss and step axes not at all (the dock's title says "Loss curve", the
        cursor's tag the step), and the log scale box says "log": the plot keeps the width and height."""
        item = self.plot.getPlotItem()
        for name, text, colour in (("left", translate("LossCurve", "loss"), "#000000"),
                                   ("bottom", translate("LossCurve", "step"), "#000000"),
                                   ("right", "%" if self.compact else translate("LossCurve", "accuracy (%)"), ACC_STYLE[1])):
            axis = item.getAxis(name)
            if name != "right" and self.compact:
                axis.showLabel(False)
            elif axis.labelText != text or not axis.label.isVisible():
                axis.setLabel(text, **label_style(LABEL_PT, colour))
        self.log_check.setText(translate("LossCurve", "log") if self.compact else translate("LossCurve", "log scale"))

    def _sync_acc_geometry(self):
        self.acc_viewbox.setGeometry(self.viewbox.sceneBoundingRect())
        self.acc_viewbox.linkedViewChanged(self.viewbox, self.acc_viewbox.XAxis)

    # --- gestures ----------------------------------------------------------------------
    def _scrub(self, x: float):
        if self.session.history is None or not np.isfinite(x):
            return
        self.session.set_step(int(round(x)))

    def set_log_scale(self, on: bool, auto: bool = False):
        on = bool(on)
        self._auto_log = auto and on
        if on != self.log_check.isChecked():
            blocked = self.log_check.blockSignals(True)  # (toggled would call this again, as the user)
            self.log_check.setChecked(on)
            self.log_check.blockSignals(blocked)
        self._log = on
        item = self.plot.getPlotItem()
        item.setLogMode(x=False, y=on)
        item.getAxis("right").setLogMode(False, False)  # accuracy stays linear, 0 … 100 %
        # on a log axis only the decades get a label: the 2 … 9 labels crowd a short plot
        item.getAxis("left").setStyle(maxTextLevel=1 if on else 2)
        self._on_history()

    # --- model → view ----------------------------------------------------------------
    @staticmethod
    def _series(h, name) -> np.ndarray:
        return np.asarray(getattr(h, name)[: len(h)], float)

    def _follow_blowup(self, h) -> bool:
        """A run that diverges or blows up gets the log scale, which shows the climb to ~1e308 whole (on the
        linear axis everything before it lies flat on 0); a calm run puts back the linear one if the log scale
        was only turned on for that. Once per History, so the user's own choice afterwards stays (issue 13).
        True if the scale changed (and the curves were redrawn)."""
        if h is None or h is self._blowup_seen:
            return False
        self._blowup_seen = h
        blowing = blowup(h) is not None
        if blowing and not self._log:
            self.set_log_scale(True, auto=True)
            return True
        if not blowing and self._auto_log and self._log:
            self.set_log_scale(False)
            return True
        return False

    def _on_history(self):
        h = self.session.history
        if self._follow_blowup(h):
            return
        knn = h is None
        item = self.plot.getPlotItem()
        if knn != self._knn_shown:  # a new grid or axis set makes the axes redraw their ticks
            self._knn_shown = knn
            self.knn_text.setVisible(knn)
            self.cursor.setVisible(not knn)
            self.step_tag.setVisible(not knn)
            self._show_legend()
            for name in ("bottom", "left", "right"):
                item.showAxis(name, not knn)
            item.showGrid(x=not knn, y=not knn, alpha=0.25)
        if knn:
            for c in [*self.curves.values(), self.acc_curve, *self.heldout_curves.values(), *self.branch_curves]:
                c.setData(x=[], y=[])
            self.viewbox.disableAutoRange()
            self.viewbox.setRange(xRange=(0, 1), yRange=(0, 1) if not self._log else (-1, 0), padding=0)
            self.knn_text.setPos(0.5, 0.5 if not self._log else -0.5)
            self._on_step()
            return
        x = np.arange(len(h), dtype=float)
        ys = {k: self._series(h, k) for k in CURVES}
        branches = [b for b in self.session.branches if b is not h and len(b)][-MAX_BRANCHES:]
        floor = None
        if self._log:
            floor = log_floor(*ys.values(), *(self._series(b, "loss") for b in branches))
        for key, curve in self.curves.items():
            y = ys[key]
            curve.setData(x=x, y=np.where(y > 0, y, floor) if floor is not None else y)
        self.acc_curve.setData(x=x, y=100.0 * self._series(h, "train_acc"))
        held = self._heldout_series(h)
        if held is not None:
            ys["heldout_loss"] = held[0]
        for key, values in zip(HELDOUT, held if held is not None else (None, None)):
            curve = self.heldout_curves[key]
            if values is None:
                curve.setData(x=[], y=[])
            elif key == "heldout_acc":
                curve.setData(x=x, y=100.0 * values)
            else:
                curve.setData(x=x, y=np.where(values > 0, values, floor) if floor is not None else values)
            sw, name, value = self.legend_rows[key]
            for widget in (sw, name, self.compact_rows[key]):  # hidden rows take no room: the minimum stays
                widget.setVisible(values is not None)
            value.setVisible(values is not None and self.step_readout.isVisibleTo(self))
        self._draw_branches(branches, floor)
        if self._log:
            self.viewbox.enableAutoRange(x=True, y=False)
            self.viewbox.setYRange(*self._log_range(ys, branches, floor), padding=0)
        else:  # a linear loss axis starts at 0, the least a loss can be
            top = max([float(np.nanmax(y)) for y in ys.values() if len(y)]
                      + [float(np.nanmax(self._series(b, "loss"))) for b in branches] + [1e-3])
            top = min(top, MAX_LINEAR_TOP)  # a diverged run's ~1e308 + padding would overflow the range
            if self.session.dragging:  # the axis only grows while a point is dragged: its ticks stay put
                top = max(top, self._drag_top)
            self._drag_top = top if self.session.dragging else 0.0
            self.viewbox.enableAutoRange(x=True, y=False)
            self.viewbox.setYRange(0, top, padding=0.04)
        self._on_step()

    def _heldout_series(self, h):
        """(loss, acc) of the held-out points at every step of ``h`` (heldout_curve), or None
        when no point is held out; computed once per run and set of points."""
        state = self.session.state
        X, y = heldout_set(state.dataset, state.settings)
        if len(y) == 0:
            self._heldout = (None, None)
            return None
        key = (id(h), len(h), X.tobytes(), y.tobytes())
        if self._heldout[0] != key:
            self._heldout = (key, heldout_curve(h, X, y))
        return self._heldout[1]

    def _log_range(self, ys, branches, floor) -> tuple[float, float]:
        """(log10 bottom, log10 top) of the loss axis on a log scale: every loss shown, with 4 % of room, and the
        top at most 10^MAX_LOG_TOP: a blown-up run's ~1e308 plus pyqtgraph's own padding overflowed 10**x in its
        tick labels (seed 11 of the random-action test, issue 13)."""
        values = [y[np.isfinite(y) & (y > 0)] for y in [*ys.values(), *(self._series(b, "loss") for b in branches)]]
        values = [v for v in values if v.size]
        if not values:
            return -1.0, 0.0
        lo = float(np.log10(min(float(floor or np.inf), *(v.min() for v in values))))
        hi = float(np.log10(max(v.max() for v in values)))
        pad = 0.04 * max(hi - lo, 1.0)
        return lo - pad, min(hi + pad, MAX_LOG_TOP)

    def _on_dragging(self, on: bool) -> None:
        """A drag ended with the axis still as high as its highest run: fit the final run."""
        if not on and self._drag_top:
            self._on_history()

    def _draw_branches(self, branches, floor):
        item = self.plot.getPlotItem()
        while len(self.branch_curves) < len(branches):
            c = pg.PlotDataItem(pen=pg.mkPen(**BRANCH_PEN))
            c.setZValue(1)
            _cache(c)
            item.addItem(c)
            self.branch_curves.append(c)
        for i, c in enumerate(self.branch_curves):
            if i < len(branches):
                y = self._series(branches[i], "loss")
                c.setData(x=np.arange(len(y), dtype=float), y=np.where(y > 0, y, floor) if floor is not None else y)
                c.setVisible(True)
            else:
                c.setData(x=[], y=[])
                c.setVisible(False)

    def _on_step(self, *_):
        h, t = self.session.history, self.session.step
        if h is None:
            self.step_readout.setText("")
            for label in self.readouts.values():
                label.setText("")
            return
        self.cursor.setValue(t)
        self.step_tag.show_step(t)
        self.step_readout.setText(translate("LossCurve", "step <b>{0}</b> of {1}").format(t, h.last))
        for key in CURVES:
            self.readouts[key].setText(format_number(getattr(h, key)[t], 4))
        acc = h.train_acc[t]
        self.readouts["train_acc"].setText(f"{100 * acc:.0f} %" if np.isfinite(acc) else "–")
        held = self._heldout[1] if self._heldout[0] is not None else None
        shown = held is not None and t < len(held[0])
        self.readouts["heldout_loss"].setText(format_number(held[0][t], 4) if shown else "")
        self.readouts["heldout_acc"].setText(f"{100 * held[1][t]:.0f} %" if shown and np.isfinite(held[1][t]) else "")

    def curve_data(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) given to a curve ("loss", "data_loss", "reg_loss", "train_acc", "heldout_loss" or
        "heldout_acc"), before display transforms."""
        curve = self.acc_curve if name == "train_acc" else {**self.curves, **self.heldout_curves}[name]
        x, y = curve.getOriginalDataset()
        return (np.zeros(0), np.zeros(0)) if x is None else (x, y)


__all__ = ["LossCurveView", "ScrubViewBox", "LossAxis", "CURVES", "HELDOUT", "log_floor"]
