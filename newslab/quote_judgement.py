"""Rule "quote judgement": a speaker's own evaluative words about a target named in the speaker's quote.

"'He is a disgrace to the office,' Pelosi said" (he = Trump), "'NATO has never been stronger,' Rutte told
reporters": the quote holds no stance cue, yet its speaker judges the target in the speaker's own words. The
rule of :mod:`newslab.quote_tone` ("speaker of a quote about the target") reads the target model's score for a
name; this rule (issue 23, branch st9) reads the evaluative words themselves and gives a row only when

* the quote's speaker is known (a resolved person or organization; the stance stage checks the holder);
* an evaluative word of the quote stands in the mention's clause and is **aimed at** it, by the aim rules of
  the target model (:func:`newslab.target_aim.aimed_words`: ``aim_pred`` "He is *a disgrace*", ``aim_poss``
  "his *failure*", ``aim_obj`` "*betrayed* him"), read on the same sentence reading the target model makes
  (:func:`newslab.target_reading.read_sentence`, with the document's tokens and the quotes' spans);
* the word is not negated ("is not a disgrace"), not an event word ("war"), not claimed or demanded (irony "as
  if", a demand: ``moved``), and the quote is no question and reports no third party's view ("people say he
  is corrupt": a reporting verb inside the quote before the word);
* the summed valence of the words is at least :data:`MIN_VALENCE` and the target model's label for the
  mention does not say the opposite.

The direction is the sign of the words' summed valence; the words are the row's evidence. A comparative after
"never" ("has never been stronger") is no negation: it says "stronger than ever" (rule ``never + comparative``).

Example:
    >>> from newslab.document import Article, parse
    >>> doc = parse(Article("a", "", "“He is a disgrace to the office,” Pelosi said."))
    >>> j = quote_judgement(doc, 0, (1, 3), (0, 34), [], ("negative", -0.2))
    >>> (round(j.score, 2), j.words, j.aims)
    (-0.49, ['disgrace'], ['aim_pred'])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from newslab.attribution import Quote
from newslab.cues import reporting_forms
from newslab.document import Document
from newslab.lexicons import rule_words
from newslab.mention_tone import speech_in
from newslab.target_aim import POSSESSIVE_MARKS, aimed_words
from newslab.target_reading import SentenceReading, read_sentence
from newslab.tone_lexicon import NEGATION_SCALAR, NEGATION_WINDOW, VADER_ALPHA, default_prepared

#: Least summed valence (VADER scale) of the aimed words for a row. Tried on NewsMTSC **train** sentences
#: (validation/compare_stance_rows.py --n 4061, each new row read by hand; docs/voices.md, branch st9) at 0.5,
#: 1.0, 1.5 and 2.0: 0.5 and 1.0 give the same one right row there, 1.5 and 2.0 none. Train cannot tell 0.5 from
#: 1.0; 1.0 is kept, the least valence at which newslab's author rule counts its own evaluative words (author_stance).
MIN_VALENCE = 1.0
#: Aims of the target model that count: only ``aim_pred``, the word predicated of the target ("He is a disgrace").
#: ``aim_obj`` and ``aim_poss`` were tried on NewsMTSC train sentences and gave mostly wrong rows ("It's unfair to
#: ask for Hillary", "a great race in Georgia", "Australia's industry must be protected").
AIMS = frozenset({"aim_pred"})
#: Words that may stand before the target at the start of its clause ("And he is ...", "The alliance is ...").
OPENERS = frozenset(rule_words("quote_judgement.OPENERS"))
#: Words of a quote before the judging word that make it someone else's view ("people say he is ..."):
#: the reporting verbs of the tone reader (the one reporting-verb list, data/speech_verbs.tsv).
REPORTING = frozenset(reporting_forms("tone"))
#: Subjects of a reporting verb inside a quote that keep the view the speaker's own ("I think he is ...").
OWN_SUBJECTS = frozenset({"i", "we"})
#: Negators after which a comparative says "more than ever" ("has never been stronger"), not "not".
EVER_NEGATORS = frozenset({"never"})
COMPARATIVE_SUFFIX = "er"  # a flipped word in -er after "never" is read as a comparative (no word list needed)


def _opens_clause(r: SentenceReading, lo: int, a: int, titles: frozenset[int]) -> bool:
    """The mention at token ``a`` opens its clause of the quote: only marks, :data:`OPENERS` and ``titles`` before it.

    ``titles``: token indices of capitalized words, which may stand before a name ("Judge Kavanaugh is ...").
    """
    k = a - 1
    while (
        k >= lo and r.clause[k] == r.clause[a] and (not r.toks[k][:1].isalnum() or r.toks[k] in OPENERS or k in titles)
    ):
        k -= 1
    return k < lo or r.clause[k] != r.clause[a]


def _named_before(r: SentenceReading, lo: int, a: int) -> bool:
    """A name (a capitalized word that is no function word) in the quote before token ``a``: a pronoun may be theirs.

    "Judge Kavanaugh is a superb choice, and he will be a superb justice": "he" is not taken for another target.
    """
    return any(lo <= j < a for j in r.entities)


class Judgement(NamedTuple):
    """What the rule found: the score in [-1, 1] (VADER's normalization), the words and their aims."""

    score: float
    words: list[str]
    aims: list[str]
    ever: bool = False  # every word was read by rule "never + comparative" ("has never been stronger")


def _reported_view(r: SentenceReading, lo: int, i: int) -> bool:
    """A reporting verb between the quote's first token ``lo`` and the word ``i``, with a subject not the speaker."""
    return any(r.toks[k] in REPORTING and (k == lo or r.toks[k - 1] not in OWN_SUBJECTS) for k in range(lo, i))


def _ever_comparative(r: SentenceReading, i: int) -> bool:
    """Rule "never + comparative": "has never been stronger" is "stronger than ever", not a negation."""
    return r.toks[i].endswith(COMPARATIVE_SUFFIX) and not EVER_NEGATORS.isdisjoint(
        r.toks[max(0, i - NEGATION_WINDOW) : i]
    )


def quote_judgement(
    doc: Document,
    sid: int,
    mention: tuple[int, int],
    quote: tuple[int, int],
    quotes: Sequence[Quote],
    model: tuple[str, float] | None,
    *,
    pronoun: bool = False,
    reading: SentenceReading | None = None,
) -> Judgement | None:
    """Rule "quote judgement" for the mention at ``mention`` (article offsets) inside ``quote`` in sentence ``sid``.

    ``quotes`` are the article's quotes (they tell the reading who says what, as they told the target model);
    ``model`` is the target model's (label, score) for the mention, from the pass's target tone rows;
    ``reading`` the sentence's reading when the caller has it; ``pronoun``: the mention is a pronoun (then no name may
    stand before it in the quote). Returns None when no row stands.
    """
    sent = doc.sentences[sid]
    lo_q, hi_q = max(quote[0], sent.start), min(quote[1], sent.end)
    if doc.text[lo_q:hi_q].rstrip(" ”’\"'").endswith("?"):
        return None  # a question judges nothing
    if reading is None:
        reading = sentence_reading(doc, sid, quotes)
    r = reading
    inside = [k for k in range(len(r.toks)) if lo_q <= r.starts[k] and r.ends[k] <= hi_q]
    toks_at = [k for k in inside if r.starts[k] < mention[1] and mention[0] < r.ends[k]]
    if not inside or not toks_at:
        return None
    a, b = toks_at[0], toks_at[-1] + 1
    if pronoun and _named_before(r, inside[0], a):
        return None
    titles = frozenset() if pronoun else frozenset(r.entities)
    if not _opens_clause(r, inside[0], a, titles) or (b < len(r.toks) and r.toks[b] in POSSESSIVE_MARKS):
        return None  # not the subject of its clause, or its possessive ("Australia's industry must be protected")
    words, aims, valence, ever = [], [], 0.0, 0
    for i, aim in aimed_words(r, a, b):
        weight = r.news[i]
        if aim not in AIMS or not weight or not inside[0] <= i <= inside[-1] or (r.moved and r.moved[i]):
            continue
        if r.negated[i]:
            if not _ever_comparative(r, i):
                continue  # "is not a disgrace": no judgement of the speaker's
            weight /= NEGATION_SCALAR  # "never been stronger": the word's own valence
            ever += 1
        if _reported_view(r, inside[0], i):
            continue
        words.append(doc.text[r.starts[i] : r.ends[i]])
        aims.append(aim)
        valence += weight
    if abs(valence) < MIN_VALENCE:
        return None
    if model is not None and model[0] == ("negative" if valence > 0 else "positive"):
        return None  # the target model reads the sentence the other way: no row rather than a doubtful one
    return Judgement(valence / math.sqrt(valence * valence + VADER_ALPHA), words, aims, ever == len(words))


def sentence_reading(doc: Document, sid: int, quotes: Sequence[Quote]) -> SentenceReading:
    """The target model's reading of sentence ``sid`` (the document's tokens, the quotes' spans)."""
    sent = doc.sentences[sid]
    tokens = [(s - sent.start, e - sent.start) for s, e in doc.token_spans[sid]]
    speech = speech_in(sent.start, sent.end, quotes)
    return read_sentence(
        doc.text, sent.start, sent.end, default_prepared(), speech=speech, tokens=tokens, toks=doc.lowered_tokens(sid)
    )


__all__ = ["MIN_VALENCE", "Judgement", "quote_judgement", "sentence_reading"]
