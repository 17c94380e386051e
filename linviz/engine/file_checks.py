"""Checks every file linviz reads must pass before anything on screen changes — pure, no Qt.

A points file or a lesson is read whole, by bounded streaming, and checked
whole: structure, types, every number finite and inside the range the app's
control for it allows, sizes and the total work a load would start. Only a
file that passes every check is applied; a fault raises ``FileCheckError`` (a
ValueError with a coded Message; the callers pass it on as ``DatasetError`` /
``LessonError``) naming the line or key, the value and the allowed range.

The documented limits:

=========================  ===============================================
``MAX_FILE_BYTES``         64 MiB read at most, whatever the file system says
``MAX_JSON_DEPTH``         32 levels of nested lists/objects
``MAX_LINE_CHARS``         4,096 characters on a CSV line (x, y, label)
``MAX_ABS_PARAM``          1e6: |entry| of a starting or typed W, b
``MAX_STEPS``              20,000 recorded steps in one run
``MAX_TRAIN_WORK``         steps × N × C × D of one run (the training on load)
``SETTING_RANGES``         each setting's range, shared with the controls
=========================  ===============================================

With every entry of W, b and every coordinate within ±1e6 and every setting
within its range, the step-0 loss is finite: a file cannot ask for a run that
has no finite step.
"""

from __future__ import annotations

import math
import os
import re
import stat
from pathlib import Path

import numpy as np

from .text import Explained, explained

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_JSON_DEPTH = 32
MAX_LINE_CHARS = 4096
MAX_ABS_PARAM = 1e6
MAX_STEPS = 20_000
"""Playback extends training as it reaches the end, up to this many steps (the steps control's maximum)."""
MAX_TRAIN_WORK = 5e9
"""steps × N × C × D for one run: a few seconds in the compiled loop (~2–4 ns a unit here)."""
MAX_REPLAY_WORK = 5e9
"""Σ over a lesson's runs of length × N × C × D (its replay, which a progress dialog can cancel)."""
MAX_REPLAY_STEPS = 400_000
"""Σ of the runs' lengths: each recorded step keeps an optimiser state (memory)."""
_READ_CHUNK = 1 << 20


class FileCheckError(Explained, ValueError):
    """A file or value refused by a check here; ``.message`` is a coded Message (templates:
    ``engine/text.py`` FILE_CHECK_TEMPLATES), ``str()`` its English."""


# (lowest, highest) of every number a setting may hold, as the controls allow; keys are dotted
# paths into the training config (TrainConfig), or into the app's settings for the last group.
TRAIN_RANGES: dict[str, tuple[float, float]] = {
    "lr": (1e-4, 1e6),
    "loss.delta": (0.0, 1e6),
    "reg.lam": (0.0, 1e6),
    "reg.beta": (0.0, 100.0),
    "reg.max_norm": (0.01, 100.0),
    "optimizer.momentum": (0.0, 0.999),
    "optimizer.rho": (0.0, 0.9999),
    "optimizer.beta1": (0.0, 0.9999),
    "optimizer.beta2": (0.0, 0.9999),
    "optimizer.eps": (1e-12, 1.0),
    "schedule.gamma": (0.01, 1.0),
    "schedule.every": (1, MAX_STEPS),
    "schedule.k": (0.0, 10.0),
    "features.n_components": (1, 512),
    "features.gamma": (0.01, 100.0),
    "features.seed": (0, 2**31 - 1),
    "batch_size": (1, 100_000),
    "steps": (0, MAX_STEPS),
    "tol": (0.0, 1.0),
    "seed": (0, 2**31 - 1),
}
APP_RANGES: dict[str, tuple[float, float]] = {
    "init_scale": (0.0, 1000.0),
    "knn.k": (1, 15),
}


def fmt(v) -> str:
    """A number as a message shows it: 100, 0.5, 1e+06."""
    return f"{v:g}" if isinstance(v, float) else f"{v:,}" if isinstance(v, int) else repr(v)


# ----------------------------------------------------------------------------- reading


