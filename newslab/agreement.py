"""Intercoder agreement: Krippendorff's alpha with a bootstrap CI, percent agreement, coders and items.

Alpha is computed by the ``krippendorff`` package (Castro 2017, checked in the tests against the
worked example of Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability": nominal 0.743,
ordinal 0.815). Krippendorff (2004, p. 241) asks for alpha >= 0.800, and accepts >= 0.667 only for
tentative conclusions; variables below :data:`ALPHA_MIN` are flagged.

Example:
    >>> import pandas as pd
    >>> codes = pd.DataFrame({"item_id": ["a", "a", "b", "b", "c", "c"], "coder": ["x", "y"] * 3,
    ...                       "code": ["neg", "neg", "pos", "pos", "neu", "pos"]})
    >>> row = agreement(codes, n_boot=0).iloc[0]
    >>> round(float(row.alpha), 3), round(float(row.percent_agreement), 3), int(row.n_items), int(row.n_coders)
    (0.545, 0.667, 3, 2)

    By hand: 6 pairable values (neg 2, neu 1, pos 3); disagreeing pairs 2 of 6; alpha = 1 - (6 - 1) x 2
    / (2 x (2x1 + 2x3 + 1x3)) = 1 - 10/22 = 0.545.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from newslab.errors import CodingError

logger = logging.getLogger(__name__)

#: Krippendorff's (2004) lowest acceptable alpha, for tentative conclusions only.
ALPHA_MIN = 0.667
AGREEMENT_COLUMNS = [
    "variable", "level", "alpha", "ci_low", "ci_high", "percent_agreement", "n_items", "n_coders",
    "n_codes", "flag",
]  # fmt: skip


def reliability_matrix(codes: pd.DataFrame, order: Sequence[str] | None = None) -> tuple[np.ndarray, list[str]]:
    """Coders x items matrix of value indices (NaN where a coder did not code an item), and the values.

    ``order`` fixes the value order (needed for ordinal alpha); otherwise values are sorted.
    """
    values = list(order) if order is not None else sorted(codes["code"].astype(str).unique())
    unknown = sorted(set(codes["code"].astype(str)) - set(values))
    if unknown:
        raise CodingError(f"codes {unknown} are not in the value order {values}; give the full order")
    index = {v: float(i) for i, v in enumerate(values)}
    wide = codes.assign(value=codes["code"].astype(str).map(index)).pivot_table(
        index="coder", columns="item_id", values="value", aggfunc="first"
    )
    return wide.to_numpy(dtype=float), values


def percent_agreement(matrix: np.ndarray) -> float:
    """Share of agreeing coder pairs over all pairs, in items coded by 2+ coders."""
    agree = pairs = 0.0
    for col in matrix.T:
        vals = col[~np.isnan(col)]
        m = len(vals)
        if m < 2:
            continue
        _, counts = np.unique(vals, return_counts=True)
        agree += float((counts * (counts - 1)).sum())
        pairs += m * (m - 1)
    return agree / pairs if pairs else float("nan")


def _alpha(matrix: np.ndarray, level: Literal["nominal", "ordinal"], n_values: int) -> float:
    import krippendorff

    pairable = (~np.isnan(matrix)).sum(axis=0) >= 2
    sub = matrix[:, pairable]
    if sub.shape[1] == 0 or len(np.unique(sub[~np.isnan(sub)])) < 2:
        return float("nan")  # alpha is undefined without variation
    return float(
        krippendorff.alpha(reliability_data=sub, level_of_measurement=level, value_domain=list(range(n_values)))
    )


def agreement(
    codes: pd.DataFrame,
    *,
    order: Sequence[str] | None = None,
    ordinal: bool = False,
    variable: str = "code",
    n_boot: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Krippendorff's alpha (nominal, and ordinal if asked), its 95% bootstrap CI and percent agreement.

    Args:
        codes: Long table ``item_id, coder, code`` (as :func:`newslab.coding.read_codes` returns);
            an optional ``variable`` column gives one row per variable.
        order: Value order for ordinal alpha (e.g. ``["negative", "neutral", "positive"]``).
        ordinal: Also report ordinal alpha (needs ``order``).
        variable: Name of the variable when ``codes`` has no ``variable`` column.
        n_boot: Bootstrap resamples of items for the CI (0: no CI).
        seed: Random seed of the bootstrap.

    Returns:
        DataFrame with :data:`AGREEMENT_COLUMNS`: one row per variable and level; ``n_items``
        counts items coded by 2+ coders; ``flag`` is ``"alpha < 0.667"`` where it applies.

    Raises:
        CodingError: For missing columns, fewer than 2 coders, or ``ordinal`` without ``order``.
    """
    missing = [c for c in ("item_id", "coder", "code") if c not in codes.columns]
    if missing:
        raise CodingError(f"codes lack column(s) {missing}; give the table read_codes() returns")
    if ordinal and order is None:
        raise CodingError("ordinal=True needs order=[...] (the codes from low to high)")
    groups: list[tuple[str, pd.DataFrame]] = (
        [(str(k), g) for k, g in codes.groupby("variable", sort=True)]
        if "variable" in codes.columns
        else [(variable, codes)]
    )
    rows: list[dict[str, Any]] = []
    for name, part in groups:
        n_coders = part["coder"].nunique()
        if n_coders < 2:
            raise CodingError(f"variable {name!r} has codes from {n_coders} coder(s); agreement needs 2 or more")
        matrix, values = reliability_matrix(part, order)
        pairable = (~np.isnan(matrix)).sum(axis=0) >= 2
        levels: tuple[Literal["nominal", "ordinal"], ...] = ("nominal", "ordinal") if ordinal else ("nominal",)
        for level in levels:
            alpha = _alpha(matrix, level, len(values))
            lo = hi = float("nan")
            if n_boot and pairable.sum() >= 2:
                rng = np.random.default_rng(seed)
                cols = np.flatnonzero(pairable)
                boots = [_alpha(matrix[:, rng.choice(cols, size=len(cols))], level, len(values)) for _ in range(n_boot)]
                arr = np.asarray(boots)
                arr = arr[np.isfinite(arr)]
                if len(arr):
                    lo, hi = float(np.percentile(arr, 2.5)), float(np.percentile(arr, 97.5))
            flag = f"alpha < {ALPHA_MIN}" if np.isfinite(alpha) and alpha < ALPHA_MIN else ""
            if flag:
                logger.warning("agreement on %s (%s) is alpha=%.3f, below %s", name, level, alpha, ALPHA_MIN)
            rows.append({
                "variable": name, "level": level, "alpha": alpha, "ci_low": lo, "ci_high": hi,
                "percent_agreement": percent_agreement(matrix), "n_items": int(pairable.sum()),
                "n_coders": int(n_coders), "n_codes": len(part), "flag": flag,
            })  # fmt: skip
    return pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)


#: :func:`agreement` under the name exported as ``nl.intercoder_agreement`` (``nl.agreement`` is this module).
intercoder_agreement = agreement

__all__ = [
    "AGREEMENT_COLUMNS",
    "ALPHA_MIN",
    "agreement",
    "intercoder_agreement",
    "percent_agreement",
    "reliability_matrix",
]
