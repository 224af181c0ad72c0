"""Frames: which news frames a text invokes, found with a transparent cue dictionary.

The packaged dictionary (``data/frames.tsv``) covers the five generic news frames of
Semetko & Valkenburg (2000) (conflict, responsibility, economic consequences, human
interest, morality) and issue frames for alliance and defence stories named after the
Policy Frames Codebook (Boydstun et al.): security and defense, economic (defence
spending, GDP share), political, external regulation and reputation, plus war (Russia's
invasion of Ukraine). The cue lists are newslab's own; every match is reported with its
cue, character span and weight, so a profile can always be traced back to the words.

Matching rules:
    * ``term`` cues match whole word tokens after a light inflection stripper
      (:func:`normalize_word`: ``allies`` = ``ally``, ``threatened`` = ``threaten``,
      ``spending`` = ``spend``), never inside another word;
    * ``phrase`` cues match consecutive tokens, each compared like a term;
    * ``regex`` cues match the sentence text case-insensitively and count only when the
      match starts and ends on word boundaries.
    * When matches overlap, the longest wins ("defense spending" is one economic cue, not
      also a security cue); matches of the same span for several frames are all kept.

Example:
    >>> import newslab as nl
    >>> corpus = nl.Corpus.from_texts({"a": "Title\\nTrump threatened allies over defense spending."})
    >>> nl.frame_table(corpus)[["frame", "matched"]].values.tolist()
    [['conflict', 'threatened'], ['external_regulation_reputation', 'allies'], ['economic', 'defense spending']]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import logging
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import accumulate, chain, compress
from os import PathLike
from pathlib import Path
from typing import Any, NamedTuple

from newslab.anchored import lowers_letterwise, occurrences
from newslab.document import Document
from newslab.errors import LexiconError
from newslab.lexicons import data_path, read_tsv
from newslab.records import FrameRow, columns
from newslab.safe_regex import unsafe_pattern_message
from newslab.tokenizers import words

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

logger = logging.getLogger(__name__)

KINDS = ("term", "phrase", "regex")
#: Columns of :func:`frame_table`.
TABLE_COLUMNS = columns(FrameRow)  # the schema is the row record (newslab.records)
#: Columns of :func:`frame_profile`.
PROFILE_COLUMNS = [
    "article_id",
    "frame",
    "family",
    "matches",
    "weight",
    "per_1000_words",
    "sentences",
    "sentence_share",
    "top_cues",
]

DictionaryArg = Any  # None | str | PathLike | pandas.DataFrame | Mapping[str, Iterable[str]]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_WORD_CHAR = re.compile(r"\w")
_VOWEL = re.compile("[aeiouy]")
_CAPITAL_SIGMA = "Σ"  # the one letter whose lowercase depends on the letters around it (str.lower's final sigma)
#: Distinct words whose normalized form is kept: a large news corpus has about 10^5 word types, so nearly all
#: repeats hit (a few tens of MB at most).
WORD_CACHE_SIZE = 200_000
#: normalize_word leaves words of at most this many letters alone and strips an ending only when at least this
#: many letters remain ("ties", "bed", "sing" stay whole); newslab's choice for a predictable stemmer.
MIN_STEM = 3


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)  # keyed on single words: news vocabulary repeats
def normalize_word(word: str) -> str:
    """Lowercase ``word`` and strip common English inflections (a tiny, predictable stemmer).

    Rules, in order: drop a possessive ``'s``; ``-ies``/``-ied`` -> ``-y``; ``-sses`` ->
    ``-ss``; a plural ``-s`` (not after ``s``, ``u`` or ``i``); ``-ing`` and ``-ed`` when
    at least three letters remain (undoing a doubled final consonant); a final ``-e``.
    Words of three letters or fewer are only lowercased. Cues and text go through the same
    function, so ``allies``/``ally``/``allied`` and ``invade``/``invaded``/``invading`` meet.

    Example:
        >>> [normalize_word(w) for w in ["Allies", "threatened", "spending", "defenses", "NATO's", "war"]]
        ['ally', 'threaten', 'spend', 'defens', 'nato', 'war']
    """
    w = word.lower().translate(_APOSTROPHES)
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if len(w) <= MIN_STEM or not w.isalpha():
        return w
    if w.endswith(("ies", "ied")) and len(w) > MIN_STEM + 1:
        return w[:-3] + "y"
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= MIN_STEM and _VOWEL.search(stem):
            w = stem
            if len(w) > MIN_STEM and w[-1] == w[-2] and w[-1] not in "aeiouylsz":
                w = w[:-1]
            break
    if w.endswith("e") and len(w) > MIN_STEM and not w.endswith("ee"):
        w = w[:-1]
    return w


@dataclasses.dataclass(frozen=True)
class _Cue:
    frame: str
    cue: str
    kind: str
    weight: float


@dataclasses.dataclass(frozen=True)
class _Matcher:
    """A compiled dictionary: token-sequence index plus regexes."""

    phrases: Mapping[str, tuple[tuple[tuple[str, ...], _Cue], ...]]
    regexes: tuple[tuple[re.Pattern[str], _Cue], ...]
    frames: tuple[str, ...]
    #: per regex cue, the lowercase strings one of which each of its matches holds (:func:`required_strings`)
    required: tuple[frozenset[str] | None, ...]
    families: Mapping[str, str]


def load_frames(dictionary: DictionaryArg = None) -> Any:
    """The frame dictionary as a DataFrame (frame, family, cue, kind, weight, note).

    Args:
        dictionary: ``None`` for the packaged ``data/frames.tsv``; a path to a TSV file with
            the same header (``#`` lines are comments; only ``frame`` and ``cue`` are
            required); a DataFrame with those columns; or a mapping ``frame -> [cues]``.
            A missing ``kind`` is ``phrase`` for cues with a space and ``term`` otherwise;
            a missing ``weight`` is 1.

    Raises:
        LexiconError: If a column, kind, weight or regular expression is invalid.

    Example:
        >>> table = load_frames()
        >>> sorted(table.frame.unique())[:3]
        ['conflict', 'economic', 'economic_consequences']
        >>> load_frames({"blame": ["blame", "at fault"]})[["frame", "cue", "kind"]].values.tolist()
        [['blame', 'blame', 'term'], ['blame', 'at fault', 'phrase']]
    """
    import pandas as pd

    if dictionary is None:
        text = data_path("frames.tsv").read_text(encoding="utf-8")
        frame = _read_tsv(text, "frames.tsv")
    elif isinstance(dictionary, (str, PathLike)):
        path = Path(dictionary)
        if not path.is_file():
            raise LexiconError(f"frame dictionary {str(path)!r} is not a file; give a TSV path or a DataFrame")
        frame = _read_tsv(path.read_text(encoding="utf-8"), str(path))
    elif isinstance(dictionary, pd.DataFrame):
        frame = dictionary.copy()
    elif isinstance(dictionary, Mapping):
        rows: list[dict[str, str]] = []
        for name, cues in dictionary.items():
            if isinstance(cues, str):
                cues = [cues]
            rows.extend({"frame": str(name), "cue": str(cue)} for cue in cues)
        frame = pd.DataFrame(rows, columns=["frame", "cue"])
    else:
        raise LexiconError(
            f"dictionary must be None, a TSV path, a DataFrame or a mapping frame -> cues, "
            f"got {type(dictionary).__name__}"
        )
    return _validate(frame)


def _read_tsv(text: str, name: str) -> Any:
    import pandas as pd

    rows = read_tsv(text)
    if not rows:
        raise LexiconError(f"frame dictionary {name!r} has no rows")
    return pd.DataFrame(rows)


def _validate(frame: Any) -> Any:
    missing = {"frame", "cue"} - set(frame.columns)
    if missing:
        raise LexiconError(f"frame dictionary needs columns 'frame' and 'cue'; missing {sorted(missing)}")
    if frame.empty:
        raise LexiconError("frame dictionary has no rows")
    frame = frame.copy()
    frame["frame"] = frame["frame"].astype(str).str.strip()
    frame["cue"] = frame["cue"].astype(str).str.strip()
    if "kind" not in frame.columns:
        frame["kind"] = None
    auto = frame["cue"].str.contains(" ").map({True: "phrase", False: "term"})
    frame["kind"] = frame["kind"].where(frame["kind"].notna() & (frame["kind"].astype(str) != ""), auto).astype(str)
    bad = sorted(set(frame["kind"]) - set(KINDS))
    if bad:
        raise LexiconError(f"frame dictionary: kind={bad[0]!r}; valid: {list(KINDS)}")
    if "weight" not in frame.columns:
        frame["weight"] = 1.0
    try:
        frame["weight"] = frame["weight"].astype(float)
    except (TypeError, ValueError) as err:
        raise LexiconError(f"frame dictionary: weights must be numbers ({err})") from err
    for column, default in (("family", "custom"), ("note", "")):
        if column not in frame.columns:
            frame[column] = default
        frame[column] = frame[column].fillna(default).astype(str)
    if (frame["cue"] == "").any() or (frame["frame"] == "").any():
        raise LexiconError("frame dictionary has a row with an empty frame or cue")
    for cue in frame.loc[frame["kind"] == "regex", "cue"]:
        try:
            re.compile(cue)
        except (re.error, RecursionError, OverflowError) as err:
            raise LexiconError(f"frame dictionary: bad regular expression {cue!r} ({err})") from err
        unsafe = unsafe_pattern_message(cue)
        if unsafe:
            raise LexiconError(f"frame dictionary: {unsafe}")
    return frame[["frame", "family", "cue", "kind", "weight", "note"]].reset_index(drop=True)


class _Row(NamedTuple):
    """One validated row of a frame dictionary (the columns :func:`_compile` reads)."""

    frame: str
    family: str
    cue: str
    kind: str
    weight: float


def _compile(table: Any) -> _Matcher:
    """Compile a validated dictionary (the DataFrame of :func:`load_frames`, or its rows as :class:`_Row`)."""
    rows = [_Row(r.frame, r.family, r.cue, r.kind, r.weight) for r in table.itertuples(index=False)]
    return _compile_rows(rows)


def _compile_rows(rows: Sequence[_Row]) -> _Matcher:
    phrases: dict[str, dict[tuple[tuple[str, ...], str], _Cue]] = defaultdict(dict)
    regexes: list[tuple[re.Pattern[str], _Cue]] = []
    for row in rows:
        cue = _Cue(row.frame, row.cue, row.kind, float(row.weight))
        if row.kind == "regex":
            regexes.append((re.compile(row.cue, re.IGNORECASE), cue))
            continue
        key = tuple(normalize_word(w) for w in words(row.cue.lower()))
        if not key:
            continue
        previous = phrases[key[0]].get((key, row.frame))
        if previous is None or previous.weight < cue.weight:  # duplicate after normalizing: keep the heavier
            phrases[key[0]][(key, row.frame)] = cue
    return _Matcher(
        phrases={first: tuple((key, cue) for (key, _), cue in entries.items()) for first, entries in phrases.items()},
        regexes=tuple(regexes),
        frames=tuple(dict.fromkeys(row.frame for row in rows)),
        required=tuple(required_strings(pattern.pattern, pattern.flags) for pattern, _ in regexes),
        families={row.frame: row.family for row in rows},
    )


def _packaged_rows() -> list[_Row]:
    """The packaged ``frames.tsv`` read without pandas, as :func:`load_frames` reads it (all its columns are filled).

    The analysis pass compiles the packaged dictionary from these rows, so a pool worker does not
    import pandas to read it; a test checks that they compile to the matcher of ``load_frames()``.
    """
    rows = []
    for r in read_tsv(data_path("frames.tsv").read_text(encoding="utf-8")):
        cue = r["cue"].strip()
        kind = r["kind"] or ("phrase" if " " in cue else "term")
        rows.append(_Row(r["frame"].strip(), r["family"], cue, kind, float(r["weight"])))
    return rows


@functools.cache
def _default_matcher() -> _Matcher:
    return _compile_rows(_packaged_rows())


def _matcher(dictionary: DictionaryArg) -> _Matcher:
    if dictionary is None:
        return _default_matcher()
    if isinstance(dictionary, _Matcher):
        return dictionary
    return _compile(load_frames(dictionary))


class _Shared(dict[str, Any]):
    """A dict that pandas shares instead of deep-copying when it copies ``attrs``.

    pandas deep-copies ``DataFrame.attrs`` on every operation; with one entry per article
    that made filtering a large frame table slow. Treat these values as read-only.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> _Shared:
        return self

    @staticmethod
    def of_list(items: Iterable[str]) -> _Shared:
        return _Shared({item: i for i, item in enumerate(items)})


