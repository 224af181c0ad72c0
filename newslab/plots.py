"""Publication plots for newslab tables (matplotlib; import this module explicitly).

Every ``plot_*`` function takes a DataFrame with documented columns and an optional
``ax``, draws on it (or on a new figure) and returns the Axes. Plots are titled and
labeled and readable in grayscale: articles differ by hatch, marker and line style, not
by colour alone, and heatmap cells print their values. :func:`save_figure` writes PNG and
SVG. ``import newslab`` never imports matplotlib; only ``import newslab.plots`` does.

Example:
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import newslab as nl
    >>> from newslab import plots
    >>> ax = plots.plot_keyness(nl.keyness(nl.load_seed_corpus(), "es-daily", "de-dpa"), n=5)
    >>> len(ax.patches), ax.get_title().splitlines()
    (10, ['Keyness: es-daily vs de-dpa', 'no word passes the threshold (|z| ≥ 1.96, p < 0.05)'])
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import offset_copy

from newslab.errors import ParameterError

logger = logging.getLogger(__name__)

#: Grayscale-safe styles, one per article or group: (face colour, hatch, line style, marker).
STYLES: tuple[tuple[str, str, Any, str], ...] = (
    ("0.15", "", "-", "o"),
    ("0.85", "///", "--", "s"),
    ("0.55", "...", ":", "^"),
    ("1.0", "xxx", "-.", "D"),
    ("0.35", "\\\\\\", (0, (5, 1, 1, 1)), "v"),
    ("0.7", "+++", (0, (1, 3)), "P"),
)
#: Marker shapes for targets in the sentiment arc.
TARGET_MARKERS = ("*", "X", "P", "d", "h", "p")
SAVE_FORMATS = ("png", "svg", "pdf", "jpg", "jpeg", "tif", "tiff", "eps")


#: Largest figure a plot creates, in inches (width, height): the PNG stays small at any corpus size.
MAX_FIGSIZE = (12.0, 10.0)
#: Most groups (articles or metadata groups) drawn as separate bars, lines or legend entries.
MAX_GROUPS = len(STYLES)
#: Tone words for the value columns of newslab tables (colorbar and axis labels).
VALUE_NAMES = {
    "tone_target": "tone toward the target",
    "tone_sentences": "tone of the sentences mentioning the target",
    "tone": "tone",
    "compound": "sentence tone (compound)",
    "score": "score",
}
_MINUS = "\u2212"


def _style(i: int) -> tuple[str, str, Any, str]:
    return STYLES[i % len(STYLES)]


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    width = min(max(size[0], 3.0), MAX_FIGSIZE[0])
    height = min(max(size[1], 2.0), MAX_FIGSIZE[1])
    _, new = plt.subplots(figsize=(width, height), layout="constrained")
    return new


def _require(df: Any, columns: Iterable[str], name: str) -> None:
    missing = [c for c in columns if c not in getattr(df, "columns", ())]
    if missing:
        have = list(getattr(df, "columns", []))
        raise ParameterError(f"{name}() needs columns {missing}; the table has {have}")


def _plural(n: int, word: str, plural: str | None = None) -> str:
    """``"1 article"``, ``"2 articles"``, ``"2,000 articles"``."""
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _signed(value: float) -> str:
    """Two decimals with a sign and a typographic minus: ``+0.80``, ``−0.53``."""
    return f"{value:+.2f}".replace("-", _MINUS)


def _shorten(text: object, width: int = 30) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    value = str(text)
    return value if len(value) <= width else value[: width - 1].rstrip() + "\u2026"


def _wrap(text: object, width: int = 24, lines: int = 2) -> str:
    """``text`` wrapped to ``lines`` lines of ``width`` characters, the last cut with an ellipsis."""
    import textwrap

    parts = textwrap.wrap(str(text), width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], _shorten(" ".join(parts[lines - 1 :]), width)]
    return "\n".join(parts)


def readable(name: object) -> str:
    """A frame or column name for people: ``"economic_consequences"`` -> ``"Economic consequences"``.

    Example:
        >>> readable("security_defense"), readable("war"), readable("EU")
        ('Security defense', 'War', 'EU')
    """
    value = str(name).replace("_", " ").strip()
    return value[:1].upper() + value[1:]


def _value_name(value: str) -> str:
    return VALUE_NAMES.get(value, value.replace("_", " "))


def _groups(table: Any, group_by: str | Mapping[str, str] | None, name: str) -> Any:
    """The group of each row: a column of ``table`` or a mapping article id -> group; ``None`` when not grouping."""
    if group_by is None:
        return None
    if isinstance(group_by, str):
        if group_by not in table.columns:
            raise ParameterError(
                f"{name}(): group_by={group_by!r} is not a column of the table ({list(table.columns)}); add it first, "
                "e.g. table.merge(corpus.to_frame()[['article_id', 'source']], on='article_id')"
            )
        return table[group_by].fillna("(none)").astype(str)
    if isinstance(group_by, Mapping):
        _require(table, ["article_id"], name)
        return table["article_id"].map(lambda a: str(group_by.get(a, "(none)")))
    raise ParameterError(f"{name}(): group_by={group_by!r}; valid: a column name or a mapping article id -> group")


def _top_groups(groups: Any, articles: Any, limit: int = MAX_GROUPS) -> tuple[Any, list[str]]:
    """Groups beyond the ``limit`` largest (by articles) merged into one "other" group; order by size."""
    sizes = articles.groupby(groups).nunique().sort_values(ascending=False, kind="stable")
    keep = list(sizes.index[: limit - 1]) if len(sizes) > limit else list(sizes.index)
    if len(sizes) > limit:
        other = f"other ({_plural(len(sizes) - len(keep), 'group')})"
        groups = groups.where(groups.isin(keep), other)
        keep.append(other)
    return groups, keep


def _legend_label(group: str, n_articles: int) -> str:
    return f"{_shorten(group, 28)} ({_plural(n_articles, 'article')})"


# --------------------------------------------------------------------------- sentiment arc


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
    _require(sentiment, ["article_id", "sentence_id", score], "plot_sentiment_arc")
    groups = _groups(sentiment, group_by, "plot_sentiment_arc")
    articles = list(dict.fromkeys(sentiment["article_id"]))
    if groups is not None or len(articles) > max_articles:
        return _arc_by_position(sentiment, groups, score=score, ax=ax, title=title)
    ax = _axes(ax, (8, 4))
    ax.axhline(0.0, color="0.6", linewidth=0.8, zorder=0)
    marked: set[str] = set()
    targets: list[str] = []
    if mentions is not None:
        _require(mentions, ["article_id", "sentence_id", "target"], "plot_sentiment_arc")
        targets = list(dict.fromkeys(mentions["target"]))
    for i, article_id in enumerate(articles):
        _, _, line, marker = _style(i)
        rows = sentiment[sentiment["article_id"] == article_id].sort_values("sentence_id")
        x = rows["sentence_id"].to_numpy() + 1
        y = rows[score].to_numpy(dtype=float)
        ax.plot(x, y, linestyle=line, marker=marker, markersize=4, color="0.1", label=_shorten(article_id))
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
                label=f"mentions {_shorten(target, 20)}" if target not in marked else None,
            )
            marked.add(target)
    ax.set_xlabel("sentence number")
    ax.set_ylabel(_value_name(score))
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
    per_article["group"], order = _top_groups(per_article["group"], per_article["article_id"])
    ax = _axes(ax, (10, 4.5))
    ax.axhline(0.0, color="0.6", linewidth=0.8, zorder=0)
    for i, group in enumerate(order):
        rows = per_article[per_article["group"] == group]
        stats = rows.groupby("tenth")[score].quantile([0.25, 0.5, 0.75]).unstack()
        x = stats.index.to_numpy() + 1
        _, _, line, marker = _style(i)
        n = rows["article_id"].nunique()
        ax.plot(x, stats[0.5], linestyle=line, marker=marker, markersize=4, color="0.1", label=_legend_label(group, n))
        if len(order) == 1:  # one band; several would hide each other
            ax.fill_between(x, stats[0.25], stats[0.75], color="0.5", alpha=0.25, linewidth=0, label="middle half")
    n_all = per_article["article_id"].nunique()
    ax.set_xticks(range(1, 11))
    ax.set_xlabel("position in the article (tenths: 1 = first tenth of its sentences)")
    ax.set_ylabel(_value_name(score))
    middle = " and middle half" if len(order) == 1 else " per group"
    ax.set_title(title or f"Tone through the article: median{middle} of {_plural(n_all, 'article')}")
    ax.legend(fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


# --------------------------------------------------------------------------- tone heatmap


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
    _require(table, [index, columns, value], "plot_tone_heatmap")
    groups = _groups(table, group_by, "plot_tone_heatmap")
    counts = None
    if groups is not None:
        table = table.assign(_group=groups.to_numpy())
        table["_group"], order = _top_groups(table["_group"], table[index])
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
    ax = _axes(ax, (2.6 + 1.2 * grid.shape[1], 1.4 + 0.4 * grid.shape[0]))
    image = ax.imshow(grid.to_numpy(), cmap="PuOr", vmin=-limit, vmax=limit, aspect="auto")
    for r in range(grid.shape[0]):
        for c in range(grid.shape[1]):
            cell = grid.iat[r, c]
            text = "n/a" if cell != cell else _signed(cell)
            if counts is not None and cell == cell:
                text += f"\n(n={counts.get((grid.index[r], grid.columns[c]), 0):,})"
            dark = cell == cell and abs(cell) > 0.6 * limit
            ax.text(c, r, text, ha="center", va="center", color="white" if dark else "black", fontsize="small")
    ax.set_xticks(range(grid.shape[1]), [_wrap(c, 12) for c in grid.columns])
    ax.set_yticks(range(grid.shape[0]), [_shorten(i, 30) for i in grid.index])
    ax.set_xlabel(readable(columns))
    row_name = readable(index_name.removesuffix("_id"))
    ax.set_ylabel(row_name)
    words = _value_name(value)
    ax.set_title(title or f"{readable(words)} by {row_name.lower()} and {columns.replace('_', ' ')}")
    ax.figure.colorbar(image, ax=ax, label=f"{words}\n({_MINUS}1 negative, +1 positive)", shrink=0.8)
    return ax


def _tone_distribution(
    table: Any, *, value: str, index: str, columns: str, ax: Axes | None, title: str | None, limit: float
) -> Axes:
    per_row = table.groupby([columns, index], sort=False)[value].mean().reset_index()
    targets = list(dict.fromkeys(per_row[columns]))
    data = [per_row.loc[per_row[columns] == t, value].dropna().to_numpy(dtype=float) for t in targets]
    ax = _axes(ax, (8, 1.6 + 0.6 * len(targets)))
    ax.boxplot(data, orientation="horizontal", widths=0.5, showmeans=True, medianprops={"color": "black"})
    ax.axvline(0.0, color="0.6", linewidth=0.8, zorder=0)
    for i, values in enumerate(data, start=1):
        mean = f"mean {_signed(values.mean())}, " if len(values) else ""
        count = _plural(len(values), index.replace("_id", ""))
        ax.text(limit, i - 0.3, f"{mean}{count}", ha="right", va="bottom", fontsize="small")
    ax.set_yticks(range(1, len(targets) + 1), [_shorten(t, 24) for t in targets])
    ax.set_ylim(len(targets) + 0.6, 0.2)
    ax.set_xlim(-limit, limit)
    words = _value_name(value)
    ax.set_xlabel(f"{words} ({_MINUS}1 negative, +1 positive)")
    ax.set_ylabel(readable(columns))
    n = per_row[index].nunique()
    ax.set_title(title or f"{readable(words)}: distribution over {_plural(n, index.replace('_id', ''))}")
    return ax


# --------------------------------------------------------------------------- keyness


def _critical(method: str, alpha: float) -> float:
    from statistics import NormalDist

    z = NormalDist().inv_cdf(1 - alpha / 2)
    return z if method == "log_odds_dirichlet" else z * z  # chi-square with 1 df is z squared


def _side_name(label: object) -> str:
    value = str(label)
    if "+" in value and len(value) > 30:  # keyness joins the ids of a group with "+"
        return f"{value.count('+') + 1} articles"
    return _shorten(value, 30)


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

    A word is called "typical of" a side only when it passes the threshold: two-sided
    ``p_value < alpha`` (|z| >= 1.96 for ``alpha=0.05`` with log-odds, G² >= 3.84 with
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

    from newslab.comparison import top_keywords

    _require(table, ["term", "score", "favours"], "plot_keyness")
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
    passes = ordered["p_value"] < alpha if "p_value" in ordered else ordered["score"].abs() >= critical
    ax = _axes(ax, (7.5, 0.3 * len(ordered) + 1.8))
    for side, label, style in ((ordered["score"] > 0, a, _style(0)), (ordered["score"] < 0, b, _style(1))):
        rows = ordered[side & passes]
        if rows.empty:
            continue
        ax.barh(rows.index, rows["score"], color=style[0], hatch=style[1], edgecolor="black", linewidth=0.6,
                label=f"typical of {label}")  # fmt: skip
    weak = ordered[~passes]
    if len(weak):
        ax.barh(weak.index, weak["score"], color="0.9", edgecolor="0.5", linewidth=0.6,
                label="leans toward a side, below the threshold")  # fmt: skip
    ax.set_yticks(range(len(ordered)), [_shorten(t, 30) for t in ordered["term"]])
    ax.axvline(0.0, color="black", linewidth=0.8)
    symbol = "|z|" if method == "log_odds_dirichlet" else "G²"
    rule = f"{symbol} \u2265 {critical:.2f}, p < {alpha:g}"
    for x in (-critical, critical):
        ax.axvline(x, color="0.4", linewidth=0.8, linestyle=":")
    ax.set_xlabel(
        f"z-score of the log-odds ratio (Dirichlet prior); dotted: {rule}"
        if method == "log_odds_dirichlet"
        else f"signed G²; dotted: {rule}"
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


# --------------------------------------------------------------------------- frames and labels


def _grouped_barh(
    ax: Axes, categories: Sequence[str], groups: Sequence[str], values: Any, *, legend_title: str,
    names: Sequence[str] | None = None,
) -> None:  # fmt: skip
    height = 0.8 / max(len(groups), 1)
    for i, group in enumerate(groups):
        face, hatch, _, _ = _style(i)
        positions = [c + (i - (len(groups) - 1) / 2) * height for c in range(len(categories))]
        ax.barh(
            positions,
            [values(group, cat) for cat in categories],
            height=height,
            color=face,
            hatch=hatch,
            edgecolor="black",
            linewidth=0.6,
            label=names[i] if names is not None else _shorten(group),
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
    _require(profile, ["article_id", "frame", value], "plot_frame_profile")
    groups = _groups(profile, group_by, "plot_frame_profile")
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
        data["_group"], order = _top_groups(data["_group"], data["article_id"])
        lookup = data.groupby(["_group", "frame"])[value].mean().to_dict()
        sizes = data.groupby("_group")["article_id"].nunique()
        ax = _axes(ax, (10, 0.3 * len(chosen) * len(order) + 1.8))
        _grouped_barh(ax, labels, order, lambda g, c: lookup.get((g, chosen[labels.index(c)]), 0.0),
                      legend_title=readable(group_by if isinstance(group_by, str) else "group"),
                      names=[_legend_label(g, int(sizes[g])) for g in order])  # fmt: skip
        ax.set_xlabel(f"{measure} (mean over the articles of each group)")
        default = f"Frame profile by {group_by if isinstance(group_by, str) else 'group'}"
    elif len(articles) > max_articles:
        wide = profile.pivot_table(index="article_id", columns="frame", values=value, aggfunc="sum", fill_value=0.0)
        ax = _axes(ax, (8, 0.45 * len(chosen) + 1.8))
        _distribution_barh(ax, labels, [wide[f].to_numpy() if f in wide else [0.0] for f in chosen])
        ax.set_xlabel(f"{measure} (box: middle half of the articles; triangle: mean)")
        default = f"Frame profile across {_plural(len(articles), 'article')}"
    else:
        lookup = profile.groupby(["article_id", "frame"])[value].sum().to_dict()
        ax = _axes(ax, (10, 0.3 * len(chosen) * max(len(articles), 1) + 1.8))
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
        _require(labels, ["article_id", "target", "mention"], "plot_labels")
        labels = labels.assign(label=labels["mention"], count=1)
    _require(labels, ["article_id", "target", "label", "count"], "plot_labels")
    data = labels if target is None else labels[labels["target"] == target]
    if data.empty:
        raise ParameterError(f"plot_labels(): no labels to plot (target={target!r})")
    groups = _groups(data, group_by, "plot_labels")
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
        f"{_shorten(t, 16)}: {_shorten(lab, 36)}" for t, lab in zip(totals["target"], totals["label"], strict=True)
    ]
    keys = list(zip(totals["target"], totals["label"], strict=True))
    if groups is not None:
        data = data.assign(_group=groups.to_numpy())
        data["_group"], names = _top_groups(data["_group"], data["article_id"])
        lookup = data.groupby(["_group", "target", "label"])["count"].sum().to_dict()
        sizes = data.groupby("_group")["article_id"].nunique()
        ax = _axes(ax, (10, 0.3 * len(categories) * len(names) + 1.8))
        _grouped_barh(ax, categories, names, lambda g, c: lookup.get((g, *keys[categories.index(c)]), 0),
                      legend_title=readable(group_by if isinstance(group_by, str) else "group"),
                      names=[_legend_label(g, int(sizes[g])) for g in names])  # fmt: skip
    elif many:
        used_in = data[data["count"] > 0].groupby(["target", "label"])["article_id"].nunique().to_dict()
        ax = _axes(ax, (8, 0.3 * len(categories) + 1.8))
        counts = totals["count"].to_numpy()
        ax.barh(range(len(categories)), counts, color=_style(0)[0], edgecolor="black", linewidth=0.6)
        for i, (key, count) in enumerate(zip(keys, counts, strict=True)):
            ax.text(count, i, f" {_plural(int(used_in.get(key, 0)), 'article')}", va="center", fontsize="small")
        ax.set_xlim(0, counts.max() * 1.3)
        ax.set_yticks(range(len(categories)), categories)
        ax.invert_yaxis()
    else:
        lookup = data.groupby(["article_id", "target", "label"])["count"].sum().to_dict()
        ax = _axes(ax, (10, 0.3 * len(categories) * max(len(articles), 1) + 1.8))
        _grouped_barh(ax, categories, articles, lambda g, c: lookup.get((g, *keys[categories.index(c)]), 0),
                      legend_title="article")  # fmt: skip
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 ticks
    ax.set_xlabel("times used" + (f" over {_plural(len(articles), 'article')}" if many else ""))
    ax.set_ylabel("target: label")
    ax.set_title(title or "Labels used for each target")
    return ax


# --------------------------------------------------------------------------- stance


def _by_rows(data: Any, column: str) -> list[str]:
    """Values of ``column``, most rows first (ties in table order)."""
    return [str(v) for v in data.groupby(column, sort=False).size().sort_values(ascending=False, kind="stable").index]


def _stance_cells(data: Any, targets: list[str]) -> tuple[list[str], list[str], Any, dict[tuple[str, str], str], int]:
    """Holders (most rows first), targets, mean score grid and cell texts of a stance table."""
    import numpy as np

    holders = _by_rows(data, "holder")
    grid = np.full((len(holders), len(targets)), np.nan)
    texts: dict[tuple[str, str], str] = {}
    longest = 0
    for (holder, target), rows in data.groupby(["holder", "target"], sort=False):
        lines = []
        per_stance = rows.groupby("stance", sort=False).agg(score=("_score", "mean"), n=("stance", "size"))
        for stance, row in per_stance.sort_values("n", ascending=False, kind="stable").iterrows():
            score = "" if row.score != row.score else f" ({_signed(row.score)})"
            lines.append(f"{_shorten(stance, 14)}{score} \u00d7{int(row.n):,}")
        longest = max(longest, *(len(line) for line in lines))
        texts[(str(holder), str(target))] = "\n".join(lines)
        mean = rows["_score"].mean()
        grid[holders.index(str(holder)), targets.index(str(target))] = mean
    return holders, targets, grid, texts, longest


def _stance_panel(
    ax: Axes, data: Any, *, top: int, title: str, targets: list[str] | None = None, fontsize: float | None = None
) -> Any:
    holders, targets, grid, texts, longest = _stance_cells(data, targets or _by_rows(data, "target"))
    hidden = holders[top:]
    holders, grid = holders[:top], grid[:top]
    image = ax.imshow(grid, cmap="PuOr", vmin=-1, vmax=1, aspect="auto")
    if fontsize is None:  # fit the longest cell line into the cell width
        root = ax.get_figure(root=True)
        fig_width = (float(root.get_size_inches()[0]) if root is not None else 8.0) * ax.get_position().width
        fontsize = max(5.0, min(9.0, fig_width / max(len(targets), 1) * 72 / (0.62 * max(longest, 1))))
    for r, holder in enumerate(holders):
        for c, target in enumerate(targets):
            text = texts.get((holder, target))
            if text is None:
                continue
            cell = grid[r, c]
            dark = cell == cell and abs(cell) > 0.6
            ax.text(c, r, text, ha="center", va="center", fontsize=fontsize, color="white" if dark else "black")
    ax.set_xticks(range(len(targets)), [_wrap(t, 16) for t in targets], fontsize=fontsize + 0.5)
    ax.set_yticks(range(len(holders)), [_wrap(h, 24) for h in holders], fontsize=fontsize + 0.5)
    ax.tick_params(length=0)
    ax.set_xticks([x - 0.5 for x in range(1, len(targets))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(holders))], minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("target" + (f"  (+{_plural(len(hidden), 'more holder')} not shown)" if hidden else ""),
                  fontsize=fontsize + 0.5)  # fmt: skip
    ax.set_ylabel("holder", fontsize=fontsize + 0.5)
    ax.set_title(title, fontsize=fontsize + 2)
    return image


def plot_stance(
    stance: Any,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    max_articles: int = 12,
    top: int = 8,
) -> Axes:
    """Who takes which stance toward whom: a holder x target matrix, one panel per article.

    Each cell lists the stances of one holder toward one target with their mean score and
    number of rows (``"against (−0.53) ×3"`` above ``"favor (+0.80) ×1"``) and is coloured
    by the mean score of all its rows (purple favor, orange against). Long holder names are
    wrapped and cut with an ellipsis; only the ``top`` holders with most rows are shown per
    panel. Up to ``max_articles`` articles get a panel each, titled with the article id;
    beyond, or when ``ax`` is given for several articles, one matrix sums up all articles.

    Args:
        stance: Table from :func:`newslab.stance_table` (``holder``, ``target``, ``stance``,
            optional ``score`` and ``article_id``).
        ax: Axes to draw on (one matrix); a new figure when ``None``.
        title: Title of the figure (several panels) or the matrix.
        max_articles: Most articles drawn as separate panels.
        top: Most holders per panel (most rows first; 15 in the all-articles matrix).

    Returns:
        The Axes of the (first) matrix; ``ax.figure`` holds every panel.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import pandas as pd
        >>> df = pd.DataFrame({"holder": ["Trump", "Rutte"], "target": ["NATO", "Trump"],
        ...                    "stance": ["against", "favor"], "score": [-0.6, 0.7]})
        >>> sorted(t.get_text() for t in plot_stance(df).texts)
        ['against (−0.60) ×1', 'favor (+0.70) ×1']
    """
    _require(stance, ["holder", "target", "stance"], "plot_stance")
    data = stance.assign(_score=stance["score"].astype(float) if "score" in stance.columns else float("nan"))
    data = data.assign(holder=data["holder"].astype(str), target=data["target"].astype(str))
    articles = list(dict.fromkeys(data["article_id"])) if "article_id" in data.columns else []
    label = f"stance score ({_MINUS}1 against, +1 favor)"
    if len(articles) <= 1 or ax is not None or len(articles) > max_articles:
        n = max(len(articles), 1)
        if len(articles) > 1:
            top = max(top, 15)
            default = f"Stance across {_plural(n, 'article')}: holder \u2192 target"
            if data["holder"].nunique() > top:
                default += f" (top {top} of {data['holder'].nunique():,} holders)"
        else:
            default = f"Stance in {articles[0]}" if articles else "Who takes which stance toward whom"
        holders, targets = min(data["holder"].nunique(), top), data["target"].nunique()
        ax = _axes(ax, (3.0 + 1.7 * targets, 1.4 + 0.55 * max(holders, 1)))
        image = _stance_panel(ax, data, top=top, title=title or _shorten(default, 90))
        ax.figure.colorbar(image, ax=ax, label=label, shrink=0.8)
        return ax
    return _stance_panels(data, articles, top=top, title=title, label=label)


def _stance_panels(data: Any, articles: list[Any], *, top: int, title: str | None, label: str) -> Axes:
    import math

    targets = data["target"].nunique()
    panel_width = 2.4 + 1.6 * targets
    ncols = max(1, min(len(articles), int(MAX_FIGSIZE[0] // panel_width) or 1, 3))
    nrows = math.ceil(len(articles) / ncols)
    per_panel = data.groupby("article_id")["holder"].nunique().max()
    height_each = min(0.55 * min(per_panel, top) + 1.5, MAX_FIGSIZE[1] / nrows)
    top = max(2, min(top, int((height_each - 1.3) / 0.5)))
    width = min(MAX_FIGSIZE[0], ncols * panel_width + 1.2)
    fig, grid = plt.subplots(nrows, ncols, figsize=(width, min(MAX_FIGSIZE[1], nrows * height_each)),
                             layout="constrained", squeeze=False)  # fmt: skip
    axes = list(grid.ravel())
    image = None
    for axis, article_id in zip(axes, articles, strict=False):
        rows = data[data["article_id"] == article_id]
        image = _stance_panel(axis, rows, top=top, title=_shorten(article_id, 40), targets=_by_rows(data, "target"))
    for axis in axes[len(articles) :]:
        axis.set_axis_off()
    if image is not None:
        fig.colorbar(image, ax=axes[: len(articles)], label=label, shrink=0.6)
    fig.suptitle(title or f"Who takes which stance toward whom, per article ({_plural(len(articles), 'article')})")
    return axes[0]


def save_figure(
    figure: Figure | Axes | Any,
    path: str | Path,
    *,
    formats: Sequence[str] = ("png", "svg"),
    dpi: int = 200,
) -> list[Path]:
    """Save a figure (or the figure of an Axes) in several formats.

    Args:
        figure: A matplotlib Figure or Axes.
        path: Target path; its suffix, if any, is replaced by each format
            (``reports/keyness`` -> ``reports/keyness.png`` and ``reports/keyness.svg``).
            Missing folders are created.
        formats: File formats (``png``, ``svg``, ``pdf``, ...).
        dpi: Resolution of raster formats.

    Returns:
        The written paths.

    Raises:
        ParameterError: For an unknown format or an object that is not a figure.
    """
    fig = figure.figure if isinstance(figure, Axes) else figure
    if not isinstance(fig, Figure):
        raise ParameterError(f"save_figure() takes a matplotlib Figure or Axes, got {type(figure).__name__}")
    if isinstance(formats, str):
        formats = (formats,)
    bad = [f for f in formats if f.lower().lstrip(".") not in SAVE_FORMATS]
    if bad or not formats:
        raise ParameterError(f"formats={list(formats)!r}; valid: {list(SAVE_FORMATS)}")
    base = Path(path)
    base.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        target = base.with_suffix("." + fmt.lower().lstrip("."))
        fig.savefig(target, dpi=dpi, bbox_inches="tight")
        written.append(target)
    logger.info("saved %s", ", ".join(str(p) for p in written))
    return written


__all__ = [
    "STYLES",
    "plot_frame_profile",
    "plot_keyness",
    "plot_labels",
    "plot_sentiment_arc",
    "plot_stance",
    "plot_tone_heatmap",
    "readable",
    "save_figure",
]
