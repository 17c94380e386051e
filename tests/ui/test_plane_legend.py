"""The plane's key: a panel beside the plot, never over the points."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from linviz.engine.datasets import make_preset
from linviz.engine.features import FeatureMap
from linviz.ui import style
from linviz.ui.models import DatasetModel, SessionModel
from linviz.ui.views.plane import PlaneView
from linviz.ui.views.plane_legend import LEGEND_WIDTH, mark_icon, plain_text


@pytest.fixture
def plane(qtbot):
    data = DatasetModel(make_preset("cs231n"))
    view = PlaneView(data, SessionModel(data))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitUntil(view.isVisible)
    view.refresh()
    return view


def kinds(plane):
    return [row.kind for row in plane.legend.rows()]


def shown_rows(legend):
    return [row for row in legend.class_rows + legend.mark_rows if row.isVisible()]


# --- what the rows say ------------------------------------------------------------------------


def test_one_row_per_class_with_its_marker_colour_and_name(plane):
    rows = plane.legend.rows()[:3]
    assert [row.text for row in rows] == ["class 1", "class 2", "class 3"]
    assert [row.marker for row in rows] == list(style.MARKERS[:3])
    assert [row.colour.upper() for row in rows] == [c.upper() for c in style.class_colours(3)]
    for row, widget in zip(rows, plane.legend.class_rows):
        assert widget.isVisible() and not widget.icon.pixmap().isNull()
        assert widget.label.text().startswith(row.html) or row.html in widget.label.text()


def test_the_current_class_is_bold_with_a_pointer(plane):
    assert [row.current for row in plane.legend.rows()[:3]] == [True, False, False]
    plane.data.set_current_class(1)
    rows, widgets = plane.legend.rows(), plane.legend.class_rows
    assert [row.current for row in rows[:3]] == [False, True, False]
    assert widgets[1].label.text() == "<b>class 2&nbsp;◂</b>"
    assert widgets[0].label.text() == "class 1" and widgets[2].label.text() == "class 3"
    assert plane.legend_texts()[1] == "class 2"  # the name alone


def test_rows_follow_names_and_class_count(qtbot, plane):
    data, session = plane.data, plane.session
    data.set_class_names(["cat", "dog <3", "ship"])
    assert plane.legend_texts()[:3] == ["cat", "dog <3", "ship"]
    assert "dog &lt;3" in plane.legend.class_rows[1].label.text()  # a name is text, not markup
    data.set_n_classes(4)
    qtbot.waitUntil(lambda: session.history.n_classes == 4)
    rows = [row for row in plane.legend.rows() if row.kind == "class"]
    assert len(rows) == 4 and rows[3].marker == style.MARKERS[3]
    assert sum(w.isVisible() for w in plane.legend.class_rows) == 4
    data.set_dataset(make_preset("cs231n"))
    qtbot.waitUntil(lambda: session.history.n_classes == 3)
    assert sum(w.isVisible() for w in plane.legend.class_rows) == 3
    assert kinds(plane).count("class") == 3


def test_mark_rows_follow_the_model_and_the_toggles(qtbot, plane):
    session = plane.session
    assert kinds(plane) == ["class"] * 3 + ["ring", "gradient", "margins"]
    k = plane.gradient_scale
    assert f"×{k:g}" in plane.legend_texts()[4]

    plane.set_show_gradients(False)
    assert kinds(plane)[3:] == ["ring", "margins"]
    plane.set_show_margins(False)
    assert kinds(plane)[3:] == ["ring"]
    plane.set_show_gradients(True)
    plane.set_show_margins(True)

    session.update_settings(batch_size=4)
    assert kinds(plane)[3:] == ["ring", "gradient", "batch", "margins"]
    assert "in this step's mini-batch" in plane.legend_texts()
    plane.set_show_batch(False)
    assert "batch" not in kinds(plane)
    plane.set_show_batch(True)

    session.update_settings(model="softmax")
    assert kinds(plane)[3:] == ["gradient", "batch"]
    session.update_settings(features=FeatureMap("poly2"))
    assert kinds(plane)[3:] == ["batch"]  # no class lines, so no gradient arrows
    session.update_settings(features=FeatureMap(), model="knn")
    assert kinds(plane) == ["class"] * 3
    assert not plane.legend.separator.isVisible()
    assert not any(w.isVisible() for w in plane.legend.mark_rows)

    session.update_settings(model="svm", batch_size=None)
    assert kinds(plane)[3:] == ["ring", "gradient", "margins"]
    assert [w.isVisible() for w in plane.legend.mark_rows[:3]] == [True, True, True]


def test_mark_icons_and_plain_text(qapp):
    for kind in ("ring", "gradient", "batch", "margins"):
        icon = mark_icon(kind, style.class_colours(3))
        assert not icon.isNull()
        assert icon.toImage().allGray() == (kind in ("gradient", "batch"))  # ink; the ring is red, dots coloured
    with pytest.raises(ValueError):
        mark_icon("sparkles")
    assert plain_text("L<sub>i</sub> &gt; 0") == "Li > 0"


# --- where it is -------------------------------------------------------------------------------


def test_no_legend_item_in_the_plot(plane):
    scene_items = plane.plot.scene().items()
    assert not any(isinstance(item, pg.LegendItem) for item in scene_items)
    assert plane.legend.parent() is plane and not plane.plot.isAncestorOf(plane.legend)


def _rect_in(widget, window) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("preset", ["cs231n", "iris", "blobs"])
def test_the_key_hides_no_point(window, qtbot, preset):
    window.load_preset(preset)
    plane = window.plane
    qtbot.waitUntil(lambda: plane.session.history is not None and len(plane.data.dataset) > 0)
    QApplication.processEvents()
    plane.fit_view()
    QApplication.processEvents()

    viewport, legend = plane.plot.viewport(), plane.legend
    assert legend.isVisible()
    assert not _rect_in(legend, window).intersects(_rect_in(viewport, window))
    assert abs(legend.width() - LEGEND_WIDTH * style.scale()) <= 2  # narrow: the plot keeps its room

    (x0, x1), (y0, y1) = plane.view_rect()
    X = plane.data.dataset.X
    assert ((x0 < X[:, 0]) & (X[:, 0] < x1) & (y0 < X[:, 1]) & (X[:, 1] < y1)).all()
    vp_rect = viewport.rect()
    for x, y in X:  # and every point is on the viewport's pixels, not under another widget
        assert vp_rect.contains(plane.data_to_widget(x, y))
    if preset == "cs231n":  # the point the old in-plot legend covered
        i = int(np.argmin(np.hypot(X[:, 0] - 0.3, X[:, 1] - 0.8)))
        assert np.allclose(X[i], (0.3, 0.8)) and vp_rect.contains(plane.data_to_widget(*X[i]))


def test_the_key_is_readable_and_its_text_fits(window, qtbot):
    plane = window.plane
    plane.session.update_settings(batch_size=4)
    QApplication.processEvents()
    legend = plane.legend
    rows = shown_rows(legend)
    assert len(rows) == 3 + 4
    for row in rows:
        label = row.label
        assert label.font().pointSizeF() >= 12
        assert legend.rect().contains(QRect(label.mapTo(legend, QPoint(0, 0)), label.size()))
        assert label.heightForWidth(label.width()) <= label.height()  # wrapped text is not cut off
    bottom = max(row.geometry().bottom() for row in rows)
    assert bottom < legend.height()
    # the plot stays the larger part of the plane
    assert plane.plot.width() >= 2.5 * legend.width()
