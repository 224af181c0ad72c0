"""Articles and corpora: loading, cleaning and the bundled seed articles.

An :class:`Article` holds the cleaned text; every character offset newslab reports
(sentences, words, mentions, quotes) refers to ``Article.text``. Cleaning never changes
a word: it normalizes line ends and spacing, drops zero-width and control characters,
collapses runs of blank lines into one paragraph break, and moves a trailing bullet list
of topic tags (page furniture) into ``metadata["tags"]``.

Example:
    >>> import newslab as nl
    >>> corpus = nl.load_seed_corpus()
    >>> corpus.ids
    ['es-daily', 'de-dpa']
    >>> art = corpus["de-dpa"]
    >>> art.sentences[1].text
    'Donald Trump’s second term in office is viewed with concern by many NATO allies.'
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import html
import html.parser
import io
import json
import logging
import os
import re
import stat
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar

from newslab.document import Article, Document, Sentence, Token, parse
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
    ParameterError,
    UnknownArticleError,
    UnsupportedFormatError,
)
from newslab.lexicons import data_path

logger = logging.getLogger(__name__)

#: Largest single article (in characters) newslab accepts; a larger "article" is
#: almost always a whole corpus in one file and should be split (JSONL or CSV).
MAX_ARTICLE_CHARS = 5_000_000
#: From this many files on, load_corpus shows a progress bar by default.
PROGRESS_THRESHOLD = 200
#: Largest file (in bytes) a loader reads.
MAX_FILE_BYTES = 2_000_000_000

TEXT_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")
SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES

PathArg = str | PathLike[str]


class Corpus(Sequence[Article]):
    """An ordered collection of articles, indexable by position or by id.

    Attributes:
        skipped: ``(path, message)`` for inputs that failed to load (non-strict loading).

    Example:
        >>> c = Corpus([Article("a", "A", "One."), Article("b", "B", "Two.")])
        >>> c["b"].text, c[0].id, len(c)
        ('Two.', 'a', 2)
    """

    def __init__(self, articles: Iterable[Article] = (), *, skipped: Iterable[tuple[str, str]] = ()) -> None:
        """Build a corpus; article ids must be unique."""
        self._articles = list(articles)
        self._by_id: dict[str, Article] = {}
        for art in self._articles:
            if not isinstance(art, Article):
                raise CorpusError(f"a Corpus holds Article objects, got {type(art).__name__}")
            if art.id in self._by_id:
                raise CorpusError(f"duplicate article id {art.id!r}; ids must be unique in a corpus")
            self._by_id[art.id] = art
        self.skipped: list[tuple[str, str]] = list(skipped)

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._articles

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise UnknownArticleError(f"no article {key!r}; ids: {self.ids}") from None
        if isinstance(key, slice):
            return Corpus(self._articles[key])
        try:
            return self._articles[key]
        except IndexError:
            raise UnknownArticleError(f"no article at position {key}; the corpus has {len(self)}") from None
        except TypeError:
            raise UnknownArticleError(f"index a corpus by id or position, not {type(key).__name__}") from None

    @property
    def ids(self) -> list[str]:
        """Article ids in corpus order."""
        return [a.id for a in self._articles]

    def subset(self, ids: Iterable[str]) -> Corpus:
        """A new corpus with the given article ids, in the order given."""
        return Corpus(self[i] for i in ids)

    @classmethod
    def from_texts(cls, texts: Mapping[str, str] | Iterable[str], *, source: str = "") -> Corpus:
        """Build a corpus from strings: a mapping ``id -> text`` or a list (ids ``doc-1``, ...).

        Texts are cleaned like files; the first line of each text is its title.

        Example:
            >>> Corpus.from_texts({"a": "NATO met.", "b": "Trump spoke. Rutte listened."}).ids
            ['a', 'b']
        """
        items = texts.items() if isinstance(texts, Mapping) else ((f"doc-{i}", t) for i, t in enumerate(texts, 1))
        articles = []
        for article_id, raw in items:
            if not isinstance(raw, str):
                raise EmptyInputError(f"text {article_id!r} is {type(raw).__name__}, not a string")
            _check_text(raw, f"text {article_id!r}")
            text, tags = clean_text(raw)
            meta: dict[str, Any] = {"tags": tags} if tags else {}
            articles.append(Article(str(article_id), text.split("\n", 1)[0][:80], text, source, meta))
        if not articles:
            raise EmptyInputError("Corpus.from_texts() got no texts")
        return cls(articles)

    @classmethod
    def from_frame(cls, frame: Any, *, text: str = "text", id: str | None = "id") -> Corpus:  # noqa: A002
        """Build a corpus from a pandas DataFrame with one article per row.

        Args:
            frame: The DataFrame.
            text: Column holding the article text.
            id: Column holding unique ids (default ``"id"``; missing column: ``row-<n>``).
                ``title``, ``source`` and ``date`` columns are used when present; other
                columns go to ``metadata``.

        Example:
            >>> import pandas as pd
            >>> df = pd.DataFrame({"id": ["x"], "text": ["NATO met."], "outlet": ["Wire"]})
            >>> Corpus.from_frame(df)["x"].metadata["outlet"]
            'Wire'
        """
        if not hasattr(frame, "columns") or not hasattr(frame, "to_dict"):
            kind = type(frame).__name__
            raise CorpusError(f"Corpus.from_frame() takes a pandas DataFrame, got {kind}; for strings use from_texts()")
        if text not in frame.columns:
            raise MissingFieldError(f"DataFrame has no {text!r} column (columns: {list(frame.columns)})")
        records = frame.rename(columns={text: "text", **({id: "id"} if id and id in frame.columns else {})})
        articles = [
            _record_article(record, name="DataFrame", number=number, default_id=f"row-{number}")
            for number, record in enumerate(records.to_dict("records"))
        ]
        for art in articles:
            if isinstance(art.metadata, dict):
                art.metadata.pop("path", None)
        return cls(_unique_ids(articles))

    def __repr__(self) -> str:
        return f"Corpus({len(self)} articles: {', '.join(self.ids[:5])}{', ...' if len(self) > 5 else ''})"

    def to_frame(self) -> Any:
        """One row per article: id, title, source, date, sentences, words, characters."""
        import pandas as pd

        rows = []
        for a in self._articles:
            doc = parse(a)
            words = sum(doc.n_words(i) for i in range(len(doc.sentences)))
            rows.append(
                {"article_id": a.id, "title": a.title, "source": a.source, "date": a.date,
                 "sentences": len(doc.sentences), "words": words, "characters": len(a.text)}
            )  # fmt: skip
        return pd.DataFrame(rows, columns=["article_id", "title", "source", "date", "sentences", "words", "characters"])


def as_articles(corpus: Corpus | Article | Iterable[Article] | str) -> list[Article]:
    """Normalize the ``corpus`` argument every analysis function accepts to a list of articles.

    A Corpus, an Article, or an iterable of Articles; a plain string becomes one article
    with id ``"text"``.

    Raises:
        CorpusError: For anything else, naming what was given.

    Example:
        >>> [a.id for a in as_articles("Trump spoke.")]
        ['text']
    """
    if isinstance(corpus, Article):
        return [corpus]
    if isinstance(corpus, str):
        return [Article("text", "", corpus)]
    if isinstance(corpus, (bytes, bytearray)):
        raise CorpusError("got bytes; decode them first (e.g. data.decode('utf-8')) or use nl.load_corpus(path)")
    try:
        articles = list(corpus)
    except TypeError:
        raise CorpusError(f"expected a Corpus, an Article or a list of articles, got {type(corpus).__name__}") from None
    for art in articles:
        if not isinstance(art, Article):
            raise CorpusError(f"expected Article objects, got {type(art).__name__}; use nl.Corpus.from_texts(...)")
    return articles


def sentence_table(corpus: Corpus | Article) -> Any:
    """One row per sentence: article_id, sentence_id, start, end, text, n_words.

    Example:
        >>> import newslab as nl
        >>> nl.sentence_table(nl.load_seed_corpus()).groupby("article_id").size().to_dict()
        {'de-dpa': 22, 'es-daily': 20}
    """
    import pandas as pd

    articles = as_articles(corpus)
    rows: list[tuple[str, int, int, int, str, int]] = []
    for art in articles:
        doc = parse(art)
        rows.extend((art.id, s.index, s.start, s.end, s.text, doc.n_words(s.index)) for s in doc.sentences)
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "text", "n_words"])


# --------------------------------------------------------------------------- cleaning

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TAG_LINE = re.compile(r"^[•·▪‣◦●○■□►▸*\-–]\s*(.+)$")


def clean_text(text: str) -> tuple[str, list[str]]:
    """Clean ``text`` without changing its words; return it and any trailing tag list.

    Line ends become ``\\n``; spaces, tabs and no-break spaces inside a line become one
    space; lines are stripped; runs of blank lines become one blank line (a paragraph
    break); zero-width, soft-hyphen and control characters are dropped. A trailing block
    of two or more short bullet lines (topic tags) is removed and returned.

    Example:
        >>> clean_text("Title\\n\\n\\n\\nBody  text.\\n\\n • NATO\\n\\n • USA")
        ('Title\\n\\nBody text.', ['NATO', 'USA'])
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    tags: list[str] = []
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    cut = end
    candidates: list[str] = []
    while cut:
        line = lines[cut - 1]
        match = _TAG_LINE.match(line)
        if match and len(line.split()) <= 8 and not line.endswith((".", "!", "?")):
            candidates.append(match.group(1).strip())
        elif line:
            break
        cut -= 1
    if len(candidates) >= 2:
        tags = candidates[::-1]
        end = cut
    cleaned = _BLANK_RUNS.sub("\n\n", "\n".join(lines[:end])).strip()
    return cleaned, tags


