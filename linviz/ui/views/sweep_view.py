"""The Sweep tab: train and held-out accuracy (or data loss) against λ — or against k for kNN.

"Why regularise" made visible on the teacher's own points: for each λ of ``LAMS`` the run is
trained again on the training points (``engine.heldout.lambda_sweep``: the session's settings
and starting W, b, only λ changed; held-out points as the session holds them out, key T) and
measured at its last step on both sets. With a rich feature map and few points the held-out
accuracy peaks at a middle λ. For kNN the same against k (``knn_sweep``).

The sweep runs in a worker thread, one λ at a time: the window never freezes, and an edit of
the points or settings supersedes it (the worker stops at its next λ, a new sweep starts after
a pause). It only runs while the tab can be seen. A dashed line marks the current λ (or k); a
click on the plot sets the nearest swept value — through the session, like any control.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from linviz.engine.heldout import Sweep, knn_sweep, lambda_sweep
from linviz.engine.text import QT_TRANSLATE_NOOP

from .. import i18n
from ..widgets import on_screen

translate = QCoreApplication.translate
LAMS = tuple(float(v) for v in 10.0 ** np.arange(-4.0, 1.01, 0.5))
"""The λ swept: 10⁻⁴ … 10 by half decades (11 runs)."""
MAX_K = 15
DELAY_MS = 300
"""An edit starts a new sweep after this pause (a drag sweeps once, when it rests)."""
SERIES = {
    "train": (QT_TRANSLATE_NOOP("Sweep", "train"), "#009E73", Qt.PenStyle.SolidLine, "o"),
    "test": (QT_TRANSLATE_NOOP("Sweep", "held out"), "#CC79A7", Qt.PenStyle.DashLine, "s"),
}


class _Bridge(QObject):
    """Carries a worker's results to the GUI thread (a queued signal)."""

    done = Signal(object, object)  # (key, Sweep)
    progress = Signal(object, int)  # (key, values done)


def sweep_inputs(session):
    """What a sweep depends on, as plain data: ("lam" or "k", values, a function computing the
    Sweep with a ``should_stop`` test, a key that is equal for equal inputs) — or None."""
    state = session.state
    ds, s = state.dataset, state.settings  # the points the run shown was trained on
    if len(ds) < 2 or ds.n_classes < 2 or not state.up_to_date:
        return None  # (not up to date: the retrain's history_changed asks again)
    mask = s.heldout_mask(len(ds)) if s.heldout > 0 else np.zeros(len(ds), bool)
    base = (ds.X.tobytes(), ds.y.tobytes(), mask.tobytes(), ds.n_classes)
    if not s.is_linear:
        ks = tuple(range(1, min(MAX_K, int((~mask).sum())) + 1))
        metric = s.knn.metric

        def run_knn(should_stop, progress):
            rows = []
            for i, k in enumerate(ks):
                if should_stop():
                    return None
                rows.append(knn_sweep(ds.X, ds.y, mask, [k], metric, ds.n_classes))
                progress(i + 1)
            return _stack(rows)
        return "k", ks, run_knn, ("k", base, metric, ks)
    h = state.history
    if h is None:
        return None
    root = h
    while root.parent is not None:
        root = root.parent
    cfg, W0, b0 = s.train_config(), root.W[0].copy(), root.b[0].copy()

    def run_lam(should_stop, progress):
        rows = []
        for i, lam in enumerate(LAMS):
            if should_stop():
                return None
            rows.append(lambda_sweep(ds.X, ds.y, mask, cfg, [lam], ds.n_classes, W0=W0, b0=b0))
            progress(i + 1)
        return _stack(rows)
    key = ("lam", base, replace(cfg, reg=replace(cfg.reg, lam=0.0)), W0.tobytes(), b0.tobytes())
    return "lam", LAMS, run_lam, key


def _stack(rows: list[Sweep]) -> Sweep:
    return Sweep(*(np.concatenate([getattr(r, f) for r in rows]) for f in
                   ("values", "train_acc", "test_acc", "train_loss", "test_loss")))


