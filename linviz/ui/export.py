"""Export the views: PNG at any size, SVG, the clipboard, and GIF / MP4 of a playback range.

Pictures are *rendered*, not screen-grabbed and scaled: the view is laid out at
a "logical" size with the target's aspect ratio (at least its on-screen size,
never more than the target; see :func:`logical_size`), then painted through a
``QPainter`` scaled up to the target size — so text, lines and markers are drawn
at full resolution.
pyqtgraph items are put in export mode while they paint (as pyqtgraph's own
exporters do: scatter symbols become vector paths of the right size, caches are
skipped), and item caches are turned off for the paint so nothing is a blurry
cached pixmap. The view's own geometry is restored before anything else runs.

Function API (for tests and the command line), all in the GUI thread:

* :func:`render_image` — a QImage of a widget at ``width × height`` pixels;
* :func:`export_png`, :func:`export_svg`, :func:`copy_image`;
* :func:`export_animation` — step the session through a range and write GIF / MP4.

Files are written to a temporary file beside the target and moved into place
only when complete, so a failure or a cancel leaves nothing half-written.
Failures raise :class:`ExportError` with a sentence for the user; the dialogs
turn it into ``session.message.emit("error", …)`` and a message box.

UI: :func:`install` adds *File ▸ Export* (objectName ``export_menu``) with
*Image…* (``export_image``), *Copy plane to clipboard* (``export_copy``) and
*Animation…* (``export_animation``); they open :class:`ExportDialog`
(``export_dialog``) and :class:`AnimationDialog` (``animation_dialog``).
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, QPoint, QRect, QRectF, QSize, QStandardPaths, Qt,
)
from PySide6.QtGui import QAction, QColor, QGuiApplication, QImage, QKeySequence, QPainter, QRegion
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGraphicsItem, QGraphicsView,
    QHBoxLayout, QLabel, QLineEdit, QMenu, QMessageBox, QProgressDialog, QPushButton, QSpinBox, QWidget,
)

from linviz.engine.text import QT_TRANSLATE_NOOP  # the one marker (lupdate reads the calls)

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
        central.setGeometry(QRectF(0, 0, size.width(), size.height()))
        try:
            yield size
        finally:
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


# --- files ----------------------------------------------------------------------------------------
def _check_folder(path: Path) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(translate("Export", "The folder {0} does not exist.").format(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(translate("Export", "Cannot write to the folder {0}: permission denied.").format(folder))


def _os_message(err: OSError, path: Path) -> str:
    reason = err.strerror or (str(err).strip().splitlines() or [type(err).__name__])[0]
    if err.errno == 28:  # ENOSPC
        reason = translate("Export", "the disk is full")
    return translate("Export", "Could not write {0}: {1}.").format(path, reason)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def _atomic(path: Path):
    """Yields a temporary path beside ``path``; moved onto ``path`` only if the block succeeds.

    Any failure (or :class:`ExportCancelled`) removes the temporary file, so no
    half-written picture or film is ever left behind. OSErrors become ExportErrors.
    """
    path = Path(path)
    _check_folder(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=f".part{path.suffix}", dir=path.parent)
        os.close(fd)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a picture is an ordinary file
    except OSError as err:
        raise ExportError(_os_message(err, path)) from err
    tmp = Path(tmp)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as err:
        raise ExportError(_os_message(err, path)) from err
    finally:
        tmp.unlink(missing_ok=True)


def _write_bytes(path: Path, data: bytes) -> Path:
    path = Path(path)
    with _atomic(path) as tmp:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    return path


def _image_bytes(image: QImage, fmt: str = "PNG") -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, fmt)
    buffer.close()
    if not ok:
        raise ExportError(translate("Export", "Qt could not encode the picture as {0}.").format(fmt))
    return bytes(data.data())


def export_png(widget: QWidget, path, width: int, height: int | None = None) -> Path:
    """Render ``widget`` (a view, a PlotWidget, a table or the window) to a PNG of ``width × height``.

    ``height`` None keeps the view's on-screen aspect ratio. Returns the path.
    """
    return _write_bytes(Path(path), _image_bytes(render_image(widget, width, height)))


def copy_image(widget: QWidget, width: int | None = None, height: int | None = None) -> QImage:
    """Put the widget's picture on the clipboard (default: its on-screen size); returns it."""
    if width is None:
        size = screen_size(widget)
        width, height = size.width(), size.height()
    image = render_image(widget, width, height)
    QGuiApplication.clipboard().setImage(image)
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


