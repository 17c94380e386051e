"""The Qt Linguist catalogue as data: its messages, and texts converted between languages.

:func:`read_ts` reads ``assets/translations/linviz_es.ts``; :class:`Catalogue` indexes its messages
by their text in each language, exactly and as filled templates (``"step {0} of {1}"`` matches
"step 3 of 300"), so that a text on screen converts to the other language (``i18n.retranslate``)
and an English message the engine built from a marked template reads in the teacher's language
(``i18n.in_language``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..resources import asset_path

TRANSLATIONS_DIR = asset_path("translations")
"""``linviz_es.ts`` (the catalogue, in the repository) and ``linviz_es.qm`` (built from it)."""
CATALOGUE = "linviz"
PLACEHOLDER = re.compile(r"\{(\d+)(?::[^{}]*)?\}")
"""A template's slots: ``{0}``, ``{1:.3f}`` (literal braces like ``Σ_{j≠yi}`` are not slots)."""
MIN_TEMPLATE_LETTERS = 4
"""A template is matched by its filled-in text only with this many fixed letters (and ten when
it starts and ends with a slot): "{0} and {1}" would match any sentence with an "and"."""


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    comment: str = ""

    def text(self, code: str) -> str:
        """The message in language ``code``."""
        return self.translation if code == "es" and self.translation else self.source


def ts_path(code: str = "es") -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{code}.ts"


def qm_path(code: str = "es") -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{code}.qm"


def read_ts(path: Path | str | None = None) -> list[Message]:
    """Every message of a ``.ts`` file (obsolete and vanished ones left out); unfinished ones
    have an empty translation."""
    root = ET.parse(path or ts_path()).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = "" if tr is None or kind == "unfinished" else (tr.text or "")
            out.append(Message(name, msg.findtext("source") or "", text, msg.findtext("comment") or ""))
    return out


def _template(text: str) -> re.Pattern | None:
    """A regular expression matching ``text`` filled in, or None when it has no slots."""
    slots = list(PLACEHOLDER.finditer(text))
    if not slots:
        return None
    parts, seen, pos = [], set(), 0
    for m in slots:
        parts.append(re.escape(text[pos:m.start()]))
        n = m.group(1)
        parts.append(f"(?P=s{n})" if n in seen else f"(?P<s{n}>.+?)")
        seen.add(n)
        pos = m.end()
    parts.append(re.escape(text[pos:]))
    return re.compile("".join(parts), re.DOTALL)


def _specific(template: str) -> bool:
    fixed = sum(c.isalpha() for c in PLACEHOLDER.sub("", template))
    open_ends = template.startswith("{") and template.rstrip(".").endswith("}")
    return fixed >= (10 if open_ends else MIN_TEMPLATE_LETTERS)


class Catalogue:
    """The messages, indexed by their text in each language (exact texts and templates)."""

    def __init__(self, messages: list[Message]):
        # linviz's contexts first: a text found in both (Qt's "Delete" menu entry, the "Delete"
        # key of the shortcuts sheet) reads as linviz translates it
        self.messages = sorted((m for m in messages if m.source), key=lambda m: m.context.startswith("Q"))
        self.exact: dict[str, dict[str, Message]] = {"en": {}, "es": {}}
        self.templates: dict[str, list[tuple[re.Pattern, Message]]] = {"en": [], "es": []}
        for m in self.messages:
            for code in ("en", "es"):
                text = m.text(code)
                self.exact[code].setdefault(text, m)
                pattern = _template(text)
                if pattern is not None and _specific(text):
                    self.templates[code].append((pattern, m))
        for code in self.templates:  # the most specific (longest fixed text) first
            self.templates[code].sort(key=lambda pm: -len(PLACEHOLDER.sub("", pm[1].text(code))))

    def convert(self, text: str, old: str, new: str) -> str | None:
        """``text`` (in language ``old``) in language ``new``; None when it is not in the catalogue."""
        if not text or old == new:
            return None
        m = self.exact[old].get(text)
        if m is not None:
            return m.text(new)
        if not any(c.isalpha() for c in text):
            return None
        for pattern, m in self.templates[old]:
            found = pattern.fullmatch(text)
            if found is None:
                continue
            args = {k[1:]: v for k, v in found.groupdict().items()}
            return PLACEHOLDER.sub(lambda s: self._arg(args.get(s.group(1), s.group(0)), old, new), m.text(new))
        if "\n" in text:  # a text put together line by line (a tooltip and its hint)
            lines = text.split("\n")
            out = [self.convert(line, old, new) or line for line in lines]
            return "\n".join(out) if out != lines else None
        head, sep, rest = text.partition(": ")
        if sep and rest:  # "lesson.linviz: settings.knn: <a marked message>": names stay, the message converts
            out = self.convert(rest, old, new)
            if out is not None:
                return head + sep + out
        return None

    def _arg(self, value: str, old: str, new: str) -> str:
        m = self.exact[old].get(value)
        if m is not None:
            return m.text(new)
        # a filled template inside a filled template (issue 13: "Run 2 of 3 did not replay exactly: the
        # final loss was 0.4 in the file, 0.5 re-run.") converts as a whole, or stays as it was
        return self.convert(value, old, new) or value if any(c.isalpha() for c in value) else value


@lru_cache(maxsize=4)
def _catalogue_at(path: str, mtime: float) -> Catalogue:
    return Catalogue(read_ts(path))


def catalogue() -> Catalogue:
    """The catalogue of ``linviz_es.ts`` (read again when the file changes)."""
    path = ts_path()
    if not path.exists():
        return Catalogue([])
    return _catalogue_at(str(path), path.stat().st_mtime)


__all__ = ["Message", "Catalogue", "catalogue", "read_ts", "ts_path", "qm_path", "PLACEHOLDER", "TRANSLATIONS_DIR",
           "CATALOGUE", "MIN_TEMPLATE_LETTERS"]
