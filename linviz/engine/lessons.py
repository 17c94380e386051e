"""The lecture's questions, answered with numbers: expected against measured.

Each function computes one demonstration of the lecture (the Lecture dock
in the app calls them after putting the app into the matching state) and
returns a :class:`Lesson`: a few :class:`Figure` rows — what the lecture
predicts, what was measured, how the two must compare — and a one-line
verdict in English.

Labels are English templates (``{0}`` takes ``Figure.args``), marked with
``QT_TRANSLATE_NOOP("Demos", …)`` so that Qt's ``lupdate`` collects them;
the UI translates them when it shows them. Nothing here imports Qt.

Runs here start from W = 0 (``init="zeros"``) unless W0 is given, so every
figure is deterministic and, for the scaling lessons, exact.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from .datasets import Dataset
from .demo_figures import (  # the figures and shared measurements, one import path with the demos
    PLANE,
    RELATIONS,  # noqa: F401 (re-exported)
    Figure,
    Lesson,
    _L_i,
    _lesson,
    _loss,
    _plain,
    _predict,
    _run,
    combine,  # noqa: F401 (re-exported)
    plane_grid,
    scores_of,
    slack,
)
from .features import FeatureMap
from .losses import LossConfig, data_loss, per_example_terms
from .regularizers import RegConfig
from .text import QT_TRANSLATE_NOOP
from .training import History, TrainConfig, draw_batch, evaluate

# ----------------------------------------------------------------------------- 1 small W


def small_w_loss(ds: Dataset, W, b, delta: float = 1.0) -> Lesson:
    """Loss at a small W (step 0 of a run from zeros or a tiny random W).

    With every |s| ≤ m: |L_SVM − (C − 1)Δ| ≤ 2(C − 1)m and |L_softmax − ln C| ≤ 2m,
    which are the tolerances. The SVM figure is the data loss the app records.
    """
    c = ds.n_classes
    s = scores_of(ds, W, b)
    m = float(np.abs(s).max()) if s.size else 0.0
    svm = data_loss(s, ds.y, LossConfig("svm", delta=delta))[0]
    soft = data_loss(s, ds.y, LossConfig("softmax"))[0]
    return _lesson([
        Figure(QT_TRANSLATE_NOOP("Demos", "SVM data loss ≈ (C − 1)·Δ"), svm, (c - 1) * delta, "≈",
               2 * (c - 1) * m + 1e-12),
        Figure(QT_TRANSLATE_NOOP("Demos", "Softmax data loss ≈ ln C"), soft, math.log(c), "≈", 2 * m + 1e-12),
        Figure(QT_TRANSLATE_NOOP("Demos", "largest |score|"), m),
    ], f"with scores near 0 the SVM loss is (C − 1)Δ = {(c - 1) * delta:g} and Softmax's ln C = {math.log(c):.4g}.")


# ----------------------------------------------------------------------------- 2 all classes


def all_classes_sum(ds: Dataset, W, b, delta: float = 1.0) -> Lesson:
    """Summing over every class, j = yi included, adds max(0, Δ) = Δ to each L_i."""
    std, every = LossConfig("svm", delta=delta), LossConfig("svm", delta=delta, all_classes=True)
    base, grown = _loss(ds, W, b, std), _loss(ds, W, b, every)
    growth = _L_i(ds, W, b, every) - _L_i(ds, W, b, std)
    lo, hi = (float(growth.min()), float(growth.max())) if len(growth) else (math.nan, math.nan)
    return _lesson([
        Figure(QT_TRANSLATE_NOOP("Demos", "data loss, sum over every j"), grown, base + delta),
        Figure(QT_TRANSLATE_NOOP("Demos", "data loss, sum over j ≠ yᵢ"), base),
        Figure(QT_TRANSLATE_NOOP("Demos", "smallest growth of one Lᵢ"), lo, delta),
        Figure(QT_TRANSLATE_NOOP("Demos", "largest growth of one Lᵢ"), hi, delta),
    ], f"every Lᵢ grows by exactly Δ = {delta:g}, and so does the loss.")


# ----------------------------------------------------------------------------- 3 mean


def mean_config(cfg: TrainConfig, n_classes: int) -> TrainConfig:
    """The mean-over-classes twin of ``cfg``: λ/(C − 1) and lr·(C − 1), plain descent.

    Its objective is the sum version's divided by C − 1, so from the same start
    it takes exactly the same steps.
    """
    k = max(n_classes - 1, 1)
    return replace(_plain(cfg), loss=replace(cfg.loss, mean_over_classes=True),
                   reg=replace(cfg.reg, lam=cfg.reg.lam / k), lr=cfg.lr * k)


def mean_over_classes(ds: Dataset, cfg: TrainConfig) -> Lesson:
    """The mean over classes divides the loss by C − 1; with λ and lr scaled to
    match (see :func:`mean_config`) training ends at the same W, the same regions."""
    k = max(ds.n_classes - 1, 1)
    cfg = _plain(replace(cfg, loss=replace(cfg.loss, mean_over_classes=False)))
    summed, mean = _run(ds, cfg), _run(ds, mean_config(cfg, ds.n_classes))
    W, Wm = summed.W[summed.last], mean.W[mean.last]
    agree = float((_predict(summed, ds.X) == _predict(mean, ds.X)).mean()) if len(ds) else math.nan
    return _lesson([
        Figure(QT_TRANSLATE_NOOP("Demos", "final data loss with the mean"), mean.data_loss[mean.last],
               summed.data_loss[summed.last] / k, "≈", 1e-9),
        Figure(QT_TRANSLATE_NOOP("Demos", "final data loss with the sum"), summed.data_loss[summed.last]),
        Figure(QT_TRANSLATE_NOOP("Demos", "largest difference between the two final W"),
               float(np.abs(W - Wm).max()), 0.0, "≈", 1e-9 * max(1.0, float(np.abs(W).max()))),
        Figure(QT_TRANSLATE_NOOP("Demos", "share of points classified alike"), agree, 1.0, "="),
    ], f"the mean is the sum divided by C − 1 = {k}; with λ/{k} and lr·{k} the regions stay the same.")


# ----------------------------------------------------------------------------- 4 squared


def _largest_violation(ds: Dataset, W, b, delta: float) -> float:
    """max over i, j ≠ yi of the hinge term max(0, s_j − s_yi + Δ)."""
    terms = per_example_terms(scores_of(ds, W, b), ds.y, LossConfig("svm", delta=delta))
    return float(terms.max()) if terms.size else 0.0


def squared_hinge(ds: Dataset, cfg: TrainConfig, W0, b0) -> Lesson:
    """The squared hinge max(0, ·)² against the hinge, at W0 and after training both from W0."""
    hinge = replace(cfg.loss, kind="svm", squared=False)
    sq = replace(hinge, squared=True)
    th = per_example_terms(scores_of(ds, W0, b0), ds.y, hinge)
    ts = per_example_terms(scores_of(ds, W0, b0), ds.y, sq)
    i, j = np.unravel_index(int(np.argmax(th)), th.shape) if th.size else (0, 0)
    m = float(th[i, j]) if th.size else 0.0
    h_h = _run(ds, replace(cfg, loss=hinge), W0, b0)
    h_s = _run(ds, replace(cfg, loss=sq), W0, b0)
    grid = plane_grid()
    changed = float((_predict(h_h, grid) != _predict(h_s, grid)).mean())
    return _lesson([
        Figure(QT_TRANSLATE_NOOP("Demos", "largest hinge term at the start, squared"),
               float(ts[i, j]) if ts.size else 0.0, m * m),
        Figure(QT_TRANSLATE_NOOP("Demos", "largest hinge term at the start"), m),
        Figure(QT_TRANSLATE_NOOP("Demos", "data loss at the start, hinge"), h_h.data_loss[0]),
        Figure(QT_TRANSLATE_NOOP("Demos", "data loss at the start, squared hinge"), h_s.data_loss[0]),
        Figure(QT_TRANSLATE_NOOP("Demos", "largest violation after training, hinge"),
               _largest_violation(ds, h_h.W[h_h.last], h_h.b[h_h.last], hinge.delta)),
        Figure(QT_TRANSLATE_NOOP("Demos", "largest violation after training, squared"),
               _largest_violation(ds, h_s.W[h_s.last], h_s.b[h_s.last], hinge.delta)),
        Figure(QT_TRANSLATE_NOOP("Demos", "accuracy after training, hinge"), h_h.train_acc[h_h.last]),
        Figure(QT_TRANSLATE_NOOP("Demos", "accuracy after training, squared"), h_s.train_acc[h_s.last]),
        Figure(QT_TRANSLATE_NOOP("Demos", "share of the plane whose class changes"), changed),
    ], f"a violation of {m:.3g} costs {m * m:.3g} when squared: large violations weigh much more.")


# ----------------------------------------------------------------------------- 5 Δ and λ


def scaled_delta_config(cfg: TrainConfig, factor: float) -> TrainConfig:
    """Δ·factor, λ/factor, lr·factor with plain descent: from W = 0 it reaches factor·W."""
    return replace(_plain(cfg), loss=replace(cfg.loss, delta=cfg.loss.delta * factor),
                   reg=replace(cfg.reg, lam=cfg.reg.lam / factor), lr=cfg.lr * factor)


def delta_lambda_tradeoff(ds: Dataset, cfg: TrainConfig, factor: float = 100.0) -> Lesson:
    """Only Δ/λ matters: with Δ' = factor·Δ, λ' = λ/factor, lr' = factor·lr from W = 0,
    W' = factor·W (exact for L2 and plain descent) and every point is classified alike."""
    cfg = _plain(cfg)
    small, big = _run(ds, cfg), _run(ds, scaled_delta_config(cfg, factor))
    W, Wb = small.W[small.last], big.W[big.last]
    norm = float(np.linalg.norm(W))
    ratio = float(np.linalg.norm(Wb)) / norm if norm > 0 else math.nan
    agree = float((_predict(small, ds.X) == _predict(big, ds.X)).mean()) if len(ds) else math.nan
    return _lesson([
        Figure(QT_TRANSLATE_NOOP("Demos", "‖W′‖ / ‖W‖"), ratio, factor, "≈", 1e-6),
        Figure(QT_TRANSLATE_NOOP("Demos", "accuracy with Δ′ = {0}"), big.train_acc[big.last],
               small.train_acc[small.last], "=", args=(cfg.loss.delta * factor,)),
        Figure(QT_TRANSLATE_NOOP("Demos", "accuracy with Δ = {0}"), small.train_acc[small.last],
               args=(cfg.loss.delta,)),
        Figure(QT_TRANSLATE_NOOP("Demos", "share of points classified alike"), agree, 1.0, "="),
    ], f"Δ·{factor:g} with λ/{factor:g} only scales W by {factor:g}: the same classifier.")


