"""A table header whose column titles read bottom to top (the confusion matrix's classes).

Ten class names side by side ("automobile", "accuracy" in a 66 px column at 1280 × 800) do
not fit across; written upwards each needs only a line's height of width, and the header
grows as tall as the longest title. The section keeps the style's header background; only
the text is turned.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

PAD_PX = 8
"""Room above and below a turned title."""


class UpwardHeader(QHeaderView):
    """A horizontal header drawing each section's title turned 90° anticlockwise.

    ``turned_text`` tells the clipped-text walk (tests) to measure a title against the
    header's height, not the section's width."""

    turned_text = True

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(False)

    def _title(self, section: int) -> str:
        model = self.model()
        return str(model.headerData(section, Qt.Orientation.Horizontal) or "") if model is not None else ""

    def longest_title_px(self) -> int:
        """The width of the longest title in the header's font (its height when turned)."""
        model, fm = self.model(), self.fontMetrics()
        count = model.columnCount() if model is not None else 0
        return max((fm.horizontalAdvance(self._title(i)) for i in range(count)), default=0)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(super().sizeHint().width(), self.longest_title_px() + 2 * PAD_PX)

    def sectionSizeFromContents(self, section: int) -> QSize:  # noqa: N802 (Qt name)
        return QSize(self.fontMetrics().height() + 2 * PAD_PX, self.longest_title_px() + 2 * PAD_PX)

    def paintSection(self, painter, rect: QRect, section: int) -> None:  # noqa: N802 (Qt name)
        if not rect.isValid():
            return
        opt = QStyleOptionHeader()
        self.initStyleOption(opt)
        opt.rect, opt.section, opt.text = rect, section, ""
        self.style().drawControl(QStyle.ControlElement.CE_Header, opt, painter, self)
        painter.save()
        painter.setFont(self.font())
        painter.translate(rect.left(), rect.bottom())
        painter.rotate(-90)
        # after the turn, x runs up the section and y across it
        turned = QRect(PAD_PX, 0, rect.height() - 2 * PAD_PX, rect.width())
        painter.drawText(turned, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self._title(section))
        painter.restore()
