"""One steady-text widget: a text that changes every frame without laying the window out again
is ``linviz/ui/steady_text.py``'s (SteadyLabel, MarkupLine, LayoutShield), never a new widget.

The rule reads the source (no Qt): a widget class anywhere else in ``linviz/ui`` that takes a
text itself (defines ``setText``) or paints a text itself (``drawText`` in its ``paintEvent``)
while choosing its own size (``sizeHint`` / ``minimumSizeHint`` / a ``setFixed…`` call) is a
re-implementation. The compare window's old ``Readout`` was one; the last test plants it
again in a copy of the tree and sees the rule catch it.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "linviz" / "ui"
HOME = "steady_text.py"
ALLOWED = {
    "status_line.py:StatusLine": "elides a message to the width its layout gives it (Ignored width, one line "
                                 "high): it fits the text to the box, not the box to the text",
}
"""Text widgets outside steady_text.py, each with the reason it is a different thing."""
SIZING = {"sizeHint", "minimumSizeHint"}


def _calls(node: ast.AST) -> set[str]:
    """The names of the methods called anywhere under ``node`` (``x.drawText(…)`` → drawText)."""
    return {n.func.attr for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}


def text_widgets(root: Path) -> list[str]:
    """'file:Class' for every class under ``root`` (but steady_text.py) that shows a text of its
    own and sizes itself: a steady-text widget written again."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel == HOME:
            continue
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(cls, ast.ClassDef):
                continue
            methods = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
            paints_text = "paintEvent" in methods and "drawText" in _calls(methods["paintEvent"])
            takes_text = "setText" in methods
            sizes_itself = bool(SIZING & methods.keys()) or any(
                c.startswith("setFixed") for c in _calls(cls))
            if (takes_text or paints_text) and sizes_itself:
                found.append(f"{rel}:{cls.name}")
    return found


def test_no_widget_outside_steady_text_reimplements_steady_text():
    assert [w for w in text_widgets(UI) if w not in ALLOWED] == []


def test_the_allowed_exceptions_still_exist():
    """An exception whose class is gone (or changed into something the rule no longer sees) is dropped."""
    assert set(ALLOWED) <= set(text_widgets(UI))


READOUT = '''
from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget


class Readout(QWidget):
    def __init__(self, lines, parent=None):
        super().__init__(parent)
        self._text = ""
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 2)

    def setText(self, text):
        self._text = text
        self.update()

    def paintEvent(self, _event):
        p = QPainter(self)
        p.drawText(self.rect(), 0, self._text)
        p.end()
'''


def test_a_planted_readout_is_caught(tmp_path):
    tree = tmp_path / "ui"
    for path in UI.rglob("*.py"):
        target = tree / path.relative_to(UI)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tree / "compare" / "readout.py").write_text(READOUT, encoding="utf-8")
    assert [w for w in text_widgets(tree) if w not in ALLOWED] == ["compare/readout.py:Readout"]