# ----------------------------------------------------------------------------- 6 small move


def pick_correct_point(ds: Dataset, W, b, delta: float = 1.0, min_slack: float = 0.2,
                       max_move: float = 0.5) -> tuple[int, tuple[float, float]] | None:
    """A point with L_i = 0 and margin slack ≥ min_slack·Δ, and a small move that keeps it so.

    Among such points, the one nearest its margin (Softmax's loss changes most
    there). It moves toward its nearest rival class by half the distance the
    slack allows (at most ``max_move``), so the slack stays ≥ half of it.
    Identity features only (W is (C, 2)). None if no point qualifies.
    """
    W, b = np.asarray(W, float), np.asarray(b, float)
    if len(ds) == 0 or W.shape[1] != 2:
        return None
    s = scores_of(ds, W, b)
    sl = slack(s, ds.y, delta)
    ok = np.flatnonzero(sl >= max(min_slack * delta, 1e-9))
    if len(ok) == 0:
        return None
    i = int(ok[np.argmin(sl[ok])])
    yi = ds.y[i]
    gap = s[i, yi] - s[i]
    gap[yi] = np.inf
    rival = int(np.argmin(gap))
    spread = np.linalg.norm(W[yi] - W, axis=1).max()
    u = (W[rival] - W[yi]) / max(np.linalg.norm(W[rival] - W[yi]), 1e-300)
    step = min(0.5 * sl[i] / max(spread, 1e-300), max_move)
    x, y = ds.X[i] + step * u
    return i, (float(x), float(y))


