"""The full-batch objective of the CIFAR-10 linear models, in cache-sized blocks of rows.

    loss(W, b) = 1/N Σ_i L_i(s_i, y_i) + λ R(W),   s_i = W x_i + b

W (C, D) float32, b (C,), X (N, D) float32, y (N,) int64. The products go in blocks of
``auto_block_rows`` rows — small enough for OpenBLAS's small-matrix kernels — and each block's
loss and gradient are formed while it is in cache (see ``image_training``'s notes on speed).
``full_loss_and_grad_plain`` is the textbook one-shot form the tests compare it with.
"""

from __future__ import annotations

import numpy as np

from .losses import LossConfig, data_loss
from .regularizers import RegConfig, penalty

SMALL_GEMM_MNK = 1_000_000
"""OpenBLAS's small-matrix kernels take products with M·N·K up to this (see ``auto_block_rows``)."""
SUPER_BLOCKS = 4
"""``full_loss_and_grad`` takes this many blocks per ``data_loss`` call (128 raw rows, 1.5 MB: in L2)."""


def reg_terms(W, b, reg_cfg: RegConfig):
    """λR and its gradients (W part, b part or None)."""
    rl, dR = penalty(W, reg_cfg)
    if reg_cfg.include_bias:
        rb, dRb = penalty(b[None, :], reg_cfg)
        return rl + rb, dR, dRb[0]
    return rl, dR, None


