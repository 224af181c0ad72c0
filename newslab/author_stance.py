"""The author as a stance holder: evaluative words of the writer's own about a target mention (issue 23).

The issue allows the author as holder only from evaluative language of the author's own, never from
reporting verbs, never inside quotes or reported speech. :func:`author_judgements` reads three
narrow constructions around a target mention, in a sentence that holds no quote and no reporting
word (every form of ``speech_verbs.tsv``: "said", "according", "accused" …, and the naming verbs
"called", "described"), is no question and
sets no condition ("if", "whether"):

* ``author: attributive`` — evaluative adjectives right before the mention, in its noun phrase
  ("the reckless Trump", "the usually verbose and swaggering Mr. Christie");
* ``author: possessed noun`` — evaluative adjectives between the mention's possessive and a noun
  ("Trump’s disastrous summit", "Kamala Harris’s debunked attempt");
* ``author: predicate`` — the mention as subject of a copula and an evaluative predicate
  ("NATO is obsolete", "Sanders appears both honest and trustworthy", "Cruz is fake"); a
  negation in the predicate flips and damps it (VADER's N_SCALAR).

An evaluative word is one of newslab's own evaluative words (the ``evaluative`` rows of
``sentiment_news_evaluative.tsv`` and the stance cues marked ``author=yes``: "reckless", "corrupt",
"debunked", "disgrace") with a valence of at least :data:`MIN_VALENCE`, or a word of the general
tone lexicon (VADER's) rated at least :data:`MIN_GENERAL_VALENCE` ("disastrous", "dishonest",
"honest"); adjectives (or participles after an article), and nouns in the predicate ("a disgrace").
Words that describe a status or a situation rather than judge ("powerful", "embattled",
"impeached": ``author.NOT_EVALUATIVE`` in ``rule_words.tsv``) are none. A sentence with any
quotation mark, even an unpaired one, gives none (it may be someone's words). Each judgement keeps
its words and its rule.

Example:
    >>> text = "The reckless Trump left the summit early."
    >>> [(j.words, j.rule) for j in author_judgements(text, 0, len(text), [(13, 18)])]
    [(['reckless'], 'author: attributive')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from newslab.cues import load_cues, load_speech_verbs, reporting_forms
from newslab.descriptions import word_tags
from newslab.lexicons import load_table, rule_words
from newslab.people import people_words
from newslab.tone_lexicon import NEGATION_SCALAR, NEGATORS, default_prepared, inflections

#: Least |valence| (VADER's -4..+4 scale) of an evaluative word. Set by hand before any scoring:
#: VADER rates clear judgements 1.2 ("obsolete") to 3.4 ("horrific"), mild ones ("tough") below 1.
MIN_VALENCE = 1.0
#: Least |valence| of a word of the general tone lexicon (VADER's) that is not one of newslab's evaluative
#: words. Set to 2.0 after reading 32 author rows on unseen NewsMTSC train sentences (13 right): VADER's
#: states and mild descriptions ("calm" 1.3, "weak" -1.9, "good" 1.9, "isolated" -1.3) were judged as
#: the author's; checked again on a fresh sample (docs/voices.md).
MIN_GENERAL_VALENCE = 2.0
CUE_SCALE = 4.0  # a stance cue's polarity (-1..1) on VADER's -4..+4 scale
SCORE_SCALE = 2.0  # a summed valence of 2 is a full favor/against score of 1 (as naming_polarity)
MODIFIER_WORDS = 4  # words before a mention (or after its possessive) read as its modifiers
PREDICATE_WORDS = 6  # words after a copula read as its predicate
#: Status and situation words with a lexicon valence that describe rather than judge.
NOT_EVALUATIVE = frozenset(rule_words("author.NOT_EVALUATIVE"))
#: Copulas and linking verbs whose complement is said of the subject ("is", "appears", "remains").
COPULAS = frozenset(rule_words("author.COPULAS"))
#: Words that make a sentence no assertion of the author's ("if", "whether").
CONDITIONS = frozenset(rule_words("author.CONDITIONS"))
#: Determiners that open a noun phrase whose premodifiers may judge the mention ("the reckless Trump").
DETERMINERS = frozenset(rule_words("author.DETERMINERS"))
#: Words that end a copula's predicate: clause breaks, an infinitive, a relative or subordinate clause.
PREDICATE_STOPS = frozenset(rule_words("author.PREDICATE_STOPS"))
#: Words after which a mention opens a clause ("and", "but", "because"); others make it an object or a modifier.
SUBJECT_OPENERS = frozenset(rule_words("author.SUBJECT_OPENERS"))
QUOTE_MARK = re.compile(r"[“”\"«»‘`]|''|(?<![\w])’|’(?![\w])")
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")


class Judgement(NamedTuple):
    """One author judgement of a target mention: the mention's span, a score in [-1, 1], words and rule."""

    start: int
    end: int
    score: float
    words: list[str]
    rule: str


