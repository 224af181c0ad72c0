"""Sentence tone: newslab's compound score, VADER and TextBlob side by side, with evidence.

``compound`` re-reads VADER's lexicon with news corrections and newslab's news evaluation
lexicon under scope rules (:mod:`newslab.tone_lexicon`), plus, when you pass it, the opt-in news
backoff lexicon for words that no lexicon rates (:mod:`newslab.tone_backoff`), then mixes that score with TextBlob's
polarity (one share calibrated on the NYT development data; see ``docs/sentiment.md``).

Example:
    >>> s = score_sentiment("This isn't a bad idea.")
    >>> s.compound > 0
    True
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from newslab.errors import ParameterError
from newslab.records import ToneRow, columns
from newslab.tokenizers import word_spans
from newslab.tone_backoff import backoff_extra
from newslab.tone_lexicon import (
    Hit,
    PreparedLexicon,
    check_text,
    default_prepared,
    lexicon_hits,
    lower_tokens,
    news_score,
    pattern_sentiment,
    prepare_lexicon,
    tone_weight,
    vader_analyzer,
    with_contrast,
)

if TYPE_CHECKING:
    from newslab.document import Document

# compound = (1 - TEXTBLOB_SHARE) * newslab_score + TEXTBLOB_SHARE * textblob_polarity.
# Grid search for Pearson r on the NYT editorial dev ratings (vader_nyt_dev, 1,518 snippets)
# by `validation/score_tone.py --fit`, which also reports the 5-fold cross-validated r.
TEXTBLOB_SHARE = 0.25
# Round 6, sentence tone only (the target model reads the tokens without it): a reversal word reaches
# through "of" ("reduce the number of traffic deaths"); weak NewsMTSC *train* proxy r 0.4827 -> 0.4830
# (docs/sentiment.md, "Round 6"). A newslab choice by principle; no constant was fitted.
OF_REVERSAL = True
# A sentence's tone label: VADER's published thresholds on compound (Hutto & Gilbert 2014).
LABEL_THRESHOLD = 0.05


class Evidence(NamedTuple):
    """One word or phrase that moved a tone score.

    Attributes:
        term: The word(s) as written.
        start: Character offset in the scored text.
        end: End offset (exclusive).
        weight: Contribution after rules (VADER-scale valence for ``newslab``, pattern polarity for ``textblob``).
        source: ``"newslab"`` (news-adjusted VADER lexicon with scope rules) or ``"textblob"``.
        rule: How the lexicon value was changed (``"negated by 'not'"``, ``"boosted by 'very'"``, ...), or ``""``.
    """

    term: str
    start: int
    end: int
    weight: float
    source: str
    rule: str


@dataclasses.dataclass(frozen=True)
class SentimentScore:
    """Tone of one text: newslab's compound plus the two lexicon scores and their evidence.

    Attributes:
        compound: newslab's recommended tone in [-1, 1] (see module docs).
        vader: VADER compound in [-1, 1] (unchanged package output).
        polarity: TextBlob pattern polarity in [-1, 1].
        subjectivity: TextBlob pattern subjectivity in [0, 1].
        evidence: Words that moved the scores, with weights and the rule applied.
    """

    compound: float
    vader: float
    polarity: float
    subjectivity: float
    evidence: tuple[Evidence, ...] = ()

    @property
    def label(self) -> str:
        """``"negative"``, ``"neutral"`` or ``"positive"`` by the +/-0.05 thresholds on compound."""
        return _tone_label(self.compound)


def _tone_label(value: float) -> str:
    if value >= LABEL_THRESHOLD:
        return "positive"
    if value <= -LABEL_THRESHOLD:
        return "negative"
    return "neutral"


class _PlainSentiment(dict):
    """TextBlob's pattern lexicon in a plain dict for pattern's own ``assessments``.

    Same data, same algorithm, same scores, without the lazy-loading dict's per-lookup overhead.
    """

    def __init__(self, source: Any) -> None:
        super().__init__(dict.items(source))
        self.labeler = source.labeler
        self.negations = source.negations
        self.modifiers = source.modifiers
        self.modifier = source.modifier


#: Stand-ins for the words pattern does not know, by the only two things its ``assessments`` reads of
#: such a word: ``len(w) > 2`` (it ends a modifier's reach) and ``len(w.strip("'")) > 1`` (it ends a
#: negation's). None of them is a lexicon word, a negation or an emoticon, and none is scanned
#: against the emoticon list (three are letters, the last is longer than 5 characters).
_STAND_INS = {(False, False): "q", (False, True): "qq", (True, True): "qqq", (True, False): "''''''"}


def _masked_words(lexicon: Mapping[str, Any], emoticons: frozenset[str], punctuation: str) -> frozenset[str]:
    """Pattern lexicon words that newslab reads as unknown words, as it has since its first fast path.

    The words that are not letters, at most 5 characters long, not in pattern's punctuation, without
    an apostrophe, not "(!)" and not emoticons: the ordinals "13th", "20th", "21st", "2nd", "3rd",
    "2ndly", "3rdly" (pattern rates them 0.0 and counts them in its average; newslab leaves them out).
    Kept so that the tone rows stay as they were; see ``docs/scale.md`` (sentence tone speed, 2026-12-07).
    """
    return frozenset(
        w
        for w in lexicon
        if not w.isalpha()
        and len(w) <= 5
        and w not in punctuation
        and "'" not in w
        and w != "(!)"
        and w not in emoticons
    )


@functools.cache
def _pattern_fast() -> tuple[_PlainSentiment, Callable[[Sequence[str]], Any], frozenset[str]]:
    """Pattern's lexicon (a plain dict), its assessments of untagged words, and the words it knows.

    The known words are those it reads as more than an unknown word. The assessments are
    :class:`newslab.pattern_lexicon.PatternReader`'s (pattern's steps on facts looked up once).
    """
    from newslab.pattern_lexicon import PatternReader, pattern_constants

    emoticons, punctuation = pattern_constants()
    lexicon = _PlainSentiment(pattern_sentiment())
    known = (frozenset(lexicon) - _masked_words(lexicon, emoticons, punctuation)) | frozenset(lexicon.negations)
    known |= emoticons | {"!", "(!)"}
    if not known.isdisjoint(_STAND_INS.values()):
        raise RuntimeError("pattern's lexicon lists a stand-in of newslab's: pick other stand-ins")
    return lexicon, PatternReader(lexicon).assess, known


def pattern_words(lowered: Sequence[str], known: frozenset[str]) -> list[str]:
    """The words pattern's ``assessments`` needs to give the same result as on all of ``lowered``.

    Words in ``known`` (lexicon words but :func:`_masked_words`, negations, emoticons, "!" and "(!)") are kept;
    every other word is an unknown word to pattern and becomes its stand-in (``_STAND_INS``). Unknown
    words before the first known one are dropped (from pattern's start state they change nothing),
    and in a run of unknown words, those after the first one longer than 2 characters (with more than
    one character besides apostrophes) are dropped: that word clears both the modifier and the
    negation pattern carries, after which further unknown words change nothing.

    Example:
        >>> pattern_words("the talks were not a good idea , he said".split(), _pattern_fast()[2])
        ['not', 'q', 'good', 'qqq']
    """
    keep = [i for i, w in enumerate(lowered) if w in known]
    words: list[str] = []
    if not keep:
        return words
    n = len(lowered)
    keep.append(n)
    for k in range(len(keep) - 1):
        i = keep[k]
        words.append(lowered[i])
        for j in range(i + 1, keep[k + 1]):
            w = lowered[j]
            long_word, long_stem = len(w) > 2, len(w.strip("'")) > 1
            words.append(_STAND_INS[long_word, long_stem])
            if long_word and long_stem:
                break
    return words


def _pattern_score(lowered: list[str]) -> tuple[float, float, list[tuple[list[str], float]]]:
    """TextBlob pattern polarity, subjectivity and assessments of already lowercased tokens.

    Pattern's own ``assessments`` reads the words of :func:`pattern_words` (the same result, fewer
    words to walk); a sentence with no word pattern knows is not handed to it at all.
    """
    _, assess, known = _pattern_fast()
    words = pattern_words(lowered, known)
    if not words:
        return 0.0, 0.0, []
    assessed = assess(words)
    if not assessed:
        return 0.0, 0.0, []
    polarity = sum(a[1] for a in assessed) / len(assessed)
    subjectivity = sum(a[2] for a in assessed) / len(assessed)
    return float(polarity), float(subjectivity), [(a[0], float(a[1])) for a in assessed]


def _combine(news: float, polarity: float) -> float:
    return (1.0 - TEXTBLOB_SHARE) * news + TEXTBLOB_SHARE * polarity


class _Reading(NamedTuple):
    """What sentence tone reads of one sentence, before it is shown as evidence."""

    compound: float
    vader: float
    polarity: float
    subjectivity: float
    hits: list[Hit]  # newslab's lexicon hits
    located: list[tuple[int, int, float]]  # pattern's assessed chunks: first token, last token, polarity
    scoped: list[Hit]  # the lexicon hits before the contrast rule (``hits`` is ``with_contrast(scoped, toks)``)


def _locate(toks: Sequence[str], assessed: list[tuple[list[str], float]]) -> list[tuple[int, int, float]]:
    """First and last token of each assessed chunk found, in order (pattern gives words, not offsets)."""
    located: list[tuple[int, int, float]] = []
    cursor = 0
    for words_, pol in assessed:
        # locate the assessed chunk's last word in order (list.index: the first k >= cursor with toks[k] == last,
        # found in C); a chunk not found is left out
        try:
            k = toks.index(words_[-1], cursor)
        except ValueError:
            continue
        located.append((max(0, k - len(words_) + 1), k, pol))
        cursor = k + 1
    return located


def _read_tokens(
    text: str,
    spans: Sequence[tuple[int, int]],
    lexicon: PreparedLexicon,
    *,
    backoff: Mapping[str, float],
    offset: int = 0,
    evidence: bool = True,
    toks: list[str] | None = None,
) -> _Reading:
    """Read one sentence; ``toks`` are its normalized tokens when the parsed document has them already."""
    if toks is None:
        toks = lower_tokens(text, spans, offset)
    extra = backoff_extra(text, spans, toks, lexicon, backoff, offset) if backoff else None
    scoped = lexicon_hits(toks, lexicon, contrast=False, of_reversal=OF_REVERSAL, extra=extra)
    hits = with_contrast(scoped, toks)  # the same hits as lexicon_hits(..., contrast=True)
    news = news_score(hits)
    polarity, subjectivity, assessed = _pattern_score(toks)
    vader = vader_analyzer().compound(text) if text.strip() else 0.0
    located = _locate(toks, assessed) if evidence else []
    return _Reading(_combine(news, polarity), vader, polarity, subjectivity, hits, located, scoped)


def _score_tokens(
    text: str,
    spans: Sequence[tuple[int, int]],
    lexicon: PreparedLexicon,
    *,
    backoff: Mapping[str, float],
    offset: int = 0,
    evidence: bool = True,
) -> SentimentScore:
    r = _read_tokens(text, spans, lexicon, backoff=backoff, offset=offset, evidence=evidence)
    ev: tuple[Evidence, ...] = ()
    if evidence:
        items = [
            Evidence(text[spans[h.first][0] - offset : spans[h.end - 1][1] - offset], spans[h.first][0],
                     spans[h.end - 1][1], tone_weight(h), "newslab", h.rule)
            for h in r.hits
        ]  # fmt: skip
        for first, k, pol in r.located:
            s, e = spans[first][0], spans[k][1]
            items.append(Evidence(text[s - offset : e - offset], s, e, pol, "textblob", ""))
        ev = tuple(items)
    return SentimentScore(r.compound, r.vader, r.polarity, r.subjectivity, ev)


def score_sentiment(
    text: str, *, lexicon: Mapping[str, float] | None = None, backoff: Mapping[str, float] | None = None
) -> SentimentScore:
    """Tone of ``text`` (best a sentence or a short paragraph) with its evidence.

    Args:
        text: Any string. Empty or whitespace-only text scores 0.0 everywhere with no evidence.
        lexicon: Term -> valence (VADER scale) for newslab's reading; ``None`` means
            :func:`news_lexicon` (VADER's lexicon with the packaged news corrections).
            ``vader`` and ``polarity`` always use the published lexicons unchanged.
        backoff: Word -> valence (VADER scale) for words that no lexicon rates (see
            :mod:`newslab.tone_backoff`); ``None`` (default) or ``{}``: none. Opt in to the packaged
            news backoff lexicon with ``backoff=newslab.tone_backoff.default_backoff()``; it is off by
            default because it lowered Pearson r on the NYT snippets and carries topic priors.

    Returns:
        SentimentScore(compound, vader, polarity, subjectivity, evidence).

    Raises:
        ParameterError: If ``text`` is not a string or ``lexicon`` not a mapping.

    Example:
        >>> score_sentiment("The talks were a great success.").label
        'positive'
        >>> score_sentiment("NATO allies are worried.").compound < 0
        True
        >>> score_sentiment("").compound
        0.0
    """
    text = check_text(text)
    lex = prepare_lexicon(lexicon)
    return _score_tokens(text, word_spans(text), lex, backoff=_backoff(backoff))


#: Columns of the sentence tone table (:func:`sentiment_table`, ``Analysis.tone``).
TONE_COLUMNS = columns(ToneRow)  # the schema is the row record (newslab.records)


def _backoff(backoff: Mapping[str, float] | None) -> Mapping[str, float]:
    if backoff is None:
        return {}  # off by default: it lowered r on NYT dev and carries topic priors (docs/sentiment.md)
    if not isinstance(backoff, Mapping):
        raise ParameterError(f"backoff must be a mapping word -> valence or None, got {type(backoff).__name__}")
    return backoff


def tone_rows(
    doc: Document,
    *,
    lexicon: Mapping[str, float] | None = None,
    evidence: bool = True,
    backoff: Mapping[str, float] | None = None,
) -> list[ToneRow]:
    """Sentence tone rows (``TONE_COLUMNS``) of one parsed article.

    ``evidence`` holds the newslab lexicon hits as ``"word:+1.90"`` strings (a list).

    Example:
        >>> from newslab.document import Article, parse
        >>> rows = tone_rows(parse(Article("a", "", "A great day. That is all.")))
        >>> [(r[4], r[9], r[11]) for r in rows]
        [('A great day.', 'positive', ['great:+3.10']), ('That is all.', 'neutral', [])]
    """
    return sentence_tones(doc, lexicon=lexicon, evidence=evidence, backoff=backoff)[0]


def sentence_tones(
    doc: Document,
    *,
    lexicon: Mapping[str, float] | None = None,
    evidence: bool = True,
    backoff: Mapping[str, float] | None = None,
) -> tuple[list[ToneRow], tuple[list[Hit] | None, ...] | None]:
    """:func:`tone_rows`, and the lexicon hits that the target model would find in each sentence.

    The second item, for the target tone stage to reuse, is per sentence
    ``lexicon_hits(toks, default_prepared(), contrast=False)`` where sentence tone found them
    already: in a sentence without a reversal word, its ``of_reversal`` reading finds the same hits
    (that rule acts only through a reversal word). ``None`` for a sentence with a reversal word, and
    no tuple at all with a custom lexicon or a backoff lexicon (the target model reads neither).

    Example:
        >>> from newslab.document import Article, parse
        >>> rows, shared = sentence_tones(parse(Article("a", "", "A great day. Ending the war.")))
        >>> [h.weight for h in shared[0]], shared[1]
        ([3.1], None)
    """
    lex = prepare_lexicon(lexicon)
    back = _backoff(backoff)
    rows: list[ToneRow] = []
    shared: list[list[Hit] | None] | None = [] if lex is default_prepared() and not back else None
    reversals = lex.reversals
    text = doc.text
    for k, (sent, spans) in enumerate(zip(doc.sentences, doc.token_spans, strict=True)):
        toks = doc.lowered_tokens(k)
        r = _read_tokens(sent.text, spans, lex, backoff=back, offset=sent.start, evidence=evidence, toks=toks)
        if shared is not None:
            shared.append(r.scoped if reversals.isdisjoint(toks) else None)
        # the newslab items of score_sentiment's evidence, written from the hits without building it
        words = (
            [f"{text[spans[h.first][0] : spans[h.end - 1][1]]}:{tone_weight(h):+.2f}" for h in r.hits]
            if evidence
            else []
        )
        rows.append(
            ToneRow(doc.id, sent.index, sent.start, sent.end, sent.text, r.compound, r.vader, r.polarity,
             r.subjectivity, _tone_label(r.compound), len(r.hits) + len(r.located) if evidence else 0, words)
        )  # fmt: skip
    return rows, None if shared is None else tuple(shared)


# --- sentiment toward a target -------------------------------------------------------
