"""The training loop of :mod:`.training`, compiled with Numba: a whole run in one call.

On the app's data (hundreds of 2D points, a few classes) every NumPy call
works on a few hundred numbers, so a recorded step is ~25 calls of fixed
overhead (60–110 µs), and the 200-step retrain a drag asks for took longer
than a frame. Here the same step is one pass over the examples in machine
code, and the run writes straight into the History's arrays.

It computes exactly what :func:`.training.evaluate` and ``_loop`` do — the
same losses (``losses.py``'s formulas, example by example, like the loop
twins), penalties, optimisers, proximal L1 and max-norm steps, the same
stopping rules — and ``tests/engine/test_compiled.py`` checks every setting
against the NumPy loop. Results agree to rounding (sums run in another
order), not bit for bit; continuing a run from a recorded step with the same
loop reproduces it bit for bit.

``LINVIZ_JIT=0`` in the environment, or Numba missing, keeps the NumPy loop.
The first call compiles (a few seconds) and caches the machine code next to
this file; ``setup.sh`` warms that cache. Importing Numba and loading the cache
take ~0.5 s, so the app defers them (:func:`defer`, then
:func:`load_in_background` once its window shows) and trains with NumPy until
they are done; the command line and the tests load them on first use.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from itertools import repeat

import numpy as np

from .optimizers import OptState
from .regularizers import penalty_coefficients

LOSS_CODE = {"ww": 0, "ova": 1, "structured": 2}
SOFTMAX = 3
LEAST_SQUARES = 4
OPT_CODE = {"sgd": 0, "momentum": 1, "nesterov": 2, "adagrad": 3, "rmsprop": 4, "adam": 5}
STOP_STEPS, STOP_CONVERGED, STOP_DIVERGED, STOP_SMALL_CHANGE = 0, 1, 2, 3


_KERNELS: list[str] = []  # the functions marked @jit, compiled by load()
_lock = threading.Lock()
_state = {"loaded": False, "missing": False, "deferred": False}


def available() -> bool:
    """Whether training may take the compiled loop now: not switched off, Numba present and
    loaded — loading it here unless the app deferred that to a background thread."""
    if os.environ.get("LINVIZ_JIT", "1") == "0" or _state["missing"]:
        return False
    if _state["loaded"]:
        return True
    return False if _state["deferred"] else load()


def jit(fn):
    """Marks a kernel: :func:`load` replaces it by Numba's njit of it (machine code cached on disk)."""
    _KERNELS.append(fn.__name__)
    return fn


def load() -> bool:
    """Import Numba and compile every kernel (from the cache when it is warm); once, thread-safe.
    False when Numba is not installed."""
    with _lock:
        if not _state["loaded"] and not _state["missing"]:
            try:
                import numba
            except ImportError:  # pragma: no cover - numba is a declared dependency
                _state["missing"] = True
                return False
            names = globals()
            for name in _KERNELS:
                names[name] = numba.njit(cache=True, nogil=True)(names[name])
            _state["loaded"] = True
    return _state["loaded"]


def defer() -> None:
    """Train with NumPy until :func:`load_in_background` has loaded the compiled loop (app start)."""
    _state["deferred"] = True


def load_in_background(then: Callable[[], None] | None = None) -> threading.Thread:
    """Load Numba and the kernels' machine code on a daemon thread; training switches to the
    compiled loop when it is done. ``then`` runs on that thread afterwards."""

    def work():
        if load():
            warm_up()  # the machine code, from the cache, before a user's retrain needs it
        if then is not None:
            then()

    thread = threading.Thread(target=work, name="linviz-jit", daemon=True)
    thread.start()
    return thread


