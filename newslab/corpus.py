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

import dataclasses
import json
import logging
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar

from newslab.document import Article, Document, Sentence, Token, parse
from newslab.errors import (
    CorpusError,
    EmptyInputError,
    MissingFieldError,
    MissingInputError,
    NewslabWarning,
    ParameterError,
    UnknownArticleError,
)
from newslab.lexicons import data_path
from newslab.readers import (
    SUFFIXES,
    PathArg,
    check_text,
    decode_bytes,
    iter_file_articles,
    load_article,
    load_file,
    record_article,
)
from newslab.text_cleaning import CONTROL_CHARS, clean_label, clean_text, replace_surrogates

logger = logging.getLogger(__name__)

#: From this many files on, load_corpus shows a progress bar by default.
PROGRESS_THRESHOLD = 200


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
            check_text(raw, f"text {article_id!r}")
            text, tags = clean_text(replace_surrogates(raw, f"text {article_id!r}"))
            meta: dict[str, Any] = {"tags": tags} if tags else {}
            title = clean_label(text.split("\n", 1)[0][:80])
            articles.append(Article(clean_label(str(article_id)) or str(article_id), title, text, source, meta))
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
            record_article(record, name="DataFrame", number=number, default_id=f"row-{number}")
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


def looks_like_path(text: str) -> bool:
    """Whether a string reads as a path, not as text.

    A path is one line that ends in a path separator, starts with ``~``, ``./``, ``../`` or
    ``/``, or ends in an extension newslab reads (``.txt``, ``.jsonl``, ...).

    Example:
        >>> [looks_like_path(s) for s in ["my_articles/", "~/corpus", "notes.jsonl", "Trump spoke.", "NATO"]]
        [True, True, True, False, False]
    """
    if not text or "\n" in text or len(text) > 4096:
        return False
    stripped = text.strip()
    if stripped.endswith(("/", os.sep)) or stripped.startswith(("~", "./", "../", "/", ".\\", "..\\")):
        return True
    return Path(stripped).suffix.lower() in SUFFIXES


def path_argument(text: str) -> Path | None:
    """The path a string argument names (``~`` expanded), or ``None`` when the string is raw text.

    A string that names an existing file or folder is that path. One that looks like a path
    (:func:`looks_like_path`) but does not exist is an error, never analysed as text.

    Raises:
        MissingInputError: For a path-looking string that does not exist, with the fix.

    Example:
        >>> path_argument("Trump met NATO chief Mark Rutte.") is None
        True
        >>> try:
        ...     path_argument("~/no-such-folder-here/")
        ... except MissingInputError as err:
        ...     print(str(err).split(";")[0].endswith("no such file or folder"))
        True
    """
    if "\n" in text or len(text) > 4096 or "\x00" in text:
        return None
    path = Path(text.strip()).expanduser()
    try:
        if text.strip() and path.exists():
            return path
    except (OSError, ValueError):  # a name too long or with bad bytes: text
        return None
    if looks_like_path(text):
        raise MissingInputError(
            f"{text!r} ({path}): no such file or folder; check the path (relative to {Path.cwd()}), or pass "
            "raw text explicitly as nl.Article('id', 'title', text) or nl.Corpus.from_texts([text])"
        )
    return None


def as_articles(corpus: Corpus | Article | Iterable[Article] | str) -> list[Article]:
    """Normalize the ``corpus`` argument every analysis function accepts to a list of articles.

    A Corpus, an Article, or an iterable of Articles; a path (or a string naming an existing
    file or folder, ``~`` expanded) is loaded; any other plain string becomes one article
    with id ``"text"``, unless it looks like a path (:func:`path_argument`).

    Raises:
        MissingInputError: For a path-looking string that does not exist.
        CorpusError: For anything else, naming what was given.

    Example:
        >>> [a.id for a in as_articles("Trump spoke.")]
        ['text']
    """
    if isinstance(corpus, Article):
        return [displayable(corpus)]
    if isinstance(corpus, PathLike):
        return list(load_corpus(corpus))
    if isinstance(corpus, str):
        path = path_argument(corpus)
        if path is not None:
            return list(load_corpus(path))
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
    return [displayable(a) for a in articles]


def displayable(art: Article) -> Article:
    """``art`` with lone surrogates and control characters replaced and its id, title and source cleaned, else itself.

    Each replacement comes with a warning naming the article; the text keeps its length, so offsets stay valid.

    Example:
        >>> displayable(Article("a", "T", "x")).id
        'a'
    """
    text = replace_surrogates(art.text, f"article {clean_label(art.id)!r}")
    if CONTROL_CHARS.search(text):  # NUL and other control characters: a space each, so offsets stay
        warnings.warn(
            f"article {clean_label(art.id)!r}: control characters (such as NUL) in the text are read as spaces",
            NewslabWarning,
            stacklevel=3,
        )
        text = CONTROL_CHARS.sub(" ", text)
    labels = {"id": clean_label(art.id), "title": clean_label(art.title), "source": clean_label(art.source)}
    changed = {k: v for k, v in labels.items() if v != getattr(art, k)}
    if changed and labels["id"] != art.id:
        warnings.warn(
            f"article id {art.id!r} holds control, bidi or zero-width characters; it is used as {labels['id']!r}",
            NewslabWarning,
            stacklevel=3,
        )
    if text is art.text and not changed:
        return art
    return dataclasses.replace(art, text=text, id=labels["id"], title=labels["title"], source=labels["source"])


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
        path = Path(item).expanduser()
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
            articles.extend(load_file(path))
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
    """Articles from files or folders, read lazily (for corpora that do not fit in memory).

    Reads what :func:`load_corpus` reads, in the same order, but holds only one file's
    articles at a time, and of a JSONL file only one line (see
    :func:`newslab.readers.iter_file_articles`). Bad files are skipped with a warning
    (``strict=True``: raised); in a JSONL file only the bad record is skipped.
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
        path = Path(item).expanduser()
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
                for art in iter_file_articles(file, strict=strict):
                    yield _unseen(art, seen)
            except CorpusError as err:
                if strict:
                    raise
                warnings.warn(f"skipped {err}", stacklevel=2)


def _unseen(art: Article, seen: set[str]) -> Article:
    """``art``, renamed ``id-2``, ``id-3`` ... (with a warning) when its id was seen; the id is then seen."""
    if art.id in seen:
        n = 2
        while f"{art.id}-{n}" in seen:
            n += 1
        warnings.warn(f"duplicate article id {art.id!r}; renamed to {art.id}-{n!s}", stacklevel=4)
        art = dataclasses.replace(art, id=f"{art.id}-{n}")
    seen.add(art.id)
    return art


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
    "displayable",
    "iter_articles",
    "load_article",
    "load_corpus",
    "load_seed_corpus",
    "looks_like_path",
    "parse",
    "path_argument",
    "sentence_table",
]
