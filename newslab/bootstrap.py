"""The cluster bootstrap behind the group estimates: resample-count matrices and bootstrap-t intervals.

The equal-tailed intervals (one group's estimate) get a small-sample factor,
:func:`small_sample_factor`: ``t_{n−1}/z``, with ``n`` the clusters resampled.

See :mod:`newslab.estimates` for the estimators and ``validation/calibrate_estimates.py`` for the coverage check.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator, Sequence
from statistics import NormalDist
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

from newslab.group_counts import ALL_TARGETS, BLOCK_VALUES, FRAME_SHARE, MEASURES, SPEAKER_SHARE

# --------------------------------------------------------------------------- the bootstrap


def resample_counts(n: int, n_boot: int, seed: Any) -> Iterator[np.ndarray]:
    """How often each of ``n`` units is drawn in each of ``n_boot`` resamples, in blocks of rows.

    Each block is a ``(rows, n)`` integer matrix whose rows sum to ``n`` (a draw of ``n`` units
    with replacement); the blocks together have ``n_boot`` rows. The same ``seed`` gives the same
    matrices, so estimates and contrasts computed separately use the same resamples.

    Example:
        >>> block = next(resample_counts(4, 3, 0))
        >>> block.shape, block.sum(axis=1).tolist()
        ((3, 4), [4, 4, 4])
    """
    rng = np.random.default_rng(seed)
    rows = max(1, min(n_boot, BLOCK_VALUES // max(n, 1)))
    done = 0
    while done < n_boot:
        size = min(rows, n_boot - done)
        draws = rng.integers(0, n, size=(size, n)) + (np.arange(size) * n)[:, None]
        yield np.bincount(draws.ravel(), minlength=size * n).reshape(size, n)
        done += size


def resampled_sums(values: np.ndarray, n_boot: int, seed: Any) -> np.ndarray:
    """``(n_boot, columns)`` sums of ``values`` (units x columns) over resamples of its rows."""
    if not len(values):
        return np.zeros((n_boot, values.shape[1]))
    return np.vstack([block @ values for block in resample_counts(len(values), n_boot, seed)])


@dataclasses.dataclass
class Spec:
    """The rows of the result: one per target x measure (or frame), with its count columns."""

    target: str
    measure: str
    construct: str
    scale: float
    numerator: int
    denominator: int
    support: int  # column counting mentions (or frame cues) for the support rule


def specs(counts: pd.DataFrame, names: Sequence[str], measures: Sequence[str]) -> list[Spec]:
    """One :class:`Spec` per target x measure (and per frame or speaker share) with its count columns."""
    col = {c: i for i, c in enumerate(counts.columns)}
    specs = []
    for name in names:
        for m in measures:
            if m in (FRAME_SHARE, SPEAKER_SHARE):
                continue
            measure = MEASURES[m]
            specs.append(Spec(name, m, measure.construct, measure.scale, col[measure.numerator.format(t=name)],
                               col[measure.denominator.format(t=name)], col[f"{name}|mentions"]))  # fmt: skip
    if FRAME_SHARE in measures:
        for c in counts.columns:
            if c.startswith("frame|"):
                specs.append(Spec(ALL_TARGETS, f"{FRAME_SHARE}:{c[6:]}", "share of frame cues", 1.0, col[c],
                                   col["frame_cues"], col["frame_cues"]))  # fmt: skip
    if SPEAKER_SHARE in measures:
        for c in counts.columns:
            if c.startswith("speaker|"):
                specs.append(Spec(ALL_TARGETS, f"{SPEAKER_SHARE}:{c[8:]}", "share of quotes", 1.0, col[c],
                                   col["quotes"], col["quotes"]))  # fmt: skip
    return specs


def ratio(sums: np.ndarray, specs: Sequence[Spec]) -> np.ndarray:
    """Estimates from summed counts (last axis: count columns) for each spec."""
    num = sums[..., [s.numerator for s in specs]]
    den = sums[..., [s.denominator for s in specs]]
    scale = np.array([s.scale for s in specs])
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, scale * num / np.where(den > 0, den, 1.0), np.nan)


def _parts(units: np.ndarray, specs: Sequence[Spec]) -> tuple[np.ndarray, np.ndarray]:
    """Numerators and denominators of each spec per unit: two (units x specs) arrays."""
    return units[:, [s.numerator for s in specs]], units[:, [s.denominator for s in specs]]


def ratio_moments(units: np.ndarray, specs: Sequence[Spec]) -> np.ndarray:
    """Per unit ``[y, x, y², x², xy]`` for each spec (units x 5·specs): what the ratio and its SE need."""
    y, x = _parts(units, specs)
    return np.concatenate([y, x, y * y, x * x, x * y], axis=1)


def ratio_stat(sums: np.ndarray, n: int, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ratio ``R = Σy/Σx`` and its linearization SE from summed moments (last axis 5·specs).

    ``var(R) ≈ n/(n−1) · Σ(y − R x)² / (Σx)²`` (the ratio estimator's variance, Cochran 1977, §6.3,
    with units as clusters); ``Σ(y − R x)² = Σy² − 2RΣxy + R²Σx²``.
    """
    y, x, yy, xx, xy = np.split(sums, 5, axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(x > 0, y / np.where(x > 0, x, 1.0), np.nan)
        residual = np.maximum(yy - 2 * ratio * xy + ratio**2 * xx, 0.0)
        se = np.sqrt(residual * n / max(n - 1, 1)) / x
    return scale * ratio, scale * se


def difference_moments(a: np.ndarray, b: np.ndarray, specs: Sequence[Spec]) -> np.ndarray:
    """Per pairing unit the moments of two groups' ratios and their cross products (units x 14·specs)."""
    ya, xa = _parts(a, specs)
    yb, xb = _parts(b, specs)
    return np.concatenate(
        [ya, xa, ya * ya, xa * xa, xa * ya, yb, xb, yb * yb, xb * xb, xb * yb, ya * yb, ya * xb, xa * yb, xa * xb],
        axis=1,
    )


def difference_stat(sums: np.ndarray, n: int, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Paired difference ``R_a − R_b`` and its linearization SE (units hold both groups' articles).

    With ``e = y − R x`` per unit and group, ``var(R_a − R_b) ≈ n/(n−1) · Σ(e_a/X_a − e_b/X_b)²``,
    ``X`` the summed denominators: the covariance of the two groups within units enters, which
    is what pairing gains.
    """
    parts = np.split(sums, 14, axis=-1)
    ya, xa, yya, xxa, xya, yb, xb, yyb, xxb, xyb, yayb, yaxb, xayb, xaxb = parts
    with np.errstate(invalid="ignore", divide="ignore"):
        ra = np.where(xa > 0, ya / np.where(xa > 0, xa, 1.0), np.nan)
        rb = np.where(xb > 0, yb / np.where(xb > 0, xb, 1.0), np.nan)
        ea = np.maximum(yya - 2 * ra * xya + ra**2 * xxa, 0.0)
        eb = np.maximum(yyb - 2 * rb * xyb + rb**2 * xxb, 0.0)
        eab = yayb - rb * yaxb - ra * xayb + ra * rb * xaxb
        var = ea / xa**2 - 2 * eab / (xa * xb) + eb / xb**2
        se = np.sqrt(np.maximum(var, 0.0) * n / max(n - 1, 1))
    return scale * (ra - rb), scale * se


def _t_central(t: float, df: int) -> float:
    """``P(|T| ≤ t)`` for Student's t with ``df`` (a whole number) degrees of freedom.

    The finite series of Abramowitz & Stegun 1964, 26.7.3 (odd ``df``) and 26.7.4 (even ``df``),
    with ``θ = atan(t/√df)``.
    """
    theta = math.atan(t / math.sqrt(df))
    c2, s = math.cos(theta) ** 2, math.sin(theta)
    if df % 2:
        k = np.arange(1, (df - 1) // 2)
        tail = math.cos(theta) * (1.0 + np.cumprod(c2 * (2 * k) / (2 * k + 1)).sum()) if df > 1 else 0.0
        return 2 / math.pi * (theta + s * tail)
    k = np.arange(1, df // 2)
    return s * (1.0 + np.cumprod(c2 * (2 * k - 1) / (2 * k)).sum())


#: From this many degrees of freedom on, :func:`t_quantile` uses the Cornish–Fisher expansion
#: (relative error < 1e-9 for p in [1e-5, 0.9995], checked against scipy.stats.t).
CORNISH_FISHER_DF = 200


def t_quantile(p: float, df: int) -> float:
    """The ``p`` quantile of Student's t with ``df`` degrees of freedom (no scipy needed).

    Below ``CORNISH_FISHER_DF`` degrees of freedom: bisection on the exact distribution function
    (:func:`_t_central`); from there on the Cornish–Fisher expansion in the normal quantile
    (Abramowitz & Stegun 1964, 26.7.5, terms to ``1/df⁴``).

    Example:
        >>> round(t_quantile(0.975, 1), 4), round(t_quantile(0.975, 10), 4), round(t_quantile(0.025, 29), 4)
        (12.7062, 2.2281, -2.0452)
    """
    if not 0 < p < 1 or df < 1:
        raise ValueError(f"t_quantile(p={p!r}, df={df!r}); valid: 0 < p < 1 and df >= 1")
    z = NormalDist().inv_cdf(p)
    if df >= CORNISH_FISHER_DF:
        return float(
            z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
            + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * df**4)
        )  # fmt: skip
    target, low, high = abs(2 * p - 1), 0.0, 1.0
    while _t_central(high, df) < target:
        high *= 2
    for _ in range(80):  # the bracket shrinks to ~1e-24 of its width: below double precision
        middle = (low + high) / 2
        low, high = (middle, high) if _t_central(middle, df) < target else (low, middle)
    return math.copysign((low + high) / 2, p - 0.5)


def small_sample_factor(n: int, alpha: float) -> float:
    """``t_{n−1}(1−α) / z(1−α)``: how much wider an interval of ``n`` clusters is made (1 for many).

    The equal-tailed bootstrap-t interval has a coverage error of order ``1/n`` (Hall 1988), and
    with few clusters it is too narrow: the resamples cannot show the tail the sample has not
    reached. Widening its deviations by the ratio of the Student-t quantile with ``n − 1``
    degrees of freedom to the normal one (the factor of Hesterberg's 2015 "expanded" bootstrap
    intervals, without his ``√(n/(n−1))``, which the linearization SE already carries) is a
    correction of the same order, ``1 + (1 + z²)/(4(n−1)) + …``, that vanishes as ``n`` grows.
    Chosen over BCa and expanded percentile intervals by ``validation/calibrate_estimates.py``.

    Example:
        >>> round(small_sample_factor(10, 0.025), 3), round(small_sample_factor(30, 0.025), 3)
        (1.154, 1.044)
        >>> round(small_sample_factor(3000, 0.025), 4)
        1.0004
    """
    if n < 2:
        return math.nan
    return t_quantile(1 - alpha, n - 1) / NormalDist().inv_cdf(1 - alpha)


def student(
    point: np.ndarray,
    se: np.ndarray,
    reps: np.ndarray,
    reps_se: np.ndarray,
    alpha: float,
    *,
    symmetric: bool,
    factor: float = 1.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bootstrap-t interval and two-sided p per column (Efron & Tibshirani 1993, ch. 12.5; Hall 1988).

    ``t* = (θ* − θ̂)/se*`` over the resamples. The equal-tailed interval (estimates of one group,
    whose ratios are skewed) is ``[θ̂ − t*_(1−α)·se, θ̂ − t*_(α)·se]``; the symmetric one
    (differences, ``symmetric=True``) is ``θ̂ ± c·se`` with ``c`` the ``1 − 2α`` quantile of ``|t*|``.
    Both are kept within the range of the resampled ``θ*`` (a resample with ``se* = 0`` gives an
    infinite ``t*``, as happens with two or three articles). ``p`` tests ``θ = 0``: the share of
    ``|t*|`` at least ``|θ̂/se|`` (+1 correction), so a symmetric interval excludes zero when
    ``p < 2α``. Which form for which: ``validation/calibrate_estimates.py`` (plain and BCa
    percentiles covered 84-93%; equal-tailed t covered estimates best, symmetric t differences).
    ``factor`` multiplies the equal-tailed interval's deviations (:func:`small_sample_factor`);
    the symmetric interval, whose coverage error is of order ``1/n²`` (Hall 1988), takes none.
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        delta = reps - point
        t = np.where(
            reps_se > 0, delta / np.where(reps_se > 0, reps_se, 1.0), np.where(delta == 0, 0.0, np.sign(delta) * np.inf)
        )
        t = np.where(np.isnan(reps), np.nan, t)
        valid = (~np.isnan(t)).sum(axis=0)
        low, high = np.full(point.shape, np.nan), np.full(point.shape, np.nan)
        ok = (valid > 0) & ~np.isnan(point)
        if ok.any():
            finite = np.where(np.isinf(t[:, ok]), np.sign(t[:, ok]) * 1e300, t[:, ok])
            if symmetric:
                c = np.nanquantile(np.abs(finite), 1 - 2 * alpha, axis=0)
                low[ok], high[ok] = point[ok] - c * se[ok], point[ok] + c * se[ok]
            else:
                q = factor * np.nanquantile(finite, [alpha, 1 - alpha], axis=0)
                low[ok], high[ok] = point[ok] - q[1] * se[ok], point[ok] - q[0] * se[ok]
            smallest, largest = np.nanmin(reps[:, ok], axis=0), np.nanmax(reps[:, ok], axis=0)
            low[ok] = np.clip(np.nan_to_num(low[ok], nan=-np.inf), smallest, largest)
            high[ok] = np.clip(np.nan_to_num(high[ok], nan=np.inf), smallest, largest)
        observed = np.where(se > 0, np.abs(point) / np.where(se > 0, se, 1.0), np.where(point == 0, 0.0, np.inf))
        extreme = (np.abs(t) >= observed).sum(axis=0)
        p = np.where(ok, np.minimum(1.0, (extreme + 1) / (valid + 1)), np.nan)
    return low, high, p