@functools.cache
def _reporting() -> frozenset[str]:
    """Words that put a clause in someone's mouth or view: every reporting-verb form, "according", naming verbs."""
    forms = set(reporting_forms("tone")) | {f for f in load_speech_verbs() if " " not in f}
    for verb in rule_words("stance.NAMING_VERBS"):
        forms.update(f for f in inflections(verb) if not f.endswith("ly"))  # not the bare form: "lifestyle brand"
    return frozenset(forms)


@functools.cache
def _evaluative() -> dict[str, float]:
    """The evaluative words of newslab's own lexicons, on VADER's scale.

    The news evaluation lexicon's ``evaluative`` rows (one word each) and the stance cues marked
    ``author=yes`` (a cue's polarity times :data:`CUE_SCALE`).
    """
    words = {r["term"]: float(r["score"]) for r in load_table("sentiment_news_evaluative")
             if r["kind"] == "evaluative" and " " not in r["term"]}  # fmt: skip
    words.update({c.cue: c.polarity * CUE_SCALE for c in load_cues() if c.author and " " not in c.cue})
    return words


def _valence(word: str) -> float:
    """The valence of an evaluative word, else 0.0.

    newslab's evaluative words count from :data:`MIN_VALENCE`; any other word of the tone lexicon
    (VADER's) only from :data:`MIN_GENERAL_VALENCE`, where VADER rates a clear judgement ("reckless",
    "dishonest") and not a state or a mild description ("calm", "weak", "good").
    """
    low = word.lower()
    if low in NOT_EVALUATIVE or not word[:1].isalpha() or word[:1].isupper():
        return 0.0
    own = _evaluative().get(low)
    if own is not None:
        return own if abs(own) >= MIN_VALENCE else 0.0
    lex = default_prepared()
    value = lex.words.get(low)
    if value is None:
        value = lex.words.get(lex.inflected.get(low, ""), 0.0)
    return value if abs(value) >= MIN_GENERAL_VALENCE else 0.0


def _tag(word: str) -> str:
    return word_tags().get(word.lower(), "")


def _adjective(word: str) -> bool:
    """An adjective, or a participle of newslab's evaluative words ("debunked"; not "broken", "imprisoned")."""
    return _tag(word).startswith("JJ") or word.lower() in _evaluative()


def _assertion(words: Sequence[re.Match[str]]) -> bool:
    """A sentence the author asserts: no reporting word, no condition, not a question."""
    lows = [w.group().lower() for w in words]
    if any(w in _reporting() or w in CONDITIONS for w in lows):
        return False
    return not lows or lows[-1] != "?"


def _modifiers(words: Sequence[re.Match[str]]) -> tuple[float, list[str]]:
    """Summed valence and words of evaluative adjectives among a run of modifiers (adverbs, "and", commas)."""
    total, found = 0.0, []
    for w in words:
        value = _valence(w.group()) if _adjective(w.group()) else 0.0
        if value:
            total += value
            found.append(w.group())
    return total, found


def _premodifier(word: str) -> bool:
    low = word.lower()
    return low in ("and", ",") or _tag(low).startswith(("JJ", "RB")) or low in _evaluative()


def _modifier_run(words: Sequence[re.Match[str]], *, forward: bool = False) -> list[re.Match[str]]:
    """The adjectives, adverbs, "and" and commas of a noun phrase's premodifiers.

    The run ending at the last of ``words`` (before a mention), or with ``forward`` the run starting at
    the first (after a possessive).
    """
    run: list[re.Match[str]] = []
    for w in words if forward else reversed(words):
        if not _premodifier(w.group()):
            break
        run.append(w)
    return run if forward else run[::-1]


