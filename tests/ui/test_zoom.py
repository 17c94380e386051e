"""One zoom for everything: Ctrl+plus grows the plane's marks with the text, Ctrl+0 undoes it all."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTabBar, QTableView

from linviz.ui import style
from linviz.ui.views import plane as plane_module


def _marks(window) -> dict:
    p = window.plane
    n = window.data.dataset.n_classes
    return {
        "point": p.points_item.opts["size"],
        "point outline": p.points_item.opts["pen"].widthF(),
        "true-class ring": p.points_ring_item.opts["size"],
        "halo": p.selection_item.opts["size"],
        "ring": p.loss_ring_item.style_of(0)[1],
        "ring pen": p.loss_ring_item.style_of(0)[2].widthF(),
        "line": p.class_lines[0].opts["pen"].widthF(),
        "shadow": p.class_lines[0].opts["shadowPen"].widthF(),
        "head": p.arrow_heads[0].opts["headLen"],
        "lines shown": sum(p.class_lines[j].isVisible() for j in range(n)),
    }


def _fonts(window) -> dict:
    out = {("dock", d.objectName()): d.font().pointSizeF() for d in window.findChildren(QDockWidget)}
    out.update({("tabs", i): b.font().pointSizeF() for i, b in enumerate(window.findChildren(QTabBar))})
    out[("menu bar",)] = window.menuBar().font().pointSizeF()
    return out


def _rows(window) -> dict:
    return {t.objectName() or str(i): [t.rowHeight(r) for r in range(t.model().rowCount())]
            for i, t in enumerate(window.findChildren(QTableView)) if t.model() is not None}


def test_ctrl_plus_grows_marks_lines_and_titles_with_the_text_and_ctrl_0_undoes_it(window, qtbot):
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.wait(50)
    marks, fonts, rows = _marks(window), _fonts(window), _rows(window)
    assert marks["point"] == style.BASE_POINT_SIZE and marks["head"] == plane_module.ARROW_HEAD_PX
    assert marks["lines shown"] == 3
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert style.fonts.pt == 18
    qtbot.wait(50)
    grown = _marks(window)
    for key in marks:
        if key != "lines shown":
            assert grown[key] == pytest.approx(1.5 * marks[key]), key  # 18 pt / 12 pt
    assert grown["lines shown"] == 3
    assert all(_fonts(window)[k] > v for k, v in fonts.items())  # dock and tab titles, menus
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert style.fonts.pt == 12
    qtbot.wait(50)
    assert _marks(window) == marks
    assert _fonts(window) == fonts
    assert _rows(window) == rows  # no row left at the zoomed size
