"""In Spanish, every coded message reads in Spanish where the teacher sees it.

Each test provokes one message code through the real window (a diverging rate, k larger than
the points, a bad file, a lesson that does not replay, a failed download …), records the code
the session or the engine gave, and compares the text on screen with the Spanish sentence this
file expects for that code — written here by hand, not computed with the function the app
uses to translate."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import partial

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from linviz.engine import cifar as cifar_engine
from linviz.session.messages import TEMPLATES
from linviz.session.settings import KnnSettings
from linviz.ui import i18n, presentation

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

SPANISH = {
    "knn_too_few": "kNN necesita al menos k = 50 puntos; el plano tiene 9.",
    "diverged": "El entrenamiento divergió: la pérdida salió del rango finito en el paso {0}. α = 1e+305 con λ = 0.1: "
                "la penalización sola multiplica W por -2e+304 en cada paso, así que W no puede estabilizarse. "
                "Probar una tasa de aprendizaje o un λ menores. El plano muestra el paso {1}, el último finito.",
    "params_out_of_range": "W[0][0] = 1e+308 es demasiado grande: los valores de W y b deben estar entre ±1e+06 (uno "
                           "mayor hace la pérdida demasiado grande para calcularla). W y b quedaron como estaban.",
    "typed_params_nonfinite": "Estos W, b dan una pérdida demasiado grande para calcularla en el paso 12. "
                              "Se conservaron W, b como estaban; probar valores más pequeños.",
    "replay_loss": "La corrida 1 de 1 no se reprodujo exactamente: la pérdida final era {0} en el archivo y {1} al "
                   "volver a ejecutarla. Se muestra la nueva ejecución.",
    "file_columns": "rotos.csv: línea 2: número de columnas incorrecto: hay 2, se esperaban 3 (x,y,clase)",
    "file_empty": "vacio.csv: línea 1: el archivo está vacío (un archivo de puntos necesita al menos una cabecera)",
    "lesson_empty": "vacia.linviz: el archivo está vacío",
    "download_failed": "{0}: la descarga falló ({1})",
}


@pytest.fixture
def spanish(qapp):
    i18n.set_language(qapp, "es")
    yield
    i18n.set_language(qapp, "en")
    presentation.set_language("en")


@pytest.fixture
def notices(window):
    """The codes the session told the window, in order."""
    seen = []
    window.session.notice.connect(lambda m: seen.append(m))
    return seen


@pytest.fixture
def boxes(monkeypatch):
    """QMessageBox.warning, recorded instead of shown (the box's text is checked too)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def status(window) -> str:
    return window.message_label.text()


def test_knn_with_too_few_points(window, spanish, notices):
    window.session.update_settings(model="knn", knn=KnnSettings(k=50))
    assert [m.code for m in notices] == ["knn_too_few"]
    assert status(window) == SPANISH["knn_too_few"]


def test_divergence(window, spanish, notices):
    window.session.update_settings(lr=1e305)
    assert [m.code for m in notices] == ["diverged"]
    h = window.session.history
    assert status(window) == SPANISH["diverged"].format(len(h), h.last)
    assert window.message_label.property("level") == "error"


def test_typed_parameters_too_large(window, spanish, notices):
    s = window.session
    s.set_step(12)
    s.edit_params(np.full_like(s.W, 1e308), s.b)  # refused before training (issue 13: entries within ±1e6)
    assert [m.code for m in notices] == ["params_out_of_range"]
    assert status(window) == SPANISH["params_out_of_range"]


def test_a_lesson_that_does_not_replay(window, spanish, notices, tmp_path):
    path = tmp_path / "leccion.linviz"
    assert window.lesson.save_to(path)
    doc = json.loads(path.read_text())
    recorded = doc["runs"][0]["final_loss"]
    doc["runs"][0]["final_loss"] = recorded + 1.0
    path.write_text(json.dumps(doc))
    assert window.lesson.load(path)
    codes = [m.code for m in notices]
    assert codes[-1] == "replay_loss"
    assert status(window) == SPANISH["replay_loss"].format(repr(recorded + 1.0), repr(recorded))


@pytest.mark.parametrize("name, text, code", [("rotos.csv", "x,y,label\n1,2\n", "file_columns"),
                                              ("vacio.csv", "", "file_empty")])
def test_a_bad_points_file(window, spanish, boxes, tmp_path, name, text, code):
    before = window.data.dataset
    path = tmp_path / name
    path.write_text(text)
    window.open_points(str(path))
    assert window.data.dataset is before  # nothing the teacher had is lost
    assert status(window) == SPANISH[code]
    assert boxes == [("No se pudo abrir el archivo", SPANISH[code])]


def test_a_bad_lesson_file(window, spanish, boxes, tmp_path):
    path = tmp_path / "vacia.linviz"
    path.write_text("")
    before = window.data.dataset
    assert not window.lesson.load(path)
    assert window.data.dataset is before
    assert status(window) == SPANISH["lesson_empty"]
    assert boxes and boxes[0][1] == SPANISH["lesson_empty"]


def test_a_failed_download(qtbot, spanish, monkeypatch, tmp_path):
    from linviz.ui.cifar import CifarWindow

    url = "http://127.0.0.1:9/cifar-10-python.tar.gz"  # nothing listens there: the connection is refused
    monkeypatch.setattr(cifar_engine, "find_cached_cifar10", lambda *a, **k: None)
    monkeypatch.setattr(cifar_engine, "download_cifar10",
                        partial(cifar_engine.download_cifar10, cache_dir=tmp_path / "cache", url=url, timeout=5))
    cw = CifarWindow()
    qtbot.addWidget(cw)
    cw.show()
    assert cw.start_download()
    qtbot.waitUntil(lambda: not cw.is_busy(), timeout=20000)
    text = cw.message()
    assert text.startswith(SPANISH["download_failed"].format(url, "")[:-2])  # the OS's reason follows
    assert "la descarga falló" in text and "download failed" not in text
    assert cw.data is None


def test_every_code_the_app_shows_has_spanish_here_or_in_the_catalogue(qapp, spanish):
    """The catalogue has a Spanish sentence for every code (no code falls back to English)."""
    from linviz.ui.messages import message_text
    from linviz.engine.text import Message

    for code, template in TEMPLATES.items():
        n = len(set(__import__("re").findall(r"\{(\d+)\}", template)))
        text = message_text(Message(code, tuple(f"P{i}" for i in range(n))))
        if template != "{0}: {1}":
            assert text != template.format(*(f"P{i}" for i in range(n))), code
        assert all(f"P{i}" in text for i in range(n)), code  # every parameter is shown
