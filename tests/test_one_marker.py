"""One translation marker (issue 12): ``QT_TRANSLATE_NOOP`` is defined once, in ``linviz/engine/text.py``;
every other module that marks texts imports that one (lupdate reads the calls, whoever defines it)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import linviz
from linviz.engine import text

ROOT = Path(linviz.__file__).parent
NAME = "QT_TRANSLATE_NOOP"


def definitions(path: Path) -> list[int]:
    """Lines of ``path`` that define the marker (a def, an assignment or a lambda bound to the name)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == NAME:
            lines.append(node.lineno)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == NAME for t in targets):
                lines.append(node.lineno)
    return lines


def test_the_marker_is_defined_in_one_module_only():
    found = {str(p.relative_to(ROOT)): lines for p in ROOT.rglob("*.py") if (lines := definitions(p))}
    assert found == {"engine/text.py": found.get("engine/text.py", [])} and found["engine/text.py"], found


def test_every_module_that_marks_texts_uses_that_one():
    users = [p for p in ROOT.rglob("*.py") if NAME in p.read_text(encoding="utf-8") and "ui" not in p.parts]
    assert users
    for p in users:  # the Qt-free modules (the UI's are covered by the same AST scan above)
        module = importlib.import_module("linviz." + ".".join(p.relative_to(ROOT).with_suffix("").parts))
        marker = getattr(module, NAME, text.QT_TRANSLATE_NOOP)
        assert marker is text.QT_TRANSLATE_NOOP, p
