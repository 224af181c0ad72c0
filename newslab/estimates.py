r"""Group estimates with confidence intervals, and contrasts between groups (outlets, periods).

The unit of a news corpus is the article: mentions of a target cluster within articles (one
article's mentions share a writer, a topic and a tone), so every interval here comes from a
**cluster bootstrap over articles**, or over a pairing unit (``pair_by``, e.g. the news event
that several outlets covered), never from treating mentions as independent.

Every measure is a **ratio of sums** over the articles of a group ``G`` (a ratio estimator, the
form a methods section states for rates and shares):

    estimate_G = scale · Σ_{a∈G} numerator_a / Σ_{a∈G} denominator_a

========================== ======================= ======================== ===================
measure                    construct               numerator                denominator · scale
========================== ======================= ======================== ===================
negative_per_1000_words    rate per 1,000 words    mentions labelled neg.   words · 1000
positive_per_1000_words    rate per 1,000 words    mentions labelled pos.   words · 1000
mentions_per_1000_words    rate per 1,000 words    mentions                 words · 1000
share_negative             share of mentions       mentions labelled neg.   mentions
share_neutral              share of mentions       mentions labelled neu.   mentions
share_positive             share of mentions       mentions labelled pos.   mentions
mean_score                 mean score per mention  Σ target score           mentions
quote_share                share of quotes         quotes by the target     quotes
stance_against_per_1000... rate per 1,000 words    stance rows "against"    words · 1000
stance_favor_per_1000_...  rate per 1,000 words    stance rows "favor"      words · 1000
stance_neutral_per_1000... rate per 1,000 words    stance rows "neutral"    words · 1000
frame_share                share of frame cues     cues of the frame        frame cues
speaker_share              share of quotes         quotes by the speaker    quotes
========================== ======================= ======================== ===================

Target measures use the rows of that target (target tone rows for mentions and labels, quotes
whose resolved speaker is one of its names, stance rows aimed at it); ``frame_share`` has one
row per frame and ``speaker_share`` one per speaker among the ``TOP_SPEAKERS`` most quoted in the
corpus (``speaker_share:Mark Rutte``), both with target ``"(all)"``. ``negative_per_1000_words`` is the **primary** tone
measure (see ``docs/groups.md`` for why, and for when to use which).

Bootstrap: ``n_boot`` resamples; without ``pair_by`` the articles of each group are resampled
with replacement, each group on its own; with ``pair_by`` the pairing units are resampled and
every group keeps the articles of the units drawn (the same draw for all groups), so a contrast
compares the groups *within* the units both cover. Intervals are **bootstrap-t** (studentized)
intervals, equal-tailed for estimates and symmetric for differences: each resample's estimate is
divided by its own linearization standard error (the ratio estimator's variance over clusters),
which keeps coverage near the nominal level for skewed ratios over a few dozen articles, where
plain and BCa percentiles fall to 84-93% (``validation/calibrate_estimates.py``). The equal-tailed
interval of an estimate is widened by the small-sample factor ``t_{n−1}/z`` (``n`` the clusters
resampled: 1.12 for 12, 1.04 for 30, 1.0004 for 3,000; :func:`newslab.bootstrap.small_sample_factor`),
which lifts its coverage with 10-30 clusters from 90-93% into the 92-98% target; the ``method``
column of each row names the interval, the factor and the number of clusters. A contrast's
``p`` is the bootstrap-t test of no difference, and ``q`` its Benjamini–Hochberg adjustment
across all the contrasts returned. Resampling is done with weight matrices (counts of each
article in each resample) and matrix products, so there is no Python loop per replicate; a seed fixes every draw.

Example:
    >>> import newslab as nl
    >>> a = nl.analyze(nl.load_seed_corpus())
    >>> est = group_estimates(a, by="source", measures=["negative_per_1000_words"], targets=["Trump"], n_boot=200)
    >>> est[["group", "n_articles", "n_mentions", "numerator", "denominator"]].values.tolist()[1]
    ['Spanish daily newspaper, translated into English', 1, 27, 10.0, 549.0]
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from newslab.errors import ParameterError
from newslab.multiple_testing import benjamini_hochberg

if TYPE_CHECKING:
    import pandas as pd

    from newslab.targets import Target
from newslab.bootstrap import (
    Spec,
    difference_moments,
    difference_stat,
    ratio,
    ratio_moments,
    ratio_stat,
    resample_counts,
    resampled_sums,
    small_sample_factor,
    specs,
    student,
)
from newslab.group_counts import (
    CONTRAST_COLUMNS,
    ESTIMATE_COLUMNS,
    MEASURE_NAMES,
    MEASURES,
    MIN_ARTICLES,
    MIN_MENTIONS,
    PRIMARY_MEASURE,
    TOP_SPEAKERS,
    Analysis,
    Measure,
    article_counts,
    group_keys,
    target_names,
)


def _check_options(measures: Iterable[str] | str | None, ci: float, n_boot: int) -> list[str]:
    chosen = list(MEASURE_NAMES) if measures is None else [measures] if isinstance(measures, str) else list(measures)
    unknown = [m for m in chosen if m not in MEASURE_NAMES]
    if unknown:
        raise ParameterError(f"measures={unknown!r}; valid: {list(MEASURE_NAMES)}")
    if not isinstance(ci, (int, float)) or not 0 < ci < 1:
        raise ParameterError(f"ci={ci!r}; valid: a level between 0 and 1, e.g. 0.95")
    if not isinstance(n_boot, int) or isinstance(n_boot, bool) or n_boot < 100:
        raise ParameterError(f"n_boot={n_boot!r}; valid: a whole number >= 100 (2000 for published intervals)")
    return list(dict.fromkeys(chosen))


@dataclasses.dataclass
class _Prepared:
    """Counts, groups and resampled sums shared by estimates and contrasts."""

    counts: pd.DataFrame
    keys: pd.DataFrame
    specs: list[Spec]
    groups: list[str]
    values: np.ndarray  # articles x columns, in keys order
    group_of: np.ndarray  # group index per article
    unit_of: np.ndarray  # unit index per article (pairing unit, or article)
    paired: bool
    n_boot: int
    seed: Any
    method: str
    ci: float
    pair_by: str | None


def _prepare(
    analysis: Analysis,
    *,
    by: str | Sequence[str] | None,
    targets: Iterable[str | Target] | str | None,
    measures: Iterable[str] | str | None,
    pair_by: str | None,
    period: str | None,
    ci: float,
    n_boot: int,
    seed: Any,
) -> _Prepared:
    chosen = _check_options(measures, ci, n_boot)
    names = target_names(analysis, targets)
    keys = group_keys(analysis.articles, by, period=period, pair_by=pair_by)
    counts = article_counts(analysis, names)
    values = counts.reindex(keys.index).to_numpy(float)
    groups = sorted(keys["group"].unique().tolist())
    group_of = keys["group"].map({g: i for i, g in enumerate(groups)}).to_numpy(int)
    _, unit_of = np.unique(keys["unit"].to_numpy(str), return_inverse=True)
    unit = f"{pair_by!r} units (pair_by), all groups resampled together" if pair_by else "articles within each group"
    method = (f"ratio of sums; {ci:.0%} cluster bootstrap-t interval (equal-tailed with the small-sample "
              f"factor t(n-1)/z for estimates, symmetric for differences), {n_boot} resamples of {unit}; "
              f"seed {seed}")  # fmt: skip
    return _Prepared(counts.reindex(keys.index), keys, specs(counts, names, chosen), groups, values, group_of,
                     unit_of, pair_by is not None, n_boot, seed, method, ci, pair_by)  # fmt: skip


def _estimate_method(prep: _Prepared, n: int, factor: float, interval: bool) -> str:
    """The ``method`` of one group's estimates: the interval, its small-sample factor and the clusters."""
    unit = f"{prep.pair_by!r} units (pair_by), all groups resampled together" if prep.paired else "articles"
    if not interval:
        one = f"articles in one {prep.pair_by!r} unit only" if prep.paired else "one article"
        return f"ratio of sums; no interval ({one})"
    return (f"ratio of sums; {prep.ci:.0%} cluster bootstrap-t interval, equal-tailed, small-sample factor "
            f"t({n - 1})/z = {factor:.3f}; {prep.n_boot} resamples of {n} {unit}; seed {prep.seed}")  # fmt: skip


