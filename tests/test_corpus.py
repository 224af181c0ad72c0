"""Corpus loading, cleaning and errors."""

from __future__ import annotations

import json
import unicodedata
import warnings
from pathlib import Path

import pytest

import newslab as nl
from newslab import errors
from newslab.corpus import Article, Corpus, clean_text, decode_bytes, load_article, load_corpus


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ------------------------------------------------------------------ seed corpus


def test_seed_corpus_ids_titles_sources(seed_corpus: Corpus) -> None:
    assert seed_corpus.ids == ["es-daily", "de-dpa"]
    es, de = seed_corpus["es-daily"], seed_corpus["de-dpa"]
    assert de.title.startswith("Before the change of power in the USA")
    assert es.title and "title_supplied" in es.metadata
    assert es.text.startswith("complete all your equipment")  # kept as is, cut at the start
    assert es.text.endswith("has even used .")  # and at the end
    assert "German Press Agency" in de.source and "Spanish" in es.source
    assert de.metadata["tags"][:2] == ["Donald Trump", "NATO"]
    assert "•" not in de.text and "\n\n\n" not in de.text


def test_sentences_are_not_cached_and_offsets_valid(seed_corpus: Corpus) -> None:
    for art in seed_corpus:
        assert art.sentences == art.sentences and art.sentences is not art.sentences  # nothing kept on the article
        assert not {"sentences", "tokens", "token_spans"} & set(vars(art))
        for i, sent in enumerate(art.sentences):
            assert sent.index == i and art.text[sent.start : sent.end] == sent.text
        for tok in art.tokens:
            assert art.text[tok.start : tok.end] == tok.text
            sent = art.sentences[tok.sentence]
            assert sent.start <= tok.start < tok.end <= sent.end


def test_corpus_indexing_and_table(seed_corpus: Corpus) -> None:
    assert seed_corpus[0] is seed_corpus["es-daily"]
    assert "de-dpa" in seed_corpus and "nope" not in seed_corpus
    assert isinstance(seed_corpus[1:], Corpus) and seed_corpus[1:].ids == ["de-dpa"]
    with pytest.raises(KeyError, match="es-daily"):
        seed_corpus["nope"]
    frame = seed_corpus.to_frame()
    assert list(frame["sentences"]) == [20, 22]
    table = nl.sentence_table(seed_corpus)
    assert list(table.columns) == ["article_id", "sentence_id", "start", "end", "text", "n_words"]
    assert len(table) == 42 and (table["n_words"] > 0).all()


def test_duplicate_ids_rejected_in_corpus() -> None:
    with pytest.raises(errors.CorpusError, match="duplicate"):
        Corpus([Article("a", "A", "One."), Article("a", "B", "Two.")])


# ------------------------------------------------------------------ cleaning


@pytest.mark.parametrize(
    "raw, text, tags",
    [
        ("Title\r\n\r\n\r\n\r\nBody  text.\t Here.", "Title\n\nBody text. Here.", []),
        ("  indented line  \nnext", "indented line\nnext", []),
        ("a\u00a0b\u200bc", "a bc", []),
        ("Story.\n\n • NATO\n\n • USA\n", "Story.", ["NATO", "USA"]),
        ("Story.\n\n• only one tag", "Story.\n\n• only one tag", []),  # a single bullet may be content
        (
            "Story.\n- a full sentence in a list.\n- another one.",
            "Story.\n- a full sentence in a list.\n- another one.",
            [],
        ),
    ],
)
def test_clean_text(raw: str, text: str, tags: list[str]) -> None:
    assert clean_text(raw) == (text, tags)


def test_cleaning_keeps_every_word() -> None:
    raw = (Path(nl.__file__).parent / "data" / "seeds" / "001_7dfbc2ccc1a0646b.txt").read_text(encoding="utf-8")
    text, tags = clean_text(raw)
    assert text.split() + [w for t in tags for w in ["•", *t.split()]] == raw.split()


# ------------------------------------------------------------------ formats


def test_txt_md_title_and_front_matter(tmp_path: Path) -> None:
    art = load_article(write(tmp_path / "a.txt", "\n\nMy headline\n\nFirst sentence. Second one."))
    assert (art.id, art.title, len(art.sentences)) == ("a", "My headline", 3)
    md = load_article(
        write(tmp_path / "b.md", "---\ntitle: Given title\nsource: Wire\ndate: 2024-11-23\n---\n# Head\n\nBody.")
    )
    assert (md.title, md.source, md.date) == ("Given title", "Wire", "2024-11-23")
    assert md.text == "# Head\n\nBody."
    hdr = load_article(write(tmp_path / "c.txt", "Title: Header title\nSource: Agency\n\nBody text here."))
    assert (hdr.title, hdr.source, hdr.text) == ("Header title", "Agency", "Body text here.")
    long_first = load_article(write(tmp_path / "d.txt", "word " * 60 + "end."))
    assert long_first.title.endswith("…") and long_first.metadata["title_guessed"]


