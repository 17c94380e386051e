"""The plane's gestures: mouse and keys turned into model calls, and the brush.

:class:`PlaneGestures` is the part of :class:`~linviz.ui.views.plane.PlaneView` that reads
the mouse on the plot's viewport (an event filter) and the keys with the plane focused;
every gesture ends in a model call (``data.add_point`` …, ``session.toggle_selected``),
never in drawing — the picture follows from the models' signals.

**The brush** (Edit ▸ Brush, key G): while it is on, a left drag paints a cloud of points
of the current class. Each dab drops ``brush_density`` points uniformly in a disc of
radius ``brush_radius`` (data units) around the mouse — a point at distance
r = R·√u (u uniform in [0, 1)) and angle 2πv is uniform in the disc — and a new dab
falls each time the mouse has gone R/2 from the last one. The cloud is shown as it
grows and added to the data in one change when the button is released, so it is one
undo step and one retrain. The wheel sets the radius (×1.2 a notch), Shift+wheel the
density (±1 point a dab); the disc under the mouse shows the radius.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGraphicsItem

from .. import i18n, style

translate = QCoreApplication.translate

BRUSH_RADIUS = 0.4
"""The brush's starting radius, in data units (the default plane is [−3, 3]²)."""
BRUSH_DENSITY = 4
"""Points per dab at the start."""
BRUSH_RADIUS_RANGE = (0.05, 5.0)
BRUSH_DENSITY_RANGE = (1, 20)
BRUSH_MAX_POINTS = 400
"""One stroke adds at most this many points (a long scribble at density 20 would bury the plane)."""
WHEEL_FACTOR = 1.2


