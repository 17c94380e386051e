"""Writing exports: PNG and SVG pictures, the clipboard, and GIF / MP4 films of a playback range.

Every file goes through the app's one atomic writer (:mod:`linviz.engine.atomic`): a
failure or a cancel leaves nothing half-written. OSErrors become :class:`ExportError`
with a sentence for the user.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QRectF, QSize
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QWidget

from linviz.engine.atomic import atomic_path, write_atomic

from .export_render import (BACKGROUND, ExportCancelled, ExportError, _export_mode, _laid_out, _source, default_height,
                            logical_size, plot_view, render_image, screen_size)

translate = QCoreApplication.translate


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


@contextmanager
def _told_to_user(path: Path):
    """Checks the folder of ``path`` first, and turns an OSError of the block into an
    :class:`ExportError` saying what went wrong in the user's words (the writing itself is
    :mod:`linviz.engine.atomic`'s, the app's one atomic writer)."""
    _check_folder(path)
    try:
        yield
    except OSError as err:
        raise ExportError(_os_message(err, path)) from err


def _write_bytes(path: Path, data: bytes) -> Path:
    path = Path(path)
    with _told_to_user(path):
        write_atomic(path, data)
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
        with _told_to_user(path), atomic_path(path) as tmp:  # a cancel or a failure leaves no file
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
