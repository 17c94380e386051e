"""Qt-side state: the points on the plane and the training session.

The flow is one-directional (see DESIGN): a view turns a gesture into a call
on a model; the session core (:mod:`linviz.session.core`, plain Python) decides
what the edit does and returns new immutable state with its events;
:class:`SessionModel` turns those into signals (and coded messages into
translated text); every view redraws from the models. Playback only moves a
cursor over the recorded History, so stepping back costs nothing.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from linviz.engine.datasets import CLASS_NAME as ENGLISH_CLASS_NAME
from linviz.engine.datasets import Dataset, DatasetError, default_class_names, make_preset
from linviz.engine.knn import KNearestNeighbors
from linviz.engine.losses import LossConfig
from linviz.engine.text import QT_TRANSLATE_NOOP, Message
from linviz.engine.training import FINISHED, History
from linviz.session import core
from linviz.session.settings import MAX_STEPS, MODELS, KnnSettings, Settings

from .clock import PlaybackClock
from .messages import message_text
from .throttle import GestureThrottle


CLASS_NAME = QT_TRANSLATE_NOOP("Data", "class {0}")
"""The default class names ("class 1" …), translated where a data set is shown."""


def class_name_template() -> str:
    """How a default class name reads in the language shown ("clase {0}" in Spanish)."""
    return QCoreApplication.translate("Data", CLASS_NAME)


def renamed_defaults(names: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    """``names`` with each default name of template ``old`` ("class 2") read with ``new``
    ("clase 2"); names the teacher or a preset gave stay."""
    return renamed_as(names, default_class_names(len(names), old), default_class_names(len(names), new))


def renamed_as(names: tuple[str, ...], old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` with each class still named ``old[k]`` named ``new[k]`` (a language switch: "cat"
    → "gato"); a class the teacher renamed since keeps its name. Names do not enter training."""
    return tuple(new[k] if k < len(old) and k < len(new) and name == old[k] else name
                 for k, name in enumerate(names))


def shown_dataset(dataset: Dataset) -> Dataset:
    """``dataset`` as the plane shows it: its default class names ("class 1") read in the language shown
    ("clase 1"), unless the renamed names would clash with names it has."""
    names = renamed_defaults(dataset.class_names, ENGLISH_CLASS_NAME, class_name_template())
    if names != dataset.class_names and len(set(names)) == len(names):  # ("clase 1", "class 1") would clash
        dataset = dataset.with_class_names(names)
    return dataset


