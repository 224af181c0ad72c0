"""The measure record: one compare column, from which its evidence, display and report section derive.

A :class:`Measure` names a column of the comparison table (:func:`newslab.compare`), the table
its evidence rows come from, how to pick those rows for one article x target, how to show a
value, and the report section that shows it. A :class:`MeasureSet` computes the cells of one
table's measures for each article x target (the table is bucketed once, so the comparison stays
linear in the table sizes). Each stage declares its measure set (:class:`newslab.pipeline.Stage`);
``COMPARE_COLUMNS``, ``Analysis.evidence``, ``format_compare`` and the report's sections all
read the same records, so a new measure is one declaration (see ``docs/extending.md``).

Example:
    >>> m = Measure("hedges", "hedging", "tone", help="hedging words near the target")
    >>> m.column, m.section, m.show is None
    ('hedges', 'tone', True)
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    import pandas as pd

    from newslab.targets import Target


class Tables(Protocol):
    """What aggregation reads: tables by name (an :class:`newslab.Analysis` is one)."""

    def table(self, name: str) -> pd.DataFrame:  # pragma: no cover - a protocol
        """One table by name."""
        ...


class MentionRef(NamedTuple):
    """The fields of a mention that measures read (from the mentions table)."""

    sentence_id: int
    kind: str
    mention: str
    start: int
    end: int
    rule: str
    antecedent: str


@dataclasses.dataclass(frozen=True)
class Cell:
    """One article x target of the comparison, with what every measure shares.

    Attributes:
        article_id: The article.
        target: The target.
        n_sentences: Sentences in the article.
        mentions: The target's mentions in the article (:class:`MentionRef`).
        sentence_ids: Sentences that mention the target.
    """

    article_id: str
    target: Target
    n_sentences: int
    mentions: list[MentionRef]
    sentence_ids: set[int]


@dataclasses.dataclass(frozen=True)
class EvidenceContext:
    """What an evidence filter knows: the tables, the article, the target and its mentions there."""

    tables: Tables
    article_id: str
    target: Target
    column: str
    mentions: pd.DataFrame


def all_rows(rows: pd.DataFrame, context: EvidenceContext) -> pd.DataFrame:
    """Evidence filter keeping every row of the article."""
    return rows


def target_rows(rows: pd.DataFrame, context: EvidenceContext) -> pd.DataFrame:
    """Evidence filter keeping the article's rows whose ``target`` is the cell's target."""
    return rows[rows["target"] == context.target.name]


def mentioning_sentences(rows: pd.DataFrame, context: EvidenceContext) -> pd.DataFrame:
    """Evidence filter keeping rows in the sentences that mention the target."""
    return rows[rows["sentence_id"].isin(set(context.mentions["sentence_id"]))]


@dataclasses.dataclass(frozen=True)
class Measure:
    """One column of the comparison table and everything derived from it.

    Attributes:
        column: Its name in :func:`newslab.compare`.
        table: The analysis table its evidence rows come from.
        section: The report section that shows its evidence (``labels``, ``tone``, ``stance``,
            ``frames``, ``quotes`` or a new one).
        evidence: ``evidence(rows, context)``: the article's rows of ``table`` behind one cell.
        show: ``show(value) -> str`` for display (:func:`newslab.format_compare`); ``None``
            leaves the value as it is.
        key: Listed among the key columns of a report on many articles.
        help: What the column holds (one line, for docs and reports).
    """

    column: str
    table: str
    section: str
    evidence: Callable[[pd.DataFrame, EvidenceContext], pd.DataFrame] = target_rows
    show: Callable[[Any], Any] | None = None
    key: bool = False
    help: str = ""


@dataclasses.dataclass(frozen=True)
class MeasureSet:
    """The measures computed from one table, and how.

    Attributes:
        table: The table they aggregate.
        prepare: ``prepare(tables, settings)``: the table bucketed once (e.g. by article and
            target); ``settings`` holds the comparison's options (``top_frames``).
        cells: ``cells(prepared, cell) -> {column: value}`` for one article x target.
        measures: The columns, in the order of the comparison table.
    """

    table: str
    prepare: Callable[[Tables, Mapping[str, Any]], Any]
    cells: Callable[[Any, Cell], dict[str, Any]]
    measures: tuple[Measure, ...]


def bucket(
    table: pd.DataFrame, columns: Sequence[str], key: Sequence[str], record: Callable[..., Any] = tuple
) -> dict[Any, list[Any]]:
    """Rows of ``table`` as tuples of ``columns``, bucketed by ``key`` (one pass, no pandas per row).

    ``record`` makes each row from its values (``tuple``; a ``NamedTuple`` class's ``_make`` gives
    the fields names).

    Example:
        >>> import pandas as pd
        >>> bucket(pd.DataFrame({"a": ["x", "x", "y"], "n": [1, 2, 3]}), ["n"], ["a"])
        {'x': [(1,), (2,)], 'y': [(3,)]}
    """
    if not len(table):
        return {}
    values = [table[c].tolist() if c in table else [None] * len(table) for c in columns]
    keys = [table[k].tolist() for k in key]
    out: dict[Any, list[Any]] = defaultdict(list)
    for i, row in enumerate(zip(*values, strict=True)):
        out[keys[0][i] if len(keys) == 1 else tuple(k[i] for k in keys)].append(record(row))
    return dict(out)


def mean(values: Sequence[float]) -> float:
    """The mean, NaN for no values."""
    return sum(values) / len(values) if values else float("nan")


__all__ = [
    "Cell",
    "EvidenceContext",
    "Measure",
    "MeasureSet",
    "MentionRef",
    "Tables",
    "all_rows",
    "bucket",
    "mean",
    "mentioning_sentences",
    "target_rows",
]
