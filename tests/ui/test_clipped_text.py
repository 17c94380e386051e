"""No clipped text: the main window (each tab of the right-hand group), the Surface, Geometry
and Grad check views in a short narrow dock, and the compare window, at projector sizes, in
English and Spanish, at the default font and three steps up (clipped_text.py walks labels,
buttons, combos, tabs, headers and plot axis titles; what it still finds is in NOT_YET and
COMPARE_NOT_YET, and in the README). The CIFAR-10 window: test_cifar_fit.py."""

import pytest

from linviz.ui import i18n, style

from clipped_text import _tabs, clipped  # tests/ui is on the path (rootdir-relative imports)


NOT_YET = ()
"""What the walk still finds, not fixed here: nothing (the loss curve's axis titles, "accuracy
(%)" and "step", were cut in its dock at 1280 × 800 and at +3; a narrow loss curve titles only
its accuracy axis, "%")."""


@pytest.fixture
def spanish_or_english(request):
    code = request.param
    i18n.apply(code)
    yield code
    i18n.apply("en")


@pytest.mark.parametrize("spanish_or_english", ["en", "es"], indirect=True)
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("pt", [style.BASE_FONT_PT, style.FONT_STEPS[3]])
def test_no_tab_of_the_main_window_is_cut(qtbot, spanish_or_english, size, pt):
    """Dock tabs in a narrow column scroll instead of eliding ("Sc…", "Geo…" at 1280 × 800)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QTabBar

    from linviz.ui.main_window import MainWindow

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the windows of earlier tests are gone

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    try:
        style.set_font_pt(pt)  # as Ctrl+plus does, on the window shown
        qtbot.wait(50)
        bars = [b for b in win.findChildren(QTabBar) if b.isVisible()]
        assert len(bars) >= 3
        cut = [line for b in bars for line in _tabs(b)]
        assert not cut, cut
        assert not [line for line in clipped(win) if line.startswith("tab")]  # the whole walk agrees
    finally:
        style.set_font_pt(style.BASE_FONT_PT)  # while the window is still there


@pytest.mark.parametrize("spanish_or_english", ["en", "es"], indirect=True)
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("pt", [style.BASE_FONT_PT, style.FONT_STEPS[3]])
def test_no_text_of_the_main_window_is_cut_on_any_tab(qtbot, spanish_or_english, size, pt):
    """Every label, button, combo and header of the main window — each tab of the right-hand
    group in turn (Scores, Surface, Geometry, Grad check) — is whole at 1280 × 800 and
    1920 × 1080, default font and +3 (the Surface's and Geometry's combos, the Grad check's
    headers and heading were cut in a 272 px column), and so are the plots' axis titles
(the Surface's "total loss (log scale)" was cut at both ends in a short dock)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from linviz.ui.main_window import MainWindow

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    try:
        style.set_font_pt(pt)
        qtbot.wait(50)
        cut = set()
        for name in ("scores", "surface", "geometry", "gradcheck"):
            win.docks[name].raise_()
            qtbot.wait(30)
            cut |= {f"{name}: {line}" for line in clipped(win) if not any(known in line for known in NOT_YET)}
        assert not cut, sorted(cut)
    finally:
        style.set_font_pt(style.BASE_FONT_PT)


@pytest.mark.parametrize("spanish_or_english", ["en", "es"], indirect=True)
@pytest.mark.parametrize("pt", [style.BASE_FONT_PT, style.FONT_STEPS[3]])
@pytest.mark.parametrize("which", ["surface", "geometry", "gradcheck"])
def test_a_view_in_a_short_narrow_dock_scrolls_rather_than_cut_its_text(qtbot, spanish_or_english, pt, which):
    """The right-hand column of a 1280 × 800 screen gives a tab about 260 × 150 px: the
    Surface, Geometry and Grad check views scroll to show every combo, heading and axis title
    whole (the colour bar's "total loss (log scale)" was cut at both ends)."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    from linviz.engine.datasets import make_preset
    from linviz.ui.models import DatasetModel, SessionModel
    from linviz.ui.views.gradcheck_panel import GradCheckPanel
    from linviz.ui.views.loss_surface import LossSurfaceView
    from linviz.ui.views.reg_geometry import RegGeometryView

    session = SessionModel(DatasetModel(make_preset("cs231n")))
    view = {"surface": LossSurfaceView, "geometry": RegGeometryView, "gradcheck": GradCheckPanel}[which](session)
    dock = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)  # as MainWindow._dock
    dock.setWidget(view)
    qtbot.addWidget(dock)
    dock.resize(260, 150)
    dock.show()
    qtbot.waitExposed(dock)
    try:
        style.set_font_pt(pt)
        view.recompute() if hasattr(view, "recompute") else view.check_now()
        qtbot.wait(50)
        cut = clipped(dock)
        assert not cut, cut
    finally:
        style.set_font_pt(style.BASE_FONT_PT)


COMPARE_NOT_YET = ("compare_hint",)
"""What the walk still finds in the compare window (ui/compare, not changed here): its hint
line in Spanish at +3."""


@pytest.mark.parametrize("spanish_or_english", ["en", "es"], indirect=True)
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("pt", [style.BASE_FONT_PT, style.FONT_STEPS[3]])
def test_no_text_of_the_compare_window_is_cut(qtbot, spanish_or_english, size, pt):
    """The compare window at projector sizes, default font and +3: nothing cut beyond the
    known lines above (a new cut text fails)."""
    from linviz.engine.datasets import make_preset
    from linviz.ui.compare import CompareWindow
    from linviz.ui.models import DatasetModel

    win = CompareWindow(DatasetModel(make_preset("cs231n")))
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    try:
        style.set_font_pt(pt)
        qtbot.wait(50)
        cut = [line for line in clipped(win) if not any(f"'{name}'" in line for name in COMPARE_NOT_YET)]
        assert not cut, cut
    finally:
        style.set_font_pt(style.BASE_FONT_PT)


def test_the_surface_controls_take_two_lines_when_wide_and_its_colour_bar_title_shows_only_whole(qtbot):
    """Wide, the Surface tab keeps its controls on two lines (the map gets the height); in a
    260 px column they stack, one a line. The colour bar's title ("total loss (log scale)")
    shows when the map is tall enough for it and hides (the Show combo says the same) when not."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    from linviz.engine.datasets import make_preset
    from linviz.ui.models import DatasetModel, SessionModel
    from linviz.ui.views.loss_surface import LossSurfaceView

    view = LossSurfaceView(SessionModel(DatasetModel(make_preset("cs231n"))))
    dock = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    dock.setWidget(view)
    qtbot.addWidget(dock)
    dock.resize(900, 700)
    dock.show()
    qtbot.waitExposed(dock)
    qtbot.wait(30)
    same_line = abs(view.param_a.y() - view.slice_kind.y()) < view.slice_kind.height()
    assert same_line and view.log_box.y() < view.component.y() + view.component.height()
    title = view.colour_bar.getAxis("left").label
    assert title.isVisible()  # a tall map: the title whole
    dock.resize(260, 300)
    qtbot.wait(50)
    assert view.param_a.y() >= view.slice_kind.y() + view.slice_kind.height()  # stacked
    assert view.log_box.y() >= view.component.y() + view.component.height()
    dock.resize(700, 300)
    qtbot.wait(50)
    assert not title.isVisible() and not clipped(dock)  # too short for it: hidden, not cut
