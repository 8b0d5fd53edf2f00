"""Exact binomial confidence intervals (Clopper-Pearson), in plain Python.

Used by the elusion test (`review.elusion`) to put a 95% interval on a miss rate measured on a
sample. Pure math with no dependency: the bounds are found by bisection on the binomial tail,
summed in logs so samples of thousands do not overflow.
"""

from __future__ import annotations

import math
from collections.abc import Callable

CONFIDENCE = 0.95


def _binomial_cdf(k: int, n: int, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p), summed in logs so large n does not overflow."""
    if p <= 0.0:
        return 1.0
    if p >= 1.0:
        return 1.0 if k >= n else 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    base = math.lgamma(n + 1)
    return min(
        1.0,
        sum(
            math.exp(
                base - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_p + (n - i) * log_q
            )
            for i in range(k + 1)
        ),
    )


def _solve_decreasing(target: float, f: Callable[[float], float]) -> float:
    """The p in [0, 1] where the decreasing function f(p) crosses `target` (bisection)."""
    lo, hi = 0.0, 1.0
    for _ in range(100):  # 2^-100: far below any figure we print
        mid = (lo + hi) / 2
        if f(mid) > target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def clopper_pearson(missed: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The exact two-sided interval for a binomial rate, as fractions (low, high).

    Raises:
        ValueError: n < 1, or missed outside 0..n (a programming error, not user input).
    """
    if n < 1 or not 0 <= missed <= n:
        raise ValueError(f"need 0 <= missed <= n and n >= 1 (got {missed} of {n})")
    tail = (1 - confidence) / 2
    # Lower: the p at which seeing `missed` or more is just `tail` likely.
    low = (
        0.0
        if missed == 0
        else _solve_decreasing(1 - tail, lambda p: _binomial_cdf(missed - 1, n, p))
    )
    # Upper: the p at which seeing `missed` or fewer is just `tail` likely.
    high = 1.0 if missed == n else _solve_decreasing(tail, lambda p: _binomial_cdf(missed, n, p))
    return low, high
