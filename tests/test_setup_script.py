"""setup.sh, the README's one set-up command, runs Python snippets after the install.

A snippet that names a function the code no longer has fails CI before any test runs
(it happened: ``warm_up`` moved from ``engine.compiled`` to ``engine.training``). Each
``python -c "..."`` line of the script is run here with the test's own interpreter.
"""
import re
import subprocess
import sys
from pathlib import Path

SETUP = Path(__file__).resolve().parent.parent / "setup.sh"


def _snippets() -> list[str]:
    return re.findall(r'python -c "([^"]+)"', SETUP.read_text())


def test_setup_script_has_snippets():
    assert _snippets(), "setup.sh no longer warms the compiled loop; update this test"


def test_every_python_snippet_in_setup_script_runs():
    for code in _snippets():
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"setup.sh's `{code}` fails:\n{done.stderr[-2000:]}"