# --------------------------------------------------------------------------- decoding


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, at most ``MAX_FILE_BYTES`` of them.

    A pipe, device or socket (also behind a symlink) is refused before it is read: a FIFO
    would block, ``/dev/zero`` never ends. The limit is enforced on the bytes read, not on
    ``st_size``, which is 0 for devices and may change while reading.
    """
    if not path.exists():
        raise MissingInputError(f"{path}: no such file or folder; check the path (relative to {Path.cwd()})")
    if path.is_dir():
        raise CorpusError(f"{path} is a folder; use load_corpus() for folders")
    try:  # O_NONBLOCK: opening a FIFO must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as err:
        raise CorpusError(f"{path}: cannot be read ({err.strerror}); check its permissions") from err
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(
                f"{path} is not a regular file (a pipe, device or socket); save the text to a file and load that"
            )
        if info.st_size > MAX_FILE_BYTES:
            raise InputTooLargeError(
                f"{path}: {info.st_size:,} bytes is more than newslab reads ({MAX_FILE_BYTES:,}); split it"
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


def _check_text(text: str, name: str) -> None:
    sample = text[:10000]
    controls = len(_CONTROL.findall(sample))
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


class _HTMLText(html.parser.HTMLParser):
    """Collect visible text of an HTML page, paragraphs separated by blank lines."""

    BLOCK = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "ul",
            "ol",
        ]
    )
    SKIP = frozenset(["script", "style", "noscript", "template", "nav", "aside"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False
        self._h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self._in_h1 = True
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)
            if self._in_h1:
                self._h1.append(data)

    @property
    def headline(self) -> str:
        return " ".join("".join(self._h1).split()) or " ".join(self.title.split())


def _html_to_text(raw: str) -> tuple[str, str]:
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    return html.unescape("".join(parser.parts)), parser.headline


def _article_from_text(raw: str, *, name: str, default_id: str, suffix: str, meta: dict[str, Any]) -> Article:
    fields: dict[str, Any] = {}
    if suffix in (".html", ".htm") or _HTML_HINT.search(raw[:5000]):
        if suffix not in (".html", ".htm"):
            warnings.warn(f"{name} looks like HTML; extracting its visible text", stacklevel=4)
        raw, headline = _html_to_text(raw)
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
    _check_text(raw, name)
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
    article_id = str(fields.pop("id", default_id))
    meta.update(fields)
    return Article(article_id, title, text, source, meta)


def _missing(value: Any) -> bool:
    """True for None, NaN (pandas' empty cell) and blank strings."""
    return value is None or (isinstance(value, float) and value != value) or not str(value).strip()


def _record_article(record: Mapping[str, Any], *, name: str, number: int, default_id: str) -> Article:
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
    _check_text(raw, where)
    text, tags = clean_text(raw)
    meta: dict[str, Any] = {
        k: v for k, v in record.items() if k not in ("text", "id", "title", "source") and not _missing(v)
    }
    if tags:
        meta["tags"] = tags
    meta["path"] = name
    title = "" if _missing(record.get("title")) else str(record["title"]).strip()
    article_id = "" if _missing(record.get("id")) else str(record["id"]).strip()
    source = "" if _missing(record.get("source")) else str(record["source"]).strip()
    return Article(article_id or default_id, title or text.split("\n", 1)[0][:80], text, source, meta)


def _iter_records(path: Path, raw: str) -> Iterator[tuple[int, dict[str, Any]]]:
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return _jsonl_records(path, raw)
    return _csv_records(path, raw)


def _jsonl_records(path: Path, raw: str) -> Iterator[tuple[int, dict[str, Any]]]:
    # split on "\n" only: str.splitlines() also splits at U+2028/U+2029, which JSON allows raw inside strings
    for number, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise MalformedInputError(
                f"{path}, line {number}: not valid JSON ({err.msg}); one JSON object a line"
            ) from err
        except RecursionError:
            raise MalformedInputError(
                f"{path}, line {number}: JSON nested too deeply to read; flatten the record"
            ) from None
        if not isinstance(record, dict):
            raise MalformedInputError(f"{path}, line {number}: a JSON object with a 'text' field is expected")
        yield number, record


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
    raw = decode_bytes(_read_bytes(path), str(path))
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


def _load_file(path: Path) -> list[Article]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [load_article(path)]
    if suffix in TABLE_SUFFIXES:
        raw = decode_bytes(_read_bytes(path), str(path))
        _check_text(raw[:10000], str(path))
        articles = [
            _record_article(record, name=str(path), number=number, default_id=f"{path.stem}-{number}")
            for number, record in _iter_records(path, raw)
        ]
        if not articles:
            raise EmptyInputError(f"{path} has no records; add one article per line/row")
        return articles
    raise UnsupportedFormatError(
        f"{path}: unsupported file type {suffix or '(no extension)'!r}; newslab reads {', '.join(SUFFIXES)}"
    )


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Articles with unique ids: a repeated id gets ``-2``, ``-3``, ... (with a warning).

    A new id never takes an id that any article already has, wherever it stands: with
    ``a, a, a-2`` the second ``a`` becomes ``a-3`` and the user's own ``a-2`` stays.

    Example:
        >>> import warnings
        >>> arts = [Article(i, "", "Text.") for i in ("a", "a", "a-2")]
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     [a.id for a in _unique_ids(arts)]
        ['a', 'a-3', 'a-2']
    """
    taken = {art.id for art in articles}
    seen: set[str] = set()
    counters: dict[str, int] = {}
    result = []
    for art in articles:
        if art.id in seen:
            number = counters.get(art.id, 1)
            new_id = art.id
            while new_id in taken:
                number += 1
                new_id = f"{art.id}-{number}"
            counters[art.id] = number
            taken.add(new_id)
            warnings.warn(f"duplicate article id {art.id!r}; renamed to {new_id!r}", stacklevel=3)
            art = dataclasses.replace(art, id=new_id)
        seen.add(art.id)
        result.append(art)
    return result


_T = TypeVar("_T")


def progress_bar(items: Sequence[_T], progress: bool | None, label: str, unit: str = "article") -> Iterable[_T]:
    """``items``, wrapped in a tqdm progress bar when that helps.

    ``progress=True`` always shows a bar, ``False`` never. ``None`` (the default of every
    corpus-level function) shows one from ``PROGRESS_THRESHOLD`` items on, unless the
    environment variable ``NEWSLAB_PROGRESS`` is ``0`` (the report runner sets it, so that
    bars do not end up in a report).

    Raises:
        ParameterError: If ``progress`` is not True, False or None.

    Example:
        >>> list(progress_bar([1, 2], None, "demo"))  # two items: no bar
        [1, 2]
    """
    if progress is not None and not isinstance(progress, bool):
        raise ParameterError(f"progress={progress!r}; valid: True, False or None (automatic)")
    if progress is False:
        return items
    if progress is None and (len(items) < PROGRESS_THRESHOLD or os.environ.get("NEWSLAB_PROGRESS") == "0"):
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=label, unit=unit)


def _folder_files(root: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files with a known extension under ``root`` (sorted), and the subfolders that could not be read.

    Walks with an explicit stack, so any depth works. Hidden files and folders are left out,
    and so are symlinks to folders (no loops); symlinks to files count, pipes and devices do not.
    """
    found: list[Path] = []
    unreadable: list[tuple[str, str]] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listing = [(entry.name, entry.is_dir(follow_symlinks=False), entry.is_file()) for entry in entries]
        except OSError as err:
            unreadable.append((str(folder), f"{folder}: folder cannot be read ({err.strerror}); check its permissions"))
            continue
        for name, is_dir, is_file in listing:
            if name.startswith("."):
                continue
            if is_dir:
                stack.append(folder / name)
            elif is_file and Path(name).suffix.lower() in SUFFIXES:
                found.append(folder / name)
    return sorted(found), unreadable


def load_corpus(paths: PathArg | Iterable[PathArg], *, strict: bool = False, progress: bool | None = None) -> Corpus:
    """Load a corpus from a file, a list of files, or a folder (read recursively, sorted).

    Text files (``.txt``, ``.md``, ``.html``) give one article each; ``.jsonl`` and
    ``.csv``/``.tsv`` give one article per record, with a ``text`` field and optional
    ``id``, ``title``, ``source``, ``date`` (other fields go to ``metadata``). Files in a
    folder with other extensions, and hidden files, are ignored.

    Args:
        paths: A path, or an iterable of paths, to files or folders.
        strict: If True, the first bad file raises; if False (default), bad files are
            skipped with a warning and listed in ``Corpus.skipped``, unless all fail.
        progress: Show a progress bar; ``None`` (default) shows one from
            ``PROGRESS_THRESHOLD`` files on.

    Raises:
        NewslabError: For a missing path, or (strict) any bad file, or when nothing loads.

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("A title\\n\\nNATO met.", encoding="utf-8")
        >>> _ = (folder / "b.txt").write_bytes(b"")
        >>> corpus = load_corpus(folder)  # doctest: +SKIP
        >>> corpus.ids, len(corpus.skipped)  # doctest: +SKIP
        (['a'], 1)
    """
    if isinstance(paths, (str, PathLike)):
        items: list[Any] = [paths]
    else:
        try:
            items = list(paths)
        except TypeError:
            raise CorpusError(f"load_corpus() takes a path or a list of paths, got {type(paths).__name__}") from None
        bad = [p for p in items if not isinstance(p, (str, PathLike))]
        if bad:
            raise CorpusError(f"load_corpus() takes paths; got {type(bad[0]).__name__} {bad[0]!r}")
    if not items:
        raise EmptyInputError("load_corpus() got no paths; pass a file, a folder or a list of files")
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for item in items:
        path = Path(item)
        if not path.exists():
            raise MissingInputError(f"{path}: no such file or folder; check the path (relative to {Path.cwd()})")
        if path.is_dir():
            found, unreadable = _folder_files(path)
            for folder, message in unreadable:
                if strict:
                    raise CorpusError(message)
                skipped.append((folder, message))
                warnings.warn(f"skipped {message}", stacklevel=2)
            if not found:
                raise EmptyInputError(f"{path}: folder has no readable {', '.join(SUFFIXES)} files")
            files.extend(found)
        else:
            files.append(path)
    articles: list[Article] = []
    for path in progress_bar(files, progress, "loading", unit="file"):
        try:
            articles.extend(_load_file(path))
        except CorpusError as err:
            if strict or len(files) == 1:
                raise
            skipped.append((str(path), str(err)))
            warnings.warn(f"skipped {err}", stacklevel=2)
    if not articles:
        details = "; ".join(message for _, message in skipped)
        raise EmptyInputError(f"no article could be loaded from {len(files)} file(s): {details}")
    return Corpus(_unique_ids(articles), skipped=skipped)


def iter_articles(paths: PathArg | Iterable[PathArg], *, strict: bool = False) -> Iterator[Article]:
    """Articles from files or folders, read lazily one file at a time (for corpora that do not fit in memory).

    Reads what :func:`load_corpus` reads, in the same order, but holds only one file's
    articles at a time. Bad files are skipped with a warning (``strict=True``: raised).
    Article ids are made unique as they come (a repeated id gets ``-2``, ``-3``, ... with a
    warning, never an id seen before).

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> record = '{"id": "x", "text": "NATO met."}'
        >>> _ = (folder / "a.jsonl").write_text(record + "\\n" + record.replace("NATO met", "Trump spoke"))
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     [a.id for a in iter_articles(folder)]
        ['x', 'x-2']
    """
    items: list[Any] = [paths] if isinstance(paths, (str, PathLike)) else list(paths)
    if not items:
        raise EmptyInputError("iter_articles() got no paths; pass a file, a folder or a list of files")
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, (str, PathLike)):
            raise CorpusError(f"iter_articles() takes paths; got {type(item).__name__} {item!r}")
        path = Path(item)
        if not path.exists():
            raise MissingInputError(f"{path}: no such file or folder; check the path (relative to {Path.cwd()})")
        files = [path]
        if path.is_dir():
            files, unreadable = _folder_files(path)
            for _, message in unreadable:
                if strict:
                    raise CorpusError(message)
                warnings.warn(f"skipped {message}", stacklevel=2)
        for file in files:
            try:
                articles = _load_file(file)
            except CorpusError as err:
                if strict:
                    raise
                warnings.warn(f"skipped {err}", stacklevel=2)
                continue
            for art in articles:
                if art.id in seen:
                    n = 2
                    while f"{art.id}-{n}" in seen:
                        n += 1
                    warnings.warn(f"duplicate article id {art.id!r}; renamed to {art.id}-{n!s}", stacklevel=2)
                    art = dataclasses.replace(art, id=f"{art.id}-{n}")
                seen.add(art.id)
                yield art


