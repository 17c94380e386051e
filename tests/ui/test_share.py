"""File ▸ Share as web page… in the real window."""

import json

from linviz.ui import i18n
from tests.test_share_page import Page


def test_file_menu_shares_the_run_shown_as_one_page(window, tmp_path):
    file_menu = i18n.find_menu(window, "file_menu", "&File")
    action = window.share_page.action
    assert action in file_menu.actions() and action.objectName() == "share_web_page"
    out = tmp_path / "lesson.html"
    assert window.share_page.write(out)
    data = json.loads(Page(out.read_text(encoding="utf-8")).data)
    history = window.session.history
    assert data["steps"] == len(history) and data["classes"] == list(window.data.dataset.class_names)
    assert data["picked"] == list(window.session.selected_examples)  # the score table's points
    assert window.message_label.property("level") == "info" and str(out) in window.message_label.text()


def test_knn_has_no_run_to_share(window, tmp_path):
    window.session.update_settings(model="knn")
    out = tmp_path / "knn.html"
    assert not window.share_page.write(out)
    assert not out.exists() and window.message_label.property("level") == "warning"


def test_a_spanish_window_writes_a_spanish_page(window, qapp, tmp_path):
    from tests.test_share_page import visible_words

    i18n.set_language(qapp, "es")
    try:
        out = tmp_path / "clase.html"
        assert window.share_page.write(out)
    finally:
        i18n.set_language(qapp, "en")
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    assert page.tags[0] == ("html", {"lang": "es"})
    words = " ".join(visible_words(text))
    assert "Reproducir" in words and "Configuración" in words and "tasa de aprendizaje α" in words
    for english in ("Play", "Settings", "Scores", "learning rate", "regulariser", "steps recorded"):
        assert english not in words, english
    assert json.loads(page.data)["labels"]["status"].startswith("paso {0} de {1}")


def test_in_lecture_mode_the_page_carries_every_scene(window, tmp_path):
    mode = window.lecture_mode
    mode.start(3)
    out = tmp_path / "lecture.html"
    assert window.share_page.write(out)
    page = Page(out.read_text(encoding="utf-8"))
    assert len([a for t, a in page.tags if t == "section"]) == len(mode.lecture.scenes)
    data = json.loads(page.data)
    assert data["steps"] == len(window.session.history)  # and the run shown, as outside a lecture
    mode.leave()
    assert window.share_page.write(out)
    assert not [a for t, a in Page(out.read_text(encoding="utf-8")).tags if t == "section"]
