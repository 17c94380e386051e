"""Points files: CSV and JSON text of a :class:`~linviz.engine.point_set.Dataset`, read and written.

Files are CSV or JSON. CSV (header ``x,y,label`` optional, ``#`` comment lines
allowed; ``# linviz points: NAME`` and ``# classes:`` lines are read)::

    # classes: setosa,versicolor,virginica
    x,y,label
    1.4,0.2,0

A label is either a class index (0-based) or a class name; the first label of
the file decides which. Without a ``# classes:`` line, names are taken in order
of first appearance, and index labels give C = max(2, largest label + 1) with
default names. JSON::

    {"format": "linviz-points", "version": 1, "class_names": [...],
     "points": [[x, y, label], ...], "W0": [[.,.], ...], "b0": [...]}

``W0``/``b0`` are optional. Every fault raises ``DatasetError`` naming the CSV
line (1-based) or JSON point (``points[i]``, 0-based) and what is wrong.
Writes go through the one atomic writer (``atomic.py``): a failed write leaves the old file.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np

from . import file_checks
from .atomic import write_atomic
from .point_set import (
    _FORBIDDEN_IN_NAMES,
    MAX_ABS_COORD,
    MAX_CLASSES,
    MAX_POINTS,
    MIN_CLASSES,
    Dataset,
    DatasetError,
    _check_class_names,
    default_class_names,
)
from .text import Message, explained, reason

MAX_FILE_BYTES = file_checks.MAX_FILE_BYTES
JSON_FORMAT = "linviz-points"
JSON_VERSION = 1


# ----------------------------------------------------------------------------- CSV


def to_csv(ds: Dataset) -> str:
    """CSV text: ``# linviz points: NAME`` and ``# classes:`` comments, header x,y,label, a row per point.

    Coordinates use repr precision, so parse_csv(to_csv(ds)) gives the same floats.
    W0/b0 are not stored (use JSON for those).
    """
    lines = [f"# linviz points: {' '.join(ds.name.split())}", f"# classes: {','.join(ds.class_names)}", "x,y,label"]
    lines += [f"{float(x)!r},{float(y)!r},{int(k)}" for (x, y), k in zip(ds.X, ds.y)]
    return "\n".join(lines) + "\n"


def parse_csv(text: str, *, name: str = "custom") -> Dataset:
    """Dataset from CSV text (see the module doc). Errors name the 1-based line."""
    text = _not_empty(text)
    names, name, rows = _csv_rows(text, name)
    coords = np.array([[_csv_number(s, ln, axis) for s, axis in ((xs, "x"), (ys, "y"))] for ln, xs, ys, _ in rows])
    labels = [(ln, lab) for ln, _, _, lab in rows]
    if labels and _is_number(labels[0][1]):
        y, names = _index_labels(labels, names)
    else:
        y, names = _name_labels(labels, names)
    return Dataset(coords, y, names, name=name)


def _not_empty(text: str) -> str:
    """The text without a byte-order mark; DatasetError if there is nothing in it."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise explained(DatasetError, "file_empty")
    return text


def _csv_rows(text: str, name: str):
    """(class names from ``# classes:`` or None, dataset name, [(line, x, y, label) strings])."""
    names, rows, header_allowed = None, [], True
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # lines as editors number them
    for ln, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            key, _, value = stripped[1:].partition(":")
            if key.strip() == "classes":
                if names is not None:
                    raise explained(DatasetError, "csv_second_classes", ln)
                names = _csv_class_names(value, ln)
            elif key.strip() == "linviz points" and value.strip():
                name = value.strip()
            continue
        try:
            file_checks.check_line_length(stripped, ln)  # a 10 MB field is refused before csv reads it
            fields = [f.strip() for f in next(csv.reader([stripped]))]
        except (ValueError, csv.Error) as e:
            raise (DatasetError(reason(e)) if isinstance(e, ValueError)
                   else explained(DatasetError, "at", line_at(ln), str(e))) from None
        if len(fields) != 3:
            hint = " (separate columns with commas)" if len(fields) == 1 and ";" in stripped else ""
            raise explained(DatasetError, "file_columns_semicolon" if hint else "file_columns", ln, len(fields))
        if header_allowed and not _is_number(fields[0]) and not _is_number(fields[1]):
            header_allowed = False  # a header such as x,y,label
            continue
        header_allowed = False
        if len(rows) == MAX_POINTS:
            raise explained(DatasetError, "csv_too_many_points", ln, f"{MAX_POINTS:,}")
        rows.append((ln, *fields))
    if header_allowed:
        raise explained(DatasetError, "csv_only_comments")
    return names, name, rows


