"""A scene applied without a window: its points, its run, and the figures it states.

``apply_scene(scene)`` builds the :class:`SceneState` — the data set, the training
configuration, the recorded History from the scene's W and b (or its ``init``) and the step
shown — with the engine alone. ``measure_scene(scene, state)`` computes every figure the
scene names, as :class:`linviz.engine.lessons.Figure` rows (measured beside expected).

A figure names one of :data:`MEASURES`:

- ``loss``, ``data_loss``, ``reg_loss``, ``accuracy``: the run's figures at the step shown;
- ``example_loss`` {index}: the example's L_i at the step (SVM: Σ_{j≠y} max(0, s_j − s_y + Δ);
  Softmax: −ln p_y);
- ``score`` {index, class}: s_class = w_class·x_index + b_class;
- ``scaled_w_loss`` {factor}: the data loss with W and b multiplied by ``factor`` (is W unique?);
- ``steps``: the last recorded step (how long training ran before it stopped);
- ``loss_at`` {step}: the total loss at another step of the run (a number or "last");
- ``lsq_change`` / ``svm_change`` {index, to}: the share of the plane (a 121 × 121 grid over
  [−3, 3]²) whose predicted class changes when point ``index`` moves to ``to`` — least squares on
  one-hot targets solved exactly, W* = argmin Σ‖W x̃_i − e_{y_i}‖² (x̃ = [x, 1]), against the
  scene's SVM trained to its step;
- ``lesson`` {name}: the figures of one of the lecture's demonstrations
  (:mod:`linviz.engine.lessons`) on the scene's state; this one may give several rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..engine import lessons
from ..engine.datasets import Dataset, make_preset
from ..engine.lessons import Figure
from ..engine.training import History, TrainConfig, train
from .format import DEFAULT_TRAIN, MEASURE_NAMES, LectureError, Scene, class_names, scene_config


PLANE_HALF = lessons.PLANE


@dataclass(frozen=True)
class SceneState:
    """A scene, applied: ``history`` is None for kNN. ``step`` is the step shown."""

    dataset: Dataset
    model: str
    config: TrainConfig
    history: History | None
    step: int

    @property
    def W(self) -> np.ndarray:
        return self.history.W[self.step]

    @property
    def b(self) -> np.ndarray:
        return self.history.b[self.step]


def scene_dataset(scene: Scene, language: str = "en") -> Dataset:
    """The scene's points, their classes named in ``language`` (names do not enter training)."""
    d = scene.data
    if "preset" in d:
        kwargs = {k: d[k] for k in ("n_per_class", "n_classes", "seed") if k in d}
        return make_preset(d["preset"], **kwargs)
    pts = np.asarray([p[:2] for p in d["points"]], float)
    y = np.asarray([p[2] for p in d["points"]], np.int64)
    return Dataset(pts, y, class_names(d, language), name=scene.id)


def apply_scene(scene: Scene, where: str = "scene", language: str = "en") -> SceneState:
    """The scene's points (classes named in ``language``), configuration and run, trained to the
    step it shows: the same run in every language."""
    ds = scene_dataset(scene, language)
    cfg = scene_config(scene, where)
    if scene.model == "knn":
        return SceneState(ds, "knn", cfg, None, 0)
    W0 = b0 = None
    init = scene.init
    if scene.W is not None:
        W0, b0 = np.asarray(scene.W, float), np.asarray(scene.b, float)
        dim = cfg.features.transform(ds.X[:1]).shape[1]
        if W0.shape != (ds.n_classes, dim):
            raise LectureError(f"{where}.W: is {W0.shape[0]}×{W0.shape[1]}; the scene's {ds.n_classes} classes "
                               f"and {dim} features need {ds.n_classes}×{dim}")
    elif init == "preset":
        W0, b0 = ds.W0, ds.b0
        init = "zeros" if W0 is None else init
    steps = cfg.steps if scene.step == "last" else max(int(scene.step), 0)
    run_cfg = replace(cfg, steps=max(steps, 0)) if scene.step != "last" else cfg
    h = train(ds.X, ds.y, run_cfg, ds.n_classes, W0=W0, b0=b0, init="zeros" if init == "preset" else init)
    if len(h) == 0:
        raise LectureError(f"{where}: its start gives no finite loss (W or b far too large)")
    step = h.last if scene.step == "last" else min(int(scene.step), h.last)
    return SceneState(ds, scene.model, cfg, h, step)


