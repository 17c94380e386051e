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


ENGINE_TEMPLATES: dict[str, str] = {
    # training settings
    "bad_lr": QT_TRANSLATE_NOOP("Message", "the learning rate must be a finite number > 0, not {0}"),
    "bad_batch_size": QT_TRANSLATE_NOOP("Message", "the batch size must be ≥ 1 (or full), not {0}"),
    "bad_steps": QT_TRANSLATE_NOOP("Message", "the number of steps must be ≥ 0, not {0}"),
    "bad_tol": QT_TRANSLATE_NOOP("Message", "tol must be ≥ 0, not {0}"),
    "bad_gtol": QT_TRANSLATE_NOOP("Message", "gtol must be ≥ 0, not {0}"),
    # points files
    "file_empty": QT_TRANSLATE_NOOP("Message", "line 1: the file is empty (a points file needs at least a header)"),
    "file_columns": QT_TRANSLATE_NOOP(
        "Message", "line {0}: wrong number of columns: {1} found, 3 expected (x,y,label)"),
    "file_not_number": QT_TRANSLATE_NOOP("Message", "line {0}: text where a number belongs: {1} = {2}"),
    "file_json": QT_TRANSLATE_NOOP("Message", "line {0}, column {1}: invalid or truncated JSON: {2}"),
    "file_not_found": QT_TRANSLATE_NOOP("Message", "{0}: file not found"),
    "in_file": QT_TRANSLATE_NOOP("Message", "{0}: {1}"),
    "cannot_write": QT_TRANSLATE_NOOP("Message", "{0}: cannot write file: {1}"),
    # lesson files
    "lesson_empty": QT_TRANSLATE_NOOP("Message", "the file is empty"),
    "lesson_json": QT_TRANSLATE_NOOP(
        "Message", "line {0}, column {1}: the file is truncated or not valid JSON ({2})"),
    # CIFAR-10
    "download_failed": QT_TRANSLATE_NOOP("Message", "{0}: the download failed ({1})"),
    "download_corrupt": QT_TRANSLATE_NOOP(
        "Message", "{0}: the download is corrupt, its checksum does not match; nothing was kept ({1})"),
    "cifar_no_folder": QT_TRANSLATE_NOOP("Message", "{0}: no such folder"),
}
"""English templates of the engine's coded errors (context ``"Message"``; ``{0}`` … are the
parameters; a parameter may itself be a Message, as the reason of ``in_file``). A text from
the operating system or a parser (``{2}`` of ``file_json``) is passed on as it came."""


def english(message: Message, templates: dict[str, str] | None = None) -> str:
    """``message`` in English: its template filled with its parameters (Messages among them
    in English too)."""
    templates = ENGINE_TEMPLATES if templates is None else templates
    params = [english(p, templates) if isinstance(p, Message) else p for p in message.params]
    return templates[message.code].format(*params)


class Explained(Exception):
    """Mixed into an engine error that says what is wrong as a coded :class:`Message`:
    ``error.message`` (code, parameters) for the app to translate, ``str(error)`` in English
    for the command line and logs."""

    def __init__(self, message, *args):
        if isinstance(message, Message):
            self.message = message
            message = english(message)
        else:
            self.message = None
        super().__init__(message, *args)


def explained(error_type: type, code: str, *params) -> Exception:
    """``error_type(Message(code, params, "error"))``: an engine error with a coded message."""
    return error_type(Message(code, params, "error"))


def reason(error: BaseException):
    """What an error says: its coded Message when it has one, else its English text."""
    message = getattr(error, "message", None)
    return message if isinstance(message, Message) else str(error)


__all__ = ["Message", "QT_TRANSLATE_NOOP", "LEVELS", "ENGINE_TEMPLATES", "Explained", "explained", "english", "reason"]