def test_html_is_extracted(tmp_path: Path) -> None:
    page = (
        "<html><head><title>T</title><script>var x=1;</script></head>"
        "<body><h1>Rutte &amp; Trump</h1><p>NATO met.</p><p>Trump spoke.</p></body></html>"
    )
    art = load_article(write(tmp_path / "p.html", page))
    assert art.title == "Rutte & Trump"
    assert "var x" not in art.text and "NATO met." in art.text
    assert [s.text for s in art.sentences][-2:] == ["NATO met.", "Trump spoke."]


def test_jsonl_and_csv(tmp_path: Path) -> None:
    rows = [{"id": "x1", "title": "One", "text": "NATO met.", "source": "S", "date": "2024"}, {"text": "Trump spoke."}]
    path = write(tmp_path / "c.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    corpus = load_corpus(path)
    assert corpus.ids == ["x1", "c-2"]
    assert corpus["x1"].date == "2024" and corpus["x1"].source == "S"
    csv_path = write(tmp_path / "d.csv", 'id,Text,extra\nr1,"Hello, world. Bye.",7\nr2,Second,\n')
    corpus = load_corpus(csv_path)
    assert corpus.ids == ["r1", "r2"] and corpus["r1"].metadata["extra"] == "7"
    assert len(corpus["r1"].sentences) == 2


def test_folder_and_list_and_duplicate_ids(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A\n\nOne.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.md", "A again\n\nTwo.")
    write(tmp_path / ".hidden.txt", "ignored")
    write(tmp_path / "notes.pdf", b"%PDF")
    with pytest.warns(UserWarning, match="duplicate article id 'a'"):
        corpus = load_corpus(tmp_path)
    assert corpus.ids == ["a", "a-2"]
    assert load_corpus([tmp_path / "a.txt"]).ids == ["a"]


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    "name, content, error, fragment",
    [
        ("empty.txt", b"", errors.EmptyInputError, "empty"),
        ("blank.txt", b"  \n\t\n ", errors.EmptyInputError, "no text"),
        ("bin.txt", b"\x00\x01\x02binary\x00", errors.BinaryInputError, "binary"),
        ("ctrl.txt", bytes(range(1, 9)) * 50, errors.BinaryInputError, "binary"),
        ("bad.txt", b"\x81\x8d\x8f\x90\x9d", errors.DecodingError, "UTF-8"),
        ("doc.pdf", b"%PDF-1.4", errors.UnsupportedFormatError, "unsupported"),
        ("no_text.jsonl", b'{"title": "x"}\n', errors.MissingFieldError, "'text'"),
        ("empty_text.jsonl", b'{"text": "  "}\n', errors.MissingFieldError, "empty"),
        ("broken.jsonl", b'{"text": \n', errors.CorpusError, "not valid JSON"),
        ("list.jsonl", b"[1, 2]\n", errors.CorpusError, "JSON object"),
        ("no_text.csv", b"title,body\nx,y\n", errors.MissingFieldError, "'text' column"),
        ("header_only.csv", b"text\n", errors.EmptyInputError, "no records"),
    ],
)
def test_bad_files_raise_clear_errors(tmp_path: Path, name: str, content: bytes, error: type, fragment: str) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(error, match=fragment) as info:
        load_corpus(path)
    assert isinstance(info.value, nl.NewslabError)
    assert name in str(info.value), "the message names the file"


def test_missing_path_and_empty_list(tmp_path: Path) -> None:
    with pytest.raises(errors.MissingInputError, match="no such file"):
        load_corpus(tmp_path / "nope.txt")
    with pytest.raises(errors.MissingInputError):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(errors.EmptyInputError, match="no paths"):
        load_corpus([])
    (tmp_path / "empty_dir").mkdir()
    with pytest.raises(errors.EmptyInputError, match="folder has no"):
        load_corpus(tmp_path / "empty_dir")


def test_cp1252_fallback_warns() -> None:
    with pytest.warns(UnicodeWarning, match="cp1252"):
        assert decode_bytes("Café “quoted”".encode("cp1252"), "x.txt") == "Café “quoted”"
    assert decode_bytes("\ufeffNATO".encode()) == "NATO"
    assert decode_bytes("NATO met".encode("utf-16")) == "NATO met"


def test_folder_with_a_bad_file_loads_the_good_ones(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "Good\n\nNATO met.")
    write(tmp_path / "bad.txt", b"")
    with pytest.warns(UserWarning, match="skipped"):
        corpus = load_corpus(tmp_path)
    assert corpus.ids == ["good"]
    assert len(corpus.skipped) == 1 and corpus.skipped[0][0].endswith("bad.txt")
    with pytest.raises(errors.EmptyInputError, match=r"bad\.txt"):
        load_corpus(tmp_path, strict=True)


def test_all_files_bad_raises(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"")
    write(tmp_path / "b.txt", b"\x00\x00")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(errors.EmptyInputError, match="no article could be loaded"):
            load_corpus(tmp_path)


def test_huge_article_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newslab.readers.MAX_ARTICLE_CHARS", 100)
    with pytest.raises(errors.InputTooLargeError, match="split it"):
        load_article(write(tmp_path / "big.txt", "word " * 50))


def test_article_validation() -> None:
    with pytest.raises(errors.EmptyInputError):
        Article("x", "t", "   ")
    with pytest.raises(errors.EmptyInputError):
        Article("x", "t", None)  # type: ignore[arg-type]
    with pytest.raises(errors.CorpusError, match="Article objects"):
        Corpus(["text"])  # type: ignore[list-item]


def test_odd_unicode_is_handled(tmp_path: Path) -> None:
    text = (
        "Zalgo t\u0301e\u0301x\u0301t. \U0001f600 emoji. Arabic \u0627\u0644\u0646\u0627\u062a\u0648. RTL\u200f mark."
    )
    art = load_article(write(tmp_path / "u.txt", "Title\n\n" + text))
    assert "\u200f" not in art.text
    for tok in art.tokens:
        assert art.text[tok.start : tok.end] == tok.text


def test_from_texts_and_from_frame() -> None:
    import pandas as pd

    corpus = Corpus.from_texts(["Headline\n\nNATO met.", "Trump spoke."])
    assert corpus.ids == ["doc-1", "doc-2"] and corpus["doc-1"].title == "Headline"
    with pytest.raises(errors.EmptyInputError):
        Corpus.from_texts({"a": "   "})
    with pytest.raises(errors.EmptyInputError, match="not a string"):
        Corpus.from_texts({"a": b"bytes"})  # type: ignore[dict-item]
    frame = pd.DataFrame({"doc": ["x", "y"], "body": ["NATO met.", "Trump spoke."], "title": ["X", None]})
    corpus = Corpus.from_frame(frame, text="body", id="doc")
    assert corpus.ids == ["x", "y"] and corpus["x"].title == "X" and corpus["y"].title == "Trump spoke."
    with pytest.raises(errors.MissingFieldError, match="'text' column"):
        Corpus.from_frame(frame)


def test_progress_bar_for_many_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(3):
        write(tmp_path / f"{i}.txt", f"Title {i}\n\nBody {i}.")
    assert len(load_corpus(tmp_path, progress=True)) == 3
    assert "loading" in capsys.readouterr().err
    load_corpus(tmp_path)
    assert capsys.readouterr().err == ""


def test_as_articles_and_bad_corpus_arguments(seed_corpus: Corpus) -> None:
    from newslab.corpus import as_articles

    assert [a.id for a in as_articles(seed_corpus)] == ["es-daily", "de-dpa"]
    assert as_articles(seed_corpus["de-dpa"])[0].id == "de-dpa"
    assert as_articles("NATO met.")[0].text == "NATO met."
    for bad, fragment in [(42, "got int"), ([1], "got int"), (b"x", "bytes"), (None, "got NoneType")]:
        with pytest.raises(errors.CorpusError, match=fragment):
            as_articles(bad)  # type: ignore[arg-type]
    with pytest.raises(errors.CorpusError, match="path"):
        load_corpus(42)  # type: ignore[arg-type]
    with pytest.raises(errors.CorpusError, match="takes paths"):
        load_corpus([Path("a.txt"), 3])  # type: ignore[list-item]
    # every corpus-level analysis accepts the same kinds of input
    assert len(nl.sentiment_table("Trump praised NATO. Allies worried.")) == 2
    assert len(nl.sentence_table(seed_corpus["es-daily"])) == 20


def test_token_spans_agree_with_tokens_and_sentences():
    art = nl.load_seed_corpus()["de-dpa"]
    assert len(art.token_spans) == len(art.sentences)
    flat = [span for spans in art.token_spans for span in spans]
    assert flat == [(t.start, t.end) for t in art.tokens]
    for sent, spans in zip(art.sentences, art.token_spans, strict=True):
        assert all(sent.start <= s < e <= sent.end for s, e in spans)
        assert [art.text[s:e] for s, e in spans][:1] == [t.text for t in art.tokens if t.sentence == sent.index][:1]


def test_progress_bar_modes(monkeypatch, capsys):
    from newslab.corpus import PROGRESS_THRESHOLD, progress_bar

    monkeypatch.delenv("NEWSLAB_PROGRESS", raising=False)
    few, many = list(range(3)), list(range(PROGRESS_THRESHOLD))
    assert progress_bar(few, None, "x") is few and progress_bar(many, False, "x") is many
    assert list(progress_bar(few, True, "counting")) == few
    assert "counting" in capsys.readouterr().err
    assert list(progress_bar(many, None, "auto")) == many
    assert "auto" in capsys.readouterr().err
    monkeypatch.setenv("NEWSLAB_PROGRESS", "0")
    assert progress_bar(many, None, "x") is many  # the report runner turns automatic bars off
    with pytest.raises(errors.ParameterError, match="progress="):
        progress_bar(few, "yes", "x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        lambda c: nl.find_mentions(c, progress=True),
        lambda c: nl.find_quotes(c, progress=True),
        lambda c: nl.sentiment_table(c, progress=True),
        lambda c: nl.stance_table(c, progress=True),
        lambda c: nl.frame_table(c, progress=True),
    ],
)
def test_corpus_functions_show_progress_when_asked(call, capsys):
    corpus = nl.load_seed_corpus()
    call(corpus)
    assert "2/2" in capsys.readouterr().err