def _csv_class_names(value: str, ln: int) -> tuple[str, ...]:
    names = tuple(nm.strip() for nm in value.split(","))
    try:
        return _check_class_names(names)
    except DatasetError as e:
        raise explained(DatasetError, "csv_bad_classes", ln, reason(e)) from None


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def _csv_number(s: str, ln: int, axis: str) -> float:
    try:
        v = float(s)
    except ValueError:
        raise explained(DatasetError, "file_not_number", ln, axis, repr(s)) from None
    return _check_coord(v, line_at(ln), axis)


def _check_coord(v: float, where: str, axis: str) -> float:
    if not math.isfinite(v):
        raise explained(DatasetError, "coord_nonfinite", where, axis, str(v))
    if abs(v) > MAX_ABS_COORD:
        raise explained(DatasetError, "coord_too_large", where, axis, f"{v:g}", f"{MAX_ABS_COORD:g}")
    return v


def line_at(ln: int) -> Message:
    """Where a fault is in a CSV file: "line 12" (in the language shown)."""
    return Message("line", (ln,))


def _label_range(where, label, names, limit: int) -> DatasetError:
    if names is None:
        return explained(DatasetError, "label_range_free", where, label, limit - 1)
    return explained(DatasetError, "label_range_named", where, label, len(names), limit - 1)


def _index_labels(labels, names):
    """Integer class indices → (y, names); C from names, else max(2, largest + 1)."""
    y = []
    limit = MAX_CLASSES if names is None else len(names)
    for ln, s in labels:
        if not _is_number(s):
            raise explained(DatasetError, "label_text", ln, repr(s))
        v = float(s)
        if not v.is_integer():
            raise explained(DatasetError, "label_not_int", line_at(ln), s)
        if v < 0:
            raise explained(DatasetError, "label_negative", line_at(ln), s)
        if v >= limit:
            raise _label_range(line_at(ln), s, names, limit)
        y.append(int(v))
    if names is None:
        names = default_class_names(max(MIN_CLASSES, max(y, default=-1) + 1))
    return np.array(y, dtype=np.int64), names


def _name_labels(labels, names):
    """Class-name labels → (y, names); without names given, classes in order of first appearance."""
    given = names is not None
    order = {nm: k for k, nm in enumerate(names or ())}
    y = []
    for ln, s in labels:
        if _is_number(s):
            raise explained(DatasetError, "label_number", ln, s)
        if s not in order:
            if given:
                raise explained(DatasetError, "unknown_class", ln, repr(s), ", ".join(names))
            if len(order) == MAX_CLASSES:
                raise explained(DatasetError, "eleventh_class", ln, repr(s))
            _check_name_at(s, ln)
            order[s] = len(order)
        y.append(order[s])
    names = tuple(order)
    if len(names) < MIN_CLASSES:
        names += tuple(nm for nm in default_class_names(MAX_CLASSES) if nm not in names)[: MIN_CLASSES - len(names)]
    return np.array(y, dtype=np.int64), names


def _check_name_at(s: str, ln: int) -> None:
    if not s or any(c in s for c in _FORBIDDEN_IN_NAMES):
        raise explained(DatasetError, "bad_class_name", ln, repr(s))


# ----------------------------------------------------------------------------- JSON


def to_json(ds: Dataset) -> str:
    """JSON text in the linviz-points format, version 1 (floats round-trip exactly)."""
    doc = {"format": JSON_FORMAT, "version": JSON_VERSION, "name": ds.name, "class_names": list(ds.class_names)}
    if ds.W0 is not None:
        doc["W0"], doc["b0"] = ds.W0.tolist(), ds.b0.tolist()
    points = ",\n  ".join(json.dumps([float(x), float(y), int(k)]) for (x, y), k in zip(ds.X, ds.y))
    points = f"[\n  {points}\n ]" if points else "[]"
    head = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in doc.items())
    return f'{{\n{head},\n "points": {points}\n}}\n'