def export_svg(plot_widget: QWidget, path, width: int | None = None, height: int | None = None) -> Path:
    """Save a pyqtgraph plot (or a view holding one) as SVG: vector lines, markers and text,
    heat maps as embedded images.

    pyqtgraph's own SVGExporter fails on these plots (pyqtgraph issue 3485), so the
    scene is painted into a ``QSvgGenerator`` with its items in export mode, the
    way pyqtgraph's exporters do it. The SVG's nominal size is ``width × height``
    (default: the plot's on-screen size); the plot is laid out as for a PNG of that
    size, so both look the same.
    """
    from PySide6.QtSvg import QSvgGenerator

    view = plot_view(plot_widget)
    if width is None:
        size = screen_size(view)
    else:
        size = QSize(int(width), int(height) if height else default_height(view, int(width)))
    layout = logical_size(view, size.width(), size.height())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    # pyqtgraph axes replay QPictures recorded at the screen's DPI, and fonts are sized in
    # points: at QSvgGenerator's default 72 dpi both would come out scaled by 72/96.
    generator.setResolution(view.logicalDpiX())
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, layout.width(), layout.height()))
    generator.setTitle("linviz")
    generator.setDescription(f"{view.objectName() or 'plot'} exported by linviz")
    with _laid_out(view, layout):
        painter = QPainter()
        if not painter.begin(generator):
            raise ExportError(translate("Export", "Qt could not start the SVG picture."))
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = QRectF(0, 0, layout.width(), layout.height())
            painter.fillRect(rect, BACKGROUND)
            with _export_mode(view, painter, 1.0):
                view.scene().render(painter, rect, _source(view, layout))
        finally:
            painter.end()
    buffer.close()
    return _write_bytes(Path(path), bytes(data.data()))


# --- animations -------------------------------------------------------------------------------
ANIMATION_FORMATS = {".gif": "GIF", ".mp4": "MP4"}
MAX_GIF_BYTES = 1 << 30
"""A GIF's frames are held in memory until Pillow encodes them; refuse more than this."""
MIN_GIF_DELAY_MS = 20
"""Browsers show GIF frames shorter than 20 ms at 100 ms; faster rates are slowed to 50 fps."""


def _rgb_array(image: QImage) -> np.ndarray:
    """(H, W, 3) uint8 copy of a QImage."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    rows = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes()).reshape(h, image.bytesPerLine())
    return rows[:, : 3 * w].reshape(h, w, 3).copy()


def animation_size(fmt: str, width: int, height: int) -> tuple[int, int]:
    """The frame size used for ``fmt``: H.264 in yuv420p needs even sides, so MP4 rounds."""
    if fmt == "MP4":
        return max(2, 2 * round(width / 2)), max(2, 2 * round(height / 2))
    return int(width), int(height)


class _GifFrames:
    """Frames held in one preallocated array, written by Pillow (through imageio) at the end."""

    def __init__(self, path: Path, n: int, size: tuple[int, int], fps: float):
        import imageio.v3 as iio  # noqa: F401  (fail early if imageio is missing)

        w, h = size
        if n * w * h * 3 > MAX_GIF_BYTES:
            raise ExportError(translate("Export", "{0} frames of {1} × {2} are too many for a GIF (it is built in "
                                                  "memory); use MP4, a smaller size or a larger step between "
                                                  "frames.").format(n, w, h))
        try:
            self.frames = np.empty((n, h, w, 3), np.uint8)
        except MemoryError as err:
            raise ExportError(translate("Export", "Not enough memory for {0} GIF frames of {1} × {2}.").format(
                n, w, h)) from err
        self.path, self.n, self.count = path, n, 0
        self.duration = max(MIN_GIF_DELAY_MS, round(1000 / fps))

    def append(self, frame: np.ndarray) -> None:
        self.frames[self.count] = frame
        self.count += 1

    def close(self) -> None:
        import imageio.v3 as iio

        # Pillow merges identical consecutive frames into one longer frame (same playing time).
        iio.imwrite(self.path, self.frames[: self.count], plugin="pillow", extension=".gif",
                    duration=self.duration, loop=0)

    def abort(self) -> None:
        self.frames = None


class _Mp4Writer:
    """H.264 (yuv420p) through imageio's ffmpeg plugin; frames stream to ffmpeg as they come."""

    def __init__(self, path: Path, n: int, size: tuple[int, int], fps: float):
        import imageio.v2 as imageio
        import imageio_ffmpeg

        imageio_ffmpeg.get_ffmpeg_exe()  # RuntimeError when there is no ffmpeg at all
        self.writer = imageio.get_writer(
            path, format="FFMPEG", mode="I", fps=fps, codec="libx264", pixelformat="yuv420p",
            quality=8, macro_block_size=2, ffmpeg_log_level="error",
        )

    def append(self, frame: np.ndarray) -> None:
        self.writer.append_data(frame)

    def close(self) -> None:
        self.writer.close()

    def abort(self) -> None:
        try:
            self.writer.close()
        except Exception:  # noqa: BLE001 — the partial file is deleted anyway
            pass


