"""Reading one sentence once for the target model: tokens, lexicon words, clauses, quotes, names and stems.

:func:`read_sentence` turns a sentence (with the quotes the quotes stage found in it, and its word
spans when the parsed document has them) into a :class:`SentenceReading`, the per-token lists
that every feature of :mod:`newslab.target_tone` reads; a sentence with several mentions is read
once for all of them.

Example:
    >>> from newslab.tone_lexicon import default_prepared
    >>> r = read_sentence("Allies are not happy with Trump.", 0, 32, default_prepared())
    >>> r.toks[:4], [r.toks[i] for i in r.negations]
    (['allies', 'are', 'not', 'happy'], ['happy'])
"""

from __future__ import annotations

import bisect
import functools
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from newslab.lexicons import load_table, rule_words, stopwords
from newslab.tokenizers import word_spans
from newslab.tone_constructions import Construction, find_constructions, moved_words, trigger_words
from newslab.tone_lexicon import (
    CLAUSE_BREAKS,
    CONCESSIVE,
    CONTRAST,
    EXTRA_BOOSTERS,
    NEGATORS,
    PRONOUNS,
    QUOTES,
    REPORTING,
    Hit,
    PreparedLexicon,
    booster_words,
    default_lexicon,
    lexicon_hits,
    lower_tokens,
    pattern_polarity,
)

COPULAS = frozenset(rule_words("target_reading.COPULAS"))
PREDICATE_DETERMINERS = frozenset(rule_words("target_reading.PREDICATE_DETERMINERS"))
# Words at most between a copula and a predicated event word ("was a total disaster"): a determiner and
# two adjectives or boosters; further away the word is rarely the predicate's head (newslab choice, by hand).
PREDICATE_GAP = 3
# A negated lexicon word's pattern valence flips and counts half ("not good"), as VADER damps a negated word
# (NEGATION_SCALAR -0.74); newslab choice, no recorded tuning; the shipped model's features were fit with it.
PATTERN_NEGATION = -0.5
STEM_CACHE_SIZE = 100_000  # stems kept: about the word types of a large news corpus
#: The stemmer of the model's context-word features (``Ls=``, ``Rs=``, ...): the Snowball project's
#: stemming algorithm :data:`SNOWBALL_ALGORITHM`, run by its C library through PyStemmer. The packaged model
#: was trained with it (``data/target_sentiment_model.tsv`` names it in its header), and so is every adapted
#: model (its provenance names it). It replaced NLTK's Porter stemmer, whose import costs about 1.4 s of CPU
#: (nltk imports scipy.stats and scikit-learn), at the same 5-fold grouped CV macro-F1 on NewsMTSC train
#: (``docs/scale.md``, 2026-12-07).
STEMMER = "PyStemmer porter"
#: Snowball's Porter stemmer: Porter's 1980 algorithm, which the Snowball project regards as frozen (its English
#: stemmer, "Porter2", may change between releases), and the better of the two in CV on train (0.6753 vs 0.6741).
SNOWBALL_ALGORITHM = "porter"


@functools.cache
def _predicate_fillers() -> frozenset[str]:
    """Words that may stand between a copula and a predicated event word: determiners, adjectives, boosters."""
    return PREDICATE_DETERMINERS | frozenset(pattern_polarity()) | frozenset(booster_words()) | set(EXTRA_BOOSTERS)


def predicated_events(toks: Sequence[str], event: Sequence[bool]) -> list[int]:
    """Event words said *of* someone: the head of a predicate after a copula ("was a disaster").

    An event word names an event ("the disaster in Ohio"), but after a copula it is predicated of the
    subject and is a judgement: "Trump was a disaster", "the plan is a total catastrophe", "she has
    become a real threat". Between the copula and the word stand a determiner and
    otherwise only adjectives and boosters (TextBlob's pattern lexicon, VADER's boosters), at most
    three words; so a passive ("was defeated") or a place ("is in crisis") is no predicate.

    Example:
        >>> toks = "trump was a total disaster after the disaster".split()  # the second one is an event
        >>> predicated_events(toks, [t == "disaster" for t in toks])
        [4]
    """
    if not any(event):
        return []
    fillers = _predicate_fillers()
    found = []
    for i, is_event in enumerate(event):
        if not is_event:
            continue
        k = i - 1
        while k >= 0 and i - k <= PREDICATE_GAP + 1 and toks[k] in fillers and toks[k] not in COPULAS:
            k -= 1
        if k >= 0 and toks[k] in COPULAS and any(t in PREDICATE_DETERMINERS for t in toks[k + 1 : i]):
            found.append(i)
    return found


