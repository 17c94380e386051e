"""The training session as plain Python: what each edit does to the run on screen.

A :class:`SessionState` is immutable: the points, the settings, the recorded runs (one
:class:`~linviz.engine.training.History` each; ``branches`` in the order they were made), the
run shown and its step. Every rule below takes a state and returns an :class:`Outcome`: the
new state and the events it caused, in the order a window must hear them — :class:`Change` (``SETTINGS``,
``HISTORY`` or ``STEP``, with the state right after it) and :class:`~linviz.engine.text.Message` (what the user
must be told, as a code with parameters; see ``linviz.session.messages``).

The rules (the lecture's words in brackets):

- new settings or new points **retrain from step 0** (``restart``), or **branch at the
  current step** (``restart=False``: training continues from the W on screen under the new
  settings; a new run is added, the old ones are kept);
- **hold W** (``hold_w``): edits never train. Moving or adding a point, or changing Δ, λ …,
  re-evaluates scores, losses and gradients with the W, b on screen — a run of one step;
  playing trains on from there;
- **typed parameters** (:func:`edit_params`) continue training from the W, b the user typed
  (a branch at the current step; under ``hold_w`` they are only evaluated);
- **grow a run** (:func:`extend`) past its end when playback reaches it (up to ``MAX_STEPS``),
  unless it diverged, converged or its loss stopped changing (``FINISHED``);
- a run that **diverges** stops at its last finite step and says so (``diverged``).

Runs are recorded once and then only read; growing a run replaces it by a longer one (its
branches are re-pointed to the new parent).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from linviz.engine.blas import one_blas_thread
from linviz.engine.datasets import Dataset
from linviz.engine.divergence import blowup
from linviz.engine.file_checks import MAX_ABS_PARAM, param_out_of_range
from linviz.engine.knn import KNearestNeighbors
from linviz.engine.lesson_file import Lesson, replay, runs_from_histories
from linviz.engine.text import Message
from linviz.engine.training import FINISHED, History, TrainConfig, initial_params, train

from .settings import MAX_STEPS, KnnSettings, Settings

SETTINGS = "settings"
HISTORY = "history"
STEP = "step"
CHANGES = (SETTINGS, HISTORY, STEP)


@dataclass(frozen=True)
class SessionState:
    """What a session shows. ``history`` is None for kNN (which does not train);
    ``trained_on`` is the data set the shown run was trained on (None: not trained yet);
    ``hold_w``: edits re-evaluate the W on screen instead of training."""

    dataset: Dataset
    settings: Settings = field(default_factory=Settings)
    history: History | None = None
    branches: tuple[History, ...] = ()
    step: int = 0
    knn: KNearestNeighbors | None = None
    trained_on: Dataset | None = None
    hold_w: bool = False

    @property
    def W(self) -> np.ndarray | None:
        """W (C, D) at the current step, one row per class."""
        return None if self.history is None else self.history.W[self.step]

    @property
    def b(self) -> np.ndarray | None:
        """b (C,) at the current step."""
        return None if self.history is None else self.history.b[self.step]

    @property
    def up_to_date(self) -> bool:
        """Whether the run shown was trained on the points of ``dataset``."""
        return trains_alike(self.trained_on, self.dataset)


@dataclass(frozen=True)
class Change:
    """``what`` changed (``SETTINGS``, ``HISTORY`` or ``STEP``), and the state right after it: a
    listener told of new settings sees the run of the old ones until ``HISTORY`` follows."""

    what: str
    state: SessionState


@dataclass(frozen=True)
class Outcome:
    """The state after an edit and what happened, in order: :class:`Change` and Messages."""

    state: SessionState
    events: tuple = ()

    @property
    def changes(self) -> tuple[str, ...]:
        """The names of what changed, in order (e.g. ``("settings", "history", "step")``)."""
        return tuple(e.what for e in self.events if isinstance(e, Change))

    @property
    def messages(self) -> tuple[Message, ...]:
        return tuple(e for e in self.events if isinstance(e, Message))

    def then(self, other: Outcome) -> Outcome:
        """This outcome followed by ``other`` (a rule built of two)."""
        return Outcome(other.state, self.events + other.events)


def _changed(state: SessionState, *what: str) -> Outcome:
    return Outcome(state, tuple(Change(w, state) for w in what))


def trains_alike(a: Dataset | None, b: Dataset) -> bool:
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


# ----------------------------------------------------------------------------- starting


def start(dataset: Dataset, settings: Settings | None = None, hold_w: bool = False) -> Outcome:
    """A session on ``dataset``, trained from step 0."""
    return retrain(SessionState(dataset, settings or Settings(), hold_w=hold_w))


def retrain(state: SessionState) -> Outcome:
    """Train from step 0 with the settings in force (kNN: fit); the step is kept, clipped."""
    ds, s = state.dataset, state.settings
    if not s.is_linear:
        knn = _fit_knn(ds, s.knn)
        out = _changed(replace(state, history=None, branches=(), knn=knn, step=0, trained_on=ds), HISTORY, STEP)
        if knn is None:  # after HISTORY, which clears what was said about the run before
            out = Outcome(out.state, out.events + (Message("knn_too_few", (s.knn.k, len(ds)), "warning"),))
        return out
    W0, b0 = _initial_params(ds, s)
    with one_blas_thread():
        hist = train(ds.X, ds.y, s.train_config(), ds.n_classes, W0=W0, b0=b0)
        if len(hist) == 0:
            # issue 13: a start whose step-0 loss overflows would give a run with no step at all (views
            # indexed step −1). Files and controls keep W0, λ, Δ in ranges where this cannot happen; should
            # it anyway, the run starts from W = 0, b = 0 (always finite) and says so.
            hist = train(ds.X, ds.y, s.train_config(), ds.n_classes, W0=np.zeros_like(W0), b0=np.zeros_like(b0))
            out = _show(replace(state, knn=None, branches=(hist,), trained_on=ds), hist, state.step)
            return Outcome(out.state, out.events + (Message("start_nonfinite", (), "error"),))
    return _show(replace(state, knn=None, branches=(hist,), trained_on=ds), hist, state.step)


def _initial_params(ds: Dataset, s: Settings):
    return starting_params(ds, s.train_config(), s.init, s.init_scale)


def starting_params(ds: Dataset, cfg: TrainConfig, init: str = "preset", scale: float = 0.01):
    """The W (C, D), b (C,) a run from step 0 starts from — the one rule for the app, lessons and
    ``linviz train``: ``init`` "preset" takes the data set's own W0, b0 when it has them and the
    features are the raw points (D = 2), else W ~ scale·N(0, 1) seeded by ``cfg.seed``, b = 0;
    "random" always that; "zeros" W = 0, b = 0."""
    if init == "preset" and ds.W0 is not None and cfg.features.is_identity:
        return ds.W0, ds.b0
    return initial_params(ds.n_classes, cfg.features.dim, "zeros" if init == "zeros" else "random", cfg.seed, scale)


def _fit_knn(ds: Dataset, knn: KnnSettings) -> KNearestNeighbors | None:
    if len(ds) < knn.k:
        return None
    return KNearestNeighbors(knn.k, knn.metric).fit(ds.X, ds.y, ds.n_classes)


def _show(state: SessionState, hist: History | None, step: int) -> Outcome:
    """``hist`` becomes the run shown, at ``step`` (clipped); a run that diverged or blows up says so."""
    step = 0 if hist is None else int(np.clip(step, 0, max(hist.last, 0)))
    out = _changed(replace(state, history=hist, step=step), HISTORY, STEP)
    said = None if hist is None else blowup_message(hist)
    if said is not None:  # after HISTORY, which clears what was said about the run before
        out = Outcome(out.state, out.events + (said,))
    return out


def blowup_message(hist: History) -> Message | None:
    """Issue 13's banner: ``diverged`` (the step where the loss left the finite range, why, the last finite
    step shown) or ``blowing_up`` (step 0's loss, the last one, its step, why); the cause is a Message of its
    own: ``cause_lam`` when the penalty alone multiplies W by |1 − αλc| ≥ 1 a step, else ``cause_lr``."""
    b = blowup(hist)
    if b is None:
        return None
    if b.setting == "lam":
        cause = Message("cause_lam", (f"{b.lr:g}", f"{b.lam:g}", f"{b.factor:.3g}"), "error")
    else:
        cause = Message("cause_lr", (f"{b.lr:g}",), "error")
    if b.kind == "diverged":
        return Message("diverged", (b.step, cause, b.last_finite), "error")
    return Message("blowing_up", (f"{b.loss0:.3g}", f"{b.loss_last:.3g}", b.step, cause), "warning")


# ----------------------------------------------------------------------------- edits


def apply_settings(state: SessionState, settings: Settings) -> Outcome:
    """New settings: retrain from 0, branch at the current step (``restart=False``), or — with
    ``hold_w`` — re-evaluate the W on screen under them."""
    if settings == state.settings:
        return Outcome(state)
    old = state.settings
    changed = _changed(replace(state, settings=settings), SETTINGS)
    if replace(old, restart=settings.restart) == settings:
        return changed  # only the restart/continue choice changed: nothing to train
    new = changed.state
    same_shape = old.train.features == settings.train.features  # W keeps its columns
    can_continue = old.is_linear and settings.is_linear and same_shape and new.history is not None
    if can_continue and new.hold_w:
        return changed.then(_hold(new, new.W, new.b))
    if settings.restart or not can_continue:
        return changed.then(retrain(new))
    return changed.then(_branch(new))


def update_settings(state: SessionState, **changes) -> Outcome:
    """apply_settings with ``changes`` (keys of TrainConfig go into ``train``)."""
    return apply_settings(state, state.settings.with_changes(**changes))


def use_dataset(state: SessionState, dataset: Dataset) -> Outcome:
    """The points changed: retrain from 0 — or, with ``hold_w``, re-evaluate the W on screen on
    them. Names alone (classes, the set) change no step."""
    if dataset is state.dataset and state.up_to_date:
        return Outcome(state)
    new = replace(state, dataset=dataset)
    if trains_alike(state.trained_on, dataset):
        return Outcome(replace(new, trained_on=dataset))
    if new.hold_w and new.settings.is_linear and new.history is not None \
            and new.history.W.shape[1] == dataset.n_classes:
        return _hold(new, new.W, new.b)
    return retrain(new)


def set_hold_w(state: SessionState, on: bool) -> Outcome:
    """Turn "hold W" on or off (off: the next edit trains again; nothing changes now)."""
    return Outcome(replace(state, hold_w=bool(on)))


def _hold(state: SessionState, W, b) -> Outcome:
    """A one-step run at (W, b) on the state's points and settings: the scores, losses and
    gradients of the W on screen, nothing trained."""
    ds = state.dataset
    cfg = replace(state.settings.train_config(), steps=0)
    with one_blas_thread():
        hist = train(ds.X, ds.y, cfg, ds.n_classes, W0=np.array(W, float), b0=np.array(b, float))
    if len(hist) == 0:  # W is fine, but its loss on these points overflows
        return _retrain_saying(state, Message("held_w_nonfinite", (), "error"))
    return _show(replace(state, branches=(hist,), trained_on=ds), hist, 0)


def _retrain_saying(state: SessionState, message: Message) -> Outcome:
    """Retrain from step 0 and say why (after the new run's events)."""
    out = retrain(state)
    return Outcome(out.state, out.events + (message,))


def edit_params(state: SessionState, W: np.ndarray, b: np.ndarray) -> Outcome:
    """The user typed W (C, D), b (C,): continue training from them (a branch at this step;
    with ``hold_w``, only evaluated)."""
    if state.history is None:
        return Outcome(state)
    W, b = np.asarray(W, float), np.asarray(b, float)
    if W.shape != state.history.W.shape[1:] or b.shape != state.history.b.shape[1:]:
        return Outcome(state)  # W, b of another run's shape (a view not yet redrawn after an edit): nothing to do
    bad = param_out_of_range(W, "W") or param_out_of_range(b, "b")
    if bad is not None:  # issue 13: e.g. a click far out on the loss surface (W ≈ 1e153): refused, the run stays
        return Outcome(state, (Message("params_out_of_range", (*bad, f"{MAX_ABS_PARAM:g}"), "error"),))
    if state.hold_w:
        return _hold(state, W, b)
    return _branch(state, W, b)


def _branch(state: SessionState, W=None, b=None) -> Outcome:
    """Continue from the current step with the settings in force (and typed W, b)."""
    ds, cfg, step = state.dataset, state.settings.train_config(), state.step
    with one_blas_thread():
        hist = train(ds.X, ds.y, cfg, ds.n_classes, W0=W, b0=b, resume=(state.history, step))
    if hist.last < step:  # the branch point itself has no finite loss: nothing to show from it
        if W is not None:
            return Outcome(state, (Message("typed_params_nonfinite", (step,), "error"),))
        return _retrain_saying(state, Message("settings_nonfinite", (step,), "error"))
    return _show(replace(state, branches=state.branches + (hist,)), hist, step)


def randomize(state: SessionState, seed: int) -> Outcome:
    """A new random W (from ``seed``) and training from it, shown from step 0."""
    out = update_settings(state, seed=int(seed), init="random")
    if not out.state.settings.restart:  # a branch would keep the old W: start over from the new one
        out = out.then(retrain(out.state))
    return out.then(set_step(out.state, 0))


# ----------------------------------------------------------------------------- runs and steps


def show_branch(state: SessionState, index: int) -> Outcome:
    """Show the recorded run ``branches[index]`` (step kept, clipped); the settings follow
    that run's config, without training."""
    if state.history is None or not 0 <= index < len(state.branches):
        return Outcome(state)
    hist = state.branches[index]
    if hist is state.history:
        return Outcome(state)
    cfg = hist.config
    s = state.settings
    settings = replace(s, model="softmax" if cfg.loss.kind == "softmax" else "svm",
                       train=replace(cfg, steps=s.train.steps))
    first = _changed(replace(state, settings=settings), *((SETTINGS,) if settings != s else ()))
    return first.then(_show(first.state, hist, state.step))


def show_history(state: SessionState, hist: History, step: int,
                 branches: tuple[History, ...] | None = None) -> Outcome:
    """Show a run recorded earlier (undo, a lesson) on the points now shown, without training."""
    if branches is not None:
        runs = tuple(branches)
    else:
        runs = state.branches if any(r is hist for r in state.branches) else state.branches + (hist,)
    return _show(replace(state, branches=runs, knn=None, trained_on=state.dataset), hist, step)


def set_step(state: SessionState, t: int) -> Outcome:
    """Move the playback cursor to step ``t`` (clipped to the run)."""
    if state.history is None:
        return Outcome(state)
    t = int(np.clip(t, 0, state.history.last))
    if t == state.step:
        return Outcome(state)
    return _changed(replace(state, step=t), STEP)


def can_extend(state: SessionState) -> bool:
    h = state.history
    return h is not None and h.stop_reason not in FINISHED and len(h) < MAX_STEPS


def extend(state: SessionState, steps: int) -> Outcome:
    """Train ``steps`` more from the last step of the run shown (playback past its end). The run
    grows in place of the old one; nothing happens at a stop (FINISHED, MAX_STEPS)."""
    if not can_extend(state):
        return Outcome(state)
    h, ds = state.history, state.dataset
    cfg = replace(h.config, steps=min(steps, MAX_STEPS - len(h)))
    with one_blas_thread():
        grown = train(ds.X, ds.y, cfg, ds.n_classes, resume=(h, h.last))
    grown.parent, grown.branch_step = h.parent, h.branch_step
    runs = tuple(grown if r is h else r for r in state.branches)
    if not any(r is grown for r in runs):
        runs += (grown,)
    for run in runs:
        if run.parent is h:
            run.parent = grown
    return _show(replace(state, branches=runs), grown, state.step)


def step_forward(state: SessionState, chunk: int = 100) -> Outcome:
    """One step on; trains ``chunk`` more at the end of the record. No events at a stop."""
    if state.history is None:
        return Outcome(state)
    out = Outcome(state)
    if state.step == state.history.last:
        out = extend(state, chunk)
        if out.state.history is state.history:
            return out
    return out.then(set_step(out.state, out.state.step + 1))


def train_until_converged(state: SessionState, tol: float = 1e-6, max_steps: int = MAX_STEPS) -> Outcome:
    """Keep training from the last step until the stop rule with ``tol`` fires (gradient ≈ 0, or the
    loss's relative change per unit rate under tol: ``engine/training.py``); shows the last step."""
    if state.history is None:
        return Outcome(state)
    out = update_settings(state, tol=tol)
    if out.state.history.stop_reason not in ("converged", "small_change"):
        out = out.then(extend(out.state, max_steps))
    return out.then(set_step(out.state, out.state.history.last))


# ----------------------------------------------------------------------------- lessons


def open_lesson(lesson) -> Outcome:
    """A session showing ``lesson`` (a parsed :class:`~linviz.engine.lesson_file.Lesson`): its
    runs re-run on its points, the run and step it was on. Runs that do not reproduce are
    shown as re-run, with a warning each (``replay_length``, ``replay_stop``, ``replay_loss``).
    Raises LessonError when a run cannot be re-run at all."""
    histories, warnings = replay(lesson.runs, lesson.dataset)
    return show_lesson(lesson, histories, tuple(warnings))


def show_lesson(lesson, histories, warnings: tuple = (), hold_w: bool = False) -> Outcome:
    """The session of ``lesson`` whose runs were already re-run into ``histories``."""
    state = SessionState(lesson.dataset, lesson.settings, hold_w=hold_w)
    if lesson.settings.is_linear and lesson.current_run is not None:
        out = show_history(state, histories[lesson.current_run], lesson.step,
                           tuple(histories[i] for i in lesson.branches))
    else:
        out = retrain(state)
    return Outcome(out.state, ((Change(SETTINGS, out.state),) + out.events + tuple(warnings)))


def lesson_of(state: SessionState, selected=(), current_class: int = 0, autosave_of: str | None = None):
    """The :class:`~linviz.engine.lesson_file.Lesson` that :func:`open_lesson` turns back into
    ``state`` (with the score table's ``selected`` points and the class new points get)."""
    h = state.history
    runs, branches, current = runs_from_histories(list(state.branches), h) if h is not None else ((), (), None)
    return Lesson(state.dataset, state.settings, state.step if h is not None else 0, tuple(selected),
                  current_class, runs, branches, current, autosave_of)


__all__ = ["open_lesson", "show_lesson", "lesson_of", "SessionState", "Outcome", "Change", "SETTINGS", "HISTORY", "STEP", "trains_alike", "start", "retrain",
           "apply_settings", "update_settings", "use_dataset", "set_hold_w", "edit_params", "randomize",
           "show_branch", "show_history", "set_step", "extend", "can_extend", "step_forward",
           "train_until_converged"]
