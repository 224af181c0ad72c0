"""Word features that only a model adapted to a user's codes uses: the words of the target's sentence and clause.

The packaged target model sees lexicon masses and cue words near the mention. A domain's own
evaluative words ("rude", "delicious", jargon) are often outside that window or in no lexicon,
so a correction fit on a few hundred codes cannot reach them. :func:`code_word_features` adds
plain indicators of the words around the mention (lower-cased, the mention itself masked):

* ``code_text=<word>``: the word is in the target's sentence (set ``"text"``);
* ``code_clause=<word>``: the word is in the target's clause (set ``"clause"``);
* ``code_bigram=<w1 w2>``: the two adjacent words are in the sentence (set ``"bigram"``);
* ``code_lexicon=<word>``: a lexicon word of the sentence (one the packaged features already count),
  valued +1 or -1 by the sign of its lexicon weight after newslab's negation rules (set ``"lexicon"``):
  a weight learned on it re-weights, or flips, that word's lexicon evidence in the user's domain;
* ``code_aim=<toward|away|open>_<pos|neg>``: the sentence has a positive or negative lexicon word aimed at
  the target, at another name, or at no one in particular (:mod:`newslab.target_aim`; set ``"aim"``, round 7):
  six dense indicators, so that a correction fit on a few hundred codes can learn how much an evaluation
  aimed elsewhere counts for the target in the user's domain.

They exist only in the correction of an adapted model (:func:`newslab.adapt_target_model` fits
them on the codes, keeping words seen in at least *k* coded items); the packaged model and its
tables never compute them.

Example:
    >>> from newslab.target_tone import target_reading
    >>> sent, a, b = target_reading("The waiter was rude to us.", (4, 10))
    >>> sorted(code_word_features(sent, a, b, ("text", "clause")))[:3]
    ['code_clause=rude', 'code_clause=the', 'code_clause=to']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from newslab.errors import ParameterError
from newslab.target_aim import AWAY, TOWARD, aimed_words
from newslab.target_reading import SentenceReading

#: The feature sets, in a fixed order: name -> feature prefix.
WORD_SETS = {
    "text": "code_text=",
    "clause": "code_clause=",
    "bigram": "code_bigram=",
    "lexicon": "code_lexicon=",
    "aim": "code_aim=",
}


def check_word_sets(sets: Iterable[str]) -> tuple[str, ...]:
    """``sets`` in :data:`WORD_SETS` order; raises :class:`ParameterError` for an unknown set."""
    chosen = tuple(sets)
    unknown = sorted(set(chosen) - set(WORD_SETS))
    if unknown:
        raise ParameterError(f"word feature sets {unknown}; valid: {list(WORD_SETS)}")
    return tuple(s for s in WORD_SETS if s in chosen)


def code_word_features(sent: SentenceReading, a: int, b: int, sets: Iterable[str]) -> dict[str, float]:
    """Indicators of the words around the mention tokens ``[a, b)`` of ``sent`` (see the module doc)."""
    chosen = set(sets)
    if not chosen:
        return {}
    words = [t.lower() if any(c.isalpha() for c in t) and not a <= i < b else "" for i, t in enumerate(sent.toks)]
    out: dict[str, float] = {}
    if "text" in chosen:
        out.update((WORD_SETS["text"] + w, 1.0) for w in words if w)
    if "clause" in chosen and a < len(words):
        own = sent.clause[a]
        out.update((WORD_SETS["clause"] + w, 1.0) for w, c in zip(words, sent.clause, strict=True) if w and c == own)
    if "bigram" in chosen:
        out.update((f"{WORD_SETS['bigram']}{u} {v}", 1.0) for u, v in itertools.pairwise(words) if u and v)
    if "lexicon" in chosen:  # signed: +1 a positive, -1 a negative lexicon word (negation already applied)
        for i in sent.hits:
            value = sent.news[i] or sent.pattern[i]
            if words[i] and value:
                out[WORD_SETS["lexicon"] + words[i]] = 1.0 if value > 0 else -1.0
    if "aim" in chosen and b > a:
        for i, aim in aimed_words(sent, a, b):
            value = sent.news[i] or sent.pattern[i]
            if value:
                side = "toward" if aim in TOWARD else "away" if aim in AWAY else "open"
                out[f"{WORD_SETS['aim']}{side}_{'pos' if value > 0 else 'neg'}"] = 1.0
    return out


__all__ = ["WORD_SETS", "check_word_sets", "code_word_features"]
