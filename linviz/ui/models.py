"""Qt-side state: the points on the plane and the training session.

The flow is one-directional (see DESIGN): a view turns a gesture into a call
on a model; the model swaps in new immutable state and emits one signal;
every view redraws from the models. Playback only moves a cursor over the
recorded History, so stepping back costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from linviz.engine.blas import one_blas_thread

from linviz.engine.datasets import Dataset, DatasetError, default_class_names, make_preset
from linviz.engine.divergence import blowup
from linviz.engine.file_checks import MAX_STEPS, check_param
from linviz.engine.knn import KNearestNeighbors
from linviz.engine.losses import LossConfig
from linviz.engine.regularizers import RegConfig
from linviz.engine.training import History, TrainConfig, initial_params, train

from . import i18n
from .throttle import Throttle

MODELS = ("svm", "softmax", "knn")
translate = QCoreApplication.translate


class DatasetModel(QObject):
    """The points on the plane (an immutable Dataset) and the class new points get."""

    changed = Signal()
    current_class_changed = Signal(int)

    def __init__(self, dataset: Dataset | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._dataset = dataset if dataset is not None else make_preset("cs231n")
        self._current_class = 0

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    @property
    def current_class(self) -> int:
        return self._current_class

    def set_dataset(self, dataset: Dataset) -> None:
        self._dataset = dataset
        if self._current_class >= dataset.n_classes:
            self.set_current_class(0)
        self.changed.emit()

    def set_current_class(self, label: int) -> None:
        label = int(np.clip(label, 0, self._dataset.n_classes - 1))
        if label != self._current_class:
            self._current_class = label
            self.current_class_changed.emit(label)

    def add_point(self, x: float, y: float, label: int | None = None) -> None:
        label = self._current_class if label is None else label
        self.set_dataset(self._dataset.with_point(x, y, label))

    def move_point(self, index: int, x: float, y: float) -> None:
        self.set_dataset(self._dataset.with_moved_point(index, x, y))

    def remove_point(self, index: int) -> None:
        self.set_dataset(self._dataset.without_point(index))

    def clear(self) -> None:
        ds = self._dataset
        self.set_dataset(Dataset(np.zeros((0, 2)), np.zeros(0, np.int64), ds.class_names, ds.name))

    def set_class_names(self, names) -> None:
        self.set_dataset(self._dataset.with_class_names(tuple(names)))

    def set_n_classes(self, n: int) -> None:
        """Grow or shrink the class list (2 … 10); points of removed classes go too."""
        ds = self._dataset
        names = list(ds.class_names[:n]) + list(default_class_names(n)[len(ds.class_names):])
        keep = ds.y < n
        self.set_dataset(Dataset(ds.X[keep], ds.y[keep], tuple(names), ds.name))


def _trains_alike(a: Dataset | None, b: Dataset) -> bool:
    """Whether training on ``b`` gives the run trained on ``a``: the same points, labels, class
    count and preset W0, b0 (names and the set's name do not enter training)."""
    if a is None:
        return False
    if a is b:
        return True
    same = (a.n_classes == b.n_classes and np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y))
    return same and all(
        (u is None and v is None) or (u is not None and v is not None and np.array_equal(u, v))
        for u, v in ((a.W0, b.W0), (a.b0, b.b0)))


@dataclass(frozen=True)
class KnnSettings:
    k: int = 3
    metric: str = "l2"


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


