"""One BLAS thread for the small matrix products of interactive work.

OpenBLAS wakes its second thread for products of a few hundred numbers and
then stalls waiting for it, so interactive code runs them on one thread.
``threadpoolctl.threadpool_limits(1)`` finds the loaded BLAS libraries anew on
every call (~2 ms, more than the 200-step retrain it guards); the controller
here looks once, when first used.
"""

from __future__ import annotations

from functools import lru_cache

from threadpoolctl import ThreadpoolController


@lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    return ThreadpoolController()


def one_blas_thread():
    """A context manager: BLAS limited to one thread inside, restored after."""
    return _controller().limit(limits=1)