def correct_point_moves(ds: Dataset, W, b, index: int, xy, delta: float = 1.0) -> Lesson:
    """L_i of point ``index`` before and after it moves to ``xy``, with W, b held fixed."""
    moved = ds.with_moved_point(index, *xy)
    svm, soft = LossConfig("svm", delta=delta), LossConfig("softmax")

    def one(d: Dataset):
        s = scores_of(d, W, b)
        return _L_i(d, W, b, svm)[index], _L_i(d, W, b, soft)[index], slack(s, d.y, delta)[index]

    (h0, s0, k0), (h1, s1, k1) = one(ds), one(moved)
    return _lesson([
        Figure(QT_TRANSLATE_NOOP("Demos", "SVM Lᵢ before"), h0, 0.0, "="),
        Figure(QT_TRANSLATE_NOOP("Demos", "SVM Lᵢ after the move"), h1, 0.0, "="),
        Figure(QT_TRANSLATE_NOOP("Demos", "Softmax Lᵢ before"), s0),
        Figure(QT_TRANSLATE_NOOP("Demos", "Softmax Lᵢ after the move"), s1, s0, "≠"),
        Figure(QT_TRANSLATE_NOOP("Demos", "margin slack before"), k0),
        Figure(QT_TRANSLATE_NOOP("Demos", "margin slack after"), k1, 0.0, ">"),
    ], "the SVM loss stays 0 while the margin holds; Softmax's changes with every move.", headline=1)