def _open_writer(fmt: str, path: Path, n: int, size: tuple[int, int], fps: float):
    try:
        return (_GifFrames if fmt == "GIF" else _Mp4Writer)(path, n, size, fps)
    except ImportError as err:
        raise ExportError(translate("Export", "{0} export needs the imageio and imageio-ffmpeg packages ({1}).")
                          .format(fmt, err)) from err
    except RuntimeError as err:  # imageio-ffmpeg found no ffmpeg binary
        raise ExportError(translate("Export", "MP4 export needs ffmpeg, and none was found: {0}. Reinstall "
                                              "imageio-ffmpeg (its wheel carries ffmpeg) or save a GIF.").format(
            err)) from err


def export_animation(window_or_view: QWidget, session, path, steps: Iterable[int], fps: float,
                     size: tuple[int, int] | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     should_stop: Callable[[], bool] | None = None) -> Path:
    """Play ``steps`` of the session's History through a view and save them as GIF or MP4.

    The format follows the file's suffix (``.gif`` or ``.mp4``). Each frame moves
    ``session.set_step(t)``, lets pending events run (the views redraw, a progress
    dialog stays live) and renders the view at ``size`` (width, height; default its
    on-screen size; MP4 rounds to even sides). ``progress(done, total)`` is called
    after each frame; ``should_stop()`` returning True cancels: :class:`ExportCancelled`
    is raised and no file is left. The user's step is restored in every case.
    Runs in the GUI thread (Qt renders only there).
    """
    path = Path(path)
    fmt = ANIMATION_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ExportError(translate("Export", "Save the animation as .gif or .mp4, not {0}.").format(
            path.suffix or translate("Export", "a file without suffix")))
    history = session.history
    if history is None:
        raise ExportError(translate("Export", "kNN does not train, so there are no steps to animate."))
    steps = [int(t) for t in steps]
    if not steps:
        raise ExportError(translate("Export", "The step range is empty."))
    if min(steps) < 0 or max(steps) > history.last:
        raise ExportError(translate("Export", "Steps must lie between 0 and {0}.").format(history.last))
    if not fps > 0:
        raise ExportError(translate("Export", "The frame rate must be above 0."))
    if size is None:
        screen = screen_size(window_or_view)
        size = (screen.width(), screen.height())
    size = animation_size(fmt, *size)

    saved_step = session.step
    try:
        with _atomic(path) as tmp:
            writer = _open_writer(fmt, tmp, len(steps), size, fps)
            try:
                for done, t in enumerate(steps):
                    if should_stop is not None and should_stop():
                        raise ExportCancelled(translate("Export", "Export cancelled; nothing was saved."))
                    session.set_step(t)
                    QCoreApplication.processEvents()
                    writer.append(_rgb_array(render_image(window_or_view, *size)))
                    if progress is not None:
                        progress(done + 1, len(steps))
                if should_stop is not None and should_stop():
                    raise ExportCancelled(translate("Export", "Export cancelled; nothing was saved."))
                writer.close()
            except BaseException:
                writer.abort()
                raise
    finally:
        session.set_step(saved_step)
    return path


