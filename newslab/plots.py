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
    >>> len(ax.patches), ax.get_title()
    (10, 'Keyness: es-daily vs de-dpa')
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

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
#: Line styles of stance arrows, by direction.
STANCE_LINES: dict[str, Any] = {"positive": "-", "negative": "--", "neutral": ":"}
_NEGATIVE_WORDS = ("critic", "negativ", "against", "oppos", "worr", "concern", "hostil", "threat", "doubt", "attack")
_POSITIVE_WORDS = ("support", "positiv", "apprecia", "favo", "prais", "credit", "friend", "agree", "welcom")
SAVE_FORMATS = ("png", "svg", "pdf", "jpg", "jpeg", "tif", "tiff", "eps")


def _style(i: int) -> tuple[str, str, Any, str]:
    return STYLES[i % len(STYLES)]


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _require(df: Any, columns: Iterable[str], name: str) -> None:
    missing = [c for c in columns if c not in getattr(df, "columns", ())]
    if missing:
        have = list(getattr(df, "columns", []))
        raise ParameterError(f"{name}() needs columns {missing}; the table has {have}")


def plot_sentiment_arc(
    sentiment: Any,
    *,
    mentions: Any = None,
    score: str = "compound",
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Tone sentence by sentence through each article, with target mentions marked.

    Args:
        sentiment: Table with ``article_id``, ``sentence_id`` and the ``score`` column (e.g.
            ``nl.sentiment_table(corpus)``).
        mentions: Optional table with ``article_id``, ``sentence_id``, ``target`` (e.g.
            ``nl.find_mentions(corpus)``): each sentence mentioning a target gets that
            target's marker on the article's line.
        score: Column to plot.
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; a default one is used when ``None``.

    Returns:
        The Axes: one line per article (distinct line style and marker), one marker series
        per target.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import pandas as pd
        >>> df = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2], "compound": [0.1, -0.4, 0.2]})
        >>> len(plot_sentiment_arc(df).lines)  # the article line and the zero line
        2
    """
    _require(sentiment, ["article_id", "sentence_id", score], "plot_sentiment_arc")
    ax = _axes(ax, (8, 4))
    ax.axhline(0.0, color="0.6", linewidth=0.8, zorder=0)
    articles = list(dict.fromkeys(sentiment["article_id"]))
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
        ax.plot(x, y, linestyle=line, marker=marker, markersize=4, color="0.1", label=str(article_id))
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
                label=f"mentions {target}" if target not in marked else None,
            )
            marked.add(target)
    ax.set_xlabel("sentence number")
    ax.set_ylabel(f"tone ({score})")
    ax.set_title(title or "Sentiment arc through each article")
    if articles:
        ax.legend(fontsize="small", frameon=False)
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
) -> Axes:
    """Article x target tone heatmap; every cell prints its value (grayscale-safe).

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

    Returns:
        The Axes with one image and one text per cell ("n/a" where there is no value).

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import pandas as pd
        >>> df = pd.DataFrame({"article_id": ["a", "a", "b"], "target": ["T", "N", "T"], "tone": [0.2, -0.1, 0.5]})
        >>> [t.get_text() for t in plot_tone_heatmap(df).texts]
        ['+0.20', '-0.10', '+0.50', 'n/a']
    """
    if value is None:
        present = [
            c for c in ("tone", "tone_target", "tone_sentences", "compound") if c in getattr(table, "columns", ())
        ]
        value = present[0] if present else "tone"
    _require(table, [index, columns, value], "plot_tone_heatmap")
    grid = table.pivot_table(index=index, columns=columns, values=value, aggfunc="mean", sort=False)
    grid = grid.reindex(index=list(dict.fromkeys(table[index])), columns=list(dict.fromkeys(table[columns]))).astype(
        float
    )
    ax = _axes(ax, (1.8 + 1.2 * grid.shape[1], 1.2 + 0.6 * grid.shape[0]))
    image = ax.imshow(grid.to_numpy(), cmap="PuOr", vmin=-limit, vmax=limit, aspect="auto")
    for r in range(grid.shape[0]):
        for c in range(grid.shape[1]):
            cell = grid.iat[r, c]
            text = "n/a" if cell != cell else f"{cell:+.2f}"
            dark = cell == cell and abs(cell) > 0.6 * limit
            ax.text(c, r, text, ha="center", va="center", color="white" if dark else "black", fontsize="small")
    ax.set_xticks(range(grid.shape[1]), [str(c) for c in grid.columns])
    ax.set_yticks(range(grid.shape[0]), [str(i) for i in grid.index])
    ax.set_xlabel(columns.replace("_", " "))
    ax.set_ylabel(index.replace("_", " "))
    ax.set_title(title or f"Tone by {index.replace('_', ' ')} and {columns} ({value})")
    ax.figure.colorbar(image, ax=ax, label=f"{value} (negative ← 0 → positive)", shrink=0.8)
    return ax


def plot_keyness(
    table: Any,
    *,
    n: int = 10,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Diverging bar chart of the ``n`` words most typical of each side of a keyness table.

    Args:
        table: Output of :func:`newslab.keyness` (``term``, ``score``, ``favours``).
        n: Words per side.
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; default ``"Keyness: <a> vs <b>"``.

    Returns:
        The Axes: ``2 n`` horizontal bars at most (side ``a`` solid dark to the right, side
        ``b`` hatched light to the left), words as tick labels.
    """
    import pandas as pd

    from newslab.comparison import top_keywords

    _require(table, ["term", "score", "favours"], "plot_keyness")
    top = top_keywords(table, n=n)
    a = table.attrs.get("a") or next(iter(top[top["score"] > 0]["favours"]), "a")
    b = table.attrs.get("b") or next(iter(top[top["score"] < 0]["favours"]), "b")
    # strongest of a on top, then a's weaker words, then b's weaker words, strongest of b at the bottom
    first = top[top["score"] > 0]
    second = top[top["score"] < 0].iloc[::-1]
    ordered = pd.concat([first, second]).iloc[::-1].reset_index(drop=True)  # bar 0 at the bottom
    ax = _axes(ax, (7, 0.3 * len(ordered) + 1.5))
    for side, label, style in ((ordered["score"] > 0, a, _style(0)), (ordered["score"] < 0, b, _style(1))):
        rows = ordered[side]
        ax.barh(
            rows.index,
            rows["score"],
            color=style[0],
            hatch=style[1],
            edgecolor="black",
            linewidth=0.6,
            label=f"typical of {label}",
        )
    ax.set_yticks(range(len(ordered)), ordered["term"].tolist())
    ax.axvline(0.0, color="black", linewidth=0.8)
    method = table.attrs.get("method", "log_odds_dirichlet")
    ax.set_xlabel("z-score of the log-odds ratio (Dirichlet prior)" if method == "log_odds_dirichlet" else "signed G²")
    ax.set_ylabel("word")
    ax.set_title(title or f"Keyness: {a} vs {b}")
    ax.legend(fontsize="small", frameon=False, loc="lower right")
    return ax