# ----------------------------------------------------------------------------- measures


def _need_run(state: SceneState, name: str) -> None:
    if state.history is None:
        raise LectureError(f"{name}: needs a linear model (the scene is kNN)")


def _index(state: SceneState, args: dict) -> int:
    i = args.get("index", 0)
    if not isinstance(i, int) or not 0 <= i < len(state.dataset):
        raise LectureError(f"index {i!r}: the scene has points 0 to {len(state.dataset) - 1}")
    return i


def _run_figure(kind: str):
    def measure(state: SceneState, args: dict) -> float:
        _need_run(state, kind)
        arr = {"loss": state.history.loss, "data_loss": state.history.data_loss,
               "reg_loss": state.history.reg_loss, "accuracy": state.history.train_acc}[kind]
        return float(arr[state.step])
    return measure


def example_loss(state: SceneState, args: dict) -> float:
    _need_run(state, "example_loss")
    i = _index(state, args)
    L = lessons._L_i(state.dataset, state.W, state.b, state.config.loss, state.config.features)
    return float(L[i])


def score(state: SceneState, args: dict) -> float:
    _need_run(state, "score")
    i, j = _index(state, args), args.get("class", 0)
    if not isinstance(j, int) or not 0 <= j < state.dataset.n_classes:
        raise LectureError(f"class {j!r}: the scene has classes 0 to {state.dataset.n_classes - 1}")
    s = lessons.scores_of(state.dataset, state.W, state.b, state.config.features)
    return float(s[i, j])


def scaled_w_loss(state: SceneState, args: dict) -> float:
    _need_run(state, "scaled_w_loss")
    f = float(args.get("factor", 2.0))
    return float(lessons._loss(state.dataset, f * state.W, f * state.b, state.config.loss, state.config.features))


def steps(state: SceneState, args: dict) -> float:
    _need_run(state, "steps")
    return float(state.history.last)


def loss_at(state: SceneState, args: dict) -> float:
    """The total loss at step ``step`` (an int, or "last") of the scene's run."""
    _need_run(state, "loss_at")
    t = args.get("step", 0)
    h = state.history
    if t == "last":
        t = h.last
    if not isinstance(t, int) or not 0 <= t <= h.last:
        raise LectureError(f"step {t!r}: the run has steps 0 to {h.last}")
    return float(h.loss[t])


def least_squares_params(ds: Dataset) -> tuple[np.ndarray, np.ndarray]:
    """W (C, 2), b (C,) minimising Σ_i ‖W x_i + b − e_{y_i}‖² (one-hot targets), solved exactly."""
    Xt = np.column_stack([ds.X, np.ones(len(ds))])
    T = np.eye(ds.n_classes)[ds.y]
    sol, *_ = np.linalg.lstsq(Xt, T, rcond=None)  # (3, C)
    return sol[:2].T, sol[2]


def _moved(state: SceneState, args: dict) -> Dataset:
    i = _index(state, args)
    to = args.get("to")
    if not (isinstance(to, list) and len(to) == 2 and all(isinstance(v, (int, float)) for v in to)):
        raise LectureError("to: must be [x, y]")
    return state.dataset.with_moved_point(i, float(to[0]), float(to[1]))


def _changed_share(before: np.ndarray, after: np.ndarray) -> float:
    return float((before != after).mean())


def lsq_change(state: SceneState, args: dict) -> float:
    grid = lessons.plane_grid(half=PLANE_HALF)
    W, b = least_squares_params(state.dataset)
    W2, b2 = least_squares_params(_moved(state, args))
    return _changed_share((grid @ W.T + b).argmax(1), (grid @ W2.T + b2).argmax(1))


