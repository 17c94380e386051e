"""What the compare window compares: the pane header's words for a Settings, the ready-made
comparisons (a function from the main window's settings to one Settings per pane) and the
start every pane shares (W0, b0).

Plain functions of :class:`~linviz.session.settings.Settings`; the only Qt is the
translation of the words shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication

from linviz.engine.features import FeatureMap
from linviz.engine.regularizers import RegConfig

from ..i18n import QT_TRANSLATE_NOOP
from ..models import Settings
from ..setting_texts import model_name, optimizer_name, reg_short_name
from ..widgets import format_value

translate = QCoreApplication.translate


def describe(settings: Settings, n_points: int | None = None) -> str:
    """The header of a pane: "SVM · SGD · batch full · α 0.1 · L2 λ 0.1" (Δ when it is not 1)."""
    t = settings.train
    full = translate("Compare", "full")
    batch = full if t.batch_size is None else str(t.batch_size)
    if t.batch_size is not None and n_points is not None and t.batch_size >= n_points:
        batch += f" = {full}"
    parts = [model_name(settings.model), optimizer_name(t.optimizer.kind),
             translate("Compare", "batch {0}").format(batch), f"α {format_value(t.lr)}"]
    reg = t.reg
    if reg.kind == "none":
        parts.append(reg_short_name("none"))
    elif reg.kind == "maxnorm":
        parts.append(translate("Compare", "max-norm c {0}").format(format_value(reg.max_norm)))
    else:
        parts.append(f"{reg_short_name(reg.kind)} λ {format_value(reg.lam)}")
    if settings.model == "svm" and t.loss.delta != 1.0:
        parts.append(f"Δ {format_value(t.loss.delta)}")
    return " · ".join(parts)


def _train(settings: Settings, **changes) -> Settings:
    """``settings`` with ``changes`` made to its TrainConfig."""
    return replace(settings, train=replace(settings.train, **changes))


def base_settings(settings: Settings | None = None) -> Settings:
    """What the comparisons vary from: the main window's settings (a linear model; kNN
    becomes SVM, since it has no steps to compare), always retraining from step 0."""
    s = settings or Settings()
    return replace(s, model=s.model if s.is_linear else "svm", restart=True)


def _svm_vs_softmax(base: Settings) -> list[Settings]:
    return [replace(base, model="svm"), replace(base, model="softmax")]


def _optimisers(base: Settings) -> list[Settings]:
    return [_train(base, optimizer=replace(base.train.optimizer, kind=k)) for k in ("sgd", "momentum", "adam")]


def _batches(base: Settings) -> list[Settings]:
    return [_train(base, batch_size=b) for b in (1, 32, None)]


def _deltas(base: Settings) -> list[Settings]:
    """SVM with Δ = 1 and Δ = 100. Scaling Δ by k scales the best W by k when λ becomes λ/k
    (L2: data loss ×k, λR(W) ×k²); α ×k keeps the scaled steps alike (the hinge gradient
    does not grow with W), so both panes draw the same boundaries at every step."""
    reg = base.train.reg if base.train.reg.kind in ("l2", "half-l2") else RegConfig("l2", 0.1)
    if reg.lam == 0:
        reg = replace(reg, lam=0.1)
    svm, k = replace(base, model="svm"), 100.0
    loss = base.train.loss
    return [_train(svm, loss=replace(loss, delta=1.0), reg=reg),
            _train(svm, loss=replace(loss, delta=k), reg=replace(reg, lam=reg.lam / k), lr=base.train.lr * k)]


def _l1_vs_l2(base: Settings) -> list[Settings]:
    lam = base.train.reg.lam if base.train.reg.lam > 0 else 0.1
    return [_train(base, reg=RegConfig("l1", lam)), _train(base, reg=RegConfig("l2", lam))]


PRESETS: dict[str, Callable[[Settings], list[Settings]]] = {
    QT_TRANSLATE_NOOP("Compare", "SVM vs Softmax"): _svm_vs_softmax,
    QT_TRANSLATE_NOOP("Compare", "SGD vs momentum vs Adam"): _optimisers,
    QT_TRANSLATE_NOOP("Compare", "batch 1 vs 32 vs full"): _batches,
    QT_TRANSLATE_NOOP("Compare", "Δ = 1 vs Δ = 100 (λ scaled)"): _deltas,
    QT_TRANSLATE_NOOP("Compare", "L1 vs L2"): _l1_vs_l2,
}
"""Each comparison: a function from the base settings to one Settings per pane. The names are
keys (English); the combo shows them translated."""
PRESET_TIPS = {
    "SVM vs Softmax": QT_TRANSLATE_NOOP("Compare", "The lecture's contrast: the SVM is satisfied once every margin "
                                                   "holds (its loss reaches 0);\nSoftmax always wants the correct "
                                                   "class's probability higher."),
    "SGD vs momentum vs Adam": QT_TRANSLATE_NOOP("Compare", "Three update rules from the same W₀ with the same α."),
    "batch 1 vs 32 vs full": QT_TRANSLATE_NOOP("Compare", "Mini-batch gradient descent: 1 point per step (SGD), 32, "
                                                          "or all N.\nThe loss drawn is always on all N points."),
    "Δ = 1 vs Δ = 100 (λ scaled)": QT_TRANSLATE_NOOP("Compare", "Δ and λ trade off: Δ = 100 with λ/100 (and α×100) "
                                                                "finds W×100 —\nthe same boundaries. The loss is ×100 "
                                                                "too, so the plot turns logarithmic."),
    "L1 vs L2": QT_TRANSLATE_NOOP("Compare", "The same λ: L1 pushes weights to exactly 0, L2 shrinks them all."),
}
LOG_PRESETS = {"Δ = 1 vs Δ = 100 (λ scaled)"}


@dataclass(frozen=True)
class Start:
    """What decides W0, b0 — the same in every pane."""

    init: str
    init_scale: float
    seed: int
    features: FeatureMap

    @classmethod
    def of(cls, s: Settings) -> Start:
        return cls(s.init, s.init_scale, s.train.seed, s.train.features)

    def apply(self, s: Settings) -> Settings:
        """``s`` starting from this W0, b0 (and retraining from step 0 on any change)."""
        return replace(_train(s, seed=self.seed, features=self.features), init=self.init,
                       init_scale=self.init_scale, restart=True)
