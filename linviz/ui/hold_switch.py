"""The "retrain on edit" switch: hold W while points and settings change (the CS231n demo's way).

On (the default) an edit of the points or of a setting trains again from step 0 (or branches).
Off, the W on screen is held: moving or adding a point recomputes its scores and losses with
that W, so "what if the car's scores change a little?" is one drag. The switch is a check box
at the right of the status bar, always in view, and Edit ▸ Retrain on edit (H); lecture scenes
set it too. It only forwards to the session (``SessionModel.set_hold_w``) and follows it back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox

from . import i18n

translate = QCoreApplication.translate


class HoldSwitch(QCheckBox):
    """Checked = retrain on edit (objectName ``retrainOnEdit``); unchecked = W held."""

    def __init__(self, window):
        super().__init__()
        self.setObjectName("retrainOnEdit")
        self.window_ = window
        self.session = window.session
        self.action = QAction(window)
        self.action.setObjectName("action_retrain_on_edit")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("H"))
        self.action.setShortcutContext(Qt.WindowShortcut)
        self.action.toggled.connect(self._set)
        self.toggled.connect(self._set)
        self.session.hold_changed.connect(self.sync)
        i18n.notifier.changed.connect(self.retranslate)
        self.retranslate()
        self.sync()

    def retranslate(self, *_args) -> None:
        text = translate("HoldSwitch", "Retrain on edit")
        tip = translate("HoldSwitch", "On: moving a point or changing a setting trains again. Off (H): the W on "
                                      "screen is held, and an edit only recomputes the scores and losses.")
        self.setText(text)
        self.setToolTip(tip)
        self.action.setText(text)
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def _set(self, retrain: bool) -> None:
        if self.session.hold_w == retrain:  # hold is the opposite of retrain
            self.session.set_hold_w(not retrain)
        self.sync()

    def sync(self, *_args) -> None:
        """Follow the session (a lecture scene, a lesson, undo may change it)."""
        retrain = not self.session.hold_w
        for w in (self, self.action):
            if w.isChecked() != retrain:
                w.blockSignals(True)
                w.setChecked(retrain)
                w.blockSignals(False)
        self.setStyleSheet("" if retrain else "QCheckBox { color: #8A5A00; font-weight: bold; }")


def install(window) -> HoldSwitch:
    """The switch in the status bar and in the Edit menu (idempotent)."""
    if getattr(window, "hold_switch", None) is not None:
        return window.hold_switch
    switch = HoldSwitch(window)
    window.statusBar().addPermanentWidget(switch)
    window.addAction(switch.action)
    menu = i18n.find_menu(window, "edit_menu", "&Edit")
    if menu is not None:
        menu.addSeparator()
        menu.addAction(switch.action)
    window.hold_switch = switch
    return switch


__all__ = ["HoldSwitch", "install"]