# ----------------------------------------------------------------------------- 7 min and max


def _rival(ds: Dataset, W, b, index: int) -> int:
    """The class whose score comes closest to (or beats) point ``index``'s own."""
    s = scores_of(ds, W, b)[index]
    gap = s[ds.y[index]] - s
    gap[ds.y[index]] = np.inf
    return int(np.argmin(gap))


def wrong_side_direction(ds: Dataset, W, b, index: int) -> np.ndarray:
    """Unit vector (2,) moving point ``index`` toward its nearest rival class
    (w_rival − w_yi): every unit along it raises s_rival − s_yi by ‖w_rival − w_yi‖."""
    W = np.asarray(W, float)
    d = W[_rival(ds, W, b, index)] - W[ds.y[index]]
    n = np.linalg.norm(d)
    return d / n if n > 0 else np.array([1.0, 0.0])


def room_in_plane(x, u, half: float = PLANE) -> float:
    """The largest t ≥ 0 with x + t·u inside [−half, half]²."""
    x, u = np.asarray(x, float), np.asarray(u, float)
    t = [((half if uk > 0 else -half) - xk) / uk for xk, uk in zip(x, u) if uk != 0]
    return max(0.0, min(t)) if t else 0.0


def loss_extremes(ds: Dataset, W, b, index: int = 0, delta: float = 1.0,
                  distances=(1, 2, 4, 8, 16, 32, 64)) -> Lesson:
    """The minimum and the maximum of the SVM loss, W and b held fixed.

    At W trained with λ = 0 on separable points the data loss is its minimum, 0.
    Then point ``index`` is dragged farther and farther to the wrong side (along
    :func:`wrong_side_direction`): its L_i never falls and, once its hinge terms
    are active, grows by at least ‖w_rival − w_yi‖ per unit — without bound.
    """
    svm = LossConfig("svm", delta=delta)
    W = np.asarray(W, float)
    u = wrong_side_direction(ds, W, b, index)
    speed = float(np.linalg.norm(W[_rival(ds, W, b, index)] - W[ds.y[index]]))
    figures = [Figure(QT_TRANSLATE_NOOP("Demos", "data loss, every point in place"),
                      _loss(ds, W, b, svm), 0.0, "=")]
    prev, far = _L_i(ds, W, b, svm)[index], ds
    for d in distances:
        far = ds.with_moved_point(index, *(ds.X[index] + d * u))
        li = _L_i(far, W, b, svm)[index]
        figures.append(Figure(QT_TRANSLATE_NOOP("Demos", "Lᵢ, point moved {0} to the wrong side"),
                              li, prev, "≥", args=(d,)))
        prev = li
    if len(distances) > 1:
        slope = (figures[-1].measured - figures[-2].measured) / (distances[-1] - distances[-2])
        figures.append(Figure(QT_TRANSLATE_NOOP("Demos", "growth of Lᵢ per unit at the far end"),
                              slope, speed, "≥", 1e-9))
    return _lesson(figures, "the loss is at least 0 (reached once every margin holds) and has no upper bound.")


# ----------------------------------------------------------------------------- 8 SVM vs Softmax