def svm_change(state: SceneState, args: dict) -> float:
    _need_run(state, "svm_change")
    grid = lessons.plane_grid(half=PLANE_HALF)
    moved = _moved(state, args)
    h0 = state.history
    h1 = train(moved.X, moved.y, replace(state.config, steps=h0.last), moved.n_classes,
               W0=h0.W[0], b0=h0.b[0])
    phi = state.config.features.transform(grid)
    return _changed_share((phi @ h0.W[h0.last].T + h0.b[h0.last]).argmax(1),
                          (phi @ h1.W[h1.last].T + h1.b[h1.last]).argmax(1))


LESSONS = {
    "small_w_loss": lambda s: lessons.small_w_loss(s.dataset, s.history.W[0], s.history.b[0], s.config.loss.delta),
    "all_classes_sum": lambda s: lessons.all_classes_sum(s.dataset, s.W, s.b, s.config.loss.delta),
    "mean_over_classes": lambda s: lessons.mean_over_classes(s.dataset, s.config),
    "squared_hinge": lambda s: lessons.squared_hinge(s.dataset, s.config, s.history.W[0], s.history.b[0]),
    "delta_lambda_tradeoff": lambda s: lessons.delta_lambda_tradeoff(s.dataset, s.config, 100.0),
    "loss_extremes": lambda s: lessons.loss_extremes(s.dataset, s.W, s.b, 0, s.config.loss.delta),
    "svm_vs_softmax": lambda s: lessons.svm_vs_softmax(s.dataset, s.config),
    "regularisation_margin": lambda s: lessons.regularisation_margin(s.dataset, s.config, 0.3),
    "l1_zeros": lambda s: lessons.l1_zeros(s.dataset, s.config, 0.05),
    "batch_noise": lambda s: lessons.batch_noise(s.dataset, s.config),
    "naive_sgd_loop": lambda s: lessons.naive_sgd_loop(s.dataset, s.config),
    "kernels": lambda s: lessons.kernels(s.dataset, s.config),
}
"""The lecture's demonstrations (:mod:`linviz.engine.lessons`) a scene can name."""

MEASURES = {
    "loss": _run_figure("loss"), "data_loss": _run_figure("data_loss"), "reg_loss": _run_figure("reg_loss"),
    "accuracy": _run_figure("accuracy"), "example_loss": example_loss, "score": score,
    "scaled_w_loss": scaled_w_loss, "steps": steps, "loss_at": loss_at, "lsq_change": lsq_change, "svm_change": svm_change,
    "lesson": None,  # several rows: see measure_scene
}
if set(MEASURES) != set(MEASURE_NAMES):  # the format names what a lecture file may ask for
    raise ImportError(f"measures and the lecture format disagree: {sorted(set(MEASURES) ^ set(MEASURE_NAMES))}")


def measure_scene(scene: Scene, state: SceneState) -> list[Figure]:
    """Every figure the scene states, measured on ``state`` (lessons expand to their rows)."""
    out: list[Figure] = []
    for k, f in enumerate(scene.figures):
        if f.measure == "lesson":
            name = f.args.get("name")
            if name not in LESSONS:
                raise LectureError(f"figures[{k}].args.name: must be one of {', '.join(LESSONS)}")
            _need_run(state, name)
            out.extend(LESSONS[name](state).figures)
            continue
        value = MEASURES[f.measure](state, f.args)
        label = f.label.en if f.label is not None else _default_label(f.measure, f.args)
        out.append(Figure(label, value, f.expected, f.relation, f.tol))
    return out


def _default_label(measure: str, args: dict) -> str:
    if not args:
        return measure.replace("_", " ")
    return f"{measure.replace('_', ' ')} ({', '.join(f'{k} = {v}' for k, v in args.items())})"


__all__ = ["SceneState", "apply_scene", "measure_scene", "scene_config", "scene_dataset", "least_squares_params",
           "MEASURES", "LESSONS", "DEFAULT_TRAIN"]
