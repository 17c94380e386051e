"""File ▸ Export handout (PDF)…: the run on paper, through the real window."""

import re

from linviz.ui import i18n
from linviz.ui.handout import moments


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_the_handout_is_a_two_page_pdf_and_leaves_the_step_shown(window, tmp_path):
    action = window.handout.action
    assert action in i18n.find_menu(window, "file_menu", "&File").actions()
    window.session.set_step(42)
    out = tmp_path / "handout.pdf"
    assert window.handout.write(out)
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF") and _pages(pdf) == 2
    assert window.session.step == 42  # the four moments were drawn, the teacher's step is back
    assert window.message_label.property("level") == "info"


def test_the_plane_is_shown_at_the_start_thirds_and_end():
    assert moments(300) == [0, 100, 200, 300]
    assert moments(2) == [0, 1, 2]
    assert moments(0) == [0]


def test_knn_has_no_handout(window, tmp_path):
    window.session.update_settings(model="knn")
    assert not window.handout.write(tmp_path / "knn.pdf")
    assert not (tmp_path / "knn.pdf").exists()


def test_in_lecture_mode_the_handout_adds_the_scenes_two_a_page(window, tmp_path):
    mode = window.lecture_mode
    mode.start(0)
    out = tmp_path / "lecture.pdf"
    assert window.handout.write(out)
    scenes = len(mode.lecture.scenes)
    assert _pages(out.read_bytes()) == 2 + (scenes + 1) // 2