def test_compare_shows_one_progress_bar_for_the_pass(capsys):
    nl.compare(nl.load_seed_corpus(), progress=True)
    err = capsys.readouterr().err
    assert "analyze" in err and "2/2" in err
    nl.compare(nl.load_seed_corpus(), progress=False)
    assert capsys.readouterr().err == ""


def test_mentions_are_deterministic_and_follow_the_arguments():
    art = nl.load_seed_corpus()["de-dpa"]
    once = nl.find_mentions(art)
    assert nl.find_mentions(art).equals(once)
    assert len(nl.find_mentions(art, pronouns=False)) < len(once)  # other arguments, other entry


# ------------------------------------------------------------------ streaming JSONL (iter_articles)


def _records(*texts: str) -> str:
    return "\n".join(json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(texts)) + "\n"


def test_iter_articles_streams_jsonl_with_the_records_load_corpus_reads(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", "\ufeff" + _records("NATO met.", "Trump spoke\u2028today.", "Rutte left."))
    streamed = list(nl.iter_articles(path))
    loaded = list(load_corpus(path))
    assert [(a.id, a.text, a.title) for a in streamed] == [(a.id, a.text, a.title) for a in loaded]
    assert [a.id for a in streamed] == ["r0", "r1", "r2"]


def test_iter_articles_skips_only_the_bad_jsonl_record_and_names_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl", _records("NATO met.") + "{not json\n" + _records("Rutte left.").replace("r0", "r9")
    )
    with pytest.warns(UserWarning, match=r"a\.jsonl, line 2: not valid JSON"):
        ids = [a.id for a in nl.iter_articles(path)]
    assert ids == ["r0", "r9"]
    with pytest.raises(errors.MalformedInputError, match="line 2"):
        list(nl.iter_articles(path, strict=True))


def test_iter_articles_reads_a_cp1252_jsonl_line_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b'{"id": "a", "text": "Caf\xe9 talks."}\n')
    with pytest.warns(UnicodeWarning, match="line 1"):
        (art,) = nl.iter_articles(path)
    assert art.text == "Café talks."


