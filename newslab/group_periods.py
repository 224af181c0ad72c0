"""The period of the report's over-time plot: coarsened until most groups have articles in each period.

A confidence band needs articles: with one article per outlet and month there is none to draw.
:func:`choose_period` states the rule (month, then quarter, then year, until most group x period
cells reach the report's minimum support) and returns the counts behind its choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from newslab.estimates import MIN_ARTICLES

if TYPE_CHECKING:
    import pandas as pd

    from newslab.result import Analysis

#: Periods the over-time plot tries, finest first, when the user gave none.
OVER_TIME_PERIODS = ("month", "quarter", "year")
#: Share of group x period cells (with articles) that must reach ``MIN_ARTICLES`` for a period to be used.
OVER_TIME_SHARE = 0.5


class PeriodChoice(NamedTuple):
    """The period of the over-time plot, why it was chosen, and the counts behind the choice.

    Attributes:
        period: ``"month"``, ``"quarter"`` or ``"year"`` (or the period the user gave).
        note: One sentence for the report saying which period and why.
        cells: One row per period tried: ``period``, ``cells`` (group x period pairs with articles),
            ``enough`` (of them with ``≥ MIN_ARTICLES`` articles) and ``share``.
    """

    period: str
    note: str
    cells: pd.DataFrame


def choose_period(
    analysis: Analysis,
    group_by: str,
    *,
    period: str | None = None,
    candidates: tuple[str, ...] = OVER_TIME_PERIODS,
    min_articles: int = MIN_ARTICLES,
    share: float = OVER_TIME_SHARE,
) -> PeriodChoice:
    """The finest period in which most group x period cells have enough articles for a confidence band.

    Rule: try ``candidates`` in order (month, quarter, year) and take the first where at least
    ``share`` of the group x period cells that hold articles have ``≥ min_articles`` articles (the
    report's support rule); when none does, the coarsest, and the note says that most bands are
    missing or wide. A ``period`` given by the user is kept as given (its counts are still reported).

    Args:
        analysis: The analysis (dates read from ``analysis.articles["date"]``).
        group_by: The grouping column (e.g. ``"source"``).
        period: The user's period, kept as given; ``None`` to choose.
        candidates: Periods to try, finest first.
        min_articles: Articles a cell needs.
        share: Share of cells that must have ``min_articles``.

    Returns:
        :class:`PeriodChoice` with the period, a note and the counts per period tried.

    Example:
        >>> import newslab as nl
        >>> choice = choose_period(nl.analyze(nl.load_seed_corpus()), "source")
        >>> choice.period, choice.cells["enough"].tolist()
        ('year', [0, 0, 0])
    """
    from collections import Counter

    import pandas as pd

    rows: list[dict[str, Any]] = []
    for kind in (period,) if period else candidates:
        groups = article_groups(analysis, group_by, period=kind)
        counts = Counter(g for g in groups.values() if not g.endswith("(no readable date)"))
        enough = sum(n >= min_articles for n in counts.values())
        rows.append({"period": kind, "cells": len(counts), "enough": enough,
                     "share": enough / len(counts) if counts else 0.0})  # fmt: skip
    cells = pd.DataFrame(rows, columns=["period", "cells", "enough", "share"])
    met = [r for r in rows if r["cells"] and r["share"] >= share]
    chosen = rows[0] if period else met[0] if met else rows[-1]
    unit = f"{group_by} x {chosen['period']}"
    found = f"{chosen['enough']} of {chosen['cells']} {unit} cells have ≥ {min_articles} articles"
    if period:
        return PeriodChoice(period, f"The over-time plot uses {period}s, as asked; {found}.", cells)
    tried = "".join(f"; by {r['period']}: {r['enough']} of {r['cells']}" for r in rows if r is not chosen)
    rule = (
        f"rule: the finest of {', '.join(candidates)} in which at least {share:.0%} of the cells have "
        f"≥ {min_articles} articles, the report's minimum support{tried}"
    )
    if met:
        note = f"The over-time plot uses {chosen['period']}s: {found} ({rule})."
    else:
        note = f"The over-time plot uses {chosen['period']}s, but only {found}: most bands are missing or wide"
        note += f" ({rule})."
    return PeriodChoice(str(chosen["period"]), note, cells)


def article_groups(analysis: Analysis, group_by: str, *, period: str | None = None) -> dict[str, str]:
    """Article id -> its group, read from ``analysis.articles`` (metadata fields are its columns).

    ``group_by="date"`` (or a ``period``) names the period of each readable date
    (``"(no readable date)"`` otherwise); an empty cell is ``"(missing)"``.

    Raises:
        ParameterError: For a missing or empty column (the message lists the available ones).

    Example:
        >>> import newslab as nl
        >>> article_groups(nl.analyze(nl.load_seed_corpus()), "date")
        {'es-daily': '2024-11', 'de-dpa': '2024-11'}
    """
    from newslab.dates import parse_dates, period_labels
    from newslab.estimates import group_keys

    articles = analysis.articles
    by = [group_by] if group_by and group_by != "date" else []
    if group_by == "date" and period is None:
        period = "month"
    keys = group_keys(articles, by or None)  # checks the column: missing or empty fails with the columns listed
    groups = dict(zip(keys.index, keys["group"].astype(str), strict=True)) if by else {}
    if period is not None:
        labels = period_labels(parse_dates(articles["date"]).dates, period).fillna("(no readable date)")
        for article_id, label in zip(articles["article_id"].astype(str), labels, strict=True):
            groups[article_id] = f"{groups[article_id]} | {label}" if by else str(label)
    return groups


__all__ = ["OVER_TIME_PERIODS", "OVER_TIME_SHARE", "PeriodChoice", "article_groups", "choose_period"]