_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT} | (
    {sre_constants.POSSESSIVE_REPEAT} if hasattr(sre_constants, "POSSESSIVE_REPEAT") else set()
)


def required_strings(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lowercase ASCII strings one of which every match of ``pattern`` holds (``None``: nothing can be said).

    A run of literal ASCII characters is required, so is one of a branch's alternatives' own required strings,
    and what a group or a repeat of at least one holds; of these the set whose shortest string is longest is
    kept. A text whose ``lower()`` holds none of them has no match, also under ``re.IGNORECASE``, when it
    lowers letter for letter (:func:`newslab.anchored.lowers_letterwise`), so the frame stage skips the regex
    there (most sentences hold no frame regex cue).

    Example:
        >>> sorted(required_strings(r"(?:his|her) (?:work|success)"))
        ['success', 'work']
        >>> required_strings(r"\\d+%?") is None
        True
    """
    try:
        parsed = sre_parse.parse(pattern, flags)
    except (re.error, TypeError, ValueError, OverflowError, RecursionError):
        return None
    return _required(list(parsed.data))


def _required(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and all(found) and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in items:
        if op == sre_constants.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        consider(frozenset(["".join(run)]))
        run = []
        if op == sre_constants.BRANCH:
            alternatives = [_required(list(alternative)) for alternative in av[1]]
            if all(a is not None for a in alternatives):
                consider(frozenset().union(*[a for a in alternatives if a is not None]))
        elif op == sre_constants.SUBPATTERN:
            consider(_required(list(av[-1])))
        elif op in _REPEATS and av[0] >= 1:
            consider(_required(list(av[2])))
        elif op == getattr(sre_constants, "ATOMIC_GROUP", None):
            consider(_required(list(av)))
    consider(frozenset(["".join(run)]))
    return best


def _regex_sentences(art: Document, required: Sequence[frozenset[str] | None]) -> list[set[int] | None]:
    """Per regex cue, the positions of the sentences holding one of its required strings (``None``: all).

    The strings are found in ``text.lower()`` by ``str.find``; where the text lowers letter for letter its
    offsets are the text's ("İ" is the one letter that lowers to two), and a sentence's text is the article's
    text between its offsets, so a sentence left out lowers to a text without the strings and has no match.
    """
    if all(n is None for n in required) or not lowers_letterwise(art.text):
        return [None for _ in required]
    lower_text, sentences = art.text.lower(), art.sentences
    found: list[set[int] | None] = []
    for needed in required:
        if needed is None:
            found.append(None)
            continue
        holding = set()
        for n in needed:
            for at in occurrences(lower_text, n):
                i = art.sentence_of(at)
                if sentences[i].start <= at and at + len(n) <= sentences[i].end:
                    holding.add(i)
        found.append(holding)
    return found


def normalized_tokens(doc: Document) -> list[str]:
    """:func:`normalize_word` of every token of ``doc``, in order.

    Read off the document's lowercase tokens, which the earlier stages have hashed already: normalize_word
    lowercases first and makes typographic apostrophes plain, so they give the same forms, unless a capital
    sigma occurs (its lowercase depends on the letters around it, which a sentence and a token may not share).

    Example:
        >>> from newslab.document import Article, parse
        >>> normalized_tokens(parse(Article("a", "", "NATO’s allies invaded.")))
        ['nato', '', 'ally', 'invad', '.']
    """
    if _CAPITAL_SIGMA in doc.text:
        return list(map(normalize_word, doc.tokens.texts))
    return list(map(normalize_word, chain.from_iterable(map(doc.lowered_tokens, range(len(doc.sentences))))))


def _article_matches(art: Document, matcher: _Matcher) -> list[tuple[int, str, str, str, int, int, float, str]]:
    found: list[tuple[int, str, str, str, int, int, float, str]] = []
    phrases, regexes, text = matcher.phrases, matcher.regexes, art.text
    all_norms = normalized_tokens(art)
    # the tokens that may start a phrase cue, found in one pass too (most words start none); visited in order below
    starts = list(compress(range(len(all_norms)), map(phrases.__contains__, all_norms)))
    # per regex cue, the sentences that can hold a match (None: every sentence; see _sentences_holding)
    scanned = _regex_sentences(art, matcher.required)
    ends = list(accumulate(map(len, art.token_spans)))  # one past each sentence's last token
    # only the sentences holding a phrase start or a regex cue's required strings can have a candidate: the
    # others (most) would add none, so they are skipped (same candidates, in the same order, per sentence)
    if any(where is None for where in scanned):
        positions: Iterable[int] = range(len(ends))
    else:
        positions = sorted(
            {bisect.bisect_right(ends, i) for i in starts}.union(*(where for where in scanned if where is not None))
        )
    sentences, token_spans = art.sentences, art.token_spans
    for position in positions:
        sent, spans = sentences[position], token_spans[position]
        first, end = (ends[position - 1] if position else 0), ends[position]
        candidates: list[tuple[int, int, _Cue]] = []
        k = bisect.bisect_left(starts, first)
        while k < len(starts) and starts[k] < end:
            i = starts[k]
            k += 1
            for key, cue in phrases[all_norms[i]]:
                # the key's tokens within this sentence only (the slice stops at its end, as a per-sentence list did);
                # a one-word key is the word itself (phrases[norm] holds keys starting with norm), so it matches
                if len(key) == 1 or tuple(all_norms[i : min(i + len(key), end)]) == key:
                    candidates.append((spans[i - first][0], spans[i - first + len(key) - 1][1], cue))
        sent_text = sent.text
        for (pattern, cue), where in zip(regexes, scanned, strict=True):
            if where is not None and position not in where:
                continue  # the sentence lacks the cue's required strings: no match there (required_strings)
            for m in pattern.finditer(sent_text):
                s, e = m.span()
                if s == e:
                    continue
                if (s > 0 and _WORD_CHAR.match(sent_text[s - 1])) or (
                    e < len(sent_text) and _WORD_CHAR.match(sent_text[e]) and _WORD_CHAR.match(sent_text[e - 1])
                ):
                    continue
                candidates.append((sent.start + s, sent.start + e, cue))
        if not candidates:  # most sentences hold no cue: _longest_first would return [] for them
            continue
        kept = _longest_first(candidates) if len(candidates) > 1 else candidates  # one candidate: kept as it is
        found.extend((sent.index, c.frame, c.cue, text[s:e], s, e, c.weight, c.kind) for s, e, c in kept)
    return found


def _longest_first(candidates: list[tuple[int, int, _Cue]]) -> list[tuple[int, int, _Cue]]:
    """Longest match wins; equal spans for several frames are all kept (one per frame); sorted by span.

    Kept spans never overlap unless equal, so the one kept span that could overlap a
    candidate is the last one starting before the candidate ends (bisect): linear in the
    number of candidates up to a log factor, also for one very long sentence.
    """
    candidates = sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0]))
    starts: list[int] = []  # starts of the distinct kept spans, sorted
    ends: list[int] = []  # their ends, in the same order
    frames: dict[tuple[int, int], set[str]] = {}
    kept: list[tuple[int, int, _Cue]] = []
    for start, end, cue in candidates:
        at = bisect.bisect_left(starts, end) - 1
        if at >= 0 and ends[at] > start:  # overlaps the kept span at ``at``
            if (starts[at], ends[at]) != (start, end) or cue.frame in frames[start, end]:
                continue
        else:
            index = bisect.bisect_left(starts, start)
            starts.insert(index, start)
            ends.insert(index, end)
            frames[start, end] = set()
        frames[start, end].add(cue.frame)
        kept.append((start, end, cue))
    kept.sort(key=lambda c: (c[0], c[1]))
    return kept


def with_frame_attrs(table: Any, articles: Any, dictionary: DictionaryArg = None) -> Any:
    """A frame table with the ``attrs`` :func:`frame_profile` reads (words and sentences per article).

    Args:
        table: Frame rows (``TABLE_COLUMNS``).
        articles: The analysis' article table (columns article_id, sentences, words).
        dictionary: The frame dictionary used.
    """
    matcher = _matcher(dictionary)
    table = table.copy()
    ids = [str(i) for i in articles["article_id"]]
    table.attrs.update(
        n_words=_Shared(dict(zip(ids, (int(n) for n in articles["words"]), strict=True))),
        n_sentences=_Shared(dict(zip(ids, (int(n) for n in articles["sentences"]), strict=True))),
        frames=_Shared.of_list(matcher.frames),
        families=_Shared(matcher.families),
    )
    return table


def frame_matcher(dictionary: DictionaryArg = None) -> Any:
    """The compiled frame dictionary (compile once, then pass it to :func:`frame_rows`)."""
    return _matcher(dictionary)


def frame_rows(doc: Document, matcher: Any = None) -> list[FrameRow]:
    """Frame cue rows (``TABLE_COLUMNS``) of one parsed article.

    Args:
        doc: The parsed article.
        matcher: From :func:`frame_matcher` (``None``: the packaged dictionary).

    Example:
        >>> from newslab.document import Article, parse
        >>> [(r[2], r[4]) for r in frame_rows(parse(Article("a", "", "Allies must raise defense spending.")))]
        [('external_regulation_reputation', 'Allies'), ('morality', 'must'), ('economic', 'defense spending')]
    """
    return [FrameRow(doc.id, *match) for match in _article_matches(doc, _matcher(matcher))]


__all__ = [
    "PROFILE_COLUMNS",
    "TABLE_COLUMNS",
    "frame_matcher",
    "frame_rows",
    "load_frames",
    "normalize_word",
    "with_frame_attrs",
]