def _contrast_method(prep: _Prepared, units: tuple[int, ...]) -> str:
    """The ``method`` of one contrast: symmetric bootstrap-t and the clusters each side resampled."""
    if min(units) < 2:
        return "difference of ratios of sums; no interval or test (fewer than two clusters on a side)"
    if prep.paired:
        clusters = f"the {units[0]} {prep.pair_by!r} units both groups cover (pair_by), resampled together"
    else:
        clusters = f"{units[0]} and {units[1]} articles, each group resampled on its own"
    return (f"ratio of sums; {prep.ci:.0%} cluster bootstrap-t interval, symmetric (no small-sample factor); "
            f"{prep.n_boot} resamples of {clusters}; seed {prep.seed}")  # fmt: skip


def _seed(seed: Any, *key: int) -> np.random.SeedSequence:
    entropy = seed if isinstance(seed, int) and seed >= 0 else zlib.crc32(repr(seed).encode("utf-8"))
    return np.random.SeedSequence(entropy, spawn_key=key)


def _unit_totals(prep: _Prepared) -> np.ndarray:
    """Summed counts per pairing unit and group: ``(units, groups, columns)``."""
    n_units = int(prep.unit_of.max()) + 1 if len(prep.unit_of) else 0
    totals = np.zeros((n_units, len(prep.groups), prep.values.shape[1]))
    np.add.at(totals, (prep.unit_of, prep.group_of), prep.values)
    return totals