@jit
def _data_loss(S, y, code, delta, all_classes, kappa, squared, D):
    """Σ_i L_i over the scores S (n, C) of examples with labels y (n,), and
    ∂L_i/∂s into D (n, C): the formulas of ``losses.py`` — Weston–Watkins,
    one-vs-all, structured (each with κ and the squared hinge), Softmax, least squares."""
    if code == SOFTMAX:
        return _softmax(S, y, D)
    if code == LEAST_SQUARES:
        return _least_squares(S, y, D)
    n, c = S.shape
    loss = 0.0
    D[:, :] = 0.0
    for k in range(n):
        yi = y[k]
        if code == 2:
            worst = 0 if yi != 0 else 1
            for j in range(c):
                if j != yi and S[k, j] > S[k, worst]:
                    worst = j
            first, last = worst, worst + 1
        else:
            first, last = 0, c
        for j in range(first, last):
            if code == 1:
                sign = 1.0 if j == yi else -1.0
                m = delta - sign * S[k, j]
            elif j == yi and (code == 2 or not all_classes):
                continue
            else:
                sign = 0.0 if j == yi else 1.0  # the yi term (all_classes) has slope 0
                m = S[k, j] - S[k, yi] + delta
            if m > 0:
                loss += kappa * (m * m if squared else m)
                slope = kappa * (2.0 * m if squared else 1.0)
                if code == 1:
                    D[k, j] -= sign * slope
                else:
                    D[k, j] += sign * slope
                    D[k, yi] -= sign * slope
    return loss


@jit
def _least_squares(S, y, D):
    """Σ_i ½ Σ_j (s_ij − 𝟙(j = yi))² and D = S − onehot(y)."""
    n, c = S.shape
    loss = 0.0
    for k in range(n):
        for j in range(c):
            r = S[k, j] - (1.0 if j == y[k] else 0.0)
            D[k, j] = r
            loss += 0.5 * r * r
    return loss


@jit
def _softmax(S, y, D):
    """Σ_i −log p_yi and D = p − 𝟙(j = yi), after shifting each row by its max."""
    n, c = S.shape
    loss = 0.0
    for k in range(n):
        yi = y[k]
        top = S[k, 0]
        for j in range(1, c):
            top = max(top, S[k, j])
        total = 0.0
        for j in range(c):
            D[k, j] = np.exp(S[k, j] - top)
            total += D[k, j]
        for j in range(c):
            D[k, j] /= total
        D[k, yi] -= 1.0
        loss -= S[k, yi] - top - np.log(total)
    return loss


@jit
def _objective(W, b, Phi, y, idx, loss_args, reg_args, gW, gb, S, D):
    """Data loss, regularisation loss and correct count on the examples ``idx``
    (all when empty); ∂loss/∂(W, b) into gW (C, D), gb (C,). S, D: (N, C) buffers.

    loss_args = (code, Δ, all_classes, κ, squared); reg_args = (λ, a, c, bias):
    λR(W) = λ(a/2 ΣW² + c Σ|W|), ∂ = λ(a W + c sign W), on b too when bias.
    """
    code, delta, all_classes, kappa, squared = loss_args
    if idx.shape[0] > 0:  # a mini-batch: its rows, contiguous
        Phi, y = Phi[idx], y[idx]
    c_n, d_n = W.shape
    n = y.shape[0]
    S, D = S[:n], D[:n]
    correct = _scores(W, b, Phi, y, S)
    data = _data_loss(S, y, code, delta, all_classes, kappa, squared, D)
    inv = 1.0 / n if n > 0 else 0.0
    for j in range(c_n):
        total = 0.0
        for k in range(n):
            total += D[k, j]
        gb[j] = total * inv
        for d in range(d_n):
            total = 0.0
            for k in range(n):
                total += D[k, j] * Phi[k, d]
            gW[j, d] = total * inv
    lam, a, c, bias = reg_args
    reg = 0.0
    if lam != 0.0:
        reg += _penalty(W, gW, lam, a, c)
        if bias:
            reg += _penalty(b.reshape((1, c_n)), gb.reshape((1, c_n)), lam, a, c)
    return data * inv + 0.0, reg, correct


