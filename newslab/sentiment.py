"""Sentence tone and sentiment toward a target, with the evidence behind every number.

Two published lexicons are run side by side, and newslab adds its own news-aware reading:

* ``vader``: VADER's compound score (Hutto & Gilbert 2014, the ``vaderSentiment`` package,
  unchanged) on the sentence text.
* ``polarity`` / ``subjectivity``: TextBlob's pattern lexicon and rules (De Smedt & Daelemans
  2012, the ``textblob`` package) applied to newslab's word tokens.
* ``compound``: newslab's recommended tone in [-1, 1]. It re-reads VADER's lexicon with
  news-specific corrections (``data/sentiment_news_adjustments.tsv``: topical words such as
  "security" or "support" are not evaluative in news) and newslab's news evaluation lexicon
  (``data/sentiment_news_evaluative.tsv``: "caves", "backs down", "under fire", matched on
  tokens), scoped negation, reversal ("end the war"), intensifiers and contrast, then mixes that
  score with TextBlob's polarity (one share calibrated on the NYT development data; see
  ``docs/sentiment.md``).

:func:`target_sentiment` labels the sentiment expressed *toward* a span of text with a
linear model shipped as plain weights (``data/target_sentiment_model.tsv``, trained by
``validation/train_target_model.py``); the evidence lists the features that decided the label.

Example:
    >>> s = score_sentiment("This isn't a bad idea.")
    >>> s.compound > 0
    True
    >>> for e in s.evidence:
    ...     print(e.source, e.term, round(e.weight, 2), e.rule)
    newslab bad 1.85 negated by "n't"
    textblob a bad 0.35
    >>> s = score_sentiment("The new system is still not working.")
    >>> s.compound < 0, s.vader
    (True, 0.0)
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from newslab.errors import NewslabError, ParameterError
from newslab.lexicons import load_table, stopwords
from newslab.tokenizers import sentence_spans, word_spans

if TYPE_CHECKING:
    import pandas as pd

    from newslab.corpus import Article, Corpus
    from newslab.document import Document

logger = logging.getLogger(__name__)

__all__ = [
    "Evidence",
    "Feature",
    "SentimentScore",
    "TargetSentiment",
    "article_sentiment",
    "news_lexicon",
    "score_sentiment",
    "sentiment_table",
    "target_features",
    "target_sentiment",
    "target_sentiment_many",
]

LABELS = ("negative", "neutral", "positive")

# --- constants of the rule-based reading (sources named) -------------------------------
NEGATION_SCALAR = -0.74  # VADER N_SCALAR, Hutto & Gilbert 2014
BOOSTER_STEP = 0.293  # VADER B_INCR, Hutto & Gilbert 2014
BOOSTER_DECAY = (1.0, 0.95, 0.9)  # VADER's damping of a booster 1, 2, 3 words back
NEGATION_WINDOW = 3  # VADER looks three words back for a negation
# A reversal word ("end", "reduce", "overcome") acts on a lexicon word up to four tokens later
# ("reduce the number of deaths" is out of reach, "an end to the war" in); newslab choice, by principle.
REVERSAL_WINDOW = 4
VADER_ALPHA = 15.0  # VADER normalize(): x / sqrt(x^2 + alpha)
BEFORE_CONTRAST = 0.5  # VADER's "but" rule: words before "but" count half ...
AFTER_CONTRAST = 1.5  # ... and words after it 1.5 times
# Negative words weigh more than positive ones in readers' ratings of news and opinion text
# (negativity bias); 1.3 is the least-squares choice on the NYT dev snippets (1.2-1.5 all within 0.001 r).
NEGATIVE_WEIGHT = 1.3
# compound = (1 - TEXTBLOB_SHARE) * newslab_score + TEXTBLOB_SHARE * textblob_polarity.
# Grid search for Pearson r on the NYT editorial dev ratings (vader_nyt_dev, 1,518 snippets)
# by `validation/score_tone.py --fit`, which also reports the 5-fold cross-validated r.
TEXTBLOB_SHARE = 0.25
# A sentence's tone label: VADER's published thresholds on compound (Hutto & Gilbert 2014).
LABEL_THRESHOLD = 0.05

# VADER's NEGATE list in tokenized form, plus the negative adverbs "hardly", "barely", "scarcely"
# (VADER reads "hardly" as a mere dampener: "hardly inspire confidence" came out positive).
NEGATORS = frozenset(
    [
        "not",
        "n't",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "nowhere",
        "without",
        "cannot",
        "hardly",
        "barely",
        "scarcely",
        "rarely",
        "seldom",
    ]
)
CONTRAST = frozenset(["but", "however", "yet", "nevertheless", "nonetheless"])
CONCESSIVE = frozenset(["although", "though", "despite", "while", "whereas"])
CLAUSE_BREAKS = frozenset([",", ";", ":", "--", "—", "–", "(", ")", "[", "]", "?", "!", ".", "…"]) | CONTRAST
QUOTES = frozenset(['"', "“", "”", "''", "``", "«", "»", "‘", "’"])
# Verbs that introduce reported speech or an evaluation, compiled for newslab.
REPORTING = frozenset(
    [
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "tell",
        "added",
        "adds",
        "stated",
        "states",
        "claimed",
        "claims",
        "claim",
        "argued",
        "argues",
        "insisted",
        "insists",
        "warned",
        "warns",
        "wrote",
        "writes",
        "asked",
        "asks",
        "announced",
        "announces",
        "noted",
        "notes",
        "according",
        "explained",
        "explains",
        "called",
        "calls",
        "declared",
        "declares",
        "suggested",
        "suggests",
        "acknowledged",
        "admitted",
        "tweeted",
        "posted",
        "replied",
        "responded",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "him", "her", "them", "his", "their", "it", "its", "we", "us", "i", "you"])


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


class Feature(NamedTuple):
    """One feature of the target model: its value and its push toward the chosen label."""

    name: str
    value: float
    weight: float


@dataclasses.dataclass(frozen=True)
class TargetSentiment:
    """Sentiment expressed toward one target mention.

    Attributes:
        label: ``"negative"``, ``"neutral"`` or ``"positive"``.
        score: P(positive) - P(negative) under the model, in [-1, 1].
        evidence: Features that decided the label, strongest first (value x weight margin).
        probabilities: Model probability per label.
    """

    label: str
    score: float
    evidence: tuple[Feature, ...] = ()
    probabilities: Mapping[str, float] = dataclasses.field(default_factory=dict)


def _tone_label(value: float) -> str:
    if value >= LABEL_THRESHOLD:
        return "positive"
    if value <= -LABEL_THRESHOLD:
        return "negative"
    return "neutral"


# --- analyzers and lexicons (loaded once) ---------------------------------------------
@functools.cache
def _vader() -> Any:
    from newslab.vader import LinearVader  # vaderSentiment's scores in linear time

    return LinearVader()


@functools.cache
def _pattern() -> Any:
    from newslab.pattern import pattern_sentiment  # TextBlob's lexicon without importing nltk

    return pattern_sentiment()


@functools.cache
def _pattern_polarity() -> Mapping[str, float]:
    """Pattern lexicon word -> polarity averaged over its parts of speech (for target features)."""
    pat = _pattern()
    return {w: float(v[None][0]) for w, v in dict.items(pat) if v.get(None) and v[None][0]}  # plain dict: fast .get


# Certainty adverbs that VADER scores as positive words of their own ("definitely" +1.7) but
# that intensify the next word ("definitely good", "certainly bad"): boosters, newslab choice.
EXTRA_BOOSTERS = ("definitely", "certainly", "clearly", "clear", "truly", "surely", "undoubtedly")


@functools.cache
def _boosters() -> Mapping[str, float]:
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    merged = dict(BOOSTER_DICT)
    merged.update(dict.fromkeys(EXTRA_BOOSTERS, BOOSTER_STEP))
    return merged  # cached and private: never mutated


@functools.cache
def _adjustments() -> tuple[dict[str, str], ...]:
    return load_table("sentiment_news_adjustments")


@functools.cache
def _evaluative() -> tuple[dict[str, str], ...]:
    """Rows of newslab's news evaluation lexicon (``sentiment_news_evaluative.tsv``)."""
    return load_table("sentiment_news_evaluative")


