"""The CIFAR-10 window: data, training in a worker, cancel, score table, kNN, search, download.

Tests that train read the real images in ../shared/data/cifar-10-batches-py and are
skipped when it is absent; the rest use a tiny fake folder written here. Nothing
touches the network: the download is a monkeypatched ``download_cifar10``.
Small sizes throughout (a few hundred images, a few hundred updates).
"""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer

from linviz.engine import cifar as cifar_engine
from linviz.engine.cifar import CLASS_NAMES, DownloadCancelled
from linviz.engine.image_training import hyperparameter_search, recommended_config
from linviz.engine.knn import KNearestNeighbors
from linviz.engine.losses import log_softmax, per_example_terms
from linviz.ui.cifar import ACTION_NAME, CifarWindow, install
from linviz.ui.cifar.models import KIND_ROLE
from linviz.ui.cifar.window import EMPTY_TEXT, PROGRESS_STEPS
from linviz.ui.views.params_table import VALUE_ROLE

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "cifar-10-batches-py"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"the CIFAR-10 subset is not at {DATA}")
TIMEOUT = 60000


# ----------------------------------------------------------------------------- helpers


def write_fake_cifar(folder: Path, n: int = 30, seed: int = 0) -> Path:
    """A tiny folder in the official format: data_batch_1, test_batch, batches.meta."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    for name in ("data_batch_1", "test_batch"):
        d = {b"data": rng.integers(0, 256, (n, 3072), dtype=np.uint8), b"labels": [i % 10 for i in range(n)]}
        (folder / name).write_bytes(pickle.dumps(d, protocol=2))
    meta = {b"label_names": [c.encode() for c in CLASS_NAMES]}
    (folder / "batches.meta").write_bytes(pickle.dumps(meta, protocol=2))
    return folder


@pytest.fixture(autouse=True)
def no_cached_download(monkeypatch):
    """Whatever the machine's cache holds, the window starts without data."""
    monkeypatch.setattr(cifar_engine, "find_cached_cifar10", lambda *a, **k: None)


@pytest.fixture
def cw(qtbot):
    """A shown CIFAR window with no data."""
    win = CifarWindow()
    qtbot.addWidget(win)
    win.resize(1500, 950)
    win.show()
    qtbot.waitUntil(win.isVisible)
    return win


def small(win: CifarWindow, model="svm", features="raw", train=600, val=200, test=300, iters=150, k=3):
    """Load the real subset and choose small, quick settings."""
    assert win.load_folder(DATA)
    s = win.settings
    s.set_model(model, features)
    s.val_spin.setValue(val)
    s.train_spin.setValue(train)
    s.test_spin.setValue(test)
    s.iters_spin.setValue(iters)
    s.k_spin.setValue(k)


def train(qtbot, win: CifarWindow) -> None:
    assert win.start_training()
    assert win.is_busy()
    qtbot.waitUntil(lambda: not win.is_busy(), timeout=TIMEOUT)


# ----------------------------------------------------------------------------- data


def test_starts_empty_without_a_cached_download(cw):
    assert cw.data is None
    assert EMPTY_TEXT in cw.empty_label.text()
    assert cw.stack.currentIndex() == 0
    assert not cw.settings.train_button.isEnabled()
    assert not cw.start_training()
    assert "No CIFAR-10 data yet" in cw.message()
    assert cw.gallery_model.rowCount() == 0


def test_uses_the_cached_download_on_start(qtbot, tmp_path, monkeypatch):
    folder = write_fake_cifar(tmp_path / "cache" / "cifar-10-batches-py")
    monkeypatch.setattr(cifar_engine, "find_cached_cifar10", lambda *a, **k: folder)
    win = CifarWindow()
    qtbot.addWidget(win)
    assert win.data is not None and win.folder == folder
    assert win.gallery_model.rowCount() == 30


def test_fake_folder_loads_and_its_parent_is_accepted(cw, tmp_path):
    write_fake_cifar(tmp_path / "cifar-10-batches-py", n=40)
    assert cw.load_folder(tmp_path)  # the parent of cifar-10-batches-py
    assert cw.data.X_train.shape == (40, 32, 32, 3)
    assert cw.stack.currentIndex() == 1
    assert cw.gallery_model.rowCount() == 40
    assert cw.settings.mean_image.shape == (32, 32, 3)


