"""The loss over a 2D slice of parameter space, and the optimiser's path on it.

Parameters are flattened as θ = (W.ravel(), b), P = C·D + C entries. A slice
is θ(α, β) = θ₀ + α u + β v. Because scores are linear in θ,

    S(α, β) = S₀ + α S_u + β S_v,   S₀ = Φ W₀ᵀ + b₀,  S_u = Φ U_Wᵀ + u_b, …

so the whole grid costs three small matrix products plus elementwise work
on (cells, N, C) blocks — no per-cell matrix product and no Python loop over
cells. Grids are laid out as images: rows follow β (the vertical axis),
columns follow α (the horizontal axis).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .losses import LossConfig, one_hot
from .regularizers import RegConfig
from .training import TrainConfig, evaluate

SLICE_KINDS = ("params", "random", "pca")


@dataclass(frozen=True)
class Slice:
    """θ(α, β) = centre + α u + β v over the grid ``alphas`` × ``betas``.

    For a "params" slice u and v are unit vectors of two entries and the axes
    read as those entries' values: ``origin`` holds their values at the centre.
    """

    kind: str
    centre: np.ndarray
    u: np.ndarray
    v: np.ndarray
    alphas: np.ndarray
    betas: np.ndarray
    labels: tuple[str, str]
    origin: tuple[float, float] = (0.0, 0.0)

    def theta(self, alpha: float, beta: float) -> np.ndarray:
        """The parameter vector at grid coordinates (α, β)."""
        return self.centre + alpha * self.u + beta * self.v

    def axis_values(self) -> tuple[np.ndarray, np.ndarray]:
        """Horizontal and vertical axis values as shown to the user."""
        return self.alphas + self.origin[0], self.betas + self.origin[1]


@dataclass(frozen=True)
class Surface:
    """total, data, reg: (len(betas), len(alphas)) loss grids."""

    total: np.ndarray
    data: np.ndarray
    reg: np.ndarray

    def component(self, name: str) -> np.ndarray:
        return {"total": self.total, "data": self.data, "reg": self.reg}[name]


def flatten(W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """θ = (W.ravel(), b)."""
    return np.concatenate([np.ravel(W), np.ravel(b)])


def unflatten(theta: np.ndarray, n_classes: int, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """θ → (W (C, D), b (C,))."""
    k = n_classes * dim
    return theta[:k].reshape(n_classes, dim), theta[k:]


def param_name(index: int, n_classes: int, dim: int) -> str:
    """The lecture's name of entry ``index`` of θ: W[j,k] (1-based) or b[j]."""
    if index < n_classes * dim:
        return f"W[{index // dim + 1},{index % dim + 1}]"
    return f"b[{index - n_classes * dim + 1}]"


def _grid(span: float, res: int) -> np.ndarray:
    return np.linspace(-span, span, res)


def param_slice(centre, i: int, j: int, n_classes: int, dim: int, span: float = 3.0, res: int = 100) -> Slice:
    """Vary entries i and j of θ around ``centre`` (±span), all others fixed."""
    p = len(centre)
    if not (0 <= i < p and 0 <= j < p) or i == j:
        raise ValueError(f"pick two different parameters among 0 … {p - 1}")
    u, v = np.zeros(p), np.zeros(p)
    u[i] = v[j] = 1.0
    labels = (param_name(i, n_classes, dim), param_name(j, n_classes, dim))
    g = _grid(span, res)
    return Slice("params", np.array(centre, float), u, v, g, g, labels, (float(centre[i]), float(centre[j])))


def random_slice(centre, n_classes: int, dim: int, seed: int = 0, span: float = 1.0, res: int = 100) -> Slice:
    """Two random directions, each class row scaled to the norm of the centre's row
    (Li et al. 2018's filter normalisation), v made orthogonal to u."""
    rng = np.random.default_rng(seed)
    centre = np.asarray(centre, float)
    W, _ = unflatten(centre, n_classes, dim)
    row_norms = np.maximum(np.linalg.norm(W, axis=1), 1e-3)

    def direction():
        d = rng.standard_normal(len(centre))
        dW, db = unflatten(d, n_classes, dim)
        dW *= (row_norms / np.linalg.norm(dW, axis=1))[:, None]
        db *= np.mean(row_norms) / max(np.linalg.norm(db), 1e-12)
        return d

    u, v = direction(), direction()
    v = v - (v @ u) / (u @ u) * u
    v *= np.linalg.norm(u) / max(np.linalg.norm(v), 1e-12)
    g = _grid(span, res)
    return Slice("random", centre, u, v, g, g, ("direction 1", "direction 2"))


