"""File ▸ Export handout (PDF)…: the run shown, on paper, for students to take home.

Page 1: the title, the settings and the plane at four moments of the run (the start, a third,
two thirds, the end), each with its step, loss and accuracy. Page 2: the loss curve and the score
table at the step shown. Drawn by Qt's own PDF writer (``QPdfWriter``) from the real views.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QAction, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QFileDialog

from ..share_page import settings_summary

translate = QCoreApplication.translate
DPI = 150


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


def write_handout(window, path: str | Path) -> int:
    """Write the handout of ``window``'s run to ``path``; returns the number of pages."""
    session = window.session
    history = session.history
    shown = session.step
    steps = moments(history.last)
    planes = []
    try:
        for t in steps:
            session.set_step(t)
            QApplication.processEvents()
            planes.append((t, window.plane.grab()))
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
        for key, value in settings_summary(session.settings.model, history).items():
            painter.drawText(QRectF(0, y, page.width(), small), Qt.AlignmentFlag.AlignLeft, f"{key}: {value}")
            y += small
        y += small
        cell_w, cell_h = page.width() / 2, (page.height() - y) / 2
        for i, (t, pixmap) in enumerate(planes):
            box = QRectF((i % 2) * cell_w, y + (i // 2) * cell_h, cell_w - 12, cell_h - small * 2)
            drawn = _fit(painter, pixmap, box)
            caption = translate("Handout", "step {0} · loss {1:.4f} · accuracy {2:.0f} %").format(
                t, float(history.loss[t]), 100 * float(history.train_acc[t]))
            painter.drawText(QRectF(box.x(), drawn.bottom() + 2, box.width(), small * 1.5),
                             Qt.AlignmentFlag.AlignHCenter, caption)
        writer.newPage()
        half = page.height() / 2
        _fit(painter, window.loss_curve.grab(), QRectF(0, 0, page.width(), half - 20))
        _fit(painter, window.score_table.grab(), QRectF(0, half, page.width(), half))
    finally:
        painter.end()
    return 2


class Handout:
    """Owns File ▸ Export handout (PDF)… (objectName ``export_handout``)."""

    def __init__(self, window):
        self.window = window
        self.action = QAction(translate("Handout", "Export handout (PDF)…"), window)
        self.action.setObjectName("export_handout")
        tip = translate("Handout", "A PDF for students: the settings, the plane at four moments of the run, the loss "
                                   "curve and the score table")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.ask)

    def ask(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, translate("Handout", "Export handout"),
                                              f"{self.window.data.dataset.name or 'linviz'}.pdf",
                                              translate("Handout", "PDF (*.pdf)"))
        if path:
            self.write(path)

    def write(self, path: str | Path) -> bool:
        if self.window.session.history is None or not self.window.session.settings.is_linear:
            self.window.show_message("warning", translate("Share", "Nothing to share: kNN records no training run."))
            return False
        write_handout(self.window, path)
        if not Path(path).is_file():
            self.window.show_message("error", translate("Share", "Could not write {0}: {1}.").format(path, "PDF"))
            return False
        self.window.show_message("info", translate("Handout", "Saved the handout {0}").format(path))
        return True


__all__ = ["write_handout", "moments", "Handout"]
