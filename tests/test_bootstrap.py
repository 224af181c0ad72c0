from __future__ import annotations

import math

import numpy as np
import pytest

from newslab.bootstrap import CORNISH_FISHER_DF, small_sample_factor, student, t_quantile


@pytest.mark.parametrize(
    "p,df,expected",
    [  # Student-t tables (e.g. Abramowitz & Stegun 1964, table 26.10), four decimals
        (0.975, 1, 12.7062),
        (0.975, 2, 4.3027),
        (0.975, 5, 2.5706),
        (0.975, 10, 2.2281),
        (0.975, 30, 2.0423),
        (0.975, 120, 1.9799),
        (0.995, 3, 5.8409),
        (0.95, 7, 1.8946),
        (0.025, 29, -2.0452),
        (0.5, 4, 0.0),
        (0.975, 1000, 1.9623),  # Cornish-Fisher from CORNISH_FISHER_DF on
        (0.975, 10**7, 1.9600),
    ],
)
def test_t_quantile_matches_tables(p: float, df: int, expected: float) -> None:
    assert t_quantile(p, df) == pytest.approx(expected, abs=5e-5)


def test_t_quantile_is_continuous_where_the_method_changes() -> None:
    below, at = t_quantile(0.975, CORNISH_FISHER_DF - 1), t_quantile(0.975, CORNISH_FISHER_DF)
    assert below > at and below - at < 1e-4


@pytest.mark.parametrize("p,df", [(0.0, 5), (1.0, 5), (0.5, 0)])
def test_t_quantile_rejects_bad_arguments(p: float, df: int) -> None:
    with pytest.raises(ValueError, match="valid"):
        t_quantile(p, df)


def test_small_sample_factor_widens_few_clusters_and_vanishes_for_many() -> None:
    factors = [small_sample_factor(n, 0.025) for n in (3, 5, 12, 30, 60, 300, 3000)]
    assert factors == sorted(factors, reverse=True)  # fewer clusters, wider
    assert factors[2] == pytest.approx(2.2010 / 1.95996, abs=1e-4)  # t(11) / z
    assert factors[3] > 1.04 and factors[-1] < 1.001
    assert math.isnan(small_sample_factor(1, 0.025))  # one cluster: no interval at all


def test_student_factor_scales_only_the_equal_tailed_deviations() -> None:
    rng = np.random.default_rng(3)
    reps = rng.gamma(2.0, 1.0, (2000, 2))
    reps_se = np.full_like(reps, 1.0)
    point, se = np.array([2.0, 2.0]), np.array([0.2, 0.2])  # deviations well inside the range of reps
    low1, high1, p1 = student(point, se, reps, reps_se, 0.025, symmetric=False)
    low2, high2, p2 = student(point, se, reps, reps_se, 0.025, symmetric=False, factor=1.2)
    assert point - low2 == pytest.approx(1.2 * (point - low1)) and high2 - point == pytest.approx(1.2 * (high1 - point))
    assert p2 == pytest.approx(p1)  # the test of no difference is the symmetric one: unchanged
    sym = student(point, se, reps, reps_se, 0.025, symmetric=True)
    assert student(point, se, reps, reps_se, 0.025, symmetric=True, factor=1.2)[0] == pytest.approx(sym[0])
