"""Plots of tone: the sentiment arc through each article and the tone heatmap (article x target).

Each takes a DataFrame and an optional ``ax`` and returns the Axes; re-exported by
:mod:`newslab.plots`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from matplotlib.axes import Axes

from newslab.figures import (
    MAX_GROUPS,
    MINUS,
    TARGET_MARKERS,
    group_style,
    legend_label,
    new_axes,
    plural,
    readable,
    require_columns,
    row_groups,
    shorten,
    signed,
    top_groups,
    value_name,
    wrap_label,
)


def plot_sentiment_arc(
    sentiment: Any,
    *,
    mentions: Any = None,
    score: str = "compound",
    ax: Axes | None = None,
    title: str | None = None,
    group_by: str | Mapping[str, str] | None = None,
    max_articles: int = MAX_GROUPS,
) -> Axes:
    """Tone sentence by sentence through each article, with target mentions marked.

    Up to ``max_articles`` articles (and no ``group_by``), one line per article. Beyond, or
    with ``group_by``, the x axis is the position in the article (tenths) and each group
    (all articles when not grouping) is drawn as its median tone with a band for the middle
    half of its articles; mention markers are left out then.

    Args:
        sentiment: Table with ``article_id``, ``sentence_id`` and the ``score`` column (e.g.
            ``nl.sentiment_table(corpus)``).
        mentions: Optional table with ``article_id``, ``sentence_id``, ``target`` (e.g.
            ``nl.find_mentions(corpus)``): each sentence mentioning a target gets that
            target's marker on the article's line.
        score: Column to plot.
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; a default one is used when ``None``.
        group_by: A column of ``sentiment`` (e.g. ``source``, merged in from
            ``corpus.to_frame()``) or a mapping article id -> group.
        max_articles: Most articles drawn one line each.

    Returns:
        The Axes.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import pandas as pd
        >>> df = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2], "compound": [0.1, -0.4, 0.2]})
        >>> len(plot_sentiment_arc(df).lines)  # the article line and the zero line
        2
    """
    require_columns(sentiment, ["article_id", "sentence_id", score], "plot_sentiment_arc")
    groups = row_groups(sentiment, group_by, "plot_sentiment_arc")
    articles = list(dict.fromkeys(sentiment["article_id"]))
    if groups is not None or len(articles) > max_articles:
        return _arc_by_position(sentiment, groups, score=score, ax=ax, title=title)
    ax = new_axes(ax, (8, 4))
    ax.axhline(0.0, color="0.6", linewidth=0.8, zorder=0)
    marked: set[str] = set()
    targets: list[str] = []
    if mentions is not None:
        require_columns(mentions, ["article_id", "sentence_id", "target"], "plot_sentiment_arc")
        targets = list(dict.fromkeys(mentions["target"]))
    for i, article_id in enumerate(articles):
        _, _, line, marker = group_style(i)
        rows = sentiment[sentiment["article_id"] == article_id].sort_values("sentence_id")
        x = rows["sentence_id"].to_numpy() + 1
        y = rows[score].to_numpy(dtype=float)
        ax.plot(x, y, linestyle=line, marker=marker, markersize=4, color="0.1", label=shorten(article_id))
        if mentions is None:
            continue
        by_sentence = dict(zip(rows["sentence_id"], y, strict=True))
        sub = mentions[mentions["article_id"] == article_id]
        for j, target in enumerate(targets):
            ids = sorted({s for s in sub[sub["target"] == target]["sentence_id"] if s in by_sentence})
            if not ids:
                continue
            offset = 0.06 * (j + 1)  # stack markers of several targets above the point
            ax.scatter(
                [s + 1 for s in ids],
                [by_sentence[s] + offset for s in ids],
                marker=TARGET_MARKERS[j % len(TARGET_MARKERS)],
                s=60,
                facecolor="white" if j % 2 else "0.2",
                edgecolor="black",
                linewidths=0.8,
                zorder=3,
                label=f"mentions {shorten(target, 20)}" if target not in marked else None,
            )
            marked.add(target)
    ax.set_xlabel("sentence number")
    ax.set_ylabel(value_name(score))
    ax.set_title(title or "Sentiment arc through each article")
    if articles:
        handles, names = ax.get_legend_handles_labels()
        order = sorted(range(len(names)), key=lambda i: names[i].startswith("mentions "))  # articles first
        ax.legend([handles[i] for i in order], [names[i] for i in order], fontsize="small", frameon=False)
    return ax


def _arc_by_position(sentiment: Any, groups: Any, *, score: str, ax: Axes | None, title: str | None) -> Axes:
    import numpy as np

    data = sentiment[["article_id", "sentence_id", score]].copy()
    data["group"] = groups if groups is not None else "all articles"
    last = data.groupby("article_id")["sentence_id"].transform("max").replace(0, 1)
    data["tenth"] = np.minimum((data["sentence_id"] / last * 10).astype(int), 9)  # 0..9
    data[score] = data[score].astype(float)
    per_article = data.groupby(["group", "article_id", "tenth"], sort=False)[score].mean().reset_index()
    per_article["group"], order = top_groups(per_article["group"], per_article["article_id"])
    ax = new_axes(ax, (10, 4.5))
    ax.axhline(0.0, color="0.6", linewidth=0.8, zorder=0)
    for i, group in enumerate(order):
        rows = per_article[per_article["group"] == group]
        stats = rows.groupby("tenth")[score].quantile([0.25, 0.5, 0.75]).unstack()
        x = stats.index.to_numpy() + 1
        _, _, line, marker = group_style(i)
        n = rows["article_id"].nunique()
        ax.plot(x, stats[0.5], linestyle=line, marker=marker, markersize=4, color="0.1", label=legend_label(group, n))
        if len(order) == 1:  # one band; several would hide each other
            ax.fill_between(x, stats[0.25], stats[0.75], color="0.5", alpha=0.25, linewidth=0, label="middle half")
    n_all = per_article["article_id"].nunique()
    ax.set_xticks(range(1, 11))
    ax.set_xlabel("position in the article (tenths: 1 = first tenth of its sentences)")
    ax.set_ylabel(value_name(score))
    middle = " and middle half" if len(order) == 1 else " per group"
    ax.set_title(title or f"Tone through the article: median{middle} of {plural(n_all, 'article')}")
    ax.legend(fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


def plot_tone_heatmap(
    table: Any,
    *,
    value: str | None = None,
    index: str = "article_id",
    columns: str = "target",
    ax: Axes | None = None,
    title: str | None = None,
    limit: float = 1.0,
    group_by: str | Mapping[str, str] | None = None,
    max_rows: int = 30,
) -> Axes:
    """Article x target tone heatmap; every cell prints its value (grayscale-safe).

    With ``group_by`` the rows are groups (cells: mean over the group's rows and their
    number). With more than ``max_rows`` rows and no grouping, the tone of each target is
    shown as a distribution over the articles (box plot, mean and count printed).

    Args:
        table: Tidy table with ``index``, ``columns`` and ``value`` columns (e.g.
            ``nl.compare(corpus)`` with ``value="tone_sentences"``); duplicates are averaged.
        value: Column with the tone (-1 to 1); default the first of ``tone``, ``tone_target``,
            ``tone_sentences``, ``compound`` present in the table.
        index: Row variable (default ``article_id``).
        columns: Column variable (default ``target``).
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; default names the value.
        limit: Colour scale from ``-limit`` to ``+limit``.
        group_by: A column of ``table`` or a mapping article id -> group, replacing ``index``.
        max_rows: Most rows drawn as a heatmap without grouping.

    Returns:
        The Axes with one image and one text per cell ("n/a" where there is no value).

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import pandas as pd
        >>> df = pd.DataFrame({"article_id": ["a", "a", "b"], "target": ["T", "N", "T"], "tone": [0.2, -0.1, 0.5]})
        >>> [t.get_text() for t in plot_tone_heatmap(df).texts]
        ['+0.20', '−0.10', '+0.50', 'n/a']
    """
    if value is None:
        present = [
            c for c in ("tone", "tone_target", "tone_sentences", "compound") if c in getattr(table, "columns", ())
        ]
        value = present[0] if present else "tone"
    require_columns(table, [index, columns, value], "plot_tone_heatmap")
    groups = row_groups(table, group_by, "plot_tone_heatmap")
    counts = None
    if groups is not None:
        table = table.assign(_group=groups.to_numpy())
        table["_group"], order = top_groups(table["_group"], table[index])
        index_name = group_by if isinstance(group_by, str) else "group"
        index = "_group"
        counts = table.groupby([index, columns])[value].count()
    elif table[index].nunique() > max_rows:
        return _tone_distribution(table, value=value, index=index, columns=columns, ax=ax, title=title, limit=limit)
    else:
        index_name = index
        order = list(dict.fromkeys(table[index]))
    grid = table.pivot_table(index=index, columns=columns, values=value, aggfunc="mean", sort=False)
    grid = grid.reindex(index=order, columns=list(dict.fromkeys(table[columns]))).astype(float)
    ax = new_axes(ax, (2.6 + 1.2 * grid.shape[1], 1.4 + 0.4 * grid.shape[0]))
    image = ax.imshow(grid.to_numpy(), cmap="PuOr", vmin=-limit, vmax=limit, aspect="auto")
    for r in range(grid.shape[0]):
        for c in range(grid.shape[1]):
            cell = grid.iat[r, c]
            text = "n/a" if cell != cell else signed(cell)
            if counts is not None and cell == cell:
                text += f"\n(n={counts.get((grid.index[r], grid.columns[c]), 0):,})"
            dark = cell == cell and abs(cell) > 0.6 * limit
            ax.text(c, r, text, ha="center", va="center", color="white" if dark else "black", fontsize="small")
    ax.set_xticks(range(grid.shape[1]), [wrap_label(c, 12) for c in grid.columns])
    ax.set_yticks(range(grid.shape[0]), [shorten(i, 30) for i in grid.index])
    ax.set_xlabel(readable(columns))
    row_name = readable(index_name.removesuffix("_id"))
    ax.set_ylabel(row_name)
    words = value_name(value)
    ax.set_title(title or f"{readable(words)} by {row_name.lower()} and {columns.replace('_', ' ')}")
    ax.figure.colorbar(image, ax=ax, label=f"{words}\n({MINUS}1 negative, +1 positive)", shrink=0.8)
    return ax


def _tone_distribution(
    table: Any, *, value: str, index: str, columns: str, ax: Axes | None, title: str | None, limit: float
) -> Axes:
    per_row = table.groupby([columns, index], sort=False)[value].mean().reset_index()
    targets = list(dict.fromkeys(per_row[columns]))
    data = [per_row.loc[per_row[columns] == t, value].dropna().to_numpy(dtype=float) for t in targets]
    ax = new_axes(ax, (8, 1.6 + 0.6 * len(targets)))
    ax.boxplot(data, orientation="horizontal", widths=0.5, showmeans=True, medianprops={"color": "black"})
    ax.axvline(0.0, color="0.6", linewidth=0.8, zorder=0)
    for i, values in enumerate(data, start=1):
        mean = f"mean {signed(values.mean())}, " if len(values) else ""
        count = plural(len(values), index.replace("_id", ""))
        ax.text(limit, i - 0.3, f"{mean}{count}", ha="right", va="bottom", fontsize="small")
    ax.set_yticks(range(1, len(targets) + 1), [shorten(t, 24) for t in targets])
    ax.set_ylim(len(targets) + 0.6, 0.2)
    ax.set_xlim(-limit, limit)
    words = value_name(value)
    ax.set_xlabel(f"{words} ({MINUS}1 negative, +1 positive)")
    ax.set_ylabel(readable(columns))
    n = per_row[index].nunique()
    ax.set_title(title or f"{readable(words)}: distribution over {plural(n, index.replace('_id', ''))}")
    return ax