def pca_slice(path: np.ndarray, res: int = 100, margin: float = 0.25) -> Slice:
    """The two principal directions of the path θ_t − θ_T (T the last step),
    centred on the last step, spanning the projected path plus a margin."""
    path = np.asarray(path, float)
    centre = path[-1]
    diffs = path - centre
    if len(path) < 3 or not np.any(diffs):
        raise ValueError("the path needs at least three distinct steps for its principal directions")
    _, sv, vt = np.linalg.svd(diffs, full_matrices=False)
    u, v = vt[0], vt[1] if len(vt) > 1 else np.zeros_like(vt[0])
    coords = diffs @ np.stack([u, v]).T
    lo, hi = coords.min(axis=0), coords.max(axis=0)
    pad = margin * np.maximum(hi - lo, 1e-3)
    explained = sv[:2] ** 2 / max((sv**2).sum(), 1e-300)
    labels = (f"PC 1 ({100 * explained[0]:.0f} %)", f"PC 2 ({100 * explained[-1]:.0f} %)")
    alphas = np.linspace(lo[0] - pad[0], hi[0] + pad[0], res)
    betas = np.linspace(lo[1] - pad[1], hi[1] + pad[1], res)
    return Slice("pca", centre, u, v, alphas, betas, labels)


def project_path(path: np.ndarray, sl: Slice) -> np.ndarray:
    """(T, P) parameter vectors → (T, 2) slice coordinates (least squares onto u, v)."""
    basis = np.stack([sl.u, sl.v], axis=1)
    coords, *_ = np.linalg.lstsq(basis, (np.asarray(path) - sl.centre).T, rcond=None)
    return coords.T


def grid_data_loss(S0, Su, Sv, y, alphas, betas, cfg: LossConfig, block_rows: int = 5) -> np.ndarray:
    """Mean data loss on the grid: S0, Su, Sv (N, C) → (len(betas), len(alphas)).

    Every loss is a function of a quantity Z that is affine in the scores
    (margins s_j − s_yi + Δ for the SVMs, score gaps for Softmax), so
    Z(α, β) = Z₀ + α Z_u + β Z_v; it is built per block of ``block_rows``
    grid rows in float32 to stay in cache.
    """
    out = np.empty((len(betas), len(alphas)))
    if len(y) == 0:
        out[:] = 0.0
        return out
    if cfg.kind == "lsq":
        return _least_squares_grid(S0, Su, Sv, y, alphas, betas)
    Z0 = affine_part(S0, y, cfg, cfg.delta)
    Zu, Zv = affine_part(Su, y, cfg, 0.0), affine_part(Sv, y, cfg, 0.0)
    base = Z0 + np.asarray(alphas, np.float32)[:, None, None] * Zu  # (A, K, N)
    # |Z| ≤ |Z0| + |α||Zu| + |β||Zv| everywhere: when that stays far from float32's
    # exp overflow (e^88), Softmax can skip the max shift, half of its work.
    bound = np.abs(base).max() + np.abs(betas).max() * np.abs(Zv).max()
    shift = bool(bound > 60.0)
    # Work buffers allocated once: a fresh large array per block costs its page faults again.
    Z = np.empty((block_rows,) + base.shape, np.float32)
    acc = np.empty((block_rows, base.shape[0], base.shape[-1]), np.float32)
    if cfg.kind == "softmax" and not shift:
        _softmax_separable(base, Zv, np.asarray(betas, np.float32), out, Z, acc)
        return out
    for start in range(0, len(betas), block_rows):
        rows = min(block_rows, len(betas) - start)
        bet = np.asarray(betas[start : start + rows], np.float32)[:, None, None, None]
        np.add(base[None], bet * Zv, out=Z[:rows])
        out[start : start + rows] = reduce_loss(Z[:rows], cfg, S0.shape[1], shift, acc[:rows])
    return out


