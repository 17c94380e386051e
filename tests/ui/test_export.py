"""File ▸ Export: pictures at the size asked for, SVG that parses, the clipboard, GIF / MP4 films,
cancel and failures that leave no file, and the user's step put back."""

import errno
import os
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from linviz.ui import export
from linviz.ui.export import ExportError, export_animation, export_png, export_svg


@pytest.fixture
def exporter(window):
    return export.install(window)


@pytest.fixture
def messages(window):
    got = []
    window.session.message.connect(lambda level, text: got.append((level, text)))
    return got


@pytest.fixture
def no_message_box(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a) or QMessageBox.Ok)
    return shown


@pytest.fixture
def read_only_dir(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):  # root ignores permissions: use a folder that cannot exist
        folder = tmp_path / "missing" / "folder"
    yield folder
    (tmp_path / "locked").chmod(0o700)


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


# --- pictures ------------------------------------------------------------------------------------
def test_png_of_a_plot_has_the_requested_size_and_the_view_is_left_as_it_was(window, tmp_path):
    plot = window.plane.plot
    vb = plot.getViewBox()
    before = (vb.viewRange(), plot.centralWidget.geometry(), plot.size())
    path = export_png(plot, tmp_path / "plane.png", 1000, 560)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1000, 560)
    assert (vb.viewRange(), plot.centralWidget.geometry(), plot.size()) == before
    assert leftovers(tmp_path) == ["plane.png"]
    # it is a picture of the plane, not a blank page: the regions are coloured
    colours = {image.pixel(x, y) for x in range(100, 1000, 50) for y in range(20, 500, 40)}
    assert len(colours) > 5


def test_png_height_follows_the_view_and_tables_and_window_export_too(window, tmp_path):
    plot = window.loss_curve.plot
    path = export_png(plot, tmp_path / "loss.png", 800)
    image = QImage(str(path))
    assert image.width() == 800
    assert image.height() == round(800 * plot.height() / plot.width())
    for name, widget in (("scores", window.score_table), ("window", window)):
        image = QImage(str(export_png(widget, tmp_path / f"{name}.png", 640, 400)))
        assert (image.width(), image.height()) == (640, 400)


def test_a_plot_in_a_hidden_dock_still_exports_in_full(window, tmp_path):
    window.docks["surface"].hide()
    assert not window.loss_surface.isVisible()
    image = QImage(str(export_png(window.loss_surface.plot_widget, tmp_path / "surface.png", 480, 360)))
    assert (image.width(), image.height()) == (480, 360)
    colours = {image.pixel(x, y) for x in range(40, 480, 20) for y in range(10, 300, 20)}
    assert len(colours) > 20  # the heat map, not an empty frame


def test_svg_parses_and_holds_the_plot(window, tmp_path):
    path = export_svg(window.loss_curve, tmp_path / "loss.svg")
    root = ET.parse(path).getroot()
    tags = [el.tag.rsplit("}", 1)[-1] for el in root.iter()]
    texts = {(el.text or "").strip() for el in root.iter() if el.tag.endswith("text")}
    assert tags.count("path") + tags.count("polyline") > 0
    assert {"step", "loss"} <= texts  # shown in the picture even where a narrow dock hides them
    assert texts & {"accuracy (%)", "%"}  # "%" when the dock is narrow (the compact layout)
    plane = ET.parse(export_svg(window.plane, tmp_path / "plane.svg", 800, 600)).getroot()
    assert plane.get("viewBox") is not None
    plane_tags = [el.tag.rsplit("}", 1)[-1] for el in plane.iter()]
    assert len(window.plane.loss_marked) and len(window.plane.overlays.margin_item.data)  # rings and dots shown
    assert plane_tags.count("image") == 1  # the decision regions; points, rings and dots are vectors
    assert {"x₁", "x₂"} <= {(el.text or "").strip() for el in plane.iter() if el.tag.endswith("text")}


def test_svg_of_a_table_is_refused_with_a_reason(window, tmp_path):
    with pytest.raises(ExportError, match="PNG"):
        export_svg(window.score_table, tmp_path / "scores.svg")
    assert leftovers(tmp_path) == []


def test_copy_puts_the_view_on_the_clipboard_at_its_size(window, exporter):
    QGuiApplication.clipboard().clear()
    exporter.copy("plane")
    image = QGuiApplication.clipboard().image()
    assert not image.isNull()
    assert (image.width(), image.height()) == (window.plane.width(), window.plane.height())  # plot and key


# --- the menu and the dialog ------------------------------------------------------------------------
def test_the_file_menu_gets_an_export_submenu_once(window):
    first, second = export.install(window), export.install(window)
    assert first is second
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    names = [a.menu().objectName() if a.menu() else a.objectName() for a in file_menu.actions()]
    assert names.count("export_menu") == 1
    assert names.index("export_menu") < names.index("quit")
    assert {a.objectName() for a in first.menu.actions()} == {"export_image", "export_copy", "export_animation"}


def test_the_dialog_saves_the_chosen_view_at_the_chosen_size(window, exporter, tmp_path, messages):
    dialog = export.ExportDialog(exporter, window)
    assert dialog.objectName() == "export_dialog"
    dialog.view_combo.setCurrentIndex(dialog.view_combo.findData("loss_surface"))
    dialog.width_spin.setValue(640)
    dialog.height_spin.setValue(480)
    dialog.set_path(tmp_path / "surface")  # the format's suffix is added
    path = dialog.save()
    assert path == tmp_path / "surface.png"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (640, 480)
    assert messages[-1][0] == "info"
    dialog.copy()  # the Copy button: the same view at the same size
    assert QGuiApplication.clipboard().image().size().toTuple() == (640, 480)
    # SVG is offered for plots only
    dialog.view_combo.setCurrentIndex(dialog.view_combo.findData("params"))
    assert not dialog.format_combo.model().item(1).isEnabled()
    dialog.keep_aspect.setChecked(True)
    assert not dialog.height_spin.isEnabled()


