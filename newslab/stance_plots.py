"""The stance plot: who takes which position toward whom, as holder x target grids per article.

Takes a stance table and an optional ``ax`` and returns the Axes; re-exported by
:mod:`newslab.plots`.
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from newslab.figures import MAX_FIGSIZE, MINUS, new_axes, plural, require_columns, shorten, signed, wrap_label


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
            score = "" if row.score != row.score else f" ({signed(row.score)})"
            lines.append(f"{shorten(stance, 14)}{score} \u00d7{int(row.n):,}")
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
    ax.set_xticks(range(len(targets)), [wrap_label(t, 16) for t in targets], fontsize=fontsize + 0.5)
    ax.set_yticks(range(len(holders)), [wrap_label(h, 24) for h in holders], fontsize=fontsize + 0.5)
    ax.tick_params(length=0)
    ax.set_xticks([x - 0.5 for x in range(1, len(targets))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(holders))], minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("target" + (f"  (+{plural(len(hidden), 'more holder')} not shown)" if hidden else ""),
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
    require_columns(stance, ["holder", "target", "stance"], "plot_stance")
    data = stance.assign(_score=stance["score"].astype(float) if "score" in stance.columns else float("nan"))
    data = data.assign(holder=data["holder"].astype(str), target=data["target"].astype(str))
    articles = list(dict.fromkeys(data["article_id"])) if "article_id" in data.columns else []
    label = f"stance score ({MINUS}1 against, +1 favor)"
    if len(articles) <= 1 or ax is not None or len(articles) > max_articles:
        n = max(len(articles), 1)
        if len(articles) > 1:
            top = max(top, 15)
            default = f"Stance across {plural(n, 'article')}: holder \u2192 target"
            if data["holder"].nunique() > top:
                default += f" (top {top} of {data['holder'].nunique():,} holders)"
        else:
            default = f"Stance in {articles[0]}" if articles else "Who takes which stance toward whom"
        holders, targets = min(data["holder"].nunique(), top), data["target"].nunique()
        ax = new_axes(ax, (3.0 + 1.7 * targets, 1.4 + 0.55 * max(holders, 1)))
        image = _stance_panel(ax, data, top=top, title=title or shorten(default, 90))
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
        image = _stance_panel(axis, rows, top=top, title=shorten(article_id, 40), targets=_by_rows(data, "target"))
    for axis in axes[len(articles) :]:
        axis.set_axis_off()
    if image is not None:
        fig.colorbar(image, ax=axes[: len(articles)], label=label, shrink=0.6)
    fig.suptitle(title or f"Who takes which stance toward whom, per article ({plural(len(articles), 'article')})")
    return axes[0]