def _least_squares_grid(S0, Su, Sv, y, alphas, betas) -> np.ndarray:
    """Least squares is a quadratic in (α, β): with R = S0 − T (T one-hot),
    1/2N ‖R + α Su + β Sv‖² = 1/2N (‖R‖² + 2α⟨R, Su⟩ + 2β⟨R, Sv⟩ + α²‖Su‖² + 2αβ⟨Su, Sv⟩ + β²‖Sv‖²),
    six inner products for the whole grid."""
    R = S0 - one_hot(np.asarray(y), S0.shape[1])
    rr, ru, rv = np.vdot(R, R), np.vdot(R, Su), np.vdot(R, Sv)
    uu, uv, vv = np.vdot(Su, Su), np.vdot(Su, Sv), np.vdot(Sv, Sv)
    a, b = np.asarray(alphas, float)[None, :], np.asarray(betas, float)[:, None]
    return (rr + 2 * a * ru + 2 * b * rv + a * a * uu + 2 * a * b * uv + b * b * vv) / (2 * len(y))


def _softmax_separable(base, Zv, betas, out, Z, acc) -> None:
    """Softmax's mean loss on the grid without an exp per cell: e^(Z₀ + αZ_u + βZ_v) =
    e^(Z₀ + αZ_u) · e^(βZ_v), so the exponentials of the A + B grid lines are taken once and each
    cell is one product. L_i = log(1 + Σ_j e^{Z_ij}). Only when |Z| stays far under float32's
    overflow (the caller's bound), where no factor can overflow either.

    base (A, K, N) = Z₀ + αZ_u; Zv (K, N); betas (B,); out (B, A) is filled; Z (rows, A, K, N) and
    acc (rows, A, N) are work buffers whose first axis sets the block of grid rows.
    """
    e_base = np.exp(base)  # (A, K, N)
    e_v = np.exp(betas[:, None, None] * Zv)  # (B, K, N)
    rows_max = Z.shape[0]
    for start in range(0, len(betas), rows_max):
        rows = min(rows_max, len(betas) - start)
        z, a = Z[:rows], acc[:rows]
        np.multiply(e_base[None], e_v[start : start + rows, None], out=z)
        np.add(z[..., 0, :], 1.0, out=a)
        for k in range(1, z.shape[-2]):
            np.add(a, z[..., k, :], out=a)
        out[start : start + rows] = np.log(a, out=a).mean(axis=-1)


def affine_part(S: np.ndarray, y: np.ndarray, cfg: LossConfig, delta: float) -> np.ndarray:
    """Z (K, N) float32, the affine function of the scores each loss is built on.

    ww / structured: Z_ij = s_j − s_yi + Δ over the C − 1 wrong classes;
    ova: Z_ij = Δ − y_ij s_j over all C classes; softmax: Z_ij = s_j − s_yi.
    """
    n, c = S.shape
    if cfg.kind == "svm" and cfg.variant == "ova":
        sign = -np.ones((n, c))
        sign[np.arange(n), y] = 1.0
        return np.ascontiguousarray((delta - sign * S).T, dtype=np.float32)
    wrong = np.arange(c)[None, :] != y[:, None]
    gaps = S[wrong].reshape(n, c - 1) - S[np.arange(n), y][:, None]
    return np.ascontiguousarray((gaps + (delta if cfg.kind == "svm" else 0.0)).T, dtype=np.float32)


def reduce_loss(Z: np.ndarray, cfg: LossConfig, n_classes: int, shift: bool = True,
                acc: np.ndarray | None = None) -> np.ndarray:
    """Mean data loss from stacked Z tables: (..., K, N) → (...). Z is overwritten;
    ``acc`` (..., N) is optional scratch space.

    Reductions over the K classes run as K − 1 elementwise operations on
    contiguous (..., N) slices, which NumPy does far faster than a reduction
    over a short axis.
    """
    n = Z.shape[-1]
    acc = np.empty(Z.shape[:-2] + (n,), Z.dtype) if acc is None else acc
    if cfg.kind == "softmax" and not shift:  # L_i = log(1 + Σ_j e^{Z_ij}), safe without a shift
        np.exp(Z, out=Z)
        acc.fill(1.0)
        _over_classes(np.add, Z, acc)
        return np.log(acc, out=acc).mean(axis=-1)  # NumPy's log1p is ~20× slower than log
    if cfg.kind == "softmax":  # the same, shifted by m = max(0, max_j Z_ij)
        m = _over_classes(np.maximum, Z, np.zeros_like(acc))
        np.subtract(Z, m[..., None, :], out=Z)
        np.exp(Z, out=Z)
        np.exp(np.negative(m, out=acc), out=acc)
        _over_classes(np.add, Z, acc)
        return (m + np.log(acc, out=acc)).mean(axis=-1)
    if cfg.variant == "structured":
        acc.fill(-np.inf)
        h = np.maximum(_over_classes(np.maximum, Z, acc), 0.0, out=acc)
        return (h * h if cfg.squared else h).mean(axis=-1)
    np.maximum(Z, 0.0, out=Z)
    if cfg.squared:
        np.multiply(Z, Z, out=Z)
    total = Z.sum(axis=(-2, -1)) / n
    if cfg.variant == "ova":
        return total / n_classes if cfg.mean_over_classes else total
    if cfg.all_classes:  # the j = yi term is h(Δ) for every example
        total = total + (cfg.delta**2 if cfg.squared else cfg.delta)
    if cfg.mean_over_classes:
        total = total / (n_classes if cfg.all_classes else n_classes - 1)
    return total


