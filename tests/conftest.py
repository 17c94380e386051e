"""Every test: Qt offscreen, the user's folders replaced by a temporary one, and no window left open.

- ``XDG_CONFIG_HOME``, ``XDG_DATA_HOME`` and ``XDG_CACHE_HOME`` point into a temporary folder
  before anything reads them, so no test reads or writes the settings, autosave or CIFAR-10
  cache of whoever runs the suite (and a crash of one run cannot offer a restore to the next).
- Windows a test opened (directly or through ``linviz bench`` and ``linviz render``) are
  closed after it: left open, each would repaint on every later ``processEvents`` and the
  suite would slow down test after test.
"""

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="linviz-tests-")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_HOME, _var.lower())

import pytest  # noqa: E402


def _top_levels() -> set:
    if "PySide6.QtWidgets" not in sys.modules:  # engine tests never start Qt
        return set()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return set(app.topLevelWidgets()) if app is not None else set()


@pytest.fixture(autouse=True)
def close_leftover_windows():
    """After each test, close every visible top-level window it left open."""
    before = _top_levels()
    yield
    left = [w for w in _top_levels() - before if w.isVisible()]
    for widget in left:
        widget.close()
        widget.deleteLater()
    if left:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
