"""Classification scores with weights, and the cluster bootstrap behind their confidence intervals.

Shared by :mod:`newslab.adapt` (cross-validated macro-F1 of a target model) and
:mod:`newslab.validity` (newslab against human coders). Items of one article are not
independent, so intervals resample whole articles (clusters), as recommended for
content-analysis samples (e.g. Field & Welsh 2007 for the cluster bootstrap).

Example:
    >>> macro_f1(["negative", "neutral", "neutral"], ["negative", "neutral", "positive"])
    0.5555555555555555
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

LABELS = ("negative", "neutral", "positive")
#: Labels or weights per item: a list or a NumPy array.
Items = Sequence[Any] | np.ndarray


def confusion(truth: Items, pred: Items, labels: Sequence[Any], weights: Items | None = None) -> np.ndarray:
    """Weighted confusion matrix: rows are the true labels, columns the predictions, in ``labels`` order.

    Example:
        >>> confusion(["a", "b", "b"], ["a", "a", "b"], ["a", "b"]).tolist()
        [[1.0, 0.0], [1.0, 1.0]]
    """
    index = {lab: i for i, lab in enumerate(labels)}
    w = np.ones(len(truth)) if weights is None else np.asarray(weights, dtype=float)
    out = np.zeros((len(labels), len(labels)))
    t = np.array([index.get(x, -1) for x in truth])
    p = np.array([index.get(x, -1) for x in pred])
    ok = (t >= 0) & (p >= 0)
    np.add.at(out, (t[ok], p[ok]), w[ok])
    return out


def per_class(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision, recall and F1 per class from a confusion matrix (0 where undefined)."""
    tp = np.diag(matrix)
    pred_n, true_n = matrix.sum(axis=0), matrix.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(pred_n > 0, tp / pred_n, 0.0)
        recall = np.where(true_n > 0, tp / true_n, 0.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    return precision, recall, f1


def macro_f1(
    truth: Items,
    pred: Items,
    labels: Sequence[Any] = LABELS,
    weights: Items | None = None,
) -> float:
    """Unweighted mean of the per-class F1 over ``labels`` (classes never seen nor predicted count as 0).

    ``weights``: per-item sample weights (e.g. inverse inclusion probabilities).
    """
    return float(per_class(confusion(truth, pred, labels, weights))[2].mean())


def cluster_bootstrap(
    groups: Items,
    statistic: Callable[[np.ndarray], float],
    *,
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile interval of ``statistic`` over resamples of whole clusters.

    Args:
        groups: Cluster id per item (e.g. article id).
        statistic: Function of an array of item indices (with repeats) -> a number.
        n_boot: Resamples.
        seed: Random seed (same seed, same interval).
        level: Coverage of the interval.

    Returns:
        (low, high). NaN, NaN with fewer than 2 clusters.

    Example:
        >>> lo, hi = cluster_bootstrap(["a", "a", "b", "c"], lambda idx: float(len(idx)), n_boot=200)
        >>> lo <= 4 <= hi
        True
    """
    codes, inverse = np.unique(np.asarray([str(g) for g in groups]), return_inverse=True)
    if len(codes) < 2:
        return float("nan"), float("nan")
    members = [np.flatnonzero(inverse == k) for k in range(len(codes))]
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(n_boot):
        pick = rng.integers(0, len(codes), len(codes))
        idx = np.concatenate([members[k] for k in pick])
        values.append(statistic(idx))
    arr = np.asarray(values, dtype=float)
    arr = arr[np.isfinite(arr)]
    if not len(arr):
        return float("nan"), float("nan")
    tail = (1 - level) / 2 * 100
    return float(np.percentile(arr, tail)), float(np.percentile(arr, 100 - tail))


__all__ = ["LABELS", "cluster_bootstrap", "confusion", "macro_f1", "per_class"]
