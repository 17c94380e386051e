"""The controls dock's settings as one table: each row says once which widget shows a setting,
where the setting lives in :class:`~linviz.session.settings.Settings`, its label, tooltip and
range, and when it is shown or enabled.

The panel builds its widgets from the rows, shows the settings through them
(:func:`value_at`) and writes an edit back (:func:`with_value`) — the three uses of one
description, instead of the same setting written three times. What is not a plain value
(the model radio buttons, the batch size with its "full" box, the class rows, restart or
branch) the panel builds by hand; ``GROUPS`` names those by a string where they sit.

A path is dotted attribute access: ``"train.reg.lam"`` is ``settings.train.reg.lam``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from linviz.engine.features import FEATURE_MAPS
from linviz.engine.file_checks import TRAIN_RANGES  # the ranges lesson files are checked against (issue 13)
from linviz.engine.optimizers import OPTIMIZERS, SCHEDULES
from linviz.engine.regularizers import REG_KINDS

from ..i18n import QT_TRANSLATE_NOOP
from ..models import MAX_STEPS, Settings
from ..setting_texts import (BETA_TIP, BIAS_TIP, DELTA_TIP, FEATURE_ITEMS, INIT_ITEMS, K_TIP, LAM_TIP, LR_TIP,
                             MAXNORM_TIP, METRIC_ITEMS, OPT_PARAM_TIPS, OPT_ITEMS, RBF_GAMMA_TIP, RBF_M_TIP, REG_ITEMS,
                             SCHEDULE_ITEMS, SEED_TIP, STEPS_TIP, SWITCH_TIPS, VARIANT_ITEMS)


@dataclass(frozen=True)
class Row:
    """One setting in the controls.

    ``name`` is the widget's objectName and the panel's attribute; ``path`` where the value
    lives in Settings; ``widget`` one of "log" (a :class:`~linviz.ui.widgets.LogSlider`),
    "spin", "dspin", "check", "combo". ``label`` is the form label (an English key of the
    "Controls" context, or a symbol such as "β"); a check box has ``text`` instead. ``tip`` is
    the tooltip (formatted with ``tip_args``). ``shown`` / ``enabled`` (of the settings)
    hide the row or grey the widget out."""

    name: str
    path: str
    widget: str
    label: str | None = None
    tip: str = ""
    lo: float = 0
    hi: float = 1
    step: float | None = None
    decimals: int = 2
    suffix: str = ""
    allow_zero: bool = False
    items: dict | None = None
    text: str = ""
    tip_args: tuple = ()
    shown: Callable[[Settings], bool] | None = None
    enabled: Callable[[Settings], bool] | None = None


def value_at(settings: Settings, path: str) -> Any:
    """The value at ``path`` ("train.reg.lam") in ``settings``."""
    value = settings
    for part in path.split("."):
        value = getattr(value, part)
    return value


def with_value(settings, path: str, value):
    """``settings`` with the value at ``path`` replaced (the nested frozen dataclasses copied)."""
    head, _, rest = path.partition(".")
    return replace(settings, **{head: with_value(getattr(settings, head), rest, value) if rest else value})


def _svm(s: Settings) -> bool:
    return s.model == "svm"


def _penalised(s: Settings) -> bool:
    return s.train.reg.kind not in ("none", "maxnorm")


def _optimizer_in(*kinds: str) -> Callable[[Settings], bool]:
    return lambda s: s.train.optimizer.kind in kinds


def _schedule_is(kind: str) -> Callable[[Settings], bool]:
    return lambda s: s.train.schedule.kind == kind


def _rbf(s: Settings) -> bool:
    return s.train.features.kind == "rbf"


STEP_DECAY_TIP = QT_TRANSLATE_NOOP("Controls", "Step decay: α_t = α · γ^⌊t / every⌋")
INVERSE_DECAY_TIP = QT_TRANSLATE_NOOP("Controls", "1/t decay: α_t = α / (1 + k·t)")

GROUPS: tuple[tuple[str, str, tuple], ...] = (
    ("model", QT_TRANSLATE_NOOP("Controls", "Model"), (
        "model_buttons",
        Row("svm_variant", "train.loss.variant", "combo", QT_TRANSLATE_NOOP("Controls", "SVM loss"),
            QT_TRANSLATE_NOOP("Controls", "Which multiclass SVM loss (hover the items for their formulas)."),
            items=VARIANT_ITEMS, enabled=_svm),
        Row("all_classes", "train.loss.all_classes", "check", tip=SWITCH_TIPS["all_classes"],
            text=QT_TRANSLATE_NOOP("Controls", "include j = yᵢ in the sum"),
            enabled=lambda s: _svm(s) and s.train.loss.variant == "ww"),
        Row("mean_over_classes", "train.loss.mean_over_classes", "check", tip=SWITCH_TIPS["mean_over_classes"],
            text=QT_TRANSLATE_NOOP("Controls", "mean over classes"),
            enabled=lambda s: _svm(s) and s.train.loss.variant in ("ww", "ova")),
        Row("squared", "train.loss.squared", "check", tip=SWITCH_TIPS["squared"],
            text=QT_TRANSLATE_NOOP("Controls", "squared hinge max(0, ·)²"), enabled=_svm),
    )),
    ("loss", QT_TRANSLATE_NOOP("Controls", "Loss"), (
        Row("delta", "train.loss.delta", "log", QT_TRANSLATE_NOOP("Controls", "Δ margin"), DELTA_TIP,
            lo=0.01, hi=TRAIN_RANGES["loss.delta"][1], allow_zero=True),
    )),
    ("reg", QT_TRANSLATE_NOOP("Controls", "Regularisation"), (
        Row("reg_kind", "train.reg.kind", "combo", "R(W)",
            QT_TRANSLATE_NOOP("Controls", "R(W), the regulariser (hover the items for the formulas)."),
            items={k: REG_ITEMS[k] for k in REG_KINDS}),
        Row("lam", "train.reg.lam", "log", QT_TRANSLATE_NOOP("Controls", "λ strength"), LAM_TIP,
            lo=1e-4, hi=TRAIN_RANGES["reg.lam"][1], allow_zero=True, enabled=_penalised),
        Row("beta", "train.reg.beta", "dspin", "β", BETA_TIP, lo=0.0, hi=100.0, step=0.1,
            shown=lambda s: s.train.reg.kind == "elastic"),
        Row("max_norm", "train.reg.max_norm", "dspin", "c", MAXNORM_TIP, lo=0.01, hi=100.0, step=0.1,
            shown=lambda s: s.train.reg.kind == "maxnorm"),
        Row("reg_bias", "train.reg.include_bias", "check", tip=BIAS_TIP,
            text=QT_TRANSLATE_NOOP("Controls", "regularise the bias b too"), enabled=_penalised),
    )),
    ("optim", QT_TRANSLATE_NOOP("Controls", "Optimisation"), (
        Row("lr", "train.lr", "log", QT_TRANSLATE_NOOP("Controls", "α learning rate"), LR_TIP,
            lo=TRAIN_RANGES["lr"][0], hi=TRAIN_RANGES["lr"][1]),
        "batch",
        Row("optimizer", "train.optimizer.kind", "combo", QT_TRANSLATE_NOOP("Controls", "optimiser"),
            QT_TRANSLATE_NOOP("Controls", "The update rule (hover the items for the formulas)."),
            items={k: OPT_ITEMS[k] for k in OPTIMIZERS}),
        Row("momentum", "train.optimizer.momentum", "dspin", "μ", OPT_PARAM_TIPS["momentum"], lo=0.0, hi=0.999,
            step=0.05, decimals=3, shown=_optimizer_in("momentum", "nesterov")),
        Row("rho", "train.optimizer.rho", "dspin", "ρ", OPT_PARAM_TIPS["rho"], lo=0.0, hi=0.9999, step=0.01,
            decimals=4, shown=_optimizer_in("rmsprop")),
        Row("beta1", "train.optimizer.beta1", "dspin", "β₁", OPT_PARAM_TIPS["beta1"], lo=0.0, hi=0.9999, step=0.01,
            decimals=4, shown=_optimizer_in("adam")),
        Row("beta2", "train.optimizer.beta2", "dspin", "β₂", OPT_PARAM_TIPS["beta2"], lo=0.0, hi=0.9999, step=0.001,
            decimals=4, shown=_optimizer_in("adam")),
        Row("schedule", "train.schedule.kind", "combo", QT_TRANSLATE_NOOP("Controls", "α schedule"),
            QT_TRANSLATE_NOOP("Controls", "How α changes with the step t (hover the items)."),
            items={k: SCHEDULE_ITEMS[k] for k in SCHEDULES}),
        Row("gamma", "train.schedule.gamma", "dspin", "γ", STEP_DECAY_TIP, lo=0.01, hi=1.0, step=0.05,
            shown=_schedule_is("step")),
        Row("every", "train.schedule.every", "spin", QT_TRANSLATE_NOOP("Controls", "every"), STEP_DECAY_TIP,
            lo=1, hi=MAX_STEPS, step=10, suffix=QT_TRANSLATE_NOOP("Controls", " steps"), shown=_schedule_is("step")),
        Row("decay_k", "train.schedule.k", "dspin", "k", INVERSE_DECAY_TIP, lo=0.0, hi=10.0, step=0.001, decimals=4,
            shown=_schedule_is("inverse")),
        Row("steps", "train.steps", "spin", QT_TRANSLATE_NOOP("Controls", "steps"), STEPS_TIP, lo=1, hi=MAX_STEPS,
            step=50, tip_args=(f"{MAX_STEPS:,}",)),
        Row("seed", "train.seed", "spin", QT_TRANSLATE_NOOP("Controls", "seed"), SEED_TIP, lo=0, hi=2**31 - 1),
        Row("init", "init", "combo", QT_TRANSLATE_NOOP("Controls", "initial W"),
            QT_TRANSLATE_NOOP("Controls", "The starting W and b (step 0)."), items=INIT_ITEMS),
    )),
    ("features", QT_TRANSLATE_NOOP("Controls", "Features"), (
        Row("features", "train.features.kind", "combo", "φ(x)",
            QT_TRANSLATE_NOOP("Controls", "φ(x), the features the linear classifier sees: s = W φ(x) + b (hover the "
                                          "items)."),
            items={k: FEATURE_ITEMS[k] for k in FEATURE_MAPS}),
        Row("rbf_gamma", "train.features.gamma", "log", "γ", RBF_GAMMA_TIP, lo=0.01, hi=100, shown=_rbf),
        Row("rbf_components", "train.features.n_components", "spin", QT_TRANSLATE_NOOP("Controls", "m features"),
            RBF_M_TIP, lo=1, hi=512, step=8, shown=_rbf),
    )),
    ("knn", QT_TRANSLATE_NOOP("Controls", "kNN"), (
        Row("knn_k", "knn.k", "spin", "k", K_TIP, lo=1, hi=15),
        Row("knn_metric", "knn.metric", "combo", QT_TRANSLATE_NOOP("Controls", "distance"),
            QT_TRANSLATE_NOOP("Controls", "The distance between points (hover the items)."), items=METRIC_ITEMS),
    )),
    ("data", QT_TRANSLATE_NOOP("Controls", "Data"), "data"),
    ("on_change", QT_TRANSLATE_NOOP("Controls", "On an edit"), "on_change"),
)
"""The groups of the dock, top to bottom: (name, title, rows). A string among the rows (or in
their place) names a part the panel builds by hand."""

ROWS: dict[str, Row] = {r.name: r for _, _, rows in GROUPS if not isinstance(rows, str) for r in rows
                        if isinstance(r, Row)}
"""Every row by name."""

__all__ = ["Row", "GROUPS", "ROWS", "value_at", "with_value"]