class DatasetModel(QObject):
    """The points on the plane (an immutable Dataset) and the class new points get."""

    changed = Signal()
    current_class_changed = Signal(int)

    def __init__(self, dataset: Dataset | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._dataset = shown_dataset(dataset if dataset is not None else make_preset("cs231n"))
        self._current_class = 0

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    @property
    def current_class(self) -> int:
        return self._current_class

    def set_dataset(self, dataset: Dataset) -> None:
        """Show ``dataset``; its default class names ("class 1") read in the language shown."""
        self._dataset = shown_dataset(dataset)
        if self._current_class >= self._dataset.n_classes:
            self.set_current_class(0)
        self.changed.emit()

    def _swap(self, dataset: Dataset, current_class: int) -> int:
        """Put ``dataset`` (already :func:`shown_dataset`) and the class new points get in place, no signal
        (:meth:`SessionModel.swap_in` emits them once the whole session is in place); the old class."""
        old = self._current_class
        self._dataset = dataset
        self._current_class = int(np.clip(current_class, 0, dataset.n_classes - 1))
        return old

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
        names = list(ds.class_names[:n]) + list(default_class_names(n, class_name_template())[len(ds.class_names):])
        keep = ds.y < n
        self.set_dataset(Dataset(ds.X[keep], ds.y[keep], tuple(names), ds.name))


EXTEND_CHUNK = 100
"""Playing past a run's recorded end trains this many more steps at a time."""


class SessionModel(QObject):
    """The Qt face of a :class:`~linviz.session.core.SessionState`: each call runs a rule of
    :mod:`linviz.session.core` and turns the events it returns into signals.

    Signals: settings_changed; history_changed (a new History, or the same one
    grown); step_changed(t); selection_changed (examples of the score table);
    message(level, text): something the user must be told, translated (``notice(Message)``
    carries the same as a code with parameters); dragging_changed(on): a point is being
    dragged on the plane, or no longer; hold_changed(on): "hold W" was turned on or off.

    Edits of the points arrive through ``data.changed`` and are applied on the next turn of
    the event loop (several edits in one turn train once); :meth:`flush` applies them now.
    """

    settings_changed = Signal()
    history_changed = Signal()
    step_changed = Signal(int)
    selection_changed = Signal()
    message = Signal(str, str)
    notice = Signal(object)
    dragging_changed = Signal(bool)
    hold_changed = Signal(bool)

    def __init__(self, data: DatasetModel, settings: Settings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.data = data
        self._state = core.SessionState(data.dataset, settings or Settings())
        self._selected: tuple[int, ...] = ()
        self._dragging = False
        self._retrain_timer = QTimer(self, singleShot=True, interval=0)
        self._retrain_timer.timeout.connect(self._apply_points)
        data.changed.connect(self._on_data_changed)
        self.retrain()

    # --- the core -------------------------------------------------------------------
    @property
    def state(self) -> core.SessionState:
        """The session as plain data (what the core rules take and return)."""
        return self._state

    def _run(self, rule, *args, **kwargs) -> core.Outcome:
        """Apply ``rule(state with the points shown, …)`` and emit its events in order."""
        state = self._state
        if state.dataset is not self.data.dataset:
            state = replace(state, dataset=self.data.dataset)
        out = rule(state, *args, **kwargs)
        if out.state.up_to_date or out.state.trained_on is None:
            self._retrain_timer.stop()
        self._state = state
        reentered = False  # a listener made an edit of its own: its state wins from then on
        for event in out.events:
            if isinstance(event, Message):
                self.tell(event)
                continue
            if not reentered:
                self._state = event.state  # a listener sees the state as it was right after this change
            if event.what == core.SETTINGS:
                self.settings_changed.emit()
            elif event.what == core.HISTORY:
                self.history_changed.emit()
            elif event.what == core.STEP:
                self.step_changed.emit(self._state.step)
            reentered = reentered or self._state is not event.state
        if not reentered:
            self._state = out.state
        return out

    def tell(self, message: Message) -> None:
        """Tell the user ``message`` (a code with parameters), in the language shown."""
        self.notice.emit(message)
        self.message.emit(message.level, message_text(message))

    # --- state ---------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._state.settings

    @property
    def hold_w(self) -> bool:
        """True while edits keep the W on screen (points and settings re-evaluate it, nothing trains)."""
        return self._state.hold_w

    def set_hold_w(self, on: bool) -> None:
        if bool(on) != self.hold_w:
            self._run(core.set_hold_w, on)
            self.hold_changed.emit(bool(on))  # the switch in the status bar follows

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
        return self._state.history

    @property
    def branches(self) -> list[History]:
        """The recorded runs, in the order they were made (a copy)."""
        return list(self._state.branches)

    @property
    def knn(self) -> KNearestNeighbors | None:
        """The fitted kNN classifier (None for linear models or fewer than k points)."""
        return self._state.knn

    @property
    def step(self) -> int:
        return self._state.step

    @property
    def W(self) -> np.ndarray | None:
        """W (C, D) at the current step, one row per class."""
        return self._state.W

    @property
    def b(self) -> np.ndarray | None:
        return self._state.b

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

    # --- edits (each one rule of the core) -------------------------------------------------
    def set_settings(self, settings: Settings) -> None:
        """Apply new settings; retrains from step 0 or branches from the current step."""
        self._run(core.apply_settings, settings)

    def update_settings(self, **changes) -> None:
        """set_settings(replace(settings, **changes)); keys of TrainConfig go into ``train``."""
        self.set_settings(self._state.settings.with_changes(**changes))

    def _on_data_changed(self) -> None:
        keep = tuple(i for i in self._selected if i < len(self.data.dataset))
        if keep != self._selected:
            self._selected = keep
            self.selection_changed.emit()
        if not core.trains_alike(self._state.trained_on, self.data.dataset):  # a rename alone changes no step
            self._retrain_timer.start()
        else:
            self._state = replace(self._state, dataset=self.data.dataset, trained_on=self.data.dataset)

    def retrain(self) -> None:
        """Train from step 0 with the current settings (kNN: refit)."""
        self._run(core.retrain)

    def flush(self) -> None:
        """Apply an edit of the points scheduled for the next event-loop turn now (retrain, or
        re-evaluate the held W), so the History fits the points."""
        if self._retrain_timer.isActive():
            self._apply_points()

    def _apply_points(self) -> None:
        self._retrain_timer.stop()
        self._run(core.use_dataset, self.data.dataset)

    def show_branch(self, index: int) -> None:
        """Show the recorded run ``branches[index]`` (step kept, clipped); the settings
        follow that run's config without retraining."""
        self._run(core.show_branch, index)

    def show_history(self, hist: History, step: int, branches: list[History] | None = None) -> None:
        """Show a History recorded earlier (undo/redo, a lesson file) without training: it was
        trained on the points now shown."""
        self._run(core.show_history, hist, step, None if branches is None else tuple(branches))

    def swap_in(self, out: core.Outcome, current_class: int = 0, selected=()) -> None:
        """Show a whole session built beforehand (a lesson: ``out`` of :func:`core.show_lesson`, its points
        already :func:`shown_dataset`) in one swap: the points, the class new points get, the settings, the
        runs, the step and the score table's points are assigned together, then the signals follow, each
        once. Nothing is computed here, so nothing can fail half-way: whatever went wrong while building
        ``out`` left the window exactly as it was."""
        state = out.state
        sel = tuple(dict.fromkeys(int(i) for i in selected if 0 <= int(i) < len(state.dataset)))
        self._retrain_timer.stop()
        old_class = self.data._swap(state.dataset, current_class)
        self._state, self._selected = state, sel  # the swap: from here on the window shows the new session
        self.data.changed.emit()
        if self.data.current_class != old_class:
            self.data.current_class_changed.emit(self.data.current_class)
        self.selection_changed.emit()
        for event in out.events:
            if isinstance(event, Message):
                self.tell(event)
            elif event.what == core.SETTINGS:
                self.settings_changed.emit()
            elif event.what == core.HISTORY:
                self.history_changed.emit()
            elif event.what == core.STEP:
                self.step_changed.emit(self._state.step)

    def edit_params(self, W: np.ndarray, b: np.ndarray) -> None:
        """The user typed new W, b: continue training from them (a branch at this step)."""
        self._run(core.edit_params, W, b)

    def randomize(self, seed: int | None = None) -> None:
        """New random W (a fresh seed) and retrain from it."""
        seed = int(np.random.SeedSequence().entropy % 2**31) if seed is None else seed
        self._run(core.randomize, seed)

    def extend(self, steps: int) -> bool:
        """Train ``steps`` more from the last step (playback past the end). False if it cannot."""
        self.flush()  # points just edited: the run shown is of the old points, never grow it on the new ones
        before = self._state.history
        return self._run(core.extend, steps).state.history is not before

    def train_until_converged(self, tol: float = 1e-6, max_steps: int = MAX_STEPS) -> None:
        """Keep training from the last step until the loss changes by less than ``tol``."""
        self._run(core.train_until_converged, tol, max_steps)

    # --- playback cursor -------------------------------------------------------------
    def set_step(self, t: int) -> None:
        self._run(core.set_step, t)

    def step_forward(self) -> bool:
        """Move one step on; trains a little more at the end of the record. False at a stop."""
        self.flush()  # a playback tick can come before the retrain an edit of the points scheduled
        before = self._state.step
        return self._run(core.step_forward, EXTEND_CHUNK).state.step != before

    def step_back(self) -> None:
        self.set_step(self._state.step - 1)

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


class Playback(PlaybackClock):
    """Plays the recorded steps of the session at ``speed`` steps per second, training the run
    on when playback reaches its end (the app's one clock: :class:`~linviz.ui.clock.PlaybackClock`)."""

    def __init__(self, session: SessionModel, speed: float = 30.0, parent: QObject | None = None):
        self.session = session
        super().__init__(speed, parent)

    def can_play(self) -> bool:
        return self.session.history is not None

    def at_end(self) -> bool:
        h = self.session.history
        return h is not None and self.session.step >= h.last and h.stop_reason in FINISHED

    def restart(self) -> None:
        self.session.set_step(0)

    def advance(self, steps: int) -> bool:
        if steps == 1:
            return self.session.step_forward()
        s = self.session
        s.flush()  # a tick can come before the retrain an edit of the points scheduled
        if s.history is None:
            return False
        target = s.step + steps
        while s.history.last < target and s.extend(max(EXTEND_CHUNK, steps)):
            pass
        s.set_step(min(target, s.history.last))
        return s.step == target


class WhileDragging(GestureThrottle):
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


__all__ = ["shown_dataset", "DatasetModel", "SessionModel", "WhileDragging", "Settings", "KnnSettings", "Playback", "MODELS", "DatasetError",
           "LossConfig"]
