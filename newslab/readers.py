"""Reading article files: decoding, cleaning, and the formats newslab reads.

Text files (``.txt``, ``.md``, ``.html``) hold one article each; JSONL and CSV/TSV files hold
one article per record. Every reader refuses what would silently corrupt an article (binary
data, a wrong encoding, a record whose text swallowed the next one) with a
:class:`~newslab.errors.CorpusError` naming the file, the record and the fix.
:func:`iter_file_articles` reads a JSONL file line by line, so memory does not grow with it.

Example:
    >>> text, tags = clean_text("NATO  met." + chr(0x200B) + 4 * chr(10) + "Trump spoke.")
    >>> text.split(chr(10))
    ['NATO met.', '', 'Trump spoke.']
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import json
import os
import re
import stat
import warnings
from collections.abc import Iterator, Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from newslab.document import Article
from newslab.errors import (
    BinaryInputError,
    CorpusError,
    DecodingError,
    EmptyInputError,
    InputTooLargeError,
    MalformedInputError,
    MissingFieldError,
    MissingInputError,
    NotAFileError,
    UnsupportedFormatError,
)
from newslab.html_text import html_to_text
from newslab.text_cleaning import CONTROL_CHARS, clean_label, clean_meta, clean_text, replace_surrogates

PathArg = str | PathLike[str]

#: Largest single article (in characters) newslab accepts; a larger "article" is
#: almost always a whole corpus in one file and should be split (JSONL or CSV).
MAX_ARTICLE_CHARS = 5_000_000
#: Largest file (in bytes) a loader reads.
MAX_FILE_BYTES = 2_000_000_000

TEXT_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")
SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES


# --------------------------------------------------------------------------- decoding


def _open_regular(path: Path) -> io.BufferedReader:
    """Open a regular file for reading bytes, refusing folders, pipes, devices and sockets first.

    A FIFO would block and ``/dev/zero`` never ends, so the file is opened without waiting
    (``O_NONBLOCK``) and checked with ``fstat`` before anything is read.
    """
    if not path.exists():
        raise MissingInputError(f"{path}: no such file or folder; check the path (relative to {Path.cwd()})")
    if path.is_dir():
        raise CorpusError(f"{path} is a folder; use load_corpus() for folders")
    try:  # O_NONBLOCK: opening a FIFO must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as err:
        raise CorpusError(f"{path}: cannot be read ({err.strerror}); check its permissions") from err
    file = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        file.close()
        raise NotAFileError(
            f"{path} is not a regular file (a pipe, device or socket); save the text to a file and load that"
        )
    return file


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, at most ``MAX_FILE_BYTES`` of them.

    The limit is enforced on the bytes read, not on ``st_size``, which may change while reading.
    """
    with _open_regular(path) as file:
        size = os.fstat(file.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise InputTooLargeError(
                f"{path}: {size:,} bytes is more than newslab reads ({MAX_FILE_BYTES:,}); split it"
            )
        try:
            data = file.read(MAX_FILE_BYTES + 1)
        except OSError as err:
            raise CorpusError(f"{path}: cannot be read ({err.strerror}); check its permissions") from err
    if len(data) > MAX_FILE_BYTES:
        raise InputTooLargeError(f"{path}: more than {MAX_FILE_BYTES:,} bytes, more than newslab reads; split it")
    return data


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with a warning.

    Raises:
        EmptyInputError: If there are no bytes.
        BinaryInputError: If the bytes contain NUL bytes or mostly control characters.
        DecodingError: If the bytes are none of the supported encodings.
    """
    if not data:
        raise EmptyInputError(f"{name} is empty; give it some text or remove it")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise DecodingError(f"{name}: has a UTF-16 byte-order mark but is not valid UTF-16") from err
    if b"\x00" in data[:65536]:
        raise BinaryInputError(f"{name} looks binary (it contains NUL bytes), not text; export it as plain text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        position = err.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise DecodingError(
            f"{name}: not UTF-8 (bad byte at offset {position}) and not cp1252; re-save it as UTF-8"
        ) from err
    warnings.warn(
        f"{name}: not valid UTF-8 (bad byte at offset {position}); read as cp1252 (Windows-1252). "
        "Re-save it as UTF-8 if characters look wrong.",
        UnicodeWarning,
        stacklevel=3,
    )
    return text


def check_text(text: str, name: str) -> None:
    """Refuse text that looks binary (many control characters) or is longer than one article may be."""
    sample = text[:10000]
    controls = len(CONTROL_CHARS.findall(sample))
    if sample and controls / len(sample) > 0.05:
        raise BinaryInputError(f"{name} looks binary ({controls} control characters in its start), not text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputTooLargeError(
            f"{name}: {len(text):,} characters is more than one article may have ({MAX_ARTICLE_CHARS:,}); "
            "split it into one article per record (JSONL or CSV)"
        )


# --------------------------------------------------------------------------- formats

_FRONT_MATTER = re.compile(r"\A---[^\S\n]*\n(.*?)\n---[^\S\n]*(?:\n|\Z)", re.S)
_HEADER_LINE = re.compile(r"^(title|source|date|id|author|url)\s*:\s*(.+)$", re.I)
_HTML_HINT = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body)|</p>|<br\s*/?>|</div>", re.I)


def _article_from_text(raw: str, *, name: str, default_id: str, suffix: str, meta: dict[str, Any]) -> Article:
    fields: dict[str, Any] = {}
    if suffix in (".html", ".htm") or _HTML_HINT.search(raw[:5000]):
        if suffix not in (".html", ".htm"):
            warnings.warn(f"{name} looks like HTML; extracting its visible text", stacklevel=4)
        raw, headline = html_to_text(raw)
        if headline:
            fields["title"] = headline
    front = _FRONT_MATTER.match(raw)
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip() and value.strip():
                fields[key.strip().lower()] = value.strip().strip("\"'")
        raw = raw[front.end() :]
    else:  # "Title: ..." header lines at the very top, ended by a blank line
        head, sep, rest = raw.lstrip().partition("\n\n")
        parsed = [_HEADER_LINE.match(line.strip()) for line in head.splitlines()]
        if sep and parsed and all(parsed):
            for match in parsed:
                assert match is not None
                fields[match.group(1).lower()] = match.group(2).strip()
            raw = rest
    check_text(raw, name)
    raw = replace_surrogates(raw, name)
    text, tags = clean_text(raw)
    if not text:
        raise EmptyInputError(f"{name} has no text (only whitespace or markup); give it some words or remove it")
    title = str(fields.pop("title", ""))
    if not title:
        first = text.split("\n", 1)[0]
        title = first.lstrip("# ").strip()
        if len(title) > 150:  # a paragraph, not a headline
            title = title[:80].rsplit(" ", 1)[0] + " …"
            meta["title_guessed"] = True
    if tags:
        meta["tags"] = tags
    source = str(fields.pop("source", meta.pop("source", "")))
    article_id = clean_label(str(fields.pop("id", default_id))) or clean_label(default_id) or "article"
    meta.update(fields)
    return Article(article_id, clean_label(title), text, clean_label(source), clean_meta(meta))


def _missing(value: Any) -> bool:
    """True for None, NaN (pandas' empty cell) and blank strings."""
    return value is None or (isinstance(value, float) and value != value) or not str(value).strip()


def record_article(record: Mapping[str, Any], *, name: str, number: int, default_id: str) -> Article:
    """An Article from one JSONL/CSV record (``text`` required; ``id``, ``title``, ``source``; the rest metadata)."""
    where = f"{name}, record {number}"
    if "text" not in record:
        raise MissingFieldError(
            f"{where} has no 'text' field (fields: {sorted(record)}); every record needs the article text in 'text'"
        )
    if _missing(record["text"]):
        raise MissingFieldError(f"{where}: the 'text' field is empty; fill it or drop the record")
    if not isinstance(record["text"], str):
        kind = type(record["text"]).__name__
        raise MalformedInputError(f"{where}: 'text' is a {kind}, not a string; give the article text as a string")
    for field in ("id", "title", "source"):
        if isinstance(record.get(field), (list, dict, tuple, set)):
            kind = type(record[field]).__name__
            raise MalformedInputError(f"{where}: {field!r} is a {kind}; give a string")
    raw = record["text"]
    check_text(raw, where)
    shown = "" if _missing(record.get("id")) else f" (article {clean_label(str(record['id']))[:80]!r})"
    raw = replace_surrogates(raw, where + shown)
    text, tags = clean_text(raw)
    meta: dict[str, Any] = {
        k: v for k, v in record.items() if k not in ("text", "id", "title", "source") and not _missing(v)
    }
    if tags:
        meta["tags"] = tags
    meta["path"] = name
    title = "" if _missing(record.get("title")) else clean_label(str(record["title"]))
    article_id = "" if _missing(record.get("id")) else clean_label(str(record["id"]))
    source = "" if _missing(record.get("source")) else clean_label(str(record["source"]))
    title = title or clean_label(text.split("\n", 1)[0][:80])
    return Article(article_id or clean_label(default_id) or default_id, title, text, source, clean_meta(meta))


def _iter_records(path: Path, raw: str) -> Iterator[tuple[int, dict[str, Any]]]:
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return _jsonl_records(path, raw)
    return _csv_records(path, raw)


def _json_record(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise MalformedInputError(f"{path}, line {number}: not valid JSON ({err.msg}); one JSON object a line") from err
    except RecursionError:
        raise MalformedInputError(
            f"{path}, line {number}: JSON nested too deeply to read; flatten the record"
        ) from None
    if not isinstance(record, dict):
        raise MalformedInputError(f"{path}, line {number}: a JSON object with a 'text' field is expected")
    return record


def _jsonl_records(path: Path, raw: str) -> Iterator[tuple[int, dict[str, Any]]]:
    # split on "\n" only: str.splitlines() also splits at U+2028/U+2029, which JSON allows raw inside strings
    for number, line in enumerate(raw.split("\n"), 1):
        if line.strip():
            yield number, _json_record(path, number, line)


def _csv_records(path: Path, raw: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows of a CSV/TSV file as dicts, refusing what would silently corrupt a record.

    Parsing is strict (a stray quote is an error, not a merged field); duplicate column
    names and rows with more fields than the header are refused; a text that holds a line
    shaped like a whole record of its own (the sign of an unclosed quote) gets a warning.
    """
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(MAX_ARTICLE_CHARS + 1)
    reader = csv.reader(io.StringIO(raw), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise EmptyInputError(f"{path} has no header row; the first row must name the columns (text, ...)")
        fieldnames = [f.strip().lower() for f in header]
        duplicates = sorted({f for f in fieldnames if fieldnames.count(f) > 1})
        if duplicates:
            raise MalformedInputError(f"{path}: column(s) {duplicates} appear twice in the header; rename one")
        if "text" not in fieldnames:
            raise MissingFieldError(f"{path} has no 'text' column (columns: {header}); add one")
        row_start, number = reader.line_num + 1, 2
        for row in reader:
            where = f"{path}, record at line {row_start}"
            row_start = reader.line_num + 1
            if not row:
                continue
            if len(row) > len(fieldnames):
                raise MalformedInputError(
                    f"{where}: {len(row)} fields but the header has {len(fieldnames)}; "
                    "quote fields that contain the delimiter"
                )
            values: list[str | None] = [*row, *[None] * (len(fieldnames) - len(row))]  # short row: None, as DictReader
            record: dict[str, Any] = dict(zip(fieldnames, values, strict=True))
            _check_swallowed(record, fieldnames, delimiter, where)
            yield number, record
            number += 1
    except csv.Error as err:
        raise MalformedInputError(
            f"{path}, record at line {reader.line_num}: malformed CSV ({err}); a quoted field must end with "
            'a quote right before the delimiter or line end, and quotes inside it are doubled ("")'
        ) from err


def _id_shape(value: str) -> str:
    return re.sub(r"[^\W\d_]+", "a", re.sub(r"\d+", "0", value))


def _check_swallowed(record: Mapping[str, str], fieldnames: list[str], delimiter: str, where: str) -> None:
    """Warn about a text with a line shaped like a whole record: an unclosed quote swallowed it.

    Checked only when the file starts with an ``id`` column: the suspect line starts with a
    value shaped like this record's id (``doc-12`` and ``doc-13``), then the delimiter, and has
    as many fields as the header. It is a warning, not an error: a paragraph can look like that.
    """
    text = record.get("text") or ""
    if "\n" not in text or fieldnames[0] != "id" or len(fieldnames) < 2:
        return
    shape = _id_shape((record.get("id") or "").strip())
    for line in text.split("\n")[1:]:
        first, sep, _ = line.partition(delimiter)
        if sep and first and _id_shape(first) == shape and line.count(delimiter) == len(fieldnames) - 1:
            warnings.warn(
                f"{where}: its text holds a line that looks like a record of its own ({line[:60]!r}); "
                "if a quote is not closed, close it",
                stacklevel=5,
            )
            return


def load_article(
    path: PathArg,
    *,
    id: str | None = None,  # noqa: A002
    title: str | None = None,
    source: str | None = None,
) -> Article:
    """Load one ``.txt``, ``.md`` or ``.html`` file as an article.

    The title is, in order: the ``title`` argument, a ``title:`` field in YAML-style front
    matter (``---`` lines) or in ``Title:`` header lines at the top, the HTML headline, or
    the first non-empty line. The id defaults to the file name without its extension.

    Args:
        path: The file.
        id: Article id (default: file stem).
        title: Title (default: from the file as above).
        source: Source description (default: from the file, else "").

    Raises:
        NewslabError: A subclass naming the file and the fix, for a missing, empty,
            binary, undecodable, oversized or unsupported file.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
        >>> _ = p.write_text("Rutte in Florida\\n\\nRutte met Trump.", encoding="utf-8")
        >>> art = load_article(p)
        >>> art.id, art.title, len(art.sentences)
        ('note', 'Rutte in Florida', 2)
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if path.exists() and suffix not in TEXT_SUFFIXES:
        hint = " use load_corpus() for JSONL/CSV" if suffix in TABLE_SUFFIXES else ""
        raise UnsupportedFormatError(
            f"{path}: load_article reads {', '.join(TEXT_SUFFIXES)} files;{hint or ' convert it to .txt'}"
        )
    raw = decode_bytes(read_bytes(path), str(path))
    meta: dict[str, Any] = {"path": str(path)}
    article = _article_from_text(raw, name=str(path), default_id=path.stem, suffix=suffix, meta=meta)
    if id is not None or title is not None or source is not None:
        article = dataclasses.replace(
            article,
            id=id if id is not None else article.id,
            title=title if title is not None else article.title,
            source=source if source is not None else article.source,
        )
    return article


def load_file(path: Path) -> list[Article]:
    """Every article of one file, read whole (a text file holds one, a JSONL/CSV file one per record)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [load_article(path)]
    if suffix in TABLE_SUFFIXES:
        raw = decode_bytes(read_bytes(path), str(path))
        check_text(raw[:10000], str(path))
        articles = [
            record_article(record, name=str(path), number=number, default_id=f"{path.stem}-{number}")
            for number, record in _iter_records(path, raw)
        ]
        if not articles:
            raise EmptyInputError(f"{path} has no records; add one article per line/row")
        return articles
    raise UnsupportedFormatError(
        f"{path}: unsupported file type {suffix or '(no extension)'!r}; newslab reads {', '.join(SUFFIXES)}"
    )


def _decode_line(data: bytes, path: Path, number: int, warned: list[bool]) -> str:
    """One JSONL line as text: UTF-8, else cp1252 (with one warning per file)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        position = err.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise DecodingError(f"{path}, line {number}: not UTF-8 and not cp1252; re-save the file as UTF-8") from err
    if not warned:
        warned.append(True)
        warnings.warn(
            f"{path}, line {number}: not valid UTF-8 (bad byte at offset {position} of the line); read as cp1252 "
            "(Windows-1252). Re-save the file as UTF-8 if characters look wrong.",
            UnicodeWarning,
            stacklevel=4,
        )
    return text


def iter_file_articles(path: Path, *, strict: bool = False) -> Iterator[Article]:
    """The articles of one file; a JSONL file is read line by line, so memory stays flat with its size.

    Text and CSV/TSV files are read whole (a CSV field may span lines), as :func:`load_file`
    does, and so is a UTF-16 JSONL file. In a JSONL file read line by line, a record that
    cannot be read is skipped with a warning naming the file and line (``strict=True``: the
    error is raised), and the records around it are kept; a line that is not UTF-8 is read as
    cp1252 with a warning.

    Raises:
        CorpusError: For a file that cannot be read at all (missing, binary, empty, too large).

    Example:
        >>> import tempfile, pathlib, warnings
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
        >>> _ = path.write_text('{"id": "x", "text": "NATO met."}\\n{"id": 5}\\n{"text": "Trump spoke."}\\n')
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     [a.id for a in iter_file_articles(path)], len(caught)
        (['x', 'a-3'], 1)
    """
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        yield from load_file(path)
        return
    with _open_regular(path) as file:
        head = file.peek(65536)[:65536]
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            utf16 = True
        else:
            utf16 = False
            if not head:
                raise EmptyInputError(f"{path} is empty; give it some text or remove it")
            if b"\x00" in head:
                raise BinaryInputError(
                    f"{path} looks binary (it contains NUL bytes), not text; export it as plain text"
                )
            check_text(head.decode("utf-8", "replace")[:10000], str(path))
            yield from _stream_records(file, path, strict)
    if utf16:
        yield from load_file(path)


def _stream_records(file: io.BufferedReader, path: Path, strict: bool) -> Iterator[Article]:
    warned: list[bool] = []
    count = read = 0
    for number, data in enumerate(file, 1):  # a binary file splits on b"\n" only, as the whole-file reader does
        read += len(data)
        if read > MAX_FILE_BYTES:
            raise InputTooLargeError(f"{path}: more than {MAX_FILE_BYTES:,} bytes, more than newslab reads; split it")
        if number == 1:
            data = data.removeprefix(codecs.BOM_UTF8)
        if not data.strip():
            continue
        try:
            record = _json_record(path, number, _decode_line(data, path, number, warned))
            article = record_article(record, name=str(path), number=number, default_id=f"{path.stem}-{number}")
        except CorpusError as err:
            if strict:
                raise
            warnings.warn(f"skipped {err}", stacklevel=3)
            continue
        count += 1
        yield article
    if not count:
        raise EmptyInputError(f"{path} has no records; add one article per line/row")
