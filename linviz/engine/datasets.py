"""2D labelled point sets — one import path for three modules:

- ``point_set.py``: the immutable :class:`Dataset` (X (N, 2) float64, y (N,) int64 labels in
  [0, C), C class names, an optional start W0 (C, 2), b0 (C,)), its limits and checks;
- ``presets.py``: the seeded presets (``PRESETS``, ``make_preset``);
- ``point_files.py``: CSV and JSON points files, read by bounded streaming and written through
  the one atomic writer, every fault a ``DatasetError`` naming the line or point.

Modules of the engine import from those three directly; the app, the command line and the tests
may import everything from here.
"""

from __future__ import annotations

from .point_files import (
    JSON_FORMAT,
    JSON_VERSION,
    MAX_FILE_BYTES,
    load_json,
    parse_csv,
    parse_json,
    read_points,
    read_text,
    to_csv,
    to_json,
    write_file,
    write_points,
)
from .point_set import (
    CLASS_NAME,
    MAX_ABS_COORD,
    MAX_CLASSES,
    MAX_POINTS,
    MIN_CLASSES,
    Dataset,
    DatasetError,
    default_class_names,
)
from .presets import IRIS_FEATURES, IRIS_SPECIES, PRESETS, make_preset

__all__ = [
    "Dataset", "DatasetError", "default_class_names", "CLASS_NAME",
    "MIN_CLASSES", "MAX_CLASSES", "MAX_POINTS", "MAX_ABS_COORD",
    "PRESETS", "make_preset", "IRIS_FEATURES", "IRIS_SPECIES",
    "JSON_FORMAT", "JSON_VERSION", "MAX_FILE_BYTES",
    "to_csv", "parse_csv", "to_json", "parse_json", "load_json", "read_text", "read_points", "write_points",
    "write_file",
]