def _over_classes(op, Z: np.ndarray, acc: np.ndarray) -> np.ndarray:
    """acc ← op(acc, Z[..., k, :]) for every class k: an op-reduction of (..., K, N) over K."""
    for k in range(Z.shape[-2]):
        op(acc, Z[..., k, :], out=acc)
    return acc


def grid_reg_loss(sl: Slice, cfg: RegConfig, n_classes: int, dim: int) -> np.ndarray:
    """λ R(W) over the grid (len(betas), len(alphas)), bias included if the config says so."""
    k = n_classes * dim if not cfg.include_bias else len(sl.centre)
    A, B = np.meshgrid(sl.alphas, sl.betas)
    if cfg.kind in ("l2", "half-l2"):  # a quadratic in (α, β): exact, no per-cell work
        c, u, v = sl.centre[:k], sl.u[:k], sl.v[:k]
        sq = c @ c + 2 * A * (c @ u) + 2 * B * (c @ v) + A * A * (u @ u) + B * B * (v @ v) + 2 * A * B * (u @ v)
        return cfg.lam * sq * (0.5 if cfg.kind == "half-l2" else 1.0)
    W = sl.centre[:k] + A[..., None] * sl.u[:k] + B[..., None] * sl.v[:k]  # (B, A, k)
    return _elementwise_penalty(W, cfg)


def _elementwise_penalty(W: np.ndarray, cfg: RegConfig) -> np.ndarray:
    if cfg.kind in ("none", "maxnorm") or cfg.lam == 0:
        return np.zeros(W.shape[:-1])
    absum = np.abs(W).sum(axis=-1)
    if cfg.kind == "l1":
        return cfg.lam * absum
    return cfg.lam * (cfg.beta * (W * W).sum(axis=-1) + absum)


def loss_surface(Phi, y, cfg: TrainConfig, sl: Slice, n_classes: int) -> Surface:
    """Data, regularisation and total loss over the slice. Phi: (N, D) features.

    A cell whose loss overflows (the slice of a diverged run spans ~1e150) is inf or nan,
    quietly: the views draw only the finite cells."""
    dim = Phi.shape[1]

    def scores_of(theta, with_bias=True):
        W, b = unflatten(theta, n_classes, dim)
        return Phi @ W.T + (b if with_bias else 0.0)

    with np.errstate(over="ignore", invalid="ignore"):
        data = grid_data_loss(scores_of(sl.centre), scores_of(sl.u), scores_of(sl.v), y, sl.alphas, sl.betas,
                              cfg.loss)
        reg = grid_reg_loss(sl, cfg.reg, n_classes, dim)
        return Surface(data + reg, data, reg)


def loss_surface_naive(Phi, y, cfg: TrainConfig, sl: Slice, n_classes: int) -> Surface:
    """Baseline: evaluate the objective cell by cell (one matrix product per cell)."""
    dim = Phi.shape[1]
    shape = (len(sl.betas), len(sl.alphas))
    data, reg = np.empty(shape), np.empty(shape)
    for r, beta in enumerate(sl.betas):
        for c, alpha in enumerate(sl.alphas):
            W, b = unflatten(sl.theta(alpha, beta), n_classes, dim)
            ev = evaluate(W, b, Phi, y, cfg, need_grad=False)
            data[r, c], reg[r, c] = ev.data_loss, ev.reg_loss
    return Surface(data + reg, data, reg)