# --- the menu and the dialogs -------------------------------------------------------------------------
VIEW_CHOICES = (
    ("plane", QT_TRANSLATE_NOOP("Export", "Plane")),
    ("loss_curve", QT_TRANSLATE_NOOP("Export", "Loss curve (with its key)")),
    ("loss_surface", QT_TRANSLATE_NOOP("Export", "Loss surface")),
    ("reg_geometry", QT_TRANSLATE_NOOP("Export", "Regularisation geometry")),
    ("scores", QT_TRANSLATE_NOOP("Export", "Score table")),
    ("params", QT_TRANSLATE_NOOP("Export", "W and b table")),
    ("window", QT_TRANSLATE_NOOP("Export", "Whole window")),
)
IMAGE_FORMATS = ((QT_TRANSLATE_NOOP("Export", "PNG image"), ".png"),
                 (QT_TRANSLATE_NOOP("Export", "SVG drawing (plots only)"), ".svg"))
VIDEO_FORMATS = ((QT_TRANSLATE_NOOP("Export", "MP4 video (H.264)"), ".mp4"),
                 (QT_TRANSLATE_NOOP("Export", "GIF animation"), ".gif"))
MAX_FRAMES_BY_DEFAULT = 300
"""The animation dialog's default 'every k-th step' keeps a long run to about this many frames."""


def view_widget(window, key: str) -> QWidget:
    """The widget exported for a VIEW_CHOICES key: a plot for the plots, the whole view for the rest."""
    return {
        "plane": lambda: window.plane,  # the plot with its key beside it
        "loss_curve": lambda: window.loss_curve,
        "loss_surface": lambda: window.loss_surface.plot_widget,
        "reg_geometry": lambda: window.reg_geometry.plot_widget,
        "scores": lambda: window.score_table,
        "params": lambda: window.params_table,
        "window": lambda: window,
    }[key]()


def is_plot(widget: QWidget) -> bool:
    """True if ``widget`` has one pyqtgraph plot, so it can be saved as SVG."""
    try:
        plot_view(widget)
    except ExportError:
        return False
    return True


def _default_folder() -> Path:
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return Path(pictures) if pictures and Path(pictures).is_dir() else Path.home()