class PlaneGestures:
    """Mouse and key gestures of the plane (mixed into PlaneView; see its docstring)."""

    def _build_brush(self) -> None:
        """The disc under the mouse and the cloud being painted (hidden until the brush is on)."""
        self.brush_mode = False
        self.brush_radius = BRUSH_RADIUS
        self.brush_density = BRUSH_DENSITY
        self.brush_rng = np.random.default_rng()
        self.brush_cloud = np.zeros((0, 2))
        self._brush_last: np.ndarray | None = None
        self.brush_disc = pg.PlotCurveItem(pen=pg.mkPen((30, 30, 30, 200), width=2, style=Qt.DashLine))
        self.brush_preview = pg.ScatterPlotItem(size=style.BASE_POINT_SIZE, pen=pg.mkPen("#1A1A1A", width=1.5))
        for item, z in ((self.brush_disc, 9), (self.brush_preview, 5.5)):
            item.setZValue(z)
            item.hide()
            self.plot.addItem(item)
        self.plot.viewport().setMouseTracking(True)

    # --- the brush ------------------------------------------------------------------------------
    def set_brush_mode(self, on: bool) -> None:
        """Brush on: a left drag paints a cloud of the current class; off: a click adds one point."""
        self.brush_mode = bool(on)
        if not on:
            self.brush_disc.hide()
            self._end_stroke(commit=False)
        self.brush_mode_changed(self.brush_mode)

    def brush_mode_changed(self, on: bool) -> None:
        """Hook for the window's action (set by ``install``)."""

    def set_brush_radius(self, r: float) -> None:
        self.brush_radius = float(min(max(r, BRUSH_RADIUS_RANGE[0]), BRUSH_RADIUS_RANGE[1]))

    def set_brush_density(self, n: int) -> None:
        self.brush_density = int(min(max(n, BRUSH_DENSITY_RANGE[0]), BRUSH_DENSITY_RANGE[1]))

    def _show_disc(self, x: float, y: float) -> None:
        a = np.linspace(0, 2 * np.pi, 73)
        r = self.brush_radius
        self.brush_disc.setData(x + r * np.cos(a), y + r * np.sin(a))
        self.brush_disc.show()

    def _dab(self, x: float, y: float) -> None:
        """Drop ``brush_density`` points uniformly in the disc around (x, y)."""
        room = BRUSH_MAX_POINTS - len(self.brush_cloud)
        n = min(self.brush_density, room)
        if n <= 0:
            return
        u, v = self.brush_rng.random(n), self.brush_rng.random(n)
        r, t = self.brush_radius * np.sqrt(u), 2 * np.pi * v
        new = np.column_stack([x + r * np.cos(t), y + r * np.sin(t)])
        self.brush_cloud = np.vstack([self.brush_cloud, new])
        self._brush_last = np.array([x, y])
        ds = self.data.dataset
        label = min(self.data.current_class, ds.n_classes - 1)
        colour = style.class_colours(ds.n_classes)[label]
        self.brush_preview.setData(pos=self.brush_cloud, symbol=style.MARKERS[label], brush=pg.mkBrush(colour))
        self.brush_preview.show()

    def _brush_move(self, x: float, y: float) -> None:
        self._show_disc(x, y)
        last = self._brush_last
        if last is not None and math.hypot(x - last[0], y - last[1]) >= 0.5 * self.brush_radius:
            self._dab(x, y)

    def _end_stroke(self, commit: bool = True) -> None:
        """Add the painted cloud to the data in one change (one undo step, one retrain)."""
        cloud, self.brush_cloud, self._brush_last = self.brush_cloud, np.zeros((0, 2)), None
        self.brush_preview.hide()
        if not commit or not len(cloud):
            return
        ds = self.data.dataset
        label = min(self.data.current_class, ds.n_classes - 1)
        X = np.vstack([ds.X, cloud])
        y = np.concatenate([ds.y, np.full(len(cloud), label, np.int64)])
        self._edit(self.data.set_dataset, replace(ds, X=X, y=y))

    # --- mouse ----------------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        if obj is not self.plot.viewport():
            return False
        kind = event.type()
        if kind in (QEvent.MouseButtonPress, QEvent.MouseButtonDblClick):
            return self._on_press(event)
        if kind == QEvent.MouseMove:
            return self._on_move(event)
        if kind == QEvent.MouseButtonRelease:
            return self._on_release(event)
        if kind == QEvent.Wheel and self.brush_mode:
            return self._on_brush_wheel(event)
        if kind == QEvent.Leave:
            self.brush_disc.hide()
        return False

    def _on_brush_wheel(self, event) -> bool:
        notches = event.angleDelta().y() / 120 or event.angleDelta().x() / 120
        if event.modifiers() & Qt.ShiftModifier:
            self.set_brush_density(self.brush_density + (1 if notches > 0 else -1 if notches < 0 else 0))
        else:
            self.set_brush_radius(self.brush_radius * WHEEL_FACTOR ** notches)
        self._show_disc(*self.widget_to_data(event.position()))
        return True

    def _on_press(self, event) -> bool:
        button, mods = event.button(), event.modifiers()
        if button not in (Qt.LeftButton, Qt.RightButton):
            return False  # the middle button pans
        self.setFocus(Qt.MouseFocusReason)
        pos = event.position()
        x, y = self.widget_to_data(pos)
        hit = self.point_at(x, y)
        if button == Qt.RightButton:
            if hit is not None:
                self._edit(self.data.remove_point, hit)
            return True
        if self.session.settings.model == "knn" and (self.inspect_mode or mods & Qt.ControlModifier):
            self._inspect_drag = True
            self.inspect(x, y)
            return True
        if mods & Qt.ShiftModifier:
            if hit is not None:
                self.session.toggle_selected(hit)
            return True
        if self.brush_mode:
            self._end_stroke(commit=False)
            self._dab(x, y)
            self._show_disc(x, y)
            return True
        if hit is None:
            n = len(self.data.dataset)
            self._edit(self.data.add_point, x, y)
            hit = n if len(self.data.dataset) == n + 1 else None
        self._drag_index = hit
        return True

    @property
    def _drag_index(self) -> int | None:
        """The point being dragged (None: no drag); the session knows whether one is."""
        return self._dragged

    @_drag_index.setter
    def _drag_index(self, index: int | None) -> None:
        self._dragged = index
        self.session.set_dragging(index is not None)
        # a drag changes these items on every move: their pixmap caches would be cleared,
        # redrawn and blended over the whole plane each time, dearer than drawing the spots
        mode = QGraphicsItem.CacheMode.NoCache if index is not None else QGraphicsItem.CacheMode.DeviceCoordinateCache
        for item in self._cached_items:
            item.setCacheMode(mode)

    def _on_move(self, event) -> bool:
        if self._inspect_drag:
            if event.buttons() & Qt.LeftButton:
                self.inspect(*self.widget_to_data(event.position()))
            else:  # the release went elsewhere
                self._inspect_drag = False
            return True
        if self.brush_mode:
            x, y = self.widget_to_data(event.position())
            if self._brush_last is not None and not event.buttons() & Qt.LeftButton:
                self._end_stroke()  # the release went elsewhere
            if self._brush_last is not None:
                self._brush_move(x, y)
            else:
                self._show_disc(x, y)
            return self._brush_last is not None
        i = self._drag_index
        if i is None:
            return False
        if not event.buttons() & Qt.LeftButton or i >= len(self.data.dataset):
            self._drag_index = None
            return True
        x, y = self.widget_to_data(event.position())
        self._edit(self.data.move_point, i, x, y)
        self.session.flush()  # retrain now: the next paint shows the point and its solution together
        return True

    def _on_release(self, event) -> bool:
        if event.button() == Qt.LeftButton and self._brush_last is not None:
            self._end_stroke()
            return True
        if event.button() == Qt.LeftButton and (self._drag_index is not None or self._inspect_drag):
            self._drag_index, self._inspect_drag = None, False
            return True
        return event.button() in (Qt.LeftButton, Qt.RightButton)

    def _edit(self, call, *args) -> None:
        """Run a data-model call that comes from a gesture here (so the view is not refitted)."""
        self._own_edit = True
        try:
            call(*args)
        finally:
            self._own_edit = False

    # --- keys -------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        key, n = int(event.key()), self.data.dataset.n_classes
        if Qt.Key_1.value <= key <= Qt.Key_9.value or key == Qt.Key_0.value:
            label = 9 if key == Qt.Key_0.value else key - Qt.Key_1.value
            if label < n and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
                self.data.set_current_class(label)
                event.accept()
                return
        elif key in (Qt.Key_Delete.value, Qt.Key_Backspace.value):
            self.delete_selected()
            event.accept()
            return
        elif key == Qt.Key_Escape.value:
            self._drag_index, self._inspect_drag = None, False
            self._end_stroke(commit=False)
            self.clear_inspector()
            event.accept()
            return
        elif key == Qt.Key_F.value and not event.modifiers() & Qt.ControlModifier:
            self.fit_view()
            event.accept()
            return
        super().keyPressEvent(event)