def _with_evaluative(merged: dict[str, float]) -> dict[str, float]:
    for row in _evaluative():
        if row["kind"] != "reversal":
            merged[row["term"]] = float(row["score"])
    return merged


@functools.cache
def _default_lexicon_dict() -> dict[str, float]:
    merged = dict(_vader().lexicon)
    for row in _adjustments():
        merged[row["term"]] = float(row["score"])
    return _with_evaluative(merged)  # cached and private (plain dict for fast lookups): never mutated


@functools.cache
def _events() -> frozenset[str]:
    """Words that name an event or a topic (death, war, defeat): read apart from judgements."""
    return frozenset(row["term"] for row in _evaluative() if row["kind"] == "event")


@functools.cache
def _reversals() -> frozenset[str]:
    """Verbs and nouns that reverse the sense of the next lexicon word ("end the war", "reduce deaths")."""
    return frozenset(row["term"] for row in _evaluative() if row["kind"] == "reversal")


class _Phrase(NamedTuple):
    toks: tuple[str, ...]
    term: str
    value: float


class _Lexicon(NamedTuple):
    """A lexicon ready for matching: single words, phrases by first token, event words, reversals."""

    words: Mapping[str, float]
    phrases: Mapping[str, tuple[_Phrase, ...]]  # first token -> phrases starting with it, longest first
    events: frozenset[str]
    reversals: frozenset[str]


def _phrase_index(lexicon: Mapping[str, float]) -> dict[str, tuple[_Phrase, ...]]:
    """Multiword entries of ``lexicon`` tokenized like text, indexed by their first token.

    Negated entries ("not working") are left to the negation rule, which also reads "n't working".
    """
    index: dict[str, list[_Phrase]] = {}
    for term, value in lexicon.items():
        if " " not in term or not value or term.startswith("not "):
            continue
        toks = tuple(_lower_tokens(term, word_spans(term)))
        if len(toks) > 1:
            index.setdefault(toks[0], []).append(_Phrase(toks, term, float(value)))
    return {k: tuple(sorted(v, key=lambda ph: -len(ph.toks))) for k, v in index.items()}


@functools.cache
def _default_prepared() -> _Lexicon:
    words = _default_lexicon_dict()
    return _Lexicon(words, _phrase_index(words), _events(), _reversals())


@functools.cache
def _default_lexicon() -> Mapping[str, float]:
    return MappingProxyType(_default_lexicon_dict())


def news_lexicon(*, adjustments: Mapping[str, float] | None = None) -> Mapping[str, float]:
    """VADER's lexicon with newslab's news corrections (or ``adjustments``) and news evaluation lexicon.

    The evaluation lexicon (``data/sentiment_news_evaluative.tsv``) adds evaluative words and
    multiword phrases of political news ("caves", "backs down", "under fire", "principled") and
    word-sense corrections; ``adjustments`` are applied last, so they can override it.

    Args:
        adjustments: Term -> valence overriding VADER's (a value of 0 removes a term). ``None``
            means the packaged ``sentiment_news_adjustments.tsv``.

    Returns:
        Read-only mapping term -> valence on VADER's -4..+4 scale.

    Example:
        >>> lex = news_lexicon()
        >>> lex["security"], lex["bad"]
        (0.0, -2.5)
    """
    if adjustments is None:
        return _default_lexicon()
    merged = _with_evaluative(dict(_vader().lexicon))
    merged.update({str(k).lower(): float(v) for k, v in adjustments.items()})
    return MappingProxyType(merged)


def _check_lexicon(lexicon: Mapping[str, float] | None) -> _Lexicon:
    """The packaged lexicon, or ``lexicon`` with the packaged event words and reversals.

    Multiword keys of ``lexicon`` become phrases, matched on tokens.
    """
    if lexicon is None:
        return _default_prepared()
    if not isinstance(lexicon, Mapping):
        raise ParameterError(f"lexicon must be a mapping term -> valence or None, got {type(lexicon).__name__}")
    return _Lexicon(lexicon, _phrase_index(lexicon), _events(), _reversals())


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise ParameterError(f"text must be a string, got {type(text).__name__}")
    return text


