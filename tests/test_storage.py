"""Saved analyses and caches (issue 24, deliverables 1-3): nothing lost, nothing trusted blindly.

Every failing or interrupted write is checked with a checksum of the parent folder: the bytes
outside newslab's staging folder are the same before and after.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import newslab as nl
from newslab.errors import NewslabError, NewslabWarning, ParameterError
from newslab.output_folder import staging_folder
from newslab.storage import StorageError

TEXTS = {
    "a": "Trump met NATO chief Mark Rutte. Rutte praised Trump.",
    "b": "NATO allies worried. Trump criticized the alliance.",
    "c": "The tycoon spoke. NATO listened.",
}
TABLES = ["sentences", "mentions"]


@pytest.fixture(scope="module")
def small() -> nl.Corpus:
    return nl.Corpus.from_texts(TEXTS)


def _run(corpus: Any, folder: Path, **kwargs: Any) -> nl.Analysis:
    return nl.analyze(corpus, tables=TABLES, output_dir=folder, progress=False, **kwargs)


def checksum(folder: Path) -> dict[str, str]:
    """Path -> sha256 (or link target) of everything under ``folder``, links not followed."""
    found = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = Path(root) / name
            rel = str(path.relative_to(folder))
            if path.is_symlink():
                found[rel] = "link:" + os.readlink(path)
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[rel] = "dir"
    return found


def _failing(corpus: nl.Corpus, error: BaseException) -> Iterator[nl.Article]:
    """The corpus's articles, then ``error`` (a failure or an interrupt mid-run)."""
    yield from corpus
    raise error


# --------------------------------------------------------------------------- 1. transactional writes