class BrushAction(QAction):
    """Edit ▸ Brush (G), checked while the plane's brush is on (a QObject: its slots go with it)."""

    def __init__(self, window):
        super().__init__(window)
        self.plane = window.plane
        self.setObjectName("action_brush")
        self.setCheckable(True)
        self.setShortcut(QKeySequence("G"))
        self.setShortcutContext(Qt.WindowShortcut)
        self.toggled.connect(self.plane.set_brush_mode)
        self.plane.brush_mode_changed = self.follow
        i18n.notifier.changed.connect(self.retranslate)
        self.retranslate()

    def follow(self, on: bool) -> None:
        if self.isChecked() != on:
            self.setChecked(on)

    def retranslate(self, *_args) -> None:
        self.setText(translate("PlaneView", "Brush: paint a cloud of points"))
        tip = translate("PlaneView", "Drag to paint points of the current class; the wheel sets the "
                                     "brush's size, Shift+wheel how many points it drops.")
        self.setToolTip(tip)
        self.setStatusTip(tip)


def install(window) -> QAction:
    """Edit ▸ Brush (G): the plane's brush on and off (idempotent)."""
    if getattr(window, "brush_action", None) is not None:
        return window.brush_action
    action = BrushAction(window)
    window.addAction(action)
    menu = i18n.find_menu(window, "edit_menu", "&Edit")
    if menu is not None:
        menu.addAction(action)
    window.brush_action = action
    return action


__all__ = ["PlaneGestures", "install", "BRUSH_RADIUS", "BRUSH_DENSITY", "BRUSH_MAX_POINTS"]
