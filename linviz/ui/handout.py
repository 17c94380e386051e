"""File ▸ Export handout (PDF)…: the run shown, on paper, for students to take home.

Page 1: the title, the settings and the plane at four moments of the run (the start, a third,
two thirds, the end), each with its step, loss and accuracy. Page 2: the loss curve and the score
table at the step shown. In lecture mode, then two scenes a page: each scene's plane at the step it
shows, its title, caption, question (with the answer) and figures. Every word in the language
shown (``takeaway.labels``). Drawn by Qt's own PDF writer (``QPdfWriter``) from the real views;
the scenes' planes from the same regions the web page draws (``takeaway.scene_image``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from .takeaway import TakeawayAction, labels, lecture_scenes, run_settings, scene_image

translate = QCoreApplication.translate
DPI = 150
SCENES_PER_PAGE = 2
WRAP = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap


def moments(last: int) -> list[int]:
    """The steps the handout shows: the start, a third, two thirds and the end (fewer when short)."""
    return sorted({0, round(last / 3), round(2 * last / 3), last})


def _fit(painter: QPainter, pixmap, box: QRectF) -> QRectF:
    """Draw ``pixmap`` as large as fits in ``box``, centred, keeping its shape; returns where."""
    scale = min(box.width() / pixmap.width(), box.height() / pixmap.height())
    w, h = pixmap.width() * scale, pixmap.height() * scale
    where = QRectF(box.x() + (box.width() - w) / 2, box.y(), w, h)
    painter.drawPixmap(where, pixmap, QRectF(pixmap.rect()))
    return where


def _text(painter: QPainter, x: float, y: float, width: float, text: str, bold: bool = False) -> float:
    """Word-wrapped ``text`` at (x, y); returns the y below it."""
    font = QFont(painter.font())
    font.setBold(bold)
    painter.setFont(font)
    box = painter.boundingRect(QRectF(x, y, width, 10_000), WRAP, text)
    painter.drawText(QRectF(x, y, width, box.height()), WRAP, text)
    font.setBold(False)
    painter.setFont(font)
    return y + box.height()


def _scene_block(painter: QPainter, scene, total: int, box: QRectF, t: dict[str, str]) -> None:
    """One scene in ``box``: heading, its plane on the left, the words and figures on the right."""
    y = _text(painter, box.x(), box.y(), box.width(),
              f"{t['scene'].format(scene.number, total)} · {scene.title}", bold=True) + 6
    side = min(box.width() * 0.42, box.bottom() - y)
    painter.drawImage(QRectF(box.x(), y, side, side), scene_image(scene, int(side)))
    x, width = box.x() + side + 16, box.width() - side - 16
    y = _text(painter, x, y, width, scene.caption) + 4
    if scene.loss is not None:
        y = _text(painter, x, y, width, t["moment"].format(scene.step, f"{scene.loss:.4f}",
                                                            f"{100 * scene.accuracy:.0f}")) + 4
    if scene.question is not None:
        text, choices, answer = scene.question
        y = _text(painter, x, y, width, f"{t['question']}: {text}", bold=True)
        for k, choice in enumerate(choices):
            y = _text(painter, x + 10, y, width - 10, f"{'ABCD'[k]}. {choice}")
        y = _text(painter, x, y + 2, width, f"{t['answer']}: {'ABCD'[answer]}") + 4
    for label, expected, measured, holds in scene.figures:
        mark = {True: " ✔", False: " ✘", None: ""}[holds]
        y = _text(painter, x, y, width, f"{label}: {measured}" + (f" ({t['expected']} {expected})" if expected else "")
                  + mark)


def write_handout(window, path: str | Path) -> int:
    """Write the handout of ``window``'s run to ``path``; returns the number of pages."""
    session = window.session
    history = session.history
    t = labels()
    scenes = lecture_scenes(window)
    shown = session.step
    planes = []
    try:
        for step in moments(history.last):
            session.set_step(step)
            QApplication.processEvents()
            planes.append((step, window.plane.grab()))
    finally:
        session.set_step(shown)
        QApplication.processEvents()
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(DPI)
    writer.setTitle(f"linviz — {window.data.dataset.name}")
    writer.setCreator("linviz")
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"cannot write {path}")
    pages = 2
    try:
        page = QRectF(painter.viewport())
        title_font, body = QFont(painter.font()), QFont(painter.font())
        title_font.setPointSize(18)
        title_font.setBold(True)
        body.setPointSize(10)
        painter.setFont(title_font)
        line = painter.fontMetrics().height()
        painter.drawText(QRectF(0, 0, page.width(), line * 1.4), Qt.AlignmentFlag.AlignLeft,
                         f"linviz — {window.data.dataset.name}")
        painter.setFont(body)
        y = line * 1.6
        small = painter.fontMetrics().height()
        for key, value in run_settings(window).items():
            painter.drawText(QRectF(0, y, page.width(), small), Qt.AlignmentFlag.AlignLeft, f"{key}: {value}")
            y += small
        y += small
        cell_w, cell_h = page.width() / 2, (page.height() - y) / 2
        for i, (step, pixmap) in enumerate(planes):
            box = QRectF((i % 2) * cell_w, y + (i // 2) * cell_h, cell_w - 12, cell_h - small * 2)
            drawn = _fit(painter, pixmap, box)
            caption = t["moment"].format(step, f"{float(history.loss[step]):.4f}",
                                         f"{100 * float(history.train_acc[step]):.0f}")
            painter.drawText(QRectF(box.x(), drawn.bottom() + 2, box.width(), small * 1.5),
                             Qt.AlignmentFlag.AlignHCenter, caption)
        writer.newPage()
        half = page.height() / 2
        _fit(painter, window.loss_curve.grab(), QRectF(0, 0, page.width(), half - 20))
        _fit(painter, window.score_table.grab(), QRectF(0, half, page.width(), half))
        slot = page.height() / SCENES_PER_PAGE
        for i, scene in enumerate(scenes):
            if i % SCENES_PER_PAGE == 0:
                writer.newPage()
                pages += 1
            _scene_block(painter, scene, len(scenes), QRectF(0, (i % SCENES_PER_PAGE) * slot, page.width(),
                                                             slot - small * 2), t)
    finally:
        painter.end()
    return pages


class Handout(TakeawayAction):
    """Owns File ▸ Export handout (PDF)… (objectName ``export_handout``)."""

    name = "export_handout"
    suffix = ".pdf"

    def _texts(self) -> tuple[str, str, str, str]:
        return (translate("Handout", "Export handout (PDF)…"),
                translate("Handout", "A PDF for students: the settings, the plane at four moments of the run, the loss "
                                     "curve and the score table"),
                translate("Handout", "Export handout"), translate("Handout", "PDF (*.pdf)"))

    def _saved(self, path) -> str:
        return translate("Handout", "Saved the handout {0}").format(path)

    def _write(self, path: Path) -> None:
        write_handout(self.window, path)
        if not path.is_file():
            raise OSError(f"cannot write {path}")


__all__ = ["write_handout", "moments", "Handout"]
