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

Where it lives: ``export_render.py`` (rendering, the errors), ``export_files.py`` (PNG, SVG,
clipboard, GIF / MP4 through the one atomic writer), ``export_dialogs.py`` (the two dialogs);
this module holds the :class:`Exporter` behind the menu and re-exports the function API.

UI: :func:`install` adds *File ▸ Export* (objectName ``export_menu``) with
*Image…* (``export_image``), *Copy plane to clipboard* (``export_copy``) and
*Animation…* (``export_animation``); they open :class:`ExportDialog`
(``export_dialog``) and :class:`AnimationDialog` (``animation_dialog``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QProgressDialog

from .export_dialogs import VIEW_CHOICES, AnimationDialog, ExportDialog, is_plot, view_widget
from .export_files import ANIMATION_FORMATS, copy_image, export_animation, export_png, export_svg
from .export_render import ExportCancelled, ExportError, logical_size, render_image, screen_size

translate = QCoreApplication.translate


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


__all__ = ["Exporter", "install", "ExportError", "ExportCancelled", "ExportDialog", "AnimationDialog", "VIEW_CHOICES",
           "ANIMATION_FORMATS", "view_widget", "is_plot", "render_image", "logical_size", "screen_size", "export_png",
           "export_svg", "copy_image", "export_animation"]
