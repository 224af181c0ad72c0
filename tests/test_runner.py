from __future__ import annotations

import json
import pickle

import pandas as pd
import pytest

import newslab as nl
from newslab.errors import NewslabError, ParameterError
from newslab.result import COLUMNS, TABLES
from newslab.runner import AnalysisError, ArticleResult, analyze_article


@pytest.fixture(scope="module")
def small() -> nl.Corpus:
    """Eight short news-style articles (more than one chunk at chunk_size=3)."""
    texts = {
        f"n{i}": (
            f"Title {i}\nPresident Trump met NATO Secretary General Mark Rutte on day {i}. "
            "“We are strong,” Rutte said. Allies are worried about Trump, officials said. "
            f"The alliance praised him for the {i} talks. He said that NATO was obsolete."
        )
        for i in range(8)
    }
    return nl.Corpus.from_texts(texts)


@pytest.fixture(scope="module")
def seed_analysis(seed_corpus: nl.Corpus) -> nl.Analysis:
    return nl.analyze(seed_corpus)


def assert_same(a: nl.Analysis, b: nl.Analysis) -> None:
    for name in TABLES:
        left, right = a.table(name), b.table(name)
        assert list(left.columns)[: len(COLUMNS[name])] == COLUMNS[name]  # articles: then one column per metadata field
        pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True), check_dtype=False)


def test_tables_have_their_columns_and_keys(seed_analysis: nl.Analysis) -> None:
    for name in TABLES:
        columns = list(seed_analysis.table(name).columns)
        assert columns == COLUMNS[name] or (name == "articles" and columns[: len(COLUMNS[name])] == COLUMNS[name])
    assert seed_analysis.articles["article_id"].tolist() == ["es-daily", "de-dpa"]
    text = {a.id: a.text for a in nl.load_seed_corpus()}
    for name in ("sentences", "mentions", "target_tone", "quotes", "stance", "frames"):
        table = seed_analysis.table(name)
        for a, s, e in zip(table["article_id"], table["start"], table["end"], strict=True):
            assert 0 <= s <= e <= len(text[a])
    tt = seed_analysis.target_tone
    assert set(tt["label"]) <= {"negative", "neutral", "positive"} and tt["score"].between(-1, 1).all()
    assert all(isinstance(e, list) for e in tt["evidence"])
    assert len(tt) == len(seed_analysis.mentions)  # every mention has its tone, with evidence


def test_stages_in_order_each_given_the_earlier_results(seed_corpus: nl.Corpus) -> None:
    # the in-quote rule needs the quotes, which need the mentions: only the pass's order gives these 4 rows
    rows = analyze_article(seed_corpus["es-daily"], (nl.TRUMP, nl.NATO)).rows["mentions"]
    assert sum(r[7] == "pronoun:in-quote" for r in rows) == 4


def test_article_result_is_plain_and_pickles_cheaply(seed_corpus: nl.Corpus) -> None:
    result = analyze_article(seed_corpus["de-dpa"], (nl.TRUMP, nl.NATO))
    assert isinstance(result, ArticleResult)
    blob = pickle.dumps(result)
    assert len(blob) < 40 * len(seed_corpus["de-dpa"].text)
    assert b"newslab.targets" not in blob  # names, not Target objects


def test_workers_give_identical_tables(small: nl.Corpus) -> None:
    one = nl.analyze(small, chunk_size=3)
    two = nl.analyze(small, workers=2, chunk_size=3)
    assert_same(one, two)
    assert one.articles["article_id"].tolist() == small.ids