# --- the rule-based reading ------------------------------------------------------------
def _norm(token: str) -> str:
    token = token.lower()
    return token.replace("’", "'").replace("‘", "'") if "’" in token or "‘" in token else token


def _lower_tokens(text: str, spans: Sequence[tuple[int, int]], offset: int = 0) -> list[str]:
    """Normalized tokens: the text is lowercased once when that keeps its length (it nearly always does)."""
    lowered = _norm(text)
    if len(lowered) == len(text):
        return [lowered[s - offset : e - offset] for s, e in spans]
    return [_norm(text[s - offset : e - offset]) for s, e in spans]


def _clause_ids(toks: Sequence[str]) -> list[int]:
    ids, cid = [], 0
    for tok in toks:
        if tok in CLAUSE_BREAKS or tok in QUOTES:
            cid += 1
            ids.append(cid)
            cid += 1
        else:
            ids.append(cid)
    return ids


class _Hit(NamedTuple):
    """One lexicon word or phrase in a token list, after the scope rules."""

    first: int  # first token
    end: int  # one past the last token (index + 1 for a word)
    weight: float  # valence after negation, boosters, reversal (and contrast, if applied)
    rule: str  # how the valence was changed, "" if not
    event: bool  # the word names an event or topic (death, war, defeat) rather than judging
    flipped: bool  # negated or reversed


def _match_phrase(toks: Sequence[str], i: int, phrases: Mapping[str, tuple[_Phrase, ...]]) -> _Phrase | None:
    """The longest listed phrase starting at token ``i``, or None."""
    for cand in phrases.get(toks[i], ()):
        if tuple(toks[i : i + len(cand.toks)]) == cand.toks:
            return cand
    return None


def _base_hits(toks: Sequence[str], lex: _Lexicon) -> list[tuple[int, int, float, str]]:
    """(first token, end token, valence, rule) of every word or phrase before scope rules.

    Phrases are matched on tokens, longest first, in one left-to-right pass (linear in the length).
    """
    words, phrases, boosters = lex.words, lex.phrases, _boosters()
    out: list[tuple[int, int, float, str]] = []
    n, i = len(toks), 0
    while i < n:
        w = toks[i]
        phrase = _match_phrase(toks, i, phrases) if w in phrases else None
        if phrase is not None:
            out.append((i, i + len(phrase.toks), phrase.value, f'phrase "{phrase.term}"'))
            i += len(phrase.toks)
            continue
        if i and toks[i - 1] in NEGATORS and ("not " + w) in words:
            # a listed negated phrase ("not working") carries its own valence
            out.append((i - 1, i + 1, words["not " + w], f'phrase "{toks[i - 1]} {w}"'))
        elif (base := words.get(w)) and not (
            (w == "no" and i + 1 < n and toks[i + 1][:1].isalpha())  # determiner "no" negates the next words
            or w in EXTRA_BOOSTERS  # an intensifier of the next lexicon word, not a cue of its own
            or (w in boosters and i + 1 < n and (words.get(toks[i + 1]) or toks[i + 1] in NEGATORS))
        ):
            out.append((i, i + 1, base, ""))
        i += 1
    return out


def _scope(toks: Sequence[str], i: int, weight: float, rules: list[str]) -> float:
    """Boosters and negation up to NEGATION_WINDOW tokens before token ``i``, within its clause."""
    boosters = _boosters()
    for k in range(1, NEGATION_WINDOW + 1):
        j = i - k
        if j < 0 or toks[j] in CLAUSE_BREAKS:
            break
        scalar = boosters.get(toks[j])
        if scalar is not None:
            step = scalar * BOOSTER_DECAY[k - 1]
            weight += step if weight > 0 else -step
            rules.append(f'{"boosted" if scalar > 0 else "dampened"} by "{toks[j]}"')
    for k in range(1, NEGATION_WINDOW + 1):
        j = i - k
        if j < 0 or toks[j] in CLAUSE_BREAKS:
            break
        if toks[j] in NEGATORS:
            weight *= NEGATION_SCALAR
            rules.append(f'negated by "{toks[j]}"')
            break
    return weight


def _reverser(toks: Sequence[str], i: int, reversals: frozenset[str]) -> int:
    """Index of a reversal word ("end", "reduce") up to REVERSAL_WINDOW tokens before ``i`` in its clause, or -1."""
    for k in range(1, REVERSAL_WINDOW + 1):
        j = i - k
        if j < 0 or toks[j] in CLAUSE_BREAKS:
            break
        if toks[j] in reversals:
            return j
    return -1


def _lexicon_hits(toks: Sequence[str], lex: _Lexicon, *, contrast: bool = True) -> list[_Hit]:
    """Every lexicon word or phrase in ``toks`` (lowercased) with its valence after the scope rules.

    Rules: boosters and negation (VADER's), reversal (a reversal word before a lexicon word flips
    it like a negation, "reduce deaths", and then is no cue of its own), and contrast (VADER's "but").
    """
    base = _base_hits(toks, lex)
    reversed_by = {h[0]: _reverser(toks, h[0], lex.reversals) for h in base}
    reversers = {j for j in reversed_by.values() if j >= 0}
    hits: list[_Hit] = []
    for i, e, value, rule in base:
        if i in reversers:
            continue  # "end", "stop", "fight" reverse the next word instead
        rules = [rule] if rule else []
        weight = _scope(toks, i, value, rules)
        j = reversed_by[i]
        if j >= 0:
            weight *= NEGATION_SCALAR
            rules.append(f'reversed by "{toks[j]}"')
        flipped = (weight < 0) != (value < 0)
        event = e - i == 1 and toks[i] in lex.events
        if event:
            rules.append("names an event")
        hits.append(_Hit(i, e, weight, "; ".join(rules), event, flipped))
    if contrast:
        at = next((i for i in range(len(toks) - 1, -1, -1) if toks[i] in CONTRAST), -1)
        if at >= 0:
            hits = [
                h._replace(
                    weight=h.weight * (BEFORE_CONTRAST if h.first < at else AFTER_CONTRAST),
                    rule=h.rule + ("; " if h.rule else "") + "contrast",
                )
                for h in hits
            ]
    return hits


