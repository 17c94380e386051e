"""Collect the UI's strings into the Qt Linguist catalogue and build the binary the app loads.

    .venv/bin/python tools/update_translations.py           # lupdate, then lrelease
    .venv/bin/python tools/update_translations.py --check   # fail if the .ts has unfinished entries

1. ``pyside6-lupdate`` reads every ``translate("Context", "…")``, ``self.tr("…")`` and
   ``QT_TRANSLATE_NOOP("Context", "…")`` in ``linviz/ui`` (and the Qt-free modules that mark
   texts: ``engine/lessons.py``, ``engine/datasets.py``, ``session/messages.py``) and merges them into ``assets/translations/linviz_es.ts``:
   new strings arrive as ``type="unfinished"``, removed ones are dropped (``-no-obsolete``),
   translations of unchanged strings are kept. No source locations are stored, so the file only
   changes when a string does.
2. Translate the new entries (Qt Linguist: ``.venv/bin/pyside6-linguist assets/translations/linviz_es.ts``,
   or any editor: fill ``<translation>`` and drop ``type="unfinished"``). A string that reads the
   same in Spanish ("SVM", "Softmax", a formula) gets its own text as translation.
3. ``pyside6-lrelease`` builds ``linviz_es.qm`` (run this script again after translating).

``tests/ui/test_i18n.py`` fails while an entry is unfinished or the ``.qm`` is older than the ``.ts``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "assets" / "translations" / "linviz_es.ts"
QM = TS.with_suffix(".qm")
def marked_sources() -> list[str]:
    """Qt-free modules (outside ``linviz/ui``) that mark texts with ``QT_TRANSLATE_NOOP`` for the UI
    to translate: found by looking, so a split or a new module is never silently left out (lupdate
    runs with ``-no-obsolete``: a module not read would drop its translations)."""
    found = []
    for path in sorted((ROOT / "linviz").rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[:2] != ("linviz", "ui") and "QT_TRANSLATE_NOOP(" in path.read_text(encoding="utf-8"):
            found.append(str(rel))
    return found


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` next to this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (it ships the Linguist tools)")
    return found


def sources() -> list[str]:
    ui = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "linviz" / "ui").rglob("*.py"))
    return ui + marked_sources()


def lupdate(ts: Path = TS) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-source-language", "en",
           "-target-language", "es", *sources(), "-ts", str(ts)]
    subprocess.run(cmd, cwd=ROOT, check=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def unfinished(ts: Path = TS) -> list[str]:
    """The sources whose translation is missing or marked unfinished."""
    import xml.etree.ElementTree as ET

    out = []
    for msg in ET.parse(ts).getroot().iter("message"):
        tr = msg.find("translation")
        kind = tr.get("type", "") if tr is not None else "unfinished"
        if kind in ("obsolete", "vanished"):
            continue
        if kind == "unfinished" or not (tr.text or "").strip():
            out.append(msg.findtext("source") or "")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report unfinished entries (exit 1 if any)")
    parser.add_argument("--no-lupdate", action="store_true", help="only rebuild the .qm from the .ts")
    args = parser.parse_args(argv)
    if not args.check:
        if not args.no_lupdate:
            lupdate()
        lrelease()
    missing = unfinished()
    for text in missing:
        print(f"unfinished: {text!r}")
    print(f"{TS.relative_to(ROOT)}: {len(missing)} unfinished")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