@jit
def _penalty(w, grad, lam, a, c):
    """λ(a/2 Σw² + c Σ|w|) of a 2D w, adding its gradient λ(a w + c sign w) into grad."""
    value = 0.0
    for j in range(w.shape[0]):
        for k in range(w.shape[1]):
            x = w[j, k]
            value += 0.5 * a * x * x + c * abs(x)
            grad[j, k] += lam * (a * x + c * np.sign(x))
    return lam * value


@jit
def _update(theta, grad, lr, opt, hyper, t, sa, sb):
    """One optimiser step in place on θ; the moment buffers sa, sb in place (``optimizers.py``)."""
    mu, rho, beta1, beta2, eps = hyper
    for k in range(theta.shape[0]):
        gk = grad[k]
        if opt == 0:
            theta[k] -= lr * gk
        elif opt == 1 or opt == 2:
            v_new = mu * sa[k] - lr * gk
            if opt == 1:
                theta[k] += v_new
            else:
                theta[k] += -mu * sa[k] + (1.0 + mu) * v_new
            sa[k] = v_new
        elif opt == 3 or opt == 4:
            sa[k] = sa[k] + gk * gk if opt == 3 else rho * sa[k] + (1 - rho) * gk * gk
            theta[k] -= lr * gk / (np.sqrt(sa[k]) + eps)
        else:
            sa[k] = beta1 * sa[k] + (1 - beta1) * gk
            sb[k] = beta2 * sb[k] + (1 - beta2) * gk * gk
            m_hat = sa[k] / (1 - beta1**t)
            v_hat = sb[k] / (1 - beta2**t)
            theta[k] -= lr * m_hat / (np.sqrt(v_hat) + eps)


@jit
def _prox_and_project(theta, c_n, d_n, prox, n_l1, max_norm):
    """Soft-threshold the first n_l1 entries by ``prox`` (proximal L1), then
    scale each W row to ‖w_j‖ ≤ max_norm (when max_norm > 0)."""
    if prox > 0.0:
        for k in range(n_l1):
            theta[k] = np.sign(theta[k]) * max(abs(theta[k]) - prox, 0.0)
    if max_norm > 0.0:
        for j in range(c_n):
            sq = 0.0
            for d in range(d_n):
                sq += theta[j * d_n + d] ** 2
            scale = min(1.0, max_norm / max(np.sqrt(sq), 1e-300))
            for d in range(d_n):
                theta[j * d_n + d] *= scale


