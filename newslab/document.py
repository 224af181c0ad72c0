"""Articles, and articles parsed once into sentences and words (the first stage of the analysis pass).

An :class:`Article` is plain data: id, title, cleaned text, source and metadata. It keeps
nothing else: ``Article.sentences`` and ``Article.tokens`` are computed on each access, for
convenience in a notebook. Analysis code parses an article once with :func:`parse` and hands
the resulting :class:`Document` to every later stage, so no state is hidden on the article
and nothing outlives the pass (see :func:`newslab.analyze`).

Example:
    >>> doc = parse(Article("a", "Title", "NATO met. Trump spoke."))
    >>> [s.text for s in doc.sentences], doc.sentence_of(12)
    (['NATO met.', 'Trump spoke.'], 1)
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, NamedTuple, overload

from newslab.errors import EmptyInputError
from newslab.tokenizers import lower_tokens, sentence_spans, word_spans_at


@dataclasses.dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: its text, character span in ``Article.text`` and position."""

    text: str
    start: int
    end: int
    index: int


class Token(NamedTuple):
    """One word token: its text, character span in ``Article.text`` and sentence index."""

    text: str
    start: int
    end: int
    sentence: int


_new_tuple = tuple.__new__
_first, _second = itemgetter(0), itemgetter(1)