def _normalize(total: float) -> float:
    return total / math.sqrt(total * total + VADER_ALPHA) if total else 0.0


def _news_score(hits: Iterable[_Hit]) -> float:
    """VADER-style normalized sum of rule-adjusted valences, negatives weighted by NEGATIVE_WEIGHT."""
    return _normalize(sum(h.weight * NEGATIVE_WEIGHT if h.weight < 0 else h.weight for h in hits))


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


@functools.cache
def _pattern_fast() -> tuple[_PlainSentiment, Any, frozenset[str], str]:
    from newslab.pattern import pattern_constants

    emoticons, punctuation = pattern_constants()
    return _PlainSentiment(_pattern()), type(_pattern()).assessments, emoticons, punctuation


def _pattern_score(lowered: list[str]) -> tuple[float, float, list[tuple[list[str], float]]]:
    """TextBlob pattern polarity, subjectivity and assessments of already lowercased tokens.

    Tokens that pattern would only test against its emoticon list (short non-letter tokens such
    as numbers) are replaced by placeholders of the same length class, which leaves the result
    unchanged and skips that slow scan.
    """
    lexicon, assessments, emoticons, punctuation = _pattern_fast()
    words = []
    for w in lowered:
        short_symbol = len(w) <= 5 and not w.isalpha() and w not in punctuation
        if short_symbol and w not in emoticons and "'" not in w and w != "(!)":
            w = "q" * min(len(w), 3)
        words.append((w, None))
    assessed = assessments(lexicon, words, True)
    if not assessed:
        return 0.0, 0.0, []
    polarity = sum(a[1] for a in assessed) / len(assessed)
    subjectivity = sum(a[2] for a in assessed) / len(assessed)
    return float(polarity), float(subjectivity), [(a[0], float(a[1])) for a in assessed]


def _combine(news: float, polarity: float) -> float:
    return (1.0 - TEXTBLOB_SHARE) * news + TEXTBLOB_SHARE * polarity


def _score_tokens(
    text: str, spans: Sequence[tuple[int, int]], lexicon: _Lexicon, *, offset: int = 0, evidence: bool = True
) -> SentimentScore:
    toks = _lower_tokens(text, spans, offset)
    hits = _lexicon_hits(toks, lexicon)
    news = _news_score(hits)
    polarity, subjectivity, assessed = _pattern_score(toks)
    vader = float(_vader().polarity_scores(text)["compound"]) if text.strip() else 0.0
    ev: tuple[Evidence, ...] = ()
    if evidence:
        items = [
            Evidence(text[spans[h.first][0] - offset : spans[h.end - 1][1] - offset], spans[h.first][0],
                     spans[h.end - 1][1], h.weight, "newslab", h.rule)
            for h in hits
        ]  # fmt: skip
        cursor = 0
        for words_, pol in assessed:
            # locate the assessed chunk's last word in order (pattern gives words, not offsets)
            last = words_[-1]
            for k in range(cursor, len(toks)):
                if toks[k] == last:
                    first = max(0, k - len(words_) + 1)
                    s, e = spans[first][0], spans[k][1]
                    items.append(Evidence(text[s - offset : e - offset], s, e, pol, "textblob", ""))
                    cursor = k + 1
                    break
        ev = tuple(items)
    return SentimentScore(_combine(news, polarity), vader, polarity, subjectivity, ev)


def score_sentiment(text: str, *, lexicon: Mapping[str, float] | None = None) -> SentimentScore:
    """Tone of ``text`` (best a sentence or a short paragraph) with its evidence.

    Args:
        text: Any string. Empty or whitespace-only text scores 0.0 everywhere with no evidence.
        lexicon: Term -> valence (VADER scale) for newslab's reading; ``None`` means
            :func:`news_lexicon` (VADER's lexicon with the packaged news corrections).
            ``vader`` and ``polarity`` always use the published lexicons unchanged.

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
    text = _check_text(text)
    lex = _check_lexicon(lexicon)
    return _score_tokens(text, word_spans(text), lex)


def sentiment_table(
    corpus: Corpus | Iterable[Article],
    *,
    lexicon: Mapping[str, float] | None = None,
    evidence: bool = True,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per sentence with every tone score; each article is tokenized once.

    Args:
        corpus: A :class:`~newslab.corpus.Corpus` or any iterable of articles.
        lexicon: As for :func:`score_sentiment`.
        evidence: Add the ``evidence`` column (``"word:+1.9; not good:-1.4"``); turn off for speed.
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns ``article_id, sentence_id, start, end, text, compound, vader,
        polarity, subjectivity, label, n_evidence`` (and ``evidence``); offsets refer to ``Article.text``.

    Example:
        >>> import newslab as nl
        >>> df = nl.sentiment_table(nl.load_seed_corpus())
        >>> list(df.columns[:6])
        ['article_id', 'sentence_id', 'start', 'end', 'text', 'compound']
        >>> bool(df["compound"].between(-1, 1).all())
        True
    """
    from newslab.analysis import AnalysisOptions, analyze  # the pass builds on this module

    _check_lexicon(lexicon)
    options = AnalysisOptions(lexicon=lexicon, tone_evidence=evidence)
    table = analyze(corpus, options=options, tables=("tone",), progress=progress).tone
    return table if evidence else table.drop(columns=["n_evidence", "evidence"])


#: Columns of the sentence tone table (:func:`sentiment_table`, ``Analysis.tone``).
TONE_COLUMNS = [
    "article_id", "sentence_id", "start", "end", "text", "compound", "vader", "polarity", "subjectivity", "label",
    "n_evidence", "evidence",
]  # fmt: skip


