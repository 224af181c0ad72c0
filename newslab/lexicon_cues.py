"""Cues from the tone lexicon: a verb or noun of strong valence aimed at a target (rules ``lexicon verb``/``noun``).

The curated cue table (``stance_cues.tsv``) lists about two hundred attitude words; news uses many
more ("X mocked Y", "feuding with Y", "cheered Y", "an attack on Y", "his warmth toward Y"). Instead
of a longer hand list, :func:`lexicon_cues` reads the polarity of such a word from the packaged tone
lexicon (VADER with newslab's news rows, :func:`newslab.tone_lexicon.default_prepared`) and its part
of speech from the tag lexicon (:func:`newslab.descriptions.word_tags`):

* rule ``lexicon verb``: a verb form (tag VB*) whose valence is at least :data:`MIN_VALENCE` and
  whose object, within :data:`OBJECT_WORDS` words, is an actor of the sentence ("slammed *Clinton*",
  "lashed out at *Trump*"). Holder and target are then found as for any verb cue
  (:func:`newslab.cue_roles.cue_roles`: the subject of the clause, a passive agent, the quote's
  speaker), and the negation rules of :mod:`newslab.stance` apply. A passive ("Sanders was cheered by
  supporters") is not read: its target stands before the verb, and which actor before it is meant was
  not settled in this round;
* rule ``lexicon noun``: a noun (tag NN/NNS) of such valence followed by a preposition of
  direction (:data:`NOUN_PREPOSITIONS`: "attack *on* Sanders", "warmth *toward* Russia",
  "praise *for* Trump") and an actor within :data:`OBJECT_WORDS` words; its holder is found as for an
  attitude noun (possessor, "from X", light verb "X launched an attack on").

A word the curated table lists, a word inside a cue found there, and a word of
:data:`NOT_ATTITUDES` (acts and states that are no attitude toward their object: "killed", "won",
"helped") are not read. The cue's polarity is the valence scaled to [-1, 1] (VADER's scale runs to 4;
a valence of :data:`FULL_VALENCE` or more is a full cue).

Example (the rules are off in the package, see :data:`ENABLED`):
    >>> ENABLED.update({"lexicon verb": True, "lexicon noun": True})
    >>> text = "Supporters cheered Sanders on Wednesday."
    >>> [(m.text, c.polarity, c.kind) for m, c in lexicon_cues(text, [(19, 26)], ())]
    [('cheered', 1.0, 'verb')]
    >>> ENABLED.update({"lexicon verb": False, "lexicon noun": False})
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from newslab.cue_matches import CueMatch
from newslab.cues import Cue
from newslab.descriptions import word_tags
from newslab.lexicons import rule_words
from newslab.tone_lexicon import default_prepared

#: Least |valence| (VADER's -4..4 scale) of a lexicon word read as a cue: chosen among 1.0, 1.5 and 2.0 by
#: 5-fold cross-validation over the spent opinion parts (validation/cv_opinions.py, issue 23; 2.0 in 3 folds).
MIN_VALENCE = 2.0
FULL_VALENCE = 2.0  # a valence of this size or more gives polarity +-1 (half of VADER's range)
OBJECT_WORDS = 3  # words between the cue and the start of its target ("slammed the former governor Bush")
#: Prepositions that aim an attitude noun at its object ("attack on", "warmth toward"; general English).
NOUN_PREPOSITIONS = frozenset(rule_words("lexicon_cues.NOUN_PREPOSITIONS"))
#: Words of strong valence that are acts, outcomes or states rather than attitudes toward their object
#: ("killed X", "won X", "helped X", "beat X"): they give no cue (general English, issue 23).
NOT_ATTITUDES = frozenset(rule_words("lexicon_cues.NOT_ATTITUDES"))
#: Tags read as verbs / as nouns (Penn tags of the TextBlob lexicon).
VERB_TAGS = ("VB", "VBD", "VBZ", "VBG", "VBN", "VBP")
NOUN_TAGS = ("NN", "NNS")
#: Switches of the two rules, for validation/cv_opinions.py. Off in the package: cross-validation on the
#: opinion proxy chose them for a gain of one or two opinions, but of the 8 new rows they gave on 1,000
#: NewsMTSC train articles (benchmarks/check_stages_equal.py) 1 was right by hand ("fired Mr. Comey",
#: "motivated Comey", "fear of angering Trump"): not good enough to ship (issue 23, round 4).
ENABLED = {"lexicon verb": False, "lexicon noun": False}

_WORD = re.compile(r"[A-Za-z]+(?:[’'-][A-Za-z]+)*")


@functools.cache
def _tags() -> dict[str, str]:
    return word_tags()


def _kind(word: str) -> str:
    """The kind "verb", "noun" or "" for a lowercase word, by its most frequent tag (suffix when untagged)."""
    tag = _tags().get(word, "")
    if not tag:
        tag = "VBD" if word.endswith("ed") else "VBG" if word.endswith("ing") else ""
    if tag in VERB_TAGS:
        return "verb"
    if tag in NOUN_TAGS:
        return "noun"
    return ""


def lexicon_rules_on() -> bool:
    """Whether either rule is switched on (:data:`ENABLED`); when both are off, :func:`lexicon_cues` finds none."""
    return ENABLED["lexicon verb"] or ENABLED["lexicon noun"]


def lexicon_cues(
    text: str, targets: Sequence[tuple[int, int]], known: Iterable[tuple[int, int]]
) -> list[tuple[CueMatch, Cue]]:
    """Lexicon cues of one sentence (offsets in ``text``, the sentence), left to right.

    Args:
        text: The sentence.
        targets: Spans (in ``text``) of the actors a cue may aim at.
        known: Spans of the cues the curated table found: their words are not read again.
    """
    if not lexicon_rules_on():
        return []  # every word would be passed over at the ENABLED test below
    known = list(known)
    words = default_prepared().words
    out: list[tuple[CueMatch, Cue]] = []
    for w in _WORD.finditer(text):
        low = w.group().lower()
        valence = words.get(low, 0.0)
        if abs(valence) < MIN_VALENCE or low in NOT_ATTITUDES or (w.group()[:1].isupper() and w.start() > 0):
            continue
        if any(s < w.end() and w.start() < e for s, e in known):
            continue
        kind = _kind(low)
        if not kind or not ENABLED[f"lexicon {kind}"]:
            continue
        after = _WORD.findall(text[w.end() :])
        if kind == "noun" and (not after or after[0].lower() not in NOUN_PREPOSITIONS):
            continue
        aimed = False
        for start, _end in targets:
            if start < w.end():
                continue
            gap = _WORD.findall(text[w.end() : start])
            if len(gap) <= OBJECT_WORDS and not re.search(r"[,;:.!?()]", text[w.end() : start]):
                aimed = True
                break
        if not aimed:
            continue
        polarity = round(max(-1.0, min(1.0, valence / FULL_VALENCE)), 2)
        cue = Cue(low, polarity, kind, False, "lexicon", f"lexicon {kind}")
        out.append((CueMatch(w.group(), w.start(), w.end()), cue))
    return out


__all__ = ["lexicon_cues", "lexicon_rules_on"]
