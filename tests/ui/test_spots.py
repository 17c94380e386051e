"""Spots: the plane's rings and margin dots, stamped from one pre-drawn symbol per style."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor

from linviz.ui.views.spots import Spots

RED, BLUE = "#D55E00", "#0072B2"


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 400)
    widget.setBackground("w")
    widget.setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _colour_at(plot, x, y) -> QColor:
    image = plot.grab().toImage()
    pos = plot.mapFromScene(plot.getViewBox().mapViewToScene(pg.Point(x, y)))
    return image.pixelColor(pos)


def test_each_spot_is_drawn_in_its_style_where_it_is(plot, qtbot):
    spots = Spots([("o", 20, None, RED), ("o", 20, None, BLUE)])
    plot.addItem(spots)
    spots.set_spots(np.array([[2.0, 2.0], [7.0, 6.0]]), data=np.array([4, 9]), style=np.array([0, 1]))
    qtbot.wait(10)
    assert _colour_at(plot, 2, 2).name().upper() == RED
    assert _colour_at(plot, 7, 6).name().upper() == BLUE
    assert _colour_at(plot, 5, 8).name().upper() == "#FFFFFF"  # nothing elsewhere
    np.testing.assert_array_equal(spots.data["data"], [4, 9])

    spots.move_spots(np.array([[5.0, 8.0], [7.0, 6.0]]))  # the same spots, one elsewhere
    qtbot.wait(10)
    assert _colour_at(plot, 5, 8).name().upper() == RED and _colour_at(plot, 2, 2).name().upper() == "#FFFFFF"

    spots.set_styles([("o", 20, None, BLUE), ("o", 20, None, RED)])  # new colours, same style numbers
    qtbot.wait(10)
    assert _colour_at(plot, 5, 8).name().upper() == BLUE and _colour_at(plot, 7, 6).name().upper() == RED


def test_no_spots_paint_nothing_and_bound_nothing(plot, qtbot):
    spots = Spots([("o", 20, None, RED)])
    plot.addItem(spots)
    spots.set_spots(np.zeros((0, 2)), data=np.zeros(0, int))
    qtbot.wait(10)
    assert spots.boundingRect().isEmpty() and spots.dataBounds(0) == (None, None)
    assert _colour_at(plot, 5, 5).name().upper() == "#FFFFFF"