def _grouped_barh(
    ax: Axes, categories: Sequence[str], groups: Sequence[str], values: Any, *, legend_title: str
) -> None:
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
            label=str(group),
        )
    ax.set_yticks(range(len(categories)), [str(c) for c in categories])
    ax.invert_yaxis()
    ax.legend(title=legend_title, fontsize="small", frameon=False)


def plot_frame_profile(
    profile: Any,
    *,
    value: str = "per_1000_words",
    frames: Sequence[str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Grouped horizontal bars: each frame's weight per article.

    Args:
        profile: Output of :func:`newslab.frame_profile` (``article_id``, ``frame``, ``value``).
        value: ``per_1000_words`` (default), ``sentence_share``, ``weight`` or ``matches``.
        frames: Frames to show, in order; default all, in the profile's order.
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; a default one is used when ``None``.

    Returns:
        The Axes with one bar per article x frame (articles differ by hatch).

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import newslab as nl
        >>> ax = plot_frame_profile(nl.frame_profile(nl.load_seed_corpus()))
        >>> len(ax.patches), len(ax.get_yticklabels())
        (20, 10)
    """
    _require(profile, ["article_id", "frame", value], "plot_frame_profile")
    chosen = list(frames) if frames is not None else list(dict.fromkeys(profile["frame"]))
    articles = list(dict.fromkeys(profile["article_id"]))
    lookup = profile.groupby(["article_id", "frame"])[value].sum().to_dict()
    ax = _axes(ax, (7, 0.35 * len(chosen) * max(len(articles), 1) + 1.5))
    _grouped_barh(ax, chosen, articles, lambda g, c: lookup.get((g, c), 0.0), legend_title="article")
    labels = {
        "per_1000_words": "cue weight per 1,000 words",
        "sentence_share": "share of sentences with a cue",
        "weight": "sum of cue weights",
        "matches": "cues found",
    }
    ax.set_xlabel(labels.get(value, value))
    ax.set_ylabel("frame")
    ax.set_title(title or "Frame profile by article")
    return ax


def plot_labels(
    labels: Any,
    *,
    target: str | None = None,
    top: int | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Which labels each article uses for each target: grouped bars of label counts.

    Args:
        labels: Long table from :func:`newslab.labels` (``article_id``, ``target``, ``label``,
            ``count``), or a mention table (``article_id``, ``target``, ``mention``), counted here.
        target: Show only this target.
        top: Show at most this many labels per target (most used first).
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; a default one is used when ``None``.

    Returns:
        The Axes: one tick label ``"target: label"`` per label, one bar per article x label.

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
    totals = data.groupby(["target", "label"], sort=False)["count"].sum().reset_index()
    order = list(dict.fromkeys(data["target"]))
    totals["order"] = totals["target"].map(order.index)
    totals = totals.sort_values(["order", "count", "label"], ascending=[True, False, True], kind="stable")
    if top is not None:
        totals = totals.groupby("target", sort=False).head(top)
    categories = [f"{t}: {label}" for t, label in zip(totals["target"], totals["label"], strict=True)]
    keys = list(zip(totals["target"], totals["label"], strict=True))
    lookup = data.groupby(["article_id", "target", "label"])["count"].sum().to_dict()
    articles = list(dict.fromkeys(data["article_id"]))
    ax = _axes(ax, (7, 0.3 * len(categories) * max(len(articles), 1) + 1.5))
    _grouped_barh(
        ax,
        categories,
        articles,
        lambda g, c: lookup.get((g, *keys[categories.index(c)]), 0),
        legend_title="article",
    )
    ax.set_xlabel("times used")
    ax.set_ylabel("target: label")
    ax.set_title(title or "Labels used for each target")
    return ax


def _direction(stance: str, score: float | None) -> str:
    if score is not None and score == score and score != 0:
        return "positive" if score > 0 else "negative"
    text = str(stance).lower()
    if any(w in text for w in _NEGATIVE_WORDS):
        return "negative"
    if any(w in text for w in _POSITIVE_WORDS):
        return "positive"
    return "neutral"


def plot_stance(
    stance: Any,
    *,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Holder -> target stance diagram: holders on the left, targets on the right, one arrow per pair.

    Arrows are solid for a positive stance, dashed for a negative one and dotted for a
    neutral one (the sign of ``score`` when given, else words in ``stance``), labeled with
    the stance, the mean score and the number of evidence rows.

    Args:
        stance: Table from :func:`newslab.stance_table` (``holder``, ``target``, ``stance``,
            optional ``score``).
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; a default one is used when ``None``.

    Returns:
        The Axes: one arrow (annotation) per holder x target x stance.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import pandas as pd
        >>> df = pd.DataFrame({"holder": ["Trump", "Rutte"], "target": ["NATO", "Trump"],
        ...                    "stance": ["critical", "appreciative"], "score": [-0.6, 0.7]})
        >>> from matplotlib.text import Annotation
        >>> ax = plot_stance(df)
        >>> sorted(t.get_text() for t in ax.texts if isinstance(t, Annotation))
        ['appreciative (+0.70) ×1', 'critical (-0.60) ×1']
    """
    _require(stance, ["holder", "target", "stance"], "plot_stance")
    has_score = "score" in stance.columns
    data = stance.assign(_score=stance["score"] if has_score else float("nan"))
    pairs = (
        data.groupby(["holder", "target", "stance"], sort=False)
        .agg(score=("_score", "mean"), rows=("stance", "size"))
        .reset_index()
    )
    holders = list(dict.fromkeys(pairs["holder"].astype(str)))
    targets = list(dict.fromkeys(pairs["target"].astype(str)))
    height = max(len(holders), len(targets), 1)
    ax = _axes(ax, (7, 0.8 * height + 1.5))

    def y(names: list[str], name: str) -> float:
        return height - 1 - (names.index(name) + 0.5) * height / len(names) + 0.5

    for name in holders:
        ax.text(0.0, y(holders, name), name, ha="right", va="center", fontweight="bold",
                bbox={"boxstyle": "round", "facecolor": "0.9", "edgecolor": "black"})  # fmt: skip
    for name in targets:
        ax.text(1.0, y(targets, name), name, ha="left", va="center", fontweight="bold",
                bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "black"})  # fmt: skip
    per_pair = pairs.groupby(["holder", "target"], sort=False)["stance"].transform("size").tolist()
    seen: dict[tuple[str, str], int] = {}
    for i, (row, n_pair) in enumerate(zip(pairs.itertuples(index=False), per_pair, strict=True)):
        holder, target = str(row.holder), str(row.target)
        k = seen.get((holder, target), 0)
        seen[(holder, target)] = k + 1
        shift = 0.18 * (k - (n_pair - 1) / 2)  # parallel lines for several stances of one pair
        y0, y1 = y(holders, holder) + shift, y(targets, target) + shift
        direction = _direction(row.stance, row.score if has_score else None)
        score = "" if row.score != row.score else f" ({row.score:+.2f})"
        # each label sits on its line at its own distance from the holders, so labels
        # of crossing or parallel arrows do not cover each other
        t = 0.2 + 0.6 * (i / (len(pairs) - 1) if len(pairs) > 1 else 0.0)
        x0, x1 = 0.02, 0.98
        xm, ym = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        ax.plot([x0, xm], [y0, ym], color="black", linewidth=1.2, linestyle=STANCE_LINES[direction])
        ax.annotate(
            f"{row.stance}{score} ×{row.rows}",
            xy=(x1, y1),
            xytext=(xm, ym),
            ha="center",
            va="center",
            fontsize="small",
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "0.6"},
            arrowprops={
                "arrowstyle": "-|>",
                "linestyle": STANCE_LINES[direction],
                "color": "black",
                "linewidth": 1.2,
                "shrinkB": 0,
            },
        )
    handles = [
        plt.Line2D([0], [0], color="black", linestyle=style, label=direction)
        for direction, style in STANCE_LINES.items()
    ]
    ax.legend(handles=handles, title="stance", fontsize="small", frameon=False, loc="lower center", ncols=3)
    ax.set_xlim(-0.45, 1.45)
    ax.set_ylim(-1.0, height + 0.2)
    ax.set_xticks([0, 1], ["holder", "target"])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(title or "Who takes which stance toward whom")
    return ax


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
    "save_figure",
]
