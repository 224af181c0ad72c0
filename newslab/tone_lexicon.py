"""newslab's lexicons of tone and the rule-based reading of a token list with them.

The lexicons: VADER's (Hutto & Gilbert 2014) with newslab's news corrections
(``data/sentiment_news_adjustments.tsv``) and newslab's news evaluation lexicon
(``data/sentiment_news_evaluative.tsv``: evaluative words and phrases, sense corrections, event
words, reversals), plus TextBlob's pattern lexicon (De Smedt & Daelemans 2012). The reading:
phrases matched on tokens, VADER's negation, boosters and contrast, and reversal ("end the war").
Sentence tone (:mod:`newslab.tone`) and the target model (:mod:`newslab.target_tone`) build on it.

Example:
    >>> lex = prepare_lexicon(None)
    >>> [(h.weight, h.rule) for h in lexicon_hits(["an", "end", "to", "the", "war"], lex)]
    [(2.146, 'reversed by "end"; names an event: counts 0.5 in sentence tone')]
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from newslab.cues import reporting_forms
from newslab.errors import ParameterError
from newslab.lexicons import load_table, rule_words
from newslab.tokenizers import lower_tokens, norm_token, word_spans  # noqa: F401 (lower_tokens, norm_token: re-exported)

LABELS = ("negative", "neutral", "positive")

# --- constants of the rule-based reading (sources named) -------------------------------
NEGATION_SCALAR = -0.74  # VADER N_SCALAR, Hutto & Gilbert 2014
BOOSTER_STEP = 0.293  # VADER B_INCR, Hutto & Gilbert 2014
BOOSTER_DECAY = (1.0, 0.95, 0.9)  # VADER's damping of a booster 1, 2, 3 words back
NEGATION_WINDOW = 3  # VADER looks three words back for a negation
# A reversal word ("end", "reduce", "overcome") acts on a lexicon word up to four tokens later
# ("reduce the number of deaths" is out of reach, "an end to the war" in); newslab choice, by principle.
REVERSAL_WINDOW = 4
# Sentence tone only (``lexicon_hits(..., of_reversal=True)``, round 6): a reversal word that governs a
# noun phrase with "of" reaches the event further on, up to this many tokens ("reduce the number of
# traffic deaths", "an end to years of bloody war"); newslab choice, by principle.
REVERSAL_OF_WINDOW = 8
VADER_ALPHA = 15.0  # VADER normalize(): x / sqrt(x^2 + alpha)
BEFORE_CONTRAST = 0.5  # VADER's "but" rule: words before "but" count half ...
AFTER_CONTRAST = 1.5  # ... and words after it 1.5 times
# Negative words weigh more than positive ones in readers' ratings of news and opinion text
# (negativity bias); 1.3 is the least-squares choice on the NYT dev snippets (1.2-1.5 all within 0.001 r).
NEGATIVE_WEIGHT = 1.3
# An event word (death, war, defeat) counts half in sentence tone: readers do rate a report of
# deaths as negative, but a report is not a judgement. Chosen among 0 / 0.5 / 0.75 / 1 by the weak
# NewsMTSC *train* proxy (r with the mean target polarity per sentence: 0.468 / 0.483 / 0.483 / 0.481),
# never on the NYT data. The target model reads event words in masses of their own instead.
EVENT_WEIGHT = 0.5

# The one negator list (data/negators.tsv: VADER's NEGATE list in tokenized form, plus the negative
# adverbs "hardly", "barely", "scarcely", "rarely", "seldom"; VADER reads "hardly" as a mere dampener:
# "hardly inspire confidence" came out positive). Read once, when the tone modules are first imported.
NEGATORS = frozenset(row["term"] for row in load_table("negators"))
CONTRAST = frozenset(rule_words("tone_lexicon.CONTRAST"))
CONCESSIVE = frozenset(rule_words("tone_lexicon.CONCESSIVE"))
CLAUSE_BREAKS = frozenset([",", ";", ":", "--", "—", "–", "(", ")", "[", "]", "?", "!", ".", "…"]) | CONTRAST
QUOTES = frozenset(['"', "“", "”", "''", "``", "«", "»", "‘", "’"])
# Verbs that introduce reported speech or an evaluation: the ``tone`` column of the one reporting-verb list
# (data/speech_verbs.tsv); features of the shipped target model read it, so editing that column needs retraining.
REPORTING = frozenset(reporting_forms("tone"))
PRONOUNS = frozenset(rule_words("tone_lexicon.PRONOUNS"))


# --- analyzers and lexicons (loaded once) ---------------------------------------------
@functools.cache
def vader_analyzer() -> Any:
    """VADER in linear time (``newslab.vader``: ``vaderSentiment``'s scores and lexicon), loaded once."""
    from newslab.vader import LinearVader  # vaderSentiment's scores in linear time

    return LinearVader()


@functools.cache
def pattern_sentiment() -> Any:
    """TextBlob's pattern sentiment analyzer with its lexicon loaded, once (without importing nltk)."""
    from newslab.pattern_lexicon import pattern_sentiment as load

    return load()


@functools.cache
def pattern_polarity() -> Mapping[str, float]:
    """Pattern lexicon word -> polarity averaged over its parts of speech (for target features)."""
    pat = pattern_sentiment()
    return {w: float(v[None][0]) for w, v in dict.items(pat) if v.get(None) and v[None][0]}  # plain dict: fast .get


# Certainty adverbs that VADER scores as positive words of their own ("definitely" +1.7) but
# that intensify the next word ("definitely good", "certainly bad"): boosters, newslab choice.
EXTRA_BOOSTERS = rule_words("tone_lexicon.EXTRA_BOOSTERS")


@functools.cache
def _boosters() -> Mapping[str, float]:
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    merged = dict(BOOSTER_DICT)
    merged.update(dict.fromkeys(EXTRA_BOOSTERS, BOOSTER_STEP))
    return merged  # cached and private: never mutated


def booster_words() -> Mapping[str, float]:
    """Boosters and dampeners (VADER's list plus EXTRA_BOOSTERS) -> VADER's step."""
    return MappingProxyType(_boosters())


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
    merged = dict(vader_analyzer().lexicon)
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


class PreparedLexicon(NamedTuple):
    """A lexicon ready for matching: words with their regular inflections, phrases, event words, reversals."""

    words: Mapping[str, float]
    phrases: Mapping[str, tuple[_Phrase, ...]]  # first token -> phrases starting with it, longest first
    events: frozenset[str]
    reversals: frozenset[str]
    inflected: Mapping[str, str]  # a derived form -> the listed word it inherits its valence from
    starts: frozenset[str] = frozenset()  # tokens that may begin a hit (see _hit_starts); other tokens begin none


def _phrase_index(lexicon: Mapping[str, float]) -> dict[str, tuple[_Phrase, ...]]:
    """Multiword entries of ``lexicon`` tokenized like text, indexed by their first token.

    Negated entries ("not working") are left to the negation rule, which also reads "n't working".
    """
    index: dict[str, list[_Phrase]] = {}
    for term, value in lexicon.items():
        if " " not in term or not value or term.startswith("not "):
            continue
        toks = tuple(lower_tokens(term, word_spans(term)))
        if len(toks) > 1:
            index.setdefault(toks[0], []).append(_Phrase(toks, term, float(value)))
    return {k: tuple(sorted(v, key=lambda ph: -len(ph.toks))) for k, v in index.items()}


# Forms that the inflection rule would derive but that are other words ("goods" is not "good").
NOT_INFLECTED = frozenset(rule_words("tone_lexicon.NOT_INFLECTED"))


MIN_INFLECTED = 3  # words shorter than this ("be", "go") have irregular or no inflections of the regular kind


def inflections(word: str) -> list[str]:
    """Regular inflections of a lowercase word: -s/-es/-ies, -ed/-d/-ied, -ing and the -ly adverb.

    Example:
        >>> inflections("illegal"), inflections("deny")
        (['illegals', 'illegaled', 'illegaling', 'illegally'], ['denies', 'denied', 'denying', 'denily'])
    """
    if not word.isalpha() or len(word) < MIN_INFLECTED:
        return []
    if word.endswith("e"):
        forms = [word + "s", word + "d", word[:-1] + "ing"]
    elif word.endswith("y") and word[-2] not in "aeiou":
        forms = [word[:-1] + "ies", word[:-1] + "ied", word + "ing", word[:-1] + "ily"]
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms = [word + "es", word + "ed", word + "ing"]
    else:
        forms = [word + "s", word + "ed", word + "ing"]
    if word.endswith("le"):
        forms.append(word[:-1] + "y")  # terrible -> terribly
    elif not word.endswith(("y", "ly")):
        forms.append(word + "ly")
    return [f for f in forms if f not in NOT_INFLECTED]


def _inflected_forms(words: Mapping[str, float]) -> dict[str, str]:
    """Form -> listed word, for the regular inflections of single words that ``words`` does not list itself.

    Boosters and negators are never derived ("hardly" is not "hard"); a listed form keeps its own
    valence ("supported" in VADER), and a word listed with 0 passes nothing on.
    """
    skip = set(_boosters()) | NEGATORS | set(EXTRA_BOOSTERS)
    out: dict[str, str] = {}
    for w, v in words.items():
        if v and " " not in w:
            for form in inflections(w):
                if form not in words and form not in skip:
                    out.setdefault(form, w)
    return out


def _hit_starts(words: Mapping[str, float], phrases: Mapping[str, tuple[_Phrase, ...]]) -> frozenset[str]:
    """Tokens at which :func:`_base_hits` may find a hit.

    A word with a valence, the first token of a phrase, or X of a listed negated phrase "not X"
    (read after any negator).
    """
    negated = {term[4:] for term in words if term.startswith("not ")}
    return frozenset(w for w, v in words.items() if v) | frozenset(phrases) | frozenset(negated)


def _prepare(words: Mapping[str, float]) -> PreparedLexicon:
    inflected = _inflected_forms(words)
    merged = dict(words)
    merged.update({form: words[lemma] for form, lemma in inflected.items()})
    events = _events()
    events = events | {f for w in events for f in inflections(w)}
    phrases = _phrase_index(words)
    return PreparedLexicon(merged, phrases, events, _reversals(), inflected, _hit_starts(merged, phrases))


@functools.cache
def default_prepared() -> PreparedLexicon:
    """The packaged lexicon (:func:`news_lexicon`) ready for matching, built once."""
    return _prepare(_default_lexicon_dict())


@functools.cache
def default_lexicon() -> Mapping[str, float]:
    """The packaged lexicon as a read-only mapping term -> valence."""
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
        return default_lexicon()
    merged = _with_evaluative(dict(vader_analyzer().lexicon))
    merged.update({str(k).lower(): float(v) for k, v in adjustments.items()})
    return MappingProxyType(merged)


def prepare_lexicon(lexicon: Mapping[str, float] | None) -> PreparedLexicon:
    """The packaged lexicon, or ``lexicon`` with the packaged event words and reversals.

    Multiword keys of ``lexicon`` become phrases, matched on tokens.
    """
    if lexicon is None:
        return default_prepared()
    if not isinstance(lexicon, Mapping):
        raise ParameterError(f"lexicon must be a mapping term -> valence or None, got {type(lexicon).__name__}")
    return _prepare(lexicon)


def check_text(text: object) -> str:
    """``text`` if it is a string, else a ParameterError."""
    if not isinstance(text, str):
        raise ParameterError(f"text must be a string, got {type(text).__name__}")
    return text


# --- the rule-based reading ------------------------------------------------------------
def clause_ids(toks: Sequence[str]) -> list[int]:
    """A clause number per token; a clause break or quote mark is a clause of its own."""
    ids, cid = [], 0
    for tok in toks:
        if tok in CLAUSE_BREAKS or tok in QUOTES:
            cid += 1
            ids.append(cid)
            cid += 1
        else:
            ids.append(cid)
    return ids


class Hit(NamedTuple):
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


def _base_hits(toks: Sequence[str], lex: PreparedLexicon) -> list[tuple[int, int, float, str]]:
    """(first token, end token, valence, rule) of every word or phrase before scope rules.

    Phrases are matched on tokens, longest first, in one left-to-right pass (linear in the length);
    only the tokens of ``lex.starts`` are looked at (no other token begins a hit).
    """
    words, phrases, boosters = lex.words, lex.phrases, _boosters()
    out: list[tuple[int, int, float, str]] = []
    n, after_phrase = len(toks), 0
    starts = lex.starts or _hit_starts(words, phrases)
    for i in [k for k, w in enumerate(toks) if w in starts]:
        if i < after_phrase:
            continue  # inside a phrase found before
        w = toks[i]
        phrase = _match_phrase(toks, i, phrases) if w in phrases else None
        if phrase is not None:
            out.append((i, i + len(phrase.toks), phrase.value, f'phrase "{phrase.term}"'))
            after_phrase = i + len(phrase.toks)
            continue
        if i and toks[i - 1] in NEGATORS and ("not " + w) in words:
            # a listed negated phrase ("not working") carries its own valence
            out.append((i - 1, i + 1, words["not " + w], f'phrase "{toks[i - 1]} {w}"'))
        elif (base := words.get(w)) and not (
            (w == "no" and i + 1 < n and toks[i + 1][:1].isalpha())  # determiner "no" negates the next words
            or w in EXTRA_BOOSTERS  # an intensifier of the next lexicon word, not a cue of its own
            or (w in boosters and i + 1 < n and (words.get(toks[i + 1]) or toks[i + 1] in NEGATORS))
        ):
            lemma = lex.inflected.get(w)
            out.append((i, i + 1, base, f'inflection of "{lemma}"' if lemma else ""))
    return out


#: Two-word negators VADER does not list: "far from perfect", "anything but fair" (issue 23; general English).
NEGATOR_PHRASES = frozenset({("far", "from"), ("anything", "but"), ("by", "no"), ("in", "no")})


@functools.cache
def _scope_words() -> frozenset[str]:
    """Tokens that :func:`_scope_rules` reads: boosters, negators and the last word of a negator phrase."""
    return frozenset(_boosters()) | NEGATORS | frozenset(last for _, last in NEGATOR_PHRASES)


def _scope(toks: Sequence[str], i: int, weight: float, rules: list[str]) -> float:
    """Boosters and negation up to NEGATION_WINDOW tokens before token ``i``, within its clause."""
    if _scope_words().isdisjoint(toks[max(0, i - NEGATION_WINDOW) : i]):
        return weight  # no booster or negator in reach: the rules change nothing (a set test in C)
    return _scope_rules(toks, i, weight, rules)


def _scope_rules(toks: Sequence[str], i: int, weight: float, rules: list[str]) -> float:
    """The booster and negation rules of :func:`_scope`, token by token."""
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
        phrase = (toks[j - 1], toks[j]) if j > 0 else ("", toks[j])
        if toks[j] in NEGATORS or phrase in NEGATOR_PHRASES:
            weight *= NEGATION_SCALAR
            rules.append(f'negated by "{" ".join(phrase) if phrase in NEGATOR_PHRASES else toks[j]}"')
            break
    return weight


def _reverser(toks: Sequence[str], i: int, reversals: frozenset[str], *, of_reversal: bool = False) -> int:
    """Index of a reversal word ("end", "reduce") before token ``i`` in its clause, or -1.

    The reversal word must stand up to REVERSAL_WINDOW tokens before ``i``; with ``of_reversal``, up to
    REVERSAL_OF_WINDOW tokens when an "of" stands between the two ("reduce the number of traffic deaths").
    """
    reach = REVERSAL_OF_WINDOW if of_reversal else REVERSAL_WINDOW
    if reversals.isdisjoint(toks[max(0, i - reach) : i]):
        return -1  # no reversal word in reach: none can be found (a set test in C)
    return _reverser_scan(toks, i, reversals, of_reversal=of_reversal)


def _reverser_scan(toks: Sequence[str], i: int, reversals: frozenset[str], *, of_reversal: bool = False) -> int:
    """The token-by-token search of :func:`_reverser`."""
    for k in range(1, REVERSAL_WINDOW + 1):
        j = i - k
        if j < 0 or toks[j] in CLAUSE_BREAKS:
            return -1
        if toks[j] in reversals:
            return j
    if not of_reversal or "of" not in toks[max(0, i - REVERSAL_OF_WINDOW) : i]:
        return -1
    seen_of = "of" in toks[i - REVERSAL_WINDOW : i]
    for k in range(REVERSAL_WINDOW + 1, REVERSAL_OF_WINDOW + 1):
        j = i - k
        if j < 0 or toks[j] in CLAUSE_BREAKS:
            break
        if toks[j] in reversals and seen_of:
            return j
        seen_of = seen_of or toks[j] == "of"
    return -1


def _unscoped_hits(toks: Sequence[str], lex: PreparedLexicon, base: list[tuple[int, int, float, str]]) -> list[Hit]:
    """:func:`_scoped_hits` of a sentence without a reversal word, booster or negator (the common case).

    None being in reach of any hit, each keeps its value (``_scope`` and ``_reverser`` change nothing);
    only the event rule acts.
    """
    events = lex.events
    hits = []
    for i, e, value, rule in base:
        if e - i == 1 and toks[i] in events:
            hits.append(Hit(i, e, value, f"{rule}; {_EVENT_RULE}" if rule else _EVENT_RULE, True, False))
        else:
            hits.append(Hit(i, e, value, rule, False, False))
    return hits


def _scoped_hits(
    toks: Sequence[str], lex: PreparedLexicon, base: list[tuple[int, int, float, str]], of_reversal: bool
) -> list[Hit]:
    """The hits of ``base`` after the booster, negation, reversal and event rules."""
    reversed_by = {h[0]: _reverser(toks, h[0], lex.reversals, of_reversal=of_reversal) for h in base}
    reversers = {j for j in reversed_by.values() if j >= 0}
    hits: list[Hit] = []
    for i, e, value, rule in base:
        if i in reversers:
            continue  # "end", "stop", "fight" reverse the next word instead
        rules = [rule] if rule else []
        weight = _scope(toks, i, value, rules)
        j = reversed_by[i]
        if j >= 0:
            weight *= NEGATION_SCALAR
            across = ' across "of" (sentence tone)' if i - j > REVERSAL_WINDOW else ""
            rules.append(f'reversed by "{toks[j]}"{across}')
        flipped = (weight < 0) != (value < 0)
        event = e - i == 1 and toks[i] in lex.events
        if event:
            rules.append(_EVENT_RULE)
        hits.append(Hit(i, e, weight, "; ".join(rules), event, flipped))
    return hits


_EVENT_RULE = f"names an event: counts {EVENT_WEIGHT:g} in sentence tone"


def lexicon_hits(
    toks: Sequence[str],
    lex: PreparedLexicon,
    *,
    contrast: bool = True,
    of_reversal: bool = False,
    extra: Mapping[int, tuple[float, str]] | None = None,
) -> list[Hit]:
    """Every lexicon word or phrase in ``toks`` (lowercased) with its valence after the scope rules.

    Rules: boosters and negation (VADER's), reversal (a reversal word before a lexicon word flips
    it like a negation, "reduce deaths", and then is no cue of its own), and contrast (VADER's "but").
    Two options are for sentence tone only (the target model was trained without them):
    ``of_reversal`` lets a reversal word reach through an "of" phrase (REVERSAL_OF_WINDOW), and
    ``extra`` maps token positions to (valence, rule) of words that no lexicon rates (the news backoff
    lexicon, :mod:`newslab.tone_backoff`); they are read by the same rules unless a lexicon hit covers them.

    Example:
        >>> lex = prepare_lexicon(None)
        >>> toks = "reduce the number of traffic deaths".split()
        >>> [round(h.weight, 3) for h in lexicon_hits(toks, lex)]
        [-0.222, -2.9]
        >>> [round(h.weight, 3) for h in lexicon_hits(toks, lex, of_reversal=True)]
        [-0.222, 2.146]
    """
    base = _base_hits(toks, lex)
    if extra:
        covered = {k for h in base for k in range(h[0], h[1])}
        base.extend((i, i + 1, v, r) for i, (v, r) in extra.items() if i not in covered)
        base.sort()
    if lex.reversals.isdisjoint(toks) and _scope_words().isdisjoint(toks):
        hits = _unscoped_hits(toks, lex, base)
    else:
        hits = _scoped_hits(toks, lex, base, of_reversal)
    return with_contrast(hits, toks) if contrast else hits


def with_contrast(hits: list[Hit], toks: Sequence[str]) -> list[Hit]:
    """VADER's "but" rule on hits found with ``contrast=False``: before the last contrast word x0.5, after it x1.5.

    ``lexicon_hits(toks, lex, ...)`` is ``with_contrast(lexicon_hits(toks, lex, contrast=False, ...), toks)``;
    ``hits`` is returned as it is when the rule changes nothing (a new list otherwise).

    Example:
        >>> lex = prepare_lexicon(None)
        >>> toks = "good but bad".split()
        >>> [h.weight for h in with_contrast(lexicon_hits(toks, lex, contrast=False), toks)]
        [0.95, -3.75]
    """
    if hits and not CONTRAST.isdisjoint(toks):  # the set test runs in C; most sentences have no "but"
        at = next((i for i in range(len(toks) - 1, -1, -1) if toks[i] in CONTRAST), -1)
        if at >= 0:
            return [
                h._replace(
                    weight=h.weight * (BEFORE_CONTRAST if h.first < at else AFTER_CONTRAST),
                    rule=h.rule + ("; " if h.rule else "") + "contrast",
                )
                for h in hits
            ]
    return hits


def _normalize(total: float) -> float:
    return total / math.sqrt(total * total + VADER_ALPHA) if total else 0.0


def tone_weight(hit: Hit) -> float:
    """A hit's valence in sentence tone: an event word counts EVENT_WEIGHT of it."""
    return hit.weight * EVENT_WEIGHT if hit.event else hit.weight


def news_score(hits: Iterable[Hit]) -> float:
    """VADER-style normalized sum of the hits' tone weights, negatives weighted by NEGATIVE_WEIGHT.

    Example:
        >>> lex = prepare_lexicon(None)
        >>> round(news_score(lexicon_hits(["a", "bad", "day"], lex)), 3)
        -0.643
    """
    total = 0.0
    for h in hits:
        w = tone_weight(h)
        total += w * NEGATIVE_WEIGHT if w < 0 else w
    return _normalize(total)


@functools.cache
def evaluative_words() -> frozenset[str]:
    """Single words of kind "evaluative" in newslab's news evaluation lexicon."""
    return frozenset(r["term"] for r in _evaluative() if r["kind"] == "evaluative" and " " not in r["term"])
