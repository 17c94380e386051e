"""Everything the controls set, as plain immutable data (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from linviz.engine.knn import METRICS, KnnSettings  # one definition for the app, lessons and the CLI
from linviz.engine.regularizers import RegConfig
from linviz.engine.text import QT_TRANSLATE_NOOP
from linviz.engine.training import TrainConfig

MODELS = ("svm", "softmax", "knn")
INITS = ("preset", "random", "zeros")
MAX_STEPS = 20_000
"""Playback extends training as it reaches the end, up to this many steps."""


@dataclass(frozen=True)
class Settings:
    """Everything the controls set. ``model`` picks the loss; ``train.loss.kind`` follows it.

    init: "preset" (the data set's own W0, b0 when it has them, else random),
    "random" or "zeros". restart: a change retrains from step 0 (True) or
    continues from the current step as a branch (False).
    """

    model: str = "svm"
    train: TrainConfig = field(default_factory=lambda: TrainConfig(reg=RegConfig("l2", 0.1), lr=0.1, steps=300))
    knn: KnnSettings = field(default_factory=KnnSettings)
    init: str = "preset"
    init_scale: float = 0.01
    restart: bool = True

    @property
    def is_linear(self) -> bool:
        return self.model != "knn"

    def train_config(self) -> TrainConfig:
        """``train`` with the loss kind ``model`` asks for (kNN keeps the SVM's)."""
        kind = "softmax" if self.model == "softmax" else "svm"
        if self.train.loss.kind == kind:
            return self.train
        return replace(self.train, loss=replace(self.train.loss, kind=kind))

    def with_changes(self, **changes) -> Settings:
        """A copy with ``changes``; keys of TrainConfig (``lr``, ``reg`` …) go into ``train``."""
        train_keys = {k: v for k, v in changes.items() if k in TrainConfig.__dataclass_fields__}
        own = {k: v for k, v in changes.items() if k not in train_keys}
        new_train = replace(self.train, **train_keys) if train_keys else self.train
        return replace(self, train=new_train, **own)


T_UNKNOWN = {
    "model": QT_TRANSLATE_NOOP("Message", "unknown model {0}; choose one of {1}"),
    "init": QT_TRANSLATE_NOOP("Message", "unknown initialisation {0}; choose one of {1}"),
    "knn.metric": QT_TRANSLATE_NOOP("Message", "unknown distance {0}; choose one of {1}"),
}
T_K_TOO_SMALL = QT_TRANSLATE_NOOP("Message", "k must be at least 1, not {0}")
T_NEGATIVE = QT_TRANSLATE_NOOP("Message", "must be ≥ 0, not {0}")
"""The English of check_settings' faults, marked for the catalogue: the app shows them in the language
of the window (``i18n.in_language`` matches the filled template after the file and key names)."""


def check_settings(s: Settings) -> None:
    """ValueError for settings the app cannot use (the dataclasses check the rest): "key: what is wrong"."""
    for key, value, allowed in (("model", s.model, MODELS), ("init", s.init, INITS),
                                ("knn.metric", s.knn.metric, METRICS)):
        if value not in allowed:
            raise ValueError(f"{key}: " + T_UNKNOWN[key].format(repr(value), ", ".join(allowed)))
    if s.knn.k < 1:
        raise ValueError("knn.k: " + T_K_TOO_SMALL.format(s.knn.k))
    if s.init_scale < 0:
        raise ValueError("init_scale: " + T_NEGATIVE.format(s.init_scale))


__all__ = ["Settings", "KnnSettings", "MODELS", "INITS", "MAX_STEPS", "check_settings"]