def parse_json(text: str, *, name: str = "custom") -> Dataset:
    """Dataset from linviz-points JSON text. Errors name ``points[i]`` or the parser's line/column."""
    doc = load_json(_not_empty(text))
    _check_json_header(doc)
    points = doc.get("points")
    if not isinstance(points, list):
        raise explained(DatasetError, "points_not_list")
    if len(points) > MAX_POINTS:
        raise explained(DatasetError, "json_too_many_points", f"points[{MAX_POINTS}]", f"{len(points):,}", f"{MAX_POINTS:,}")
    names = doc.get("class_names")
    if names is not None:
        if not isinstance(names, list):
            raise explained(DatasetError, "class_names_not_list")
        names = _check_class_names(names)
    X, y = _json_points(points, names)
    if names is None:
        names = default_class_names(max(MIN_CLASSES, int(y.max(initial=-1)) + 1))
    name = doc.get("name", name)
    return Dataset(X, y, names, name=name if isinstance(name, str) else "custom", W0=doc.get("W0"), b0=doc.get("b0"))


def load_json(text: str):
    """json.loads with the nesting depth capped first (file_checks.MAX_JSON_DEPTH); DatasetError on a fault."""
    try:
        file_checks.check_json_depth(text)
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise explained(DatasetError, "file_json", e.lineno, e.colno, e.msg) from None
    except RecursionError:  # not reached after the depth check; kept so that no traceback can escape
        raise explained(DatasetError, "json_too_deep", file_checks.MAX_JSON_DEPTH) from None
    except ValueError as e:
        raise DatasetError(reason(e)) from None


def _check_json_header(doc) -> None:
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        raise explained(DatasetError, "not_points_file", JSON_FORMAT)
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise explained(DatasetError, "bad_points_version", repr(version))
    if version > JSON_VERSION:
        raise explained(DatasetError, "newer_version", version, JSON_VERSION)


def _json_points(points: list, names) -> tuple[np.ndarray, np.ndarray]:
    """(N, 2) coordinates and (N,) labels from [[x, y, label], ...], each checked."""
    limit = MAX_CLASSES if names is None else len(names)
    X, y = np.empty((len(points), 2)), np.empty(len(points), dtype=np.int64)
    for i, p in enumerate(points):
        where = f"points[{i}]"
        if not isinstance(p, list) or len(p) != 3:
            n = len(p) if isinstance(p, list) else Message("not_a_list")
            raise explained(DatasetError, "json_columns", where, n)
        for axis, v in zip("xy", p[:2]):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise explained(DatasetError, "json_not_number", where, axis, repr(v))
            _check_coord(float(v), where, axis)
        lab = p[2]
        if isinstance(lab, bool) or not isinstance(lab, int):
            raise explained(DatasetError, "label_not_int", where, repr(lab))
        if lab < 0:
            raise explained(DatasetError, "label_negative", where, lab)
        if lab >= limit:
            raise _label_range(where, lab, names, limit)
        X[i], y[i] = p[:2], lab
    return X, y


# ----------------------------------------------------------------------------- files


def read_points(path) -> Dataset:
    """Dataset from a .csv or .json file; the name defaults to the file's stem.
    Errors start with the file name."""
    path = Path(path)
    parse = _parser_for(path)
    text = read_text(path)
    try:
        return parse(text, name=path.stem)
    except DatasetError as e:
        raise DatasetError(Message("in_file", (path.name, reason(e)), "error")) from None


def write_points(ds: Dataset, path) -> None:
    """Write ds as .csv or .json, atomically: a failed write leaves the old file intact."""
    path = Path(path)
    text = to_csv(ds) if _parser_for(path) is parse_csv else to_json(ds)
    write_file(path, text.encode("utf-8"))


def write_file(path, data: bytes) -> None:
    """Write ``data`` through the one atomic writer (:mod:`linviz.engine.atomic`); DatasetError
    naming the path if it cannot be written."""
    try:
        write_atomic(path, data)
    except OSError as e:
        raise explained(DatasetError, "cannot_write", str(path), e.strerror or str(e)) from None


def _parser_for(path: Path):
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise explained(DatasetError, "unsupported_type", path.name, repr(suffix) if suffix else Message("no_suffix"))
    return parse_csv if suffix == ".csv" else parse_json


def read_text(path: Path) -> str:
    """The file's UTF-8 text; DatasetError naming the path if missing, unreadable, not a regular
    file, huge or not UTF-8. Read by bounded streaming: st_size is never trusted."""
    try:
        data = file_checks.read_bounded(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise explained(DatasetError, "file_not_found", path) from None
    except ValueError as e:
        raise DatasetError(reason(e)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise explained(DatasetError, "not_utf8", str(path), line, f"{data[e.start]:02x}") from None
