"""Docks whose view is built the first time it is seen (a start-up trick, issue 17).

The loss surface, the regularisation geometry, the gradient check and the margin chart sit in
tab groups behind the Scores table and the loss curve: the first frame does not show them, yet
building them (plots, a first loss surface on a 100 × 100 grid, a geometry on 161 × 161, a
gradient check, the margins) was a third of the window's construction. A :class:`LazyDock` is
the dock, its title and its tab from the start (layouts save and restore it by its objectName,
menus list it), holding an empty scroll area; its view is built

* when the dock is first seen (its tab brought to the front, the dock shown or floated), or
* when code asks for it through :meth:`LazyDock.view` — the window's ``loss_surface``,
  ``reg_geometry``, ``gradcheck`` and ``margin_chart`` properties are that accessor, so that
  an export of a hidden view or a test reaching into a tab gets a built, current view.

A view is built once and then behaves as before (it keeps itself current only while on
screen). ``built(view)`` is emitted after that, so that the screen reader names its controls
(``accessibility``) like every other control's. Measured with ``linviz bench startup`` on the
2-core VM, alternating launches: see README's start-up figures.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

SCROLL_MIN = (160, 120)
"""A dock's scroll area is at least this large (px), so that the window still fits a 1024 × 768
projector: a dock smaller than its view scrolls instead of pushing."""


def scroll_area() -> QScrollArea:
    """The scroll area every side dock holds its view in. Tab does not stop at it (it passes
    to the controls inside, and the area scrolls to the one with the focus)."""
    scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    scroll.setMinimumSize(*SCROLL_MIN)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


class LazyDock(QDockWidget):
    """A dock whose view ``factory()`` makes on first sight or first :meth:`view` call."""

    built = Signal(QWidget)

    def __init__(self, title: str, object_name: str, factory: Callable[[], QWidget], parent: QWidget):
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self._factory: Callable[[], QWidget] | None = factory
        self._view: QWidget | None = None
        self.setWidget(scroll_area())
        self.visibilityChanged.connect(self._on_visibility)

    @property
    def is_built(self) -> bool:
        return self._view is not None

    def view(self) -> QWidget:
        """The dock's view, built now if it was not yet."""
        if self._view is None:
            factory, self._factory = self._factory, None
            self._view = factory()
            if isinstance(self._view, QScrollArea):
                self.setWidget(self._view)
            else:
                self.widget().setWidget(self._view)
            self.built.emit(self._view)
        return self._view

    def _on_visibility(self, shown: bool) -> None:
        if shown:
            self.view()


__all__ = ["LazyDock", "scroll_area", "SCROLL_MIN"]
