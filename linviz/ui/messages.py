"""Coded messages in the language shown: the one place the UI turns a
:class:`~linviz.engine.text.Message` (code + parameters) into a sentence.

``translate("Message", TEMPLATES[code])`` looks the English template up in the Qt Linguist
catalogue (``assets/translations/linviz_es.ts``, context ``Message``) and fills it. A message
already on screen follows a language switch through ``i18n.retranslate`` (the status line's
text is matched against the same templates).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from linviz.engine.text import Message, reason
from linviz.session.messages import CONTEXT, TEMPLATES


def message_text(message: Message) -> str:
    """``message`` as a sentence in the language of the installed translators (a parameter that
    is a Message is translated too)."""
    params = [message_text(p) if isinstance(p, Message) else p for p in message.params]
    template = TEMPLATES.get(message.code)
    if template is None:  # a code without a template is a programming error; say it plainly
        return f"{message.code}: {', '.join(map(str, params))}"
    return QCoreApplication.translate(CONTEXT, template).format(*params)


def error_text(error: BaseException) -> str:
    """What an engine error says, in the language shown: its coded message translated, or (for
    a fault that has no code yet) its English text."""
    said = reason(error)
    return message_text(said) if isinstance(said, Message) else said


__all__ = ["message_text", "error_text"]
