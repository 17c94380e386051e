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
