"""An article's rows of the analysis tables, split once so that many article views render in linear time.

:func:`split_rows` groups a table's rows by article id; :func:`newslab.article_html` takes the
:class:`ArticleRows` of one article wherever it takes a whole table and skips filtering it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


class ArticleRows(list[dict[Any, Any]]):
    """One article's rows of a table as record dicts, split once for many views (see :func:`split_rows`).

    ``article_html`` takes it wherever it takes a table and skips the per-article filtering;
    ``columns`` are the table's columns (checked as for a table).
    """

    def __init__(self, records: Iterable[dict[Any, Any]], columns: Sequence[str]) -> None:
        super().__init__(records)
        self.columns = list(columns)


def split_rows(table: pd.DataFrame) -> tuple[dict[str, ArticleRows], ArticleRows]:
    """A table's rows grouped by article id (in table order), and an empty ``ArticleRows`` for other articles.

    Rendering many articles from split rows gives the same HTML as passing the whole table
    for each (the rows, their order and values are the same) in linear rather than quadratic time.

    Example:
        >>> import pandas as pd
        >>> by_id, none = split_rows(pd.DataFrame({"article_id": ["a", "b", "a"], "start": [0, 1, 2]}))
        >>> [r["start"] for r in by_id["a"]], len(none), none.columns
        ([0, 2], 0, ['article_id', 'start'])
    """
    columns = [str(c) for c in table.columns]
    groups: dict[str, list[dict[Any, Any]]] = {}
    if "article_id" in table.columns:
        for record in table.to_dict("records"):
            groups.setdefault(str(record["article_id"]), []).append(record)
    return {k: ArticleRows(v, columns) for k, v in groups.items()}, ArticleRows([], columns)


__all__ = ["ArticleRows", "split_rows"]
