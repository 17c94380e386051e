"""In Spanish, a refused points file or lesson says what is wrong in Spanish (issue 12): the
engine raises coded messages (engine/text.py) and the window translates them.

Each file is written by the test; the Spanish sentence expected is written here by hand, not
computed with the function the app uses to translate."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from linviz.engine.datasets import make_preset, to_json
from linviz.ui import i18n, presentation

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

POINTS = {
    "puntos.csv": ("x;y;label\n1;2;0\n",
                   "puntos.csv: línea 1: número de columnas incorrecto: hay 1, se esperaban 3 (x,y,clase) "
                   "(separe las columnas con comas)"),
    "negativo.csv": ("x,y,label\n1,2,0\n1,2,-1\n",
                     "negativo.csv: línea 3: la etiqueta -1 es negativa; los índices de clase empiezan en 0"),
    "lejos.csv": ("x,y,label\n1,2e7,0\n",
                  "lejos.csv: línea 2: y = 2e+07 es demasiado grande; las coordenadas deben estar dentro de ±1e+06"),
    "otro.json": ('{"a": 1}',
                  'otro.json: no es un archivo de puntos de linviz: se esperaba un objeto con "format": '
                  '"linviz-points"'),
    "clases.json": ('{"format": "linviz-points", "version": 1, "class_names": ["a", "a"], "points": []}',
                    "clases.json: el nombre de clase 'a' se usa dos veces; los nombres de clase deben ser únicos"),
}


@pytest.fixture
def spanish(qapp):
    i18n.set_language(qapp, "es")
    yield
    i18n.set_language(qapp, "en")
    presentation.set_language("en")


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


@pytest.mark.parametrize("name", sorted(POINTS))
def test_a_refused_points_file_says_why_in_spanish(window, spanish, boxes, tmp_path, name):
    text, spanish_message = POINTS[name]
    before = window.data.dataset
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    window.open_points(str(path))
    assert window.data.dataset is before
    assert boxes == [("No se pudo abrir el archivo", spanish_message)]
    assert window.message_label.text() == spanish_message


def lesson_doc(window, tmp_path) -> dict:
    path = tmp_path / "bien.linviz"
    assert window.lesson.save_to(path)
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_points_file_opened_as_a_lesson_says_so_in_spanish(window, spanish, boxes, tmp_path):
    path = tmp_path / "puntos.linviz"
    path.write_text(to_json(make_preset("cs231n")), encoding="utf-8")
    before = window.data.dataset
    assert not window.lesson.load(path)
    assert window.data.dataset is before
    expected = ("puntos.linviz: no es una lección de linviz: \"format\" es el texto 'linviz-points', se esperaba "
                "\"linviz-lesson\" (es un archivo de puntos: use Archivo → Abrir puntos…)")
    assert boxes and boxes[0][1] == expected


def test_a_lesson_with_an_unknown_setting_says_so_in_spanish(window, spanish, boxes, tmp_path):
    doc = lesson_doc(window, tmp_path)
    doc["settings"]["train"]["speed"] = 3
    path = tmp_path / "editada.linviz"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert not window.lesson.load(path)
    assert boxes and boxes[0][1] == "editada.linviz: settings.train.speed: ajuste desconocido"


def test_a_cifar_folder_without_training_batches_says_so_in_spanish(qtbot, spanish, tmp_path):
    from linviz.ui.cifar import CifarWindow

    folder = tmp_path / "cifar-10-batches-py"
    folder.mkdir()
    cw = CifarWindow()
    qtbot.addWidget(cw)
    assert not cw.load_folder(folder)
    assert cw.message() == (f"No se pudo cargar CIFAR-10: {folder}: no hay ningún lote de entrenamiento "
                            "(data_batch_1 … data_batch_5) en esta carpeta")
    assert cw.data is None


def test_a_link_to_dev_zero_is_refused_in_spanish(window, spanish, boxes, tmp_path):
    link = tmp_path / "cero.csv"
    link.symlink_to("/dev/zero")
    before = window.data.dataset
    window.open_points(str(link))
    assert window.data.dataset is before
    assert boxes == [("No se pudo abrir el archivo", f"{link}: no es un archivo común (una tubería, un dispositivo o "
                                                     "una carpeta); linviz solo lee archivos")]