def test_errors_name_the_article_or_are_recorded(small: nl.Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    import newslab.stages as module  # the stage declarations call the rule functions

    real = module.frame_rows

    def broken(doc, matcher):  # type: ignore[no-untyped-def]
        if doc.id == "n3":
            raise ValueError("boom")
        return real(doc, matcher)

    monkeypatch.setattr(module, "frame_rows", broken)
    with pytest.raises(AnalysisError, match=r"article 'n3' failed in stage 'frames'.*on_error='skip'"):
        nl.analyze(small)
    skipped = nl.analyze(small, on_error="skip")
    assert skipped.errors[["article_id", "stage", "error", "message"]].values.tolist() == [
        ["n3", "frames", "ValueError", "boom"]
    ]
    assert "n3" not in set(skipped.mentions["article_id"]) and len(skipped.articles) == 7


@pytest.mark.parametrize(
    "kwargs",
    [
        {"workers": 0},
        {"workers": "2"},
        {"on_error": "ignore"},
        {"tables": ["nope"]},
        {"chunk_size": 0},
        {"options": {"pronouns": False}},
    ],
)
def test_bad_arguments(small: nl.Corpus, kwargs: dict) -> None:
    with pytest.raises(ParameterError):
        nl.analyze(small, **kwargs)


def test_save_and_load_round_trip(seed_analysis: nl.Analysis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = seed_analysis.save(tmp_path / "run")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["newslab"] == nl.__version__ and set(manifest["input_hashes"]) == {"es-daily", "de-dpa"}
    assert manifest["params"]["targets"].keys() == {"Trump", "NATO"}
    loaded = nl.Analysis.load(folder)
    assert_same(seed_analysis, loaded)
    assert loaded.compare().equals(seed_analysis.compare())
    seed_analysis.save(folder)  # an earlier analysis is replaced
    assert nl.Analysis.load(folder).mentions.equals(loaded.mentions)


def test_save_never_overwrites_other_files(seed_analysis: nl.Analysis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "thesis.txt").write_text("years of work")
    with pytest.raises(NewslabError, match="not empty"):
        seed_analysis.save(tmp_path)
    assert (tmp_path / "thesis.txt").read_text() == "years of work"
    with pytest.raises(NewslabError, match="no saved analysis"):
        nl.Analysis.load(tmp_path)


def test_streaming_to_output_dir_matches_memory(small: nl.Corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    streamed = nl.analyze(small, output_dir=tmp_path / "out", chunk_size=3)
    parts = sorted(p.name for p in (tmp_path / "out" / "tables" / "mentions").iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert_same(nl.analyze(small), streamed)


def test_analyze_reads_a_folder_lazily(small: nl.Corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with (tmp_path / "a.jsonl").open("w") as f:
        for art in small:
            f.write(json.dumps({"id": art.id, "title": art.title, "text": art.text}) + "\n")
    from_path = nl.analyze(tmp_path)
    assert from_path.articles["article_id"].tolist() == small.ids
    assert_same(from_path, nl.analyze(nl.load_corpus(tmp_path)))


def test_cache_dir_reuses_unchanged_articles(small: nl.Corpus, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newslab.article_pass as module  # runs each article's stages

    first = nl.analyze(small, cache_dir=tmp_path)
    calls: list[str] = []
    real = module.run_article

    def counting(state, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(state.article.id)
        return real(state, *args, **kwargs)

    monkeypatch.setattr(module, "run_article", counting)
    changed = nl.Corpus([*list(small)[:7], nl.Article("n7", "Title 7", "Trump spoke. NATO met.")])
    second = nl.analyze(changed, cache_dir=tmp_path)
    assert calls == ["n7"]  # only the changed article is analyzed again
    assert_same(nl.analyze(small[:7]), nl.Analysis({n: second.table(n)[second.table(n)["article_id"] != "n7"]
                                                    for n in TABLES}))  # fmt: skip
    assert first.articles["input_hash"].iloc[7] != second.articles["input_hash"].iloc[7]


def test_dask_local_cluster_gives_identical_tables(small: nl.Corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        on_dask = nl.analyze(small, scheduler=client, chunk_size=3)
        written = nl.analyze(small, scheduler=client, chunk_size=3, output_dir=tmp_path / "out")  # parts by workers
    assert_same(nl.analyze(small), on_dask)
    assert_same(on_dask, written)
    assert len(list((tmp_path / "out" / "tables" / "mentions").glob("part-*.parquet"))) == 3


def test_pool_workers_write_their_own_parts_identical_to_memory(small: nl.Corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = nl.analyze(small, workers=2, chunk_size=3, output_dir=tmp_path / "out")
    assert_same(nl.analyze(small, chunk_size=3), written)
    parts = sorted(p.name for p in (tmp_path / "out" / "tables" / "articles").glob("*"))
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert written.params["tables"] == list(TABLES) and len(written.articles) == 8


def test_repr_and_memory(seed_analysis: nl.Analysis) -> None:
    assert repr(seed_analysis).startswith("Analysis(2 articles, 42 sentences")
    assert 0 < seed_analysis.memory_usage() < 2_000_000


def test_cli_analyze_writes_tables_that_load(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from newslab.cli import main

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("A title\n\nTrump met NATO chief Mark Rutte. “We are strong,” Rutte said.")
    assert main(["analyze", str(folder), "-o", str(tmp_path / "out"), "--target", "Rutte", "--quiet"]) == 0
    assert "written to" in capsys.readouterr().out
    loaded = nl.Analysis.load(tmp_path / "out")
    assert [t.name for t in loaded.targets] == ["Rutte"] and set(loaded.mentions["target"]) == {"Rutte"}
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    assert main(["analyze", str(folder), "-o", str(tmp_path / "mine")]) == 1  # refuses, deletes nothing
    assert "not empty" in capsys.readouterr().err and (tmp_path / "mine" / "notes.txt").exists()


def test_progress_for_a_lazily_read_corpus_only_once_it_is_large(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("Title\n\nTrump met NATO.")
    nl.analyze(tmp_path)
    assert "analyze" not in capsys.readouterr().err
    nl.analyze(tmp_path, progress=True)
    assert "analyze" in capsys.readouterr().err


def test_nothing_to_analyze_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(NewslabError, match="no article to analyze"):
        nl.analyze(tmp_path)
    with pytest.raises(NewslabError, match="no article to analyze"):
        nl.analyze([])


def test_cli_report_from_a_saved_analysis_refuses_articles_too(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from newslab.cli import main

    assert main(["report", "x.txt", "--from-analysis", str(tmp_path)]) == 1
    assert "--from-analysis" in capsys.readouterr().err
    assert main(["report", "--from-analysis", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    assert "no saved analysis" in capsys.readouterr().err and not (tmp_path / "out" / "report").exists()


def test_one_worker_run_leaves_nothing_frozen(seed_corpus: nl.Corpus) -> None:
    import gc

    gc.unfreeze()  # a test before may have imported newslab.preload (the pool's warm-up freezes what it loaded)
    assert gc.get_freeze_count() == 0
    first = nl.analyze(seed_corpus, tables=["tone"], chunk_size=1)  # freezes between chunks ...
    assert gc.get_freeze_count() == 0  # ... and hands everything back at the end
    keep = [object(), []]  # a process that froze objects itself is left as it is
    calls: list[str] = []
    real_freeze, real_unfreeze = gc.freeze, gc.unfreeze
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        # Count calls rather than compare counts: a frozen object freed meanwhile (by another thread, a
        # cache) leaves the permanent generation and lowers the count without any freeze or unfreeze.
        gc.freeze = lambda: calls.append("freeze")  # type: ignore[assignment]
        gc.unfreeze = lambda: calls.append("unfreeze")  # type: ignore[assignment]
        try:
            again = nl.analyze(seed_corpus, tables=["tone"], chunk_size=1)
        finally:
            gc.freeze, gc.unfreeze = real_freeze, real_unfreeze
        assert calls == []
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
    pd.testing.assert_frame_equal(first.tone, again.tone)
    assert keep