def _predicate(words: Sequence[re.Match[str]]) -> tuple[float, list[str]]:
    """Valence and words of a copula's predicate: up to the first clause break; a negation flips it."""
    total, negated = 0.0, False
    found: list[str] = []
    for k, w in enumerate(words):
        low = w.group().lower()
        if low in PREDICATE_STOPS:
            break  # "the first president to be impeached": what follows is no part of the judgement
        if low in NEGATORS or low.endswith(("n't", "n’t")):
            negated = not found  # "is not honest", "is very emphatically not a seasoned diplomat"; not after it
            continue
        if (k == 0 or (k == 1 and negated)) and _tag(low).startswith(("VB", "MD", "TO", "IN")):
            return 0.0, []  # "is looking for", "was convicted", "is to": a verb phrase, not a predicate
        tag = _tag(low)
        after_article = k > 0 and words[k - 1].group().lower() in ("a", "an", "the")
        if tag.startswith("VBG") or (tag.startswith("VBN") and not after_article):
            continue  # "was already welcoming", "is well liked": an act or a state, not a judgement
        value = _valence(w.group())
        if value:
            total += value
            found.append(w.group())
    if negated and total:
        total *= NEGATION_SCALAR
        found = ["not", *found]
    return total, found


def _person_noun(word: str) -> bool:
    """A noun for people ("critics", "supporters", "aides"): "X's harshest critics" judge the critics, not X."""
    low = word.lower()
    nouns = _person_nouns()
    return low in nouns or low.removesuffix("s") in nouns


@functools.cache
def _person_nouns() -> frozenset[str]:
    return frozenset(rule_words("holders.ACTOR_NOUNS")) | frozenset(people_words()[1])


def _subject(before: Sequence[re.Match[str]]) -> bool:
    """Whether a mention opens its clause, so the copula after it is its own ("who denounced Bush are" is not)."""
    if not before:
        return True
    low = before[-1].group().lower()
    return low in SUBJECT_OPENERS or not _tag(low).startswith(("VB", "IN", "TO", "NN", "JJ", "RB", "WP", "DT"))


def author_judgements(text: str, start: int, end: int, mentions: Sequence[tuple[int, int]]) -> list[Judgement]:
    """The author's own judgements of the target mentions of one sentence ``text[start:end]``.

    Args:
        text: The article text.
        start: The sentence's first character.
        end: The sentence's end.
        mentions: Spans of the target's name mentions in the sentence (no pronouns), none in a quote;
            the caller leaves out sentences that hold a quote.

    Returns:
        One :class:`Judgement` per mention and rule whose evaluative words sum to at least
        :data:`MIN_VALENCE`; none when the sentence reports, asks or supposes.
    """
    words = list(_WORD.finditer(text, start, end))
    if not _assertion(words) or QUOTE_MARK.search(text, start, end):
        return []  # a quotation mark, even unpaired ("“Nancy Pelosi was a great speaker."): someone else's words
    out = []
    for ms, me in mentions:
        before = [w for w in words if w.end() <= ms][-MODIFIER_WORDS - 1 :]
        after = [w for w in words if w.start() >= me]
        inside = [w for w in words if ms <= w.start() < me and w.group()[:1].islower()]  # "the reckless president"
        run = _modifier_run(before)
        if len(run) == len(before) or before[-len(run) - 1].group().lower() not in DETERMINERS:
            run = []  # "endorsed Trump", "critics slammed Trump": premodifiers only after a determiner
        if (run and run[-1].group() == ",") or (
            after and _tag(after[0].group()).startswith("NN") and after[0].group()[:1].islower()
        ):
            run = []  # "A proud conservative, Bachmann" (apposition); "an enthusiastic Trump supporter" (a modifier)
        value, found = _modifiers(run + inside)
        if found:
            out.append(Judgement(ms, me, value, found, "author: attributive"))
        possessive = text[me : me + 2] in ("’s", "'s") or text[me - 2 : me] in ("’s", "'s")
        if possessive and after:  # the token holding "’s" starts inside the mention: after = the modifiers
            run = _modifier_run(after[:MODIFIER_WORDS], forward=True)
            noun = after[len(run)] if len(after) > len(run) else None
            if run and noun is not None and _tag(noun.group()).startswith("NN") and not _person_noun(noun.group()):
                value, found = _modifiers(run)
                if found:
                    out.append(Judgement(ms, me, value, found, "author: possessed noun"))
        elif after and after[0].group().lower() in COPULAS and _subject(before):
            link = 1
            if after[0].group().lower() in ("has", "have", "had"):
                if len(after) < 2 or after[1].group().lower() != "been":
                    continue
                link = 2  # "has been"
            value, found = _predicate(after[link : link + PREDICATE_WORDS])
            if found:
                out.append(Judgement(ms, me, value, found, "author: predicate"))
    return [j._replace(score=max(-1.0, min(1.0, j.score / SCORE_SCALE))) for j in out if abs(j.score) >= MIN_VALENCE]


__all__ = ["Judgement", "author_judgements"]
