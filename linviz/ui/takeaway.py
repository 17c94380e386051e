"""What the two take-aways share: File ▸ Share as web page (``share.py``) and File ▸ Export handout
(``handout.py``).

* :class:`TakeawayAction`: the File menu action, the save dialog, the "nothing to share" check
  (kNN records no run), the messages after writing — a subclass gives its texts and ``_write``;
* :func:`labels`: every word of the page and the handout (``linviz.takeaway.LABELS``) in the
  language shown;
* :func:`lecture_scenes`: in lecture mode, every scene of the lecture (``linviz.takeaway``
  applies them without touching the window), in the language shown;
* :func:`scene_image`: a scene's plane as a picture (regions and points), for the handout.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QGuiApplication, QImage, QPainter, QPen
from PySide6.QtWidgets import QFileDialog

from linviz.takeaway import COLOURS, LABELS, TIE, ScenePicture, scene_pictures, settings_summary

translate = QCoreApplication.translate
REGION_TINT = 0.35
"""How strongly a region takes its class colour (the page's script uses the same)."""


def labels() -> dict[str, str]:
    """``LABELS`` in the language shown (marked in ``linviz/takeaway.py``, context "Takeaway")."""
    return {key: translate("Takeaway", text) for key, text in LABELS.items()}


def language() -> str:
    from . import i18n

    return i18n.language()


def run_settings(window) -> dict[str, str]:
    """The settings rows of the run shown, in the language shown."""
    return settings_summary(window.session.settings.model, window.session.history, labels())


def lecture_scenes(window) -> list[ScenePicture]:
    """The lecture's scenes when the window is in lecture mode (else none), in the language shown."""
    mode = getattr(window, "lecture_mode", None)
    if mode is None or not mode.active:
        return []
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # ~1 s: every scene is trained
    try:
        return scene_pictures(mode.lecture, language(), lambda f: translate("Demos", f.label).format(*f.args))
    finally:
        QGuiApplication.restoreOverrideCursor()


def scene_image(scene: ScenePicture, size: int) -> QImage:
    """The scene's plane, ``size`` px square: its regions (tinted class colours, white ties) and points."""
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        if scene.winners is not None:
            cells = np.flipud(scene.winners)  # the image's first row is the top of the plane
            rgb = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in COLOURS], float)
            tint = np.round(255 - (255 - rgb) * REGION_TINT).astype(np.uint8)
            pixels = np.full(cells.shape + (4,), 255, np.uint8)
            known = cells != TIE
            pixels[known, :3] = tint[cells[known]][:, ::-1]  # BGRA in memory
            small = QImage(pixels.tobytes(), cells.shape[1], cells.shape[0], 4 * cells.shape[1],
                           QImage.Format.Format_ARGB32).copy()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(image.rect(), small)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        (x0, x1), (y0, y1) = scene.x_range, scene.y_range
        r = max(size / 80, 3)
        painter.setPen(QPen(QColor("#222222"), max(size / 300, 1)))
        for (x, y), c in zip(scene.dataset.X, scene.dataset.y):
            painter.setBrush(QBrush(QColor(COLOURS[int(c) % len(COLOURS)])))
            painter.drawEllipse(QPointF((x - x0) / (x1 - x0) * size, size - (y - y0) / (y1 - y0) * size), r, r)
        painter.setPen(QPen(QColor("#999999"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(0, 0, size - 1, size - 1)
    finally:
        painter.end()
    return image


class TakeawayAction(QObject):
    """A File menu action that saves the run shown for students (``action``, objectName ``name``).

    A subclass sets ``name`` and ``suffix`` and gives its texts (``_texts``: the action's text, its
    tip, the dialog's caption, the file filter; ``_saved(path)``) and ``_write(path)``.
    """

    name = ""
    suffix = ""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        text, tip = self._texts()[:2]
        self.action = QAction(text, window)
        self.action.setObjectName(self.name)
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.ask)

    def _texts(self) -> tuple[str, str, str, str]:
        raise NotImplementedError

    def _saved(self, path) -> str:
        raise NotImplementedError

    def _write(self, path: Path) -> None:
        raise NotImplementedError

    def ask(self) -> None:
        _, _, caption, filter_ = self._texts()
        name = f"{self.window.data.dataset.name or 'linviz'}{self.suffix}"
        path, _ = QFileDialog.getSaveFileName(self.window, caption, name, filter_)
        if path:
            self.write(path)

    def write(self, path: str | Path) -> bool:
        """Save the take-away of the run shown; False (and a message) when there is none or it
        could not be written."""
        session = self.window.session
        if session.history is None or not session.settings.is_linear:
            self.window.show_message("warning", translate("Share", "Nothing to share: kNN records no training run."))
            return False
        try:
            self._write(Path(path))
        except OSError as err:
            self.window.show_message("error", translate("Share", "Could not write {0}: {1}.").format(
                path, err.strerror or err))
            return False
        self.window.show_message("info", self._saved(path))
        return True


__all__ = ["TakeawayAction", "labels", "language", "lecture_scenes", "run_settings", "scene_image", "REGION_TINT"]