def svm_vs_softmax(ds: Dataset, cfg: TrainConfig) -> Lesson:
    """λ = 0 from W = 0: the SVM stops once every margin holds (loss exactly 0, W still);
    Softmax's loss stays above 0 and ‖W‖ keeps growing."""
    cfg = replace(cfg, reg=RegConfig("none"))
    runs = {k: _run(ds, replace(cfg, loss=replace(cfg.loss, kind=k))) for k in ("svm", "softmax")}

    def growth(h: History) -> float:
        norms = np.linalg.norm(h.W[: h.last + 1].reshape(h.last + 1, -1), axis=1)
        return float(norms[-1] - norms[len(norms) // 2])

    svm, soft = runs["svm"], runs["softmax"]
    return _lesson([
        Figure(QT_TRANSLATE_NOOP("Demos", "SVM data loss at the end"), svm.data_loss[svm.last], 0.0, "="),
        Figure(QT_TRANSLATE_NOOP("Demos", "Softmax data loss at the end"), soft.data_loss[soft.last], 0.0, ">"),
        Figure(QT_TRANSLATE_NOOP("Demos", "SVM: ‖W‖ growth in the 2nd half"), growth(svm), 0.0, "≈", 1e-9),
        Figure(QT_TRANSLATE_NOOP("Demos", "Softmax: ‖W‖ growth in the 2nd half"), growth(soft), 0.0, ">"),
        Figure(QT_TRANSLATE_NOOP("Demos", "SVM ‖W‖ at the end"), float(np.linalg.norm(svm.W[svm.last]))),
        Figure(QT_TRANSLATE_NOOP("Demos", "Softmax ‖W‖ at the end"), float(np.linalg.norm(soft.W[soft.last]))),
    ], "the SVM is satisfied once the margins hold; Softmax always wants more.")


# ----------------------------------------------------------------------------- 9 regularisation


def narrowest_margin(W, delta: float = 1.0) -> float:
    """Δ / max_{j<k} ‖w_j − w_k‖: the width of the narrowest band where s_j − s_k < Δ."""
    W = np.asarray(W, float)
    widest = max((np.linalg.norm(W[j] - W[k]) for j in range(len(W)) for k in range(j)), default=0.0)
    return delta / widest if widest > 0 else math.inf


def regularisation_margin(ds: Dataset, cfg: TrainConfig, lam: float = 0.3) -> Lesson:
    """λ = 0 against L2 with λ, both from W = 0: smaller W, wider margins."""
    none = _run(ds, replace(cfg, reg=RegConfig("none")))
    l2 = _run(ds, replace(cfg, reg=RegConfig("l2", lam)))
    n0, n1 = (float(np.linalg.norm(h.W[h.last])) for h in (none, l2))
    m0, m1 = (float(narrowest_margin(h.W[h.last], cfg.loss.delta)) for h in (none, l2))
    return _lesson([
        Figure(QT_TRANSLATE_NOOP("Demos", "‖W‖, L2 with λ = {0}"), n1, n0, "<", args=(lam,)),
        Figure(QT_TRANSLATE_NOOP("Demos", "‖W‖, λ = 0"), n0),
        Figure(QT_TRANSLATE_NOOP("Demos", "narrowest margin, λ = {0}"), m1, m0, ">", args=(lam,)),
        Figure(QT_TRANSLATE_NOOP("Demos", "narrowest margin, λ = 0"), m0),
    ], "regularisation keeps W small, and a smaller W means wider margins.")


def l1_zeros(ds: Dataset, cfg: TrainConfig, lam: float = 0.05) -> Lesson:
    """L1 against L2 (same λ, from W = 0): how many weights end at 0.

    With the subgradient λ·sign(w) a weight that L1 pulls to 0 zig-zags across
    it by at most lr·λ per step, so "at 0" means |w| ≤ lr·λ.
    """
    runs = [_run(ds, replace(cfg, reg=RegConfig(kind, lam))) for kind in ("l1", "l2")]
    zero = cfg.lr * lam
    z1, z2 = (int(np.sum(np.abs(h.W[h.last]) <= zero)) for h in runs)
    size = runs[0].W[0].size
    return _lesson([
        Figure(QT_TRANSLATE_NOOP("Demos", "L1 (poly3): weights at 0, of {0}"), z1, z2, ">", args=(size,)),
        Figure(QT_TRANSLATE_NOOP("Demos", "L2 (poly3): weights at 0, of {0}"), z2, args=(size,)),
        Figure(QT_TRANSLATE_NOOP("Demos", "L1 (poly3): accuracy"), runs[0].train_acc[runs[0].last]),
        Figure(QT_TRANSLATE_NOOP("Demos", "L2 (poly3): accuracy"), runs[1].train_acc[runs[1].last]),
    ], "L1 sets many weights to 0 (a sparse W); L2 only shrinks them.")


# ----------------------------------------------------------------------------- 10 batch size


def roughness(loss: np.ndarray) -> float:
    """Mean |change of the loss| per step over the second half of a curve."""
    loss = np.asarray(loss, float)
    tail = loss[len(loss) // 2:]
    return float(np.abs(np.diff(tail)).mean()) if len(tail) > 1 else 0.0


def batch_noise(ds: Dataset, cfg: TrainConfig, sizes=(None, 32, 1)) -> Lesson:
    """The same run with each batch size: smaller batches, noisier loss curves.

    Every step's loss is over the whole training set, so the noise is the
    batch's, not the measurement's.
    """
    figures = []
    for size in sizes:
        h = _run(ds, replace(cfg, batch_size=size))
        r = roughness(h.loss[: h.last + 1])
        prev = figures[-1].measured if figures else None
        if size is None:
            figures.append(Figure(QT_TRANSLATE_NOOP("Demos", "mean |Δloss| per step, full batch"), r))
        else:
            figures.append(Figure(QT_TRANSLATE_NOOP("Demos", "mean |Δloss| per step, batch {0}"), r,
                                  prev, ">", args=(size,)))
    return _lesson(figures, "the smaller the batch, the noisier the loss curve.", headline=len(figures) - 1)


def naive_sgd_loop(ds: Dataset, cfg: TrainConfig, batch_size: int = 32, tol: float = 1e-3,
                   max_iter: int = 10_000) -> Lesson:
    """The lecture's naive loop, line by line: sample a batch, step, and stop once the
    batch loss changed by less than ``tol`` (from W = 0, at most ``max_iter`` steps)."""
    cfg = replace(cfg, batch_size=batch_size)
    Phi, y, n = cfg.features.transform(ds.X), ds.y, len(ds)
    W, b = np.zeros((ds.n_classes, Phi.shape[1])), np.zeros(ds.n_classes)
    change, it = math.inf, 0
    while change > tol and it < max_iter and n:
        idx = draw_batch(n, batch_size, cfg.seed, it)
        old = evaluate(W, b, Phi[idx], y[idx], cfg)
        W, b = W - cfg.lr * old.grad_W, b - cfg.lr * old.grad_b
        change = abs(old.loss - evaluate(W, b, Phi[idx], y[idx], cfg, need_grad=False).loss)
        it += 1
    full = evaluate(W, b, Phi, y, cfg, need_grad=False) if n else None
    return _lesson([
        Figure(QT_TRANSLATE_NOOP("Demos", "naive loop: steps until |Δloss| < {0}"), it, args=(tol,)),
        Figure(QT_TRANSLATE_NOOP("Demos", "naive loop: loss when it stopped"),
               full.loss if full else math.nan),
        Figure(QT_TRANSLATE_NOOP("Demos", "naive loop: accuracy when it stopped"),
               full.accuracy if full else math.nan),
    ], f"the naive loop stops when one batch's loss changes by less than {tol:g}.")


# ----------------------------------------------------------------------------- 11 feature maps


def kernels(ds: Dataset, cfg: TrainConfig, maps=("identity", "poly2", "polar")) -> Lesson:
    """Training accuracy with each feature map: below 1 with the identity on data no
    line separates (circles), ≈ 1 once φ makes it linearly separable."""
    figures = []
    for kind in maps:
        h = _run(ds, replace(cfg, features=FeatureMap(kind)))
        acc = h.train_acc[h.last]
        if kind == "identity":
            figures.append(Figure(QT_TRANSLATE_NOOP("Demos", "accuracy with φ = {0}"), acc, 1.0, "<", args=(kind,)))
        else:
            figures.append(Figure(QT_TRANSLATE_NOOP("Demos", "accuracy with φ = {0}"), acc, 1.0, "≈", 0.02,
                                  args=(kind,)))
    return _lesson(figures, "no line separates these classes, but a line in φ's space does.",
                   headline=1 if len(figures) > 1 else 0)
