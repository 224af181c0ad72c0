"""Plots of words and frames: keyness bars, the frame profile and the labels of each target.

Each takes a DataFrame and an optional ``ax`` and returns the Axes; re-exported by
:mod:`newslab.plots`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import offset_copy

from newslab.errors import ParameterError
from newslab.figures import (
    MAX_GROUPS,
    group_style,
    legend_label,
    new_axes,
    plural,
    readable,
    require_columns,
    row_groups,
    shorten,
    top_groups,
)


def _critical(method: str, alpha: float) -> float:
    from statistics import NormalDist

    z = NormalDist().inv_cdf(1 - alpha / 2)
    return z if method == "log_odds_dirichlet" else z * z  # chi-square with 1 df is z squared


def _side_name(label: object) -> str:
    value = str(label)
    if "+" in value and len(value) > 30:  # keyness joins the ids of a group with "+"
        return f"{value.count('+') + 1} articles"
    return shorten(value, 30)


def plot_keyness(
    table: Any,
    *,
    n: int = 10,
    ax: Axes | None = None,
    title: str | None = None,
    alpha: float = 0.05,
    names: tuple[str, str] | None = None,
) -> Axes:
    """Diverging bar chart of the ``n`` highest-ranked words of each side of a keyness table.

    A word is called "typical of" a side only when it passes the threshold: ``q_value < alpha``
    (Benjamini–Hochberg over every word of the table), or for a table without ``q_value`` the
    two-sided ``p_value < alpha`` (|z| >= 1.96 for ``alpha=0.05`` with log-odds, G² >= 3.84 with
    log-likelihood); its bar is dark (side a) or hatched (side b). Words below the threshold
    are drawn in light grey and labelled "leans toward", and when no word passes the
    chart says so. The threshold is drawn as dotted lines and stated in the title.

    Args:
        table: Output of :func:`newslab.keyness` (``term``, ``score``, ``favours``; ``p_value``).
        n: Words per side.
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; default ``"Keyness: <a> vs <b>"`` with the threshold.
        alpha: Significance level of the threshold.
        names: Names of the two sides for the legend and title; default from ``table.attrs``.

    Returns:
        The Axes: ``2 n`` horizontal bars at most (side ``a`` to the right, side ``b`` to the
        left), words as tick labels.
    """
    import pandas as pd

    from newslab.keywords import top_keywords

    require_columns(table, ["term", "score", "favours"], "plot_keyness")
    if not 0 < alpha < 1:
        raise ParameterError(f"alpha={alpha!r}; valid: a number between 0 and 1, e.g. 0.05")
    top = top_keywords(table, n=n)
    a = table.attrs.get("a") or next(iter(top[top["score"] > 0]["favours"]), "a")
    b = table.attrs.get("b") or next(iter(top[top["score"] < 0]["favours"]), "b")
    a, b = names if names is not None else (_side_name(a), _side_name(b))
    method = table.attrs.get("method", "log_odds_dirichlet")
    critical = _critical(method, alpha)
    first = top[top["score"] > 0]
    second = top[top["score"] < 0].iloc[::-1]
    ordered = pd.concat([first, second]).iloc[::-1].reset_index(drop=True)  # bar 0 at the bottom
    column = "q_value" if "q_value" in ordered else "p_value"  # corrected for testing every word when available
    passes = ordered[column] < alpha if column in ordered else ordered["score"].abs() >= critical
    ax = new_axes(ax, (7.5, 0.3 * len(ordered) + 1.8))
    for side, label, style in ((ordered["score"] > 0, a, group_style(0)), (ordered["score"] < 0, b, group_style(1))):
        rows = ordered[side & passes]
        if rows.empty:
            continue
        ax.barh(rows.index, rows["score"], color=style[0], hatch=style[1], edgecolor="black", linewidth=0.6,
                label=f"typical of {label}")  # fmt: skip
    weak = ordered[~passes]
    if len(weak):
        ax.barh(weak.index, weak["score"], color="0.9", edgecolor="0.5", linewidth=0.6,
                label="leans toward a side, below the threshold")  # fmt: skip
    ax.set_yticks(range(len(ordered)), [shorten(t, 30) for t in ordered["term"]])
    ax.axvline(0.0, color="black", linewidth=0.8)
    symbol = "|z|" if method == "log_odds_dirichlet" else "G²"
    corrected = column == "q_value" and column in ordered
    rule = f"BH q < {alpha:g} over all words" if corrected else f"{symbol} \u2265 {critical:.2f}, p < {alpha:g}"
    if not corrected:  # the corrected threshold depends on every word's p-value: no single score line
        for x in (-critical, critical):
            ax.axvline(x, color="0.4", linewidth=0.8, linestyle=":")
    ax.set_xlabel(
        ("z-score of the log-odds ratio (Dirichlet prior)" if method == "log_odds_dirichlet" else "signed G²")
        + (f"; typical: {rule}" if corrected else f"; dotted: {rule}")
    )
    ax.set_ylabel("word")
    limit = max([critical * 1.15, *ordered["score"].abs().tolist()])
    ax.set_xlim(-limit * 1.05, limit * 1.05)
    note = f"no word passes the threshold ({rule})" if not passes.any() else f"words called typical only at {rule}"
    ax.text(0.01, 0.99, f"\u2190 more in {b}", transform=ax.transAxes, ha="left", va="top", fontsize="small")
    ax.text(0.99, 0.01, f"more in {a} \u2192", transform=ax.transAxes, ha="right", va="bottom", fontsize="small")
    ax.set_title(title or f"Keyness: {a} vs {b}\n{note}", fontsize="medium")
    below = offset_copy(ax.transAxes, fig=ax.get_figure(root=True), y=-34, units="points")  # under the x label
    ax.legend(fontsize="small", frameon=False, loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=below,
              ncols=3)  # fmt: skip
    return ax


def _grouped_barh(
    ax: Axes, categories: Sequence[str], groups: Sequence[str], values: Any, *, legend_title: str,
    names: Sequence[str] | None = None,
) -> None:  # fmt: skip
    height = 0.8 / max(len(groups), 1)
    for i, group in enumerate(groups):
        face, hatch, _, _ = group_style(i)
        positions = [c + (i - (len(groups) - 1) / 2) * height for c in range(len(categories))]
        ax.barh(
            positions,
            [values(group, cat) for cat in categories],
            height=height,
            color=face,
            hatch=hatch,
            edgecolor="black",
            linewidth=0.6,
            label=names[i] if names is not None else shorten(group),
        )
    ax.set_yticks(range(len(categories)), [str(c) for c in categories])
    ax.invert_yaxis()
    ax.legend(title=legend_title, fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))


def _distribution_barh(ax: Axes, categories: Sequence[str], data: Sequence[Any]) -> None:
    ax.boxplot(list(data), orientation="horizontal", widths=0.5, showmeans=True, medianprops={"color": "black"})
    ax.set_yticks(range(1, len(categories) + 1), list(categories))
    ax.invert_yaxis()


_FRAME_VALUES = {
    "per_1000_words": "cue weight per 1,000 words",
    "sentence_share": "share of sentences with a cue",
    "weight": "sum of cue weights",
    "matches": "cues found",
}


def plot_frame_profile(
    profile: Any,
    *,
    value: str = "per_1000_words",
    frames: Sequence[str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    group_by: str | Mapping[str, str] | None = None,
    max_articles: int = MAX_GROUPS,
) -> Axes:
    """Horizontal bars of each frame's weight per article (or group, or as a distribution).

    Frames with no weight in any article are left out (unless named in ``frames``); frame
    names are shown readable ("Security defense"). Up to ``max_articles`` articles, one bar
    per article and frame; with ``group_by``, one bar per group (the mean over its
    articles); else beyond ``max_articles``, one box per frame over the articles.

    Args:
        profile: Output of :func:`newslab.frame_profile` (``article_id``, ``frame``, ``value``).
        value: ``per_1000_words`` (default), ``sentence_share``, ``weight`` or ``matches``.
        frames: Frames to show, in order; default all with some weight, in the profile's order.
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; a default one is used when ``None``.
        group_by: A column of ``profile`` or a mapping article id -> group.
        max_articles: Most articles drawn as separate bars.

    Returns:
        The Axes.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import newslab as nl
        >>> ax = plot_frame_profile(nl.frame_profile(nl.load_seed_corpus()))
        >>> len(ax.patches), ax.get_yticklabels()[0].get_text()
        (20, 'Conflict')
    """
    require_columns(profile, ["article_id", "frame", value], "plot_frame_profile")
    groups = row_groups(profile, group_by, "plot_frame_profile")
    if frames is not None:
        chosen = list(frames)
    else:
        totals = profile.groupby("frame", sort=False)[value].sum()
        chosen = [f for f in dict.fromkeys(profile["frame"]) if totals.get(f, 0) > 0]
    labels = [readable(f) for f in chosen]
    articles = list(dict.fromkeys(profile["article_id"]))
    measure = _FRAME_VALUES.get(value, value.replace("_", " "))
    if groups is not None:
        data = profile.assign(_group=groups.to_numpy())
        data["_group"], order = top_groups(data["_group"], data["article_id"])
        lookup = data.groupby(["_group", "frame"])[value].mean().to_dict()
        sizes = data.groupby("_group")["article_id"].nunique()
        ax = new_axes(ax, (10, 0.3 * len(chosen) * len(order) + 1.8))
        _grouped_barh(ax, labels, order, lambda g, c: lookup.get((g, chosen[labels.index(c)]), 0.0),
                      legend_title=readable(group_by if isinstance(group_by, str) else "group"),
                      names=[legend_label(g, int(sizes[g])) for g in order])  # fmt: skip
        ax.set_xlabel(f"{measure} (mean over the articles of each group)")
        default = f"Frame profile by {group_by if isinstance(group_by, str) else 'group'}"
    elif len(articles) > max_articles:
        wide = profile.pivot_table(index="article_id", columns="frame", values=value, aggfunc="sum", fill_value=0.0)
        ax = new_axes(ax, (8, 0.45 * len(chosen) + 1.8))
        _distribution_barh(ax, labels, [wide[f].to_numpy() if f in wide else [0.0] for f in chosen])
        ax.set_xlabel(f"{measure} (box: middle half of the articles; triangle: mean)")
        default = f"Frame profile across {plural(len(articles), 'article')}"
    else:
        lookup = profile.groupby(["article_id", "frame"])[value].sum().to_dict()
        ax = new_axes(ax, (10, 0.3 * len(chosen) * max(len(articles), 1) + 1.8))
        _grouped_barh(ax, labels, articles, lambda g, c: lookup.get((g, chosen[labels.index(c)]), 0.0),
                      legend_title="article")  # fmt: skip
        ax.set_xlabel(measure)
        default = "Frame profile by article"
    ax.set_ylabel("frame")
    ax.set_title(title or default)
    return ax


def plot_labels(
    labels: Any,
    *,
    target: str | None = None,
    top: int | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    group_by: str | Mapping[str, str] | None = None,
    max_articles: int = MAX_GROUPS,
) -> Axes:
    """Which labels each article uses for each target: grouped bars of label counts.

    Up to ``max_articles`` articles, one bar per article and label. With ``group_by``, one
    bar per group; else beyond ``max_articles``, one bar per label (times used over all
    articles, and in how many articles), the ``top`` labels per target (default 15).

    Args:
        labels: Long table from :func:`newslab.labels` (``article_id``, ``target``, ``label``,
            ``count``), or a mention table (``article_id``, ``target``, ``mention``), counted here.
        target: Show only this target.
        top: Show at most this many labels per target (most used first).
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; a default one is used when ``None``.
        group_by: A column of ``labels`` or a mapping article id -> group.
        max_articles: Most articles drawn as separate bars.

    Returns:
        The Axes: one tick label ``"target: label"`` per label.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import pandas as pd
        >>> df = pd.DataFrame({"article_id": ["a", "a", "b"], "target": ["T", "T", "T"],
        ...                    "label": ["Trump", "the tycoon", "Trump"], "count": [3, 1, 5]})
        >>> ax = plot_labels(df)
        >>> [t.get_text() for t in ax.get_yticklabels()], len(ax.patches)
        (['T: Trump', 'T: the tycoon'], 4)
    """
    if "label" not in getattr(labels, "columns", ()) and "mention" in getattr(labels, "columns", ()):
        require_columns(labels, ["article_id", "target", "mention"], "plot_labels")
        labels = labels.assign(label=labels["mention"], count=1)
    require_columns(labels, ["article_id", "target", "label", "count"], "plot_labels")
    data = labels if target is None else labels[labels["target"] == target]
    if data.empty:
        raise ParameterError(f"plot_labels(): no labels to plot (target={target!r})")
    groups = row_groups(data, group_by, "plot_labels")
    articles = list(dict.fromkeys(data["article_id"]))
    many = groups is None and len(articles) > max_articles
    if top is None and (many or groups is not None):
        top = 15
    totals = data.groupby(["target", "label"], sort=False)["count"].sum().reset_index()
    order = list(dict.fromkeys(data["target"]))
    totals["order"] = totals["target"].map(order.index)
    totals = totals.sort_values(["order", "count", "label"], ascending=[True, False, True], kind="stable")
    if top is not None:
        totals = totals.groupby("target", sort=False).head(top)
    categories = [
        f"{shorten(t, 16)}: {shorten(lab, 36)}" for t, lab in zip(totals["target"], totals["label"], strict=True)
    ]
    keys = list(zip(totals["target"], totals["label"], strict=True))
    if groups is not None:
        data = data.assign(_group=groups.to_numpy())
        data["_group"], names = top_groups(data["_group"], data["article_id"])
        lookup = data.groupby(["_group", "target", "label"])["count"].sum().to_dict()
        sizes = data.groupby("_group")["article_id"].nunique()
        ax = new_axes(ax, (10, 0.3 * len(categories) * len(names) + 1.8))
        _grouped_barh(ax, categories, names, lambda g, c: lookup.get((g, *keys[categories.index(c)]), 0),
                      legend_title=readable(group_by if isinstance(group_by, str) else "group"),
                      names=[legend_label(g, int(sizes[g])) for g in names])  # fmt: skip
    elif many:
        used_in = data[data["count"] > 0].groupby(["target", "label"])["article_id"].nunique().to_dict()
        ax = new_axes(ax, (8, 0.3 * len(categories) + 1.8))
        counts = totals["count"].to_numpy()
        ax.barh(range(len(categories)), counts, color=group_style(0)[0], edgecolor="black", linewidth=0.6)
        for i, (key, count) in enumerate(zip(keys, counts, strict=True)):
            ax.text(count, i, f" {plural(int(used_in.get(key, 0)), 'article')}", va="center", fontsize="small")
        ax.set_xlim(0, counts.max() * 1.3)
        ax.set_yticks(range(len(categories)), categories)
        ax.invert_yaxis()
    else:
        lookup = data.groupby(["article_id", "target", "label"])["count"].sum().to_dict()
        ax = new_axes(ax, (10, 0.3 * len(categories) * max(len(articles), 1) + 1.8))
        _grouped_barh(ax, categories, articles, lambda g, c: lookup.get((g, *keys[categories.index(c)]), 0),
                      legend_title="article")  # fmt: skip
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 ticks
    ax.set_xlabel("times used" + (f" over {plural(len(articles), 'article')}" if many else ""))
    ax.set_ylabel("target: label")
    ax.set_title(title or "Labels used for each target")
    return ax
