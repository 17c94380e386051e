"""The compare mode: two to four training runs side by side, on the same points, from the
same starting W, played by one clock.

* The panes share the main window's :class:`DatasetModel`: an edit of the points
  retrains every pane. Each pane has its own :class:`SessionModel` (its own
  Settings) and draws it in a :class:`MiniPlane`.
* Every pane starts from the same W0, b0: the settings that choose the start
  (``init``, ``init_scale``, ``seed``, the feature map) are the window's, copied
  into each pane's Settings — the data set's own W0/b0 when it has one (CS231n),
  else one seeded random draw. "Randomise W₀" draws a new one for all.
* :class:`SharedClock` is the one cursor: play/pause, step, scrubber and speed
  move every pane to the same step t. A pane whose run ended earlier (converged,
  diverged) shows its last step and says so; playing past the recorded end
  trains every run on (``SessionModel.extend``), as the main window does.
* :class:`LossOverlay` draws every pane's loss in one plot (one colour and line
  style per pane), with a legend of the pane names and a cursor at t.

The package: ``presets`` (pane headers, the comparisons, the shared start), ``clock``
(SharedClock), ``look`` (letters, colours, line styles), ``editor`` (a pane's settings),
``pane``, ``overlay`` (LossOverlay) and ``window`` (CompareWindow).

``install(main_window)`` adds "Compare…" (Ctrl+K) to the main window's View menu.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from .. import accessibility, i18n, screen_fit
from .clock import SharedClock
from .editor import NumberBox, PaneEditor
from .look import MAX_PANES, MIN_PANES
from .overlay import LossOverlay
from .pane import ComparePane
from .presets import PRESETS, base_settings, describe
from .window import DEFAULT_SIZE, CompareWindow

translate = QCoreApplication.translate


def open_compare(window) -> CompareWindow:
    """Show the main window's compare window (made on first use, on its points and settings)."""
    existing = getattr(window, "compare_window", None)
    if existing is not None and shiboken6.isValid(existing):
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    compare = CompareWindow(window.data, window.session.settings, parent=window)
    compare.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed: its runs stop retraining
    window.compare_window = compare
    screen_fit.place(compare, DEFAULT_SIZE)  # maximised on a projector, inside any screen
    accessibility.install(compare)
    compare.show()
    return compare


def install(window) -> QAction:
    """Add "Compare…" (Ctrl+K, objectName action_compare) to the main window's View menu."""
    action = QAction(translate("Compare", "Compare…"), window)
    action.setObjectName("action_compare")
    action.setShortcut(QKeySequence("Ctrl+K"))
    tip = translate("Compare", "Two to four runs side by side on these points, from the same W₀, played together.")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: open_compare(window))
    bar = window.menuBar()
    menu = i18n.find_menu(window, "view_menu", "&View")
    if menu is None:
        menu = bar.addMenu(translate("Compare", "&Compare"))
    else:
        menu.addSeparator()
    menu.addAction(action)
    window.addAction(action)  # the shortcut works even when the menu bar is hidden
    return action


__all__ = ["CompareWindow", "ComparePane", "SharedClock", "LossOverlay", "PaneEditor", "NumberBox", "PRESETS",
           "describe", "base_settings", "install", "open_compare", "MIN_PANES", "MAX_PANES", "DEFAULT_SIZE"]