class Tokens(Sequence[Token]):
    """A document's word tokens, kept as four parallel columns; item ``i`` is a :class:`Token` made when asked for.

    ``texts``, ``starts``, ``ends`` and ``sentences`` hold each token's text, character span and sentence
    index (shared lists: read them, never change them). Code that reads many tokens reads the columns;
    ``tokens[i]``, slices and iteration give :class:`Token` tuples as before. Kept as columns because a
    ``Token`` per word (a tuple subclass, which the garbage collector never untracks) was about a million
    tracked objects per 600 articles, which the pass made and the collector traversed, mostly unread.

    Example:
        >>> tokens = parse(Article("a", "", "NATO met. Trump spoke.")).tokens
        >>> tokens.texts[3], tokens.starts[3], tokens[3], len(tokens)
        ('Trump', 10, Token(text='Trump', start=10, end=15, sentence=1), 6)
        >>> [t.text for t in tokens[1:3]]
        ['met', '.']
    """

    __slots__ = ("ends", "sentences", "starts", "texts")

    def __init__(
        self, texts: Sequence[str], starts: Sequence[int], ends: Sequence[int], sentences: Sequence[int]
    ) -> None:
        self.texts, self.starts, self.ends, self.sentences = texts, starts, ends, sentences

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Token, ...]: ...

    def __getitem__(self, i: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(i, slice):
            return tuple(self._made(self.texts[i], self.starts[i], self.ends[i], self.sentences[i]))
        return _new_tuple(Token, (self.texts[i], self.starts[i], self.ends[i], self.sentences[i]))

    def __iter__(self) -> Iterator[Token]:
        return self._made(self.texts, self.starts, self.ends, self.sentences)

    @staticmethod
    def _made(
        texts: Sequence[str], starts: Sequence[int], ends: Sequence[int], sents: Sequence[int]
    ) -> Iterator[Token]:
        # tuple.__new__ makes each Token in C (a NamedTuple's own __new__ is a Python call per token)
        return map(_new_tuple, repeat(Token), zip(texts, starts, ends, sents, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return (self.starts, self.ends, self.texts, self.sentences) == (
                other.starts,
                other.ends,
                other.texts,
                other.sentences,
            )
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"

    @classmethod
    def from_spans(cls, text: str, spans: Sequence[Sequence[tuple[int, int]]]) -> Tokens:
        """The tokens at ``spans`` (per sentence, offsets into ``text``), sentence ``k`` being ``spans[k]``.

        Example:
            >>> Tokens.from_spans("NATO met.", [[(0, 4), (5, 8), (8, 9)]]).texts
            ['NATO', 'met', '.']
        """
        flat = list(chain.from_iterable(spans))
        starts = list(map(_first, flat))
        ends = list(map(_second, flat))
        texts = list(map(text.__getitem__, map(slice, starts, ends)))
        sentences = list(chain.from_iterable(map(repeat, range(len(spans)), map(len, spans))))
        return cls(texts, starts, ends, sentences)


@dataclasses.dataclass(frozen=True, eq=False)
class Article:
    """A news article: cleaned text plus identity and metadata.

    Attributes:
        id: Unique identifier within a corpus (file stem, record id, or given).
        title: Headline, or a title given in the file's metadata.
        text: Cleaned text; all offsets newslab reports refer to it.
        source: Outlet or provenance description (may be empty).
        metadata: Anything else (date, path, tags, notes).

    ``sentences``, ``token_spans`` and ``tokens`` are computed on each access (nothing is
    cached on the article); for repeated use, parse once with :func:`parse`.

    Example:
        >>> art = Article("a1", "Title", "NATO met. Trump spoke.")
        >>> [s.text for s in art.sentences]
        ['NATO met.', 'Trump spoke.']
    """

    id: str
    title: str
    text: str
    source: str = ""
    metadata: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise EmptyInputError(f"article {self.id!r}: text must be a string, got {type(self.text).__name__}")
        if not self.text.strip():
            raise EmptyInputError(f"article {self.id!r} has no text; give it some words or leave it out")

    @property
    def sentences(self) -> list[Sentence]:
        """Sentences with character spans (computed on each access)."""
        return list(parse(self).sentences)

    @property
    def token_spans(self) -> list[list[tuple[int, int]]]:
        """Word spans (offsets into ``text``) for each sentence (computed on each access).

        Example:
            >>> Article("a", "", "NATO met. Trump spoke.").token_spans
            [[(0, 4), (5, 8), (8, 9)], [(10, 15), (16, 21), (21, 22)]]
        """
        return [list(spans) for spans in parse(self).token_spans]

    @property
    def tokens(self) -> list[Token]:
        """Word tokens with spans and sentence index (computed on each access)."""
        return list(parse(self).tokens)

    @property
    def date(self) -> str:
        """Publication date from the metadata ("" when unknown)."""
        return str(self.metadata.get("date", ""))

    def __repr__(self) -> str:
        return f"Article(id={self.id!r}, title={self.title[:50]!r}, chars={len(self.text)})"


@dataclasses.dataclass(frozen=True, slots=True, eq=False)
class Document:
    """An article parsed once: its sentences, word spans and tokens, with offsets into ``text``.

    Made by :func:`parse` (stage 1 of the analysis pass) and handed to every later stage;
    it reads like an :class:`Article` (``id``, ``title``, ``text``, ``source``, ``metadata``).
    ``tokens`` is a :class:`Tokens`: a stage that reads many tokens reads its columns
    (``tokens.texts``, ``tokens.starts``, ``tokens.ends``, ``tokens.sentences``).
    """

    article: Article
    sentences: tuple[Sentence, ...]
    token_spans: tuple[tuple[tuple[int, int], ...], ...]
    tokens: Tokens
    sentence_starts: tuple[int, ...]
    #: Per sentence, its word tokens lowercased with plain apostrophes (:func:`newslab.tokenizers.lower_tokens`):
    #: made once here and read by sentence tone and target tone (and any later stage); ``()`` when the
    #: document was built without them (:meth:`lowered_tokens` then computes them).
    lowered: tuple[list[str], ...] = ()

    @property
    def id(self) -> str:
        """The article's id."""
        return self.article.id

    @property
    def title(self) -> str:
        """The article's title."""
        return self.article.title

    @property
    def text(self) -> str:
        """The article's cleaned text."""
        return self.article.text

    @property
    def source(self) -> str:
        """The article's source."""
        return self.article.source

    @property
    def metadata(self) -> Mapping[str, Any]:
        """The article's metadata."""
        return self.article.metadata

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding character ``offset`` (the previous one between sentences)."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def lowered_tokens(self, sentence: int) -> list[str]:
        """The normalized lowercase tokens of one sentence (the shared list: read it, never change it).

        Example:
            >>> parse(Article("a", "", "NATO’s chief met Trump.")).lowered_tokens(0)
            ['nato', "'s", 'chief', 'met', 'trump', '.']
        """
        if self.lowered:
            return self.lowered[sentence]
        sent = self.sentences[sentence]
        return lower_tokens(sent.text, self.token_spans[sentence], sent.start)

    def n_words(self, sentence: int) -> int:
        """Word tokens (starting with a letter or digit) in one sentence."""
        text = self.article.text
        return len([s for s, _ in self.token_spans[sentence] if text[s].isalnum()])

    def __repr__(self) -> str:
        return f"Document(id={self.id!r}, sentences={len(self.sentences)}, tokens={len(self.tokens)})"


def parse(article: Article | Document) -> Document:
    """Split an article into sentences and words once (the regular-expression tokenizers).

    Args:
        article: An Article (a Document is returned as it is).

    Returns:
        A :class:`Document` whose sentences and tokens carry offsets into ``article.text``.

    Example:
        >>> doc = parse(Article("a", "", "NATO met. Trump spoke."))
        >>> [t.text for t in doc.tokens][:3], doc.n_words(1)
        (['NATO', 'met', '.'], 2)
    """
    if isinstance(article, Document):
        return article
    text = article.text
    sentences: list[Sentence] = []
    spans: list[tuple[tuple[int, int], ...]] = []
    lowered: list[list[str]] = []
    for index, (start, end) in enumerate(sentence_spans(text)):
        sent_text = text[start:end]
        sentences.append(Sentence(sent_text, start, end, index))
        words = tuple(word_spans_at(text, start, end))
        spans.append(words)
        lowered.append(lower_tokens(sent_text, words, start))
    tokens = Tokens.from_spans(text, spans)
    return Document(article, tuple(sentences), tuple(spans), tokens, tuple(s.start for s in sentences), tuple(lowered))