def test_a_bad_folder_shows_the_file_and_fault_and_changes_nothing(cw, tmp_path):
    good = write_fake_cifar(tmp_path / "good")
    assert cw.load_folder(good)
    before = cw.data
    bad = write_fake_cifar(tmp_path / "bad")
    (bad / "data_batch_1").write_bytes(b"\x80\x02}q\x00(")  # a pickle cut short
    assert not cw.load_folder(bad)
    assert str(bad / "data_batch_1") in cw.message()
    assert "truncated" in cw.message()
    assert cw.message_label.property("level") == "error"
    assert cw.data is before and cw.folder == good
    assert not cw.load_folder(tmp_path / "nowhere")
    assert "no such folder" in cw.message()
    assert cw.data is before


@needs_data
def test_the_shared_folder_shows_every_test_image(cw):
    assert cw.load_folder(DATA)
    assert len(cw.data.y_train) == 10000
    assert cw.gallery_model.rowCount() == 10000
    cw.gallery.class_combo.setCurrentIndex(cw.gallery.class_combo.findData(3))  # cats
    assert cw.gallery_model.rowCount() == 1000
    assert set(cw.gallery_model.labels[cw.gallery_model.rows]) == {3}


# ----------------------------------------------------------------------------- training


@needs_data
def test_training_in_the_worker_fills_every_view(qtbot, cw):
    small(cw)
    train(qtbot, cw)
    run, prep = cw.run, cw.prepared
    assert run is not None and not run.stopped and run.iterations == 150
    assert cw.curves.n_points == 150
    x, y = cw.curves.loss_item.getData()
    assert len(x) == 150 and np.allclose(y, run.loss_history)
    assert run.val_accuracy > 0.15
    assert cw.result.test_acc > 0.15
    assert cw.templates_view.images.shape == (10, 32, 32, 3)
    assert cw.templates_view.images.dtype == np.uint8
    assert cw.confusion.sum() == len(prep.y_test) == 300
    assert np.trace(cw.confusion) == round(cw.result.test_acc * 300)
    assert cw.gallery_model.rowCount() == 300
    assert cw.gallery_model.pred is not None
    assert cw.progress_bar.value() == PROGRESS_STEPS


@needs_data
def test_cancel_stops_a_long_training_and_the_window_stays_responsive(qtbot, cw):
    small(cw, iters=100000)
    ticks = []
    timer = QTimer(cw)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    assert cw.start_training()
    qtbot.waitUntil(lambda: cw.curves.n_points > 0, timeout=TIMEOUT)
    n_before = len(ticks)
    qtbot.wait(300)
    assert len(ticks) - n_before >= 5  # the GUI thread kept running its timers while training
    cw.cancel()
    qtbot.waitUntil(lambda: not cw.is_busy(), timeout=TIMEOUT)
    timer.stop()
    assert cw.run is None or (cw.run.stopped and cw.run.iterations < 100000)
    assert cw.settings.train_button.isEnabled() and not cw.cancel_button.isEnabled()
    cw.settings.iters_spin.setValue(20)  # and it trains again
    train(qtbot, cw)
    assert cw.run.iterations == 20


@needs_data
def test_svm_score_table_is_the_engines(qtbot, cw):
    small(cw, iters=100)
    train(qtbot, cw)
    run, prep = cw.run, cw.prepared
    i = 7
    assert cw.select_test_image(i)
    m = cw.score_model
    scores = run.scores(prep.X_test[i : i + 1])
    col = m.column_of("score")
    for j in range(10):
        assert m.index(j, col).data(VALUE_ROLE) == pytest.approx(float(scores[0, j]), rel=1e-6, abs=1e-9)
        assert m.index(j, col).data(KIND_ROLE) == "score"
    terms = per_example_terms(scores.astype(np.float64), prep.y_test[i : i + 1], run.config.loss)[0]
    for j in range(10):
        assert m.value("term", j) == pytest.approx(terms[j], abs=1e-6)
    L_row = m.rowCount() - 1
    assert m.index(L_row, m.column_of("term")).data(VALUE_ROLE) == pytest.approx(terms.sum(), abs=1e-6)
    assert m.value("L") == pytest.approx(terms.sum(), abs=1e-6)
    assert cw.score_panel.test_row == i
    # a click on a gallery image shows that image's scores
    cw.tabs.setCurrentIndex(cw.tabs.indexOf(cw.gallery.parentWidget()))
    index = cw.gallery_model.index(4)
    qtbot.mouseClick(cw.gallery.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=cw.gallery.list.visualRect(index).center())
    row = index.data(VALUE_ROLE)
    assert cw.score_panel.test_row == row
    assert m.value("score", 0) == pytest.approx(float(run.scores(prep.X_test[row : row + 1])[0, 0]), rel=1e-6)


