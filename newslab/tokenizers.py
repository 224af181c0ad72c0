"""Offline sentence and word tokenizers with character offsets.

Both tokenizers are rule-based regular expressions tuned for English news text, need no
NLTK data and never download anything. Every function has a ``*_spans`` twin that
returns ``(start, end)`` character offsets, so ``text[start:end]`` gives the token back.

Sentence rules:
    * ``.``, ``!``, ``?``, ``…`` (or ``...``) followed by closing quotes or brackets and
      whitespace end a sentence, unless the next word starts in lowercase
      (``"Why?" he asked`` stays one sentence).
    * The period of an abbreviation (``Mr.``, ``Dr.``, ``Jan.``; packaged list
      ``data/abbreviations_en.tsv``) does not end a sentence; that of an ambiguous one
      (``U.S.``, ``Inc.``, initials such as ``J.``) ends it only before a common sentence
      opener (``The``, ``He``, ``But``...).
    * A line break ends a sentence (headlines, bullet items), except inside a paragraph
      whose next line starts in lowercase or in hard-wrapped text.
    * A fragment with no letters or digits (a stray ``.`` at the start of a truncated
      line) is attached to its neighbour, so sentences cover all non-space text.

Word rules (close to the Penn Treebank conventions): clitics split off (``Trump's`` ->
``Trump`` ``'s``, ``isn't`` -> ``is`` ``n't``), hyphenated words, decimals (``2.1``),
percentages (``2%``), dotted acronyms (``U.S.``) and listed abbreviations (``Mr.``) stay
whole, every other non-space character is a token of its own (``...`` and ``--`` stay
together).

Example:
    >>> from newslab.tokenizers import sentences, words
    >>> sentences("Mr. Rutte met Trump in the U.S. on Friday. “It went well,” he said.")
    ['Mr. Rutte met Trump in the U.S. on Friday.', '“It went well,” he said.']
    >>> words("Trump's allies spend 2.1 percent, not 2%.")
    ['Trump', "'s", 'allies', 'spend', '2.1', 'percent', ',', 'not', '2%', '.']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from newslab.errors import ParameterError
from newslab.lexicons import load_table, rule_words

Span = tuple[int, int]

# Words that commonly open an English sentence; after an ambiguous abbreviation
# ("... in the U.S. The talks") one of these makes the period a sentence end.
SENTENCE_OPENERS = frozenset(rule_words("tokenizers.SENTENCE_OPENERS"))

_BULLET = r"(?:[•·▪‣◦●○■□►▸\-\*–—]|\d{1,3}[.)])"
_BULLET_LINE = re.compile(rf"[^\S\n]*{_BULLET}\s")
# A run of sentence-final marks ("...", "?!") and closing quotes or brackets before a space or the end. Written
# as one character class (the same runs as "(?:\.{3}|[.!?…])+"), so that the search jumps between those marks.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|\Z)")
_CLOSED_PERIOD = re.compile(r"\.[)\]]+")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*(\w+)")
_PREV_WORD = re.compile(r"(\S+)\Z")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\Z")
_ALNUM = re.compile(r"[^\W_]")
_LINE = re.compile(r"[^\n]*")


@functools.cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    rows = load_table("abbreviations_en")
    never = frozenset(r["term"] for r in rows if r["split"] == "never")
    ambiguous = frozenset(r["term"] for r in rows if r["split"] != "never")
    return never, ambiguous


@functools.cache
def _word_pattern() -> re.Pattern[str]:
    never, ambiguous = _abbreviations()
    listed = "|".join(sorted((never | ambiguous) - {"no"}, key=len, reverse=True))
    clitic = r"(?:s|re|ve|ll|d|m|t)\b"
    # Every alternative below starts with a non-space character, so "(?=\S)" changes no match; it lets
    # the search step over a space with one test instead of trying each alternative there.
    return re.compile(
        rf"""
        (?=\S)(?:
        \w+(?![-.'’@:/%\w\u0300-\u036f]|,\d)                  # fast path: a plain word or number
        |[^\w\s.'’-]|\.(?!\.)|-(?!-)                          # fast path: punctuation
        |https?://[^\s<>"“”]*[^\s<>"“”.,;:!?)\]'’]           # URL
        |[\w.+-]+@[\w-]+(?:\.[\w-]+)+                      # e-mail
        |(?:[^\W\d_]\.){{2,}}                              # U.S. e.g.
        |\b(?=[A-Za-z])(?i:{listed})\.                                  # Mr. Jan.
        |\b(?i:no)\.(?=\s*\d)                               # No. 1
        |\b[A-Z]\.(?=\s+[A-Z])                              # initials: Donald J. Trump
        |\d+(?:[.,:/]\d+)*%?(?![\w\-])                      # 2.1  2%  10:30  1,000
        |\w+?(?=(?i:n['’]t)\b)                              # is|n't  do|n't
        |(?i:n['’]t)\b                                      # n't
        |['’](?i:{clitic})                                  # 's 're 've 'll 'd 'm
        |\w[\w\u0300-\u036f]*(?:-[\w\u0300-\u036f]+)*
            (?:['’](?!(?i:{clitic}))[\w\u0300-\u036f]+(?:-[\w\u0300-\u036f]+)*)*  # words
        |\.{{2,}}|-{{2,}}                                   # ... --
        |[^\w\s]                                            # any other character
        )""",
        re.VERBOSE,
    )


def _check(text: object) -> None:
    if not isinstance(text, str):
        hint = "; decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray)) else ""
        raise ParameterError(f"text must be a string, got {type(text).__name__}{hint}")


def word_spans(text: str) -> list[Span]:
    """Character offsets of the word tokens of ``text``.

    Example:
        >>> text = "NATO's chief"
        >>> [text[s:e] for s, e in word_spans(text)]
        ['NATO', "'s", 'chief']
    """
    _check(text)
    return [m.span() for m in _word_pattern().finditer(text)]


_WORD_BEFORE = re.compile(r"\w")


def word_spans_at(text: str, start: int, end: int) -> list[Span]:
    """``word_spans(text[start:end])`` as offsets into ``text``, without copying the slice when possible.

    The word pattern looks before where it starts only through ``\\b``, which sees the same
    thing at ``start`` in ``text`` as at 0 in the slice unless the character before ``start`` is a
    word character; then the slice is read instead.

    Example:
        >>> text = "NATO met. Trump spoke."
        >>> word_spans_at(text, 10, 22) == [(10 + s, 10 + e) for s, e in word_spans(text[10:22])]
        True
    """
    if start and _WORD_BEFORE.match(text, start - 1):
        return [(start + s, start + e) for s, e in word_spans(text[start:end])]
    return [m.span() for m in _word_pattern().finditer(text, start, end)]


def norm_token(token: str) -> str:
    """A token lowercased, with typographic apostrophes made plain.

    Example:
        >>> norm_token("Trump’s")
        "trump's"
    """
    token = token.lower()
    return token.replace("’", "'").replace("‘", "'") if "’" in token or "‘" in token else token


def lower_tokens(text: str, spans: Sequence[Span], offset: int = 0) -> list[str]:
    """Normalized tokens (:func:`norm_token`) of ``text`` at ``spans`` (offsets into ``text`` plus ``offset``).

    The text is lowercased once when that keeps its length (it nearly always does), else token by token.

    Example:
        >>> lower_tokens("NATO’s chief", [(0, 4), (4, 6), (7, 12)])
        ['nato', "'s", 'chief']
    """
    lowered = norm_token(text)
    if len(lowered) == len(text):
        return [lowered[s - offset : e - offset] for s, e in spans]
    return [norm_token(text[s - offset : e - offset]) for s, e in spans]


def words(text: str) -> list[str]:
    """Word tokens of ``text`` (see the module docstring for the rules).

    Example:
        >>> words("The U.S. isn't leaving -- yet...")
        ['The', 'U.S.', 'is', "n't", 'leaving', '--', 'yet', '...']
    """
    _check(text)
    return _word_pattern().findall(text)


# Hard-wrapped text (newslab choice, by principle: e-mail and terminal wraps are 60-80 characters wide):
WRAP_MIN_LINES = 5  # fewer non-blank lines tell nothing
WRAP_MAX_CHARS = 100  # a longer line is a paragraph of its own, so the text is not wrapped
WRAP_MIN_CHARS = 40  # a wrapped line is at least this long (shorter ones end a paragraph) ...
WRAP_SHARE = 0.8  # ... and at least this share of the lines are


def _is_wrapped(text: str, lines: list[Span]) -> bool:
    """Whether ``text`` looks hard-wrapped (most lines of similar, moderate length)."""
    lengths = [e - s for s, e in lines if text[s:e].strip()]
    if len(lengths) < WRAP_MIN_LINES or max(lengths) > WRAP_MAX_CHARS:
        return False
    moderate = sum(1 for n in lengths if n >= WRAP_MIN_CHARS)
    return moderate >= WRAP_SHARE * len(lengths)


def _blocks(text: str) -> Iterator[Span]:
    """Yield spans of text between hard line breaks (paragraphs, headlines, bullets)."""
    lines = [m.span() for m in _LINE.finditer(text)]
    lines = [(s, e) for s, e in lines if s != e or s == 0]
    wrapped = "\n" in text and _is_wrapped(text, lines)
    start: int | None = None
    prev_end = prev_start = 0
    for s, e in lines:
        content = text[s:e]
        if not content.strip():
            if start is not None:
                yield start, prev_end
                start = None
            continue
        if start is not None:
            bullet = _BULLET_LINE.match(content) or _BULLET_LINE.match(text, prev_start, prev_end)
            gap_blank = text.count("\n", prev_end, s) > 1
            first = content.lstrip()[0]
            joined = not bullet and not gap_blank and (wrapped or first.islower())
            if not joined:
                yield start, prev_end
                start = s
        else:
            start = s
        prev_start, prev_end = s, e
    if start is not None:
        yield start, prev_end


def _ends_sentence(text: str, match: re.Match[str], limit: int) -> bool:
    """Decide whether the punctuation in ``match`` ends a sentence."""
    nxt = _NEXT_CHAR.match(text, match.end(), limit)
    if nxt is None:
        return True
    if nxt.group(1).islower():
        return False
    if _CLOSED_PERIOD.fullmatch(match.group()):
        # "(US President George W.) Bush": an initial or abbreviation closed by a bracket goes on
        # like the bare abbreviation would (issue 23); a full stop inside brackets still ends one
        prev = _PREV_WORD.search(text, max(0, match.start() - WORD_CHARS), match.start())
        word = prev.group(1).lstrip("\"'“‘«([") if prev else ""
        never, _ = _abbreviations()
        if (len(word) == 1 and word.isupper()) or word.lower() in never:
            opener = _NEXT_WORD.match(text, nxt.start(1), limit)
            return opener is not None and opener.group(1).lower() in SENTENCE_OPENERS
        return True
    if match.group() != ".":
        return True
    prev = _PREV_WORD.search(text, max(0, match.start() - WORD_CHARS), match.start())
    if prev is None:
        return True
    word = prev.group(1).lstrip("\"'“‘«([")
    lowered = word.lower()
    never, ambiguous = _abbreviations()
    if lowered in never:
        return False
    if lowered in ambiguous or _DOTTED.search(word) or (len(word) == 1 and word.isupper()):
        opener = _NEXT_WORD.match(text, nxt.start(1), limit)
        return opener is not None and opener.group(1).lower() in SENTENCE_OPENERS
    return True


def _split_block(text: str, start: int, end: int) -> Iterator[Span]:
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ends_sentence(text, match, end):
            yield cursor, match.end()
            cursor = match.end()
    if cursor < end:
        yield cursor, end


def _trim(text: str, start: int, end: int) -> Span | None:
    """``(start, end)`` without its leading and trailing whitespace, or None if all of it is whitespace."""
    piece = text[start:end]
    inner = piece.strip()  # str.strip() and the regex \s agree on what whitespace is (both read Unicode's)
    if not inner:
        return None
    first = start + len(piece) - len(piece.lstrip())
    return first, first + len(inner)


WORD_CHARS = 40  # characters before a period read for the word it ends (longer than any abbreviation)
#: Longest sentence, in characters. A longer stretch without a sentence end (a flattened table,
#: a list, hostile input) is cut at the last whitespace before this length, or at it, so that
#: rules that look across a sentence cost at most a constant per sentence. Real sentences are far
#: shorter: the longest of the seeds has 303 characters, the longest NewsMTSC item 6,321 (several
#: sentences run together), the next 1,397, and in NewsMTSC mt/dev 2,814.
MAX_SENTENCE_CHARS = 3000


def _cut_long(text: str, start: int, end: int) -> Iterator[Span]:
    """``(start, end)``, in pieces of at most ``MAX_SENTENCE_CHARS`` cut at whitespace where there is some."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = next((i for i in range(limit, start + MAX_SENTENCE_CHARS // 2, -1) if text[i].isspace()), limit)
        piece = _trim(text, start, cut)
        if piece:
            yield piece
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def sentence_spans(text: str) -> list[Span]:
    """Character offsets of the sentences of ``text``, trimmed of surrounding whitespace.

    A sentence longer than ``MAX_SENTENCE_CHARS`` is cut into pieces of at most that length.

    Example:
        >>> text = "Allies are worried\\n\\nIn NATO, most states agree. Dr. Ruth said so."
        >>> [text[s:e] for s, e in sentence_spans(text)]
        ['Allies are worried', 'In NATO, most states agree.', 'Dr. Ruth said so.']
    """
    _check(text)
    raw: list[Span] = []
    for block_start, block_end in _blocks(text):
        for s, e in _split_block(text, block_start, block_end):
            trimmed = _trim(text, s, e)
            if trimmed:
                raw.append(trimmed)
    spans: list[Span] = []
    pending: int | None = None  # start of a fragment waiting to join the next sentence
    for s, e in raw:
        if not _ALNUM.search(text, s, e):
            if pending is None:
                pending = s
            continue
        spans.append((pending if pending is not None else s, e))
        pending = None
    if pending is not None:  # trailing fragments join the last sentence
        if spans:
            spans[-1] = (spans[-1][0], raw[-1][1])
        else:
            spans.append((pending, raw[-1][1]))
    return [piece for s, e in spans for piece in _cut_long(text, s, e)]


def sentences(text: str) -> list[str]:
    """Sentences of ``text`` as strings (see :func:`sentence_spans`).

    Example:
        >>> sentences("Germany reached 2.1 percent. Trump wants 3%!")
        ['Germany reached 2.1 percent.', 'Trump wants 3%!']
    """
    return [text[s:e] for s, e in sentence_spans(text)]


__all__ = [
    "MAX_SENTENCE_CHARS",
    "SENTENCE_OPENERS",
    "Span",
    "lower_tokens",
    "norm_token",
    "sentence_spans",
    "sentences",
    "word_spans",
    "word_spans_at",
    "words",
]