class SentenceReading(NamedTuple):
    """One sentence read once for all the mentions in it; per-token lists are indexed by token."""

    starts: list[int]  # token start offsets in the given text
    ends: list[int]  # token end offsets in the given text
    toks: list[str]
    clause: list[int]
    news: list[float]  # per-token news-lexicon weight after negation/booster rules (0 if none)
    pattern: list[float]  # per-token pattern polarity (negated in scope)
    negated: list[bool]
    in_quote: list[bool]
    has_quote: bool
    contrast: list[int]  # token indices of but/however/...
    entity_cum: list[int]  # running count of capitalized words and pronouns (other possible holders/targets)
    hits: list[int]  # token indices with a lexicon value (news or pattern)
    vocab_idx: list[int]  # token indices whose word may be a context feature
    negations: list[int]  # token indices of lexicon words read as negated
    stems: list[str]  # stem of each word token (:func:`stemmer`; "" for punctuation, numbers and names)
    event: list[bool]  # the lexicon word names an event or topic (death, war), not a judgement
    entities: list[int]  # token indices of capitalized words that are not function words (names)
    speech: tuple[tuple[int, int, int, int], ...] = ()  # quotes: content tokens [a, b), speaker tokens [a, b) or -1
    constructions: tuple[Construction, ...] = ()  # irony, blame and burden, pressure (newslab.tone_constructions)
    moved: Sequence[str] = ()  # per token "irony" / "demand" / "" (empty when the sentence has no construction)


_per_thread = threading.local()


def _snowball_stem(word: str) -> str:
    """``word``'s stem by this thread's own Snowball stemmer (a PyStemmer object is not thread-safe)."""
    try:
        stem_word = _per_thread.stem_word
    except AttributeError:
        import Stemmer  # PyStemmer: a C extension, imported in about a millisecond

        stem_word = _per_thread.stem_word = Stemmer.Stemmer(SNOWBALL_ALGORITHM).stemWord
    return str(stem_word(word))


@functools.cache
def stemmer() -> Callable[[str], str]:
    """The :data:`STEMMER` of the context-word features, cached per word.

    Example:
        >>> [stemmer()(w) for w in ("worried", "criticized", "allies", "says")]
        ['worri', 'critic', 'alli', 'sai']
    """
    return functools.lru_cache(maxsize=STEM_CACHE_SIZE)(_snowball_stem)


@functools.cache
def feature_vocab() -> frozenset[str]:
    """Words allowed as context features: sentiment lexicons, cue words and function words.

    Restricting n-grams to words that can carry evaluation or structure keeps the model from
    learning the topics of its training period ("emails", "comey") as sentiment.
    """
    vocab = {w for w, v in default_lexicon().items() if v and w.isalpha()}
    vocab |= {w for w in pattern_polarity() if w.isalpha()}
    vocab |= set(stopwords()) | set(NEGATORS) | set(CONTRAST) | set(CONCESSIVE) | set(REPORTING)
    vocab |= {row["term"] for row in load_table("sentiment_target_cues")}
    return frozenset(vocab)


def token_range(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """First and one-past-last index of the tokens overlapping [start, end); (-1, -1) if none.

    Tokens are in text order and do not overlap, so both ends are found by bisection.
    """
    a, b = bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)
    return (a, b) if a < b else (-1, -1)


@functools.cache
def _speech_cues() -> frozenset[str]:
    """Tokens without which the quotes stage finds no quote or reported speech in a sentence."""
    from newslab.quotes import load_speech_verbs

    forms = {w for form in load_speech_verbs() for w in form.split()[:1]}
    return frozenset(forms | QUOTES | {"according", '"', "''", "``"})


class _Word(NamedTuple):
    """What the sentence reading needs to know of a lowercased token, the same wherever it stands."""

    pattern: float  # pattern polarity (0.0 if pattern does not list it)
    vocab: bool  # may be a context feature (:func:`_feature_vocab`)
    stop: bool  # a stopword: never a name
    pronoun: bool
    clause_break: bool  # a clause break or quote mark, a clause of its own (as :func:`clause_ids`)
    quote: bool
    contrast: bool
    speech_cue: bool  # the quotes stage may find speech in a sentence with it (:func:`_speech_cues`)


_UNLISTED = _Word(0.0, False, False, False, False, False, False, False)
_STRAIGHT_QUOTES = frozenset(['"', "''", "``"])  # the same mark opens and closes


@functools.cache
def _word_table() -> Mapping[str, _Word]:
    """:class:`_Word` of every token on one of the word lists, built once; any other token is ``_UNLISTED``."""
    pattern, vocab, stop, cues = pattern_polarity(), feature_vocab(), stopwords(), _speech_cues()
    listed = set(pattern) | vocab | stop | PRONOUNS | CLAUSE_BREAKS | QUOTES | CONTRAST | cues
    return {  # cached and private (a plain dict for fast lookups): never mutated
        w: _Word(pattern.get(w, 0.0), w in vocab, w in stop, w in PRONOUNS, w in CLAUSE_BREAKS or w in QUOTES,
                 w in QUOTES, w in CONTRAST, w in cues)
        for w in listed
    }  # fmt: skip


Speech = tuple[int, int, int, int]
#: Speaker offsets of a quote whose speaker the quotes stage found outside the sentence (a quote
#: continued from, or attributed in, the sentence before): attributed speech, not scare quotes.
SPEAKER_ELSEWHERE = -2


