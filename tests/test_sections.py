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


@pytest.mark.parametrize("article_id", ["es-daily", "de-dpa"])
def test_views_written_from_split_rows_are_the_bytes_of_the_whole_tables(tmp_path, article_id: str) -> None:
    import newslab as nl
    from newslab.render import escape_html
    from newslab.views import output_name

    analysis = nl.analyze(nl.load_seed_corpus(), progress=False)
    corpus = analysis.corpus()
    pages = sections.write_views(analysis, corpus, tmp_path)
    assert [p.name for p in pages] == [output_name(i, ".html") for i in corpus.ids]
    art = corpus[article_id]
    tables = {name: analysis.table(table) for name, table in (("mentions", "mentions"), ("quotes", "quotes"),
              ("sentiment", "tone"), ("stance", "stance"), ("target_tone", "target_tone"))}  # fmt: skip
    body = nl.article_html(art, targets=analysis.targets, **tables)  # the whole tables, filtered per article
    expected = (f'<!doctype html><html><head><meta charset="utf-8"><title>{escape_html(art.id)}</title></head>'
                f"<body>{body}</body></html>")  # fmt: skip
    assert (tmp_path / output_name(article_id, ".html")).read_text(encoding="utf-8") == expected
    assert 'class="nlv-m ' in body and 'class="nlv-q ' in body  # mentions and quotes were drawn
