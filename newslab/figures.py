"""What every newslab plot shares: grayscale-safe styles, bounded figure sizes, labels, grouping.

Articles differ by hatch, marker and line style, not by colour alone; a figure is never larger
than :data:`MAX_FIGSIZE`, and past :data:`MAX_GROUPS` articles or groups the plots show
distributions and top-k lists instead of one entry per article. The plots themselves live in
:mod:`newslab.tone_plots`, :mod:`newslab.word_plots` and :mod:`newslab.stance_plots`, and are
re-exported by :mod:`newslab.plots`. Importing this module imports matplotlib.

Example:
    >>> plural(1, "article"), plural(2000, "article"), signed(-0.531)
    ('1 article', '2,000 articles', '−0.53')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from newslab.errors import ParameterError

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


MINUS = "\u2212"


def group_style(i: int) -> tuple[str, str, Any, str]:
    """The style of the ``i``-th article or group: (face colour, hatch, line style, marker), cycling."""
    return STYLES[i % len(STYLES)]


def new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """``ax`` if given, else a new constrained-layout figure of ``size`` inches within :data:`MAX_FIGSIZE`."""
    if ax is not None:
        return ax
    width = min(max(size[0], 3.0), MAX_FIGSIZE[0])
    height = min(max(size[1], 2.0), MAX_FIGSIZE[1])
    _, new = plt.subplots(figsize=(width, height), layout="constrained")
    return new


def require_columns(df: Any, columns: Iterable[str], name: str) -> None:
    """Raise ParameterError naming the missing columns when ``df`` lacks any of ``columns``."""
    missing = [c for c in columns if c not in getattr(df, "columns", ())]
    if missing:
        have = list(getattr(df, "columns", []))
        raise ParameterError(f"{name}() needs columns {missing}; the table has {have}")


def plural(n: int, word: str, plural: str | None = None) -> str:
    """``"1 article"``, ``"2 articles"``, ``"2,000 articles"``."""
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def signed(value: float) -> str:
    """Two decimals with a sign and a typographic minus: ``+0.80``, ``−0.53``."""
    return f"{value:+.2f}".replace("-", MINUS)


def shorten(text: object, width: int = 30) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    value = str(text)
    return value if len(value) <= width else value[: width - 1].rstrip() + "\u2026"


def wrap_label(text: object, width: int = 24, lines: int = 2) -> str:
    """``text`` wrapped to ``lines`` lines of ``width`` characters, the last cut with an ellipsis."""
    import textwrap

    parts = textwrap.wrap(str(text), width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], shorten(" ".join(parts[lines - 1 :]), width)]
    return "\n".join(parts)


def readable(name: object) -> str:
    """A frame or column name for people: ``"economic_consequences"`` -> ``"Economic consequences"``.

    Example:
        >>> readable("security_defense"), readable("war"), readable("EU")
        ('Security defense', 'War', 'EU')
    """
    value = str(name).replace("_", " ").strip()
    return value[:1].upper() + value[1:]


def value_name(value: str) -> str:
    """A value column in words for axis and colorbar labels (:data:`VALUE_NAMES`)."""
    return VALUE_NAMES.get(value, value.replace("_", " "))


def row_groups(table: Any, group_by: str | Mapping[str, str] | None, name: str) -> Any:
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
        require_columns(table, ["article_id"], name)
        return table["article_id"].map(lambda a: str(group_by.get(a, "(none)")))
    raise ParameterError(f"{name}(): group_by={group_by!r}; valid: a column name or a mapping article id -> group")


def top_groups(groups: Any, articles: Any, limit: int = MAX_GROUPS) -> tuple[Any, list[str]]:
    """Groups beyond the ``limit`` largest (by articles) merged into one "other" group; order by size."""
    sizes = articles.groupby(groups).nunique().sort_values(ascending=False, kind="stable")
    keep = list(sizes.index[: limit - 1]) if len(sizes) > limit else list(sizes.index)
    if len(sizes) > limit:
        other = f"other ({plural(len(sizes) - len(keep), 'group')})"
        groups = groups.where(groups.isin(keep), other)
        keep.append(other)
    return groups, keep


def legend_label(group: str, n_articles: int) -> str:
    """A legend entry: the group name, shortened, with its number of articles."""
    return f"{shorten(group, 28)} ({plural(n_articles, 'article')})"
