"""Held-out points on the plane: hollow markers for the points training never sees.

With "Hold out test points" on (Data menu, key T) the session holds out a share
``HELDOUT_SHARE`` of the points (``Settings.heldout``; which ones: ``Settings.heldout_mask``, a
seeded split that moving or adding a point barely changes). Training uses the others only
(``linviz.session.core.training_set``); the loss curve and the status line measure both sets.

This layer draws each held-out point as its class marker, white inside with a thick ring in
the class colour — over the plane's filled marker of the same point, so it reads "hollow"
— and adds a row to the plane's key. It talks to the models only: the session's settings
say which points, the data model where they are; the plane gives it nothing but its plot.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from .. import i18n, style
from ..menus import find_menu

translate = QCoreApplication.translate
HELDOUT_SHARE = 0.3
"""The share of the points the switch holds out."""
HELDOUT_KEY = "T"
RING_PX = 3.0
Z_VALUE = 5.5
"""Over the plane's points (5), under the L_i > 0 rings (6)."""


class HeldoutLayer(QObject):
    """The hollow markers on ``plot`` (the plane's PlotWidget) for the held-out points of
    ``session`` (a SessionModel; its ``data`` the DatasetModel). ``item``: the ScatterPlotItem.
    A QObject child of the plot, so its connections end with it."""

    def __init__(self, plot: pg.PlotWidget, session):
        super().__init__(plot)
        self.session, self.data = session, session.data
        self.item = pg.ScatterPlotItem(pxMode=True)
        self.item.setZValue(Z_VALUE)
        self.item.setAcceptedMouseButtons(pg.QtCore.Qt.MouseButton.NoButton)  # clicks reach the plane's points
        plot.addItem(self.item)
        self.data.changed.connect(self.refresh)
        session.settings_changed.connect(self.refresh)
        style.fonts.changed.connect(self.refresh)
        self.refresh()

    def mask(self) -> np.ndarray:
        """(N,) bool: the held-out points of the data shown."""
        n = len(self.data.dataset)
        s = self.session.settings
        return s.heldout_mask(n) if s.heldout > 0 else np.zeros(n, bool)

    def refresh(self, *_args) -> None:
        ds, mask = self.data.dataset, self.mask()
        if not mask.any():
            self.item.setData([])
            self.item.hide()
            return
        m = style.scale()
        colours = style.class_colours(ds.n_classes)
        ys = ds.y[mask]
        self.item.setData(
            pos=ds.X[mask], size=style.BASE_POINT_SIZE * m + 2,
            symbol=[style.MARKERS[c] for c in ys], brush=pg.mkBrush("#FFFFFF"),
            pen=[pg.mkPen(colours[c], width=RING_PX * m) for c in ys], data=np.flatnonzero(mask))
        self.item.show()

    def legend_rows(self) -> list[tuple[str, str]]:
        """The plane's key row: ("heldout", its label), while points are held out."""
        mask = self.mask()
        if not mask.any():
            return []
        text = translate("Heldout", "held out: {0} of {1} (never trained on)").format(int(mask.sum()), len(mask))
        return [("heldout", html.escape(text))]


class HeldoutSwitch(QObject):
    """The checkable action "Hold out test points" (key T); ``action``."""

    def __init__(self, window):
        super().__init__(window)
        self.session = window.session
        self.action = QAction(window)
        self.action.setObjectName("heldout_action")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(HELDOUT_KEY))
        self.action.toggled.connect(self.set_on)
        self.session.settings_changed.connect(self._follow)
        i18n.notifier.changed.connect(self._retranslate)
        self._retranslate()
        self._follow()

    def _retranslate(self, *_args) -> None:
        self.action.setText(translate("Heldout", "Hold out test points ({0} %)").format(round(100 * HELDOUT_SHARE)))
        self.action.setToolTip(translate("Heldout", "Hold out a share of the points as a test set: training never "
                                                    "sees them, the loss curve and the status line measure them apart."))

    def _follow(self, *_args) -> None:
        on = self.session.settings.heldout > 0
        if on != self.action.isChecked():
            blocked = self.action.blockSignals(True)
            self.action.setChecked(on)
            self.action.blockSignals(blocked)

    def set_on(self, on: bool) -> None:
        """Hold out HELDOUT_SHARE of the points, or none; the run starts again from step 0 (a branch
        from a W trained on every point would have seen the held-out ones)."""
        s = self.session
        share = HELDOUT_SHARE if on else 0.0
        if s.settings.heldout == share:
            return
        branches = not s.settings.restart and not s.hold_w
        s.update_settings(heldout=share)
        if branches:
            s.retrain()


def install(window) -> HeldoutLayer:
    """The layer on the plane's plot, its key row, and the switch in the Data menu (idempotent)."""
    if getattr(window, "heldout_layer", None) is not None:
        return window.heldout_layer
    layer = HeldoutLayer(window.plane.plot, window.session)
    window.plane.legend_extras.append(layer.legend_rows)
    window.plane.refresh()
    switch = HeldoutSwitch(window)
    window.addAction(switch.action)
    menu = find_menu(window, "data_menu")
    if menu is not None:
        menu.addSeparator()
        menu.addAction(switch.action)
    window.heldout_layer, window.heldout_switch = layer, switch
    return layer


__all__ = ["HeldoutLayer", "HeldoutSwitch", "install", "HELDOUT_SHARE"]