def auto_block_rows(dim: int, n_classes: int) -> int:
    """Rows per block: the most with rows·D·C ≤ 10⁶ (32 for raw CIFAR-10), at least 8.

    OpenBLAS (0.3.31 as NumPy 2.4's wheels ship it, on this project's SkylakeX
    machines) multiplies matrices with M·N·K ≤ 10⁶ by its "small matrix" kernels,
    which skip packing the operands: measured here, a (32, 3072) @ (3072, 10)
    product takes ~1 µs a row and a (33, 3072) one ~2.6 µs a row. 32 rows of 3,072
    float32 (393 KB) also stay in the L2 cache between the forward and the gradient
    product. With another BLAS the blocks still keep X in cache; only the size is
    tuned for OpenBLAS.
    """
    return int(min(4096, max(8, SMALL_GEMM_MNK // max(1, dim * n_classes))))


def rows_pass(X, y, W, b, loss_cfg: LossConfig, block_rows: int, weight: float, gW: np.ndarray, accumulate: bool):
    """Data loss and gradient on the rows X (a view or a gathered batch), times ``weight``.

    S = X Wᵀ + b and gW (+)= weight · dSᵀ X go ``block_rows`` rows at a time
    (OpenBLAS's small-matrix kernels, see :func:`auto_block_rows`); ``data_loss``
    runs once on the whole (n, C) score table, as per-block calls would cost more
    in Python overhead than the rows lose by leaving the L2 cache.
    ``accumulate``: add to gW, else overwrite it.
    Returns (weight · mean loss, weight · Σ_i dS_i as float64 (C,), S (n, C)).
    """
    n = len(X)
    WT = W.T
    S = np.empty((n, len(W)), dtype=X.dtype)
    for i in range(0, n, block_rows):
        np.matmul(X[i : i + block_rows], WT, out=S[i : i + block_rows])
    S += b
    loss, dS = data_loss(S, y, loss_cfg)
    if weight != 1.0:
        dS *= weight
    part = np.empty_like(gW)
    for i in range(0, n, block_rows):
        if i == 0 and not accumulate:
            np.matmul(dS[:block_rows].T, X[:block_rows], out=gW)
            continue
        np.matmul(dS[i : i + block_rows].T, X[i : i + block_rows], out=part)
        gW += part
    return loss * weight, dS.sum(axis=0, dtype=np.float64), S


def batch_pass(W, b, X, y, idx, loss_cfg: LossConfig, block_rows: int, gW: np.ndarray, buf: np.ndarray):
    """Mean data loss and gradient on the mini-batch X[idx], y[idx] (rows gathered into ``buf``).

    ``gW`` (C, D) is overwritten. Returns (loss, db float64 (C,), scores (B, C)).
    """
    Xb = buf[: len(idx)]
    np.take(X, idx, axis=0, out=Xb, mode="clip")  # mode "raise" (the default) buffers: 3× slower
    return rows_pass(Xb, y[idx], W, b, loss_cfg, block_rows, 1.0, gW, accumulate=False)


def blocked_pass(W, b, X, y, loss_cfg: LossConfig, block_rows: int, gW: np.ndarray):
    """Mean data loss over every row of X and its gradient, ``SUPER_BLOCKS`` × block_rows rows at a time.

    Each chunk (1.5 MB of raw rows) is read from memory once and stays in the L2
    cache for both its products; its loss and gradient are weighted by
    n_chunk / n. ``gW`` (C, D) is overwritten. Returns (loss, db float64 (C,)).
    """
    n = len(X)
    chunk = SUPER_BLOCKS * block_rows
    db = np.zeros(len(W))
    total = 0.0
    for i in range(0, n, chunk):
        X_chunk = X[i : i + chunk]
        loss, db_chunk, _ = rows_pass(X_chunk, y[i : i + chunk], W, b, loss_cfg, block_rows, len(X_chunk) / n,
                                       gW, accumulate=i > 0)
        total += loss
        db += db_chunk
    return total, db


def full_loss_and_grad(W, b, X, y, loss_cfg: LossConfig, reg_cfg: RegConfig, block_rows: int | None = None):
    """The objective over ALL rows of X and its gradient: (loss, dW (C, D), db (C,)).

    W (C, D), b (C,), X (N, D) (float32 keeps float32), y (N,) int. The rows go
    in chunks of ``SUPER_BLOCKS`` × ``block_rows`` (default :func:`auto_block_rows`):
    S = X_chunk Wᵀ + b, (L, dS) = ``data_loss`` of the chunk — which averages over
    the chunk, so both are weighted by n_chunk / N — then dW += dSᵀ X_chunk (the
    "Gᵀ X" form) while the chunk is still in cache, db += Σ dS; both products go
    ``block_rows`` rows at a time. X is read from memory once. Finally λR(W) and
    its gradient are added. Same value as :func:`full_loss_and_grad_plain` up to
    rounding.
    """
    X = np.asarray(X)
    y = np.asarray(y)
    W = np.asarray(W, dtype=X.dtype)
    b = np.asarray(b, dtype=X.dtype)
    n = len(X)
    if X.ndim != 2 or W.ndim != 2 or X.shape[1] != W.shape[1] or y.shape != (n,) or b.shape != (len(W),):
        raise ValueError(f"shapes do not fit: W {W.shape}, b {b.shape}, X {X.shape}, y {y.shape}")
    rows = auto_block_rows(X.shape[1], len(W)) if block_rows is None else int(block_rows)
    if rows < 1:
        raise ValueError(f"block_rows must be ≥ 1, not {block_rows}")
    dW = np.empty(W.shape, dtype=X.dtype)
    dl, db = blocked_pass(W, b, X, y, loss_cfg, rows, dW) if n else (0.0, np.zeros(len(W)))
    if not n:
        dW[...] = 0
    rl, dR, dRb = reg_terms(W, b, reg_cfg)
    dW += dR
    db = db.astype(X.dtype)
    if dRb is not None:
        db += dRb
    return float(dl + rl), dW, db


def full_loss_and_grad_plain(W, b, X, y, loss_cfg: LossConfig, reg_cfg: RegConfig):
    """The textbook version: one ``X @ W.T`` for every score, one ``X.T @ dS`` for the gradient.

    Reads X from memory twice; kept as the reference the tests compare with.
    """
    X = np.asarray(X)
    W = np.asarray(W, dtype=X.dtype)
    b = np.asarray(b, dtype=X.dtype)
    S = X @ W.T + b
    dl, dS = data_loss(S, np.asarray(y), loss_cfg)
    rl, dR, dRb = reg_terms(W, b, reg_cfg)
    dW = (X.T @ dS).T + dR
    db = dS.sum(axis=0)
    if dRb is not None:
        db = db + dRb
    return float(dl + rl), dW, db
