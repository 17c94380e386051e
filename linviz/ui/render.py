"""``linviz render``: the main window at a chosen step, drawn offscreen to a PNG."""

from __future__ import annotations

import os
from pathlib import Path

from linviz.engine.datasets import Dataset
from linviz.engine.training import TrainConfig


def parse_size(text: str) -> tuple[int, int]:
    """'1600x1000' → (1600, 1000); ValueError with a clear message otherwise."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"--size must look like 1600x1000, not {text!r}") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise ValueError(f"--size must lie between 320x240 and 8000x8000, not {text}")
    return w, h


def render_window(dataset: Dataset, model: str, cfg: TrainConfig, init: str, knn: tuple[int, str],
                  out: str | Path, size: tuple[int, int] = (1600, 1000), step: int | None = None,
                  language: str = "en") -> Path:
    """Train like ``linviz train`` and save the window showing step ``step`` (default: the last),
    in ``language`` ("en" or "es"; the app's language is put back afterwards)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from . import i18n
    from .app import make_application
    from .main_window import MainWindow
    from .models import DatasetModel, KnnSettings, SessionModel, Settings

    app = make_application()
    settings = Settings(model=model, train=cfg, knn=KnnSettings(*knn),
                        init="preset" if init == "given" else init)
    data = DatasetModel(dataset)
    window = MainWindow(data, SessionModel(data, settings))
    window.resize(*size)
    window.show()
    app.processEvents()
    before = i18n.language()
    i18n.set_language(app, language)  # after the window: default class names follow it too
    if window.session.history is not None:
        window.session.set_step(window.session.history.last if step is None else step)
    return _save(app, window, out, before)


def render_lecture_scene(lecture, index: int, out: str | Path, size: tuple[int, int] = (1600, 1000),
                         language: str = "en") -> Path:
    """The window in lecture mode on scene ``index`` of ``lecture`` (its answer revealed), saved."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from . import i18n
    from .app import make_application
    from .main_window import MainWindow

    app = make_application()
    before = i18n.language()
    i18n.set_language(app, language)
    window = MainWindow()
    window.resize(*size)
    window.show()
    app.processEvents()
    mode = window.lecture_mode
    mode.open_lecture(lecture)
    mode.start(index)
    mode.reveal()
    return _save(app, window, out, before)


def _save(app, window, out: str | Path, language_before: str) -> Path:
    """Let the window settle, save it to ``out``, close it and put the app's language back."""
    from . import i18n

    for _ in range(3):
        app.processEvents()
    out = Path(out)
    try:
        if not window.grab().save(str(out)):
            raise OSError(f"could not write the image {out}")
    finally:
        window.close()
        i18n.set_language(app, language_before)
    return out