def _group_units(prep: _Prepared) -> list[np.ndarray]:
    """Each group's resampling units as summed counts (articles; all pairing units with ``pair_by``)."""
    if prep.paired:
        totals = _unit_totals(prep)
        return [totals[:, g] for g in range(len(prep.groups))]
    return [prep.values[prep.group_of == g] for g in range(len(prep.groups))]


def _replicates(prep: _Prepared, units: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Resampled estimates and their SEs, each ``(groups, n_boot, specs)``.

    With ``pair_by`` one draw of pairing units serves every group; otherwise each group's articles
    are drawn on their own (a seed per group, so adding a group does not change the others).
    """
    scale = np.array([s.scale for s in prep.specs])
    moments = [ratio_moments(u, prep.specs) for u in units]
    if prep.paired and moments:
        flat = np.concatenate(moments, axis=1)
        sums = np.split(resampled_sums(flat, prep.n_boot, _seed(prep.seed, 0)), len(moments), axis=1)
    else:
        sums = [resampled_sums(m, prep.n_boot, _seed(prep.seed, 1, g)) for g, m in enumerate(moments)]
    stats = [ratio_stat(sm, len(u), scale) for sm, u in zip(sums, units, strict=True)]
    return np.stack([r for r, _ in stats]), np.stack([se for _, se in stats])


def group_estimates(
    analysis: Analysis,
    *,
    by: str | Sequence[str] | None = "source",
    targets: Iterable[str | Target] | str | None = None,
    measures: Iterable[str] | str | None = None,
    pair_by: str | None = None,
    period: str | None = None,
    ci: float = 0.95,
    n_boot: int = 2000,
    seed: Any = 0,
) -> pd.DataFrame:
    """Estimates per group x target x measure, with cluster-bootstrap confidence intervals.

    Args:
        analysis: An :class:`newslab.Analysis`.
        by: Column(s) of ``analysis.articles`` that define the groups (``"source"``, or a
            metadata field such as ``"outlet"``); ``None`` pools all articles.
        targets: Target names or Targets (default: every target of the analysis).
        measures: Names from ``MEASURE_NAMES`` (default: all).
        pair_by: Column naming a pairing unit (e.g. ``"event"``): the bootstrap resamples these
            units, keeping each group's articles of the units drawn.
        period: ``"week"``, ``"month"``, ``"quarter"`` or ``"year"``: groups become ``by`` x
            period (undated articles are left out and listed in ``attrs["undated"]``).
        ci: Confidence level of the intervals.
        n_boot: Bootstrap resamples (2000 for published intervals).
        seed: Seed of every draw (same seed, same intervals).

    Returns:
        A tidy DataFrame: the ``by`` columns (and ``period``), then ``ESTIMATE_COLUMNS``:
        group, target, measure, construct, estimate, ci_low, ci_high, n_articles, n_mentions
        (the target's mentions in the group), numerator and denominator (the summed counts),
        n_units (pairing units or articles), supported (≥ ``MIN_ARTICLES`` articles and
        ≥ ``MIN_MENTIONS`` mentions, or frame cues), primary (the primary tone measure), method.

    Raises:
        ParameterError: For a missing or empty ``by``/``pair_by`` column (the message lists
            the available ones), an unknown target, measure or period, or a bad ``ci``/``n_boot``.

    Example:
        >>> import newslab as nl
        >>> a = nl.analyze(nl.load_seed_corpus())
        >>> est = group_estimates(a, by=None, targets="Trump", measures="share_negative", n_boot=500)
        >>> row = est.iloc[0]
        >>> float(row.numerator), float(row.denominator), round(float(row.estimate), 3)
        (17.0, 45.0, 0.378)
        >>> bool(row.ci_low <= row.estimate <= row.ci_high)
        True
    """
    import pandas as pd

    prep = _prepare(analysis, by=by, targets=targets, measures=measures, pair_by=pair_by, period=period, ci=ci,
                    n_boot=n_boot, seed=seed)  # fmt: skip
    alpha = (1 - ci) / 2
    units = _group_units(prep)
    reps, reps_se = _replicates(prep, units)  # groups x n_boot x specs
    scale = np.array([sp.scale for sp in prep.specs])
    rows = []
    by_columns = prep.keys.attrs["by"]
    for g, group in enumerate(prep.groups):
        mask = prep.group_of == g
        sums = prep.values[mask].sum(axis=0)
        point, se = ratio_stat(ratio_moments(units[g], prep.specs).sum(axis=0), len(units[g]), scale)
        factor = small_sample_factor(len(units[g]), alpha)  # clusters resampled for this group
        low, high, _ = student(point, se, reps[g], reps_se[g], alpha, symmetric=False, factor=factor)
        n_articles = int(mask.sum())
        n_units = len(np.unique(prep.unit_of[mask]))
        method = _estimate_method(prep, len(units[g]), factor, interval=n_units >= 2)
        if n_units < 2:  # one article (or unit): the bootstrap has nothing to vary, so no interval
            low, high = np.full(len(prep.specs), np.nan), np.full(len(prep.specs), np.nan)
        first = prep.keys[mask].iloc[0]
        for s, spec in enumerate(prep.specs):
            support = float(sums[spec.support])
            rows.append({
                **{c: first[c] for c in by_columns}, "group": group, "target": spec.target, "measure": spec.measure,
                "construct": spec.construct, "estimate": point[s], "ci_low": low[s], "ci_high": high[s],
                "n_articles": n_articles, "n_mentions": int(support), "numerator": float(sums[spec.numerator]),
                "denominator": float(sums[spec.denominator]), "n_units": n_units,
                "supported": n_articles >= MIN_ARTICLES and support >= MIN_MENTIONS,
                "primary": spec.measure == PRIMARY_MEASURE, "method": method,
            })  # fmt: skip
    table = pd.DataFrame(rows, columns=[*by_columns, *ESTIMATE_COLUMNS])
    table.attrs.update(_attrs(prep, ci))
    return table


def _attrs(prep: _Prepared, ci: float) -> dict[str, Any]:
    return {
        "ci": ci, "n_boot": prep.n_boot, "seed": prep.seed, "by": prep.keys.attrs["by"],
        "undated": prep.keys.attrs["undated"], "min_articles": MIN_ARTICLES, "min_mentions": MIN_MENTIONS,
        "method": prep.method,
    }  # fmt: skip


def _pairs(prep: _Prepared, reference: str | None) -> list[tuple[int, int]]:
    """Group index pairs to contrast: each pair (within a period when grouping by period too)."""
    keys = prep.keys.drop_duplicates("group").set_index("group")
    within_period = "period" in keys.columns and len(prep.keys.attrs["by"]) > 1
    by_columns = [c for c in prep.keys.attrs["by"] if c != "period"] if within_period else prep.keys.attrs["by"]

    def name(group: str) -> str:  # the group's name without its period
        return " | ".join(str(keys.loc[group, c]) for c in by_columns) if by_columns else group

    if reference is not None:
        names = {name(g) for g in prep.groups}
        if reference not in names:
            raise ParameterError(f"reference={reference!r} is not a group; groups: {sorted(names)}")
    pairs = []
    for i, a in enumerate(prep.groups):
        for j, b in enumerate(prep.groups):
            if i == j or (within_period and keys.loc[a, "period"] != keys.loc[b, "period"]):
                continue
            chosen = i < j if reference is None else name(b) == reference and name(a) != reference
            if chosen:
                pairs.append((i, j))
    return pairs


def group_contrasts(
    analysis: Analysis,
    *,
    by: str | Sequence[str] | None = "source",
    reference: str | None = None,
    targets: Iterable[str | Target] | str | None = None,
    measures: Iterable[str] | str | None = None,
    pair_by: str | None = None,
    period: str | None = None,
    ci: float = 0.95,
    n_boot: int = 2000,
    seed: Any = 0,
) -> pd.DataFrame:
    """Differences between groups (each pair, or each group against ``reference``) with CI, p and q.

    A side with fewer than two articles (two pairs with ``pair_by``) gets no interval and no p
    (``NaN``): resampling one article shows no variation, and a zero-width interval would mislead.

    ``difference = estimate_group − estimate_versus`` (same measure, target and construct).
    Without ``pair_by`` the two groups are resampled independently (the bootstrap of
    :func:`group_estimates`, same seed, same resamples). With ``pair_by`` only the pairing units
    that both groups cover enter the contrast (``n_pairs`` of them), and they are resampled
    together, so the difference is compared within units (e.g. the same event in two outlets).
    With ``period`` and ``by``, groups are compared within each period.

    Args:
        analysis: An :class:`newslab.Analysis`.
        by: Group column(s), as in :func:`group_estimates`.
        reference: A group (its ``by`` values joined with " | ") every other group is compared
            with; ``None`` compares every pair.
        targets: Target names or Targets (default: all).
        measures: Measure names (default: all).
        pair_by: Pairing column (e.g. ``"event"``).
        period: Time period, as in :func:`group_estimates`.
        ci: Confidence level.
        n_boot: Bootstrap resamples.
        seed: Seed of every draw.

    Returns:
        DataFrame with ``CONTRAST_COLUMNS``: group, versus, target, measure, construct,
        estimate_group, estimate_versus, difference, ci_low, ci_high, p (two-sided bootstrap-t),
        q (Benjamini–Hochberg over all rows returned), distinguishable (the interval excludes
        zero and ``p < 1 − ci``; with two or three articles a side resampled SEs can be 0, the
        interval falls back to the range of the resampled differences and the test stays
        inconclusive), n_articles_group/versus, n_mentions_group/versus, n_pairs (pairing units
        both cover; ``NaN`` without ``pair_by``), supported (both groups meet the support rule),
        primary, method.

    Raises:
        ParameterError: As :func:`group_estimates`, and for a ``reference`` that is not a group.

    Example:
        >>> import newslab as nl
        >>> a = nl.analyze(nl.load_seed_corpus())
        >>> c = group_contrasts(a, by="source", targets="Trump", measures="share_negative", n_boot=500)
        >>> len(c), bool(c.loc[0, "supported"])
        (1, False)
    """
    import pandas as pd

    prep = _prepare(analysis, by=by, targets=targets, measures=measures, pair_by=pair_by, period=period, ci=ci,
                    n_boot=n_boot, seed=seed)  # fmt: skip
    pairs = _pairs(prep, reference)
    alpha = (1 - ci) / 2
    rows: list[dict[str, Any]] = []
    scale = np.array([sp.scale for sp in prep.specs])
    if prep.paired:
        totals = _unit_totals(prep)
        present = np.zeros(totals.shape[:2], dtype=bool)  # a group covers a unit when it has an article in it
        present[prep.unit_of, prep.group_of] = True
        for i, j in pairs:
            common = present[:, i] & present[:, j]
            moments = difference_moments(totals[common, i], totals[common, j], prep.specs)
            n = int(common.sum())
            diff, diff_se = difference_stat(resampled_sums(moments, prep.n_boot, _seed(prep.seed, 0)), n, scale)
            point, se = difference_stat(moments.sum(axis=0), n, scale)
            point_a = ratio(totals[common, i].sum(axis=0), prep.specs)
            point_b = ratio(totals[common, j].sum(axis=0), prep.specs)
            low, high, p = student(point, se, diff, diff_se, alpha, symmetric=True)
            rows.extend(_contrast_rows(prep, i, j, point_a, point_b, (low, high, p), n))
    else:
        units = _group_units(prep)
        reps, reps_se = _replicates(prep, units)
        stats = [ratio_stat(ratio_moments(u, prep.specs).sum(axis=0), len(u), scale) for u in units]
        for i, j in pairs:
            (point_a, se_a), (point_b, se_b) = stats[i], stats[j]
            low, high, p = student(
                point_a - point_b,
                np.hypot(se_a, se_b),
                reps[i] - reps[j],
                np.hypot(reps_se[i], reps_se[j]),
                alpha,
                symmetric=True,
            )
            rows.extend(_contrast_rows(prep, i, j, point_a, point_b, (low, high, p), None))
    table = pd.DataFrame(rows, columns=CONTRAST_COLUMNS)
    table["q"] = benjamini_hochberg(table["p"].to_numpy(float)) if len(table) else table["p"]
    table.attrs.update(_attrs(prep, ci), reference=reference)
    return table


def _contrast_rows(
    prep: _Prepared, i: int, j: int, point_a: np.ndarray, point_b: np.ndarray,
    interval: tuple[np.ndarray, np.ndarray, np.ndarray], n_pairs: int | None,
) -> list[dict[str, Any]]:  # fmt: skip
    low, high, p = interval
    mask_a, mask_b = prep.group_of == i, prep.group_of == j
    units = (
        (n_pairs,)
        if n_pairs is not None
        else (len(np.unique(prep.unit_of[mask_a])), len(np.unique(prep.unit_of[mask_b])))
    )
    if min(units) < 2:  # a side with one article (or pair): no interval and no test
        low, high, p = (np.full(len(prep.specs), np.nan) for _ in range(3))
    method = _contrast_method(prep, units)
    sums_a, sums_b = prep.values[mask_a].sum(0), prep.values[mask_b].sum(0)
    rows = []
    for s, spec in enumerate(prep.specs):
        n_a, n_b = int(mask_a.sum()), int(mask_b.sum())
        m_a, m_b = float(sums_a[spec.support]), float(sums_b[spec.support])
        supported = min(n_a, n_b) >= MIN_ARTICLES and min(m_a, m_b) >= MIN_MENTIONS
        difference = point_a[s] - point_b[s]
        distinguishable = bool((low[s] > 0 or high[s] < 0) and p[s] < 1 - prep.ci)
        rows.append({
            "group": prep.groups[i], "versus": prep.groups[j], "target": spec.target, "measure": spec.measure,
            "construct": spec.construct, "estimate_group": point_a[s], "estimate_versus": point_b[s],
            "difference": difference, "ci_low": low[s], "ci_high": high[s], "p": p[s], "q": np.nan,
            "distinguishable": distinguishable, "n_articles_group": n_a, "n_articles_versus": n_b,
            "n_mentions_group": int(m_a), "n_mentions_versus": int(m_b),
            "n_pairs": n_pairs if n_pairs is not None else np.nan, "supported": supported,
            "primary": spec.measure == PRIMARY_MEASURE, "method": method,
        })  # fmt: skip
    return rows


__all__ = [
    "CONTRAST_COLUMNS",
    "ESTIMATE_COLUMNS",
    "MEASURES",
    "MEASURE_NAMES",
    "MIN_ARTICLES",
    "MIN_MENTIONS",
    "PRIMARY_MEASURE",
    "TOP_SPEAKERS",
    "Measure",
    "article_counts",
    "group_contrasts",
    "group_estimates",
    "group_keys",
    "resample_counts",
]
