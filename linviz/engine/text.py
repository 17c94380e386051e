"""Texts a user reads, kept Qt-free: the translation marker and coded messages.

The engine and the session core never write a finished sentence for the user: they return a
:class:`Message` — a code, its parameters and a level — and whoever shows it picks the
language (the app translates through Qt Linguist, the command line stays English).

``QT_TRANSLATE_NOOP(context, text)`` marks a literal English text for ``pyside6-lupdate``
(``tools/update_translations.py``) without translating it here; the UI translates it where it
is shown with ``QCoreApplication.translate(context, text)``. It is defined once, in this module,
for the engine, the session core and the UI alike.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("info", "warning", "error")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for translation in ``context`` without translating it (no Qt here)."""
    return text


@dataclass(frozen=True)
class Message:
    """Something the user must be told: ``code`` names the sentence (a key of a template table,
    e.g. ``linviz.session.messages.TEMPLATES``), ``params`` fill its ``{0}``, ``{1}`` … slots,
    ``level`` is "info", "warning" or "error"."""

    code: str
    params: tuple = ()
    level: str = "info"

    def __post_init__(self):
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {self.level!r}")
        object.__setattr__(self, "params", tuple(self.params))


__all__ = ["Message", "QT_TRANSLATE_NOOP", "LEVELS"]
