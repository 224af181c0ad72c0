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


@pytest.mark.parametrize(
    "n,shown,phrase",
    [(2000, 12, "Showing 12 of 2,000 articles here"), (12, 12, "All 12 articles are shown here"),
     (3, 12, "All 3 articles are shown here")],
)  # fmt: skip
def test_views_note_says_how_many_are_shown_and_links_the_list(n: int, shown: int, phrase: str) -> None:
    note = sections.views_note(n, shown)
    assert note.startswith(phrase)
    assert note.endswith("[views/index.html](views/index.html).")


def test_view_index_lists_every_page_escaped(tmp_path) -> None:
    import newslab as nl

    corpus = nl.Corpus([
        nl.Article("a<1>", "<script>alert(1)</script>", "Trump spoke.", source="Wire & Co", metadata={"date": "2024"}),
        nl.Article("b", "Plain", "NATO met.", source="Ledger"),
    ])  # fmt: skip
    pages = [tmp_path / "a-1.html", tmp_path / "b.html"]
    text = sections.write_view_index(corpus, pages, tmp_path).read_text(encoding="utf-8")
    assert text.count("<tr><td><a href=") == 2
    assert '<a href="a-1.html">a&lt;1&gt;</a>' in text and '<a href="b.html">b</a>' in text
    assert "<script>" not in text and "&lt;script&gt;" in text and "Wire &amp; Co" in text
    assert "2 article pages" in text
    with pytest.raises(nl.NewslabError, match="1 pages for 2 articles"):
        sections.write_view_index(corpus, pages[:1], tmp_path)


def test_view_index_never_replaces_the_page_of_an_article_called_index(tmp_path) -> None:
    import newslab as nl

    corpus = nl.Corpus([nl.Article("index", "I", "Trump spoke."), nl.Article("b", "B", "NATO met.")])
    pages = sections.write_views(nl.analyze(corpus, progress=False), corpus, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    path = sections.write_view_index(corpus, pages, tmp_path)
    assert path.name == "_index.html" and (tmp_path / "index.html").read_text(encoding="utf-8") == page
    assert '<a href="index.html">index</a>' in path.read_text(encoding="utf-8")