def tone_rows(
    doc: Document, *, lexicon: Mapping[str, float] | None = None, evidence: bool = True
) -> list[tuple[Any, ...]]:
    """Sentence tone rows (``TONE_COLUMNS``) of one parsed article.

    ``evidence`` holds the newslab lexicon hits as ``"word:+1.90"`` strings (a list).

    Example:
        >>> from newslab.document import Article, parse
        >>> rows = tone_rows(parse(Article("a", "", "A great day. Nothing else.")))
        >>> [(r[4], r[9], r[11]) for r in rows]
        [('A great day.', 'positive', ['great:+3.10']), ('Nothing else.', 'neutral', [])]
    """
    lex = _check_lexicon(lexicon)
    rows: list[tuple[Any, ...]] = []
    for sent, spans in zip(doc.sentences, doc.token_spans, strict=True):
        sc = _score_tokens(sent.text, spans, lex, offset=sent.start, evidence=evidence)
        words = [f"{e.term}:{e.weight:+.2f}" for e in sc.evidence if e.source == "newslab"] if evidence else []
        rows.append(
            (doc.id, sent.index, sent.start, sent.end, sent.text, sc.compound, sc.vader, sc.polarity,
             sc.subjectivity, sc.label, len(sc.evidence), words)
        )  # fmt: skip
    return rows


def article_sentiment(table: pd.DataFrame | Corpus | Iterable[Article]) -> pd.DataFrame:
    """Article-level tone from sentence scores (length-normalized, unlike VADER on a whole article).

    Args:
        table: The output of :func:`sentiment_table`, or a corpus (scored first).

    Returns:
        DataFrame, one row per article: ``article_id, n_sentences, compound_mean, vader_mean,
        polarity_mean, subjectivity_mean, share_negative, share_positive, balance`` (share
        positive minus share negative; sentence labels by the +/-0.05 thresholds on compound).

    Example:
        >>> import newslab as nl
        >>> summary = article_sentiment(nl.load_seed_corpus())
        >>> list(summary["article_id"])
        ['es-daily', 'de-dpa']
    """
    import pandas as pd

    df = table if isinstance(table, pd.DataFrame) else sentiment_table(table, evidence=False)
    missing = {"article_id", "compound", "vader", "polarity", "subjectivity"} - set(df.columns)
    if missing:
        raise ParameterError(f"table lacks columns {sorted(missing)}; pass the output of sentiment_table()")
    grouped = df.groupby("article_id", sort=False)
    out = pd.DataFrame(
        {
            "n_sentences": grouped.size(),
            "compound_mean": grouped["compound"].mean(),
            "vader_mean": grouped["vader"].mean(),
            "polarity_mean": grouped["polarity"].mean(),
            "subjectivity_mean": grouped["subjectivity"].mean(),
            "share_negative": grouped["compound"].apply(lambda s: float((s <= -LABEL_THRESHOLD).mean())),
            "share_positive": grouped["compound"].apply(lambda s: float((s >= LABEL_THRESHOLD).mean())),
        }
    )
    out["balance"] = out["share_positive"] - out["share_negative"]
    return out.reset_index()


# --- sentiment toward a target -------------------------------------------------------
class _Sentence(NamedTuple):
    start: int  # offset of the sentence in the given text
    spans: tuple[tuple[int, int], ...]  # token spans relative to the given text
    toks: tuple[str, ...]
    clause: tuple[int, ...]
    news: tuple[float, ...]  # per-token news-lexicon weight after negation/booster rules (0 if none)
    pattern: tuple[float, ...]  # per-token pattern polarity (negated in scope)
    negated: tuple[bool, ...]
    in_quote: tuple[bool, ...]
    has_quote: bool
    contrast: tuple[int, ...]  # token indices of but/however/...
    vocab: frozenset[str]
    entity_cum: tuple[int, ...]  # running count of capitalized words and pronouns (other possible holders/targets)
    hits: tuple[int, ...]  # token indices with a lexicon value (news or pattern)
    vocab_idx: tuple[int, ...]  # token indices whose word may be a context feature
    negations: tuple[int, ...]  # token indices of lexicon words read as negated
    stems: tuple[str, ...]  # Porter stem of each word token ("" for punctuation, numbers and names)
    event: tuple[bool, ...]  # the lexicon word names an event or topic (death, war), not a judgement
    entities: tuple[int, ...]  # token indices of capitalized words that are not function words (names)


@functools.cache
def _porter() -> Callable[[str], str]:
    """NLTK's Porter stemmer (pure code, no NLTK data needed), cached per word."""
    from nltk.stem.porter import PorterStemmer  # deferred: importing nltk takes most of a second

    return functools.lru_cache(maxsize=100_000)(PorterStemmer().stem)


def _stems(text: str, spans: Sequence[tuple[int, int]], toks: Sequence[str]) -> tuple[str, ...]:
    """Stems for the context-word features: alphabetic tokens that do not look like names.

    A capitalized word after the first token is taken for a name (of a person, party, place or
    outlet) and left out: names are topics, not sentiment toward the target. The first token is
    capitalized by position ("The", "But") and is kept.
    """
    stem = _porter()
    return tuple(
        stem(t) if t.isalpha() and (i == 0 or not text[s].isupper()) else ""
        for i, ((s, _), t) in enumerate(zip(spans, toks, strict=True))
    )


@functools.cache
def _feature_vocab() -> frozenset[str]:
    """Words allowed as context features: sentiment lexicons, cue words and function words.

    Restricting n-grams to words that can carry evaluation or structure keeps the model from
    learning the topics of its training period ("emails", "comey") as sentiment.
    """
    vocab = {w for w, v in _default_lexicon().items() if v and w.isalpha()}
    vocab |= {w for w in _pattern_polarity() if w.isalpha()}
    vocab |= set(stopwords()) | set(NEGATORS) | set(CONTRAST) | set(CONCESSIVE) | set(REPORTING)
    vocab |= {row["term"] for row in load_table("sentiment_target_cues")}
    return frozenset(vocab)