class Exporter(QObject):
    """The Export submenu's actions and the calls behind them (objectName ``exporter``).

    Every call reports through the session: ``message("info", …)`` on success,
    ``message("error", …)`` plus a message box on failure — never a traceback.
    """

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("exporter")
        self.window = window
        self.session = window.session
        self.folder = _default_folder()
        self.menu = QMenu(translate("Export", "&Export"), window)
        self.menu.setObjectName("export_menu")
        self.actions: dict[str, QAction] = {}
        for key, text, slot, shortcut, tip in (
            ("image", translate("Export", "Image (PNG, SVG)…"), self.open_image_dialog, "Ctrl+E",
             translate("Export", "Save a view as a picture at any size, or copy it")),
            ("copy", translate("Export", "Copy plane to clipboard"), lambda: self.copy("plane"), "Ctrl+Shift+C",
             translate("Export", "Put a picture of the plane on the clipboard, ready to paste into slides")),
            ("animation", translate("Export", "Animation (GIF, MP4)…"), self.open_animation_dialog, "Ctrl+Shift+E",
             translate("Export", "Play a range of training steps into a GIF or an MP4 film")),
        ):
            action = QAction(text, window)
            action.setObjectName(f"export_{key}")
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.menu.addAction(action)
            self.actions[key] = action

    # --- reporting ---------------------------------------------------------------------------------
    def report_error(self, text: str) -> None:
        self.session.message.emit("error", text)
        QMessageBox.warning(self.window, translate("Export", "Export failed"), text)

    def report(self, text: str) -> None:
        self.session.message.emit("info", text)

    # --- calls ----------------------------------------------------------------------------------------
    def default_path(self, key: str, suffix: str) -> Path:
        return self.folder / f"linviz-{key.replace('_', '-')}{suffix}"

    def save_image(self, key: str, path, width: int, height: int | None = None) -> Path | None:
        """Save view ``key`` as PNG or SVG (by the suffix); None after telling the user why not."""
        widget = view_widget(self.window, key)
        try:
            if Path(path).suffix.lower() == ".svg":
                result = export_svg(widget, path, width, height)
            else:
                result = export_png(widget, path, width, height)
        except ExportError as err:
            self.report_error(str(err))
            return None
        self.folder = result.parent
        self.report(translate("Export", "Saved {0} to {1}.").format(result.name, result.parent))
        return result

    def copy(self, key: str = "plane", width: int | None = None, height: int | None = None) -> QImage | None:
        """Put view ``key`` on the clipboard (default: at its on-screen size)."""
        try:
            image = copy_image(view_widget(self.window, key), width, height)
        except ExportError as err:
            self.report_error(str(err))
            return None
        self.report(translate("Export", "Copied a {0} × {1} picture to the clipboard.").format(image.width(),
                                                                                               image.height()))
        return image

    def save_animation(self, key: str, path, steps, fps: float, size: tuple[int, int] | None) -> Path | None:
        """Write a GIF / MP4 of ``steps`` behind a progress dialog with Cancel (``export_progress``)."""
        playback = getattr(self.window, "playback", None)
        if playback is not None:
            playback.pause()
        steps = list(steps)
        progress = QProgressDialog(translate("Export", "Rendering frames…"), translate("Export", "Cancel"), 0,
                                   max(1, len(steps)), self.window)
        progress.setObjectName("export_progress")
        progress.setWindowTitle(translate("Export", "Export animation"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        try:
            result = export_animation(
                view_widget(self.window, key), self.session, path, steps, fps, size,
                progress=lambda done, total: progress.setValue(done), should_stop=progress.wasCanceled,
            )
        except ExportCancelled as err:
            self.report(str(err))
            return None
        except ExportError as err:
            self.report_error(str(err))
            return None
        finally:
            progress.close()
            progress.deleteLater()
        self.folder = result.parent
        self.report(translate("Export", "Saved {0} ({1} frames) to {2}.").format(result.name, len(steps),
                                                                                 result.parent))
        return result

    # --- dialogs -------------------------------------------------------------------------------------
    def open_image_dialog(self) -> None:
        ExportDialog(self, self.window).exec()

    def open_animation_dialog(self) -> None:
        if self.session.history is None:
            self.report_error(translate("Export", "kNN does not train, so there are no steps to animate."))
            return
        AnimationDialog(self, self.window).exec()


def _spin(name: str, lo: int, hi: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox(objectName=name)
    spin.setRange(lo, hi)
    spin.setValue(value)
    spin.setSuffix(translate("Export", suffix) if suffix else "")
    spin.setAccelerated(True)
    return spin


class _FileDialogBase(QDialog):
    """View choice, format choice and a file path whose suffix follows the format."""

    def __init__(self, exporter: Exporter, parent, prefix: str, formats):
        super().__init__(parent)
        self.exporter = exporter
        self._formats = formats
        self._auto_path = True
        self.view_combo = QComboBox(objectName=f"{prefix}_view")
        for key, label in VIEW_CHOICES:
            self.view_combo.addItem(translate("Export", label), key)
        self.format_combo = QComboBox(objectName=f"{prefix}_format")
        for label, suffix in formats:
            self.format_combo.addItem(translate("Export", label), suffix)
        self.path_edit = QLineEdit(objectName=f"{prefix}_path")
        self.path_edit.textEdited.connect(self._path_edited)
        self.browse_button = QPushButton(translate("Export", "Browse…"), objectName=f"{prefix}_browse")
        self.browse_button.clicked.connect(self.browse)
        self.path_row = QHBoxLayout()
        self.path_row.addWidget(self.path_edit, 1)
        self.path_row.addWidget(self.browse_button)
        self.view_combo.currentIndexChanged.connect(self._view_changed)
        self.format_combo.currentIndexChanged.connect(self._format_changed)

    def view_key(self) -> str:
        return self.view_combo.currentData()

    def suffix(self) -> str:
        return self.format_combo.currentData()

    def path(self) -> Path:
        """The chosen file, with the format's suffix added when it has none."""
        text = self.path_edit.text().strip()
        path = Path(text).expanduser() if text else self.exporter.default_path(self.view_key(), self.suffix())
        return path if path.suffix else path.with_suffix(self.suffix())

    def set_path(self, path) -> None:
        self._auto_path = False
        self.path_edit.setText(str(path))

    def _path_edited(self, _text: str) -> None:
        self._auto_path = False

    def _update_default_path(self) -> None:
        if self._auto_path:
            self.path_edit.setText(str(self.exporter.default_path(self.view_key(), self.suffix())))

    def _view_changed(self) -> None:
        self._update_default_path()

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if self._auto_path or not text:
            self._update_default_path()
        else:
            self.path_edit.setText(str(Path(text).with_suffix(self.suffix())))

    def browse(self) -> None:
        filters = ";;".join(f"{translate('Export', label)} (*{suffix})" for label, suffix in self._formats)
        chosen = f"{self.format_combo.currentText()} (*{self.suffix()})"
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), str(self.path()), filters, chosen)
        if path:
            self.set_path(path)
            for i, (_, suffix) in enumerate(self._formats):
                if Path(path).suffix.lower() == suffix:
                    self.format_combo.setCurrentIndex(i)


class ExportDialog(_FileDialogBase):
    """File ▸ Export ▸ Image…: a view, a size in pixels, PNG or SVG, a file — or the clipboard.

    objectNames: ``export_dialog``; ``export_view``, ``export_width``, ``export_height``,
    ``export_keep_aspect``, ``export_format``, ``export_path``, ``export_browse``,
    ``export_copy_button``. :meth:`save` and :meth:`copy` do what the buttons do.
    """

    def __init__(self, exporter: Exporter, parent=None):
        super().__init__(exporter, parent, "export", IMAGE_FORMATS)
        self.setObjectName("export_dialog")
        self.setWindowTitle(translate("Export", "Export image"))
        self.width_spin = _spin("export_width", 16, MAX_SIDE, DEFAULT_SIZE[0], " px")
        self.height_spin = _spin("export_height", 16, MAX_SIDE, DEFAULT_SIZE[1], " px")
        self.keep_aspect = QCheckBox(translate("Export", "keep the view's proportions"), objectName="export_keep_aspect")
        self.keep_aspect.setToolTip(translate("Export", "Unchecked, the view is laid out afresh to fill the size you "
                                                        "give"))
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_spin)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_spin)
        size_row.addWidget(self.keep_aspect)
        size_row.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.copy_button = buttons.addButton(translate("Export", "Copy to clipboard"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("export_copy_button")
        self.copy_button.clicked.connect(self.copy)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(translate("Export", "View:"), self.view_combo)
        form.addRow(translate("Export", "Size:"), size_row)
        form.addRow(translate("Export", "Format:"), self.format_combo)
        form.addRow(translate("Export", "File:"), self.path_row)
        form.addRow(buttons)

        self.width_spin.valueChanged.connect(self._follow_aspect)
        self.keep_aspect.toggled.connect(self._follow_aspect)
        self._view_changed()

    def _view_changed(self) -> None:
        plot = is_plot(view_widget(self.exporter.window, self.view_key()))
        self.format_combo.model().item(1).setEnabled(plot)
        if not plot and self.suffix() == ".svg":
            self.format_combo.setCurrentIndex(0)
        self._follow_aspect()
        super()._view_changed()

    def _follow_aspect(self) -> None:
        keep = self.keep_aspect.isChecked()
        self.height_spin.setEnabled(not keep)
        if keep:
            widget = view_widget(self.exporter.window, self.view_key())
            self.height_spin.setValue(min(MAX_SIDE, default_height(widget, self.width_spin.value())))

    def save(self) -> Path | None:
        result = self.exporter.save_image(self.view_key(), self.path(), self.width_spin.value(),
                                          self.height_spin.value())
        if result is not None:
            self.accept()
        return result

    def copy(self) -> QImage | None:
        return self.exporter.copy(self.view_key(), self.width_spin.value(), self.height_spin.value())


class AnimationDialog(_FileDialogBase):
    """File ▸ Export ▸ Animation…: a view, steps from / to / every k-th, frame rate, size, GIF or MP4.

    objectNames: ``animation_dialog``; ``anim_view``, ``anim_from``, ``anim_to``,
    ``anim_every``, ``anim_fps``, ``anim_width``, ``anim_height``, ``anim_format``,
    ``anim_path``, ``anim_browse``, ``anim_summary``. :meth:`save` does what Save does.
    """

    def __init__(self, exporter: Exporter, parent=None):
        super().__init__(exporter, parent, "anim", VIDEO_FORMATS)
        self.setObjectName("animation_dialog")
        self.setWindowTitle(translate("Export", "Export animation"))
        last = exporter.session.history.last if exporter.session.history is not None else 0
        every = max(1, math.ceil((last + 1) / MAX_FRAMES_BY_DEFAULT))
        self.from_spin = _spin("anim_from", 0, last, 0)
        self.to_spin = _spin("anim_to", 0, last, last)
        self.every_spin = _spin("anim_every", 1, max(1, last), every)
        self.fps_spin = _spin("anim_fps", 1, 120, 30, QT_TRANSLATE_NOOP("Export", " fps"))
        self.fps_spin.setToolTip(translate("Export", "GIF viewers play at most 50 frames per second"))
        self.width_spin = _spin("anim_width", 16, 3840, 1280, " px")
        self.height_spin = _spin("anim_height", 16, 2160, 720, " px")
        self.summary = QLabel(objectName="anim_summary")

        steps_row = QHBoxLayout()
        for label, spin in ((translate("Export", "from"), self.from_spin), (translate("Export", "to"), self.to_spin),
                            (translate("Export", ", a frame every"), self.every_spin)):
            steps_row.addWidget(QLabel(label))
            steps_row.addWidget(spin)
        steps_row.addWidget(QLabel(translate("Export", "steps")))
        steps_row.addStretch(1)
        fps_row = QHBoxLayout()
        fps_row.addWidget(self.fps_spin)
        fps_row.addStretch(1)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_spin)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_spin)
        size_row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(translate("Export", "View:"), self.view_combo)
        form.addRow(translate("Export", "Steps:"), steps_row)
        form.addRow(translate("Export", "Frame rate:"), fps_row)
        form.addRow(translate("Export", "Size:"), size_row)
        form.addRow(translate("Export", "Format:"), self.format_combo)
        form.addRow(translate("Export", "File:"), self.path_row)
        form.addRow(self.summary)
        form.addRow(buttons)
        for spin in (self.from_spin, self.to_spin, self.every_spin, self.fps_spin, self.width_spin, self.height_spin):
            spin.valueChanged.connect(self._update_summary)
        self.format_combo.currentIndexChanged.connect(self._update_summary)
        self._update_default_path()
        self._update_summary()

    def fmt(self) -> str:
        return ANIMATION_FORMATS[self.suffix()]

    def steps(self) -> range:
        return range(self.from_spin.value(), self.to_spin.value() + 1, self.every_spin.value())

    def frame_size(self) -> tuple[int, int]:
        return animation_size(self.fmt(), self.width_spin.value(), self.height_spin.value())

    def _update_summary(self) -> None:
        n, fps = len(self.steps()), self.fps_spin.value()
        text = translate("Export", "{0} frames · {1} s at {2} fps").format(n, f"{n / fps:.1f}", fps)
        w, h = self.frame_size()
        if (w, h) != (self.width_spin.value(), self.height_spin.value()):
            text += " · " + translate("Export", "MP4 needs even sides: {0} × {1}").format(w, h)
        if self.fmt() == "GIF" and fps > 1000 / MIN_GIF_DELAY_MS:
            text += " · " + translate("Export", "GIF plays at most {0} fps").format(1000 // MIN_GIF_DELAY_MS)
        self.summary.setText(text)

    def save(self) -> Path | None:
        if not self.steps():
            self.exporter.report_error(translate("Export", "The step range is empty: 'from' must not be after 'to'."))
            return None
        result = self.exporter.save_animation(self.view_key(), self.path(), self.steps(), self.fps_spin.value(),
                                              self.frame_size())
        if result is not None:
            self.accept()
        return result


def install(window) -> Exporter:
    """Add File ▸ Export (before Quit) to ``window``; returns its :class:`Exporter`. Idempotent."""
    existing = window.findChild(Exporter, "exporter")
    if existing is not None:
        return existing
    exporter = Exporter(window)
    from . import i18n

    file_menu = i18n.find_menu(window, "file_menu", "&File")
    if file_menu is None:
        raise ValueError("export.install needs a window with a File menu")
    actions = file_menu.actions()
    quit_at = next((i for i, a in enumerate(actions) if a.objectName() == "quit"), len(actions))
    if quit_at > 0 and quit_at < len(actions) and actions[quit_at - 1].isSeparator():
        quit_at -= 1
    if quit_at < len(actions):
        file_menu.insertMenu(actions[quit_at], exporter.menu)
    else:
        file_menu.addMenu(exporter.menu)
    return exporter
