"""A settings tree (nested frozen dataclasses of str/int/float/bool/None) to a JSON-ready dict and
back, field by field, each fault naming its place (``settings.train.lr``) — pure, no Qt.

The tree belongs to the caller (the app's settings, a lecture scene's): lessons, undo and lecture
files all pass their own type.
"""

from __future__ import annotations

import math
import types
import typing
from dataclasses import fields, is_dataclass

from .lesson_runs import LessonError
from .text import Message, explained, reason


def config_to_dict(obj) -> dict:
    """A frozen dataclass as a dict of plain values, nested dataclasses as dicts."""
    return {f.name: config_to_dict(v) if is_dataclass(v) else v for f in fields(obj) for v in [getattr(obj, f.name)]}


def config_from_dict(cls, doc, where: str):
    """Build dataclass ``cls`` from ``doc``, checking each value's type; missing keys take
    their defaults, unknown keys are an error. LessonError names the key (``where.key``)."""
    if not isinstance(doc, dict):
        raise explained(LessonError, "settings_not_object", where, kind_of(doc))
    hints = typing.get_type_hints(cls)
    names = [f.name for f in fields(cls) if f.init]
    unknown = [k for k in doc if k not in names]
    if unknown:
        raise explained(LessonError, "unknown_setting", f"{where}.{unknown[0]}")
    values = {n: _value(hints[n], doc[n], f"{where}.{n}") for n in names if n in doc}
    try:
        return cls(**values)
    except (TypeError, ValueError) as e:
        raise explained(LessonError, "at", where, reason(e)) from None


def _value(tp, v, where: str):
    if is_dataclass(tp):
        return config_from_dict(tp, v, where)
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = typing.get_args(tp)
        if v is None and type(None) in args:
            return None
        real = [a for a in args if a is not type(None)]
        if len(real) == 1:
            return _value(real[0], v, where)
    elif tp is bool:
        if isinstance(v, bool):
            return v
        raise explained(LessonError, "not_bool", where, kind_of(v))
    elif tp is int:
        if isinstance(v, int) and not isinstance(v, bool):
            return v
        raise explained(LessonError, "not_whole", where, kind_of(v))
    elif tp is float:
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            if not math.isfinite(v):
                raise explained(LessonError, "not_finite", where, v)
            return float(v)
        raise explained(LessonError, "not_number", where, kind_of(v))
    elif tp is str:
        if isinstance(v, str):
            return v
        raise explained(LessonError, "not_text", where, kind_of(v))
    raise LessonError(f"{where}: cannot read a value of type {tp}")


def kind_of(v):
    """How a JSON value reads in a message: ``text 'abc'``, ``a list``, ``null``… (a coded
    Message for the words, the value itself for null and numbers)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return Message("kind_bool")
    if isinstance(v, str):
        return Message("kind_text", (repr(v[:40]),))
    if isinstance(v, list):
        return Message("kind_list")
    if isinstance(v, dict):
        return Message("kind_object")
    return repr(v)