def _speech(chunk: str, spans: Sequence[tuple[int, int]]) -> tuple[Speech, ...]:
    """Quotes and reported speech in one sentence by the quotes stage (:func:`newslab.quotes.sentence_quotes`).

    Returns (content start, content end, speaker start, speaker end) character offsets into
    ``chunk`` per quote; -1 for the speaker when none was found.
    """
    from newslab.quotes import sentence_quotes

    return tuple((q.start, q.end, q.speaker_start, q.speaker_end) for q in sentence_quotes(chunk, spans))


def _speech_tokens(starts: Sequence[int], ends: Sequence[int], speech: Sequence[Speech]) -> tuple[Speech, ...]:
    """Character offsets of quotes and speakers as token ranges: (first, end, speaker first, speaker end)."""
    out = []
    for start, end, speaker_start, speaker_end in speech:
        ca, cb = token_range(starts, ends, start, end)
        if ca < 0:
            continue
        # -1: no speaker; SPEAKER_ELSEWHERE: a speaker the quotes stage found outside this sentence
        sa, sb = token_range(starts, ends, speaker_start, speaker_end) if speaker_start >= 0 else (speaker_start,) * 2
        out.append((ca, cb, sa, sb))
    return tuple(out)


def read_sentence(
    text: str,
    start: int,
    end: int,
    lexicon: PreparedLexicon,
    speech: Sequence[Speech] | None = None,
    tokens: Sequence[tuple[int, int]] | None = None,
    toks: list[str] | None = None,
    found_hits: Sequence[Hit] | None = None,
) -> SentenceReading:
    """Read the sentence ``text[start:end]`` once: tokens, lexicon words, clauses, quotes, names and stems.

    What the caller has read already (the analysis pass: the parsed document and sentence tone) is
    passed on and used as it is: ``tokens``, the word spans (offsets into the sentence); ``toks``,
    their normalized lowercase forms (``lower_tokens``: the list is kept, never changed); ``found_hits``,
    ``lexicon_hits(toks, lexicon, contrast=False)``.
    """
    chunk = text[start:end]
    local = word_spans(chunk) if tokens is None else list(tokens)
    if toks is None:
        toks = lower_tokens(chunk, local)
    n = len(toks)
    table, stem = _word_table(), stemmer()
    pattern, clause, in_quote, stems = [], [], [], []
    entities, entity_cum, contrast, vocab_idx = [], [0], [], []
    cid, cum, inside, has_quote, may_report = 0, 0, False, False, False
    # one pass over the tokens: each word's facts looked up once (see _Word)
    for i, t in enumerate(toks):
        w = table.get(t, _UNLISTED)
        capital = chunk[local[i][0]].isupper()
        alpha = t.isalpha()
        pattern.append(w.pattern)
        if w.clause_break:
            clause.append(cid + 1)
            cid += 2
        else:
            clause.append(cid)
        if w.quote:
            has_quote = True
            if t in _STRAIGHT_QUOTES:
                inside = not inside
                in_quote.append(False)
            else:
                if t in ("“", "«"):
                    inside = True
                elif t in ("”", "»"):
                    inside = False
                in_quote.append(inside)
        else:
            in_quote.append(inside)
        if capital and alpha and not w.stop:
            entities.append(i)
        cum += capital or w.pronoun
        entity_cum.append(cum)
        if w.contrast:
            contrast.append(i)
        if w.vocab:
            vocab_idx.append(i)
        # stems for the context-word features: a capitalized word after the first token is taken
        # for a name (a topic, not sentiment toward the target) and left out
        stems.append(stem(t) if alpha and (i == 0 or not capital) else "")
        may_report = may_report or w.speech_cue
    news, negated, event = [0.0] * n, [False] * n, [False] * n
    for h in lexicon_hits(toks, lexicon, contrast=False) if found_hits is None else found_hits:
        news[h.first] = h.weight
        negated[h.first] = h.flipped
        event[h.first] = h.event
        if h.flipped:
            pattern[h.first] *= PATTERN_NEGATION
        for k in range(h.first + 1, h.end):
            pattern[k] = 0.0  # the phrase carries the valence
    for i in predicated_events(toks, event):  # "was a disaster": said of someone, a judgement
        event[i] = False
    starts, ends = [s + start for s, _ in local], [e + start for _, e in local]
    if speech is None:
        speech = _speech(chunk, local) if may_report else ()
    hits, negations = [i for i in range(n) if news[i] or pattern[i]], [i for i in range(n) if negated[i]]
    speech = _speech_tokens([s for s, _ in local], [e for _, e in local], speech) if speech else ()
    constructions = find_constructions(toks, clause) if not trigger_words().isdisjoint(toks) else ()
    moved = moved_words(constructions, n) if constructions else ()
    return SentenceReading(
        starts, ends, toks, clause, news, pattern, negated, in_quote, has_quote, contrast, entity_cum, hits, vocab_idx,
        negations, stems, event, entities, speech, constructions, moved,
    )  # fmt: skip


__all__ = [
    "SPEAKER_ELSEWHERE",
    "STEMMER",
    "SentenceReading",
    "Speech",
    "feature_vocab",
    "predicated_events",
    "read_sentence",
    "stemmer",
    "token_range",
]