def _analyze(text: str, start: int, end: int, lexicon: _Lexicon) -> _Sentence:
    chunk = text[start:end]
    local = word_spans(chunk)
    spans = tuple(local) if not start else tuple((s + start, e + start) for s, e in local)
    toks = tuple(_lower_tokens(chunk, local))
    news = [0.0] * len(toks)
    negated = [False] * len(toks)
    event = [False] * len(toks)
    pat_lex = _pattern_polarity()
    pattern = [pat_lex.get(t, 0.0) for t in toks]
    for h in _lexicon_hits(toks, lexicon, contrast=False):
        news[h.first] = h.weight
        negated[h.first] = h.flipped
        event[h.first] = h.event
        if h.flipped:
            pattern[h.first] *= -0.5
        for k in range(h.first + 1, h.end):
            pattern[k] = 0.0  # the phrase carries the valence
    in_quote, inside = [], False
    for t in toks:
        if t in ('"', "''", "``"):
            inside = not inside
            in_quote.append(False)
            continue
        if t in ("“", "«"):
            inside = True
        elif t in ("”", "»"):
            inside = False
        in_quote.append(inside)
    vocab = _feature_vocab()
    stop = stopwords()
    entities = []
    entity_cum = [0]
    for i, ((s, _), t) in enumerate(zip(spans, toks, strict=True)):
        capital = text[s].isupper()
        if capital and t not in stop and t.isalpha():
            entities.append(i)
        entity_cum.append(entity_cum[-1] + (capital or t in PRONOUNS))
    return _Sentence(
        start,
        spans,
        toks,
        tuple(_clause_ids(toks)),
        tuple(news),
        tuple(pattern),
        tuple(negated),
        tuple(in_quote),
        any(t in QUOTES for t in toks),
        tuple(i for i, t in enumerate(toks) if t in CONTRAST),
        vocab,
        tuple(entity_cum),
        tuple(i for i in range(len(toks)) if news[i] or pattern[i]),
        tuple(i for i, t in enumerate(toks) if t in vocab),
        tuple(i for i in range(len(toks)) if negated[i]),
        _stems(text, spans, toks),
        tuple(event),
        tuple(entities),
    )


def _sat(x: float, scale: float) -> float:
    """Saturating squash of a lexicon sum into (-1, 1) (same shape as VADER's normalize)."""
    return x / math.sqrt(x * x + scale) if x else 0.0


NEAREST_MAX_DISTANCE = 6  # distance bins 1..6+ for the nearest lexicon word (newslab choice, CV on train)
CONTEXT_WINDOW = 6  # tokens each side for the bag-of-cue-words features (newslab choice, CV on train)
STEM_WINDOW = 8  # tokens each side for the stemmed context words (newslab choice, CV on train)
STEM_NEAR = 2  # stems this close to the mention also get a "near" feature (newslab choice, CV on train)


@functools.cache
def _evaluative_words() -> frozenset[str]:
    """Single words of kind "evaluative" in newslab's news evaluation lexicon."""
    return frozenset(r["term"] for r in _evaluative() if r["kind"] == "evaluative" and " " not in r["term"])


def _mention_words(sent: _Sentence, a: int, b: int, f: dict[str, float]) -> None:
    """Lexicon words inside the mention itself ("the scandal", "his loyal aides"): ``M=`` and ``mention_*``."""
    mass: dict[str, list[float]] = {}
    for i in range(a, b):
        if sent.news[i] or sent.pattern[i]:
            f["M=" + sent.toks[i]] = 1.0
            _add_mass(mass, "mention", sent.news[i], sent.pattern[i])
    for suffix, value in zip(("_vpos", "_vneg", "_ppos", "_pneg"), mass.get("mention", ()), strict=False):
        if value:
            f["mention" + suffix] = value


def _add_mass(mass: dict[str, list[float]], scope: str, v: float, p: float) -> None:
    """Add a lexicon word's news (``v``) and pattern (``p``) valence to ``mass[scope]`` by sign."""
    m = mass.setdefault(scope, [0.0, 0.0, 0.0, 0.0])
    if v > 0:
        m[0] += v
    elif v < 0:
        m[1] += v
    if p > 0:
        m[2] += p
    elif p < 0:
        m[3] += p