def test_an_unwritable_folder_is_reported_not_raised(window, exporter, read_only_dir, messages, no_message_box):
    assert exporter.save_image("plane", read_only_dir / "plane.png", 320, 240) is None
    assert messages and messages[-1][0] == "error"
    assert "folder" in messages[-1][1]
    assert no_message_box  # and a message box said it too
    assert leftovers(read_only_dir) == []


# --- animations -----------------------------------------------------------------------------------------
def test_gif_has_one_frame_per_step_and_the_step_is_restored(window, tmp_path):
    import imageio.v3 as iio

    session = window.session
    session.set_step(7)
    seen = []
    path = export_animation(window.plane.plot, session, tmp_path / "train.gif", range(0, 50, 10), 10, (160, 120),
                            progress=lambda done, total: seen.append((done, total, session.step)))
    assert session.step == 7
    assert seen == [(i + 1, 5, t) for i, t in enumerate(range(0, 50, 10))]  # each frame showed its step
    props = iio.improps(path)
    assert props.n_images == 5 and props.shape[1:3] == (120, 160)
    assert leftovers(tmp_path) == ["train.gif"]


def test_mp4_has_one_frame_per_step_and_even_sides(window, tmp_path):
    import imageio_ffmpeg

    path = export_animation(window.loss_curve, window.session, tmp_path / "loss.mp4", range(0, 12, 2), 12,
                            (161, 121))
    frames, secs = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert frames == 6 and secs == pytest.approx(0.5, abs=0.01)
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    reader.close()
    assert tuple(meta["size"]) == (160, 120)


def test_cancel_leaves_no_file_and_restores_the_step(window, tmp_path):
    session = window.session
    session.set_step(3)
    with pytest.raises(export.ExportCancelled):
        export_animation(window.plane.plot, session, tmp_path / "x.mp4", range(20), 10, (64, 48),
                         should_stop=lambda: session.step >= 5)
    assert leftovers(tmp_path) == []
    assert session.step == 3


def test_cancel_in_the_progress_dialog_saves_nothing(window, exporter, tmp_path, messages, qtbot):
    session = window.session

    def cancel_at_step(t):
        if t == 4:
            window.findChild(QProgressDialog, "export_progress").cancel()

    session.step_changed.connect(cancel_at_step)
    try:
        assert exporter.save_animation("plane", tmp_path / "x.gif", range(10), 10, (64, 48)) is None
    finally:
        session.step_changed.disconnect(cancel_at_step)
    assert leftovers(tmp_path) == []
    assert messages[-1] == ("info", "Export cancelled; nothing was saved.")
    assert session.step == 0


def test_animation_dialog_and_failures(window, exporter, tmp_path, read_only_dir, messages, no_message_box):
    dialog = export.AnimationDialog(exporter, window)
    assert dialog.objectName() == "animation_dialog"
    assert dialog.to_spin.value() == window.session.history.last
    dialog.from_spin.setValue(10)
    dialog.to_spin.setValue(16)
    dialog.every_spin.setValue(3)
    dialog.width_spin.setValue(99)
    dialog.height_spin.setValue(64)
    assert list(dialog.steps()) == [10, 13, 16]
    assert dialog.frame_size() == (100, 64)  # MP4 rounds to even sides
    assert "3 frames" in dialog.summary.text()
    dialog.set_path(read_only_dir / "film.mp4")
    assert dialog.save() is None
    assert messages[-1][0] == "error" and leftovers(read_only_dir) == []
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".gif"))
    assert dialog.path().suffix == ".gif"
    with pytest.raises(ExportError, match="gif or .mp4"):
        export_animation(window.plane.plot, window.session, tmp_path / "film.avi", range(3), 10, (32, 32))
    with pytest.raises(ExportError, match="between 0 and"):
        export_animation(window.plane.plot, window.session, tmp_path / "film.gif", [10**6], 10, (32, 32))
    assert not [name for name in leftovers(tmp_path) if "film" in name]


def test_a_full_disk_is_reported_and_leaves_nothing(window, exporter, tmp_path, messages, no_message_box,
                                                    monkeypatch):
    def full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)  # the writer flushes to disk
    assert exporter.save_image("plane", tmp_path / "plane.png", 320, 240) is None
    assert messages[-1] == ("error", f"Could not write {tmp_path / 'plane.png'}: the disk is full.")
    assert leftovers(tmp_path) == []


def test_missing_ffmpeg_is_reported_and_leaves_nothing(window, exporter, tmp_path, messages, no_message_box,
                                                       monkeypatch):
    import imageio_ffmpeg

    def no_ffmpeg():
        raise RuntimeError("No ffmpeg exe could be found")

    monkeypatch.setattr(imageio_ffmpeg, "get_ffmpeg_exe", no_ffmpeg)
    step = window.session.step
    assert exporter.save_animation("plane", tmp_path / "film.mp4", range(3), 10, (64, 48)) is None
    level, text = messages[-1]
    assert level == "error" and "needs ffmpeg" in text
    assert leftovers(tmp_path) == [] and window.session.step == step