def read_bounded(path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Never trusts ``st_size``: the file is opened without blocking (a named
    pipe cannot hang the app), refused unless it is a regular file (a link to
    ``/dev/zero`` or a device is refused), then read in chunks until ``limit``
    + 1 bytes would be exceeded. FileNotFoundError, or ValueError with a clear message.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise  # the caller says it its way (datasets: a coded "file_not_found")
    except IsADirectoryError:
        raise explained(FileCheckError, "fc_folder", str(path)) from None
    except OSError as e:
        raise explained(FileCheckError, "fc_cannot_read", str(path), e.strerror or str(e)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise explained(FileCheckError, "fc_not_regular", str(path))
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(_READ_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise explained(FileCheckError, "fc_too_large", str(path), limit // 2**20)
        return b"".join(chunks)
    except OSError as e:
        raise explained(FileCheckError, "fc_cannot_read", str(path), e.strerror or str(e)) from None
    finally:
        os.close(fd)


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def json_depth(text: str) -> tuple[int, int]:
    """(deepest nesting of lists/objects in JSON ``text``, the 1-based line where it is reached).

    Strings are blanked first, so brackets inside them do not count. O(len) with NumPy.
    """
    data = _JSON_STRING.sub(b'""', text.encode("utf-8", "surrogatepass"))
    a = np.frombuffer(data, dtype=np.uint8)
    step = np.isin(a, (ord("["), ord("{"))).astype(np.int32) - np.isin(a, (ord("]"), ord("}")))
    if not step.size:
        return 0, 1
    depth = np.cumsum(step)
    where = int(depth.argmax())
    return int(depth[where]), data[:where].count(b"\n") + 1


def check_json_depth(text: str) -> None:
    """ValueError if ``text`` nests lists/objects deeper than MAX_JSON_DEPTH (json.loads would
    recurse until Python's recursion limit)."""
    depth, line = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise explained(FileCheckError, "fc_nested", line, f"{depth:,}", MAX_JSON_DEPTH)


def check_line_length(line: str, ln: int) -> None:
    if len(line) > MAX_LINE_CHARS:
        raise explained(FileCheckError, "fc_long_line", ln, f"{len(line):,}", f"{MAX_LINE_CHARS:,}")


# ----------------------------------------------------------------------------- values


def param_out_of_range(a, where: str) -> tuple[str, str] | None:
    """(``W[0][1]``, the value as text) of the first entry of ``a`` that is not finite or whose |value|
    exceeds MAX_ABS_PARAM, or None."""
    a = np.asarray(a, dtype=float)
    bad = np.flatnonzero(~np.isfinite(a) | (np.abs(a) > MAX_ABS_PARAM))
    if not bad.size:
        return None
    i = np.unravel_index(int(bad[0]), a.shape) if a.ndim else ()
    return f"{where}{''.join(f'[{k}]' for k in i)}", fmt(float(a.flat[bad[0]]))


def check_param(a, where: str) -> None:
    """ValueError unless every entry of ``a`` (W or b) is finite with |value| ≤ MAX_ABS_PARAM."""
    bad = param_out_of_range(a, where)
    if bad is not None:
        raise explained(FileCheckError, "out_of_range", *bad, f"-{fmt(MAX_ABS_PARAM)}", fmt(MAX_ABS_PARAM))


def flatten(tree: dict, prefix: str = "") -> dict:
    """{"a": {"b": 1}} → {"a.b": 1}."""
    out = {}
    for k, v in tree.items():
        if isinstance(v, dict):
            out.update(flatten(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


def check_ranges(values: dict, ranges: dict, where: str) -> None:
    """ValueError naming the first value of ``values`` (a flattened settings tree) outside its range.

    ``where`` prefixes the key in the message: ``settings.train.lr: 1e+09 is out of range (0.0001 to 1e+06)``.
    """
    for key, (lo, hi) in ranges.items():
        v = values.get(key)
        if v is None or isinstance(v, bool) or not isinstance(v, (int, float)):
            continue
        if not (math.isfinite(v) and lo <= v <= hi):
            raise explained(FileCheckError, "out_of_range", f"{where}{key}", fmt(v), fmt(lo), fmt(hi))


def check_train_config(cfg_dict: dict, where: str) -> None:
    """A training config (as a dict tree) against TRAIN_RANGES."""
    check_ranges(flatten(cfg_dict), TRAIN_RANGES, where)


def check_work(steps: int, n_points: int, n_classes: int, dim: int, where: str, limit: float = MAX_TRAIN_WORK) -> None:
    """ValueError if training ``steps`` steps on N points × C classes × D features is more than ``limit``."""
    work = float(steps) * max(n_points, 1) * n_classes * dim
    if work > limit:
        raise explained(FileCheckError, "fc_work", where, fmt(int(steps)), fmt(int(n_points)), n_classes, dim,
                        f"{work:.3g}", f"{limit:.3g}")


def step0_finite(X, y, cfg, n_classes: int, W0, b0) -> bool:
    """Whether the loss and gradient at the start (W0, b0) are finite: a run from there has a step 0."""
    from .training import evaluate

    with np.errstate(all="ignore"):
        ev = evaluate(np.asarray(W0, float), np.asarray(b0, float), cfg.features.transform(X),
                      np.asarray(y, dtype=np.int64), cfg)
    return bool(np.isfinite(ev.loss) and np.isfinite(ev.grad_W).all() and np.isfinite(ev.grad_b).all())


__all__ = ["FileCheckError", "MAX_FILE_BYTES", "MAX_JSON_DEPTH", "MAX_LINE_CHARS", "MAX_ABS_PARAM", "MAX_STEPS", "MAX_TRAIN_WORK",
           "MAX_REPLAY_WORK", "MAX_REPLAY_STEPS", "TRAIN_RANGES", "APP_RANGES", "read_bounded", "json_depth",
           "check_json_depth", "check_line_length", "check_param", "param_out_of_range", "flatten", "check_ranges", "check_train_config",
           "check_work", "step0_finite", "fmt"]
