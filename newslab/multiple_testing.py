"""Corrections for testing many things at once (group contrasts, keyness words).

Example:
    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.5]).round(3).tolist()
    [0.04, 0.053, 0.053, 0.5]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def benjamini_hochberg(p_values: Sequence[float] | np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg q-values (false discovery rate adjusted p-values) for a family of tests.

    With the ``m`` p-values sorted ascending, ``q_(i) = min_{j >= i} min(1, m · p_(j) / j)``
    (Benjamini & Hochberg 1995; the adjusted p-values of R's ``p.adjust(method="BH")``).
    Rejecting every test with ``q <= α`` keeps the expected share of false discoveries at most
    ``α`` (independent or positively dependent tests). Missing p-values stay missing and do not
    count in ``m``.

    Args:
        p_values: The family's p-values (all the tests shown, not only the small ones).

    Returns:
        q-values in the input order.

    Example:
        >>> benjamini_hochberg([0.02, float("nan")]).tolist()
        [0.02, nan]
    """
    p = np.asarray(p_values, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if not m:
        return q
    values = p[ok]
    order = np.argsort(values, kind="stable")
    ranked = values[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    q[ok] = out
    return q


__all__ = ["benjamini_hochberg"]