@jit
def _run(Phi, y, test_phi, test_y, batches, rates, loss_args, reg_args, opt, hyper, t0, prox, max_norm, tol,
         gtol, start, stop_at, W, b, gW, gb, loss, data_loss, reg_loss, train_acc, test_acc, sa_rows, sb_rows):
    """Updates from step ``start`` until step ``stop_at`` is recorded, or a stop rule fires.

    Step ``start`` is recorded already (W[start], gW[start] … filled). Each
    update draws ``batches[t − start]`` (an empty row: the full batch, whose
    gradient is the recorded one), moves θ = (W, b), evaluates the new step on
    the whole set and records it. Returns (last recorded step, stop code).
    """
    c_n, d_n = W.shape[1], W.shape[2]
    p = c_n * d_n + c_n
    n_l1 = p if reg_args[3] else c_n * d_n
    theta, grad = np.empty(p), np.empty(p)
    S, D = np.empty((y.shape[0], c_n)), np.empty((y.shape[0], c_n))
    T = np.empty((test_y.shape[0], c_n))
    bW, bb = np.empty((c_n, d_n)), np.empty(c_n)
    no_batch = np.empty(0, dtype=np.int64)
    sa, sb = sa_rows[start].copy(), sb_rows[start].copy()
    lam_l1 = reg_args[0] * reg_args[2] if prox > 0.0 else 0.0
    for t in range(start, stop_at):
        row = batches[t - start]
        if row.shape[0] == 0:
            _flatten(gW[t], gb[t], grad)
        else:
            _objective(W[t], b[t], Phi, y, row, loss_args, reg_args, bW, bb, S, D)
            _flatten(bW, bb, grad)
        _flatten(W[t], b[t], theta)
        lr = rates[t - start]
        if prox > 0.0:  # the |W| term goes in as a soft-threshold, not as its subgradient
            for k in range(n_l1):
                grad[k] -= lam_l1 * np.sign(theta[k])
        _update(theta, grad, lr, opt, hyper, t0 + t - start + 1, sa, sb)
        _prox_and_project(theta, c_n, d_n, lr * lam_l1, n_l1, max_norm)
        Wn, bn = W[t + 1], b[t + 1]
        for j in range(c_n):
            for d in range(d_n):
                Wn[j, d] = theta[j * d_n + d]
            bn[j] = theta[c_n * d_n + j]
        dl, rl, correct = _objective(Wn, bn, Phi, y, no_batch, loss_args, reg_args, gW[t + 1], gb[t + 1], S, D)
        total = dl + rl
        if not (np.isfinite(total) and np.isfinite(gW[t + 1]).all() and np.isfinite(Wn).all()):
            return t, STOP_DIVERGED
        loss[t + 1], data_loss[t + 1], reg_loss[t + 1] = total, dl, rl
        train_acc[t + 1] = correct / y.shape[0]
        if test_y.shape[0] > 0:
            test_acc[t + 1] = _scores(Wn, bn, test_phi, test_y, T) / test_y.shape[0]
        sa_rows[t + 1] = sa
        sb_rows[t + 1] = sb
        if gtol >= 0.0:  # training.py's rules: g ≤ gtol, then |Δloss| < tol·α·|loss|
            g2 = 0.0
            for j in range(c_n):
                g2 += gb[t + 1, j] * gb[t + 1, j]
                for d in range(d_n):
                    g2 += gW[t + 1, j, d] * gW[t + 1, j, d]
            if np.sqrt(g2) <= gtol:
                return t + 1, STOP_CONVERGED
        if tol >= 0.0 and abs(loss[t + 1] - loss[t]) < tol * lr * abs(loss[t]):
            return t + 1, STOP_SMALL_CHANGE
    return stop_at, STOP_STEPS


@jit
def _flatten(W, b, out):
    """θ = (W's entries row by row, then b) into out (C·D + C,)."""
    c_n, d_n = W.shape
    for j in range(c_n):
        for d in range(d_n):
            out[j * d_n + d] = W[j, d]
        out[c_n * d_n + j] = b[j]


@jit
def _scores(W, b, Phi, y, S):
    """S = Φ Wᵀ + b into S (n, C); returns how many rows have their label as
    arg max (the first highest, or the first NaN, as NumPy's argmax)."""
    c_n, d_n = W.shape
    correct = 0
    for k in range(y.shape[0]):
        best, top = 0, 0.0
        for j in range(c_n):
            acc = b[j]
            for d in range(d_n):
                acc += W[j, d] * Phi[k, d]
            S[k, j] = acc
            if j == 0 or acc > top or (acc != acc and top == top):
                best, top = j, acc
        correct += best == y[k]
    return correct


def warm_up() -> None:
    """Compile (or load from Numba's cache) the loop: a tiny full-batch and mini-batch run."""
    from .training import TrainConfig, train

    X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    for batch_size in (None, 2):
        train(X, np.array([0, 1, 1]), TrainConfig(steps=2, batch_size=batch_size), 2)


