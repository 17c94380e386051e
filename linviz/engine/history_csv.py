"""CSV exports of results: the W, b table and a whole History, one row per step — pure, no Qt."""

from __future__ import annotations

import csv
import io
import math

import numpy as np

from .training import History


def _csv(rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _num(v) -> str:
    """repr precision (reads back to the same float); an empty cell for NaN."""
    v = float(v)
    return "" if math.isnan(v) else repr(v)


def params_to_csv(W, b, class_names, feature_names) -> str:
    """W (C, D) and b (C,) as CSV: a header ``class, <features>…, b`` and one row per class."""
    W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    if W.shape != (len(class_names), len(feature_names)) or b.shape != (len(class_names),):
        raise ValueError(f"W {W.shape} and b {b.shape} do not fit {len(class_names)} classes × {len(feature_names)} features")
    rows = [["class", *feature_names, "b"]]
    rows += [[name, *(_num(v) for v in W[j]), _num(b[j])] for j, name in enumerate(class_names)]
    return _csv(rows)


def history_columns(class_names, feature_names) -> list[str]:
    """The header of :func:`history_to_csv`."""
    w = [f"W[{c}][{f}]" for c in class_names for f in feature_names]
    return ["step", "loss", "data_loss", "reg_loss", "train_acc", "test_acc", "lr", *w, *(f"b[{c}]" for c in class_names)]


def history_to_csv(history: History, class_names, feature_names) -> str:
    """One row per recorded step: step, the losses, accuracies, learning rate, then
    W's entries row by row (``W[class][feature]``) and b's (``b[class]``). NaN → empty."""
    C, D = history.n_classes, history.dim
    if (C, D) != (len(class_names), len(feature_names)):
        raise ValueError(f"the history is {C} classes × {D} features, not {len(class_names)} × {len(feature_names)}")
    rows = [history_columns(class_names, feature_names)]
    for t in range(len(history)):
        figures = (history.loss[t], history.data_loss[t], history.reg_loss[t], history.train_acc[t],
                   history.test_acc[t], history.lr[t])
        rows.append([str(t), *map(_num, figures), *map(_num, history.W[t].ravel()), *map(_num, history.b[t])])
    return _csv(rows)
