"""Labels that change every frame repaint themselves without laying out the window again."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from linviz.ui.widgets import LayoutShield, SteadyLabel


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
