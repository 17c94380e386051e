"""``linviz render`` draws the trained window to a PNG of the asked size."""

from PySide6.QtGui import QImage

from linviz.cli import main


def test_render_writes_the_window_at_the_asked_size(tmp_path, qapp):
    out = tmp_path / "cs231n.png"
    assert main(["render", "--preset", "cs231n", "--model", "svm", "--steps", "40", "--lam", "0.1",
                 "--out", str(out), "--size", "1200x800"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    colours = {image.pixel(x, y) for x in range(0, 1200, 7) for y in (200, 400, 600)}
    assert len(colours) > 40  # a picture, not a blank


def test_render_refuses_bad_sizes_and_unknown_presets(tmp_path, qapp, capsys):
    assert main(["render", "--preset", "cs231n", "--out", str(tmp_path / "a.png"), "--size", "big"]) == 2
    assert main(["render", "--preset", "nope", "--out", str(tmp_path / "a.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("linviz: error:") == 2 and "Traceback" not in err
    assert not (tmp_path / "a.png").exists()


def test_render_in_spanish_draws_another_window_and_leaves_the_app_in_english(tmp_path, qapp):
    from linviz.ui import i18n

    images = {}
    for code in ("en", "es"):
        out = tmp_path / f"{code}.png"
        assert main(["render", "--preset", "cs231n", "--steps", "20", "--out", str(out), "--size", "1200x800",
                     "--language", code]) == 0
        images[code] = QImage(str(out))
    assert images["en"].size() == images["es"].size() and images["en"] != images["es"]  # the texts differ
    assert i18n.language() == "en"
    assert main(["render", "--preset", "cs231n", "--out", str(tmp_path / "x.png"), "--language", "fr"]) == 2