def test_iter_articles_reads_utf16_and_refuses_empty_or_binary_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", _records("NATO met.").encode("utf-16"))
    assert [a.text for a in nl.iter_articles(path)] == ["NATO met."]
    write(tmp_path / "empty.jsonl", "\n\n")
    with pytest.raises(errors.EmptyInputError, match="no records"):
        list(nl.iter_articles(tmp_path / "empty.jsonl", strict=True))
    write(tmp_path / "bin.jsonl", b'{"text": "x"}\n\x00\x00\x00')
    with pytest.raises(errors.BinaryInputError):
        list(nl.iter_articles(tmp_path / "bin.jsonl", strict=True))


# --------------------------------------------------------------------------- issue 24: paths are paths


@pytest.mark.parametrize("arg", ["my_articles/", "~/no-such-corpus-here", "./typo", "../typo", "notes.jsonl",
                                 "old news.txt", "/no/such/folder"])  # fmt: skip
@pytest.mark.parametrize("call", ["analyze", "find_mentions", "as_articles"])
def test_a_missing_path_is_an_error_never_text(arg: str, call: str) -> None:
    from newslab.corpus import as_articles
    from newslab.errors import MissingInputError

    function = {"analyze": nl.analyze, "find_mentions": nl.find_mentions, "as_articles": as_articles}[call]
    with pytest.raises(MissingInputError, match=r"no such file or folder.*nl\.Corpus\.from_texts"):
        function(arg)


