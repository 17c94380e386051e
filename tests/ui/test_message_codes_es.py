"""Every message code reads in Spanish on screen (issue 12), checked code by code.

The expected text is read straight from the catalogue file (``assets/translations/linviz_es.ts``,
context ``Message``) with ElementTree and filled here — not computed with the function the app
uses to translate. Two checks:

- every code the app can say (the engine's errors and the session's messages, whatever is in
  ``TEMPLATES``) has a finished Spanish entry with the same slots, and the status line of the
  real window, in Spanish, shows exactly that entry filled with the message's parameters;
- the codes a teacher meets most are provoked through the window (a diverging or blowing-up
  rate, k larger than the points, a lesson that does not replay, bad points and lesson files),
  and the status line shows the catalogue's Spanish for the code the app raised.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from linviz.engine.text import Message
from linviz.resources import asset_path
from linviz.session.messages import CONTEXT, TEMPLATES
from linviz.session.settings import KnnSettings
from linviz.ui import i18n, presentation

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

SLOT = re.compile(r"\{(\d+)\}")


def spanish_catalogue() -> dict[str, tuple[str, bool]]:
    """English source → (Spanish, finished) of the Message context, read from the .ts file."""
    root = ET.parse(asset_path("translations") / "linviz_es.ts").getroot()
    out = {}
    for ctx in root.iter("context"):
        if ctx.findtext("name") != CONTEXT:
            continue
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = "" if tr is None else tr.get("type", "")
            if kind in ("obsolete", "vanished"):
                continue
            out[msg.findtext("source")] = ((tr.text or "") if tr is not None else "", kind != "unfinished")
    return out


CATALOGUE = spanish_catalogue()


def every_table() -> dict[str, dict[str, str]]:
    """Every table of codes the engine, the session core and the UI's messages define (``*TEMPLATES``)."""
    from linviz.engine import text
    from linviz.session import messages as session_messages
    from linviz.ui import messages as ui_messages

    return {f"{m.__name__}.{name}": table for m in (text, session_messages, ui_messages)
            for name, table in vars(m).items() if name.endswith("TEMPLATES") and isinstance(table, dict)}


def test_every_table_of_codes_is_one_the_app_reads():
    """A code defined anywhere can be shown: it is in TEMPLATES with the same English."""
    for where, table in every_table().items():
        for code, template in table.items():
            assert TEMPLATES.get(code) == template, f"{where}[{code!r}] is not in TEMPLATES (or differs)"


def spanish(message: Message) -> str:
    """``message`` as the catalogue says it in Spanish (nested messages too)."""
    params = [spanish(p) if isinstance(p, Message) else p for p in message.params]
    return CATALOGUE[TEMPLATES[message.code]][0].format(*params)


@pytest.fixture
def in_spanish(qapp):
    i18n.set_language(qapp, "es")
    yield
    i18n.set_language(qapp, "en")
    presentation.set_language("en")


def sample(code: str) -> Message:
    """A message of ``code`` with made-up parameters (a Message where the template nests one)."""
    slots = sorted({int(n) for n in SLOT.findall(TEMPLATES[code])})
    params = [f"«{code}-{i}»" for i in range(len(slots))]
    if code == "diverged":
        params[1] = Message("cause_lr", ("1e+06",), "error")
    if code == "in_file":
        params[1] = Message("file_empty", (), "error")
    return Message(code, tuple(params), "error")


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_code_has_a_finished_spanish_entry_with_the_same_slots(code):
    template = TEMPLATES[code]
    assert template in CATALOGUE, f"{code}: not in the catalogue (run tools/update_translations.py)"
    text, finished = CATALOGUE[template]
    assert finished and text.strip(), f"{code}: the Spanish entry is unfinished"
    assert sorted(SLOT.findall(text)) == sorted(SLOT.findall(template)), f"{code}: slots differ"
    if re.sub(r"\{\d+\}|[^A-Za-z]", "", template):  # some words to translate
        assert text != template, f"{code}: the 'translation' is the English text"


def test_the_status_line_shows_every_code_in_spanish(window, in_spanish):
    for code in sorted(TEMPLATES):
        message = sample(code)
        window.session.tell(message)
        shown = window.message_label.text()
        assert shown == spanish(message), code
        assert all(p in shown for p in message.params if isinstance(p, str)), code  # every parameter is shown


# --- provoked through the window ------------------------------------------------------------------
@pytest.fixture
def notices(window):
    seen = []
    window.session.notice.connect(seen.append)
    return seen


def provoked(window, notices, code):
    said = [m for m in notices if m.code == code]
    assert said, f"{code} was not raised: {[m.code for m in notices]}"
    assert window.message_label.text() == spanish(said[-1]), code
    return said[-1]


def test_divergence_in_spanish(window, in_spanish, notices):
    window.session.update_settings(lr=1e305)
    provoked(window, notices, "diverged")