def _features(sent: _Sentence, a: int, b: int) -> dict[str, float]:
    """Features of the mention at token indices [a, b) of ``sent``."""
    toks, news, pat, clause = sent.toks, sent.news, sent.pattern, sent.clause
    n = len(toks)
    f: dict[str, float] = {}
    cl_a = clause[a] if a < n else -1
    cl_b = clause[b - 1] if 0 < b <= n else -1
    # lexicon masses per scope: [vader pos, vader neg, pattern pos, pattern neg]
    mass: dict[str, list[float]] = {}
    dist = 0.0
    nearest_left = nearest_right = -1
    others = [j for j in sent.entities if not a <= j < b]
    evaluative = _evaluative_words()
    target_quoted = a < n and sent.in_quote[a]
    for i in sent.hits:
        if a <= i < b:
            continue
        v, p = news[i], pat[i]
        d = a - i if i < a else i - b + 1
        if sent.event[i]:
            # an event word (death, war, defeat) is not a judgement of the target: its own masses
            _add_mass(mass, "event", v, p)
            _add_mass(mass, "event_near" if d <= 3 else "event_far", v, p)
            continue
        scopes = ["sent", "left" if i < a else "right"]
        if d <= 3:
            scopes.append("near")
        if clause[i] == cl_a or clause[i] == cl_b:
            scopes.append("clause")
        # the holder or the aim: a word closer to another name than to the target, or quoted
        # speech around a target outside the quote, more likely judges someone else
        closer_to_other = False
        for j in others:
            if -d < i - j < d:
                closer_to_other = True
                break
        scopes.append("other" if closer_to_other else "own")
        if sent.in_quote[i] and not target_quoted:
            scopes.append("quoted")
        if toks[i] in evaluative:
            scopes.append("newslab")  # words of newslab's news evaluation lexicon, weighted on their own
        k_v = 0 if v > 0 else 1 if v < 0 else -1
        k_p = 2 if p > 0 else 3 if p < 0 else -1
        for scope in scopes:
            m = mass.get(scope)
            if m is None:
                m = mass[scope] = [0.0, 0.0, 0.0, 0.0]
            if k_v >= 0:
                m[k_v] += v
            if k_p >= 0:
                m[k_p] += p
        if v:
            dist += v / (a - i if i < a else i - b + 1)
        if i < a:
            nearest_left = i
        elif nearest_right < 0:
            nearest_right = i
    for scope, m in mass.items():
        if m[0]:
            f[scope + "_vpos"] = _sat(m[0], VADER_ALPHA)
        if m[1]:
            f[scope + "_vneg"] = _sat(m[1], VADER_ALPHA)
        if m[2]:
            f[scope + "_ppos"] = _sat(m[2], 1.0)
        if m[3]:
            f[scope + "_pneg"] = _sat(m[3], 1.0)
    if dist:
        f["dist_weighted"] = _sat(dist, 4.0)
    # structure flags
    if any(clause[i] == cl_a or clause[i] == cl_b for i in sent.negations):
        f["neg_in_clause"] = 1.0
    if any(c < a for c in sent.contrast):
        f["after_contrast"] = 1.0
    if any(c >= b for c in sent.contrast):
        f["before_contrast"] = 1.0
    if a < n and sent.in_quote[a]:
        f["in_quote"] = 1.0
    if sent.has_quote:
        f["sentence_has_quote"] = 1.0
    if any(t in REPORTING for t in toks[b : b + 3]):
        f["speaker_right"] = 1.0  # "Trump said ..."
    if any(t in REPORTING for t in toks[max(0, a - 2) : a]):
        f["speaker_left"] = 1.0  # "... said Trump"
    if a > 0 and toks[a - 1] == "by":
        f["after_by"] = 1.0
    if b < n and toks[b] in ("'s", "s"):
        f["possessive"] = 1.0
    if a == 0 or (a == 1 and toks[0] in QUOTES):
        f["first"] = 1.0
    f["position"] = a / n if n else 0.0
    if b - a == 1 and toks[a] in PRONOUNS:
        f["pronoun"] = 1.0
    # context words with the mention masked, marked by side (cue words only, see _feature_vocab):
    # adjacent (L1/R1), within 2 tokens (L2/R2, function words too), lexicon or reporting words
    # within CONTEXT_WINDOW (L/R, NOT_ when negated), in the target's clause (C), and lexicon
    # words anywhere in the sentence (S)
    negated = sent.negated
    for i in sent.vocab_idx:
        if a <= i < b:
            continue
        t = toks[i]
        d = a - i if i < a else i - b + 1
        side = "L" if i < a else "R"
        cue = bool(news[i] or pat[i])
        if d == 1:
            f[side + "1=" + t] = 1.0
        if d <= 2:
            f[side + "2=" + t] = 1.0
        if d <= CONTEXT_WINDOW and (cue or t in REPORTING):
            f[side + ("=NOT_" if negated[i] else "=") + t] = 1.0
        if clause[i] == cl_a or clause[i] == cl_b:
            f["C=" + t] = 1.0
        if cue:
            f["S=" + t] = 1.0
    # the nearest lexicon word on each side: its sign, distance, and whether another name or
    # pronoun stands between it and the target (then it more likely describes that other entity)
    ent = sent.entity_cum
    if nearest_left >= 0:
        i = nearest_left
        sign = "pos" if (news[i] or pat[i]) > 0 else "neg"
        f[f"nearL_{sign}_{'blocked' if ent[a] - ent[i + 1] else 'free'}"] = 1.0
        f[f"nearL_{sign}_d{min(a - i, NEAREST_MAX_DISTANCE)}"] = 1.0
    if nearest_right >= 0:
        i = nearest_right
        sign = "pos" if (news[i] or pat[i]) > 0 else "neg"
        f[f"nearR_{sign}_{'blocked' if ent[i] - ent[b] else 'free'}"] = 1.0
        f[f"nearR_{sign}_d{min(i - b + 1, NEAREST_MAX_DISTANCE)}"] = 1.0
    # stemmed context words (any word but names) within STEM_WINDOW tokens, marked by side and by
    # whether they are in the mention's clause ("Ls="/"Rs=") or across a clause break ("Lxs="/"Rxs=");
    # within STEM_NEAR tokens also "Ln="/"Rn=" (or "Lxn="/"Rxn=")
    stems = sent.stems
    for i in range(max(0, a - STEM_WINDOW), min(n, b + STEM_WINDOW)):
        st = stems[i]
        if not st or a <= i < b:
            continue
        d = a - i if i < a else i - b + 1
        side = ("L" if i < a else "R") + ("" if clause[i] == cl_a else "x")
        f[side + "s=" + st] = 1.0
        if d <= STEM_NEAR:
            f[side + "n=" + st] = 1.0
    _mention_words(sent, a, b, f)
    f["bias"] = 1.0
    return f


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of the sentence of ``text`` that contains [start, end) (the whole text if it spans several)."""
    for s, e in sentence_spans(text):
        if s <= start and end <= e:
            return s, e
    return 0, len(text)


def _mention_tokens(sent: _Sentence, start: int, end: int) -> tuple[int, int]:
    a = b = -1
    for i, (s, e) in enumerate(sent.spans):
        if e > start and s < end:
            if a < 0:
                a = i
            b = i + 1
    if a < 0:  # span between tokens (whitespace): an empty mention at the next token
        a = b = next((i for i, (s, _) in enumerate(sent.spans) if s >= end), len(sent.spans))
    return a, b


def _check_span(text: str, span: object) -> tuple[int, int]:
    if not (isinstance(span, (tuple, list)) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        raise ParameterError(f"span must be a (start, end) pair of ints, got {span!r}")
    start, end = int(span[0]), int(span[1])
    if not 0 <= start < end <= len(text):
        raise ParameterError(f"span={span!r} is outside the text (0..{len(text)}) or empty; need 0 <= start < end")
    return start, end


def target_features(
    text: str, span: tuple[int, int], *, lexicon: Mapping[str, float] | None = None
) -> dict[str, float]:
    """The explainable features the target model sees for ``text[span[0]:span[1]]``.

    Lexicon masses left/right/near the mention, in its clause and sentence (VADER with news
    corrections: ``_v*``; pattern: ``_p*``), negation/contrast/quote/reporting-verb flags,
    position, cue words around the masked mention marked by side (``L=``, ``R=``, adjacent ``L1=``/``R1=``),
    and Porter stems of the words within 8 tokens (names left out), marked by side and clause
    (``Ls=``/``Rs=`` same clause, ``Lxs=``/``Rxs=`` across a clause break, ``Ln=``/``Rn=`` within 2 tokens).

    Example:
        >>> f = target_features("Allies are worried about Trump.", (25, 30))
        >>> f["left_vneg"] < 0, "L=worried" in f, "Ls=worri" in f
        (True, True, True)
    """
    text = _check_text(text)
    start, end = _check_span(text, span)
    s, e = _sentence_of(text, start, end)
    sent = _analyze(text, s, e, _check_lexicon(lexicon))
    a, b = _mention_tokens(sent, start, end)
    return _features(sent, a, b)


class _Model(NamedTuple):
    weights: Mapping[str, tuple[float, float, float]]  # feature -> weight per LABELS
    intercept: tuple[float, float, float]


@functools.cache
def _model() -> _Model:
    weights: dict[str, list[float]] = {}
    intercept = [0.0, 0.0, 0.0]
    for row in load_table("target_sentiment_model"):
        k = LABELS.index(row["class"])
        if row["feature"] == "__intercept__":
            intercept[k] = float(row["weight"])
        else:
            weights.setdefault(row["feature"], [0.0, 0.0, 0.0])[k] = float(row["weight"])
    return _Model({f: (w[0], w[1], w[2]) for f, w in weights.items()}, tuple(intercept))  # type: ignore[arg-type]


def _predict(feats: Mapping[str, float], model: _Model, n_evidence: int) -> TargetSentiment:
    z0, z1, z2 = model.intercept
    used: list[tuple[str, float, tuple[float, float, float]]] = []
    weights = model.weights
    for name, value in feats.items():
        w = weights.get(name)
        if w is None:
            continue
        z0 += w[0] * value
        z1 += w[1] * value
        z2 += w[2] * value
        if n_evidence:
            used.append((name, value, w))
    z = [z0, z1, z2]
    top = max(z)
    ex = [math.exp(v - top) for v in z]
    total = sum(ex)
    probs = [v / total for v in ex]
    k = max(range(3), key=lambda j: z[j])
    evidence: tuple[Feature, ...] = ()
    if n_evidence:
        # push toward the chosen label = value * (its weight - mean weight of the other labels)
        others = [j for j in range(3) if j != k]
        pushes = [Feature(name, value, value * (w[k] - (w[others[0]] + w[others[1]]) / 2)) for name, value, w in used]
        pushes.sort(key=lambda ft: -ft.weight)
        evidence = tuple(ft for ft in pushes[:n_evidence] if ft.weight > 0)
    return TargetSentiment(
        LABELS[k], probs[2] - probs[0], evidence, MappingProxyType(dict(zip(LABELS, probs, strict=True)))
    )


def target_sentiment(
    text: str, span: tuple[int, int], *, lexicon: Mapping[str, float] | None = None, n_evidence: int = 6
) -> TargetSentiment:
    """Sentiment expressed toward ``text[span[0]:span[1]]``, not the tone of the whole sentence.

    A multinomial logistic model (weights in ``data/target_sentiment_model.tsv``) over the
    features of :func:`target_features`, computed in the sentence that contains the span.

    Args:
        text: A sentence or a whole article (the sentence holding the span is used).
        span: Character offsets of the target mention (end exclusive).
        lexicon: Term -> valence for the lexicon features; ``None`` means :func:`news_lexicon`
            (the model was trained with it).
        n_evidence: How many deciding features to return.

    Returns:
        TargetSentiment(label, score, evidence, probabilities); ``score`` = P(positive) - P(negative).

    Raises:
        ParameterError: If ``span`` is not inside ``text`` or is empty.

    Example:
        >>> t = "Allies are deeply worried about Trump."
        >>> target_sentiment(t, span=(32, 37)).label
        'negative'
        >>> t = "Rutte praised Trump for his strong leadership."
        >>> target_sentiment(t, span=(14, 19)).label
        'positive'
    """
    feats = target_features(text, span, lexicon=lexicon)
    return _predict(feats, _model(), n_evidence)


def target_sentiment_many(
    items: Iterable[tuple[str, tuple[int, int]]], *, n_evidence: int = 0
) -> list[TargetSentiment]:
    """:func:`target_sentiment` for many ``(text, span)`` pairs; each sentence is analyzed once.

    Example:
        >>> a = "Allies are deeply worried about Trump."
        >>> b = "Rutte praised Trump for his strong leadership."
        >>> [r.label for r in target_sentiment_many([(a, (32, 37)), (b, (14, 19))])]
        ['negative', 'positive']
    """
    model = _model()
    lexicon = _default_prepared()
    out: list[TargetSentiment] = []
    sentences: dict[tuple[int, int, int], _Sentence] = {}  # this call's sentences, analyzed once each
    splits: dict[int, list[tuple[int, int]]] = {}  # sentence spans of each text in this call
    texts: list[str] = []  # keeps the texts alive so their id() stays theirs during the call
    for text, span in items:
        try:
            text = _check_text(text)
            start, end = _check_span(text, span)
        except NewslabError as err:
            raise ParameterError(f"item {len(out)}: {err}") from err
        key = id(text)
        if key not in splits:
            texts.append(text)
            splits[key] = sentence_spans(text)
        s, e = next(((s, e) for s, e in splits[key] if s <= start and end <= e), (0, len(text)))
        sent = sentences.get((key, s, e))
        if sent is None:
            sent = sentences[(key, s, e)] = _analyze(text, s, e, lexicon)
        a, b = _mention_tokens(sent, start, end)
        out.append(_predict(_features(sent, a, b), model, n_evidence))
    return out


def sentence_target_tones(
    sentence: str, spans: Sequence[tuple[int, int]], *, n_evidence: int = 6
) -> list[TargetSentiment]:
    """:func:`target_sentiment` of several mentions in one sentence; the sentence is analyzed once.

    The analysis pass calls this per sentence (stage "target tone"), so the cost is linear in
    the article's length however many mentions it has.

    Args:
        sentence: One sentence.
        spans: Mention spans, offsets into ``sentence``.
        n_evidence: Deciding features returned per mention.

    Example:
        >>> s = "Rutte praised Trump, but allies are worried about Putin."
        >>> [r.label for r in sentence_target_tones(s, [(14, 19), (50, 55)])]
        ['positive', 'negative']
    """
    if not spans:
        return []
    sent = _analyze(sentence, 0, len(sentence), _default_prepared())
    model = _model()
    out = []
    for span in spans:
        start, end = _check_span(sentence, span)
        a, b = _mention_tokens(sent, start, end)
        out.append(_predict(_features(sent, a, b), model, n_evidence))
    return out