@pytest.mark.parametrize("text", ["Trump met NATO chief Mark Rutte.", "NATO", "The alliance. It met."])
def test_raw_text_that_does_not_look_like_a_path_is_still_text(text: str) -> None:
    from newslab.corpus import as_articles

    assert [a.text for a in as_articles(text)] == [text]


@pytest.mark.parametrize("spelled", ["~/corpus", "~/corpus/", "~/corpus/a.txt"])
def test_tilde_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelled: str) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Title\n\nTrump met NATO.", encoding="utf-8")
    assert nl.analyze(spelled, tables=["sentences"]).articles["article_id"].tolist() == ["a"]
    assert nl.load_corpus(spelled).ids == ["a"]
    assert set(nl.find_mentions(spelled)["article_id"]) == {"a"}


# --------------------------------------------------------------------------- issue 24: text normalization


def test_decomposed_names_are_composed_on_load(tmp_path: Path) -> None:
    target = nl.Target("Erdoğan")
    composed = "Erdoğan met Trump. Erdoğan spoke."
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    (tmp_path / "a.txt").write_text("T\n\n" + decomposed, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b", "text": decomposed}) + "\n", encoding="utf-8")
    corpus = nl.load_corpus(tmp_path)
    assert [a.text for a in corpus] == ["T\n\n" + composed, composed]
    counts = nl.find_mentions(corpus, targets=[target]).groupby("article_id").size().to_dict()
    assert counts == {"a": 2, "b": 2}


@pytest.mark.parametrize("where", ["text", "title", "id"])
def test_a_lone_surrogate_is_replaced_with_a_warning_naming_the_article(tmp_path: Path, where: str) -> None:
    record = {"id": "scraped-1", "title": "A title", "text": "Trump smiled \ud83d at NATO."}
    record[where] = record[where] + "\ud83d" if where != "text" else record["text"]
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")  # JSON escapes it as \ud83d
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = nl.load_corpus(tmp_path)
    assert any("scraped-1" in str(w.message) and "lone surrogate" in str(w.message) for w in caught)
    article = corpus[0]
    for value in (article.id, article.title, article.text):
        value.encode("utf-8")  # no UnicodeEncodeError anywhere later (Parquet, HTML, CSV)
    analysis = nl.analyze(corpus, output_dir=tmp_path / "out", on_error="skip")
    assert len(nl.Analysis.load(tmp_path / "out").sentences) == len(analysis.sentences) > 0


def test_a_user_built_article_with_a_surrogate_is_analyzed_and_saved(tmp_path: Path) -> None:
    article = nl.Article("a", "T", "Trump \ud83d spoke to NATO.")
    with pytest.warns(nl.NewslabWarning, match="article 'a': 1 lone surrogate"):
        analysis = nl.analyze(article, tables=["sentences", "mentions"])
    analysis.save(tmp_path / "out")
    assert nl.Analysis.load(tmp_path / "out").sentences["text"].str.contains("\ufffd").any()


HOSTILE_LABELS = [
    ("rtl\u202eGNP.exe", "rtlGNP.exe"),
    ("nul\x00byte", "nulbyte"),
    ("line\nbreak\tand tab", "line break and tab"),
    ("isolate\u2066x\u2069", "isolatex"),
    ("c1\x85\x9bcontrol", "c1control"),
    ("zero\u200bwidth", "zerowidth"),
    ("Erdog\u0306an", "Erdoğan"),
]


@pytest.mark.parametrize(("raw", "clean"), HOSTILE_LABELS, ids=[r[1] for r in HOSTILE_LABELS])
def test_ids_titles_sources_and_metadata_lose_control_and_bidi_characters(tmp_path: Path, raw: str, clean: str) -> None:
    record = {"id": raw, "title": raw, "source": raw, "event": raw, "text": "Trump met NATO."}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = nl.load_corpus(tmp_path)[0]
    assert (article.id, article.title, article.source, article.metadata["event"]) == (clean,) * 4
    built = nl.Corpus([nl.Article(raw, raw, "Trump met NATO.", raw)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        row = nl.analyze(built, tables=["sentences"]).articles.iloc[0]
    assert (row["article_id"], row["title"], row["source"]) == (clean,) * 3
