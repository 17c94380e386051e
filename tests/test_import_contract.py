"""The import contract: which part of linviz may use which.

- the engine, the session core and the lecture format never import Qt, pyqtgraph or ``linviz.ui`` — checked twice: in
  the source (every import, also deferred ones inside functions) and in a fresh interpreter that
  imports all of them and looks at ``sys.modules``;
- a view (``linviz/ui/views``) imports no panel, no window and no other view — only the helper
  modules of the views and the parts of its own family (the plane's legend and overlays);
- the models (``ui/models.py``, ``ui/cifar/models.py``) import no view, panel or window;
- no module imports itself back through others (no import cycles, deferred imports included).

Each rule is a function of an import graph read from source, so the last tests can plant a
violation in a package written to a temporary folder and see the rule catch it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from import_graph import cycles, imports_of, reachable  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "linviz"
QT_FREE = ("engine", "session", "lecture")
"""Packages under linviz that never use Qt (the lecture format and its measures too)."""
COMMAND_LINE = {"linviz.lecture.command"}
"""Command-line entries inside those packages: like ``cli.py`` they may start the UI (``render``)."""
FORBIDDEN_IN_QT_FREE = ("PySide6", "shiboken6", "pyqtgraph", "linviz.ui")
VIEW_HELPERS = {"cell_looks", "spots"}
"""Modules of ``ui/views`` that are helpers, not views: any view may use them."""
VIEW_PARTS = {"params_table": {"params_model"}, "plane": {"plane_legend", "plane_overlays", "plane_gestures", "plane_inspector", "plane_layers"}, "plane_legend": {"plane_overlays"},
              "plane_layers": {"plane_overlays"}}
"""A view made of several modules: the ones it may import."""
MODELS = ("ui.models", "ui.cifar.models")


def _starts(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def qt_free_violations(graph: dict[str, set[str]], package: str = "linviz") -> list[str]:
    """'module → import' for every forbidden import of the Qt-free packages."""
    forbidden = tuple(p.replace("linviz", package, 1) for p in FORBIDDEN_IN_QT_FREE)
    layers = tuple(f"{package}.{p}" for p in QT_FREE)
    return sorted(f"{m} → {t}" for m, targets in graph.items() if _starts(m, layers)
                  and m.replace(package, "linviz", 1) not in COMMAND_LINE for t in targets if _starts(t, forbidden))


def view_violations(graph: dict[str, set[str]], package: str = "linviz") -> list[str]:
    """'view → module' for every panel, window or other view a view imports (directly)."""
    views = f"{package}.ui.views"
    out = []
    for m, targets in graph.items():
        if not m.startswith(views + "."):
            continue
        own = m.rsplit(".", 1)[1]
        allowed = {f"{views}.{n}" for n in VIEW_HELPERS | VIEW_PARTS.get(own, set())}
        for t in targets:
            other_view = t.startswith(views + ".") and t != m and t not in allowed
            above = _starts(t, (f"{package}.ui.panels", f"{package}.ui.main_window", f"{package}.ui.compare",
                                f"{package}.ui.demos", f"{package}.ui.cifar.window"))
            if other_view or above:
                out.append(f"{m} → {t}")
    return sorted(out)


def model_violations(graph: dict[str, set[str]], package: str = "linviz") -> list[str]:
    """'model → module' for every view, panel or window a model reaches (through any chain)."""
    bad = (f"{package}.ui.views", f"{package}.ui.panels", f"{package}.ui.main_window", f"{package}.ui.compare",
           f"{package}.ui.cifar.window", f"{package}.ui.cifar.views", f"{package}.ui.cifar.gallery")
    return sorted(f"{package}.{m} → {t}" for m in MODELS if f"{package}.{m}" in graph
                  for t in reachable(graph, f"{package}.{m}") if _starts(t, bad))


@pytest.fixture(scope="module")
def graph():
    return imports_of(ROOT)


def test_the_engine_and_the_session_core_import_no_qt_in_their_source(graph):
    assert any(m.startswith("linviz.session.") for m in graph)  # the rule has something to check
    assert qt_free_violations(graph) == []


def test_importing_every_qt_free_module_loads_no_qt():
    names = sorted(m for m in imports_of(ROOT) if _starts(m, tuple(f"linviz.{p}" for p in QT_FREE)))
    script = ("import importlib, sys\n"
              f"for name in {names!r}:\n    importlib.import_module(name)\n"
              f"print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')"
              " or m.startswith('linviz.ui')))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=ROOT.parent)
    assert len(names) > 20 and out.stdout.strip() == "[]"


def test_views_import_no_panel_window_or_other_view(graph):
    assert view_violations(graph) == []


def test_models_reach_no_view(graph):
    assert model_violations(graph) == []


def test_no_import_cycles(graph):
    assert cycles(graph) == []


# --- the rules catch a planted violation ----------------------------------------------------------
def _plant(tmp_path: Path, files: dict[str, str]) -> dict[str, set[str]]:
    root = tmp_path / "pkg"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    for folder in {p for rel in files for p in (root / rel).parents if p != root.parent and root in (p, *p.parents)}:
        (folder / "__init__.py").touch()
    return imports_of(root)


def test_a_planted_violation_of_each_rule_is_caught(tmp_path):
    graph = _plant(tmp_path, {
        "engine/training.py": "def later():\n    from PySide6.QtCore import QObject\n",  # deferred: still caught
        "session/core.py": "from ..ui import models\n",
        "ui/models.py": "from .helper import x\n",
        "ui/helper.py": "from .views.plane import Plane\n",  # a model reaching a view through a helper
        "ui/views/plane.py": "from .plane_legend import Legend\nfrom .spots import Spots\n",
        "ui/views/plane_legend.py": "",
        "ui/views/spots.py": "",
        "ui/views/score_table.py": "from .plane import Plane\nfrom ..panels.controls import C\n",
        "ui/panels/controls.py": "",
        "a.py": "from . import b\n",
        "b.py": "def f():\n    from . import a\n",
    })
    assert qt_free_violations(graph, "pkg") == ["pkg.engine.training → PySide6.QtCore",
                                                "pkg.session.core → pkg.ui", "pkg.session.core → pkg.ui.models"]
    assert view_violations(graph, "pkg") == ["pkg.ui.views.score_table → pkg.ui.panels.controls",
                                             "pkg.ui.views.score_table → pkg.ui.views.plane"]
    assert model_violations(graph, "pkg") == ["pkg.ui.models → pkg.ui.views.plane", "pkg.ui.models → pkg.ui.views.plane_legend",
                                              "pkg.ui.models → pkg.ui.views.spots"]
    assert cycles(graph) == [["pkg.a", "pkg.b"]]
