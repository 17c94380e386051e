"""Rendering a view to a picture at any size: laid out at a "logical" size with the target's
aspect ratio, then painted through a scaled ``QPainter`` with pyqtgraph's items in export mode
(see :mod:`linviz.ui.export`). The errors of every export live here too."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

translate = QCoreApplication.translate


BACKGROUND = QColor("white")
DEFAULT_SIZE = (1920, 1080)
FALLBACK_SIZE = QSize(960, 600)
"""The on-screen size assumed for a view that was never laid out."""
MAX_SIDE = 8192
MIN_LOGICAL_SIDE = 600
"""A view is laid out at least this many pixels on its shorter side before it is scaled up."""


class ExportError(Exception):
    """An export that could not be done; the message is meant for the user."""


class ExportCancelled(ExportError):
    """The user cancelled an animation export (nothing was written)."""


# --- rendering -------------------------------------------------------------------------------
def _graphics_views(widget: QWidget) -> list[QGraphicsView]:
    views = widget.findChildren(QGraphicsView)
    return [widget, *views] if isinstance(widget, QGraphicsView) else views


@contextmanager
def _export_mode(widget: QWidget, painter: QPainter, scale: float):
    """pyqtgraph items of every scene in ``widget`` in export mode, item caches off."""
    opts = {"antialias": True, "background": BACKGROUND, "painter": painter, "resolutionScale": scale}
    touched: list[tuple[QGraphicsItem, QGraphicsItem.CacheMode]] = []
    try:
        for view in _graphics_views(widget):
            if view.scene() is None:
                continue
            for item in view.scene().items():
                touched.append((item, item.cacheMode()))
                if item.cacheMode() != QGraphicsItem.CacheMode.NoCache:
                    item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
                if hasattr(item, "setExportMode"):
                    item.setExportMode(True, opts)
        yield
    finally:
        for item, mode in touched:
            if hasattr(item, "setExportMode"):
                item.setExportMode(False)
            if mode != QGraphicsItem.CacheMode.NoCache:
                item.setCacheMode(mode)


def screen_size(widget: QWidget) -> QSize:
    """The widget's size on screen (``FALLBACK_SIZE`` for one never laid out, under 50 px)."""
    size = widget.size()
    if size.width() < 50 or size.height() < 50:
        return QSize(FALLBACK_SIZE)
    return size


def default_height(widget: QWidget, width: int) -> int:
    """The height that keeps the view's on-screen aspect ratio at ``width``."""
    size = screen_size(widget)
    return max(1, round(width * size.height() / size.width()))


def logical_size(widget: QWidget, width: int, height: int) -> QSize:
    """The size to lay the view out at before scaling it up to ``width × height``.

    It has the target's aspect ratio and is at least the on-screen size both ways
    (the view gets more room than on screen, never less, so nothing is squeezed)
    and at least ``MIN_LOGICAL_SIDE`` on its shorter side (a view in a small dock
    does not come out with giant text). It is never larger than the target: a
    small export keeps text at its screen size.
    """
    screen = screen_size(widget)
    scale = min(width / screen.width(), height / screen.height(), min(width, height) / MIN_LOGICAL_SIDE)
    scale = max(1.0, scale)
    return QSize(max(1, round(width / scale)), max(1, round(height / scale)))


def _hidden_axis_titles(view: QGraphicsView) -> list:
    """The view's pyqtgraph axes that have a title but do not show it now."""
    from pyqtgraph import AxisItem

    return [item for item in view.scene().items() if isinstance(item, AxisItem) and item.isVisible()
            and item.labelText and not item.label.isVisible()]


@contextmanager
def _laid_out(widget: QWidget, size: QSize):
    """Temporarily lay ``widget`` out at ``size``; yields the size it really got.

    A pyqtgraph view only re-lays its central item (the widget keeps its place in
    the window, shown or not); another shown child widget is resized and resized
    back; a window or a hidden widget is left alone (it is rendered at its own
    size, fitted into the picture).
    """
    central = getattr(widget, "centralWidget", None) if isinstance(widget, QGraphicsView) else None
    if central is not None and hasattr(central, "setGeometry"):
        old = central.geometry()
        hidden = _hidden_axis_titles(widget)
        for axis in hidden:  # a picture for slides names its axes (a narrow dock hides "loss", "step")
            axis.showLabel(True)
        central.setGeometry(QRectF(0, 0, size.width(), size.height()))
        try:
            yield size
        finally:
            for axis in hidden:
                axis.showLabel(False)
            central.setGeometry(old)
        return
    if widget.isWindow() or not widget.isVisible():  # Qt defers a hidden widget's layout: keep its size
        yield widget.size()
        return
    old = widget.size()
    widget.resize(size)  # a shown widget re-lays its children at once, and again when sized back
    try:
        yield widget.size()
    finally:
        widget.resize(old)


def _source(view: QGraphicsView, size: QSize) -> QRectF:
    """The part of the scene to render: the (re-laid) central item of a pyqtgraph view."""
    central = getattr(view, "centralWidget", None)
    if central is not None and hasattr(central, "sceneBoundingRect"):
        return central.sceneBoundingRect()
    return view.mapToScene(QRect(0, 0, size.width(), size.height())).boundingRect()


def render_image(widget: QWidget, width: int, height: int | None = None) -> QImage:
    """The widget rendered into a ``width × height`` QImage (height: keep the view's aspect).

    A pyqtgraph view renders its scene; any other widget (a table, the window)
    paints itself through the scaled painter. The picture keeps the view's
    proportions; where the view cannot take the target's aspect (a window, a
    minimum size) it is centred on white.
    """
    width = int(width)
    height = default_height(widget, width) if height is None else int(height)
    if not (1 <= width <= MAX_SIDE and 1 <= height <= MAX_SIDE):
        raise ExportError(translate("Export", "The picture must be between 1 and {0} pixels on each side, not {1} × "
                                              "{2}.").format(MAX_SIDE, width, height))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ExportError(translate("Export", "Not enough memory for a {0} × {1} picture.").format(width, height))
    image.fill(BACKGROUND)
    with _laid_out(widget, logical_size(widget, width, height)) as size:
        scale = min(width / size.width(), height / size.height())
        painter = QPainter(image)
        try:
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                | QPainter.RenderHint.SmoothPixmapTransform
            )
            painter.translate((width - scale * size.width()) / 2, (height - scale * size.height()) / 2)
            painter.scale(scale, scale)
            with _export_mode(widget, painter, scale):
                if isinstance(widget, QGraphicsView) and widget.scene() is not None:
                    widget.scene().render(painter, QRectF(0, 0, size.width(), size.height()), _source(widget, size))
                else:
                    widget.render(painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawWindowBackground
                                  | QWidget.RenderFlag.DrawChildren)
        finally:
            painter.end()
    return image


def plot_view(widget: QWidget) -> QGraphicsView:
    """The pyqtgraph view of ``widget``: itself, its ``plot_widget`` / ``plot``, or its only graphics view."""
    if isinstance(widget, QGraphicsView):
        return widget
    for name in ("plot_widget", "plot"):
        candidate = getattr(widget, name, None)
        if isinstance(candidate, QGraphicsView):
            return candidate
    views = widget.findChildren(QGraphicsView)
    if len(views) == 1:
        return views[0]
    raise ExportError(translate("Export", "Only a plot can be saved as SVG; save this view as PNG instead."))
