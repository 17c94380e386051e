"""Coded messages in the language shown: the one place the UI turns a
:class:`~linviz.engine.text.Message` (code + parameters) into a sentence.

``translate("Message", TEMPLATES[code])`` looks the English template up in the Qt Linguist
catalogue (``assets/translations/linviz_es.ts``, context ``Message``) and fills it. A message
already on screen follows a language switch through ``i18n.retranslate`` (the status line's
text is matched against the same templates).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from linviz.engine.text import Message
from linviz.session.messages import CONTEXT, TEMPLATES


def message_text(message: Message) -> str:
    """``message`` as a sentence in the language of the installed translators."""
    template = TEMPLATES.get(message.code)
    if template is None:  # a code without a template is a programming error; say it plainly
        return f"{message.code}: {', '.join(map(str, message.params))}"
    return QCoreApplication.translate(CONTEXT, template).format(*message.params)


__all__ = ["message_text"]
