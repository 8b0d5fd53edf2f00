"""Clopper-Pearson intervals against published reference values (R's binom.test)."""

from __future__ import annotations

import pytest

from sar_desk.core.binomial import clopper_pearson


@pytest.mark.parametrize(
    ("missed", "n", "low", "high"),
    [
        (1, 10, 0.002528579, 0.445016117),  # binom.test(1, 10)
        (5, 100, 0.01643188, 0.11283491),  # binom.test(5, 100)
        (3, 3, 0.2924018, 1.0),
    ],
)
def test_matches_the_exact_interval(missed: int, n: int, low: float, high: float) -> None:
    got = clopper_pearson(missed, n)
    assert got == pytest.approx((low, high), abs=1e-6)


def test_no_misses_gives_the_closed_form_upper_bound() -> None:
    # With nothing missed the upper bound solves (1 - p)^n = 0.025.
    for n in (1, 72, 183, 2000):
        low, high = clopper_pearson(0, n)
        assert low == 0.0
        assert high == pytest.approx(1 - 0.025 ** (1 / n), rel=1e-9)
    assert clopper_pearson(0, 72)[1] < 0.05 < clopper_pearson(0, 71)[1]


def test_more_misses_move_the_interval_up_and_more_data_narrows_it() -> None:
    assert clopper_pearson(2, 50)[1] > clopper_pearson(1, 50)[1]
    small, large = clopper_pearson(2, 40), clopper_pearson(20, 400)
    assert large[1] - large[0] < small[1] - small[0]


@pytest.mark.parametrize(("missed", "n"), [(0, 0), (-1, 5), (6, 5)])
def test_impossible_counts_are_refused(missed: int, n: int) -> None:
    with pytest.raises(ValueError, match="missed"):
        clopper_pearson(missed, n)