class SessionModel(QObject):
    """Settings, the recorded History and the step being shown.

    Signals: settings_changed; history_changed (a new History, or the same one
    grown); step_changed(t); selection_changed (examples of the score table);
    message(level, text) for things the user must be told (divergence);
    dragging_changed(on): a point is being dragged on the plane, or no longer.
    """

    settings_changed = Signal()
    history_changed = Signal()
    step_changed = Signal(int)
    selection_changed = Signal()
    message = Signal(str, str)
    dragging_changed = Signal(bool)

    def __init__(self, data: DatasetModel, settings: Settings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.data = data
        self._settings = settings or Settings()
        self._history: History | None = None
        self._knn: KNearestNeighbors | None = None
        self._step = 0
        self._selected: tuple[int, ...] = ()
        self.branches: list[History] = []
        self._trained_on: Dataset | None = None  # the points the run shown was trained on
        self._dragging = False
        self._retrain_timer = QTimer(self, singleShot=True, interval=0)
        self._retrain_timer.timeout.connect(self.retrain)
        data.changed.connect(self._on_data_changed)
        self.retrain()

    # --- state ---------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def dragging(self) -> bool:
        """True while a point is dragged (each mouse move retrains): side views may catch up
        at a lower rate (see :class:`WhileDragging`) so that the plane follows the mouse."""
        return self._dragging

    def set_dragging(self, on: bool) -> None:
        if on != self._dragging:
            self._dragging = on
            self.dragging_changed.emit(on)

    @property
    def retrain_pending(self) -> bool:
        """True between an edit of the points and the retrain it scheduled (the next turn of the
        event loop): views that redraw on ``history_changed`` can skip redrawing the old model."""
        return self._retrain_timer.isActive()

    @property
    def history(self) -> History | None:
        """The run being shown (None for kNN, which does not train)."""
        return self._history

    @property
    def knn(self) -> KNearestNeighbors | None:
        """The fitted kNN classifier (None for linear models or fewer than k points)."""
        return self._knn

    @property
    def step(self) -> int:
        return self._step

    @property
    def W(self) -> np.ndarray | None:
        """W (C, D) at the current step, one row per class."""
        return None if self._history is None else self._history.W[self._step]

    @property
    def b(self) -> np.ndarray | None:
        return None if self._history is None else self._history.b[self._step]

    @property
    def chosen_examples(self) -> tuple[int, ...]:
        """The points the user picked (Shift+click), without the default ones."""
        return tuple(i for i in self._selected if i < len(self.data.dataset))

    @property
    def selected_examples(self) -> tuple[int, ...]:
        """Indices of the points shown in the score table: the user's choice, or the
        first point of each class by default."""
        chosen = self.chosen_examples
        if chosen:
            return chosen
        y = self.data.dataset.y
        return tuple(int(np.flatnonzero(y == c)[0]) for c in np.unique(y))

    # --- settings --------------------------------------------------------------------
    def set_settings(self, settings: Settings) -> None:
        """Apply new settings; retrains from step 0 or branches from the current step."""
        if settings == self._settings:
            return
        old, self._settings = self._settings, settings
        self.settings_changed.emit()
        if replace(old, restart=settings.restart) == settings:
            return  # only the restart/continue choice changed: nothing to train
        same_shape = old.train.features == settings.train.features  # W keeps its columns
        if settings.restart or not (old.is_linear and settings.is_linear and same_shape) or self._history is None:
            self.retrain()
        else:
            self._branch()

    def update_settings(self, **changes) -> None:
        """set_settings(replace(settings, **changes)); keys of TrainConfig go into ``train``."""
        s = self._settings
        train_keys = {k: v for k, v in changes.items() if k in TrainConfig.__dataclass_fields__}
        own = {k: v for k, v in changes.items() if k not in train_keys}
        new_train = replace(s.train, **train_keys) if train_keys else s.train
        self.set_settings(replace(s, train=new_train, **own))

    def _train_config(self) -> TrainConfig:
        s = self._settings
        kind = "softmax" if s.model == "softmax" else "svm"
        if s.train.loss.kind == kind:
            return s.train
        return replace(s.train, loss=replace(s.train.loss, kind=kind))

    # --- training --------------------------------------------------------------------
    def _on_data_changed(self) -> None:
        keep = tuple(i for i in self._selected if i < len(self.data.dataset))
        if keep != self._selected:
            self._selected = keep
            self.selection_changed.emit()
        if not _trains_alike(self._trained_on, self.data.dataset):  # a rename alone changes no step
            self._retrain_timer.start()

    def retrain(self) -> None:
        """Train from step 0 with the current settings (kNN: refit)."""
        self._retrain_timer.stop()
        ds, s = self.data.dataset, self._settings
        self._trained_on = ds
        if not s.is_linear:
            self._history = None
            self.branches = []
            self._knn = self._fit_knn(ds, s.knn)
            self._set_history(None, 0)
            if self._knn is None:  # after history_changed, which clears the messages of the run before
                self.message.emit("warning", f"kNN needs at least k = {s.knn.k} points; the plane has {len(ds)}.")
            return
        self._knn = None
        W0, b0 = self._initial_params(ds)
        with one_blas_thread():
            hist = train(ds.X, ds.y, self._train_config(), ds.n_classes, W0=W0, b0=b0)
            no_finite_start = len(hist) == 0
            if no_finite_start:
                # issue 13: a start whose step-0 loss overflows would leave a run with no step at all
                # (views indexed step −1). Files and controls keep W0, λ, Δ in ranges where this cannot
                # happen; should it anyway, the run starts from W = 0, b = 0 (always finite) and says so.
                hist = train(ds.X, ds.y, self._train_config(), ds.n_classes, W0=np.zeros_like(W0),
                             b0=np.zeros_like(b0))
        self.branches = [hist]
        self._set_history(hist, min(self._step, hist.last))
        if no_finite_start:  # after history_changed, which clears what was said about the run before
            self.message.emit("error", translate("Session", "The starting W, b give a loss too large to compute at "
                                                            "step 0: started from W = 0, b = 0."))

    def _initial_params(self, ds: Dataset):
        s = self._settings
        if s.init == "preset" and ds.W0 is not None and self._train_config().features.is_identity:
            return ds.W0, ds.b0
        init = "zeros" if s.init == "zeros" else "random"
        dim = self._train_config().features.dim
        return initial_params(ds.n_classes, dim, init, self._train_config().seed, s.init_scale)

    def _fit_knn(self, ds: Dataset, knn: KnnSettings) -> KNearestNeighbors | None:
        if len(ds) < knn.k:
            return None
        return KNearestNeighbors(knn.k, knn.metric).fit(ds.X, ds.y, ds.n_classes)

    def _branch(self, W=None, b=None) -> None:
        """Continue from the current step with the current settings (and edited W, b)."""
        ds, cfg = self.data.dataset, self._train_config()
        with one_blas_thread():
            hist = train(ds.X, ds.y, cfg, ds.n_classes, W0=W, b0=b, resume=(self._history, self._step))
        if hist.last < self._step:  # the branch point itself has no finite loss: nothing to show from it
            step = self._step
            if W is None:  # the settings are in force: show a run made with them
                self.retrain()
            what = "These W, b give" if W is not None else "The new settings give"
            self.message.emit("error", f"{what} a loss too large to compute at step {step}. "
                                       + ("Kept W, b as they were; try smaller values." if W is not None else
                                          "Retrained from step 0 instead; try a smaller learning rate."))
            return
        self.branches.append(hist)
        self._set_history(hist, self._step)

    def show_branch(self, index: int) -> None:
        """Show the recorded run ``branches[index]`` (step kept, clipped); the settings
        follow that run's config without retraining."""
        if self._history is None or not 0 <= index < len(self.branches):
            return
        hist = self.branches[index]
        if hist is self._history:
            return
        cfg = hist.config
        new = replace(self._settings, model="softmax" if cfg.loss.kind == "softmax" else "svm",
                      train=replace(cfg, steps=self._settings.train.steps))
        if new != self._settings:
            self._settings = new  # no retrain: the run is already recorded
            self.settings_changed.emit()
        self._set_history(hist, self._step)

    def show_history(self, hist: History, step: int, branches: list[History] | None = None) -> None:
        """Show a History recorded earlier (undo/redo, a lesson file) without training: it was
        trained on the points now shown."""
        self._retrain_timer.stop()
        self._trained_on = self.data.dataset
        if branches is not None:
            self.branches = list(branches)
        elif hist not in self.branches:
            self.branches.append(hist)
        self._set_history(hist, step)

    def flush(self) -> None:
        """Run a retrain scheduled for the next event-loop turn now, so the History fits the points."""
        if self._retrain_timer.isActive():
            self.retrain()

    def edit_params(self, W: np.ndarray, b: np.ndarray) -> None:
        """The user typed new W, b: continue training from them (a branch at this step)."""
        if self._history is None:
            return
        W, b = np.asarray(W, float), np.asarray(b, float)
        try:  # issue 13: e.g. a click far out on the loss surface (W ≈ 1e153): refused, the run stays
            check_param(W, "W")
            check_param(b, "b")
        except ValueError as err:
            self.message.emit("error", translate("Session", "{0}: W and b entries must lie within ±1e6 (a larger "
                                                            "value makes the loss too large to compute). Kept W, b "
                                                            "as they were.").format(i18n.in_language(str(err))))
            return
        self._branch(W, b)

    def randomize(self, seed: int | None = None) -> None:
        """New random W (a fresh seed) and retrain from it."""
        seed = int(np.random.SeedSequence().entropy % 2**31) if seed is None else seed
        self.update_settings(seed=seed, init="random")
        if not self._settings.restart:  # a branch would keep the old W: start over from the new one
            self.retrain()
        self.set_step(0)

    def extend(self, steps: int) -> bool:
        """Train ``steps`` more from the last step (playback past the end). False if it cannot."""
        self.flush()  # points just edited: the run shown is of the old points, never grow it on the new ones
        h = self._history
        if h is None or h.stop_reason in ("diverged", "converged") or len(h) >= MAX_STEPS:
            return False
        ds, cfg = self.data.dataset, replace(h.config, steps=min(steps, MAX_STEPS - len(h)))
        with one_blas_thread():
            grown = train(ds.X, ds.y, cfg, ds.n_classes, resume=(h, h.last))
        grown.parent, grown.branch_step = h.parent, h.branch_step
        i = next((k for k, run in enumerate(self.branches) if run is h), None)
        if i is None:
            self.branches.append(grown)
        else:
            self.branches[i] = grown  # the run grows in place; its branches keep their parent
        for run in self.branches:
            if run.parent is h:
                run.parent = grown
        self._set_history(grown, self._step)
        return True

    def train_until_converged(self, tol: float = 1e-6, max_steps: int = MAX_STEPS) -> None:
        """Keep training from the last step until the loss changes by less than ``tol``."""
        if self._history is None:
            return
        self.update_settings(tol=tol)
        h = self._history
        if h.stop_reason != "converged":
            self.extend(max_steps)
        self.set_step(self._history.last)

    def _set_history(self, hist: History | None, step: int) -> None:
        self._history = hist
        self._step = 0 if hist is None else int(np.clip(step, 0, hist.last))
        self.history_changed.emit()
        self._say_blowup(hist)  # after history_changed, which clears what was said about the run before
        self.step_changed.emit(self._step)

    def _say_blowup(self, hist: History | None) -> None:
        """The banner for a run that diverged or whose loss grows without bound (issue 13): the step where
        it left the finite range and the setting that caused it. COMPAT (h12): text → message code."""
        b = None if hist is None else blowup(hist)
        if b is None:
            return
        if b.setting == "lam":
            cause = translate("Session", "α = {0} with λ = {1}: the penalty alone multiplies W by {2} at every "
                                         "step, so W cannot settle. Try a smaller learning rate or λ.").format(
                f"{b.lr:g}", f"{b.lam:g}", f"{b.factor:.3g}")
        else:
            cause = translate("Session", "The learning rate α = {0} is too large for these points: try a smaller "
                                         "learning rate.").format(f"{b.lr:g}")
        if b.kind == "diverged":
            text = translate("Session", "Training diverged: the loss left the finite range at step {0}. {1} The "
                                        "plane shows step {2}, the last finite one.").format(b.step, cause,
                                                                                             b.last_finite)
            self.message.emit("error", text)
        else:
            text = translate("Session", "The loss is blowing up: {0} at step 0, {1} at step {2}. {3}").format(
                f"{b.loss0:.3g}", f"{b.loss_last:.3g}", b.step, cause)
            self.message.emit("warning", text)

    # --- playback cursor -------------------------------------------------------------
    def set_step(self, t: int) -> None:
        if self._history is None:
            return
        t = int(np.clip(t, 0, self._history.last))
        if t != self._step:
            self._step = t
            self.step_changed.emit(t)

    def step_forward(self) -> bool:
        """Move one step on; trains a little more at the end of the record. False at a stop."""
        self.flush()  # a playback tick can come before the retrain an edit of the points scheduled
        h = self._history
        if h is None:
            return False
        if self._step == h.last and not self.extend(100):
            return False
        self.set_step(self._step + 1)
        return True

    def step_back(self) -> None:
        self.set_step(self._step - 1)

    # --- score-table selection -----------------------------------------------------------
    def set_selected_examples(self, indices) -> None:
        sel = tuple(dict.fromkeys(int(i) for i in indices))
        if sel != self._selected:
            self._selected = sel
            self.selection_changed.emit()

    def toggle_selected(self, index: int) -> None:
        sel = list(self._selected)
        sel.remove(index) if index in sel else sel.append(index)
        self.set_selected_examples(sel)


class Playback(QObject):
    """Plays the recorded steps at ``speed`` steps per second (a QTimer over the session)."""

    playing_changed = Signal(bool)
    speed_changed = Signal(float)

    def __init__(self, session: SessionModel, speed: float = 30.0, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._speed = speed
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._set_interval()

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def speed(self) -> float:
        return self._speed

    def set_speed(self, steps_per_second: float) -> None:
        self._speed = float(np.clip(steps_per_second, 0.5, 1000.0))
        self._set_interval()
        self.speed_changed.emit(self._speed)

    def _set_interval(self) -> None:
        self._timer.setInterval(max(1, int(round(1000.0 / self._speed))))

    def play(self) -> None:
        if self.session.history is None or self.playing:
            return
        h = self.session.history
        if self.session.step >= h.last and h.stop_reason in ("converged", "diverged"):
            self.session.set_step(0)  # at the end: play again from the start
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def _tick(self) -> None:
        if not self.session.step_forward():
            self.pause()


class WhileDragging(Throttle):
    """A slot for a side view (loss curve, tables): called at once, except while a point is
    dragged — then at most once every ``interval_ms`` (the first call at once, the last one
    when the interval ends), and once more when the drag ends, so the view always ends on
    the final run. The plane, which the mouse moves, redraws on every event; a view that
    lags by a tenth of a second is not seen to lag, and the drag keeps its frame rate."""

    def __init__(self, session: SessionModel, slot, interval_ms: int = 100):
        super().__init__(slot, lambda: session.dragging, interval_ms, session)
        session.dragging_changed.connect(self._on_dragging)

    def _on_dragging(self, on: bool) -> None:
        if not on:
            self.release()


__all__ = ["DatasetModel", "SessionModel", "WhileDragging", "Settings", "KnnSettings", "Playback", "MODELS", "DatasetError",
           "LossConfig", "MAX_STEPS"]
