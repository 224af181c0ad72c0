"""newslab against human coders on your corpus: scores, differential error, corrected estimates, methods text.

* :func:`gold_labels`: one reference code per item from several coders (majority; ties left out).
* :func:`score_tool`: precision, recall and F1 per class, macro-F1, accuracy and the confusion
  matrix, for the whole sample and per group, weighted by the sample's inverse inclusion
  probabilities, with 95% CIs from a bootstrap that resamples whole articles; and a test of
  *differential error* (do error rates differ between groups beyond chance?).
* :func:`corrected_shares`: group shares of labels corrected for misclassification by inverting
  each group's confusion matrix P(newslab label | true label), estimated from the validation
  sample, with CIs from a bootstrap over both the corpus articles and the validation items
  (Fong & Tyler 2021 and TeBlunthuis et al. 2024 discuss why raw shares from a classifier with
  differential error are biased).
* :func:`methods_paragraph`: a paragraph for a paper's methods section.

Example:
    >>> import pandas as pd
    >>> items = pd.DataFrame({"item_id": ["a", "b", "c", "d"], "article_id": ["x", "x", "y", "z"],
    ...                       "group": ["A", "A", "B", "B"], "weight": 1.0,
    ...                       "tool_label": ["negative", "neutral", "neutral", "positive"]})
    >>> gold = pd.Series({"a": "negative", "b": "neutral", "c": "negative", "d": "positive"}, name="gold")
    >>> s = score_tool(items, gold, n_boot=0)
    >>> s.summary[["group", "n_items", "accuracy"]].to_dict("records")[0]
    {'group': 'all', 'n_items': 4, 'accuracy': 0.75}
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from newslab.errors import CodingError, ParameterError
from newslab.scores import confusion, per_class

logger = logging.getLogger(__name__)

#: Differential-error test level: a warning below this p-value.
DIFFERENTIAL_ALPHA = 0.05


def gold_labels(codes: pd.DataFrame) -> pd.Series:
    """One reference code per item: the majority of its coders; items with a tie are left out.

    Example:
        >>> c = pd.DataFrame({"item_id": ["a", "a", "a", "b", "b"], "coder": list("xyzxy"),
        ...                   "code": ["neg", "neg", "pos", "neg", "pos"]})
        >>> gold_labels(c).to_dict()
        {'a': 'neg'}
    """
    counts = codes.groupby(["item_id", "code"]).size().rename("n").reset_index()
    counts = counts.sort_values(["item_id", "n"], ascending=[True, False])
    top = counts.groupby("item_id")["n"].transform("max")
    winners = counts[counts["n"] == top]
    unique = winners.groupby("item_id")["code"].transform("size") == 1
    out = winners[unique].set_index("item_id")["code"].rename("gold")
    ties = winners.loc[~unique, "item_id"].nunique()
    if ties:
        logger.warning("%d item(s) with tied codes are left out of the reference labels", ties)
    return out


@dataclasses.dataclass(frozen=True)
class ToolScores:
    """newslab against the coders' reference labels.

    Attributes:
        summary: Per group (``"all"`` first): n_items, n_articles, accuracy, macro_f1, each with CI.
        per_class: Per group and class: precision, recall, f1 with CIs, and support.
        confusion: Per group: weighted counts of (gold, newslab) pairs.
        differential: Per group: weighted error rate; and the permutation p-value of the test.
        warnings: Plain-language warnings (differential error, small groups).
        items: The scored items (sample items joined with their reference label).
    """

    summary: pd.DataFrame
    per_class: pd.DataFrame
    confusion: pd.DataFrame
    differential: pd.DataFrame
    warnings: tuple[str, ...]
    items: pd.DataFrame


def _normalize(name: Any) -> str:
    return " ".join(str(name).lower().replace("\u2019", "'").split())


def _same_speaker(tool: str, gold: str) -> bool:
    a, b = _normalize(tool), _normalize(gold)
    return a == b or (a not in ("", "none") and b not in ("", "none") and (a in b or b in a))


def _prepare(items: pd.DataFrame, gold: pd.Series, free_text: bool) -> pd.DataFrame:
    missing = [c for c in ("item_id", "article_id", "group", "tool_label") if c not in items.columns]
    if missing:
        raise CodingError(f"items lack column(s) {missing}; give sample.items from newslab.coding.draw_sample")
    scored = items.merge(gold.rename("gold"), left_on="item_id", right_index=True, how="inner")
    if scored.empty:
        raise CodingError("no sample item has a reference code; check that the codes belong to this sample")
    if "weight" not in scored.columns:
        scored["weight"] = 1.0
    scored = scored.assign(tool_label=scored["tool_label"].astype(str), gold=scored["gold"].astype(str))
    if free_text:  # a free-text answer (a speaker) is scored as right or wrong
        right = [_same_speaker(t, g) for t, g in zip(scored.tool_label, scored.gold, strict=True)]
        scored["gold"] = np.where(right, "right", "wrong")
        scored["tool_label"] = "right"
    return scored.reset_index(drop=True)


def _scores_of(
    part: pd.DataFrame, labels: Sequence[str], n_boot: int, seed: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    truth, pred = part["gold"].to_numpy(), part["tool_label"].to_numpy()
    w = part["weight"].to_numpy(dtype=float)
    groups = part["article_id"].astype(str).tolist()

    def stats(idx: np.ndarray) -> np.ndarray:
        p, r, f = per_class(confusion(truth[idx], pred[idx], labels, w[idx]))
        acc = float((w[idx] * (truth[idx] == pred[idx])).sum() / w[idx].sum())
        return np.concatenate([[acc, f.mean()], p, r, f])

    point = stats(np.arange(len(part)))
    boots = None
    if n_boot and part["article_id"].nunique() >= 2:
        rng = np.random.default_rng(seed)
        arts, inverse = np.unique(np.asarray(groups), return_inverse=True)
        members = [np.flatnonzero(inverse == k) for k in range(len(arts))]
        boots = np.array(
            [stats(np.concatenate([members[k] for k in rng.integers(0, len(arts), len(arts))])) for _ in range(n_boot)]
        )

    def ci(j: int) -> tuple[float, float]:
        if boots is None:
            return float("nan"), float("nan")
        return float(np.percentile(boots[:, j], 2.5)), float(np.percentile(boots[:, j], 97.5))

    k = len(labels)
    summary = {"n_items": len(part), "n_articles": part["article_id"].nunique(),
               "accuracy": point[0], "accuracy_low": ci(0)[0], "accuracy_high": ci(0)[1],
               "macro_f1": point[1], "macro_f1_low": ci(1)[0], "macro_f1_high": ci(1)[1]}  # fmt: skip
    rows = []
    for c, lab in enumerate(labels):
        row: dict[str, Any] = {"class": lab, "support": int((truth == lab).sum())}
        for name, off in (("precision", 2), ("recall", 2 + k), ("f1", 2 + 2 * k)):
            row[name] = point[off + c]
            row[f"{name}_low"], row[f"{name}_high"] = ci(off + c)
        rows.append(row)
    return summary, rows


def _differential(scored: pd.DataFrame, n_perm: int, seed: int) -> tuple[pd.DataFrame, float]:
    """Weighted error rate per group and a permutation test: groups reassigned to whole articles."""
    err = (scored["gold"] != scored["tool_label"]).to_numpy(dtype=float)
    w = scored["weight"].to_numpy(dtype=float)
    arts = scored["article_id"].astype(str).to_numpy()
    art_ids, inverse = np.unique(arts, return_inverse=True)
    art_group = scored.groupby(scored["article_id"].astype(str))["group"].first().reindex(art_ids).to_numpy()
    group_names = sorted(set(art_group))

    def statistic(groups_of_articles: np.ndarray) -> tuple[float, list[float]]:
        g = groups_of_articles[inverse]
        rates = [float((w[g == name] * err[g == name]).sum() / w[g == name].sum()) for name in group_names]
        overall = float((w * err).sum() / w.sum())
        sizes = [float(w[g == name].sum()) for name in group_names]
        return sum(s * (r - overall) ** 2 for s, r in zip(sizes, rates, strict=True)) / sum(sizes), rates

    observed, rates = statistic(art_group)
    p = float("nan")
    if len(group_names) >= 2 and n_perm:
        rng = np.random.default_rng(seed)
        hits = sum(statistic(rng.permutation(art_group))[0] >= observed - 1e-15 for _ in range(n_perm))
        p = (hits + 1) / (n_perm + 1)
    table = pd.DataFrame({"group": group_names, "error_rate": rates,
                          "n_items": [int((art_group[inverse] == g).sum()) for g in group_names]})  # fmt: skip
    table["p_value"] = p
    return table, p


def score_tool(
    items: pd.DataFrame,
    gold: pd.Series | pd.DataFrame,
    *,
    labels: Sequence[str] | None = None,
    free_text: bool = False,
    n_boot: int = 1000,
    n_perm: int = 1000,
    seed: int = 0,
) -> ToolScores:
    """Score newslab's labels against the coders' reference labels, overall and per group.

    Args:
        items: ``sample.items`` (``item_id, article_id, group, tool_label, weight``).
        gold: Reference label per item id (:func:`gold_labels`), or the long codes table
            (``item_id, coder, code``), from which the majority is taken.
        labels: Class order (default: the sorted union of both label sets).
        free_text: Items whose answer is a name (quote speaker): scored right/wrong by name match.
        n_boot: Article-cluster bootstrap resamples for the CIs (0: none).
        n_perm: Permutations of the differential-error test (0: no test).
        seed: Random seed.

    Returns:
        :class:`ToolScores`. Scores are weighted by ``weight`` (1 / inclusion probability), so they
        estimate newslab's accuracy on the corpus, not on the stratified sample.
    """
    if isinstance(gold, pd.DataFrame):
        gold = gold_labels(gold)
    scored = _prepare(items, gold, free_text)
    if labels is None:
        labels = sorted(set(scored["gold"]) | set(scored["tool_label"]))
    summaries, classes, matrices = [], [], []
    for name, part in [("all", scored)] + [(str(g), p) for g, p in scored.groupby("group", sort=True)]:
        summary, rows = _scores_of(part.reset_index(drop=True), labels, n_boot, seed)
        summaries.append({"group": name, **summary})
        classes += [{"group": name, **r} for r in rows]
        m = confusion(part["gold"].to_numpy(), part["tool_label"].to_numpy(), labels, part["weight"].to_numpy(float))
        matrices += [
            {"group": name, "gold": gl, "newslab": tl, "weighted_count": float(m[i, j])}
            for i, gl in enumerate(labels) for j, tl in enumerate(labels)
        ]  # fmt: skip
    differential, p = (
        _differential(scored, n_perm, seed) if scored["group"].nunique() >= 2 else (pd.DataFrame(), np.nan)
    )
    warnings = []
    if np.isfinite(p) and p < DIFFERENTIAL_ALPHA:
        rates = ", ".join(f"{g} {r:.0%}" for g, r in zip(differential.group, differential.error_rate, strict=True))
        warnings.append(
            f"differential error: newslab's error rate differs between groups beyond chance (p = {p:.3f}; {rates}). "
            "Raw group comparisons may be biased: report corrected estimates (corrected_shares)."
        )
    small = [s["group"] for s in summaries if s["n_items"] < 30]
    if small:
        warnings.append(f"fewer than 30 coded items in {small}: their scores are very uncertain")
    for w in warnings:
        logger.warning(w)
    return ToolScores(pd.DataFrame(summaries), pd.DataFrame(classes), pd.DataFrame(matrices), differential,
                      tuple(warnings), scored)  # fmt: skip


def _misclassification(gold: np.ndarray, tool: np.ndarray, w: np.ndarray, k: int) -> np.ndarray:
    """P(tool = j | true = i) from weighted validation items (rows without items: identity)."""
    m = np.zeros((k, k))
    np.add.at(m, (gold, tool), w)
    rows = m.sum(axis=1, keepdims=True)
    out = np.where(rows > 0, m / np.where(rows > 0, rows, 1), np.eye(k))
    return out


def _invert(m: np.ndarray, q: np.ndarray) -> np.ndarray:
    """True shares p with q = M^T p (least squares), clipped at 0 and renormalized."""
    p, *_ = np.linalg.lstsq(m.T, q, rcond=None)
    p = np.clip(p, 0, None)
    return p / p.sum() if p.sum() > 0 else np.full_like(q, 1 / len(q))


def corrected_shares(
    counts: pd.DataFrame,
    validation: pd.DataFrame,
    *,
    labels: Sequence[str] | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    pooled: bool = False,
) -> pd.DataFrame:
    """Group shares of labels, raw and corrected for misclassification, with bootstrap CIs.

    For each group, the confusion matrix M[i, j] = P(newslab says j | true label i) is estimated
    from that group's validation items (weighted by 1 / inclusion probability) and the raw shares
    q are corrected by solving q = M^T p (least squares, clipped at 0, renormalized). The CI
    resamples the corpus articles (for q) and the validation articles (for M) in each of
    ``n_boot`` rounds, so it carries the uncertainty of the correction too.

    Args:
        counts: Raw per-article label counts from the tool on the whole corpus: columns
            ``article_id, group, label, count`` (one row per article and label).
        validation: Coded items: ``article_id, group, tool_label, gold`` and optionally ``weight``
            (e.g. ``score_tool(...).items``).
        labels: Label order (default: sorted union).
        n_boot: Bootstrap rounds.
        seed: Random seed.
        pooled: Use one confusion matrix for all groups (only right without differential error).

    Returns:
        One row per group and label: ``raw, raw_low, raw_high, corrected, corrected_low,
        corrected_high, n_articles, n_validation``.

    Example:
        >>> counts = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "group": "A",
        ...                        "label": ["neg", "pos"] * 2, "count": [6, 4, 5, 5]})
        >>> val = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "group": "A",
        ...                     "tool_label": ["neg", "pos", "neg", "pos"], "gold": ["neg", "pos", "neg", "neg"]})
        >>> corrected_shares(counts, val, n_boot=0)[["label", "raw", "corrected"]].round(3).values.tolist()
        [['neg', 0.55, 0.825], ['pos', 0.45, 0.175]]

        By hand: true "neg" items were labelled neg, neg, pos, so P(neg | neg) = 2/3; true "pos"
        items were always "pos". Raw q_neg = 11/20 = 2/3 x p_neg, so p_neg = 0.825.
    """
    for name, frame, cols in (("counts", counts, ("article_id", "group", "label", "count")),
                              ("validation", validation, ("article_id", "group", "tool_label", "gold"))):  # fmt: skip
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            raise ParameterError(f"{name} lacks column(s) {missing}; need {list(cols)}")
    if labels is None:
        labels = sorted(set(counts["label"].astype(str)) | set(validation["gold"].astype(str)))
    k, index = len(labels), {lab: i for i, lab in enumerate(labels)}
    w_all = validation["weight"].to_numpy(float) if "weight" in validation.columns else np.ones(len(validation))
    val = validation.assign(_w=w_all, _g=validation["gold"].astype(str).map(index),
                            _t=validation["tool_label"].astype(str).map(index)).dropna(subset=["_g", "_t"])  # fmt: skip
    rng = np.random.default_rng(seed)
    rows = []
    for group, part in counts.groupby("group", sort=True):
        wide = part.pivot_table(index="article_id", columns="label", values="count", aggfunc="sum", fill_value=0)
        mat = wide.reindex(columns=labels, fill_value=0).to_numpy(float)  # articles x labels
        vpart = val if pooled else val[val["group"] == group]
        if vpart.empty:
            raise CodingError(f"no validation items for group {group!r}; code items of every group (or pooled=True)")
        g, t, w = vpart["_g"].to_numpy(int), vpart["_t"].to_numpy(int), vpart["_w"].to_numpy(float)
        v_arts, v_inv = np.unique(vpart["article_id"].astype(str).to_numpy(), return_inverse=True)
        v_members = [np.flatnonzero(v_inv == j) for j in range(len(v_arts))]
        q = mat.sum(axis=0) / mat.sum()
        p = _invert(_misclassification(g, t, w, k), q)
        raw_b, cor_b = [], []
        for _ in range(n_boot):
            qb = mat[rng.integers(0, len(mat), len(mat))].sum(axis=0)
            qb = qb / qb.sum()
            idx = np.concatenate([v_members[j] for j in rng.integers(0, len(v_arts), len(v_arts))])
            raw_b.append(qb)
            cor_b.append(_invert(_misclassification(g[idx], t[idx], w[idx], k), qb))
        for i, lab in enumerate(labels):
            rb = np.array([b[i] for b in raw_b]) if raw_b else np.array([np.nan])
            cb = np.array([b[i] for b in cor_b]) if cor_b else np.array([np.nan])
            rows.append({
                "group": group, "label": lab, "raw": float(q[i]),
                "raw_low": float(np.nanpercentile(rb, 2.5)) if n_boot else np.nan,
                "raw_high": float(np.nanpercentile(rb, 97.5)) if n_boot else np.nan,
                "corrected": float(p[i]),
                "corrected_low": float(np.nanpercentile(cb, 2.5)) if n_boot else np.nan,
                "corrected_high": float(np.nanpercentile(cb, 97.5)) if n_boot else np.nan,
                "n_articles": len(mat), "n_validation": len(vpart),
            })  # fmt: skip
    return pd.DataFrame(rows)


def methods_paragraph(
    sample: Any,
    agreement_table: pd.DataFrame | None,
    scores: ToolScores,
    *,
    corrected: bool = False,
    coders: Sequence[str] = (),
    tool: str = "newslab",
    blind: bool = True,
) -> str:
    """A methods paragraph: sample design, coders, Krippendorff's alpha, the tool's scores with CIs, correction.

    Args:
        sample: The :class:`~newslab.coding.CodingSample`.
        agreement_table: From :func:`newslab.agreement.agreement` (``None`` if one coder).
        scores: From :func:`score_tool`.
        corrected: Whether group estimates were corrected with :func:`corrected_shares`.
        coders: Coder names or descriptions (only their number is printed if none).
        tool: How to name the tool.
        blind: The coders did not see the tool's labels (the sheets' default).
    """
    task = sample.task.replace("_", " ")
    n_groups = sample.items["group"].nunique()
    n_coders = len(coders) or (int(agreement_table["n_coders"].max()) if agreement_table is not None else 1)
    text = [
        f"To validate {tool}'s {task} measure on our corpus, we drew a random sample of {len(sample.items)} items "
        f"(seed {sample.seed}), stratified by {sample.by} ({n_groups} groups) and by {tool}'s own label, and weighted "
        "each item by its inverse inclusion probability so that scores refer to the whole corpus."
    ]
    who = f"{n_coders} coder{'s' if n_coders != 1 else ''}" + (f" ({', '.join(coders)})" if coders else "")
    how = f"blind to {tool}'s output " if blind else f"with {tool}'s output visible (not blind) "
    text.append(f"The items were coded {how}by {who} with a written codebook.")
    if agreement_table is not None and not agreement_table.empty:
        parts = [
            f"Krippendorff's alpha ({r.level}) = {r.alpha:.2f} (95% CI {r.ci_low:.2f} to {r.ci_high:.2f}; "
            f"{r.n_items} items, percent agreement {r.percent_agreement:.0%})"
            for r in agreement_table.itertuples(index=False)
        ]
        text.append("Intercoder agreement: " + "; ".join(parts) + ".")
        low = agreement_table[agreement_table["flag"] != ""]
        if not low.empty:
            text.append(
                "Agreement is below Krippendorff's 0.667 threshold, so the reference labels are themselves uncertain."
            )
    s = scores.summary.iloc[0]
    text.append(
        f"Against the coders' majority label, {tool} reached a macro-F1 of {s.macro_f1:.2f} "
        f"(95% CI {s.macro_f1_low:.2f} to {s.macro_f1_high:.2f}) and an accuracy of {s.accuracy:.2f} "
        f"({s.accuracy_low:.2f} to {s.accuracy_high:.2f}); "
        "confidence intervals resample whole articles."
    )
    if len(scores.summary) > 1:
        per = ", ".join(f"{r.group} {r.macro_f1:.2f}" for r in scores.summary.iloc[1:].itertuples(index=False))
        text.append(f"Macro-F1 by {sample.by}: {per}.")
    if not scores.differential.empty:
        p = float(scores.differential["p_value"].iloc[0])
        verdict = "differed" if p < DIFFERENTIAL_ALPHA else "did not differ detectably"
        text.append(f"Error rates {verdict} between groups (permutation test over articles, p = {p:.3f}).")
    text.append(
        "Group estimates were corrected for misclassification by inverting each group's confusion matrix"
        + (" (estimated separately for each target)" if sample.task == "target_tone" else "")
        + ", with bootstrap intervals over both the corpus and the validation sample."
        if corrected else "Group estimates were not corrected for misclassification."
    )  # fmt: skip
    return " ".join(text)


def shares_from_counts(table: pd.DataFrame, *, group_of: Mapping[str, str], label: str = "label") -> pd.DataFrame:
    """Per-article label counts (``article_id, group, label, count``) from a tool table such as ``target_tone``.

    Example:
        >>> t = pd.DataFrame({"article_id": ["a", "a", "b"], "label": ["neg", "neg", "pos"]})
        >>> shares_from_counts(t, group_of={"a": "X", "b": "Y"}).values.tolist()
        [['a', 'X', 'neg', 2], ['b', 'Y', 'pos', 1]]
    """
    counts = table.groupby(["article_id", label]).size().rename("count").reset_index().rename(columns={label: "label"})
    counts.insert(1, "group", counts["article_id"].map(group_of).fillna("(none)"))
    return counts


__all__ = [
    "DIFFERENTIAL_ALPHA",
    "ToolScores",
    "corrected_shares",
    "gold_labels",
    "methods_paragraph",
    "score_tool",
    "shares_from_counts",
]