def test_saving_into_its_own_folder_keeps_every_row(small: nl.Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    first = _run(small, folder)
    expected = {name: len(first.table(name)) for name in ("articles", "sentences", "mentions")}
    first.save(folder)  # the handle returned by analyze, lazy
    nl.Analysis.load(folder).save(folder)
    first.save(folder)  # every table of ``first`` is in memory since its own save: still consistent
    again = nl.Analysis.load(folder)
    assert {name: len(again.table(name)) for name in expected} == expected
    assert expected["sentences"] > 0


def test_a_handle_whose_folder_was_replaced_refuses_to_mix_runs(small: nl.Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    _run(small, folder)
    old = nl.Analysis.load(folder)
    assert len(old.articles) == 3
    _run(small.subset(["a"]), folder)
    with pytest.raises(StorageError, match=r"replaced or changed after this Analysis was loaded.*load it again"):
        old.sentences  # noqa: B018
    assert len(nl.Analysis.load(folder).sentences) == 2


@pytest.mark.parametrize("error", [RuntimeError("disk on fire"), KeyboardInterrupt()], ids=["failure", "interrupt"])
@pytest.mark.parametrize("workers", [1, 2])
def test_a_failed_or_interrupted_run_leaves_the_previous_analysis(
    small: nl.Corpus, tmp_path: Path, error: BaseException, workers: int
) -> None:
    folder = tmp_path / "out" / "run"
    _run(small, folder)
    (tmp_path / "out" / "notes.txt").write_text("mine")
    before = checksum(tmp_path)
    with pytest.raises(type(error)):
        _run(_failing(small, error), folder, workers=workers, chunk_size=1)
    assert checksum(tmp_path) == before
    assert len(nl.Analysis.load(folder).articles) == 3


def test_a_stale_staging_folder_is_replaced_with_a_warning(small: nl.Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    staging = staging_folder(folder)
    (staging / "tables" / "mentions").mkdir(parents=True)
    (staging / "tables" / "mentions" / "part-00000.parquet").write_bytes(b"half")
    (staging / "staging.json").write_text(json.dumps({"format": "newslab-staging", "pid": 2**22 + 7}))
    with pytest.warns(NewslabWarning, match="replacing the partial analysis.*does not resume"):
        _run(small, folder)
    assert not staging.exists() and len(nl.Analysis.load(folder).articles) == 3


def test_a_run_in_progress_is_not_replaced(small: nl.Corpus, tmp_path: Path) -> None:
    import socket

    folder = tmp_path / "run"
    staging = staging_folder(folder)
    staging.mkdir()
    mark = {"format": "newslab-staging", "pid": os.getppid(), "host": socket.gethostname(), "started": "now"}
    (staging / "staging.json").write_text(json.dumps(mark))
    before = checksum(tmp_path)
    with pytest.raises(StorageError, match=rf"another newslab run \(process {os.getppid()}.*wait for it"):
        _run(small, folder)
    assert checksum(tmp_path) == before


def test_a_staging_folder_with_foreign_files_is_kept(small: nl.Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    staging = staging_folder(folder)
    staging.mkdir()
    (staging / "thesis.docx").write_text("years of work")
    with pytest.raises(StorageError, match=r"thesis\.docx"):
        _run(small, folder)
    assert (staging / "thesis.docx").read_text() == "years of work"


# --------------------------------------------------------------------------- 2. only newslab's own folders


def _browser_manifest(folder: Path) -> None:
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"manifest_version": 3, "name": "my extension"}))
    (folder / "background.js").write_text("chrome.runtime")


def _spark_parts(folder: Path, small: nl.Corpus) -> None:
    _run(small, folder)
    events = folder / "tables" / "events"
    events.mkdir()
    (events / "part-00000-3f2a.snappy.parquet").write_bytes(b"PAR1 spark")


def _spark_part_in_a_table(folder: Path, small: nl.Corpus) -> None:
    _run(small, folder)
    (folder / "tables" / "mentions" / "part-00000-3f2a.snappy.parquet").write_bytes(b"PAR1 spark")


def _symlinked_table(folder: Path, small: nl.Corpus) -> None:
    _run(small, folder)
    outside = folder.parent / "elsewhere"
    outside.mkdir()
    (outside / "part-00000.parquet").write_bytes(b"not yours to delete")
    (folder / "tables" / "x").symlink_to(outside, target_is_directory=True)


def _user_file_in_analysis(folder: Path, small: nl.Corpus) -> None:
    _run(small, folder)
    (folder / "notes.txt").write_text("keep me")


FOREIGN: dict[str, Callable[[Path, nl.Corpus], None]] = {
    "browser extension manifest": lambda f, c: _browser_manifest(f),
    "spark table": _spark_parts,
    "spark part in a table": _spark_part_in_a_table,
    "symlinked table": _symlinked_table,
    "user file": _user_file_in_analysis,
}


@pytest.mark.parametrize("case", list(FOREIGN))
@pytest.mark.parametrize("how", ["analyze", "save"])
def test_folders_with_files_newslab_did_not_write_are_never_replaced(
    small: nl.Corpus, tmp_path: Path, case: str, how: str
) -> None:
    folder = tmp_path / "run"
    FOREIGN[case](folder, small)
    before = checksum(tmp_path)
    with pytest.raises(StorageError, match=r"newslab (did not write|replaces only)|holds no newslab analysis"):
        if how == "analyze":
            _run(small, folder)
        else:
            nl.analyze(small, tables=TABLES).save(folder)
    assert checksum(tmp_path) == before


def test_a_symlinked_output_folder_is_refused(small: nl.Corpus, tmp_path: Path) -> None:
    real = tmp_path / "real"
    _run(small, real)
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    before = checksum(tmp_path)
    with pytest.raises(StorageError, match="symbolic link"):
        _run(small, tmp_path / "link")
    assert checksum(tmp_path) == before


def test_the_manifest_lists_every_file_written(small: nl.Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    _run(small, folder, chunk_size=2)
    manifest = json.loads((folder / "manifest.json").read_text())
    on_disk = {str(p.relative_to(folder)) for p in folder.rglob("*.parquet")}
    assert set(manifest["files"]) == on_disk and manifest["format"] == "newslab-analysis"
    assert manifest["rows"]["articles"] == 3 and manifest["format_version"] == 2


def test_a_tilde_output_folder_is_expanded(small: nl.Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    _run(small, Path("~/run"))
    assert (tmp_path / "run" / "manifest.json").is_file() and not Path("~").exists()


# --------------------------------------------------------------------------- 3. checked on load


def _edit_manifest(edit: Callable[[dict[str, Any]], Any]) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / "manifest.json"
        manifest = json.loads(path.read_text())
        result = edit(manifest)
        path.write_text(json.dumps(manifest if result is None else result))

    return change


def _raise_characters(folder: Path) -> None:
    part = folder / "tables" / "articles" / "part-00000.parquet"
    frame = pd.read_parquet(part)
    frame["characters"] = 200_000_000
    frame.to_parquet(part, index=False)
    _edit_manifest(lambda m: m["files"].__setitem__("tables/articles/part-00000.parquet", part.stat().st_size))(folder)


def _drop_column(folder: Path) -> None:
    part = folder / "tables" / "mentions" / "part-00000.parquet"
    pd.read_parquet(part).drop(columns=["start"]).to_parquet(part, index=False)
    size = part.stat().st_size
    _edit_manifest(lambda m: m["files"].__setitem__("tables/mentions/part-00000.parquet", size))(folder)


TAMPERED: dict[str, tuple[Callable[[Path], None], str, str]] = {
    # case: (change, table read, message)
    "missing articles part": (
        lambda f: (f / "tables" / "articles" / "part-00000.parquet").unlink(),
        "articles",
        "listed in the manifest but missing",
    ),
    "foreign part in sentences": (
        lambda f: (f / "tables" / "sentences" / "part-00007.parquet").write_bytes(
            (f / "tables" / "sentences" / "part-00000.parquet").read_bytes()
        ),
        "sentences",
        "not part of this analysis",
    ),
    "truncated part": (
        lambda f: (f / "tables" / "mentions" / "part-00000.parquet").write_bytes(b"PAR1"),
        "mentions",
        "not the file newslab wrote",
    ),
    "characters raised to 2e8": (_raise_characters, "articles", "not a whole number in"),
    "a column dropped": (_drop_column, "mentions", r"lacks the columns \['start'\]"),
}


@pytest.mark.parametrize("case", list(TAMPERED))
def test_tampered_tables_are_refused_naming_the_file(small: nl.Corpus, tmp_path: Path, case: str) -> None:
    folder = tmp_path / "run"
    _run(small, folder)
    change, table, message = TAMPERED[case]
    change(folder)
    with pytest.raises(StorageError, match=message):
        nl.Analysis.load(folder).table(table)


MANIFESTS: dict[str, tuple[Callable[[Path], None], str]] = {
    "params is a string": (_edit_manifest(lambda m: m.__setitem__("params", "x")), "'params' is 'x'"),
    "a JSON array": (_edit_manifest(lambda m: [m]), "not a newslab analysis manifest"),
    "nested 100k deep": (
        lambda f: (f / "manifest.json").write_text("[" * 100_000 + "]" * 100_000),
        "cannot be read",
    ),
    "newer format": (
        _edit_manifest(lambda m: m.__setitem__("format_version", 99)),
        "format version 99.*upgrade newslab",
    ),
    "parts not counts": (_edit_manifest(lambda m: m.__setitem__("parts", {"articles": "1"})), "'parts'"),
    "a file outside tables": (
        _edit_manifest(lambda m: m["files"].__setitem__("../../etc/passwd", 1)),
        "tables/<table>/part-NNNNN.parquet",
    ),
    "not JSON": (lambda f: (f / "manifest.json").write_text("{oops"), "cannot be read"),
}


@pytest.mark.parametrize("case", list(MANIFESTS))
def test_malformed_manifests_raise_storage_errors(small: nl.Corpus, tmp_path: Path, case: str) -> None:
    folder = tmp_path / "run"
    _run(small, folder)
    change, message = MANIFESTS[case]
    change(folder)
    with pytest.raises(StorageError, match=message):
        nl.Analysis.load(folder)


def test_a_rebuilt_article_checks_its_bounds(small: nl.Corpus) -> None:
    analysis = nl.analyze(small, tables=TABLES)
    analysis._tables["articles"].loc[0, "characters"] = 200_000_000
    with pytest.raises(StorageError, match=r"characters=200000000, outside"):
        analysis.article("a")


def test_a_newslab_analysis_folder_from_format_1_is_still_read_and_replaced(small: nl.Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    _run(small, folder)

    def old(manifest: dict[str, Any]) -> None:
        manifest["format_version"] = 1
        for key in ("files", "rows", "run_id"):
            del manifest[key]

    _edit_manifest(old)(folder)
    assert len(nl.Analysis.load(folder).mentions) > 0
    _run(small.subset(["a"]), folder)
    assert len(nl.Analysis.load(folder).articles) == 1


# --------------------------------------------------------------------------- 3. cache entries


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def _set(path: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


CACHE_DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated file": lambda p: p.write_text(p.read_text()[:40]),
    "sentences dropped": lambda p: _set(p, lambda d: d["rows"].__setitem__("sentences", [])),
    "offset past the text": lambda p: _set(p, lambda d: d["rows"]["mentions"][0].__setitem__(5, 10**9)),
    "short row": lambda p: _set(p, lambda d: d["rows"]["mentions"].__setitem__(0, ["a"])),
    "other article's rows": lambda p: _set(p, lambda d: d["rows"]["mentions"][0].__setitem__(0, "zzz")),
    "a table missing": lambda p: _set(p, lambda d: d["rows"].pop("mentions")),
    "not an object": lambda p: p.write_text("[1, 2]"),
}


@pytest.mark.parametrize("case", list(CACHE_DAMAGE))
def test_a_bad_cache_entry_is_discarded_recomputed_and_warned(small: nl.Corpus, tmp_path: Path, case: str) -> None:
    cache = tmp_path / "cache"
    corpus = small.subset(["a"])
    fresh = nl.analyze(corpus, tables=TABLES, cache_dir=cache)
    (entry,) = _entries(cache)
    CACHE_DAMAGE[case](entry)
    with pytest.warns(NewslabWarning, match=r"cache entry .* for article 'a' is damaged"):
        again = nl.analyze(corpus, tables=TABLES, cache_dir=cache)
    pd.testing.assert_frame_equal(again.mentions, fresh.mentions)
    pd.testing.assert_frame_equal(again.sentences, fresh.sentences)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # replaced: the third run trusts it again
        nl.analyze(corpus, tables=TABLES, cache_dir=cache)


def test_load_without_a_manifest_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="no saved analysis"):
        nl.Analysis.load(tmp_path)
    assert issubclass(StorageError, NewslabError)


# --------------------------------------------------------------------------- issue 20 item 4: metadata survives

RECORDS = [
    {"id": "a1", "source": "Outlet A", "event": "summit", "date": "2024-11-29", "wave": 1, "text": "Trump met NATO."},
    {"id": "b1", "source": "Outlet B", "event": "summit", "date": "2024-11-30", "text": "NATO met Trump."},
    {"id": "a2", "source": "Outlet A", "event": "trade", "tags": ["x", "y"], "text": "Trump spoke."},
]


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["memory", "save", "output_dir", "output_dir workers=2"])
def test_every_extra_input_field_is_a_column_of_articles(jsonl: Path, tmp_path: Path, how: str) -> None:
    if how == "memory":
        articles = nl.analyze(jsonl, tables=TABLES).articles
    elif how == "save":
        articles = nl.Analysis.load(nl.analyze(jsonl, tables=TABLES).save(tmp_path / "run")).articles
    else:
        workers = 2 if "workers" in how else 1
        _run(jsonl, tmp_path / "run", workers=workers, chunk_size=1)
        articles = nl.Analysis.load(tmp_path / "run").articles
    assert articles["event"].tolist() == ["summit", "summit", "trade"]
    assert articles["wave"].fillna("").tolist() == ["1", "", ""]
    assert articles["tags"].fillna("").tolist() == ["", "", "x; y"]
    assert articles["date"].tolist() == ["2024-11-29", "2024-11-30", ""]


def test_metadata_reaches_the_report_of_a_saved_analysis(jsonl: Path, tmp_path: Path) -> None:
    from newslab.sections import article_groups

    corpus = nl.Analysis.load(nl.analyze(jsonl, tables=TABLES).save(tmp_path / "run")).corpus()
    assert article_groups(corpus, "event") == {"a1": "summit", "b1": "summit", "a2": "trade"}
    with pytest.raises(ParameterError, match=r"group_by='evnt': no article has a value.*'event'"):
        article_groups(corpus, "evnt")


@pytest.mark.parametrize(
    ("by", "message"), [("evnt", "is not a field of these articles"), ("empty", "is empty for every article")]
)
def test_grouping_by_a_missing_or_empty_column_lists_the_columns(jsonl: Path, by: str, message: str) -> None:
    from newslab.result import group_column

    articles = nl.analyze(jsonl, tables=TABLES).articles.assign(empty="")
    with pytest.raises(ParameterError, match=rf"{message}; fields with values: \[.*'event'"):
        group_column(articles, by)
    assert group_column(articles, "event").tolist() == ["summit", "summit", "trade"]


def test_an_analysis_saved_before_the_metadata_column_still_loads(small: nl.Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    nl.analyze(small, tables=TABLES).save(folder)
    part = folder / "tables" / "articles" / "part-00000.parquet"
    pd.read_parquet(part).drop(columns=["metadata"]).to_parquet(part, index=False)
    _edit_manifest(lambda m: m["files"].__setitem__("tables/articles/part-00000.parquet", part.stat().st_size))(folder)
    loaded = nl.Analysis.load(folder)
    assert loaded.articles["metadata"].tolist() == ["{}"] * 3 and len(loaded.corpus()) == 3


def test_an_older_runs_partial_folder_is_named_as_such_and_kept(small: nl.Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    _run(small, folder)
    (folder / "manifest.json").unlink()  # what a stopped run of newslab before this version left
    before = checksum(tmp_path)
    with pytest.raises(StorageError, match=r"incomplete newslab analysis without its manifest.*delete the folder"):
        _run(small, folder)
    assert checksum(tmp_path) == before


@pytest.mark.parametrize(
    "error", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=["disk full", "Ctrl-C"]
)
def test_a_save_that_fails_midway_leaves_the_previous_analysis(
    small: nl.Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    from newslab import output_folder as storage

    folder = tmp_path / "run"
    _run(small, folder)
    analysis = nl.analyze(small.subset(["a"]), tables=TABLES)
    before = checksum(tmp_path)
    written = []
    real = storage.write_part

    def failing(*args: Any) -> Any:
        if len(written) == 3:
            raise error
        written.append(args[1])
        return real(*args)

    monkeypatch.setattr(storage, "write_part", failing)
    with pytest.raises(type(error)):
        analysis.save(folder)
    assert checksum(tmp_path) == before
    assert len(nl.Analysis.load(folder).articles) == 3


def test_a_stale_or_damaged_handle_still_displays(small: nl.Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    _run(small, folder)
    old = nl.Analysis.load(folder)
    _run(small.subset(["a"]), folder)
    assert "cannot be read" in repr(old) and "load it again" in repr(old)


def test_a_quote_without_a_speaker_survives_save_and_load(tmp_path: Path) -> None:
    # an unattributed quote keeps speaker_start = speaker_end = -1 (the table's documented "no speaker")
    art = nl.Article("u", "", 'Critics disagree. "The radical left is consumed with envy," a banner read on Monday.')
    analysis = nl.analyze(art, tables=["quotes"])
    assert (analysis.quotes["speaker_start"] == -1).any()
    loaded = nl.Analysis.load(analysis.save(tmp_path / "run"))
    assert loaded.quotes["speaker_start"].tolist() == analysis.quotes["speaker_start"].tolist()