@needs_data
def test_softmax_score_table_and_feature_defaults(qtbot, cw):
    small(cw, model="softmax", features="hog", iters=100)
    cfg = recommended_config("softmax", "hog")
    assert cw.settings.lr_spin.value() == pytest.approx(cfg.lr)
    assert cw.settings.reg_spin.value() == pytest.approx(cfg.reg.lam)
    train(qtbot, cw)
    assert cw.templates_view.images is None
    assert "raw pixels" in cw.templates_view.note.text()
    i = 3
    cw.select_test_image(i)
    s = cw.run.scores(cw.prepared.X_test[i : i + 1]).astype(np.float64)
    logp = log_softmax(s)[0]
    m = cw.score_model
    assert m.columns == ("score", "exp", "prob")
    assert [m.value("prob", j) for j in range(10)] == pytest.approx(np.exp(logp).tolist(), abs=1e-9)
    assert m.value("exp", 0) == pytest.approx(np.exp(s[0, 0]), rel=1e-6)
    assert m.value("L") == pytest.approx(-logp[cw.prepared.y_test[i]], abs=1e-9)


@needs_data
def test_knn_shows_the_engines_neighbours(qtbot, cw):
    small(cw, model="knn", train=500, test=100, k=3)
    train(qtbot, cw)
    assert cw.run is None and cw.knn is not None
    prep = cw.prepared
    assert cw.confusion.sum() == 100
    i = 5
    cw.select_test_image(i)
    dist, idx = KNearestNeighbors(3, "l2").fit(prep.X_train, prep.y_train, 10).kneighbors(prep.X_test[i : i + 1])
    nv = cw.score_panel.neighbours
    np.testing.assert_array_equal(nv.rows, idx[0])
    np.testing.assert_allclose(nv.distances, dist[0], rtol=1e-6)
    np.testing.assert_array_equal(nv.labels, prep.y_train[idx[0]])
    np.testing.assert_array_equal(nv.train_indices, prep.train_idx[idx[0]])
    votes = [cw.score_model.value("votes", j) for j in range(10)]
    assert votes == np.bincount(prep.y_train[idx[0]], minlength=10).tolist()
    assert "no loss" in cw.curves.knn_label.text()


@needs_data
def test_search_heat_map_is_the_search_result_and_apply_best(qtbot, cw):
    small(cw, train=500, val=200, test=100)
    lrs, regs = [1e-8, 1e-7], [2.5e3, 2.5e4]
    assert cw.search(lrs, regs, iters=40)
    qtbot.waitUntil(lambda: not cw.is_busy(), timeout=TIMEOUT)
    result = cw.search_result
    assert result is not None and result.val_acc.shape == (2, 2)
    np.testing.assert_array_equal(cw.search_view.values, result.val_acc)
    again = hyperparameter_search(cw.prepared, lrs, regs, cw.settings.request().config(), iters=40)
    np.testing.assert_array_equal(again.val_acc, result.val_acc)  # the same seeded runs
    assert cw.search_view.apply_button.isEnabled()
    cw.settings.set_lr_reg(1e-3, 1.0)
    assert cw.apply_best()
    lr, reg, _ = result.best
    assert cw.settings.lr_spin.value() == pytest.approx(lr, rel=1e-9)
    assert cw.settings.reg_spin.value() == pytest.approx(reg, rel=1e-9)


# ----------------------------------------------------------------------------- download