def test_a_blowing_up_loss_in_spanish(window, in_spanish, notices):
    window.session.update_settings(lr=100.0)  # α = 100: the screenshot's setting
    codes = {m.code for m in notices}
    assert codes & {"diverged", "blowing_up"}
    provoked(window, notices, "diverged" if "diverged" in codes else "blowing_up")


def test_knn_k_larger_than_the_points_in_spanish(window, in_spanish, notices):
    window.session.update_settings(model="knn", knn=KnnSettings(k=50))
    m = provoked(window, notices, "knn_too_few")
    assert m.params == (50, len(window.data.dataset))


def test_typed_w_out_of_range_in_spanish(window, in_spanish, notices):
    s = window.session
    s.edit_params(np.full_like(s.W, 1e308), s.b)
    provoked(window, notices, "params_out_of_range")


@pytest.mark.parametrize("edit, code", [
    (lambda run: run.__setitem__("final_loss", run["final_loss"] + 1.0), "replay_loss"),
    (lambda run: run.__setitem__("final_loss", None), "replay_no_final"),
])
def test_a_lesson_that_does_not_replay_in_spanish(window, in_spanish, notices, tmp_path, edit, code):
    path = tmp_path / "leccion.linviz"
    assert window.lesson.save_to(path)
    doc = json.loads(path.read_text())
    edit(doc["runs"][0])
    path.write_text(json.dumps(doc))
    assert window.lesson.load(path)
    provoked(window, notices, code)


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.mark.parametrize("name, text, message", [
    ("vacio.csv", "", Message("file_empty")),
    ("rotos.csv", "x,y,label\n1,2\n", Message("file_columns", (2, 2))),
    ("letras.csv", "x,y,label\n1,dos,0\n", Message("file_not_number", (2, "y", "'dos'"))),
])
def test_a_bad_points_file_in_spanish(window, in_spanish, boxes, tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    before = window.data.dataset
    window.open_points(str(tmp_path / name))
    assert window.data.dataset is before
    shown = window.message_label.text()
    expected = spanish(Message("in_file", (name, message)))
    assert shown == expected or shown == spanish(message), shown
    assert boxes and boxes[-1] == shown


def test_a_truncated_lesson_in_spanish(window, in_spanish, boxes, tmp_path):
    path = tmp_path / "cortada.linviz"
    assert window.lesson.save_to(path)
    path.write_text(path.read_text()[:200])
    assert not window.lesson.load(path)
    shown = window.message_label.text()
    template = CATALOGUE[TEMPLATES["lesson_json"]][0]
    pattern = re.escape(SLOT.sub("\0", template)).replace("\0", ".+")
    assert re.fullmatch(f"cortada.linviz: {pattern}", shown), shown


@pytest.mark.parametrize("edit, said", [
    (lambda s: s.__setitem__("model", "foo"), "settings: model: modelo desconocido 'foo'; elegir uno de "),
    (lambda s: s.__setitem__("init", "bar"), "settings: init: inicialización desconocida 'bar'; elegir una de "),
    (lambda s: s["knn"].__setitem__("k", 0), "settings.knn: k debe ser un entero ≥ 1; se obtuvo 0"),
    (lambda s: s["knn"].__setitem__("metric", "l7"), "settings.knn: la distancia debe ser una de l1, l2; se obtuvo 'l7'"),
])
def test_a_lesson_with_bad_settings_is_refused_in_spanish(window, in_spanish, boxes, tmp_path, edit, said):
    """The key and the value are the file's; what is wrong with them reads in Spanish."""
    path = tmp_path / "mala.linviz"
    assert window.lesson.save_to(path)
    doc = json.loads(path.read_text())
    edit(doc["settings"])
    path.write_text(json.dumps(doc))
    assert not window.lesson.load(path)
    assert window.message_label.text().startswith(f"mala.linviz: {said}")


def test_a_window_opened_in_spanish_names_its_classes_in_spanish(qtbot, in_spanish):
    """The first points of a window started in Spanish read "clase 1" … in the legend and tables."""
    from linviz.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.data.dataset.class_names == ("clase 1", "clase 2", "clase 3")
    assert w.session.state.dataset.class_names == ("clase 1", "clase 2", "clase 3")


@pytest.mark.parametrize("width", [1280, 1920])
def test_the_divergence_banner_shows_the_step_and_the_setting_at_projector_widths(window, in_spanish, notices,
                                                                                    width, qtbot):
    """At α = 100 the status line, one line high, still shows where the loss left the finite range
    and which setting caused it (the rest is in its tooltip)."""
    window.resize(width, 800)
    qtbot.wait(50)
    window.session.update_settings(lr=100.0)
    m = provoked(window, notices, "diverged")
    shown = window.message_label.shown_text()
    assert f"en el paso {m.params[0]}" in shown and "α = 100" in shown, shown
    assert window.message_label.toolTip() == window.message_label.text()