def continue_run(hist, Phi, y, cfg, test_phi) -> None:
    """Run ``_loop``'s updates on ``hist`` (a :class:`.training.History` with its last
    step recorded) in compiled code, growing its arrays as needed; sets stop_reason."""
    n_rows = hist.n_classes * hist.dim + hist.n_classes
    first = len(hist) - 1
    stop_at = first + cfg.steps if hist.parent is not None else cfg.steps
    state = hist.opt_state[first]
    moments = {name: np.zeros((len(hist.loss), n_rows)) for name in ("a", "b")}
    for name, rows in moments.items():
        if getattr(state, name) is not None:
            rows[first] = getattr(state, name)
    t, code = first, STOP_STEPS
    while t < stop_at and code == STOP_STEPS:
        if len(hist.loss) <= t + 1:
            hist._grow()
            for name, rows in moments.items():
                moments[name] = np.concatenate([rows, np.zeros((len(hist.loss) - len(rows), n_rows))])
        start, end = t, min(stop_at, len(hist.loss) - 1)
        t, code = _run(*_inputs(hist, Phi, y, cfg, test_phi, start, end), start, end,
                       hist.W, hist.b, hist.grad_W, hist.grad_b, hist.loss, hist.data_loss, hist.reg_loss,
                       hist.train_acc, hist.test_acc, moments["a"], moments["b"])
        hist.opt_state.extend(_states(cfg.optimizer.kind, state.t - first, moments, start + 1, t + 1))
        hist._len = t + 1
    hist.lr[first : t + 1] = cfg.schedule.rates(cfg.lr, first, t + 1)
    hist.stop_reason = {STOP_STEPS: "steps", STOP_CONVERGED: "converged", STOP_DIVERGED: "diverged",
                        STOP_SMALL_CHANGE: "small_change"}[code]


def _inputs(hist, Phi, y, cfg, test_phi, start, end):
    """The settings of updates start … end − 1 as the kernel's plain arguments."""
    n = len(y)
    if cfg.batch_size is None or cfg.batch_size >= n:
        batches = np.empty((end - start, 0), dtype=np.int64)
    else:
        batches = np.array([hist.batch(t) for t in range(start, end)], dtype=np.int64).reshape(end - start, -1)
    rates = cfg.schedule.rates(cfg.lr, start, end)
    loss, reg, opt = cfg.loss, cfg.reg, cfg.optimizer
    code = {"softmax": SOFTMAX, "lsq": LEAST_SQUARES}.get(loss.kind, LOSS_CODE[loss.variant])
    c = hist.n_classes
    kappa = 1.0
    if loss.mean_over_classes and code == 0:
        kappa = 1.0 / (c if loss.all_classes else c - 1)
    elif loss.mean_over_classes and code == 1:
        kappa = 1.0 / c
    loss_args = (code, float(loss.delta), bool(loss.all_classes), kappa, bool(loss.squared))
    reg_args = (*penalty_coefficients(reg), bool(reg.include_bias))
    prox = float(reg.l1_strength) if reg.proximal and opt.kind == "sgd" else 0.0
    test_x, test_y = test_phi if test_phi is not None else (np.empty((0, Phi.shape[1])), np.empty(0, np.int64))
    hyper = (float(opt.momentum), float(opt.rho), float(opt.beta1), float(opt.beta2), float(opt.eps))
    return (np.ascontiguousarray(Phi, dtype=float), np.ascontiguousarray(y, dtype=np.int64),
            np.ascontiguousarray(test_x, dtype=float), np.ascontiguousarray(test_y, dtype=np.int64),
            batches, rates, loss_args, reg_args, OPT_CODE[opt.kind], hyper, int(hist.opt_state[start].t), prox,
            float(reg.max_norm) if reg.kind == "maxnorm" else 0.0, -1.0 if cfg.tol is None else float(cfg.tol),
            -1.0 if cfg.grad_tol is None else float(cfg.grad_tol))


def _states(kind, offset, moments, lo, hi):
    """The OptState of steps lo … hi − 1 (views into the moment rows)."""
    a = moments["a"] if kind != "sgd" else None
    b = moments["b"] if kind == "adam" else None
    steps = range(lo + offset, hi + offset)
    if a is None:  # sgd: a step count alone
        return list(map(OptState, steps))
    return list(map(OptState, steps, a[lo:hi], repeat(None) if b is None else b[lo:hi]))
