from __future__ import annotations

import json

import pandas as pd
import pytest

from newslab import sections


def articles(metadata: dict[str, object], **columns: object) -> pd.DataFrame:
    row = {"article_id": "a1", "title": "T", "source": "Wire", "date": "2024-01-02", "words": 10,
           "input_hash": "f" * 64, "metadata": json.dumps(metadata), **columns}  # fmt: skip
    return pd.DataFrame([row])


@pytest.mark.parametrize(
    "metadata,columns,shown",
    [
        ({"event": "e1", "path": "/home/me/corpus.jsonl"}, {"event": "e1", "path": "/home/me/corpus.jsonl"},
         ["article_id", "title", "source", "date", "words", "event"]),
        ({}, {"tags": float("nan"), "note": ""}, ["article_id", "title", "source", "date", "words"]),
        ({"lang": "es"}, {"lang": "es"}, ["article_id", "title", "source", "date", "words", "lang"]),
    ],
)  # fmt: skip
def test_articles_view_shows_fields_as_columns_not_raw_metadata(metadata: dict, columns: dict, shown: list) -> None:
    table = articles(metadata, **columns)
    view = sections.articles_view(table)
    assert view.columns.tolist() == shown
    assert not any("{" in str(v) for v in view.iloc[0])  # no JSON in any cell
    assert "metadata" in table and "input_hash" in table  # the full table is untouched
