"""``linviz lecture``: list a lecture's scenes, or apply one headlessly and print its figures.

    linviz lecture --list [--language es] [--json]          # the built-in lecture
    linviz lecture my-lecture.json --scene 7 [--json]         # scene 7 (1-based) or its id

A bad file or scene exits with status 2 and one ``linviz: error:`` line (LectureError is a
ValueError, which ``linviz.cli.main`` reports that way).
"""

from __future__ import annotations

import json
import math

from ..engine.blas import one_blas_thread
from .format import LANGUAGES, Lecture, LectureError, builtin_lecture_path, read_lecture
from .measures import apply_scene, measure_scene


def add_lecture_parser(sub) -> None:
    p = sub.add_parser("lecture", help="list a lecture's scenes, or apply one and print its figures",
                       description="Without FILE: the built-in lecture (Función de costo y optimización).")
    p.add_argument("file", nargs="?", default=None, help="a lecture file (.json); default: the built-in lecture")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help="list the scenes: number, id, title (the default)")
    what.add_argument("--scene", default=None, help="apply scene N (1-based) or ID and print its figures")
    p.add_argument("--language", choices=LANGUAGES, default="en", help="the texts' language (default en)")
    p.add_argument("--json", action="store_true")


def _scene_index(lecture: Lecture, key: str) -> int:
    if key.isdigit():
        n = int(key)
        if not 1 <= n <= len(lecture.scenes):
            raise LectureError(f"--scene {n}: the lecture has scenes 1 to {len(lecture.scenes)}")
        return n - 1
    try:
        return lecture.index_of(key)
    except KeyError:
        raise LectureError(f"--scene {key!r}: no scene has that id (see linviz lecture --list)") from None


def _number(v: float):
    return float(v) if math.isfinite(v) else None


def run_lecture(args) -> int:
    lecture = read_lecture(args.file or builtin_lecture_path())
    lang = args.language
    if args.scene is None:
        rows = [{"index": i + 1, "id": s.id, "title": s.title(lang), "question": s.question is not None}
                for i, s in enumerate(lecture.scenes)]
        if args.json:
            print(json.dumps({"title": lecture.title(lang), "scenes": rows}, ensure_ascii=False))
        else:
            print(lecture.title(lang))
            width = len(str(len(rows)))
            for r in rows:
                print(f"{r['index']:>{width}}. {r['id']:<24} {r['title']}{'  (?)' if r['question'] else ''}")
        return 0
    i = _scene_index(lecture, args.scene)
    scene = lecture.scenes[i]
    with one_blas_thread():
        state = apply_scene(scene, f"scenes[{i}]")
        figures = measure_scene(scene, state)
    labels = {f"{k}": (e.label(lang) if e.label is not None else None) for k, e in enumerate(scene.figures)}
    rows = []
    for k, f in enumerate(figures):
        label = labels.get(f"{k}") if len(figures) == len(scene.figures) and labels.get(f"{k}") else f.text
        rows.append({"label": label, "measured": _number(f.measured),
                     "expected": None if f.expected is None else _number(f.expected),
                     "relation": f.relation, "holds": f.holds})
    report = {"index": i + 1, "id": scene.id, "title": scene.title(lang), "caption": scene.caption(lang),
              "step": state.step, "figures": rows,
              "question": None if scene.question is None else {
                  "text": scene.question.text(lang), "choices": [c(lang) for c in scene.question.choices],
                  "answer": scene.question.answer}}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"{i + 1}. {report['title']}\n{report['caption']}")
    if report["question"]:
        q = report["question"]
        print(f"\n{q['text']}")
        for n, c in enumerate(q["choices"]):
            print(f"  {'ABCD'[n]}. {c}{'   ← answer' if n == q['answer'] else ''}")
    if rows:
        print()
        for r in rows:
            expected = "" if r["expected"] is None else f"   expected {r['relation']} {r['expected']:.6g}"
            mark = {True: "  ✔", False: "  ✘", None: ""}[r["holds"]]
            measured = "—" if r["measured"] is None else f"{r['measured']:.6g}"
            print(f"  {r['label']}: {measured}{expected}{mark}")
    return 0


def render_scene(path, key: str | None, out, size: tuple[int, int], language: str = "en"):
    """``linviz render --lecture [FILE] --scene N --out F.png``: the window in lecture mode on
    that scene, its question revealed, drawn offscreen."""
    lecture = read_lecture(path or builtin_lecture_path())
    if key is None:
        raise LectureError("--lecture needs --scene N (see linviz lecture --list)")
    index = _scene_index(lecture, str(key))
    from ..ui.render import render_lecture_scene

    return render_lecture_scene(lecture, index, out, size, language)


__all__ = ["add_lecture_parser", "run_lecture", "render_scene"]
