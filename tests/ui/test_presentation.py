"""Presenting: full screen, font size, themes, layouts, the shortcuts overlay and persistence."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDockWidget, QGraphicsView, QMenu, QTabBar, QWidget

from linviz.ui import app_settings, lesson, presentation, style


@pytest.fixture(autouse=True)
def app_style(qapp):
    """Font size, theme and language are app-wide: every test starts at the app's font size
    (as ``make_application`` sets it) and leaves them as it found them."""
    font = qapp.font()
    start = qapp.font()
    start.setPointSizeF(style.BASE_FONT_PT)
    qapp.setFont(start)
    yield
    if style.theme.dark:
        style.set_theme("light")
    style.set_font_pt(style.BASE_FONT_PT)
    qapp.setFont(font)
    presentation.set_language("en")


@pytest.fixture
def ini(tmp_path, monkeypatch):
    """The app's settings in a throw-away ini file (never the user's)."""
    path = str(tmp_path / "linviz.ini")
    monkeypatch.setattr(app_settings, "qsettings", lambda: QSettings(path, QSettings.IniFormat))
    return path


def action(window, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, f"no action {name!r}"
    return found


def press(qtbot, window, keys: str) -> None:
    """Type a shortcut at the window, as the teacher would."""
    seq = QKeySequence(keys)[0]
    qtbot.keyClick(window, seq.key(), seq.keyboardModifiers())


def axes(window) -> list[pg.AxisItem]:
    views = [v for v in window.findChildren(QGraphicsView) if v.scene() is not None]
    return [i for v in views for i in v.scene().items() if isinstance(i, pg.AxisItem)]


def tick_pt(axis: pg.AxisItem) -> float:
    f = axis.style["tickFont"]
    return (f if f is not None else axis.font()).pointSizeF()


def label_pt(axis: pg.AxisItem) -> float:
    return float(axis.labelStyle.get("font-size", "0pt").rstrip("pt"))


# --- font size ------------------------------------------------------------------------------------
def test_ctrl_plus_grows_every_font_and_the_tables_follow(window, qtbot):
    with qtbot.waitActive(window):
        window.activateWindow()
    widgets = [window, *window.findChildren(QWidget)]
    before = {id(w): w.font().pointSizeF() for w in widgets}
    items = axes(window)
    ticks = {id(a): tick_pt(a) for a in items}
    labels = {id(a): label_pt(a) for a in items}
    assert len(ticks) >= 8  # plane, loss curve (3), surface (+ colour bar), geometry

    press(qtbot, window, "Ctrl+=")
    assert style.fonts.pt == 14
    press(qtbot, window, "Ctrl++")
    assert style.fonts.pt == 16

    small = [f"{type(w).__name__} {w.objectName()!r}" for w in widgets if w.font().pointSizeF() <= before[id(w)]]
    assert not small, f"fonts that did not grow: {small[:10]}"
    for a in items:
        assert tick_pt(a) > ticks[id(a)], a.orientation
        if labels[id(a)]:
            assert label_pt(a) > labels[id(a)], a.labelText

    qtbot.wait(50)
    tables = [window.params_table.view, window.params_table.grad_view, window.score_table.view]
    for view in tables:
        model = view.model()
        assert model.rowCount() and model.columnCount()
        for c in range(model.columnCount()):  # nothing cut off: every cell fits its column …
            assert view.sizeHintForColumn(c) <= view.columnWidth(c) + 1, (view.objectName(), c)
        for r in range(model.rowCount()):  # … and its row
            assert view.sizeHintForRow(r) <= view.rowHeight(r) + 1, (view.objectName(), r)
        header = view.horizontalHeader()
        for c in range(model.columnCount()):
            text = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            assert header.fontMetrics().horizontalAdvance(text) <= header.sectionSize(c), (view.objectName(), text)
    status = window.playback_bar.status
    assert status.font().pointSizeF() > before[id(status)]


def test_font_steps_and_reset_bring_every_font_back(window):
    widgets, items = window.findChildren(QWidget), axes(window)  # kept: ids of live wrappers stay unique
    sizes = {id(w): w.font().pointSizeF() for w in widgets}
    ticks = {id(a): tick_pt(a) for a in items}
    seen = []
    for _ in range(len(style.FONT_STEPS) + 1):
        action(window, "font_bigger").trigger()
        seen.append(style.fonts.pt)
    assert seen == [*style.FONT_STEPS[1:], 28, 28]
    action(window, "font_smaller").trigger()
    assert style.fonts.pt == 24
    action(window, "font_reset").trigger()
    assert style.fonts.pt == style.BASE_FONT_PT
    moved = [w for w in widgets if abs(w.font().pointSizeF() - sizes[id(w)]) > 0.05]
    assert not moved
    assert all(abs(tick_pt(a) - ticks[id(a)]) < 0.05 for a in items)


def test_font_shortcuts():
    assert presentation.next_font_pt(12, +1) == 14
    assert presentation.next_font_pt(28, +1) == 28
    assert presentation.next_font_pt(13, -1) == 12
    assert presentation.next_font_pt(12, -1) == 12


# --- full screen ----------------------------------------------------------------------------------
def test_f11_toggles_full_screen_and_esc_leaves_only_then(window, qtbot):
    leave = action(window, "leave_full_screen")
    assert not leave.isEnabled()  # Esc stays with the plane (the kNN inspector)
    action(window, "full_screen").trigger()
    qtbot.waitUntil(window.isFullScreen)
    assert leave.isEnabled() and action(window, "full_screen").isChecked()
    leave.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not leave.isEnabled() and not action(window, "full_screen").isChecked()


# --- themes ---------------------------------------------------------------------------------------
def test_dark_theme_keeps_text_readable_and_data_on_paper(window, qtbot):
    action(window, "theme_dark").trigger()
    assert style.theme.dark and action(window, "theme_dark").isChecked()
    pal = QApplication.palette()
    for text, ground in ((QPalette.WindowText, QPalette.Window), (QPalette.Text, QPalette.Base),
                         (QPalette.ButtonText, QPalette.Button), (QPalette.ToolTipText, QPalette.ToolTipBase)):
        assert style.contrast(pal.color(text), pal.color(ground)) >= 4.5
    assert style.luminance(pal.color(QPalette.Window)) < 0.05

    for view in window.findChildren(pg.PlotWidget):
        ground = view.backgroundBrush().color()
        assert style.luminance(ground) < 0.05
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                assert style.contrast(item.textPen().color(), ground) >= 4.5
                if item.label.isVisible():
                    assert style.contrast(item.labelStyle["color"], ground) >= 4.5, item.labelText
            if isinstance(item, pg.ViewBox) and item.background.isVisible():  # the inks were chosen for white
                assert item.background.brush().color().name() == style.PAPER.lower()
            elif isinstance(item, pg.ViewBox):  # stacked over another box (a second y axis) that has the paper
                assert style._over_another(item)
    assert not window.loss_curve.viewbox.background.isVisible()  # the accuracy curve under it shows
    for view in window.findChildren(QAbstractItemView):
        if view.window() is window:  # tables stay on paper: their cell colours are pale
            assert style.contrast(view.palette().color(QPalette.Text), view.palette().color(QPalette.Base)) >= 7

    window.show_message("error", "Training diverged")  # a style sheet set in the dark theme
    colour = window.message_label.styleSheet().split("color:")[1].split(";")[0].strip()
    assert style.contrast(colour, style.DARK["window"]) >= 4.5

    action(window, "theme_light").trigger()
    assert not style.theme.dark
    assert QApplication.palette().color(QPalette.Window) == QApplication.style().standardPalette().color(
        QPalette.Window)
    assert "#B00020" in window.message_label.styleSheet()  # the light original is back
    for view in window.findChildren(pg.PlotWidget):
        assert view.backgroundBrush().color().name() == "#ffffff"


def test_ink_flips_dark_colours_and_keeps_hue():
    assert style.readable_on("#000000", style.DARK["window"]) == "#ffffff"
    red = style.readable_on("#B00020", style.DARK["window"])
    assert style.contrast(red, style.DARK["window"]) >= 4.5
    assert style.QColor(red).hslHue() == style.QColor("#B00020").hslHue()


# --- layouts --------------------------------------------------------------------------------------
def shown_docks(window) -> set[str]:
    return {d.objectName() for d in window.findChildren(QDockWidget) if not d.isHidden()}


def live_tab_bars(window) -> list[tuple[str, ...]]:
    bars = window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [tuple(b.tabText(i) for i in range(b.count())) for b in bars
            if b.isVisible() and window.rect().intersects(b.geometry()) and b.count()]


def test_presentation_layout_toggles_and_reset_layout(window, qtbot):
    full = shown_docks(window)
    assert len(full) >= 8
    press(qtbot, window, "Ctrl+Shift+P")
    assert shown_docks(window) == {"dock_LossCurveView"}
    assert window.plane.isVisible() and window.playback_bar.isVisible()
    assert action(window, "presentation_layout").isChecked()
    press(qtbot, window, "Ctrl+Shift+P")
    assert shown_docks(window) == full
    qtbot.wait(20)
    bars = live_tab_bars(window)
    assert len(bars) == len(set(bars)) == 3, bars  # no tab bar of an earlier layout left on screen

    window.docks["params"].hide()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.docks["loss"])  # moved by the teacher
    action(window, "reset_layout").trigger()
    assert shown_docks(window) == full
    assert window.dockWidgetArea(window.docks["loss"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not action(window, "presentation_layout").isChecked()


# --- shortcuts ------------------------------------------------------------------------------------
def test_shortcuts_overlay_lists_every_shortcut_and_none_clash(window, qtbot):
    with qtbot.waitActive(window):
        window.activateWindow()
    press(qtbot, window, "F1")
    overlay = window.presentation.overlay
    assert overlay.isVisible()
    text = overlay.text()
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(with_keys) >= 25
    for a in with_keys:
        assert presentation._clean(a.text()) in text, a.objectName()
        for seq in a.shortcuts():
            assert seq.toString(QKeySequence.SequenceFormat.NativeText) in text, a.objectName()
    for gesture, _ in presentation.PLANE_GESTURES:
        assert gesture in text
    qtbot.keyClick(overlay, Qt.Key.Key_A)
    assert not overlay.isVisible()

    # collected when it opens: a feature added later shows up without touching the overlay
    extra = QAction("Spin the plane", window, objectName="spin")
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    next(m for m in window.findChildren(QMenu) if m.title() == "&Data").addAction(extra)
    press(qtbot, window, "?")
    assert overlay.isVisible() and "Spin the plane" in overlay.label.text()
    assert "Data" in next(g for g, rows in presentation.shortcut_groups(window)
                          if any(t == "Spin the plane" for _, t in rows))

    seen: dict[str, str] = {}
    for a in presentation.window_actions(window):
        for seq in a.shortcuts():
            key = seq.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key} is both {seen[key]} and {a.objectName()}"
            seen[key] = a.objectName()


# --- persistence and language ---------------------------------------------------------------------
def test_settings_are_restored_in_the_next_window(ini, qtbot):
    from linviz.ui.main_window import MainWindow

    first = MainWindow(persist=True)
    qtbot.addWidget(first)
    first.resize(760, 700)  # restoreGeometry keeps a window on its screen (offscreen: 800 × 800)
    first.show()
    qtbot.waitUntil(first.isVisible)
    assert all(d.objectName() for d in first.findChildren(QDockWidget))
    action(first, "theme_dark").trigger()
    action(first, "font_bigger").trigger()
    action(first, "font_bigger").trigger()
    first.docks["geometry"].hide()
    presentation.set_language("es")
    first.close()

    style.set_theme("light")  # a new start: the app's defaults again
    style.set_font_pt(style.BASE_FONT_PT)
    presentation.lang.code = "en"
    settings = QSettings(ini, QSettings.IniFormat)
    assert settings.value("presentation/theme") == "dark" and settings.value("language") == "es"

    second = MainWindow(persist=True)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(second.isVisible)
    assert style.theme.dark and action(second, "theme_dark").isChecked()
    assert style.fonts.pt == 16
    assert presentation.language() == "es"
    assert second.docks["geometry"].isHidden() and not second.docks["scores"].isHidden()
    assert (second.width(), second.height()) == (760, 700)


def test_without_persist_the_settings_are_never_written(ini, qtbot):
    from linviz.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    action(window, "theme_dark").trigger()
    action(window, "font_bigger").trigger()
    window.close()
    assert QSettings(ini, QSettings.IniFormat).allKeys() == []


def test_language_hook_emits(qtbot):
    assert presentation.language() == "en"
    with qtbot.waitSignal(presentation.lang.changed) as blocker:
        presentation.set_language("es")
    assert blocker.args == ["es"] and presentation.language() == "es"


def test_the_font_size_is_remembered_per_screen(ini, qtbot):
    """Issue 14: the zoom chosen on a 1920 × 1080 projector does not follow the window to a
    1280 × 800 laptop panel: each screen (name and size) keeps its own; a screen never zoomed
    starts at the default; a window moved to a screen zoomed before takes that size."""
    from linviz.ui import screen_fit
    from linviz.ui.main_window import MainWindow

    settings = QSettings(ini, QSettings.IniFormat)
    settings.setValue("presentation/font_pt", 24.0)  # chosen last on another screen…
    settings.setValue("window/screen", "projector")
    settings.sync()
    first = MainWindow(persist=True)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(first.isVisible)
    try:
        assert style.fonts.pt == style.BASE_FONT_PT  # …so not on this one
        action(first, "font_bigger").trigger()
        key = screen_fit.zoom_key(first.screen())
        assert QSettings(ini, QSettings.IniFormat).value(key) in (14.0, "14", 14)
        QSettings(ini, QSettings.IniFormat).setValue(key, 18.0)
        first.presentation._on_screen(first.screen())  # the window lands on a screen zoomed before
        assert style.fonts.pt == 18
        first.close()
        style.set_font_pt(style.BASE_FONT_PT)
        second = MainWindow(persist=True)
        qtbot.addWidget(second)
        second.show()
        qtbot.waitUntil(second.isVisible)
        assert style.fonts.pt == 18  # this screen's own size
    finally:
        style.set_font_pt(style.BASE_FONT_PT)