class SweepView(QWidget):
    """The sweep plot for ``session`` (objectName ``sweepView``). ``sweep``: the last Sweep shown,
    ``kind``: "lam" or "k"; ``curves`` {"train", "test"}; ``marker``: the current value's line."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sweepView")
        self.session = session
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(90)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.curves = {}
        for key, (_, colour, pen_style, symbol) in SERIES.items():
            self.curves[key] = self.plot.plot([], [], pen=pg.mkPen(colour, width=3, style=pen_style), symbol=symbol,
                                              symbolSize=9, symbolBrush=colour, symbolPen=pg.mkPen("#1A1A1A"))
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen("#CC0066", width=2.5, style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.marker, ignoreBounds=True)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.legend = QLabel(objectName="sweepLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.loss_check = QCheckBox(objectName="sweepLoss")
        self.loss_check.toggled.connect(self._draw)
        self.note = QLabel(objectName="sweepNote")
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.legend, 1)
        row.addWidget(self.loss_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.setMinimumWidth(240)

        self.kind: str | None = None
        self.sweep: Sweep | None = None
        self._key = None  # the inputs of the sweep shown (or under way)
        self._generation = 0
        self._running = False
        self._done_count = 0
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._on_done)
        self._bridge.progress.connect(self._on_progress)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.start)
        for signal in (session.settings_changed, session.history_changed, session.data.changed):
            signal.connect(self._stale)
        i18n.notifier.changed.connect(self._retranslate)
        self._retranslate()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        """The plot's minimum and the wrapped labels' height at ``width``: the dock's scroll area asks
        this (Qt's own answer counts the plot at its 480 px size hint, and the dock scrolled)."""
        m = self.layout().contentsMargins()
        inner = width - m.left() - m.right()
        row = max(self.legend.heightForWidth(inner - self.loss_check.sizeHint().width() - 6),
                  self.loss_check.sizeHint().height())
        note = self.note.heightForWidth(inner) + self.layout().spacing() if not self.note.isHidden() else 0
        return self.plot.minimumHeight() + row + note + self.layout().spacing() + m.top() + m.bottom()

    # --- when to sweep ---------------------------------------------------------------------
    def _stale(self, *_args) -> None:
        self._move_marker()
        if on_screen(self):
            self._timer.start()

    def became_visible(self) -> None:
        self._timer.start(0)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._timer.start(0)

    def start(self) -> None:
        """Sweep the session's inputs in the background, unless the sweep shown (or under way) has them."""
        inputs = sweep_inputs(self.session)
        if inputs is None:
            self._generation += 1
            self._key, self.sweep, self.kind, self._running = None, None, None, False
            self._draw()
            return
        kind, values, run, key = inputs
        if key == self._key:
            return
        self._generation += 1
        gen, self._key, self._running, self._done_count = self._generation, key, True, 0
        self.kind, self._values = kind, values
        bridge = self._bridge

        def emit(signal, *args):
            try:
                signal.emit(*args)
            except RuntimeError:  # the window closed meanwhile: nobody is waiting
                self._generation += 1

        def work():
            try:
                result = run(lambda: self._generation != gen, lambda n: emit(bridge.progress, key, n))
            except Exception as err:  # noqa: BLE001 (a worker must not die silently: the note says why)
                emit(bridge.done, key, err)
                return
            if result is not None:
                emit(bridge.done, key, result)
        threading.Thread(target=work, name="linviz-sweep", daemon=True).start()
        self._update_note()

    def wait(self, timeout_s: float = 60.0) -> bool:
        """Block until the sweep under way is shown (tests, renders). True when it is."""
        end = time.monotonic() + timeout_s
        while self._running and time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.01)
        return not self._running

    def _on_progress(self, key, n: int) -> None:
        if key == self._key:
            self._done_count = n
            self._update_note()

    def _on_done(self, key, sweep) -> None:
        """A sweep finished (a Sweep), or failed (the exception: shown in the note)."""
        if key != self._key:
            return  # superseded
        self._running = False
        if isinstance(sweep, Exception):
            self.sweep, self._key = None, None
            self._draw()
            self.note.setText(translate("Sweep", "The sweep failed: {0}").format(sweep))
            self.note.show()
            return
        self.sweep = sweep
        self._draw()

    # --- drawing ---------------------------------------------------------------------------
    def _retranslate(self, *_args) -> None:
        parts = [f'<span style="color:{c}">━━</span>&nbsp;{translate("Sweep", name).replace(" ", "&nbsp;")}'
                 for name, c, *_ in SERIES.values()]
        self.legend.setText(" &nbsp; ".join(parts))  # it wraps between the entries only
        self.loss_check.setText(translate("Sweep", "loss"))
        self.loss_check.setToolTip(translate("Sweep", "Plot the data loss at the last step instead of the accuracy."))
        self.plot.setToolTip(translate("Sweep", "Click to set λ (or k) to the nearest value swept."))
        self._draw()

    def _axis_titles(self) -> None:
        loss = self.loss_check.isChecked()
        self.plot.setLabel("left", translate("Sweep", "data loss") if loss else translate("Sweep", "accuracy (%)"))
        self.plot.setLabel("bottom", translate("Sweep", "k (neighbours)") if self.kind == "k"
                           else translate("Sweep", "λ (log scale)"))

    def _draw(self, *_args) -> None:
        self._axis_titles()
        sw, loss = self.sweep, self.loss_check.isChecked()
        self.plot.setLogMode(x=self.kind == "lam", y=False)
        if sw is None:
            for c in self.curves.values():
                c.setData([], [])
        else:
            series = {"train": sw.train_loss if loss else 100.0 * sw.train_acc,
                      "test": sw.test_loss if loss else 100.0 * sw.test_acc}
            for key, ys in series.items():
                ok = np.isfinite(ys)
                self.curves[key].setData(sw.values[ok], ys[ok])
            if loss:
                self.plot.enableAutoRange(y=True)
            else:
                self.plot.setYRange(0, 100, padding=0.05)
            self.plot.enableAutoRange(x=True)
        self._move_marker()
        self._update_note()

    def current_value(self) -> float | None:
        s = self.session.settings
        if self.kind == "k":
            return float(s.knn.k)
        return float(s.train.reg.lam) if self.kind == "lam" else None

    def _move_marker(self) -> None:
        v = self.current_value()
        shown = v is not None and (self.kind == "k" or v > 0)
        self.marker.setVisible(shown)
        if shown:
            self.marker.setValue(np.log10(v) if self.kind == "lam" else v)

    def _update_note(self) -> None:
        s = self.session.settings
        if self.kind is None:
            text = translate("Sweep", "Needs at least two points of two classes.")
        elif self._running:
            text = translate("Sweep", "Training once per value… {0} of {1}").format(self._done_count, len(self._values))
        elif s.heldout <= 0:
            text = translate("Sweep", "No points are held out (Data ▸ Hold out test points, key T): "
                                      "only the training points are measured.")
        elif self.sweep is not None and np.isfinite(self.sweep.test_acc).any():
            best = self.sweep.best
            text = (translate("Sweep", "best held out: λ = {0}") if self.kind == "lam"
                    else translate("Sweep", "best held out: k = {0}")).format(f"{best:.2g}")
        else:
            text = ""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # --- gestures --------------------------------------------------------------------------
    def _on_click(self, event) -> None:
        if self.sweep is None or event.button() != Qt.MouseButton.LeftButton:
            return
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        x = vb.mapSceneToView(event.scenePos()).x()
        self.set_value_near(10.0 ** x if self.kind == "lam" else x)

    def set_value_near(self, value: float) -> None:
        """Set λ (or k) to the swept value nearest ``value`` (on the log scale for λ)."""
        values = self.sweep.values
        if self.kind == "lam":
            v = float(values[int(np.argmin(np.abs(np.log10(values) - np.log10(max(value, 1e-300)))))])
            s = self.session.settings
            self.session.update_settings(reg=replace(s.train.reg, lam=v))
        else:
            k = int(values[int(np.argmin(np.abs(values - value)))])
            self.session.update_settings(knn=replace(self.session.settings.knn, k=k))


def install(window):
    """Add the Sweep tab beside the loss curve and the Margins (under the plane), built when first
    seen (``window.lazy_dock``; ``window.sweep_view`` builds it on demand). Returns the dock."""
    if "sweep" in window.docks:
        return window.docks["sweep"]
    loss = window.docks["loss"]
    dock = window.lazy_dock(translate("MainWindow", "Sweep"), "dock_SweepView", lambda: SweepView(window.session),
                            window.dockWidgetArea(loss))
    window.tabifyDockWidget(loss, dock)
    loss.raise_()
    window.docks["sweep"] = dock
    dock.visibilityChanged.connect(lambda shown: shown and dock.is_built and dock.view().became_visible())
    return dock


__all__ = ["SweepView", "install", "LAMS", "sweep_inputs"]
