"""Fill unfinished entries of the Qt Linguist catalogue from a JSON file of {source: translation}.

    .venv/bin/python tools/fill_translations.py translations.json   # then tools/update_translations.py --no-lupdate

For translating many new strings at once without Qt Linguist (the JSON maps an English source
text — any context — to its Spanish text); entries already translated are left alone, and the
sources that are still unfinished are listed.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "assets" / "translations" / "linviz_es.ts"


def fill(mapping: dict[str, str], ts: Path = TS) -> list[str]:
    """Write ``mapping``'s translations into the unfinished entries; returns the sources left."""
    text = ts.read_text(encoding="utf-8")
    head = text[: text.index("<TS")]  # keep the XML declaration and DOCTYPE as lupdate wrote them
    tree = ET.ElementTree(ET.fromstring(text[text.index("<TS"):]))
    left = []
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") != "unfinished":
            continue
        source = msg.findtext("source") or ""
        if source in mapping:
            tr.text = mapping[source]
            del tr.attrib["type"]
        else:
            left.append(source)
    ts.write_text(head + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
    return left


if __name__ == "__main__":
    left = fill(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
    for source in left:
        print(f"still unfinished: {source!r}")
    sys.exit(1 if left else 0)