def test_download_reports_progress_then_loads(qtbot, cw, tmp_path, monkeypatch):
    folder = write_fake_cifar(tmp_path / "cifar-10-batches-py")
    calls = []

    def fake_download(cache_dir=None, *, progress=None, should_stop=None, **kwargs):
        for done in (0, 10, 20, 30):
            progress(done, 30)
            calls.append(done)
        return folder

    monkeypatch.setattr(cifar_engine, "download_cifar10", fake_download)
    seen = []
    cw.progress_bar.valueChanged.connect(seen.append)
    assert cw.start_download()
    qtbot.waitUntil(lambda: not cw.is_busy() and cw.data is not None, timeout=TIMEOUT)
    assert calls == [0, 10, 20, 30]
    assert max(seen) == PROGRESS_STEPS and cw.progress_bar.value() == PROGRESS_STEPS
    assert cw.folder == folder and cw.gallery_model.rowCount() == 30


def test_cancelled_download_keeps_nothing(qtbot, cw, monkeypatch):
    def fake_download(cache_dir=None, *, progress=None, should_stop=None, **kwargs):
        progress(5, 30)
        raise DownloadCancelled("the CIFAR-10 download was cancelled")

    monkeypatch.setattr(cifar_engine, "download_cifar10", fake_download)
    assert cw.start_download()
    qtbot.waitUntil(lambda: not cw.is_busy(), timeout=TIMEOUT)
    assert cw.message() == "Download cancelled; nothing was kept."
    assert cw.data is None and cw.stack.currentIndex() == 0


def test_cancel_button_reaches_the_download(qtbot, cw, monkeypatch):
    def fake_download(cache_dir=None, *, progress=None, should_stop=None, **kwargs):
        while not should_stop():  # a download that only ends when asked to
            progress(1, 30)
            time.sleep(0.005)
        raise DownloadCancelled("the CIFAR-10 download was cancelled")

    monkeypatch.setattr(cifar_engine, "download_cifar10", fake_download)
    assert cw.start_download()
    qtbot.waitUntil(lambda: "Downloading" in cw.status_label.text(), timeout=TIMEOUT)
    cw.cancel_button.click()
    qtbot.waitUntil(lambda: not cw.is_busy(), timeout=TIMEOUT)
    assert "nothing was kept" in cw.message() and cw.data is None


# ----------------------------------------------------------------------------- the main window


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no window stacking
@pytest.mark.parametrize("has_data_menu", [True, False])
def test_install_on_a_bare_main_window(qtbot, has_data_menu):
    from PySide6.QtWidgets import QMainWindow

    main = QMainWindow()
    qtbot.addWidget(main)
    if has_data_menu:
        main.menuBar().addMenu("&File")
        main.menuBar().addMenu("&Data")
    launcher = install(main)
    assert launcher.menu.title() == ("&Data" if has_data_menu else "&Images")
    titles = [a.text() for a in main.menuBar().actions()]
    assert titles.count(launcher.menu.title()) == 1
    assert launcher.open() is launcher.open()
    qtbot.addWidget(launcher.window)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no window stacking
def test_install_adds_the_action_and_opens_one_window(qtbot, window):
    launcher = install(window)
    action = window.findChild(type(launcher.action), ACTION_NAME)
    assert action is launcher.action
    assert action.shortcut().toString() == "Ctrl+I"
    assert launcher.menu.title() in ("&Data", "&Images")
    assert action in launcher.menu.actions()
    action.trigger()
    first = launcher.window
    qtbot.addWidget(first)
    assert first is not None and first.isVisible()
    action.trigger()
    assert launcher.window is first  # one instance, raised again
    window.close()
    assert not first.isVisible()  # closes with the main window


@needs_data
def test_class_names_follow_the_language(qtbot, cw):
    """CIFAR-10's class names are data ("airplane" in batches.meta) but shown in the language
    chosen: the confusion matrix's headers, the gallery's rows and the score panel's title follow
    a switch to Spanish and back."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from linviz.ui import i18n

    small(cw, model="knn", train=300, val=50, test=60)
    train(qtbot, cw)
    conf = cw.confusion_view.model

    def headers():
        return [conf.headerData(j, Qt.Orientation.Vertical) for j in range(10)]

    assert headers()[:3] == ["airplane", "automobile", "bird"]
    try:
        i18n.set_language(QApplication.instance(), "es")
        qtbot.wait(20)
        assert headers() == ["avión", "automóvil", "pájaro", "gato", "ciervo", "perro", "rana", "caballo", "barco",
                             "camión"]
        assert set(cw.gallery_model.class_names) == set(headers())
    finally:
        i18n.set_language(QApplication.instance(), "en")
    qtbot.wait(20)
    assert headers()[:3] == ["airplane", "automobile", "bird"]
