"""Labels that change every frame repaint themselves without laying out the window again."""

import pytest
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from linviz.ui.widgets import LayoutShield, MarkupLine, SteadyLabel, bold_runs


class LayoutRequests(QObject):
    """Counts the LayoutRequest events a widget receives."""

    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def host(qtbot, *widgets, vertical=False):
    window = QWidget()
    layout = QVBoxLayout(window) if vertical else QHBoxLayout(window)
    for w in widgets:
        layout.addWidget(w)
    qtbot.addWidget(window)
    window.resize(500, 200)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_steady_label_fits_every_text_and_relays_nothing_while_only_digits_change(qtbot):
    label = SteadyLabel()
    window = host(qtbot, label, QLabel("neighbour"))
    label.setText("step 100 · loss 0.513")
    qtbot.wait(10)
    requests = LayoutRequests(window)
    for t in range(101, 400):
        label.setText(f"step {t} · loss {1 / t:.3f}")
        qtbot.wait(0)
        assert label.width() >= label.sizeHint().width()  # never cut
    assert requests.count == 0
    label.setText("step 1000 · loss 0.001 · diverged")  # longer: it grows, once
    qtbot.wait(10)
    assert label.width() >= label.sizeHint().width() and requests.count >= 1
    wide = label.width()
    label.setText("step 1")  # shorter: it keeps its size (no relayout back and forth)
    qtbot.wait(10)
    assert label.width() == wide


def test_a_steady_label_refits_to_a_new_font(qtbot):
    label = SteadyLabel()
    window = host(qtbot, label)  # noqa: F841 (keeps the label alive)
    label.setText("step 120")
    small = label.width()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    label.setText("step 121")
    assert label.width() > 1.5 * small and label.width() >= label.sizeHint().width()


def test_a_shielded_label_changes_text_without_a_relayout_and_grows_when_it_wraps(qtbot):
    status = QLabel("step 1 · loss 1.000")
    shield = LayoutShield(status)
    window = host(qtbot, shield, QLabel("below"), vertical=True)
    qtbot.wait(10)
    requests = LayoutRequests(window)
    for t in range(2, 200):
        status.setText(f"step {t} · loss {1 / t:.3f}")
    qtbot.wait(10)
    assert requests.count == 0
    assert status.geometry() == shield.rect()
    status.setWordWrap(True)
    shield.refit()
    one_line = shield.height()
    status.setText(" · ".join(["a longer status line that has to wrap"] * 4))
    qtbot.waitUntil(lambda: shield.height() > one_line)
    assert status.height() >= status.heightForWidth(status.width())


def _ink(widget) -> tuple[tuple[int, int, int, int], int]:
    """(top, left, bottom, right) of the dark pixels of a widget's grab, and how many there are."""
    import numpy as np

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    rgb = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    dark = np.argwhere(rgb[:, : image.width(), :3].min(axis=2) < 128)
    return (*dark.min(axis=0), *dark.max(axis=0)), len(dark)


@pytest.mark.parametrize("text", ["step <b>37</b> of 300", "<b>s = W·x + b</b> &nbsp; at step <b>10</b>",
                                  "paso <b>5</b> de 40", "<b>∂L/∂W</b>  at  step <b>7</b>"])
@pytest.mark.parametrize("align", [Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop])
def test_a_markup_line_looks_like_qlabels_rich_text(qtbot, text, align):
    """The titles that change every frame paint their bold runs themselves (QLabel lays rich
    text out anew on each change): the same size and the same ink as QLabel's rich text."""
    ours, qt = MarkupLine(), QLabel()
    qt.setTextFormat(Qt.TextFormat.RichText)
    font = QFont(ours.font())
    font.setPointSizeF(15)
    for label in (ours, qt):
        label.setFont(font)
        label.setAlignment(align)
        label.setText(text)
    window = host(qtbot, ours, qt)  # noqa: F841 (kept: the labels live in it)
    assert ours.textFormat() == Qt.TextFormat.PlainText  # painted as runs, not through a QTextDocument
    assert abs(ours.sizeHint().width() - qt.sizeHint().width()) <= 1
    assert ours.sizeHint().height() == qt.sizeHint().height()
    qt.setFixedSize(ours.size() + QSize(40, 10))
    ours.setFixedSize(qt.size())
    (ours_box, ours_n), (qt_box, qt_n) = _ink(ours), _ink(qt)
    assert max(abs(a - b) for a, b in zip(ours_box, qt_box)) <= 1
    assert abs(ours_n - qt_n) <= 0.03 * qt_n  # bold where QLabel is bold


def test_a_markup_line_leaves_other_markup_to_qlabel(qtbot):
    label = MarkupLine()
    window = host(qtbot, label)  # noqa: F841 (kept: the label lives in it)
    label.setText("a <i>slanted</i> word")
    assert label.textFormat() == Qt.TextFormat.RichText
    label.setText("step <b>3</b>")
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == "step <b>3</b>"


@pytest.mark.parametrize("markup, runs", [
    ("step <b>10</b> of 300", [("step ", False), ("10", True), (" of 300", False)]),
    ("<b>s</b> &nbsp; at", [("s", True), (" \u00a0 at", False)]),
    ("  a   b  ", [("a b", False)]),
    ("&lt;b&gt; &amp;", [("<b> &", False)]),
    ("a <i>b</i>", None), ("x < y", None), ("<b>open", None), ("a </b>", None),
])
def test_bold_runs_reads_bold_tags_and_entities_as_html_does(markup, runs):
    assert bold_runs(markup) == runs


def test_a_steady_label_keeps_room_for_its_sample(qtbot):
    """A step counter does not widen as it counts up: the sample's width is kept from the start."""
    sample = "step 20000 / 20000"
    label = SteadyLabel(sample=sample)
    neighbour = QLabel("speed")
    window = host(qtbot, label, neighbour)
    label.setText("step 3 / 300")
    qtbot.wait(20)
    width, x = label.width(), neighbour.x()
    assert width >= label.fontMetrics().horizontalAdvance(sample)
    label.setText("step 12000 / 12000")
    qtbot.wait(20)
    assert (label.width(), neighbour.x()) == (width, x)
    label.setText("step 12000 / 12000 · a longer text than the sample")  # a longer text still fits
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    window.close()


def test_a_shield_keeps_room_for_its_lines(qtbot):
    """A status that takes a second line at the end of a run moves nothing above or below it."""
    status = QLabel("loss 0.5")
    status.setWordWrap(True)
    shield = LayoutShield(status, lines=2)
    below = QLabel("below")
    window = host(qtbot, shield, below, vertical=True)
    qtbot.wait(20)
    one_line = shield.height()
    assert one_line >= 2 * status.fontMetrics().lineSpacing()
    y = below.y()
    status.setText("loss 0.5\nstopped at step 12 (converged)")
    qtbot.wait(20)
    assert (shield.height(), below.y()) == (one_line, y)
    window.close()