def load_seed_corpus() -> Corpus:
    """The two bundled articles about Mark Rutte meeting Donald Trump (Florida, Nov 2024).

    ``es-daily`` was translated into English from a Spanish daily; it has no headline and
    is cut off at both ends (kept as is; its title is supplied in the metadata).
    ``de-dpa`` was translated from a German outlet quoting the German Press Agency; its
    trailing topic tags are in ``metadata["tags"]``.

    Example:
        >>> corpus = load_seed_corpus()
        >>> [len(a.sentences) for a in corpus]
        [20, 22]
    """
    manifest = json.loads(data_path("seeds/seeds.json").read_text(encoding="utf-8"))
    articles = []
    for entry in manifest["articles"]:
        raw = data_path(f"seeds/{entry['file']}").read_text(encoding="utf-8")
        text, tags = clean_text(raw)
        meta = {k: v for k, v in entry.items() if k not in ("id", "title", "source")}
        if tags:
            meta["tags"] = tags
        articles.append(Article(entry["id"], entry["title"], text, entry["source"], meta))
    return Corpus(articles)


__all__ = [
    "Article",
    "Corpus",
    "Document",
    "Sentence",
    "Token",
    "as_articles",
    "clean_text",
    "decode_bytes",
    "iter_articles",
    "load_article",
    "load_corpus",
    "load_seed_corpus",
    "parse",
    "sentence_table",
]
