"""Tick labels stay short and vertical axes keep their width whatever the data (no layout loop)."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication

from linviz.ui.axes import WIDEST, CompactAxis, compact_axes, compact_tick_strings


@pytest.mark.parametrize("values, spacing, want", [
    ([1e43, 2e43, 3e43], 1e43, ["1e43", "2e43", "3e43"]),
    ([0.0, 5e8, 1e9], 5e8, ["0", "5e8", "1e9"]),
    ([1e-4, 2.5e-4], 1.5e-4, ["1.0e-4", "2.5e-4"]),
    ([-3.6e20, 3.6e20], 3.6e20, ["-3.6e20", "3.6e20"]),
])
def test_large_and_tiny_values_get_scientific_labels(values, spacing, want):
    assert compact_tick_strings(values, 1.0, spacing) == want


@pytest.mark.parametrize("values", [[0.0, 0.5, 1.0], [-2, 0, 2], [100, 200, 999_000]])
def test_ordinary_values_keep_pyqtgraphs_labels(values):
    assert compact_tick_strings(values, 1.0, 0.5) is None


def test_labels_are_short_for_any_range():
    for exponent in range(-12, 300, 7):
        top = 10.0 ** exponent
        labels = compact_tick_strings(np.linspace(-top, top, 5), 1.0, top / 2) or []
        assert all(len(s) <= len(WIDEST) for s in labels), labels


def test_a_vertical_axis_keeps_its_width_when_the_data_explode(qtbot):
    plot = pg.PlotWidget(axisItems=compact_axes())
    qtbot.addWidget(plot)
    plot.resize(500, 300)
    plot.show()
    curve = plot.plot(np.arange(50.0), np.linspace(0, 4, 50))
    QApplication.processEvents()
    axis = plot.getAxis("left")
    assert isinstance(axis, CompactAxis) and plot.getAxis("top").isVisible() is False
    width = axis.width()
    curve.setData(np.arange(50.0), np.logspace(0, 43, 50))
    for _ in range(5):
        QApplication.processEvents()
    assert axis.width() == width
    ticks = axis.tickValues(*plot.getViewBox().viewRange()[1], plot.getViewBox().height())
    labels = [s for spacing, values in ticks for s in axis.tickStrings(values, 1.0, spacing)]
    assert labels and all(len(s) <= len(WIDEST) for s in labels) and any("e" in s for s in labels)
